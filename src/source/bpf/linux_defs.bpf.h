/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel constants the eBPF programs compare with or pass on. vmlinux.h carries the kernel's
 * types and enums but none of its #defines, so the values are repeated here, once, each with
 * the kernel header that defines it (x86_64 where the value is per architecture).
 */
#ifndef SYSRAY_LINUX_DEFS_BPF_H
#define SYSRAY_LINUX_DEFS_BPF_H

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
#define AT_EMPTY_PATH		0x1000

/* include/linux/net.h: SOCK_NONBLOCK is O_NONBLOCK, SOCK_CLOEXEC O_CLOEXEC (asm-generic/fcntl.h) */
#define SOCK_NONBLOCK	00004000
#define SOCK_CLOEXEC	02000000

/* include/uapi/linux/limits.h: bytes in a file name, without its NUL */
#define NAME_MAX	255

#endif
