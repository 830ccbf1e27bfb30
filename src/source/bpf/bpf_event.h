/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The records the eBPF source writes into its ring buffer, shared by the BPF programs and the
 * loader. Each record is a struct sr_rec_prefix followed by one event in the scap v2 event
 * layout (reference/scap-format.md §10.1): a packed 26-byte header (ts, tid, len, type,
 * nparams), nparams u16 parameter lengths, then the parameter values back to back.
 * A zero-length parameter means "not available".
 */
#ifndef SYSRAY_SOURCE_BPF_BPF_EVENT_H
#define SYSRAY_SOURCE_BPF_BPF_EVENT_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

/* What the ring record carries besides the scap event: the scap block's cpu id, the thread
 * group and the task name, which the scap event header does not hold. */
struct sr_rec_prefix {
	__u16 cpu;
	__u16 reserved;
	__u32 tgid;
	char comm[16];
} __attribute__((packed));

struct sr_scap_hdr {
	__u64 ts;		/* ns since the Unix epoch */
	__u64 tid;
	__u32 len;		/* whole event: header + lengths + values */
	__u16 type;		/* even = enter, odd = exit */
	__u32 nparams;
} __attribute__((packed));

#define SR_PREFIX_SIZE	24
#define SR_HDR_SIZE	26
#define SR_EVENT_OFF	SR_PREFIX_SIZE				/* scap event inside a record */
#define SR_LENS_OFF	(SR_PREFIX_SIZE + SR_HDR_SIZE)		/* its u16 lengths */

/* Syscall numbers the filter bitmap covers (x86_64 tops out below 512). */
#define SR_MAX_SYSCALLS	512
#define SR_SC_WORDS	(SR_MAX_SYSCALLS / 64)

/* Bounds of in-kernel copies. */
#define SR_MAX_PATH	4096
#define SR_MAX_SNAPLEN	16384

/* Kinds of the in-kernel filter counters (bpf_source_filtered()). */
#define SR_FILTERED_COMM	0	/* proc.name */
#define SR_FILTERED_CGROUP	1	/* container.id */
#define SR_FILTERED_KINDS	2
#define SR_MAX_ARGS	4096	/* argv area of execve and clone events */

#define SR_MAX_IOVCNT	32	/* iovecs looked at: readv/writev family, sendmsg/recvmsg */

/* The generic events carry extra trailing parameters (raw arguments, return value) that the
 * scap table does not list; a capture-file writer keeps only the first SR_GENERIC_SCAP_NPARAMS
 * (HEAD readers refuse events with more parameters than their table has). */
#define SR_GENERIC_E_NPARAMS	8
#define SR_GENERIC_X_NPARAMS	3
#define SR_GENERIC_SCAP_NPARAMS	2

/* The process exits write a prefix of their table lists: the clone family all 21 of
 * CLONE_20_X's, execve and execveat the first 30 (execve's 31st, filename, is the enter's). */
#define SR_CLONE_X_NPARAMS	21
#define SR_EXECVE_X_NPARAMS	30

/*
 * Syscalls whose dedicated events are made by one table-driven encoder (source/param_recipes.c
 * builds the table; the eBPF programs and trace -w's encoders both read it): per syscall
 * number the enter event's code (the exit's is the next) and, per parameter of each event, a
 * recipe saying where its value comes from. The parameters are those of the event table
 * (HEAD's list, in its order); a recipe of kind SR_V_NONE leaves its parameter empty.
 */
enum sr_value_kind {
	SR_V_NONE,		/* not available: empty */
	SR_V_RET,		/* the result, 8 bytes */
	SR_V_RET_U32,		/* the result, 4 bytes (getuid's uid) */
	SR_V_U64,		/* argument ARG, 8 bytes */
	SR_V_S64,		/* argument ARG as the int the kernel takes, sign-extended (fd, pid) */
	SR_V_U32,		/* argument ARG, 4 bytes */
	SR_V_U8,		/* argument ARG, 1 byte */
	SR_V_ZERO32,		/* 0, 4 bytes: a flags argument the syscall does not have */
	SR_V_ZERO8,		/* 0, 1 byte */
	SR_V_MODE,		/* argument ARG's permission bits (PPM_S_* are S_I*), 4 bytes */
	SR_V_FUTEX_OP,		/* argument ARG as PPM_FU_* (Linux's FUTEX_* values), 2 bytes */
	SR_V_FCNTL_CMD,		/* argument ARG as PPM_FCNTL_*, 1 byte */
	SR_V_PROT,		/* argument ARG as PPM_PROT_*, 4 bytes */
	SR_V_CLONE_FLAGS,	/* argument ARG as PPM_CL_*, 4 bytes */
	SR_V_OPEN_FLAGS,	/* argument ARG as PPM_O_*, 4 bytes */
	SR_V_MOUNT_FLAGS,	/* argument ARG without MS_MGC_VAL's magic half, 4 bytes */
	SR_V_PATH,		/* the string at argument ARG */
	SR_V_PATH_OK,		/* the string at argument ARG when the call succeeded, else empty */
	SR_V_USER_U32,		/* the u32 at argument ARG (0 when unreadable) */
	SR_V_USER_U64,		/* the u64 at argument ARG (0 when unreadable) */
	SR_V_RLIM_CUR,		/* rlim_cur of the struct rlimit at ARG; -1 for none or a failure */
	SR_V_RLIM_MAX,		/* its rlim_max */
	SR_V_RELTIME,		/* the struct timespec at ARG in ns; 0 when ARG is NULL */
	SR_V_SIGSET,		/* the sigset's first 32 bits at ARG; 0 when ARG is NULL */
	SR_V_FDS_IN,		/* PT_FDLIST of the pollfds at ARG (count: argument ARG + 1), events */
	SR_V_FDS_OUT,		/* the same at the exit: the fds with revents, and their revents */
	SR_V_KINDS
};

#define SR_RECIPE_PARAMS	8	/* parameters of an event a recipe list describes */
#define SR_MAX_POLLFDS		32	/* pollfds an FDLIST parameter holds */

struct sr_recipe {
	__u8 kind;	/* enum sr_value_kind */
	__u8 arg;	/* argument index */
};

struct sr_syscall_recipes {
	__u16 event;		/* enter event; 0: the syscall has no table-driven event */
	__u8 nparams[2];	/* enter, exit */
	struct sr_recipe p[2][SR_RECIPE_PARAMS];
};

#endif
