/* SPDX-License-Identifier: Apache-2.0 */
/* Which processes hold each socket: the "socket:[N]" links of every /proc/PID/fd. */
#ifndef SYSRAY_PROCFS_SOCK_OWNERS_H
#define SYSRAY_PROCFS_SOCK_OWNERS_H

#include <stddef.h>
#include <sys/types.h>

struct sock_owner {
	unsigned long long inode;
	pid_t pid;
	int fd;
	char comm[16];
};

struct sock_owners {
	struct sock_owner *v;	/* sorted by inode, then pid, then fd */
	size_t n, cap;
	size_t unreadable;	/* processes whose fds could not be read (permission) */
};

void sock_owners_load(struct sock_owners *o);
void sock_owners_free(struct sock_owners *o);
/* The first owner of INODE and, in *N, how many follow it with the same inode. */
const struct sock_owner *sock_owners_find(const struct sock_owners *o, unsigned long long inode,
					  size_t *n);

#endif
