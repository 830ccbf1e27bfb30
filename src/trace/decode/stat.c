/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Decoders of the syscalls that return file metadata (stat family, statx, statfs) and
 * set file times (utime family). Directory entries: dirent.c.
 */
#include <inttypes.h>
#include <stdio.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/xlat_file.h"

#define S_IFMT_ 0170000
#define S_IFCHR_ 0020000
#define S_IFBLK_ 0060000

/*
 * strace bounds arrays by -s as well: element I is printed only below the limit,
 * "..." stands for the rest. Returns false (after printing "...") past the limit.
 */
static bool array_elem_fits(struct sc *sc, int i)
{
	int limit = str_limit(sc);
	if (i < limit)
		return true;
	pr_more(sc->p);
	return false;
}

/* ---- time stamps ---- */

/* " / * 2026-11-23T19:06:02.637569817+0000 * /" after a time of SEC and NSEC. */
static void comment_time_nsec(struct pr *p, int64_t sec, uint64_t nsec)
{
	char buf[96];
	if (sprint_time_comment(buf, sizeof(buf), sec, nsec, 999999999, 9))
		pr_comment(p, "%s", buf);
}

static void comment_time_usec(struct pr *p, int64_t sec, uint64_t usec)
{
	char buf[96];
	if (sprint_time_comment(buf, sizeof(buf), sec, usec, 999999, 6))
		pr_comment(p, "%s", buf);
}

/* ---- struct stat ---- */

/* The x86_64 kernel's struct stat (the one stat, fstat, lstat and newfstatat fill). */
struct kernel_stat {
	uint64_t st_dev;
	uint64_t st_ino;
	uint64_t st_nlink;
	uint32_t st_mode;
	uint32_t st_uid;
	uint32_t st_gid;
	uint32_t pad0;
	uint64_t st_rdev;
	int64_t st_size;
	int64_t st_blksize;
	int64_t st_blocks;
	int64_t st_atime_;
	uint64_t st_atime_nsec;
	int64_t st_mtime_;
	uint64_t st_mtime_nsec;
	int64_t st_ctime_;
	uint64_t st_ctime_nsec;
	int64_t unused[3];
};

static void print_stat_time(struct pr *p, const char *name, int64_t sec, uint64_t nsec)
{
	char nsec_name[32];
	pr_field(p, name);
	pr_int(p, sec);
	comment_time_nsec(p, sec, nsec);
	snprintf(nsec_name, sizeof(nsec_name), "%s_nsec", name);
	pr_field(p, nsec_name);
	pr_uint(p, nsec);
}

/*
 * Abbreviated: {st_mode=S_IFREG|0644, st_size=1221, ...}, st_rdev instead of st_size for
 * devices. Verbose: every field, in the kernel's order but st_size/st_rdev after the
 * ids and block counts, and the times with date comments.
 */
static void print_kernel_stat(struct sc *sc, const struct kernel_stat *st)
{
	struct pr *p = sc->p;
	pr_struct_begin(p);
	if (sc->verbose) {
		pr_field(p, "st_dev");
		pr_dev(p, st->st_dev);
		pr_field(p, "st_ino");
		pr_uint(p, st->st_ino);
	}
	pr_field(p, "st_mode");
	pr_mode_symbolic(p, st->st_mode);
	if (sc->verbose) {
		pr_field(p, "st_nlink");
		pr_uint(p, st->st_nlink);
		pr_field(p, "st_uid");
		pr_uint(p, st->st_uid);
		pr_field(p, "st_gid");
		pr_uint(p, st->st_gid);
		pr_field(p, "st_blksize");
		pr_uint(p, (uint64_t)st->st_blksize);
		pr_field(p, "st_blocks");
		pr_uint(p, (uint64_t)st->st_blocks);
	}
	switch (st->st_mode & S_IFMT_) {
	case S_IFCHR_:
	case S_IFBLK_:
		pr_field(p, "st_rdev");
		pr_dev(p, st->st_rdev);
		break;
	default:
		pr_field(p, "st_size");
		pr_uint(p, (uint64_t)st->st_size);
		break;
	}
	if (sc->verbose) {
		print_stat_time(p, "st_atime", st->st_atime_, st->st_atime_nsec);
		print_stat_time(p, "st_mtime", st->st_mtime_, st->st_mtime_nsec);
		print_stat_time(p, "st_ctime", st->st_ctime_, st->st_ctime_nsec);
	} else {
		pr_more(p);
	}
	pr_struct_end(p);
}

void print_stat_at(struct sc *sc, uint64_t addr)
{
	struct kernel_stat st;
	if (fetch_or_print_addr(sc, addr, &st, sizeof(st)))
		print_kernel_stat(sc, &st);
}

/* stat, lstat: PATH at entry, the buffer at exit. */
int decode_stat(struct sc *sc)
{
	if (sc->exiting) {
		print_stat_at(sc, sc->arg[1]);
		return RV_DEC;
	}
	print_path(sc, sc->arg[0]);
	return DEC_AT_EXIT;
}

int decode_fstat(struct sc *sc)
{
	if (sc->exiting) {
		print_stat_at(sc, sc->arg[1]);
		return RV_DEC;
	}
	print_fd(sc, (int)sc->arg[0]);
	return DEC_AT_EXIT;
}

int decode_newfstatat(struct sc *sc)
{
	if (sc->exiting) {
		print_stat_at(sc, sc->arg[2]);
		pr_flags(sc->p, &xlat_at_flags, (uint32_t)sc->arg[3], "AT_???");
		return RV_DEC;
	}
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	return DEC_AT_EXIT;
}

/* ---- statx ---- */

struct statx_ts {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t reserved;
};

/* The kernel's struct statx (256 bytes). */
struct kernel_statx {
	uint32_t stx_mask;
	uint32_t stx_blksize;
	uint64_t stx_attributes;
	uint32_t stx_nlink;
	uint32_t stx_uid;
	uint32_t stx_gid;
	uint16_t stx_mode;
	uint16_t spare0;
	uint64_t stx_ino;
	uint64_t stx_size;
	uint64_t stx_blocks;
	uint64_t stx_attributes_mask;
	struct statx_ts stx_atime, stx_btime, stx_ctime, stx_mtime;
	uint32_t stx_rdev_major, stx_rdev_minor;
	uint32_t stx_dev_major, stx_dev_minor;
	uint64_t stx_mnt_id;
	uint32_t stx_dio_mem_align, stx_dio_offset_align;
	uint64_t spare3[12];
};

enum {
	STX_TYPE = 0x1, STX_MODE = 0x2, STX_NLINK = 0x4, STX_UID = 0x8, STX_GID = 0x10,
	STX_ATIME = 0x20, STX_MTIME = 0x40, STX_CTIME = 0x80, STX_INO = 0x100,
	STX_SIZE = 0x200, STX_BLOCKS = 0x400, STX_BTIME = 0x800, STX_MNT_ID = 0x1000,
	STX_DIOALIGN = 0x2000,
};

#define AT_STATX_SYNC_TYPE_ 0x6000

static void print_statx_ts(struct pr *p, const char *name, const struct statx_ts *ts)
{
	pr_field(p, name);
	pr_struct_begin(p);
	pr_field(p, "tv_sec");
	pr_int(p, ts->tv_sec);
	pr_field(p, "tv_nsec");
	pr_uint(p, ts->tv_nsec);
	pr_struct_end(p);
	comment_time_nsec(p, ts->tv_sec, ts->tv_nsec);
}

static void print_u_field(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_uint(p, v);
}

/* The fields the kernel filled (stx_mask); the abbreviated form keeps type, mode, size. */
static void print_kernel_statx(struct sc *sc, const struct kernel_statx *s)
{
	struct pr *p = sc->p;
	uint32_t m = s->stx_mask;
	bool v = sc->verbose;

	pr_struct_begin(p);
	pr_field(p, "stx_mask");
	pr_flags(p, &xlat_statx_masks, m, "STATX_???");
	if (v)
		print_u_field(p, "stx_blksize", s->stx_blksize);
	pr_field(p, "stx_attributes");
	pr_flags(p, &xlat_statx_attrs, s->stx_attributes, "STATX_ATTR_???");
	if (v && (m & STX_NLINK))
		print_u_field(p, "stx_nlink", s->stx_nlink);
	if (v && (m & STX_UID)) {
		pr_field(p, "stx_uid");
		pr_id(p, s->stx_uid);
	}
	if (v && (m & STX_GID)) {
		pr_field(p, "stx_gid");
		pr_id(p, s->stx_gid);
	}
	if (m & (STX_TYPE | STX_MODE)) {
		pr_field(p, "stx_mode");
		pr_mode_symbolic(p, s->stx_mode);
	}
	if (v && (m & STX_INO))
		print_u_field(p, "stx_ino", s->stx_ino);
	if (m & STX_SIZE)
		print_u_field(p, "stx_size", s->stx_size);
	if (!v) {
		pr_more(p);
		pr_struct_end(p);
		return;
	}
	if (m & STX_BLOCKS)
		print_u_field(p, "stx_blocks", s->stx_blocks);
	pr_field(p, "stx_attributes_mask");
	pr_flags(p, &xlat_statx_attrs, s->stx_attributes_mask, "STATX_ATTR_???");
	if (m & STX_ATIME)
		print_statx_ts(p, "stx_atime", &s->stx_atime);
	if (m & STX_BTIME)
		print_statx_ts(p, "stx_btime", &s->stx_btime);
	if (m & STX_CTIME)
		print_statx_ts(p, "stx_ctime", &s->stx_ctime);
	if (m & STX_MTIME)
		print_statx_ts(p, "stx_mtime", &s->stx_mtime);
	print_u_field(p, "stx_rdev_major", s->stx_rdev_major);
	print_u_field(p, "stx_rdev_minor", s->stx_rdev_minor);
	print_u_field(p, "stx_dev_major", s->stx_dev_major);
	print_u_field(p, "stx_dev_minor", s->stx_dev_minor);
	if (m & STX_MNT_ID) {
		pr_field(p, "stx_mnt_id");
		pr_hex(p, s->stx_mnt_id);
	}
	if (m & STX_DIOALIGN) {
		print_u_field(p, "stx_dio_mem_align", s->stx_dio_mem_align);
		print_u_field(p, "stx_dio_offset_align", s->stx_dio_offset_align);
	}
	pr_struct_end(p);
}

/* The sync type is always named (AT_STATX_SYNC_AS_STAT is 0), other AT_* bits follow. */
static void print_statx_flags(struct sc *sc, uint32_t flags)
{
	uint32_t sync = flags & AT_STATX_SYNC_TYPE_;
	/* strace prints no digits at all for a raw 0 of a set without a default name. */
	if (sync == 0 && sc->p->xlat_style == PR_XLAT_RAW)
		pr_text(sc->p, "");
	else
		pr_flags(sc->p, &xlat_statx_sync_types, sync, NULL);
	flags &= ~(uint32_t)AT_STATX_SYNC_TYPE_;
	if (flags) {
		pr_join(sc->p, "|");	/* the same argument goes on */
		pr_flags(sc->p, &xlat_at_flags, flags, NULL);
	}
}

int decode_statx(struct sc *sc)
{
	if (!sc->exiting) {
		print_dirfd(sc, (int)sc->arg[0]);
		print_path(sc, sc->arg[1]);
		print_statx_flags(sc, (uint32_t)sc->arg[2]);
		pr_flags(sc->p, &xlat_statx_masks, (uint32_t)sc->arg[3], "STATX_???");
		return DEC_AT_EXIT;
	}
	struct kernel_statx s;
	if (fetch_or_print_addr(sc, sc->arg[4], &s, sizeof(s)))
		print_kernel_statx(sc, &s);
	return RV_DEC;
}

/* ---- statfs ---- */

/* The x86_64 kernel's struct statfs: every field a long but f_fsid, two ints. */
struct kernel_statfs {
	uint64_t f_type;
	uint64_t f_bsize;
	uint64_t f_blocks;
	uint64_t f_bfree;
	uint64_t f_bavail;
	uint64_t f_files;
	uint64_t f_ffree;
	uint32_t f_fsid[2];
	uint64_t f_namelen;
	uint64_t f_frsize;
	uint64_t f_flags;
	uint64_t f_spare[4];
};

#define ST_VALID_ 0x20

/* statfs is printed whole, even abbreviated; f_flags only when the kernel set ST_VALID. */
static void print_statfs_at(struct sc *sc, uint64_t addr)
{
	struct kernel_statfs b;
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, &b, sizeof(b)))
		return;
	pr_struct_begin(p);
	pr_field(p, "f_type");
	pr_xval(p, &xlat_fs_magic, b.f_type, NULL);
	print_u_field(p, "f_bsize", b.f_bsize);
	print_u_field(p, "f_blocks", b.f_blocks);
	print_u_field(p, "f_bfree", b.f_bfree);
	print_u_field(p, "f_bavail", b.f_bavail);
	print_u_field(p, "f_files", b.f_files);
	print_u_field(p, "f_ffree", b.f_ffree);
	pr_field(p, "f_fsid");
	pr_struct_begin(p);
	pr_field(p, "val");
	pr_array_begin(p);
	for (int i = 0; i < 2 && array_elem_fits(sc, i); i++)
		pr_hex(p, b.f_fsid[i]);
	pr_array_end(p);
	pr_struct_end(p);
	print_u_field(p, "f_namelen", b.f_namelen);
	print_u_field(p, "f_frsize", b.f_frsize);
	if (b.f_flags & ST_VALID_) {
		pr_field(p, "f_flags");
		pr_flags(p, &xlat_statfs_flags, b.f_flags, "ST_???");
	}
	pr_struct_end(p);
}

int decode_statfs(struct sc *sc)
{
	if (sc->exiting) {
		print_statfs_at(sc, sc->arg[1]);
		return RV_DEC;
	}
	print_path(sc, sc->arg[0]);
	return DEC_AT_EXIT;
}

int decode_fstatfs(struct sc *sc)
{
	if (sc->exiting) {
		print_statfs_at(sc, sc->arg[1]);
		return RV_DEC;
	}
	print_fd(sc, (int)sc->arg[0]);
	return DEC_AT_EXIT;
}

/* ---- file times ---- */

#define UTIME_NOW_ ((1l << 30) - 1l)
#define UTIME_OMIT_ ((1l << 30) - 2l)

struct ktimespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

struct ktimeval {
	int64_t tv_sec;
	int64_t tv_usec;
};

static void print_ts_struct(struct pr *p, const struct ktimespec *t)
{
	pr_struct_begin(p);
	pr_field(p, "tv_sec");
	pr_int(p, t->tv_sec);
	pr_field(p, "tv_nsec");
	pr_uint(p, (uint64_t)t->tv_nsec);
	pr_struct_end(p);
}

/* One time of utimensat: a date, or the UTIME_NOW / UTIME_OMIT markers by name. */
static void print_utime_ts(struct pr *p, const struct ktimespec *t)
{
	if (t->tv_nsec != UTIME_NOW_ && t->tv_nsec != UTIME_OMIT_) {
		print_ts_struct(p, t);
		comment_time_nsec(p, t->tv_sec, (uint64_t)t->tv_nsec);
		return;
	}
	const char *name = t->tv_nsec == UTIME_NOW_ ? "UTIME_NOW" : "UTIME_OMIT";
	if (p->xlat_style != PR_XLAT_ABBREV)
		print_ts_struct(p, t);
	if (p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(p, "%s", name);
	else if (p->xlat_style == PR_XLAT_ABBREV)
		pr_text(p, name);
}

static void print_utimens_pair(struct sc *sc, uint64_t addr)
{
	struct ktimespec t[2];
	if (!fetch_or_print_addr(sc, addr, t, sizeof(t)))
		return;
	pr_array_begin(sc->p);
	for (int i = 0; i < 2 && array_elem_fits(sc, i); i++)
		print_utime_ts(sc->p, &t[i]);
	pr_array_end(sc->p);
}

static void print_utimes_pair(struct sc *sc, uint64_t addr)
{
	struct ktimeval t[2];
	if (!fetch_or_print_addr(sc, addr, t, sizeof(t)))
		return;
	pr_array_begin(sc->p);
	for (int i = 0; i < 2 && array_elem_fits(sc, i); i++) {
		pr_struct_begin(sc->p);
		pr_field(sc->p, "tv_sec");
		pr_int(sc->p, t[i].tv_sec);
		pr_field(sc->p, "tv_usec");
		pr_uint(sc->p, (uint64_t)t[i].tv_usec);
		pr_struct_end(sc->p);
		comment_time_usec(sc->p, t[i].tv_sec, (uint64_t)t[i].tv_usec);
	}
	pr_array_end(sc->p);
}

int decode_utimensat(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	print_utimens_pair(sc, sc->arg[2]);
	pr_flags(sc->p, &xlat_at_flags, (uint32_t)sc->arg[3], "AT_???");
	return RV_DECODED | RV_DEC;
}

int decode_utimes(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	print_utimes_pair(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_futimesat(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	print_utimes_pair(sc, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

/* struct utimbuf: two longs, whole seconds. */
int decode_utime(struct sc *sc)
{
	int64_t t[2];
	char buf[96];
	static const char *const names[2] = { "actime", "modtime" };

	print_path(sc, sc->arg[0]);
	if (!fetch_or_print_addr(sc, sc->arg[1], t, sizeof(t)))
		return RV_DECODED | RV_DEC;
	pr_struct_begin(sc->p);
	for (int i = 0; i < 2; i++) {
		pr_field(sc->p, names[i]);
		pr_int(sc->p, t[i]);
		if (sprint_time_comment(buf, sizeof(buf), t[i], 0, 0, 0))
			pr_comment(sc->p, "%s", buf);
	}
	pr_struct_end(sc->p);
	return RV_DECODED | RV_DEC;
}
