/*
 * The ptrace source's events as scap events (reference/scap-format.md). The dedicated event
 * types carry the parameters sysdig's own drivers give them, in the layout of our eBPF
 * source (src/source/bpf/sysray.bpf.c), read from the stopped tracee: paths up to PATH_MAX,
 * I/O buffers up to the snaplen. Every other syscall is a generic event whose ID is libs'
 * PPM_SC code. Each event gets the parameter count of HEAD's table; what ptrace cannot see
 * is written empty, which readers take as "not available".
 */
#include <asm/unistd.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "capture/event_table.h"
#include "capture/ppm_sc.h"
#include "capture/proc_snapshot.h"
#include "procfs/cgroup_items.h"
#include "procfs/proc_task.h"
#include "procfs/unix_diag.h"
#include "capture/scap_writer.h"
#include "schema/syscalls.h"
#include "trace/scap_sink.h"
#include "util/util.h"
#include "schema/ppm_flags.h"
#include "schema/ppm_sockopt.h"

#define MAX_OUT_PARAMS 32
#define MAX_SNAPLEN 65000
#define MAX_ARGS_BYTES 4096
#define MAX_IOVCNT 32		/* iovecs of a sendmsg/recvmsg looked at, as in the eBPF source */
#define MAX_MSG_CONTROL 4096	/* bytes of recvmsg control data kept */
/* The capability bits scap names (CAP_CHOWN 0 .. CAP_CHECKPOINT_RESTORE 40), at the kernel's
 * bit numbers. */
#define SCAP_CAPS_MASK ((1ull << 41) - 1)

/* A syscall in progress: the entry's number and arguments, needed again at its exit. */
struct pending {
	pid_t pid;
	long nr;
	uint64_t args[6];
};

struct scap_sink {
	struct scap_writer *w;
	const char *path;
	unsigned snaplen;
	bool started;		/* the section (metadata) is written */
	bool failed;
	int64_t mono_to_real;	/* ns to add to CLOCK_MONOTONIC for the epoch */
	uint16_t ppm_sc[SYSCALL_NR_LIMIT];
	struct pending *pend;
	size_t npend, pend_cap;
	/* the event being built */
	struct scap_param params[MAX_OUT_PARAMS];
	unsigned np;
	uint8_t *buf;
	size_t off, buf_cap;
};

static bool arg_takes_value(char c)
{
	return strchr("abeEIoOpPsSuUXw", c) != NULL;	/* w: -w FILE */
}

static bool long_takes_value(const char *name)
{
	static const char *const names[] = {
		"columns", "summary-sort-by", "summary-columns", "env", "output", "attach",
		"trace-path", "string-limit", "user", "const-print-style", "write",
	};
	size_t n = strcspn(name, "=");

	if (name[n] == '=')
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/* The end of the options: index of the command (getopt's "+" mode), or ARGC. */
static int options_end(int argc, char **argv, bool *summary)
{
	int i;

	*summary = false;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--"))
			return i;
		if (a[0] != '-' || !a[1])
			return i;
		if (a[1] == '-') {
			if (!strncmp(a, "--summary", 9))
				*summary = true;
			if (long_takes_value(a + 2))
				i++;
			continue;
		}
		for (const char *p = a + 1; *p; p++) {
			if (*p == 'c' || *p == 'C')
				*summary = true;
			if (arg_takes_value(*p)) {
				if (!p[1])
					i++;
				break;
			}
		}
	}
	return i;
}

static void drop_arg(int *argc, char **argv, int i)
{
	memmove(argv + i, argv + i + 1, (*argc - i) * sizeof(*argv));
	(*argc)--;
}

int scap_sink_take_args(int *argc, char **argv, struct scap_sink_opts *o)
{
	bool summary;
	int end = options_end(*argc, argv, &summary);

	memset(o, 0, sizeof(*o));
	o->snaplen = 80;
	if (summary)
		return 0;
	for (int i = 1; i < end; i++) {
		char *a = argv[i];

		if (!strcmp(a, "-w") || !strcmp(a, "--write")) {
			if (i + 1 >= end) {
				msg("trace: %s needs a FILE", a);
				return -1;
			}
			o->path = argv[i + 1];
			drop_arg(argc, argv, i);
			end--;
		} else if (!strncmp(a, "-w", 2) && a[2]) {
			o->path = a + 2;
		} else if (!strncmp(a, "--write=", 8)) {
			o->path = a + 8;
		} else if (!strncmp(a, "--snaplen=", 10)) {
			char *e;
			unsigned long v = strtoul(a + 10, &e, 10);

			if (*e || !a[10] || v > MAX_SNAPLEN) {
				msg("trace: --snaplen: '%s' is not a number up to %d", a + 10,
				    MAX_SNAPLEN);
				return -1;
			}
			o->snaplen = v;
		} else {
			continue;
		}
		drop_arg(argc, argv, i);
		end--;
		i--;
	}
	/* -z means gzip only with a capture; otherwise it stays strace's -z. */
	for (int i = 1; o->path && i < end; i++)
		if (!strcmp(argv[i], "-z")) {
			o->gzip = true;
			drop_arg(argc, argv, i);
			end--;
			i--;
		}
	return 0;
}

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
	s->path = o->path;
	s->snaplen = o->snaplen;
	clock_gettime(CLOCK_MONOTONIC, &mono);
	clock_gettime(CLOCK_REALTIME, &real);
	s->mono_to_real = (real.tv_sec - mono.tv_sec) * 1000000000ll +
			  (real.tv_nsec - mono.tv_nsec);
	/* Syscall number -> PPM_SC code, by name: both tables name syscalls the same way. */
	for (unsigned code = 1; scap_ppm_sc_name(code); code++) {
		long nr = syscall_nr_by_name(scap_ppm_sc_name(code));

		if (nr >= 0 && nr < SYSCALL_NR_LIMIT && !s->ppm_sc[nr])
			s->ppm_sc[nr] = code;
	}
	s->buf_cap = 2 * PATH_MAX + MAX_SNAPLEN + MAX_ARGS_BYTES + 1024;
	s->buf = xmalloc(s->buf_cap);
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

/* Parameter builders: each appends the next parameter's value to the event being built. */
static void put_bytes(struct scap_sink *s, const void *p, size_t n)
{
	if (s->np >= MAX_OUT_PARAMS)
		return;
	if (n > s->buf_cap - s->off)
		n = 0;
	memcpy(s->buf + s->off, p, n);
	s->params[s->np].val = s->buf + s->off;
	s->params[s->np].len = n;
	s->off += n;
	s->np++;
}

static void put_empty(struct scap_sink *s)
{
	put_bytes(s, "", 0);
}

static void put_u64(struct scap_sink *s, uint64_t v)
{
	put_bytes(s, &v, 8);
}

static void put_u32(struct scap_sink *s, uint32_t v)
{
	put_bytes(s, &v, 4);
}

static void put_u16(struct scap_sink *s, uint16_t v)
{
	put_bytes(s, &v, 2);
}

static void put_u8(struct scap_sink *s, uint8_t v)
{
	put_bytes(s, &v, 1);
}

static void put_fd(struct scap_sink *s, uint64_t arg)
{
	put_u64(s, (uint64_t)(int64_t)(int)arg);
}

/*
 * A value for parameter s->np of TYPE that ptrace does not see. Zero for fixed-width types
 * and "" for strings rather than an empty parameter: sysdig 0.29 reads an empty fixed-width
 * parameter past its end and prints garbage. A string past the parameters 0.29 reads is
 * empty: current libs take "" as a value (execve's trusted_exepath "" replaces the path they
 * rebuild from the enter event) but refuse a number of another width.
 */
static void put_na(struct scap_sink *s, unsigned type)
{
	static const uint8_t zeros[16];
	const struct scap_event_info *info = scap_event_info(type);
	enum scap_param_type pt;
	unsigned width;

	if (!info || s->np >= (unsigned)info->nparams) {
		put_empty(s);
		return;
	}
	pt = info->params[s->np].type;
	width = scap_param_type_width(pt);
	if (width && width <= sizeof(zeros))
		put_bytes(s, zeros, width);
	else if ((pt == SCAP_PT_CHARBUF || pt == SCAP_PT_FSPATH || pt == SCAP_PT_FSRELPATH) &&
		 s->np < (unsigned)info->nparams_029)
		put_bytes(s, "", 1);
	else
		put_empty(s);
}

/* A NUL-terminated string of the tracee (a path): empty when unreadable. */
static void put_user_str(struct scap_sink *s, const struct tracer_event *ev, uint64_t addr)
{
	char tmp[PATH_MAX];
	long n = addr && ev->mem ? ev->mem->read_str(ev->mem, addr, tmp, sizeof(tmp)) : -1;

	if (n < 0) {
		put_empty(s);
		return;
	}
	if ((size_t)n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	tmp[n] = 0;
	put_bytes(s, tmp, n + 1);
}

/* N bytes of tracee memory, cut at MAX (at most MAX_SNAPLEN); empty when unreadable. */
static void put_user_buf_max(struct scap_sink *s, const struct tracer_event *ev, uint64_t addr,
			     int64_t n, unsigned max)
{
	static uint8_t tmp[MAX_SNAPLEN];

	if (n <= 0 || !addr || !ev->mem) {
		put_empty(s);
		return;
	}
	if ((uint64_t)n > max)
		n = max;
	/* A page boundary may end the readable part: shrink until it reads. */
	while (n > 0 && ev->mem->read(ev->mem, addr, tmp, n))
		n /= 2;
	put_bytes(s, tmp, n);
}

/* N bytes of tracee memory, cut at the snaplen; empty when unreadable. */
static void put_user_buf(struct scap_sink *s, const struct tracer_event *ev, uint64_t addr,
			 int64_t n)
{
	put_user_buf_max(s, ev, addr, n, s->snaplen);
}

/* The tracee's struct msghdr at ADDR (x86_64's user layout is the kernel's user_msghdr); all
 * zeros when unreadable. */
static void read_msghdr(const struct tracer_event *ev, uint64_t addr, struct msghdr *mh)
{
	if (!addr || !ev->mem || ev->mem->read(ev->mem, addr, mh, sizeof(*mh)))
		memset(mh, 0, sizeof(*mh));
}

/* The sum of the lengths of the first CNT (at most MAX_IOVCNT) iovecs of the tracee at IOV. */
static uint64_t iov_total(const struct tracer_event *ev, const struct iovec *iov, size_t cnt)
{
	uint64_t total = 0;

	for (size_t i = 0; i < cnt && i < MAX_IOVCNT && ev->mem; i++) {
		struct iovec v;

		if (ev->mem->read(ev->mem, (uint64_t)(uintptr_t)(iov + i), &v, sizeof(v)))
			break;
		total += v.iov_len;
	}
	return total;
}

/* The first LEN bytes (cut at the snaplen) the tracee's iovecs at IOV hold, back to back, as
 * PT_BYTEBUF; an unreadable iovec ends the data. */
static void put_iov_data(struct scap_sink *s, const struct tracer_event *ev,
			 const struct iovec *iov, size_t cnt, uint64_t len)
{
	static uint8_t tmp[MAX_SNAPLEN];
	size_t copied = 0;

	if (len > s->snaplen)
		len = s->snaplen;
	for (size_t i = 0; i < cnt && i < MAX_IOVCNT && copied < len && ev->mem; i++) {
		struct iovec v;
		size_t n = len - copied;

		if (ev->mem->read(ev->mem, (uint64_t)(uintptr_t)(iov + i), &v, sizeof(v)))
			break;
		if (n > v.iov_len)
			n = v.iov_len;
		if (n && ev->mem->read(ev->mem, (uint64_t)(uintptr_t)v.iov_base, tmp + copied, n))
			break;
		copied += n;
	}
	put_bytes(s, tmp, copied);
}

/* A sockaddr as PT_SOCKADDR: family byte, then address and port (host order) or path. */
static void put_sockaddr(struct scap_sink *s, const struct tracer_event *ev, uint64_t addr,
			 uint64_t alen)
{
	uint8_t sa[128] = { 0 }, out[128];
	uint16_t family, port;

	if (!addr || alen < 2 || !ev->mem ||
	    ev->mem->read(ev->mem, addr, sa, alen < sizeof(sa) ? alen : sizeof(sa))) {
		put_empty(s);
		return;
	}
	memcpy(&family, sa, 2);
	if (family == 2 && alen >= 8) {			/* AF_INET */
		out[0] = 2;
		memcpy(out + 1, sa + 4, 4);
		port = (uint16_t)(sa[2] << 8 | sa[3]);
		memcpy(out + 5, &port, 2);
		put_bytes(s, out, 7);
	} else if (family == 10 && alen >= 24) {	/* AF_INET6 */
		out[0] = 10;
		memcpy(out + 1, sa + 8, 16);
		port = (uint16_t)(sa[2] << 8 | sa[3]);
		memcpy(out + 17, &port, 2);
		put_bytes(s, out, 19);
	} else if (family == 1) {			/* AF_UNIX; abstract names lose their NUL */
		const char *path = (const char *)sa + 2;
		size_t n;

		if (!path[0])
			path++;
		n = strnlen(path, 107);
		out[0] = 1;
		memcpy(out + 1, path, n);
		out[1 + n] = 0;
		put_bytes(s, out, n + 2);
	} else {
		put_empty(s);
	}
}

/*
 * A socket option's value as PT_DYN: the alternative's u8 (ppm_sockopt_val_kind), then the
 * value read from the tracee at ADDR; unreadable fixed-size values read as 0, as in libs'
 * drivers, and an option of no known shape is its first LEN bytes, cut at the snaplen.
 */
static void put_sockopt_val(struct scap_sink *s, const struct tracer_event *ev, int level,
			    int optname, uint64_t addr, uint32_t len)
{
	static uint8_t out[1 + MAX_SNAPLEN];
	enum ppm_sockopt_val kind = ppm_sockopt_val_kind(level, optname);
	struct { int64_t sec, usec; } tv = { 0 };
	int32_t v32 = 0;
	uint64_t v64 = 0;
	size_t n = 8;

	out[0] = kind;
	switch (kind) {
	case PPM_SOCKOPT_VAL_ERRNO:
	case PPM_SOCKOPT_VAL_UINT32:
		if (!addr || !ev->mem || ev->mem->read(ev->mem, addr, &v32, sizeof(v32)))
			v32 = 0;
		v64 = kind == PPM_SOCKOPT_VAL_ERRNO ? (uint64_t)-(int64_t)v32 : (uint32_t)v32;
		n = kind == PPM_SOCKOPT_VAL_ERRNO ? 8 : 4;
		break;
	case PPM_SOCKOPT_VAL_TIMEVAL:
		if (!addr || !ev->mem || ev->mem->read(ev->mem, addr, &tv, sizeof(tv)))
			tv.sec = tv.usec = 0;
		v64 = (uint64_t)tv.sec * 1000000000ull + (uint64_t)tv.usec * 1000ull;
		break;
	case PPM_SOCKOPT_VAL_UINT64:
		if (!addr || !ev->mem || ev->mem->read(ev->mem, addr, &v64, sizeof(v64)))
			v64 = 0;
		break;
	default:
		n = len < s->snaplen ? len : s->snaplen;
		/* A page boundary may end the readable part: shrink until it reads. */
		while (n > 0 && (!addr || !ev->mem || ev->mem->read(ev->mem, addr, out + 1, n)))
			n = addr && ev->mem ? n / 2 : 0;
		put_bytes(s, out, 1 + n);
		return;
	}
	memcpy(out + 1, &v64, n);
	put_bytes(s, out, 1 + n);
}

/* setsockopt and getsockopt exits: res, fd, level, optname, val, optlen (the caller's for
 * setsockopt, the kernel's *optlen for getsockopt). */
static void put_sockopt_exit(struct scap_sink *s, const struct tracer_event *ev,
			     const uint64_t *a, int64_t ret, uint32_t optlen)
{
	int level = (int)a[1], optname = (int)a[2];

	put_u64(s, ret);
	put_fd(s, a[0]);
	put_u8(s, ppm_sockopt_level(level));
	put_u8(s, ppm_sockopt_name(level, optname));
	put_sockopt_val(s, ev, level, optname, a[3], optlen);
	put_u32(s, optlen);
}

/* A small /proc/PID file, NUL-terminated; its length, or -1. */
static ssize_t read_proc(pid_t pid, const char *what, char *buf, size_t cap)
{
	char path[64];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, what);
	f = fopen(path, "re");
	if (!f)
		return -1;
	n = fread(buf, 1, cap - 1, f);
	fclose(f);
	buf[n] = 0;
	return n;
}

static long proc_status_field(pid_t pid, const char *field)
{
	char buf[4096];
	const char *p;

	if (read_proc(pid, "status", buf, sizeof(buf)) < 0 || !(p = strstr(buf, field)))
		return -1;
	return strtol(p + strlen(field), NULL, 10);
}

static uint32_t proc_kb(pid_t pid, const char *field)
{
	long v = proc_status_field(pid, field);

	return v < 0 ? 0 : v;
}

/* exe, args, tid, pid, ptid, 7 unknowns, comm: the head of execve's and clone's exit. */
/* The cgroups parameter: PID's cgroups as the /proc snapshot lists them. */
static void put_cgroups(struct scap_sink *s, pid_t pid)
{
	size_t len;
	char *items = cgroup_items_of(pid, &len);

	put_bytes(s, items ? items : "", items ? len : 0);
	free(items);
}

static void put_process(struct scap_sink *s, pid_t pid, unsigned type)
{
	static char cmd[MAX_ARGS_BYTES];
	char comm[32];
	ssize_t n = read_proc(pid, "cmdline", cmd, sizeof(cmd));
	long tgid = proc_status_field(pid, "\nTgid:");
	long ppid = proc_status_field(pid, "\nPPid:");

	if (n > 0) {
		size_t n0 = strnlen(cmd, n) + 1;

		if (n0 > (size_t)n)
			n0 = n;
		put_bytes(s, cmd, n0);
		put_bytes(s, cmd + n0, n - n0);
	} else {
		put_empty(s);
		put_empty(s);
	}
	put_u64(s, pid);
	put_u64(s, tgid >= 0 ? tgid : pid);
	put_u64(s, ppid >= 0 ? ppid : 0);
	char cwd[PATH_MAX], link[64];

	snprintf(link, sizeof(link), "/proc/%d/cwd", (int)pid);
	n = readlink(link, cwd, sizeof(cwd) - 1);
	if (n < 0)
		n = 0;
	cwd[n] = 0;
	put_bytes(s, cwd, n + 1);
	put_na(s, type);	/* fdlimit */
	put_na(s, type);	/* pgft_maj */
	put_na(s, type);	/* pgft_min */
	put_u32(s, proc_kb(pid, "\nVmSize:"));
	put_u32(s, proc_kb(pid, "\nVmRSS:"));
	put_u32(s, proc_kb(pid, "\nVmSwap:"));
	n = read_proc(pid, "comm", comm, sizeof(comm));
	if (n > 0 && comm[n - 1] == '\n')
		comm[--n] = 0;
	if (n < 0)
		put_empty(s);
	else
		put_bytes(s, comm, n + 1);
}

static void emit(struct scap_sink *s, const struct tracer_event *ev, unsigned type)
{
	const struct scap_event_info *info = scap_event_info(type);
	struct scap_event out = {
		.ts = ev->when.tv_sec * 1000000000ull + ev->when.tv_nsec + s->mono_to_real,
		.tid = ev->pid, .type = type, .params = s->params,
	};

	if (s->failed || !info || info->nparams < 0 || info->nparams > MAX_OUT_PARAMS)
		return;
	while (s->np < (unsigned)info->nparams)
		put_na(s, type);
	out.nparams = info->nparams;
	if (!s->started) {
		struct scap_meta meta;

		scap_meta_init(&meta);
		proc_snapshot(&meta);
		if (scap_writer_section(s->w, &meta))
			s->failed = true;
		scap_meta_free(&meta);
		s->started = true;
	}
	if (!s->failed && scap_writer_event(s->w, &out))
		s->failed = true;
}

/* stat(2) of descriptor FD of tracee PID, through /proc/PID/fd. */
static int fd_stat(pid_t pid, int fd, struct stat *st)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)pid, fd);
	return stat(path, st);
}

/*
 * The remote end named by the tracee's sockaddr at UADDR when the socket has no peer
 * (unconnected datagrams): the kernel's own sockaddr layout, read as the drivers read it.
 * False when UADDR is absent, unreadable or of another FAMILY.
 */
static bool user_peer(const struct tracer_event *ev, uint64_t uaddr, sa_family_t family,
		      struct sockaddr_storage *out, socklen_t *len)
{
	size_t n = family == AF_INET ? sizeof(struct sockaddr_in) :
		   family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_un);

	memset(out, 0, sizeof(*out));
	if (!uaddr || !ev->mem || ev->mem->read(ev->mem, uaddr, out, n) ||
	    out->ss_family != family)
		return false;
	*len = n;
	return true;
}

/*
 * A TCP connect that failed (other than EINPROGRESS) went through tcp_disconnect(), which
 * clears the source address unless the caller bound it, and the socket's close released its
 * port unless the caller bound that: the kernel's port (inet_num, what the eBPF source reads)
 * is 0 then, while getsockname(2) still reports the stale inet_sport. An unspecified local
 * address after such a failure is taken as the sign of both.
 */
static void released_port(struct sockaddr_storage *local)
{
	static const struct in6_addr any6 = IN6ADDR_ANY_INIT;

	if (local->ss_family == AF_INET) {
		struct sockaddr_in *in = (void *)local;

		if (in->sin_addr.s_addr == htonl(INADDR_ANY))
			in->sin_port = 0;
	} else if (local->ss_family == AF_INET6) {
		struct sockaddr_in6 *in6 = (void *)local;

		if (!memcmp(&in6->sin6_addr, &any6, sizeof(any6)))
			in6->sin6_port = 0;
	}
}

/* A pidfd for thread TID: pidfd_open(2) takes a thread-group leader (other threads only with
 * PIDFD_THREAD, Linux 6.9+), so a thread's is its leader's, whose fd table it shares. */
static int tracee_pidfd(pid_t tid)
{
	int pidfd = (int)syscall(SYS_pidfd_open, tid, 0);
	long tgid;

	if (pidfd < 0 && (tgid = proc_status_field(tid, "\nTgid:")) > 0 && tgid != tid)
		pidfd = (int)syscall(SYS_pidfd_open, (pid_t)tgid, 0);
	return pidfd;
}

/*
 * The endpoints of socket FD of the tracee as PT_SOCKTUPLE (the eBPF source's layout):
 * family, then source and destination, the remote end first for INBOUND calls (accept,
 * receive), the local end first for outbound ones (connect, send). Addresses stay in network
 * byte order, ports are in host order. The tracer takes a copy of the fd (pidfd_getfd(2): it
 * may, as the tracee's tracer) and asks the kernel for both names; a socket without a peer
 * takes the remote end from the tracee's sockaddr at UADDR (0: none), all zeros without one.
 * Unix tuples carry inodes as the ids of the socket and its peer (the drivers' kernel
 * addresses are not visible from user space), the socket's own first for inbound calls and
 * the peer's first for outbound ones, as the drivers order them, then the path of the name:
 * the socket's own for inbound calls, the peer's (or UADDR's) for outbound ones. The peer id
 * is 0 without a peer, and also while the peer is a connection not yet accepted (the kernel
 * gives it an inode when accept(2) attaches it to a file). RELEASED: the call was a failed
 * connect (see released_port()).
 */
static void put_sock_tuple(struct scap_sink *s, const struct tracer_event *ev, int fd,
			   bool inbound, uint64_t uaddr, bool released)
{
	struct sockaddr_storage local, remote;
	socklen_t llen = sizeof(local), rlen = sizeof(remote);
	uint8_t out[1 + 8 + 8 + sizeof(struct sockaddr_un)];
	int pidfd = fd < 0 ? -1 : tracee_pidfd(ev->pid);
	int copy = pidfd < 0 ? -1 : (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	struct stat st;
	bool ok = copy >= 0 && !getsockname(copy, (struct sockaddr *)&local, &llen);
	bool has_peer = ok && !getpeername(copy, (struct sockaddr *)&remote, &rlen);
	int type = 0;
	socklen_t tlen = sizeof(type);

	if (ok && !has_peer && !user_peer(ev, uaddr, local.ss_family, &remote, &rlen)) {
		memset(&remote, 0, sizeof(remote));
		remote.ss_family = local.ss_family;
		rlen = 0;
	}
	if (ok && released && !getsockopt(copy, SOL_SOCKET, SO_TYPE, &type, &tlen) &&
	    type == SOCK_STREAM)
		released_port(&local);
	if (ok && local.ss_family == AF_INET) {
		const struct sockaddr_in *l = (void *)&local, *r = (void *)&remote;
		const struct sockaddr_in *src = inbound ? r : l, *dst = inbound ? l : r;
		uint16_t sport = ntohs(src->sin_port), dport = ntohs(dst->sin_port);

		out[0] = AF_INET;	/* scap families are Linux's numbers */
		memcpy(out + 1, &src->sin_addr, 4);
		memcpy(out + 5, &sport, 2);
		memcpy(out + 7, &dst->sin_addr, 4);
		memcpy(out + 11, &dport, 2);
		put_bytes(s, out, 13);
	} else if (ok && local.ss_family == AF_INET6) {
		const struct sockaddr_in6 *l = (void *)&local, *r = (void *)&remote;
		const struct sockaddr_in6 *src = inbound ? r : l, *dst = inbound ? l : r;
		uint16_t sport = ntohs(src->sin6_port), dport = ntohs(dst->sin6_port);

		out[0] = AF_INET6;
		memcpy(out + 1, &src->sin6_addr, 16);
		memcpy(out + 17, &sport, 2);
		memcpy(out + 19, &dst->sin6_addr, 16);
		memcpy(out + 35, &dport, 2);
		put_bytes(s, out, 37);
	} else if (ok && local.ss_family == AF_UNIX && !fstat(copy, &st)) {
		const struct sockaddr_un *un = (void *)(inbound ? &local : &remote);
		uint64_t self = st.st_ino, peer = unix_peer_inode(st.st_ino);
		size_t off = offsetof(struct sockaddr_un, sun_path);
		socklen_t len = inbound ? llen : rlen;
		size_t n = len > off ? len - off : 0;
		const char *path = un->sun_path;

		if (n && !path[0]) {		/* abstract names lose their NUL, as in the drivers */
			path++;
			n--;
		}
		n = strnlen(path, n);
		out[0] = AF_UNIX;
		memcpy(out + 1, inbound ? &self : &peer, 8);
		memcpy(out + 9, inbound ? &peer : &self, 8);
		memcpy(out + 17, path, n);
		out[17 + n] = 0;
		put_bytes(s, out, 18 + n);
	} else {
		put_empty(s);
	}
	if (copy >= 0)
		close(copy);
	if (pidfd >= 0)
		close(pidfd);
}

static void on_sys_entry(struct scap_sink *s, const struct tracer_event *ev)
{
	const uint64_t *a = ev->args;
	unsigned type;

	switch (ev->nr) {
	case __NR_read: case __NR_write: case __NR_pread64: case __NR_pwrite64:
		type = ev->nr == __NR_read ? PPME_SYSCALL_READ_E :
		       ev->nr == __NR_write ? PPME_SYSCALL_WRITE_E :
		       ev->nr == __NR_pread64 ? PPME_SYSCALL_PREAD_E : PPME_SYSCALL_PWRITE_E;
		put_fd(s, a[0]);
		put_u32(s, a[2]);
		if (type == PPME_SYSCALL_PREAD_E || type == PPME_SYSCALL_PWRITE_E)
			put_u64(s, a[3]);
		break;
	case __NR_open:
		type = PPME_SYSCALL_OPEN_E;
		put_user_str(s, ev, a[0]);
		put_u32(s, ppm_open_flags(a[1]));
		put_u32(s, a[2]);
		break;
	case __NR_openat:
		type = PPME_SYSCALL_OPENAT_2_E;
		put_fd(s, a[0]);
		put_user_str(s, ev, a[1]);
		put_u32(s, ppm_open_flags(a[2]));
		put_u32(s, a[3]);
		break;
	case __NR_close:
		type = PPME_SYSCALL_CLOSE_E;
		put_fd(s, a[0]);
		break;
	case __NR_socket:
		type = PPME_SOCKET_SOCKET_E;
		put_u32(s, a[0]);
		put_u32(s, a[1]);
		put_u32(s, a[2]);
		break;
	case __NR_connect:
		type = PPME_SOCKET_CONNECT_E;
		put_fd(s, a[0]);
		put_sockaddr(s, ev, a[1], a[2]);
		break;
	case __NR_accept:
		type = PPME_SOCKET_ACCEPT_5_E;
		break;
	case __NR_socketpair:
		type = PPME_SOCKET_SOCKETPAIR_E;
		put_u32(s, a[0]);
		put_u32(s, a[1]);
		put_u32(s, a[2]);
		break;
	case __NR_bind:
	case __NR_recvmsg:
		type = ev->nr == __NR_bind ? PPME_SOCKET_BIND_E : PPME_SOCKET_RECVMSG_E;
		put_fd(s, a[0]);
		break;
	case __NR_listen:
		type = PPME_SOCKET_LISTEN_E;
		put_fd(s, a[0]);
		put_u32(s, a[1]);
		break;
	case __NR_recvfrom:
		type = PPME_SOCKET_RECVFROM_E;
		put_fd(s, a[0]);
		put_u32(s, a[2]);
		break;
	case __NR_shutdown:
		type = PPME_SOCKET_SHUTDOWN_E;
		put_fd(s, a[0]);
		put_u8(s, a[1]);	/* SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2 in both numberings */
		break;
	/* The enter tuple of a send names the destination the caller gave, none without one. */
	case __NR_sendto:
		type = PPME_SOCKET_SENDTO_E;
		put_fd(s, a[0]);
		put_u32(s, a[2]);
		if (a[4] && a[5])
			put_sock_tuple(s, ev, (int)a[0], false, a[4], false);
		else
			put_empty(s);
		break;
	case __NR_sendmsg: {
		struct msghdr mh;

		type = PPME_SOCKET_SENDMSG_E;
		read_msghdr(ev, a[1], &mh);
		put_fd(s, a[0]);
		put_u32(s, iov_total(ev, mh.msg_iov, mh.msg_iovlen));
		if (mh.msg_name && mh.msg_namelen)
			put_sock_tuple(s, ev, (int)a[0], false, (uintptr_t)mh.msg_name, false);
		else
			put_empty(s);
		break;
	}
	case __NR_accept4:
		type = PPME_SOCKET_ACCEPT4_5_E;
		put_u32(s, a[3]);
		break;
	case __NR_getsockname: type = PPME_SOCKET_GETSOCKNAME_E; break;
	case __NR_getpeername: type = PPME_SOCKET_GETPEERNAME_E; break;
	case __NR_setsockopt: type = PPME_SOCKET_SETSOCKOPT_E; break;
	case __NR_getsockopt: type = PPME_SOCKET_GETSOCKOPT_E; break;
	case __NR_execve:
		type = PPME_SYSCALL_EXECVE_19_E;
		put_user_str(s, ev, a[0]);
		break;
	case __NR_clone: type = PPME_SYSCALL_CLONE_20_E; break;
	case __NR_fork: type = PPME_SYSCALL_FORK_20_E; break;
	case __NR_vfork: type = PPME_SYSCALL_VFORK_20_E; break;
	case __NR_clone3: type = PPME_SYSCALL_CLONE3_E; break;
	case __NR_setuid: case __NR_setgid:
		type = ev->nr == __NR_setuid ? PPME_SYSCALL_SETUID_E : PPME_SYSCALL_SETGID_E;
		put_u32(s, a[0]);
		break;
	case __NR_setresuid: case __NR_setresgid:
		type = ev->nr == __NR_setresuid ? PPME_SYSCALL_SETRESUID_E :
						  PPME_SYSCALL_SETRESGID_E;
		put_u32(s, a[0]);
		put_u32(s, a[1]);
		put_u32(s, a[2]);
		break;
	default:
		type = PPME_GENERIC_E;
		put_u16(s, ev->nr >= 0 && ev->nr < SYSCALL_NR_LIMIT ? s->ppm_sc[ev->nr] : 0);
		put_u16(s, ev->nr);
		break;
	}
	emit(s, ev, type);
}

/* A "CapEff:"-style hex line of /proc/PID/status STATUS, masked to the bits scap names. */
static uint64_t status_caps(const char *status, const char *field)
{
	const char *p = strstr(status, field);

	return p ? strtoull(p + strlen(field), NULL, 16) & SCAP_CAPS_MASK : 0;
}

/*
 * Parameters 15..29 of an execve exit, from /proc once the tracee runs the new image: env,
 * tty (stat's tty_nr, the kernel's new_encode_dev() form the drivers use too), vpgid,
 * loginuid, flags (PPM_EXE_* not computed), the three capability sets, exe_ino with its
 * ctime and mtime, the effective uid, trusted_exepath (/proc/PID/exe), pgid and the effective
 * gid. The tracer shares the tracee's pid namespace view, so vpgid and pgid are the same.
 */
static void put_exec_task(struct scap_sink *s, pid_t pid)
{
	static char buf[MAX_ARGS_BYTES + 1];
	char status[4096], path[64], exe[PATH_MAX];
	struct proc_task t;
	struct stat st;
	bool have_task = proc_task_read(pid, 0, 0, &t) == 0;
	ssize_t n = read_proc(pid, "environ", buf, sizeof(buf));

	put_bytes(s, buf, n > 0 ? (size_t)n : 0);
	put_u32(s, have_task ? (uint32_t)t.tty_nr : 0);
	put_u64(s, have_task ? (uint64_t)t.pgrp : 0);
	n = read_proc(pid, "loginuid", buf, sizeof(buf));
	put_u32(s, n > 0 ? (uint32_t)strtoul(buf, NULL, 10) : UINT32_MAX);
	put_u32(s, 0);
	if (read_proc(pid, "status", status, sizeof(status)) < 0)
		status[0] = 0;
	put_u64(s, status_caps(status, "\nCapInh:"));
	put_u64(s, status_caps(status, "\nCapPrm:"));
	put_u64(s, status_caps(status, "\nCapEff:"));
	snprintf(path, sizeof(path), "/proc/%d/exe", (int)pid);
	if (stat(path, &st))
		memset(&st, 0, sizeof(st));
	put_u64(s, st.st_ino);
	put_u64(s, st.st_ctim.tv_sec * 1000000000ull + st.st_ctim.tv_nsec);
	put_u64(s, st.st_mtim.tv_sec * 1000000000ull + st.st_mtim.tv_nsec);
	put_u32(s, have_task && t.have_ids ? t.uid[1] : 0);
	n = readlink(path, exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = 0;
		put_bytes(s, exe, n + 1);
	} else {
		put_empty(s);
	}
	put_u64(s, have_task ? (uint64_t)t.pgrp : 0);
	put_u32(s, have_task && t.have_ids ? t.gid[1] : 0);
	if (have_task)
		proc_task_free(&t);
}

static void on_sys_exit(struct scap_sink *s, const struct tracer_event *ev, const struct pending *p)
{
	const uint64_t *a = p->args;
	int64_t ret = ev->rval;
	unsigned type;

	switch (p->nr) {
	case __NR_read: case __NR_write: case __NR_pread64: case __NR_pwrite64:
		type = p->nr == __NR_read ? PPME_SYSCALL_READ_X :
		       p->nr == __NR_write ? PPME_SYSCALL_WRITE_X :
		       p->nr == __NR_pread64 ? PPME_SYSCALL_PREAD_X : PPME_SYSCALL_PWRITE_X;
		put_u64(s, ret);
		put_user_buf(s, ev, a[1], ret);
		put_fd(s, a[0]);
		put_u32(s, a[2]);
		if (type == PPME_SYSCALL_PREAD_X || type == PPME_SYSCALL_PWRITE_X)
			put_u64(s, a[3]);
		break;
	case __NR_open:
		type = PPME_SYSCALL_OPEN_X;
		put_u64(s, ret);
		put_user_str(s, ev, a[0]);
		put_u32(s, ppm_open_flags(a[1]));
		put_u32(s, a[2]);
		break;
	case __NR_openat:
		type = PPME_SYSCALL_OPENAT_2_X;
		put_u64(s, ret);
		put_fd(s, a[0]);
		put_user_str(s, ev, a[1]);
		put_u32(s, ppm_open_flags(a[2]));
		put_u32(s, a[3]);
		break;
	case __NR_close:
		type = PPME_SYSCALL_CLOSE_X;
		put_u64(s, ret);
		put_fd(s, a[0]);
		break;
	case __NR_socket:
		type = PPME_SOCKET_SOCKET_X;
		put_u64(s, ret);
		put_u32(s, a[0]);
		put_u32(s, a[1]);
		put_u32(s, a[2]);
		break;
	case __NR_connect:
		type = PPME_SOCKET_CONNECT_X;
		put_u64(s, ret);
		/* written whatever the result: a failed connect names the address tried */
		put_sock_tuple(s, ev, (int)a[0], false, a[1], ret < 0 && ret != -EINPROGRESS);
		put_fd(s, a[0]);
		put_sockaddr(s, ev, a[1], a[2]);
		break;
	case __NR_accept:
	case __NR_accept4:
		type = p->nr == __NR_accept ? PPME_SOCKET_ACCEPT_5_X : PPME_SOCKET_ACCEPT4_5_X;
		put_u64(s, ret);
		if (ret >= 0)
			put_sock_tuple(s, ev, (int)ret, true, 0, false);
		break;
	case __NR_socketpair: {
		int fds[2] = { -1, -1 };
		struct stat st0, st1;
		bool known = false;

		type = PPME_SOCKET_SOCKETPAIR_X;
		if (ret == 0 && ev->mem && !ev->mem->read(ev->mem, a[3], fds, sizeof(fds)))
			known = !fd_stat(ev->pid, fds[0], &st0) && !fd_stat(ev->pid, fds[1], &st1);
		put_u64(s, ret);
		put_u64(s, (uint64_t)(int64_t)fds[0]);
		put_u64(s, (uint64_t)(int64_t)fds[1]);
		/* the two ends' ids: their inodes, as in the unix tuples */
		put_u64(s, known ? st0.st_ino : 0);
		put_u64(s, known ? st1.st_ino : 0);
		put_u32(s, a[0]);
		put_u32(s, a[1]);
		put_u32(s, a[2]);
		break;
	}
	case __NR_bind:
		type = PPME_SOCKET_BIND_X;
		put_u64(s, ret);
		put_sockaddr(s, ev, a[1], a[2]);
		put_fd(s, a[0]);
		break;
	case __NR_listen:
	case __NR_shutdown:
		type = p->nr == __NR_listen ? PPME_SOCKET_LISTEN_X : PPME_SOCKET_SHUTDOWN_X;
		put_u64(s, ret);
		put_fd(s, a[0]);
		if (p->nr == __NR_listen)
			put_u32(s, a[1]);
		else
			put_u8(s, a[1]);
		break;
	/* A failed send still shows the bytes it was given. */
	case __NR_sendto:
		type = PPME_SOCKET_SENDTO_X;
		put_u64(s, ret);
		put_user_buf(s, ev, a[1], ret > 0 ? ret : (int64_t)(uint32_t)a[2]);
		put_fd(s, a[0]);
		put_u32(s, a[2]);
		if (ret >= 0)
			put_sock_tuple(s, ev, (int)a[0], false, a[4], false);
		else
			put_empty(s);
		break;
	case __NR_recvfrom:
		type = PPME_SOCKET_RECVFROM_X;
		put_u64(s, ret);
		if (ret >= 0) {
			put_user_buf(s, ev, a[1], ret);
			put_sock_tuple(s, ev, (int)a[0], true, a[4], false);
		} else {
			put_empty(s);
			put_empty(s);
		}
		put_fd(s, a[0]);
		put_u32(s, a[2]);
		break;
	case __NR_sendmsg: {
		struct msghdr mh;
		uint64_t size;

		type = PPME_SOCKET_SENDMSG_X;
		read_msghdr(ev, a[1], &mh);
		size = iov_total(ev, mh.msg_iov, mh.msg_iovlen);
		put_u64(s, ret);
		put_iov_data(s, ev, mh.msg_iov, mh.msg_iovlen, ret > 0 ? (uint64_t)ret : size);
		put_fd(s, a[0]);
		put_u32(s, size);
		if (ret >= 0)
			put_sock_tuple(s, ev, (int)a[0], false, (uintptr_t)mh.msg_name, false);
		else
			put_empty(s);
		break;
	}
	/* At the exit the tracee's msghdr holds what the kernel wrote: the sender's address in
	 * msg_name and its length in msg_namelen (0: none), the control data's length. */
	case __NR_recvmsg: {
		struct msghdr mh;

		type = PPME_SOCKET_RECVMSG_X;
		read_msghdr(ev, a[1], &mh);
		put_u64(s, ret);
		put_u32(s, ret > 0 ? ret : 0);
		if (ret >= 0) {
			put_iov_data(s, ev, mh.msg_iov, mh.msg_iovlen, ret);
			put_sock_tuple(s, ev, (int)a[0], true,
				       mh.msg_namelen ? (uintptr_t)mh.msg_name : 0, false);
			put_user_buf_max(s, ev, (uintptr_t)mh.msg_control, mh.msg_controllen,
					 MAX_MSG_CONTROL);
		} else {
			put_empty(s);
			put_empty(s);
			put_empty(s);
		}
		put_fd(s, a[0]);
		break;
	}
	case __NR_getsockname: type = PPME_SOCKET_GETSOCKNAME_X; break;
	case __NR_getpeername: type = PPME_SOCKET_GETPEERNAME_X; break;
	case __NR_setsockopt:
		type = PPME_SOCKET_SETSOCKOPT_X;
		put_sockopt_exit(s, ev, a, ret, (uint32_t)a[4]);
		break;
	case __NR_getsockopt: {
		uint32_t optlen = 0;

		type = PPME_SOCKET_GETSOCKOPT_X;
		if (!a[4] || !ev->mem || ev->mem->read(ev->mem, a[4], &optlen, sizeof(optlen)))
			optlen = 0;
		put_sockopt_exit(s, ev, a, ret, optlen);
		break;
	}
	case __NR_execve:
		type = PPME_SYSCALL_EXECVE_19_X;
		put_u64(s, ret);
		put_process(s, ev->pid, type);
		put_cgroups(s, ev->pid);
		if (ret == 0)
			put_exec_task(s, ev->pid);
		break;
	case __NR_clone: case __NR_fork: case __NR_vfork: case __NR_clone3: {
		uint64_t flags = 0;

		type = p->nr == __NR_clone ? PPME_SYSCALL_CLONE_20_X :
		       p->nr == __NR_fork ? PPME_SYSCALL_FORK_20_X :
		       p->nr == __NR_vfork ? PPME_SYSCALL_VFORK_20_X : PPME_SYSCALL_CLONE3_X;
		if (p->nr == __NR_clone)
			flags = a[0];
		else if (p->nr == __NR_vfork)
			flags = 0x4000 | 0x100;		/* CLONE_VFORK | CLONE_VM */
		else if (p->nr == __NR_clone3 && ev->mem &&
			 ev->mem->read(ev->mem, a[0], &flags, sizeof(flags)))
			flags = 0;
		put_u64(s, ret);
		put_process(s, ev->pid, type);
		put_cgroups(s, ev->pid);
		put_u32(s, ppm_clone_flags(flags));
		put_u32(s, proc_status_field(ev->pid, "\nUid:"));
		put_u32(s, proc_status_field(ev->pid, "\nGid:"));
		break;
	}
	/* Readers take the new ids from these exits (sysdig 0.29 from nothing else). */
	case __NR_setuid: case __NR_setgid:
		type = p->nr == __NR_setuid ? PPME_SYSCALL_SETUID_X : PPME_SYSCALL_SETGID_X;
		put_u64(s, ret);
		put_u32(s, a[0]);
		break;
	case __NR_setresuid: case __NR_setresgid:
		type = p->nr == __NR_setresuid ? PPME_SYSCALL_SETRESUID_X :
						 PPME_SYSCALL_SETRESGID_X;
		put_u64(s, ret);
		put_u32(s, a[0]);
		put_u32(s, a[1]);
		put_u32(s, a[2]);
		break;
	default:
		type = PPME_GENERIC_X;
		put_u16(s, p->nr >= 0 && p->nr < SYSCALL_NR_LIMIT ? s->ppm_sc[p->nr] : 0);
		put_u16(s, p->nr);
		break;
	}
	emit(s, ev, type);
}

/* procexit: the status in wait(2) form, the exit code, the signal and the core flag. */
static void on_procexit(struct scap_sink *s, const struct tracer_event *ev)
{
	uint64_t code = ev->kind == TEV_EXITED ? (uint64_t)(ev->status & 0xff) << 8 :
			(uint64_t)(ev->sig & 0x7f) | (ev->core_dumped ? 0x80 : 0);

	put_u64(s, code);
	put_u64(s, (code >> 8) & 0xff);
	put_u8(s, code & 0x7f);
	put_u8(s, (code >> 7) & 1);
	emit(s, ev, PPME_PROCEXIT_1_E);
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
	on_sys_exit(s, &child, &p);
}

void scap_sink_event(void *sink, const struct tracer_event *ev)
{
	struct scap_sink *s = sink;
	struct pending *p;

	s->np = 0;
	s->off = 0;
	switch (ev->kind) {
	case TEV_SYSCALL_ENTRY:
		p = pending_of(s, ev->pid, true);
		p->nr = ev->nr;
		memcpy(p->args, ev->args, sizeof(p->args));
		on_sys_entry(s, ev);
		break;
	case TEV_SYSCALL_EXIT:
		p = pending_of(s, ev->pid, false);
		if (p && p->nr >= 0) {
			on_sys_exit(s, ev, p);
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

	if (!s->started && !s->failed) {
		/* Nothing traced: still a valid capture, with the metadata. */
		struct scap_meta meta;

		scap_meta_init(&meta);
		proc_snapshot(&meta);
		if (scap_writer_section(s->w, &meta))
			s->failed = true;
		scap_meta_free(&meta);
	}
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
	free(s->buf);
	free(s);
	return rc;
}
