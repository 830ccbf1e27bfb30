/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Loopback networking in one process: TCP (listen, connect, accept, send, recv, shutdown),
 * UDP (sendto, recvfrom, sendmsg, recvmsg), Unix stream sockets by path and socketpair,
 * socket options and the usual failures. Ports come from bind(port 0).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

static struct sockaddr_in loopback(void)
{
	struct sockaddr_in a;
	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static void tcp(void)
{
	char buf[64];
	int one = 1;
	struct sockaddr_in a = loopback();
	socklen_t len = sizeof(a);
	int srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	bind(srv, (struct sockaddr *)&a, sizeof(a));
	listen(srv, 8);
	getsockname(srv, (struct sockaddr *)&a, &len);
	int cli = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	setsockopt(cli, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	connect(cli, (struct sockaddr *)&a, sizeof(a));
	struct sockaddr_in peer;
	socklen_t plen = sizeof(peer);
	int conn = accept4(srv, (struct sockaddr *)&peer, &plen, SOCK_CLOEXEC);
	send(cli, "GET / HTTP/1.0\r\n\r\n", 18, 0);
	recv(conn, buf, sizeof(buf), 0);
	sendto(conn, "HTTP/1.0 200 OK\r\n", 17, MSG_NOSIGNAL, NULL, 0);
	recvfrom(cli, buf, sizeof(buf), 0, NULL, NULL);
	int val = 0;
	socklen_t vlen = sizeof(val);
	getsockopt(cli, SOL_SOCKET, SO_TYPE, &val, &vlen);
	getsockopt(cli, SOL_SOCKET, SO_ERROR, &val, &vlen);
	plen = sizeof(peer);
	getpeername(cli, (struct sockaddr *)&peer, &plen);
	shutdown(cli, SHUT_WR);
	recv(conn, buf, sizeof(buf), 0);
	close(conn);
	close(cli);
	close(srv);
	/* Nothing listens on the port any more. */
	cli = socket(AF_INET, SOCK_STREAM, 0);
	connect(cli, (struct sockaddr *)&a, sizeof(a));
	close(cli);
}

static void udp(void)
{
	char buf[64];
	struct sockaddr_in a = loopback();
	socklen_t len = sizeof(a);
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	bind(s, (struct sockaddr *)&a, sizeof(a));
	getsockname(s, (struct sockaddr *)&a, &len);
	int c = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
	sendto(c, "datagram", 8, 0, (struct sockaddr *)&a, sizeof(a));
	struct sockaddr_in from;
	socklen_t flen = sizeof(from);
	recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	struct iovec iov[2] = { { "two ", 4 }, { "parts", 5 } };
	struct msghdr mh = { .msg_name = &a, .msg_namelen = sizeof(a), .msg_iov = iov,
			     .msg_iovlen = 2 };
	sendmsg(c, &mh, 0);
	char b1[4], b2[16];
	struct iovec rio[2] = { { b1, sizeof(b1) }, { b2, sizeof(b2) } };
	struct msghdr rh = { .msg_iov = rio, .msg_iovlen = 2 };
	recvmsg(s, &rh, 0);
	/* the same with the sender's address asked for */
	sendto(c, "named", 5, 0, (struct sockaddr *)&a, sizeof(a));
	struct iovec nio = { b2, sizeof(b2) };
	flen = sizeof(from);
	struct msghdr nh = { .msg_name = &from, .msg_namelen = flen, .msg_iov = &nio,
			     .msg_iovlen = 1 };
	recvmsg(s, &nh, 0);
	recvfrom(c, buf, sizeof(buf), 0, NULL, NULL);	/* EAGAIN */
	close(c);
	close(s);
}

static void unix_sockets(void)
{
	char buf[32];
	struct sockaddr_un a;
	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	strcpy(a.sun_path, "net.sock");
	unlink(a.sun_path);
	int srv = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(srv, (struct sockaddr *)&a, sizeof(a));
	listen(srv, 1);
	int cli = socket(AF_UNIX, SOCK_STREAM, 0);
	connect(cli, (struct sockaddr *)&a, sizeof(a));
	int conn = accept(srv, NULL, NULL);
	write(cli, "over unix", 9);
	read(conn, buf, sizeof(buf));
	close(conn);
	close(cli);
	close(srv);
	unlink(a.sun_path);

	int sv[2];
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	send(sv[0], "pair", 4, 0);
	recv(sv[1], buf, sizeof(buf), MSG_DONTWAIT);
	close(sv[0]);
	close(sv[1]);
	socket(AF_INET, 12345, 0);	/* EINVAL */
	socket(12345, SOCK_STREAM, 0);	/* EAFNOSUPPORT */
}

/*
 * Socket options of each shape sysdig decodes: a timeval (1.5 s), ints (SO_RCVBUF 4096, which
 * the kernel doubles to 8192), a struct (SO_LINGER, raw bytes), an option no level knows
 * (ENOPROTOOPT), and SO_ERROR holding the ECONNREFUSED of a non-blocking connect to a port
 * nobody listens on.
 */
static void sockopts(void)
{
	struct sockaddr_in a = loopback();
	socklen_t len = sizeof(a);
	struct timeval tv = { 1, 500000 };
	struct linger lg = { 1, 0x41 };
	int size = 4096, val = -1;
	socklen_t vlen = sizeof(val);
	int s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	int closed = socket(AF_INET, SOCK_STREAM, 0);

	setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	setsockopt(s, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	getsockopt(s, SOL_SOCKET, SO_RCVBUF, &val, &vlen);
	setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	setsockopt(s, SOL_SOCKET, 12345, &size, sizeof(size));	/* ENOPROTOOPT */
	bind(closed, (struct sockaddr *)&a, sizeof(a));
	getsockname(closed, (struct sockaddr *)&a, &len);
	close(closed);
	connect(s, (struct sockaddr *)&a, sizeof(a));		/* EINPROGRESS, then refused */
	struct pollfd p = { .fd = s, .events = POLLOUT };
	poll(&p, 1, 5000);
	vlen = sizeof(val);
	getsockopt(s, SOL_SOCKET, SO_ERROR, &val, &vlen);
	close(s);
}

int main(void)
{
	tcp();
	udp();
	unix_sockets();
	sockopts();
	return 0;
}
