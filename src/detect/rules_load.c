/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading rules files as Falco does: each YAML document a sequence of mappings, items read in
 * order and classified by their first known key (required_engine_version,
 * required_plugin_versions, list, macro, rule); lists and macros here, rules in
 * rules_rule.c. A redefinition replaces the old item where it stood.
 */
#include <dirent.h>
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "detect/rules_load.h"
#include "filter/ast.h"
#include "format/template.h"
#include "util/util.h"

void ruleset_init(struct ruleset *rs, const char *engine_version)
{
	*rs = (struct ruleset){ .engine_version = engine_version };
}

/* "0.57.0" or the legacy integer N ("0.N.0") into three numbers; false when neither. */
static bool parse_version(const char *s, unsigned long v[3])
{
	char *end;

	v[0] = v[1] = v[2] = 0;
	if (!strchr(s, '.')) {
		v[1] = strtoul(s, &end, 10);
		return end != s && !*end;
	}
	for (int i = 0; i < 3; i++) {
		v[i] = strtoul(s, &end, 10);
		if (end == s || (i < 2 && *end != '.') || (i == 2 && *end && *end != '-'))
			return false;
		s = end + 1;
	}
	return true;
}

static void engine_version(struct yitem *it)
{
	const char *want = yitem_scalar(it, "required_engine_version", true);
	unsigned long w[3], have[3];

	if (!want)
		return;
	if (!parse_version(want, w)) {
		yitem_diag(it, LOAD_ERR_VALIDATE, yitem_get(it, "required_engine_version"),
			   "Unable to parse engine version '%s' as a semver string. Expected "
			   "\"x.y.z\" semver format.", want);
		return;
	}
	parse_version(it->rs->engine_version, have);
	for (int i = 0; i < 3; i++) {
		if (have[i] > w[i])
			return;
		if (have[i] < w[i]) {
			yitem_diag(it, LOAD_ERR_VALIDATE, NULL, "Rules require engine version %s, "
				   "but engine version is %s", want, it->rs->engine_version);
			return;
		}
	}
}

/* sysray has no plugins; the container plugin's fields are built in, so a requirement that
 * the container plugin (or an alternative named so) satisfies is met. */
static void plugin_versions(struct yitem *it)
{
	yaml_node_t *seq = yitem_get(it, "required_plugin_versions");

	if (seq->type != YAML_SEQUENCE_NODE) {
		yitem_diag(it, LOAD_ERR_YAML_VALIDATE, seq, "Value is not a sequence");
		return;
	}
	for (yaml_node_item_t *i = seq->data.sequence.items.start;
	     i < seq->data.sequence.items.top && !it->failed; i++) {
		struct yitem req = *it;

		req.node = yaml_document_get_node(it->doc, *i);
		if (req.node->type != YAML_MAPPING_NODE) {
			yitem_diag(it, LOAD_ERR_YAML_VALIDATE, req.node, "Unexpected element type. "
				   "Each element should be a yaml associative array.");
			return;
		}
		const char *name = yitem_scalar(&req, "name", true);
		const char *version = yitem_scalar(&req, "version", true);
		if (req.failed) {
			it->failed = true;
			return;
		}
		bool ok = !strcmp(name, "container");
		struct out alts = { 0 };
		out_printf(&alts, "%s (>= %s)", name, version);
		yaml_node_t *an = yitem_get(&req, "alternatives");
		if (an && an->type == YAML_SEQUENCE_NODE)
			for (yaml_node_item_t *a = an->data.sequence.items.start;
			     a < an->data.sequence.items.top; a++) {
				struct yitem alt = req;

				alt.node = yaml_document_get_node(it->doc, *a);
				if (alt.node->type != YAML_MAPPING_NODE)
					continue;
				const char *an_name = yitem_scalar(&alt, "name", false);
				const char *an_ver = yitem_scalar(&alt, "version", false);
				if (an_name && !strcmp(an_name, "container"))
					ok = true;
				out_printf(&alts, ", %s (>= %s)", an_name ? an_name : "?",
					   an_ver ? an_ver : "?");
			}
		if (!ok)
			yitem_diag(it, LOAD_ERR_VALIDATE, req.node, "Plugin requirement not "
				   "satisfied, must load one of: %s", alts.buf);
		out_free(&alts);
	}
}

struct rule_list *ruleset_find_list(struct ruleset *rs, const char *name)
{
	for (size_t i = 0; i < rs->nlists; i++)
		if (!strcmp(rs->lists[i].name, name))
			return &rs->lists[i];
	return NULL;
}

struct rule_macro *ruleset_find_macro(struct ruleset *rs, const char *name)
{
	for (size_t i = 0; i < rs->nmacros; i++)
		if (!strcmp(rs->macros[i].name, name))
			return &rs->macros[i];
	return NULL;
}

static bool name_matches(const char *name, const char *pattern)
{
	regex_t re;
	bool m;

	if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB))
		return true;
	m = regexec(&re, name, 0, NULL, 0) == 0;
	regfree(&re);
	return m;
}

/*
 * Reads the item's `append: true` (deprecated) and `override: {KEY: append|replace}` for an
 * item whose only overridable key is KEY: *APPEND set for an append, *REPLACE for a replace.
 * false on an error.
 */
static bool list_macro_mode(struct yitem *it, const char *key, bool *append, bool *replace)
{
	yaml_node_t *ov = yitem_get(it, "override");
	bool legacy = false;

	*append = *replace = false;
	if (!yitem_bool(it, "append", &legacy))
		return false;
	if (legacy && ov) {
		yitem_diag(it, LOAD_ERR_VALIDATE, ov, "Keys 'override' and 'append: true' cannot be "
			   "used together. Add an 'append' entry (e.g. '%s: append') under "
			   "'override' instead.", key);
		return false;
	}
	if (legacy) {
		yitem_diag(it, LOAD_DEPRECATED_ITEM, yitem_get(it, "append"), "The 'append' key is "
			   "deprecated. Add an 'append' entry (e.g. '%s: append') under 'override' "
			   "instead.", key);
		*append = true;
		return true;
	}
	if (!ov)
		return true;
	if (ov->type != YAML_MAPPING_NODE) {
		yitem_diag(it, LOAD_ERR_YAML_VALIDATE, ov, "Value is not a map");
		return false;
	}
	for (yaml_node_pair_t *p = ov->data.mapping.pairs.start; p < ov->data.mapping.pairs.top;
	     p++) {
		yaml_node_t *k = yaml_document_get_node(it->doc, p->key);
		const char *kn = yaml_scalar(it, k), *op;

		if (!kn || !(op = yaml_scalar(it, yaml_document_get_node(it->doc, p->value))))
			return false;
		if (strcmp(op, "append") && strcmp(op, "replace")) {
			yitem_diag(it, LOAD_ERR_VALIDATE, k, "Invalid override operation for key "
				   "'%s': '%s'. Allowed values are: append, replace", kn, op);
			return false;
		}
		if (strcmp(kn, key)) {
			yitem_diag(it, LOAD_ERR_VALIDATE, k, "Key '%s' cannot be %s", kn,
				   !strcmp(op, "append") ? "appended to" : "replaced");
			return false;
		}
		if (!yitem_get(it, key)) {
			yitem_diag(it, LOAD_ERR_VALIDATE, k, "%s %s override for '%s' was specified "
				   "but '%s' is not defined", strcmp(op, "append") ? "A" : "An", op, kn,
				   kn);
			return false;
		}
		*append = !strcmp(op, "append");
		*replace = !*append;
	}
	return true;
}

static void list_item(struct yitem *it)
{
	static const char *const keys[] = { "list", "items", "append", "override", NULL };
	const char *name = yitem_scalar(it, "list", true);
	bool append, replace;

	if (!name)
		return;
	asprintf_or_die(&it->what, "list '%s'", name);
	yitem_unknown_keys(it, keys);
	if (!name_matches(name, "^[^()\"'[:space:]=,]+$"))
		yitem_diag(it, LOAD_INVALID_LIST_NAME, NULL, "List has an invalid name. List "
			   "names should match a regular expression: [^()\"'\\s=,]+");
	yaml_node_t *in = yitem_get(it, "items");
	char **items;
	size_t n;

	if (!in) {
		yitem_diag(it, LOAD_ERR_YAML_VALIDATE, NULL, "Item has no mapping for key 'items'");
		return;
	}
	if (!list_macro_mode(it, "items", &append, &replace) || !yaml_strings(it, in, &items, &n))
		return;
	/* an item naming an earlier list stands for that list's items */
	char **exp = NULL;
	size_t nexp = 0;
	for (size_t i = 0; i < n; i++) {
		struct rule_list *l = ruleset_find_list(it->rs, items[i]);

		if (l) {
			l->used = true;
			exp = xrealloc(exp, (nexp + l->nitems + 1) * sizeof(*exp));
			for (size_t j = 0; j < l->nitems; j++)
				exp[nexp++] = xstrdup(l->items[j]);
		} else {
			exp = xrealloc(exp, (nexp + 1) * sizeof(*exp));
			exp[nexp++] = xstrdup(items[i]);
		}
	}
	strv_free(items, n);
	struct rule_list *l = ruleset_find_list(it->rs, name);
	if (append || replace) {
		if (!l) {
			yitem_diag(it, LOAD_ERR_VALIDATE, NULL, "List has 'append' key or an append "
				   "override but no list by that name already exists");
			strv_free(exp, nexp);
			return;
		}
	}
	if (append) {
		l->items = xrealloc(l->items, (l->nitems + nexp + 1) * sizeof(*l->items));
		memcpy(l->items + l->nitems, exp, nexp * sizeof(*exp));
		l->nitems += nexp;
		free(exp);
		return;
	}
	if (!l) {
		it->rs->lists = xrealloc(it->rs->lists, (it->rs->nlists + 1) * sizeof(*l));
		l = &it->rs->lists[it->rs->nlists++];
		*l = (struct rule_list){ .name = xstrdup(name) };
	}
	strv_free(l->items, l->nitems);
	l->items = exp;
	l->nitems = nexp;
	l->loc = yaml_loc(it, NULL);
}

static void macro_item(struct yitem *it)
{
	static const char *const keys[] = { "macro", "condition", "append", "override", NULL };
	const char *name = yitem_scalar(it, "macro", true);
	bool append, replace;

	if (!name)
		return;
	asprintf_or_die(&it->what, "macro '%s'", name);
	yitem_unknown_keys(it, keys);
	if (!name_matches(name, "^[a-zA-Z]+[a-zA-Z0-9_]*$"))
		yitem_diag(it, LOAD_INVALID_MACRO_NAME, NULL, "Macro has an invalid name. Macro "
			   "names should match a regular expression: [a-zA-Z]+[a-zA-Z0-9_]*");
	const char *cond = yitem_scalar(it, "condition", true);
	if (!cond || !list_macro_mode(it, "condition", &append, &replace))
		return;
	struct rule_macro *m = ruleset_find_macro(it->rs, name);
	if ((append || replace) && !m) {
		yitem_diag(it, LOAD_ERR_VALIDATE, NULL, "Macro has 'append' key or an append "
			   "override but no macro by that name already exists");
		return;
	}
	if (append) {
		char *c;

		asprintf_or_die(&c, "%s %s", m->condition, cond);
		free(m->condition);
		m->condition = c;
		return;
	}
	if (!m) {
		it->rs->macros = xrealloc(it->rs->macros, (it->rs->nmacros + 1) * sizeof(*m));
		m = &it->rs->macros[it->rs->nmacros++];
		*m = (struct rule_macro){ .name = xstrdup(name) };
	}
	free(m->condition);
	m->condition = xstrdup(cond);
	m->loc = yaml_loc(it, NULL);
	m->cond_loc = yaml_loc(it, yitem_get(it, "condition"));
}

/* One item of a document; false when loading must stop. */
static bool load_item(struct ruleset *rs, yaml_document_t *doc, const char *file,
		      yaml_node_t *node)
{
	struct yitem it = { .rs = rs, .doc = doc, .file = file, .node = node };

	if (node->type != YAML_MAPPING_NODE) {
		yitem_diag(&it, LOAD_ERR_YAML_VALIDATE, node, "Unexpected element type. Each "
			   "element should be a yaml associative array.");
		return false;
	}
	if (yitem_get(&it, "required_engine_version"))
		engine_version(&it);
	else if (yitem_get(&it, "required_plugin_versions"))
		plugin_versions(&it);
	else if (yitem_get(&it, "list"))
		list_item(&it);
	else if (yitem_get(&it, "macro"))
		macro_item(&it);
	else if (yitem_get(&it, "rule"))
		rule_item(&it);
	else
		yitem_diag(&it, LOAD_UNKNOWN_ITEM, node, "Unknown top level item");
	free(it.what);
	return !it.failed;
}

static const char *intern_file(struct ruleset *rs, const char *name)
{
	for (size_t i = 0; i < rs->nfiles; i++)
		if (!strcmp(rs->files[i], name))
			return rs->files[i];
	rs->files = xrealloc(rs->files, (rs->nfiles + 1) * sizeof(*rs->files));
	return rs->files[rs->nfiles++] = xstrdup(name);
}

bool ruleset_load_text(struct ruleset *rs, const char *name, const char *text)
{
	const char *file = intern_file(rs, name);
	yaml_parser_t parser;
	bool ok = true;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, strlen(text));
	while (ok) {
		yaml_document_t doc;

		if (!yaml_parser_load(&parser, &doc)) {
			struct rules_loc loc = { file, (unsigned)parser.problem_mark.line + 1,
						(unsigned)parser.problem_mark.column + 1 };
			rdiag_add(&rs->diag, LOAD_ERR_YAML_PARSE, NULL, loc, "%s%s%s",
				 parser.problem ? parser.problem : "invalid YAML",
				 parser.context ? " " : "", parser.context ? parser.context : "");
			ok = false;
			break;
		}
		yaml_node_t *root = yaml_document_get_root_node(&doc);
		if (!root) {
			yaml_document_delete(&doc);
			break;
		}
		if (root->type == YAML_SEQUENCE_NODE) {
			for (yaml_node_item_t *i = root->data.sequence.items.start;
			     ok && i < root->data.sequence.items.top; i++)
				ok = load_item(rs, &doc, file, yaml_document_get_node(&doc, *i));
		} else if (!(root->type == YAML_SCALAR_NODE && !root->data.scalar.length)) {
			struct rules_loc loc = { file, (unsigned)root->start_mark.line + 1,
						(unsigned)root->start_mark.column + 1 };
			rdiag_add(&rs->diag, LOAD_ERR_YAML_VALIDATE, NULL, loc,
				 "Rules content is not yaml array of objects");
			ok = false;
		}
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	return ok;
}

static bool load_file(struct ruleset *rs, const char *path)
{
	FILE *f = fopen(path, "r");
	char *text = NULL;
	size_t size = 0;

	if (!f) {
		rdiag_add(&rs->diag, LOAD_ERR_FILE_READ, NULL,
			 (struct rules_loc){ intern_file(rs, path), 0, 0 },
			 "Could not open file %s: %s", path, strerror(errno));
		return false;
	}
	FILE *m = open_memstream(&text, &size);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, m);
	fclose(f);
	fclose(m);
	bool ok = ruleset_load_text(rs, path, text);
	free(text);
	return ok;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

bool ruleset_load_path(struct ruleset *rs, const char *path)
{
	struct stat sb;

	if (stat(path, &sb) || !S_ISDIR(sb.st_mode))
		return load_file(rs, path);
	DIR *d = opendir(path);
	if (!d)
		return load_file(rs, path);
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);

		if ((l > 4 && !strcmp(e->d_name + l - 4, ".yml")) ||
		    (l > 5 && !strcmp(e->d_name + l - 5, ".yaml"))) {
			names = xrealloc(names, (n + 1) * sizeof(*names));
			asprintf_or_die(&names[n++], "%s/%s", path, e->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++)
		ok = load_file(rs, names[i]);
	strv_free(names, n);
	return ok;
}

void exception_clear(struct rule_exception *e)
{
	free(e->name);
	strv_free(e->fields, e->nfields);
	strv_free(e->comps, e->nfields);
	for (size_t j = 0; j < e->nvalues * e->width; j++) {
		free(e->values[j].text);
		strv_free(e->values[j].list, e->values[j].nlist);
	}
	free(e->values);
	*e = (struct rule_exception){ 0 };
}

void exceptions_free(struct rule_exception *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		exception_clear(&e[i]);
	free(e);
}

void rule_free(struct rule *r)
{
	free(r->name);
	free(r->condition);
	free(r->output);
	free(r->desc);
	free(r->source);
	strv_free(r->tags, r->ntags);
	exceptions_free(r->exceptions, r->nexceptions);
	free(r->expanded);
	ast_free(r->ast);
	filter_free(r->filter);
	template_free(r->output_tpl);
}

void ruleset_free(struct ruleset *rs)
{
	for (size_t i = 0; i < rs->nlists; i++) {
		free(rs->lists[i].name);
		strv_free(rs->lists[i].items, rs->lists[i].nitems);
	}
	free(rs->lists);
	for (size_t i = 0; i < rs->nmacros; i++) {
		free(rs->macros[i].name);
		free(rs->macros[i].condition);
		ast_free(rs->macros[i].ast);
	}
	free(rs->macros);
	for (size_t i = 0; i < rs->nrules; i++)
		rule_free(&rs->rules[i]);
	free(rs->rules);
	rdiag_free(&rs->diag);
	strv_free(rs->files, rs->nfiles);
	*rs = (struct ruleset){ 0 };
}
