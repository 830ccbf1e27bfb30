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

#endif
