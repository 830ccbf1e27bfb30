/* SPDX-License-Identifier: Apache-2.0 */
/* Socket calls: socket, socketpair, bind, listen, connect, accept, accept4, the send and
 * receive family, shutdown, socket options, getsockname and getpeername. */
#include <asm/unistd.h>
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "procfs/proc_file.h"
#include "schema/ppm_sockopt.h"
#include "trace/encode/net_values.h"

#define MAX_MSG_CONTROL 4096	/* bytes of recvmsg control data kept */

/* socket and socketpair: domain, type, proto */
static void socket_args(struct enc *e)
{
	evb_u32(e->b, e->a[0]);
	evb_u32(e->b, e->a[1]);
	evb_u32(e->b, e->a[2]);
}

static void socket_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	socket_args(e);
}

/* res, the two fds, the two ends' ids (their inodes, as in the unix tuples), then the args */
static void socketpair_exit(struct enc *e)
{
	const struct mem_reader *mem = e->ev->mem;
	int fds[2] = { -1, -1 };
	struct stat st0, st1;
	bool known = false;

	if (e->ret == 0 && mem && !mem->read(mem, e->a[3], fds, sizeof(fds))) {
		char fd0[24], fd1[24];

		snprintf(fd0, sizeof(fd0), "fd/%d", fds[0]);
		snprintf(fd1, sizeof(fd1), "fd/%d", fds[1]);
		known = !proc_stat_target(e->ev->pid, fd0, &st0) &&
			!proc_stat_target(e->ev->pid, fd1, &st1);
	}
	evb_u64(e->b, e->ret);
	evb_u64(e->b, (uint64_t)(int64_t)fds[0]);
	evb_u64(e->b, (uint64_t)(int64_t)fds[1]);
	evb_u64(e->b, known ? st0.st_ino : 0);
	evb_u64(e->b, known ? st1.st_ino : 0);
	socket_args(e);
}

/* bind and recvmsg enter: fd */
static void fd_enter(struct enc *e)
{
	enc_fd(e->b, e->a[0]);
}

static void bind_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	enc_sockaddr(e, e->a[1], e->a[2]);
	enc_fd(e->b, e->a[0]);
}

static void listen_enter(struct enc *e)
{
	enc_fd(e->b, e->a[0]);
	evb_u32(e->b, e->a[1]);
}

static void listen_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	listen_enter(e);
}

/* how: SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2 in both numberings */
static void shutdown_enter(struct enc *e)
{
	enc_fd(e->b, e->a[0]);
	evb_u8(e->b, e->a[1]);
}

static void shutdown_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	shutdown_enter(e);
}

static void connect_enter(struct enc *e)
{
	enc_fd(e->b, e->a[0]);
	enc_sockaddr(e, e->a[1], e->a[2]);
}

/* The tuple is written whatever the result: a failed connect names the address tried. */
static void connect_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	enc_sock_tuple(e, (int)e->a[0], false, e->a[1], e->ret < 0 && e->ret != -EINPROGRESS);
	connect_enter(e);
}

static void accept4_enter(struct enc *e)
{
	evb_u32(e->b, e->a[3]);
}

/* accept and accept4: the new socket and its tuple, the remote end first */
static void accept_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	if (e->ret >= 0)
		enc_sock_tuple(e, (int)e->ret, true, 0, false);
}

/* The enter tuple of a send names the destination the caller gave, none without one. */
static void sendto_enter(struct enc *e)
{
	enc_fd(e->b, e->a[0]);
	evb_u32(e->b, e->a[2]);
	if (e->a[4] && e->a[5])
		enc_sock_tuple(e, (int)e->a[0], false, e->a[4], false);
	else
		evb_empty(e->b);
}

/* A failed send still shows the bytes it was given. */
static void sendto_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	enc_user_buf(e, e->a[1], e->ret > 0 ? e->ret : (int64_t)(uint32_t)e->a[2]);
	enc_fd(e->b, e->a[0]);
	evb_u32(e->b, e->a[2]);
	if (e->ret >= 0)
		enc_sock_tuple(e, (int)e->a[0], false, e->a[4], false);
	else
		evb_empty(e->b);
}

static void recvfrom_enter(struct enc *e)
{
	enc_fd(e->b, e->a[0]);
	evb_u32(e->b, e->a[2]);
}

static void recvfrom_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	if (e->ret >= 0) {
		enc_user_buf(e, e->a[1], e->ret);
		enc_sock_tuple(e, (int)e->a[0], true, e->a[4], false);
	} else {
		evb_empty(e->b);
		evb_empty(e->b);
	}
	recvfrom_enter(e);
}

static void sendmsg_enter(struct enc *e)
{
	struct msghdr mh;

	enc_read_msghdr(e, e->a[1], &mh);
	enc_fd(e->b, e->a[0]);
	evb_u32(e->b, enc_iov_total(e, mh.msg_iov, mh.msg_iovlen));
	if (mh.msg_name && mh.msg_namelen)
		enc_sock_tuple(e, (int)e->a[0], false, (uintptr_t)mh.msg_name, false);
	else
		evb_empty(e->b);
}

static void sendmsg_exit(struct enc *e)
{
	struct msghdr mh;
	uint64_t size;

	enc_read_msghdr(e, e->a[1], &mh);
	size = enc_iov_total(e, mh.msg_iov, mh.msg_iovlen);
	evb_u64(e->b, e->ret);
	enc_iov_data(e, mh.msg_iov, mh.msg_iovlen, e->ret > 0 ? (uint64_t)e->ret : size);
	enc_fd(e->b, e->a[0]);
	evb_u32(e->b, size);
	if (e->ret >= 0)
		enc_sock_tuple(e, (int)e->a[0], false, (uintptr_t)mh.msg_name, false);
	else
		evb_empty(e->b);
}

/* At the exit the tracee's msghdr holds what the kernel wrote: the sender's address in
 * msg_name and its length in msg_namelen (0: none), the control data's length. */
static void recvmsg_exit(struct enc *e)
{
	struct msghdr mh;

	enc_read_msghdr(e, e->a[1], &mh);
	evb_u64(e->b, e->ret);
	evb_u32(e->b, e->ret > 0 ? e->ret : 0);
	if (e->ret >= 0) {
		enc_iov_data(e, mh.msg_iov, mh.msg_iovlen, e->ret);
		enc_sock_tuple(e, (int)e->a[0], true,
			       mh.msg_namelen ? (uintptr_t)mh.msg_name : 0, false);
		enc_user_buf_max(e, (uintptr_t)mh.msg_control, mh.msg_controllen,
				 MAX_MSG_CONTROL);
	} else {
		evb_empty(e->b);
		evb_empty(e->b);
		evb_empty(e->b);
	}
	enc_fd(e->b, e->a[0]);
}

/* setsockopt and getsockopt exits: res, fd, level, optname, val, optlen (the caller's for
 * setsockopt, the kernel's *optlen for getsockopt). */
static void sockopt_exit(struct enc *e, uint32_t optlen)
{
	int level = (int)e->a[1], optname = (int)e->a[2];

	evb_u64(e->b, e->ret);
	enc_fd(e->b, e->a[0]);
	evb_u8(e->b, ppm_sockopt_level(level));
	evb_u8(e->b, ppm_sockopt_name(level, optname));
	enc_sockopt_val(e, level, optname, e->a[3], optlen);
	evb_u32(e->b, optlen);
}

static void setsockopt_exit(struct enc *e)
{
	sockopt_exit(e, (uint32_t)e->a[4]);
}

static void getsockopt_exit(struct enc *e)
{
	const struct mem_reader *mem = e->ev->mem;
	uint32_t optlen = 0;

	if (!e->a[4] || !mem || mem->read(mem, e->a[4], &optlen, sizeof(optlen)))
		optlen = 0;
	sockopt_exit(e, optlen);
}

const struct syscall_encoder net_encoders[] = {
	{ __NR_socket, PPME_SOCKET_SOCKET_E, socket_args, socket_exit },
	{ __NR_socketpair, PPME_SOCKET_SOCKETPAIR_E, socket_args, socketpair_exit },
	{ __NR_bind, PPME_SOCKET_BIND_E, fd_enter, bind_exit },
	{ __NR_listen, PPME_SOCKET_LISTEN_E, listen_enter, listen_exit },
	{ __NR_connect, PPME_SOCKET_CONNECT_E, connect_enter, connect_exit },
	{ __NR_accept, PPME_SOCKET_ACCEPT_5_E, NULL, accept_exit },
	{ __NR_accept4, PPME_SOCKET_ACCEPT4_5_E, accept4_enter, accept_exit },
	{ __NR_sendto, PPME_SOCKET_SENDTO_E, sendto_enter, sendto_exit },
	{ __NR_recvfrom, PPME_SOCKET_RECVFROM_E, recvfrom_enter, recvfrom_exit },
	{ __NR_sendmsg, PPME_SOCKET_SENDMSG_E, sendmsg_enter, sendmsg_exit },
	{ __NR_recvmsg, PPME_SOCKET_RECVMSG_E, fd_enter, recvmsg_exit },
	{ __NR_shutdown, PPME_SOCKET_SHUTDOWN_E, shutdown_enter, shutdown_exit },
	{ __NR_setsockopt, PPME_SOCKET_SETSOCKOPT_E, NULL, setsockopt_exit },
	{ __NR_getsockopt, PPME_SOCKET_GETSOCKOPT_E, NULL, getsockopt_exit },
	{ __NR_getsockname, PPME_SOCKET_GETSOCKNAME_E, NULL, NULL },
	{ __NR_getpeername, PPME_SOCKET_GETPEERNAME_E, NULL, NULL },
	{ .nr = -1 },
};
