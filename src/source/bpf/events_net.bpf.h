/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Dedicated events for sockets: socket, socketpair, bind, listen, connect, accept, shutdown,
 * the send/receive family, socket options and getsockname/getpeername, with the tuples read
 * from the kernel's socket. Included by
 * sysray.bpf.c after its event builder (begin, put_*, submit).
 *
 * Kernel facts this relies on:
 * - A socket's file has its struct socket in file->private_data, and socket->file points back
 *   at the file; no other file type makes that round trip.
 * - In sock_common, skc_num is the local port in host order, skc_dport the remote port in
 *   network order; skc_rcv_saddr is the bound local address, 0 until bind or connect picks one
 *   (inet_sock->inet_saddr is the source address of a socket that sends without binding).
 * - A unix socket's struct sock is the start of its struct unix_sock; ->peer is the other
 *   end's sock once connected; ->addr the bound name (an accepted socket shares its listener's).
 * - At sys_exit the user's buffers hold what the kernel wrote: received data, the sender's
 *   address of recvfrom/recvmsg, msg_controllen updated to the control data's length, and
 *   getsockopt's value with *optlen set to its length.
 */
#ifndef SYSRAY_EVENTS_NET_BPF_H
#define SYSRAY_EVENTS_NET_BPF_H

#include "schema/ppm_sockopt.h"

#define NET_MAX_CONTROL	4096	/* bytes of recvmsg control data kept */

/* The PPM file flags socket()'s SOCK_NONBLOCK and SOCK_CLOEXEC become. */
#define NET_PPM_O_NONBLOCK	0x40
#define NET_PPM_O_CLOEXEC	0x1000

/* The struct socket behind the current task's descriptor FD; NULL when FD is not a socket
 * (a socket file's private_data is its struct socket, which points back at the file). */
static __always_inline struct socket *net_fd_socket(__s64 fd)
{
	struct file *file = fd_file(fd);
	struct socket *sock;

	if (!file)
		return NULL;
	sock = BPF_CORE_READ(file, private_data);
	if (!sock || BPF_CORE_READ(sock, file) != file)
		return NULL;
	return sock;
}

/* A unix socket name, abstract names without their leading NUL, at DST; its length with the
 * NUL. */
static __always_inline __u32 net_unix_path(__u8 *dst, const char *path, bool user)
{
	char first = 0;
	long n = 0;

	if (path) {
		if (user)
			bpf_probe_read_user(&first, 1, path);
		else
			bpf_probe_read_kernel(&first, 1, path);
		if (!first)
			path++;
		n = user ? bpf_probe_read_user_str(dst, UNIX_PATH_MAX, path) :
			   bpf_probe_read_kernel_str(dst, UNIX_PATH_MAX, path);
	}
	if (n <= 0) {
		dst[0] = 0;
		n = 1;
	}
	return n & 127;
}

/*
 * SOCK's endpoints as PT_SOCKTUPLE: source then destination, the local end first for outbound
 * calls (connect, send) and the remote end first for inbound ones (accept, receive). UADDR, a
 * user sockaddr, names the remote end when the socket has none (unconnected datagrams, a failed
 * connect). Unix tuples carry the two kernel sock addresses as ids and the path of the name.
 */
static __always_inline void net_put_tuple(struct builder *b, __u32 idx, struct socket *sock,
					  bool inbound, const void *uaddr)
{
	struct sock *sk = sock ? BPF_CORE_READ(sock, sk) : NULL;
	__u8 *dst = b->buf + (b->off & HALF_MASK);
	__u16 family;

	if (!sk) {
		put_empty(b, idx);
		return;
	}
	family = BPF_CORE_READ(sk, __sk_common.skc_family);
	if (family == AF_INET) {
		__u32 laddr = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
		__u32 raddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		__u16 rport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
		struct { __u16 family; __u16 port; __u32 addr; } in = {};

		if (!laddr)
			laddr = BPF_CORE_READ((struct inet_sock *)sk, inet_saddr);
		if (!rport && uaddr && !bpf_probe_read_user(&in, sizeof(in), uaddr) &&
		    in.family == AF_INET) {
			raddr = in.addr;
			rport = __builtin_bswap16(in.port);
		}
		dst[0] = PPM_AF_INET;
		*(__u32 *)(dst + 1) = inbound ? raddr : laddr;
		*(__u16 *)(dst + 5) = inbound ? rport : lport;
		*(__u32 *)(dst + 7) = inbound ? laddr : raddr;
		*(__u16 *)(dst + 11) = inbound ? lport : rport;
		set_len(b, idx, 13);
		b->off += 13;
	} else if (family == AF_INET6) {
		__u8 *local = dst + (inbound ? 19 : 1), *remote = dst + (inbound ? 1 : 19);
		__u16 lport = BPF_CORE_READ(sk, __sk_common.skc_num);
		__u16 rport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
		struct { __u16 family; __u16 port; __u32 flow; __u8 addr[16]; } in6 = {};

		bpf_core_read(local, 16, &sk->__sk_common.skc_v6_rcv_saddr);
		bpf_core_read(remote, 16, &sk->__sk_common.skc_v6_daddr);
		if (!*(__u64 *)local && !*(__u64 *)(local + 8)) {
			struct ipv6_pinfo *np = BPF_CORE_READ((struct inet_sock *)sk, pinet6);

			if (np)
				bpf_core_read(local, 16, &np->saddr);
		}
		if (!rport && uaddr && !bpf_probe_read_user(&in6, sizeof(in6), uaddr) &&
		    in6.family == AF_INET6) {
			__builtin_memcpy(remote, in6.addr, 16);
			rport = __builtin_bswap16(in6.port);
		}
		dst[0] = PPM_AF_INET6;
		*(__u16 *)(dst + 17) = inbound ? rport : lport;
		*(__u16 *)(dst + 35) = inbound ? lport : rport;
		set_len(b, idx, 37);
		b->off += 37;
	} else if (family == AF_UNIX) {
		struct sock *peer = BPF_CORE_READ((struct unix_sock *)sk, peer);
		struct unix_sock *named = (struct unix_sock *)(inbound ? sk : peer);
		struct unix_address *ua = named ? BPF_CORE_READ(named, addr) : NULL;
		__u32 n;

		dst[0] = PPM_AF_UNIX;
		*(__u64 *)(dst + 1) = (__u64)(inbound ? sk : peer);
		*(__u64 *)(dst + 9) = (__u64)(inbound ? peer : sk);
		if (!inbound && !peer && uaddr)
			n = net_unix_path(dst + 17, (const char *)uaddr + 2, true);
		else
			n = net_unix_path(dst + 17, ua ? ua->name[0].sun_path : NULL, false);
		set_len(b, idx, 17 + n);
		b->off += 17 + n;
	} else {
		put_empty(b, idx);
	}
}

/* The listening socket's accept queue: queuepct, queuelen, queuemax. */
static __always_inline void net_put_queue(struct builder *b, __u32 idx, __s64 listen_fd)
{
	struct socket *sock = net_fd_socket(listen_fd);
	struct sock *sk = sock ? BPF_CORE_READ(sock, sk) : NULL;
	__u32 len = 0, max = 0;

	if (sk) {
		len = BPF_CORE_READ(sk, sk_ack_backlog);
		max = BPF_CORE_READ(sk, sk_max_ack_backlog);
	}
	put_u8(b, idx, len && max ? (__u64)len * 100 / max : 0);
	put_u32(b, idx + 1, len);
	put_u32(b, idx + 2, max);
}

/*
 * A socket option's value as PT_DYN: the alternative's u8 (ppm_sockopt_val_kind), then the
 * value read from user memory at UPTR. Unreadable fixed-size values read as 0, as in libs; an
 * option of no known shape is its first LEN bytes (at most snaplen).
 */
static __always_inline void net_put_sockopt_val(struct builder *b, __u32 idx, int level,
						int optname, const void *uptr, __u32 len)
{
	__u8 kind = ppm_sockopt_val_kind(level, optname);
	__u8 *dst = b->buf + (b->off & HALF_MASK);
	struct { __s64 sec; __s64 usec; } tv = {};
	__s32 v32 = 0;
	__u64 v64 = 0;

	dst[0] = kind;
	b->off += 1;
	switch (kind) {
	case PPM_SOCKOPT_VAL_ERRNO:
		bpf_probe_read_user(&v32, sizeof(v32), uptr);
		*(__s64 *)(dst + 1) = -(__s64)v32;
		break;
	case PPM_SOCKOPT_VAL_TIMEVAL:
		bpf_probe_read_user(&tv, sizeof(tv), uptr);
		*(__u64 *)(dst + 1) = tv.sec * 1000000000ULL + tv.usec * 1000ULL;
		break;
	case PPM_SOCKOPT_VAL_UINT64:
		bpf_probe_read_user(&v64, sizeof(v64), uptr);
		*(__u64 *)(dst + 1) = v64;
		break;
	case PPM_SOCKOPT_VAL_UINT32:
		bpf_probe_read_user(&v32, sizeof(v32), uptr);
		*(__u32 *)(dst + 1) = v32;
		set_len(b, idx, 5);
		b->off += 4;
		return;
	default:
		put_user_buf(b, idx, uptr, len, snaplen);
		set_len(b, idx, 1 + *(__u16 *)(b->buf + SR_LENS_OFF + 2 * idx));
		return;
	}
	set_len(b, idx, 9);
	b->off += 8;
}

/* setsockopt and getsockopt exits: res, fd, level, optname, val, optlen. OPTLEN is the length
 * the value has: the caller's for setsockopt, the kernel's *optlen for getsockopt. */
static __always_inline void net_sockopt_exit(const struct who *who, __u16 type, long ret,
					     const __u64 *a, __u32 optlen)
{
	int level = a[1], optname = a[2];
	struct builder b;

	if (!begin(&b, 6))
		return;
	put_u64(&b, 0, ret);
	put_u64(&b, 1, (__s64)(int)a[0]);
	put_u8(&b, 2, ppm_sockopt_level(level));
	put_u8(&b, 3, ppm_sockopt_name(level, optname));
	net_put_sockopt_val(&b, 4, level, optname, (const void *)a[3], optlen);
	put_u32(&b, 5, optlen);
	submit(&b, who, type, 6);
}

static __always_inline bool net_read_msghdr(struct user_msghdr *mh, __u64 uptr)
{
	return uptr && !bpf_probe_read_user(mh, sizeof(*mh), (void *)uptr);
}

static __always_inline __u32 net_socket_flags(__u64 type)
{
	return (type & SOCK_NONBLOCK ? NET_PPM_O_NONBLOCK : 0) |
	       (type & SOCK_CLOEXEC ? NET_PPM_O_CLOEXEC : 0);
}

static __always_inline bool net_enter(const struct who *who, long nr, const __u64 *a)
{
	__s64 fd = (__s64)(int)a[0];
	struct user_msghdr mh;
	struct builder b;

	switch (nr) {
	case NR_socket:
	case NR_socketpair:
		if (!begin(&b, 3))
			return true;
		put_u32(&b, 0, a[0]);
		put_u32(&b, 1, a[1]);
		put_u32(&b, 2, a[2]);
		submit(&b, who, nr == NR_socket ? PPME_SOCKET_SOCKET_E : PPME_SOCKET_SOCKETPAIR_E,
		       3);
		return true;
	case NR_bind:
	case NR_recvmsg:
		if (!begin(&b, 1))
			return true;
		put_u64(&b, 0, fd);
		submit(&b, who, nr == NR_bind ? PPME_SOCKET_BIND_E : PPME_SOCKET_RECVMSG_E, 1);
		return true;
	case NR_connect:
		if (!begin(&b, 2))
			return true;
		put_u64(&b, 0, fd);
		put_sockaddr(&b, 1, (void *)a[1], a[2]);
		submit(&b, who, PPME_SOCKET_CONNECT_E, 2);
		return true;
	case NR_listen:
	case NR_recvfrom:
		if (!begin(&b, 2))
			return true;
		put_u64(&b, 0, fd);
		put_u32(&b, 1, a[1 + (nr == NR_recvfrom)]);	/* backlog, size */
		submit(&b, who, nr == NR_listen ? PPME_SOCKET_LISTEN_E : PPME_SOCKET_RECVFROM_E, 2);
		return true;
	case NR_shutdown:
		if (!begin(&b, 2))
			return true;
		put_u64(&b, 0, fd);
		put_u8(&b, 1, a[1]);	/* SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2 in both numberings */
		submit(&b, who, PPME_SOCKET_SHUTDOWN_E, 2);
		return true;
	case NR_accept:
		if (!begin(&b, 0))
			return true;
		submit(&b, who, PPME_SOCKET_ACCEPT_5_E, 0);
		return true;
	case NR_getsockname:
	case NR_getpeername:
	case NR_setsockopt:
	case NR_getsockopt:
		if (!begin(&b, 0))
			return true;
		submit(&b, who, nr == NR_getsockname ? PPME_SOCKET_GETSOCKNAME_E :
				      nr == NR_getpeername ? PPME_SOCKET_GETPEERNAME_E :
				      nr == NR_setsockopt ? PPME_SOCKET_SETSOCKOPT_E :
							    PPME_SOCKET_GETSOCKOPT_E, 0);
		return true;
	case NR_accept4:
		if (!begin(&b, 1))
			return true;
		put_u32(&b, 0, a[3]);
		submit(&b, who, PPME_SOCKET_ACCEPT4_5_E, 1);
		return true;
	/* The enter tuple of a send names the destination the caller gave, none without one. */
	case NR_sendto:
		if (!begin(&b, 3))
			return true;
		put_u64(&b, 0, fd);
		put_u32(&b, 1, a[2]);
		if (a[4] && a[5])
			net_put_tuple(&b, 2, net_fd_socket(fd), false, (void *)a[4]);
		else
			put_empty(&b, 2);
		submit(&b, who, PPME_SOCKET_SENDTO_E, 3);
		return true;
	case NR_sendmsg:
		if (!net_read_msghdr(&mh, a[1]))
			__builtin_memset(&mh, 0, sizeof(mh));
		if (!begin(&b, 3))
			return true;
		put_u64(&b, 0, fd);
		put_u32(&b, 1, iov_total(mh.msg_iov, mh.msg_iovlen));
		if (mh.msg_name && mh.msg_namelen)
			net_put_tuple(&b, 2, net_fd_socket(fd), false, mh.msg_name);
		else
			put_empty(&b, 2);
		submit(&b, who, PPME_SOCKET_SENDMSG_E, 3);
		return true;
	}
	return false;
}

static __always_inline bool net_exit(const struct who *who, long nr, long ret, const __u64 *a)
{
	__s64 fd = (__s64)(int)a[0];
	struct user_msghdr mh;
	struct builder b;

	switch (nr) {
	case NR_socket:
		if (!begin(&b, 5))
			return true;
		put_u64(&b, 0, ret);
		put_u32(&b, 1, a[0]);
		put_u32(&b, 2, a[1]);
		put_u32(&b, 3, a[2]);
		put_u32(&b, 4, net_socket_flags(a[1]));
		submit(&b, who, PPME_SOCKET_SOCKET_X, 5);
		return true;
	case NR_socketpair: {
		int fds[2] = { -1, -1 };
		struct socket *sock = NULL;
		struct sock *sk = NULL;

		if (!ret && !bpf_probe_read_user(fds, sizeof(fds), (void *)a[3]))
			sock = net_fd_socket(fds[0]);
		if (sock)
			sk = BPF_CORE_READ(sock, sk);
		if (!begin(&b, 8))
			return true;
		put_u64(&b, 0, ret);
		put_u64(&b, 1, (__s64)fds[0]);
		put_u64(&b, 2, (__s64)fds[1]);
		put_u64(&b, 3, (__u64)sk);
		put_u64(&b, 4, sk ? (__u64)BPF_CORE_READ((struct unix_sock *)sk, peer) : 0);
		put_u32(&b, 5, a[0]);
		put_u32(&b, 6, a[1]);
		put_u32(&b, 7, a[2]);
		submit(&b, who, PPME_SOCKET_SOCKETPAIR_X, 8);
		return true;
	}
	case NR_bind:
		if (!begin(&b, 3))
			return true;
		put_u64(&b, 0, ret);
		put_sockaddr(&b, 1, (void *)a[1], a[2]);
		put_u64(&b, 2, fd);
		submit(&b, who, PPME_SOCKET_BIND_X, 3);
		return true;
	/* The tuple is written whatever the result: a failed connect names the address tried. */
	case NR_connect:
		if (!begin(&b, 4))
			return true;
		put_u64(&b, 0, ret);
		net_put_tuple(&b, 1, net_fd_socket(fd), false, (void *)a[1]);
		put_u64(&b, 2, fd);
		put_sockaddr(&b, 3, (void *)a[1], a[2]);
		submit(&b, who, PPME_SOCKET_CONNECT_X, 4);
		return true;
	case NR_listen:
	case NR_shutdown:
		if (!begin(&b, 3))
			return true;
		put_u64(&b, 0, ret);
		put_u64(&b, 1, fd);
		if (nr == NR_listen)
			put_u32(&b, 2, a[1]);
		else
			put_u8(&b, 2, a[1]);
		submit(&b, who, nr == NR_listen ? PPME_SOCKET_LISTEN_X : PPME_SOCKET_SHUTDOWN_X, 3);
		return true;
	case NR_accept:
	case NR_accept4:
		if (!begin(&b, 5))
			return true;
		put_u64(&b, 0, ret);
		if (ret >= 0)
			net_put_tuple(&b, 1, net_fd_socket(ret), true, NULL);
		else
			put_empty(&b, 1);
		net_put_queue(&b, 2, ret >= 0 ? fd : -1);
		submit(&b, who, nr == NR_accept ? PPME_SOCKET_ACCEPT_5_X : PPME_SOCKET_ACCEPT4_5_X,
		       5);
		return true;
	/* sysdig's getsockname and getpeername events carry nothing. */
	case NR_getsockname:
	case NR_getpeername:
		if (!begin(&b, 0))
			return true;
		submit(&b, who, nr == NR_getsockname ? PPME_SOCKET_GETSOCKNAME_X :
						       PPME_SOCKET_GETPEERNAME_X, 0);
		return true;
	case NR_setsockopt:
		net_sockopt_exit(who, PPME_SOCKET_SETSOCKOPT_X, ret, a, a[4]);
		return true;
	/* Read whatever the result, as libs does: a failed call shows what the caller passed. */
	case NR_getsockopt: {
		__u32 optlen = 0;

		if (a[4])
			bpf_probe_read_user(&optlen, sizeof(optlen), (void *)a[4]);
		net_sockopt_exit(who, PPME_SOCKET_GETSOCKOPT_X, ret, a, optlen);
		return true;
	}
	/* A failed send still shows the bytes it was given. */
	case NR_sendto:
		if (!begin(&b, 5))
			return true;
		put_u64(&b, 0, ret);
		put_user_buf(&b, 1, (void *)a[1], ret > 0 ? ret : (__u32)a[2], snaplen);
		put_u64(&b, 2, fd);
		put_u32(&b, 3, a[2]);
		if (ret >= 0)
			net_put_tuple(&b, 4, net_fd_socket(fd), false, (void *)a[4]);
		else
			put_empty(&b, 4);
		submit(&b, who, PPME_SOCKET_SENDTO_X, 5);
		return true;
	case NR_recvfrom:
		if (!begin(&b, 5))
			return true;
		put_u64(&b, 0, ret);
		if (ret >= 0) {
			put_user_buf(&b, 1, (void *)a[1], ret, snaplen);
			net_put_tuple(&b, 2, net_fd_socket(fd), true, (void *)a[4]);
		} else {
			put_empty(&b, 1);
			put_empty(&b, 2);
		}
		put_u64(&b, 3, fd);
		put_u32(&b, 4, a[2]);
		submit(&b, who, PPME_SOCKET_RECVFROM_X, 5);
		return true;
	case NR_sendmsg: {
		__u64 size;

		if (!net_read_msghdr(&mh, a[1]))
			__builtin_memset(&mh, 0, sizeof(mh));
		size = iov_total(mh.msg_iov, mh.msg_iovlen);
		if (!begin(&b, 5))
			return true;
		put_u64(&b, 0, ret);
		put_iov_data(&b, 1, mh.msg_iov, mh.msg_iovlen, ret > 0 ? ret : size);
		put_u64(&b, 2, fd);
		put_u32(&b, 3, size);
		if (ret >= 0)
			net_put_tuple(&b, 4, net_fd_socket(fd), false, mh.msg_name);
		else
			put_empty(&b, 4);
		submit(&b, who, PPME_SOCKET_SENDMSG_X, 5);
		return true;
	}
	case NR_recvmsg:
		if (ret < 0 || !net_read_msghdr(&mh, a[1]))
			__builtin_memset(&mh, 0, sizeof(mh));
		if (!begin(&b, 6))
			return true;
		put_u64(&b, 0, ret);
		put_u32(&b, 1, ret > 0 ? ret : 0);
		if (ret >= 0) {
			put_iov_data(&b, 2, mh.msg_iov, mh.msg_iovlen, ret);
			/* the kernel wrote the sender's address to msg_name and its length
			 * to msg_namelen (0: no address) */
			net_put_tuple(&b, 3, net_fd_socket(fd), true,
				      mh.msg_namelen ? mh.msg_name : NULL);
			put_user_buf(&b, 4, mh.msg_control, mh.msg_controllen, NET_MAX_CONTROL);
		} else {
			put_empty(&b, 2);
			put_empty(&b, 3);
			put_empty(&b, 4);
		}
		put_u64(&b, 5, fd);
		submit(&b, who, PPME_SOCKET_RECVMSG_X, 6);
		return true;
	}
	return false;
}

#endif
