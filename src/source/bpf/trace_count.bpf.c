/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * `sysray trace` in the kernel. Counting (-c): for the threads of the traced set, sys_enter notes
 * the time and the syscall number, sys_exit adds the call, its time and whether it failed to
 * that syscall's per-CPU row. The time is strace's: the CPU time the call took (its wall time
 * less the time its thread was switched out during it, which sched_switch measures), or with -w
 * its wall time. No event per syscall leaves the kernel; user space reads the rows once, at
 * the end. sched_process_fork adds children to the set (-f), sched_process_exit
 * takes threads out, sched_process_exec follows a thread that took its leader's pid; forks
 * and exits in the set send a note to user space, which prints strace's messages and ends
 * when the set is empty. Line mode (trace_lines.bpf.h) adds an event per traced syscall entry
 * and exit, signal and thread gone.
 *
 * No program is built against the kernel's BTF (CO-RE would have libbpf parse all 5 MB of it,
 * which costs more than counting a short program's syscalls): the ids are the current task's,
 * the syscall number, return value and exec's former pid are raw tracepoint arguments, line
 * mode reads pt_regs and siginfo by their user-ABI layouts, and the one kernel structure read,
 * task_struct's pid (of the forked child, of a signal's target), is read at the offset the
 * loader found in the BTF (source/bpf/kernel_btf.c); --pidns-translation alone adds the few
 * offsets of a task's struct pid and namespace (struct tl_pidns_offsets).
 *
 * Kernel facts this relies on (x86_64):
 * - sched_process_fork runs in the thread that called clone, after the child got its pid and
 *   before it first runs: a child joins the set before its first syscall.
 * - sched_process_exit and sched_process_exec run in the task they are about.
 * - A new task first returns to user space through sys_exit of the clone, with no sys_enter:
 *   its entry has no start time and nothing is counted, so the clone counts once, as strace's.
 * - exit and exit_group never reach sys_exit: strace's table has neither.
 * - A non-leader thread that calls execve takes its leader's pid; the leader goes through
 *   sched_process_exit before, and sched_process_exec reports the thread's former pid.
 * - sched_switch runs in the task being switched out (current is prev), only when prev and
 *   next differ; the task switched in is current on that CPU until the CPU's next
 *   sched_switch. So a thread's every event (a sys_exit, its own switch out) comes after the
 *   switch that put it on its CPU, the last one that CPU made.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "source/bpf/linux_defs.bpf.h"
#include "source/bpf/trace_count_abi.h"
#include "schema/syscall_nr.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

#define MAX_ERRNO	4095

/* Set by the loader before load; the verifier sees them as constants. */
const volatile __u8 filter_syscalls;		/* -e trace= is not all */
const volatile __u64 syscall_mask[TC_SC_WORDS];
/* The offset of task_struct.pid (-f and line mode). */
const volatile __u32 task_pid_off;
/* -c or -C without -w: CPU time is counted (sched_switch is loaded only then), else wall time. */
const volatile __u8 cpu_time;
/* -O: taken off each call's time in the rows (none goes below 0), as strace does. */
const volatile __u64 overhead_ns;

/* Threads in the set: the loader adds those it puts in, the programs those that join and
 * leave. User space ends the trace when it falls to 0. */
long live;
/* Threads that could not join the set (it was full) and notes the ring had no room for. */
__u64 lost;

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, TC_MAX_TASKS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, __u32);
	__type(value, struct tc_task);
} tasks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, TC_MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, struct tc_row);
} rows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} notes SEC(".maps");

/* CPU time: when this CPU last switched tasks, i.e. when its current task was switched in. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} switched_in SEC(".maps");

/* -e trace= selects among the numbers below TC_MAX_SYSCALLS; a number above any syscall's
 * (x32's bit included) is traced whatever the selection, as strace does. */
static __always_inline bool counted(long nr)
{
	if (!filter_syscalls || nr >= TC_MAX_SYSCALLS)
		return true;
	return nr >= 0 && (syscall_mask[(nr >> 6) & (TC_SC_WORDS - 1)] & (1ULL << (nr & 63)));
}

static __always_inline void note(__u32 kind, __u32 tid)
{
	struct tc_note *n = bpf_ringbuf_reserve(&notes, sizeof(*n), 0);

	if (!n) {
		__sync_fetch_and_add(&lost, 1);
		return;
	}
	n->kind = kind;
	n->tid = tid;
	bpf_ringbuf_submit(n, 0);
}

static __always_inline __u32 current_tid(void)
{
	return (__u32)bpf_get_current_pid_tgid();
}

#include "source/bpf/trace_lines.bpf.h"

/* T, the current thread, was switched out at T->out_ns during its syscall and has run since
 * its CPU's last switch: the time between was off CPU. */
static __always_inline void settle_switch(struct tc_task *t)
{
	__u32 zero = 0;
	__u64 *in;

	if (!t->out_ns)
		return;
	in = bpf_map_lookup_elem(&switched_in, &zero);
	if (in && *in > t->out_ns)
		t->off_ns += *in - t->out_ns;
	t->out_ns = 0;
}

static __always_inline int on_enter(void *regs, long nr)
{
	__u32 tid = current_tid();
	struct tc_task *t = bpf_map_lookup_elem(&tasks, &tid);

	if (!t)
		return 0;
	if (lines)
		t->user_regs = (unsigned long)regs;
	if (t->flags & TC_MIDWAY)
		t->flags &= ~TC_MIDWAY;
	if (t->flags & TC_AWAIT_EXEC) {
		if (nr != NR_execve && nr != NR_execveat)
			return 0;
		t->flags &= ~TC_AWAIT_EXEC;
	}
	if (!counted(nr)) {
		t->start_ns = 0;
		return 0;
	}
	t->nr = nr;
	t->off_ns = 0;
	t->out_ns = 0;
	t->start_ns = bpf_ktime_get_ns();
	if (lines) {
		tl_ignored_signal(tid, t);
		t->missed = tl_syscall(regs, nr, 0, TLW_ENTRY, cpu_time ? t->sys_ns : 0);
	}
	return 0;
}

/*
 * Line mode, a thread put in the set by -p whose first event is this sys_exit: the syscall it
 * was in when the trace attached. Its entry event is made now: the arguments from the
 * registers, no memory, marked missed, so that user space holds it for the exit, which copies
 * the entry's memory too (TLW_RETRY). Sets T's nr; false when the syscall is not traced.
 */
static __noinline bool midway_entry(struct tc_task *t, void *regs)
{
	long nr;
	struct tl_head *h;

	t->flags &= ~TC_MIDWAY;
	if (bpf_probe_read_kernel(&nr, sizeof(nr), (char *)regs +
				  __builtin_offsetof(struct tl_regs, orig_ax)) ||
	    nr < 0 || !counted(nr))
		return false;
	h = tl_begin(TL_ENTER, current_tid());
	if (!h)
		return false;
	h->nr = nr;
	tl_read_args(regs, h);
	h->missed = 1;
	tl_send(h, sizeof(*h));
	t->nr = (__u32)nr;
	t->missed = 1;
	return true;
}

static __always_inline int on_exit(void *regs, long ret)
{
	__u32 tid = current_tid();
	struct tc_task *t = bpf_map_lookup_elem(&tasks, &tid);
	bool midway = false;

	if (!t)
		return 0;
	/* A new thread's first event: the exit of the clone that made it. */
	if (lines)
		t->user_regs = (unsigned long)regs;
	if (!t->start_ns) {
		/* Not counted: when it started is unknown. */
		if (!lines || !(t->flags & TC_MIDWAY) || !midway_entry(t, regs))
			return 0;
		midway = true;
	}
	__u64 ns = midway ? 0 : bpf_ktime_get_ns() - t->start_ns;
	__u32 nr = t->nr;

	if (cpu_time && !midway) {
		settle_switch(t);
		ns = t->off_ns < ns ? ns - t->off_ns : 0;
		t->sys_ns += ns;
	}
	t->start_ns = 0;
	if (lines) {
		tl_syscall(regs, nr, ret, TLW_EXIT | (t->missed ? TLW_RETRY : 0),
			   cpu_time ? t->sys_ns : 0);
		tl_ignored_signal(tid, t);
	}
	if (midway)
		return 0;
	struct tc_row *r = bpf_map_lookup_elem(&rows, &nr);

	if (!r)
		return 0;
	ns = ns > overhead_ns ? ns - overhead_ns : 0;
	if (!r->calls || ns < r->min_ns)
		r->min_ns = ns;
	if (ns > r->max_ns)
		r->max_ns = ns;
	r->calls++;
	r->total_ns += ns;
	if ((unsigned long)ret >= (unsigned long)-MAX_ERRNO)
		r->errors++;
	return 0;
}

/* -f (loaded only then): a thread or process created by a thread of the set joins it. The
 * tracepoint runs in the thread that called clone; its arguments are the parent and the child.
 * (A raw tracepoint: a classic one, attached through a perf event, holds its detach up for an
 * RCU grace period, 25-45 ms at the end of every trace here.) */
SEC("raw_tracepoint/sched_process_fork")
int BPF_PROG(fork_tp, void *parent, void *child)
{
	__u32 ptid = current_tid();
	struct tc_task *p = bpf_map_lookup_elem(&tasks, &ptid);
	struct tc_task c = {};
	__s32 tid;
	long e;

	if (!p || (p->flags & TC_AWAIT_EXEC))
		return 0;
	if (bpf_probe_read_kernel(&tid, sizeof(tid), (char *)child + task_pid_off) || tid <= 0) {
		__sync_fetch_and_add(&lost, 1);
		return 0;
	}
	__sync_fetch_and_add(&live, 1);
	e = bpf_map_update_elem(&tasks, &tid, &c, BPF_NOEXIST);
	if (e) {
		__sync_fetch_and_add(&live, -1);
		if (e != -EEXIST)
			__sync_fetch_and_add(&lost, 1);
		return 0;
	}
	if (lines)
		tl_fork(tid, ptid, child);
	else
		note(TC_NOTE_FORK, tid);
	return 0;
}

SEC("raw_tracepoint/sched_process_exit")
int BPF_PROG(task_exit)
{
	__u32 tid = current_tid();
	struct tc_task *t = bpf_map_lookup_elem(&tasks, &tid);
	__u32 fatal_sig = t ? t->fatal_sig : 0;

	if (bpf_map_delete_elem(&tasks, &tid))
		return 0;
	__sync_fetch_and_add(&live, -1);
	if (lines)
		bpf_map_delete_elem(&sigpend, &tid);
	if (lines)
		tl_gone(tid, fatal_sig);
	else
		note(TC_NOTE_EXIT, tid);
	return 0;
}

/* A thread that exec'd under its leader's pid keeps its entry (and the execve being counted):
 * the arguments are the task, its former pid and the binprm. */
SEC("raw_tracepoint/sched_process_exec")
int BPF_PROG(task_exec, void *task, pid_t old_pid)
{
	__u32 tid = current_tid(), old_tid = old_pid;
	struct tc_task *t, moved;

	if (tid == old_tid)
		return 0;
	t = bpf_map_lookup_elem(&tasks, &old_tid);
	if (!t)
		return 0;
	moved = *t;
	bpf_map_delete_elem(&tasks, &old_tid);
	if (bpf_map_update_elem(&tasks, &tid, &moved, BPF_ANY)) {
		__sync_fetch_and_add(&live, -1);
		__sync_fetch_and_add(&lost, 1);
	}
	return 0;
}

/*
 * CPU time (loaded only then): a traced thread in a counted syscall switched out notes when,
 * and the switch's time is kept per CPU for the thread switched in. Every switch on the
 * system costs a clock read, that store and a lookup of the thread leaving, which finds
 * nothing for threads not traced. What the CPU time counted is and how it differs from
 * strace's:
 * - It runs from sys_enter to sys_exit on the thread's clock, in nanoseconds, interrupts
 *   served meanwhile included. strace's is the difference of the process's ru_stime (wait4's
 *   rusage of the stopped tracee) between its two stops: all the process's threads and its
 *   waited-for children, kernel accounting sampled at the tick and scaled, and the stops' own
 *   kernel work (about 0.1 ms per call): strace's figures are larger and coarser.
 * - A switch whose program did not run (a BPF program already running on that CPU) leaves
 *   the time it was switched out counted as CPU time. (Threads join the set only once every
 *   program is attached: no switch of theirs goes unseen otherwise.)
 */
SEC("raw_tracepoint/sched_switch")
int BPF_PROG(task_switch)
{
	__u32 tid = current_tid(), zero = 0;
	__u64 now = bpf_ktime_get_ns(), *in = bpf_map_lookup_elem(&switched_in, &zero);
	struct tc_task *t = bpf_map_lookup_elem(&tasks, &tid);

	if (t && t->start_ns) {
		settle_switch(t);
		t->out_ns = now;
	}
	if (in)
		*in = now;
	return 0;
}

/* The arguments of sys_enter are the registers and the number, of sys_exit the registers and
 * the return value. */
SEC("raw_tracepoint/sys_enter")
int BPF_PROG(sys_enter, void *regs, long nr)
{
	return on_enter(regs, nr);
}

SEC("raw_tracepoint/sys_exit")
int BPF_PROG(sys_exit, void *regs, long ret)
{
	return on_exit(regs, ret);
}
