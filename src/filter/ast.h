/* SPDX-License-Identifier: Apache-2.0 */
/* The filter syntax tree: what the text says, before any field or value is checked. */
#ifndef SYSRAY_FILTER_AST_H
#define SYSRAY_FILTER_AST_H

#include <stdbool.h>
#include <stddef.h>

enum cmp_op {
	CMP_EQ,		/* = and == */
	CMP_NE,
	CMP_LT,
	CMP_LE,
	CMP_GT,
	CMP_GE,
	CMP_CONTAINS,
	CMP_ICONTAINS,
	CMP_STARTSWITH,
	CMP_ENDSWITH,
	CMP_GLOB,
	CMP_IN,		/* list operators: the value is a parenthesised list */
	CMP_INTERSECTS,
	CMP_PMATCH,
	CMP_EXISTS,	/* takes no value */
};

/* "=", "contains", "in", ... as written in filters. */
const char *cmp_op_name(enum cmp_op op);

static inline bool cmp_op_takes_list(enum cmp_op op)
{
	return op == CMP_IN || op == CMP_INTERSECTS || op == CMP_PMATCH;
}

struct ast_value {
	char *text;		/* unquoted, escapes resolved, NUL-terminated */
	size_t len;
	size_t pos;		/* where the value starts in the filter text */
	bool quoted;
};

enum ast_kind {
	AST_AND,
	AST_OR,
	AST_NOT,
	AST_CHECK,
	AST_MACRO,	/* a bare name in check position: only from ast_parse_rules() */
};

struct ast_node {
	enum ast_kind kind;
	size_t pos;
	union {
		struct {
			struct ast_node **kids;
			size_t n;
		} list;				/* AND, OR: two or more children */
		struct ast_node *child;		/* NOT */
		struct {
			char *field;		/* as written, with its argument */
			size_t field_pos;
			enum cmp_op op;
			size_t op_pos;
			struct ast_value *values;
			size_t nvalues;
		} check;
		char *macro;			/* MACRO: the name */
	};
};

struct filter_error;

/*
 * Parses TEXT into a tree. An empty (or blank) filter gives NULL with no error: it matches
 * every event. On a syntax error returns NULL and fills ERR.
 */
struct ast_node *ast_parse(const char *text, struct filter_error *err);

/*
 * Falco's condition language: as ast_parse(), and a bare name where a check may start
 * ("spawned_process and proc.name=sh") is a macro reference (AST_MACRO), which the caller
 * replaces before compiling. sysdig's filters never hold one: ast_parse() calls such a name
 * a field without an operator.
 */
struct ast_node *ast_parse_rules(const char *text, struct filter_error *err);

/* A deep copy of N. */
struct ast_node *ast_clone(const struct ast_node *n);
void ast_free(struct ast_node *n);

#endif
