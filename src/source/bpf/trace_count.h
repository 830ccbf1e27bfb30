/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The kernel side of `sysray trace` on eBPF (trace_count.bpf.c): a set of traced threads, and
 * per syscall the calls, errors and time of those threads, counted in the kernel with no event
 * per syscall (-c); in line mode also an event per syscall entry and exit. Lifecycle: trace_count_open() (check features, configure, load,
 * attach), trace_count_add() for the threads to trace, trace_count_wait() until
 * trace_count_live() is 0 or the caller stops, trace_count_stop(), trace_count_rows(),
 * trace_count_close(). It never prints.
 */
#ifndef SYSRAY_SOURCE_BPF_TRACE_COUNT_H
#define SYSRAY_SOURCE_BPF_TRACE_COUNT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "source/bpf/trace_count_abi.h"

struct trace_count_config {
	bool follow_forks;		/* children and new threads join the set */
	const uint64_t *syscall_mask;	/* TC_SC_WORDS words of syscalls counted, NULL: all */
	/* The rows' time: each call's CPU time (strace -c's meaning), or its wall time (-w); in
	 * line mode, CPU time also puts the thread's CPU time in syscalls in the events (-C). */
	bool cpu_time;
	uint64_t overhead_ns;		/* -O: taken off each call's time in the rows */
	/*
	 * Line mode: an event per traced syscall entry and exit (with the memory of each
	 * syscall's plan, TC_MAX_SYSCALLS plans), signal, fork and thread gone, through a ring
	 * of EVENT_RING_BYTES (a power of 2). NULL: counting only.
	 */
	const struct tl_plan *plans;
	/* The plans' rules: NRULES sets, each by its syscall and command value. */
	const struct tl_rule_key *rule_keys;
	const struct tl_rules *rules;
	uint32_t nrules;
	size_t event_ring_bytes;
	bool pidns;			/* line mode: each thread's ids in its own pid namespace */
	/*
	 * Line mode: the syscalls whose result is a new fd (TC_SC_WORDS words); at their exits
	 * (and pipe's and socketpair's) the events say what the new fds are (struct tl_file),
	 * when the kernel's BTF has every member read on the way. NULL: they do not.
	 */
	const uint64_t *fd_made_mask;
};

struct trace_count;

/* NULL with ERR naming the missing kernel feature or the step that failed (-f and line mode
 * also read task_struct's layout from the kernel's BTF). */
struct trace_count *trace_count_open(const struct trace_count_config *cfg, char *err,
				     size_t errlen);

/* Puts thread TID in the set; with AWAIT_EXEC it is counted from its next execve on. Returns 0,
 * or a negative errno (-E2BIG: the set is full). */
int trace_count_add(struct trace_count *tc, pid_t tid, bool await_exec);

/* Is TID in the set (it has not exited)? */
bool trace_count_has(struct trace_count *tc, pid_t tid);

/* Threads in the set now. */
long trace_count_live(const struct trace_count *tc);

typedef void trace_note_fn(void *ctx, const struct tc_note *note);
/* A line-mode event: its head, then its chunks; SIZE bytes in all. */
typedef void trace_event_fn(void *ctx, const struct tl_head *ev, size_t size);

/* Waits up to TIMEOUT_MS (-1: no limit) for notes and events, with the signal mask SIGMASK
 * while it waits, and hands each note to NOTE_FN and each event to EVENT_FN. After a wait that
 * found some, while threads are traced, it first sleeps 2 ms to let a stream gather (not with a
 * TIMEOUT_MS of 0).
 * Returns the number handed over, or a negative errno (-EINTR when a signal came). */
int trace_count_wait(struct trace_count *tc, int timeout_ms, const sigset_t *sigmask,
		     trace_note_fn *note_fn, trace_event_fn *event_fn, void *ctx);

/* Detaches the programs: nothing more is counted; the rows and the set stay readable. */
void trace_count_stop(struct trace_count *tc);

/* Hands FN each syscall's row, summed over the CPUs, for the syscalls called at least once.
 * Returns 0 or a negative errno. */
int trace_count_rows(struct trace_count *tc,
		     void (*fn)(void *ctx, long nr, const struct tc_row *row), void *ctx);

/* Threads that could not join the set, and notes and events that could not be sent. */
uint64_t trace_count_lost(const struct trace_count *tc);

void trace_count_close(struct trace_count *tc);

#endif
