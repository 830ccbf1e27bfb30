/* `sysray trace`: strace-compatible tracing of a command or of running processes. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "source/ptrace/tracer.h"
#include "trace/opts.h"
#include "trace/printer.h"
#include "trace/scap_sink.h"
#include "util/util.h"

/* Is every syscall traced? Then a seccomp filter would stop at all of them: no gain. */
static bool traces_everything(const struct trace_opts *o)
{
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (syscall_by_nr(nr) && !sc_set_has(&o->trace, nr))
			return false;
	return true;
}

/*
 * The filter is inherited by every child. Children that are not traced would get ENOSYS
 * from SECCOMP_RET_TRACE with no tracer attached, so it is safe only with -f, and it is
 * installed before execve, so only in a command we start.
 */
static bool want_seccomp(const struct trace_opts *o)
{
	if (o->seccomp_bpf == 0)
		return false;
	if (o->seccomp_bpf == 1 && !o->follow_forks) {
		fprintf(stderr, "%s: --seccomp-bpf cannot be used without -f/--follow-forks,"
				" disabling\n", progname);
		return false;
	}
	if (!o->follow_forks || !o->argv || o->npids > 0)
		return false;
	/* -P needs to see every path; with everything traced the filter only costs. */
	if (o->paths || traces_everything(o))
		return false;
	return true;
}

int cmd_trace(int argc, char **argv)
{
	struct trace_opts o;
	struct scap_sink_opts cap;
	bool exit_now;
	if (scap_sink_take_args(&argc, argv, &cap))
		return 1;
	if (trace_opts_parse(&o, argc, argv, &exit_now))
		return 1;
	if (exit_now)
		return 0;

	struct tracer_config cfg = {
		.argv = o.argv,
		.pids = o.pids,
		.npids = o.npids,
		.follow_forks = o.follow_forks > 0,
		.stop_set = o.trace.bits,
		.stop_set_limit = SYSCALL_NR_LIMIT,
		.use_seccomp = want_seccomp(&o),
		.username = o.username,
		.env_changes = o.env_changes,
		.nenv_changes = o.nenv_changes,
		/* As strace: a trace written to a file for a started command is quiet by default. */
		.quiet = o.quiet || (o.outfile && o.argv && !o.quiet_set),
	};
	int fatal_sig = 0;
	int status;
	if (cap.path) {
		/* -w FILE: the events go to a capture, as sysdig -w: nothing is printed. */
		struct scap_sink *sink = scap_sink_open(&cap);
		if (!sink)
			return 1;
		status = tracer_run(&cfg, scap_sink_event, sink, &fatal_sig);
		if (scap_sink_close(sink) && status == 0)
			status = 1;
	} else {
		struct printer *pr = printer_new(&o);
		if (!pr)
			return 1;
		status = tracer_run(&cfg, printer_event, pr, &fatal_sig);
		printer_finish(pr);
	}
	trace_opts_free(&o);
	if (status < 0)
		return 1;
	if (fatal_sig) {
		/* Die the way the command died, as strace does (without a core of our own). */
		signal(fatal_sig, SIG_DFL);
		sigset_t set;
		sigemptyset(&set);
		sigaddset(&set, fatal_sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		raise(fatal_sig);
	}
	return status;
}
