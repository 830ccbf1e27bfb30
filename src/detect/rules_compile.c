/* SPDX-License-Identifier: Apache-2.0 */
/*
 * From loaded items to compiled rules, as Falco does it: lists substituted into the condition
 * texts, exceptions appended as text, each condition parsed with macro references (a macro
 * sees the macros before it, a rule sees all), the references replaced by the macros' trees,
 * then compiled against the field registry; outputs compiled into templates.
 */
#include <stdlib.h>
#include <string.h>

#include "detect/rules_load.h"
#include "filter/ast.h"
#include "format/template.h"
#include "util/util.h"

static bool list_delim(char c)
{
	return !c || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ')' ||
	       c == ',' || c == '=';
}

static void put_items(struct out *o, const struct rule_list *l)
{
	for (size_t i = 0; i < l->nitems; i++) {
		const char *it = l->items[i];

		if (i)
			out_puts(o, ", ");
		if (strchr(it, ' ') && it[0] != '"' && it[0] != '\'')
			out_printf(o, "\"%s\"", it);
		else
			out_puts(o, it);
	}
}

/* TEXT with every list name (a word between delimiters) replaced by its items; an empty
 * list takes one adjacent comma with it. A new string. */
static char *substitute_lists(struct ruleset *rs, const char *text)
{
	struct out o = { 0 };
	const char *p = text;

	while (*p) {
		if (list_delim(*p)) {
			out_putc(&o, *p++);
			continue;
		}
		const char *e = p;
		while (!list_delim(*e))
			e++;
		struct rule_list *l = NULL;
		for (size_t i = 0; i < rs->nlists && !l; i++)
			if (strlen(rs->lists[i].name) == (size_t)(e - p) &&
			    !memcmp(rs->lists[i].name, p, (size_t)(e - p)))
				l = &rs->lists[i];
		if (!l) {
			out_write(&o, p, (size_t)(e - p));
			p = e;
			continue;
		}
		l->used = true;
		if (l->nitems) {
			put_items(&o, l);
		} else {
			const char *n = e;
			while (*n == ' ' || *n == '\t')
				n++;
			if (*n == ',') {
				e = n + 1;
			} else {
				size_t k = o.len;
				while (k && (o.buf[k - 1] == ' ' || o.buf[k - 1] == '\t'))
					k--;
				if (k && o.buf[k - 1] == ',')
					o.len = k - 1;
			}
		}
		p = e;
	}
	out_putc(&o, 0);
	return o.buf;
}

/* A value of an exception, as condition text: quoted when it holds a blank. */
static void put_exc_text(struct out *o, const char *v)
{
	if (strpbrk(v, " \t") && v[0] != '"' && v[0] != '\'')
		out_printf(o, "\"%s\"", v);
	else
		out_puts(o, v);
}

static void put_exc_value(struct out *o, const struct exc_value *v, bool list_op)
{
	if (v->text) {
		if (list_op)
			out_putc(o, '(');
		put_exc_text(o, v->text);
		if (list_op)
			out_putc(o, ')');
		return;
	}
	out_putc(o, '(');
	for (size_t i = 0; i < v->nlist; i++) {
		if (i)
			out_puts(o, ", ");
		put_exc_text(o, v->list[i]);
	}
	out_putc(o, ')');
}

static bool list_op(const char *comp)
{
	return !strcmp(comp, "in") || !strcmp(comp, "intersects") || !strcmp(comp, "pmatch");
}

/* "(COND) and not (...)" per exception with values, as Falco builds it. */
static char *with_exceptions(const struct rule *r)
{
	struct out o = { 0 };
	bool any = false;

	for (size_t i = 0; i < r->nexceptions; i++)
		any |= r->exceptions[i].nvalues > 0;
	if (!any)
		return xstrdup(r->condition);
	out_printf(&o, "(%s)", r->condition);
	for (size_t i = 0; i < r->nexceptions; i++) {
		const struct rule_exception *e = &r->exceptions[i];

		if (!e->nvalues)
			continue;
		if (e->single) {
			out_printf(&o, " and not %s %s (", e->fields[0], e->comps[0]);
			for (size_t v = 0; v < e->nvalues; v++) {
				if (v)
					out_puts(&o, ", ");
				if (e->values[v].text)
					put_exc_text(&o, e->values[v].text);
				else
					put_exc_value(&o, &e->values[v], false);
			}
			out_putc(&o, ')');
			continue;
		}
		out_puts(&o, " and not (");
		for (size_t v = 0; v < e->nvalues; v++) {
			out_puts(&o, v ? " or (" : "(");
			for (size_t f = 0; f < e->nfields; f++) {
				out_printf(&o, "%s%s %s ", f ? " and " : "", e->fields[f],
					   e->comps[f]);
				put_exc_value(&o, &e->values[v * e->nfields + f],
					      list_op(e->comps[f]));
			}
			out_putc(&o, ')');
		}
		out_putc(&o, ')');
	}
	out_putc(&o, 0);
	return o.buf;
}

struct expander {
	struct ruleset *rs;
	size_t nvisible;	/* macros [0, nvisible) may be referenced */
	const char *undefined;	/* the first reference to no visible macro */
	bool broken;		/* a reference to a macro that has its own error */
};

/* Replaces every macro reference in *N by a copy of the macro's tree. */
static void expand(struct expander *x, struct ast_node **n)
{
	switch ((*n)->kind) {
	case AST_AND:
	case AST_OR:
		for (size_t i = 0; i < (*n)->list.n; i++)
			expand(x, &(*n)->list.kids[i]);
		return;
	case AST_NOT:
		expand(x, &(*n)->child);
		return;
	case AST_CHECK:
		return;
	case AST_MACRO:
		break;
	}
	for (size_t i = 0; i < x->nvisible; i++) {
		struct rule_macro *m = &x->rs->macros[i];

		if (strcmp(m->name, (*n)->macro))
			continue;
		m->used = true;
		if (!m->ast) {
			x->broken = true;	/* its own error has been given */
			return;
		}
		ast_free(*n);
		*n = ast_clone(m->ast);
		return;
	}
	if (!x->undefined)
		x->undefined = (*n)->macro;
}

/* Parses and expands TEXT (lists already substituted) for an item; NULL with a message. */
static struct ast_node *parse_expand(struct ruleset *rs, size_t nvisible, const char *text,
				     const char *what, struct rules_loc loc)
{
	struct filter_error err;
	struct ast_node *a = ast_parse_rules(text, &err);

	if (!a) {
		rdiag_add(&rs->diag, LOAD_ERR_COMPILE_CONDITION, what, loc, "%s",
			  err.msg[0] ? err.msg : "empty condition");
		return NULL;
	}
	struct expander x = { .rs = rs, .nvisible = nvisible };
	expand(&x, &a);
	if (x.broken && !x.undefined) {
		ast_free(a);
		return NULL;
	}
	if (x.undefined) {
		rdiag_add(&rs->diag, LOAD_ERR_VALIDATE, what, loc,
			  "Undefined macro '%s' used in filter.", x.undefined);
		ast_free(a);
		return NULL;
	}
	return a;
}

/* The first field of A that REG does not know, or NULL. */
static const char *unknown_field(const struct ast_node *a, const struct field_registry *reg)
{
	const char *u = NULL;

	switch (a->kind) {
	case AST_AND:
	case AST_OR:
		for (size_t i = 0; i < a->list.n && !u; i++)
			u = unknown_field(a->list.kids[i], reg);
		return u;
	case AST_NOT:
		return unknown_field(a->child, reg);
	case AST_MACRO:
		return NULL;
	case AST_CHECK:
		break;
	}
	struct field_ref ref;
	struct field_error ferr;
	if (!field_resolve(reg, a->check.field, &ref, &ferr))
		return a->check.field;
	field_ref_free(&ref);
	return NULL;
}

static size_t evset_count(const struct filter_evset *s)
{
	size_t n = (size_t)__builtin_popcount(s->nonsys);

	for (size_t i = 0; i < FILTER_SYSCALL_WORDS; i++)
		n += (size_t)__builtin_popcountll(s->syscalls[i]);
	return n;
}

/* Falco warns of a rule that matches more than this many event types. */
#define NO_EVTTYPE_LIMIT 100

static bool compile_rule(struct ruleset *rs, struct rule *r, const struct field_registry *reg,
			 enum rule_priority min_priority)
{
	char *what, *cond = with_exceptions(r);

	asprintf_or_die(&what, "rule '%s'", r->name);
	r->expanded = substitute_lists(rs, cond);
	free(cond);
	bool ok = false;
	r->ast = parse_expand(rs, rs->nmacros, r->expanded, what, r->cond_loc);
	if (!r->ast)
		goto out;
	struct filter_error err;
	const char *uf = unknown_field(r->ast, reg);
	char msg[300];
	if (uf)
		snprintf(msg, sizeof(msg), "filter_check called with nonexistent field %s", uf);
	else if (!(r->filter = filter_compile_ast(r->ast, reg, &err)))
		snprintf(msg, sizeof(msg), "%s", err.msg);
	if (uf || !r->filter) {
		bool unknown = uf || !strncmp(msg, "unknown event type", 18);

		if (unknown && r->skip_if_unknown_filter) {
			rdiag_add(&rs->diag, LOAD_UNKNOWN_FILTER, what, r->cond_loc, "%s", msg);
			ok = true;
		} else {
			rdiag_add(&rs->diag, LOAD_ERR_COMPILE_CONDITION, what, r->cond_loc, "%s",
				  msg);
		}
		goto out;
	}
	char *tpl_text, tpl_err[300];
	asprintf_or_die(&tpl_text, "*%s%s", r->output, RULES_OUTPUT_SUFFIX);
	r->output_tpl = template_compile(tpl_text, reg, tpl_err, sizeof(tpl_err));
	free(tpl_text);
	if (!r->output_tpl) {
		rdiag_add(&rs->diag, LOAD_ERR_COMPILE_OUTPUT, what, r->loc, "%s", tpl_err);
		goto out;
	}
	struct filter_pushdown pd;
	filter_pushdown(r->filter, &pd);
	r->events = pd.events;
	filter_pushdown_free(&pd);
	if (r->warn_evttypes && evset_count(&r->events) > NO_EVTTYPE_LIMIT)
		rdiag_add(&rs->diag, LOAD_NO_EVTTYPE, what, r->cond_loc, "Rule matches too many "
			  "evt.type values. This has a significant performance penalty.");
	ok = true;
	r->active = r->enabled && r->priority <= min_priority;
out:
	free(what);
	return ok;
}

bool ruleset_compile(struct ruleset *rs, const struct field_registry *reg,
		     enum rule_priority min_priority)
{
	size_t errors = rs->diag.nerrors;

	for (size_t i = 0; i < rs->nmacros; i++) {
		struct rule_macro *m = &rs->macros[i];
		char *what, *text = substitute_lists(rs, m->condition);

		asprintf_or_die(&what, "macro '%s'", m->name);
		m->ast = parse_expand(rs, i, text, what, m->cond_loc);
		free(text);
		free(what);
	}
	for (size_t i = 0; i < rs->nrules; i++) {
		struct rule *r = &rs->rules[i];

		if (strcmp(r->source, "syscall")) {
			char *what;

			asprintf_or_die(&what, "rule '%s'", r->name);
			rdiag_add(&rs->diag, LOAD_UNKNOWN_SOURCE, what, r->loc,
				  "Unknown source %s, skipping", r->source);
			free(what);
			continue;
		}
		compile_rule(rs, r, reg, min_priority);
	}
	for (size_t i = 0; i < rs->nmacros; i++)
		if (!rs->macros[i].used) {
			char *what;

			asprintf_or_die(&what, "macro '%s'", rs->macros[i].name);
			rdiag_add(&rs->diag, LOAD_UNUSED_MACRO, what, rs->macros[i].loc,
				  "Macro not referred to by any other rule/macro");
			free(what);
		}
	for (size_t i = 0; i < rs->nlists; i++)
		if (!rs->lists[i].used) {
			char *what;

			asprintf_or_die(&what, "list '%s'", rs->lists[i].name);
			rdiag_add(&rs->diag, LOAD_UNUSED_LIST, what, rs->lists[i].loc,
				  "List not referred to by any other rule/macro");
			free(what);
		}
	return rs->diag.nerrors == errors;
}
