/* SPDX-License-Identifier: Apache-2.0 */
/* The -c / -C summary: per-syscall calls, errors and time, printed as strace's table. */
#ifndef SYSRAY_TRACE_COUNT_H
#define SYSRAY_TRACE_COUNT_H

#include <stdint.h>

#include "output/out.h"
#include "trace/opts.h"

struct count_table;

struct count_table *count_new(void);
void count_free(struct count_table *c);

/* One finished syscall NR that took TIME_NS and failed if FAILED. */
void count_add(struct count_table *c, long nr, uint64_t time_ns, bool failed);

/*
 * CALLS finished syscalls NR, ERRORS of which failed, that took TOTAL_NS together, the shortest
 * MIN_NS and the longest MAX_NS: what a counter that sums in the kernel hands over at the end.
 */
void count_merge(struct count_table *c, long nr, uint64_t calls, uint64_t errors,
		 uint64_t total_ns, uint64_t min_ns, uint64_t max_ns);

/* Appends strace's summary table, sorted and with the columns of OPTS. */
void count_print(const struct count_table *c, const struct trace_opts *opts, struct out *o);

#endif
