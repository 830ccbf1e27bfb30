/* SPDX-License-Identifier: Apache-2.0 */
#include "format/render.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
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
	if (scap_event_is_generic(ev->type)) {
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

/* RFC 4648 base64 with '=' padding. */
static void render_base64(const uint8_t *p, size_t n, struct out *o)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		uint32_t v = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0) |
			     (i + 2 < n ? p[i + 2] : 0);

		out_putc(o, digits[v >> 18 & 63]);
		out_putc(o, digits[v >> 12 & 63]);
		out_putc(o, i + 1 < n ? digits[v >> 6 & 63] : '=');
		out_putc(o, i + 2 < n ? digits[v & 63] : '=');
	}
}

/*
 * Buffers as sysdig prints them: BUF_NORMAL replaces what is not printable ASCII with '.';
 * -A starts on a new line and keeps printable characters and newlines only; -X prints lines
 * of 16 bytes: offset, 2-byte hex groups, ASCII; -x the same without the ASCII column (nor
 * the padding before it); -b base64.
 */
void render_bytes(const uint8_t *p, size_t n, enum buf_format bf, struct out *o)
{
	if (!n)
		return;
	if (bf == BUF_BASE64) {
		render_base64(p, n, o);
		return;
	}
	if (bf == BUF_HEX || bf == BUF_HEX_ONLY) {
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
			if (bf == BUF_HEX_ONLY)
				continue;
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
		/* sysdig 0.29's -A: printable bytes and line ends, CR LF and a lone CR printed
		 * as one newline */
		out_putc(o, '\n');
		for (size_t i = 0; i < n; i++) {
			if ((p[i] >= 0x20 && p[i] < 0x7f) || p[i] == '\n') {
				out_putc(o, (char)p[i]);
			} else if (p[i] == '\r') {
				out_putc(o, '\n');
				if (i + 1 < n && p[i + 1] == '\n')
					i++;
			}
		}
		return;
	}
	for (size_t i = 0; i < n; i++) {
		uint8_t c = p[i];
		out_putc(o, c >= 0x20 && c < 0x7f ? (char)c : '.');
	}
}

/* The names of the bits of VAL in TABLE, '|'-separated, as libs resolves flags and modes:
 * the names met before an entry equal to the whole value are dropped for that one name. */
static void render_names(uint32_t val, const char *table, struct out *r)
{
	const struct flag_name *f = flag_table(table);
	const char *sep = "";
	uint32_t initial = val;
	size_t start = r->len;
	while (f && f->name && f->value != initial) {
		if ((f->value == 0 && initial == 0) ||
		    (f->value != 0 && (val & f->value) == f->value && val != 0)) {
			out_puts(r, sep);
			out_puts(r, f->name);
			sep = "|";
			val &= ~f->value;
		}
		f++;
	}
	if (f && f->name) {
		r->len = start;
		out_puts(r, f->name);
	}
}

static void render_flags(uint32_t val, const char *table, struct out *v, struct out *r)
{
	out_put_udec(v, val, 0);
	render_names(val, table, r);
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
		out_putc(o, ':');
		out_put_udec(o, port, 0);
	} else if (v[0] == PAF_INET6 && p->len >= 19) {
		memcpy(&port, v + 17, 2);
		render_ip(AF_INET6, v + 1, o);
		out_putc(o, ':');
		out_put_udec(o, port, 0);
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
		out_putc(o, ':');
		out_put_udec(o, sport, 0);
		out_puts(o, "->");
		render_ip(AF_INET, v + 7, o);
		out_putc(o, ':');
		out_put_udec(o, dport, 0);
	} else if (v[0] == PAF_INET6 && p->len >= 37) {
		memcpy(&sport, v + 17, 2);
		memcpy(&dport, v + 35, 2);
		render_ip(AF_INET6, v + 1, o);
		out_putc(o, ':');
		out_put_udec(o, sport, 0);
		out_puts(o, "->");
		render_ip(AF_INET6, v + 19, o);
		out_putc(o, ':');
		out_put_udec(o, dport, 0);
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

/*
 * Where sysdig 0.29's table names or types a parameter unlike ours (libs HEAD): HEAD turned
 * some flag sets into enumerations, renamed execve's pgid and retyped a few numbers.
 */
static const struct {
	uint16_t code;
	uint8_t index;
	struct scap_param_info info;
} params_029[] = {
	{ PPME_SOCKET_SOCKET_E, 0, { "domain", SCAP_PT_FLAGS32, "socket_families" } },
	{ PPME_SOCKET_LISTEN_E, 1, { "backlog", SCAP_PT_UINT32, NULL } },
	{ PPME_SOCKET_SHUTDOWN_E, 1, { "how", SCAP_PT_FLAGS8, "shutdown_how" } },
	{ PPME_SOCKET_SOCKETPAIR_E, 0, { "domain", SCAP_PT_FLAGS32, "socket_families" } },
	{ PPME_SOCKET_SETSOCKOPT_X, 2, { "level", SCAP_PT_FLAGS8, "sockopt_levels" } },
	{ PPME_SOCKET_SETSOCKOPT_X, 3, { "optname", SCAP_PT_FLAGS8, "sockopt_options" } },
	{ PPME_SOCKET_GETSOCKOPT_X, 2, { "level", SCAP_PT_FLAGS8, "sockopt_levels" } },
	{ PPME_SOCKET_GETSOCKOPT_X, 3, { "optname", SCAP_PT_FLAGS8, "sockopt_options" } },
	{ PPME_SYSCALL_LSEEK_E, 2, { "whence", SCAP_PT_FLAGS8, "lseek_whence" } },
	{ PPME_SYSCALL_LLSEEK_E, 2, { "whence", SCAP_PT_FLAGS8, "lseek_whence" } },
	{ PPME_SYSCALL_OPENAT_E, 1, { "name", SCAP_PT_FSRELPATH, "DIRFD_PARAM" } },
	{ PPME_SYSCALL_GETRLIMIT_E, 0, { "resource", SCAP_PT_FLAGS8, "rlimit_resources" } },
	{ PPME_SYSCALL_SETRLIMIT_E, 0, { "resource", SCAP_PT_FLAGS8, "rlimit_resources" } },
	{ PPME_SYSCALL_PRLIMIT_E, 1, { "resource", SCAP_PT_FLAGS8, "rlimit_resources" } },
	{ PPME_SYSCALL_FCNTL_E, 1, { "cmd", SCAP_PT_FLAGS8, "fcntl_commands" } },
	{ PPME_SYSCALL_MMAP_X, 0, { "res", SCAP_PT_UINT64, NULL } },
	{ PPME_SYSCALL_MMAP2_X, 0, { "res", SCAP_PT_UINT64, NULL } },
	{ PPME_SYSCALL_PTRACE_E, 0, { "request", SCAP_PT_FLAGS16, "ptrace_requests" } },
	{ PPME_SYSCALL_EXECVE_19_X, 16, { "tty", SCAP_PT_INT32, NULL } },
	{ PPME_SYSCALL_EXECVE_19_X, 17, { "pgid", SCAP_PT_PID, NULL } },
	{ PPME_SYSCALL_EXECVE_19_X, 18, { "loginuid", SCAP_PT_INT32, NULL } },
	{ PPME_SYSCALL_SETPGID_X, 0, { "res", SCAP_PT_PID, NULL } },
	{ PPME_SYSCALL_EXECVEAT_X, 16, { "tty", SCAP_PT_INT32, NULL } },
	{ PPME_SYSCALL_EXECVEAT_X, 17, { "pgid", SCAP_PT_PID, NULL } },
	{ PPME_SYSCALL_EXECVEAT_X, 18, { "loginuid", SCAP_PT_INT32, NULL } },
};

/* Parameter I of EV as sysdig 0.29 describes it; NULL when our table has no such parameter. */
static const struct scap_param_info *param_info_029_scan(const struct scap_event *ev, unsigned i)
{
	const struct scap_param_info *pi = scap_event_param_info(ev, i);

	if (!pi)
		return NULL;
	for (size_t k = 0; k < sizeof(params_029) / sizeof(params_029[0]); k++)
		if (params_029[k].code == ev->type && params_029[k].index == i) {
			const struct scap_param_info *o = &params_029[k].info;

			/* keep the flag table our row names when the override has none */
			return o->info || !pi->info ? o : pi;
		}
	return pi;
}

/* The same, looked up once per (event code, parameter): below. */
static const struct scap_param_info *param_info_029(const struct scap_event *ev, unsigned i);

/*
 * The alternatives of libs' PT_DYN parameters, by the name of their list: the value's first
 * byte picks one, and the rest is printed as that type (with the number format of the
 * parameter itself, as libs does).
 */
static const struct {
	const char *list;
	uint8_t count;
	enum scap_param_type types[5];
} dyn_params[] = {
	{ "sockopt_dynamic_param", 5, { SCAP_PT_BYTEBUF, SCAP_PT_ERRNO, SCAP_PT_UINT32,
					SCAP_PT_UINT64, SCAP_PT_RELTIME } },
	{ "ptrace_dynamic_param", 2, { SCAP_PT_UINT64, SCAP_PT_SIGTYPE } },
	{ "bpf_dynamic_param", 2, { SCAP_PT_FD, SCAP_PT_ERRNO } },
};

/*
 * A PT_DYN parameter P described by PI as the alternative its first byte selects: the type
 * into DYN (named as PI) and the value after that byte into SUB. False when P is not a PT_DYN
 * parameter with a known alternative; libs then prints it as it is.
 */
static bool resolve_dyn(const struct scap_param_info *pi, const struct scap_param *p,
			struct scap_param_info *dyn, struct scap_param *sub)
{
	if (!pi || pi->type != SCAP_PT_DYN || !pi->info || !p->len)
		return false;
	for (size_t k = 0; k < sizeof(dyn_params) / sizeof(dyn_params[0]); k++) {
		if (strcmp(dyn_params[k].list, pi->info) || p->val[0] >= dyn_params[k].count)
			continue;
		*dyn = (struct scap_param_info){ pi->name, dyn_params[k].types[p->val[0]], NULL };
		sub->val = p->val + 1;
		sub->len = p->len - 1;
		return true;
	}
	return false;
}

enum scap_param_type render_param_type(const struct scap_event *ev, unsigned i)
{
	const struct scap_param_info *pi = param_info_029(ev, i);
	struct scap_param_info dyn;
	struct scap_param sub;

	if (!pi)
		return SCAP_PT_NONE;
	if (i < ev->nparams && resolve_dyn(pi, &ev->params[i], &dyn, &sub))
		return dyn.type;
	return pi->type;
}

/* Parameters that libs prints in hex (PF_HEX) or octal (PF_OCT) rather than decimal: sysdig
 * 0.29's table for the codes it knows, and the hex addresses of the newer memory calls. */
enum num_format { NUM_DEC, NUM_HEX, NUM_OCT };

static const struct {
	const char *event, *param;
	enum num_format fmt;
} num_formats[] = {
	{ "accept", "flags", NUM_HEX },	      { "brk", "addr", NUM_HEX },
	{ "brk", "res", NUM_HEX },	      { "capset", "cap_effective", NUM_HEX },
	{ "capset", "cap_inheritable", NUM_HEX }, { "capset", "cap_permitted", NUM_HEX },
	{ "chmod", "mode", NUM_OCT },	      { "creat", "dev", NUM_HEX },
	{ "creat", "mode", NUM_OCT },	      { "execve", "cap_effective", NUM_HEX },
	{ "execve", "cap_inheritable", NUM_HEX }, { "execve", "cap_permitted", NUM_HEX },
	{ "execveat", "cap_effective", NUM_HEX }, { "execveat", "cap_inheritable", NUM_HEX },
	{ "execveat", "cap_permitted", NUM_HEX }, { "fchmod", "mode", NUM_OCT },
	{ "fchmodat", "mode", NUM_OCT },      { "futex", "addr", NUM_HEX },
	{ "io_uring_register", "arg", NUM_HEX }, { "ioctl", "argument", NUM_HEX },
	{ "ioctl", "request", NUM_HEX },      { "mkdir", "mode", NUM_HEX },
	{ "mkdirat", "mode", NUM_HEX },	      { "mlock", "addr", NUM_HEX },
	{ "mmap", "addr", NUM_HEX },	      { "mmap", "res", NUM_HEX },
	{ "mmap2", "addr", NUM_HEX },	      { "mmap2", "res", NUM_HEX },
	{ "mprotect", "addr", NUM_HEX },      { "munlock", "addr", NUM_HEX },
	{ "munmap", "addr", NUM_HEX },	      { "open", "dev", NUM_HEX },
	{ "open", "mode", NUM_OCT },	      { "openat", "dev", NUM_HEX },
	{ "openat", "mode", NUM_OCT },	      { "openat2", "mode", NUM_OCT },
	{ "page_fault", "addr", NUM_HEX },    { "page_fault", "ip", NUM_HEX },
	{ "ptrace", "addr", NUM_HEX },	      { "ptrace", "data", NUM_HEX },
	{ "seccomp", "flags", NUM_HEX },      { "semget", "key", NUM_HEX },
	{ "signalfd", "mask", NUM_HEX },      { "socketpair", "peer", NUM_HEX },
	{ "socketpair", "source", NUM_HEX },
	/* codes sysdig 0.29 does not know */
	{ "mremap", "addr", NUM_HEX },	      { "mremap", "old_address", NUM_HEX },
	{ "mremap", "new_address", NUM_HEX }, { "mremap", "res", NUM_HEX },
	{ "shmat", "addr", NUM_HEX },	      { "shmat", "res", NUM_HEX },
	{ "madvise", "addr", NUM_HEX },	      { "msync", "addr", NUM_HEX },
	{ "munmap", "res", NUM_HEX },	      { "mprotect", "res", NUM_HEX },
	{ "munlock", "res", NUM_HEX },	      { "mlock", "res", NUM_HEX },
	{ "futex", "res", NUM_HEX },
};

static enum num_format num_format(const char *evname, const char *pname)
{
	for (size_t i = 0; i < sizeof(num_formats) / sizeof(num_formats[0]); i++)
		if (!strcmp(num_formats[i].event, evname) && !strcmp(num_formats[i].param, pname))
			return num_formats[i].fmt;
	return NUM_DEC;
}

/*
 * What rendering needs of parameter I of event code TYPE depends on nothing else: it is
 * looked up once per (TYPE, I), not once per event (the tables above are searched by name).
 * Rendering runs on one thread.
 */
#define MEMO_PARAMS 32

struct param_memo {
	const struct scap_param_info *pi;
	uint8_t fmt;		/* enum num_format */
	bool known;
};

static const struct param_memo *param_memo(const struct scap_event *ev, unsigned i)
{
	static struct param_memo memo[SCAP_EVENT_MAX][MEMO_PARAMS];
	struct param_memo *m;

	if (ev->type >= SCAP_EVENT_MAX || i >= MEMO_PARAMS)
		return NULL;
	m = &memo[ev->type][i];
	if (!m->known) {
		const struct scap_event_info *info = scap_event_info(ev->type);

		m->pi = param_info_029_scan(ev, i);
		m->fmt = info && m->pi ? num_format(info->name, m->pi->name) : NUM_DEC;
		m->known = true;
	}
	return m;
}

static const struct scap_param_info *param_info_029(const struct scap_event *ev, unsigned i)
{
	const struct param_memo *m = param_memo(ev, i);

	return m ? m->pi : param_info_029_scan(ev, i);
}

static enum num_format param_num_format(const struct scap_event *ev, unsigned i,
					const struct scap_param_info *pi)
{
	const struct param_memo *m = param_memo(ev, i);
	const struct scap_event_info *info;

	if (m)
		return m->fmt;
	info = scap_event_info(ev->type);
	return info && pi ? num_format(info->name, pi->name) : NUM_DEC;
}

/* V as printf("%" PRIX64) prints it. */
static void render_hex(uint64_t v, struct out *o)
{
	char buf[16];
	char *p = buf + sizeof(buf);

	do {
		*--p = "0123456789ABCDEF"[v & 15];
		v >>= 4;
	} while (v);
	out_write(o, p, (size_t)(buf + sizeof(buf) - p));
}

/* V, LEN bytes wide, as printf("%X") or printf("%#o") print it. */
static void render_num_fmt(uint64_t v, uint32_t len, enum num_format f, struct out *o)
{
	if (len && len < 8)
		v &= (1ull << (len * 8)) - 1;
	if (f == NUM_OCT)
		out_printf(o, "%#" PRIo64, v);
	else
		render_hex(v, o);
}

/*
 * The directory a relative path parameter I of EV is taken from, as sysdig 0.29 finds it:
 * the thread's cwd, or for an *at() path the directory its dirfd (the nearest fd parameter
 * before it) names; empty when that fd is unknown. Ends in '/' unless empty. NULL when the
 * thread is unknown (no resolution at all).
 */
static const char *path_base(const struct state *st, const struct scap_event *ev, unsigned i,
			     struct out *buf)
{
	struct st_thread *t = state_thread(st, ev->tid);
	const struct scap_param_info *pi = param_info_029(ev, i);
	const char *dir;

	if (!t)
		return NULL;
	dir = t->cwd ? t->cwd : "";
	if (pi->type == SCAP_PT_FSRELPATH) {
		for (unsigned j = i; j-- > 0;) {
			const struct scap_param_info *dpi = scap_event_param_info(ev, j);
			uint64_t u;
			int64_t dirfd;

			if (!dpi || (dpi->type != SCAP_PT_FD && dpi->type != SCAP_PT_FD32))
				continue;
			if (!scap_param_u64(&ev->params[j], &u))
				break;
			dirfd = ev->params[j].len == 4 ? (int32_t)u : (int64_t)u;
			if (dirfd != -100) {
				struct st_fd *f = state_fd(st, t, dirfd);

				char *b;

				if (!f || !f->name[0])
					return "";
				b = state_dirfd_base(f->name);
				buf->len = 0;
				out_puts(buf, b);
				free(b);
				term(buf);
				return buf->buf;
			}
			break;
		}
	}
	buf->len = 0;
	out_puts(buf, dir);
	if (!buf->len || buf->buf[buf->len - 1] != '/')
		out_putc(buf, '/');
	term(buf);
	return buf->buf;
}

void render_param(const struct state *st, const struct scap_event *ev, unsigned i,
		  enum buf_format bf, struct out *val, struct out *res)
{
	const struct scap_param_info *pi = param_info_029(ev, i);
	const struct scap_param *p = &ev->params[i];
	struct scap_param_info dyn;
	struct scap_param sub;
	uint64_t u = 0;
	int64_t s;
	enum num_format fmt = param_num_format(ev, i, pi);

	val->len = 0;
	res->len = 0;
	if (resolve_dyn(pi, p, &dyn, &sub)) {
		pi = &dyn;
		p = &sub;
	}
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
		if (fmt != NUM_DEC)
			render_num_fmt(u, p->len, fmt, val);
		else
			out_put_sdec(val, s);
		break;
	case SCAP_PT_MODE:
		render_num_fmt(u, p->len, fmt == NUM_DEC ? NUM_OCT : fmt, val);
		render_names(u, pi->info, res);
		break;
	case SCAP_PT_UINT32:
	case SCAP_PT_UINT64:
		/* sysdig 0.29 prints a decimal UINT32 with "%d" and a UINT64 as an int64_t with
		 * "%ld": both as signed numbers (futex's val=-1) */
		if (fmt == NUM_DEC) {
			out_put_sdec(val, p->len == 4 ? (int32_t)u : (int64_t)u);
			break;
		}
		render_num_fmt(u, p->len, fmt, val);
		break;
	case SCAP_PT_SIGSET:
		/* sysdig 0.29 names the signals of the set (bit N is signal N + 1), with no
		 * number */
		for (unsigned sig = 0; sig < 32; sig++) {
			const char *n = (u & (1u << sig)) ? signal_name((int)sig + 1) : NULL;

			if (n) {
				if (val->len)
					out_putc(val, ' ');
				out_puts(val, n);
			}
		}
		break;
	case SCAP_PT_UINT8:
	case SCAP_PT_UINT16:
	case SCAP_PT_ABSTIME:
	case SCAP_PT_PORT:
	case SCAP_PT_L4PROTO:
	case SCAP_PT_SOCKFAMILY:
	case SCAP_PT_BOOL:
		if (fmt != NUM_DEC)
			render_num_fmt(u, p->len, fmt, val);
		else
			out_put_udec(val, u, 0);
		break;
	case SCAP_PT_UID:
	case SCAP_PT_GID: {
		/* libs: the id as a signed int, resolved to the name in the capture's user or
		 * group table, "<NA>" when it has none; (u32)-1 is "-1" resolved to "<NONE>" */
		const char *name = NULL;

		if ((uint32_t)u == UINT32_MAX) {
			out_puts(val, "-1");
			out_puts(res, "<NONE>");
			break;
		}
		out_put_sdec(val, (int)(uint32_t)u);
		if (pi->type == SCAP_PT_UID) {
			const struct st_user *usr = state_user(st, (uint32_t)u);

			name = usr ? usr->name : NULL;
		} else {
			const struct st_group *grp = state_group(st, (uint32_t)u);

			name = grp ? grp->name : NULL;
		}
		out_puts(res, name && name[0] ? name : "<NA>");
		break;
	}
	case SCAP_PT_RELTIME:
		/* libs: "none" for -1, else the ns and, resolved, the seconds as %lg */
		if (u == UINT64_MAX) {
			out_puts(val, "none");
			break;
		}
		out_put_udec(val, u, 0);
		out_printf(res, "%lgs", (double)u / 1000000000);
		break;
	case SCAP_PT_ERRNO:
		s = (int64_t)u;
		if (p->len == 4)
			s = (int32_t)u;
		if (fmt == NUM_HEX && s >= 0) {
			render_hex((uint64_t)s, val);
			break;
		}
		out_put_sdec(val, s);
		if (s < 0) {
			const char *n = errno_name((int)-s);
			if (n)
				out_puts(res, n);
		}
		break;
	case SCAP_PT_FD:
	case SCAP_PT_FD32: {
		s = p->len == 4 ? (int32_t)u : (int64_t)u;
		out_put_sdec(val, s);
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
		out_put_sdec(val, s);
		struct st_thread *t = state_thread(st, s);
		if (t && t->comm[0])
			out_puts(res, t->comm);
		break;
	}
	case SCAP_PT_CHARBUF:
		if (p->len)
			out_write(val, p->val, strnlen((const char *)p->val, p->len));
		break;
	case SCAP_PT_FSPATH:
	case SCAP_PT_FSRELPATH: {
		/* a relative path shows where it leads in parentheses ("<NA>" excepted) */
		size_t n = p->len ? strnlen((const char *)p->val, p->len) : 0;
		struct out base = { 0 };
		const char *b;

		out_write(val, p->val, n);
		term(val);
		if (p->len && ((const char *)p->val)[0] != '/' &&
		    strncmp((const char *)p->val, "<NA>", 4) &&
		    (b = path_base(st, ev, i, &base))) {
			char *joined = state_path_concat(b, val->buf);

			out_puts(res, joined);
			free(joined);
		}
		out_free(&base);
		break;
	}
	case SCAP_PT_BYTEBUF:
		render_bytes(p->val, p->len, bf, val);
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
		out_put_udec(val, u, 0);
		out_puts(res, n ? n : "<unknown>");
		break;
	}
	case SCAP_PT_SIGTYPE: {
		const char *n = signal_name((int)u);
		out_put_udec(val, u, 0);
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
		out_put_udec(val, u, 0);
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
		render_bytes(p->val, p->len, BUF_NORMAL, val);
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
	/* reused from event to event (rendering runs on one thread) */
	static struct out v, r;
	/* generic events show no arguments in sysdig 0.29 */
	unsigned n = scap_event_is_generic(ev->type) ? 0 : render_nparams(ev);
	for (unsigned i = 0; i < n; i++) {
		const struct scap_param_info *pi = param_info_029(ev, i);
		if (!pi)
			break;
		render_param(st, ev, i, bf, &v, &r);
		out_puts(o, pi->name);
		out_putc(o, '=');
		if (truncate && render_param_type(ev, i) == SCAP_PT_BYTEBUF && bf == BUF_NORMAL &&
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
	term(o);
}
