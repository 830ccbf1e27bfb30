/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the kernel copies of each syscall's argument memory when `sysray trace` prints lines
 * from eBPF events: the decoders then read from the event what they read from the process
 * under ptrace. Built from the syscall table's argument kinds and the exceptions in
 * ebpf_plan.def, whose rules add memory one pointer deep by the value of a command argument.
 */
#ifndef SYSRAY_TRACE_EBPF_PLAN_H
#define SYSRAY_TRACE_EBPF_PLAN_H

#include <stdbool.h>

#include "source/bpf/trace_count_abi.h"
#include "trace/opts.h"

/* Bytes of the default window copied at a pointer of unknown size, at entry and at exit. */
#define EBPF_PLAN_WINDOW 256

/* Rule sets (syscall and command values with rules) at most. */
#define EBPF_PLAN_RULE_SETS 64

struct ebpf_plans {
	struct tl_plan syscall[TC_MAX_SYSCALLS];
	struct tl_rule_key rule_key[EBPF_PLAN_RULE_SETS];
	struct tl_rules rules[EBPF_PLAN_RULE_SETS];
	unsigned nrules;
};

/* Fills PLANS for a string limit of STRING_LIMIT (-s); the syscalls of ABBREV print their
 * arrays abbreviated (-e abbrev=: execve's environment is only counted). */
void ebpf_plan_build(struct ebpf_plans *plans, int string_limit, const struct sc_set *abbrev);

/*
 * -e write=/-e read=: the buffers that the written (WRITTEN) or read (READ) data of the I/O
 * syscalls is dumped from, copied whole up to the room of one event (a buffer: one chunk,
 * TL_CHUNK_MAX bytes; iovecs: TL_EVENT_ROOM in all), whatever their descriptor: the printer
 * picks the descriptors of the sets. Called after ebpf_plan_build().
 */
void ebpf_plan_whole_io(struct tl_plan *plans, bool written, bool read);

#endif
