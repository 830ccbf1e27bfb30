/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Argument memory the eBPF backend copies by rule or at a mapping's edge: strings that run to
 * the end of their mapping with no NUL, paths of PATH_MAX - 1 bytes and longer, int commands
 * with garbage in their register's upper half (fcntl), signal masks behind pselect6's and
 * io_pgetevents' sixth argument, clone3's set_tid, classic BPF programs (seccomp, prctl,
 * setsockopt), fsconfig's binary value, KEYCTL_INSTANTIATE_IOV's buffers, iovec buffers after
 * the first (writev), and each message of sendmmsg and recvmmsg. Every call fails or succeeds
 * the same way on every run, and none changes the process (the filters are refused, clone3
 * gets an unknown flag).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <linux/filter.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "tail_alloc.h"

/* include/uapi/linux/keyctl.h */
#define KEYCTL_INSTANTIATE_IOV 20
/* include/uapi/linux/mount.h */
#define FSCONFIG_SET_BINARY 2

/* A register's upper half the kernel ignores for an int argument. */
#define UPPER_GARBAGE 0xdeadbeef00000000ULL

static void strings_at_edges(void)
{
	/* 33 bytes with no NUL before the unreadable page: -s 32 prints 32 and "..." (a tracer
	 * reads 33) */
	char *name = tail_alloc(33);
	char *path = tail_alloc(PATH_MAX);

	memset(name, 'm', 33);
	syscall(SYS_delete_module, name, 0);
	/* a path of PATH_MAX - 1 bytes and its NUL, then one with no NUL in PATH_MAX bytes */
	memset(path, '/', PATH_MAX - 2);
	path[PATH_MAX - 2] = 'x';
	path[PATH_MAX - 1] = '\0';
	chdir(path);
	path[PATH_MAX - 1] = 'y';
	chdir(path);
}

static void by_command(void)
{
	struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 1, .l_len = 2 };
	static sigset_t mask;	/* away from the stack that the windows copy */
	struct { const sigset_t *ss; size_t len; } sig = { &mask, 8 };
	pid_t tids[3] = { 101, 102, 103 };
	struct clone_args ca = {
		.flags = 1ULL << 62,	/* no such flag: EINVAL */
		.set_tid = (uintptr_t)tids,
		.set_tid_size = 3,
	};
	/* a jump past the program's end: every checker refuses it */
	struct sock_filter insns[2] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 3, 5, 0),
	};
	struct sock_fprog prog = { .len = 2, .filter = insns };
	static const char blob[] = "\1\2\3binary\0value";
	static char part1[] = "first part", part2[] = "a second part longer than -s's 32 bytes";
	struct iovec payload[2] = { { part1, sizeof(part1) }, { part2, sizeof(part2) - 1 } };

	syscall(SYS_fcntl, -1, UPPER_GARBAGE | F_SETLK, &fl);
	syscall(SYS_fcntl, -1, UPPER_GARBAGE | F_GETLK, &fl);
	sigemptyset(&mask);
	sigaddset(&mask, SIGHUP);
	sigaddset(&mask, SIGCHLD);
	syscall(SYS_pselect6, -1, NULL, NULL, NULL, NULL, &sig);
	/* no such context: EINVAL, after the mask is printed */
	syscall(SYS_io_pgetevents, 0, 1, 1, NULL, NULL, &sig);
	syscall(SYS_clone3, &ca, sizeof(ca));
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
	prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
	setsockopt(-1, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog));
	syscall(SYS_fsconfig, -1, FSCONFIG_SET_BINARY, "key", blob, sizeof(blob));
	/* no key under construction for this process: EPERM, after the iovecs are printed */
	syscall(SYS_keyctl, KEYCTL_INSTANTIATE_IOV, 0, payload, 2, 0);
}

static void vectors(void)
{
	char a[40], b[40], c[40];
	struct iovec iov[3] = { { a, sizeof(a) }, { b, sizeof(b) }, { c, sizeof(c) } };
	int null = open("/dev/null", O_WRONLY);
	int sv[2];

	memset(a, 'a', sizeof(a));
	memset(b, 'b', sizeof(b));
	memset(c, 'c', sizeof(c));
	writev(null, iov, 3);
	close(null);

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return;
	char out0[] = "first", out1[] = "second message", in0[8], in1[32];
	struct iovec o0 = { out0, 5 }, o1 = { out1, 14 }, i0 = { in0, 8 }, i1 = { in1, 32 };
	struct mmsghdr snd[2] = {
		{ .msg_hdr = { .msg_iov = &o0, .msg_iovlen = 1 } },
		{ .msg_hdr = { .msg_iov = &o1, .msg_iovlen = 1 } },
	};
	struct mmsghdr rcv[2] = {
		{ .msg_hdr = { .msg_iov = &i0, .msg_iovlen = 1 } },
		{ .msg_hdr = { .msg_iov = &i1, .msg_iovlen = 1 } },
	};

	sendmmsg(sv[0], snd, 2, 0);
	recvmmsg(sv[1], rcv, 2, MSG_DONTWAIT, NULL);
	close(sv[0]);
	close(sv[1]);
}

int main(void)
{
	strings_at_edges();
	by_command();
	vectors();
	return 0;
}
