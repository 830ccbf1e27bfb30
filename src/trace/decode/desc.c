/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Descriptor syscalls that make, copy or close fds (close, dup*, pipe*, eventfd*,
 * timerfd_*, signalfd*, memfd_create, inotify_init*, io_uring_setup), the small ones that
 * take an fd and numbers (lseek, fadvise64, fallocate, readahead, sync_file_range).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/desc_impl.h"
#include "trace/decode/xlat_file.h"

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

/* pipe(2) and pipe2(2): the fd pair is an output, printed at exit. */
static int decode_pipe_common(struct sc *sc, bool has_flags)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	print_fd_pair_at(sc, sc->arg[0]);
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
	print_clockid(sc, (int)sc->arg[0]);
	pr_flags(sc->p, &desc_timerfd_flags, (uint32_t)sc->arg[1], "TFD_???");
	return RV_DECODED | RV_FD;
}

/* The new value is read at entry, the old one (an output) at exit. */
int decode_timerfd_settime(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		pr_flags(sc->p, &desc_timerfd_flags, (uint32_t)sc->arg[1], "TFD_???");
		print_itimerspec_at(sc, sc->arg[2]);
		return DEC_AT_EXIT;
	}
	print_itimerspec_at(sc, sc->arg[3]);
	return RV_DEC;
}

int decode_timerfd_gettime(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_itimerspec_at(sc, sc->arg[1]);
	return RV_DEC;
}

XLAT_DEFINE(desc_sfd_flags,
	{ 02000000, "SFD_CLOEXEC" },
	{ 04000, "SFD_NONBLOCK" });

int decode_signalfd(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_sigset_at(sc, sc->arg[1], sc->arg[2]);
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
			pr_sprint_flags(sym, sizeof(sym), PR_XLAT_ABBREV, &desc_memfd_flags, rest,
					NULL);
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

/* A memfd's name is at most NAME_MAX bytes with the "memfd:" prefix the kernel adds. */
#define MEMFD_NAME_MAX (255 - (sizeof("memfd:") - 1))

int decode_memfd_create(struct sc *sc)
{
	print_str_max(sc, sc->arg[0], MEMFD_NAME_MAX + 1);
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
		if (peek_mem(sc, sc->arg[1], &u, sizeof(u)))
			print_uring_params_out(p, &u);
		pr_struct_end(p);
		return RV_FD;
	}
	pr_uint(p, (uint32_t)sc->arg[0]);
	if (!fetch_or_print_addr(sc, sc->arg[1], &u, sizeof(u)))
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
