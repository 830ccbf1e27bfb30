/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Linux open(2), clone(2), mmap(2) and openat2(2) flags as the portable PPM_* bits of the scap
 * event model, which captures carry instead of the kernel's values. Shared by the eBPF programs
 * and by the writers in user space, so the header uses no library and no kernel header.
 */
#ifndef SYSRAY_SCHEMA_PPM_FLAGS_H
#define SYSRAY_SCHEMA_PPM_FLAGS_H

/* Socket families as the first byte of a PT_SOCKADDR or PT_SOCKTUPLE value (libs' PPM_AF_*);
 * for these three the kernel's AF_* values are the same numbers. */
enum ppm_af {
	PPM_AF_UNIX = 1,
	PPM_AF_INET = 2,
	PPM_AF_INET6 = 10,
};

/* The capability bits scap names (PPM_CAP_*: CAP_CHOWN 0 .. CAP_CHECKPOINT_RESTORE 40, the
 * kernel's bit numbers); a bit past the last one has no scap name. */
#define SCAP_CAPS_MASK	((1ULL << 41) - 1)

/* The flags parameter of an execve exit (libs' PPM_EXE_*): what the new image's file is. */
enum ppm_exe_flags {
	PPM_EXE_WRITABLE = 1,		/* writable by the user that runs it */
	PPM_EXE_UPPER_LAYER = 2,	/* in an overlayfs upper layer (written in the container) */
	PPM_EXE_FROM_MEMFD = 4,		/* a memfd_create() file */
	PPM_EXE_LOWER_LAYER = 8,	/* in an overlayfs lower layer (from the image) */
};

/* Linux open flags as libs' PPM_O_* bits (reference/scap-format.md §14). */
static inline __attribute__((always_inline)) unsigned int ppm_open_flags(unsigned int f)
{
	unsigned int r = 0;

	switch (f & 3) {
	case 0: r = 1; break;		/* O_RDONLY */
	case 1: r = 2; break;		/* O_WRONLY */
	default: r = 3; break;		/* O_RDWR */
	}
	if (f & 0100)		r |= 0x4;	/* O_CREAT */
	if (f & 02000)		r |= 0x8;	/* O_APPEND */
	if (f & 010000)		r |= 0x10;	/* O_DSYNC */
	if (f & 0200)		r |= 0x20;	/* O_EXCL */
	if (f & 04000)		r |= 0x40;	/* O_NONBLOCK */
	if ((f & 04010000) == 04010000)
		r |= 0x80;			/* O_SYNC */
	if (f & 01000)		r |= 0x100;	/* O_TRUNC */
	if (f & 040000)		r |= 0x200;	/* O_DIRECT */
	if (f & 0200000)	r |= 0x400;	/* O_DIRECTORY */
	if (f & 0100000)	r |= 0x800;	/* O_LARGEFILE */
	if (f & 02000000)	r |= 0x1000;	/* O_CLOEXEC */
	if ((f & 020200000) == 020200000)
		r |= 0x2000;			/* O_TMPFILE */
	return r;
}

/* libs' PPM_CL_* bits that the state reads: the thread shares its creator's fd table, its
 * creator's process, and it is in a pid namespace other than its creator's. */
#define PPM_CL_CLONE_FILES	0x1
#define PPM_CL_CLONE_THREAD	0x2000
#define PPM_CL_CHILD_IN_PIDNS	(1u << 29)

/* Linux clone flags as libs' PPM_CL_* bits. */
static inline __attribute__((always_inline)) unsigned int ppm_clone_flags(unsigned long long f)
{
	unsigned int r = 0;

	if (f & 0x400)		r |= 0x1;		/* CLONE_FILES */
	if (f & 0x200)		r |= 0x2;		/* CLONE_FS */
	if (f & 0x80000000ULL)	r |= 0x4;		/* CLONE_IO */
	if (f & 0x8000000)	r |= 0x8;		/* CLONE_NEWIPC */
	if (f & 0x40000000)	r |= 0x10;		/* CLONE_NEWNET */
	if (f & 0x20000)	r |= 0x20;		/* CLONE_NEWNS */
	if (f & 0x20000000)	r |= 0x40;		/* CLONE_NEWPID */
	if (f & 0x4000000)	r |= 0x80;		/* CLONE_NEWUTS */
	if (f & 0x8000)		r |= 0x100;		/* CLONE_PARENT */
	if (f & 0x100000)	r |= 0x200;		/* CLONE_PARENT_SETTID */
	if (f & 0x2000)		r |= 0x400;		/* CLONE_PTRACE */
	if (f & 0x800)		r |= 0x800;		/* CLONE_SIGHAND */
	if (f & 0x40000)	r |= 0x1000;		/* CLONE_SYSVSEM */
	if (f & 0x10000)	r |= 0x2000;		/* CLONE_THREAD */
	if (f & 0x800000)	r |= 0x4000;		/* CLONE_UNTRACED */
	if (f & 0x100)		r |= 0x8000;		/* CLONE_VM */
	if (f & 0x10000000)	r |= 0x100000;		/* CLONE_NEWUSER */
	if (f & 0x200000)	r |= 0x800000;		/* CLONE_CHILD_CLEARTID */
	if (f & 0x1000000)	r |= 0x1000000;		/* CLONE_CHILD_SETTID */
	if (f & 0x80000)	r |= 0x2000000;		/* CLONE_SETTLS */
	if (f & 0x4000)		r |= 0x8000000;		/* CLONE_VFORK */
	if (f & 0x2000000)	r |= 0x10000000;	/* CLONE_NEWCGROUP */
	return r;
}

/* Linux mmap/mprotect protection bits as libs' PPM_PROT_* bits. */
static inline __attribute__((always_inline)) unsigned int ppm_prot_flags(unsigned long long f)
{
	unsigned int r = 0;

	if (f & 0x1)		r |= 0x1;		/* PROT_READ */
	if (f & 0x2)		r |= 0x2;		/* PROT_WRITE */
	if (f & 0x4)		r |= 0x4;		/* PROT_EXEC */
	if (f & 0x8)		r |= 0x8;		/* PROT_SEM */
	if (f & 0x01000000)	r |= 0x10;		/* PROT_GROWSDOWN */
	if (f & 0x02000000)	r |= 0x20;		/* PROT_GROWSUP */
	return r;
}

/* Linux x86_64 mmap flags as libs' PPM_MAP_* bits. */
static inline __attribute__((always_inline)) unsigned int ppm_mmap_flags(unsigned long long f)
{
	unsigned int r = 0;

	if (f & 0x1)		r |= 0x1;		/* MAP_SHARED */
	if (f & 0x2)		r |= 0x2;		/* MAP_PRIVATE */
	if (f & 0x10)		r |= 0x4;		/* MAP_FIXED */
	if (f & 0x20)		r |= 0x8;		/* MAP_ANONYMOUS */
	if (f & 0x40)		r |= 0x10;		/* MAP_32BIT */
	if (f & 0x4000)		r |= 0x40;		/* MAP_NORESERVE */
	if (f & 0x8000)		r |= 0x80;		/* MAP_POPULATE */
	if (f & 0x10000)	r |= 0x100;		/* MAP_NONBLOCK */
	if (f & 0x100)		r |= 0x200;		/* MAP_GROWSDOWN */
	if (f & 0x800)		r |= 0x400;		/* MAP_DENYWRITE */
	if (f & 0x1000)		r |= 0x800;		/* MAP_EXECUTABLE */
	if (f & 0x2000)		r |= 0x4000;		/* MAP_LOCKED */
	return r;
}

/* openat2(2) resolve bits as libs' PPM_RESOLVE_* bits. */
static inline __attribute__((always_inline)) unsigned int ppm_resolve_flags(unsigned long long f)
{
	unsigned int r = 0;

	if (f & 0x08)		r |= 0x1;		/* RESOLVE_BENEATH */
	if (f & 0x10)		r |= 0x2;		/* RESOLVE_IN_ROOT */
	if (f & 0x02)		r |= 0x4;		/* RESOLVE_NO_MAGICLINKS */
	if (f & 0x04)		r |= 0x8;		/* RESOLVE_NO_SYMLINKS */
	if (f & 0x01)		r |= 0x10;		/* RESOLVE_NO_XDEV */
	if (f & 0x20)		r |= 0x20;		/* RESOLVE_CACHED */
	return r;
}

/* Linux ptrace(2) requests (x86_64) as libs' PPM_PTRACE_* values, an enumeration (0: unknown). */
static inline __attribute__((always_inline)) unsigned short ppm_ptrace_request(long req)
{
	switch (req) {
	case 0: return 1;		/* PTRACE_TRACEME */
	case 1: return 2;		/* PTRACE_PEEKTEXT */
	case 2: return 3;		/* PTRACE_PEEKDATA */
	case 3: return 4;		/* PTRACE_PEEKUSR */
	case 4: return 5;		/* PTRACE_POKETEXT */
	case 5: return 6;		/* PTRACE_POKEDATA */
	case 6: return 7;		/* PTRACE_POKEUSR */
	case 7: return 8;		/* PTRACE_CONT */
	case 8: return 9;		/* PTRACE_KILL */
	case 9: return 10;		/* PTRACE_SINGLESTEP */
	case 16: return 11;		/* PTRACE_ATTACH */
	case 17: return 12;		/* PTRACE_DETACH */
	case 24: return 13;		/* PTRACE_SYSCALL */
	case 0x4200: return 14;		/* PTRACE_SETOPTIONS */
	case 0x4201: return 15;		/* PTRACE_GETEVENTMSG */
	case 0x4202: return 16;		/* PTRACE_GETSIGINFO */
	case 0x4203: return 17;		/* PTRACE_SETSIGINFO */
	case 0x4204: return 18;		/* PTRACE_GETREGSET */
	case 0x4205: return 19;		/* PTRACE_SETREGSET */
	case 0x4206: return 20;		/* PTRACE_SEIZE */
	case 0x4207: return 21;		/* PTRACE_INTERRUPT */
	case 0x4208: return 22;		/* PTRACE_LISTEN */
	case 0x4209: return 23;		/* PTRACE_PEEKSIGINFO */
	case 0x420a: return 24;		/* PTRACE_GETSIGMASK */
	case 0x420b: return 25;		/* PTRACE_SETSIGMASK */
	case 12: return 26;		/* PTRACE_GETREGS */
	case 13: return 27;		/* PTRACE_SETREGS */
	case 14: return 28;		/* PTRACE_GETFPREGS */
	case 15: return 29;		/* PTRACE_SETFPREGS */
	case 18: return 30;		/* PTRACE_GETFPXREGS */
	case 19: return 31;		/* PTRACE_SETFPXREGS */
	case 21: return 32;		/* PTRACE_OLDSETOPTIONS */
	case 25: return 33;		/* PTRACE_GET_THREAD_AREA */
	case 26: return 34;		/* PTRACE_SET_THREAD_AREA */
	case 30: return 35;		/* PTRACE_ARCH_PRCTL */
	case 31: return 36;		/* PTRACE_SYSEMU */
	case 32: return 37;		/* PTRACE_SYSEMU_SINGLESTEP */
	case 33: return 38;		/* PTRACE_SINGLEBLOCK */
	default: return 0;
	}
}

/* The alternatives of ptrace_dynamic_param (libs' PPM_PTRACE_IDX_*): the u8 that starts the
 * addr and data parameters of a ptrace exit. */
enum ppm_ptrace_idx {
	PPM_PTRACE_IDX_UINT64 = 0,
	PPM_PTRACE_IDX_SIGTYPE = 1,
};

/* A futex(2) op as libs' PPM_FU_* value: the commands (op & 127) keep Linux's numbers up to
 * FUTEX_CMP_REQUEUE_PI (12), an unknown one is 0; FUTEX_PRIVATE_FLAG (128) and
 * FUTEX_CLOCK_REALTIME (256) keep their bits. */
static inline __attribute__((always_inline)) unsigned short ppm_futex_op(unsigned long long op)
{
	unsigned short cmd = (op & 127) <= 12 ? (op & 127) : 0;

	return cmd | (op & (128 | 256));
}

/* A fcntl(2) command (x86_64) as libs' PPM_FCNTL_* value, an enumeration (0: unknown). */
static inline __attribute__((always_inline)) unsigned char ppm_fcntl_cmd(unsigned long long cmd)
{
	switch (cmd) {
	case 0: return 1;		/* F_DUPFD */
	case 1: return 2;		/* F_GETFD */
	case 2: return 3;		/* F_SETFD */
	case 3: return 4;		/* F_GETFL */
	case 4: return 5;		/* F_SETFL */
	case 5: return 6;		/* F_GETLK */
	case 6: return 8;		/* F_SETLK */
	case 7: return 9;		/* F_SETLKW */
	case 8: return 10;		/* F_SETOWN */
	case 9: return 12;		/* F_GETOWN */
	case 10: return 13;		/* F_SETSIG */
	case 11: return 15;		/* F_GETSIG */
	case 15: return 16;		/* F_SETOWN_EX */
	case 16: return 17;		/* F_GETOWN_EX */
	case 1024: return 18;		/* F_SETLEASE */
	case 1025: return 19;		/* F_GETLEASE */
	case 1029: return 20;		/* F_CANCELLK */
	case 1030: return 21;		/* F_DUPFD_CLOEXEC */
	case 1026: return 22;		/* F_NOTIFY */
	case 1031: return 23;		/* F_SETPIPE_SZ */
	case 1032: return 24;		/* F_GETPIPE_SZ */
	case 36: return 25;		/* F_OFD_GETLK */
	case 37: return 26;		/* F_OFD_SETLK */
	case 38: return 27;		/* F_OFD_SETLKW */
	default: return 0;
	}
}

/* poll(2) events as libs' PPM_POLL* bits. */
static inline __attribute__((always_inline)) unsigned short ppm_poll_events(unsigned short e)
{
	unsigned short r = e & 0x7;		/* POLLIN, POLLPRI, POLLOUT */

	if (e & 0x2000)		r |= 0x8;	/* POLLRDHUP */
	r |= (e & 0x3f8) << 1;			/* POLLERR .. POLLWRBAND: one bit up */
	return r;
}

/* mount(2) flags as libs sends them: the MS_MGC_VAL magic (0xC0ED in the high half) that old
 * callers put there is dropped; the MS_* bits are libs' PPM_MS_* ones. */
static inline __attribute__((always_inline)) unsigned int ppm_mount_flags(unsigned long long f)
{
	if ((f & 0xffff0000u) == 0xc0ed0000u)
		f &= 0xffff;
	return f;
}

#endif
