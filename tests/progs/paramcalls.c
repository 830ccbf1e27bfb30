/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Calls with known arguments for the parameters of their live events (tests/e2e/cases/
 * 95-live-params.sh), in the current directory, once each and in this order:
 *   brk(0); openat ./p.txt O_RDWR|O_CREAT 0640, write "0123456789", lseek(fd, 3, SEEK_SET),
 *   lseek(fd, -2, SEEK_END); fcntl(fd, F_GETFL), fcntl(fd, F_DUPFD_CLOEXEC, 20) -> closed;
 *   ioctl(fd, FIONREAD, &n); a pipe with one byte written, poll over its read end (POLLIN), its
 *   write end (POLLOUT) and fd 999 (not open), timeout 0; ppoll over the read end with a
 *   timeout of 1.5 ms; futex FUTEX_WAKE|FUTEX_PRIVATE_FLAG of 7 waiters at a known word;
 *   prlimit64(0, RLIMIT_NOFILE, NULL, &old); geteuid(); access("p.txt", R_OK|W_OK);
 *   stat("p.txt") and nanosleep 2 ms as the syscalls of those names (glibc makes newfstatat
 *   and clock_nanosleep calls of them); getcwd; mprotect of a page to PROT_READ;
 *   setpgid(0, 0).
 * Prints "futex word ADDR" (hex, as sysdig prints it) and "page ADDR"; exits 0 when every call
 * did what it should.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int failures;

static void expect(int ok, const char *what)
{
	if (!ok) {
		perror(what);
		failures++;
	}
}

static uint32_t futex_word;

int main(void)
{
	char buf[4096];
	int fd, p[2], n = 0;
	struct rlimit old;
	struct stat st;

	expect(syscall(SYS_brk, 0) > 0, "brk");
	fd = openat(AT_FDCWD, "p.txt", O_RDWR | O_CREAT, 0640);
	expect(fd >= 0, "openat");
	expect(write(fd, "0123456789", 10) == 10, "write");
	expect(lseek(fd, 3, SEEK_SET) == 3, "lseek SET");
	expect(lseek(fd, -2, SEEK_END) == 8, "lseek END");
	expect(fcntl(fd, F_GETFL) >= 0, "fcntl F_GETFL");
	int dup = fcntl(fd, F_DUPFD_CLOEXEC, 20);
	expect(dup >= 20, "fcntl F_DUPFD_CLOEXEC");
	close(dup);
	expect(ioctl(fd, FIONREAD, &n) == 0, "ioctl FIONREAD");

	expect(pipe(p) == 0, "pipe");
	expect(write(p[1], "x", 1) == 1, "write pipe");
	struct pollfd fds[] = {
		{ .fd = p[0], .events = POLLIN }, { .fd = p[1], .events = POLLOUT },
		{ .fd = 999, .events = POLLIN },
	};
	expect(poll(fds, 3, 0) == 3, "poll");
	struct timespec ts = { 0, 1500000 };
	expect(ppoll(fds, 1, &ts, NULL) == 1, "ppoll");

	printf("futex word %lX\n", (unsigned long)(uintptr_t)&futex_word);
	fflush(stdout);
	expect(syscall(SYS_futex, &futex_word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 7, NULL, NULL, 0)
	       == 0, "futex");
	expect(prlimit(0, RLIMIT_NOFILE, NULL, &old) == 0, "prlimit");
	expect(geteuid() == 0 || geteuid() > 0, "geteuid");
	expect(access("p.txt", R_OK | W_OK) == 0, "access");
	expect(syscall(SYS_stat, "p.txt", &st) == 0, "stat");
	expect(getcwd(buf, sizeof(buf)) != NULL, "getcwd");
	struct timespec nap = { 0, 2000000 };
	expect(syscall(SYS_nanosleep, &nap, NULL) == 0, "nanosleep");

	void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	expect(page != MAP_FAILED, "mmap");
	printf("page %lX\n", (unsigned long)(uintptr_t)page);
	fflush(stdout);
	expect(mprotect(page, 4096, PROT_READ) == 0, "mprotect");
	expect(setpgid(0, 0) == 0, "setpgid");
	close(fd);
	return failures != 0;
}
