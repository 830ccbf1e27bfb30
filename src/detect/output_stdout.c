/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/output_stdout.h"

#include <stdio.h>

void alert_to_stdout(const struct alert *a, bool json)
{
	fputs(json ? a->json : a->text, stdout);
	fputc('\n', stdout);
	fflush(stdout);
}
