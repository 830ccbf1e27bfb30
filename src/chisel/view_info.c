/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading csysdig's views (view_info.h): each .lua file of the chisel directories whose text
 * names view_info is run in a state of its own by the chisel runtime, and its `view_info`
 * table read with csysdig's rules: unknown keys ignored, an unknown view_type or aggregation
 * and more than one sorting column are errors, a view whose first tag is "Containers" is left
 * out.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chisel/chisel_int.h"
#include "chisel/view_info.h"
#include "util/util.h"

/* Where reading one view_info failed: the message, kept for the caller. */
struct vi_error {
	char msg[256];
};

static bool fail(struct vi_error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool fail(struct vi_error *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return false;
}

/* Field KEY of the table on top of the stack as a new string, or NULL when not a string. */
static char *get_string(lua_State *L, const char *key)
{
	lua_getfield(L, -1, key);
	char *s = lua_type(L, -1) == LUA_TSTRING ? xstrdup(lua_tostring(L, -1)) : NULL;
	lua_pop(L, 1);
	return s;
}

static char *get_string_or(lua_State *L, const char *key, const char *dflt)
{
	char *s = get_string(L, key);

	return s ? s : xstrdup(dflt);
}

static bool get_bool(lua_State *L, const char *key, bool dflt)
{
	lua_getfield(L, -1, key);
	bool b = lua_isnil(L, -1) ? dflt : lua_toboolean(L, -1);
	lua_pop(L, 1);
	return b;
}

/* The strings of array KEY of the table on top of the stack. */
static void get_strings(lua_State *L, const char *key, struct view_strings *out)
{
	*out = (struct view_strings){ 0 };
	lua_getfield(L, -1, key);
	if (lua_istable(L, -1)) {
		size_t n = lua_objlen(L, -1);

		out->v = xcalloc(n + 1, sizeof(*out->v));
		for (size_t i = 1; i <= n; i++) {
			lua_rawgeti(L, -1, (int)i);
			if (lua_type(L, -1) == LUA_TSTRING)
				out->v[out->n++] = xstrdup(lua_tostring(L, -1));
			lua_pop(L, 1);
		}
	}
	lua_pop(L, 1);
}

static void strings_free(struct view_strings *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
	*s = (struct view_strings){ 0 };
}

static bool parse_aggr(lua_State *L, const char *key, enum view_aggr *a, struct vi_error *e)
{
	static const char *const names[] = { "SUM", "AVG", "TIME_AVG", "MIN", "MAX" };
	char *s = get_string(L, key);

	*a = AGGR_NONE;
	if (!s)
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(s, names[i]))
			*a = (enum view_aggr)(i + 1);
	bool ok = *a != AGGR_NONE || fail(e, "unknown aggregation %s", s);
	free(s);
	return ok;
}

/* The field text without spaces and tabs, as csysdig uses it. */
static char *strip_blanks(char *s)
{
	char *d = s;

	for (char *p = s; *p; p++)
		if (*p != ' ' && *p != '\t')
			*d++ = *p;
	*d = 0;
	return s;
}

static void column_free(struct view_column *c)
{
	free(c->name);
	free(c->description);
	free(c->field);
	free(c->filterfield);
	strings_free(&c->tags);
}

static bool parse_column(lua_State *L, struct view_column *c, struct vi_error *e)
{
	*c = (struct view_column){ .colsize = 0xffffffffu };
	c->name = get_string_or(L, "name", "");
	c->description = get_string_or(L, "description", "");
	char *field = get_string(L, "field");

	if (!field)
		return fail(e, "column %s has no field", c->name);
	c->field = strip_blanks(field);
	c->filterfield = get_string(L, "filterfield");
	lua_getfield(L, -1, "colsize");
	if (lua_isnumber(L, -1))
		c->colsize = (uint32_t)lua_tointeger(L, -1);
	lua_pop(L, 1);
	if (get_bool(L, "is_key", false))
		c->flags |= VCOL_KEY;
	if (get_bool(L, "is_groupby_key", false))
		c->flags |= VCOL_GROUPBY_KEY;
	if (get_bool(L, "is_sorting", false))
		c->flags |= VCOL_SORTING;
	if (get_bool(L, "filter_in_child_only", false))
		c->flags |= VCOL_FILTER_IN_CHILD_ONLY;
	if (c->filterfield && !(c->flags & VCOL_KEY))
		return fail(e, "filterfield is only allowed on key columns");
	get_strings(L, "tags", &c->tags);
	return parse_aggr(L, "aggregation", &c->aggr, e) &&
	       parse_aggr(L, "groupby_aggregation", &c->groupby_aggr, e);
}

static bool parse_action(lua_State *L, struct view_action *a, struct vi_error *e)
{
	*a = (struct view_action){ 0 };
	char *hotkey = get_string(L, "hotkey");

	a->command = get_string(L, "command");
	a->description = get_string_or(L, "description", "");
	a->ask_confirmation = get_bool(L, "ask_confirmation", false);
	a->wait_finish = get_bool(L, "wait_finish", true);
	bool ok = hotkey && a->command;

	if (hotkey)
		a->hotkey = hotkey[0];
	free(hotkey);
	return ok || fail(e, "an action needs a hotkey and a command");
}

/* Moves the first column with FLAG to the front. */
static void move_to_front(struct view_info *v, unsigned flag)
{
	for (size_t j = 0; j < v->ncols; j++)
		if (v->cols[j].flags & flag) {
			struct view_column c = v->cols[j];

			memmove(v->cols + 1, v->cols, j * sizeof(*v->cols));
			v->cols[0] = c;
			return;
		}
}

static bool set_sorting_col(struct view_info *v, struct vi_error *e)
{
	size_t nsorting = 0;

	v->does_groupby = false;
	for (size_t j = 0; j < v->ncols; j++) {
		if (v->cols[j].flags & VCOL_SORTING) {
			v->sortingcol = (uint32_t)j;
			nsorting++;
		}
		if (v->cols[j].flags & VCOL_GROUPBY_KEY)
			v->does_groupby = true;
	}
	if (v->does_groupby && nsorting)
		v->sortingcol--;
	if (!nsorting)
		v->sortingcol = v->does_groupby ? 2 : 1;
	return nsorting <= 1 || fail(e, "view format error: more than one sorting column");
}

static void view_free(struct view_info *v)
{
	free(v->id);
	free(v->name);
	free(v->description);
	free(v->path);
	strings_free(&v->tags);
	strings_free(&v->tips);
	strings_free(&v->applies_to);
	free(v->filter);
	free(v->drilldown_target);
	free(v->spectro_type);
	for (size_t i = 0; i < v->ncols; i++)
		column_free(&v->cols[i]);
	free(v->cols);
	for (size_t i = 0; i < v->nactions; i++) {
		free(v->actions[i].command);
		free(v->actions[i].description);
	}
	free(v->actions);
}

/* The view_info table on top of L's stack into V. */
static bool parse_view(lua_State *L, struct view_info *v, struct vi_error *e)
{
	v->id = get_string_or(L, "id", "");
	v->name = get_string_or(L, "name", "");
	v->description = get_string_or(L, "description", "");
	get_strings(L, "tags", &v->tags);
	get_strings(L, "tips", &v->tips);
	get_strings(L, "applies_to", &v->applies_to);
	v->filter = get_string_or(L, "filter", "");
	v->drilldown_target = get_string_or(L, "drilldown_target", "");
	v->spectro_type = get_string_or(L, "spectro_type", "");
	v->use_defaults = get_bool(L, "use_defaults", false);
	v->is_root = get_bool(L, "is_root", false);
	v->drilldown_increase_depth = get_bool(L, "drilldown_increase_depth", false);
	v->propagate_filter = get_bool(L, "propagate_filter", true);

	char *type = get_string_or(L, "view_type", "table");
	bool ok = true;

	if (!strcmp(type, "table"))
		v->type = VIEW_TABLE;
	else if (!strcmp(type, "list"))
		v->type = VIEW_LIST;
	else if (!strcmp(type, "spectrogram"))
		v->type = VIEW_SPECTRO;
	else
		ok = fail(e, "unknown view type %s", type);
	free(type);
	if (!ok)
		return false;

	lua_getfield(L, -1, "columns");
	if (lua_istable(L, -1)) {
		size_t n = lua_objlen(L, -1);

		v->cols = xcalloc(n + 1, sizeof(*v->cols));
		for (size_t i = 1; ok && i <= n; i++) {
			lua_rawgeti(L, -1, (int)i);
			if (lua_istable(L, -1)) {
				ok = parse_column(L, &v->cols[v->ncols], e);
				v->ncols++;
			}
			lua_pop(L, 1);
		}
	}
	lua_pop(L, 1);
	lua_getfield(L, -1, "actions");
	if (ok && lua_istable(L, -1)) {
		size_t n = lua_objlen(L, -1);

		v->actions = xcalloc(n + 1, sizeof(*v->actions));
		for (size_t i = 1; ok && i <= n; i++) {
			lua_rawgeti(L, -1, (int)i);
			if (lua_istable(L, -1)) {
				ok = parse_action(L, &v->actions[v->nactions], e);
				v->nactions++;
			}
			lua_pop(L, 1);
		}
	}
	lua_pop(L, 1);
	if (!ok)
		return false;
	move_to_front(v, VCOL_GROUPBY_KEY);
	move_to_front(v, VCOL_KEY);
	return set_sorting_col(v, e);
}

/* Runs PATH and reads its view into V; false when it is no view (or a broken one, said). */
static bool read_view(const struct chisel_dirs *dirs, const char *name, const char *path,
		      struct view_info *v)
{
	struct chisel_host host = { .dirs = dirs };
	struct chisel *c = chisel_open_detached(&host, name, path);
	bool ok = false;

	if (!c)
		return false;
	lua_State *L = c->L;

	lua_getglobal(L, "description");
	bool is_chisel = lua_type(L, -1) == LUA_TSTRING;
	lua_pop(L, 1);
	lua_getglobal(L, "view_info");
	if (!is_chisel && lua_istable(L, -1)) {
		struct vi_error e;

		*v = (struct view_info){ .path = xstrdup(path) };
		ok = parse_view(L, v, &e);
		if (!ok) {
			fprintf(stderr, "sysray: error in view %s: %s\n", path, e.msg);
			view_free(v);
		} else if (v->tags.n && !strcmp(v->tags.v[0], "Containers")) {
			view_free(v);
			ok = false;
		}
	}
	lua_pop(L, 1);
	chisel_free(c);
	return ok;
}

/* Whether the file at PATH names view_info at all: the others need not be run. */
static bool mentions_view_info(const char *path)
{
	FILE *f = fopen(path, "r");
	struct out text = { 0 };
	char buf[4096];
	size_t n;

	if (!f)
		return false;
	while ((n = fread(buf, 1, sizeof(buf), f)))
		out_write(&text, buf, n);
	fclose(f);
	bool found = text.len && memmem(text.buf, text.len, "view_info", 9);

	out_free(&text);
	return found;
}

static int by_name(const void *a, const void *b)
{
	const struct view_info *x = a, *y = b;

	return strcmp(x->name, y->name);
}

struct view_walk {
	const struct chisel_dirs *dirs;
	struct view_catalog *cat;
};

static void view_add(const char *name, const char *path, void *opaque)
{
	struct view_walk *w = opaque;
	struct view_catalog *cat = w->cat;

	if (!mentions_view_info(path))
		return;
	cat->v = xrealloc(cat->v, (cat->n + 1) * sizeof(*cat->v));
	if (read_view(w->dirs, name, path, &cat->v[cat->n]))
		cat->n++;
}

void view_catalog_read(const struct chisel_dirs *dirs, struct view_catalog *cat)
{
	*cat = (struct view_catalog){ 0 };
	chisel_dirs_each_lua(dirs, view_add, &(struct view_walk){ dirs, cat });
	/* csysdig's std::sort by name: equal names keep no particular order */
	qsort(cat->v, cat->n, sizeof(*cat->v), by_name);
}

void view_catalog_free(struct view_catalog *cat)
{
	for (size_t i = 0; i < cat->n; i++)
		view_free(&cat->v[i]);
	free(cat->v);
	*cat = (struct view_catalog){ 0 };
}

struct view_info *view_catalog_find(const struct view_catalog *cat, const char *id)
{
	for (size_t i = 0; i < cat->n; i++)
		if (!strcmp(cat->v[i].id, id))
			return &cat->v[i];
	return NULL;
}

void view_info_apply_tag(struct view_info *v, const char *tag)
{
	size_t kept = 0;

	for (size_t j = 0; j < v->ncols; j++) {
		struct view_column *c = &v->cols[j];
		bool keep = !c->tags.n;

		for (size_t t = 0; t < c->tags.n && !keep; t++)
			keep = !strcmp(c->tags.v[t], tag);
		if (keep)
			v->cols[kept++] = *c;
		else
			column_free(c);
	}
	v->ncols = kept;
	struct vi_error e;

	set_sorting_col(v, &e);
}

/* TEXT with every FORM replaced by N, malloc'd. */
static char *subst(const char *text, const char *form, long long n)
{
	struct out o = { 0 };
	size_t flen = strlen(form);
	const char *s = text, *p;

	while ((p = strstr(s, form))) {
		out_write(&o, s, (size_t)(p - s));
		out_printf(&o, "%lld", n);
		s = p + flen;
	}
	out_puts(&o, s);
	out_putc(&o, 0);
	return o.buf;
}

char *view_depth_subst(const char *text, uint32_t depth, bool filter)
{
	long long d = depth;
	const char *form = NULL, *spaced = NULL;
	long long n = d;

	if (strstr(text, "%depth+1")) {
		form = "%depth+1";
		spaced = "%depth + 1";
		n = filter ? d + 1 : d - 1;
	} else if (strstr(text, "%depth-1")) {
		form = "%depth-1";
		spaced = "%depth - 1";
		n = d - 1;
	} else if (strstr(text, "%depth")) {
		form = "%depth";
	} else {
		return xstrdup(text);
	}
	char *once = subst(text, form, n);

	if (!filter || !spaced)
		return once;
	char *twice = subst(once, spaced, n);

	free(once);
	return twice;
}
