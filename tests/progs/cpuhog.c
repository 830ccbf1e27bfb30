/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A known CPU share and a known resident size for the live `sysray top` tests: maps MB MiB
 * of anonymous memory and writes every page of it (so that it is resident), then, in each
 * 10 ms period, spins on the CPU for PERCENT% of it and sleeps the rest, for SECONDS or
 * until killed. Prints "ready pid=PID" once the memory is resident.
 *
 * Usage: cpuhog PERCENT MB SECONDS
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define PERIOD_NS 10000000ull

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

int main(int argc, char **argv)
{
	if (argc != 4 || atoi(argv[1]) < 1 || atoi(argv[1]) > 100 || atol(argv[2]) < 1 ||
	    atol(argv[3]) < 1) {
		fprintf(stderr, "usage: cpuhog PERCENT(1-100) MB SECONDS\n");
		return 2;
	}
	uint64_t busy_ns = PERIOD_NS * (uint64_t)atoi(argv[1]) / 100;
	size_t len = (size_t)atol(argv[2]) << 20;
	char *mem = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (mem == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	memset(mem, 1, len);
	uint64_t start = now_ns(), end = start + (uint64_t)atol(argv[3]) * 1000000000ull;

	printf("ready pid=%d\n", (int)getpid());
	fflush(stdout);
	/* each period starts PERIOD_NS after the last: the spin ends BUSY_NS into it */
	for (uint64_t period = start; period < end; period += PERIOD_NS) {
		while (now_ns() < period + busy_ns)
			;
		uint64_t t = now_ns();

		if (t < period + PERIOD_NS) {
			struct timespec d = { .tv_nsec = (long)(period + PERIOD_NS - t) };

			nanosleep(&d, NULL);
		}
	}
	return mem[len - 1] != 1;
}
