/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The tracer's events as a .scap capture: each syscall stop is encoded (trace/encode/) as the
 * scap event of its syscall, each new child as its clone exit, each exit as procexit, and the
 * events are written with the /proc snapshot as the capture's metadata. Each event gets the
 * parameter count of HEAD's table; what ptrace cannot see is written as unavailable.
 */
#include <asm/unistd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture/proc_snapshot.h"
#include "capture/scap_writer.h"
#include "trace/encode/encode.h"
#include "trace/scap_sink.h"
#include "util/util.h"

_Static_assert(SCAP_SINK_MAX_SNAPLEN <= ENC_MAX_SNAPLEN, "the encoders' buffers hold a snaplen");

/* A syscall in progress: the entry's number and arguments, needed again at its exit. */
struct pending {
	pid_t pid;
	long nr;
	uint64_t args[6];
};

struct scap_sink {
	struct scap_writer *w;
	unsigned snaplen;
	bool started;		/* the section (metadata) is written */
	bool failed;
	int64_t mono_to_real;	/* ns to add to CLOCK_MONOTONIC for the epoch */
	struct syscall_encoders enc;
	struct pending *pend;
	size_t npend, pend_cap;
	struct scap_buf rec;	/* the event being built */
};

struct scap_sink *scap_sink_open(const struct scap_sink_opts *o)
{
	struct scap_sink *s = xcalloc(1, sizeof(*s));
	char err[400];
	struct timespec mono, real;

	s->w = scap_writer_open(o->path, o->gzip, err, sizeof(err));
	if (!s->w) {
		msg("trace: %s", err);
		free(s);
		return NULL;
	}
	s->snaplen = o->snaplen;
	clock_gettime(CLOCK_MONOTONIC, &mono);
	clock_gettime(CLOCK_REALTIME, &real);
	s->mono_to_real = (real.tv_sec - mono.tv_sec) * 1000000000ll +
			  (real.tv_nsec - mono.tv_nsec);
	syscall_encoders_init(&s->enc);
	return s;
}

static struct pending *pending_of(struct scap_sink *s, pid_t pid, bool create)
{
	for (size_t i = 0; i < s->npend; i++)
		if (s->pend[i].pid == pid)
			return &s->pend[i];
	if (!create)
		return NULL;
	if (s->npend == s->pend_cap) {
		s->pend_cap = s->pend_cap ? 2 * s->pend_cap : 16;
		s->pend = xrealloc(s->pend, s->pend_cap * sizeof(*s->pend));
	}
	s->pend[s->npend] = (struct pending){ .pid = pid, .nr = -1 };
	return &s->pend[s->npend++];
}

static void pending_drop(struct scap_sink *s, pid_t pid)
{
	for (size_t i = 0; i < s->npend; i++)
		if (s->pend[i].pid == pid) {
			s->pend[i] = s->pend[--s->npend];
			return;
		}
}

static void write_section(struct scap_sink *s)
{
	struct scap_meta meta;

	scap_meta_init(&meta);
	proc_snapshot(&meta);
	if (scap_writer_section(s->w, &meta))
		s->failed = true;
	scap_meta_free(&meta);
	s->started = true;
}

static uint64_t epoch_ns(const struct scap_sink *s, const struct tracer_event *ev)
{
	return ev->when.tv_sec * 1000000000ull + ev->when.tv_nsec + s->mono_to_real;
}

/* Writes the record of LEN bytes in s->rec (none: 0); the first event brings the metadata
 * before it. */
static void emit(struct scap_sink *s, size_t len)
{
	struct scap_param params[ENC_MAX_PARAMS];
	struct scap_event out = { 0 };
	char err[200];

	if (!len || scap_event_parse(s->rec.p, len, &out, params, ENC_MAX_PARAMS, err,
				     sizeof(err)))
		return;
	if (!s->started)
		write_section(s);
	if (!s->failed && scap_writer_event(s->w, &out))
		s->failed = true;
}

/* The syscall stop EV of the syscall P (number and arguments) at its entry or EXIT. */
static void on_syscall(struct scap_sink *s, const struct tracer_event *ev,
		       const struct pending *p, bool exit)
{
	struct enc e = {
		.ev = ev, .nr = p->nr, .a = p->args, .ret = ev->rval, .snaplen = s->snaplen,
	};

	if (s->failed)
		return;
	s->rec.len = 0;
	emit(s, syscall_record(&s->enc, &s->rec, epoch_ns(s, ev), &e, exit));
}

static bool is_clone_nr(long nr)
{
	return nr == __NR_clone || nr == __NR_fork || nr == __NR_vfork || nr == __NR_clone3;
}

/*
 * A new child is first seen stopped, before it runs a single instruction; the kernel
 * drivers report it returning 0 from its parent's clone. The same exit event (res 0, the
 * child's own ids) is written now, so readers learn the thread as they would from a driver.
 * Its syscall is the one the tracee that forked is in.
 */
static void on_new_child(struct scap_sink *s, const struct tracer_event *ev)
{
	struct pending p = { .pid = ev->pid, .nr = __NR_clone };
	struct tracer_event child = *ev;

	for (size_t i = 0; i < s->npend; i++)
		if (is_clone_nr(s->pend[i].nr)) {
			p.nr = s->pend[i].nr;
			memcpy(p.args, s->pend[i].args, sizeof(p.args));
		}
	child.rval = 0;
	child.is_error = false;
	on_syscall(s, &child, &p, true);
}

static void on_procexit(struct scap_sink *s, const struct tracer_event *ev)
{
	if (s->failed)
		return;
	s->rec.len = 0;
	emit(s, procexit_record(&s->rec, epoch_ns(s, ev), ev));
}

void scap_sink_event(void *sink, const struct tracer_event *ev)
{
	struct scap_sink *s = sink;
	struct pending *p;

	switch (ev->kind) {
	case TEV_SYSCALL_ENTRY:
		p = pending_of(s, ev->pid, true);
		p->nr = ev->nr;
		memcpy(p->args, ev->args, sizeof(p->args));
		on_syscall(s, ev, p, false);
		break;
	case TEV_SYSCALL_EXIT:
		p = pending_of(s, ev->pid, false);
		if (p && p->nr >= 0) {
			on_syscall(s, ev, p, true);
			p->nr = -1;
		}
		break;
	case TEV_NEW_CHILD:
		on_new_child(s, ev);
		break;
	case TEV_EXITED:
	case TEV_KILLED:
		pending_drop(s, ev->pid);
		on_procexit(s, ev);
		break;
	default:
		break;
	}
}

int scap_sink_close(struct scap_sink *s)
{
	char err[400];
	int rc = 0;

	/* Nothing traced: still a valid capture, with the metadata. */
	if (!s->started && !s->failed)
		write_section(s);
	if (s->failed)
		msg("trace: %s: capture stopped; the file keeps the %llu events written before",
		    scap_writer_error(s->w), scap_writer_events(s->w));
	if (scap_writer_close(s->w, err, sizeof(err))) {
		if (!s->failed)
			msg("trace: %s", err);
		rc = -1;
	}
	if (s->failed)
		rc = -1;
	free(s->pend);
	scap_buf_free(&s->rec);
	free(s);
	return rc;
}
