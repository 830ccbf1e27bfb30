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

/* Appends strace's summary table, sorted and with the columns of OPTS. */
void count_print(const struct count_table *c, const struct trace_opts *opts, struct out *o);

#endif
