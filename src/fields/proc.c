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

/* The thread's own parent (a thread's is its process), NULL when unknown or !live. */
static const struct st_thread *parent_of(void *ctx)
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
	const struct st_thread *p = parent_of(ctx);

	return p ? put_cstr(out, p->comm) : 0;
}

static size_t proc_pcmdline(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct st_thread *p = parent_of(ctx);

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

/* proc.aname[N] and proc.apid[N]: one ancestor; without [N], every ancestor from the parent
 * up (at most FIELD_MAX_VALUES), as a filter tests them. */
static size_t ancestors(const struct field_ref *ref, void *ctx, bool name,
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
		n += name ? put_cstr(out + n, p->comm ? p->comm : "")
			  : put_i(out + n, FT_INT64, p->pid);
	}
	return n;
}

static size_t proc_apid(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	return ancestors(ref, ctx, false, out);
}

static size_t proc_aname(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	return ancestors(ref, ctx, true, out);
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
	FIELD("proc.env", CHARBUF, 0, NULL,
	      "the environment variables of the process generating the event."),
	FIELD("proc.cmdline", CHARBUF, 0, proc_cmdline,
	      "full process command line, i.e. proc.name + proc.args."),
	FIELD("proc.exeline", CHARBUF, 0, proc_usage_extract,
	      "full process command line, with exe as first argument, i.e. proc.exe + "
	      "proc.args.", .id = PU_EXELINE),
	FIELD("proc.cwd", CHARBUF, 0, proc_cwd,
	      "the current working directory of the event."),
	FIELD("proc.nthreads", UINT32, 0, proc_usage_extract,
	      "the number of threads that the process generating the event currently has, "
	      "including the main process thread.", .id = PU_NTHREADS),
	FIELD("proc.nchilds", UINT32, 0, proc_usage_extract,
	      "the number of child threads that the process generating the event currently has. "
	      "This excludes the main process thread.", .id = PU_NCHILDS),
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
	FIELD("proc.loginshellid", INT64, 0, proc_loginshellid,
	      "the pid of the oldest shell among the ancestors of the current process, if there "
	      "is one. This field can be used to separate different user sessions, and is useful "
	      "in conjunction with chisels like spy_user."),
	FIELD("proc.duration", RELTIME, 0, NULL,
	      "number of nanoseconds since the process started."),
	FIELD("proc.fdopencount", UINT64, 0, proc_usage_extract,
	      "number of open FDs for the process", .id = PU_FDOPENCOUNT),
	FIELD("proc.fdlimit", INT64, 0, proc_usage_extract,
	      "maximum number of FDs the process can open.", .id = PU_FDLIMIT),
	FIELD("proc.fdusage", DOUBLE, 0, proc_usage_extract,
	      "the ratio between open FDs and maximum available FDs for the process.", .id = PU_FDUSAGE),
	FIELD("proc.vmsize", UINT64, 0, proc_usage_extract,
	      "total virtual memory for the process (as kb).", .id = PU_VMSIZE),
	FIELD("proc.vmrss", UINT64, 0, proc_usage_extract,
	      "resident non-swapped memory for the process (as kb).", .id = PU_VMRSS),
	FIELD("proc.vmswap", UINT64, 0, proc_usage_extract,
	      "swapped memory for the process (as kb).", .id = PU_VMSWAP),
	FIELD("thread.pfmajor", UINT64, 0, proc_usage_extract,
	      "number of major page faults since thread start.", .id = PU_PFMAJOR),
	FIELD("thread.pfminor", UINT64, 0, proc_usage_extract,
	      "number of minor page faults since thread start.", .id = PU_PFMINOR),
	FIELD("thread.tid", INT64, 0, thread_tid,
	      "the id of the thread generating the event."),
	FIELD("thread.ismain", BOOL, 0, thread_ismain,
	      "'true' if the thread generating the event is the main one in the process."),
	FIELD("thread.exectime", RELTIME, 0, NULL,
	      "CPU time spent by the last scheduled thread, in nanoseconds. Exported by switch "
	      "events only."),
	FIELD("thread.totexectime", RELTIME, 0, NULL,
	      "Total CPU time, in nanoseconds since the beginning of the capture, for the current "
	      "thread. Exported by switch events only."),
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
	FIELD("thread.cpu", DOUBLE, 0, proc_usage_extract,
	      "the CPU consumed by the thread in the last second.", .id = PU_CPU),
	FIELD("thread.cpu.user", DOUBLE, 0, proc_usage_extract,
	      "the user CPU consumed by the thread in the last second.", .id = PU_CPU_USER),
	FIELD("thread.cpu.system", DOUBLE, 0, proc_usage_extract,
	      "the system CPU consumed by the thread in the last second.", .id = PU_CPU_SYSTEM),
	FIELD("thread.vmsize", UINT64, 0, proc_usage_extract,
	      "For the process main thread, this is the total virtual memory for the process (as "
	      "kb). For the other threads, this field is zero.", .id = PU_THREAD_VMSIZE),
	FIELD("thread.vmrss", UINT64, 0, proc_usage_extract,
	      "For the process main thread, this is the resident non-swapped memory for the "
	      "process (as kb). For the other threads, this field is zero.", .id = PU_THREAD_VMRSS),
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
	FIELD("proc.sname", CHARBUF, 0, NULL,
	      "the name of the current process's session leader. This is either the process with"
	      " pid=proc.sid or the eldest ancestor that has the same sid as the current process."),
	FIELD("proc.tty", INT32, 0, proc_tty,
	      "The controlling terminal of the process. 0 for processes without a terminal."),
	FIELD("proc.exepath", CHARBUF, 0, proc_exepath,
	      "The full executable path of the process."),
	FIELD("proc.vpgid", INT64, 0, NULL,
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
};

const struct field_class field_class_process = {
	.name = "process",
	.desc = "Additional information about the process and thread executing the syscall "
		"event.",
	.fields = process_fields,
	.nfields = ARRAY_SIZE(process_fields),
};
