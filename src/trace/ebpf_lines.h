/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The eBPF line mode's events as the ptrace source's: each kernel event (trace_count_abi.h's
 * tl_head and its memory chunks) becomes a tracer_event for the same sink (the printer), with
 * a memory reader that serves the decoders what the kernel copied, and fails, as an unmapped
 * address does, for anything else.
 */
#ifndef SYSRAY_TRACE_EBPF_LINES_H
#define SYSRAY_TRACE_EBPF_LINES_H

#include <stdbool.h>
#include <stddef.h>

#include "source/bpf/trace_count_abi.h"
#include "source/ptrace/tracer.h"

struct ebpf_lines;

/* QUIET hides the "Process N attached" of -f children, as under ptrace. FD_PATHS: -y/-yy
 * print paths or -P matches them, which the fd tables (fd_table.h) then read as each fd is
 * made. */
struct ebpf_lines *ebpf_lines_new(tracer_sink_fn *sink, void *sink_ctx, int quiet,
				  bool fd_paths);

/* Thread TID of process TGID is traced from now: its fds are as /proc lists them. */
void ebpf_lines_seed(struct ebpf_lines *l, int tid, int tgid);

/* One kernel event of SIZE bytes in; zero or more tracer events out. */
void ebpf_lines_event(void *lines, const struct tl_head *ev, size_t size);

/* Detached (the tracer interrupted): each thread still inside a syscall ends its line as
 * under ptrace, and none is told an end. */
void ebpf_lines_detach_all(struct ebpf_lines *l);

void ebpf_lines_free(struct ebpf_lines *l);

#endif
