/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A process for `-p` to attach to: prints "ready pid=PID" on stderr, then each round writes
 * "tick N\n" (N = 1, 2, ...) to stdout, calls getppid and sleeps PERIOD_MS milliseconds, until
 * killed. Under a tracer each round is three lines:
 *   write(1, "tick N\n", LEN) = LEN
 *   getppid() = PPID
 *   clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=PERIOD_MS * 1000000}, NULL) = 0
 *
 * Usage: ticker PERIOD_MS (1-999)
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int period = argc == 2 ? atoi(argv[1]) : 0;

	if (period < 1 || period > 999) {
		fprintf(stderr, "usage: ticker PERIOD_MS (1-999)\n");
		return 2;
	}
	fprintf(stderr, "ready pid=%d\n", getpid());
	for (unsigned long n = 1;; n++) {
		char line[32];
		int len = snprintf(line, sizeof(line), "tick %lu\n", n);
		struct timespec nap = { 0, period * 1000000L };

		if (write(STDOUT_FILENO, line, (size_t)len) != len)
			return 1;
		getppid();
		nanosleep(&nap, NULL);
	}
}
