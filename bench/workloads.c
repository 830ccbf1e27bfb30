/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Workloads for bench/run.sh, and the timer that measures them.
 *
 *   workloads getppid N     syscall(SYS_getppid), N times
 *   workloads write N       write(2) of 16 bytes to /dev/null, N times
 *   workloads openread N    openat + read + close of /etc/hostname, N times
 *   workloads lseek N       lseek(2) of /dev/null to 0, N times (a table-driven event in eBPF)
 *   workloads forkexec N    fork, exec /bin/true, wait, N times
 *   workloads time CMD...   runs CMD; prints "WALL_SECONDS MAXRSS_KB EXIT_STATUS"
 *                           (CMD's stdout is redirected to its stderr)
 *   workloads gated W N     prints "ready PID", waits for a byte on stdin (a tracer attaches
 *                           meanwhile), runs workload W N times, prints the loop's seconds
 *
 * The workloads make no syscall in their loops other than the ones named, so the
 * syscall count of a run is N times the loop's count plus a fixed start-up cost.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long parse_count(const char *s)
{
	char *end;
	errno = 0;
	long n = strtol(s, &end, 10);
	if (errno || *end || n < 0) {
		fprintf(stderr, "workloads: bad count '%s'\n", s);
		exit(2);
	}
	return n;
}

static void die(const char *what)
{
	fprintf(stderr, "workloads: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int run_getppid(long n)
{
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
	return 0;
}

static int run_write(long n)
{
	static const char chunk[16] = "0123456789abcdef";
	int fd = open("/dev/null", O_WRONLY);
	if (fd < 0)
		die("open /dev/null");
	for (long i = 0; i < n; i++)
		if (write(fd, chunk, sizeof(chunk)) != (ssize_t)sizeof(chunk))
			die("write");
	return 0;
}

static int run_openread(long n)
{
	char buf[256];
	for (long i = 0; i < n; i++) {
		int fd = openat(AT_FDCWD, "/etc/hostname", O_RDONLY);
		if (fd < 0)
			die("openat /etc/hostname");
		if (read(fd, buf, sizeof(buf)) < 0)
			die("read");
		close(fd);
	}
	return 0;
}

static int run_lseek(long n)
{
	int fd = open("/dev/null", O_RDONLY);
	if (fd < 0)
		die("open /dev/null");
	for (long i = 0; i < n; i++)
		if (lseek(fd, 0, SEEK_SET) < 0)
			die("lseek");
	return 0;
}

static int run_forkexec(long n)
{
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			execl("/bin/true", "true", (char *)NULL);
			_exit(127);
		}
		int status;
		if (waitpid(pid, &status, 0) < 0)
			die("waitpid");
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "workloads: /bin/true failed (status %#x)\n", status);
			return 1;
		}
	}
	return 0;
}

/*
 * Wall time of fork + exec + wait4 of CMD. ru_maxrss from wait4 is the peak RSS of CMD
 * and of every descendant CMD reaped itself, so for a tracer it is the larger of the
 * tracer's own peak and its tracees' peaks.
 */
static int run_timed(char **argv)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		/* Our stdout carries the result line: the command's own output goes to stderr. */
		dup2(STDERR_FILENO, STDOUT_FILENO);
		execvp(argv[0], argv);
		fprintf(stderr, "workloads: exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			die("wait4");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	printf("%.6f %ld %d\n", wall, ru.ru_maxrss, code);
	return code;
}

static void usage(void)
{
	fprintf(stderr, "usage: workloads getppid|write|openread|lseek|forkexec N\n"
			"       workloads time CMD [ARG...]\n"
			"       workloads gated getppid|write|openread|lseek|forkexec N\n");
	exit(2);
}

static int run_workload(const char *name, long n);

/* The wall time of the workload's loop alone, started once stdin gives the go. */
static int run_gated(const char *name, long n)
{
	struct timespec t0, t1;
	char go;

	printf("ready %d\n", (int)getpid());
	fflush(stdout);
	if (read(STDIN_FILENO, &go, 1) != 1)
		die("read the go from stdin");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = run_workload(name, n);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%.6f\n", (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 3)
		usage();
	if (!strcmp(argv[1], "time"))
		return run_timed(argv + 2);
	if (!strcmp(argv[1], "gated")) {
		if (argc < 4)
			usage();
		return run_gated(argv[2], parse_count(argv[3]));
	}
	return run_workload(argv[1], parse_count(argv[2]));
}

static int run_workload(const char *name, long n)
{
	if (!strcmp(name, "getppid"))
		return run_getppid(n);
	if (!strcmp(name, "write"))
		return run_write(n);
	if (!strcmp(name, "openread"))
		return run_openread(n);
	if (!strcmp(name, "lseek"))
		return run_lseek(n);
	if (!strcmp(name, "forkexec"))
		return run_forkexec(n);
	usage();
	return 2;
}
