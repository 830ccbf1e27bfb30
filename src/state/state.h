/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The system state that gives events their meaning, kept as sysdig keeps it: threads (which
 * process, which command line, which user), each process's fd table (which file or socket an
 * fd is), users and groups by id, interfaces.
 *
 * Life cycle:
 *	state_init(&st);
 *	state_load_meta(&st, scap_reader_meta(r));	(offline: the capture's metadata)
 *	-- or, for a live source, a /proc loader fills threads and fds through state_thread_add()
 *	   and state_fd_add() before the first event (not written yet) --
 *	for each event: state_event(&st, &ev);	(updates the tables; fills st.cur)
 *	state_free(&st);
 *
 * After state_event(), st.cur describes the event for the field extractors: its thread, the fd
 * it uses (the enter event's fd for an exit event), and the matching enter event's time.
 * Like sysdig, an fd closed by a close() exit stays visible until the next event.
 */
#ifndef SYSRAY_STATE_STATE_H
#define SYSRAY_STATE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture/scap_event.h"
#include "capture/scap_meta.h"

struct st_fd {
	int64_t fd;
	uint8_t type;		/* enum scap_fd_type */
	uint8_t l4proto;	/* SCAP: 0 unknown, 1 n/a, 2 TCP, 3 UDP, 4 ICMP, 5 RAW */
	/* The protocol socket() asked for: sysdig 0.29 shows it only once the socket is
	 * bound to a port or connected. */
	uint8_t sock_l4;
	bool v6;
	/* IPv4/IPv6 sockets: client (source) and server (destination) ends, network order;
	 * server sockets: the listening address in sip/sport. */
	uint8_t sip[16], dip[16];
	uint16_t sport, dport;
	uint8_t role;		/* enum st_role: which end of the tuple is ours */
	/* IPv4 server sockets of a capture's fd list: what sysdig 0.29 keeps after the
	 * address, port and protocol in its socket union (bytes 7 and 10-11), left there by
	 * the thread's fds imported before (see sock_tuple.c) */
	uint8_t serv_byte7;
	uint16_t serv_dport;
	/* IP sockets: connected, accepted, or carried data (sysdig 0.29's fd.connected) */
	bool connected;
	uint32_t open_flags;	/* PPM_O_* */
	char *name;		/* "" when unknown */
	/* A file opened during the capture: the path exactly as the open call got it (before
	 * it was made absolute); NULL otherwise. */
	char *name_raw;
};

/* sysdig's role of an IP socket: none until a connect (client), an accept or a bind to a
 * port (server), or a guess from the first tuple of a datagram socket. */
enum st_role {
	ST_ROLE_NONE,
	ST_ROLE_CLIENT,
	ST_ROLE_SERVER,
};

/* An interface address of the capture's machine (network order; 4 bytes for IPv4). */
struct st_iface {
	bool v6;
	uint8_t addr[16], netmask[16];
};

/* An fd table, shared by the threads of a process. */
struct st_fdtable {
	struct st_fd *fds;
	size_t n, cap;
};

struct st_thread {
	int64_t tid, pid, ptid;
	int64_t vtid, vpid, sid;
	int64_t vpgid;		/* process group id in the pid namespace; -1 unknown */
	char *comm, *exe, *exepath, *cwd;
	char *args;		/* argv[1..], each NUL-terminated */
	size_t args_len;
	uint32_t uid, gid, loginuid, tty;
	char container_id[16];	/* 12 hex digits, or "host" */
	char *cgroups;		/* "subsys=path" items, each NUL-terminated; NULL: unknown */
	char *exec_filename;	/* the filename of the execve in progress (its enter event) */
	size_t cgroups_len;
	struct st_fdtable fdt;	/* used when the thread leads its process (tid == pid) */
	/* The enter event of the syscall in progress: its time and fd. */
	uint64_t enter_ts;
	uint16_t enter_type;
	int64_t enter_fd;
	bool has_enter_fd;
	uint64_t enter_domain;	/* socket(): the domain and type of the enter event */
	uint64_t enter_socktype;
	uint64_t enter_resource;	/* getrlimit/setrlimit/prlimit: the resource */
	uint64_t enter_fcntl_cmd;	/* fcntl: the command (PPM_FCNTL_*) */
	int64_t enter_pid;		/* prlimit: the pid (0: the caller) */
	/* sendto()/sendmsg() enter: the tuple, applied to a UDP or unix socket at the exit (a
	 * unix tuple: family, two 8-byte socket ids and a path of up to 108 bytes) */
	uint8_t enter_tuple[17 + 108];
	uint32_t enter_tuple_len;
	bool live;		/* seen in a process list or created by an event */
	bool fdlist_only;	/* named by a capture's fd list alone: not in sysdig's table */
	/* From the process list, then from the clone/fork/vfork/execve exits as sysdig 0.29
	 * takes them: the RLIMIT_NOFILE soft limit (read on the main thread; getrlimit,
	 * setrlimit and prlimit exits update it), memory sizes in kB (brk, mmap and munmap
	 * exits update the thread's, a switch its main thread's), page fault counts (a switch
	 * updates them), and the PPM_CL_* flags of the clone that made the thread (an execve
	 * clears them). fdlimit is (uint64_t)-1 while unknown. */
	uint64_t fdlimit;
	uint32_t vmsize_kb, vmrss_kb, vmswap_kb;
	uint64_t pfmajor, pfminor;
	uint32_t flags;
	/* The time of the clone exit that created the thread; 0 for a thread from the process
	 * list or met only in events (sysdig has no proc.duration for it). */
	uint64_t clone_ts;
	/* The environment, "NAME=value" items each NUL-terminated, as the event carried it
	 * (sysdig drops a zero-filled tail); read on the main thread. A new process gets a copy
	 * of its parent's, execve replaces it. NULL, 0: none. */
	char *env;
	size_t env_len;
	/* A main thread: how many threads with PPM_CL_CLONE_THREAD in flags name it as their
	 * process, counted as sysdig 0.29 counts them (when a thread is added or removed; an
	 * execve clears the flag without counting down). */
	uint32_t nchilds;
	/* evt.latency: the time of the last enter event (not a switch), the last value */
	uint64_t latency_enter_ts, latency;
	/* The capability sets (bit N: capability N), when caps_known: from the process list,
	 * then each execve exit that carries them; a new thread copies its creator's. */
	bool caps_known;
	uint64_t cap_inheritable, cap_permitted, cap_effective;
	/* The executable file: inode number, ctime and mtime (ns since the epoch) when
	 * exe_known, PPM_EXE_* flags of which exe_flags_known says which were determined. From
	 * the process list, then each execve exit (one without them makes them unknown); a new
	 * process copies its creator's. */
	bool exe_known;
	uint64_t exe_ino, exe_ino_ctime, exe_ino_mtime;
	uint32_t exe_flags, exe_flags_known;
	/* When the init of the thread's pid namespace started (ns since the epoch; 0 unknown):
	 * from the process list or the clone exit, else the creator's. */
	uint64_t pidns_init_start_ts;
};

struct st_user {
	uint32_t uid;
	char *name, *homedir, *shell;
};

struct st_group {
	uint32_t gid;
	char *name;
};

/* What the last state_event() found out about its event. */
struct st_current {
	const struct scap_event *ev;
	struct st_thread *thread;	/* NULL when the thread is unknown */
	struct st_fd *fd;		/* the fd the event uses, NULL if none or unknown */
	int64_t fdnum;			/* the fd number the event uses, -1 if none */
	bool has_fd;
	bool fd_event;			/* the event works on an fd (sysdig's sense) */
	uint64_t latency;		/* evt.latency (sysdig's: see state_event) */
	/* fd.name of this event only: a failed open's path, a failed unix connect's peer. */
	char *failed_path;
	/* fd.nameraw of this event only: a failed open's path as the call got it. */
	char *failed_path_raw;
};

struct state {
	struct st_thread **threads;	/* open addressing on tid */
	size_t nthreads, cap;
	struct st_user *users;
	size_t nusers;
	struct st_group *groups;
	size_t ngroups;
	struct st_current cur;
	/* the capture's interface list: local addresses, inferred source addresses */
	struct st_iface *ifaces;
	size_t nifaces;
	/* The thread sysdig 0.29 gives a container event it shows (one after the capture's
	 * first other event): tid and pid -1, comm "container:ID"; in no table. */
	struct st_thread *container_thread;
	/* An fd whose close() completed: removed from its table before the next event. */
	int64_t pending_close_pid, pending_close_fd;
	bool pending_close;
};

void state_init(struct state *st);
void state_free(struct state *st);

/* Replaces threads, fds, users and groups with the metadata of a capture section. */
void state_load_meta(struct state *st, const struct scap_meta *m);
/* Adds the threads, fds, users, groups and interfaces of the state to M (initialised by the
 * caller), as a capture section's metadata: what a capture starting now must describe. */
void state_save_meta(const struct state *st, struct scap_meta *m);

/* Is ADDR (network order) an address of the machine for thread T, by sysdig 0.29's test?
 * IPv4: an interface's address; IPv6: on an interface's /64, never for a container. (sysdig
 * would also match a container's own IPv4 address, which captures do not carry.) */
bool st_is_local_address(const struct state *st, const struct st_thread *t, bool v6,
			 const uint8_t addr[16]);

/* The entry points of a loader (the capture metadata above; /proc for a live source). */
struct st_thread *state_thread(const struct state *st, int64_t tid);
/* The threads one by one, in no order: `size_t pos = 0; while ((t = state_thread_next(st,
 * &pos)))`; NULL at the end. The state must not change during the walk. */
struct st_thread *state_thread_next(const struct state *st, size_t *pos);
struct st_thread *state_thread_add(struct state *st, int64_t tid);
void state_thread_remove(struct state *st, int64_t tid);
/* The thread that leads T's process (T itself when unknown). */
struct st_thread *state_main_thread(const struct state *st, struct st_thread *t);
struct st_fd *state_fd(const struct state *st, struct st_thread *t, int64_t fd);
/* Adds or replaces fd FD in T's process; the returned entry is zeroed except fd, name "". */
struct st_fd *state_fd_add(struct state *st, struct st_thread *t, int64_t fd);
void state_fd_remove(struct state *st, struct st_thread *t, int64_t fd);
void state_user_add(struct state *st, uint32_t uid, const char *name, const char *home,
		    const char *shell);
void state_group_add(struct state *st, uint32_t gid, const char *name);
const struct st_user *state_user(const struct state *st, uint32_t uid);
const struct st_group *state_group(const struct state *st, uint32_t gid);

/* The container id of a thread from its cgroup list ("subsys=path\0..."): the first 12 hex
 * digits of a docker, containerd, cri-o or podman id, or "host". */
void state_container_id(const char *cgroups, size_t len, char out[16]);

/* Sets T's cgroups to the LEN bytes of items at CGROUPS and its container id from them. */
void state_set_cgroups(struct st_thread *t, const char *cgroups, size_t len);

/*
 * The directory sysdig 0.29 puts before a path relative to a dirfd whose fd names DIR: DIR
 * and a '/', even when DIR ends in one (its test reads the string's terminator, not its last
 * character), so that a dirfd on "/" gives "//etc". A new string.
 */
char *state_dirfd_base(const char *dir);
/*
 * sysdig's concatenation of BASE (ending in '/', or empty) and a relative PATH: "./" is
 * skipped, ".." climbs one directory (never above BASE's first character), repeated slashes
 * of PATH fold and a trailing slash goes; BASE is kept as it is. A new string.
 */
char *state_path_concat(const char *base, const char *path);

/* Feeds one event: updates the tables and fills st->cur. */
void state_event(struct state *st, const struct scap_event *ev);
/*
 * A live event's thread TID, which the state does not know, of process PID named COMM (what
 * the kernel said at the event): a thread that started while /proc was read and whose
 * creation came before the capture. It joins process PID when that is known, as a new
 * thread takes after its process; otherwise it is a process of its own, known by its name.
 * Returns the thread (the known one, when TID is known).
 */
struct st_thread *state_thread_met(struct state *st, int64_t tid, int64_t pid, const char *comm);
/* Does an event of TYPE make its thread (a clone, fork, vfork or clone3 exit)? Such an event
 * of an unknown thread is its first, not one to meet it by. */
bool state_event_makes_thread(uint16_t type);
/* Ends the event of st->cur once its fields have been used (a procexit's thread goes). */
void state_event_done(struct state *st);

#endif
