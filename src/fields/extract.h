/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Inside the sysdig field classes (evt.c, proc.c, user.c, container.c, fd.c): the helpers
 * their extractors share to fill a struct field_value. Every extractor is a field_extract_fn:
 * EVENT is the struct scap_event, CTX the struct field_ctx, after state_event().
 */
#ifndef SYSRAY_FIELDS_EXTRACT_H
#define SYSRAY_FIELDS_EXTRACT_H

#include <string.h>
#include <sys/socket.h>

#include "fields/sysdig.h"

/* One row of a class table: name, type, argument form, extractor, description, then any
 * other designated member (.role, .filter_only). */
#define FIELD(name_, type_, args_, extract_, desc_, ...)                                      \
	{ .name = name_, .type = FT_##type_, .arg_flags = args_, .extract = extract_,          \
	  .desc = desc_, __VA_ARGS__ }

/* A buffer for a text value built per event, reused FIELD_CTX_SCRATCH extractions later. */
static inline struct out *field_scratch(struct field_ctx *c)
{
	struct out *o = &c->scratch[c->next_scratch++ % FIELD_CTX_SCRATCH];

	o->len = 0;
	return o;
}

/* The thread of the event, NULL when the state does not know it. */
static inline struct st_thread *field_thread(void *ctx)
{
	const struct field_ctx *c = ctx;

	return c->st->cur.thread;
}

static inline size_t put_str(struct field_value *out, const char *s, size_t len)
{
	out->type = FT_CHARBUF;
	out->s.ptr = s;
	out->s.len = len;
	return 1;
}

static inline size_t put_cstr(struct field_value *out, const char *s)
{
	return put_str(out, s, strlen(s));
}

/* The text built in O (a scratch buffer), NUL-terminated past its length. */
static inline size_t put_out(struct field_value *out, struct out *o)
{
	out_putc(o, 0);
	o->len--;
	return put_str(out, o->buf, o->len);
}

static inline size_t put_u(struct field_value *out, enum field_type t, uint64_t v)
{
	out->type = t;
	out->u = v;
	return 1;
}

static inline size_t put_i(struct field_value *out, enum field_type t, int64_t v)
{
	out->type = t;
	out->i = v;
	return 1;
}

static inline size_t put_b(struct field_value *out, bool v)
{
	out->type = FT_BOOL;
	out->b = v;
	return 1;
}

static inline size_t put_ip(struct field_value *out, bool v6, const uint8_t *a)
{
	out->type = FT_IPADDR;
	out->ip.family = v6 ? AF_INET6 : AF_INET;
	memset(out->ip.addr, 0, 16);
	memcpy(out->ip.addr, a, v6 ? 16 : 4);
	return 1;
}

/* The return value of an exit event: its res parameter, or the fd of an fd-creating call;
 * false when the event has none (evt.c). */
bool field_event_res(const struct scap_event *ev, int64_t *res);

/* The parent of the event's thread (a thread's is its process), as proc.pname reads it; NULL
 * when unknown or the thread is not live (proc.c). */
const struct st_thread *field_parent(void *ctx);

/*
 * proc.aname[N], proc.apid[N], proc.aexepath[N]: PUT's value of one ancestor of the event's
 * process (0: itself, 1: its parent, ...); without [N], of every ancestor from the parent up
 * (at most FIELD_MAX_VALUES), as a filter tests them (proc.c).
 */
size_t field_ancestors(const struct field_ref *ref, void *ctx,
		       size_t (*put)(const struct st_thread *p, struct field_value *out),
		       struct field_value *out);

/* The extractor of a field whose data sysray never has (an API server's metadata, tracer
 * spans): no value, for every event (no_value.c). */
size_t field_no_value(const struct field_ref *ref, const void *event, void *ctx,
		      struct field_value *out);

/* The classes, in the files named after them. */
extern const struct field_class field_class_evt, field_class_evt_syscall, field_class_process,
	field_class_user, field_class_group, field_class_container, field_class_fd;
extern const struct field_class field_class_syslog, field_class_fdlist, field_class_k8s,
	field_class_mesos, field_class_span, field_class_evtin;

#endif
