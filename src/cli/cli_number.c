/* SPDX-License-Identifier: Apache-2.0 */
#include "cli/cli_number.h"

#include <stdlib.h>

#include "util/util.h"

bool cli_number(int opt, const char *arg, unsigned long long min, unsigned long long max,
		unsigned long long *v)
{
	char *end;

	*v = strtoull(arg, &end, 10);
	if (*end || !*arg || arg[0] == '-' || *v < min || *v > max) {
		msg("-%c: '%s' is not a number from %llu to %llu", opt, arg, min, max);
		return false;
	}
	return true;
}
