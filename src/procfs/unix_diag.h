/* SPDX-License-Identifier: Apache-2.0 */
/* A unix socket as the kernel describes it through sock_diag netlink: its peer and name. */
#ifndef SYSRAY_PROCFS_UNIX_DIAG_H
#define SYSRAY_PROCFS_UNIX_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct unix_diag {
	uint64_t peer;		/* the peer's inode; 0: unconnected, or the peer closed */
	char path[109];		/* the bound name (sun_path: abstract ones start with NUL) */
	size_t path_len;	/* 0: unnamed */
};

/* The unix socket of inode INODE in the caller's network namespace; false when the kernel
 * does not know it (or does not answer). */
bool unix_diag_query(uint64_t inode, struct unix_diag *out);

/* Its peer's inode, or 0. */
uint64_t unix_peer_inode(uint64_t inode);

#endif
