/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Syscalls whose CPU time and wall time differ for `-c` and `-c -w`: three 200 ms
 * nanosleeps (0.6 s of wall time, next to no CPU time: the thread sleeps) and three getrandom
 * calls of 16 MiB each (the kernel generates every byte: CPU time, about as long as their wall
 * time on an idle CPU). The buffer is written before, so that no page fault lands in a call.
 *
 * Usage: cputime
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#define ROUNDS 3
#define FILL (16u << 20)

int main(void)
{
	char *buf = malloc(FILL);

	if (!buf)
		return 1;
	memset(buf, 1, FILL);
	for (int i = 0; i < ROUNDS; i++) {
		struct timespec nap = { 0, 200000000 };

		if (nanosleep(&nap, NULL))
			return 1;
		/* Up to 32 MiB - 1 per call: one call fills it. */
		if (getrandom(buf, FILL, 0) != FILL) {
			perror("getrandom");
			return 1;
		}
	}
	free(buf);
	return 0;
}
