/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Decoders of the syscalls that name files: open and friends, access, the directory and
 * link operations, ownership and permissions, truncation, mknod, umask, mount, inotify
 * and fanotify marks, file handles, and the sync family. Extended attributes: xattr.c.
 */
#include <errno.h>
#include <fcntl.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/xlat_file.h"

/* Open flags that make the kernel read the mode argument. */
#define OPEN_FLAGS_WITH_MODE (00000100 | 020000000)	/* O_CREAT | __O_TMPFILE */

/* ---- open ---- */

/* PATH, FLAGS[, MODE]: the mode is shown only when the flags make it matter. */
static int decode_open_args(struct sc *sc, int first)
{
	uint64_t flags = sc->arg[first + 1];
	print_path(sc, sc->arg[first]);
	pr_open_flags(sc->p, (uint32_t)flags);
	if (flags & OPEN_FLAGS_WITH_MODE)
		pr_mode_numeric(sc->p, (uint16_t)sc->arg[first + 2]);
	return RV_DECODED | RV_FD;
}

int decode_open(struct sc *sc)
{
	return decode_open_args(sc, 0);
}

int decode_openat(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	return decode_open_args(sc, 1);
}

int decode_creat(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	pr_mode_numeric(sc->p, (uint16_t)sc->arg[1]);
	return RV_DECODED | RV_FD;
}

/* struct open_how: flags, mode, resolve, each 64 bits; later versions only grow it. */
struct open_how_v0 {
	uint64_t flags;
	uint64_t mode;
	uint64_t resolve;
};

static void print_open_how(struct sc *sc, uint64_t addr, uint64_t size)
{
	struct open_how_v0 how;
	if (size < sizeof(how)) {
		print_addr(sc, addr);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &how, sizeof(how)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "flags");
	pr_open_flags(sc->p, how.flags);
	if ((how.flags & OPEN_FLAGS_WITH_MODE) || how.mode) {
		pr_field(sc->p, "mode");
		pr_mode_numeric(sc->p, how.mode);
	}
	pr_field(sc->p, "resolve");
	pr_flags(sc->p, &xlat_open_resolve_flags, how.resolve, "RESOLVE_???");
	print_nonzero_tail(sc, addr, sizeof(how), size);
	pr_struct_end(sc->p);
}

int decode_openat2(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	print_open_how(sc, sc->arg[2], sc->arg[3]);
	pr_uint(sc->p, sc->arg[3]);
	return RV_DECODED | RV_FD;
}

/* ---- access ---- */

static void print_access_mode(struct sc *sc, uint64_t mode)
{
	pr_flags(sc->p, &xlat_access_modes, (uint32_t)mode, "?_OK");
}

int decode_access(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	print_access_mode(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_faccessat(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	print_access_mode(sc, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_faccessat2(struct sc *sc)
{
	decode_faccessat(sc);
	pr_flags(sc->p, &xlat_faccessat_flags, (uint32_t)sc->arg[3], "AT_???");
	return RV_DECODED | RV_DEC;
}

/* ---- one path, one fd, nothing ---- */

/* chdir, rmdir, unlink, chroot: the path alone. */
int decode_path1(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

/* fchdir, fsync, fdatasync, syncfs: the fd alone. */
int decode_fd1(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

int decode_sync(struct sc *sc)
{
	return RV_DECODED | RV_DEC;
}

/* ---- links and names ---- */

/* rename, link, symlink: two paths. */
int decode_path2(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	print_path(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

static void print_at_flags(struct sc *sc, uint64_t flags)
{
	pr_flags(sc->p, &xlat_at_flags, (uint32_t)flags, "AT_???");
}

int decode_unlinkat(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	print_at_flags(sc, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

/* OLDDIRFD, OLDPATH, NEWDIRFD, NEWPATH of renameat and linkat. */
static void print_two_at_paths(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	print_dirfd(sc, (int)sc->arg[2]);
	print_path(sc, sc->arg[3]);
}

int decode_renameat(struct sc *sc)
{
	print_two_at_paths(sc);
	return RV_DECODED | RV_DEC;
}

int decode_renameat2(struct sc *sc)
{
	print_two_at_paths(sc);
	pr_flags(sc->p, &xlat_rename_flags, (uint32_t)sc->arg[4], "RENAME_??");
	return RV_DECODED | RV_DEC;
}

int decode_linkat(struct sc *sc)
{
	print_two_at_paths(sc);
	print_at_flags(sc, sc->arg[4]);
	return RV_DECODED | RV_DEC;
}

int decode_symlinkat(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	print_dirfd(sc, (int)sc->arg[1]);
	print_path(sc, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

/*
 * The link's target as the kernel wrote it: RVAL bytes, no NUL, so it is a buffer
 * bounded by -s rather than a path.
 */
static int readlink_exit(struct sc *sc, int first)
{
	if (sc_failed(sc))
		print_addr(sc, sc->arg[first + 1]);
	else
		print_buf(sc, sc->arg[first + 1], (uint64_t)sc->rval);
	pr_uint(sc->p, sc->arg[first + 2]);
	return RV_DEC;
}

int decode_readlink(struct sc *sc)
{
	if (sc->exiting)
		return readlink_exit(sc, 0);
	print_path(sc, sc->arg[0]);
	return DEC_AT_EXIT;
}

int decode_readlinkat(struct sc *sc)
{
	if (sc->exiting)
		return readlink_exit(sc, 1);
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	return DEC_AT_EXIT;
}

/* The result counts the NUL the kernel wrote after the name. */
int decode_getcwd(struct sc *sc)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	if (sc_failed(sc))
		print_addr(sc, sc->arg[0]);
	else
		print_path(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	return RV_DEC;
}

/* ---- permissions and ownership ---- */

/* chmod, mkdir: PATH, MODE. */
int decode_path_mode(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	pr_mode_numeric(sc->p, (uint16_t)sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

/* fchmodat, mkdirat: DIRFD, PATH, MODE. */
int decode_at_path_mode(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	pr_mode_numeric(sc->p, (uint16_t)sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_fchmod(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_mode_numeric(sc->p, (uint16_t)sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

/* umask: the old mask comes back, in octal like a mode (the printer's RV_OCT). */
int decode_umask(struct sc *sc)
{
	pr_mode_numeric(sc->p, (uint16_t)sc->arg[0]);
	return RV_DECODED | RV_OCT;
}

/* chown, lchown: PATH, OWNER, GROUP. */
int decode_chown(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	pr_id(sc->p, sc->arg[1]);
	pr_id(sc->p, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_fchown(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_id(sc->p, sc->arg[1]);
	pr_id(sc->p, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_fchownat(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	pr_id(sc->p, sc->arg[2]);
	pr_id(sc->p, sc->arg[3]);
	print_at_flags(sc, sc->arg[4]);
	return RV_DECODED | RV_DEC;
}

/* ---- sizes and nodes ---- */

int decode_truncate(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_ftruncate(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

/* PATH, MODE with its type, and the device only for character and block nodes. */
static int mknod_args(struct sc *sc, int first)
{
	uint16_t mode = (uint16_t)sc->arg[first + 1];
	print_path(sc, sc->arg[first]);
	pr_mode_symbolic(sc->p, mode);
	switch (mode & 0170000) {
	case 0020000:	/* S_IFCHR */
	case 0060000:	/* S_IFBLK */
		pr_dev(sc->p, (uint32_t)sc->arg[first + 2]);
		break;
	}
	return RV_DECODED | RV_DEC;
}

int decode_mknod(struct sc *sc)
{
	return mknod_args(sc, 0);
}

int decode_mknodat(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	return mknod_args(sc, 1);
}

/* ---- watches ---- */

int decode_inotify_add_watch(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	pr_flags(sc->p, &xlat_inotify_flags, (uint32_t)sc->arg[2], "IN_???");
	return RV_DECODED | RV_DEC;
}

/* FD, FLAGS, MASK (64-bit on x86_64), DIRFD (FAN_NOFD is -1), PATH. */
int decode_fanotify_mark(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_flags(sc->p, &xlat_fan_mark_flags, (uint32_t)sc->arg[1], "FAN_MARK_???");
	pr_flags(sc->p, &xlat_fan_event_flags, sc->arg[2], "FAN_???");
	int dirfd = (int)sc->arg[3];
	if (dirfd == -1) {
		if (sc->p->xlat_style == PR_XLAT_ABBREV)
			pr_text(sc->p, "FAN_NOFD");
		else {
			pr_int(sc->p, -1);
			if (sc->p->xlat_style == PR_XLAT_VERBOSE)
				pr_comment(sc->p, "FAN_NOFD");
		}
	} else {
		print_dirfd(sc, dirfd);
	}
	print_path(sc, sc->arg[4]);
	return RV_DECODED | RV_DEC;
}

/* ---- mounts ---- */

#define MS_MGC_VAL_ 0xc0ed0000u		/* the old magic in the high half of the flags */
#define MS_MGC_MSK_ 0xffff0000u
#define MS_REMOUNT_ (1u << 5)
#define MS_BIND_ (1u << 12)
#define MS_MOVE_ (1u << 13)
/* MS_UNBINDABLE | MS_PRIVATE | MS_SLAVE | MS_SHARED: propagation changes. */
#define MS_PROPAGATION_ (0xfu << 17)

/*
 * SOURCE, TARGET, FSTYPE, FLAGS, DATA. A remount has no type to show, a bind, move
 * or propagation change neither type nor data: those are shown as addresses.
 */
int decode_mount(struct sc *sc)
{
	uint64_t flags = sc->arg[3];
	bool old_magic = (flags & MS_MGC_MSK_) == MS_MGC_VAL_;
	bool skip_type = false, skip_data = false;

	if (old_magic)
		flags &= ~(uint64_t)MS_MGC_MSK_;
	if (flags & MS_REMOUNT_)
		skip_type = true;
	else if (flags & (MS_BIND_ | MS_MOVE_ | MS_PROPAGATION_))
		skip_type = skip_data = true;

	print_path(sc, sc->arg[0]);
	print_path(sc, sc->arg[1]);
	if (skip_type)
		print_addr(sc, sc->arg[2]);
	else
		print_str(sc, sc->arg[2]);
	if (old_magic) {
		if (sc->p->xlat_style == PR_XLAT_ABBREV)
			pr_text(sc->p, "MS_MGC_VAL");
		else {
			pr_hex(sc->p, MS_MGC_VAL_);
			if (sc->p->xlat_style == PR_XLAT_VERBOSE)
				pr_comment(sc->p, "MS_MGC_VAL");
		}
		if (flags) {
			pr_join(sc->p, "|");	/* the flags continue the same item */
		}
	}
	if (flags || !old_magic)
		pr_flags(sc->p, &xlat_mount_flags, flags, "MS_???");
	if (skip_data)
		print_addr(sc, sc->arg[4]);
	else
		print_str(sc, sc->arg[4]);
	return RV_DECODED | RV_DEC;
}

int decode_umount2(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	pr_flags(sc->p, &xlat_umount_flags, (uint32_t)sc->arg[1], "MNT_???");
	return RV_DECODED | RV_DEC;
}

/* ---- file handles ---- */

#define HANDLE_BYTES_MAX 128	/* the kernel's MAX_HANDLE_SZ */

struct file_handle_head {
	uint32_t handle_bytes;
	int32_t handle_type;
};

static void print_handle_flags(struct sc *sc)
{
	pr_flags(sc->p, &xlat_name_to_handle_at_flags, (uint32_t)sc->arg[4], "AT_???");
}

/* The opaque handle, in hex, "..." past MAX_HANDLE_SZ bytes. */
static void print_f_handle(struct sc *sc, uint64_t addr, uint32_t nbytes)
{
	unsigned char h[HANDLE_BYTES_MAX];
	uint32_t n = nbytes < sizeof(h) ? nbytes : (uint32_t)sizeof(h);
	if (umove(sc, addr + sizeof(struct file_handle_head), h, n) < 0) {
		pr_raw(sc->p, "???");
		return;
	}
	pr_raw(sc->p, "\"");
	for (uint32_t i = 0; i < n; i++)
		pr_rawf(sc->p, "\\x%02x", h[i]);
	pr_raw(sc->p, "\"");
	if (nbytes > n)
		pr_raw(sc->p, "...");
}

/* MOUNT_FD, HANDLE, FLAGS: the handle is an input, printed whole at entry. */
int decode_open_by_handle_at(struct sc *sc)
{
	struct file_handle_head h;
	print_fd(sc, (int)sc->arg[0]);
	if (fetch_or_print_addr(sc, sc->arg[1], &h, sizeof(h))) {
		pr_struct_begin(sc->p);
		pr_field(sc->p, "handle_bytes");
		pr_uint(sc->p, h.handle_bytes);
		pr_field(sc->p, "handle_type");
		pr_int(sc->p, h.handle_type);
		pr_field(sc->p, "f_handle");
		pr_text(sc->p, "");	/* the field's value, which print_f_handle writes raw */
		print_f_handle(sc, sc->arg[1], h.handle_bytes);
		pr_struct_end(sc->p);
	}
	pr_open_flags(sc->p, (uint32_t)sc->arg[2]);
	return RV_DECODED | RV_FD;
}

/*
 * DIRFD, PATH, HANDLE, MOUNT_ID, FLAGS. The handle's size goes in and comes back
 * ({handle_bytes=0 => 8} when too small: EOVERFLOW); the struct stays open from entry
 * to exit, so exit continues it with raw text.
 */
int decode_name_to_handle_at(struct sc *sc)
{
	struct file_handle_head h;
	uint64_t addr = sc->arg[2];

	if (!sc->exiting) {
		print_dirfd(sc, (int)sc->arg[0]);
		print_path(sc, sc->arg[1]);
		if (!fetch_or_print_addr(sc, addr, &h, sizeof(h))) {
			print_addr(sc, sc->arg[3]);
			print_handle_flags(sc);
			return RV_DECODED | RV_DEC;
		}
		pr_struct_begin(sc->p);
		pr_field(sc->p, "handle_bytes");
		pr_uint(sc->p, h.handle_bytes);
		sc->priv[0] = h.handle_bytes;
		return DEC_AT_EXIT;
	}
	if ((!sc_failed(sc) || sc->err == EOVERFLOW) && UMOVE(sc, addr, &h) == 0) {
		if (h.handle_bytes != sc->priv[0])
			pr_rawf(sc->p, " => %u", h.handle_bytes);
		if (!sc_failed(sc)) {
			pr_rawf(sc->p, ", handle_type=%d, f_handle=", h.handle_type);
			print_f_handle(sc, addr, h.handle_bytes);
		}
	}
	pr_raw(sc->p, "}");
	if (sc_failed(sc))
		print_addr(sc, sc->arg[3]);
	else
		print_int_at(sc, sc->arg[3]);
	print_handle_flags(sc);
	return RV_DEC;
}
