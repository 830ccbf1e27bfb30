/* SPDX-License-Identifier: Apache-2.0 */
/* The metadata tables of one capture section: machine, interfaces, users and groups, threads
 * with their fd tables. This is what the later state layer starts from when it reads a file
 * (reference §5-§9). Strings are NUL-terminated copies; the NUL-separated lists (args, env,
 * cgroups) keep their on-disk form with a length. */
#ifndef SYSRAY_CAPTURE_SCAP_META_H
#define SYSRAY_CAPTURE_SCAP_META_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* scap fd types of the fd table (reference §9). */
enum scap_fd_type {
	SCAP_FD_UNKNOWN = 0,
	SCAP_FD_FILE = 1,
	SCAP_FD_DIRECTORY = 2,
	SCAP_FD_IPV4_SOCK = 3,
	SCAP_FD_IPV6_SOCK = 4,
	SCAP_FD_IPV4_SERVSOCK = 5,
	SCAP_FD_IPV6_SERVSOCK = 6,
	SCAP_FD_FIFO = 7,
	SCAP_FD_UNIX_SOCK = 8,
	SCAP_FD_EVENT = 9,
	SCAP_FD_UNSUPPORTED = 10,
	SCAP_FD_SIGNALFD = 11,
	SCAP_FD_EVENTPOLL = 12,
	SCAP_FD_INOTIFY = 13,
	SCAP_FD_TIMERFD = 14,
	SCAP_FD_NETLINK = 15,
	SCAP_FD_FILE_V2 = 16,
	SCAP_FD_BPF = 17,
	SCAP_FD_USERFAULTFD = 18,
	SCAP_FD_IOURING = 19,
	SCAP_FD_MEMFD = 20,
	SCAP_FD_PIDFD = 21,
	SCAP_FD_TYPE_MAX
};

/* Highest fd type sysdig 0.29 accepts; newer ones are written as UNSUPPORTED for it. */
#define SCAP_FD_TYPE_MAX_029 SCAP_FD_FILE_V2

struct scap_machine {
	bool present;
	uint32_t num_cpus;
	uint64_t memory_bytes;
	uint64_t max_pid;
	char hostname[129];
	uint64_t boot_ts;	/* ns since the epoch; 0 in 0.29-era files */
	uint64_t flags;
};

enum scap_iface_type {
	SCAP_IFACE_IPV4 = 1,
	SCAP_IFACE_IPV6 = 2,
	SCAP_IFACE_IPV4_NOLINKSPEED = 3,
	SCAP_IFACE_IPV6_NOLINKSPEED = 4,
};

struct scap_iface {
	uint16_t type;		/* enum scap_iface_type */
	uint8_t addr[16];	/* network order; 4 bytes used for IPv4 */
	uint8_t netmask[16];
	uint8_t bcast[16];
	uint64_t linkspeed;
	char *name;
};

struct scap_user {
	uint32_t uid;
	uint32_t gid;
	char *name;
	char *homedir;
	char *shell;
};

struct scap_group {
	uint32_t gid;
	char *name;
};

struct scap_fd {
	int64_t fd;
	uint64_t ino;
	uint8_t type;		/* enum scap_fd_type */
	uint8_t l4proto;	/* 0 unknown, 1 n/a, 2 TCP, 3 UDP, 4 ICMP, 5 RAW */
	/* IPv4/IPv6 sockets: source and destination (network order; 4 bytes for IPv4);
	 * server sockets: the address in sip, the port in sport. */
	uint8_t sip[16];
	uint8_t dip[16];
	uint16_t sport;
	uint16_t dport;
	uint64_t unix_src;	/* unix sockets: kernel socket ids */
	uint64_t unix_dst;
	uint32_t open_flags;	/* FILE_V2: PPM_O_* bits */
	uint32_t dev;		/* FILE_V2 in FDL_V2, when present */
	bool has_dev;
	char *name;		/* "" for sockets without a name */
};

struct scap_thread {
	int64_t tid, pid, ptid;
	int64_t sid, vpgid, pgid;	/* -1 when the block version lacks them */
	char *comm;
	char *exe;		/* argv[0] */
	char *exepath;		/* resolved executable path (PL_V7+), "" otherwise */
	char *args;		/* argv[1..], each NUL-terminated */
	size_t args_len;
	char *cwd;
	uint64_t fdlimit;
	uint32_t flags;		/* PPM_CL_* */
	uint32_t uid, gid;
	uint32_t vmsize_kb, vmrss_kb, vmswap_kb;
	uint64_t pfmajor, pfminor;
	char *env;
	size_t env_len;
	int64_t vtid, vpid;
	char *cgroups;		/* "subsys=path" items, each NUL-terminated */
	size_t cgroups_len;
	char *root;
	uint32_t loginuid;	/* UINT32_MAX when unset or absent */
	uint32_t tty;
	bool exe_writable;
	uint64_t pidns_init_start_ts;	/* ns since the epoch; 0 when absent */
	/* The capability sets (bit N: capability N), when has_caps. */
	bool has_caps;
	uint64_t cap_inheritable, cap_permitted, cap_effective;
	/* What the entry says of the executable file, when has_exe_file: its inode number,
	 * ctime and mtime (ns since the epoch), and PPM_EXE_* flags (schema/ppm_flags.h) of
	 * which exe_flags_known says which bits were determined. */
	bool has_exe_file;
	uint64_t exe_ino, exe_ino_ctime, exe_ino_mtime;
	uint32_t exe_flags, exe_flags_known;
	/* The process list block the thread came from (0x211 ...); 0 if it only appeared in
	 * an fd list. */
	uint32_t block_type;
	struct scap_fd *fds;
	size_t nfds;
	size_t fds_cap;
};

struct scap_meta {
	struct scap_machine machine;
	struct scap_iface *ifaces;
	size_t nifaces;
	struct scap_user *users;
	size_t nusers;
	struct scap_group *groups;
	size_t ngroups;
	struct scap_thread *threads;
	size_t nthreads;
	size_t threads_cap;
	/* tid -> index + 1 in threads, open addressing; 0 = empty slot. */
	uint32_t *tid_index;
	size_t tid_index_cap;
};

void scap_meta_init(struct scap_meta *m);
void scap_meta_free(struct scap_meta *m);
/* The thread TID, or NULL. */
struct scap_thread *scap_meta_thread(const struct scap_meta *m, int64_t tid);
/* The thread TID, created (all strings empty) if missing. */
struct scap_thread *scap_meta_thread_add(struct scap_meta *m, int64_t tid);
/* Moves T (with its strings and fds) into M, replacing a thread of the same tid; T is left
 * empty, for scap_meta_free of its table. */
void scap_meta_move_thread(struct scap_meta *m, struct scap_thread *t);
/* Appends an fd to T's table and returns it, zeroed except fd. */
struct scap_fd *scap_thread_add_fd(struct scap_thread *t, int64_t fd);
void scap_meta_add_iface(struct scap_meta *m, const struct scap_iface *iface);
void scap_meta_add_user(struct scap_meta *m, const struct scap_user *u);
void scap_meta_add_group(struct scap_meta *m, const struct scap_group *g);
/* Replace the interface or user list (a second IL or UL block replaces the first). */
void scap_meta_clear_ifaces(struct scap_meta *m);
void scap_meta_clear_users(struct scap_meta *m);

/* "file", "ipv4", "unix" ...: a short name of an fd type; "unknown(N)" style names are not
 * produced: unknown types give "?". */
const char *scap_fd_type_name(unsigned type);

#endif
