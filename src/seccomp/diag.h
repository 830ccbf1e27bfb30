/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Problems found in an input, collected so that a checker can print all of them and a
 * runner can refuse on the first error. Each names where it is: a JSON path
 * ("syscalls[3].names[1]") or a line and column.
 */
#ifndef SYSRAY_SECCOMP_DIAG_H
#define SYSRAY_SECCOMP_DIAG_H

#include <stdio.h>

enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR };

struct diag {
	enum diag_level level;
	char *where;		/* "syscalls[3].names[1]", "line 4, column 7", or "" */
	char *text;
};

struct diags {
	const char *file;	/* prefixes every message */
	struct diag *v;
	int n, cap;
	int errors, warnings;
};

void diag_add(struct diags *d, enum diag_level level, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* "FILE: WHERE: error: TEXT", one line each, in the order found; notes only if VERBOSE. */
void diags_print(const struct diags *d, FILE *f, int min_level);
void diags_free(struct diags *d);

#endif
