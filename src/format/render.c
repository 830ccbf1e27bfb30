#include "format/render.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "capture/ppm_sc.h"
#include "format/flags.h"
#include "schema/names.h"

/* sysdig's own socket family numbers (PPM_AF_*) */
enum { PAF_UNIX = 1, PAF_INET = 2, PAF_INET6 = 10 };

unsigned render_nparams(const struct scap_event *ev)
{
	const struct scap_event_info *info = scap_event_info(ev->type);
	unsigned n = ev->nparams;
	if (info) {
		int max = info->nparams_029 >= 0 ? info->nparams_029 : info->nparams;
		if (n > (unsigned)max)
			n = (unsigned)max;
	}
	return n;
}

const char *render_event_type(const struct scap_event *ev)
{
	const struct scap_event_info *info = scap_event_info(ev->type);
	if (!info)
		return "<unknown>";
	if (ev->type <= 1) {
		uint64_t id;
		const char *n;
		if (ev->nparams >= 1 && scap_param_u64(&ev->params[0], &id) &&
		    (n = scap_ppm_sc_name((unsigned)id)))
			return n;
		return "<unknown>";
	}
	return info->name;
}

char render_fd_typechar(unsigned type)
{
	switch (type) {
	case SCAP_FD_FILE:
	case SCAP_FD_FILE_V2: return 'f';
	case SCAP_FD_DIRECTORY: return 'd';
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV4_SERVSOCK: return '4';
	case SCAP_FD_IPV6_SOCK:
	case SCAP_FD_IPV6_SERVSOCK: return '6';
	case SCAP_FD_FIFO: return 'p';
	case SCAP_FD_UNIX_SOCK: return 'u';
	case SCAP_FD_EVENT: return 'e';
	case SCAP_FD_UNSUPPORTED: return 'o';
	case SCAP_FD_SIGNALFD: return 's';
	case SCAP_FD_EVENTPOLL: return 'l';
	case SCAP_FD_INOTIFY: return 'i';
	case SCAP_FD_TIMERFD: return 't';
	case SCAP_FD_NETLINK: return 'n';
	case SCAP_FD_BPF: return 'b';
	case SCAP_FD_USERFAULTFD: return 'u';
	case SCAP_FD_IOURING: return 'r';
	case SCAP_FD_MEMFD: return 'm';
	case SCAP_FD_PIDFD: return 'P';
	default: return '?';
	}
}

const char *render_fd_typename(unsigned type)
{
	switch (type) {
	case SCAP_FD_FILE:
	case SCAP_FD_FILE_V2: return "file";
	case SCAP_FD_DIRECTORY: return "directory";
	case SCAP_FD_IPV4_SOCK:
	case SCAP_FD_IPV4_SERVSOCK: return "ipv4";
	case SCAP_FD_IPV6_SOCK:
	case SCAP_FD_IPV6_SERVSOCK: return "ipv6";
	case SCAP_FD_FIFO: return "pipe";
	case SCAP_FD_UNIX_SOCK: return "unix";
	case SCAP_FD_EVENT: return "event";
	case SCAP_FD_UNSUPPORTED: return "unknown";
	case SCAP_FD_SIGNALFD: return "signalfd";
	case SCAP_FD_EVENTPOLL: return "eventpoll";
	case SCAP_FD_INOTIFY: return "inotify";
	case SCAP_FD_TIMERFD: return "timerfd";
	case SCAP_FD_NETLINK: return "netlink";
	case SCAP_FD_BPF: return "bpf";
	case SCAP_FD_USERFAULTFD: return "userfaultfd";
	case SCAP_FD_IOURING: return "io_uring";
	case SCAP_FD_MEMFD: return "memfd";
	case SCAP_FD_PIDFD: return "pidfd";
	default: return "<NA>";
	}
}

static void term(struct out *o)
{
	out_putc(o, 0);
	o->len--;
}

/*
 * Buffers as sysdig prints them: BUF_NORMAL replaces what is not printable ASCII with '.';
 * -A starts on a new line and keeps printable characters and newlines only; -X prints lines
 * of 16 bytes: offset, 2-byte hex groups, ASCII.
 */
static void render_buffer(const uint8_t *p, size_t n, enum buf_format bf, struct out *o)
{
	if (!n)
		return;
	if (bf == BUF_HEX) {
		/* 2-byte chunks, a lone last byte counts as a chunk; missing chunks pad */
		for (size_t off = 0; off < n; off += 16) {
			size_t len = n - off < 16 ? n - off : 16;
			unsigned chunks = 0;
			out_printf(o, "\n\t0x%.4zx:", off);
			for (size_t j = 0; j + 1 < len; j += 2, chunks++)
				out_printf(o, " %02x%02x", p[off + j], p[off + j + 1]);
			if (len & 1) {
				out_printf(o, " %02x", p[off + len - 1]);
				chunks++;
			}
			for (; chunks < 8; chunks++)
				out_puts(o, "     ");
			out_puts(o, "  ");
			for (size_t j = 0; j < len; j++) {
				uint8_t c = p[off + j];
				out_putc(o, c >= 0x20 && c < 0x7f ? (char)c : '.');
			}
		}
		out_putc(o, '\n');
		return;
	}
	if (bf == BUF_ASCII) {
		out_putc(o, '\n');
		for (size_t i = 0; i < n; i++)
			if ((p[i] >= 0x20 && p[i] < 0x7f) || p[i] == '\n')
				out_putc(o, (char)p[i]);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		uint8_t c = p[i];
		out_putc(o, c >= 0x20 && c < 0x7f ? (char)c : '.');
	}
}

static void render_flags(uint32_t val, const char *table, struct out *v, struct out *r)
{
	out_printf(v, "%" PRIu32, val);
	const struct flag_name *f = flag_table(table);
	const char *sep = "";
	uint32_t initial = val;
	while (f && f->name && f->value != initial) {
		if ((f->value == 0 && initial == 0) ||
		    (f->value != 0 && (val & f->value) == f->value && val != 0)) {
			out_printf(r, "%s%s", sep, f->name);
			sep = "|";
			val &= ~f->value;
		}
		f++;
	}
	if (f && f->name)
		out_printf(r, "%s%s", sep, f->name);
}

static void render_ip(int family, const uint8_t *a, struct out *o)
{
	char buf[INET6_ADDRSTRLEN];
	inet_ntop(family, a, buf, sizeof(buf));
	out_puts(o, buf);
}

static void render_sockaddr(const struct scap_param *p, struct out *o)
{
	const uint8_t *v = p->val;
	uint16_t port;
	if (v[0] == PAF_INET && p->len >= 7) {
		memcpy(&port, v + 5, 2);
		render_ip(AF_INET, v + 1, o);
		out_printf(o, ":%u", port);
	} else if (v[0] == PAF_INET6 && p->len >= 19) {
		memcpy(&port, v + 17, 2);
		render_ip(AF_INET6, v + 1, o);
		out_printf(o, ":%u", port);
	} else if (v[0] == PAF_UNIX) {
		out_write(o, v + 1, strnlen((const char *)v + 1, p->len - 1));
	} else {
		out_puts(o, "family ");
		out_printf(o, "%u", v[0]);
	}
}

static void render_tuple(const struct scap_param *p, struct out *o)
{
	const uint8_t *v = p->val;
	uint16_t sport, dport;
	if (v[0] == PAF_INET && p->len >= 13) {
		memcpy(&sport, v + 5, 2);
		memcpy(&dport, v + 11, 2);
		render_ip(AF_INET, v + 1, o);
		out_printf(o, ":%u->", sport);
		render_ip(AF_INET, v + 7, o);
		out_printf(o, ":%u", dport);
	} else if (v[0] == PAF_INET6 && p->len >= 37) {
		memcpy(&sport, v + 17, 2);
		memcpy(&dport, v + 35, 2);
		render_ip(AF_INET6, v + 1, o);
		out_printf(o, ":%u->", sport);
		render_ip(AF_INET6, v + 19, o);
		out_printf(o, ":%u", dport);
	} else if (v[0] == PAF_UNIX && p->len >= 17) {
		uint64_t a, b;
		memcpy(&a, v + 1, 8);
		memcpy(&b, v + 9, 8);
		out_printf(o, "%" PRIx64 "->%" PRIx64 " ", a, b);
		out_write(o, v + 17, strnlen((const char *)v + 17, p->len - 17));
	} else {
		out_puts(o, "family ");
		out_printf(o, "%u", v[0]);
	}
}

/* libs prints these integer parameters in hex (PF_HEX). */
static bool is_hex_param(const char *evname, const char *pname)
{
	static const char *const hex_events[] = { "brk", "mmap", "mmap2", "munmap", "mprotect",
						  "mremap", "futex", "ioctl", "ptrace",
						  "shmat", "madvise", "msync", "mlock", "munlock" };
	bool ev = false;
	for (size_t i = 0; i < sizeof(hex_events) / sizeof(hex_events[0]); i++)
		if (!strcmp(evname, hex_events[i]))
			ev = true;
	if (!ev)
		return false;
	return !strcmp(pname, "addr") || !strcmp(pname, "res") || !strcmp(pname, "request") ||
	       !strcmp(pname, "argument") || !strcmp(pname, "old_address") ||
	       !strcmp(pname, "new_address") || !strcmp(pname, "data");
}

void render_param(const struct state *st, const struct scap_event *ev, unsigned i,
		  enum buf_format bf, struct out *val, struct out *res)
{
	const struct scap_param_info *pi = scap_event_param_info(ev, i);
	const struct scap_param *p = &ev->params[i];
	const struct scap_event_info *info = scap_event_info(ev->type);
	uint64_t u = 0;
	int64_t s;

	val->len = 0;
	res->len = 0;
	if (pi && !p->len && (pi->type == SCAP_PT_SOCKTUPLE || pi->type == SCAP_PT_SOCKADDR)) {
		out_puts(val, "NULL");
		term(val);
		term(res);
		return;
	}
	if (!pi || (!p->len && pi->type != SCAP_PT_BYTEBUF && pi->type != SCAP_PT_CHARBUF &&
		    pi->type != SCAP_PT_FSPATH && pi->type != SCAP_PT_FSRELPATH)) {
		term(val);
		term(res);
		return;
	}
	scap_param_u64(p, &u);
	switch (pi->type) {
	case SCAP_PT_INT8:
	case SCAP_PT_INT16:
	case SCAP_PT_INT32:
	case SCAP_PT_INT64:
		scap_param_s64(p, &s);
		if (p->len == 1)
			s = (int8_t)u;
		else if (p->len == 2)
			s = (int16_t)u;
		else if (p->len == 4)
			s = (int32_t)u;
		out_printf(val, "%" PRId64, s);
		break;
	case SCAP_PT_UINT8:
	case SCAP_PT_UINT16:
	case SCAP_PT_UINT32:
	case SCAP_PT_UINT64:
	case SCAP_PT_UID:
	case SCAP_PT_GID:
	case SCAP_PT_MODE:
	case SCAP_PT_SIGSET:
	case SCAP_PT_RELTIME:
	case SCAP_PT_ABSTIME:
	case SCAP_PT_PORT:
	case SCAP_PT_L4PROTO:
	case SCAP_PT_SOCKFAMILY:
	case SCAP_PT_BOOL:
		if (info && is_hex_param(info->name, pi->name))
			out_printf(val, "%" PRIX64, u);
		else
			out_printf(val, "%" PRIu64, u);
		break;
	case SCAP_PT_ERRNO:
		s = (int64_t)u;
		if (p->len == 4)
			s = (int32_t)u;
		if (info && is_hex_param(info->name, pi->name) && s >= 0) {
			out_printf(val, "%" PRIX64, (uint64_t)s);
			break;
		}
		out_printf(val, "%" PRId64, s);
		if (s < 0) {
			const char *n = errno_name((int)-s);
			if (n)
				out_puts(res, n);
		}
		break;
	case SCAP_PT_FD:
	case SCAP_PT_FD32: {
		s = p->len == 4 ? (int32_t)u : (int64_t)u;
		out_printf(val, "%" PRId64, s);
		if (s == -100) {
			/* AT_FDCWD (-100) as the dirfd of an *at() call, not -ENETDOWN. */
			out_puts(res, "AT_FDCWD");
			break;
		}
		if (s < 0) {
			/* sysdig names a negative fd as an errno */
			const char *n = errno_name((int)-s);
			if (n)
				out_puts(res, n);
			break;
		}
		struct st_thread *t = state_thread(st, ev->tid);
		struct st_fd *f = t ? state_fd(st, t, s) : NULL;
		if (f) {
			out_putc(res, '<');
			out_putc(res, render_fd_typechar(f->type));
			if (f->type == SCAP_FD_IPV4_SOCK || f->type == SCAP_FD_IPV6_SOCK ||
			    f->type == SCAP_FD_IPV4_SERVSOCK || f->type == SCAP_FD_IPV6_SERVSOCK) {
				static const char l4[] = { 0, 0, 't', 'u', 'i', 'r' };
				if (f->l4proto < sizeof(l4) && l4[f->l4proto])
					out_putc(res, l4[f->l4proto]);
			}
			out_putc(res, '>');
			out_puts(res, f->name);
		}
		break;
	}
	case SCAP_PT_PID:
	case SCAP_PT_PID32: {
		s = p->len == 4 ? (int32_t)u : (int64_t)u;
		out_printf(val, "%" PRId64, s);
		struct st_thread *t = state_thread(st, s);
		if (t && t->comm[0])
			out_puts(res, t->comm);
		break;
	}
	case SCAP_PT_CHARBUF:
	case SCAP_PT_FSPATH:
	case SCAP_PT_FSRELPATH:
		if (p->len)
			out_write(val, p->val, strnlen((const char *)p->val, p->len));
		break;
	case SCAP_PT_BYTEBUF:
		render_buffer(p->val, p->len, bf, val);
		break;
	case SCAP_PT_SOCKADDR:
		render_sockaddr(p, val);
		break;
	case SCAP_PT_SOCKTUPLE:
		render_tuple(p, val);
		break;
	case SCAP_PT_FDLIST: {
		uint16_t n;
		memcpy(&n, p->val, 2);
		struct st_thread *t = state_thread(st, ev->tid);
		for (uint32_t j = 0; j < n && 2 + (j + 1) * 10u <= p->len; j++) {
			int64_t fd;
			uint16_t fl;
			memcpy(&fd, p->val + 2 + j * 10, 8);
			memcpy(&fl, p->val + 10 + j * 10, 2);
			struct st_fd *f = t ? state_fd(st, t, fd) : NULL;
			out_printf(val, "%s%" PRId64 ":%c%x", j ? " " : "", fd,
				   f ? render_fd_typechar(f->type) : '?', (unsigned)(int16_t)fl);
		}
		break;
	}
	case SCAP_PT_SYSCALLID: {
		const char *n = scap_ppm_sc_name((unsigned)u);
		out_printf(val, "%" PRIu64, u);
		out_puts(res, n ? n : "<unknown>");
		break;
	}
	case SCAP_PT_SIGTYPE: {
		const char *n = signal_name((int)u);
		out_printf(val, "%" PRIu64, u);
		if (n)
			out_puts(res, n);
		break;
	}
	case SCAP_PT_FLAGS8:
	case SCAP_PT_FLAGS16:
	case SCAP_PT_FLAGS32:
		render_flags((uint32_t)u, pi->info, val, res);
		break;
	case SCAP_PT_ENUMFLAGS8:
	case SCAP_PT_ENUMFLAGS16:
	case SCAP_PT_ENUMFLAGS32: {
		/* an enumeration: only the name of this exact value */
		out_printf(val, "%" PRIu64, u);
		for (const struct flag_name *f = flag_table(pi->info); f && f->name; f++)
			if (f->value == (uint32_t)u) {
				out_puts(res, f->name);
				break;
			}
		break;
	}
	case SCAP_PT_IPV4ADDR:
		render_ip(AF_INET, p->val, val);
		break;
	case SCAP_PT_IPV6ADDR:
		render_ip(AF_INET6, p->val, val);
		break;
	case SCAP_PT_DOUBLE: {
		double d;
		memcpy(&d, p->val, sizeof(d));
		out_printf(val, "%.2lf", d);
		break;
	}
	default:
		render_buffer(p->val, p->len, BUF_NORMAL, val);
		break;
	}
	term(val);
	term(res);
}

/* sysdig truncates every argument of %evt.args / %evt.info to this many characters. */
#define ARG_MAX_CHARS 80

void render_args(const struct state *st, const struct scap_event *ev, enum buf_format bf,
		 bool truncate, struct out *o)
{
	struct out v = { 0 }, r = { 0 };
	/* generic events (codes 0 and 1) show no arguments in sysdig 0.29 */
	unsigned n = ev->type <= 1 ? 0 : render_nparams(ev);
	for (unsigned i = 0; i < n; i++) {
		const struct scap_param_info *pi = scap_event_param_info(ev, i);
		if (!pi)
			break;
		render_param(st, ev, i, bf, &v, &r);
		out_puts(o, pi->name);
		out_putc(o, '=');
		if (truncate && pi->type == SCAP_PT_BYTEBUF && bf == BUF_NORMAL &&
		    v.len > ARG_MAX_CHARS) {
			out_write(o, v.buf, ARG_MAX_CHARS - 3);
			out_puts(o, "...");
		} else {
			out_write(o, v.buf, v.len);
		}
		if (r.len) {
			out_putc(o, '(');
			out_write(o, r.buf, r.len);
			out_putc(o, ')');
		}
		out_putc(o, ' ');
	}
	out_free(&v);
	out_free(&r);
	term(o);
}
