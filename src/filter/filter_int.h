/* SPDX-License-Identifier: Apache-2.0 */
/* Inside the filter module: the compiled form shared by compiler, evaluator and pushdown. */
#ifndef SYSRAY_FILTER_FILTER_INT_H
#define SYSRAY_FILTER_FILTER_INT_H

#include "filter/ast.h"
#include "filter/filter.h"

/* One comparison, its values already converted to the field's type. */
struct pred {
	struct field_ref ref;
	enum cmp_op op;
	struct field_value *values;	/* strings point into texts[] */
	char **texts;			/* the values as written, one per value */
	size_t nvalues;
};

struct fnode {
	enum ast_kind kind;
	struct fnode **kids;		/* AND, OR: n kids; NOT: one */
	size_t n;
	struct pred pred;		/* CHECK */
};

struct filter {
	struct fnode *root;		/* NULL: matches everything */
};

/* Converts TEXT to a value of TYPE; NULL on success, else a message (static or in BUF). */
const char *value_parse(enum field_type type, const char *text, struct field_value *out,
			char *buf, size_t size);

/* Whether the extracted values VALS[0..n) satisfy P (n == 0: the field is absent). */
bool pred_test(const struct pred *p, const struct field_value *vals, size_t n);

#endif
