/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One fd of each kind -y/--decode-fds tells apart: a file, a character device, a pidfd,
 * an unbound and a connected netlink socket, a Unix socket pair, and a deleted file. Each is
 * named by a syscall that takes it (fsync, getsockname, dup, pidfd_getfd) so the tracer
 * decorates it.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/netlink.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	int file = open("fdkinds.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);
	fsync(file);
	int dev = open("/dev/null", O_RDONLY);
	fsync(dev);
	int pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	close(dup(pidfd));
	close((int)syscall(SYS_pidfd_getfd, pidfd, dev, 0));
	int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK };
	bind(nl, (struct sockaddr *)&addr, sizeof(addr));
	socklen_t len = sizeof(addr);
	getsockname(nl, (struct sockaddr *)&addr, &len);
	int pair[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
	close(dup(pair[0]));
	unlink("fdkinds.tmp");
	fsync(file);
	close(pidfd);
	close(dev);
	return 0;
}
