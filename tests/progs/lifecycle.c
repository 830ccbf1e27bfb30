/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Process lifecycle for the strace comparison: process ids seen from a nested pid namespace
 * (traced with --pidns-translation they get the tracer's ids in comments), a thread's execve
 * while the leader sleeps in a syscall or has exited, a child killed by a signal; and
 * (argument "clone_parent") a CLONE_PARENT child that the tracer must reap.
 *
 * Every wait is on a state the other thread reaches (/proc/self/status), so both tracers see
 * the same order of events.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 * The state letter (R, S, t, Z ...) of the leader of this process, from /proc/self/status
 * open on FD. pread64 reads it anew each time; the comparison leaves pread64 out, as the
 * number of polls differs from run to run.
 */
static char leader_state(int fd)
{
	char buf[1024];
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	char *st = strstr(buf, "\nState:\t");
	return st ? st[8] : 0;
}

/* The syscall the leader of this process is blocked in (/proc/self/syscall on FD), or -1. */
static long leader_syscall(int fd)
{
	char buf[64];
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	return strtol(buf, NULL, 10);
}

/* clock_nanosleep(2), which the comparison leaves out as well. */
static void pause_a_little(void)
{
	struct timespec ts = { 0, 1000000 };
	clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
}

/* ---- pid namespaces ---- */

static void on_usr1(int sig __attribute__((unused)))
{
}

/* In a new pid namespace, as its init (pid 1): ids of itself, of a child, of its group. */
static void in_namespace(void)
{
	pid_t me = (pid_t)syscall(SYS_getpid);
	syscall(SYS_gettid);
	syscall(SYS_getppid);
	syscall(SYS_getpgrp);
	syscall(SYS_getsid, 0);
	setpgid(0, 0);
	pid_t pgrp = (pid_t)syscall(SYS_getpgrp);
	syscall(SYS_getpgid, me);
	kill(me, 0);
	kill(-pgrp, 0);
	kill(12345, 0);
	syscall(SYS_tkill, me, 0);
	syscall(SYS_tgkill, me, me, 0);
	getpriority(PRIO_PROCESS, (id_t)me);
	getpriority(PRIO_PGRP, (id_t)pgrp);
	sched_getscheduler(me);

	int fds[2];
	if (pipe(fds) == 0) {
		fcntl(fds[0], F_SETOWN, me);
		fcntl(fds[0], F_GETOWN);
		fcntl(fds[0], F_SETOWN, -pgrp);
		close(fds[0]);
		close(fds[1]);
	}

	/* Ids inside structures: a peer's credentials, a netlink address, a siginfo. */
	struct ucred cred;
	socklen_t len = sizeof(cred);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0) {
		getsockopt(fds[0], SOL_SOCKET, SO_PEERCRED, &cred, &len);
		close(fds[0]);
		close(fds[1]);
	}
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK, .nl_pid = (uint32_t)me };
	connect(-1, (struct sockaddr *)&nl, sizeof(nl));
	siginfo_t qi = { .si_signo = SIGUSR1, .si_code = SI_QUEUE };
	qi.si_pid = me;
	syscall(SYS_rt_sigqueueinfo, me, 0, &qi);
	signal(SIGUSR1, on_usr1);
	kill(me, SIGUSR1);

	/* Calls about a process named by its id. */
	struct rlimit rl;
	syscall(SYS_prlimit64, me, RLIMIT_NOFILE, NULL, &rl);
	cpu_set_t cpus;
	syscall(SYS_sched_getaffinity, me, sizeof(cpus), &cpus);
	syscall(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS */, me);
	syscall(SYS_ioprio_get, 2 /* IOPRIO_WHO_PGRP */, pgrp);
	void *head;
	size_t head_len;
	syscall(SYS_get_robust_list, me, &head, &head_len);
	syscall(SYS_kcmp, me, me, 0 /* KCMP_FILE */, 0, 0);
	long pidfd = syscall(SYS_pidfd_open, me, 0);
	if (pidfd >= 0)
		close((int)pidfd);

	/*
	 * A child (pid 2 here): its id in fork's result and waitid's siginfo. SIGCHLD is
	 * blocked: whether it came before or after the wait would be a race.
	 */
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid_t child = fork();
	if (child == 0)
		_exit(3);
	siginfo_t si;
	waitid(P_PID, (id_t)child, &si, WEXITED);
}

static void pidns_part(void)
{
	pid_t outer = fork();
	if (outer != 0) {
		waitpid(outer, NULL, 0);
		return;
	}
	if (unshare(CLONE_NEWUSER | CLONE_NEWPID) < 0) {
		printf("unshare: %s\n", strerror(errno));
		_exit(0);
	}
	pid_t init = fork();
	if (init == 0) {
		in_namespace();
		_exit(0);
	}
	waitpid(init, NULL, 0);
	_exit(0);
}

/* ---- a thread's execve ---- */

static const char self_exe[] = "/proc/self/exe";

/* Waits until the leader is asleep in nanosleep (ARG not NULL) or has exited, then execs. */
static void *exec_thread(void *arg)
{
	bool want_sleep = arg != NULL;
	int status = open("/proc/self/status", O_RDONLY);
	int sc = open("/proc/self/syscall", O_RDONLY);
	for (;;) {
		char st = leader_state(status);
		if (want_sleep ? st == 'S' && leader_syscall(sc) == SYS_nanosleep :
				 st == 'Z' || st == 0)
			break;
		pause_a_little();
	}
	char *argv[] = { (char *)self_exe, (char *)"exec'd", NULL };
	execve(self_exe, argv, (char *[]){ NULL });
	_exit(1);
}

static void thread_execve_part(bool leader_sleeps)
{
	pid_t child = fork();
	if (child != 0) {
		waitpid(child, NULL, 0);
		return;
	}
	pthread_t t;
	if (pthread_create(&t, NULL, exec_thread, leader_sleeps ? (void *)1 : NULL))
		_exit(1);
	if (leader_sleeps) {
		struct timespec ts = { 100, 0 };
		syscall(SYS_nanosleep, &ts, NULL);
	} else {
		syscall(SYS_exit, 0);
	}
	_exit(1);
}

/*
 * "arch_prctl": ARCH_REQ_XCOMP_PERM (0x1023) for XFEATURE_XTILE_DATA (18), whose result
 * names the features granted; tests inject results with and without known feature bits.
 */
static int arch_prctl_part(void)
{
	for (int i = 0; i < 3; i++)
		syscall(SYS_arch_prctl, 0x1023, 18);
	return 0;
}

static int clone_parent_child(void *arg)
{
	(void)arg;
	return 42;
}

/*
 * "clone_parent": a CLONE_PARENT child is the tracer's child, not this process's: this
 * process waits until the tracer has reaped it (kill then fails with ESRCH), as strace's
 * clone_parent test does. Exit 0 once it is gone.
 */
static int clone_parent_part(void)
{
	static char stack[16384] __attribute__((aligned(16)));
	pid_t pid = clone(clone_parent_child, stack + sizeof(stack), CLONE_PARENT | SIGCHLD, NULL);

	if (pid < 0)
		return 1;
	while (!kill(pid, 0))
		;
	return errno == ESRCH ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "arch_prctl"))
		return arch_prctl_part();
	if (argc > 1 && !strcmp(argv[1], "clone_parent"))
		return clone_parent_part();
	if (argc > 1)
		return 0;	/* the image a thread exec'd */
	setvbuf(stdout, NULL, _IONBF, 0);
	pidns_part();
	thread_execve_part(true);
	thread_execve_part(false);
	return 0;
}
