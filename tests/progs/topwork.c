/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A steady worker for the live `sysray top` tests, in the current directory: every 50 ms it
 * writes 1000 bytes ("topwork!" over and over) at the start of topwork.dat and reads them back (pwrite, pread), until
 * killed. Prints "ready pid=PID" once the file is open.
 *
 * Usage: topwork
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	static char buf[1000];
	const struct timespec pause = { .tv_nsec = 50000000 };
	int fd = open("topwork.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0) {
		perror("topwork.dat");
		return 1;
	}
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = "topwork!"[i % 8];
	printf("ready pid=%d\n", (int)getpid());
	fflush(stdout);
	for (;;) {
		if (pwrite(fd, buf, sizeof(buf), 0) != (ssize_t)sizeof(buf) ||
		    pread(fd, buf, sizeof(buf), 0) != (ssize_t)sizeof(buf)) {
			perror("topwork.dat");
			return 1;
		}
		nanosleep(&pause, NULL);
	}
}
