/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `-cl` and `-i NAME`: every chisel of the search directories (the first file of a name
 * wins), read by running its top-level chunk in a state of its own, laid out as sysdig 0.29
 * lays them out. A file whose `description` is not a string is a csysdig view (or a
 * disabled chisel) and is not listed; nor is one without `short_description` or `args`, or
 * one marked `hidden`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chisel/chisel_int.h"
#include "util/edit_distance.h"
#include "util/util.h"

#define NAME_COLUMN 16
#define LIST_WRAP 63
#define INFO_WRAP 79

struct listed {
	char *name, *category, *short_desc, *desc;
	struct out args;	/* the "Args:" block's lines */
};

static char *global_string(lua_State *L, const char *name)
{
	lua_getglobal(L, name);
	char *s = lua_type(L, -1) == LUA_TSTRING ? xstrdup(lua_tostring(L, -1)) : NULL;
	lua_pop(L, 1);
	return s;
}

/* "[argtype] name - description" per entry of `args`, or "(None)". */
static void describe_args(lua_State *L, struct out *o)
{
	lua_getglobal(L, "args");
	int n = 0;
	for (int i = 1;; i++) {
		lua_rawgeti(L, -1, i);
		if (!lua_istable(L, -1)) {
			lua_pop(L, 1);
			break;
		}
		lua_getfield(L, -1, "argtype");
		lua_getfield(L, -2, "name");
		lua_getfield(L, -3, "description");
		out_printf(o, "[%s] %s - %s\n", lua_tostring(L, -3) ? lua_tostring(L, -3) : "",
			   lua_tostring(L, -2) ? lua_tostring(L, -2) : "",
			   lua_tostring(L, -1) ? lua_tostring(L, -1) : "");
		lua_pop(L, 4);
		n++;
	}
	lua_pop(L, 1);
	if (!n)
		out_puts(o, "(None)");
	out_putc(o, 0);
}

static void listed_free(struct listed *l)
{
	free(l->name);
	free(l->category);
	free(l->short_desc);
	free(l->desc);
	out_free(&l->args);
}

/* Reads chisel file PATH; false when it is not a listed chisel (or fails to load, said). */
static bool read_listed(const struct chisel_dirs *dirs, const char *name, const char *path,
			struct listed *l)
{
	struct chisel_host host = { .dirs = dirs };
	struct chisel *c = chisel_open_detached(&host, name, path);
	bool ok = false;

	if (!c)
		return false;
	lua_State *L = c->L;
	*l = (struct listed){ .name = xstrdup(name) };
	l->desc = global_string(L, "description");
	l->short_desc = global_string(L, "short_description");
	l->category = global_string(L, "category");
	lua_getglobal(L, "hidden");
	bool hidden = lua_toboolean(L, -1);
	lua_getglobal(L, "args");
	bool has_args = lua_istable(L, -1);
	lua_pop(L, 2);
	ok = l->desc && l->short_desc && has_args && !hidden;
	if (ok) {
		if (!l->category)
			l->category = xstrdup("");
		describe_args(L, &l->args);
	} else {
		listed_free(l);
	}
	chisel_free(c);
	return ok;
}

static int by_category_name(const void *a, const void *b)
{
	const struct listed *x = a, *y = b;
	int r = strcmp(x->category, y->category);

	return r ? r : strcmp(x->name, y->name);
}

struct catalog {
	struct listed *items;
	size_t n;
};

struct catalog_walk {
	const struct chisel_dirs *dirs;
	struct catalog *cat;
};

static void catalog_add(const char *name, const char *path, void *opaque)
{
	struct catalog_walk *w = opaque;
	struct listed l;

	if (!read_listed(w->dirs, name, path, &l))
		return;
	w->cat->items = xrealloc(w->cat->items, (w->cat->n + 1) * sizeof(*w->cat->items));
	w->cat->items[w->cat->n++] = l;
}

/* Every listed chisel of every directory, sorted by category and name. */
static void catalog_read(const struct chisel_dirs *dirs, struct catalog *cat)
{
	*cat = (struct catalog){ 0 };
	chisel_dirs_each_lua(dirs, catalog_add, &(struct catalog_walk){ dirs, cat });
	qsort(cat->items, cat->n, sizeof(*cat->items), by_category_name);
}

static void catalog_free(struct catalog *cat)
{
	for (size_t i = 0; i < cat->n; i++)
		listed_free(&cat->items[i]);
	free(cat->items);
}

/* TEXT cut every WIDTH bytes of a line, each continuation after SEP. */
static void wrap(const char *text, size_t width, const char *sep)
{
	size_t col = 0;

	for (const char *s = text; *s; s++) {
		if (*s == '\n') {
			col = 0;
		} else if (col == width) {
			fputs(sep, stdout);
			col = 0;
		}
		if (*s != '\n')
			col++;
		putchar(*s);
	}
}

static void print_category(const char *category)
{
	int n = printf("\nCategory: %s\n", category) - 2;

	for (int i = 0; i < n; i++)
		putchar('-');
	putchar('\n');
}

static const char CONTINUATION[] = "\n                ";	/* NAME_COLUMN spaces */

static void print_entry(const struct listed *l)
{
	size_t len = strlen(l->name);

	if (len >= NAME_COLUMN)
		printf("%s%s", l->name, CONTINUATION);
	else
		printf("%s%*s", l->name, (int)(NAME_COLUMN - len), "");
	wrap(l->short_desc, LIST_WRAP, CONTINUATION);
	putchar('\n');
}

void chisel_list(const struct chisel_dirs *dirs)
{
	struct catalog cat;
	const char *last = NULL;

	catalog_read(dirs, &cat);
	for (size_t i = 0; i < cat.n; i++) {
		if (!last || strcmp(last, cat.items[i].category))
			print_category(cat.items[i].category);
		last = cat.items[i].category;
		print_entry(&cat.items[i]);
	}
	printf("\nUse the -i flag to get detailed information about a specific chisel\n");
	catalog_free(&cat);
}

bool chisel_info(const struct chisel_dirs *dirs, const char *name)
{
	struct catalog cat;
	bool found = false;

	catalog_read(dirs, &cat);
	for (size_t i = 0; i < cat.n && !found; i++) {
		const struct listed *l = &cat.items[i];

		if (strcmp(l->name, name))
			continue;
		found = true;
		print_category(l->category);
		print_entry(l);
		putchar('\n');
		wrap(l->desc, INFO_WRAP, "\n");
		printf("\nArgs:\n");
		wrap(l->args.buf, LIST_WRAP, CONTINUATION);
		putchar('\n');
	}
	if (!found) {
		char *near = chisel_suggest(dirs, name);

		fprintf(stderr, "sysray: chisel %s not found%s%s%s - use -cl to list them.\n",
			name, near ? " (did you mean " : "", near ? near : "", near ? "?)" : "");
		free(near);
	}
	catalog_free(&cat);
	return found;
}

char *chisel_suggest(const struct chisel_dirs *dirs, const char *name)
{
	struct catalog cat;
	const char *best = NULL;
	size_t best_d = EDIT_DISTANCE_FAR;

	catalog_read(dirs, &cat);
	for (size_t i = 0; i < cat.n; i++) {
		size_t d = edit_distance(name, cat.items[i].name);

		if (d < best_d) {
			best_d = d;
			best = cat.items[i].name;
		}
	}
	char *r = best && edit_distance_near(name, best_d) ? xstrdup(best) : NULL;
	catalog_free(&cat);
	return r;
}
