/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The ptrace source's syscalls as scap events (reference/scap-format.md), one encoder per
 * syscall with a dedicated event, by area as on the eBPF side: fs.c (src/source/bpf/sysray.bpf.c's
 * file calls and events_fs.bpf.h), net.c (events_net.bpf.h), process.c (execve, the clone
 * family, credentials; exec_task.bpf.h). Encoders read the stopped tracee: paths up to
 * PATH_MAX, I/O buffers up to the snaplen. Every other syscall is a generic event whose ID is
 * libs' PPM_SC code. What ptrace cannot see is left to evb_unavailable().
 *
 * A syscall with a dedicated event is one row in its area's table (and its enter/exit
 * functions in the same file): the dispatch (encoders.c) merges the tables by number.
 */
#ifndef SYSRAY_TRACE_ENCODE_ENCODE_H
#define SYSRAY_TRACE_ENCODE_ENCODE_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/event_builder.h"
#include "schema/syscalls.h"
#include "source/param_recipes.h"
#include "source/ptrace/tracer.h"
#include "schema/event_codes.h"

#define ENC_MAX_SNAPLEN 65000	/* the largest snaplen: bytes of an I/O buffer kept */
#define ENC_MAX_ARGS_BYTES 4096	/* bytes of a process's arguments or environment kept */

/* One syscall stop being encoded. */
struct enc {
	struct event_builder *b;	/* begun with the event's type */
	const struct tracer_event *ev;	/* the stop: its thread, the tracee's memory */
	long nr;
	const uint64_t *a;		/* the arguments the entry had */
	int64_t ret;			/* at an exit: the result */
	unsigned snaplen;		/* bytes of I/O buffers kept */
};

typedef void enc_fn(struct enc *e);

struct syscall_encoder {
	long nr;			/* -1 ends a table */
	enum ppm_event_code event;	/* the enter event; the exit event is the next */
	enc_fn *enter, *exit;		/* NULL: no parameters */
};

extern const struct syscall_encoder fs_encoders[], net_encoders[], process_encoders[];

/* The areas' tables by syscall number, the recipes of the syscalls of no table
 * (source/param_recipes.h), and the PPM_SC codes of generic events. */
struct syscall_encoders {
	const struct syscall_encoder *by_nr[SYSCALL_NR_LIMIT];
	struct sr_syscall_recipes recipes[SR_MAX_SYSCALLS];
	uint16_t ppm_sc[SYSCALL_NR_LIMIT];
};

/* Appends the parameters of the enter or EXIT event that recipe list S describes (recipes.c). */
void recipe_encode(const struct sr_syscall_recipes *s, struct enc *e, bool exit);

void syscall_encoders_init(struct syscall_encoders *t);
/* The event syscall NR is written as at its entry, or at its EXIT: its dedicated event, or
 * the generic one. */
unsigned syscall_event(const struct syscall_encoders *t, long nr, bool exit);
/* Appends the parameters of that event to e->b, begun with its type. */
void syscall_encode(const struct syscall_encoders *t, struct enc *e, bool exit);

#define ENC_MAX_PARAMS 32	/* parameters of the largest event written (execve's exit: 31) */

/*
 * The record of the syscall stop E (e->b is set here) at its entry or EXIT, stamped TS, at
 * the end of BUF: the event with the parameter count of the table, the ones its encoder does
 * not write unavailable (evb_unavailable()). Its length, or 0 for an event of more than
 * ENC_MAX_PARAMS parameters.
 */
size_t syscall_record(const struct syscall_encoders *t, struct scap_buf *buf, uint64_t ts,
		      struct enc *e, bool exit);
/* The procexit record of a thread that exited or was killed (EV): its status in wait(2)
 * form, exit code, signal and core flag. */
size_t procexit_record(struct scap_buf *buf, uint64_t ts, const struct tracer_event *ev);

/* Appends procexit's parameters (process.c). */
void encode_procexit(struct event_builder *b, const struct tracer_event *ev);

/* A descriptor argument, sign-extended from the int the kernel takes. */
static inline void enc_fd(struct event_builder *b, uint64_t arg)
{
	evb_u64(b, (uint64_t)(int64_t)(int)arg);
}

/* Tracee memory as parameters (user_mem.c). */
/* A NUL-terminated string of the tracee (a path, up to PATH_MAX): empty when unreadable. */
void enc_user_str(struct enc *e, uint64_t addr);
/* N bytes of tracee memory, cut at MAX (at most ENC_MAX_SNAPLEN); empty when unreadable. */
void enc_user_buf_max(struct enc *e, uint64_t addr, int64_t n, unsigned max);
/* N bytes of tracee memory, cut at the snaplen; empty when unreadable. */
void enc_user_buf(struct enc *e, uint64_t addr, int64_t n);

/*
 * The endpoints of the tracee's socket FD as PT_SOCKTUPLE (sock_tuple.c), the remote end
 * first for INBOUND calls; UADDR: the tracee's sockaddr naming the remote end of a socket
 * without a peer (0: none); RELEASED: the call was a TCP connect that failed.
 */
void enc_sock_tuple(struct enc *e, int fd, bool inbound, uint64_t uaddr, bool released);

#endif
