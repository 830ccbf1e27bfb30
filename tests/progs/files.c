/* SPDX-License-Identifier: Apache-2.0 */
/*
 * File syscalls with known arguments and results, run in an empty scratch directory:
 * creation, I/O, metadata, directories, links, renames, and the common failures.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

static void io(void)
{
	int fd = open("data.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, "hello\n\t\1\377 world\n", 16);
	pwrite(fd, "XY", 2, 3);
	lseek(fd, 0, SEEK_END);
	write(fd, "0123456789abcdefghijklmnopqrstuvwxyz", 36);
	fsync(fd);
	fdatasync(fd);
	ftruncate(fd, 40);
	close(fd);

	char buf[64];
	fd = openat(AT_FDCWD, "data.txt", O_RDONLY | O_CLOEXEC);
	read(fd, buf, sizeof(buf));
	pread(fd, buf, 4, 2);
	lseek(fd, 5, SEEK_SET);
	read(fd, buf, 0);
	read(fd, buf, 3);
	close(fd);
	int cfd = creat("created.txt", 0600);
	close(cfd);
	fd = open("data.txt", O_RDWR | O_APPEND | O_NONBLOCK);
	write(fd, "\0\0001\0338", 5);
	close(fd);
}

static void metadata(void)
{
	struct stat st;
	struct statfs sfs;
	struct statx stx;
	stat("data.txt", &st);
	lstat("data.txt", &st);
	int fd = open("data.txt", O_RDONLY);
	fstat(fd, &st);
	fstatat(AT_FDCWD, "data.txt", &st, AT_SYMLINK_NOFOLLOW);
	syscall(SYS_statx, AT_FDCWD, "data.txt", 0, STATX_BASIC_STATS, &stx);
	close(fd);
	access("data.txt", R_OK | W_OK);
	access("missing", F_OK);
	faccessat(AT_FDCWD, "data.txt", X_OK, 0);
	chmod("data.txt", 0600);
	truncate("data.txt", 10);
	struct timespec ts[2] = { { 1000000000, 0 }, { 1000000000, 500 } };
	utimensat(AT_FDCWD, "data.txt", ts, 0);
	statfs(".", &sfs);
	umask(022);
}

static void directories(void)
{
	/* zeroed: getcwd's buffer holds readlink's "data.txt" and its NUL before the call,
	 * which strace's -P reads as a path */
	char buf[4096] = "";
	mkdir("sub", 0755);
	mkdirat(AT_FDCWD, "sub/deeper", 0700);
	mkdir("sub", 0755);			/* EEXIST */
	symlink("data.txt", "link");
	readlink("link", buf, sizeof(buf));
	readlinkat(AT_FDCWD, "data.txt", buf, sizeof(buf));	/* EINVAL */
	link("data.txt", "hard");
	rename("hard", "sub/hard");
	renameat2(AT_FDCWD, "sub/hard", AT_FDCWD, "sub/hard2", RENAME_NOREPLACE);
	chdir("sub");
	getcwd(buf, 2);				/* ERANGE */
	int dfd = open(".", O_RDONLY | O_DIRECTORY);
	fchdir(dfd);
	close(dfd);
	chdir("..");
	unlink("sub/hard2");
	unlinkat(AT_FDCWD, "sub/deeper", AT_REMOVEDIR);
	rmdir("sub");
	rmdir("nonexistent");
	unlink("link");
	unlink("created.txt");
}

static void failures(void)
{
	open("/nonexistent/file", O_RDONLY);
	open("data.txt", O_WRONLY | O_CREAT | O_EXCL, 0644);
	openat(-1, "relative", O_RDONLY);
	open("", O_RDONLY);
	syscall(SYS_read, -1, NULL, 1);
	close(1000);
	mkdir("/proc/forbidden", 0755);
}

int main(void)
{
	io();
	metadata();
	directories();
	failures();
	unlink("data.txt");
	return 0;
}
