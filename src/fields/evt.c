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

static size_t evt_latency(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out)
{
	const struct field_ctx *c = ctx;

	/* sysdig has no latency for its internal events */
	if (event_category_is_internal(event))
		return 0;
	return put_u(out, FT_RELTIME, c->st->cur.latency);
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
	FIELD("evt.time.iso8601", CHARBUF, 0, NULL,
	      "event timestamp in ISO 8601 format, including nanoseconds and time zone offset (in "
	      "UTC)."),
	FIELD("evt.datetime", CHARBUF, 0, evt_datetime,
	      "event timestamp as a time string that includes the date."),
	FIELD("evt.datetime.s", CHARBUF, 0, NULL,
	      "event timestamp as a datetime string with no nanoseconds."),
	FIELD("evt.rawtime", ABSTIME, 0, evt_rawtime,
	      "absolute event timestamp, i.e. nanoseconds from epoch."),
	FIELD("evt.rawtime.s", ABSTIME, 0, evt_rawtime_s,
	      "integer part of the event timestamp (e.g. seconds since epoch)."),
	FIELD("evt.rawtime.ns", ABSTIME, 0, evt_rawtime_ns,
	      "fractional part of the absolute event timestamp."),
	FIELD("evt.reltime", RELTIME, 0, evt_reltime,
	      "number of nanoseconds from the beginning of the capture."),
	FIELD("evt.reltime.s", RELTIME, 0, NULL,
	      "number of seconds from the beginning of the capture."),
	FIELD("evt.reltime.ns", RELTIME, 0, NULL,
	      "fractional part (in ns) of the time from the beginning of the capture."),
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
	FIELD("evt.latency.s", RELTIME, 0, NULL,
	      "integer part of the event latency delta."),
	FIELD("evt.latency.ns", RELTIME, 0, NULL,
	      "fractional part of the event latency delta."),
	FIELD("evt.latency.human", CHARBUF, 0, NULL,
	      "delta between an exit event and the correspondent enter event, as a human readable "
	      "string (e.g. 10.3ms)."),
	FIELD("evt.deltatime", RELTIME, 0, NULL,
	      "delta between this event and the previous event, in nanoseconds."),
	FIELD("evt.deltatime.s", RELTIME, 0, NULL,
	      "integer part of the delta between this event and the previous event."),
	FIELD("evt.deltatime.ns", RELTIME, 0, NULL,
	      "fractional part of the delta between this event and the previous event."),
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
	FIELD("evt.rawarg", DYNAMIC, FA_DOT | FA_REQUIRED, NULL,
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
	FIELD("evt.io_dir", CHARBUF, 0, NULL,
	      "'r' for events that read from FDs, like read(); 'w' for events that write to FDs, "
	      "like write()."),
	FIELD("evt.is_wait", BOOL, 0, NULL,
	      "'true' for events that make the thread wait, e.g. sleep(), select(), poll()."),
	FIELD("evt.wait_latency", RELTIME, 0, NULL,
	      "for events that make the thread wait (e.g. sleep(), select(), poll()), this is the "
	      "time spent waiting for the event to return, in nanoseconds."),
	FIELD("evt.is_syslog", BOOL, 0, NULL,
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
	      "second after it, for a total of two seconds of capture.", .filter_only = true),
	FIELD("evt.abspath", CHARBUF, 0, NULL,
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
	FIELD("evt.is_open_read", BOOL, 0, NULL,
	      "'true' for open/openat/openat2 events where the path was opened for reading"),
	FIELD("evt.is_open_write", BOOL, 0, NULL,
	      "'true' for open/openat/openat2 events where the path was opened for writing"),
	FIELD("evt.is_open_exec", BOOL, 0, NULL,
	      "'true' for open/openat/openat2 or creat events where a file is created with "
	      "execute permissions"),
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
