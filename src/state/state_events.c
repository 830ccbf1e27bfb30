/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Keeping the state current from events, as sysdig 0.29's parser does: processes are created
 * by clone/fork/vfork exits and renamed by execve exits; fds appear on the exit of the calls
 * that create them and disappear after a successful close.
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/container_event.h"
#include "schema/ppm_flags.h"
#include "state/state.h"
#include "state/state_int.h"
#include "util/util.h"

/* PPM_O_DIRECTORY */
#define PPM_O_DIRECTORY (1u << 10)

/*
 * The parameter NAME of EV even when it is empty, NULL when the event has none. NAME is one
 * of this file's string literals: its position in the event's table row is looked up once per
 * (event code, literal), not by name for every event.
 */
static const struct scap_param *param_any(const struct scap_event *ev, const char *name)
{
	static struct {
		const char *name;
		uint16_t type;
		int16_t index;
	} memo[1024];
	size_t h = (((uintptr_t)name >> 3) * 31 + ev->type) % ARRAY_SIZE(memo);

	if (memo[h].name != name || memo[h].type != ev->type) {
		const struct scap_event_info *info = scap_event_info(ev->type);
		int idx = -1;

		for (int i = 0; info && i < info->nparams; i++)
			if (!strcmp(info->params[i].name, name)) {
				idx = i;
				break;
			}
		memo[h].name = name;
		memo[h].type = ev->type;
		memo[h].index = (int16_t)idx;
	}
	if (memo[h].index < 0 || (unsigned)memo[h].index >= ev->nparams)
		return NULL;
	return &ev->params[memo[h].index];
}

static const struct scap_param *param(const struct scap_event *ev, const char *name)
{
	const struct scap_param *p = param_any(ev, name);

	return p && p->len ? p : NULL;
}

static bool param_i64(const struct scap_event *ev, const char *name, int64_t *v)
{
	const struct scap_param *p = param(ev, name);
	uint64_t u;
	if (!p || !scap_param_u64(p, &u))
		return false;
	/* FD/PID/ERRNO are 8 bytes; narrower values are signed in their width */
	switch (p->len) {
	case 1: *v = (int8_t)u; break;
	case 2: *v = (int16_t)u; break;
	case 4: *v = (int32_t)u; break;
	default: *v = (int64_t)u; break;
	}
	return true;
}

static bool param_u64(const struct scap_event *ev, const char *name, uint64_t *v)
{
	const struct scap_param *p = param(ev, name);
	return p && scap_param_u64(p, v);
}

static const char *param_str(const struct scap_event *ev, const char *name)
{
	const struct scap_param *p = param(ev, name);
	return p ? scap_param_str(p) : NULL;
}

void st_fd_name_socket(struct st_fd *f)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	char buf[160];
	int af;

	if (f->name[0])
		return;
	switch (f->type) {
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV6_SOCK:
		af = f->type == SCAP_FD_IPV4_SOCK ? AF_INET : AF_INET6;
		if (!f->sport && !f->dport)
			return;
		inet_ntop(af, f->sip, a, sizeof(a));
		inet_ntop(af, f->dip, b, sizeof(b));
		snprintf(buf, sizeof(buf), "%s:%u->%s:%u", a, f->sport, b, f->dport);
		break;
	case SCAP_FD_IPV4_SERVSOCK:
	case SCAP_FD_IPV6_SERVSOCK:
		af = f->type == SCAP_FD_IPV4_SERVSOCK ? AF_INET : AF_INET6;
		inet_ntop(af, f->sip, a, sizeof(a));
		snprintf(buf, sizeof(buf), "%s:%u", a, f->sport);
		break;
	default:
		return;
	}
	st_set_str(&f->name, buf);
}

/* Path joining as sysdig does: absolute paths stay, relative ones go under DIR; "." and ".."
 * components are resolved. */
static char *join_path(const char *dir, const char *path)
{
	size_t dl = strlen(dir), pl = strlen(path);
	char *tmp = xmalloc(dl + pl + 3);
	if (path[0] == '/' || !dir[0]) {
		memcpy(tmp, path, pl + 1);
	} else {
		memcpy(tmp, dir, dl);
		tmp[dl] = '/';
		memcpy(tmp + dl + 1, path, pl + 1);
	}
	/* normalise */
	char *out = xmalloc(strlen(tmp) + 2);
	size_t o = 0;
	const char *s = tmp;
	bool abs = *s == '/';
	while (*s) {
		while (*s == '/')
			s++;
		const char *e = strchr(s, '/');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		if (!len)
			break;
		if (len == 1 && s[0] == '.') {
		} else if (len == 2 && s[0] == '.' && s[1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
		} else {
			if (abs || o)
				out[o++] = '/';
			memcpy(out + o, s, len);
			o += len;
		}
		s += len;
	}
	if (!o && abs)
		out[o++] = '/';
	out[o] = 0;
	free(tmp);
	return out;
}

static void set_sock_type(struct st_fd *f, uint64_t domain)
{
	if (domain == PAF_UNIX)
		f->type = SCAP_FD_UNIX_SOCK;
	else if (domain == PAF_INET)
		f->type = SCAP_FD_IPV4_SOCK;
	else if (domain == PAF_INET6) {
		f->type = SCAP_FD_IPV6_SOCK;
		f->v6 = true;
	} else if (domain == 16)
		f->type = SCAP_FD_NETLINK;
	else
		f->type = SCAP_FD_UNKNOWN;
}

/* Reads a socket tuple parameter into F (IPv4/IPv6 only). Returns false when the parameter
 * is missing or not an IP tuple, or carries no address at all. */
static bool apply_tuple(struct st_fd *f, const struct scap_param *p)
{
	if (!p || p->len < 1)
		return false;
	const uint8_t *v = p->val;
	uint8_t fam = v[0];
	uint16_t sport, dport;
	if (fam == PAF_INET && p->len >= 13) {
		memset(f->sip, 0, 16);
		memset(f->dip, 0, 16);
		memcpy(f->sip, v + 1, 4);
		memcpy(&sport, v + 5, 2);
		memcpy(f->dip, v + 7, 4);
		memcpy(&dport, v + 11, 2);
		f->type = SCAP_FD_IPV4_SOCK;
		f->v6 = false;
	} else if (fam == PAF_INET6 && p->len >= 37) {
		memcpy(f->sip, v + 1, 16);
		memcpy(&sport, v + 17, 2);
		memcpy(f->dip, v + 19, 16);
		memcpy(&dport, v + 35, 2);
		f->type = SCAP_FD_IPV6_SOCK;
		f->v6 = true;
		/* IPv4-mapped tuples are IPv4 sockets for sysdig */
		static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
		if (!memcmp(f->sip, mapped, 12) && !memcmp(f->dip, mapped, 12)) {
			memmove(f->sip, f->sip + 12, 4);
			memset(f->sip + 4, 0, 12);
			memmove(f->dip, f->dip + 12, 4);
			memset(f->dip + 4, 0, 12);
			f->type = SCAP_FD_IPV4_SOCK;
			f->v6 = false;
		}
	} else if (fam == PAF_UNIX && p->len >= 17) {
		/* sysdig names a unix socket "src->dst path" with the kernel's socket ids */
		uint64_t a, b;
		memcpy(&a, v + 1, 8);
		memcpy(&b, v + 9, 8);
		f->type = SCAP_FD_UNIX_SOCK;
		const char *path = (const char *)v + 17;
		int n = (int)strnlen(path, p->len - 17);
		char *s = xmalloc((size_t)n + 48);
		sprintf(s, "%" PRIx64 "->%" PRIx64 " %.*s", a, b, n, path);
		free(f->name);
		f->name = s;
		return true;
	} else {
		return false;
	}
	f->sport = sport;
	f->dport = dport;
	free(f->name);
	f->name = xstrdup("");
	st_fd_name_socket(f);
	return true;
}

/* The resource counters an event carries, as sysdig 0.29 takes them on the thread: fdlimit,
 * page faults and memory sizes on clone and execve exits, memory sizes on brk, mmap and munmap
 * exits. (A switch puts its memory sizes on the main thread: switch_counters.) */
static void take_counters(const struct scap_event *ev, struct st_thread *t)
{
	uint64_t u;

	if (param_u64(ev, "fdlimit", &u))
		t->fdlimit = u;
	if (param_u64(ev, "pgft_maj", &u))
		t->pfmajor = u;
	if (param_u64(ev, "pgft_min", &u))
		t->pfminor = u;
	if (param_u64(ev, "vm_size", &u))
		t->vmsize_kb = (uint32_t)u;
	if (param_u64(ev, "vm_rss", &u))
		t->vmrss_kb = (uint32_t)u;
	if (param_u64(ev, "vm_swap", &u))
		t->vmswap_kb = (uint32_t)u;
}

/* A context switch: the switching thread's page faults and its process's memory sizes. */
static void switch_counters(struct state *st, const struct scap_event *ev, struct st_thread *t)
{
	struct st_thread *m = state_main_thread(st, t);
	uint64_t u;

	if (param_u64(ev, "pgft_maj", &u))
		t->pfmajor = u;
	if (param_u64(ev, "pgft_min", &u))
		t->pfminor = u;
	if (param_u64(ev, "vm_size", &u))
		m->vmsize_kb = (uint32_t)u;
	if (param_u64(ev, "vm_rss", &u))
		m->vmrss_kb = (uint32_t)u;
	if (param_u64(ev, "vm_swap", &u))
		m->vmswap_kb = (uint32_t)u;
}

/* enum ppm_rlimit_resource */
#define PPM_RLIMIT_NOFILE 7

/*
 * A getrlimit or setrlimit (the caller's process) or prlimit (its pid's; 0 the caller's) that
 * succeeded on RLIMIT_NOFILE: the process's fd limit becomes the soft limit the exit reports
 * (the new one for prlimit), unless that is -1.
 */
static void rlimit_exit(struct state *st, const struct scap_event *ev, struct st_thread *t,
			bool prlimit)
{
	struct st_thread *target = t;
	int64_t res, cur;

	if (!t || t->enter_type != ev->type - 1 || t->enter_resource != PPM_RLIMIT_NOFILE ||
	    !param_i64(ev, "res", &res) || res < 0 ||
	    !param_i64(ev, prlimit ? "newcur" : "cur", &cur) || cur == -1)
		return;
	if (prlimit && t->enter_pid && !(target = state_thread(st, t->enter_pid)))
		return;
	state_main_thread(st, target)->fdlimit = (uint64_t)cur;
}

/* A new thread runs its creator's executable with its creator's capabilities and pid
 * namespace (a clone exit's own pidns_init_start_ts, when it has one, replaces the last). */
static void inherit_exe_and_caps(struct st_thread *c, const struct st_thread *p)
{
	c->caps_known = p->caps_known;
	c->cap_inheritable = p->cap_inheritable;
	c->cap_permitted = p->cap_permitted;
	c->cap_effective = p->cap_effective;
	c->exe_known = p->exe_known;
	c->exe_ino = p->exe_ino;
	c->exe_ino_ctime = p->exe_ino_ctime;
	c->exe_ino_mtime = p->exe_ino_mtime;
	c->exe_flags = p->exe_flags;
	c->exe_flags_known = p->exe_flags_known;
	c->pidns_init_start_ts = p->pidns_init_start_ts;
}

/* What a new thread or process shares with its creator P whatever the event says: the
 * executable's path, file and capabilities, session, process group, login uid, terminal,
 * container and cgroups. */
static void inherit_session_and_cgroups(struct st_thread *c, const struct st_thread *p)
{
	st_set_str(&c->exepath, p->exepath);
	inherit_exe_and_caps(c, p);
	c->sid = p->sid;
	c->vpgid = p->vpgid;
	c->loginuid = p->loginuid;
	c->tty = p->tty;
	memcpy(c->container_id, p->container_id, sizeof(c->container_id));
	if (p->cgroups)
		state_set_cgroups(c, p->cgroups, p->cgroups_len);
}

/* The pidns_init_start_ts of a clone exit, which describes the thread that returns from it:
 * the child's own (res 0) tells the child's namespace, which CLONE_NEWPID made new. */
static void clone_pidns(struct state *st, const struct scap_event *ev, int64_t res)
{
	uint64_t ts;
	struct st_thread *c = res == 0 ? state_thread(st, ev->tid) : NULL;

	if (c && param_u64(ev, "pidns_init_start_ts", &ts) && ts)
		c->pidns_init_start_ts = ts;
}

static void clone_exit(struct state *st, const struct scap_event *ev, struct st_thread *parent)
{
	int64_t res;
	if (!param_i64(ev, "res", &res))
		return;
	/* In the child, clone returns 0 and the event carries the child's own tid; in the
	 * parent it returns the child's tid. sysdig creates the child from either. */
	int64_t child_tid = res == 0 ? ev->tid : res;
	uint64_t flags = 0;
	int64_t v;

	if (res < 0)
		return;
	param_u64(ev, "flags", &flags);
	/* sysdig 0.29: a clone in another pid namespace (the flag, or a caller whose tid is not
	 * its vtid) makes its child only in the child's exit, where it sees the real tid (the
	 * parent's res is the child's tid in its namespace) */
	bool in_pidns = (flags & PPM_CL_CHILD_IN_PIDNS) || (param_i64(ev, "vtid", &v) && v != ev->tid);
	struct st_thread *known = state_thread(st, child_tid);

	if (res == 0 && known && known->live) {
		if (in_pidns && param_i64(ev, "vtid", &v))
			known->vtid = v;
		if (in_pidns && param_i64(ev, "vpid", &v))
			known->vpid = v;
		clone_pidns(st, ev, res);
		return;
	}
	if (res > 0 && ((known && known->live) || in_pidns))
		return;
	struct st_thread *c = state_thread_add(st, child_tid);
	int64_t pid = 0, ptid = 0;
	/* PPM_CL_CLONE_THREAD: the child shares its parent's process */
	bool thread = flags & PPM_CL_CLONE_THREAD;
	param_i64(ev, "pid", &pid);
	param_i64(ev, "ptid", &ptid);
	if (res > 0) {
		c->pid = thread ? pid : child_tid;
		c->ptid = thread ? ptid : ev->tid;
	} else {
		c->pid = pid;
		c->ptid = ptid;
	}
	/* sysdig 0.29 makes a new thread's parent its process (proc.pname is the process's
	 * name; proc.ppid, read on the main thread, is unchanged) */
	if (thread && c->pid != c->tid)
		c->ptid = c->pid;
	c->vtid = c->tid;
	c->vpid = c->pid;
	if (param_i64(ev, "vtid", &v) && res == 0)
		c->vtid = v;
	if (param_i64(ev, "vpid", &v) && res == 0)
		c->vpid = v;
	c->live = true;
	/* A new thread takes after its process, a new process after the caller: the event's
	 * ptid is the process's parent for a thread, and the child's own exit comes first. */
	struct st_thread *p = parent && parent->tid != c->tid ? parent : NULL;
	if (!p && thread && c->pid != c->tid)
		p = state_thread(st, c->pid);
	if (!p)
		p = state_thread(st, c->ptid);
	const char *s;
	st_set_str(&c->exe, (s = param_str(ev, "exe")) ? s : (p ? p->exe : ""));
	st_set_str(&c->comm, (s = param_str(ev, "comm")) ? s : (p ? p->comm : ""));
	/* sysdig gives a new process its parent's cwd, the event's only without a parent */
	st_set_str(&c->cwd, p && p->cwd ? p->cwd : (s = param_str(ev, "cwd")) ? s : "");
	if (p)
		inherit_session_and_cgroups(c, p);
	const struct scap_param *a = param(ev, "args");
	st_set_bytes(&c->args, &c->args_len, a ? a->val : NULL, a ? a->len : 0);
	/* the child's exit came first and its parent is unknown: sysdig 0.29 makes an entry
	 * for the parent and names it after the child (a pid parameter then shows its comm) */
	if (res == 0 && (!p || !p->live)) {
		int64_t ptid_of = thread ? c->pid : c->ptid;
		struct st_thread *pp = p ? p : ptid_of > 0 ? state_thread_add(st, ptid_of) : NULL;

		c = state_thread(st, child_tid);
		if (pp && pp != c) {
			/* (sysdig's thread of comm "<NA>" is unknown, of another comm known) */
			pp->live = true;
			st_set_str(&pp->comm, c->comm);
			st_set_str(&pp->exe, c->exe);
			st_set_bytes(&pp->args, &pp->args_len, c->args, c->args_len);
		}
	}
	/* a new process's environment is its parent's (a thread reads its process's) */
	if (!thread && p)
		st_set_bytes(&c->env, &c->env_len, p->env, p->env_len);
	c->flags = (uint32_t)flags;
	st_count_child(st, c, 1);
	c->clone_ts = ev->ts;
	take_counters(ev, c);
	clone_pidns(st, ev, res);
	uint64_t u;
	if (param_u64(ev, "uid", &u))
		c->uid = (uint32_t)u;
	else if (p)
		c->uid = p->uid;
	if (param_u64(ev, "gid", &u))
		c->gid = (uint32_t)u;
	else if (p)
		c->gid = p->gid;
	/* even empty (a writer that did not know them): sysdig takes the event's */
	const struct scap_param *cg = param(ev, "cgroups");
	if (cg)
		state_set_cgroups(c, (const char *)cg->val, cg->len);
	/* A new process gets a copy of its parent's fds (unless it shares them, CLONE_FILES,
	 * which sysdig also models as a copy for a new process). */
	if (!thread && p && c->fdt.n == 0) {
		struct st_thread *pm = state_main_thread(st, p);
		for (size_t i = 0; i < pm->fdt.n; i++) {
			struct st_fd *src = &pm->fdt.fds[i];
			struct st_fd *dst = state_fd_add(st, c, src->fd);
			char *name = dst->name;
			*dst = *src;
			dst->name = name;
			st_set_str(&dst->name, src->name);
			dst->name_raw = src->name_raw ? xstrdup(src->name_raw) : NULL;
			pm = state_main_thread(st, p);
		}
	}
}

struct st_thread *state_thread_met(struct state *st, int64_t tid, int64_t pid, const char *comm)
{
	struct st_thread *t = state_thread(st, tid);

	if (t && t->live)
		return t;
	t = state_thread_add(st, tid);
	t->live = true;
	t->pid = pid;
	t->vtid = tid;
	t->vpid = pid;
	st_set_str(&t->comm, comm);
	struct st_thread *p = pid != tid ? state_thread(st, pid) : NULL;

	if (!p || !p->live)
		return t;
	/* as clone_exit makes a new thread: its parent is its process */
	t->ptid = pid;
	st_set_str(&t->exe, p->exe);
	st_set_str(&t->cwd, p->cwd);
	st_set_bytes(&t->args, &t->args_len, p->args, p->args_len);
	inherit_session_and_cgroups(t, p);
	t->uid = p->uid;
	t->gid = p->gid;
	t->flags = PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES;	/* as a thread read from /proc */
	st_count_child(st, t, 1);
	return t;
}

/*
 * What a successful execve exit says of the new image: its capability sets (libs 0.10 and
 * later put them on the event), its file's inode and times, and the PPM_EXE_* flags. The
 * flags parameter is older than the layer and memfd bits (sysdig 0.29's drivers set only
 * WRITABLE, which sysray's producers do not compute): the layer and memfd bits are taken as
 * known when the event also has exe_ino, which came with them.
 * The new image's file is unknown when the event does not say.
 */
static void exec_exe_and_caps(const struct scap_event *ev, struct st_thread *t)
{
	uint64_t inh, prm, eff, flags = 0;

	if (param_u64(ev, "cap_inheritable", &inh) && param_u64(ev, "cap_permitted", &prm) &&
	    param_u64(ev, "cap_effective", &eff)) {
		t->caps_known = true;
		t->cap_inheritable = inh;
		t->cap_permitted = prm;
		t->cap_effective = eff;
	}
	bool has_ino = param_u64(ev, "exe_ino", &t->exe_ino);

	/* an inode 0 is the producer's "could not tell" */
	t->exe_known = has_ino && param_u64(ev, "exe_ino_ctime", &t->exe_ino_ctime) &&
		       param_u64(ev, "exe_ino_mtime", &t->exe_ino_mtime) && t->exe_ino;
	param_u64(ev, "flags", &flags);
	t->exe_flags = (uint32_t)flags;
	t->exe_flags_known = has_ino ? PPM_EXE_UPPER_LAYER | PPM_EXE_FROM_MEMFD |
				       PPM_EXE_LOWER_LAYER : 0;
}

static void execve_exit(struct state *st, const struct scap_event *ev, struct st_thread *t)
{
	int64_t res;
	if (!t || !param_i64(ev, "res", &res) || res < 0)
		return;
	const char *s;
	if ((s = param_str(ev, "exe")))
		st_set_str(&t->exe, s);
	if ((s = param_str(ev, "comm")))
		st_set_str(&t->comm, s);
	else if ((s = param_str(ev, "exe"))) {
		const char *slash = strrchr(s, '/');
		st_set_str(&t->comm, slash ? slash + 1 : s);
	}
	if ((s = param_str(ev, "exepath"))) {
		st_set_str(&t->exepath, s);
	} else if (t->exec_filename && t->enter_type == ev->type - 1) {
		/* sysdig 0.29: the enter event's filename, under the cwd when relative */
		char *path = join_path(t->cwd ? t->cwd : "", t->exec_filename);
		st_set_str(&t->exepath, path);
		free(path);
	}
	/* sysdig 0.29 keeps the cwd across execve (the event's cwd is not taken); it takes
	 * the args even when empty */
	const struct scap_param *a = param_any(ev, "args");
	if (a)
		st_set_bytes(&t->args, &t->args_len, a->val, a->len);
	if ((a = param_any(ev, "env")))
		st_set_bytes(&t->env, &t->env_len, a->val, a->len);
	take_counters(ev, t);
	/* sysdig 0.29 keeps none of the clone flags across an execve */
	t->flags = 0;
	int64_t v;
	if (param_i64(ev, "pid", &v))
		t->pid = v;
	if (param_i64(ev, "ptid", &v))
		t->ptid = v;
	uint64_t u;
	if (param_u64(ev, "loginuid", &u))
		t->loginuid = (uint32_t)u;
	if (param_u64(ev, "tty", &u))
		t->tty = (uint32_t)u;
	if (param_u64(ev, "uid", &u))
		t->uid = (uint32_t)u;
	exec_exe_and_caps(ev, t);
	const struct scap_param *cg = param(ev, "cgroups");
	if (cg)
		state_set_cgroups(t, (const char *)cg->val, cg->len);
	t->live = true;
}

static void open_exit(struct state *st, const struct scap_event *ev, struct st_thread *t)
{
	int64_t fd;
	const char *name = param_str(ev, "name");
	if (!t || !name || !param_i64(ev, "fd", &fd))
		return;
	const char *dir = t->cwd;
	int64_t dirfd;
	struct st_fd *df = NULL;
	char *path;
	/* openat: relative to dirfd unless AT_FDCWD (-100); sysdig writes a dirfd it does not
	 * know as "<UNKNOWN>" glued to the name */
	if (name[0] != '/' && param_i64(ev, "dirfd", &dirfd) && dirfd != -100 &&
	    !(df = state_fd(st, t, dirfd))) {
		path = xmalloc(strlen(name) + sizeof("<UNKNOWN>"));
		sprintf(path, "<UNKNOWN>%s", name);
	} else if (df && df->name[0]) {
		char *base = state_dirfd_base(df->name);

		path = state_path_concat(base, name);
		free(base);
	} else {
		path = join_path(df ? df->name : dir, name);
	}
	if (fd < 0) {
		free(st->cur.failed_path);
		/* relative to a known dirfd, sysdig's fd.name is the dirfd's: resolving the
		 * path made the dirfd the event's fd */
		if (df && df->name[0]) {
			free(path);
			path = xstrdup(df->name);
		}
		st->cur.failed_path = path;
		free(st->cur.failed_path_raw);
		st->cur.failed_path_raw = xstrdup(name);
		return;
	}
	uint64_t flags = 0;
	param_u64(ev, "flags", &flags);
	struct st_fd *f = state_fd_add(st, t, fd);
	f->type = flags & PPM_O_DIRECTORY ? SCAP_FD_DIRECTORY : SCAP_FD_FILE;
	f->open_flags = (uint32_t)flags;
	free(f->name);
	f->name = path;
	f->name_raw = xstrdup(name);
}

static void new_fd(struct state *st, struct st_thread *t, int64_t fd, uint8_t type,
		   const char *name)
{
	if (!t || fd < 0)
		return;
	struct st_fd *f = state_fd_add(st, t, fd);
	f->type = type;
	st_set_str(&f->name, name);
}

/* The enter event's socket domain is in the exit for newer producers; older ones only have
 * it on the enter event, which we remember per thread. */
static void socket_exit(struct state *st, const struct scap_event *ev, struct st_thread *t)
{
	int64_t fd;
	if (!t || !param_i64(ev, "fd", &fd) || fd < 0)
		return;
	uint64_t domain;
	if (!param_u64(ev, "domain", &domain))
		domain = t->enter_domain;
	struct st_fd *f = state_fd_add(st, t, fd);
	set_sock_type(f, domain);
	uint64_t type = t->enter_socktype;
	param_u64(ev, "type", &type);
	/* SOCK_STREAM 1, SOCK_DGRAM 2, SOCK_RAW 3; the high bits are SOCK_NONBLOCK/CLOEXEC */
	switch (type & 0xf) {
	case 1: f->sock_l4 = L4_TCP; break;
	case 2: f->sock_l4 = L4_UDP; break;
	case 3: f->sock_l4 = L4_RAW; break;
	default: f->sock_l4 = L4_UNKNOWN; break;
	}
}

/* sysdig 0.29 takes a send or receive call's tuple unless the socket is a named TCP one. */
static bool is_untracked_stream(const struct st_fd *f)
{
	bool tcp = (f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK) &&
		   f->l4proto == L4_TCP;
	return !f->name[0] || !tcp;
}

/* sendto()/sendmsg() exit: the enter event's tuple, on a socket with no name yet or not
 * TCP (a unix socket's: its name, as recv_exit). */
static void send_exit(struct state *st, const struct scap_event *ev, struct st_thread *t,
		      int64_t fd)
{
	struct st_fd *f = state_fd(st, t, fd);
	int64_t res = 0;
	param_i64(ev, "res", &res);
	if (!f || res < 0 || !t->enter_tuple_len || !is_untracked_stream(f))
		return;
	if (t->enter_tuple[0] == PAF_UNIX) {
		apply_tuple(f, &(struct scap_param){ t->enter_tuple, t->enter_tuple_len });
		return;
	}
	st_apply_io_tuple(st, t, f, t->enter_tuple, t->enter_tuple_len, false);
}

/* connect() enter with its address: sysdig 0.29 makes an IP socket's family follow the
 * address, notes the destination (the socket's name waits for the exit's tuple) and names a
 * unix socket after the path it connects to. */
static void connect_enter(struct state *st, const struct scap_event *ev, struct st_thread *t,
			  int64_t fd)
{
	struct st_fd *f = state_fd(st, t, fd);
	const struct scap_param *a = param(ev, "addr");
	if (!f || !a || a->len < 1)
		return;
	const uint8_t *v = a->val;
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	if (v[0] == PAF_INET && a->len >= 7) {
		f->type = SCAP_FD_IPV4_SOCK;
		f->v6 = false;
		memset(f->dip, 0, 16);
		memcpy(f->dip, v + 1, 4);
		memcpy(&f->dport, v + 5, 2);
	} else if (v[0] == PAF_INET6 && a->len >= 19) {
		f->v6 = memcmp(v + 1, mapped, 12) != 0;
		f->type = f->v6 ? SCAP_FD_IPV6_SOCK : SCAP_FD_IPV4_SOCK;
		memset(f->dip, 0, 16);
		if (f->v6)
			memcpy(f->dip, v + 1, 16);
		else
			memcpy(f->dip, v + 13, 4);
		memcpy(&f->dport, v + 17, 2);
	} else if (v[0] == PAF_UNIX) {
		size_t n = strnlen((const char *)v + 1, a->len - 1);
		char *name = xmalloc(n + 1);
		memcpy(name, v + 1, n);
		name[n] = 0;
		free(f->name);
		f->name = name;
	}
}

/* fd.name of a failed connect() exit: its tuple as the parameter reads, "NULL" if empty. */
static void connect_failed_name(struct state *st, const struct scap_event *ev)
{
	struct st_fd tmp = { .name = xstrdup("") };
	if (!apply_tuple(&tmp, param(ev, "tuple")))
		st_set_str(&tmp.name, "NULL");
	free(st->cur.failed_path);
	st->cur.failed_path = tmp.name;
}

/* recvfrom()/recvmsg() exit: the tuple names a socket that has no name yet or is not TCP. */
static void recv_exit(struct state *st, const struct scap_event *ev, struct st_thread *t,
		      int64_t fd)
{
	struct st_fd *f = state_fd(st, t, fd);
	const struct scap_param *tp = param(ev, "tuple");
	int64_t res = 0;
	param_i64(ev, "res", &res);
	if (!f || res < 0 || !tp || !is_untracked_stream(f))
		return;
	if (tp->len >= 1 && tp->val[0] == PAF_UNIX) {
		apply_tuple(f, tp);
		return;
	}
	st_apply_io_tuple(st, t, f, tp->val, tp->len, true);
}

static void dup_exit(struct state *st, const struct scap_event *ev, struct st_thread *t)
{
	int64_t res, old;
	if (!t || !param_i64(ev, "res", &res) || res < 0)
		return;
	if (!param_i64(ev, "oldfd", &old)) {
		if (!t->has_enter_fd)
			return;
		old = t->enter_fd;
	}
	struct st_fd *src = state_fd(st, t, old);
	if (!src || old == res)
		return;
	struct st_fd copy = *src;
	char *name = xstrdup(src->name);
	char *raw = src->name_raw ? xstrdup(src->name_raw) : NULL;
	struct st_fd *dst = state_fd_add(st, t, res);
	free(dst->name);
	*dst = copy;
	dst->fd = res;
	dst->name = name;
	dst->name_raw = raw;
}

/* An fcntl whose enter was F_DUPFD or F_DUPFD_CLOEXEC (PPM_FCNTL_F_DUPFD 1,
 * PPM_FCNTL_F_DUPFD_CLOEXEC 21): its result is a new fd, a dup of the enter's, as sysdig's
 * parser takes it. */
static bool fcntl_dups(const struct st_thread *t)
{
	return t->enter_fcntl_cmd == 1 || t->enter_fcntl_cmd == 21;
}

/*
 * What the state does with an event, by its type: found once per type from the event's name
 * (the names sysdig 0.29 gives the syscalls; one kind covers a syscall's variants), so that
 * an event is dispatched without comparing strings.
 */
enum state_kind {
	SK_NONE, SK_CLONE, SK_EXECVE, SK_OPEN, SK_SOCKET, SK_PIPE, SK_SOCKETPAIR, SK_EVENTFD, SK_SIGNALFD, SK_TIMERFD, SK_INOTIFY, SK_EPOLL, SK_DUP, SK_FCNTL, SK_CLOSE, SK_CONNECT, SK_RECV, SK_SEND, SK_ACCEPT, SK_BIND, SK_CHDIR, SK_FCHDIR, SK_SETUID, SK_SETGID,
	SK_SWITCH, SK_PROCEXIT, SK_MEM, SK_RLIMIT, SK_PRLIMIT,
	SK_NOT_FD_EVENT,	/* flagged as using an fd, which sysdig 0.29 does not count */
	SK_MMAP,		/* SK_MEM and SK_NOT_FD_EVENT */
};

static const struct {
	enum state_kind kind;
	const char *names[5];
} state_kinds[] = {
	{ SK_CLONE, { "clone", "fork", "vfork", "clone3" } },
	{ SK_EXECVE, { "execve", "execveat" } },
	{ SK_OPEN, { "open", "openat", "openat2", "creat" } },
	{ SK_SOCKET, { "socket" } },
	{ SK_PIPE, { "pipe", "pipe2" } },
	{ SK_SOCKETPAIR, { "socketpair" } },
	{ SK_EVENTFD, { "eventfd", "eventfd2" } },
	{ SK_SIGNALFD, { "signalfd", "signalfd4" } },
	{ SK_TIMERFD, { "timerfd_create" } },
	{ SK_INOTIFY, { "inotify_init", "inotify_init1" } },
	{ SK_EPOLL, { "epoll_create", "epoll_create1" } },
	{ SK_DUP, { "dup", "dup2", "dup3" } },
	{ SK_FCNTL, { "fcntl" } },
	{ SK_CLOSE, { "close" } },
	{ SK_CONNECT, { "connect" } },
	{ SK_RECV, { "recvfrom", "recvmsg" } },
	{ SK_SEND, { "sendto", "sendmsg" } },
	{ SK_ACCEPT, { "accept", "accept4" } },
	{ SK_BIND, { "bind" } },
	{ SK_CHDIR, { "chdir" } },
	{ SK_FCHDIR, { "fchdir" } },
	{ SK_SETUID, { "setuid", "setresuid" } },
	{ SK_SETGID, { "setgid", "setresgid" } },
	{ SK_SWITCH, { "switch" } },
	{ SK_PROCEXIT, { "procexit" } },
	{ SK_MEM, { "brk", "munmap" } },
	{ SK_RLIMIT, { "getrlimit", "setrlimit" } },
	{ SK_PRLIMIT, { "prlimit" } },
	/* mmap's fd argument, the dirfd of mkdirat and unlinkat (their USES_FD flag is newer) */
	{ SK_MMAP, { "mmap", "mmap2" } },
	{ SK_NOT_FD_EVENT, { "mkdirat", "unlinkat" } },
};

static enum state_kind state_kind_of(unsigned type)
{
	static uint8_t cache[SCAP_EVENT_MAX];	/* kind + 1; 0: not looked up yet */
	const struct scap_event_info *info = scap_event_info(type);

	if (type >= SCAP_EVENT_MAX || !info)
		return SK_NONE;
	if (!cache[type]) {
		enum state_kind k = SK_NONE;

		for (size_t i = 0; i < ARRAY_SIZE(state_kinds) && k == SK_NONE; i++)
			for (size_t j = 0; j < 5 && state_kinds[i].names[j]; j++)
				if (!strcmp(info->name, state_kinds[i].names[j]))
					k = state_kinds[i].kind;
		cache[type] = (uint8_t)(k + 1);
	}
	return (enum state_kind)(cache[type] - 1);
}

/* The thread of a container event (sysdig 0.29's container_info::get_tinfo()): tid and
 * pid -1, vtid and vpid -2, named "container:ID", in the container; NULL when the event
 * names no container. */
static struct st_thread *container_thread(struct state *st, const struct scap_event *ev)
{
	struct container_meta m;
	char id[16], comm[32];
	struct st_thread *t;

	if (ev->nparams < 1 ||
	    !container_event_parse((const char *)ev->params[0].val, ev->params[0].len, id, &m))
		return NULL;
	if (!st->container_thread)
		st->container_thread = st_thread_new(-1);
	t = st->container_thread;
	t->pid = -1;
	t->vtid = -2;
	t->vpid = -2;
	t->live = true;
	snprintf(comm, sizeof(comm), "container:%s", id);
	st_set_str(&t->comm, comm);
	snprintf(t->container_id, sizeof(t->container_id), "%s", id);
	return t;
}

bool state_event_makes_thread(uint16_t type)
{
	return (type & 1) && state_kind_of(type) == SK_CLONE;
}

void state_event(struct state *st, const struct scap_event *ev)
{
	struct st_current *c = &st->cur;

	if (st->pending_close) {
		struct st_thread *pt = state_thread(st, st->pending_close_pid);
		if (pt)
			state_fd_remove(st, pt, st->pending_close_fd);
		st->pending_close = false;
	}

	free(c->failed_path);
	free(c->failed_path_raw);
	memset(c, 0, sizeof(*c));
	c->ev = ev;
	c->fdnum = -1;
	struct st_thread *t = state_thread(st, ev->tid);
	/* Like sysdig, an unknown thread gets an entry (without process information, live is
	 * false) so that its fds can be followed; a procinfo event (a thread's CPU times), a
	 * container event, a context switch (sysdig 0.29 only looks its thread up: the idle
	 * task 0 stays unknown) and the other events sysdig does not parse (SKIPPARSERESET)
	 * make none. */
	const struct scap_event_info *tinfo = scap_event_info(ev->type);
	bool makes_thread = ev->type != PPME_PROCINFO_E && !scap_is_container_event(ev->type) &&
			    ev->type != PPME_SCHEDSWITCH_6_E &&
			    !(tinfo && (tinfo->flags & SCAP_EF_SKIPPARSERESET));

	if (!t && makes_thread) {
		t = state_thread_add(st, ev->tid);
		/* sysdig counts the threads already known to be of this thread's process */
		const struct st_thread *o;

		for (size_t pos = 0; (o = state_thread_next(st, &pos));)
			if (o != t && o->pid == t->tid)
				t->nchilds++;
	}
	if (t && makes_thread)
		t->fdlist_only = false;
	c->thread = scap_is_container_event(ev->type) ? container_thread(st, ev) : t;

	const struct scap_event_info *info = scap_event_info(ev->type);
	enum state_kind kind = state_kind_of(ev->type);
	bool enter = scap_event_is_enter(ev->type);
	int64_t fd;

	/* sysdig 0.29 does not count mmap's fd argument as the event's fd, nor the dirfd of
	 * mkdirat and unlinkat (their USES_FD flag is newer) */
	bool fd_event = info && info->flags & (SCAP_EF_USES_FD | SCAP_EF_DESTROYS_FD |
					       SCAP_EF_READS_FROM_FD | SCAP_EF_WRITES_TO_FD) &&
			kind != SK_NOT_FD_EVENT && kind != SK_MMAP;
	c->fd_event = fd_event || (!enter && info && (info->flags & SCAP_EF_CREATES_FD));
	if (t && fd_event) {
		if (enter) {
			if (param_i64(ev, "fd", &fd)) {
				c->fdnum = fd;
				c->has_fd = true;
			}
		} else if (t->enter_type == ev->type - 1 &&
			   (t->has_enter_fd || strcmp(info->name, "getsockopt"))) {
			/* sysdig 0.29 takes the fd from the enter event (setsockopt's has none: its
			 * exit's fd parameter is not the event's fd); getsockopt's exit has its own
			 * parser, which reads it */
			c->fdnum = t->enter_fd;
			c->has_fd = t->has_enter_fd;
		} else if (param_i64(ev, "fd", &fd)) {
			c->fdnum = fd;
			c->has_fd = true;
		} else if (t->enter_fd != -1) {
			/* an exit without its enter event: sysdig 0.29's fd fields fall back on
			 * the fd of the thread's last enter event, whatever call it was (-1 for
			 * one without an fd, 0 before the thread's first) */
			c->fdnum = t->enter_fd;
			c->has_fd = true;
		}
	}

	/* A context switch or a state event (procinfo) between a call's enter and exit events
	 * leaves the call in progress, as sysdig does (its SKIPPARSERESET flag). */
	bool call_event = kind != SK_SWITCH && !(info && (info->flags & SCAP_EF_SKIPPARSERESET));

	if (t) {
		if (enter && call_event) {
			t->enter_ts = ev->ts;
			t->enter_type = ev->type;
			t->has_enter_fd = c->has_fd;
			t->enter_fd = c->fdnum;
			/* what the exits of socket() and of a send need from their enter event */
			uint64_t d;
			if (kind == SK_SOCKET && param_u64(ev, "domain", &d))
				t->enter_domain = d;
			if (kind == SK_SOCKET && param_u64(ev, "type", &d))
				t->enter_socktype = d;
			t->enter_resource = UINT64_MAX;
			t->enter_pid = 0;
			if ((kind == SK_RLIMIT || kind == SK_PRLIMIT) &&
			    param_u64(ev, "resource", &d))
				t->enter_resource = d;
			if (kind == SK_PRLIMIT)
				param_i64(ev, "pid", &t->enter_pid);
			t->enter_fcntl_cmd = 0;
			if (kind == SK_FCNTL)
				param_u64(ev, "cmd", &t->enter_fcntl_cmd);
			if (kind == SK_CONNECT && c->has_fd)
				connect_enter(st, ev, t, c->fdnum);
			const char *fn = kind == SK_EXECVE ? param_str(ev, "filename") : NULL;
			free(t->exec_filename);
			t->exec_filename = fn && fn[0] ? xstrdup(fn) : NULL;
			const struct scap_param *tp = kind == SK_SEND ? param(ev, "tuple") : NULL;
			t->enter_tuple_len = 0;
			if (tp && tp->len <= sizeof(t->enter_tuple)) {
				memcpy(t->enter_tuple, tp->val, tp->len);
				t->enter_tuple_len = tp->len;
			}
		}
		/*
		 * sysdig's evt.latency: an enter event starts the clock (0); an exit event shows
		 * the time since the thread's last enter event, whichever call it was; a context
		 * switch or a state event other than procinfo shows the thread's last value; a
		 * procinfo event has none (0, as csysdig's views add it up).
		 */
		if (ev->type != PPME_PROCINFO_E) {
			if (info && (kind == SK_SWITCH || (info->flags & SCAP_EF_SKIPPARSERESET))) {
				/* the thread's last value */
			} else if (enter) {
				t->latency = 0;
				t->latency_enter_ts = ev->ts;
			} else if (t->latency_enter_ts && ev->ts >= t->latency_enter_ts) {
				t->latency = ev->ts - t->latency_enter_ts;
			}
			c->latency = t->latency;
		}
	}

	if (kind == SK_SWITCH && t)
		switch_counters(st, ev, t);
	if (!enter && info) {
		if (kind == SK_MEM || kind == SK_MMAP) {
			take_counters(ev, t);
		} else if (kind == SK_RLIMIT || kind == SK_PRLIMIT) {
			rlimit_exit(st, ev, t, kind == SK_PRLIMIT);
		} else if (kind == SK_CLONE) {
			clone_exit(st, ev, t);
			t = c->thread = state_thread(st, ev->tid);
		} else if (kind == SK_EXECVE) {
			execve_exit(st, ev, t);
		} else if (kind == SK_OPEN) {
			open_exit(st, ev, t);
		} else if (kind == SK_SOCKET) {
			socket_exit(st, ev, t);
		} else if (kind == SK_PIPE) {
			int64_t res = 0, a, b;
			param_i64(ev, "res", &res);
			if (res >= 0 && param_i64(ev, "fd1", &a) && param_i64(ev, "fd2", &b)) {
				new_fd(st, t, a, SCAP_FD_FIFO, "");
				new_fd(st, t, b, SCAP_FD_FIFO, "");
			}
		} else if (kind == SK_SOCKETPAIR) {
			int64_t res = 0, a, b;
			param_i64(ev, "res", &res);
			if (res >= 0 && param_i64(ev, "fd1", &a) && param_i64(ev, "fd2", &b)) {
				new_fd(st, t, a, SCAP_FD_UNIX_SOCK, "");
				new_fd(st, t, b, SCAP_FD_UNIX_SOCK, "");
			}
		} else if (kind == SK_EVENTFD) {
			int64_t res;
			if (param_i64(ev, "res", &res))
				new_fd(st, t, res, SCAP_FD_EVENT, "");
		} else if (kind == SK_SIGNALFD) {
			int64_t res;
			if (param_i64(ev, "res", &res))
				new_fd(st, t, res, SCAP_FD_SIGNALFD, "");
		} else if (kind == SK_TIMERFD) {
			int64_t res;
			if (param_i64(ev, "res", &res))
				new_fd(st, t, res, SCAP_FD_TIMERFD, "");
		} else if (kind == SK_INOTIFY) {
			int64_t res;
			if (param_i64(ev, "res", &res))
				new_fd(st, t, res, SCAP_FD_INOTIFY, "");
		} else if (kind == SK_EPOLL) {
			int64_t res;
			if (param_i64(ev, "res", &res))
				new_fd(st, t, res, SCAP_FD_EVENTPOLL, "");
		} else if (kind == SK_DUP || (kind == SK_FCNTL && fcntl_dups(t))) {
			dup_exit(st, ev, t);
		} else if (kind == SK_CLOSE) {
			int64_t res;
			if (t && c->has_fd && param_i64(ev, "res", &res) && res >= 0) {
				st->pending_close = true;
				st->pending_close_pid = t->tid;
				st->pending_close_fd = c->fdnum;
			}
		} else if (kind == SK_CONNECT) {
			struct st_fd *f = t && c->has_fd ? state_fd(st, t, c->fdnum) : NULL;
			int64_t res = 0;
			param_i64(ev, "res", &res);
			/* sysdig 0.29 keeps the first tuple a UDP socket got a source port in */
			bool keep = f && f->sock_l4 == L4_UDP && f->sport;
			if (res < 0 && t && c->has_fd)
				/* a failed connect names the socket after its tuple, for this
				 * event only */
				connect_failed_name(st, ev);
			if (f && f->type == SCAP_FD_UNIX_SOCK) {
				if (res >= 0) {
					apply_tuple(f, param(ev, "tuple"));
					f->connected = true;
				}
			} else if (f && !keep && (res >= 0 || res == -115)) {
				if (apply_tuple(f, param(ev, "tuple")) &&
				    f->type != SCAP_FD_UNIX_SOCK) {
					f->connected = true;
					if (f->role == ST_ROLE_NONE)
						f->role = ST_ROLE_CLIENT;
					f->l4proto = f->sock_l4 ? f->sock_l4 : L4_TCP;
				}
			}
		} else if (kind == SK_RECV) {
			if (t && c->has_fd)
				recv_exit(st, ev, t, c->fdnum);
		} else if (kind == SK_SEND) {
			if (t && c->has_fd && t->enter_type == ev->type - 1)
				send_exit(st, ev, t, c->fdnum);
		} else if (kind == SK_ACCEPT) {
			const struct scap_param *tp = param(ev, "tuple");
			if (t && param_i64(ev, "fd", &fd) && fd >= 0 && (!tp || !tp->len)) {
				/* no tuple: sysdig learns no fd, and names it "NULL" here */
				free(c->failed_path);
				c->failed_path = xstrdup("NULL");
			} else if (t && param_i64(ev, "fd", &fd) && fd >= 0) {
				struct st_fd *f = state_fd_add(st, t, fd);
				apply_tuple(f, param(ev, "tuple"));
				f->role = ST_ROLE_SERVER;
				if (f->type != SCAP_FD_UNIX_SOCK)
					f->l4proto = L4_TCP;
				f->connected = true;
				c->fdnum = fd;
				c->has_fd = true;
			}
		} else if (kind == SK_BIND) {
			struct st_fd *f = t && c->has_fd ? state_fd(st, t, c->fdnum) : NULL;
			const struct scap_param *a = param(ev, "addr");
			int64_t res = 0;
			param_i64(ev, "res", &res);
			if (f && a && res >= 0) {
				const uint8_t *v = a->val;
				uint16_t port = 0;
				char buf[160], ip[INET6_ADDRSTRLEN];
				if (v[0] == PAF_INET && a->len >= 7) {
					memset(f->sip, 0, 16);
					memcpy(f->sip, v + 1, 4);
					memcpy(&port, v + 5, 2);
					inet_ntop(AF_INET, f->sip, ip, sizeof(ip));
				} else if (v[0] == PAF_INET6 && a->len >= 19) {
					memcpy(f->sip, v + 1, 16);
					memcpy(&port, v + 17, 2);
					inet_ntop(AF_INET6, f->sip, ip, sizeof(ip));
				} else if (v[0] == PAF_UNIX && a->len >= 2) {
					int n = (int)strnlen((const char *)v + 1, a->len - 1);
					snprintf(buf, sizeof(buf), "%.*s", n, (const char *)v + 1);
					st_set_str(&f->name, buf);
					goto bind_done;
				} else {
					goto bind_done;
				}
				snprintf(buf, sizeof(buf), "%s:%u", ip, port);
				st_set_str(&f->name, buf);
				/* sysdig 0.29 makes a socket bound to a port a server socket; one
				 * bound to port 0 only gets the name */
				if (!port)
					memset(f->sip, 0, 16);
				if (port) {
					f->sport = port;
					f->role = ST_ROLE_SERVER;
					f->type = v[0] == PAF_INET ? SCAP_FD_IPV4_SERVSOCK
								   : SCAP_FD_IPV6_SERVSOCK;
					f->l4proto = f->sock_l4 ? f->sock_l4 : L4_TCP;
				}
			}
bind_done:;
		} else if (kind == SK_CHDIR) {
			int64_t res;
			const char *p = param_str(ev, "path");
			if (t && p && param_i64(ev, "res", &res) && res >= 0) {
				struct st_thread *m = state_main_thread(st, t);
				char *np = join_path(m->cwd, p);
				free(m->cwd);
				m->cwd = np;
				if (m != t)
					st_set_str(&t->cwd, np);
			}
		} else if (kind == SK_FCHDIR) {
			int64_t res;
			struct st_fd *f = t && c->has_fd ? state_fd(st, t, c->fdnum) : NULL;
			if (f && param_i64(ev, "res", &res) && res >= 0)
				st_set_str(&t->cwd, f->name);
		} else if (kind == SK_SETUID) {
			int64_t res;
			uint64_t u;
			if (t && param_i64(ev, "res", &res) && res >= 0 &&
			    (param_u64(ev, "uid", &u) || param_u64(ev, "euid", &u)) &&
			    u != UINT32_MAX)
				t->uid = (uint32_t)u;
		} else if (kind == SK_SETGID) {
			int64_t res;
			uint64_t u;
			if (t && param_i64(ev, "res", &res) && res >= 0 &&
			    (param_u64(ev, "gid", &u) || param_u64(ev, "egid", &u)) &&
			    u != UINT32_MAX)
				t->gid = (uint32_t)u;
		}
	}

	/* sysdig 0.29 counts an IP socket that carried data as connected */
	if (t && !enter && c->has_fd && info &&
	    info->flags & (SCAP_EF_READS_FROM_FD | SCAP_EF_WRITES_TO_FD)) {
		struct st_fd *f = state_fd(st, t, c->fdnum);
		int64_t res;
		if (f && (f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK) &&
		    param_i64(ev, "res", &res) && res >= 0)
			f->connected = true;
	}

	/* the exit of a call that creates an fd is about the new fd (pipe's: the read end) */
	if (t && !enter && info && (info->flags & SCAP_EF_CREATES_FD) && !c->has_fd) {
		int64_t nfd;
		if ((param_i64(ev, "fd", &nfd) || param_i64(ev, "fd1", &nfd) ||
		     param_i64(ev, "res", &nfd)) && nfd >= 0) {
			c->fdnum = nfd;
			c->has_fd = true;
		}
	}
	if (t && c->has_fd && c->fdnum >= 0)
		c->fd = state_fd(st, t, c->fdnum);
	/* sysdig's fd.num is the last fd its parser saw: the second of a pipe or socketpair, dup's
	 * new fd */
	int64_t nfd;
	if (t && !enter && (kind == SK_PIPE || kind == SK_SOCKETPAIR) && c->has_fd &&
	    param_i64(ev, "fd2", &nfd) && nfd >= 0)
		c->fdnum = nfd;
	if (t && !enter && (kind == SK_DUP || (kind == SK_FCNTL && fcntl_dups(t))) && c->fd &&
	    param_i64(ev, "res", &nfd) && nfd >= 0)
		c->fdnum = nfd;	/* not when sysdig knew no old fd: it stops there */
}

/* procexit: the thread goes away after this event has been shown; the caller calls
 * state_event_done() after using st->cur. */
void state_event_done(struct state *st)
{
	const struct scap_event *ev = st->cur.ev;
	if (!ev)
		return;
	if (state_kind_of(ev->type) == SK_PROCEXIT && st->cur.thread) {
		st->cur.thread = NULL;
		st->cur.fd = NULL;
		state_thread_remove(st, ev->tid);
	}
	st->cur.ev = NULL;
}
