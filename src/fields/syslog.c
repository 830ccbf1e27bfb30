/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The syslog class: the message of a write to the syslog socket, decoded as sysdig 0.29's
 * syslog decoder does.
 *
 * The event is the exit of a write, send, sendto, sendmsg, writev, pwrite or pwritev that
 * succeeded (res >= 0), on an fd whose name contains "/dev/log" (sysdig's test: its decoder
 * follows such fds from the process list, an open, a connect or the address of a sendto; a
 * unix socket connected to /dev/log is named after that path). A sendto or sendmsg counts
 * only when its enter event was seen: sysdig needs it to read the socket's address first.
 * The buffer is the exit's data parameter, as much as the capture holds (the snaplen).
 *
 * Two sysdig 0.29 artefacts are not copied: its filter runs before its parser on the events
 * that do not change its state, so a sysdig filter on syslog.* never matches a write's
 * message (only a sendto's or sendmsg's); and a filter that drops the enter event of a
 * writev, pwrite or pwritev (evt.dir=<) leaves its exit unparsed, without syslog fields.
 * Templates, chisels and csysdig's views see the messages as sysray does.
 *
 * The buffer holds "<PRI>message": up to 15 characters after the first byte, to the first
 * '>' or NUL, are the priority; they must be decimal digits, and at least one, or the
 * event has no syslog fields (the first byte itself is not checked). The number wraps as a
 * 32-bit signed integer, where -1 means "none" again. facility = PRI >> 3 and severity =
 * PRI & 7; the message is all that follows the '>', NULs and trailing newlines included (a
 * chisel gets it whole; a template prints it up to the first NUL, as sysdig does). A
 * facility past local7 or a severity past debug has no name (<NA>).
 */
#include "fields/extract.h"
#include "schema/event_codes.h"
#include "util/util.h"

#define SYSLOG_PRI_MAX 15

struct syslog_msg {
	uint32_t facility, severity;
	const char *msg;
	size_t len;
};

static bool is_syslog_write(const struct scap_event *ev, const struct st_thread *t)
{
	switch (ev->type) {
	case PPME_SYSCALL_WRITE_X:
	case PPME_SOCKET_SEND_X:
	case PPME_SYSCALL_WRITEV_X:
	case PPME_SYSCALL_PWRITE_X:
	case PPME_SYSCALL_PWRITEV_X:
		return true;
	case PPME_SOCKET_SENDTO_X:
	case PPME_SOCKET_SENDMSG_X:
		return t && t->enter_type == ev->type - 1;
	default:
		return false;
	}
}

/* The message of EVENT, false when it carries none. */
static bool syslog_decode(const struct scap_event *ev, void *ctx, struct syslog_msg *m)
{
	const struct field_ctx *c = ctx;
	const struct st_fd *f = c->st->cur.fd;
	int64_t res;

	if (!f || !strstr(f->name, "/dev/log") || !is_syslog_write(ev, c->st->cur.thread) ||
	    ev->nparams < 2 || !scap_param_s64(&ev->params[0], &res) || res < 0)
		return false;
	const char *data = (const char *)ev->params[1].val;
	size_t len = ev->params[1].len, n = 0;

	while (1 + n < len && data[1 + n] != '>' && data[1 + n] && n < SYSLOG_PRI_MAX)
		n++;
	if (!n || len < n + 2)
		return false;
	uint32_t pri = 0;

	for (size_t i = 0; i < n; i++) {
		if (data[1 + i] < '0' || data[1 + i] > '9')
			return false;
		pri = pri * 10 + (uint32_t)(data[1 + i] - '0');
	}
	if ((int32_t)pri == -1)
		return false;
	m->severity = pri & 7;
	m->facility = (uint32_t)((int32_t)pri >> 3);
	m->msg = data + n + 2;
	m->len = len - n - 2;
	return true;
}

static size_t syslog_facility_str(const struct field_ref *ref, const void *event, void *ctx,
				  struct field_value *out)
{
	static const char *const names[] = {
		"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news",
		"uucp", "clock", "authpriv", "ftp", "ntp", "logaudit", "logalert", "cron",
		"local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7",
	};
	struct syslog_msg m;

	if (!syslog_decode(event, ctx, &m))
		return 0;
	return put_cstr(out, m.facility < ARRAY_SIZE(names) ? names[m.facility] : "<NA>");
}

static size_t syslog_facility(const struct field_ref *ref, const void *event, void *ctx,
			      struct field_value *out)
{
	struct syslog_msg m;

	return syslog_decode(event, ctx, &m) ? put_u(out, FT_UINT32, m.facility) : 0;
}

static size_t syslog_severity_str(const struct field_ref *ref, const void *event, void *ctx,
				  struct field_value *out)
{
	static const char *const names[] = {
		"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
	};
	struct syslog_msg m;

	if (!syslog_decode(event, ctx, &m))
		return 0;
	return put_cstr(out, names[m.severity]);
}

static size_t syslog_severity(const struct field_ref *ref, const void *event, void *ctx,
			      struct field_value *out)
{
	struct syslog_msg m;

	return syslog_decode(event, ctx, &m) ? put_u(out, FT_UINT32, m.severity) : 0;
}

static size_t syslog_message(const struct field_ref *ref, const void *event, void *ctx,
			     struct field_value *out)
{
	struct syslog_msg m;

	return syslog_decode(event, ctx, &m) ? put_str(out, m.msg, m.len) : 0;
}

static const struct field_desc syslog_fields[] = {
	FIELD("syslog.facility.str", CHARBUF, 0, syslog_facility_str,
	      "facility as a string."),
	FIELD("syslog.facility", UINT32, 0, syslog_facility,
	      "facility as a number (0-23)."),
	FIELD("syslog.severity.str", CHARBUF, 0, syslog_severity_str,
	      "severity as a string. Can have one of these values: emerg, alert, crit, err, warn, "
	      "notice, info, debug"),
	FIELD("syslog.severity", UINT32, 0, syslog_severity,
	      "severity as a number (0-7)."),
	FIELD("syslog.message", CHARBUF, 0, syslog_message,
	      "message sent to syslog."),
};

const struct field_class field_class_syslog = {
	.name = "syslog",
	.desc = "Content of Syslog messages.",
	.fields = syslog_fields,
	.nfields = ARRAY_SIZE(syslog_fields),
};
