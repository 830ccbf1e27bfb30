/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Waiting for fds: poll, ppoll, select, pselect6 and the epoll family.
 *
 * poll and select report what became ready in the result comment, as strace does:
 * "= 1 ([{fd=3, revents=POLLIN}])", "= 2 (in [3], out [4], left {...})", "= 0 (Timeout)".
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/desc_impl.h"

/* ---- result comments ---- */

/* A bounded writer into sc->aux. */
struct aux_buf {
	char *s;
	size_t len;
	size_t cap;
};

static void aux_init(struct aux_buf *a, struct sc *sc)
{
	a->s = sc->aux;
	a->len = 0;
	a->cap = sizeof(sc->aux);
	a->s[0] = 0;
}

static void aux_printf(struct aux_buf *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void aux_printf(struct aux_buf *a, const char *fmt, ...)
{
	va_list ap;
	if (a->len + 1 >= a->cap)
		return;
	va_start(ap, fmt);
	int n = vsnprintf(a->s + a->len, a->cap - a->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		a->len += (size_t)n < a->cap - a->len ? (size_t)n : a->cap - a->len - 1;
}

/* ---- poll, ppoll ---- */

XLAT_DEFINE(desc_poll_events,
	{ 0x0001, "POLLIN" },
	{ 0x0002, "POLLPRI" },
	{ 0x0004, "POLLOUT" },
	{ 0x0008, "POLLERR" },
	{ 0x0010, "POLLHUP" },
	{ 0x0020, "POLLNVAL" },
	{ 0x0040, "POLLRDNORM" },
	{ 0x0080, "POLLRDBAND" },
	{ 0x0100, "POLLWRNORM" },
	{ 0x0200, "POLLWRBAND" },
	{ 0x0400, "POLLMSG" },
	{ 0x1000, "POLLREMOVE" },
	{ 0x2000, "POLLRDHUP" },
	{ 0x8000, "POLL_BUSY_LOOP" });

struct k_pollfd {
	int32_t fd;
	int16_t events;
	int16_t revents;
};

/* A negative fd is ignored by the kernel, and its events are not shown. */
static bool print_pollfd(struct sc *sc, const void *elem, void *data)
{
	struct k_pollfd pfd;
	memcpy(&pfd, elem, sizeof(pfd));
	pr_struct_begin(sc->p);
	pr_field(sc->p, "fd");
	print_fd(sc, pfd.fd);
	if (pfd.fd >= 0) {
		pr_field(sc->p, "events");
		pr_flags(sc->p, &desc_poll_events, (uint16_t)pfd.events, "POLL???");
	}
	pr_struct_end(sc->p);
	return true;
}

static void print_poll_entry(struct sc *sc)
{
	uint32_t nfds = (uint32_t)sc->arg[1];
	print_array(sc, sc->arg[0], nfds, sizeof(struct k_pollfd), 0, print_pollfd, NULL);
	pr_uint(sc->p, nfds);
}

/*
 * The fds with events, "[{fd=3, revents=POLLIN}, ...]", then "left {...}" of the time
 * the kernel wrote back (ppoll). Bounded as strace bounds its own comment buffer.
 */
static int poll_result(struct sc *sc, uint64_t timeout_addr)
{
	const uint32_t nfds = (uint32_t)sc->arg[1];
	const uint64_t start = sc->arg[0];
	const uint64_t size = (uint64_t)nfds * sizeof(struct k_pollfd);
	const unsigned max_shown = sc->verbose ? ~0u : (unsigned)str_limit(sc);
	struct aux_buf a;

	if (sc_failed(sc))
		return RV_DEC;
	if (sc->rval == 0) {
		snprintf(sc->aux, sizeof(sc->aux), "Timeout");
		return RV_DEC | RV_AUX;
	}
	if (sc->no_deref || !start || !nfds || start + size < start)
		return RV_DEC;

	aux_init(&a, sc);
	/* Room kept for the closing text, as in strace: "], " and an address. */
	const size_t reserve = 2 + 2 * sizeof(long) + sizeof(", ], ...");
	unsigned shown = 0;
	for (uint64_t cur = start; cur < start + size; cur += sizeof(struct k_pollfd)) {
		struct k_pollfd pfd;
		if (umove(sc, cur, &pfd, sizeof(pfd)) < 0) {
			aux_printf(&a, "%s%#" PRIx64, a.len ? ", " : "[", cur);
			break;
		}
		if (!pfd.revents)
			continue;
		aux_printf(&a, "%s", a.len ? ", " : "[");
		if (shown >= max_shown) {
			aux_printf(&a, "...");
			break;
		}
		char head[48], flags[256];
		snprintf(head, sizeof(head), "{fd=%d, revents=", pfd.fd);
		pr_sprint_flags(flags, sizeof(flags), sc->p->xlat_style, &desc_poll_events,
				(uint16_t)pfd.revents, NULL);
		if (a.len + strlen(head) + strlen(flags) + 1 >= a.cap - reserve) {
			aux_printf(&a, "...");
			break;
		}
		aux_printf(&a, "%s%s}", head, flags);
		shown++;
	}
	if (a.len)
		aux_printf(&a, "]");
	if (timeout_addr) {
		char ts[96];
		sprint_timespec_at(sc, timeout_addr, ts, sizeof(ts));
		if (a.len + sizeof(", left ") + strlen(ts) < a.cap)
			aux_printf(&a, "%sleft %s", a.len ? ", " : "", ts);
		else
			aux_printf(&a, ", ...");
	}
	return a.len ? RV_DEC | RV_AUX : RV_DEC;
}

int decode_poll(struct sc *sc)
{
	if (sc->exiting)
		return poll_result(sc, 0);
	print_poll_entry(sc);
	pr_int(sc->p, (int32_t)sc->arg[2]);
	return DEC_AT_EXIT;
}

int decode_ppoll(struct sc *sc)
{
	if (sc->exiting)
		return poll_result(sc, sc->arg[2]);
	print_poll_entry(sc);
	print_timespec_at(sc, sc->arg[2]);
	print_sigset_at(sc, sc->arg[3], sc->arg[4]);
	pr_uint(sc->p, sc->arg[4]);
	return DEC_AT_EXIT;
}

/* ---- select, pselect6 ---- */

/* The kernel truncates nfds to int and rejects negative ones; huge ones are capped. */
static int select_nfds(const struct sc *sc)
{
	int nfds = (int)sc->arg[0];
	if (nfds < 0)
		nfds = 0;
	if (nfds > 1024 * 1024)
		nfds = 1024 * 1024;
	return nfds;
}

/* fd_set bytes the kernel reads for NFDS: whole longs. */
static size_t select_set_bytes(int nfds)
{
	return (((size_t)nfds + 7) / 8 + 7) & ~(size_t)7;
}

static bool fd_is_set(const unsigned char *set, int fd)
{
	return set[fd / 8] >> (fd % 8) & 1;
}

static void print_fd_set(struct sc *sc, uint64_t addr, int nfds, unsigned char *set,
			 size_t bytes)
{
	if (!set) {
		print_addr(sc, addr);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, set, bytes))
		return;
	/* A bit set: "[0 3]", fds apart by a space instead of the list separator. */
	pr_array_begin(sc->p);
	bool first = true;
	for (int fd = 0; fd < nfds; fd++) {
		if (!fd_is_set(set, fd))
			continue;
		if (!first) {
			pr_join(sc->p, " ");
		}
		first = false;
		print_fd(sc, fd);
	}
	pr_array_end(sc->p);
}

static void print_select_entry(struct sc *sc, bool timespec)
{
	int nfds = select_nfds(sc);
	size_t bytes = select_set_bytes(nfds);
	unsigned char stack_set[1024];
	unsigned char *set = NULL;

	pr_int(sc->p, (int32_t)sc->arg[0]);
	if (!sc->no_deref && bytes > 0)
		set = bytes <= sizeof(stack_set) ? stack_set : malloc(bytes);
	for (int i = 1; i <= 3; i++)
		print_fd_set(sc, sc->arg[i], nfds, set, bytes);
	if (set && set != stack_set)
		free(set);
	if (timespec)
		print_timespec_at(sc, sc->arg[4]);
	else
		print_timeval_at(sc, sc->arg[4]);
}

/*
 * "in [3 4], out [5], left {...}": the ready fds of each set, read back after the call,
 * counting down the number the kernel returned; then what is left of the timeout.
 */
static int select_result(struct sc *sc, bool timespec)
{
	static const char *const set_names[] = { "in", "out", "except" };
	int nfds = select_nfds(sc);
	size_t bytes = select_set_bytes(nfds);
	const size_t room = sizeof(", except [") + sizeof(int) * 3 + 2;
	struct aux_buf a;

	if (sc_failed(sc))
		return RV_DEC;
	int64_t ready = sc->rval;
	if (ready == 0) {
		snprintf(sc->aux, sizeof(sc->aux), "Timeout");
		return RV_DEC | RV_AUX;
	}
	unsigned char *set = malloc(bytes ? bytes : 1);
	aux_init(&a, sc);
	const char *sep = "";
	for (int i = 0; i < 3 && ready > 0; i++) {
		uint64_t addr = sc->arg[i + 1];
		bool first = true;
		if (!addr || !set || umove(sc, addr, set, bytes) < 0)
			continue;
		for (int fd = 0; fd < nfds; fd++) {
			if (!fd_is_set(set, fd))
				continue;
			if (a.len < a.cap - room) {
				if (first) {
					aux_printf(&a, "%s%s [%d", sep, set_names[i], fd);
					first = false;
					sep = ", ";
				} else {
					aux_printf(&a, " %d", fd);
				}
			}
			if (--ready == 0)
				break;
		}
		/* strace closes a bracket after every set it read once anything is written. */
		if (a.len)
			aux_printf(&a, "]");
	}
	free(set);
	if (sc->arg[4]) {
		char tbuf[96];
		const char *t = timespec ? sprint_timespec_at(sc, sc->arg[4], tbuf, sizeof(tbuf))
					 : sprint_timeval_at(sc, sc->arg[4], tbuf, sizeof(tbuf));
		if (a.len + sizeof("left ") + strlen(sep) + strlen(t) < a.cap)
			aux_printf(&a, "%sleft %s", sep, t);
	}
	/* the kernel said fds were ready: strace prints their list, "()" if none was read */
	return RV_DEC | RV_AUX | RV_AUX_ALWAYS;
}

int decode_select(struct sc *sc)
{
	if (sc->exiting)
		return select_result(sc, false);
	print_select_entry(sc, false);
	return DEC_AT_EXIT;
}

void print_sigmask_pair_at(struct sc *sc, uint64_t addr)
{
	uint64_t pair[2];
	if (!fetch_or_print_addr(sc, addr, pair, sizeof(pair)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "sigmask");
	print_sigset_at(sc, pair[0], pair[1]);
	pr_field(sc->p, "sigsetsize");
	pr_uint(sc->p, pair[1]);
	pr_struct_end(sc->p);
}

int decode_pselect6(struct sc *sc)
{
	if (sc->exiting)
		return select_result(sc, true);
	print_select_entry(sc, true);
	print_sigmask_pair_at(sc, sc->arg[5]);
	return DEC_AT_EXIT;
}

/* ---- epoll ---- */

int decode_epoll_create(struct sc *sc)
{
	pr_int(sc->p, (int32_t)sc->arg[0]);
	return RV_DECODED | RV_FD;
}

XLAT_DEFINE(desc_epoll_create_flags,
	{ 02000000, "EPOLL_CLOEXEC" });

int decode_epoll_create1(struct sc *sc)
{
	pr_flags(sc->p, &desc_epoll_create_flags, (uint32_t)sc->arg[0], "EPOLL_???");
	return RV_DECODED | RV_FD;
}

XLAT_DEFINE(desc_epoll_events,
	{ 0x00000001, "EPOLLIN" },
	{ 0x00000002, "EPOLLPRI" },
	{ 0x00000004, "EPOLLOUT" },
	{ 0x00000008, "EPOLLERR" },
	{ 0x00000010, "EPOLLHUP" },
	{ 0x00000020, "EPOLLNVAL" },
	{ 0x00000040, "EPOLLRDNORM" },
	{ 0x00000080, "EPOLLRDBAND" },
	{ 0x00000100, "EPOLLWRNORM" },
	{ 0x00000200, "EPOLLWRBAND" },
	{ 0x00000400, "EPOLLMSG" },
	{ 0x00002000, "EPOLLRDHUP" },
	{ 0x10000000, "EPOLLEXCLUSIVE" },
	{ 0x20000000, "EPOLLWAKEUP" },
	{ 0x40000000, "EPOLLONESHOT" },
	{ 0x80000000, "EPOLLET" });

/* struct epoll_event is packed on x86_64: 12 bytes. */
struct k_epoll_event {
	uint32_t events;
	uint64_t data;
} __attribute__((packed));

/* The data word's meaning is the program's: both readings are shown. */
static bool print_epoll_event(struct sc *sc, const void *elem, void *unused)
{
	struct k_epoll_event ev;
	memcpy(&ev, elem, sizeof(ev));
	pr_struct_begin(sc->p);
	pr_field(sc->p, "events");
	pr_flags(sc->p, &desc_epoll_events, ev.events, "EPOLL???");
	pr_field(sc->p, "data");
	pr_struct_begin(sc->p);
	pr_field(sc->p, "u32");
	pr_uint(sc->p, (uint32_t)ev.data);
	pr_field(sc->p, "u64");
	pr_uint(sc->p, ev.data);
	pr_struct_end(sc->p);
	pr_struct_end(sc->p);
	return true;
}

XLAT_DEFINE(desc_epoll_ctl_ops,
	{ 1, "EPOLL_CTL_ADD" },
	{ 2, "EPOLL_CTL_DEL" },
	{ 3, "EPOLL_CTL_MOD" });

int decode_epoll_ctl(struct sc *sc)
{
	uint32_t op = (uint32_t)sc->arg[1];
	struct k_epoll_event ev;

	print_fd(sc, (int)sc->arg[0]);
	pr_xval(sc->p, &desc_epoll_ctl_ops, op, "EPOLL_CTL_???");
	print_fd(sc, (int)sc->arg[2]);
	/* EPOLL_CTL_DEL ignores the event. */
	if (op == 2)
		print_addr(sc, sc->arg[3]);
	else if (fetch_or_print_addr(sc, sc->arg[3], &ev, sizeof(ev)))
		print_epoll_event(sc, &ev, NULL);
	return RV_DECODED | RV_DEC;
}

/* The events the kernel wrote: as many as it returned. */
static void print_epoll_wait_exit(struct sc *sc)
{
	if (sc_failed(sc))
		print_addr(sc, sc->arg[1]);
	else
		print_array(sc, sc->arg[1], (uint64_t)sc->rval,
			    sizeof(struct k_epoll_event), 0, print_epoll_event, NULL);
	pr_int(sc->p, (int32_t)sc->arg[2]);
}

int decode_epoll_wait(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_epoll_wait_exit(sc);
	pr_int(sc->p, (int32_t)sc->arg[3]);
	return RV_DEC;
}

int decode_epoll_pwait(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_epoll_wait_exit(sc);
	pr_int(sc->p, (int32_t)sc->arg[3]);
	print_sigset_at(sc, sc->arg[4], sc->arg[5]);
	pr_uint(sc->p, sc->arg[5]);
	return RV_DEC;
}

int decode_epoll_pwait2(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_epoll_wait_exit(sc);
	print_timespec_at(sc, sc->arg[3]);
	print_sigset_at(sc, sc->arg[4], sc->arg[5]);
	pr_uint(sc->p, sc->arg[5]);
	return RV_DEC;
}
