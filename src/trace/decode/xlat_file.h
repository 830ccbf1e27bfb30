/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Flag and constant tables of the file-name syscalls, shared with the other areas
 * (fcntl's F_GETFL result, fanotify_init's event_f_flags, open_by_handle_at ...), and
 * the printers of the values that are not plain flag sets: open flags with their access
 * mode, file modes, device numbers and the date comments of time stamps.
 */
#ifndef SYSRAY_TRACE_DECODE_XLAT_FILE_H
#define SYSRAY_TRACE_DECODE_XLAT_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "output/pr.h"
#include "schema/xlat.h"

extern const struct xlat xlat_open_access_modes;	/* O_RDONLY .. O_ACCMODE, by value */
extern const struct xlat xlat_open_mode_flags;		/* O_CREAT, O_CLOEXEC, ... */
extern const struct xlat xlat_open_resolve_flags;	/* RESOLVE_* of openat2 */
extern const struct xlat xlat_at_flags;			/* AT_SYMLINK_NOFOLLOW, AT_REMOVEDIR ... */
extern const struct xlat xlat_access_modes;		/* F_OK, R_OK, W_OK, X_OK */
extern const struct xlat xlat_faccessat_flags;
extern const struct xlat xlat_mode_types;		/* S_IFREG, S_IFDIR, ... */
extern const struct xlat xlat_statx_masks;
extern const struct xlat xlat_statx_attrs;
extern const struct xlat xlat_statx_sync_types;
extern const struct xlat xlat_dirent_types;		/* DT_* */
extern const struct xlat xlat_xattr_flags;
extern const struct xlat xlat_fs_magic;			/* statfs f_type */
extern const struct xlat xlat_statfs_flags;		/* ST_* */
extern const struct xlat xlat_rename_flags;
extern const struct xlat xlat_umount_flags;
extern const struct xlat xlat_mount_flags;
extern const struct xlat xlat_inotify_flags;		/* IN_* event mask */
extern const struct xlat xlat_fan_mark_flags;
extern const struct xlat xlat_fan_event_flags;
extern const struct xlat xlat_name_to_handle_at_flags;

/*
 * Open flags as strace spells them: the access mode first, always named
 * (O_RDONLY|O_CLOEXEC, O_ACCMODE), then the other bits, unknown ones last in hex.
 * Writes into BUF and returns it.
 */
const char *sprint_open_flags(char *buf, size_t n, uint64_t flags);
/* The same as an argument, in the -X style of P (raw: 0x80000; verbose: with a comment). */
void pr_open_flags(struct pr *p, uint64_t flags);

/* A mode with its type: S_IFREG|0644, S_IFDIR|S_ISVTX|0777, or 0644 without one. */
void pr_mode_symbolic(struct pr *p, uint64_t mode);
/* A mode as a number: 0644, 000. */
void pr_mode_numeric(struct pr *p, uint64_t mode);
/* A device number: makedev(0x1, 0x3). */
void pr_dev(struct pr *p, uint64_t dev);
/* uid/gid arguments: -1 for (uid_t)-1, else unsigned. */
void pr_id(struct pr *p, uint64_t id);

/*
 * The date comment strace puts after a time stamp: "2026-11-23T19:06:02.637569817+0000",
 * local time, with WIDTH digits of PART (PART <= MAX_PART) when PART is not 0. Returns
 * NULL (no comment) for the epoch itself or an out-of-range PART.
 */
const char *sprint_time_comment(char *buf, size_t n, int64_t sec, uint64_t part,
				uint64_t max_part, int width);

#endif
