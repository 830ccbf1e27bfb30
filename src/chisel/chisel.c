/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A chisel's life: its Lua state with sysdig's API tables, the file's top-level chunk, the
 * globals the host reads (description, args, ...), and the callbacks of the phases before
 * events flow (on_set_arg, on_init with chisel.exec, on_capture_start). Events and the end
 * are in chisel_run.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lualib.h>

#include "chisel/chisel_int.h"
#include "util/util.h"

/* The registry key under which a state keeps its struct chisel. */
static const char CHISEL_KEY = 'c';

struct chisel *chisel_of(lua_State *L)
{
	lua_pushlightuserdata(L, (void *)&CHISEL_KEY);
	lua_rawget(L, LUA_REGISTRYINDEX);
	struct chisel *c = lua_touserdata(L, -1);
	lua_pop(L, 1);
	return c;
}

int chisel_raise(lua_State *L, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	luaL_where(L, 1);	/* the chisel's file and line that called the API */
	lua_pushstring(L, buf);
	lua_concat(L, 2);
	return lua_error(L);
}

const char *chisel_name(const struct chisel *c)
{
	return c->name;
}

/* Says what went wrong in C's callback: Lua's message carries the file and line. */
static bool report(struct chisel *c, const char *what)
{
	const char *m = lua_tostring(c->L, -1);

	fprintf(stderr, "sysray: %s chisel error: %s%s%s\n", c->name, what ? what : "",
		what ? ": " : "", m ? m : "(error object is not a string)");
	lua_pop(c->L, 1);
	c->failed = true;
	return false;
}

/* A traceback-free message handler would lose nothing here: Lua's own message already names
 * the file and line of the error, which is what the user needs. */
static bool call(struct chisel *c, int nargs, int nresults, const char *what)
{
	if (lua_pcall(c->L, nargs, nresults, 0))
		return report(c, what);
	return true;
}

/* Pushes global function NAME; false (nothing pushed) when the chisel has none. */
static bool push_callback(struct chisel *c, const char *name)
{
	lua_getglobal(c->L, name);
	if (lua_isfunction(c->L, -1))
		return true;
	lua_pop(c->L, 1);
	return false;
}

/* A fresh state for the file PATH: the standard libraries, package.path over the chisel
 * directories, the API tables, and the top-level chunk run. */
bool chisel_open_file(struct chisel *c, const char *path)
{
	lua_State *L = luaL_newstate();

	if (!L) {
		fprintf(stderr, "sysray: %s: out of memory for a Lua state\n", c->name);
		return false;
	}
	c->L = L;
	luaL_openlibs(L);
	lua_pushlightuserdata(L, (void *)&CHISEL_KEY);
	lua_pushlightuserdata(L, c);
	lua_rawset(L, LUA_REGISTRYINDEX);

	lua_getglobal(L, "package");
	lua_getfield(L, -1, "path");
	char *pp = chisel_dirs_package_path(c->host->dirs, lua_tostring(L, -1));
	lua_pop(L, 1);
	lua_pushstring(L, pp);
	lua_setfield(L, -2, "path");
	lua_pop(L, 1);
	free(pp);

	chisel_api_chisel_open(L);
	chisel_api_sysdig_open(L);
	chisel_api_evt_open(L);

	if (luaL_loadfile(L, path))
		return report(c, NULL);
	return call(c, 0, 0, NULL);
}

static void close_state(struct chisel *c)
{
	if (c->L)
		lua_close(c->L);
	c->L = NULL;
	while (c->fields) {
		struct chisel_field *f = c->fields;

		c->fields = f->next;
		field_ref_free(&f->ref);
		free(f);
	}
	filter_free(c->filter);
	c->filter = NULL;
	template_free(c->formatter);
	c->formatter = NULL;
	c->interval = INTERVAL_NONE;
}

/* Loads chisel NAME into C (a fresh state); false after saying why. */
static bool load(struct chisel *c, const char *name)
{
	free(c->path);
	c->path = chisel_dirs_find(c->host->dirs, name);
	if (!c->path) {
		char *near = chisel_suggest(c->host->dirs, name);

		fprintf(stderr, "sysray: chisel %s not found%s%s%s - use -cl to list them.\n",
			name, near ? " (did you mean " : "", near ? near : "", near ? "?)" : "");
		free(near);
		return false;
	}
	return chisel_open_file(c, c->path);
}

struct chisel *chisel_load(struct chisel_host *host, const char *name)
{
	struct chisel *c = xcalloc(1, sizeof(*c));

	c->host = host;
	c->name = xstrdup(name);
	if (!load(c, name)) {
		chisel_free(c);
		return NULL;
	}
	return c;
}

struct chisel *chisel_open_detached(struct chisel_host *host, const char *name, const char *path)
{
	struct chisel *c = xcalloc(1, sizeof(*c));

	c->host = host;
	c->name = xstrdup(name);
	c->path = xstrdup(path);
	if (!chisel_open_file(c, path)) {
		chisel_free(c);
		return NULL;
	}
	return c;
}

void chisel_free(struct chisel *c)
{
	if (!c)
		return;
	close_state(c);
	free(c->name);
	free(c->path);
	free(c->exec_name);
	out_free(&c->exec_args);
	out_free(&c->line);
	free(c);
}

/* The `args` table's entry I (1-based), pushed; false (nothing pushed) past its end. */
static bool push_arg_entry(lua_State *L, int i)
{
	lua_getglobal(L, "args");
	if (!lua_istable(L, -1)) {
		lua_pop(L, 1);
		return false;
	}
	lua_rawgeti(L, -1, i);
	lua_remove(L, -2);
	if (lua_istable(L, -1))
		return true;
	lua_pop(L, 1);
	return false;
}

void chisel_arg_shape(const struct chisel *c, struct chisel_arg_shape *shape)
{
	lua_State *L = c->L;

	*shape = (struct chisel_arg_shape){ 0 };
	for (int i = 1; push_arg_entry(L, i); i++) {
		lua_getfield(L, -1, "optional");
		bool optional = lua_toboolean(L, -1);
		lua_getfield(L, -2, "argtype");
		const char *type = lua_tostring(L, -1);
		shape->single_filter = i == 1 && type && !strcmp(type, "filter");
		lua_pop(L, 3);
		shape->nargs++;
		if (!optional)
			shape->nrequired++;
	}
	if (shape->nargs != 1)
		shape->single_filter = false;
}

/* Arg entry I's name, pushed. */
static void push_arg_name(lua_State *L, int i)
{
	push_arg_entry(L, i);
	lua_getfield(L, -1, "name");
	lua_remove(L, -2);
}

bool chisel_set_args(struct chisel *c, const char *text)
{
	struct chisel_arg_shape shape;
	char **tok;
	size_t n;

	lua_getglobal(c->L, "args");
	bool has_args = lua_istable(c->L, -1);
	lua_pop(c->L, 1);
	if (!has_args) {
		fprintf(stderr, "sysray: %s chisel error: args table missing\n", c->name);
		return false;
	}
	chisel_arg_shape(c, &shape);
	if (!chisel_args_split(text, &tok, &n)) {
		fprintf(stderr, "sysray: corrupted parameters for chisel %s\n", c->name);
		return false;
	}
	bool ok = false;
	if (n < shape.nrequired) {
		fprintf(stderr, "sysray: wrong number of parameters for chisel %s, %zu required, "
			"%zu given\n", c->name, shape.nrequired, n);
	} else if (n > shape.nargs) {
		fprintf(stderr, "sysray: too many parameters for chisel %s, %zu required, %zu "
			"optional, %zu given\n", c->name, shape.nrequired,
			shape.nargs - shape.nrequired, n);
	} else {
		ok = true;
		for (size_t i = 0; ok && i < n; i++) {
			if (!push_callback(c, "on_set_arg")) {
				fprintf(stderr, "sysray: %s chisel error: on_set_arg missing\n",
					c->name);
				ok = false;
				break;
			}
			push_arg_name(c->L, (int)i + 1);
			lua_pushstring(c->L, tok[i]);
			if (!call(c, 2, 1, "on_set_arg")) {
				ok = false;
			} else if (!lua_isboolean(c->L, -1) || !lua_toboolean(c->L, -1)) {
				fprintf(stderr, "sysray: set_arg() for chisel %s failed.\n", c->name);
				lua_pop(c->L, 1);
				ok = false;
			} else {
				lua_pop(c->L, 1);
			}
		}
	}
	chisel_args_free(tok, n);
	return ok;
}

/* on_init of the loaded chisel; false after saying why. */
static bool init_once(struct chisel *c)
{
	if (!push_callback(c, "on_init"))
		return true;
	if (!call(c, 0, 1, "on_init"))
		return false;
	bool ok = true;
	if (c->exec_pending) {
		/* the chisel handed over to another: its return value does not matter */
	} else if (!lua_isboolean(c->L, -1)) {
		fprintf(stderr, "sysray: %s chisel error: wrong init() return value.\n", c->name);
		ok = false;
	} else if (!lua_toboolean(c->L, -1)) {
		fprintf(stderr, "sysray: init() for chisel %s failed.\n", c->name);
		ok = false;
	}
	lua_pop(c->L, 1);
	return ok;
}

bool chisel_init(struct chisel *c)
{
	/* chisel.exec replaces the chisel with another; a chain ends within a few hops unless
	 * two chisels exec each other */
	for (int hops = 0; hops < 16; hops++) {
		if (!init_once(c))
			return false;
		if (!c->exec_pending)
			return true;
		c->exec_pending = false;
		char *name = c->exec_name;
		char *args = xstrdup(c->exec_args.len ? c->exec_args.buf : "");

		c->exec_name = NULL;
		close_state(c);
		bool ok = load(c, name) && chisel_set_args(c, args);
		free(name);
		free(args);
		if (!ok)
			return false;
	}
	fprintf(stderr, "sysray: %s chisel error: chisel.exec chain too long\n", c->name);
	return false;
}

bool chisel_capture_start(struct chisel *c)
{
	if (!push_callback(c, "on_capture_start"))
		return true;
	if (!call(c, 0, 1, "on_capture_start"))
		return false;
	bool ok = lua_toboolean(c->L, -1);
	lua_pop(c->L, 1);
	if (!ok)
		fprintf(stderr, "sysray: init() for chisel %s failed.\n", c->name);
	return ok;
}

/* For chisel_run.c: a callback with N numbers already pushed, its one result left. */
bool chisel_call(struct chisel *c, const char *name, int nargs, bool *has_callback)
{
	*has_callback = push_callback(c, name);
	if (!*has_callback) {
		lua_pop(c->L, nargs);
		return true;
	}
	lua_insert(c->L, -1 - nargs);
	return call(c, nargs, 1, name);
}
