/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Report mode: the command runs under the profile compiled with SCMP_ACT_TRACE for every
 * action that is not an allow, so the kernel stops it (PTRACE_EVENT_SECCOMP) only at the
 * calls the profile would refuse. Each stop is printed with strace's argument decoders,
 * then the call goes on, or is refused as the profile says (--deny-after-report).
 */
#include "seccomp/seccomp.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "output/out.h"
#include "output/pr.h"
#include "schema/names.h"
#include "source/ptrace/tracer.h"
#include "trace/decode.h"
#include "trace/opts.h"
#include "util/util.h"

struct rproc {
	pid_t pid;
	bool in_syscall;
	bool decoded;		/* the decoder finished at entry */
	int fmt;
	uint32_t pr_items;
	int pr_depth;
	enum scp_action action;
	int ret;
	decoder_fn *decode;
	struct sc sc;
	struct out line;
};

struct report {
	const struct scp_run *run;
	struct trace_opts opt;
	struct pr pr;
	struct rproc *procs;
	int nprocs;
	unsigned counts[SYSCALL_NR_LIMIT];
	unsigned other;		/* calls with numbers the table does not know */
	bool execve_denied;
};

static struct rproc *proc_of(struct report *R, pid_t pid)
{
	for (int i = 0; i < R->nprocs; i++)
		if (R->procs[i].pid == pid)
			return &R->procs[i];
	R->procs = xrealloc(R->procs, (size_t)(R->nprocs + 1) * sizeof(*R->procs));
	struct rproc *p = &R->procs[R->nprocs++];
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	return p;
}

static void proc_drop(struct report *R, struct rproc *p)
{
	out_free(&p->line);
	*p = R->procs[--R->nprocs];
}

/*
 * At a PTRACE_EVENT_SECCOMP stop the syscall has not run yet. The tracer skips it
 * (syscall number -1; seccomp does not re-run the filters then) and has it return RETVAL.
 */
static void skip_syscall(struct tracer_action *act, long retval)
{
	if (!act)
		return;
	act->set_nr = true;
	act->nr = -1;
	act->set_rval = true;
	act->rval = retval;
}

static void deny(const struct rproc *p, struct tracer_action *act)
{
	switch (p->action) {
	case SCP_ACT_ERRNO:
		skip_syscall(act, -(long)(p->ret < 0 ? EPERM : p->ret));
		break;
	case SCP_ACT_TRAP:
		skip_syscall(act, -ENOSYS);
		kill(p->pid, SIGSYS);
		break;
	case SCP_ACT_KILL:
	case SCP_ACT_KILL_THREAD:
	case SCP_ACT_KILL_PROCESS:
		/* The kernel kills with SIGSYS, uncatchable; SIGKILL is the nearest we have. */
		skip_syscall(act, -ENOSYS);
		kill(p->pid, SIGKILL);
		break;
	default:
		break;
	}
}

static void describe_action(struct out *o, enum scp_action a, int ret)
{
	out_puts(o, scp_action_name(a));
	if (a == SCP_ACT_ERRNO) {
		int e = ret < 0 ? EPERM : ret;
		const char *n = errno_name(e);
		if (n)
			out_printf(o, " %s", n);
		else
			out_printf(o, " %d", e);
	}
}

static void on_entry(struct report *R, const struct tracer_event *ev)
{
	struct rproc *p = proc_of(R, ev->pid);
	p->in_syscall = true;
	p->action = scp_eval(R->run->profile, R->run->env, ev->nr, ev->args, &p->ret);
	if (ev->nr >= 0 && ev->nr < SYSCALL_NR_LIMIT)
		R->counts[ev->nr]++;
	else
		R->other++;
	if (ev->nr == 59 || ev->nr == 322)
		R->execve_denied = true;

	struct sc *sc = &p->sc;
	memset(sc, 0, sizeof(*sc));
	sc->opt = &R->opt;
	sc->pid = ev->pid;
	sc->nr = ev->nr;
	sc->info = syscall_by_nr(ev->nr);
	memcpy(sc->arg, ev->args, sizeof(sc->arg));
	sc->mem = ev->mem;
	sc->p = &R->pr;
	p->line.len = 0;
	out_printf(&p->line, "report: [pid %d] ", ev->pid);
	if (sc->info)
		out_puts(&p->line, sc->info->name);
	else
		out_printf(&p->line, "syscall_%#lx", (unsigned long)ev->nr);
	out_putc(&p->line, '(');
	pr_reset(&R->pr, &p->line);
	p->decode = decoder_for(ev->nr);
	int r = p->decode(sc);
	p->decoded = r != DEC_AT_EXIT;
	p->fmt = p->decoded ? r : 0;
	p->pr_items = R->pr.has_items;
	p->pr_depth = R->pr.depth;
	if (R->run->deny_after_report)
		deny(p, ev->action);
}

static void print_result(struct out *o, const struct sc *sc, int fmt)
{
	if (sc->err) {
		const char *name = errno_name(sc->err);
		if (name)
			out_printf(o, "-1 %s (%s)", name, errno_message(sc->err));
		else
			out_printf(o, "-1 (errno %d)", sc->err);
		return;
	}
	switch (fmt & RV_FMT_MASK) {
	case RV_NONE:
		out_putc(o, '?');
		break;
	case RV_HEX:
		out_printf(o, "%#" PRIx64, (uint64_t)sc->rval);
		break;
	case RV_OCT:
		out_printf(o, "%#03" PRIo64, (uint64_t)sc->rval);
		break;
	case RV_UDEC:
		out_printf(o, "%" PRIu64, (uint64_t)sc->rval);
		break;
	default:
		out_printf(o, "%" PRId64, sc->rval);
		break;
	}
}

static void finish(struct report *R, struct rproc *p, const struct tracer_event *ev)
{
	struct sc *sc = &p->sc;
	if (ev) {
		sc->rval = ev->rval;
		sc->err = ev->is_error ? (int)-ev->rval : 0;
		sc->exiting = true;
		sc->mem = ev->mem;
		pr_reset(&R->pr, &p->line);
		R->pr.has_items = p->pr_items;
		R->pr.depth = p->pr_depth;
		sc->p = &R->pr;
		int fmt = p->decoded ? p->fmt : p->decode(sc);
		out_puts(&p->line, ") = ");
		print_result(&p->line, sc, fmt);
	} else {
		out_puts(&p->line, ") = ?");
	}
	bool denied = R->run->deny_after_report && scp_action_denies(p->action);
	out_puts(&p->line, denied ? "  <denied: " : "  <would be denied: ");
	describe_action(&p->line, p->action, p->ret);
	out_puts(&p->line, ">\n");
	fwrite(p->line.buf, 1, p->line.len, R->run->report);
	fflush(R->run->report);
	p->line.len = 0;
	p->in_syscall = false;
}

static void sink(void *ctx, const struct tracer_event *ev)
{
	struct report *R = ctx;
	struct rproc *p;
	switch (ev->kind) {
	case TEV_SYSCALL_ENTRY:
		on_entry(R, ev);
		break;
	case TEV_SYSCALL_EXIT:
		p = proc_of(R, ev->pid);
		if (p->in_syscall)
			finish(R, p, ev);
		break;
	case TEV_EXITED:
	case TEV_KILLED:
	case TEV_DETACHED:
		p = proc_of(R, ev->pid);
		if (p->in_syscall)
			finish(R, p, NULL);
		proc_drop(R, p);
		break;
	case TEV_EXEC_SUPERSEDED:
		p = proc_of(R, ev->old_pid);
		proc_drop(R, p);
		break;
	default:
		break;
	}
}

static void summary(struct report *R)
{
	FILE *f = R->run->report;
	unsigned total = R->other;
	int kinds = R->other ? 1 : 0;
	for (int nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (R->counts[nr]) {
			total += R->counts[nr];
			kinds++;
		}
	if (!total) {
		fprintf(f, "report: the profile would deny none of the calls the command made\n");
		return;
	}
	fprintf(f, "report: the profile would deny %u call%s of %d syscall%s:", total,
		total == 1 ? "" : "s", kinds, kinds == 1 ? "" : "s");
	for (int nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (R->counts[nr]) {
			const struct syscall_info *si = syscall_by_nr(nr);
			fprintf(f, " %s", si ? si->name : "?");
			if (R->counts[nr] > 1)
				fprintf(f, " (%u)", R->counts[nr]);
		}
	if (R->other)
		fprintf(f, " and %u call%s of unknown syscalls", R->other, R->other == 1 ? "" : "s");
	fputc('\n', f);
	if (R->execve_denied)
		fprintf(f, "report: the profile denies execve: under --mode enforce the command "
			"could not be started%s\n",
			R->run->deny_after_report ? "" : " (here it was let through)");
}

int scp_report(const struct scp_run *run)
{
	struct report R = { .run = run };
	R.opt.string_limit = 32;
	R.opt.align_column = 40;
	struct tracer_config cfg = {
		.argv = run->helper_argv,
		.follow_forks = true,
		/* No stop set: the tracer's own filter stops nothing; ours returns TRACE. */
		.use_seccomp = true,
		.quiet = 1,
	};
	int fatal = 0;
	int rc = tracer_run(&cfg, sink, &R, &fatal);
	for (int i = 0; i < R.nprocs; i++)
		out_free(&R.procs[i].line);
	free(R.procs);
	if (rc < 0)
		return 1;
	summary(&R);
	return rc;
}
