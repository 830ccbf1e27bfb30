/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Files, directories, descriptors, signals, credentials and mappings, once each and in a fixed
 * order, in the current directory (which must be empty): the syscalls the eBPF source sends as
 * dedicated events besides open/read/write/close. tests/e2e/cases/81-bpf-fs.sh asserts them.
 *
 *   a.txt  creat, writev "hello " "world\n", close; open, readv 4+8 bytes, dup2 to 10,
 *          preadv at 6 from fd 10; mmap 4096 bytes of it, munmap
 *   b.txt  openat2 (O_WRONLY|O_CREAT, 0600, RESOLVE_BENEATH), pwritev "xyz" at 2
 *   pipe2  "ping" through it
 *   d/     mkdir, chdir into it, creat f, mkdirat e, rmdir e, unlink f, chdir .., fchdir to
 *          d through an fd, chdir .., unlinkat AT_REMOVEDIR
 *   rename a.txt c.txt, renameat back, renameat2 NOREPLACE onto b.txt (EEXIST), unlink b.txt
 *   credentials set to what they are; kill of a child, tkill and tgkill with signal 0
 *   a child execveat()s /bin/true
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/openat2.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static int files(void)
{
	struct iovec out[2] = { { "hello ", 6 }, { "world\n", 6 } };
	char b1[4], b2[8], b3[16];
	struct iovec in[2] = { { b1, sizeof(b1) }, { b2, sizeof(b2) } };
	struct iovec at6 = { b3, sizeof(b3) };
	struct open_how how = { .flags = O_WRONLY | O_CREAT, .mode = 0600,
				.resolve = RESOLVE_BENEATH };
	struct iovec xyz = { "xyz", 3 };
	int fd = creat("a.txt", 0644);

	if (fd < 0 || writev(fd, out, 2) != 12 || close(fd))
		return 1;
	fd = open("a.txt", O_RDONLY);
	if (fd < 0 || readv(fd, in, 2) != 12 || dup2(fd, 10) != 10 ||
	    preadv(10, &at6, 1, 6) != 6 || close(10))
		return 1;
	void *map = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);

	if (map == MAP_FAILED || munmap(map, 4096) || close(fd))
		return 1;
	fd = syscall(SYS_openat2, AT_FDCWD, "b.txt", &how, sizeof(how));
	if (fd < 0 || pwritev(fd, &xyz, 1, 2) != 3 || close(fd))
		return 1;
	return 0;
}

static int pipes(void)
{
	int p[2];
	char buf[4];

	if (pipe2(p, O_CLOEXEC) || write(p[1], "ping", 4) != 4 || read(p[0], buf, 4) != 4)
		return 1;
	return close(p[0]) || close(p[1]);
}

static int dirs(void)
{
	int fd;

	if (mkdir("d", 0755) || chdir("d"))
		return 1;
	fd = creat("f", 0600);
	if (fd < 0 || close(fd) || mkdirat(AT_FDCWD, "e", 0700) || rmdir("e") || unlink("f") ||
	    chdir(".."))
		return 1;
	fd = open("d", O_RDONLY | O_DIRECTORY);
	if (fd < 0 || fchdir(fd) || close(fd) || chdir(".."))
		return 1;
	if (rename("a.txt", "c.txt") || renameat(AT_FDCWD, "c.txt", AT_FDCWD, "a.txt"))
		return 1;
	if (renameat2(AT_FDCWD, "a.txt", AT_FDCWD, "b.txt", RENAME_NOREPLACE) == 0)
		return 1;
	return unlink("b.txt") || unlinkat(AT_FDCWD, "d", AT_REMOVEDIR);
}

static int creds_signals(void)
{
	int status;
	pid_t child;

	if (setuid(getuid()) || setgid(getgid()) || setresuid(-1, -1, -1) ||
	    setresgid(-1, -1, -1))
		return 1;
	child = fork();
	if (child < 0)
		return 1;
	if (child == 0) {
		pause();
		_exit(0);
	}
	if (kill(child, SIGTERM) || waitpid(child, &status, 0) != child ||
	    !WIFSIGNALED(status))
		return 1;
	if (syscall(SYS_tkill, gettid(), 0) || syscall(SYS_tgkill, getpid(), gettid(), 0))
		return 1;
	return 0;
}

static int exec_child(void)
{
	char *argv[] = { "true", NULL };
	char *envp[] = { NULL };
	int status;
	pid_t child = fork();

	if (child < 0)
		return 1;
	if (child == 0) {
		syscall(SYS_execveat, AT_FDCWD, "/bin/true", argv, envp, 0);
		_exit(127);
	}
	return waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
	       WEXITSTATUS(status) != 0;
}

int main(void)
{
	if (files() || pipes() || dirs() || creds_signals() || exec_child()) {
		perror("fsops");
		return 1;
	}
	return 0;
}
