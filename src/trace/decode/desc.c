/*
 * Descriptor syscalls that make, copy or close fds (close, dup*, pipe*, eventfd*,
 * timerfd_*, signalfd*, memfd_create, inotify_init*, io_uring_setup), the small ones that
 * take an fd and numbers (lseek, fadvise64, fallocate, readahead, sync_file_range), and
 * the helpers the other desc files share (desc_impl.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/desc_impl.h"
#include "trace/decode/xlat_file.h"
#include "trace/opts.h"

/* ---- shared helpers ---- */

unsigned desc_str_limit(const struct sc *sc)
{
	return sc->opt ? (unsigned)sc->opt->string_limit : 32;
}

bool desc_peek(struct sc *sc, uint64_t addr, void *buf, size_t n)
{
	/* Outputs of a failed syscall hold nothing the kernel wrote: strace shows addresses. */
	if (!addr || sc->no_deref || (sc->exiting && sc_failed(sc)))
		return false;
	return umove(sc, addr, buf, n) == 0;
}

bool desc_fetch(struct sc *sc, uint64_t addr, void *buf, size_t n)
{
	if (desc_peek(sc, addr, buf, n))
		return true;
	print_addr(sc, addr);
	return false;
}

/* The largest element desc_print_array is used with (struct epoll_event, iovec ...). */
#define DESC_ELEM_MAX 64

void desc_print_array(struct sc *sc, uint64_t addr, uint64_t nmemb, size_t size,
		      unsigned flags, desc_elem_fn *print_elem, void *data)
{
	unsigned char elem[DESC_ELEM_MAX];

	if (!addr) {
		pr_text(sc->p, "NULL");
		return;
	}
	if (!nmemb) {
		pr_array_begin(sc->p);
		pr_array_end(sc->p);
		return;
	}
	/* An array that wraps around the address space is not read at all. */
	if (size > DESC_ELEM_MAX || nmemb > UINT64_MAX / size || addr + nmemb * size <= addr) {
		print_addr(sc, addr);
		return;
	}
	uint64_t shown = nmemb;
	if (!sc->verbose && desc_str_limit(sc) < nmemb)
		shown = desc_str_limit(sc);

	uint64_t i;
	for (i = 0; i < nmemb; i++) {
		uint64_t cur = addr + i * size;
		bool ok;
		if (flags & DESC_ARRAY_IGNORE_ERR)
			ok = !sc->no_deref && umove(sc, cur, elem, size) == 0;
		else
			ok = desc_peek(sc, cur, elem, size);
		if (!ok) {
			if (i == 0) {
				print_addr(sc, addr);
				return;
			}
			pr_more(sc->p);
			pr_comment(sc->p, "%#" PRIx64, cur);
			break;
		}
		if (i == 0)
			pr_array_begin(sc->p);
		if (i >= shown) {
			pr_more(sc->p);
			break;
		}
		if (!print_elem(sc, elem, data))
			break;
	}
	pr_array_end(sc->p);
}

struct k_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

struct k_timeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

/* The sub-second field prints as an unsigned number, whatever its sign. */
static void pr_time_pair(struct pr *p, const char *frac_name, int64_t sec, int64_t frac)
{
	pr_struct_begin(p);
	pr_field(p, "tv_sec");
	pr_int(p, sec);
	pr_field(p, frac_name);
	pr_uint(p, (uint64_t)frac);
	pr_struct_end(p);
}

void desc_print_timespec(struct sc *sc, uint64_t addr)
{
	struct k_timespec ts;
	if (desc_fetch(sc, addr, &ts, sizeof(ts)))
		pr_time_pair(sc->p, "tv_nsec", ts.tv_sec, ts.tv_nsec);
}

void desc_print_timeval(struct sc *sc, uint64_t addr)
{
	struct k_timeval tv;
	if (desc_fetch(sc, addr, &tv, sizeof(tv)))
		pr_time_pair(sc->p, "tv_usec", tv.tv_sec, tv.tv_usec);
}

void desc_print_itimerspec(struct sc *sc, uint64_t addr)
{
	struct k_timespec its[2];	/* it_interval, it_value */
	if (!desc_fetch(sc, addr, its, sizeof(its)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "it_interval");
	pr_time_pair(sc->p, "tv_nsec", its[0].tv_sec, its[0].tv_nsec);
	pr_field(sc->p, "it_value");
	pr_time_pair(sc->p, "tv_nsec", its[1].tv_sec, its[1].tv_nsec);
	pr_struct_end(sc->p);
}

static const char *sprint_time_pair(struct sc *sc, uint64_t addr, const char *frac_name,
				    char *buf, size_t n)
{
	struct k_timespec t;	/* timeval has the same layout on x86_64 */
	if (!addr)
		snprintf(buf, n, "NULL");
	else if (!desc_peek(sc, addr, &t, sizeof(t)))
		snprintf(buf, n, "%#" PRIx64, addr);
	else
		snprintf(buf, n, "{tv_sec=%" PRId64 ", %s=%" PRIu64 "}", t.tv_sec, frac_name,
			 (uint64_t)t.tv_nsec);
	return buf;
}

const char *desc_sprint_timespec(struct sc *sc, uint64_t addr, char *buf, size_t n)
{
	return sprint_time_pair(sc, addr, "tv_nsec", buf, n);
}

const char *desc_sprint_timeval(struct sc *sc, uint64_t addr, char *buf, size_t n)
{
	return sprint_time_pair(sc, addr, "tv_usec", buf, n);
}

/* The kernel's sigset_t on x86_64: 64 signals, 8 bytes. */
#define K_SIGSET_BYTES 8

void desc_print_sigmask(struct sc *sc, uint64_t addr, uint64_t len)
{
	uint32_t mask[K_SIGSET_BYTES / 4] = { 0 };

	/* The kernel takes a word to a whole sigset; other sizes are not read. */
	if (len < 8 || len > K_SIGSET_BYTES) {
		print_addr(sc, addr);
		return;
	}
	if (!desc_fetch(sc, addr, mask, len))
		return;

	unsigned words = (unsigned)(len + 3) / 4;
	unsigned set = 0;
	for (unsigned w = 0; w < words; w++)
		set += (unsigned)__builtin_popcount(mask[w]);
	char out[8 * 64 + 8];
	size_t o = 0;
	/* With two thirds or more of the signals in it, the set prints as ~[missing ones]. */
	if (set >= words * 32 * 2 / 3) {
		for (unsigned w = 0; w < words; w++)
			mask[w] = ~mask[w];
		out[o++] = '~';
	}
	enum pr_xlat_style style = sc->p->xlat_style;
	char sep = '[';
	for (unsigned bit = 0; bit < words * 32; bit++) {
		if (!(mask[bit / 32] >> (bit % 32) & 1))
			continue;
		int sig = (int)bit + 1;
		const char *name = signal_name(sig);
		out[o++] = sep;
		sep = ' ';
		if (style != PR_XLAT_ABBREV || !name)
			o += (size_t)snprintf(out + o, sizeof(out) - o, "%d", sig);
		if (style == PR_XLAT_VERBOSE && name)
			o += (size_t)snprintf(out + o, sizeof(out) - o, " /* %s */", name + 3);
		else if (style == PR_XLAT_ABBREV && name)
			o += (size_t)snprintf(out + o, sizeof(out) - o, "%s", name + 3);
		if (o >= sizeof(out) - 24)
			break;
	}
	if (sep == '[')
		out[o++] = '[';
	out[o++] = ']';
	out[o] = 0;
	pr_text(sc->p, out);
}

void desc_print_buf_hex(struct sc *sc, uint64_t addr, uint64_t len)
{
	enum pr_str_style saved = sc->p->str_style;
	sc->p->str_style = PR_STR_HEX_ALL;
	print_buf(sc, addr, len);
	sc->p->str_style = saved;
}

const char *desc_sprint_flags(char *buf, size_t n, const struct xlat *x, uint64_t v,
			      enum pr_xlat_style style)
{
	size_t len = 0;
	bool found = false;

#define APPEND(...) (len += (size_t)snprintf(buf + len, len < n ? n - len : 0, __VA_ARGS__))
	buf[0] = 0;
	if (style == PR_XLAT_RAW) {
		APPEND("%#" PRIx64, v);
		return buf;
	}
	const char *zero = v ? NULL : xlat_lookup(x, 0);
	if (!v) {
		if (zero && style == PR_XLAT_VERBOSE)
			APPEND("0 /* %s */", zero);
		else
			APPEND("%s", zero ? zero : "0");
		return buf;
	}
	/* -X verbose: the number, then the names in a comment when there are any. */
	if (style == PR_XLAT_VERBOSE)
		APPEND("%#" PRIx64, v);
	for (size_t i = 0; i < x->n && v; i++) {
		uint64_t bits = x->pairs[i].val;
		if (!bits || (v & bits) != bits)
			continue;
		if (found)
			APPEND("|");
		else if (style == PR_XLAT_VERBOSE)
			APPEND(" /* ");
		APPEND("%s", x->pairs[i].str);
		found = true;
		v &= ~bits;
	}
	if (v && (found || style != PR_XLAT_VERBOSE))
		APPEND("%s%#" PRIx64, found ? "|" : "", v);
	if (found && style == PR_XLAT_VERBOSE)
		APPEND(" */");
#undef APPEND
	return buf;
}

XLAT_DEFINE(desc_clock_names,
	{ 0, "CLOCK_REALTIME" },
	{ 1, "CLOCK_MONOTONIC" },
	{ 2, "CLOCK_PROCESS_CPUTIME_ID" },
	{ 3, "CLOCK_THREAD_CPUTIME_ID" },
	{ 4, "CLOCK_MONOTONIC_RAW" },
	{ 5, "CLOCK_REALTIME_COARSE" },
	{ 6, "CLOCK_MONOTONIC_COARSE" },
	{ 7, "CLOCK_BOOTTIME" },
	{ 8, "CLOCK_REALTIME_ALARM" },
	{ 9, "CLOCK_BOOTTIME_ALARM" },
	{ 10, "CLOCK_SGI_CYCLE" },
	{ 11, "CLOCK_TAI" });

void desc_print_clockid(struct sc *sc, int clockid)
{
	/* An unknown id, dynamic ones included, prints as a 32-bit hex value. */
	pr_xval(sc->p, &desc_clock_names, (uint32_t)clockid, "CLOCK_???");
}

/* ---- close, dup, pipe ---- */

int decode_close(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

XLAT_DEFINE(desc_close_range_flags,
	{ 1u << 1, "CLOSE_RANGE_UNSHARE" },
	{ 1u << 2, "CLOSE_RANGE_CLOEXEC" });

int decode_close_range(struct sc *sc)
{
	pr_uint(sc->p, (uint32_t)sc->arg[0]);
	pr_uint(sc->p, (uint32_t)sc->arg[1]);
	pr_flags(sc->p, &desc_close_range_flags, (uint32_t)sc->arg[2], "CLOSE_RANGE_???");
	return RV_DECODED | RV_DEC;
}

int decode_dup(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	return RV_DECODED | RV_FD;
}

int decode_dup2(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_fd(sc, (int)sc->arg[1]);
	return RV_DECODED | RV_FD;
}

int decode_dup3(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_fd(sc, (int)sc->arg[1]);
	pr_flags(sc->p, &xlat_open_mode_flags, (uint32_t)sc->arg[2], "O_???");
	return RV_DECODED | RV_FD;
}

static bool print_fd_elem(struct sc *sc, const void *elem, void *data)
{
	int fd;
	memcpy(&fd, elem, sizeof(fd));
	print_fd(sc, fd);
	return true;
}

/* pipe(2) and pipe2(2): the fd pair is an output, printed at exit. */
static int decode_pipe_common(struct sc *sc, bool has_flags)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	desc_print_array(sc, sc->arg[0], 2, sizeof(int), 0, print_fd_elem, NULL);
	if (has_flags)
		pr_flags(sc->p, &xlat_open_mode_flags, (uint32_t)sc->arg[1], "O_???");
	return RV_DEC;
}

int decode_pipe(struct sc *sc)
{
	return decode_pipe_common(sc, false);
}

int decode_pipe2(struct sc *sc)
{
	return decode_pipe_common(sc, true);
}

/* ---- seek, advice, allocation ---- */

XLAT_DEFINE(desc_whence_codes,
	{ 0, "SEEK_SET" },
	{ 1, "SEEK_CUR" },
	{ 2, "SEEK_END" },
	{ 3, "SEEK_DATA" },
	{ 4, "SEEK_HOLE" });

int decode_lseek(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_int(sc->p, (int64_t)sc->arg[1]);
	pr_xval(sc->p, &desc_whence_codes, (uint32_t)sc->arg[2], "SEEK_???");
	return RV_DECODED | RV_DEC;
}

XLAT_DEFINE(desc_fadvise_advice,
	{ 0, "POSIX_FADV_NORMAL" },
	{ 1, "POSIX_FADV_RANDOM" },
	{ 2, "POSIX_FADV_SEQUENTIAL" },
	{ 3, "POSIX_FADV_WILLNEED" },
	{ 4, "POSIX_FADV_DONTNEED" },
	{ 5, "POSIX_FADV_NOREUSE" });

int decode_fadvise64(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_int(sc->p, (int64_t)sc->arg[1]);
	pr_uint(sc->p, sc->arg[2]);
	pr_xval(sc->p, &desc_fadvise_advice, (uint32_t)sc->arg[3], "POSIX_FADV_???");
	return RV_DECODED | RV_DEC;
}

XLAT_DEFINE(desc_falloc_flags,
	{ 0x01, "FALLOC_FL_KEEP_SIZE" },
	{ 0x02, "FALLOC_FL_PUNCH_HOLE" },
	{ 0x04, "FALLOC_FL_NO_HIDE_STALE" },
	{ 0x08, "FALLOC_FL_COLLAPSE_RANGE" },
	{ 0x10, "FALLOC_FL_ZERO_RANGE" },
	{ 0x20, "FALLOC_FL_INSERT_RANGE" },
	{ 0x40, "FALLOC_FL_UNSHARE_RANGE" });

int decode_fallocate(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_flags(sc->p, &desc_falloc_flags, (uint32_t)sc->arg[1], "FALLOC_FL_???");
	pr_int(sc->p, (int64_t)sc->arg[2]);
	pr_int(sc->p, (int64_t)sc->arg[3]);
	return RV_DECODED | RV_DEC;
}

int decode_readahead(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_int(sc->p, (int64_t)sc->arg[1]);
	pr_uint(sc->p, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

XLAT_DEFINE(desc_sync_file_range_flags,
	{ 1, "SYNC_FILE_RANGE_WAIT_BEFORE" },
	{ 2, "SYNC_FILE_RANGE_WRITE" },
	{ 4, "SYNC_FILE_RANGE_WAIT_AFTER" });

int decode_sync_file_range(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_int(sc->p, (int64_t)sc->arg[1]);
	pr_int(sc->p, (int64_t)sc->arg[2]);
	pr_flags(sc->p, &desc_sync_file_range_flags, (uint32_t)sc->arg[3],
		 "SYNC_FILE_RANGE_???");
	return RV_DECODED | RV_DEC;
}

/* ---- fds for events: eventfd, timerfd, signalfd, inotify, memfd ---- */

XLAT_DEFINE(desc_efd_flags,
	{ 1, "EFD_SEMAPHORE" },
	{ 02000000, "EFD_CLOEXEC" },
	{ 04000, "EFD_NONBLOCK" });

int decode_eventfd(struct sc *sc)
{
	pr_uint(sc->p, (uint32_t)sc->arg[0]);
	return RV_DECODED | RV_FD;
}

int decode_eventfd2(struct sc *sc)
{
	pr_uint(sc->p, (uint32_t)sc->arg[0]);
	pr_flags(sc->p, &desc_efd_flags, (uint32_t)sc->arg[1], "EFD_???");
	return RV_DECODED | RV_FD;
}

XLAT_DEFINE(desc_timerfd_flags,
	{ 1 << 0, "TFD_TIMER_ABSTIME" },
	{ 1 << 1, "TFD_TIMER_CANCEL_ON_SET" },
	{ 02000000, "TFD_CLOEXEC" },
	{ 04000, "TFD_NONBLOCK" });

int decode_timerfd_create(struct sc *sc)
{
	desc_print_clockid(sc, (int)sc->arg[0]);
	pr_flags(sc->p, &desc_timerfd_flags, (uint32_t)sc->arg[1], "TFD_???");
	return RV_DECODED | RV_FD;
}

/* The new value is read at entry, the old one (an output) at exit. */
int decode_timerfd_settime(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		pr_flags(sc->p, &desc_timerfd_flags, (uint32_t)sc->arg[1], "TFD_???");
		desc_print_itimerspec(sc, sc->arg[2]);
		return DEC_AT_EXIT;
	}
	desc_print_itimerspec(sc, sc->arg[3]);
	return RV_DEC;
}

int decode_timerfd_gettime(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	desc_print_itimerspec(sc, sc->arg[1]);
	return RV_DEC;
}

XLAT_DEFINE(desc_sfd_flags,
	{ 02000000, "SFD_CLOEXEC" },
	{ 04000, "SFD_NONBLOCK" });

int decode_signalfd(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	desc_print_sigmask(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	return RV_DECODED | RV_FD;
}

int decode_signalfd4(struct sc *sc)
{
	decode_signalfd(sc);
	pr_flags(sc->p, &desc_sfd_flags, (uint32_t)sc->arg[3], "SFD_???");
	return RV_DECODED | RV_FD;
}

XLAT_DEFINE(desc_inotify_init_flags,
	{ 04000, "IN_NONBLOCK" },
	{ 02000000, "IN_CLOEXEC" });

int decode_inotify_init(struct sc *sc)
{
	return RV_DECODED | RV_FD;
}

int decode_inotify_init1(struct sc *sc)
{
	pr_flags(sc->p, &desc_inotify_init_flags, (uint32_t)sc->arg[0], "IN_???");
	return RV_DECODED | RV_FD;
}

XLAT_DEFINE(desc_memfd_flags,
	{ 0x1, "MFD_CLOEXEC" },
	{ 0x2, "MFD_ALLOW_SEALING" },
	{ 0x4, "MFD_HUGETLB" });

/* MFD_HUGE_* sizes live in bits 26..31 as log2 of the page size. */
#define MFD_HUGE_SHIFT_BITS 26
#define MFD_HUGE_FIELD (0x3fu << MFD_HUGE_SHIFT_BITS)

static bool any_named(const struct xlat *x, uint64_t v)
{
	for (size_t i = 0; i < x->n; i++)
		if (v & x->pairs[i].val)
			return true;
	return false;
}

static void print_memfd_flags(struct pr *p, uint32_t flags)
{
	char sym[256];
	uint32_t huge = flags & MFD_HUGE_FIELD;
	uint32_t rest = flags & ~MFD_HUGE_FIELD;
	size_t len = 0;

	if (!flags || p->xlat_style == PR_XLAT_RAW) {
		pr_hex(p, flags);
		return;
	}
	sym[0] = 0;
	if (rest || !huge) {
		if (any_named(&desc_memfd_flags, rest))
			desc_sprint_flags(sym, sizeof(sym), &desc_memfd_flags, rest,
					  PR_XLAT_ABBREV);
		else
			snprintf(sym, sizeof(sym), "%#x /* MFD_??? */", rest);
		len = strlen(sym);
	}
	if (huge)
		snprintf(sym + len, sizeof(sym) - len, "%s%u<<MFD_HUGE_SHIFT", len ? "|" : "",
			 huge >> MFD_HUGE_SHIFT_BITS);
	if (p->xlat_style == PR_XLAT_VERBOSE) {
		pr_hex(p, flags);
		pr_comment(p, "%s", sym);
	} else {
		pr_text(p, sym);
	}
}

int decode_memfd_create(struct sc *sc)
{
	print_str(sc, sc->arg[0]);
	print_memfd_flags(sc->p, (uint32_t)sc->arg[1]);
	return RV_DECODED | RV_FD;
}

/* ---- io_uring_setup ---- */

XLAT_DEFINE(desc_uring_setup_flags,
	{ 1u << 0, "IORING_SETUP_IOPOLL" },
	{ 1u << 1, "IORING_SETUP_SQPOLL" },
	{ 1u << 2, "IORING_SETUP_SQ_AFF" },
	{ 1u << 3, "IORING_SETUP_CQSIZE" },
	{ 1u << 4, "IORING_SETUP_CLAMP" },
	{ 1u << 5, "IORING_SETUP_ATTACH_WQ" },
	{ 1u << 6, "IORING_SETUP_R_DISABLED" },
	{ 1u << 7, "IORING_SETUP_SUBMIT_ALL" },
	{ 1u << 8, "IORING_SETUP_COOP_TASKRUN" },
	{ 1u << 9, "IORING_SETUP_TASKRUN_FLAG" },
	{ 1u << 10, "IORING_SETUP_SQE128" },
	{ 1u << 11, "IORING_SETUP_CQE32" });

XLAT_DEFINE(desc_uring_features,
	{ 1u << 0, "IORING_FEAT_SINGLE_MMAP" },
	{ 1u << 1, "IORING_FEAT_NODROP" },
	{ 1u << 2, "IORING_FEAT_SUBMIT_STABLE" },
	{ 1u << 3, "IORING_FEAT_RW_CUR_POS" },
	{ 1u << 4, "IORING_FEAT_CUR_PERSONALITY" },
	{ 1u << 5, "IORING_FEAT_FAST_POLL" },
	{ 1u << 6, "IORING_FEAT_POLL_32BITS" },
	{ 1u << 7, "IORING_FEAT_SQPOLL_NONFIXED" },
	{ 1u << 8, "IORING_FEAT_EXT_ARG" },
	{ 1u << 9, "IORING_FEAT_NATIVE_WORKERS" },
	{ 1u << 10, "IORING_FEAT_RSRC_TAGS" },
	{ 1u << 11, "IORING_FEAT_CQE_SKIP" },
	{ 1u << 12, "IORING_FEAT_LINKED_FILE" });

/* struct io_uring_params of the kernel UAPI (120 bytes). */
struct k_uring_params {
	uint32_t sq_entries, cq_entries, flags, sq_thread_cpu, sq_thread_idle, features;
	uint32_t wq_fd, resv[3];
	uint32_t sq_off[7];	/* head tail ring_mask ring_entries flags dropped array */
	uint32_t sq_resv1;
	uint64_t sq_resv2;
	uint32_t cq_off[7];	/* head tail ring_mask ring_entries overflow cqes flags */
	uint32_t cq_resv1;
	uint64_t cq_resv2;
};

static void print_ring_offsets(struct pr *p, const uint32_t *off, const char *const *names,
			       uint32_t resv1, uint64_t resv2)
{
	pr_struct_begin(p);
	for (int i = 0; i < 7; i++) {
		pr_field(p, names[i]);
		pr_uint(p, off[i]);
	}
	if (resv1) {
		pr_field(p, "resv1");
		pr_hex(p, resv1);
	}
	if (resv2) {
		pr_field(p, "resv2");
		pr_hex(p, resv2);
	}
	pr_struct_end(p);
}

static void print_uring_params_out(struct pr *p, const struct k_uring_params *u)
{
	static const char *const sq_names[] = {
		"head", "tail", "ring_mask", "ring_entries", "flags", "dropped", "array",
	};
	static const char *const cq_names[] = {
		"head", "tail", "ring_mask", "ring_entries", "overflow", "cqes", "flags",
	};
	pr_field(p, "sq_entries");
	pr_uint(p, u->sq_entries);
	pr_field(p, "cq_entries");
	pr_uint(p, u->cq_entries);
	pr_field(p, "features");
	pr_flags(p, &desc_uring_features, u->features, "IORING_FEAT_???");
	pr_field(p, "sq_off");
	print_ring_offsets(p, u->sq_off, sq_names, u->sq_resv1, u->sq_resv2);
	pr_field(p, "cq_off");
	print_ring_offsets(p, u->cq_off, cq_names, u->cq_resv1, u->cq_resv2);
}

int decode_io_uring_setup(struct sc *sc)
{
	struct k_uring_params u;
	struct pr *p = sc->p;

	if (sc->exiting) {
		if (desc_peek(sc, sc->arg[1], &u, sizeof(u)))
			print_uring_params_out(p, &u);
		pr_struct_end(p);
		return RV_FD;
	}
	pr_uint(p, (uint32_t)sc->arg[0]);
	if (!desc_fetch(sc, sc->arg[1], &u, sizeof(u)))
		return RV_DECODED | RV_FD;
	pr_struct_begin(p);
	pr_field(p, "flags");
	pr_flags(p, &desc_uring_setup_flags, u.flags, "IORING_SETUP_???");
	pr_field(p, "sq_thread_cpu");
	pr_hex(p, u.sq_thread_cpu);
	pr_field(p, "sq_thread_idle");
	pr_uint(p, u.sq_thread_idle);
	if (u.flags & (1u << 5)) {	/* IORING_SETUP_ATTACH_WQ */
		pr_field(p, "wq_fd");
		print_fd(sc, (int)u.wq_fd);
	}
	if (u.resv[0] || u.resv[1] || u.resv[2]) {
		pr_field(p, "resv");
		pr_array_begin(p);
		for (int i = 0; i < 3; i++)
			pr_hex(p, u.resv[i]);
		pr_array_end(p);
	}
	return DEC_AT_EXIT;
}
