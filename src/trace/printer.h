/* SPDX-License-Identifier: Apache-2.0 */
/* The strace-style printer: turns ptrace source events into strace's lines. */
#ifndef SYSRAY_TRACE_PRINTER_H
#define SYSRAY_TRACE_PRINTER_H

#include "source/ptrace/tracer.h"
#include "trace/opts.h"

struct printer;

/* Opens the output (-o FILE, -ff FILE.PID, or stderr). NULL after a message on failure. */
struct printer *printer_new(const struct trace_opts *opts);

/* The tracer's sink: one event in, zero or more lines out. */
void printer_event(void *printer, const struct tracer_event *ev);

/* Flushes every output, prints the -c table, closes files. */
void printer_finish(struct printer *pr);

#endif
