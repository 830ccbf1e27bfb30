/* SPDX-License-Identifier: Apache-2.0 */
/* The choice between the eBPF and the ptrace backends of `sysray trace`. */
#include "trace/backend.h"

#include <stdio.h>
#include <string.h>

#include "util/util.h"

/* An option the eBPF backend does not serve, and why. */
struct unserved {
	const char *option;
	const char *reason;
};

/* The first option of O that needs ptrace, or false. */
static bool ebpf_unserved(const struct trace_opts *o, struct unserved *u)
{
	if (o->tamper)
		*u = (struct unserved){ "-e inject=/-e fault=",
					"tampering stops the program at the syscall" };
	else if (o->paths)
		*u = (struct unserved){ "-P", "the paths are read at each syscall (ptrace only, "
					"for now)" };
	else if (o->overhead_set)
		*u = (struct unserved){ "-O", "the overhead is taken off each syscall's time "
					"(ptrace only, for now)" };
	else if (o->count == 2)
		*u = (struct unserved){ "-C", "each syscall's line is printed (ptrace only, "
					"for now)" };
	else if (!o->count)
		*u = (struct unserved){ "tracing without -c", "each syscall's line is printed "
					"(ptrace only, for now)" };
	else
		return false;
	return true;
}

/* -e trace= as the counter's mask, or NULL when every syscall is traced. */
static const uint64_t *syscall_mask(const struct trace_opts *o, uint64_t *mask)
{
	if (trace_opts_traces_all(o))
		return NULL;
	memset(mask, 0, TC_SC_WORDS * sizeof(*mask));
	for (long nr = 0; nr < SYSCALL_NR_LIMIT && nr < TC_MAX_SYSCALLS; nr++)
		if (sc_set_has(&o->trace, nr))
			mask[nr / 64] |= 1ull << (nr % 64);
	return mask;
}

struct trace_count *backend_choose(const struct trace_opts *o, bool *failed)
{
	struct unserved u;
	char why[512];
	struct trace_count *tc = NULL;

	*failed = false;
	if (o->backend == BACKEND_PTRACE) {
		snprintf(why, sizeof(why), "--backend=ptrace");
	} else if (ebpf_unserved(o, &u)) {
		if (o->backend == BACKEND_EBPF) {
			msg("--backend=ebpf: %s needs the ptrace backend: %s", u.option, u.reason);
			*failed = true;
			return NULL;
		}
		snprintf(why, sizeof(why), "%s: %s", u.option, u.reason);
	} else {
		uint64_t mask[TC_SC_WORDS];
		struct trace_count_config cfg = {
			.follow_forks = o->follow_forks > 0,
			.syscall_mask = syscall_mask(o, mask),
		};
		char err[400];

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
			fprintf(stderr, "%s: backend ebpf: %s, counted in the kernel\n", progname,
				o->backend == BACKEND_EBPF ? "--backend=ebpf" : "-c");
		else
			fprintf(stderr, "%s: backend ptrace: %s\n", progname, why);
	}
	return tc;
}
