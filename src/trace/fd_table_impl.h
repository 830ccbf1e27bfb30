/* SPDX-License-Identifier: Apache-2.0 */
/* What fd_table.c (the tables) and fd_table_syscalls.c (the syscalls that change them) share. */
#ifndef SYSRAY_TRACE_FD_TABLE_IMPL_H
#define SYSRAY_TRACE_FD_TABLE_IMPL_H

#include "trace/fd_table.h"
#include "util/int_map.h"

/* include/uapi/linux/sched.h */
#define CLONE_FILES_FLAG 0x00000400u
/* include/uapi/linux/sched.h: clone writes a pidfd of the child where parent_tid points */
#define CLONE_PIDFD_FLAG 0x00001000u

/* One files_struct: the threads of a clone with CLONE_FILES share it. Keys are fd + 1. */
struct fd_table {
	unsigned int refs;
	struct int_map fds;
	/* -y: the working directory (the fs_struct's, which CLONE_FS shares: threads share
	 * both), from /proc at the seed, then chdir and fchdir; NULL: ask /proc */
	char *cwd;
};

struct fd_tables {
	bool paths;
	struct int_map by_tid;		/* tid -> struct fd_table, counted in refs */
	uint32_t last_sock_id;
	struct int_map bound;		/* sock_id -> non-NULL: the socket has an address */
	struct int_map portids;		/* sock_id -> a netlink socket's port id (not 0), as
					 * the kernel said at a syscall's exit */
};

struct fd_entry *fd_entry_new(void);
void fd_entry_free(struct fd_entry *e);
/* FD's entry of TAB, or NULL; fd_put replaces (and frees) what FD was. */
struct fd_entry *fd_get(const struct fd_table *tab, int fd);
void fd_put(struct fd_table *tab, int fd, struct fd_entry *e);
void fd_drop(struct fd_table *tab, int fd);
struct fd_entry *fd_entry_copy(const struct fd_entry *from);

/* Thread TID's table, or NULL; _unshared: made its own first if shared. */
struct fd_table *fd_table_of(const struct fd_tables *t, pid_t tid);
struct fd_table *fd_table_unshared(struct fd_tables *t, pid_t tid);

/* The text of /proc/TID/fd/FD (allocated), or NULL. */
char *fd_proc_link(pid_t tid, int fd);

/* E's link as /proc/TID/fd/FD reads now, with whether it ends in the unlinked mark. */
void fd_entry_link_from_proc(struct fd_entry *e, pid_t tid, int fd);

#endif
