/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Threads that come and go: KEEP threads alive at any time, each living about LIFE_MS
 * milliseconds and calling getcpu(2) (by syscall(2), so never through the vDSO) once per
 * millisecond, its last call right before it exits. For the live-capture tests of threads
 * that existed when a capture started and ended during its first /proc reading. Prints
 * "ready pid=PID" once the first KEEP threads run; runs until killed.
 *
 * Usage: threadchurn KEEP LIFE_MS
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int life_ms;
static sem_t slots;

static void *worker(void *arg)
{
	const struct timespec ms = { 0, 1000000 };
	unsigned cpu;

	(void)arg;
	for (int i = 0; i < life_ms; i++) {
		syscall(SYS_getcpu, &cpu, NULL, NULL);
		nanosleep(&ms, NULL);
	}
	syscall(SYS_getcpu, &cpu, NULL, NULL);
	sem_post(&slots);
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: threadchurn KEEP LIFE_MS\n");
		return 2;
	}
	int keep = atoi(argv[1]);
	pthread_attr_t attr;

	life_ms = atoi(argv[2]);
	if (keep <= 0 || life_ms <= 0) {
		fprintf(stderr, "threadchurn: KEEP and LIFE_MS must be positive\n");
		return 2;
	}
	sem_init(&slots, 0, (unsigned)keep);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	for (int started = 0;; started++) {
		pthread_t t;

		sem_wait(&slots);
		if (pthread_create(&t, &attr, worker, NULL)) {
			sem_post(&slots);
			continue;
		}
		if (started + 1 == keep) {
			printf("ready pid=%d\n", getpid());
			fflush(stdout);
		}
	}
}
