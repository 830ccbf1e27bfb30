/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `sysray trace` on eBPF: the command started, or the -p processes attached, with nothing
 * stopped. Counting (-c): the syscalls counted in the kernel, and at the end strace's summary
 * table, printed by the same code as under ptrace. Lines: the kernel's events handed to the
 * same printer as under ptrace, through ebpf_lines.
 */
#ifndef SYSRAY_TRACE_EBPF_TRACE_H
#define SYSRAY_TRACE_EBPF_TRACE_H

#include "source/bpf/trace_count.h"
#include "trace/ebpf_lines.h"
#include "trace/opts.h"

/*
 * Runs until every traced thread is gone, or SIGINT/SIGTERM/SIGHUP stops the trace. QUIET
 * hides the attach and detach messages. LINES: the line mode's sink (TC opened with plans),
 * or NULL to print the kernel's counts at the end. Returns as tracer_run() does: the started
 * command's exit status (128+N for signal N, with *FATAL_SIG set to re-raise), 0 for -p, -1
 * when nothing could be started or attached (after a message). Takes TC and closes it.
 */
int ebpf_trace_run(const struct trace_opts *o, struct trace_count *tc, int quiet,
		   struct ebpf_lines *lines, int *fatal_sig);

#endif
