/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `sysray demo`: traces a small built-in workload (files, a pipe, a loopback TCP
 * connection, a child process) twice: once line by line, once as a -c summary.
 * The workload is sysray itself, re-executed as `sysray demo --workload`.
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/commands.h"
#include "util/util.h"

static int workload(void)
{
	char path[] = "/tmp/sysray-demo-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return 1;
	static const char text[] = "hello from the sysray demo\n";
	if (write(fd, text, sizeof(text) - 1) < 0)
		return 1;
	close(fd);

	char buf[64];
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		if (read(fd, buf, sizeof(buf)) < 0)
			return 1;
		close(fd);
	}
	struct stat st;
	stat(path, &st);
	unlink(path);
	open("/nonexistent/file", O_RDONLY);	/* fails: ENOENT */

	int p[2];
	if (pipe(p) == 0) {
		if (write(p[1], "ping", 4) < 0 || read(p[0], buf, 4) < 0)
			return 1;
		close(p[0]);
		close(p[1]);
	}

	/* A TCP round trip on loopback, port chosen by the kernel. */
	int srv = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof(a);
	if (srv >= 0 && bind(srv, (struct sockaddr *)&a, sizeof(a)) == 0 && listen(srv, 1) == 0 &&
	    getsockname(srv, (struct sockaddr *)&a, &alen) == 0) {
		int c = socket(AF_INET, SOCK_STREAM, 0);
		if (connect(c, (struct sockaddr *)&a, sizeof(a)) == 0) {
			int s = accept(srv, NULL, NULL);
			if (send(c, "hi", 2, 0) < 0 || recv(s, buf, 2, 0) < 0)
				return 1;
			close(s);
		}
		close(c);
	}
	if (srv >= 0)
		close(srv);

	pid_t child = fork();
	if (child == 0) {
		execl("/bin/true", "true", (char *)NULL);
		_exit(127);
	}
	if (child > 0)
		waitpid(child, NULL, 0);
	return 0;
}

int cmd_demo(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--workload"))
		return workload();

	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n < 0) {
		msg_errno("readlink /proc/self/exe");
		return 1;
	}
	self[n] = 0;

	fprintf(stderr, "== sysray trace -f %s demo --workload   (strace-style trace)\n", self);
	char *trace_argv[] = { "trace", "-f", "-e", "trace=!%memory,rseq,arch_prctl,"
			       "set_tid_address,set_robust_list,prlimit64",
			       self, "demo", "--workload", NULL };
	int rc = cmd_trace(7, trace_argv);
	if (rc)
		return rc;
	fprintf(stderr, "\n== sysray trace -c -f %s demo --workload   (summary)\n", self);
	char *count_argv[] = { "trace", "-c", "-f", self, "demo", "--workload", NULL };
	return cmd_trace(6, count_argv);
}
