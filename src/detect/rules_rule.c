/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Rule items as Falco reads them: a definition (condition, output, desc and priority), a
 * redefinition (replaces the rule where it stood), `append: true` (deprecated: condition and
 * exceptions appended), `override: {KEY: append|replace}`, or a lone `enabled` toggling an
 * existing rule.
 */
#include <stdlib.h>
#include <string.h>

#include "detect/rules_load.h"
#include "util/util.h"

static const char *const rule_keys[] = {
	"rule", "condition", "output", "desc", "priority", "source", "enabled", "tags",
	"exceptions", "warn_evttypes", "skip-if-unknown-filter", "capture", "capture_duration",
	"append", "override", NULL,
};

static const char *const appendable[] = { "condition", "output", "desc", "tags", "exceptions",
					  NULL };
static const char *const replaceable[] = {
	"condition", "output", "desc", "priority", "capture", "capture_duration", "tags",
	"exceptions", "enabled", "warn_evttypes", "skip-if-unknown-filter", NULL,
};

static bool in(const char *const *set, const char *s)
{
	for (size_t i = 0; set[i]; i++)
		if (!strcmp(set[i], s))
			return true;
	return false;
}

static struct rule *find_rule(struct ruleset *rs, const char *name)
{
	for (size_t i = 0; i < rs->nrules; i++)
		if (!strcmp(rs->rules[i].name, name))
			return &rs->rules[i];
	return NULL;
}

struct rule *ruleset_find_rule(struct ruleset *rs, const char *name)
{
	return find_rule(rs, name);
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds TAGS to R's sorted set. */
static void add_tags(struct rule *r, char **tags, size_t n)
{
	r->tags = xrealloc(r->tags, (r->ntags + n + 1) * sizeof(*r->tags));
	for (size_t i = 0; i < n; i++) {
		bool dup = false;

		for (size_t j = 0; j < r->ntags && !dup; j++)
			dup = !strcmp(r->tags[j], tags[i]);
		if (dup)
			free(tags[i]);
		else
			r->tags[r->ntags++] = tags[i];
	}
	free(tags);
	qsort(r->tags, r->ntags, sizeof(*r->tags), by_str);
}

/* A string list of one or more scalars: `fields: [a, b]` or `fields: a`. */
static bool str_or_list(struct yitem *it, yaml_node_t *n, char ***out, size_t *nout,
			bool *single)
{
	if (n->type == YAML_SCALAR_NODE) {
		*out = xmalloc(sizeof(**out));
		(*out)[0] = xstrdup((char *)n->data.scalar.value);
		*nout = 1;
		*single = true;
		return true;
	}
	*single = false;
	return yaml_strings(it, n, out, nout);
}

static bool exc_value(struct yitem *it, yaml_node_t *n, struct exc_value *v)
{
	*v = (struct exc_value){ 0 };
	if (n->type == YAML_SCALAR_NODE) {
		v->text = xstrdup((char *)n->data.scalar.value);
		return true;
	}
	return yaml_strings(it, n, &v->list, &v->nlist);
}

static const char *const exc_ops[] = {
	"=", "==", "!=", "<", "<=", ">", ">=", "contains", "icontains", "startswith",
	"endswith", "glob", "in", "intersects", "pmatch", NULL,
};

/* One entry of `exceptions:`; false on an error. An entry without fields that appends to
 * the exception SHAPE (or NULL) has its values read as SHAPE's. */
static bool read_exception(struct yitem *it, yaml_node_t *n, const struct rule_exception *shape,
			   struct rule_exception *e)
{
	struct yitem x = *it;
	bool single_comp = true;

	*e = (struct rule_exception){ .loc = yaml_loc(it, n) };
	if (n->type != YAML_MAPPING_NODE) {
		yitem_diag(it, LOAD_ERR_YAML_VALIDATE, n, "Unexpected element type. Each element "
			   "should be a yaml associative array.");
		return false;
	}
	x.node = n;
	const char *name = yitem_scalar(&x, "name", true);
	if (!name) {
		it->failed = true;
		return false;
	}
	e->name = xstrdup(name);
	yaml_node_t *fn = yitem_get(&x, "fields"), *cn = yitem_get(&x, "comps");
	yaml_node_t *vn = yitem_get(&x, "values");
	if (fn) {
		if (!str_or_list(it, fn, &e->fields, &e->nfields, &e->single))
			return false;
		if (cn) {
			size_t nc;
			if (!str_or_list(it, cn, &e->comps, &nc, &single_comp))
				return false;
			if (nc != e->nfields || single_comp != e->single) {
				strv_free(e->comps, nc);
				e->comps = NULL;
				yitem_diag(it, LOAD_ERR_VALIDATE, cn, "Fields and comps lists must "
					   "have equal length");
				return false;
			}
		} else {
			e->comps = xcalloc(e->nfields, sizeof(*e->comps));
			for (size_t i = 0; i < e->nfields; i++)
				e->comps[i] = xstrdup(e->single ? "in" : "=");
		}
		for (size_t i = 0; i < e->nfields; i++) {
			if (!in(exc_ops, e->comps[i])) {
				yitem_diag(it, LOAD_ERR_VALIDATE, cn, "'%s' is not a supported "
					   "comparison operator", e->comps[i]);
				return false;
			}
			if (e->single && strcmp(e->comps[i], "in") && strcmp(e->comps[i], "pmatch") &&
			    strcmp(e->comps[i], "intersects")) {
				yitem_diag(it, LOAD_ERR_VALIDATE, cn, "When fields is a single value, "
					   "comps must be one of (in, pmatch, intersects)");
				return false;
			}
		}
	}
	if (!vn)
		return true;
	bool single = e->single;
	e->width = single ? 1 : e->nfields;
	if (!fn && shape) {
		single = shape->single;
		e->width = shape->width;
	}
	if (vn->type != YAML_SEQUENCE_NODE) {
		yitem_diag(it, LOAD_ERR_YAML_VALIDATE, vn, "Value is not a sequence");
		return false;
	}
	for (yaml_node_item_t *i = vn->data.sequence.items.start; i < vn->data.sequence.items.top;
	     i++) {
		yaml_node_t *t = yaml_document_get_node(it->doc, *i);
		size_t w = e->width;

		e->values = xrealloc(e->values, (e->nvalues + 1) * w * sizeof(*e->values));
		struct exc_value *row = &e->values[e->nvalues * w];
		memset(row, 0, w * sizeof(*row));
		e->nvalues++;	/* the row, filled or not, is freed with the exception */
		if (single) {
			if (!exc_value(it, t, row))
				return false;
			continue;
		}
		if (t->type != YAML_SEQUENCE_NODE ||
		    (size_t)(t->data.sequence.items.top - t->data.sequence.items.start) != w) {
			yitem_diag(it, LOAD_ERR_VALIDATE, t, "Fields and values lists must have "
				   "equal length");
			return false;
		}
		size_t k = 0;
		for (yaml_node_item_t *c = t->data.sequence.items.start;
		     c < t->data.sequence.items.top; c++, k++)
			if (!exc_value(it, yaml_document_get_node(it->doc, *c), &row[k]))
				return false;
	}
	return true;
}

/* Adds the item's exceptions to R: a new name is a new exception, an existing one (APPEND)
 * gets the values appended. */
static bool add_exceptions(struct yitem *it, struct rule *r, yaml_node_t *n, bool append)
{
	if (n->type != YAML_SEQUENCE_NODE) {
		yitem_diag(it, LOAD_ERR_YAML_VALIDATE, n, "Value is not a sequence");
		return false;
	}
	for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top;
	     i++) {
		yaml_node_t *en = yaml_document_get_node(it->doc, *i);
		struct rule_exception e, *old = NULL;
		struct yitem x = *it;
		const char *name;

		x.node = en;
		if (en->type == YAML_MAPPING_NODE && (name = yitem_scalar(&x, "name", false)))
			for (size_t j = 0; j < r->nexceptions; j++)
				if (!strcmp(r->exceptions[j].name, name))
					old = &r->exceptions[j];
		if (!read_exception(it, en, append ? old : NULL, &e)) {
			exception_clear(&e);
			return false;
		}
		if (old && append) {
			if (!e.nvalues)
				yitem_diag(it, LOAD_APPEND_NO_VALUES, en, "Overriding/appending "
					   "exception with no values");
			if (e.width != old->width) {
				yitem_diag(it, LOAD_ERR_VALIDATE, en, "Fields and values lists must "
					   "have equal length");
				exception_clear(&e);
				return false;
			}
			old->values = xrealloc(old->values, (old->nvalues + e.nvalues) * old->width *
								    sizeof(*old->values));
			memcpy(old->values + old->nvalues * old->width, e.values,
			       e.nvalues * e.width * sizeof(*e.values));
			old->nvalues += e.nvalues;
			e.nvalues = 0;
			exception_clear(&e);
			continue;
		}
		if (old)
			yitem_diag(it, LOAD_EXCEPTION_NAME_NOT_UNIQUE, en, "Multiple definitions of "
				   "exception '%s' in the same rule", e.name);
		if (!e.nfields) {
			yitem_diag(it, LOAD_ERR_YAML_VALIDATE, en, "Item has no mapping for key "
				   "'fields'");
			exception_clear(&e);
			return false;
		}
		r->exceptions = xrealloc(r->exceptions, (r->nexceptions + 1) *
							 sizeof(*r->exceptions));
		r->exceptions[r->nexceptions++] = e;
	}
	return true;
}

static void append_text(char **dst, const char *add)
{
	char *s;

	asprintf_or_die(&s, "%s %s", *dst ? *dst : "", add);
	free(*dst);
	*dst = s;
}

/* Sets or appends (APPEND) key KEY of the item into R; false on an error. */
static bool apply_key(struct yitem *it, struct rule *r, const char *key, bool append)
{
	yaml_node_t *n = yitem_get(it, key);
	char **text = !strcmp(key, "condition") ? &r->condition : !strcmp(key, "output") ?
		      &r->output : !strcmp(key, "desc") ? &r->desc : NULL;

	if (text) {
		const char *s = yaml_scalar(it, n);
		if (!s)
			return false;
		if (append) {
			append_text(text, s);
		} else {
			free(*text);
			*text = xstrdup(s);
		}
		if (text == &r->condition)
			r->cond_loc = yaml_loc(it, n);
		return true;
	}
	if (!strcmp(key, "tags")) {
		char **tags;
		size_t nt;
		if (!yaml_strings(it, n, &tags, &nt))
			return false;
		if (!append) {
			strv_free(r->tags, r->ntags);
			r->tags = NULL;
			r->ntags = 0;
		}
		add_tags(r, tags, nt);
		return true;
	}
	if (!strcmp(key, "exceptions")) {
		if (!append) {
			exceptions_free(r->exceptions, r->nexceptions);
			r->exceptions = NULL;
			r->nexceptions = 0;
		}
		return add_exceptions(it, r, n, append);
	}
	if (!strcmp(key, "priority")) {
		const char *s = yaml_scalar(it, n);
		if (!s)
			return false;
		if (!rule_priority_parse(s, &r->priority)) {
			yitem_diag(it, LOAD_ERR_VALIDATE, n, "Invalid priority");
			return false;
		}
		return true;
	}
	if (!strcmp(key, "enabled"))
		return yitem_bool(it, key, &r->enabled);
	if (!strcmp(key, "warn_evttypes"))
		return yitem_bool(it, key, &r->warn_evttypes);
	if (!strcmp(key, "skip-if-unknown-filter"))
		return yitem_bool(it, key, &r->skip_if_unknown_filter);
	if (!strcmp(key, "source")) {
		const char *s = yaml_scalar(it, n);
		if (!s)
			return false;
		free(r->source);
		r->source = xstrdup(s);
		return true;
	}
	/* capture, capture_duration: sysray does not write captures per rule */
	return true;
}

/* S without its leading and trailing blanks, a new string (NULL stays NULL). */
static char *trimmed(char *s)
{
	if (!s)
		return NULL;
	const char *b = s, *e = s + strlen(s);
	while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r')
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	char *t = strndup(b, (size_t)(e - b));
	free(s);
	return t;
}

static void define_rule(struct yitem *it, const char *name)
{
	static const char *const required[] = { "condition", "output", "desc", "priority" };
	struct rule r = { .name = xstrdup(name), .enabled = true, .warn_evttypes = true,
			  .source = xstrdup("syscall"), .loc = yaml_loc(it, NULL) };

	for (size_t i = 0; i < ARRAY_SIZE(required); i++)
		if (!yitem_scalar(it, required[i], true))
			goto bad;
	for (yaml_node_pair_t *p = it->node->data.mapping.pairs.start;
	     p < it->node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(it->doc, p->key);
		const char *kn = k->type == YAML_SCALAR_NODE ? (char *)k->data.scalar.value : "";

		if (strcmp(kn, "rule") && in(rule_keys, kn) && !apply_key(it, &r, kn, false))
			goto bad;
	}
	r.output = trimmed(r.output);
	struct rule *old = find_rule(it->rs, name);
	if (old) {
		if (yitem_get(it, "source") && strcmp(old->source, r.source)) {
			yitem_diag(it, LOAD_ERR_VALIDATE, yitem_get(it, "source"),
				   "Rule has been re-defined with a different source");
			goto bad;
		}
		rule_free(old);
		*old = r;
		return;
	}
	it->rs->rules = xrealloc(it->rs->rules, (it->rs->nrules + 1) * sizeof(r));
	it->rs->rules[it->rs->nrules++] = r;
	return;
bad:
	it->failed = true;
	rule_free(&r);
}

/* override: {KEY: append|replace}: every other key of the item must be named there. */
static void override_rule(struct yitem *it, const char *name, yaml_node_t *ov)
{
	if (ov->type != YAML_MAPPING_NODE) {
		yitem_diag(it, LOAD_ERR_YAML_VALIDATE, ov, "Value is not a map");
		return;
	}
	bool any_append = false;
	for (yaml_node_pair_t *p = ov->data.mapping.pairs.start; p < ov->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(it->doc, p->key);
		const char *kn = yaml_scalar(it, k), *op;

		if (!kn || !(op = yaml_scalar(it, yaml_document_get_node(it->doc, p->value))))
			return;
		bool app = !strcmp(op, "append");
		if (!app && strcmp(op, "replace")) {
			yitem_diag(it, LOAD_ERR_VALIDATE, k, "Invalid override operation for key "
				   "'%s': '%s'. Allowed values are: append, replace", kn, op);
			return;
		}
		if (app && !in(appendable, kn)) {
			yitem_diag(it, LOAD_ERR_VALIDATE, k, "Key '%s' cannot be appended to, use "
				   "'replace' instead", kn);
			return;
		}
		if (!app && !in(replaceable, kn)) {
			yitem_diag(it, LOAD_ERR_VALIDATE, k, "Key '%s' cannot be replaced", kn);
			return;
		}
		if (!yitem_get(it, kn)) {
			yitem_diag(it, LOAD_ERR_VALIDATE, k, "%s %s override for '%s' was specified "
				   "but '%s' is not defined", app ? "An" : "A", op, kn, kn);
			return;
		}
		any_append |= app;
	}
	struct yitem o = *it;
	o.node = ov;
	for (yaml_node_pair_t *p = it->node->data.mapping.pairs.start;
	     p < it->node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(it->doc, p->key);
		const char *kn = k->type == YAML_SCALAR_NODE ? (char *)k->data.scalar.value : "";

		if (strcmp(kn, "rule") && strcmp(kn, "override") && !yitem_get(&o, kn)) {
			yitem_diag(it, LOAD_ERR_VALIDATE, k, "Unexpected key '%s': no corresponding "
				   "entry under 'override' is defined.", kn);
			return;
		}
	}
	struct rule *r = find_rule(it->rs, name);
	if (!r) {
		yitem_diag(it, LOAD_ERR_VALIDATE, NULL, any_append ?
			   "Rule uses 'append' or 'override.<key>: append' but no rule by that name "
			   "already exists" : "An 'override.<key>: replace' to a rule was requested "
			   "but no rule by that name already exists");
		return;
	}
	for (yaml_node_pair_t *p = ov->data.mapping.pairs.start; p < ov->data.mapping.pairs.top;
	     p++) {
		const char *kn = (char *)yaml_document_get_node(it->doc, p->key)->data.scalar.value;
		const char *op = (char *)yaml_document_get_node(it->doc, p->value)->data.scalar.value;

		if (!apply_key(it, r, kn, !strcmp(op, "append"))) {
			it->failed = true;
			return;
		}
	}
}

static void append_rule(struct yitem *it, const char *name)
{
	struct rule *r = find_rule(it->rs, name);
	yaml_node_t *cond = yitem_get(it, "condition"), *exc = yitem_get(it, "exceptions");

	yitem_diag(it, LOAD_DEPRECATED_ITEM, yitem_get(it, "append"), "The 'append' key is "
		   "deprecated. Add an 'append' entry (e.g. 'condition: append') under 'override' "
		   "instead.");
	if (!r) {
		yitem_diag(it, LOAD_ERR_VALIDATE, NULL, "Rule uses 'append' or 'override.<key>: "
			   "append' but no rule by that name already exists");
		return;
	}
	if (!cond && !exc) {
		yitem_diag(it, LOAD_ERR_VALIDATE, NULL, "Appended rule must have exceptions or "
			   "condition property");
		return;
	}
	if ((cond && !apply_key(it, r, "condition", true)) ||
	    (exc && !apply_key(it, r, "exceptions", true)))
		it->failed = true;
}

void rule_item(struct yitem *it)
{
	const char *name = yitem_scalar(it, "rule", true);
	yaml_node_t *ov;
	bool append = false;

	if (!name)
		return;
	asprintf_or_die(&it->what, "rule '%s'", name);
	yitem_unknown_keys(it, rule_keys);
	if (!yitem_bool(it, "append", &append))
		return;
	ov = yitem_get(it, "override");
	if (ov && append) {
		yitem_diag(it, LOAD_ERR_VALIDATE, ov, "Keys 'override' and 'append: true' cannot be "
			   "used together. Add an 'append' entry (e.g. 'condition: append') under "
			   "'override' instead.");
		return;
	}
	if (append) {
		append_rule(it, name);
		return;
	}
	if (ov) {
		override_rule(it, name, ov);
		return;
	}
	if (!yitem_get(it, "condition") && !yitem_get(it, "output") && !yitem_get(it, "desc") &&
	    !yitem_get(it, "priority") && yitem_get(it, "enabled")) {
		struct rule *r = find_rule(it->rs, name);

		if (!r) {
			yitem_diag(it, LOAD_ERR_VALIDATE, NULL, "Rule has 'enabled' key but no rule "
				   "by that name already exists");
			return;
		}
		yitem_bool(it, "enabled", &r->enabled);
		return;
	}
	define_rule(it, name);
}
