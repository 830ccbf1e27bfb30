/* The other end of a connected unix socket, asked of the kernel through sock_diag netlink. */
#ifndef SYSRAY_PROCFS_UNIX_PEER_H
#define SYSRAY_PROCFS_UNIX_PEER_H

#include <stdint.h>

/*
 * The inode of the peer of the unix socket of inode INODE in the caller's network namespace:
 * 0 when it has none (unconnected, or its peer closed), or the kernel does not answer.
 */
uint64_t unix_peer_inode(uint64_t inode);

#endif
