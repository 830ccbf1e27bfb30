/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Recursive descent over sysdig 0.29's grammar (Falco's, from ast_parse_rules(), differs
 * where parse_falco_chain() says):
 *   expr  := term { 'and' term }  |  term { 'or' term }	(no mixing without parentheses)
 *   term  := 'not' term | '(' expr ')' | check
 *   check := FIELD OP VALUE | FIELD LISTOP '(' VALUE { ',' VALUE } ')' | FIELD 'exists'
 * `not` binds tighter than `and` and `or`; sysdig rejects "a and b or c" as ambiguous.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter/ast.h"
#include "filter/filter.h"
#include "filter/lexer.h"
#include "util/util.h"

struct parser {
	struct lexer lx;
	struct filter_error *err;
	bool failed;
	bool macros;	/* ast_parse_rules(): bare names are macro references */
	int depth;
};

/* Nesting beyond this is refused rather than risking the stack. */
#define MAX_DEPTH 200

static void fail(struct parser *ps, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fail(struct parser *ps, size_t pos, const char *fmt, ...)
{
	va_list ap;

	if (ps->failed)
		return;
	ps->failed = true;
	ps->err->pos = pos;
	va_start(ap, fmt);
	vsnprintf(ps->err->msg, sizeof(ps->err->msg), fmt, ap);
	va_end(ap);
}

static struct ast_node *new_node(enum ast_kind kind, size_t pos)
{
	struct ast_node *n = xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->pos = pos;
	return n;
}

void ast_free(struct ast_node *n)
{
	if (!n)
		return;
	switch (n->kind) {
	case AST_AND:
	case AST_OR:
		for (size_t i = 0; i < n->list.n; i++)
			ast_free(n->list.kids[i]);
		free(n->list.kids);
		break;
	case AST_NOT:
		ast_free(n->child);
		break;
	case AST_CHECK:
		free(n->check.field);
		for (size_t i = 0; i < n->check.nvalues; i++)
			free(n->check.values[i].text);
		free(n->check.values);
		break;
	case AST_MACRO:
		free(n->macro);
		break;
	}
	free(n);
}

struct ast_node *ast_clone(const struct ast_node *n)
{
	struct ast_node *c = xmalloc(sizeof(*c));

	*c = *n;
	switch (n->kind) {
	case AST_AND:
	case AST_OR:
		c->list.kids = xmalloc(n->list.n * sizeof(*c->list.kids));
		for (size_t i = 0; i < n->list.n; i++)
			c->list.kids[i] = ast_clone(n->list.kids[i]);
		break;
	case AST_NOT:
		c->child = ast_clone(n->child);
		break;
	case AST_CHECK:
		c->check.field = xstrdup(n->check.field);
		c->check.values = xmalloc((n->check.nvalues ? n->check.nvalues : 1) *
					  sizeof(*c->check.values));
		for (size_t i = 0; i < n->check.nvalues; i++) {
			c->check.values[i] = n->check.values[i];
			c->check.values[i].text = xmalloc(n->check.values[i].len + 1);
			memcpy(c->check.values[i].text, n->check.values[i].text,
			       n->check.values[i].len + 1);
		}
		break;
	case AST_MACRO:
		c->macro = xstrdup(n->macro);
		break;
	}
	return c;
}

static struct ast_node *parse_expr(struct parser *ps);

/* What the text holds at POS, for messages: the next word, or "end of filter". */
static void describe_at(const struct lexer *lx, size_t pos, char *buf, size_t size)
{
	size_t e = pos;

	while (e < lx->len && e - pos < 20 && lx->text[e] != ' ')
		e++;
	if (e == pos)
		snprintf(buf, size, "end of filter");
	else
		snprintf(buf, size, "'%.*s'", (int)(e - pos), lx->text + pos);
}

/* Room for element N of an array that grows by doubling: its size at N is the next power of
 * two, so it is reallocated only when N is one (linear in the elements, however many). */
static void *room_for(void *array, size_t n, size_t size)
{
	if (n & (n - 1))
		return array;
	return xrealloc(array, (n ? 2 * n : 1) * size);
}

static void add_value(struct ast_node *n, struct ast_value *v)
{
	n->check.values = room_for(n->check.values, n->check.nvalues, sizeof(*v));
	n->check.values[n->check.nvalues++] = *v;
}

static struct ast_node *parse_check(struct parser *ps)
{
	struct lexer *lx = &ps->lx;
	size_t start, len = lex_field(lx, &start);
	char what[40];

	if (!len) {
		describe_at(lx, start, what, sizeof(what));
		fail(ps, start, "expected a field name, found %s", what);
		return NULL;
	}
	if (lx->text[start + len - 1] != ']' && memchr(lx->text + start, '[', len)) {
		fail(ps, start + len, "missing ']' after the field argument");
		return NULL;
	}
	struct ast_node *n = new_node(AST_CHECK, start);
	n->check.field = strndup(lx->text + start, len);
	n->check.field_pos = start;
	if (!lex_operator(lx, &n->check.op, &n->check.op_pos)) {
		if (ps->macros && !memchr(n->check.field, '[', len)) {
			n->kind = AST_MACRO;
			n->macro = n->check.field;
			return n;
		}
		describe_at(lx, n->check.op_pos, what, sizeof(what));
		fail(ps, n->check.op_pos, "expected an operator after '%s', found %s",
		     n->check.field, what);
		ast_free(n);
		return NULL;
	}
	if (n->check.op == CMP_EXISTS)
		return n;

	struct ast_value v;
	size_t epos;
	const char *emsg;
	if (!cmp_op_takes_list(n->check.op)) {
		emsg = lex_value(lx, false, &v, &epos);
		if (emsg) {
			fail(ps, epos, "%s", emsg);
			ast_free(n);
			return NULL;
		}
		add_value(n, &v);
		return n;
	}
	if (!lex_char(lx, '(')) {
		fail(ps, lx->pos, "expected '(' after '%s'", cmp_op_name(n->check.op));
		ast_free(n);
		return NULL;
	}
	for (;;) {
		emsg = lex_value(lx, true, &v, &epos);
		if (emsg) {
			fail(ps, epos, "%s", emsg);
			ast_free(n);
			return NULL;
		}
		add_value(n, &v);
		if (lex_char(lx, ')'))
			return n;
		if (!lex_char(lx, ',')) {
			if (lex_at_end(lx))
				fail(ps, lx->pos, "missing ')' to close the '%s' list",
				     cmp_op_name(n->check.op));
			else
				fail(ps, lx->pos, "expected ',' or ')' after a value in the '%s' "
				     "list", cmp_op_name(n->check.op));
			ast_free(n);
			return NULL;
		}
	}
}

static struct ast_node *parse_term(struct parser *ps)
{
	struct lexer *lx = &ps->lx;

	if (lex_at_end(lx)) {
		fail(ps, lx->pos, "unexpected end of filter, expected a condition");
		return NULL;
	}
	size_t pos = lx->pos;
	if (lex_keyword(lx, "not")) {
		/* A chain of `not` folds to its parity here, so that no later walk of the tree
		 * recurses once per `not` of a hostile filter (`not not ... x`). */
		bool negated = true;

		while (lex_keyword(lx, "not"))
			negated = !negated;
		struct ast_node *child = parse_term(ps);
		if (!child || !negated)
			return child;
		struct ast_node *n = new_node(AST_NOT, pos);
		n->child = child;
		return n;
	}
	if (lex_char(lx, '(')) {
		if (++ps->depth > MAX_DEPTH) {
			fail(ps, pos, "parentheses nested too deeply");
			return NULL;
		}
		struct ast_node *n = parse_expr(ps);
		ps->depth--;
		if (!n)
			return NULL;
		if (!lex_char(lx, ')')) {
			if (lex_at_end(lx))
				fail(ps, pos, "missing ')' to close this '('");
			else
				fail(ps, lx->pos, "expected 'and', 'or' or ')'");
			ast_free(n);
			return NULL;
		}
		return n;
	}
	return parse_check(ps);
}

/* LIST (a chain of KIND begun with FIRST; NULL: not made yet) with NEXT appended. */
static struct ast_node *chain_append(struct ast_node *list, enum ast_kind kind,
				     struct ast_node *first, struct ast_node *next)
{
	if (!list) {
		list = new_node(kind, first->pos);
		list->list.kids = xmalloc(sizeof(*list->list.kids));
		list->list.kids[0] = first;
		list->list.n = 1;
	}
	list->list.kids = room_for(list->list.kids, list->list.n, sizeof(*list->list.kids));
	list->list.kids[list->list.n++] = next;
	return list;
}

/*
 * Falco's grammar mixes `and` and `or`, `and` binding tighter: an or-chain of and-chains of
 * terms. KIND says which chain to read.
 */
static struct ast_node *parse_falco_chain(struct parser *ps, enum ast_kind kind)
{
	struct ast_node *first, *list = NULL;

	first = kind == AST_OR ? parse_falco_chain(ps, AST_AND) : parse_term(ps);
	if (!first)
		return NULL;
	while (lex_keyword(&ps->lx, kind == AST_AND ? "and" : "or")) {
		struct ast_node *next = kind == AST_OR ? parse_falco_chain(ps, AST_AND)
						       : parse_term(ps);
		if (!next)
			break;
		list = chain_append(list, kind, first, next);
	}
	if (ps->failed) {
		ast_free(list ? list : first);
		return NULL;
	}
	return list ? list : first;
}

static struct ast_node *parse_expr(struct parser *ps)
{
	struct lexer *lx = &ps->lx;
	struct ast_node *first, *list = NULL;

	if (ps->macros)
		return parse_falco_chain(ps, AST_OR);
	first = parse_term(ps);
	if (!first)
		return NULL;
	for (;;) {
		size_t pos;
		enum ast_kind kind;

		lex_at_end(lx);
		pos = lx->pos;
		if (lex_keyword(lx, "and"))
			kind = AST_AND;
		else if (lex_keyword(lx, "or"))
			kind = AST_OR;
		else
			break;
		if (list && list->kind != kind) {
			fail(ps, pos, "'%s' mixed with '%s' without parentheses: write "
			     "\"(a and b) or c\" or \"a and (b or c)\"",
			     kind == AST_AND ? "and" : "or", kind == AST_AND ? "or" : "and");
			break;
		}
		struct ast_node *next = parse_term(ps);
		if (!next)
			break;
		list = chain_append(list, kind, first, next);
	}
	if (ps->failed) {
		ast_free(list ? list : first);
		return NULL;
	}
	return list ? list : first;
}

static struct ast_node *parse(const char *text, bool macros, struct filter_error *err)
{
	struct parser ps = { .err = err, .macros = macros };

	lex_init(&ps.lx, text);
	ps.lx.falco = macros;
	err->pos = 0;
	err->msg[0] = '\0';
	if (lex_at_end(&ps.lx))
		return NULL;
	struct ast_node *n = parse_expr(&ps);
	lex_free(&ps.lx);
	if (n && !lex_at_end(&ps.lx)) {
		size_t pos = ps.lx.pos;
		if (ps.lx.text[pos] == ')')
			fail(&ps, pos, "unmatched ')'");
		else
			fail(&ps, pos, "expected 'and', 'or' or the end of the filter");
	}
	if (ps.failed) {
		ast_free(n);
		return NULL;
	}
	return n;
}

struct ast_node *ast_parse(const char *text, struct filter_error *err)
{
	return parse(text, false, err);
}

struct ast_node *ast_parse_rules(const char *text, struct filter_error *err)
{
	return parse(text, true, err);
}
