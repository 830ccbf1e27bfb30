/* SPDX-License-Identifier: Apache-2.0 */
/*
 * From syntax tree to typed predicates: resolve each field name against the registry,
 * check that the operator applies to the field's type, convert each value once.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/filter_int.h"
#include "util/util.h"

struct compiler {
	const struct field_registry *reg;
	struct filter_error *err;
	bool failed;
};

static void fail(struct compiler *c, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct compiler *c, size_t pos, const char *fmt, ...)
{
	va_list ap;

	if (c->failed)
		return;
	c->failed = true;
	c->err->pos = pos;
	va_start(ap, fmt);
	vsnprintf(c->err->msg, sizeof(c->err->msg), fmt, ap);
	va_end(ap);
}

enum type_class { TC_NUMBER, TC_BOOL, TC_TEXT, TC_BYTES, TC_IP, TC_NET, TC_DYNAMIC };

static enum type_class type_class(enum field_type t)
{
	switch (t) {
	case FT_BOOL: return TC_BOOL;
	case FT_CHARBUF: return TC_TEXT;
	case FT_BYTEBUF: return TC_BYTES;
	case FT_IPADDR: return TC_IP;
	case FT_IPNET: return TC_NET;
	case FT_DYNAMIC: return TC_DYNAMIC;
	default: return TC_NUMBER;
	}
}

/* Which operators each class of type supports (sysdig 0.29's checks, made a little stricter:
 * sysdig accepts text operators on ports and booleans and then never matches). */
static bool op_allowed(enum type_class tc, enum cmp_op op)
{
	if (op == CMP_EXISTS || op == CMP_EQ || op == CMP_NE || op == CMP_IN ||
	    op == CMP_INTERSECTS)
		return true;
	switch (tc) {
	case TC_TEXT:
	case TC_DYNAMIC:	/* typed by the event: a number, a text or a buffer */
		return true;
	case TC_NUMBER:
		return op == CMP_LT || op == CMP_LE || op == CMP_GT || op == CMP_GE;
	case TC_BYTES:
		return op == CMP_CONTAINS || op == CMP_STARTSWITH || op == CMP_ENDSWITH;
	case TC_BOOL:
	case TC_IP:
	case TC_NET:
		return false;
	}
	return false;
}

static const char *class_name(enum type_class tc)
{
	static const char *const names[] = {
		[TC_NUMBER] = "numeric", [TC_BOOL] = "boolean", [TC_TEXT] = "text",
		[TC_BYTES] = "buffer",	 [TC_IP] = "IP address", [TC_NET] = "IP network",
		[TC_DYNAMIC] = "dynamic",
	};
	return names[tc];
}

/* Operators that compare with whole values, which must then be values the field can have
 * (contains, startswith, glob and the orderings take parts or bounds). */
static bool is_set_member_test(enum cmp_op op)
{
	return op == CMP_EQ || op == CMP_NE || op == CMP_IN || op == CMP_INTERSECTS;
}

static void free_node(struct fnode *n);

static bool compile_check(struct compiler *c, const struct ast_node *a, struct pred *p)
{
	struct field_error ferr;

	if (!field_resolve(c->reg, a->check.field, &p->ref, &ferr)) {
		fail(c, a->check.field_pos + ferr.pos, "%s", ferr.msg);
		return false;
	}
	const struct field_desc *f = p->ref.field;
	p->op = a->check.op;
	enum type_class tc = type_class(f->type);
	if (!op_allowed(tc, p->op) || (p->op == CMP_PMATCH && tc != TC_TEXT)) {
		fail(c, a->check.op_pos, "'%s' does not apply to %s field %s (%s)",
		     cmp_op_name(p->op), class_name(tc), f->name, field_type_name(f->type));
		return false;
	}
	p->nvalues = a->check.nvalues;
	p->values = xcalloc(p->nvalues ? p->nvalues : 1, sizeof(*p->values));
	p->texts = xcalloc(p->nvalues ? p->nvalues : 1, sizeof(*p->texts));
	for (size_t i = 0; i < p->nvalues; i++) {
		const struct ast_value *v = &a->check.values[i];
		char buf[200];
		/* Values may hold NUL through escapes only in theory; texts are C strings. */
		p->texts[i] = xstrdup(v->text);
		const char *e = value_parse(f->type, p->texts[i], &p->values[i], buf, sizeof(buf));
		if (e) {
			fail(c, v->pos, "%s", e);
			return false;
		}
		if (f->value_check && is_set_member_test(p->op) &&
		    !f->value_check(p->texts[i], buf, sizeof(buf))) {
			fail(c, v->pos, "%s", buf);
			return false;
		}
	}
	return true;
}

static struct fnode *compile_node(struct compiler *c, const struct ast_node *a)
{
	struct fnode *n = xcalloc(1, sizeof(*n));

	n->kind = a->kind;
	switch (a->kind) {
	case AST_AND:
	case AST_OR:
		n->kids = xcalloc(a->list.n, sizeof(*n->kids));
		for (size_t i = 0; i < a->list.n && !c->failed; i++, n->n++)
			n->kids[i] = compile_node(c, a->list.kids[i]);
		break;
	case AST_NOT:
		n->kids = xcalloc(1, sizeof(*n->kids));
		n->kids[0] = compile_node(c, a->child);
		n->n = 1;
		break;
	case AST_CHECK:
		compile_check(c, a, &n->pred);
		break;
	case AST_MACRO:
		fail(c, a->pos, "Undefined macro '%s' used in filter.", a->macro);
		break;
	}
	if (c->failed) {
		free_node(n);
		return NULL;
	}
	return n;
}

static void free_node(struct fnode *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->n; i++)
		free_node(n->kids[i]);
	free(n->kids);
	if (n->kind == AST_CHECK) {
		field_ref_free(&n->pred.ref);
		if (n->pred.texts)
			for (size_t i = 0; i < n->pred.nvalues; i++)
				free(n->pred.texts[i]);
		free(n->pred.texts);
		free(n->pred.values);
	}
	free(n);
}

struct filter *filter_compile_ast(const struct ast_node *ast, const struct field_registry *reg,
				  struct filter_error *err)
{
	struct filter *f = xcalloc(1, sizeof(*f));

	err->pos = 0;
	err->msg[0] = '\0';
	if (ast) {
		struct compiler c = { .reg = reg, .err = err };
		f->root = compile_node(&c, ast);
		if (c.failed) {
			free(f);
			return NULL;
		}
	}
	return f;
}

struct filter *filter_compile(const char *text, const struct field_registry *reg,
			      struct filter_error *err)
{
	struct ast_node *ast = ast_parse(text, err);

	if (!ast && err->msg[0])
		return NULL;
	struct filter *f = filter_compile_ast(ast, reg, err);
	ast_free(ast);
	return f;
}

void filter_free(struct filter *f)
{
	if (!f)
		return;
	free_node(f->root);
	free(f);
}

char *filter_error_format(const struct filter_error *err, const char *text)
{
	size_t len = strlen(text), col = err->pos > len ? len : err->pos;
	char *s = NULL;
	size_t size = 0;
	FILE *m = open_memstream(&s, &size);

	if (!m)
		die("out of memory");
	fprintf(m, "filter error at column %zu: %s\n  ", col + 1, err->msg);
	/* Control characters would shift the caret: show them as blanks. */
	for (size_t i = 0; i < len; i++)
		fputc(isprint((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80 ? text[i]
										       : ' ', m);
	fprintf(m, "\n  %*s^", (int)col, "");
	fclose(m);
	return s;
}
