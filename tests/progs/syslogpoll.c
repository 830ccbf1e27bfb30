/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Known events for sysdig's syslog.* and fdlist.* fields, in the current directory (an
 * absolute path: the socket's name must contain "/dev/log", as sysdig's decoder wants):
 *  - a datagram socket bound to ./dev/log, and messages sent to it by write, send, writev and
 *    sendmsg on a connected socket and by sendto on an unconnected one, with priorities
 *    whose facility and severity have names and ones that do not, and buffers that are not
 *    syslog messages (no digits, a non-digit, no '>', a priority that wraps to -1); a pwrite
 *    that fails on the socket; `logger -u ./dev/log` (util-linux) sending one message;
 *  - a file ./dev/logfile (its name contains "/dev/log" too) and ./plain.txt, each written a
 *    "<14>..." line;
 *  - poll and ppoll, each once with no fds and once over: a listening TCP socket on
 *    127.0.0.1, a connected client and its accepted end, a listening TCP socket on ::1 and a
 *    client connected to it, an unconnected UDP socket, a pipe, the unix socket, an fd that
 *    is not open (999) and -1.
 * Exits 0 when every call did what it should.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int failures;
/* the socket bound to ./dev/log: its queue holds 10 datagrams (net.unix.max_dgram_qlen) */
static int log_fd = -1;

static void expect(int ok, const char *what)
{
	if (!ok) {
		perror(what);
		failures++;
	}
}

/* Reads what was sent to ./dev/log so far. */
static void drain(void)
{
	char buf[512];

	while (recv(log_fd, buf, sizeof(buf), MSG_DONTWAIT) >= 0)
		;
}

static void send_all(int fd, const char *path)
{
	static const char *const messages[] = {
		"<13>write: user notice\n",
		"<0>kern emerg",
		"<191>local7 debug",
		"<200>facility 25 has no name",
		"<4294967295>wraps to -1: none",
		"<99999999999999999999>sixteen digits and more",
		"x13>the first byte is not looked at",
		"no priority at all",
		"<>no digits",
		"<1x>a non-digit",
		"<13",
	};
	for (size_t i = 0; i < sizeof(messages) / sizeof(messages[0]); i++) {
		expect(write(fd, messages[i], strlen(messages[i])) > 0, "write");
		drain();
	}

	static const char nul[] = "<14>before a NUL\0after it";
	expect(write(fd, nul, sizeof(nul) - 1) > 0, "write NUL");
	expect(send(fd, "<30>send: daemon info", 21, 0) > 0, "send");
	drain();

	struct iovec iov[2] = {
		{ .iov_base = "<11>writev: user err, ", .iov_len = 22 },
		{ .iov_base = "second part", .iov_len = 11 },
	};
	expect(writev(fd, iov, 2) > 0, "writev");
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = 2 };
	iov[0].iov_base = "<86>sendmsg: authpriv info, ";
	iov[0].iov_len = 28;
	expect(sendmsg(fd, &mh, 0) > 0, "sendmsg");
	expect(pwrite(fd, "<13>pwrite fails", 16, 0) < 0, "pwrite (should fail)");

	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int u = socket(AF_UNIX, SOCK_DGRAM, 0);

	strcpy(sa.sun_path, path);
	expect(sendto(u, "<12>sendto: user warn", 21, 0, (struct sockaddr *)&sa, sizeof(sa)) > 0,
	       "sendto");
	close(u);
	drain();
}

static void run_logger(const char *path)
{
	pid_t pid = fork();

	if (pid == 0) {
		execlp("logger", "logger", "-u", path, "-t", "syslogpoll", "-p", "local3.crit",
		       "from logger", (char *)NULL);
		_exit(127);
	}
	int status;

	expect(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status),
	       "logger");
}

static void write_file(const char *name)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	expect(fd >= 0 && write(fd, "<14>in a file\n", 14) == 14, name);
	close(fd);
}

/* A listening TCP socket on ADDR (family FAM, any port) and its port. */
static int listener(int fam, const void *addr, uint16_t *port)
{
	struct sockaddr_storage ss = { 0 };
	socklen_t len;
	int s = socket(fam, SOCK_STREAM, 0);

	if (fam == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *)&ss;

		in->sin_family = AF_INET;
		memcpy(&in->sin_addr, addr, 4);
		len = sizeof(*in);
	} else {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;

		in6->sin6_family = AF_INET6;
		memcpy(&in6->sin6_addr, addr, 16);
		len = sizeof(*in6);
	}
	expect(bind(s, (struct sockaddr *)&ss, len) == 0 && listen(s, 4) == 0, "listen");
	expect(getsockname(s, (struct sockaddr *)&ss, &len) == 0, "getsockname");
	*port = ntohs(fam == AF_INET ? ((struct sockaddr_in *)&ss)->sin_port :
				       ((struct sockaddr_in6 *)&ss)->sin6_port);
	return s;
}

static int connect_to(int fam, const void *addr, uint16_t port)
{
	int s = socket(fam, SOCK_STREAM, 0);

	if (fam == AF_INET) {
		struct sockaddr_in in = { .sin_family = AF_INET, .sin_port = htons(port) };

		memcpy(&in.sin_addr, addr, 4);
		expect(connect(s, (struct sockaddr *)&in, sizeof(in)) == 0, "connect");
	} else {
		struct sockaddr_in6 in6 = { .sin6_family = AF_INET6, .sin6_port = htons(port) };

		memcpy(&in6.sin6_addr, addr, 16);
		expect(connect(s, (struct sockaddr *)&in6, sizeof(in6)) == 0, "connect6");
	}
	return s;
}

static void polls(int unix_fd)
{
	struct in_addr lo4 = { htonl(INADDR_LOOPBACK) };
	struct in6_addr lo6 = IN6ADDR_LOOPBACK_INIT;
	uint16_t p4, p6;
	int l4 = listener(AF_INET, &lo4, &p4);
	int c4 = connect_to(AF_INET, &lo4, p4);
	int a4 = accept(l4, NULL, NULL);
	int l6 = listener(AF_INET6, &lo6, &p6);
	int c6 = connect_to(AF_INET6, &lo6, p6);
	int udp = socket(AF_INET, SOCK_DGRAM, 0);
	int pp[2];

	expect(pipe(pp) == 0, "pipe");
	struct pollfd fds[] = {
		{ .fd = l4, .events = POLLIN }, { .fd = c4, .events = POLLOUT },
		{ .fd = a4, .events = POLLIN }, { .fd = l6, .events = POLLIN },
		{ .fd = c6, .events = POLLOUT }, { .fd = udp, .events = POLLOUT },
		{ .fd = pp[0], .events = POLLIN }, { .fd = unix_fd, .events = POLLIN },
		{ .fd = 999, .events = POLLIN }, { .fd = -1, .events = POLLIN },
	};
	struct timespec zero = { 0, 0 };

	expect(poll(NULL, 0, 0) == 0, "poll()");
	expect(poll(fds, sizeof(fds) / sizeof(fds[0]), 0) > 0, "poll");
	expect(ppoll(NULL, 0, &zero, NULL) == 0, "ppoll()");
	expect(ppoll(fds, sizeof(fds) / sizeof(fds[0]), &zero, NULL) > 0, "ppoll");
	for (size_t i = 0; i < 8; i++)
		close(fds[i].fd);
	close(pp[1]);
}

int main(void)
{
	char dir[PATH_MAX], path[PATH_MAX + 16];

	if (!getcwd(dir, sizeof(dir)) || mkdir("dev", 0700) != 0)
		return 1;
	snprintf(path, sizeof(path), "%s/dev/log", dir);
	struct sockaddr_un sa = { .sun_family = AF_UNIX };

	if (strlen(path) >= sizeof(sa.sun_path))
		return 1;
	strcpy(sa.sun_path, path);
	int cli = socket(AF_UNIX, SOCK_DGRAM, 0);

	log_fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	expect(bind(log_fd, (struct sockaddr *)&sa, sizeof(sa)) == 0, "bind");
	expect(connect(cli, (struct sockaddr *)&sa, sizeof(sa)) == 0, "connect");
	send_all(cli, path);
	run_logger(path);
	drain();
	write_file("dev/logfile");
	write_file("plain.txt");
	polls(log_fd);
	close(cli);
	close(log_fd);
	unlink(path);
	return failures ? 1 : 0;
}
