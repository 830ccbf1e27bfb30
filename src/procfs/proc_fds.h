/* SPDX-License-Identifier: Apache-2.0 */
/* A process's open files: cwd, root, executable, and /proc/PID/fd with its fdinfo. */
#ifndef SYSRAY_PROCFS_PROC_FDS_H
#define SYSRAY_PROCFS_PROC_FDS_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

enum fd_kind {
	FD_CWD,		/* /proc/PID/cwd */
	FD_RTD,		/* /proc/PID/root */
	FD_TXT,		/* /proc/PID/exe */
	FD_MEM,		/* a file mapped in /proc/PID/maps (not the executable) */
	FD_DEL,		/* a mapped file that has been deleted */
	FD_NUM,		/* a descriptor in /proc/PID/fd */
};

struct fd_entry {
	enum fd_kind kind;
	int fd;			/* FD_NUM only */
	char *target; /* readlink(): "/path", "pipe:[N]", "socket:[N]", "anon_inode:[x]" */
	int err;		/* errno of readlink() when target is NULL */
	int stat_ok;		/* st is valid (stat() through the /proc link) */
	struct stat st;
	int have_fdinfo;
	unsigned long long pos;	/* fdinfo pos */
	unsigned int flags;	/* fdinfo flags: O_* of the open file description */
	int deleted;		/* the target ends in " (deleted)" */
	/* FD_MEM/FD_DEL: the device and inode /proc/PID/maps names. */
	unsigned int map_major, map_minor;
	unsigned long long map_inode;
};

struct fd_list {
	struct fd_entry *v;
	size_t n, cap;
};

/*
 * Reads every open file of PID into LIST in lsof's order: cwd, rtd, txt, mem (the mapped
 * files, once each), then the descriptors by number. Entries that cannot be read carry
 * their errno (EACCES, ENOENT when the descriptor was closed meanwhile). Returns 0, or
 * -errno when the process itself cannot be read (-ENOENT: gone). WITH_MAPS adds mem.
 */
int proc_fds_read(pid_t pid, int with_maps, struct fd_list *list);
void fd_list_free(struct fd_list *list);

/* The socket inode of a "socket:[N]" target, or 0. */
unsigned long long fd_socket_inode(const char *target);

#endif
