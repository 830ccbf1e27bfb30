/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Each ring record of the eBPF source is a 24-byte prefix and a scap v2 event; it becomes
 * the same in-memory event the .scap reader yields (the parameters of its code's table row,
 * as `capture -w` writes them).
 */
#include "pipeline/live_source.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture/proc_snapshot.h"
#include "pipeline/cgroup_pushdown.h"
#include "procfs/task_cpu.h"
#include "schema/syscalls.h"
#include "source/bpf/bpf_record.h"
#include "source/bpf/bpf_source.h"
#include "util/util.h"

/* Records handed over per poll: bounds the time before limits and signals are checked. */
#define POLL_BATCH 8192

/*
 * Syscalls whose events keep the state current and which the eBPF source emits as dedicated
 * events: they go into the kernel's syscall set whatever the filter, or a process started
 * after the /proc snapshot would keep its parent's name and miss its fds.
 */
static const char *const state_syscalls[] = {
	"clone", "clone3", "fork", "vfork", "execve", "execveat", "open", "openat", "creat",
	"close", "socket", "connect", "accept", "accept4",
	"openat2", "dup", "dup2", "dup3", "pipe", "pipe2", "chdir", "fchdir",
	"setuid", "setgid", "setresuid", "setresgid", "bind", "socketpair",
};

struct live_source {
	struct pipeline_source base;	/* first: the source is cast to it */
	struct live_source_config cfg;
	struct bpf_source_config bcfg;
	struct bpf_source *src;
	struct cgroup_pushdown cg;
	struct pipeline *p;
	uint64_t records, malformed, drops;
	uint64_t last_ts;		/* of the last record handed over */
	bool started;			/* the programs were attached and the state loaded */
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static uint64_t elapsed_ns(const struct timespec *a)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (uint64_t)(now.tv_sec - a->tv_sec) * 1000000000ull + (uint64_t)now.tv_nsec -
	       (uint64_t)a->tv_nsec;
}

static int on_record(void *vsrc, const void *data, size_t size)
{
	struct live_source *L = vsrc;
	struct sr_record r;
	struct scap_param params[SR_MAX_PARAMS + 16];
	const struct scap_event_info *info;

	if (sr_record_parse(data, size, &r) || !(info = scap_event_info(r.type)) ||
	    info->nparams < 0 || info->nparams > (int)ARRAY_SIZE(params)) {
		L->malformed++;
		return 0;
	}
	L->records++;
	/* sysdig 0.29 skips the codes it does not know (as the file source's reader) */
	if (r.type >= SCAP_EVENT_MAX_029)
		return 0;

	/* The table row's parameters: what we lack is "not available", extra trailing ones
	 * (the generic events' raw arguments) are not scap's. */
	uint32_t n = (uint32_t)info->nparams;
	for (uint32_t i = 0; i < n; i++) {
		params[i].val = i < r.nparams ? r.params[i].val : NULL;
		params[i].len = i < r.nparams ? r.params[i].len : 0;
	}
	struct scap_event ev = {
		.ts = r.ts, .tid = (int64_t)r.tid, .type = r.type, .nparams = n,
		.cpu = r.prefix->cpu, .params = params,
	};
	ev.len = (uint32_t)scap_event_record_len(ev.type, n, params);
	L->last_ts = r.ts;
	/* A thread born while /proc was read, before the programs were attached, is in
	 * neither reading if it ended before the second; the kernel named it and its process
	 * in the record (sysdig looks /proc up instead, too late for such a thread). */
	if (ev.tid > 0 && !state_event_makes_thread(ev.type)) {
		char comm[sizeof(r.prefix->comm) + 1];

		memcpy(comm, r.prefix->comm, sizeof(r.prefix->comm));
		comm[sizeof(r.prefix->comm)] = 0;
		state_thread_met(L->p->st, ev.tid, r.prefix->tgid, comm);
	}
	return pipeline_event(L->p, &ev);
}

/* One thread's procinfo event (cpu_usr, cpu_sys in clock ticks), at the time of the last
 * record: it follows the events the pipeline saw, whatever the ring's backlog. */
static void procinfo_event(void *vsrc, pid_t tid, uint64_t utime, uint64_t stime)
{
	struct live_source *L = vsrc;
	struct scap_param params[2] = {
		{ .val = (const uint8_t *)&utime, .len = sizeof(utime) },
		{ .val = (const uint8_t *)&stime, .len = sizeof(stime) },
	};
	struct scap_event ev = { .ts = L->last_ts, .tid = tid, .type = PPME_PROCINFO_E,
				 .nparams = 2, .params = params };

	if (pipeline_stopped(L->p))
		return;
	ev.len = (uint32_t)scap_event_record_len(ev.type, 2, params);
	pipeline_event(L->p, &ev);
}

/* Adds the syscalls that keep the state to MASK (SR_SC_WORDS words). */
static void add_state_syscalls(uint64_t *mask)
{
	for (size_t i = 0; i < ARRAY_SIZE(state_syscalls); i++) {
		long nr = syscall_nr_by_name(state_syscalls[i]);

		if (nr >= 0 && nr < SR_MAX_SYSCALLS)
			mask[nr / 64] |= 1ull << (nr % 64);
	}
}

/*
 * The kernel's syscall set: the syscalls the filter can match plus those that keep the
 * state; NULL (everything) when the filter does not restrict evt.type.
 */
static bool kernel_syscall_mask(const struct filter_pushdown *pd, uint64_t *mask)
{
	bool all = true;

	for (long nr = 0; nr < SYSCALL_NR_LIMIT && nr < SR_MAX_SYSCALLS; nr++) {
		if (filter_evset_has_syscall(&pd->events, nr))
			mask[nr / 64] |= 1ull << (nr % 64);
		else if (syscall_by_nr(nr))
			all = false;
	}
	if (all)
		return false;
	add_state_syscalls(mask);
	return true;
}

/* Polls until a limit, a signal or the pipeline stops the capture, then drains the ring. */
static int capture(struct live_source *L, struct pipeline *p)
{
	struct timespec t0;
	int status = 0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct timespec cg_scanned = t0, drops_read = t0, procinfo_made = t0;

	while (!interrupted && !pipeline_stopped(p)) {
		long n = bpf_source_poll(L->src, 100, POLL_BATCH, on_record, L);

		if (n < 0) {
			msg("reading the ring buffer: %s", strerror((int)-n));
			status = 1;
			break;
		}
		if (L->cfg.seconds && elapsed_ns(&t0) >= L->cfg.seconds * 1000000000ull)
			break;
		/* New cgroups (a container started) get their verdict within a second. */
		if (L->bcfg.cgroup_filter && elapsed_ns(&cg_scanned) >= 1000000000ull) {
			cgroup_pushdown_scan(&L->cg, L->src);
			clock_gettime(CLOCK_MONOTONIC, &cg_scanned);
		}
		if (L->cfg.drops && elapsed_ns(&drops_read) >= 1000000000ull) {
			atomic_store(L->cfg.drops, bpf_source_drops(L->src));
			clock_gettime(CLOCK_MONOTONIC, &drops_read);
		}
		if (L->cfg.procinfo && L->last_ts && elapsed_ns(&procinfo_made) >= 1000000000ull) {
			clock_gettime(CLOCK_MONOTONIC, &procinfo_made);
			task_cpu_scan(procinfo_event, L);
		}
		pipeline_tick(p);
	}
	/* No new records after the detach: the drain ends. */
	bpf_source_detach(L->src);
	while (!pipeline_stopped(p) && bpf_source_poll(L->src, 0, POLL_BATCH, on_record, L) > 0)
		;
	return status;
}

static int live_run(struct pipeline_source *s, struct pipeline *p)
{
	struct live_source *L = (struct live_source *)s;
	struct filter_pushdown pd;
	uint64_t mask[SR_SC_WORDS] = { 0 }, state_mask[SR_SC_WORDS] = { 0 };
	pid_t pids[FILTER_PUSHDOWN_MAX];
	char err[600];
	int status = 1;

	L->p = p;
	L->bcfg = (struct bpf_source_config){ .procexit = true, .snaplen = L->cfg.snaplen,
					      .ring_mb = L->cfg.ring_mb };
	filter_pushdown(L->cfg.pushdown, &pd);
	scope_pushdown(L->cfg.scope, &pd);
	if (kernel_syscall_mask(&pd, mask))
		L->bcfg.syscall_mask = mask;
	if (!pd.any_pid && pd.npids) {
		for (size_t i = 0; i < pd.npids; i++)
			pids[i] = (pid_t)pd.pids[i];
		L->bcfg.pids = pids;
		L->bcfg.npids = pd.npids;
	}
	/* proc.name = X: other processes' events are dropped in the kernel, except those
	 * that keep the state (a shell opens and forks, then its child execs into X). */
	if (!pd.any_comm && pd.ncomms) {
		L->bcfg.comms = (const char *const *)pd.comms;
		L->bcfg.ncomms = pd.ncomms;
		add_state_syscalls(state_mask);
		L->bcfg.state_mask = state_mask;
	}
	/* container.id tests: whole cgroups are dropped in the kernel, except the syscalls that
	 * keep the state (a process may enter a container's cgroup, then exec). */
	if (cgroup_pushdown_init(&L->cg, L->cfg.pushdown)) {
		L->bcfg.cgroup_filter = true;
		add_state_syscalls(state_mask);
		L->bcfg.state_mask = state_mask;
	}

	/* Caught before the (slow) load: a SIGINT during it ends the capture once it started,
	 * instead of being lost (a background job starts with SIGINT ignored). */
	struct sigaction sa = { .sa_handler = on_signal };
	struct sigaction old_int, old_term;

	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	/* /proc is read right before the programs are attached and again after: a process
	 * started in between is in the second reading or in the events, and one that ended in
	 * between is in the first (with its exit in the events). */
	struct scap_meta early, meta;

	scap_meta_init(&early);
	L->bcfg.before_attach = proc_snapshot_before_attach;
	L->bcfg.before_attach_arg = &early;
	L->src = bpf_source_open(&L->bcfg, err, sizeof(err));
	filter_pushdown_free(&pd);
	L->bcfg.comms = NULL;	/* they were pd's */
	if (!L->src) {
		scap_meta_free(&early);
		msg("eBPF capture unavailable: %s", err);
		msg("for one command or process, 'sysray trace -f' (ptrace) works without eBPF");
		goto out;
	}
	scap_meta_init(&meta);
	proc_snapshot(&meta);
	proc_snapshot_keep_exited(&meta, &early);
	scap_meta_free(&early);
	bool failed = pipeline_meta(p, &meta);

	scap_meta_free(&meta);
	if (failed)
		goto out;
	if (L->bcfg.cgroup_filter)
		cgroup_pushdown_scan(&L->cg, L->src);
	L->started = true;
	status = capture(L, p);
	L->drops = bpf_source_drops(L->src);
	if (L->cfg.drops)
		atomic_store(L->cfg.drops, L->drops);
out:
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	return status;
}

static void live_report(struct pipeline_source *s, const struct pipeline *p, int status)
{
	struct live_source *L = (struct live_source *)s;

	if (!L->started)
		return;
	/* the run's counts go to stderr, as sysdig's do: stdout holds only events (with -j,
	 * one JSON object per event, which a reader may parse to its end) */
	fflush(stdout);
	if (L->cfg.json_totals)
		fprintf(stderr, "{\"events\":%" PRIu64 ",\"matched\":%" PRIu64 ",\"drops\":%"
			PRIu64 "}\n", L->records, p->matched, L->drops);
	else
		fprintf(stderr, "%" PRIu64 " events, %" PRIu64 " matched, %" PRIu64 " dropped\n",
			L->records, p->matched, L->drops);
	if (L->cfg.verbose)
		fprintf(stderr, "Driver Events:%" PRIu64 "\nDriver Drops:%" PRIu64
			"\nSuppressed by Comm:0\n", L->records, L->drops);
	if (L->cfg.verbose && L->bcfg.ncomms)
		fprintf(stderr, "name filter in the kernel: %" PRIu64 " events dropped\n",
			bpf_source_filtered(L->src, SR_FILTERED_COMM));
	if (L->cfg.verbose && L->bcfg.cgroup_filter)
		fprintf(stderr, "container filter in the kernel: %" PRIu64 " events dropped, "
			"%zu of %zu cgroups%s\n", bpf_source_filtered(L->src, SR_FILTERED_CGROUP),
			L->cg.dropped, L->cg.nids, L->cg.exact ? "" :
			" (cgroup v1 in use: cgroups that name no container are sent)");
	if (L->malformed)
		msg("%" PRIu64 " malformed records skipped", L->malformed);
}

static void live_close(struct pipeline_source *s)
{
	struct live_source *L = (struct live_source *)s;

	cgroup_pushdown_free(&L->cg);
	if (L->src)
		bpf_source_close(L->src);
	free(L);
}

struct pipeline_source *live_source_open(const struct live_source_config *cfg)
{
	struct live_source *L = xcalloc(1, sizeof(*L));

	L->base = (struct pipeline_source){ .name = "live", .run = live_run,
					    .report = live_report, .close = live_close };
	L->cfg = *cfg;
	return &L->base;
}
