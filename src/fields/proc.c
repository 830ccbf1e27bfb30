/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The process class: proc.* and thread.*, the thread that made the event and its process,
 * parent, ancestors, session and cgroups, from the state layer's thread table.
 *
 * A thread sysdig 0.29 knows nothing about (!live: met only in an event) gets a placeholder
 * entry: comm and exe "<NA>" (values, not missing fields: a template without '*' still
 * prints the line), pid = tid, no parent, no namespace ids, no tty. Each extractor below
 * returns that placeholder's value for such a thread.
 */
#include <string.h>

#include "fields/extract.h"
#include "fields/falco_fields.h"
#include "fields/proc_usage.h"
#include "util/util.h"

static size_t proc_pid(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	return t ? put_i(out, FT_INT64, t->pid) : 0;
}

static size_t proc_name(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	return put_cstr(out, t->live ? t->comm : "<NA>");
}

static size_t proc_exe(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	return put_cstr(out, t->live ? t->exe : "<NA>");
}

static size_t proc_exepath(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	return put_cstr(out, t->live ? t->exepath : "");
}

/* argv[1..], each NUL-terminated in ARGS[0..LEN), joined by spaces. */
static void join_args(struct out *o, const char *args, size_t len)
{
	for (size_t off = 0; off < len;) {
		size_t n = strnlen(args + off, len - off);

		if (off)
			out_putc(o, ' ');
		out_write(o, args + off, n);
		off += n + 1;
	}
}

/* proc.name + proc.args. */
static size_t cmdline(struct field_ctx *c, const struct st_thread *t, struct field_value *out)
{
	struct out *o = field_scratch(c);

	out_puts(o, t->comm);
	if (t->args_len)
		out_putc(o, ' ');
	join_args(o, t->args, t->args_len);
	return put_out(out, o);
}

static size_t proc_args(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	if (!t->live)
		return put_str(out, "", 0);
	struct out *o = field_scratch(ctx);

	join_args(o, t->args, t->args_len);
	return put_out(out, o);
}

static size_t proc_cmdline(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	if (!t->live)
		return put_str(out, "<NA>", 4);
	return cmdline(ctx, t, out);
}

/* The process's working directory, ending in '/'. */
static size_t proc_cwd(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	struct field_ctx *c = ctx;
	struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	if (!t->live)
		return put_str(out, "", 0);
	struct out *o = field_scratch(c);

	out_puts(o, state_main_thread(c->st, t)->cwd);
	if (o->len && o->buf[o->len - 1] != '/')
		out_putc(o, '/');
	return put_out(out, o);
}

static size_t proc_ppid(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	const struct field_ctx *c = ctx;
	struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	if (!t->live)
		return put_i(out, FT_INT64, -1);
	return put_i(out, FT_INT64, state_main_thread(c->st, t)->ptid);
}

const struct st_thread *field_parent(void *ctx)
{
	const struct field_ctx *c = ctx;
	const struct st_thread *t = field_thread(ctx);

	if (!t || !t->live)
		return NULL;
	return state_thread(c->st, t->ptid);
}

static size_t proc_pname(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct st_thread *p = field_parent(ctx);

	return p ? put_cstr(out, p->comm) : 0;
}

static size_t proc_pcmdline(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct st_thread *p = field_parent(ctx);

	return p ? cmdline(ctx, p, out) : 0;
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

size_t field_ancestors(const struct field_ref *ref, void *ctx,
		       size_t (*put)(const struct st_thread *p, struct field_value *out),
		       struct field_value *out)
{
	const struct field_ctx *c = ctx;
	struct st_thread *t = field_thread(ctx);
	int64_t first = 1, last = FIELD_MAX_VALUES;
	size_t n = 0;

	if (!t)
		return 0;
	if (ref->arg.present && ref->arg.is_index)
		first = last = ref->arg.index;
	for (int64_t i = first; i <= last && n < FIELD_MAX_VALUES; i++) {
		struct st_thread *p = ancestor(c->st, t, i);

		if (!p || !p->live)	/* a thread known only from its fds: no process */
			break;
		n += put(p, out + n);
	}
	return n;
}

static size_t put_pid(const struct st_thread *p, struct field_value *out)
{
	return put_i(out, FT_INT64, p->pid);
}

static size_t put_comm(const struct st_thread *p, struct field_value *out)
{
	return put_cstr(out, p->comm ? p->comm : "");
}

static size_t proc_apid(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	return field_ancestors(ref, ctx, put_pid, out);
}

static size_t proc_aname(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	return field_ancestors(ref, ctx, put_comm, out);
}

/*
 * proc.ancestry (sysray's, for alerts): "name[pid]" of each ancestor process from the parent
 * up, comma-separated, as far as the state knows the chain (to init on a live system). The
 * walk stops after as many steps as there are threads (a loop in a broken parent chain).
 */
static size_t proc_ancestry(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	struct field_ctx *c = ctx;
	struct st_thread *t = field_thread(ctx);
	struct out *o = field_scratch(c);

	if (!t || !t->live)
		return 0;
	for (size_t i = 1; i <= c->st->nthreads; i++) {
		struct st_thread *p = ancestor(c->st, t, (int64_t)i);

		if (!p || !p->live)
			break;
		if (o->len)
			out_putc(o, ',');
		out_printf(o, "%s[%lld]", p->comm ? p->comm : "", (long long)p->pid);
	}
	return put_out(out, o);
}

/*
 * proc.loginshellid as sysdig 0.29 computes it: walking from the process up through its
 * known parents, the pid of the last (farthest) one whose name ends in "sh"; missing when
 * none does. The walk stops at an unknown parent or after as many steps as there are
 * threads (a loop in a broken parent chain).
 */
static size_t proc_loginshellid(const struct field_ref *ref, const void *event, void *ctx,
				struct field_value *out)
{
	const struct field_ctx *c = ctx;
	const struct state *st = c->st;
	struct st_thread *t = field_thread(ctx);
	int64_t shell = 0;
	bool found = false;

	if (!t || !t->live)
		return 0;
	struct st_thread *p = state_main_thread(st, t);

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
	return found ? put_i(out, FT_INT64, shell) : 0;
}

static size_t thread_tid(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct scap_event *ev = event;

	return put_i(out, FT_INT64, ev->tid);
}

static size_t thread_ismain(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	return t ? put_b(out, t->tid == t->pid) : 0;
}

/* thread.cgroups: the "subsys=path" items joined by spaces. */
static size_t thread_cgroups(const struct field_ref *ref, const void *event, void *ctx,
			     struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t || !t->cgroups || !t->cgroups_len)
		return 0;
	struct out *o = field_scratch(ctx);

	join_args(o, t->cgroups, t->cgroups_len);
	return put_out(out, o);
}

/* thread.cgroup.SUBSYS: the path of the item named SUBSYS. */
static size_t thread_cgroup(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);
	const char *subsys = ref->arg.present ? ref->arg.name : NULL;
	size_t nl = subsys ? strlen(subsys) : 0;

	for (size_t off = 0; t && t->cgroups && nl && off < t->cgroups_len;) {
		const char *item = t->cgroups + off;
		size_t n = strnlen(item, t->cgroups_len - off);

		if (n > nl && item[nl] == '=' && !memcmp(item, subsys, nl))
			return put_str(out, item + nl + 1, n - nl - 1);
		off += n + 1;
	}
	return 0;
}

/* thread.vtid, proc.vpid: -1 when the capture does not say (old process lists, a thread met
 * in an event), and then missing. */
static size_t thread_vtid(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t || !t->live || t->vtid == -1)
		return 0;
	return put_i(out, FT_INT64, t->vtid);
}

static size_t proc_vpid(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t || !t->live || t->vpid == -1)
		return 0;
	return put_i(out, FT_INT64, t->vpid);
}

static size_t proc_sid(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	return put_i(out, FT_INT64, t->live ? t->sid : -1);
}

static size_t proc_tty(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	return put_i(out, FT_INT32, t->live ? (int64_t)t->tty : 0);
}

/* The thread that leads T's process; sysdig reads the environment, the fd table and its
 * limit there. */
static struct st_thread *main_of(void *ctx, struct st_thread *t)
{
	const struct field_ctx *c = ctx;

	return state_main_thread(c->st, t);
}

/* proc.env: the items joined by spaces; a zero-filled tail (an event's unused room) ends the
 * list, as in sysdig. */
static size_t proc_env(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	const struct st_thread *m = main_of(ctx, t);
	size_t len = m->env_len;

	while (len && !m->env[len - 1])
		len--;
	struct out *o = field_scratch(ctx);

	join_args(o, m->env, len ? len + 1 : 0);
	return put_out(out, o);
}

/* proc.exe + ' ' + proc.args: the space even without arguments. */
static size_t proc_exeline(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	struct out *o = field_scratch(ctx);

	out_puts(o, t->live ? t->exe : "<NA>");
	out_putc(o, ' ');
	if (t->live)
		join_args(o, t->args, t->args_len);
	return put_out(out, o);
}

static size_t proc_nthreads(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	struct st_thread *t = field_thread(ctx);

	return t ? put_u(out, FT_UINT32, main_of(ctx, t)->nchilds + 1) : 0;
}

static size_t proc_nchilds(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	return t ? put_u(out, FT_UINT32, t->nchilds) : 0;
}

/* Missing for a thread whose creation the capture did not show. */
static size_t proc_duration(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct st_thread *t = field_thread(ctx);

	if (!t || !t->clone_ts)
		return 0;
	return put_u(out, FT_RELTIME, ev->ts - t->clone_ts);
}

static size_t proc_fdopencount(const struct field_ref *ref, const void *event, void *ctx,
			       struct field_value *out)
{
	struct st_thread *t = field_thread(ctx);

	return t ? put_u(out, FT_UINT64, main_of(ctx, t)->fdt.n) : 0;
}

static size_t proc_fdlimit(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	struct st_thread *t = field_thread(ctx);

	return t ? put_i(out, FT_INT64, (int64_t)main_of(ctx, t)->fdlimit) : 0;
}

/* Open fds as a percentage of the limit (at most 100; 0 without a limit). */
static size_t proc_fdusage(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	const struct st_thread *m = main_of(ctx, t);
	int64_t limit = (int64_t)m->fdlimit;

	out->type = FT_DOUBLE;
	out->d = 0;
	if (limit > 0)
		out->d = m->fdt.n <= (uint64_t)limit ? (double)m->fdt.n * 100 / (double)limit : 100;
	return 1;
}

/* The per-thread counters, by the field's id. */
enum { C_VMSIZE, C_VMRSS, C_VMSWAP, C_PFMAJOR, C_PFMINOR };

static uint64_t counter(const struct st_thread *t, int id)
{
	switch (id) {
	case C_VMSIZE:
		return t->vmsize_kb;
	case C_VMRSS:
		return t->vmrss_kb;
	case C_VMSWAP:
		return t->vmswap_kb;
	case C_PFMAJOR:
		return t->pfmajor;
	default:
		return t->pfminor;
	}
}

/* proc.vmsize, thread.pfmajor...: the thread's own value (a process's sizes are kept on its
 * main thread: the other threads have those of their clone exit). */
static size_t thread_counter(const struct field_ref *ref, const void *event, void *ctx,
			     struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	return t ? put_u(out, FT_UINT64, counter(t, ref->field->id)) : 0;
}

/* thread.vmsize, thread.vmrss: the main thread's sizes, 0 on the other threads. */
static size_t thread_vm(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	return put_u(out, FT_UINT64, t->tid == t->pid ? counter(t, ref->field->id) : 0);
}

/*
 * proc.sname: the name of the thread whose tid is the session id; when there is none (the
 * leader exited), of the farthest ancestor of the process in an unbroken line of the same
 * session, or the process itself.
 */
static size_t proc_sname(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct field_ctx *c = ctx;
	struct st_thread *t = field_thread(ctx);

	if (!t)
		return 0;
	const struct st_thread *s = state_thread(c->st, t->sid);

	if (!s) {
		struct st_thread *p = state_main_thread(c->st, t);

		s = p;
		for (size_t steps = 0; p && steps <= c->st->nthreads; steps++) {
			if (p->ptid == -1 || p->ptid == p->tid)
				break;
			p = state_thread(c->st, p->ptid);
			if (p)
				p = state_main_thread(c->st, p);
			if (!p || p->sid != s->sid)
				break;
			s = p;
		}
	}
	return put_cstr(out, s->live ? s->comm : "<NA>");
}

static size_t proc_vpgid(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);

	return t ? put_i(out, FT_INT64, t->vpgid) : 0;
}

/* What thread.exectime, thread.totexectime and thread.cpu keep in a reference's memo. */
enum { MEMO_CPU_SWITCH, MEMO_THREAD };

/*
 * On a context switch, the time since the previous switch on the same CPU that this reference
 * read (0 for the first): how long the thread switched out ran. 0 on other events. sysdig
 * 0.29 keeps those times per use of the field.
 */
static uint64_t exectime(const struct field_ref *ref, const struct scap_event *ev)
{
	uint64_t *last, d = 0;

	if (ev->type != PPME_SCHEDSWITCH_1_E && ev->type != PPME_SCHEDSWITCH_6_E)
		return 0;
	last = field_memo_value(ref->memo, MEMO_CPU_SWITCH, ev->cpu);
	if (*last)
		d = ev->ts - *last;
	*last = ev->ts;
	return d;
}

static size_t thread_exectime(const struct field_ref *ref, const void *event, void *ctx,
			      struct field_value *out)
{
	return put_u(out, FT_RELTIME, exectime(ref, event));
}

/* The sum of the thread's thread.exectime values this reference read. */
static size_t thread_totexectime(const struct field_ref *ref, const void *event, void *ctx,
				 struct field_value *out)
{
	const struct st_thread *t = field_thread(ctx);
	uint64_t d = exectime(ref, event), *sum;

	if (!t)
		return 0;
	sum = field_memo_value(ref->memo, MEMO_THREAD, t->tid);
	*sum += d;
	return put_u(out, FT_RELTIME, *sum);
}

/* thread.cpu's parts, by the field's id. */
enum { CPU_ALL, CPU_USER, CPU_SYSTEM };

/*
 * On a procinfo event: the growth of the thread's CPU counters (user, system or both, as the
 * event gives them) since the last procinfo this reference read for the thread, at most 100;
 * 0 the first time. Missing on other events.
 */
static size_t thread_cpu(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct st_thread *t = field_thread(ctx);
	uint64_t user = 0, sys = 0, tcpu, *last;
	int id = ref->field->id;

	if (!t || ev->type != PPME_PROCINFO_E)
		return 0;
	if (id != CPU_SYSTEM && ev->nparams > 0)
		scap_param_u64(&ev->params[0], &user);
	if (id != CPU_USER && ev->nparams > 1)
		scap_param_u64(&ev->params[1], &sys);
	tcpu = user + sys;
	last = field_memo_value(ref->memo, MEMO_THREAD, t->tid);
	out->type = FT_DOUBLE;
	out->d = 0;
	if (*last) {
		out->d = (double)(tcpu - *last);
		if (out->d > 100)
			out->d = 100;
	}
	*last = tcpu;
	return 1;
}

static const struct field_desc process_fields[] = {
	FIELD("proc.pid", INT64, 0, proc_pid,
	      "the id of the process generating the event.", .role = FR_PROC_PID),
	FIELD("proc.exe", CHARBUF, 0, proc_exe,
	      "the first command line argument (usually the executable name or a custom one)."),
	FIELD("proc.name", CHARBUF, 0, proc_name,
	      "the name (excluding the path) of the executable generating the event.",
	      .role = FR_PROC_NAME),
	FIELD("proc.args", CHARBUF, 0, proc_args,
	      "the arguments passed on the command line when starting the process generating the"
	      " event."),
	FIELD("proc.env", CHARBUF, 0, proc_env,
	      "the environment variables of the process generating the event."),
	FIELD("proc.cmdline", CHARBUF, 0, proc_cmdline,
	      "full process command line, i.e. proc.name + proc.args."),
	FIELD("proc.exeline", CHARBUF, 0, proc_exeline,
	      "full process command line, with exe as first argument, i.e. proc.exe + "
	      "proc.args."),
	FIELD("proc.cwd", CHARBUF, 0, proc_cwd,
	      "the current working directory of the event."),
	FIELD("proc.nthreads", UINT32, 0, proc_nthreads,
	      "the number of threads that the process generating the event currently has, "
	      "including the main process thread."),
	FIELD("proc.nchilds", UINT32, 0, proc_nchilds,
	      "the number of child threads that the process generating the event currently has. "
	      "This excludes the main process thread."),
	FIELD("proc.ppid", INT64, 0, proc_ppid,
	      "the pid of the parent of the process generating the event."),
	FIELD("proc.pname", CHARBUF, 0, proc_pname,
	      "the name (excluding the path) of the parent of the process generating the event."),
	FIELD("proc.pcmdline", CHARBUF, 0, proc_pcmdline,
	      "the full command line (proc.name + proc.args) of the parent of the process "
	      "generating the event."),
	FIELD("proc.apid", INT64, FA_INDEX, proc_apid,
	      "the pid of one of the process ancestors. E.g. proc.apid[1] returns the parent pid,"
	      " proc.apid[2] returns the grandparent pid, and so on. proc.apid[0] is the pid of "
	      "the current process. proc.apid without arguments can be used in filters only and "
	      "matches any of the process ancestors, e.g. proc.apid=1234."),
	FIELD("proc.aname", CHARBUF, FA_INDEX, proc_aname,
	      "the name (excluding the path) of one of the process ancestors. E.g. proc.aname[1] "
	      "returns the parent name, proc.aname[2] returns the grandparent name, and so on. "
	      "proc.aname[0] is the name of the current process. proc.aname without arguments "
	      "can be used in filters only and matches any of the process ancestors, e.g. "
	      "proc.aname=bash."),
	/* not in sysdig 0.29: `-l` does not list it (it lists sysdig's fields) */
	FIELD("proc.ancestry", CHARBUF, 0, proc_ancestry,
	      "the ancestors of the process, nearest first: name[pid] of each, comma-separated, "
	      "up to init.", .table_only = true),
	FIELD("proc.loginshellid", INT64, 0, proc_loginshellid,
	      "the pid of the oldest shell among the ancestors of the current process, if there "
	      "is one. This field can be used to separate different user sessions, and is useful "
	      "in conjunction with chisels like spy_user."),
	FIELD("proc.duration", RELTIME, 0, proc_duration,
	      "number of nanoseconds since the process started."),
	FIELD("proc.fdopencount", UINT64, 0, proc_fdopencount,
	      "number of open FDs for the process"),
	FIELD("proc.fdlimit", INT64, 0, proc_fdlimit,
	      "maximum number of FDs the process can open."),
	FIELD("proc.fdusage", DOUBLE, 0, proc_fdusage,
	      "the ratio between open FDs and maximum available FDs for the process."),
	FIELD("proc.vmsize", UINT64, 0, thread_counter,
	      "total virtual memory for the process (as kb).", .id = C_VMSIZE),
	FIELD("proc.vmrss", UINT64, 0, thread_counter,
	      "resident non-swapped memory for the process (as kb).", .id = C_VMRSS),
	FIELD("proc.vmswap", UINT64, 0, thread_counter,
	      "swapped memory for the process (as kb).", .id = C_VMSWAP),
	FIELD("thread.pfmajor", UINT64, 0, thread_counter,
	      "number of major page faults since thread start.", .id = C_PFMAJOR),
	FIELD("thread.pfminor", UINT64, 0, thread_counter,
	      "number of minor page faults since thread start.", .id = C_PFMINOR),
	FIELD("thread.tid", INT64, 0, thread_tid,
	      "the id of the thread generating the event."),
	FIELD("thread.ismain", BOOL, 0, thread_ismain,
	      "'true' if the thread generating the event is the main one in the process."),
	FIELD("thread.exectime", RELTIME, 0, thread_exectime,
	      "CPU time spent by the last scheduled thread, in nanoseconds. Exported by switch "
	      "events only.", .memo = true),
	FIELD("thread.totexectime", RELTIME, 0, thread_totexectime,
	      "Total CPU time, in nanoseconds since the beginning of the capture, for the current "
	      "thread. Exported by switch events only.", .memo = true),
	FIELD("thread.cgroups", CHARBUF, 0, thread_cgroups,
	      "all the cgroups the thread belongs to, aggregated into a single string."),
	FIELD("thread.cgroup", CHARBUF, FA_DOT | FA_REQUIRED, thread_cgroup,
	      "the cgroup the thread belongs to, for a specific subsystem. E.g. "
	      "thread.cgroup.cpuacct."),
	FIELD("thread.vtid", INT64, 0, thread_vtid,
	      "the id of the thread generating the event as seen from its current PID namespace."),
	FIELD("proc.vpid", INT64, 0, proc_vpid,
	      "the id of the process generating the event as seen from its current PID "
	      "namespace."),
	FIELD("thread.cpu", DOUBLE, 0, thread_cpu,
	      "the CPU consumed by the thread in the last second.", .id = CPU_ALL, .memo = true),
	FIELD("thread.cpu.user", DOUBLE, 0, thread_cpu,
	      "the user CPU consumed by the thread in the last second.",
	      .id = CPU_USER, .memo = true),
	FIELD("thread.cpu.system", DOUBLE, 0, thread_cpu,
	      "the system CPU consumed by the thread in the last second.",
	      .id = CPU_SYSTEM, .memo = true),
	FIELD("thread.vmsize", UINT64, 0, thread_vm,
	      "For the process main thread, this is the total virtual memory for the process (as "
	      "kb). For the other threads, this field is zero.", .id = C_VMSIZE),
	FIELD("thread.vmrss", UINT64, 0, thread_vm,
	      "For the process main thread, this is the resident non-swapped memory for the "
	      "process (as kb). For the other threads, this field is zero.", .id = C_VMRSS),
	FIELD("thread.vmsize.b", UINT64, 0, proc_usage_extract,
	      "For the process main thread, this is the total virtual memory for the process (in "
	      "bytes). For the other threads, this field is zero.", .id = PU_THREAD_VMSIZE_B,
	      .table_only = true),
	FIELD("thread.vmrss.b", UINT64, 0, proc_usage_extract,
	      "For the process main thread, this is the resident non-swapped memory for the "
	      "process (in bytes). For the other threads, this field is zero.",
	      .id = PU_THREAD_VMRSS_B, .table_only = true),
	FIELD("thread.nametid", CHARBUF, 0, proc_usage_extract,
	      "this field chains the process name and tid of a thread and can be used as a "
	      "specific identifier of a thread for a specific execve.", .id = PU_NAMETID,
	      .table_only = true),
	FIELD("proc.sid", INT64, 0, proc_sid,
	      "the session id of the process generating the event."),
	FIELD("proc.sname", CHARBUF, 0, proc_sname,
	      "the name of the current process's session leader. This is either the process with"
	      " pid=proc.sid or the eldest ancestor that has the same sid as the current process."),
	FIELD("proc.tty", INT32, 0, proc_tty,
	      "The controlling terminal of the process. 0 for processes without a terminal."),
	FIELD("proc.exepath", CHARBUF, 0, proc_exepath,
	      "The full executable path of the process."),
	FIELD("proc.vpgid", INT64, 0, proc_vpgid,
	      "the process group id of the process generating the event, as seen from its current"
	      " PID namespace."),
	FIELD("proc.is_container_healthcheck", BOOL, 0, NULL,
	      "true if this process is running as a part of the container's health check."),
	FIELD("proc.is_container_liveness_probe", BOOL, 0, NULL,
	      "true if this process is running as a part of the container's liveness probe."),
	FIELD("proc.is_container_readiness_probe", BOOL, 0, NULL,
	      "true if this process is running as a part of the container's readiness probe."),
	FIELD("proc.is_exe_writable", BOOL, 0, NULL,
	      "true if this process' executable file is writable by the same user that spawned "
	      "the process."),
	/* Falco's, not sysdig 0.29's (falco_fields.c) */
	FIELD("proc.pexe", CHARBUF, 0, falco_field_extract,
	      "the first command line argument (usually the executable name or a custom one) of "
	      "the parent process.", .id = FF_PEXE, .falco = true),
	FIELD("proc.pexepath", CHARBUF, 0, falco_field_extract,
	      "the full executable path of the parent process.", .id = FF_PEXEPATH,
	      .falco = true),
	FIELD("proc.aexepath", CHARBUF, FA_INDEX, falco_field_extract,
	      "the full executable path of one of the process ancestors: proc.aexepath[1] is the "
	      "parent's, proc.aexepath[2] the grandparent's, proc.aexepath[0] the process's own. "
	      "Without an index, in filters: any ancestor's, e.g. proc.aexepath=/bin/bash.",
	      .id = FF_AEXEPATH, .falco = true),
	FIELD("proc.is_exe_from_memfd", BOOL, 0, falco_field_extract,
	      "true if the executable file of the process is a memfd (memfd_create(2): it exists "
	      "in memory only); its exepath then reads memfd:NAME.", .id = FF_IS_EXE_FROM_MEMFD,
	      .falco = true),
	FIELD("proc.is_exe_upper_layer", BOOL, 0, falco_field_extract,
	      "true if the executable file of the process is in the upper layer of an overlayfs "
	      "(in a container: written after the container started, not from its image).",
	      .id = FF_IS_EXE_UPPER_LAYER, .falco = true),
	FIELD("proc.exe_ino", INT64, 0, falco_field_extract,
	      "the inode number of the executable file of the process.", .id = FF_EXE_INO,
	      .falco = true),
	FIELD("proc.exe_ino.ctime", ABSTIME, 0, falco_field_extract,
	      "the last status change time (ctime) of the executable file of the process, in "
	      "nanoseconds since the epoch.", .id = FF_EXE_INO_CTIME, .falco = true),
	FIELD("proc.exe_ino.mtime", ABSTIME, 0, falco_field_extract,
	      "the last modification time (mtime) of the executable file of the process, in "
	      "nanoseconds since the epoch.", .id = FF_EXE_INO_MTIME, .falco = true),
	FIELD("proc.exe_ino.ctime_duration_proc_start", ABSTIME, 0, falco_field_extract,
	      "nanoseconds from the last status change (ctime) of the executable file to the "
	      "start (clone) of the process; missing for a process started before the capture.",
	      .id = FF_EXE_INO_CTIME_DURATION_PROC_START, .falco = true),
	FIELD("thread.cap_inheritable", CHARBUF, 0, falco_field_extract,
	      "the inheritable capabilities of the thread, names separated by spaces "
	      "(CAP_CHOWN CAP_KILL ...).", .id = FF_CAP_INHERITABLE, .falco = true),
	FIELD("thread.cap_permitted", CHARBUF, 0, falco_field_extract,
	      "the permitted capabilities of the thread, names separated by spaces.",
	      .id = FF_CAP_PERMITTED, .falco = true),
	FIELD("thread.cap_effective", CHARBUF, 0, falco_field_extract,
	      "the effective capabilities of the thread, names separated by spaces.",
	      .id = FF_CAP_EFFECTIVE, .falco = true),
};

const struct field_class field_class_process = {
	.name = "process",
	.desc = "Additional information about the process and thread executing the syscall "
		"event.",
	.fields = process_fields,
	.nfields = ARRAY_SIZE(process_fields),
};
