/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What --decode-pids (-Y, --pidns-translation) adds after a process id: the process's name,
 * "1234<comm>", and the id as the tracer sees it, "2 / * 1234 in strace's PID NS * /".
 */
#ifndef SYSRAY_TRACE_PID_NOTE_H
#define SYSRAY_TRACE_PID_NOTE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "output/pr.h"

/* --decode-pids= words, bits of trace_opts.decode_pids. */
enum { DECODE_PIDS_COMM = 1 << 0, DECODE_PIDS_PIDNS = 1 << 1 };

/* The pr_pid hook's context: what to add, and whose ids the line prints. */
struct pid_notes {
	unsigned what;
	pid_t tracee;
};

/* The pr->pid_note hook; P->pid_ctx is a struct pid_notes. KIND is an enum pid_kind. */
void pid_note(struct pr *p, int64_t pid, int kind);

/* The name of the task /proc/PROC_PID is (its comm) into BUF; "" when it cannot be read. */
void pid_comm(pid_t proc_pid, char *buf, size_t n);

#endif
