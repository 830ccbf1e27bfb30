/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/rules_print.h"

#include <json-c/json.h>
#include <string.h>

#include "util/util.h"

/* A value quoted when it would not read back as one bare word. */
static void put_value(const struct ast_value *v, bool in_list, struct out *o)
{
	bool bare = v->len > 0 && !v->quoted;

	for (size_t i = 0; bare && i < v->len; i++) {
		char c = v->text[i];
		bare = !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' ||
			 c == '"' || c == '\'' || c == '\\' || (in_list && c == ','));
	}
	if (bare) {
		out_write(o, v->text, v->len);
		return;
	}
	out_putc(o, '"');
	for (size_t i = 0; i < v->len; i++) {
		char c = v->text[i];

		if (c == '"' || c == '\\')
			out_putc(o, '\\');
		out_putc(o, c);
	}
	out_putc(o, '"');
}

void ast_print(const struct ast_node *n, struct out *o)
{
	switch (n->kind) {
	case AST_AND:
	case AST_OR:
		out_putc(o, '(');
		for (size_t i = 0; i < n->list.n; i++) {
			if (i)
				out_puts(o, n->kind == AST_AND ? " and " : " or ");
			ast_print(n->list.kids[i], o);
		}
		out_putc(o, ')');
		return;
	case AST_NOT:
		out_puts(o, "not ");
		ast_print(n->child, o);
		return;
	case AST_MACRO:
		out_puts(o, n->macro);
		return;
	case AST_CHECK:
		break;
	}
	/* "=", not "==": sysdig 0.29 reads the text too */
	out_printf(o, "%s %s", n->check.field,
		   n->check.op == CMP_EQ ? "=" : cmp_op_name(n->check.op));
	if (n->check.op == CMP_EXISTS)
		return;
	if (!cmp_op_takes_list(n->check.op)) {
		out_putc(o, ' ');
		put_value(&n->check.values[0], false, o);
		return;
	}
	out_puts(o, " (");
	for (size_t i = 0; i < n->check.nvalues; i++) {
		if (i)
			out_puts(o, ", ");
		put_value(&n->check.values[i], true, o);
	}
	out_putc(o, ')');
}

/* TEXT wrapped at WIDTH columns, each line after the first indented by INDENT. */
static void put_wrapped(FILE *f, const char *text, size_t indent, size_t width)
{
	size_t col = indent;
	const char *p = text;

	while (*p) {
		while (*p == ' ' || *p == '\n' || *p == '\t')
			p++;
		size_t w = strcspn(p, " \n\t");
		if (!w)
			break;
		if (col > indent && col + 1 + w > width) {
			fprintf(f, "\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', f);
			col++;
		}
		fwrite(p, 1, w, f);
		col += w;
		p += w;
	}
	fputc('\n', f);
}

static json_object *strings(char **v, size_t n)
{
	json_object *a = json_object_new_array();

	for (size_t i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_string(v[i]));
	return a;
}

static void print_json(const struct ruleset *rs, FILE *f)
{
	json_object *root = json_object_new_object(), *rules = json_object_new_array();
	json_object *macros = json_object_new_array(), *lists = json_object_new_array();

	for (size_t i = 0; i < rs->nrules; i++) {
		const struct rule *r = &rs->rules[i];
		json_object *j = json_object_new_object();
		struct out c = { 0 };

		if (r->ast)
			ast_print(r->ast, &c);
		out_putc(&c, 0);
		json_object_object_add(j, "name", json_object_new_string(r->name));
		json_object_object_add(j, "condition", json_object_new_string(r->condition));
		json_object_object_add(j, "expanded_condition", json_object_new_string(c.buf));
		json_object_object_add(j, "output", json_object_new_string(r->output));
		json_object_object_add(j, "desc", json_object_new_string(r->desc));
		json_object_object_add(j, "priority",
				       json_object_new_string(rule_priority_name(r->priority)));
		json_object_object_add(j, "source", json_object_new_string(r->source));
		json_object_object_add(j, "enabled", json_object_new_boolean(r->enabled));
		json_object_object_add(j, "tags", strings(r->tags, r->ntags));
		json_object_array_add(rules, j);
		out_free(&c);
	}
	for (size_t i = 0; i < rs->nmacros; i++) {
		json_object *j = json_object_new_object();

		json_object_object_add(j, "name", json_object_new_string(rs->macros[i].name));
		json_object_object_add(j, "condition",
				       json_object_new_string(rs->macros[i].condition));
		json_object_array_add(macros, j);
	}
	for (size_t i = 0; i < rs->nlists; i++) {
		json_object *j = json_object_new_object();

		json_object_object_add(j, "name", json_object_new_string(rs->lists[i].name));
		json_object_object_add(j, "items", strings(rs->lists[i].items, rs->lists[i].nitems));
		json_object_array_add(lists, j);
	}
	json_object_object_add(root, "rules", rules);
	json_object_object_add(root, "macros", macros);
	json_object_object_add(root, "lists", lists);
	fprintf(f, "%s\n", json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN |
							      JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(root);
}

/* Falco's -L: "%-50s %s", the description wrapped under its column. */
#define NAME_COLUMN 50
#define LINE_WIDTH 120

void rules_print_list(const struct ruleset *rs, bool json, FILE *f)
{
	if (json) {
		print_json(rs, f);
		return;
	}
	fprintf(f, "%-*s %s\n", NAME_COLUMN, "Rule", "Description");
	fprintf(f, "%-*s %s\n", NAME_COLUMN, "----", "-----------");
	for (size_t i = 0; i < rs->nrules; i++) {
		const struct rule *r = &rs->rules[i];

		if (!r->active)
			continue;
		fprintf(f, "%-*s ", NAME_COLUMN, r->name);
		if (strlen(r->name) > NAME_COLUMN)
			fprintf(f, "\n%*s", NAME_COLUMN + 1, "");
		put_wrapped(f, r->desc, NAME_COLUMN + 1, LINE_WIDTH);
	}
}

bool rules_print_one(struct ruleset *rs, const char *name, FILE *f)
{
	const struct rule *r = ruleset_find_rule(rs, name);

	if (!r) {
		msg("Rule \"%s\" is not loaded", name);
		return false;
	}
	fprintf(f, "Rule: %s\nDescription:\n", r->name);
	put_wrapped(f, r->desc, 0, LINE_WIDTH);
	return true;
}
