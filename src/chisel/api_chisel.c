/* SPDX-License-Identifier: Apache-2.0 */
/* The `chisel` table: what a chisel sets up for itself (fields, filter, formatter,
 * intervals, chisel.exec). */
#include <stdlib.h>
#include <string.h>

#include "chisel/chisel_int.h"
#include "fields/sysdig.h"
#include "util/util.h"

static int request_field(lua_State *L)
{
	struct chisel *c = chisel_of(L);
	const char *name = lua_tostring(L, 1);
	struct field_error err;

	if (!name)
		return chisel_raise(L, "chisel.request_field: the field name is missing");
	struct chisel_field *f = xcalloc(1, sizeof(*f));
	if (!field_resolve(sysdig_field_registry(), name, &f->ref, &err)) {
		const char *near = field_registry_suggest(sysdig_field_registry(), name);

		free(f);
		return chisel_raise(L, "chisel requesting nonexistent field %s%s%s%s", name,
				    near ? " (did you mean " : "", near ? near : "", near ? "?)" : "");
	}
	f->next = c->fields;
	c->fields = f;
	lua_pushlightuserdata(L, f);
	return 1;
}

static int set_filter(lua_State *L)
{
	struct chisel *c = chisel_of(L);
	const char *text = luaL_checkstring(L, 1);
	struct filter_error err;

	filter_free(c->filter);
	c->filter = NULL;
	if (!*text)
		return 0;
	c->filter = filter_compile(text, sysdig_field_registry(), &err);
	if (!c->filter) {
		char *m = filter_error_format(&err, text);

		lua_pushfstring(L, "invalid filter in chisel %s: %s", c->name, m);
		free(m);
		return lua_error(L);
	}
	return 0;
}

static int set_event_formatter(lua_State *L)
{
	struct chisel *c = chisel_of(L);
	const char *fmt = luaL_checkstring(L, 1);
	char err[256];

	template_free(c->formatter);
	c->formatter = NULL;
	if (!*fmt || !strcmp(fmt, "default"))
		fmt = TEMPLATE_DEFAULT;
	c->formatter = template_compile(fmt, sysdig_field_registry(), err, sizeof(err));
	if (!c->formatter)
		return chisel_raise(L, "invalid formatter in chisel %s: %s", c->name, err);
	return 0;
}

static int set_interval(lua_State *L, enum interval_kind kind, double unit)
{
	struct chisel *c = chisel_of(L);
	double v = luaL_checknumber(L, 1) * unit;

	if (!(v >= 1))
		return chisel_raise(L, "chisel %s: an interval must be positive", c->name);
	c->interval = kind;
	c->period_ns = (uint64_t)v;
	c->interval_started = false;
	return 0;
}

static int set_interval_s(lua_State *L)
{
	return set_interval(L, INTERVAL_ALIGNED, 1e9);
}

static int set_interval_ns(lua_State *L)
{
	return set_interval(L, INTERVAL_ALIGNED, 1);
}

static int set_precise_interval_ns(lua_State *L)
{
	return set_interval(L, INTERVAL_PRECISE, 1);
}

/*
 * chisel.exec(name, arg, ...): once on_init returns, this chisel is replaced by NAME with
 * these arguments. sysdig joins them with spaces (wrapping one that holds a space in
 * '...') and splits the result again as it splits a command line's argument string.
 */
static int exec(lua_State *L)
{
	struct chisel *c = chisel_of(L);
	const char *name = luaL_checkstring(L, 1);
	int n = lua_gettop(L);

	free(c->exec_name);
	c->exec_name = xstrdup(name);
	c->exec_args.len = 0;
	for (int i = 2; i <= n && !lua_isnil(L, i); i++) {
		lua_getglobal(L, "tostring");
		lua_pushvalue(L, i);
		lua_call(L, 1, 1);
		const char *s = lua_tostring(L, -1);

		if (i > 2)
			out_putc(&c->exec_args, ' ');
		if (s && strchr(s, ' '))
			out_printf(&c->exec_args, "'%s'", s);
		else
			out_puts(&c->exec_args, s ? s : "");
		lua_pop(L, 1);
	}
	out_putc(&c->exec_args, 0);
	c->exec_pending = true;
	return 0;
}

void chisel_api_chisel_open(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "request_field", request_field },
		{ "set_filter", set_filter },
		{ "set_event_formatter", set_event_formatter },
		{ "set_interval_s", set_interval_s },
		{ "set_interval_ns", set_interval_ns },
		{ "set_precise_interval_ns", set_precise_interval_ns },
		{ "exec", exec },
		{ NULL, NULL },
	};

	luaL_register(L, "chisel", fns);
	lua_pop(L, 1);
}
