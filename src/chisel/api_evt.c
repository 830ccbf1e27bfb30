/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The `evt` table: the current event and the fields a chisel requested. Values keep their
 * type, as sysdig's raw extractors give them: numbers for integers, times and doubles,
 * booleans, strings for text and raw bytes for buffers (NULs included), text for
 * addresses; nil when the field does not apply to the event.
 */
#include <string.h>

#include "chisel/chisel_int.h"
#include "fields/field_text.h"
#include "fields/sysdig.h"
#include "format/render.h"
#include "pipeline/pipeline.h"

static bool is_field(const struct chisel *c, const void *handle)
{
	for (const struct chisel_field *f = c->fields; f; f = f->next)
		if (f == handle)
			return true;
	return false;
}

/* A buffer as sysdig 0.29 hands it to Lua: evt.rawarg.* raw, the others (evt.buffer)
 * rendered in the run's buffer format, as -p prints them (sysdig.set_output_format). */
static void push_buffer(lua_State *L, const struct field_ref *ref, const struct field_value *v,
			struct field_ctx *ctx)
{
	if (!strcmp(ref->field->name, "evt.rawarg")) {
		lua_pushlstring(L, v->s.ptr ? v->s.ptr : "", v->s.len);
		return;
	}
	struct out o = { 0 };

	render_bytes((const uint8_t *)v->s.ptr, v->s.len, ctx->bf, &o);
	lua_pushlstring(L, o.buf ? o.buf : "", o.len);
	out_free(&o);
}

static void push_value(lua_State *L, const struct field_ref *ref, const struct field_value *v,
		       struct field_ctx *ctx)
{
	switch (v->type) {
	case FT_INT16:
	case FT_INT32:
	case FT_INT64:
		lua_pushnumber(L, (double)v->i);
		return;
	case FT_UINT32:
	case FT_UINT64:
	case FT_ABSTIME:
	case FT_RELTIME:
	case FT_PORT:
		lua_pushnumber(L, (double)v->u);
		return;
	case FT_DOUBLE:
		lua_pushnumber(L, v->d);
		return;
	case FT_BOOL:
		lua_pushboolean(L, v->b);
		return;
	case FT_CHARBUF:
		lua_pushlstring(L, v->s.ptr ? v->s.ptr : "", v->s.len);
		return;
	case FT_BYTEBUF:
		push_buffer(L, ref, v, ctx);
		return;
	case FT_IPADDR:
	case FT_IPNET:
	case FT_DYNAMIC: {
		struct out o = { 0 };

		field_value_text(v, ctx->bf, &o);
		lua_pushlstring(L, o.buf ? o.buf : "", o.len);
		out_free(&o);
		return;
	}
	}
	lua_pushnil(L);
}

static int field(lua_State *L)
{
	struct chisel *c = chisel_of(L);
	const void *handle = lua_touserdata(L, 1);

	/* sysdig 0.29 reads anything else as no field, and chisels rely on it: spy_users
	 * shifts a number into its table of handles and reads it */
	if (!handle || !is_field(c, handle)) {
		lua_pushnil(L);
		return 1;
	}
	const struct chisel_field *f = handle;
	struct pipeline *p = c->host->p;
	struct field_value v[FIELD_MAX_VALUES];

	if (!c->ev || !p || !field_extract(&f->ref, c->ev, p->ctx, v)) {
		lua_pushnil(L);
		return 1;
	}
	push_value(L, &f->ref, &v[0], p->ctx);
	return 1;
}

static int get_num(lua_State *L)
{
	lua_pushnumber(L, (double)chisel_of(L)->last_num);
	return 1;
}

static int get_ts(lua_State *L)
{
	struct chisel *c = chisel_of(L);

	lua_pushnumber(L, (double)(c->last_ts / 1000000000ull));
	lua_pushnumber(L, (double)(c->last_ts % 1000000000ull));
	return 2;
}

/* The event's name; a generic syscall event names its syscall. */
static int get_type(lua_State *L)
{
	struct chisel *c = chisel_of(L);

	lua_pushstring(L, c->last_type ? c->last_type : "");
	return 1;
}

static int get_cpuid(lua_State *L)
{
	lua_pushnumber(L, chisel_of(L)->last_cpu);
	return 1;
}

void chisel_api_evt_open(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "field", field },
		{ "get_num", get_num },
		{ "get_ts", get_ts },
		{ "get_type", get_type },
		{ "get_cpuid", get_cpuid },
		{ NULL, NULL },
	};

	luaL_register(L, "evt", fns);
	lua_pop(L, 1);
}
