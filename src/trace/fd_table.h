/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What each traced process's descriptors are, kept from the eBPF backend's events. Under
 * ptrace the process is stopped while its line is printed and /proc/PID/fd/N says what fd N
 * is; eBPF events are printed later, when the process may be gone or the fd reused. These
 * tables are seeded from /proc/PID/fd when tracing starts, then follow the syscalls that make,
 * copy and end descriptors (socket, socketpair, accept, open*, pipe, dup*, fcntl F_DUPFD and
 * F_SETFD, pidfd_open, pidfd_getfd, close, close_range, unshare, execve's close-on-exec),
 * shared between the threads of a clone with CLONE_FILES and copied without it. With -y they
 * also keep each fd's path (unlink marks it deleted) and the working directory (chdir,
 * fchdir).
 *
 * The decoders' fd lookups (fd_path, fd_pidfd_pid, fd_socket_proto, fd_socket_netlink_protocol)
 * ask the served tables first, and /proc when no tables are served (the ptrace backend) or the
 * tables do not know the fd.
 */
#ifndef SYSRAY_TRACE_FD_TABLE_H
#define SYSRAY_TRACE_FD_TABLE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "source/mem_reader.h"

struct fd_tables;

/* What a table knows of one descriptor. */
struct fd_entry {
	char *link;		/* /proc/PID/fd/N's text when the fd was made ("/etc/passwd",
				 * "socket:[123]"), or NULL: not read */
	bool is_socket;
	uint32_t sock_id;	/* the socket's, the same in every copy of the fd; 0: none */
	int family;		/* a socket's address family (socket, socketpair, accept of a
				 * known socket), or -1: not a socket, or one of unknown family */
	int type;		/* SOCK_STREAM..., without SOCK_NONBLOCK and SOCK_CLOEXEC */
	int protocol;
	pid_t pidfd_pid;	/* a pidfd's process (pidfd_open's argument), or 0 */
	unsigned int dev_type;	/* S_IFCHR or S_IFBLK: the kernel said the file is that device
				 * (dev_major:dev_minor); 0: not said */
	unsigned int dev_major;
	unsigned int dev_minor;
	bool cloexec;
	/* LINK ends in the kernel's " (deleted)" mark of an unlinked file (not in a name that
	 * ends so), as it was when the link was read or by an unlink seen since */
	bool unlinked;
	bool ask_proc;		/* made where the events do not say what it is (SCM_RIGHTS) */
};

/* What the tables say of an fd. */
enum fd_known {
	FD_ASK_PROC,		/* nothing: ask /proc */
	FD_NOT_OPEN,		/* the thread's table has no such fd */
	FD_OPEN,		/* its entry says what it is */
};

/* PATHS: -y/-yy print fds' paths: read each new fd's link from /proc as its event is seen. */
struct fd_tables *fd_tables_new(bool paths);
void fd_tables_free(struct fd_tables *t);

/* The tables the fd lookups ask, or NULL: /proc only. */
void fd_tables_serve(struct fd_tables *t);

/* What the served tables know of fd FD of thread TID; *E: its entry when FD_OPEN. */
enum fd_known fd_tables_find(pid_t tid, int fd, const struct fd_entry **e);

/* What d_path() appends to an unlinked file's path: its /proc/PID/fd/N link ends so. */
#define FD_UNLINKED_MARK " (deleted)"

/* Where LINK ends in FD_UNLINKED_MARK, or NULL (LINK may be NULL). */
char *fd_link_mark(const char *link);

/*
 * Does LINK, read from /proc/TID/fd/FD, end in the kernel's mark of an unlinked file? A file
 * may be named so: it is the mark unless that name is the fd's file now.
 */
bool fd_link_marks_unlinked(pid_t tid, int fd, const char *link);

/* -y: thread TID's working directory as the served tables know it, or NULL: ask /proc. */
const char *fd_tables_cwd(pid_t tid);

/*
 * Has the socket of E (from fd_tables_find) an address? A netlink socket gets one from
 * bind, connect or its first send (autobind); only then does sock_diag list it, and strace
 * knows its protocol.
 */
bool fd_tables_bound(const struct fd_entry *e);

/* The port id the kernel said the netlink socket of E has (bind, connect or a send gave it
 * one), or 0. */
uint32_t fd_tables_netlink_portid(const struct fd_entry *e);

/* The syscalls the tables follow (and exit and exit_group, whose codes end the threads): the
 * kernel sends their events whatever -e trace= prints. */
bool fd_tables_follows(long nr);

/* Thread TID's descriptors as /proc lists them now; a thread of a process seeded before
 * (TGID) shares that table. */
void fd_tables_seed(struct fd_tables *t, pid_t tid, pid_t tgid);

/* -f: CHILD was made by thread PARENT's clone with FLAGS (CLONE_FILES: one table). */
void fd_tables_fork(struct fd_tables *t, pid_t parent, pid_t child, uint64_t flags);

/* Thread TID is gone; OLD_TID took the id TID (a thread's execve under its leader's id). */
void fd_tables_gone(struct fd_tables *t, pid_t tid);
void fd_tables_renamed(struct fd_tables *t, pid_t old_tid, pid_t tid);

/*
 * A syscall NR of TID returned RET; MEM serves its entry's and exit's memory. _made takes
 * the fds it made or changed, before its line is printed (the result of open prints as the
 * new fd); _ended the fds it ended, after (close's argument is the fd that was).
 */
void fd_tables_made(struct fd_tables *t, pid_t tid, long nr, const uint64_t *args, int64_t ret,
		    const struct mem_reader *mem);
void fd_tables_ended(struct fd_tables *t, pid_t tid, long nr, const uint64_t *args, int64_t ret);

/*
 * What the kernel said fd FD is, at the exit of the syscall that made it (the eBPF backend
 * reads it from the task's file table): its inode's number, mode and device, its filesystem's
 * magic,
 * its dentry's NAME, and a socket's family, type and protocol (FAMILY 0: not read).
 */
struct fd_kernel_file {
	int fd;
	unsigned int mode;
	uint32_t rdev;		/* the kernel's dev_t: major << 20 | minor */
	uint64_t ino;
	uint64_t magic;
	int family;
	int type;
	int protocol;
	uint32_t portid;	/* a netlink socket's, 0: none */
	const char *name;
};

/* The syscalls whose result, when not an error, is a new fd (pipe and socketpair write
 * theirs): those after which the kernel says what it is. */
bool fd_tables_makes_fd(long nr);

/* Thread TID's fd F->fd is the file F, as the kernel said when fd_tables_made had made its
 * entry: a socket's, a pipe's, an anonymous inode's or a memfd's name, which /proc no longer
 * tells once the fd is closed, and a socket's family. Files of other kinds keep what /proc
 * said. */
void fd_tables_kernel_file(struct fd_tables *t, pid_t tid, const struct fd_kernel_file *f);

#endif
