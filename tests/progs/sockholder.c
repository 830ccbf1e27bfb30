/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Holds sockets whose queue figures are known, for netstat and ss to list, then sleeps until
 * killed:
 *   - a TCP listener on 127.0.0.1 with backlog 7 and 3 connections waiting in its accept
 *     queue (never accepted);
 *   - an established TCP pair on 127.0.0.1 (accepted from a second listener, backlog 5, which
 *     stays open) with 5 unread bytes on the accepted side;
 *   - a TCP listener on ::1 with backlog 9 and no connection (when IPv6 is up);
 *   - a UDP socket bound on 127.0.0.1 holding one unread 4-byte datagram, and a UDP socket
 *     connected to it;
 *   - a unix stream listener at DIR/ss.sock with backlog 4 and 2 connections waiting, and a
 *     connected unix stream pair with 6 unread bytes on one side.
 * Usage: sockholder DIR
 * Prints one line when everything is held:
 *   ready pid=PID listen=PORT server=PORT client=PORT accepted=PORT listen6=PORT udp=PORT
 *   udpc=PORT
 * (listen6=0 without IPv6).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static void fail(const char *what)
{
	perror(what);
	exit(2);
}

static int port_of(int fd)
{
	struct sockaddr_storage a;
	socklen_t len = sizeof(a);
	if (getsockname(fd, (struct sockaddr *)&a, &len) < 0)
		fail("getsockname");
	return ntohs(a.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&a)->sin6_port :
					       ((struct sockaddr_in *)&a)->sin_port);
}

static void loopback4(struct sockaddr_in *a, int port)
{
	memset(a, 0, sizeof(*a));
	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a->sin_port = htons((unsigned short)port);
}

static int tcp4_listener(int backlog)
{
	struct sockaddr_in a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	loopback4(&a, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(fd, backlog) < 0)
		fail("tcp listener");
	return fd;
}

static int tcp4_connect(int port)
{
	struct sockaddr_in a;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	loopback4(&a, port);
	if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
		fail("tcp connect");
	return fd;
}

static int tcp6_listener(int backlog)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(fd, backlog) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static void unix_addr(struct sockaddr_un *a, const char *dir)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	if ((size_t)snprintf(a->sun_path, sizeof(a->sun_path), "%s/ss.sock", dir) >=
	    sizeof(a->sun_path)) {
		fprintf(stderr, "sockholder: %s: too long for a unix socket path\n", dir);
		exit(2);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: sockholder DIR\n");
		return 2;
	}
	/* Listener with 3 connections in its accept queue: the handshake completes in the
	 * kernel, so connect() returns before anyone accepts. */
	int listener = tcp4_listener(7);
	for (int i = 0; i < 3; i++)
		tcp4_connect(port_of(listener));

	int server = tcp4_listener(5);
	int client = tcp4_connect(port_of(server));
	int accepted = accept(server, NULL, NULL);
	if (accepted < 0)
		fail("accept");
	if (write(client, "hello", 5) != 5)
		fail("write tcp");

	int listener6 = tcp6_listener(9);

	struct sockaddr_in ua;
	int udp = socket(AF_INET, SOCK_DGRAM, 0), udpc = socket(AF_INET, SOCK_DGRAM, 0);
	loopback4(&ua, 0);
	if (udp < 0 || udpc < 0 || bind(udp, (struct sockaddr *)&ua, sizeof(ua)) < 0)
		fail("udp");
	loopback4(&ua, port_of(udp));
	if (connect(udpc, (struct sockaddr *)&ua, sizeof(ua)) < 0 || send(udpc, "ping", 4, 0) != 4)
		fail("udp send");

	struct sockaddr_un un;
	unix_addr(&un, argv[1]);
	unlink(un.sun_path);
	int ulisten = socket(AF_UNIX, SOCK_STREAM, 0);
	if (ulisten < 0 || bind(ulisten, (struct sockaddr *)&un, sizeof(un)) < 0 ||
	    listen(ulisten, 4) < 0)
		fail("unix listener");
	for (int i = 0; i < 2; i++) {
		int c = socket(AF_UNIX, SOCK_STREAM, 0);
		if (c < 0 || connect(c, (struct sockaddr *)&un, sizeof(un)) < 0)
			fail("unix connect");
	}
	int pair[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) < 0 || write(pair[0], "unread", 6) != 6)
		fail("socketpair");

	printf("ready pid=%d listen=%d server=%d client=%d accepted=%d listen6=%d udp=%d "
	       "udpc=%d\n", (int)getpid(), port_of(listener), port_of(server), port_of(client),
	       port_of(accepted), listener6 >= 0 ? port_of(listener6) : 0, port_of(udp),
	       port_of(udpc));
	fflush(stdout);
	for (;;)
		pause();
}
