/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysray capture: system-wide syscall events through eBPF, one line per event:
 *   TS CPU COMM TID DIR NAME ARGS...
 * with -n/-M limits, in-kernel --pid and --syscalls filters, -s snaplen, -b ring size,
 * -q (no event lines), --count (events per syscall at the end). The number of events and
 * of records the kernel dropped is always printed at the end, on stderr.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture/event_table.h"
#include "capture/proc_snapshot.h"
#include "capture/scap_writer.h"
#include "cli/commands.h"
#include "schema/names.h"
#include "schema/ppm_flags.h"
#include "schema/ppm_sockopt.h"
#include "schema/syscalls.h"
#include "source/bpf/bpf_record.h"
#include "source/bpf/bpf_source.h"
#include "util/util.h"

/* Records handed over per poll: bounds the time spent before limits and signals are checked. */
#define POLL_BATCH 8192

struct capture {
	uint64_t limit;			/* -n, 0: none */
	uint64_t events;
	bool quiet;
	bool count;
	uint64_t counts[SYSCALL_NR_LIMIT + 1];	/* last slot: procexit */
	uint64_t malformed;
	struct scap_writer *w;		/* -w */
	bool disk_error;		/* the capture file could not be written: stop */
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static int usage(int status)
{
	fprintf(status ? stderr : stdout,
		"Usage: sysray capture [-n N] [-M SECONDS] [--pid PID[,PID...]] "
		"[--syscalls NAME,...]\n"
		"                      [-s SNAPLEN] [-b BUFSIZE_MB] [-q] [--count] [-w FILE [-z]]\n"
		"  -n N              stop after N events\n"
		"  -M SECONDS        stop after SECONDS\n"
		"  --pid PID,...     only these processes and their new children\n"
		"  --syscalls LIST   only these syscalls (names; 'procexit' for process exits)\n"
		"  -s SNAPLEN        bytes of I/O buffers captured (default 80)\n"
		"  -b MB             ring buffer size in MiB, a power of two (default 16)\n"
		"  -q                print no events\n"
		"  -w FILE           write the events to FILE as a .scap capture (sysdig's format)\n"
		"  -z                gzip the capture file\n"
		"  --count           print the number of events per syscall at the end\n");
	return status;
}

static void print_bytes(FILE *f, const uint8_t *p, size_t n, char nul_as)
{
	for (size_t i = 0; i < n; i++) {
		int c = p[i];

		if (!c && nul_as)
			putc(nul_as, f);
		else
			putc(isprint(c) ? c : '.', f);
	}
}

static void print_str(FILE *f, const struct sr_param *p)
{
	size_t n = p->len;

	if (n && !p->val[n - 1])
		n--;
	fwrite(p->val, 1, n, f);
}

static void print_sockaddr(FILE *f, const struct sr_param *p)
{
	const uint8_t *v = p->val;
	uint16_t port;

	if (v[0] == PPM_AF_INET && p->len >= 7) {
		memcpy(&port, v + 5, 2);
		fprintf(f, "%u.%u.%u.%u:%u", v[1], v[2], v[3], v[4], port);
	} else if (v[0] == PPM_AF_INET6 && p->len >= 19) {
		memcpy(&port, v + 17, 2);
		putc('[', f);
		for (int i = 0; i < 16; i += 2)
			fprintf(f, "%s%x", i ? ":" : "", v[1 + i] << 8 | v[2 + i]);
		fprintf(f, "]:%u", port);
	} else if (v[0] == PPM_AF_UNIX) {
		struct sr_param path = { v + 1, p->len - 1 };

		print_str(f, &path);
	} else {
		fprintf(f, "family=%u", v[0]);
	}
}

/* A socket tuple as sysdig prints it: "sip:sport->dip:dport", or "src->dst path" (the kernel's
 * socket ids in hex) for unix sockets. */
static void print_tuple(FILE *f, const struct sr_param *p)
{
	const uint8_t *v = p->val;
	uint16_t sport, dport;
	uint64_t src, dst;

	if (v[0] == PPM_AF_INET && p->len >= 13) {
		memcpy(&sport, v + 5, 2);
		memcpy(&dport, v + 11, 2);
		fprintf(f, "%u.%u.%u.%u:%u->%u.%u.%u.%u:%u", v[1], v[2], v[3], v[4], sport,
			v[7], v[8], v[9], v[10], dport);
	} else if (v[0] == PPM_AF_INET6 && p->len >= 37) {
		char s[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];

		memcpy(&sport, v + 17, 2);
		memcpy(&dport, v + 35, 2);
		inet_ntop(AF_INET6, v + 1, s, sizeof(s));
		inet_ntop(AF_INET6, v + 19, d, sizeof(d));
		fprintf(f, "%s:%u->%s:%u", s, sport, d, dport);
	} else if (v[0] == PPM_AF_UNIX && p->len >= 17) {
		struct sr_param path = { v + 17, p->len - 17 };

		memcpy(&src, v + 1, 8);
		memcpy(&dst, v + 9, 8);
		fprintf(f, "%" PRIx64 "->%" PRIx64 " ", src, dst);
		print_str(f, &path);
	} else {
		fprintf(f, "family=%u", v[0]);
	}
}

static void print_errno(FILE *f, int64_t v)
{
	const char *name = v < 0 && v > -4096 ? errno_name((int)-v) : NULL;

	fprintf(f, "%" PRId64, v);
	if (name)
		fprintf(f, "(%s)", name);
}

/* A socket option's value (PT_DYN): the alternative its first byte names. */
static void print_sockopt_val(FILE *f, const struct sr_param *p)
{
	uint64_t v = 0;

	if (p->len == 5 || p->len == 9)
		memcpy(&v, p->val + 1, p->len - 1);
	switch (p->val[0]) {
	case PPM_SOCKOPT_VAL_ERRNO:
		print_errno(f, (int64_t)v);
		break;
	case PPM_SOCKOPT_VAL_UINT32:
	case PPM_SOCKOPT_VAL_UINT64:
	case PPM_SOCKOPT_VAL_TIMEVAL:
		fprintf(f, "%" PRIu64, v);
		break;
	default:
		print_bytes(f, p->val + 1, p->len - 1, 0);
		break;
	}
}

static void print_param(FILE *f, const struct sr_record *r, uint32_t i,
			const struct scap_param_info *pi)
{
	const struct sr_param *p = &r->params[i];

	fprintf(f, " %s=", pi->name);
	if (!p->len) {
		fputs("<NA>", f);
		return;
	}
	switch (pi->type) {
	case SCAP_PT_ERRNO:
		print_errno(f, sr_param_int(r, i));
		break;
	case SCAP_PT_FD:
		if (sr_param_int(r, i) == -100)
			fputs("-100(AT_FDCWD)", f);
		else
			print_errno(f, sr_param_int(r, i));
		break;
	case SCAP_PT_PID:
	case SCAP_PT_INT64:
		fprintf(f, "%" PRId64, sr_param_int(r, i));
		break;
	case SCAP_PT_FLAGS32:
		fprintf(f, "0x%" PRIx64, sr_param_int(r, i));
		break;
	case SCAP_PT_CHARBUF:
	case SCAP_PT_FSPATH:
	case SCAP_PT_FSRELPATH:
		print_str(f, p);
		break;
	case SCAP_PT_BYTEBUF:
		print_bytes(f, p->val, p->len, strcmp(pi->name, "args") ? 0 : ' ');
		break;
	case SCAP_PT_SOCKADDR:
		print_sockaddr(f, p);
		break;
	case SCAP_PT_SOCKTUPLE:
		print_tuple(f, p);
		break;
	case SCAP_PT_INT32:
		fprintf(f, "%" PRId32, (int32_t)sr_param_int(r, i));
		break;
	case SCAP_PT_DYN:
		print_sockopt_val(f, p);
		break;
	default:
		fprintf(f, "%" PRIu64, (uint64_t)sr_param_int(r, i));
		break;
	}
}

static const char *syscall_name(long nr, char *buf, size_t n)
{
	const struct syscall_info *si = syscall_by_nr(nr);

	if (si)
		return si->name;
	snprintf(buf, n, "syscall_%ld", nr);
	return buf;
}

/* EI: the event table's row of the record's type; NPARAMS: how many the source writes. */
static void print_event(FILE *f, const struct sr_record *r, const struct scap_event_info *ei,
			uint32_t nparams)
{
	char comm[17], nbuf[32];
	const char *name = ei->name;
	bool generic = scap_event_is_generic(r->type);
	long nr = generic && r->nparams > 1 ? (long)sr_param_int(r, 1) : -1;

	memcpy(comm, r->prefix->comm, 16);
	comm[16] = 0;
	if (generic)
		name = syscall_name(nr, nbuf, sizeof(nbuf));
	fprintf(f, "%" PRIu64 ".%09" PRIu64 " %u %s %" PRIu64 " %c %s",
		r->ts / 1000000000, r->ts % 1000000000, r->prefix->cpu, comm, r->tid,
		scap_event_is_enter(r->type) ? '>' : '<', name);
	if (generic) {
		const struct syscall_info *si = syscall_by_nr(nr);
		uint32_t nargs = si ? si->nargs : 6;

		if (r->type == PPME_GENERIC_E) {
			for (uint32_t i = 0; i < nargs && 2 + i < r->nparams; i++)
				fprintf(f, " a%u=0x%" PRIx64, i, (uint64_t)sr_param_int(r, 2 + i));
		} else if (r->nparams > 2) {
			fputs(" res=", f);
			print_errno(f, sr_param_int(r, 2));
		}
	} else {
		for (uint32_t i = 0; i < r->nparams && i < nparams && (int)i < ei->nparams; i++)
			print_param(f, r, i, &ei->params[i]);
	}
	putc('\n', f);
}

/*
 * One record as a capture-file event, in the dual profile of reference §16.3: every code the
 * source emits is known to sysdig 0.29; the event carries exactly HEAD's parameter count for
 * its code (what 0.29 lacks it ignores, what we lack is written empty, which both read as
 * "not available"). Generic events keep ID and nativeID: their raw arguments and return
 * value are ours, not scap's.
 */
static int write_event(struct capture *c, const struct sr_record *r)
{
	const struct scap_event_info *info = scap_event_info(r->type);
	struct scap_param params[SR_MAX_PARAMS + 16];
	struct scap_event ev = {
		.ts = r->ts, .tid = (int64_t)r->tid, .type = r->type, .cpu = r->prefix->cpu,
		.params = params,
	};
	uint32_t n;

	if (!info || info->nparams < 0 || info->nparams > (int)ARRAY_SIZE(params))
		return 0;
	n = info->nparams;
	for (uint32_t i = 0; i < n; i++) {
		params[i].val = i < r->nparams ? r->params[i].val : NULL;
		params[i].len = i < r->nparams ? r->params[i].len : 0;
	}
	ev.nparams = n;
	if (scap_writer_event(c->w, &ev)) {
		c->disk_error = true;
		return 1;
	}
	return 0;
}

static int on_record(void *ctx, const void *data, size_t size)
{
	struct capture *c = ctx;
	struct sr_record r;
	const struct scap_event_info *ei;
	int nparams;

	if (sr_record_parse(data, size, &r) || (nparams = sr_event_nparams(r.type)) < 0 ||
	    !(ei = scap_event_info(r.type))) {
		c->malformed++;
		return 0;
	}
	c->events++;
	if (c->count && scap_event_is_enter(r.type)) {
		long nr = SYSCALL_NR_LIMIT;

		if (r.type == PPME_GENERIC_E)
			nr = sr_param_int(&r, 1);
		else if (r.type != PPME_PROCEXIT_1_E)
			nr = syscall_nr_by_name(ei->name);
		if (r.type == PPME_SYSCALL_PREAD_E)
			nr = syscall_nr_by_name("pread64");
		else if (r.type == PPME_SYSCALL_PWRITE_E)
			nr = syscall_nr_by_name("pwrite64");
		else if (r.type == PPME_SOCKET_ACCEPT4_5_E)
			nr = syscall_nr_by_name("accept4");
		if (nr >= 0 && nr <= SYSCALL_NR_LIMIT)
			c->counts[nr]++;
	}
	if (c->w && write_event(c, &r))
		return 1;
	if (!c->quiet)
		print_event(stdout, &r, ei, nparams);
	return c->limit && c->events >= c->limit;
}

/* Parses "open,read,procexit" into the syscall bitmap; -1 with a message on a bad name. */
static int parse_syscalls(const char *list, uint64_t *mask, bool *procexit)
{
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		long nr;

		if (!strcmp(tok, "procexit")) {
			*procexit = true;
			continue;
		}
		nr = syscall_nr_by_name(tok);
		if (nr < 0 || nr >= SR_MAX_SYSCALLS) {
			msg("capture: --syscalls: unknown syscall '%s'", tok);
			rc = -1;
			break;
		}
		mask[nr / 64] |= 1ull << (nr % 64);
	}
	free(copy);
	return rc;
}

static int parse_pids(const char *list, pid_t **pids, size_t *n)
{
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;

	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *end;
		long v = strtol(tok, &end, 10);

		if (*end || end == tok || v <= 0 || v > 0x3fffffff) {
			msg("capture: --pid: '%s' is not a process id", tok);
			rc = -1;
			break;
		}
		*pids = xrealloc(*pids, (*n + 1) * sizeof(**pids));
		(*pids)[(*n)++] = v;
	}
	free(copy);
	return rc;
}

static int parse_uint(const char *opt, const char *arg, unsigned long long max,
		      unsigned long long *out)
{
	char *end;

	errno = 0;
	*out = strtoull(arg, &end, 10);
	if (errno || *end || end == arg || arg[0] == '-' || *out > max) {
		msg("capture: %s: '%s' is not a number from 0 to %llu", opt, arg, max);
		return -1;
	}
	return 0;
}

static void print_counts(const struct capture *c)
{
	uint64_t total = 0;

	for (;;) {
		uint64_t best = 0;
		long at = -1;

		for (long i = 0; i <= SYSCALL_NR_LIMIT; i++)
			if (c->counts[i] > best) {
				best = c->counts[i];
				at = i;
			}
		if (at < 0)
			break;
		char nbuf[32];

		printf("%12" PRIu64 " %s\n", best,
		       at == SYSCALL_NR_LIMIT ? "procexit" : syscall_name(at, nbuf, sizeof(nbuf)));
		total += best;
		((struct capture *)c)->counts[at] = 0;
	}
	printf("%12" PRIu64 " total\n", total);
}

int cmd_capture(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "pid", required_argument, NULL, 'p' },
		{ "syscalls", required_argument, NULL, 'e' },
		{ "count", no_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct capture *c = xcalloc(1, sizeof(*c));
	struct bpf_source_config cfg = { .procexit = true };
	uint64_t mask[SR_SC_WORDS] = { 0 };
	pid_t *pids = NULL;
	size_t npids = 0;
	unsigned long long v, seconds = 0;
	int opt, status = 1;
	bool have_mask = false, gzip = false;
	const char *wpath = NULL;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "+n:M:s:b:qw:zh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			if (parse_uint("-n", optarg, UINT64_MAX, &v))
				goto out;
			c->limit = v;
			break;
		case 'M':
			if (parse_uint("-M", optarg, 1u << 30, &seconds))
				goto out;
			break;
		case 's':
			if (parse_uint("-s", optarg, SR_MAX_SNAPLEN, &v))
				goto out;
			cfg.snaplen = v ? v : 1;
			break;
		case 'b':
			if (parse_uint("-b", optarg, 1024, &v))
				goto out;
			if (!v || (v & (v - 1))) {
				msg("capture: -b: %llu MiB is not a power of two", v);
				goto out;
			}
			cfg.ring_mb = v;
			break;
		case 'q':
			c->quiet = true;
			break;
		case 'c':
			c->count = true;
			break;
		case 'w':
			wpath = optarg;		/* as in sysdig: written, not printed */
			c->quiet = true;
			break;
		case 'z':
			gzip = true;
			break;
		case 'p':
			if (parse_pids(optarg, &pids, &npids))
				goto out;
			break;
		case 'e':
			if (!have_mask)
				cfg.procexit = false;
			have_mask = true;
			if (parse_syscalls(optarg, mask, &cfg.procexit))
				goto out;
			break;
		case 'h':
			status = usage(0);
			goto out;
		default:
			status = usage(1);
			goto out;
		}
	}
	if (optind < argc) {
		msg("capture: unexpected argument '%s'", argv[optind]);
		status = usage(1);
		goto out;
	}
	if (gzip && !wpath) {
		msg("capture: -z needs -w FILE");
		status = usage(1);
		goto out;
	}
	cfg.pids = pids;
	cfg.npids = npids;
	cfg.syscall_mask = have_mask ? mask : NULL;

	char err[600];
	/* Caught before the (slow) load: a SIGINT during it ends the capture once it started,
	 * instead of being lost (a background job starts with SIGINT ignored). */
	struct sigaction sa = { .sa_handler = on_signal };

	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* /proc is read right before the programs are attached and again after: a process
	 * started in between is in the second reading or in the events, and one that ended in
	 * between is in the first (with its exit in the events). */
	struct scap_meta early;

	scap_meta_init(&early);
	if (wpath) {
		cfg.before_attach = proc_snapshot_before_attach;
		cfg.before_attach_arg = &early;
	}
	struct bpf_source *src = bpf_source_open(&cfg, err, sizeof(err));

	if (!src) {
		scap_meta_free(&early);
		msg("capture: eBPF capture unavailable: %s", err);
		if (npids)
			msg("capture: for given processes, 'sysray trace -f -p PID' (ptrace) "
			    "works without eBPF");
		goto out;
	}
	if (wpath) {
		struct scap_meta meta;
		char werr[400];

		c->w = scap_writer_open(wpath, gzip, werr, sizeof(werr));
		if (!c->w) {
			msg("capture: %s", werr);
			scap_meta_free(&early);
			bpf_source_close(src);
			goto out;
		}
		scap_meta_init(&meta);
		proc_snapshot(&meta);
		proc_snapshot_keep_exited(&meta, &early);
		scap_meta_free(&early);
		int e = scap_writer_section(c->w, &meta);

		scap_meta_free(&meta);
		if (e) {
			msg("capture: %s", scap_writer_error(c->w));
			scap_writer_close(c->w, NULL, 0);
			bpf_source_close(src);
			goto out;
		}
	}
	static char obuf[1 << 20];

	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	if (!c->quiet || wpath)
		fprintf(stderr, "capture: attached (%s), ring %u MiB, snaplen %u\n",
			bpf_source_attach_kind(src), cfg.ring_mb ? cfg.ring_mb : 16,
			cfg.snaplen ? cfg.snaplen : 80);

	struct timespec t0, now;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	status = 0;
	while (!interrupted && !c->disk_error && !(c->limit && c->events >= c->limit)) {
		long n = bpf_source_poll(src, 100, POLL_BATCH, on_record, c);

		if (n < 0) {
			msg("capture: reading the ring buffer: %s", strerror((int)-n));
			status = 1;
			break;
		}
		if (seconds) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			if ((unsigned long long)(now.tv_sec - t0.tv_sec) * 1000000000ull +
			    now.tv_nsec - t0.tv_nsec >= seconds * 1000000000ull)
				break;
		}
	}
	/* No new records after the detach: the drain below ends. */
	bpf_source_detach(src);
	while (!c->disk_error && !(c->limit && c->events >= c->limit) &&
	       bpf_source_poll(src, 0, POLL_BATCH, on_record, c) > 0)
		;
	if (c->w) {
		char werr[400];
		unsigned long long written = scap_writer_events(c->w);

		if (c->disk_error)
			msg("capture: %s: capture stopped; the file keeps the %llu events written "
			    "before", scap_writer_error(c->w), written);
		if (scap_writer_close(c->w, werr, sizeof(werr))) {
			if (!c->disk_error)
				msg("capture: %s", werr);
			status = 1;
		}
		if (c->disk_error)
			status = 1;
	}
	if (c->count)
		print_counts(c);
	fflush(stdout);
	fprintf(stderr, "%" PRIu64 " events, %" PRIu64 " dropped\n", c->events,
		bpf_source_drops(src));
	if (c->malformed)
		msg("capture: %" PRIu64 " malformed records skipped", c->malformed);
	bpf_source_close(src);
out:
	free(pids);
	free(c);
	return status;
}
