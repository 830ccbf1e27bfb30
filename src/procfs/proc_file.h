/* Reading /proc: whole files, directory listings of pids and threads, "Key:\tvalue" lines. */
#ifndef SYSRAY_PROCFS_PROC_FILE_H
#define SYSRAY_PROCFS_PROC_FILE_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Reads /proc/PID/NAME whole (any size: /proc files report st_size 0) into a malloc'd buffer
 * with a NUL after the LEN bytes read. NULL with errno set when the file cannot be read:
 * ENOENT or ESRCH when the process is gone, EACCES when another user's file is protected.
 */
char *proc_read(pid_t pid, const char *name, size_t *len);

/* Reads any file (a path) the same way. */
char *proc_read_path(const char *path, size_t *len);

/* The numeric entries of /proc (processes, not threads), ascending. 0 or -errno. */
int proc_list_pids(pid_t **pids, size_t *n);

/* The thread ids of PID (/proc/PID/task), ascending. 0 or -errno. */
int proc_list_tasks(pid_t pid, pid_t **tids, size_t *n);

/*
 * The value of "KEY:\tvalue" in TEXT (the format of /proc/PID/status), copied into BUF
 * without its leading blanks and trailing newline; NULL when the key is absent.
 */
const char *proc_field(const char *text, const char *key, char *buf, size_t size);

/* Is ERR (an errno) the sign that a process exited while we read it? */
static inline int proc_gone(int err)
{
	return err == 2 /* ENOENT */ || err == 3 /* ESRCH */;
}

#endif
