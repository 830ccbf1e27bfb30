/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Descriptors that a tracer printing after the fact (sysray's eBPF backend) must still know:
 * one number that is a netlink socket, then a Unix socket, then a file, then a netlink socket
 * of another protocol; copies made by dup2 and F_DUPFD_CLOEXEC that outlive the original; a
 * forked child that sends on an inherited netlink socket and exits at once; and a process
 * that exits right after its last send. Netlink messages decode by the socket's protocol once
 * it has an address (strace finds it through sock_diag, which lists only those: a first send
 * autobinds), other sockets' bytes print as strings.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* NETLINK_ROUTE: a dump of the links (20 bytes: the header and an rtgenmsg). */
static void send_getlink(int fd)
{
	struct {
		struct nlmsghdr h;
		struct rtgenmsg g;
	} req;

	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = sizeof(req);
	req.h.nlmsg_type = RTM_GETLINK;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.g.rtgen_family = AF_UNSPEC;
	sendto(fd, &req, sizeof(req), MSG_DONTWAIT, NULL, 0);
}

/* NETLINK_SOCK_DIAG: the listening Unix sockets, with their names. */
static void send_unix_diag(int fd)
{
	struct {
		struct nlmsghdr h;
		struct unix_diag_req r;
	} req;

	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = sizeof(req);
	req.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.r.sdiag_family = AF_UNIX;
	req.r.udiag_states = 1 << 10;	/* TCP_LISTEN */
	req.r.udiag_show = UDIAG_SHOW_NAME;
	sendto(fd, &req, sizeof(req), MSG_DONTWAIT, NULL, 0);
}

int main(void)
{
	int sv[2], fd, diag, copy;

	/* 3: netlink (route), closed; then a Unix datagram pair: the same bytes are a string */
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	send_getlink(fd);
	send_getlink(fd);
	close(fd);
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	send_getlink(sv[0]);
	close(sv[0]);
	close(sv[1]);

	/* 3: a file, closed */
	fd = open("fdreuse.txt", O_CREAT | O_WRONLY | O_TRUNC, 0600);
	write(fd, "netlink\n", 8);
	close(fd);

	/* 3: netlink (sock_diag), known by its copy 7 once 3 is closed, and by the copy at the
	 * lowest free number from 10 */
	diag = socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG);
	dup2(diag, 7);
	close(diag);
	send_unix_diag(7);
	copy = fcntl(7, F_DUPFD_CLOEXEC, 10);
	send_unix_diag(copy);

	/* a child that sends on its copy of 7 and exits at once (its SIGCHLD stays blocked:
	 * where its line falls against waitpid's is the scheduler's) */
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t child = fork();

	if (child == 0) {
		send_unix_diag(7);
		_exit(0);
	}
	waitpid(child, NULL, 0);

	/* the route socket again, bound; exit right after the send */
	struct sockaddr_nl self = { .nl_family = AF_NETLINK };

	fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	bind(fd, (struct sockaddr *)&self, sizeof(self));
	send_getlink(fd);
	return 0;
}
