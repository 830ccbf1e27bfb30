/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `sysray trace -c` on eBPF: the command started, or the -p processes attached, with nothing
 * stopped; the syscalls counted in the kernel; at the end strace's summary table, printed by
 * the same code as under ptrace.
 */
#ifndef SYSRAY_TRACE_EBPF_COUNT_H
#define SYSRAY_TRACE_EBPF_COUNT_H

#include "source/bpf/trace_count.h"
#include "trace/opts.h"

/*
 * Runs until every traced thread is gone, or SIGINT/SIGTERM/SIGHUP stops the count. QUIET
 * hides the attach and detach messages. Returns as tracer_run() does: the started command's
 * exit status (128+N for signal N, with *FATAL_SIG set to re-raise), 0 for -p, -1 when
 * nothing could be started or attached (after a message). Takes TC and closes it.
 */
int ebpf_count_run(const struct trace_opts *o, struct trace_count *tc, int quiet,
		   int *fatal_sig);

#endif
