/* SPDX-License-Identifier: Apache-2.0 */
/* Reading /proc: whole files, directory listings of pids and threads, "Key:\tvalue" lines. */
#ifndef SYSRAY_PROCFS_PROC_FILE_H
#define SYSRAY_PROCFS_PROC_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

/*
 * Reads /proc/PID/NAME whole (any size: /proc files report st_size 0) into a malloc'd buffer
 * with a NUL after the LEN bytes read. NULL with errno set when the file cannot be read:
 * ENOENT or ESRCH when the process is gone, EACCES when another user's file is protected.
 */
char *proc_read(pid_t pid, const char *name, size_t *len);

/* Reads any file (a path) the same way. */
char *proc_read_path(const char *path, size_t *len);

/* Reads at most SIZE - 1 bytes of /proc/PID/NAME into BUF, with a NUL after them: the number
 * of bytes read, or -1 when the file cannot be read. */
ssize_t proc_read_upto(pid_t pid, const char *name, char *buf, size_t size);

/* The target of the link /proc/PID/NAME ("cwd", "exe", "fd/3"), NUL-terminated in BUF and cut
 * at SIZE - 1 bytes: its length, or -1 (BUF then holds "") when the link cannot be read. */
ssize_t proc_readlink(pid_t pid, const char *name, char *buf, size_t size);

/* stat(2) of the file the link /proc/PID/NAME leads to ("exe", "fd/3"): 0, or -1. */
int proc_stat_target(pid_t pid, const char *name, struct stat *st);

/* The numeric entries of /proc (processes, not threads), ascending. 0 or -errno. */
int proc_list_pids(pid_t **pids, size_t *n);

/* The thread ids of PID (/proc/PID/task), ascending. 0 or -errno. */
int proc_list_tasks(pid_t pid, pid_t **tids, size_t *n);

/*
 * The value of "KEY:\tvalue" in TEXT (the format of /proc/PID/status), copied into BUF
 * without its leading blanks and trailing newline; NULL when the key is absent.
 */
const char *proc_field(const char *text, const char *key, char *buf, size_t size);

/* The number KEY's value in TEXT starts with, in BASE (10, or 16 for the Cap* masks): false
 * when the key is absent. */
bool proc_field_u64(const char *text, const char *key, int base, uint64_t *v);

/* Is ERR (an errno) the sign that a process exited while we read it? */
static inline int proc_gone(int err)
{
	return err == 2 /* ENOENT */ || err == 3 /* ESRCH */;
}

#endif
