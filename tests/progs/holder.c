/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Holds one of each kind of open file for the /proc views to find, then sleeps until killed:
 * a regular file, a deleted file, a pipe, a listening TCP socket and a connected pair on
 * loopback, a bound UDP socket, a listening TCP socket on ::1 (when IPv6 is up), a listening
 * unix socket and a unix socket pair, and a memory-mapped file. A child and a grandchild
 * sleep too (a subtree for pstree), and one extra thread (pstree's {holder}).
 *
 * Usage: holder DIR [--seccomp]
 *   Files go into DIR. With --seccomp, a libseccomp filter (allow everything, one rule
 *   denying a syscall nobody makes) is loaded before sleeping, so /proc/PID/status says
 *   "Seccomp: 2". libseccomp is opened with dlopen so that this program links with libc only.
 * Prints one line when everything is held, then sleeps:
 *   ready pid=PID child=PID grandchild=PID tcp=PORT udp=PORT tcp6=PORT
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

static void fail(const char *what)
{
	perror(what);
	exit(2);
}

static int tcp_listener(int family, int *port)
{
	int s = socket(family, SOCK_STREAM, 0);
	if (s < 0)
		return -1;
	int one = 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	struct sockaddr_storage ss = { 0 };
	socklen_t len;
	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		len = sizeof(*sin);
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
		sin6->sin6_family = AF_INET6;
		sin6->sin6_addr = in6addr_loopback;
		len = sizeof(*sin6);
	}
	if (bind(s, (struct sockaddr *)&ss, len) < 0 || listen(s, 8) < 0) {
		close(s);
		return -1;
	}
	len = sizeof(ss);
	getsockname(s, (struct sockaddr *)&ss, &len);
	*port = ntohs(family == AF_INET ? ((struct sockaddr_in *)&ss)->sin_port :
					  ((struct sockaddr_in6 *)&ss)->sin6_port);
	return s;
}

/* seccomp_init(SCMP_ACT_ALLOW), one rule, seccomp_load(): through dlopen. */
static void load_seccomp(void)
{
	void *lib = dlopen("libseccomp.so.2", RTLD_NOW);
	if (!lib)
		fail("dlopen libseccomp.so.2");
	void *(*init)(unsigned int) = (void *(*)(unsigned int))dlsym(lib, "seccomp_init");
	int (*rule_add)(void *, unsigned int, int, unsigned int, ...) =
		(int (*)(void *, unsigned int, int, unsigned int, ...))dlsym(lib,
									     "seccomp_rule_add");
	int (*load)(void *) = (int (*)(void *))dlsym(lib, "seccomp_load");
	if (!init || !rule_add || !load)
		fail("dlsym libseccomp");
	/* SCMP_ACT_ALLOW is 0x7fff0000; SCMP_ACT_ERRNO(e) is 0x00050000 | e. */
	void *ctx = init(0x7fff0000U);
	if (!ctx || rule_add(ctx, 0x00050000U | 1, SYS_acct, 0) < 0 || load(ctx) < 0)
		fail("seccomp filter");
}

static void *thread_main(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: holder DIR [--seccomp]\n");
		return 2;
	}
	const char *dir = argv[1];
	int want_seccomp = argc > 2 && !strcmp(argv[2], "--seccomp");
	if (chdir(dir) < 0)
		fail(dir);

	/* fd 3: a regular file, read-only. */
	int fd = open("held.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "held file\n", 10) != 10)
		fail("held.txt");
	close(fd);
	if (open("held.txt", O_RDONLY) < 0)
		fail("held.txt");
	/* A file deleted while open: its link in /proc/PID/fd ends in " (deleted)". */
	fd = open("gone.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "gone\n", 5) != 5 || unlink("gone.txt") < 0)
		fail("gone.txt");
	int pfd[2];
	if (pipe(pfd) < 0)
		fail("pipe");

	int tcp_port, tcp6_port = 0;
	int ls = tcp_listener(AF_INET, &tcp_port);
	if (ls < 0)
		fail("tcp listener");
	int cs = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(tcp_port),
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	if (cs < 0 || connect(cs, (struct sockaddr *)&sin, sizeof(sin)) < 0)
		fail("connect");
	if (accept(ls, NULL, NULL) < 0)
		fail("accept");
	int us = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in uin = { .sin_family = AF_INET,
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t ulen = sizeof(uin);
	if (us < 0 || bind(us, (struct sockaddr *)&uin, sizeof(uin)) < 0 ||
	    getsockname(us, (struct sockaddr *)&uin, &ulen) < 0)
		fail("udp");
	/* IPv6 may be disabled on the machine: then no tcp6 socket. */
	tcp_listener(AF_INET6, &tcp6_port);

	int ux = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/held.sock", dir);
	unlink(sun.sun_path);
	if (ux < 0 || bind(ux, (struct sockaddr *)&sun, sizeof(sun)) < 0 || listen(ux, 4) < 0)
		fail("unix socket");
	int sp[2];
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) < 0)
		fail("socketpair");

	/* A mapped file whose descriptor is closed: only /proc/PID/maps holds it. */
	fd = open("mapped.bin", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || ftruncate(fd, 8192) < 0)
		fail("mapped.bin");
	if (mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED)
		fail("mmap");
	close(fd);

	pthread_t t;
	if (pthread_create(&t, NULL, thread_main, NULL))
		fail("pthread_create");

	int up[2];
	if (pipe(up) < 0)
		fail("pipe");
	pid_t child = fork();
	if (child < 0)
		fail("fork");
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		pid_t grand = fork();
		if (grand == 0) {
			prctl(PR_SET_PDEATHSIG, SIGTERM);
			for (;;)
				pause();
		}
		if (write(up[1], &grand, sizeof(grand)) != sizeof(grand))
			_exit(2);
		for (;;)
			pause();
	}
	pid_t grand;
	if (read(up[0], &grand, sizeof(grand)) != sizeof(grand))
		fail("read grandchild pid");
	close(up[0]);
	close(up[1]);

	if (want_seccomp)
		load_seccomp();
	printf("ready pid=%d child=%d grandchild=%d tcp=%d udp=%d tcp6=%d\n", getpid(), child,
	       grand, tcp_port, ntohs(uin.sin_port), tcp6_port);
	fflush(stdout);
	for (;;)
		pause();
}
