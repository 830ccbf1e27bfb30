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

/* scap event codes the eBPF source emits (reference/scap-event-table.md). */
enum sr_event_code {
	SR_GENERIC_E = 0,	/* ID (PPM_SC code, 0 unknown), nativeID, then the six raw arguments */
	SR_GENERIC_X = 1,	/* ID (PPM_SC code, 0 unknown), nativeID, then the return value */
	SR_OPEN_E = 2,
	SR_OPEN_X = 3,
	SR_CLOSE_E = 4,
	SR_CLOSE_X = 5,
	SR_READ_E = 6,
	SR_READ_X = 7,
	SR_WRITE_E = 8,
	SR_WRITE_X = 9,
	SR_SOCKET_E = 18,
	SR_SOCKET_X = 19,
	SR_BIND_E = 20,
	SR_BIND_X = 21,
	SR_CONNECT_E = 22,
	SR_CONNECT_X = 23,
	SR_LISTEN_E = 24,
	SR_LISTEN_X = 25,
	SR_SENDTO_E = 30,
	SR_SENDTO_X = 31,
	SR_RECVFROM_E = 34,
	SR_RECVFROM_X = 35,
	SR_SHUTDOWN_E = 36,
	SR_SHUTDOWN_X = 37,
	SR_GETSOCKNAME_E = 38,
	SR_GETSOCKNAME_X = 39,
	SR_GETPEERNAME_E = 40,
	SR_GETPEERNAME_X = 41,
	SR_SOCKETPAIR_E = 42,
	SR_SOCKETPAIR_X = 43,
	SR_SETSOCKOPT_E = 44,
	SR_SETSOCKOPT_X = 45,
	SR_GETSOCKOPT_E = 46,
	SR_GETSOCKOPT_X = 47,
	SR_SENDMSG_E = 48,
	SR_SENDMSG_X = 49,
	SR_RECVMSG_E = 52,
	SR_RECVMSG_X = 53,
	SR_PREAD_E = 112,
	SR_PREAD_X = 113,
	SR_PWRITE_E = 114,
	SR_PWRITE_X = 115,
	SR_PROCEXIT_E = 186,
	SR_CLONE_E = 222,
	SR_CLONE_X = 223,
	SR_FORK_E = 224,
	SR_FORK_X = 225,
	SR_VFORK_E = 226,
	SR_VFORK_X = 227,
	SR_ACCEPT_E = 246,
	SR_ACCEPT_X = 247,
	SR_ACCEPT4_E = 248,
	SR_ACCEPT4_X = 249,
	SR_EXECVE_E = 292,
	SR_EXECVE_X = 293,
	SR_OPENAT_E = 306,
	SR_OPENAT_X = 307,
	SR_CLONE3_E = 334,
	SR_CLONE3_X = 335,
};

/* Files, descriptors, directories, signals, credentials and memory (events_fs.bpf.h). Codes
 * sysdig 0.29 knows (< 336): dup2/dup3 travel as dup, pipe2 as pipe, as in libs of that time. */
enum sr_event_code_fs {
	SR_CREAT_E = 58,
	SR_CREAT_X = 59,
	SR_PIPE_E = 60,
	SR_PIPE_X = 61,
	SR_CHDIR_E = 94,
	SR_CHDIR_X = 95,
	SR_FCHDIR_E = 96,
	SR_FCHDIR_X = 97,
	SR_READV_E = 116,
	SR_READV_X = 117,
	SR_WRITEV_E = 118,
	SR_WRITEV_X = 119,
	SR_PREADV_E = 120,
	SR_PREADV_X = 121,
	SR_PWRITEV_E = 122,
	SR_PWRITEV_X = 123,
	SR_DUP_E = 124,
	SR_DUP_X = 125,
	SR_KILL_E = 128,
	SR_KILL_X = 129,
	SR_TKILL_E = 130,
	SR_TKILL_X = 131,
	SR_TGKILL_E = 132,
	SR_TGKILL_X = 133,
	SR_MMAP_E = 160,
	SR_MMAP_X = 161,
	SR_MUNMAP_E = 164,
	SR_MUNMAP_X = 165,
	SR_RENAME_E = 174,
	SR_RENAME_X = 175,
	SR_RENAMEAT_E = 176,
	SR_RENAMEAT_X = 177,
	SR_SETRESUID_E = 192,
	SR_SETRESUID_X = 193,
	SR_SETRESGID_E = 194,
	SR_SETRESGID_X = 195,
	SR_SETUID_E = 198,
	SR_SETUID_X = 199,
	SR_SETGID_E = 200,
	SR_SETGID_X = 201,
	SR_MKDIR_E = 276,
	SR_MKDIR_X = 277,
	SR_RMDIR_E = 278,
	SR_RMDIR_X = 279,
	SR_UNLINK_E = 300,
	SR_UNLINK_X = 301,
	SR_UNLINKAT_E = 302,
	SR_UNLINKAT_X = 303,
	SR_MKDIRAT_E = 304,
	SR_MKDIRAT_X = 305,
	SR_RENAMEAT2_E = 318,
	SR_RENAMEAT2_X = 319,
	SR_OPENAT2_E = 326,
	SR_OPENAT2_X = 327,
	SR_EXECVEAT_E = 330,
	SR_EXECVEAT_X = 331,
};

#define SR_MAX_IOVCNT	32	/* iovecs looked at: readv/writev family, sendmsg/recvmsg */

/* The generic events carry extra trailing parameters (raw arguments, return value) that the
 * scap table does not list; a capture-file writer keeps only the first SR_GENERIC_SCAP_NPARAMS
 * (HEAD readers refuse events with more parameters than their table has). */
#define SR_GENERIC_E_NPARAMS	8
#define SR_GENERIC_X_NPARAMS	3
#define SR_GENERIC_SCAP_NPARAMS	2

#endif
