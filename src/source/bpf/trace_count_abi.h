/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * What `sysray trace`'s kernel program (trace_count.bpf.c) and its loader share: the traced
 * set's entries, the per-syscall rows and the notes sent to user space (-c), and in line mode
 * the per-syscall events with the argument memory each syscall's plan copies.
 */
#ifndef SYSRAY_SOURCE_BPF_TRACE_COUNT_ABI_H
#define SYSRAY_SOURCE_BPF_TRACE_COUNT_ABI_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

/* Syscall numbers with a row (x86_64 tops out below 512); the -e trace= mask's bits. */
#define TC_MAX_SYSCALLS	512
#define TC_SC_WORDS	(TC_MAX_SYSCALLS / 64)

/* Threads in the traced set at once: one hash entry each. */
#define TC_MAX_TASKS	8192

/* The started command until its execve: nothing it does before is counted (strace's count
 * starts at that execve too). */
#define TC_AWAIT_EXEC	1
/* Put in the set from outside (-p), so maybe inside a syscall: if its first event is a sys_exit,
 * line mode makes that syscall's entry event from the registers there (the argument registers
 * are saved at entry and restored at exit unchanged) before its exit event. Its first event of
 * either kind clears the flag. */
#define TC_MIDWAY	2

/* A traced thread, keyed by its tid: the syscall it is in, if counted, and since when; counting
 * CPU time, how long the thread has been switched out during it. */
struct tc_task {
	__u64 start_ns;		/* bpf_ktime_get_ns() at sys_enter; 0: not in a counted call */
	__u64 off_ns;		/* switched out this long in the call so far (CPU time only) */
	__u64 out_ns;		/* switched out at this time, not settled yet (the thread's next
				 * event adds the time to off_ns); 0: none */
	__u64 sys_ns;		/* CPU time: its counted calls' that ended, summed */
	__u32 nr;
	__u32 flags;		/* TC_AWAIT_EXEC, TC_MIDWAY */
	__u32 fatal_sig;	/* line mode: a signal delivered with its default, fatal action */
	__u32 missed;		/* line mode: memory the syscall's entry could not copy */
	__u64 user_regs;	/* line mode (-i): the address of the thread's user pt_regs, the
				 * top of its kernel stack: the same for the thread's whole life */
};

/* One syscall's calls on one CPU; user space adds the CPUs up. */
struct tc_row {
	__u64 calls;
	__u64 errors;		/* returned -4095..-1 */
	__u64 total_ns;
	__u64 min_ns;
	__u64 max_ns;
};

enum tc_note_kind {
	TC_NOTE_FORK = 1,	/* -f: TID joined the set */
	TC_NOTE_EXIT = 2,	/* TID left the set: it exited */
};

/* Sent through the notes ring for every fork and exit in the set (not per syscall). */
struct tc_note {
	__u32 kind;
	__u32 tid;
};

/* ---- line mode: an event per syscall entry and exit, per signal and per thread gone ---- */

/* Bytes of one memory chunk at most, and of the chunks of one event before the last. An
 * event holds its head, then chunks; the last chunk may end past TL_EVENT_ROOM. A copy
 * larger than a chunk (a string excepted) is chunks that follow each other. */
#define TL_CHUNK_MAX	4096
/* A string's chunk at most: PATH_MAX and one more byte, so that a path of PATH_MAX - 1 bytes
 * and its NUL is told from a longer one. */
#define TL_STR_MAX	(TL_CHUNK_MAX + 1)
#define TL_EVENT_ROOM	(16 * 1024)
/* argv and envp: pointers copied (envp is only counted but with -v), and their first
 * strings. */
#define TL_VEC_PTRS	256
#define TL_VEC_STRS	64

enum tl_kind {
	TL_ENTER = 1,	/* nr, args; chunks: the plan's entry memory */
	TL_EXIT = 2,	/* nr, args, ret; chunks: the plan's exit memory */
	TL_SIGNAL = 3,	/* args[0]: the signal; one chunk at address 0: the siginfo (48 bytes) */
	TL_GONE = 4,	/* the thread left the set; args[1..2]: its name (comm, 16 bytes);
			 * args[0]: the signal that killed it, 0 when
			 * it exited (the code is exit's or exit_group's argument, seen at their
			 * entry) */
	TL_FORK = 5,	/* -f: TID joined the set; args[0]: the thread that called clone */
};

struct tl_head {
	__u32 kind;
	__u32 tid;
	__u32 tgid;		/* the thread's process */
	__u32 size;		/* of the event, head included: the chunks end there */
	__u64 ts_ns;		/* bpf_ktime_get_ns(): CLOCK_MONOTONIC */
	__s64 nr;
	__u64 args[6];
	__s64 ret;
	__u32 missed;		/* pointers whose memory could not be read (not yet paged in) */
	__u32 pad;
	__u64 stime_ns;		/* counting CPU time (-C): the thread's in the traced calls so far,
				 * this one's included at its exit; else 0 */
	__u64 sp;		/* the user stack pointer at the syscall */
	__u64 ip;		/* syscalls and signals: the user instruction pointer (-i) */
	/* --pidns-translation: the thread's own pid namespace (its inode number, 0: not asked),
	 * that namespace's level (0: the initial one) and the thread's ids in it */
	__u32 ns_inum;
	__u32 ns_level;
	__u32 ns_tid;
	__u32 ns_tgid;
	__u32 ns_pgid;		/* 0: its group or session leader is in an outer namespace */
	__u32 ns_sid;
	__u32 pgid;		/* those two in the initial namespace */
	__u32 sid;
};

/* A copy of user memory at ADDR: LEN bytes follow (padded to 8). A string chunk holds the
 * string and its NUL, or TL_STR_CUT: the first LEN bytes of a longer string (or of one that
 * runs to the end of its mapping with no NUL: a read past them fails, as a tracer's does). */
struct tl_chunk {
	__u64 addr;
	__u32 len;
	__u32 flags;
};

#define TL_STR		1u
#define TL_STR_CUT	2u
/* A chunk that is no memory: a struct tl_file (its addr is 0). */
#define TL_FILE		4u

/* How an argument's memory is copied (one syscall's plan has one per argument). */
enum tl_how {
	TLM_NONE = 0,
	TLM_STR,	/* a NUL-terminated string, SIZE bytes at most */
	TLM_FIXED,	/* SIZE bytes (fewer at the end of a page that ends the mapping) */
	TLM_ARG,	/* args[LEN_ARG] * (ELEM or 1) bytes, SIZE at most */
	TLM_RET,	/* the return value * (ELEM or 1) bytes, SIZE at most, when it is > 0 */
	TLM_VEC,	/* a NULL-terminated pointer array; its first TL_VEC_STRS strings */
	TLM_PTRS,	/* a NULL-terminated pointer array only (envp: counted, not shown) */
	TLM_IOV,	/* args[LEN_ARG] iovecs, and SIZE bytes of each one's buffer (no more
			 * than a positive result in all, at an exit that does not retry) */
	TLM_MSGHDR,	/* a struct msghdr, its name, control and iovecs with their buffers (SIZE
			 * bytes in all, and no more than a positive result) */
	TLM_IOC,	/* ioctl's argument: SIZE bytes at entry and exit, or more: the size
			 * args[LEN_ARG] encodes (_IOC_SIZE), at entry when it says _IOC_WRITE
			 * and at exit when it says _IOC_READ */
	TLM_PTRVEC,	/* args[LEN_ARG] pointers (16 at most), and SIZE bytes at each */
	TLM_MMSG,	/* args[LEN_ARG] struct mmsghdr (32 at most), and what each one's
			 * msghdr points to, SIZE bytes of each buffer */
};

/* When: at entry (inputs), at exit (outputs), or both; RETRY: at exit too when some memory
 * of the entry could not be copied (it was not paged in yet: the kernel's own read of the
 * input pages it in). */
/* Where the kernel keeps a task's ids in its own pid namespace (--pidns-translation): offsets
 * the loader reads from the kernel's BTF. */
struct tl_pidns_offsets {
	__u32 task_thread_pid;		/* task_struct.thread_pid: its struct pid */
	__u32 task_group_leader;	/* task_struct.group_leader */
	__u32 task_signal;		/* task_struct.signal */
	__u32 signal_pids;		/* signal_struct.pids[]: struct pid * by enum pid_type */
	__u32 pid_level;		/* pid.level: the depth of its namespace */
	__u32 pid_numbers;		/* pid.numbers[]: a struct upid per level */
	__u32 upid_ns;			/* upid.ns (after int nr: upid is 2 words) */
	__u32 ns_inum;			/* pid_namespace.ns.inum */
};

#define TLW_ENTRY	1
#define TLW_EXIT	2
#define TLW_RETRY	4

struct tl_argmem {
	__u8 how;
	__u8 when;
	__u8 len_arg;
	__u8 elem;
	__u32 size;
};

/*
 * Memory one pointer deep, or at a place the arguments do not point at, that a syscall's
 * decoder reads for some values of one argument (a command): rules keyed by the syscall and
 * that value (struct tl_rule_key), TL_RULES of them at most. A rule's memory is at AT bytes
 * into the struct at BASE (an argument, the user stack pointer, or each struct that a
 * TLM_PTRVEC argument's pointers point to), or with DEREF at the
 * pointer stored there; it is a string of SIZE bytes at most (TLM_STR), or SIZE bytes
 * (TLM_FIXED), or with LEN_SIZE the count of LEN_SIZE bytes at LEN_AT in the struct times
 * ELEM (or 1), SIZE at most. With GUARD, only when the struct's first byte is GUARD (the
 * version of a struct that says its own: SG_IO's 'S' and 'Q').
 */
#define TL_RULES	4
#define TL_BASE_SP	6	/* tl_rule.base: the user stack pointer */
#define TL_BASE_ELEM	7	/* tl_rule.base: each struct of the TLM_PTRVEC argument */
#define TL_CMD_NONE	6	/* tl_plan.cmd_arg: the rules' key has cmd 0 */

struct tl_rule {
	__u8 how;		/* TLM_NONE: no more rules; TLM_STR or TLM_FIXED */
	__u8 when;		/* TLW_ENTRY, TLW_EXIT */
	__u8 base;		/* 0-5: args[base]; TL_BASE_SP, TL_BASE_ELEM */
	__u8 deref;
	__u16 at;
	__u16 len_at;
	__u8 len_size;		/* 0: no count, SIZE bytes; 1, 2, 4 or 8 */
	__u8 elem;
	__u8 guard;		/* 0: any struct */
	__u8 pad;
	__u32 size;
};

struct tl_rule_key {
	__u32 nr;
	__u32 pad;
	__u64 cmd;
};

struct tl_rules {
	struct tl_rule rule[TL_RULES];
};

struct tl_plan {
	struct tl_argmem arg[6];
	__u8 has_rules;		/* some value of args[cmd_arg] has rules */
	__u8 cmd_arg;		/* 0-5, or TL_CMD_NONE */
	/* The command's bytes in its register: 4 for an int, whose upper half the kernel
	 * ignores (a caller may leave anything there), or 8 */
	__u8 cmd_bytes;
	__u8 pad[5];
};

/* ---- line mode: what a new fd is, from the task's file table ---- */

/* A dentry's name, its NUL included: memfd_create's "memfd:" and 249 bytes at most. */
#define TL_FILE_NAME	256

/*
 * At the exit of a syscall that made fd FD (its result, or pipe's and socketpair's pair), the
 * file the task's table holds there: its inode's number, mode and device, its superblock's
 * magic (which pseudo filesystem: sockfs, pipefs, anon_inodefs...), its dentry's name, and for
 * a socket its sock's family, type and protocol (0 when not read), a netlink socket's port id.
 * Sent as a TL_FILE chunk; also for the socket of bind, connect and the sends, at their exits
 * (a netlink socket's port id is set by bind, connect or a first send).
 */
struct tl_file {
	__s32 fd;
	__u32 rdev;		/* the kernel's dev_t: major << 20 | minor */
	__u64 ino;
	__u64 magic;
	__u16 mode;
	__u16 family;
	__u16 type;
	__u16 protocol;
	__u32 portid;		/* a netlink socket's (netlink_sock.portid), 0: none yet */
	__u32 pad;
	char name[TL_FILE_NAME];
};

/*
 * The offsets (from the kernel's BTF, kernel_btf.c) of the members read on the way from the
 * current task to a file and what it is; a path of two members is their offsets' sum (the
 * first holds the second's struct). All 0: not found, no struct tl_file is sent.
 */
struct tl_file_offs {
	__u32 task_files;	/* task_struct.files */
	__u32 files_fdt;	/* files_struct.fdt */
	__u32 fdt_max_fds;	/* fdtable.max_fds */
	__u32 fdt_fd;		/* fdtable.fd */
	__u32 file_inode;	/* file.f_inode */
	__u32 file_dentry;	/* file.f_path + path.dentry */
	__u32 file_private;	/* file.private_data: a socket file's struct socket */
	__u32 dentry_name;	/* dentry.d_name + qstr.name */
	__u32 inode_ino;	/* inode.i_ino */
	__u32 inode_mode;	/* inode.i_mode */
	__u32 inode_rdev;	/* inode.i_rdev */
	__u32 inode_sb;		/* inode.i_sb */
	__u32 sb_magic;		/* super_block.s_magic */
	__u32 socket_sk;	/* socket.sk */
	__u32 sk_family;	/* sock.__sk_common + sock_common.skc_family */
	__u32 sk_type;		/* sock.sk_type */
	__u32 sk_protocol;	/* sock.sk_protocol */
	__u32 nl_portid;	/* netlink_sock.portid (its struct sock comes first) */
};

#endif
