/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The endpoints of a socket of the tracee as PT_SOCKTUPLE, in the eBPF source's layout
 * (events_net.bpf.h's net_put_tuple()): family, then source and destination, the remote end
 * first for inbound calls (accept, receive), the local end first for outbound ones (connect,
 * send). Addresses stay in network byte order, ports are in host order. The tracer takes a
 * copy of the fd (pidfd_getfd(2): it may, as the tracee's tracer) and asks the kernel for both
 * names; a socket without a peer takes the remote end from the tracee's sockaddr at UADDR (0:
 * none), all zeros without one. Unix tuples carry inodes as the ids of the socket and its peer
 * (the drivers' kernel addresses are not visible from user space; the peer's from sock_diag,
 * procfs/unix_diag.h), the socket's own first for inbound calls and the peer's first for
 * outbound ones, as the drivers order them, then the path of the name: the socket's own for
 * inbound calls, the peer's (or UADDR's) for outbound ones. The peer id is 0 without a peer,
 * and also while the peer is a connection not yet accepted (the kernel gives it an inode when
 * accept(2) attaches it to a file).
 */
#include <netinet/in.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "procfs/proc_file.h"
#include "procfs/unix_diag.h"
#include "trace/encode/encode.h"

/*
 * The remote end named by the tracee's sockaddr at UADDR when the socket has no peer
 * (unconnected datagrams): the kernel's own sockaddr layout, read as the drivers read it.
 * False when UADDR is absent, unreadable or of another FAMILY.
 */
static bool user_peer(const struct tracer_event *ev, uint64_t uaddr, sa_family_t family,
		      struct sockaddr_storage *out, socklen_t *len)
{
	size_t n = family == AF_INET ? sizeof(struct sockaddr_in) :
		   family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_un);

	memset(out, 0, sizeof(*out));
	if (!uaddr || !ev->mem || ev->mem->read(ev->mem, uaddr, out, n) ||
	    out->ss_family != family)
		return false;
	*len = n;
	return true;
}

/*
 * A TCP connect that failed (other than EINPROGRESS) went through tcp_disconnect(), which
 * clears the source address unless the caller bound it, and the socket's close released its
 * port unless the caller bound that: the kernel's port (inet_num, what the eBPF source reads)
 * is 0 then, while getsockname(2) still reports the stale inet_sport. An unspecified local
 * address after such a failure is taken as the sign of both.
 */
static void released_port(struct sockaddr_storage *local)
{
	static const struct in6_addr any6 = IN6ADDR_ANY_INIT;

	if (local->ss_family == AF_INET) {
		struct sockaddr_in *in = (void *)local;

		if (in->sin_addr.s_addr == htonl(INADDR_ANY))
			in->sin_port = 0;
	} else if (local->ss_family == AF_INET6) {
		struct sockaddr_in6 *in6 = (void *)local;

		if (!memcmp(&in6->sin6_addr, &any6, sizeof(any6)))
			in6->sin6_port = 0;
	}
}

/* A pidfd for thread TID: pidfd_open(2) takes a thread-group leader (other threads only with
 * PIDFD_THREAD, Linux 6.9+), so a thread's is its leader's, whose fd table it shares. */
static int tracee_pidfd(pid_t tid)
{
	int pidfd = (int)syscall(SYS_pidfd_open, tid, 0);
	uint64_t tgid = 0;
	char *status;

	if (pidfd >= 0 || !(status = proc_read(tid, "status", NULL)))
		return pidfd;
	if (proc_field_u64(status, "Tgid", 10, &tgid) && tgid > 0 && (pid_t)tgid != tid)
		pidfd = (int)syscall(SYS_pidfd_open, (pid_t)tgid, 0);
	free(status);
	return pidfd;
}

void enc_sock_tuple(struct enc *e, int fd, bool inbound, uint64_t uaddr, bool released)
{
	struct sockaddr_storage local, remote;
	socklen_t llen = sizeof(local), rlen = sizeof(remote);
	uint8_t out[1 + 8 + 8 + sizeof(struct sockaddr_un)];
	int pidfd = fd < 0 ? -1 : tracee_pidfd(e->ev->pid);
	int copy = pidfd < 0 ? -1 : (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	struct stat st;
	bool ok = copy >= 0 && !getsockname(copy, (struct sockaddr *)&local, &llen);
	bool has_peer = ok && !getpeername(copy, (struct sockaddr *)&remote, &rlen);
	int type = 0;
	socklen_t tlen = sizeof(type);

	if (ok && !has_peer && !user_peer(e->ev, uaddr, local.ss_family, &remote, &rlen)) {
		memset(&remote, 0, sizeof(remote));
		remote.ss_family = local.ss_family;
		rlen = 0;
	}
	if (ok && released && !getsockopt(copy, SOL_SOCKET, SO_TYPE, &type, &tlen) &&
	    type == SOCK_STREAM)
		released_port(&local);
	if (ok && local.ss_family == AF_INET) {
		const struct sockaddr_in *l = (void *)&local, *r = (void *)&remote;
		const struct sockaddr_in *src = inbound ? r : l, *dst = inbound ? l : r;
		uint16_t sport = ntohs(src->sin_port), dport = ntohs(dst->sin_port);

		out[0] = AF_INET;	/* scap families are Linux's numbers */
		memcpy(out + 1, &src->sin_addr, 4);
		memcpy(out + 5, &sport, 2);
		memcpy(out + 7, &dst->sin_addr, 4);
		memcpy(out + 11, &dport, 2);
		evb_param(e->b, out, 13);
	} else if (ok && local.ss_family == AF_INET6) {
		const struct sockaddr_in6 *l = (void *)&local, *r = (void *)&remote;
		const struct sockaddr_in6 *src = inbound ? r : l, *dst = inbound ? l : r;
		uint16_t sport = ntohs(src->sin6_port), dport = ntohs(dst->sin6_port);

		out[0] = AF_INET6;
		memcpy(out + 1, &src->sin6_addr, 16);
		memcpy(out + 17, &sport, 2);
		memcpy(out + 19, &dst->sin6_addr, 16);
		memcpy(out + 35, &dport, 2);
		evb_param(e->b, out, 37);
	} else if (ok && local.ss_family == AF_UNIX && !fstat(copy, &st)) {
		const struct sockaddr_un *un = (void *)(inbound ? &local : &remote);
		uint64_t self = st.st_ino, peer = unix_peer_inode(st.st_ino);
		size_t off = offsetof(struct sockaddr_un, sun_path);
		socklen_t len = inbound ? llen : rlen;
		size_t n = len > off ? len - off : 0;
		const char *path = un->sun_path;

		/* abstract names lose their NUL, as in the drivers */
		if (n && !path[0]) {
			path++;
			n--;
		}
		n = strnlen(path, n);
		out[0] = AF_UNIX;
		memcpy(out + 1, inbound ? &self : &peer, 8);
		memcpy(out + 9, inbound ? &peer : &self, 8);
		memcpy(out + 17, path, n);
		out[17 + n] = 0;
		evb_param(e->b, out, 18 + n);
	} else {
		evb_empty(e->b);
	}
	if (copy >= 0)
		close(copy);
	if (pidfd >= 0)
		close(pidfd);
}
