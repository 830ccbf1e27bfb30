/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The loader's errors and warnings with Falco's codes and words: each names the file, the
 * item ("rule 'X'", "macro 'Y'", "list 'Z'") with its line and column, and the message. A
 * clean file prints "FILE: Ok"; a failed one "FILE: Invalid" and the report.
 */
#ifndef SYSRAY_DETECT_RULES_DIAG_H
#define SYSRAY_DETECT_RULES_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* A place in a rules file; lines and columns count from 1 (0: the whole file). */
struct rules_loc {
	const char *file;
	unsigned line, col;
};

enum rdiag_code {
	/* errors */
	LOAD_ERR_FILE_READ,
	LOAD_ERR_YAML_PARSE,
	LOAD_ERR_YAML_VALIDATE,
	LOAD_ERR_COMPILE_CONDITION,
	LOAD_ERR_COMPILE_OUTPUT,
	LOAD_ERR_VALIDATE,
	LOAD_ERR_EXTENSION,
	/* warnings */
	LOAD_UNKNOWN_SOURCE,
	LOAD_UNSAFE_NA_CHECK,
	LOAD_NO_EVTTYPE,
	LOAD_UNKNOWN_FILTER,
	LOAD_UNUSED_MACRO,
	LOAD_UNUSED_LIST,
	LOAD_UNKNOWN_ITEM,
	LOAD_DEPRECATED_ITEM,
	LOAD_WARNING_EXTENSION,
	LOAD_APPEND_NO_VALUES,
	LOAD_EXCEPTION_NAME_NOT_UNIQUE,
	LOAD_INVALID_MACRO_NAME,
	LOAD_INVALID_LIST_NAME,
	LOAD_COMPILE_CONDITION,
	LOAD_UNKNOWN_KEY,
	DIAG_CODE_COUNT,
};

static inline bool rdiag_is_error(enum rdiag_code c)
{
	return c <= LOAD_ERR_EXTENSION;
}

struct rdiag_entry {
	enum rdiag_code code;
	char *item;		/* "rule 'Shell in container'", or NULL for the file itself */
	struct rules_loc loc;
	char *msg;
};

struct rdiag {
	struct rdiag_entry *entries;
	size_t n;
	size_t nerrors;
};

void rdiag_add(struct rdiag *d, enum rdiag_code code, const char *item, struct rules_loc loc,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void rdiag_free(struct rdiag *d);

/* How many errors D has in FILE. */
size_t rdiag_errors_in(const struct rdiag *d, const char *file);

/* "LOAD_ERR_YAML_PARSE" */
const char *rdiag_code_name(enum rdiag_code c);

/*
 * Falco's report for FILE: "FILE: Ok", "FILE: Ok, with warnings" and the warnings (when
 * WARNINGS), or "FILE: Invalid" and the errors (and warnings when WARNINGS) of the entries
 * located in FILE.
 */
void rdiag_print(const struct rdiag *d, const char *file, bool warnings, FILE *f);

#endif
