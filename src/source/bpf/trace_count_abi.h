/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * What `sysray trace -c`'s in-kernel counter (trace_count.bpf.c) and its loader share: the
 * traced set's entries, the per-syscall rows and the notes sent to user space.
 */
#ifndef SYSRAY_SOURCE_BPF_TRACE_COUNT_ABI_H
#define SYSRAY_SOURCE_BPF_TRACE_COUNT_ABI_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

/* Syscall numbers with a row (x86_64 tops out below 512); the -e trace= mask's bits. */
#define TC_MAX_SYSCALLS	512
#define TC_SC_WORDS	(TC_MAX_SYSCALLS / 64)

/* Threads in the traced set at once: one hash entry each. */
#define TC_MAX_TASKS	8192

/* The started command until its execve: nothing it does before is counted (strace's count
 * starts at that execve too). */
#define TC_AWAIT_EXEC	1

/* A traced thread, keyed by its tid: the syscall it is in, if counted, and since when. */
struct tc_task {
	__u64 start_ns;		/* bpf_ktime_get_ns() at sys_enter; 0: not in a counted call */
	__u32 nr;
	__u32 flags;		/* TC_AWAIT_EXEC */
};

/* One syscall's calls on one CPU; user space adds the CPUs up. */
struct tc_row {
	__u64 calls;
	__u64 errors;		/* returned -4095..-1 */
	__u64 total_ns;
	__u64 min_ns;
	__u64 max_ns;
};

enum tc_note_kind {
	TC_NOTE_FORK = 1,	/* -f: TID joined the set */
	TC_NOTE_EXIT = 2,	/* TID left the set: it exited */
};

/* Sent through the notes ring for every fork and exit in the set (not per syscall). */
struct tc_note {
	__u32 kind;
	__u32 tid;
};

#endif
