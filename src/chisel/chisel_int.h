/* SPDX-License-Identifier: Apache-2.0 */
/* The chisel object and what the API files (api_*.c) share; see chisel.h. */
#ifndef SYSRAY_CHISEL_CHISEL_INT_H
#define SYSRAY_CHISEL_CHISEL_INT_H

#include <lauxlib.h>
#include <lua.h>

#include "capture/scap_event.h"
#include "chisel/chisel.h"
#include "fields/field.h"
#include "format/template.h"

/* A field the chisel asked for: what its light userdata handle points at. */
struct chisel_field {
	struct chisel_field *next;
	struct field_ref ref;
};

enum interval_kind {
	INTERVAL_NONE,
	INTERVAL_ALIGNED,	/* set_interval_s/ns: at boundaries of the period */
	INTERVAL_PRECISE,	/* set_precise_interval_ns: every period from the first event */
};

struct chisel {
	struct chisel_host *host;
	lua_State *L;
	char *name;			/* as given to -c (error messages) */
	char *path;
	struct chisel_field *fields;
	struct filter *filter;		/* chisel.set_filter; NULL: none */
	struct template *formatter;	/* chisel.set_event_formatter; NULL: prints nothing */
	struct template_env env;
	struct out line;
	/* chisel.exec: the chisel to run instead, and its argument string */
	char *exec_name;
	struct out exec_args;
	bool exec_pending;
	enum interval_kind interval;
	uint64_t period_ns;
	uint64_t last_sample;		/* aligned: the period index; precise: its start time */
	uint64_t last_interval_ts;	/* the event time of the previous on_interval */
	bool interval_started;
	const struct scap_event *ev;	/* the event being handed over; NULL between events */
	uint64_t last_ts, last_num;	/* of the last event offered (evt.get_ts at the end) */
	const char *last_type;		/* its name (static) */
	uint16_t last_cpu;
	bool end_requested;		/* sysdig.end_capture() */
	bool failed;
};

/* A fresh Lua state for C from the file PATH (the API tables, package.path over the chisel
 * directories), its top-level chunk run; false after reporting the error. */
bool chisel_open_file(struct chisel *c, const char *path);

/* The file PATH run in a chisel of its own (named NAME) that only gets read: -cl, -i and the
 * views read its globals. NULL after reporting a Lua error. Free with chisel_free(). */
struct chisel *chisel_open_detached(struct chisel_host *host, const char *name, const char *path);

/* The chisel whose Lua state L is (the registry holds it). */
struct chisel *chisel_of(lua_State *L);

/* Raises a Lua error with the message FMT, in the chisel's name. */
int chisel_raise(lua_State *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The tables chisels call: chisel.*, sysdig.*, evt.* (api_chisel.c, api_sysdig.c, api_evt.c). */
void chisel_api_chisel_open(lua_State *L);
void chisel_api_sysdig_open(lua_State *L);
void chisel_api_evt_open(lua_State *L);

/* sysdig.get_thread_table* and get_container_table (api_tables.c). */
int chisel_api_thread_table(lua_State *L, bool fds, bool barebone);
int chisel_api_container_table(lua_State *L);

/* Calls global function NAME with the NARGS values on the stack, leaving its one result;
 * *HAS_CALLBACK false (and the arguments popped) when the chisel has no such function. False
 * after reporting a Lua error. */
bool chisel_call(struct chisel *c, const char *name, int nargs, bool *has_callback);

/* The listed chisel name closest to NAME, malloc'd, or NULL (chisel_list.c). */
char *chisel_suggest(const struct chisel_dirs *dirs, const char *name);

/* Argument strings: sysdig's tokenizer (chisel_args.c). Returns false on an unterminated
 * quote; the tokens are malloc'd, *N of them. */
bool chisel_args_split(const char *text, char ***tokens, size_t *n);
void chisel_args_free(char **tokens, size_t n);

#endif
