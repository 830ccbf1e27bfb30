#include "fields/sysdig_extract.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fields/event_category.h"
#include "schema/container_id.h"
#include "schema/names.h"
#include "util/util.h"

enum fid {
	F_EVT_NUM = 1, F_EVT_TIME, F_EVT_TIME_S, F_EVT_DATETIME, F_EVT_RAWTIME, F_EVT_RAWTIME_S,
	F_EVT_RAWTIME_NS, F_EVT_RELTIME, F_EVT_TYPE, F_EVT_DIR, F_EVT_CPU, F_EVT_ARGS, F_EVT_ARG,
	F_EVT_INFO, F_EVT_RES, F_EVT_RAWRES, F_EVT_FAILED, F_EVT_LATENCY, F_EVT_BUFFER,
	F_EVT_BUFLEN, F_EVT_IS_IO, F_EVT_IS_IO_READ, F_EVT_IS_IO_WRITE, F_EVT_CATEGORY,
	F_SYSCALL_TYPE,
	F_PROC_PID, F_PROC_PPID, F_PROC_NAME, F_PROC_EXE, F_PROC_EXEPATH, F_PROC_CMDLINE,
	F_PROC_ARGS, F_PROC_CWD, F_PROC_PNAME, F_PROC_PCMDLINE, F_PROC_TTY, F_PROC_VPID,
	F_PROC_SID, F_THREAD_TID, F_THREAD_VTID, F_THREAD_ISMAIN, F_THREAD_CGROUPS, F_THREAD_CGROUP,
	F_PROC_ANAME, F_PROC_APID,
	F_FD_NUM, F_FD_TYPE, F_FD_TYPECHAR, F_FD_NAME, F_FD_DIRECTORY, F_FD_FILENAME, F_FD_IP,
	F_FD_CIP, F_FD_SIP, F_FD_LIP, F_FD_RIP, F_FD_PORT, F_FD_CPORT, F_FD_SPORT, F_FD_LPORT,
	F_FD_RPORT, F_FD_L4PROTO, F_FD_SOCKFAMILY, F_FD_IS_SERVER, F_FD_NET, F_FD_CNET,
	F_FD_SNET, F_FD_CONNECTED,
	F_USER_UID, F_USER_NAME, F_USER_HOMEDIR, F_USER_SHELL, F_USER_LOGINUID,
	F_GROUP_GID, F_GROUP_NAME, F_CONTAINER_ID, F_CONTAINER_NAME, F_CONTAINER_TYPE,
	F_CONTAINER_IMAGE, F_CONTAINER_IMAGE_ID, F_CONTAINER_PRIVILEGED, F_PROC_LOGINSHELLID,
};

static const struct {
	const char *name;
	enum fid id;
} implemented[] = {
	{ "evt.num", F_EVT_NUM },	    { "evt.time", F_EVT_TIME },
	{ "evt.time.s", F_EVT_TIME_S },	    { "evt.datetime", F_EVT_DATETIME },
	{ "evt.rawtime", F_EVT_RAWTIME },   { "evt.rawtime.s", F_EVT_RAWTIME_S },
	{ "evt.rawtime.ns", F_EVT_RAWTIME_NS }, { "evt.reltime", F_EVT_RELTIME },
	{ "evt.type", F_EVT_TYPE },	    { "evt.dir", F_EVT_DIR },
	{ "evt.cpu", F_EVT_CPU },	    { "evt.args", F_EVT_ARGS },
	{ "evt.arg", F_EVT_ARG },	    { "evt.info", F_EVT_INFO },
	{ "evt.res", F_EVT_RES },	    { "evt.rawres", F_EVT_RAWRES },
	{ "evt.failed", F_EVT_FAILED },	    { "evt.latency", F_EVT_LATENCY },
	{ "evt.buffer", F_EVT_BUFFER },	    { "evt.buflen", F_EVT_BUFLEN },
	{ "evt.is_io", F_EVT_IS_IO },	    { "evt.is_io_read", F_EVT_IS_IO_READ },
	{ "evt.is_io_write", F_EVT_IS_IO_WRITE }, { "evt.category", F_EVT_CATEGORY },
	{ "syscall.type", F_SYSCALL_TYPE },
	{ "proc.pid", F_PROC_PID },	    { "proc.ppid", F_PROC_PPID },
	{ "proc.name", F_PROC_NAME },	    { "proc.exe", F_PROC_EXE },
	{ "proc.exepath", F_PROC_EXEPATH }, { "proc.cmdline", F_PROC_CMDLINE },
	{ "proc.args", F_PROC_ARGS },	    { "proc.cwd", F_PROC_CWD },
	{ "proc.pname", F_PROC_PNAME },	    { "proc.pcmdline", F_PROC_PCMDLINE },
	{ "proc.tty", F_PROC_TTY },	    { "proc.vpid", F_PROC_VPID },
	{ "proc.sid", F_PROC_SID },	    { "thread.tid", F_THREAD_TID },
	{ "thread.vtid", F_THREAD_VTID },   { "thread.ismain", F_THREAD_ISMAIN },
	{ "thread.cgroups", F_THREAD_CGROUPS }, { "thread.cgroup", F_THREAD_CGROUP },
	{ "proc.aname", F_PROC_ANAME },	    { "proc.apid", F_PROC_APID },
	{ "fd.num", F_FD_NUM },		    { "fd.type", F_FD_TYPE },
	{ "fd.typechar", F_FD_TYPECHAR },   { "fd.name", F_FD_NAME },
	{ "fd.directory", F_FD_DIRECTORY }, { "fd.filename", F_FD_FILENAME },
	{ "fd.ip", F_FD_IP },		    { "fd.cip", F_FD_CIP },
	{ "fd.sip", F_FD_SIP },		    { "fd.lip", F_FD_LIP },
	{ "fd.rip", F_FD_RIP },		    { "fd.port", F_FD_PORT },
	{ "fd.cport", F_FD_CPORT },	    { "fd.sport", F_FD_SPORT },
	{ "fd.lport", F_FD_LPORT },	    { "fd.rport", F_FD_RPORT },
	{ "fd.l4proto", F_FD_L4PROTO },	    { "fd.sockfamily", F_FD_SOCKFAMILY },
	{ "fd.is_server", F_FD_IS_SERVER }, { "fd.net", F_FD_NET },
	{ "fd.cnet", F_FD_CNET },	    { "fd.snet", F_FD_SNET },
	{ "fd.connected", F_FD_CONNECTED },
	{ "user.uid", F_USER_UID },	    { "user.name", F_USER_NAME },
	{ "user.homedir", F_USER_HOMEDIR }, { "user.shell", F_USER_SHELL },
	{ "user.loginuid", F_USER_LOGINUID },
	{ "group.gid", F_GROUP_GID },	    { "group.name", F_GROUP_NAME },
	{ "container.id", F_CONTAINER_ID }, { "container.name", F_CONTAINER_NAME },
	{ "container.type", F_CONTAINER_TYPE }, { "container.image", F_CONTAINER_IMAGE },
	{ "container.image.id", F_CONTAINER_IMAGE_ID },
	{ "container.privileged", F_CONTAINER_PRIVILEGED },
	{ "proc.loginshellid", F_PROC_LOGINSHELLID },
};

static struct out *scratch(struct field_ctx *c)
{
	struct out *o = &c->scratch[c->next_scratch++ % FIELD_CTX_SCRATCH];
	o->len = 0;
	return o;
}

static size_t put_str(struct field_value *out, const char *s, size_t len)
{
	out->type = FT_CHARBUF;
	out->s.ptr = s;
	out->s.len = len;
	return 1;
}

static size_t put_out(struct field_value *out, struct out *o)
{
	out_putc(o, 0);
	o->len--;
	return put_str(out, o->buf, o->len);
}

static size_t put_u(struct field_value *out, enum field_type t, uint64_t v)
{
	out->type = t;
	out->u = v;
	return 1;
}

static size_t put_i(struct field_value *out, enum field_type t, int64_t v)
{
	out->type = t;
	out->i = v;
	return 1;
}

static size_t put_b(struct field_value *out, bool v)
{
	out->type = FT_BOOL;
	out->b = v;
	return 1;
}

static size_t put_ip(struct field_value *out, bool v6, const uint8_t *a)
{
	out->type = FT_IPADDR;
	out->ip.family = v6 ? AF_INET6 : AF_INET;
	memset(out->ip.addr, 0, 16);
	memcpy(out->ip.addr, a, v6 ? 16 : 4);
	return 1;
}

static void fmt_time(struct out *o, uint64_t ts, bool date, bool ns)
{
	out_puts(o, local_clock((time_t)(ts / (uint64_t)1000000000), date));
	if (ns) {
		out_putc(o, '.');
		out_put_udec(o, ts % (uint64_t)1000000000, 9);
	}
}

/* The index of the parameter called NAME, or -1. */
static int param_index(const struct scap_event *ev, const char *name)
{
	unsigned n = render_nparams(ev);
	for (unsigned i = 0; i < n; i++) {
		const struct scap_param_info *pi = scap_event_param_info(ev, i);
		if (pi && !strcmp(pi->name, name))
			return (int)i;
	}
	return -1;
}

/* The return value of an exit event: its res parameter, or the fd of an fd-creating call;
 * false when the event has none. */
static bool event_res(const struct scap_event *ev, int64_t *res)
{
	if (scap_event_is_enter(ev->type) || render_nparams(ev) == 0)
		return false;
	const struct scap_param_info *pi = scap_event_param_info(ev, 0);
	if (!pi || (strcmp(pi->name, "res") && strcmp(pi->name, "fd")) || !ev->params[0].len)
		return false;
	uint64_t u;
	if (!scap_param_u64(&ev->params[0], &u))
		return false;
	*res = ev->params[0].len == 4 ? (int32_t)u : (int64_t)u;
	return true;
}

/* The data parameter of an I/O event. */
static int buffer_index(const struct scap_event *ev)
{
	unsigned n = render_nparams(ev);
	for (unsigned i = 0; i < n; i++) {
		const struct scap_param_info *pi = scap_event_param_info(ev, i);
		if (pi && pi->type == SCAP_PT_BYTEBUF && !strcmp(pi->name, "data"))
			return (int)i;
	}
	return -1;
}

static void join_args(struct out *o, const char *args, size_t len)
{
	size_t off = 0;
	bool first = true;
	while (off < len) {
		size_t n = strnlen(args + off, len - off);
		if (!first)
			out_putc(o, ' ');
		out_write(o, args + off, n);
		first = false;
		off += n + 1;
	}
}

/* sysdig's fd.directory of a file name: up to its last '/', "/" when that is the first
 * character or there is none; a name ending in '/' is kept whole. */
static size_t put_directory(struct field_value *out, const char *name)
{
	const char *slash = strrchr(name, '/');

	if (!slash || slash == name)
		return put_str(out, "/", 1);
	if (!slash[1])
		return put_str(out, name, strlen(name));
	return put_str(out, name, (size_t)(slash - name));
}

/* fd.typechar of an event whose fd sysdig does not know: the type the call creates ('4' for
 * every socket, as sysdig assumes), 'o' otherwise. */
static char creator_typechar(const struct scap_event_info *info)
{
	static const struct {
		const char *name;
		char c;
	} creators[] = {
		{ "open", 'f' }, { "openat", 'f' }, { "openat2", 'f' }, { "creat", 'f' },
		{ "socket", '4' }, { "accept", '4' }, { "accept4", '4' }, { "pipe", 'p' },
		{ "eventfd", 'e' }, { "signalfd", 's' }, { "timerfd_create", 't' },
		{ "inotify_init", 'i' },
	};

	for (size_t i = 0; info && i < ARRAY_SIZE(creators); i++)
		if (!strcmp(info->name, creators[i].name))
			return creators[i].c;
	return 'o';
}

static bool is_ip_sock(const struct st_fd *f)
{
	return f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK;
}

static bool is_ip_serv(const struct st_fd *f)
{
	return f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SERVSOCK;
}

/*
 * proc.loginshellid as sysdig 0.29 computes it: walking from the process up through its
 * known parents, the pid of the last (farthest) one whose name ends in "sh"; missing when
 * none does. The walk stops at an unknown parent or after as many steps as there are
 * threads (a loop in a broken parent chain).
 */
static size_t loginshellid(const struct state *st, struct st_thread *t, struct field_value *out)
{
	struct st_thread *p = state_main_thread(st, t);
	int64_t shell = 0;
	bool found = false;

	for (size_t steps = 0; p && steps <= st->nthreads; steps++) {
		size_t len = strlen(p->comm);

		if (len >= 2 && !strcmp(p->comm + len - 2, "sh")) {
			shell = p->pid;
			found = true;
		}
		if (p->ptid == -1 || p->ptid == p->tid)
			break;
		p = state_thread(st, p->ptid);
		if (p)
			p = state_main_thread(st, p);
	}
	if (!found)
		return 0;
	return put_i(out, FT_INT64, shell);
}

/* The process N generations up from T's (0: T's own), or NULL. */
static struct st_thread *ancestor(const struct state *st, struct st_thread *t, int64_t n)
{
	struct st_thread *p = state_main_thread(st, t);

	for (int64_t i = 0; p && i < n; i++) {
		if (p->ptid == -1 || p->ptid == p->tid)
			return NULL;
		p = state_thread(st, p->ptid);
		if (p)
			p = state_main_thread(st, p);
	}
	return p;
}

/* proc.aname[N] and proc.apid[N]: one ancestor; without [N], every ancestor from the parent
 * up (at most MAX), as a filter tests them. */
static size_t ancestors(const struct state *st, struct st_thread *t, bool name,
			const struct field_arg *arg, struct field_value *out, size_t max)
{
	int64_t first = 1, last = (int64_t)max;

	if (arg && arg->present && arg->is_index)
		first = last = arg->index;
	size_t n = 0;
	for (int64_t i = first; i <= last && n < max; i++) {
		struct st_thread *p = ancestor(st, t, i);

		if (!p || !p->live)	/* a thread known only from its fds: no process */
			break;
		n += name ? put_str(out + n, p->comm ? p->comm : "", p->comm ? strlen(p->comm) : 0)
			  : put_i(out + n, FT_INT64, p->pid);
	}
	return n;
}

void field_ctx_container_add(struct field_ctx *c, const char *id, const struct container_meta *m)
{
	struct field_container *fc = NULL;

	for (size_t i = 0; i < c->ncontainers && !fc; i++)
		if (!strcmp(c->containers[i].id, id))
			fc = &c->containers[i];
	if (!fc) {
		c->containers = xrealloc(c->containers,
					 (c->ncontainers + 1) * sizeof(*c->containers));
		fc = &c->containers[c->ncontainers++];
		snprintf(fc->id, sizeof(fc->id), "%s", id);
	}
	fc->found = true;
	fc->meta = *m;
}

const struct container_meta *field_ctx_container(struct field_ctx *c, const char *id)
{
	for (size_t i = 0; i < c->ncontainers; i++)
		if (!strcmp(c->containers[i].id, id))
			return c->containers[i].found ? &c->containers[i].meta : NULL;
	if (!c->container_resolve)
		return NULL;
	c->containers = xrealloc(c->containers, (c->ncontainers + 1) * sizeof(*c->containers));
	struct field_container *fc = &c->containers[c->ncontainers++];

	snprintf(fc->id, sizeof(fc->id), "%s", id);
	fc->found = c->container_resolve(id, &fc->meta);
	return fc->found ? &fc->meta : NULL;
}

/* Does T's cgroup path name a docker container (/docker/<id>, docker-<id>.scope)? */
static bool docker_cgroup(const struct st_thread *t)
{
	struct container_ref c;

	return container_of_cgroups(t->cgroups, t->cgroups_len, &c) &&
	       !strcmp(c.runtime, "docker");
}

/* container.name, .type, .image, .image.id, .privileged: the host is "host" by name and
 * type; a container's come from its runtime (live captures only). */
static size_t container_field(struct field_ctx *c, const struct st_thread *t, enum fid id,
			      struct field_value *out)
{
	if (!strcmp(t->container_id, "host")) {
		if (id == F_CONTAINER_NAME || id == F_CONTAINER_TYPE)
			return put_str(out, "host", 4);
		return 0;
	}
	const struct container_meta *m = field_ctx_container(c, t->container_id);

	if (!m) {
		/* sysdig tells a docker container by its cgroup path alone: type and privileged
		 * (false until docker says otherwise) are known, name and image are not */
		if (!docker_cgroup(t))
			return 0;
		if (id == F_CONTAINER_TYPE)
			return put_str(out, "docker", 6);
		return id == F_CONTAINER_PRIVILEGED ? put_b(out, false) : 0;
	}
	switch (id) {
	case F_CONTAINER_NAME: return put_str(out, m->name, strlen(m->name));
	case F_CONTAINER_TYPE: return put_str(out, m->type, strlen(m->type));
	case F_CONTAINER_IMAGE: return put_str(out, m->image, strlen(m->image));
	case F_CONTAINER_IMAGE_ID: return put_str(out, m->image_id, strlen(m->image_id));
	case F_CONTAINER_PRIVILEGED: return put_b(out, m->privileged);
	default: return 0;
	}
}

/* thread.cgroups: the items joined by spaces. */
static size_t thread_cgroups(struct field_ctx *c, const struct st_thread *t,
			     struct field_value *out)
{
	struct out *o = scratch(c);

	if (!t->cgroups || !t->cgroups_len)
		return 0;
	for (size_t off = 0; off < t->cgroups_len;) {
		size_t n = strnlen(t->cgroups + off, t->cgroups_len - off);

		if (off)
			out_putc(o, ' ');
		out_write(o, t->cgroups + off, n);
		off += n + 1;
	}
	return put_out(out, o);
}

/* thread.cgroup.SUBSYS: the path of the item named SUBSYS. */
static size_t thread_cgroup(const struct st_thread *t, const struct field_arg *arg,
			    struct field_value *out)
{
	size_t nl = arg && arg->present && arg->name ? strlen(arg->name) : 0;

	for (size_t off = 0; t->cgroups && nl && off < t->cgroups_len;) {
		const char *item = t->cgroups + off;
		size_t n = strnlen(item, t->cgroups_len - off);

		if (n > nl && item[nl] == '=' && !memcmp(item, arg->name, nl))
			return put_str(out, item + nl + 1, n - nl - 1);
		off += n + 1;
	}
	return 0;
}

static size_t extract(const struct field_desc *fd, const struct field_arg *arg, const void *event,
		      void *vctx, struct field_value *out, size_t max)
{
	const struct scap_event *ev = event;
	struct field_ctx *c = vctx;
	struct state *st = c->st;
	struct st_thread *t = st->cur.thread;
	struct st_fd *f = st->cur.fd;
	const struct scap_event_info *info = scap_event_info(ev->type);
	struct out *o;
	int64_t res;
	int i;

	if (!max)
		return 0;
	switch ((enum fid)fd->id) {
	case F_EVT_NUM:
		return put_u(out, FT_UINT64, c->evnum);
	case F_EVT_TIME:
	case F_EVT_TIME_S:
	case F_EVT_DATETIME:
		o = scratch(c);
		fmt_time(o, ev->ts, fd->id == F_EVT_DATETIME, fd->id != F_EVT_TIME_S);
		return put_out(out, o);
	case F_EVT_RAWTIME:
		return put_u(out, FT_ABSTIME, ev->ts);
	case F_EVT_RAWTIME_S:
		return put_u(out, FT_ABSTIME, ev->ts / (uint64_t)1000000000);
	case F_EVT_RAWTIME_NS:
		return put_u(out, FT_ABSTIME, ev->ts % (uint64_t)1000000000);
	case F_EVT_RELTIME:
		return put_u(out, FT_RELTIME, ev->ts - c->first_ts);
	case F_EVT_TYPE:
		o = scratch(c);
		out_puts(o, render_event_type(ev));
		return put_out(out, o);
	case F_SYSCALL_TYPE:
		if (!info || ev->type == PPME_PROCINFO_E || ev->type == PPME_PROCINFO_X ||
		    !strcmp(info->name, "procexit") ||
		    !strcmp(info->name, "switch"))
			return 0;
		o = scratch(c);
		out_puts(o, render_event_type(ev));
		return put_out(out, o);
	case F_EVT_DIR:
		return put_str(out, scap_event_is_enter(ev->type) ? ">" : "<", 1);
	case F_EVT_CPU:
		return put_i(out, FT_INT16, ev->cpu);
	case F_EVT_ARGS:
	case F_EVT_INFO:
		o = scratch(c);
		render_args(st, ev, c->bf, !c->json && !c->verbose, o);
		return put_out(out, o);
	case F_EVT_ARG: {
		if (!arg || !arg->present)
			return 0;
		if (arg->is_index)
			i = arg->index >= 0 && arg->index < (int64_t)render_nparams(ev) ?
				    (int)arg->index : -1;
		else
			i = param_index(ev, arg->name);
		if (i < 0)
			return 0;
		o = scratch(c);
		struct out *r = scratch(c);
		render_param(st, ev, (unsigned)i, c->bf, o, r);
		if (r->len)
			return put_out(out, r);
		return put_out(out, o);
	}
	case F_EVT_RES:
		if (!event_res(ev, &res))
			return 0;
		if (res >= 0)
			return put_str(out, "SUCCESS", 7);
		o = scratch(c);
		out_puts(o, errno_name((int)-res) ? errno_name((int)-res) : "UNKNOWN");
		return put_out(out, o);
	case F_EVT_RAWRES:
		if (!event_res(ev, &res))
			return 0;
		return put_i(out, FT_INT64, res);
	case F_EVT_FAILED:
		return put_b(out, event_res(ev, &res) && res < 0);
	case F_EVT_LATENCY:
		return put_u(out, FT_RELTIME, st->cur.latency);
	case F_EVT_BUFLEN:
		/* sysdig: the return value of an I/O call that succeeded on a known fd */
		if (!f || !event_category_is_io(ev) || !event_res(ev, &res) || res < 0)
			return 0;
		return put_u(out, FT_UINT64, (uint64_t)res);
	case F_EVT_BUFFER:
		/* an empty buffer (a read of 0 bytes) is an empty value */
		if ((i = buffer_index(ev)) < 0)
			return 0;
		out->type = FT_BYTEBUF;
		out->s.ptr = (const char *)ev->params[i].val;
		out->s.len = ev->params[i].len;
		return 1;
	case F_EVT_IS_IO:
	case F_EVT_IS_IO_READ:
	case F_EVT_IS_IO_WRITE: {
		unsigned fl = info ? info->flags : 0;
		unsigned want = fd->id == F_EVT_IS_IO ? (SCAP_EF_READS_FROM_FD | SCAP_EF_WRITES_TO_FD)
			      : fd->id == F_EVT_IS_IO_READ ? SCAP_EF_READS_FROM_FD
							   : SCAP_EF_WRITES_TO_FD;
		return put_b(out, fl & want);
	}
	case F_EVT_CATEGORY: {
		const char *cat = event_category(ev, st->cur.fd);
		return put_str(out, cat, strlen(cat));
	}
	case F_THREAD_TID:
		return put_i(out, FT_INT64, ev->tid);
	default:
		break;
	}

	/* process, user, group and container fields need the thread's process information */
	bool proc_field = (fd->id >= F_PROC_PID && fd->id < F_FD_NUM) || fd->id > F_FD_CONNECTED;
	if (proc_field && !t)
		return 0;
	/*
	 * A thread sysdig 0.29 knows nothing about gets a placeholder entry: comm and exe
	 * "<NA>" (values, not missing fields: a template without '*' still prints the line),
	 * pid = tid, no parent, unknown uid/gid, no namespace ids, no tty, the host.
	 */
	if (proc_field && !t->live) {
		switch ((enum fid)fd->id) {
		case F_PROC_NAME:
		case F_PROC_EXE:
		case F_PROC_CMDLINE:
			return put_str(out, "<NA>", 4);
		case F_PROC_EXEPATH:
		case F_PROC_ARGS:
		case F_PROC_CWD:
			return put_str(out, "", 0);
		case F_PROC_PNAME:
		case F_PROC_PCMDLINE:
		case F_PROC_VPID:
		case F_THREAD_VTID:
		case F_PROC_LOGINSHELLID:
		case F_USER_NAME:
		case F_USER_HOMEDIR:
		case F_USER_SHELL:
		case F_GROUP_NAME:
		case F_CONTAINER_IMAGE:
			return 0;
		case F_PROC_PID:
			return put_i(out, FT_INT64, t->pid);
		case F_PROC_PPID:
		case F_PROC_SID:
			return put_i(out, FT_INT64, -1);
		case F_PROC_TTY:
			return put_i(out, FT_INT32, 0);
		case F_USER_UID:
		case F_GROUP_GID:
			return put_u(out, FT_UINT32, UINT32_MAX);
		case F_USER_LOGINUID:
			return put_i(out, FT_INT64, -1);
		default:
			break;
		}
	}

	switch ((enum fid)fd->id) {
	case F_PROC_PID:
		return put_i(out, FT_INT64, t->pid);
	case F_PROC_PPID: {
		struct st_thread *m = state_main_thread(st, t);
		return put_i(out, FT_INT64, m->ptid);
	}
	case F_PROC_NAME:
		return put_str(out, t->comm, strlen(t->comm));
	case F_PROC_EXE:
		return put_str(out, t->exe, strlen(t->exe));
	case F_PROC_EXEPATH:
		return put_str(out, t->exepath, strlen(t->exepath));
	case F_PROC_CMDLINE:
	case F_PROC_ARGS:
		o = scratch(c);
		if (fd->id == F_PROC_CMDLINE) {
			out_puts(o, t->comm);
			if (t->args_len)
				out_putc(o, ' ');
		}
		join_args(o, t->args, t->args_len);
		return put_out(out, o);
	case F_PROC_CWD:
		o = scratch(c);
		out_puts(o, state_main_thread(st, t)->cwd);
		if (o->len && o->buf[o->len - 1] != '/')
			out_putc(o, '/');
		return put_out(out, o);
	case F_PROC_PNAME:
	case F_PROC_PCMDLINE: {
		/* the thread's own parent: a thread's is its process */
		struct st_thread *p = state_thread(st, t->ptid);
		if (!p)
			return 0;
		if (fd->id == F_PROC_PNAME)
			return put_str(out, p->comm, strlen(p->comm));
		o = scratch(c);
		out_puts(o, p->comm);
		if (p->args_len)
			out_putc(o, ' ');
		join_args(o, p->args, p->args_len);
		return put_out(out, o);
	}
	case F_PROC_TTY:
		return put_i(out, FT_INT32, t->tty);
	case F_PROC_VPID:
		/* -1: the capture does not say (old process lists, a thread met in an event) */
		if (t->vpid == -1)
			return 0;
		return put_i(out, FT_INT64, t->vpid);
	case F_PROC_LOGINSHELLID:
		return loginshellid(st, t, out);
	case F_PROC_SID:
		return put_i(out, FT_INT64, t->sid);
	case F_THREAD_VTID:
		if (t->vtid == -1)
			return 0;
		return put_i(out, FT_INT64, t->vtid);
	case F_THREAD_ISMAIN:
		return put_b(out, t->tid == t->pid);
	case F_USER_UID:
		return put_u(out, FT_UINT32, t->uid);
	case F_USER_LOGINUID:
		return put_i(out, FT_INT64, t->loginuid == UINT32_MAX ? -1 : (int64_t)t->loginuid);
	case F_USER_NAME:
	case F_USER_HOMEDIR:
	case F_USER_SHELL: {
		const struct st_user *u = state_user(st, t->uid);
		if (!u)
			return 0;
		const char *s = fd->id == F_USER_NAME ? u->name
			      : fd->id == F_USER_HOMEDIR ? u->homedir : u->shell;
		return put_str(out, s, strlen(s));
	}
	case F_GROUP_GID:
		return put_u(out, FT_UINT32, t->gid);
	case F_GROUP_NAME: {
		const struct st_group *g = state_group(st, t->gid);
		if (!g)
			return 0;
		return put_str(out, g->name, strlen(g->name));
	}
	case F_PROC_ANAME:
	case F_PROC_APID:
		return ancestors(st, t, fd->id == F_PROC_ANAME, arg, out, max);
	case F_THREAD_CGROUPS:
		return thread_cgroups(c, t, out);
	case F_THREAD_CGROUP:
		return thread_cgroup(t, arg, out);
	case F_CONTAINER_ID:
		return put_str(out, t->container_id, strlen(t->container_id));
	case F_CONTAINER_NAME:
	case F_CONTAINER_TYPE:
	case F_CONTAINER_IMAGE:
	case F_CONTAINER_IMAGE_ID:
	case F_CONTAINER_PRIVILEGED:
		return container_field(c, t, (enum fid)fd->id, out);
	case F_FD_NUM:
		if (st->cur.has_fd)
			return put_i(out, FT_INT64, st->cur.fdnum);
		/* a call about an fd that has none yet (an open's enter, a failed open, a call
		 * whose enter event carried no fd): sysdig's -1 */
		if (st->cur.fd_event || (info && (info->flags & SCAP_EF_CREATES_FD)))
			return put_i(out, FT_INT64, -1);
		return 0;
	default:
		break;
	}

	if (fd->id == F_FD_NAME && st->cur.failed_path)
		return put_str(out, st->cur.failed_path, strlen(st->cur.failed_path));
	if (!f) {
		bool creator = info && (info->flags & SCAP_EF_CREATES_FD);

		if (!st->cur.fd_event && !creator)
			return 0;
		/* the exit of a call on an fd sysdig does not know: an empty name */
		const char *name = st->cur.failed_path ? st->cur.failed_path
				 : !scap_event_is_enter(ev->type) ? "" : NULL;
		switch ((enum fid)fd->id) {
		case F_FD_NAME:
			return name ? put_str(out, name, strlen(name)) : 0;
		case F_FD_DIRECTORY:
			/* the new fd of a pipe, socket... that sysdig knows and we do not: not a
			 * file, no directory */
			if (creator && !scap_event_is_enter(ev->type) && event_res(ev, &res) &&
			    res >= 0 && creator_typechar(info) != 'f')
				return 0;
			return name ? put_directory(out, name) : 0;
		case F_FD_TYPECHAR:
			o = scratch(c);
			out_putc(o, creator_typechar(info));
			return put_out(out, o);
		default:
			return 0;
		}
	}
	bool ipsock = is_ip_sock(f), ipserv = is_ip_serv(f);
	switch ((enum fid)fd->id) {
	case F_FD_TYPE: {
		const char *s = render_fd_typename(f->type);
		return put_str(out, s, strlen(s));
	}
	case F_FD_TYPECHAR:
		o = scratch(c);
		out_putc(o, render_fd_typechar(f->type));
		return put_out(out, o);
	case F_FD_NAME:
		return put_str(out, f->name, strlen(f->name));
	case F_FD_DIRECTORY:
		if (f->type == SCAP_FD_DIRECTORY)
			return put_str(out, f->name, strlen(f->name));
		if (f->type != SCAP_FD_FILE && f->type != SCAP_FD_FILE_V2)
			return 0;
		return put_directory(out, f->name);
	case F_FD_FILENAME: {
		if (f->type != SCAP_FD_FILE && f->type != SCAP_FD_FILE_V2)
			return 0;
		const char *slash = strrchr(f->name, '/');
		if (!slash)
			return put_str(out, "/", 1);
		/* a name ending in '/' is kept whole */
		if (!slash[1])
			return put_str(out, f->name, strlen(f->name));
		return put_str(out, slash + 1, strlen(slash + 1));
	}
	case F_FD_LIP:
	case F_FD_RIP: {
		/* sysdig: nothing before the socket has a role; the source is the local end when
		 * it is the machine's address, else the destination is */
		if (!ipsock || f->role == ST_ROLE_NONE || (!f->sport && !f->dport))
			return 0;
		bool src_local = st_is_local_address(st, st->cur.thread, f->v6, f->sip);
		bool want_src = src_local == (fd->id == F_FD_LIP);
		return put_ip(out, f->v6, want_src ? f->sip : f->dip);
	}
	case F_FD_CIP:
	case F_FD_CNET:
		if (!ipsock || (!f->sport && !f->dport))
			return 0;
		return put_ip(out, f->v6, f->sip);
	case F_FD_SIP:
	case F_FD_SNET:
		if (ipserv)
			return put_ip(out, f->v6, f->sip);
		if (!ipsock || (!f->sport && !f->dport))
			return 0;
		return put_ip(out, f->v6, f->dip);
	/* the networks are matched against the addresses, as fd.ip is */
	case F_FD_IP:
	case F_FD_NET: {
		if (ipserv)
			return put_ip(out, f->v6, f->sip);
		if (!ipsock || (!f->sport && !f->dport))
			return 0;
		size_t n = put_ip(out, f->v6, f->sip);
		if (max > 1)
			n += put_ip(out + 1, f->v6, f->dip);
		return n;
	}
	case F_FD_CPORT:
	case F_FD_LPORT:
		if (!ipsock || (!f->sport && !f->dport))
			return 0;
		return put_u(out, FT_PORT, f->sport);
	case F_FD_SPORT:
	case F_FD_RPORT:
		if (ipserv && fd->id == F_FD_SPORT)
			return put_u(out, FT_PORT, f->sport);
		if (!ipsock || (!f->sport && !f->dport))
			return 0;
		return put_u(out, FT_PORT, f->dport);
	case F_FD_PORT: {
		if (ipserv)
			return put_u(out, FT_PORT, f->sport);
		if (!ipsock || (!f->sport && !f->dport))
			return 0;
		size_t n = put_u(out, FT_PORT, f->sport);
		if (max > 1)
			n += put_u(out + 1, FT_PORT, f->dport);
		return n;
	}
	case F_FD_L4PROTO: {
		static const char *const l4[] = { NULL, NULL, "tcp", "udp", "icmp", "raw" };
		if (!(ipsock || ipserv) || f->l4proto >= ARRAY_SIZE(l4) || !l4[f->l4proto])
			return 0;
		return put_str(out, l4[f->l4proto], strlen(l4[f->l4proto]));
	}
	case F_FD_SOCKFAMILY:
		if (ipsock || ipserv)
			return put_str(out, "ip", 2);
		if (f->type == SCAP_FD_UNIX_SOCK)
			return put_str(out, "unix", 4);
		return 0;
	case F_FD_IS_SERVER:
		/* sysdig 0.29: a listening socket, or one whose destination is the machine */
		if (ipserv)
			return put_b(out, true);
		if (ipsock)
			return put_b(out, st_is_local_address(st, st->cur.thread, f->v6, f->dip));
		return put_b(out, false);
	case F_FD_CONNECTED:
		return put_b(out, f->connected);
	default:
		return 0;
	}
}

static struct field_desc *table;

void sysdig_fields_register(struct field_registry *reg)
{
	if (!table) {
		table = xcalloc(sysdig_fields_count, sizeof(*table));
		for (size_t i = 0; i < sysdig_fields_count; i++) {
			table[i] = sysdig_fields[i];
			for (size_t j = 0; j < ARRAY_SIZE(implemented); j++)
				if (!strcmp(implemented[j].name, table[i].name)) {
					table[i].extract = extract;
					table[i].id = implemented[j].id;
				}
		}
	}
	field_registry_add(reg, table, sysdig_fields_count);
}

void field_ctx_free(struct field_ctx *c)
{
	for (unsigned i = 0; i < FIELD_CTX_SCRATCH; i++)
		out_free(&c->scratch[i]);
	free(c->containers);
	c->containers = NULL;
	c->ncontainers = 0;
}
