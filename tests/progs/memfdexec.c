/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fileless execution, as malware does it: copies the program PROG into a memfd_create() file
 * and executes that file (fexecve: execveat(fd, "", ..., AT_EMPTY_PATH)) with ARGS. The
 * running image then exists in memory only: /proc/self/exe reads "/memfd:sysray-payload
 * (deleted)".
 *
 * Usage: memfdexec PROG [ARGS...]
 *   Prints "memfd pid=PID" before the exec; exits 127 when a step fails.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[65536];
	ssize_t n;
	int src, mfd;

	if (argc < 2) {
		fprintf(stderr, "usage: memfdexec PROG [ARGS...]\n");
		return 127;
	}
	src = open(argv[1], O_RDONLY | O_CLOEXEC);
	mfd = memfd_create("sysray-payload", MFD_CLOEXEC);
	if (src < 0 || mfd < 0) {
		perror("memfdexec: open or memfd_create");
		return 127;
	}
	while ((n = read(src, buf, sizeof(buf))) > 0)
		if (write(mfd, buf, n) != n) {
			perror("memfdexec: write");
			return 127;
		}
	close(src);
	printf("memfd pid=%d\n", (int)getpid());
	fflush(stdout);
	fexecve(mfd, argv + 1, environ);
	perror("memfdexec: fexecve");
	return 127;
}
