/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A steady syscall load for the live `sysray top` tests: getppid() RATE times a second (in
 * batches of 1000, sleeping off what is left of each millisecond) until killed or for at
 * most SECONDS. Prints "ready pid=PID" first, and at the end (SIGTERM ends it too) the
 * syscalls made and the seconds taken.
 *
 * Usage: sysload RATE SECONDS
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

static uint64_t now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

int main(int argc, char **argv)
{
	if (argc != 3 || atol(argv[1]) < 1000 || atol(argv[2]) < 1) {
		fprintf(stderr, "usage: sysload RATE SECONDS (RATE at least 1000)\n");
		return 2;
	}
	uint64_t per_batch_ns = 1000000000ull * 1000 / (uint64_t)atol(argv[1]);
	uint64_t start = now_ns(), end = start + (uint64_t)atol(argv[2]) * 1000000000ull;
	uint64_t made = 0, next = start;

	signal(SIGTERM, on_term);
	printf("ready pid=%d\n", (int)getpid());
	fflush(stdout);
	while (!stop && now_ns() < end) {
		for (int i = 0; i < 1000; i++)
			syscall(SYS_getppid);
		made += 1000;
		next += per_batch_ns;
		uint64_t t = now_ns();

		if (t < next) {
			struct timespec d = { .tv_sec = (time_t)((next - t) / 1000000000ull),
					      .tv_nsec = (long)((next - t) % 1000000000ull) };
			nanosleep(&d, NULL);
		}
	}
	printf("%llu syscalls in %.3f s\n", (unsigned long long)made,
	       (double)(now_ns() - start) / 1e9);
	return 0;
}
