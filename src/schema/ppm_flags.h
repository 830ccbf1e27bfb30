/*
 * Linux open(2) and clone(2) flags as the portable PPM_* bits of the scap event model,
 * which captures carry instead of the kernel's values. Shared by the eBPF programs and by
 * the writers in user space, so the header uses no library and no kernel header.
 */
#ifndef SYSRAY_SCHEMA_PPM_FLAGS_H
#define SYSRAY_SCHEMA_PPM_FLAGS_H

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

#endif
