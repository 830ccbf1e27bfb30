/* SPDX-License-Identifier: Apache-2.0 */
/* The file a process runs, as /proc/PID/exe shows it: inode, times, memfd and overlayfs layer. */
#ifndef SYSRAY_PROCFS_EXE_FILE_H
#define SYSRAY_PROCFS_EXE_FILE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

struct exe_file {
	uint64_t ino;
	uint64_t ctime, mtime;		/* ns since the epoch */
	uint32_t flags;			/* PPM_EXE_* (schema/ppm_flags.h) */
	uint32_t flags_known;		/* the PPM_EXE_* bits that were determined */
};

/*
 * Reads what /proc/PID/exe leads to into OUT: false when the link cannot be followed (a
 * kernel thread, a process gone or not ours). FROM_MEMFD is known from the link's target;
 * UPPER_LAYER and LOWER_LAYER are known (clear) for a file outside overlayfs and left unknown
 * on overlayfs, whose layers /proc does not show; WRITABLE is not determined.
 */
bool exe_file_read(pid_t pid, struct exe_file *out);

/*
 * Is PATH, a process's executable path, a memfd? The kernel names a memfd_create() file
 * "memfd:NAME" (its /proc/PID/exe link reads "/memfd:NAME (deleted)").
 */
static inline bool exe_path_is_memfd(const char *path)
{
	return !strncmp(path, "memfd:", 6) || !strncmp(path, "/memfd:", 7);
}

#endif
