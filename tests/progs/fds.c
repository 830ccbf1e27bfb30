/* SPDX-License-Identifier: Apache-2.0 */
/* Descriptor syscalls: dup, fcntl, pipes, vectored I/O, polling, epoll, eventfd, sendfile. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

static void dups(void)
{
	int fd = open("/dev/null", O_RDWR);
	int a = dup(fd);
	dup2(fd, 20);
	dup3(fd, 21, O_CLOEXEC);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	fcntl(fd, F_GETFD);
	fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, O_NONBLOCK);
	fcntl(fd, F_DUPFD, 30);
	fcntl(fd, F_DUPFD_CLOEXEC, 40);
	flock(fd, LOCK_SH);
	flock(fd, LOCK_UN);
	close(a);
	close(20);
	close(21);
	close(30);
	close(40);
	close(fd);
	dup(-1);
}

static void pipes(void)
{
	int p[2], q[2];
	char buf[32];
	pipe(p);
	pipe2(q, O_CLOEXEC | O_NONBLOCK);
	write(p[1], "ping", 4);
	int n = 0;
	ioctl(p[0], FIONREAD, &n);
	read(p[0], buf, sizeof(buf));
	read(q[0], buf, sizeof(buf));		/* EAGAIN */
	struct iovec iov[2] = { { "abc", 3 }, { "defgh", 5 } };
	writev(p[1], iov, 2);
	char x[4], y[8];
	struct iovec in[2] = { { x, sizeof(x) }, { y, sizeof(y) } };
	readv(p[0], in, 2);

	struct pollfd pfd[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 } };
	poll(pfd, 2, 0);
	write(p[1], "z", 1);
	poll(pfd, 1, 100);
	struct timespec ts = { 0, 1000 };
	ppoll(pfd, 2, &ts, NULL);
	read(p[0], buf, 1);

	fd_set rfds;
	FD_ZERO(&rfds);
	FD_SET(p[0], &rfds);
	struct timeval tv = { 0, 0 };
	select(p[0] + 1, &rfds, NULL, NULL, &tv);
	/* one set for all three: the kernel writes the (empty) except set last, over the
	 * ready ones, and the call says 1 fd is ready */
	fd_set all;
	FD_ZERO(&all);
	FD_SET(p[1], &all);
	syscall(SYS_select, p[1] + 1, &all, &all, &all, NULL);
	close(p[0]);
	close(p[1]);
	close(q[0]);
	close(q[1]);
}

static void events(void)
{
	int ep = epoll_create1(EPOLL_CLOEXEC);
	int ev = eventfd(3, EFD_NONBLOCK);
	struct epoll_event e = { .events = EPOLLIN, .data.u64 = 7 };
	epoll_ctl(ep, EPOLL_CTL_ADD, ev, &e);
	struct epoll_event out[4];
	epoll_wait(ep, out, 4, 0);
	unsigned long long v;
	read(ev, &v, sizeof(v));
	epoll_wait(ep, out, 4, 0);
	epoll_ctl(ep, EPOLL_CTL_DEL, ev, NULL);
	close(ev);
	close(ep);
}

static void copies(void)
{
	int src = open("fds-src", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(src, "copy me please\n", 15);
	lseek(src, 0, SEEK_SET);
	int dst = open("fds-dst", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	off_t off = 0;
	sendfile(dst, src, &off, 15);
	loff_t in = 0;
	copy_file_range(src, &in, dst, NULL, 5, 0);
	preadv(src, (struct iovec[]){ { (char[8]){ 0 }, 8 } }, 1, 2);
	pwritev(dst, (struct iovec[]){ { "tail", 4 } }, 1, 20);
	close(src);
	close(dst);
	unlink("fds-src");
	unlink("fds-dst");
}

int main(void)
{
	dups();
	pipes();
	events();
	copies();
	syscall(SYS_close_range, 100, 200, 0);
	return 0;
}
