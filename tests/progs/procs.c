/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Processes and signals: fork and wait, exit codes, execve, kill, signal handlers,
 * masks, a thread, and getters whose values the comparison normalises (pids).
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
	write(1, "usr1\n", 5);
}

static void *thread_main(void *arg)
{
	write(1, "thread\n", 7);
	return arg;
}

static void children(void)
{
	int status;
	pid_t pid = fork();
	if (pid == 0) {
		write(1, "child\n", 6);
		_exit(3);
	}
	wait4(pid, &status, 0, NULL);

	pid = fork();
	if (pid == 0) {
		char *argv[] = { "/bin/true", "arg1", NULL };
		char *envp[] = { "A=1", NULL };
		execve(argv[0], argv, envp);
		_exit(127);
	}
	waitpid(pid, &status, 0);

	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	/* Let the child reach pause() before it is killed. */
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	kill(pid, SIGTERM);
	waitpid(pid, &status, 0);
	waitpid(-1, &status, WNOHANG);	/* ECHILD */

	/* CLONE_PIDFD: clone() stores the child's pidfd where parent_tid points (-y: its
	 * path); the child returns 0 and exits at once */
	int pidfd = -1;
	pid = (pid_t)syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, NULL, &pidfd, NULL, NULL);
	if (pid == 0)
		_exit(0);
	if (pid > 0) {
		waitpid(pid, &status, 0);
		close(pidfd);
	}
}

static void signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	kill(getpid(), SIGUSR1);
	sigset_t set, old;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN + 2);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR1);
	sigpending(&set);
	sigprocmask(SIG_SETMASK, &old, NULL);
	kill(999999, 0);		/* ESRCH */
}

static void thread(void)
{
	pthread_t t;
	pthread_create(&t, NULL, thread_main, NULL);
	/* The thread has ended when the main thread joins it: no futex wait. */
	struct timespec ts = { 0, 100 * 1000 * 1000 };
	nanosleep(&ts, NULL);
	pthread_join(t, NULL);
}

static void identity(void)
{
	struct rlimit rl;
	getpid();
	getppid();
	getuid();
	geteuid();
	getgid();
	getegid();
	syscall(SYS_gettid);
	getpgrp();
	getsid(0);
	getrlimit(RLIMIT_NOFILE, &rl);
	prlimit(0, RLIMIT_STACK, NULL, &rl);
	setpriority(PRIO_PROCESS, 0, 0);
	getpriority(PRIO_PROCESS, 0);
	umask(077);
}

int main(void)
{
	children();
	signals();
	thread();
	identity();
	return 0;
}
