/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One fd of each kind whose -y name comes from its inode, each closed right after the call
 * that made it: sockets of each family (Unix stream and datagram, a Unix pair, TCP and UDP
 * over IPv4 and IPv6, netlink), a pipe and a pipe2 pair, an eventfd, an inotify instance, a
 * pidfd, a memfd, a timerfd, an epoll instance, a signalfd and a landlock ruleset; then a
 * child that makes a socket and a pipe and exits at once. Under eBPF the lines print after
 * the fds (and the child) are gone: /proc cannot name them, the kernel's word at each
 * syscall's exit does.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/landlock.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

static void made(int fd)
{
	if (fd >= 0)
		close(fd);
}

static void made_pair(int r, const int fds[2])
{
	if (r == 0) {
		close(fds[0]);
		close(fds[1]);
	}
}

int main(void)
{
	static const int families[][3] = {
		{ AF_UNIX, SOCK_STREAM, 0 },		{ AF_UNIX, SOCK_DGRAM, 0 },
		{ AF_INET, SOCK_STREAM, 0 },		{ AF_INET, SOCK_DGRAM, 0 },
		{ AF_INET6, SOCK_STREAM, 0 },		{ AF_INET6, SOCK_DGRAM, 0 },
		{ AF_NETLINK, SOCK_RAW, NETLINK_ROUTE },
	};
	struct landlock_ruleset_attr ruleset = { .handled_access_fs = LANDLOCK_ACCESS_FS_EXECUTE };
	sigset_t mask;
	int fds[2];
	pid_t child;

	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++)
		made(socket(families[i][0], families[i][1], families[i][2]));
	made_pair(socketpair(AF_UNIX, SOCK_STREAM, 0, fds), fds);
	made_pair(pipe(fds), fds);
	made_pair(pipe2(fds, O_CLOEXEC), fds);
	made(eventfd(0, 0));
	made(inotify_init1(IN_CLOEXEC));
	made((int)syscall(SYS_pidfd_open, getpid(), 0));
	made(memfd_create("fdinode", 0));
	made(timerfd_create(CLOCK_MONOTONIC, 0));
	made(epoll_create1(0));
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	made(signalfd(-1, &mask, 0));
	made((int)syscall(SYS_landlock_create_ruleset, &ruleset, sizeof(ruleset), 0));
	child = fork();
	if (child == 0) {
		socket(AF_UNIX, SOCK_STREAM, 0);
		pipe(fds);
		_exit(0);
	}
	waitpid(child, NULL, 0);
	return 0;
}
