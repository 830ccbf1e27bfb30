/* SPDX-License-Identifier: Apache-2.0 */
/* The sockets of a network namespace, from /proc/PID/net/{tcp,tcp6,udp,udp6,unix,netlink}. */
#ifndef SYSRAY_PROCFS_NET_SOCKETS_H
#define SYSRAY_PROCFS_NET_SOCKETS_H

#include <stddef.h>
#include <sys/types.h>

enum sock_proto { SP_TCP, SP_UDP, SP_UNIX, SP_NETLINK };

struct net_sock {
	unsigned long long inode;	/* the N of "socket:[N]" */
	enum sock_proto proto;
	int family;			/* AF_INET, AF_INET6, AF_UNIX, AF_NETLINK */
	/* inet: TCP_ESTABLISHED (1) ... TCP_NEW_SYN_RECV; UDP uses 1 (connected) and 7.
	 * unix: SS_UNCONNECTED (1) ... SS_DISCONNECTING (4). */
	int state;
	unsigned char laddr[16], raddr[16];	/* network byte order */
	unsigned int lport, rport;
	/* inet: /proc/net's tx_queue:rx_queue; a TCP listener's rx_queue is the connections
	 * waiting in its accept queue, its tx_queue 0. unix: from sock_diag (net_table_diag):
	 * bytes unread and unsent, or a listener's waiting connections (rxq). */
	unsigned long long txq, rxq;
	/* TCP and unix listeners: listen()'s backlog (sk_max_ack_backlog), from sock_diag */
	unsigned long long backlog;
	unsigned int uid;
	unsigned int order;		/* the line's place in its file, files in load order */
	unsigned int refcnt;		/* unix: RefCount */
	unsigned long long peer;	/* unix: the peer's inode (0: none), from sock_diag */
	unsigned long long kaddr;	/* unix: the socket's (hashed) kernel address */
	unsigned int flags;		/* unix: __SO_ACCEPTCON (1 << 16) when listening */
	int type;			/* unix: SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET */
	int nl_proto;			/* netlink: NETLINK_ROUTE ... */
	char *path;			/* unix: bound path ("@name" when abstract) or NULL */
};

struct net_table {
	struct net_sock *v;
	size_t n, cap;
};

/*
 * Loads the sockets of PID's network namespace (PID 0: ours), sorted by inode. Files that
 * are missing (no IPv6) are skipped. 0, or -errno when none could be read.
 */
int net_table_load(pid_t pid, struct net_table *t);
void net_table_free(struct net_table *t);
/*
 * Adds what /proc/net does not say, from sock_diag netlink dumps of the caller's network
 * namespace: the backlog of TCP listeners, and the queues, backlog and peer of unix sockets.
 * A socket the kernel does not describe keeps zeros. 0, or -errno when netlink fails.
 */
int net_table_diag(struct net_table *t);
const struct net_sock *net_table_find(const struct net_table *t, unsigned long long inode);

/* Parses one data line of /proc/net/tcp, tcp6, udp or udp6. 1 on success. */
int net_parse_inet_line(const char *line, int family, enum sock_proto proto,
			struct net_sock *s);
/* Parses one data line of /proc/net/unix. 1 on success. */
int net_parse_unix_line(const char *line, struct net_sock *s);

/* How to print an address: lsof -n -P ("*:22", "[::1]:22") or ss ("0.0.0.0:22", "[::]:*"). */
enum addr_style { ADDR_LSOF, ADDR_SS };
const char *net_format_addr(const struct net_sock *s, int remote, enum addr_style style,
			    char *buf, size_t size);
/* Does the socket have a peer (a non-zero remote address or port)? */
int net_has_peer(const struct net_sock *s);

/* TCP state names as lsof (ESTABLISHED, FIN_WAIT1) and ss (ESTAB, FIN-WAIT-1) print them. */
const char *tcp_state_lsof(int state);
const char *tcp_state_ss(int state);
/* A netlink protocol's name as lsof prints it (ROUTE, AUDIT, ...), or NULL. */
const char *netlink_proto_name(int proto);

#endif
