/* SPDX-License-Identifier: Apache-2.0 */
/* `sysray trace`: strace-compatible tracing of a command or of running processes. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "source/ptrace/tracer.h"
#include "trace/backend.h"
#include "trace/ebpf_trace.h"
#include "trace/opts.h"
#include "trace/printer.h"
#include "trace/scap_sink.h"
#include "util/util.h"

/*
 * The filter is inherited by every child. Children that are not traced would get ENOSYS
 * from SECCOMP_RET_TRACE with no tracer attached, so it is safe only with -f, and it is
 * installed before execve, so only in a command we start.
 */
static bool want_seccomp(const struct trace_opts *o)
{
	if (o->seccomp_bpf == 0)
		return false;
	/* A filter survives the execve that -b execve lets go: the process would get ENOSYS. */
	if (o->seccomp_bpf == 1 && o->detach_on_execve) {
		fprintf(stderr, "%s: --seccomp-bpf is not enabled because it is not compatible"
				" with -b\n", progname);
		return false;
	}
	if (o->detach_on_execve)
		return false;
	if (o->seccomp_bpf == 1 && !o->follow_forks) {
		fprintf(stderr, "%s: --seccomp-bpf cannot be used without -f/--follow-forks,"
				" disabling\n", progname);
		return false;
	}
	if (!o->follow_forks || !o->argv || o->npids > 0)
		return false;
	/* -P needs to see every path; with everything traced the filter only costs. */
	if (o->paths || trace_opts_traces_all(o))
		return false;
	return true;
}

/* The strace options that take a value: with -w FILE, which strace takes only with -c. */
static bool arg_takes_value(char c)
{
	return strchr("abeEIoOpPsSuUXw", c) != NULL;
}

static bool long_takes_value(const char *name)
{
	static const char *const names[] = {
		"columns", "summary-sort-by", "summary-columns", "env", "output", "attach",
		"trace-path", "string-limit", "user", "const-print-style", "write", "backend",
	};
	size_t n = strcspn(name, "=");

	if (name[n] == '=')
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/* The end of the options: index of the command (getopt's "+" mode), or ARGC. */
static int options_end(int argc, char **argv, bool *summary)
{
	int i;

	*summary = false;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--"))
			return i;
		if (a[0] != '-' || !a[1])
			return i;
		if (a[1] == '-') {
			if (!strncmp(a, "--summary", 9))
				*summary = true;
			if (long_takes_value(a + 2))
				i++;
			continue;
		}
		for (const char *p = a + 1; *p; p++) {
			if (*p == 'c' || *p == 'C')
				*summary = true;
			if (arg_takes_value(*p)) {
				if (!p[1])
					i++;
				break;
			}
		}
	}
	return i;
}

static void drop_arg(int *argc, char **argv, int i)
{
	memmove(argv + i, argv + i + 1, (*argc - i) * sizeof(*argv));
	(*argc)--;
}

/*
 * Takes `-w FILE` (also `-wFILE`, `--write=FILE`), `-z` and `--snaplen=N` out of the options
 * of ARGV (before the command) when no -c/-C/--summary option is given: strace's own -w
 * needs -c, and strace's -z (successful only) has no meaning for a capture, which keeps
 * every event. O->path stays NULL without -w. Returns 0, or -1 after a message.
 */
static int take_capture_args(int *argc, char **argv, struct scap_sink_opts *o)
{
	bool summary;
	int end = options_end(*argc, argv, &summary);

	memset(o, 0, sizeof(*o));
	o->snaplen = 80;
	if (summary)
		return 0;
	for (int i = 1; i < end; i++) {
		char *a = argv[i];

		if (!strcmp(a, "-w") || !strcmp(a, "--write")) {
			if (i + 1 >= end) {
				msg("trace: %s needs a FILE", a);
				return -1;
			}
			o->path = argv[i + 1];
			drop_arg(argc, argv, i);
			end--;
		} else if (!strncmp(a, "-w", 2) && a[2]) {
			o->path = a + 2;
		} else if (!strncmp(a, "--write=", 8)) {
			o->path = a + 8;
		} else if (!strncmp(a, "--snaplen=", 10)) {
			char *e;
			unsigned long v = strtoul(a + 10, &e, 10);

			if (*e || !a[10] || v > SCAP_SINK_MAX_SNAPLEN) {
				msg("trace: --snaplen: '%s' is not a number up to %d", a + 10,
				    SCAP_SINK_MAX_SNAPLEN);
				return -1;
			}
			o->snaplen = v;
		} else {
			continue;
		}
		drop_arg(argc, argv, i);
		end--;
		i--;
	}
	/* -z means gzip only with a capture; otherwise it stays strace's -z. */
	for (int i = 1; o->path && i < end; i++)
		if (!strcmp(argv[i], "-z")) {
			o->gzip = true;
			drop_arg(argc, argv, i);
			end--;
			i--;
		}
	return 0;
}

int cmd_trace(int argc, char **argv)
{
	struct trace_opts o;
	struct scap_sink_opts cap;
	bool exit_now;
	if (take_capture_args(&argc, argv, &cap))
		return 1;
	if (trace_opts_parse(&o, argc, argv, &exit_now))
		return 1;
	if (exit_now)
		return 0;

	int quiet = (o.silence & QUIET_ATTACH) != 0;
	bool failed;
	struct trace_count *tc = backend_choose(&o, cap.path != NULL, &failed);
	if (failed) {
		trace_opts_free(&o);
		return 1;
	}

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
		.quiet = quiet,
		.detach_on_execve = o.detach_on_execve,
		.daemonize = o.daemonize,
		.block_signals = trace_opts_blocks_signals(&o),
	};
	int fatal_sig = 0;
	int status;
	if (tc && o.count != 1) {
		/* Lines from the kernel's events, through the same printer as under ptrace. */
		struct printer *pr = printer_new(&o);
		if (!pr) {
			trace_count_close(tc);
			return 1;
		}
		/* -y and -P ask what each fd names: the fd tables keep its path. */
		struct ebpf_lines *lines = ebpf_lines_new(printer_event, pr, quiet,
							   o.decode_fd_kinds != 0 || o.npaths > 0);
		status = ebpf_trace_run(&o, tc, quiet, lines, &fatal_sig);
		ebpf_lines_free(lines);
		printer_finish(pr);
	} else if (tc) {
		status = ebpf_trace_run(&o, tc, quiet, NULL, &fatal_sig);
	} else if (cap.path) {
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
