/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The evt class: what an event is (number, time, type, direction, CPU), its parameters as
 * sysdig prints them (evt.args, evt.arg.NAME: the one renderer of format/render.c), its
 * result, latency and I/O buffer.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture/event_names.h"
#include "fields/event_category.h"
#include "fields/evt_count.h"
#include "fields/extract.h"
#include "format/duration.h"
#include "schema/names.h"
#include "util/util.h"

#define NSEC 1000000000ull

bool field_event_res(const struct scap_event *ev, int64_t *res)
{
	if (scap_event_is_enter(ev->type) || render_nparams(ev) == 0)
		return false;
	const struct scap_param_info *pi = scap_event_param_info(ev, 0);
	if (!pi || (strcmp(pi->name, "res") && strcmp(pi->name, "fd")) || !ev->params[0].len)
		return false;
	uint64_t u;
	if (!scap_param_u64(&ev->params[0], &u))
		return false;
	*res = ev->params[0].len == 4 ? (int32_t)u : (int64_t)u;
	return true;
}

static size_t evt_num(const struct field_ref *ref, const void *event, void *ctx,
		      struct field_value *out)
{
	const struct field_ctx *c = ctx;

	return put_u(out, FT_UINT64, c->evnum);
}

/* The local time of the event: with the date (DATE), with nanoseconds (NS). */
static size_t local_time(const struct scap_event *ev, struct field_ctx *c, bool date, bool ns,
			 struct field_value *out)
{
	struct out *o = field_scratch(c);

	out_puts(o, local_clock((time_t)(ev->ts / NSEC), date));
	if (ns) {
		out_putc(o, '.');
		out_put_udec(o, ev->ts % NSEC, 9);
	}
	return put_out(out, o);
}

static size_t evt_time(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	return local_time(event, ctx, false, true, out);
}

static size_t evt_time_s(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	return local_time(event, ctx, false, false, out);
}

static size_t evt_datetime(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	return local_time(event, ctx, true, true, out);
}

static size_t evt_rawtime(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct scap_event *ev = event;

	return put_u(out, FT_ABSTIME, ev->ts);
}

/* evt.around[T]=D: the event lies within D milliseconds of time T (ns), either side. */
static bool evt_around(const struct field_ref *ref, const void *event, void *ctx,
		       const struct field_value *w)
{
	const struct scap_event *ev = event;
	uint64_t t = (uint64_t)ref->arg.index, delta = w->u * 1000000ull;

	return t + delta >= ev->ts && ev->ts + delta >= t;
}

static size_t evt_rawtime_s(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct scap_event *ev = event;

	return put_u(out, FT_ABSTIME, ev->ts / NSEC);
}

static size_t evt_rawtime_ns(const struct field_ref *ref, const void *event, void *ctx,
			     struct field_value *out)
{
	const struct scap_event *ev = event;

	return put_u(out, FT_ABSTIME, ev->ts % NSEC);
}

static size_t evt_reltime(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct field_ctx *c = ctx;

	return put_u(out, FT_RELTIME, ev->ts - c->first_ts);
}

static size_t evt_reltime_s(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct field_ctx *c = ctx;

	return put_u(out, FT_RELTIME, (ev->ts - c->first_ts) / NSEC);
}

static size_t evt_reltime_ns(const struct field_ref *ref, const void *event, void *ctx,
			     struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct field_ctx *c = ctx;

	return put_u(out, FT_RELTIME, (ev->ts - c->first_ts) % NSEC);
}

static size_t evt_datetime_s(const struct field_ref *ref, const void *event, void *ctx,
			     struct field_value *out)
{
	return local_time(event, ctx, true, false, out);
}

/* UTC whatever the time zone: 2014-07-10T12:42:14.793590564+0000. */
static size_t evt_time_iso8601(const struct field_ref *ref, const void *event, void *ctx,
			       struct field_value *out)
{
	const struct scap_event *ev = event;
	time_t sec = (time_t)(ev->ts / NSEC);
	struct out *o = field_scratch(ctx);
	char date[64], zone[16];
	struct tm tm;

	gmtime_r(&sec, &tm);
	strftime(date, sizeof(date), "%FT%T", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	out_printf(o, "%s.%09u%s", date, (unsigned)(ev->ts % NSEC), zone);
	return put_out(out, o);
}

static size_t evt_type(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	return put_cstr(out, render_event_type(event));
}

/* evt.type of the events that are system calls: not procinfo, procexit or switch. */
static size_t syscall_type(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct scap_event_info *info = scap_event_info(ev->type);

	if (!info || ev->type == PPME_PROCINFO_E || ev->type == PPME_PROCINFO_X ||
	    !strcmp(info->name, "switch"))
		return 0;
	return put_cstr(out, render_event_type(ev));
}

static size_t evt_dir(const struct field_ref *ref, const void *event, void *ctx,
		      struct field_value *out)
{
	const struct scap_event *ev = event;

	return put_str(out, scap_event_is_enter(ev->type) ? ">" : "<", 1);
}

static size_t evt_cpu(const struct field_ref *ref, const void *event, void *ctx,
		      struct field_value *out)
{
	const struct scap_event *ev = event;

	return put_i(out, FT_INT16, ev->cpu);
}

/* evt.args and evt.info: every parameter, `name=value(resolved)`; long buffers end in "..."
 * in the text output unless -v. */
static size_t evt_args(const struct field_ref *ref, const void *event, void *ctx,
		       struct field_value *out)
{
	struct field_ctx *c = ctx;
	struct out *o = field_scratch(c);

	render_args(c->st, event, c->bf, !c->json && !c->verbose, o);
	return put_out(out, o);
}

/* The index of the parameter called NAME, or -1. */
static int param_index(const struct scap_event *ev, const char *name)
{
	unsigned n = render_nparams(ev);

	for (unsigned i = 0; i < n; i++) {
		const struct scap_param_info *pi = scap_event_param_info(ev, i);
		if (pi && !strcmp(pi->name, name))
			return (int)i;
	}
	return -1;
}

/* evt.arg.NAME, evt.arg[N]: the parameter's resolved form when it has one (a file name, an
 * errno name), else its value. */
static size_t evt_arg(const struct field_ref *ref, const void *event, void *ctx,
		      struct field_value *out)
{
	const struct scap_event *ev = event;
	struct field_ctx *c = ctx;
	const struct field_arg *arg = &ref->arg;
	int i;

	if (!arg->present)
		return 0;
	if (arg->is_index)
		i = arg->index >= 0 && arg->index < (int64_t)render_nparams(ev) ? (int)arg->index
										 : -1;
	else
		i = param_index(ev, arg->name);
	if (i < 0 && !arg->is_index && c->enter) {
		/* detect: a parameter only the enter event has (see struct field_ctx) */
		ev = c->enter;
		i = param_index(ev, arg->name);
	}
	if (i < 0)
		return 0;
	struct out *val = field_scratch(c);
	struct out *res = field_scratch(c);

	render_param(c->st, ev, (unsigned)i, c->bf, val, res);
	return put_out(out, res->len ? res : val);
}

static size_t evt_res(const struct field_ref *ref, const void *event, void *ctx,
		      struct field_value *out)
{
	int64_t res;

	if (!field_event_res(event, &res))
		return 0;
	if (res >= 0)
		return put_str(out, "SUCCESS", 7);
	const char *name = errno_name((int)-res);
	struct out *o = field_scratch(ctx);

	out_puts(o, name ? name : "UNKNOWN");
	return put_out(out, o);
}

static size_t evt_rawres(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	int64_t res;

	if (!field_event_res(event, &res))
		return 0;
	return put_i(out, FT_INT64, res);
}

static size_t evt_failed(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	int64_t res;

	return put_b(out, field_event_res(event, &res) && res < 0);
}

/* A duration field's part, by its id: the whole, the seconds, the nanoseconds in the second. */
enum { PART_WHOLE, PART_S, PART_NS };

static uint64_t time_part(uint64_t t, int part)
{
	return part == PART_S ? t / NSEC : part == PART_NS ? t % NSEC : t;
}

/* evt.latency and its parts; none for an internal event (procinfo, container...). */
static size_t evt_latency(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct field_ctx *c = ctx;
	uint64_t lat = c->st->cur.latency;

	if (event_category_is_internal(event))
		return 0;
	return put_u(out, FT_RELTIME, time_part(lat, ref->field->id));
}

static size_t evt_latency_human(const struct field_ref *ref, const void *event, void *ctx,
				struct field_value *out)
{
	const struct field_ctx *c = ctx;

	if (event_category_is_internal(event))
		return 0;
	struct out *o = field_scratch(ctx);

	format_duration(o, c->st->cur.latency);
	return put_out(out, o);
}

/* evt.deltatime and its parts: the time since the previous event this reference read (0 for
 * its first), as sysdig counts it per use of the field. */
static size_t evt_deltatime(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct scap_event *ev = event;
	uint64_t d = 0;

	if (ref->memo->last)
		d = time_part(ev->ts - ref->memo->last, ref->field->id);
	ref->memo->last = ev->ts;
	return put_u(out, FT_RELTIME, d);
}

/* csysdig's spectrogram column of an exit event's latency: its log10 (at most 11) scaled to
 * the screen's width, plus 1; missing for an enter event and a latency of 0. */
static size_t evt_latency_quantized(const struct field_ref *ref, const void *event, void *ctx,
				    struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct field_ctx *c = ctx;
	uint64_t lat = c->st->cur.latency;

	if (scap_event_is_enter(ev->type) || !c->st->cur.thread || !lat ||
	    event_category_is_internal(ev))
		return 0;
	double l = log10((double)lat);

	if (l > 11)
		l = 11;
	return put_u(out, FT_UINT64, (uint64_t)(l * c->spectro_width / 11) + 1);
}

/* The data parameter of an I/O event, or -1. */
static int buffer_index(const struct scap_event *ev)
{
	unsigned n = render_nparams(ev);

	for (unsigned i = 0; i < n; i++) {
		const struct scap_param_info *pi = scap_event_param_info(ev, i);
		if (pi && pi->type == SCAP_PT_BYTEBUF && !strcmp(pi->name, "data"))
			return (int)i;
	}
	return -1;
}

/* An empty buffer (a read of 0 bytes) is an empty value, not a missing one. */
static size_t evt_buffer(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct scap_event *ev = event;
	int i = buffer_index(ev);

	if (i < 0)
		return 0;
	out->type = FT_BYTEBUF;
	out->s.ptr = (const char *)ev->params[i].val;
	out->s.len = ev->params[i].len;
	return 1;
}

/* sysdig: the return value of an I/O call that succeeded on a known fd. */
static size_t evt_buflen(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct field_ctx *c = ctx;
	int64_t res;

	if (!c->st->cur.fd || !event_category_is_io(event) || !field_event_res(event, &res) ||
	    res < 0)
		return 0;
	return put_u(out, FT_UINT64, (uint64_t)res);
}

/* evt.type.is.N (an event code) or evt.type.is.NAME (the first code of that name and the
 * next one: its enter and exit events): 1 for those events, 0 for the others. */
static size_t evt_type_is(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct scap_event *ev = event;
	const char *arg = ref->arg.name ? ref->arg.name : "";
	char *end;
	unsigned long code = strtoul(arg, &end, 10);

	if (*arg && !*end)
		return put_u(out, FT_UINT32, ev->type == code);
	for (unsigned c = 0; c < SCAP_EVENT_MAX_029; c++) {
		const struct scap_event_info *info = scap_event_info(c);

		if (info && !strcmp(info->name, arg))
			return put_u(out, FT_UINT32, ev->type == c || ev->type == c + 1);
	}
	return put_u(out, FT_UINT32, 0);
}

/* Whether the event table flags the event with one of WANT. */
static size_t event_flag(const struct scap_event *ev, unsigned want, struct field_value *out)
{
	const struct scap_event_info *info = scap_event_info(ev->type);

	return put_b(out, info && (info->flags & want));
}

static size_t evt_is_io(const struct field_ref *ref, const void *event, void *ctx,
			struct field_value *out)
{
	return event_flag(event, SCAP_EF_READS_FROM_FD | SCAP_EF_WRITES_TO_FD, out);
}

static size_t evt_is_io_read(const struct field_ref *ref, const void *event, void *ctx,
			     struct field_value *out)
{
	return event_flag(event, SCAP_EF_READS_FROM_FD, out);
}

static size_t evt_is_io_write(const struct field_ref *ref, const void *event, void *ctx,
			      struct field_value *out)
{
	return event_flag(event, SCAP_EF_WRITES_TO_FD, out);
}

static size_t evt_io_dir(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct scap_event_info *info = scap_event_info(ev->type);

	if (info && (info->flags & SCAP_EF_WRITES_TO_FD))
		return put_str(out, "write", 5);
	if (info && (info->flags & SCAP_EF_READS_FROM_FD))
		return put_str(out, "read", 4);
	return 0;
}

static size_t evt_is_wait(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	return event_flag(event, SCAP_EF_WAITS, out);
}

/* The exit of a call that waits: its latency. */
static size_t evt_wait_latency(const struct field_ref *ref, const void *event, void *ctx,
			       struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct scap_event_info *info = scap_event_info(ev->type);
	const struct field_ctx *c = ctx;

	if (!info || !(info->flags & SCAP_EF_WAITS) || scap_event_is_enter(ev->type))
		return 0;
	return put_u(out, FT_RELTIME, c->st->cur.latency);
}

/* A write to an fd whose name contains /dev/log. */
static size_t evt_is_syslog(const struct field_ref *ref, const void *event, void *ctx,
			    struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct scap_event_info *info = scap_event_info(ev->type);
	const struct field_ctx *c = ctx;
	const struct st_fd *f = c->st->cur.fd;

	return put_b(out, info && (info->flags & SCAP_EF_WRITES_TO_FD) && f &&
				  strstr(f->name, "/dev/log"));
}

/* PPM_O_* and PPM_S_* bits of open's flags and mode parameters */
#define PPM_O_RDONLY (1u << 0)
#define PPM_O_WRONLY (1u << 1)
#define PPM_O_CREAT (1u << 2)
#define PPM_O_TMPFILE (1u << 13)
#define PPM_S_IXUGO 0111u

enum { OPEN_READ, OPEN_WRITE, OPEN_EXEC };

/* A parameter's integer value, 0 when absent. */
static uint64_t param_u(const struct scap_event *ev, unsigned i)
{
	uint64_t v = 0;

	if (i < ev->nparams)
		scap_param_u64(&ev->params[i], &v);
	return v;
}

/*
 * evt.is_open_read, _write, _exec: by the flags of open's exit, openat's enter and the exits of
 * the newer openat and openat2 (sysdig 0.29 reads the old openat's enter event, not its exit);
 * exec is a file created (O_CREAT, O_TMPFILE; creat) with an execute bit in its mode. False
 * for every other event.
 */
static size_t evt_is_open(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct scap_event *ev = event;
	int id = ref->field->id;
	uint32_t flags;
	unsigned fi;

	switch (ev->type) {
	case PPME_SYSCALL_OPEN_X:
	case PPME_SYSCALL_OPENAT_E:
		fi = 2;
		break;
	case PPME_SYSCALL_OPENAT_2_X:
	case PPME_SYSCALL_OPENAT2_X:
		fi = 3;
		break;
	case PPME_SYSCALL_CREAT_X:
		return put_b(out, id == OPEN_EXEC && (param_u(ev, 2) & PPM_S_IXUGO));
	default:
		return put_b(out, false);
	}
	flags = (uint32_t)param_u(ev, fi);
	if (id == OPEN_READ)
		return put_b(out, flags & PPM_O_RDONLY);
	if (id == OPEN_WRITE)
		return put_b(out, flags & PPM_O_WRONLY);
	return put_b(out, (flags & (PPM_O_TMPFILE | PPM_O_CREAT)) &&
				  (param_u(ev, fi + 1) & PPM_S_IXUGO));
}

/* evt.abspath, .src, .dst: which path of the event (renameat and linkat have two). */
enum { PATH_FIRST, PATH_SRC, PATH_DST };

/*
 * The path argument of a call relative to a directory fd, made absolute as sysdig 0.29 does:
 * an absolute path stays (tidied), AT_FDCWD takes the cwd, another dirfd its fd's name and a
 * '/', an unknown one "<UNKNOWN>/". Missing for the other events.
 */
static size_t evt_abspath(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct scap_event *ev = event;
	const struct field_ctx *c = ctx;
	struct st_thread *t = field_thread(ctx);
	const char *dirarg = "dirfd", *patharg = "name";
	int which = PATH_FIRST;

	if (ref->arg.present) {
		if (!strcmp(ref->arg.name, "src"))
			which = PATH_SRC;
		else if (!strcmp(ref->arg.name, "dst"))
			which = PATH_DST;
		else
			return 0;
	}
	if (!t)
		return 0;
	switch (ev->type) {
	case PPME_SYSCALL_RENAMEAT_X:
	case PPME_SYSCALL_RENAMEAT2_X:
		dirarg = which == PATH_DST ? "newdirfd" : "olddirfd";
		patharg = which == PATH_DST ? "newpath" : "oldpath";
		break;
	case PPME_SYSCALL_LINKAT_E:
	case PPME_SYSCALL_LINKAT_2_X:
		dirarg = which == PATH_DST ? "newdir" : "olddir";
		patharg = which == PATH_DST ? "newpath" : "oldpath";
		break;
	case PPME_SYSCALL_SYMLINKAT_X:
		dirarg = "linkdirfd";
		patharg = "linkpath";
		break;
	case PPME_SYSCALL_OPENAT_E:
	case PPME_SYSCALL_OPENAT_2_X:
	case PPME_SYSCALL_OPENAT2_X:
	case PPME_SYSCALL_UNLINKAT_E:
	case PPME_SYSCALL_UNLINKAT_2_X:
		break;
	case PPME_SYSCALL_MKDIRAT_X:
		patharg = "path";
		break;
	case PPME_SYSCALL_FCHMODAT_X:
		patharg = "filename";
		break;
	default:
		return 0;
	}
	int di = param_index(ev, dirarg), pi = param_index(ev, patharg);
	int64_t dirfd;

	if (di < 0 || pi < 0 || !scap_param_s64(&ev->params[di], &dirfd))
		return 0;
	const struct scap_param *pp = &ev->params[pi];
	struct out *po = field_scratch(ctx);
	const char *path;
	char *base, *full;
	const struct st_fd *f;

	out_write(po, pp->val, strnlen((const char *)pp->val, pp->len));
	out_putc(po, 0);
	path = po->buf;

	if (path[0] == '/')
		base = xstrdup("");
	else if (dirfd == -100)	/* AT_FDCWD */
		base = xstrdup(state_main_thread(c->st, t)->cwd);
	else if ((f = state_fd(c->st, t, dirfd)))
		base = state_dirfd_base(f->name);
	else
		base = xstrdup("<UNKNOWN>/");
	full = state_path_concat(base, path);
	struct out *o = field_scratch(ctx);

	out_puts(o, full);
	free(full);
	free(base);
	return put_out(out, o);
}

/* The field type of a parameter type: integers as numbers, paths and text as text, addresses
 * as addresses, any other structure (a PT_DYN value with its selector byte too) as its raw
 * bytes. */
static enum field_type rawarg_type(enum scap_param_type t)
{
	switch (t) {
	case SCAP_PT_INT8:
	case SCAP_PT_INT16:
		return FT_INT16;
	case SCAP_PT_INT32:
	case SCAP_PT_FD32:
		return FT_INT32;
	case SCAP_PT_INT64:
	case SCAP_PT_ERRNO:
	case SCAP_PT_FD:
	case SCAP_PT_PID:
		return FT_INT64;
	case SCAP_PT_UINT8:
	case SCAP_PT_UINT16:
	case SCAP_PT_UINT32:
	case SCAP_PT_FLAGS8:
	case SCAP_PT_FLAGS16:
	case SCAP_PT_FLAGS32:
	case SCAP_PT_ENUMFLAGS8:
	case SCAP_PT_ENUMFLAGS16:
	case SCAP_PT_ENUMFLAGS32:
	case SCAP_PT_MODE:
	case SCAP_PT_UID:
	case SCAP_PT_GID:
	case SCAP_PT_SYSCALLID:
	case SCAP_PT_SIGTYPE:
	case SCAP_PT_L4PROTO:
	case SCAP_PT_SOCKFAMILY:
		return FT_UINT32;
	case SCAP_PT_PORT:
		return FT_PORT;
	case SCAP_PT_UINT64:
		return FT_UINT64;
	case SCAP_PT_RELTIME:
		return FT_RELTIME;
	case SCAP_PT_ABSTIME:
		return FT_ABSTIME;
	case SCAP_PT_BOOL:
		return FT_BOOL;
	case SCAP_PT_DOUBLE:
		return FT_DOUBLE;
	case SCAP_PT_CHARBUF:
	case SCAP_PT_FSPATH:
	case SCAP_PT_FSRELPATH:
		return FT_CHARBUF;
	case SCAP_PT_IPV4ADDR:
	case SCAP_PT_IPV6ADDR:
	case SCAP_PT_IPADDR:
		return FT_IPADDR;
	default:
		return FT_BYTEBUF;
	}
}

/*
 * evt.rawarg.NAME: the parameter NAME of the event as its type holds it (the type the event's
 * table gives it, not only the first event's that has a NAME, as sysdig 0.29 types it); no
 * value when the event has no NAME, or an empty number. A buffer keeps all its bytes; an empty
 * text or buffer is an empty value.
 */
static size_t evt_rawarg(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out)
{
	const struct scap_event *ev = event;
	int i = param_index(ev, ref->arg.name);

	if (i < 0)
		return 0;
	const struct scap_param *p = &ev->params[i];
	enum field_type t = rawarg_type(scap_event_param_info(ev, (unsigned)i)->type);
	uint64_t u;
	int64_t v;

	switch (t) {
	case FT_INT16:
	case FT_INT32:
	case FT_INT64:
		return scap_param_s64(p, &v) ? put_i(out, t, v) : 0;
	case FT_CHARBUF:
		if (!p->len)
			return put_str(out, "", 0);
		return put_str(out, (const char *)p->val, strnlen((const char *)p->val, p->len));
	case FT_IPADDR:
		if (p->len != 4 && p->len != 16)
			return 0;
		return put_ip(out, p->len == 16, p->val);
	case FT_BOOL:
		return scap_param_u64(p, &u) ? put_b(out, u != 0) : 0;
	case FT_DOUBLE:
		if (p->len != sizeof(double))
			return 0;
		out->type = FT_DOUBLE;
		memcpy(&out->d, p->val, sizeof(double));
		return 1;
	case FT_BYTEBUF:
		out->type = FT_BYTEBUF;
		out->s.ptr = p->len ? (const char *)p->val : "";
		out->s.len = p->len;
		return 1;
	default:
		return scap_param_u64(p, &u) ? put_u(out, t, u) : 0;
	}
}

static size_t evt_category(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	const struct field_ctx *c = ctx;

	return put_cstr(out, event_category(event, c->st->cur.fd));
}

/* evt.type compares with event names: a name sysdig 0.29 does not know matches no event, and
 * is a typo (sysdig refuses it too, "unknown event type"). */
static bool evt_type_value_check(const char *text, char *msg, size_t n)
{
	const char *near;

	if (scap_event_name_known(text))
		return true;
	near = scap_event_name_suggest(text);
	if (!*text)
		snprintf(msg, n, "an event type name is missing");
	else if (near)
		snprintf(msg, n, "unknown event type %s (did you mean %s?)", text, near);
	else
		snprintf(msg, n, "unknown event type %s", text);
	return false;
}

static const struct field_desc evt_fields[] = {
	FIELD("evt.num", UINT64, 0, evt_num,
	      "event number."),
	FIELD("evt.time", CHARBUF, 0, evt_time,
	      "event timestamp as a time string that includes the nanosecond part."),
	FIELD("evt.time.s", CHARBUF, 0, evt_time_s,
	      "event timestamp as a time string with no nanoseconds."),
	FIELD("evt.time.iso8601", CHARBUF, 0, evt_time_iso8601,
	      "event timestamp in ISO 8601 format, including nanoseconds and time zone offset (in "
	      "UTC)."),
	FIELD("evt.datetime", CHARBUF, 0, evt_datetime,
	      "event timestamp as a time string that includes the date."),
	FIELD("evt.datetime.s", CHARBUF, 0, evt_datetime_s,
	      "event timestamp as a datetime string with no nanoseconds."),
	FIELD("evt.rawtime", ABSTIME, 0, evt_rawtime,
	      "absolute event timestamp, i.e. nanoseconds from epoch."),
	FIELD("evt.rawtime.s", ABSTIME, 0, evt_rawtime_s,
	      "integer part of the event timestamp (e.g. seconds since epoch)."),
	FIELD("evt.rawtime.ns", ABSTIME, 0, evt_rawtime_ns,
	      "fractional part of the absolute event timestamp.", .digits = 9),
	FIELD("evt.reltime", RELTIME, 0, evt_reltime,
	      "number of nanoseconds from the beginning of the capture.", .digits = 9),
	FIELD("evt.reltime.s", RELTIME, 0, evt_reltime_s,
	      "number of seconds from the beginning of the capture."),
	FIELD("evt.reltime.ns", RELTIME, 0, evt_reltime_ns,
	      "fractional part (in ns) of the time from the beginning of the capture.",
	      .digits = 9),
	FIELD("evt.pluginname", CHARBUF, 0, NULL,
	      "if the event comes from a plugin, the name of the plugin that generated it. The "
	      "plugin must be currently loaded."),
	FIELD("evt.plugininfo", CHARBUF, 0, NULL,
	      "if the event comes from a plugin, a summary of the event as formatted by the "
	      "plugin. The plugin must be currently loaded."),
};

const struct field_class field_class_evt = {
	.name = "evt",
	.shortdesc = "All event types",
	.desc = "These fields can be used for all event types",
	.fields = evt_fields,
	.nfields = ARRAY_SIZE(evt_fields),
};

static const struct field_desc evt_syscall_fields[] = {
	FIELD("evt.latency", RELTIME, 0, evt_latency,
	      "delta between an exit event and the correspondent enter event, in nanoseconds."),
	FIELD("evt.latency.quantized", UINT64, 0, evt_latency_quantized,
	      "10-base log of the delta between an exit event and the correspondent enter event.",
	      .table_only = true),
	FIELD("evt.latency.s", RELTIME, 0, evt_latency,
	      "integer part of the event latency delta.", .id = PART_S),
	FIELD("evt.latency.ns", RELTIME, 0, evt_latency,
	      "fractional part of the event latency delta.", .id = PART_NS, .digits = 9),
	FIELD("evt.latency.human", CHARBUF, 0, evt_latency_human,
	      "delta between an exit event and the correspondent enter event, as a human readable "
	      "string (e.g. 10.3ms)."),
	FIELD("evt.deltatime", RELTIME, 0, evt_deltatime,
	      "delta between this event and the previous event, in nanoseconds.", .memo = true),
	FIELD("evt.deltatime.s", RELTIME, 0, evt_deltatime,
	      "integer part of the delta between this event and the previous event.",
	      .id = PART_S, .memo = true),
	FIELD("evt.deltatime.ns", RELTIME, 0, evt_deltatime,
	      "fractional part of the delta between this event and the previous event.",
	      .id = PART_NS, .memo = true, .digits = 9),
	FIELD("evt.dir", CHARBUF, 0, evt_dir,
	      "event direction can be either '>' for enter events or '<' for exit events."),
	FIELD("evt.type", CHARBUF, 0, evt_type,
	      "The name of the event (e.g. 'open').", .role = FR_EVT_TYPE,
	      .value_check = evt_type_value_check),
	FIELD("evt.type.is", UINT32, FA_DOT | FA_REQUIRED, evt_type_is,
	      "allows one to specify an event type, and returns 1 for events that are of that "
	      "type. For example, evt.type.is.open returns 1 for open events, 0 for any other "
	      "event."),
	FIELD("syscall.type", CHARBUF, 0, syscall_type,
	      "For system call events, the name of the system call (e.g. 'open'). Unset for other"
	      " events (e.g. switch or internal events). Use this field instead of evt.type if you"
	      " need to make sure that the filtered/printed value is actually a system call."),
	FIELD("evt.category", CHARBUF, 0, evt_category,
	      "The event category. Example values are 'file' (for file operations like open and "
	      "close), 'net' (for network operations like socket and bind), memory (for things "
	      "like brk or mmap), and so on."),
	FIELD("evt.cpu", INT16, 0, evt_cpu,
	      "number of the CPU where this event happened."),
	FIELD("evt.args", CHARBUF, 0, evt_args,
	      "all the event arguments, aggregated into a single string."),
	FIELD("evt.arg", CHARBUF, FA_DOT | FA_INDEX | FA_REQUIRED, evt_arg,
	      "one of the event arguments specified by name or by number. Some events (e.g. "
	      "return codes or FDs) will be converted into a text representation when possible. "
	      "E.g. 'evt.arg.fd' or 'evt.arg[0]'."),
	FIELD("evt.rawarg", DYNAMIC, FA_DOT | FA_REQUIRED, evt_rawarg,
	      "one of the event arguments specified by name. E.g. 'evt.rawarg.fd'."),
	FIELD("evt.info", CHARBUF, 0, evt_args,
	      "for most events, this field returns the same value as evt.args. However, for some "
	      "events (like writes to /dev/log) it provides higher level information coming from "
	      "decoding the arguments."),
	FIELD("evt.buffer", BYTEBUF, 0, evt_buffer,
	      "the binary data buffer for events that have one, like read(), recvfrom(), etc. Use"
	      " this field in filters with 'contains' to search into I/O data buffers."),
	FIELD("evt.buflen", UINT64, 0, evt_buflen,
	      "the length of the binary data buffer for events that have one, like read(), "
	      "recvfrom(), etc."),
	FIELD("evt.res", CHARBUF, 0, evt_res,
	      "event return value, as a string. If the event failed, the result is an error code "
	      "string (e.g. 'ENOENT'), otherwise the result is the string 'SUCCESS'."),
	FIELD("evt.rawres", INT64, 0, evt_rawres,
	      "event return value, as a number (e.g. -2). Useful for range comparisons."),
	FIELD("evt.failed", BOOL, 0, evt_failed,
	      "'true' for events that returned an error status."),
	FIELD("evt.is_io", BOOL, 0, evt_is_io,
	      "'true' for events that read or write to FDs, like read(), send, recvfrom(), etc."),
	FIELD("evt.is_io_read", BOOL, 0, evt_is_io_read,
	      "'true' for events that read from FDs, like read(), recv(), recvfrom(), etc."),
	FIELD("evt.is_io_write", BOOL, 0, evt_is_io_write,
	      "'true' for events that write to FDs, like write(), send(), etc."),
	FIELD("evt.io_dir", CHARBUF, 0, evt_io_dir,
	      "'r' for events that read from FDs, like read(); 'w' for events that write to FDs, "
	      "like write()."),
	FIELD("evt.is_wait", BOOL, 0, evt_is_wait,
	      "'true' for events that make the thread wait, e.g. sleep(), select(), poll()."),
	FIELD("evt.wait_latency", RELTIME, 0, evt_wait_latency,
	      "for events that make the thread wait (e.g. sleep(), select(), poll()), this is the "
	      "time spent waiting for the event to return, in nanoseconds."),
	FIELD("evt.is_syslog", BOOL, 0, evt_is_syslog,
	      "'true' for events that are writes to /dev/log."),
	FIELD("evt.count", UINT32, 0, evt_count_extract,
	      "This filter field always returns 1 and can be used to count events from inside "
	      "chisels.", .id = EC_COUNT),
	FIELD("evt.count.error", UINT32, 0, evt_count_extract,
	      "This filter field returns 1 for events that returned with an error, and can be "
	      "used to count event failures from inside chisels.", .id = EC_ERROR),
	FIELD("evt.count.error.file", UINT32, 0, evt_count_extract,
	      "This filter field returns 1 for events that returned with an error and are related"
	      " to file I/O, and can be used to count event failures from inside chisels.",
	      .id = EC_ERROR_FILE),
	FIELD("evt.count.error.net", UINT32, 0, evt_count_extract,
	      "This filter field returns 1 for events that returned with an error and are related"
	      " to network I/O, and can be used to count event failures from inside chisels.",
	      .id = EC_ERROR_NET),
	FIELD("evt.count.error.memory", UINT32, 0, evt_count_extract,
	      "This filter field returns 1 for events that returned with an error and are related"
	      " to memory allocation, and can be used to count event failures from inside "
	      "chisels.", .id = EC_ERROR_MEMORY),
	FIELD("evt.count.error.other", UINT32, 0, evt_count_extract,
	      "This filter field returns 1 for events that returned with an error and are related"
	      " to none of the previous categories, and can be used to count event failures from "
	      "inside chisels.", .id = EC_ERROR_OTHER),
	FIELD("evt.count.exit", UINT32, 0, evt_count_extract,
	      "This filter field returns 1 for exit events, and can be used to count single "
	      "events from inside chisels.", .id = EC_EXIT),
	FIELD("evt.around", UINT64, FA_INDEX | FA_REQUIRED, NULL,
	      "Accepts the event if it's around the specified time interval. The syntax is "
	      "evt.around[T]=D, where T is the value returned by %evt.rawtime for the event and D "
	      "is a delta in milliseconds. For example, evt.around[1404996934793590564]=1000 will "
	      "return the events with timestamp with one second before the timestamp and one "
	      "second after it, for a total of two seconds of capture.", .filter_only = true,
	      .compare = evt_around),
	FIELD("evt.abspath", CHARBUF, FA_DOT, evt_abspath,
	      "Absolute path calculated from dirfd and name during syscalls like renameat and "
	      "symlinkat. Use 'evt.abspath.src' or 'evt.abspath.dst' for syscalls that support "
	      "multiple paths."),
	FIELD("evt.count.procinfo", UINT32, 0, evt_count_extract,
	      "This filter field returns 1 for procinfo events generated by process main threads,"
	      " and can be used to count processes from inside views.", .id = EC_PROCINFO,
	      .table_only = true),
	FIELD("evt.count.threadinfo", UINT32, 0, evt_count_extract,
	      "This filter field returns 1 for procinfo events, and can be used to count "
	      "processes from inside views.", .id = EC_THREADINFO, .table_only = true),
	FIELD("evt.buflen.in", UINT64, 0, evt_buflen_extract,
	      "the length of the binary data buffer, but only for input I/O events.", .id = EB_IN,
	      .table_only = true),
	FIELD("evt.buflen.out", UINT64, 0, evt_buflen_extract,
	      "the length of the binary data buffer, but only for output I/O events.", .id = EB_OUT,
	      .table_only = true),
	FIELD("evt.buflen.file", UINT64, 0, evt_buflen_extract,
	      "the length of the binary data buffer, but only for file I/O events.", .id = EB_FILE,
	      .table_only = true),
	FIELD("evt.buflen.file.in", UINT64, 0, evt_buflen_extract,
	      "the length of the binary data buffer, but only for input file I/O events.",
	      .id = EB_FILE | EB_IN,
	      .table_only = true),
	FIELD("evt.buflen.file.out", UINT64, 0, evt_buflen_extract,
	      "the length of the binary data buffer, but only for output file I/O events.",
	      .id = EB_FILE | EB_OUT,
	      .table_only = true),
	FIELD("evt.buflen.net", UINT64, 0, evt_buflen_extract,
	      "the length of the binary data buffer, but only for network I/O events.",
	      .id = EB_NET,
	      .table_only = true),
	FIELD("evt.buflen.net.in", UINT64, 0, evt_buflen_extract,
	      "the length of the binary data buffer, but only for input network I/O events.",
	      .id = EB_NET | EB_IN,
	      .table_only = true),
	FIELD("evt.buflen.net.out", UINT64, 0, evt_buflen_extract,
	      "the length of the binary data buffer, but only for output network I/O events.",
	      .id = EB_NET | EB_OUT,
	      .table_only = true),
	FIELD("evt.is_open_read", BOOL, 0, evt_is_open,
	      "'true' for open/openat/openat2 events where the path was opened for reading",
	      .id = OPEN_READ),
	FIELD("evt.is_open_write", BOOL, 0, evt_is_open,
	      "'true' for open/openat/openat2 events where the path was opened for writing",
	      .id = OPEN_WRITE),
	FIELD("evt.is_open_exec", BOOL, 0, evt_is_open,
	      "'true' for open/openat/openat2 or creat events where a file is created with "
	      "execute permissions", .id = OPEN_EXEC),
};

const struct field_class field_class_evt_syscall = {
	.name = "evt",
	.shortdesc = "Syscall events only",
	.desc = "Event fields applicable to syscall events. Note that for most events you can "
		"access the individual arguments/parameters of each syscall via evt.arg, e.g. "
		"evt.arg.filename.",
	.fields = evt_syscall_fields,
	.nfields = ARRAY_SIZE(evt_syscall_fields),
};
