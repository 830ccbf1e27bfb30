/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Kernel constants the eBPF programs compare with or pass on. vmlinux.h carries the kernel's
 * types and enums but none of its #defines, so the values are repeated here, once, each with
 * the kernel header that defines it (x86_64 where the value is per architecture).
 */
#ifndef SYSRAY_LINUX_DEFS_BPF_H
#define SYSRAY_LINUX_DEFS_BPF_H

/* include/uapi/asm-generic/errno-base.h */
#define EEXIST		17

/* include/linux/socket.h */
#define AF_UNIX		1
#define AF_INET		2
#define AF_INET6	10

/* include/uapi/linux/un.h: sizeof(struct sockaddr_un.sun_path) */
#define UNIX_PATH_MAX	108

/* include/uapi/linux/sched.h */
#define CLONE_VM	0x00000100
#define CLONE_VFORK	0x00004000

/* include/uapi/linux/fcntl.h */
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000

/* include/linux/net.h: SOCK_NONBLOCK is O_NONBLOCK, SOCK_CLOEXEC O_CLOEXEC (asm-generic/fcntl.h) */
#define SOCK_NONBLOCK	00004000
#define SOCK_CLOEXEC	02000000

/* include/uapi/linux/limits.h: bytes in a file name, without its NUL */
#define NAME_MAX	255

/* task_struct.exit_code as wait(2) reports it: the exit status in bits 8-15, the terminating
 * signal in bits 0-6, and 0x80 when the task dumped core (kernel/exit.c, fs/coredump.c). */
#define EXIT_STATUS(code)	(((code) >> 8) & 0xff)
#define EXIT_SIGNAL(code)	((code) & 0x7f)
#define EXIT_COREDUMP		0x80

/* include/linux/kdev_t.h: the kernel's dev_t is major << 20 | minor; new_encode_dev() gives
 * the form stat(2) reports. */
#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)

static __always_inline __u32 new_encode_dev(__u32 major, __u32 minor)
{
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

#endif
