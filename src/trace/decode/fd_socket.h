/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The -yy decoration of socket fds: what the socket is connected to, asked of the kernel
 * through sock_diag netlink as strace does ("TCP:[127.0.0.1:5000->127.0.0.1:43210]").
 */
#ifndef SYSRAY_TRACE_DECODE_FD_SOCKET_H
#define SYSRAY_TRACE_DECODE_FD_SOCKET_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Writes the -yy text of fd FD of process PID into BUF, given LINK, the fd's -y text
 * ("socket:[12345]"). Returns false when LINK is not a socket or nothing is known of it
 * beyond LINK itself; the caller then prints LINK.
 */
bool fd_socket_details(pid_t pid, int fd, const char *link, char *buf, size_t n);

/*
 * The protocol name the kernel gives socket FD of PID ("TCP", "UNIX-STREAM", "NETLINK"),
 * copied into BUF; false if it is not a socket. The eBPF backend's fd tables answer for the
 * fds they know (fd_table.h), /proc for the others; _proc_ asks /proc only.
 */
bool fd_socket_proto(pid_t pid, int fd, char *buf, size_t n);
bool fd_socket_proc_proto(pid_t pid, int fd, char *buf, size_t n);

/* The name the kernel gives the protocol of a socket(FAMILY, TYPE, PROTOCOL) (its
 * "system.sockprotoname"), or NULL for the families not listed here. */
const char *fd_socket_kernel_proto(int family, int type, int protocol);

/* The netlink protocol (NETLINK_ROUTE ...) of netlink socket FD of PID, or -1. */
int fd_socket_netlink_protocol(pid_t pid, int fd);

#endif
