/* SPDX-License-Identifier: Apache-2.0 */
#include "state/state.h"

#include <stdlib.h>
#include <string.h>

#include "state/state_int.h"
#include "schema/container_id.h"
#include "schema/ppm_flags.h"
#include "util/util.h"

void state_init(struct state *st)
{
	memset(st, 0, sizeof(*st));
	st->cur.fdnum = -1;
}

static void fdtable_free(struct st_fdtable *t)
{
	for (size_t i = 0; i < t->n; i++) {
		free(t->fds[i].name);
		free(t->fds[i].name_raw);
	}
	free(t->fds);
	memset(t, 0, sizeof(*t));
}

static void thread_free(struct st_thread *t)
{
	free(t->comm);
	free(t->exe);
	free(t->exepath);
	free(t->cwd);
	free(t->args);
	free(t->env);
	free(t->cgroups);
	free(t->exec_filename);
	fdtable_free(&t->fdt);
	free(t);
}

static void clear_tables(struct state *st)
{
	for (size_t i = 0; i < st->cap; i++)
		if (st->threads[i] && st->threads[i] != ST_TOMBSTONE)
			thread_free(st->threads[i]);
	free(st->threads);
	st->threads = NULL;
	st->nthreads = st->cap = 0;
	for (size_t i = 0; i < st->nusers; i++) {
		free(st->users[i].name);
		free(st->users[i].homedir);
		free(st->users[i].shell);
	}
	free(st->users);
	st->users = NULL;
	st->nusers = 0;
	for (size_t i = 0; i < st->ngroups; i++)
		free(st->groups[i].name);
	free(st->groups);
	st->groups = NULL;
	st->ngroups = 0;
	st->pending_close = false;
	free(st->ifaces);
	st->ifaces = NULL;
	st->nifaces = 0;
	if (st->container_thread)
		thread_free(st->container_thread);
	st->container_thread = NULL;
	free(st->cur.failed_path);
	free(st->cur.failed_path_raw);
	memset(&st->cur, 0, sizeof(st->cur));
	st->cur.fdnum = -1;
}

void state_free(struct state *st)
{
	clear_tables(st);
}

/* ---- threads: open addressing on tid, with tombstones for removed entries ---- */

struct st_thread *state_thread_next(const struct state *st, size_t *pos)
{
	while (*pos < st->cap) {
		struct st_thread *t = st->threads[(*pos)++];

		if (t && t != ST_TOMBSTONE)
			return t;
	}
	return NULL;
}

static size_t slot_of(int64_t tid, size_t cap)
{
	uint64_t h = (uint64_t)tid * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 20) & (cap - 1);
}

struct st_thread *state_thread(const struct state *st, int64_t tid)
{
	if (!st->cap)
		return NULL;
	for (size_t i = slot_of(tid, st->cap), n = 0; n < st->cap; i = (i + 1) & (st->cap - 1), n++) {
		struct st_thread *t = st->threads[i];
		if (!t)
			return NULL;
		if (t != ST_TOMBSTONE && t->tid == tid)
			return t;
	}
	return NULL;
}

static void insert_slot(struct st_thread **tab, size_t cap, struct st_thread *t)
{
	size_t i = slot_of(t->tid, cap);
	while (tab[i] && tab[i] != ST_TOMBSTONE)
		i = (i + 1) & (cap - 1);
	tab[i] = t;
}

static void grow(struct state *st)
{
	size_t ncap = st->cap ? st->cap * 2 : 256;
	struct st_thread **nt = xcalloc(ncap, sizeof(*nt));
	for (size_t i = 0; i < st->cap; i++)
		if (st->threads[i] && st->threads[i] != ST_TOMBSTONE)
			insert_slot(nt, ncap, st->threads[i]);
	free(st->threads);
	st->threads = nt;
	st->cap = ncap;
}

struct st_thread *state_thread_add(struct state *st, int64_t tid)
{
	struct st_thread *t = state_thread(st, tid);
	if (t)
		return t;
	/* Tombstones count as used: rehash keeps probe chains short. */
	if ((st->nthreads + 1) * 2 > st->cap)
		grow(st);
	t = st_thread_new(tid);
	insert_slot(st->threads, st->cap, t);
	st->nthreads++;
	return t;
}

struct st_thread *st_thread_new(int64_t tid)
{
	struct st_thread *t = xcalloc(1, sizeof(*t));

	t->tid = tid;
	t->pid = tid;
	t->ptid = -1;
	/* unknown (-1) until a process list or a clone says, as in sysdig */
	t->vtid = -1;
	t->vpid = -1;
	t->sid = -1;
	t->vpgid = -1;
	t->comm = xstrdup("");
	t->exe = xstrdup("");
	t->exepath = xstrdup("");
	t->cwd = xstrdup("");
	/* unknown until a process list, clone or setuid says: sysdig shows no user then */
	t->uid = UINT32_MAX;
	t->gid = UINT32_MAX;
	t->loginuid = UINT32_MAX;
	/* sysdig 0.29's thread starts with fd 0 as its last event's fd (see state_event()) */
	t->enter_fd = 0;
	t->fdlimit = (uint64_t)-1;	/* unknown, as sysdig says it (proc.fdlimit -1) */
	strcpy(t->container_id, "host");
	return t;
}

void state_thread_remove(struct state *st, int64_t tid)
{
	if (!st->cap)
		return;
	for (size_t i = slot_of(tid, st->cap), n = 0; n < st->cap; i = (i + 1) & (st->cap - 1), n++) {
		struct st_thread *t = st->threads[i];
		if (!t)
			return;
		if (t != ST_TOMBSTONE && t->tid == tid) {
			st_count_child(st, t, -1);
			if (st->cur.thread == t) {
				st->cur.thread = NULL;
				st->cur.fd = NULL;
			}
			thread_free(t);
			st->threads[i] = ST_TOMBSTONE;
			/* nthreads still counts the tombstone until the next rehash */
			return;
		}
	}
}

void st_count_child(const struct state *st, const struct st_thread *t, int dir)
{
	struct st_thread *m;

	if (!(t->flags & PPM_CL_CLONE_THREAD) || t->pid == t->tid ||
	    !(m = state_thread(st, t->pid)))
		return;
	if (dir > 0)
		m->nchilds++;
	else if (m->nchilds)
		m->nchilds--;
}

struct st_thread *state_main_thread(const struct state *st, struct st_thread *t)
{
	if (!t || t->pid == t->tid)
		return t;
	struct st_thread *m = state_thread(st, t->pid);
	return m ? m : t;
}

/* ---- fds: a small array per process; fd numbers are dense and few ---- */

struct st_fd *state_fd(const struct state *st, struct st_thread *t, int64_t fd)
{
	struct st_thread *m = state_main_thread(st, t);
	if (!m)
		return NULL;
	for (size_t i = 0; i < m->fdt.n; i++)
		if (m->fdt.fds[i].fd == fd)
			return &m->fdt.fds[i];
	return NULL;
}

struct st_fd *state_fd_add(struct state *st, struct st_thread *t, int64_t fd)
{
	struct st_thread *m = state_main_thread(st, t);
	struct st_fd *f = state_fd(st, m, fd);
	if (f) {
		free(f->name);
		free(f->name_raw);
	} else {
		if (m->fdt.n == m->fdt.cap) {
			m->fdt.cap = m->fdt.cap ? m->fdt.cap * 2 : 16;
			m->fdt.fds = xrealloc(m->fdt.fds, m->fdt.cap * sizeof(*m->fdt.fds));
			st->cur.fd = NULL;	/* the array moved */
		}
		f = &m->fdt.fds[m->fdt.n++];
	}
	memset(f, 0, sizeof(*f));
	f->fd = fd;
	f->name = xstrdup("");
	return f;
}

void state_fd_remove(struct state *st, struct st_thread *t, int64_t fd)
{
	struct st_thread *m = state_main_thread(st, t);
	struct st_fd *f = state_fd(st, m, fd);
	if (!f)
		return;
	if (st->cur.fd)
		st->cur.fd = NULL;
	free(f->name);
	free(f->name_raw);
	*f = m->fdt.fds[--m->fdt.n];
}

/* ---- users and groups ---- */

void state_user_add(struct state *st, uint32_t uid, const char *name, const char *home,
		    const char *shell)
{
	st->users = xrealloc(st->users, (st->nusers + 1) * sizeof(*st->users));
	struct st_user *u = &st->users[st->nusers++];
	u->uid = uid;
	u->name = xstrdup(name ? name : "");
	u->homedir = xstrdup(home ? home : "");
	u->shell = xstrdup(shell ? shell : "");
}

void state_group_add(struct state *st, uint32_t gid, const char *name)
{
	st->groups = xrealloc(st->groups, (st->ngroups + 1) * sizeof(*st->groups));
	st->groups[st->ngroups].gid = gid;
	st->groups[st->ngroups].name = xstrdup(name ? name : "");
	st->ngroups++;
}

const struct st_user *state_user(const struct state *st, uint32_t uid)
{
	for (size_t i = 0; i < st->nusers; i++)
		if (st->users[i].uid == uid)
			return &st->users[i];
	return NULL;
}

const struct st_group *state_group(const struct state *st, uint32_t gid)
{
	for (size_t i = 0; i < st->ngroups; i++)
		if (st->groups[i].gid == gid)
			return &st->groups[i];
	return NULL;
}

/* ---- containers ---- */

void state_container_id(const char *cgroups, size_t len, char out[16])
{
	struct container_ref c;

	container_of_cgroups(cgroups, len, &c);
	container_short_id(&c, out);
}

/* sysdig keeps the v2 io controller under its v1 name, blkio. */
void state_set_cgroups(struct st_thread *t, const char *cgroups, size_t len)
{
	size_t n = 0;

	free(t->cgroups);
	t->cgroups = xmalloc(len + len / 3 + 4);	/* "io=" (3 bytes) grows by 3 */
	for (size_t off = 0; off < len;) {
		size_t item = strnlen(cgroups + off, len - off);

		if (item >= 3 && !memcmp(cgroups + off, "io=", 3)) {
			memcpy(t->cgroups + n, "blk", 3);
			n += 3;
		}
		memcpy(t->cgroups + n, cgroups + off, item);
		n += item;
		t->cgroups[n++] = 0;
		off += item + 1;
	}
	t->cgroups[n] = 0;
	t->cgroups_len = n;
	state_container_id(cgroups, len, t->container_id);
}

/* ---- loading a capture's metadata ---- */

/*
 * A capture's fd list gives a connected socket's ends as the kernel's socket tables do,
 * local end first. sysdig 0.29 names a connection client -> server: an end whose local
 * port is one some process of the capture listens on is the server end, and its tuple is
 * turned around.
 */
struct server_ports {
	uint16_t *v;
	size_t n;
};

static void collect_server_ports(const struct scap_meta *m, struct server_ports *p)
{
	for (size_t i = 0; i < m->nthreads; i++)
		for (size_t j = 0; j < m->threads[i].nfds; j++) {
			const struct scap_fd *sf = &m->threads[i].fds[j];

			if (sf->type != SCAP_FD_IPV4_SERVSOCK && sf->type != SCAP_FD_IPV6_SERVSOCK)
				continue;
			p->v = xrealloc(p->v, (p->n + 1) * sizeof(*p->v));
			p->v[p->n++] = sf->sport;
		}
}

static bool is_server_end(const struct server_ports *p, const struct st_fd *f)
{
	if (f->type != SCAP_FD_IPV4_SOCK && f->type != SCAP_FD_IPV6_SOCK)
		return false;
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i] == f->sport)
			return true;
	return false;
}

static void swap_tuple(struct st_fd *f)
{
	uint8_t ip[16];
	uint16_t port = f->sport;

	memcpy(ip, f->sip, 16);
	memcpy(f->sip, f->dip, 16);
	memcpy(f->dip, ip, 16);
	f->sport = f->dport;
	f->dport = port;
	f->role = ST_ROLE_SERVER;
}

/*
 * sysdig 0.29 imports a thread's fd list through one scratch fd whose socket union (IPv4
 * tuple: source 0-3, destination 4-7, ports 8-9 and 10-11, protocol 12; IPv4 server:
 * address 0-3, port 4-5, protocol 6; IPv6 tuple: 16-byte addresses at 0 and 16, ports 32
 * and 34, protocol 36; IPv6 server: address 0-15, port 16, protocol 18; unix: the two
 * socket ids at 0 and 8) is zeroed once per thread and never cleared between fds: each fd
 * keeps the bytes it does not write from the fds before it. SOCKINFO gets SF's bytes.
 */
#define SOCKINFO_LEN 37

static void sockinfo_import(uint8_t sockinfo[SOCKINFO_LEN], const struct scap_fd *sf)
{
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };
	uint8_t *u = sockinfo;

	switch (sf->type) {
	case SCAP_FD_IPV6_SOCK:
		if (memcmp(sf->sip, mapped, 12) || memcmp(sf->dip, mapped, 12)) {
			memcpy(u, sf->sip, 16);
			memcpy(u + 16, sf->dip, 16);
			memcpy(u + 32, &sf->sport, 2);
			memcpy(u + 34, &sf->dport, 2);
			u[36] = sf->l4proto;
			break;
		}
		memcpy(u, sf->sip + 12, 4);
		memcpy(u + 4, sf->dip + 12, 4);
		memcpy(u + 8, &sf->sport, 2);
		memcpy(u + 10, &sf->dport, 2);
		u[12] = sf->l4proto;
		break;
	case SCAP_FD_IPV4_SOCK:
		memcpy(u, sf->sip, 4);
		memcpy(u + 4, sf->dip, 4);
		memcpy(u + 8, &sf->sport, 2);
		memcpy(u + 10, &sf->dport, 2);
		u[12] = sf->l4proto;
		break;
	case SCAP_FD_IPV4_SERVSOCK:
		memcpy(u, sf->sip, 4);
		memcpy(u + 4, &sf->sport, 2);
		u[6] = sf->l4proto;
		break;
	case SCAP_FD_IPV6_SERVSOCK:
		memcpy(u, sf->sip, 16);
		memcpy(u + 16, &sf->sport, 2);
		u[18] = sf->l4proto;
		break;
	case SCAP_FD_UNIX_SOCK:
		memcpy(u, &sf->unix_src, 8);
		memcpy(u + 8, &sf->unix_dst, 8);
		break;
	}
}

void state_load_meta(struct state *st, const struct scap_meta *m)
{
	clear_tables(st);
	st_set_interfaces(st, m->ifaces, m->nifaces);
	for (size_t i = 0; i < m->nusers; i++)
		state_user_add(st, m->users[i].uid, m->users[i].name, m->users[i].homedir,
			       m->users[i].shell);
	for (size_t i = 0; i < m->ngroups; i++)
		state_group_add(st, m->groups[i].gid, m->groups[i].name);
	for (size_t i = 0; i < m->nthreads; i++) {
		const struct scap_thread *s = &m->threads[i];
		struct st_thread *t = state_thread_add(st, s->tid);
		/* A thread only seen in an fd list has no process information. */
		t->live = s->block_type != 0;
		t->fdlist_only = !t->live;
		t->pid = s->pid;
		t->ptid = s->ptid;
		t->sid = s->sid;
		t->vpgid = s->vpgid;
		t->vtid = s->vtid;
		t->vpid = s->vpid;
		st_set_str(&t->comm, s->comm);
		st_set_str(&t->exe, s->exe);
		st_set_str(&t->exepath, s->exepath);
		st_set_str(&t->cwd, s->cwd);
		st_set_bytes(&t->args, &t->args_len, s->args, s->args_len);
		st_set_bytes(&t->env, &t->env_len, s->env, s->env_len);
		t->fdlimit = s->fdlimit;
		t->flags = s->flags;
		t->vmsize_kb = s->vmsize_kb;
		t->vmrss_kb = s->vmrss_kb;
		t->vmswap_kb = s->vmswap_kb;
		t->pfmajor = s->pfmajor;
		t->pfminor = s->pfminor;
		t->uid = s->uid;
		t->gid = s->gid;
		t->loginuid = s->loginuid;
		t->tty = s->tty;
		t->caps_known = s->has_caps;
		t->cap_inheritable = s->cap_inheritable;
		t->cap_permitted = s->cap_permitted;
		t->cap_effective = s->cap_effective;
		t->exe_known = s->has_exe_file && s->exe_ino;
		t->exe_ino = s->exe_ino;
		t->exe_ino_ctime = s->exe_ino_ctime;
		t->exe_ino_mtime = s->exe_ino_mtime;
		t->exe_flags = s->exe_flags;
		t->exe_flags_known = s->exe_flags_known;
		t->pidns_init_start_ts = s->pidns_init_start_ts;
		state_set_cgroups(t, s->cgroups, s->cgroups_len);
	}
	/* fds and thread counts after all threads: a process's fds go to its main thread's
	 * table */
	struct server_ports ports = { 0 };
	collect_server_ports(m, &ports);
	for (size_t i = 0; i < m->nthreads; i++) {
		const struct scap_thread *s = &m->threads[i];
		struct st_thread *t = state_thread(st, s->tid);
		uint8_t sockinfo[SOCKINFO_LEN] = { 0 };

		st_count_child(st, t, 1);
		for (size_t j = 0; j < s->nfds; j++) {
			const struct scap_fd *sf = &s->fds[j];
			struct st_fd *f = state_fd_add(st, t, sf->fd);

			sockinfo_import(sockinfo, sf);
			if (sf->type == SCAP_FD_IPV4_SERVSOCK) {
				f->serv_byte7 = sockinfo[7];
				memcpy(&f->serv_dport, sockinfo + 10, 2);
			}
			f->type = sf->type == SCAP_FD_FILE_V2 ? SCAP_FD_FILE : sf->type;
			f->l4proto = sf->l4proto;
			f->v6 = sf->type == SCAP_FD_IPV6_SOCK || sf->type == SCAP_FD_IPV6_SERVSOCK;
			memcpy(f->sip, sf->sip, 16);
			memcpy(f->dip, sf->dip, 16);
			f->sport = sf->sport;
			f->dport = sf->dport;
			f->open_flags = sf->open_flags;
			if (is_server_end(&ports, f))
				swap_tuple(f);
			st_set_str(&f->name, sf->name ? sf->name : "");
			/* a unix socket's path in a capture's fd list may keep the newline of
			 * the /proc/net/unix line it came from; sysdig 0.29 shows it without */
			if (f->type == SCAP_FD_UNIX_SOCK)
				f->name[strcspn(f->name, "\n")] = 0;
			st_fd_name_socket(f);
		}
	}
	free(ports.v);
}

void st_set_str(char **dst, const char *src)
{
	free(*dst);
	*dst = xstrdup(src ? src : "");
}

void st_set_bytes(char **dst, size_t *dst_len, const void *src, size_t len)
{
	free(*dst);
	*dst = NULL;
	*dst_len = len;
	if (len) {
		*dst = xmalloc(len);
		memcpy(*dst, src, len);
	}
}
