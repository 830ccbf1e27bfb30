/* SPDX-License-Identifier: Apache-2.0 */
/* The choice between the eBPF and the ptrace backends of `sysray trace`. */
#include "trace/backend.h"

#include <stdio.h>
#include <string.h>

#include "trace/ebpf_plan.h"
#include "trace/fd_table.h"
#include "trace/pid_note.h"
#include "util/util.h"

/* An option the eBPF backend does not serve, and why. */
struct unserved {
	const char *option;
	const char *reason;
};

static bool any_fd(const uint64_t *set)
{
	for (size_t i = 0; i < FD_SET_BITS / 64; i++)
		if (set[i])
			return true;
	return false;
}

/* Does O print a line per syscall (not only -c's table)? */
static bool prints_lines(const struct trace_opts *o)
{
	return o->count != 1;
}

/* The first option of O that needs ptrace, or false. CAPTURE: -w FILE. */
static bool ebpf_unserved(const struct trace_opts *o, bool capture, struct unserved *u)
{
	if (o->tamper)
		*u = (struct unserved){ "-e inject=/-e fault=",
					"tampering stops the program at the syscall" };
	else if (o->detach_on_execve)
		*u = (struct unserved){ "-b execve", "detaching is a ptrace request" };
	else if (o->daemonize)
		*u = (struct unserved){ "-D", "the tracer as a detached grandchild is ptrace's" };
	else if (capture)
		*u = (struct unserved){ "-w FILE", "the capture is written from ptrace's events "
					"(for now)" };
	else
		return false;
	return true;
}

/* An option of O that eBPF serves less exactly than ptrace, so that auto takes ptrace; or
 * false. */
static bool ebpf_inexact(const struct trace_opts *o, struct unserved *u)
{
	/* sock_diag is asked when the line prints: on eBPF, after the fact, when the socket
	 * may be closed or bound since */
	if (prints_lines(o) && (o->decode_fd_kinds & DECODE_FD_SOCKET))
		*u = (struct unserved){ "-yy", "a socket's addresses are read while the program "
					"is stopped at the syscall" };
	else
		return false;
	return true;
}

/* -e trace= as the counter's mask, or NULL when every syscall is traced. Lines also need the
 * events of the syscalls the fd tables follow, which the printer leaves out. Numbers no
 * syscall has are traced whatever the selection, as strace does (and the kernel program
 * above the mask). */
static const uint64_t *syscall_mask(const struct trace_opts *o, uint64_t *mask)
{
	if (trace_opts_traces_all(o))
		return NULL;
	memset(mask, 0, TC_SC_WORDS * sizeof(*mask));
	for (long nr = 0; nr < TC_MAX_SYSCALLS; nr++)
		if (nr >= SYSCALL_NR_LIMIT || sc_set_has(&o->trace, nr) ||
		    (prints_lines(o) && fd_tables_follows(nr)))
			mask[nr / 64] |= 1ull << (nr % 64);
	return mask;
}

/* -y: the syscalls after which the kernel says what the new fds are. */
static const uint64_t *fd_made_mask(uint64_t *mask)
{
	memset(mask, 0, TC_SC_WORDS * sizeof(*mask));
	for (long nr = 0; nr < SYSCALL_NR_LIMIT && nr < TC_MAX_SYSCALLS; nr++)
		if (fd_tables_makes_fd(nr))
			mask[nr / 64] |= 1ull << (nr % 64);
	return mask;
}

struct trace_count *backend_choose(const struct trace_opts *o, bool capture, bool *failed)
{
	struct unserved u;
	char why[512];
	struct trace_count *tc = NULL;

	*failed = false;
	if (o->backend == BACKEND_PTRACE) {
		snprintf(why, sizeof(why), "--backend=ptrace");
	} else if (ebpf_unserved(o, capture, &u)) {
		if (o->backend == BACKEND_EBPF) {
			msg("--backend=ebpf: %s needs the ptrace backend: %s", u.option, u.reason);
			*failed = true;
			return NULL;
		}
		snprintf(why, sizeof(why), "%s: %s", u.option, u.reason);
	} else if (o->backend == BACKEND_AUTO && ebpf_inexact(o, &u)) {
		snprintf(why, sizeof(why), "%s: %s", u.option, u.reason);
	} else {
		uint64_t mask[TC_SC_WORDS], made[TC_SC_WORDS];
		static struct ebpf_plans plans;
		struct trace_count_config cfg = {
			.follow_forks = o->follow_forks > 0,
			.syscall_mask = syscall_mask(o, mask),
			.cpu_time = o->count && !o->wall_time,
			.overhead_ns = o->overhead_ns,
		};
		char err[400];

		if (prints_lines(o)) {
			ebpf_plan_build(&plans, o->string_limit, &o->abbrev);
			ebpf_plan_whole_io(plans.syscall, any_fd(o->write_fds),
					   any_fd(o->read_fds));
			cfg.plans = plans.syscall;
			cfg.rule_keys = plans.rule_key;
			cfg.rules = plans.rules;
			cfg.nrules = plans.nrules;
			cfg.event_ring_bytes = EBPF_EVENT_RING_BYTES;
			cfg.pidns = o->decode_pids & DECODE_PIDS_PIDNS;
			if (o->decode_fd_kinds)
				cfg.fd_made_mask = fd_made_mask(made);
		}

		tc = trace_count_open(&cfg, err, sizeof(err));
		if (!tc && o->backend == BACKEND_EBPF) {
			msg("--backend=ebpf: %s", err);
			*failed = true;
			return NULL;
		}
		if (!tc)
			snprintf(why, sizeof(why), "eBPF unavailable: %s", err);
	}
	if (o->verbose_mode) {
		if (tc)
			fprintf(stderr, "%s: backend ebpf: %s, %s\n", progname,
				o->backend == BACKEND_EBPF ? "--backend=ebpf" : "auto",
				prints_lines(o) ? "lines from the kernel's events" :
						  "counted in the kernel");
		else
			fprintf(stderr, "%s: backend ptrace: %s\n", progname, why);
	}
	return tc;
}
