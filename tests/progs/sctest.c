/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Makes one kind of syscall per step and prints "STEP ok" or "STEP ERRNO" for each, so a
 * test can see which calls a seccomp profile let through and with which errno it refused
 * the others. Steps: file socket fork-exec thread mkdir keyctl add_key mount unshare
 * clone-ns ptrace; all by default, or those named on the command line.
 *
 * "sctest --child" is what fork-exec runs: it exits 0 at once.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define KEYCTL_GET_KEYRING_ID 0
#define KEY_SPEC_SESSION_KEYRING -3

static char dir_path[64], file_path[64];

/* Prints the step's outcome from a syscall's return value (-1 and errno on failure). */
static void report(const char *step, long rc)
{
	if (rc < 0)
		printf("%s %s\n", step, strerrorname_np(errno) ? strerrorname_np(errno) : "E?");
	else
		printf("%s ok\n", step);
	fflush(stdout);
}

static long step_file(void)
{
	int fd = open(file_path, O_CREAT | O_RDWR | O_TRUNC, 0600);
	if (fd < 0)
		return -1;
	char buf[8];
	long rc = 0;
	if (write(fd, "sctest\n", 7) != 7 || lseek(fd, 0, SEEK_SET) != 0 ||
	    read(fd, buf, sizeof(buf)) != 7)
		rc = -1;
	int saved = errno;
	close(fd);
	if (unlink(file_path) < 0)
		return -1;
	errno = saved;
	return rc;
}

static long step_socket(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	if (s < 0)
		return -1;
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	long rc = bind(s, (struct sockaddr *)&a, sizeof(a));
	if (rc == 0)
		rc = listen(s, 1);
	int saved = errno;
	close(s);
	int sv[2];
	if (rc == 0 && (rc = socketpair(AF_UNIX, SOCK_STREAM, 0, sv)) == 0) {
		close(sv[0]);
		close(sv[1]);
	}
	if (rc < 0 && !errno)
		errno = saved;
	return rc;
}

static long step_fork_exec(void)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		char *argv[] = { "sctest", "--child", NULL };
		execv("/proc/self/exe", argv);
		_exit(100 + errno);
	}
	int status;
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	errno = WIFEXITED(status) && WEXITSTATUS(status) > 100 ? WEXITSTATUS(status) - 100 : ECHILD;
	return -1;
}

static void *thread_main(void *arg)
{
	return arg;
}

static long step_thread(void)
{
	pthread_t t;
	int err = pthread_create(&t, NULL, thread_main, NULL);
	if (err) {
		errno = err;
		return -1;
	}
	return pthread_join(t, NULL) == 0 ? 0 : -1;
}

static long step_mkdir(void)
{
	if (mkdir(dir_path, 0700) < 0)
		return -1;
	return rmdir(dir_path);
}

static long step_keyctl(void)
{
	return syscall(SYS_keyctl, KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0);
}

/* A key type no kernel has: ENODEV when allowed, no key is ever added. */
static long step_add_key(void)
{
	return syscall(SYS_add_key, "sctest_no_such_type", "sctest", "x", 1,
		       KEY_SPEC_SESSION_KEYRING);
}

/* A mount point that does not exist: ENOENT when allowed, nothing is ever mounted. */
static long step_mount(void)
{
	return mount("none", "/nonexistent-sctest-mountpoint", "tmpfs", 0, NULL);
}

/* In a child, so the test program's own namespaces stay as they were. */
static long in_child(int (*fn)(void))
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0)
		_exit(fn() < 0 ? errno : 0);
	int status;
	if (waitpid(pid, &status, 0) < 0)
		return -1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	errno = WIFEXITED(status) ? WEXITSTATUS(status) : ECHILD;
	return -1;
}

static int do_unshare(void)
{
	return unshare(CLONE_NEWUTS);
}

static int do_clone_ns(void)
{
	long pid = syscall(SYS_clone, CLONE_NEWUTS | SIGCHLD, NULL, NULL, NULL, NULL);
	if (pid == 0)
		_exit(0);
	if (pid < 0)
		return -1;
	return waitpid((pid_t)pid, NULL, 0) < 0 ? -1 : 0;
}

static long step_unshare(void)
{
	return in_child(do_unshare);
}

static long step_clone_ns(void)
{
	return in_child(do_clone_ns);
}

/* PTRACE_TRACEME from a child: its parent (us) becomes its tracer. */
static int do_traceme(void)
{
	return (int)ptrace(PTRACE_TRACEME, 0, NULL, NULL);
}

static long step_ptrace(void)
{
	return in_child(do_traceme);
}

static const struct {
	const char *name;
	long (*fn)(void);
} steps[] = {
	{ "file", step_file },		{ "socket", step_socket },
	{ "fork-exec", step_fork_exec }, { "thread", step_thread },
	{ "mkdir", step_mkdir },	{ "keyctl", step_keyctl },
	{ "add_key", step_add_key },	{ "mount", step_mount },
	{ "unshare", step_unshare },	{ "clone-ns", step_clone_ns },
	{ "ptrace", step_ptrace },
};

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--child"))
		return 0;
	snprintf(dir_path, sizeof(dir_path), "/tmp/sctest-dir.%d", (int)getpid());
	snprintf(file_path, sizeof(file_path), "/tmp/sctest-file.%d", (int)getpid());
	size_t n = sizeof(steps) / sizeof(steps[0]);
	for (size_t i = 0; i < n; i++) {
		bool wanted = argc < 2;
		for (int a = 1; a < argc; a++)
			wanted |= !strcmp(argv[a], steps[i].name);
		if (!wanted)
			continue;
		errno = 0;
		report(steps[i].name, steps[i].fn());
	}
	return 0;
}
