/* SPDX-License-Identifier: Apache-2.0 */
/* Lists of pids given on the command line. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

#include "procfs/views.h"
#include "util/util.h"

int pid_set_parse(struct pid_set *set, const char *arg)
{
	const char *p = arg;
	while (*p) {
		if (*p == ',' || isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		char *end;
		errno = 0;
		long v = strtol(p, &end, 10);
		if (end == p || errno || v <= 0 || v > 0x7fffffffL ||
		    (*end && *end != ',' && !isspace((unsigned char)*end)))
			return -1;
		set->v = xrealloc(set->v, (set->n + 1) * sizeof(*set->v));
		set->v[set->n++] = (pid_t)v;
		p = end;
	}
	return set->n ? 0 : -1;
}

int pid_set_has(const struct pid_set *set, pid_t pid)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->v[i] == pid)
			return 1;
	return 0;
}
