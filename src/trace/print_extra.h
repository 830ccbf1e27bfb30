/* SPDX-License-Identifier: Apache-2.0 */
/* What the strace printer prints besides syscall lines. */
#ifndef SYSRAY_TRACE_PRINT_EXTRA_H
#define SYSRAY_TRACE_PRINT_EXTRA_H

#include <signal.h>
#include <stdbool.h>

#include "output/out.h"
#include "output/pr.h"
#include "trace/decode.h"

/* The braces of a signal line: {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=...}. */
void print_siginfo(struct pr *p, const siginfo_t *si);

/* -e read=FD / -e write=FD: hex dumps of the data, after the syscall's line. */
void print_io_dumps(struct sc *sc, struct out *line);

/* -P PATH: does this syscall (at entry) touch one of the paths, by name or by fd? */
bool path_filter_match(struct sc *sc, const struct mem_reader *mem);

#endif
