/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysdig.get_thread_table*() and get_container_table(): the state's threads and the known
 * containers as Lua tables, in the shapes sysdig 0.29's chisels read (chisel-api.md §3).
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "chisel/chisel_int.h"
#include "fields/sysdig.h"
#include "pipeline/pipeline.h"
#include "util/util.h"

static void set_num(lua_State *L, const char *key, double v)
{
	lua_pushnumber(L, v);
	lua_setfield(L, -2, key);
}

static void set_str(lua_State *L, const char *key, const char *v)
{
	lua_pushstring(L, v ? v : "");
	lua_setfield(L, -2, key);
}

/* A NUL-separated list (argv, environ) as an array. */
static void set_list(lua_State *L, const char *key, const char *p, size_t len)
{
	lua_newtable(L);
	int i = 1;
	for (size_t off = 0; p && off < len; i++) {
		size_t n = strnlen(p + off, len - off);

		lua_pushlstring(L, p + off, n);
		lua_rawseti(L, -2, i);
		off += n + 1;
	}
	lua_setfield(L, -2, key);
}

static const char *l4proto_name(uint8_t l4)
{
	/* the capture's l4 protocol codes: 2 TCP, 3 UDP, 4 ICMP, 5 raw */
	switch (l4) {
	case 2: return "tcp";
	case 3: return "udp";
	case 4: return "icmp";
	case 5: return "raw";
	}
	return "<NA>";
}

static void set_addr(lua_State *L, const char *key, bool v6, const uint8_t addr[16])
{
	char buf[INET6_ADDRSTRLEN];

	inet_ntop(v6 ? AF_INET6 : AF_INET, addr, buf, sizeof(buf));
	set_str(L, key, buf);
}

/* One fd's entry. IP sockets carry their ends: a server socket only its listening address
 * (sip, sport), a connection both, with is_server telling which end is ours. */
static void push_fd(lua_State *L, const struct st_fd *f, bool barebone)
{
	lua_newtable(L);
	if (!barebone) {
		set_str(L, "name", f->name);
		set_str(L, "type", render_fd_typename(f->type));
	}
	bool server = f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SERVSOCK;
	bool conn = f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK;
	if (!server && !conn)
		return;
	if (server) {
		set_addr(L, "sip", f->v6, f->sip);
		set_num(L, "sport", f->sport);
	} else {
		set_addr(L, "cip", f->v6, f->sip);
		set_num(L, "cport", f->sport);
		set_addr(L, "sip", f->v6, f->dip);
		set_num(L, "sport", f->dport);
	}
	lua_pushboolean(L, server || f->role == ST_ROLE_SERVER);
	lua_setfield(L, -2, "is_server");
	set_str(L, "l4proto", l4proto_name(f->l4proto));
}

/*
 * Whether FLT matches fd F of thread T: sysdig evaluates the filter on a made-up read exit
 * of T on F. The state's current event is borrowed for it and given back.
 */
static bool fd_matches(struct pipeline *p, const struct filter *flt, struct st_thread *t,
		       struct st_fd *f)
{
	struct st_current saved = p->st->cur;
	struct scap_event fake = { .ts = saved.ev ? saved.ev->ts : 0, .tid = t->tid,
				   .type = PPME_SYSCALL_READ_X };

	p->st->cur = (struct st_current){ .ev = &fake, .thread = t, .fd = f, .fdnum = f->fd,
					  .has_fd = true, .fd_event = true };
	bool m = filter_match(flt, &fake, p->ctx);
	p->st->cur = saved;
	return m;
}

/* T's fd table (its process's), the fds FLT matches; false when FLT matched none. */
static bool push_fdtable(lua_State *L, struct pipeline *p, struct st_thread *t,
			 const struct filter *flt, bool barebone)
{
	struct st_thread *m = state_main_thread(p->st, t);
	bool any = false;

	lua_newtable(L);
	for (size_t i = 0; m && i < m->fdt.n; i++) {
		struct st_fd *f = &m->fdt.fds[i];

		if (flt && !fd_matches(p, flt, t, f))
			continue;
		any = true;
		lua_pushnumber(L, (double)f->fd);
		push_fd(L, f, barebone);
		lua_settable(L, -3);
	}
	lua_setfield(L, -2, "fdtable");
	return any;
}

static void push_thread(lua_State *L, struct state *st, const struct st_thread *t, bool barebone)
{
	lua_newtable(L);
	set_num(L, "tid", (double)t->tid);
	set_num(L, "pid", (double)t->pid);
	if (barebone)
		return;
	set_num(L, "ptid", (double)t->ptid);
	set_str(L, "comm", t->comm);
	set_str(L, "exe", t->exe);
	set_num(L, "flags", t->flags);
	set_num(L, "fdlimit", (double)t->fdlimit);
	set_num(L, "uid", t->uid);
	set_num(L, "gid", t->gid);
	set_num(L, "nchilds", t->nchilds);
	set_num(L, "vmsize_kb", t->vmsize_kb);
	set_num(L, "vmrss_kb", t->vmrss_kb);
	set_num(L, "vmswap_kb", t->vmswap_kb);
	set_num(L, "pfmajor", (double)t->pfmajor);
	set_num(L, "pfminor", (double)t->pfminor);
	char ts[24];
	snprintf(ts, sizeof(ts), "%" PRIu64, t->clone_ts);
	set_str(L, "clone_ts", ts);
	const struct st_user *u = state_user(st, t->uid);
	set_str(L, "username", u && u->name ? u->name : "<NA>");
	set_list(L, "args", t->args, t->args_len);
	set_list(L, "env", t->env, t->env_len);
}

int chisel_api_thread_table(lua_State *L, bool fds, bool barebone)
{
	struct chisel *c = chisel_of(L);
	struct pipeline *p = c->host->p;
	const char *text = luaL_optstring(L, 1, NULL);
	struct filter *flt = NULL;

	if (!p || !c->host->opened)
		return chisel_raise(L, "sysdig.get_thread_table: the capture is not open yet");
	if (text && *text) {
		struct filter_error err;

		flt = filter_compile(text, sysdig_field_registry(), &err);
		if (!flt) {
			char *m = filter_error_format(&err, text);

			lua_pushfstring(L, "invalid filter in chisel %s: %s", c->name, m);
			free(m);
			return lua_error(L);
		}
	}
	lua_newtable(L);
	struct st_thread *t;

	for (size_t pos = 0; (t = state_thread_next(p->st, &pos));) {
		lua_pushnumber(L, (double)t->tid);
		push_thread(L, p->st, t, barebone);
		bool keep = true;
		if (fds || flt)
			keep = push_fdtable(L, p, t, flt, barebone) || !flt;
		if (keep)
			lua_settable(L, -3);
		else
			lua_pop(L, 2);
	}
	filter_free(flt);
	return 1;
}

static void push_container(lua_State *L, int *n, const char *id, const struct container_meta *m)
{
	lua_newtable(L);
	set_str(L, "id", id);
	set_str(L, "name", m && *m->name ? m->name : "<NA>");
	set_str(L, "image", m && *m->image ? m->image : "<NA>");
	set_str(L, "type", m && *m->type ? m->type : "docker");
	lua_rawseti(L, -2, ++*n);
}

/* Every container the run knows: those a capture described and those its threads run in,
 * each once. */
int chisel_api_container_table(lua_State *L)
{
	struct chisel *c = chisel_of(L);
	struct pipeline *p = c->host->p;
	int n = 0;

	if (!p || !c->host->opened)
		return chisel_raise(L, "sysdig.get_container_table: the capture is not open yet");
	lua_newtable(L);	/* ids seen */
	lua_newtable(L);	/* the result */
	for (size_t i = 0; i < p->ctx->ncontainers; i++) {
		const struct field_container *fc = &p->ctx->containers[i];

		if (!fc->found)
			continue;
		lua_pushboolean(L, 1);
		lua_setfield(L, -3, fc->id);
		push_container(L, &n, fc->id, &fc->meta);
	}
	const struct st_thread *t;

	for (size_t pos = 0; (t = state_thread_next(p->st, &pos));) {
		if (!*t->container_id || !strcmp(t->container_id, "host"))
			continue;
		lua_getfield(L, -2, t->container_id);
		bool seen = lua_toboolean(L, -1);
		lua_pop(L, 1);
		if (seen)
			continue;
		lua_pushboolean(L, 1);
		lua_setfield(L, -3, t->container_id);
		push_container(L, &n, t->container_id,
			       field_ctx_container(p->ctx, t->container_id));
	}
	lua_remove(L, -2);
	return 1;
}
