/* SPDX-License-Identifier: Apache-2.0 */
/* A number given to a one-letter option, checked once for every subcommand. */
#ifndef SYSRAY_CLI_CLI_NUMBER_H
#define SYSRAY_CLI_CLI_NUMBER_H

#include <stdbool.h>

/* ARG, the argument of option -OPT, as a decimal number from MIN to MAX into *V; false after
 * saying "-OPT: 'ARG' is not a number from MIN to MAX". */
bool cli_number(int opt, const char *arg, unsigned long long min, unsigned long long max,
		unsigned long long *v);

#endif
