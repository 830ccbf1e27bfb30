/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the kernel copies of each syscall's argument memory when `sysray trace` prints lines
 * from eBPF events: the decoders then read from the event what they read from the process
 * under ptrace. Built from the syscall table's argument kinds and the exceptions in
 * ebpf_plan.def.
 */
#ifndef SYSRAY_TRACE_EBPF_PLAN_H
#define SYSRAY_TRACE_EBPF_PLAN_H

#include <stdbool.h>

#include "source/bpf/trace_count_abi.h"

/* Bytes of the default window copied at a pointer of unknown size, at entry and at exit. */
#define EBPF_PLAN_WINDOW 256

/* Fills PLANS (TC_MAX_SYSCALLS of them) for a string limit of STRING_LIMIT (-s). */
void ebpf_plan_build(struct tl_plan *plans, int string_limit);

/*
 * -e write=/-e read=: the buffers that the written (WRITTEN) or read (READ) data of the I/O
 * syscalls is dumped from, copied whole up to the room of one event (a buffer: one chunk,
 * TL_CHUNK_MAX bytes; iovecs: TL_EVENT_ROOM in all), whatever their descriptor: the printer
 * picks the descriptors of the sets. Called after ebpf_plan_build().
 */
void ebpf_plan_whole_io(struct tl_plan *plans, bool written, bool read);

#endif
