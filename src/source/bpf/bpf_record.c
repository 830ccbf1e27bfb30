/* Splitting eBPF source records and the parameter table of the events it emits. */
#include "source/bpf/bpf_record.h"

#include <string.h>

int sr_record_parse(const void *data, size_t size, struct sr_record *r)
{
	const uint8_t *p = data;
	struct sr_scap_hdr h;

	if (size < SR_LENS_OFF)
		return -1;
	memcpy(&h, p + SR_EVENT_OFF, sizeof(h));
	if (h.len < SR_HDR_SIZE || h.len > size - SR_EVENT_OFF || h.nparams > SR_MAX_PARAMS ||
	    SR_HDR_SIZE + 2ull * h.nparams > h.len)
		return -1;
	r->prefix = data;
	r->ts = h.ts;
	r->tid = h.tid;
	r->type = h.type;
	r->nparams = h.nparams;
	r->event = p + SR_EVENT_OFF;
	r->event_len = h.len;

	size_t off = SR_LENS_OFF + 2 * h.nparams, end = SR_EVENT_OFF + h.len;

	for (uint32_t i = 0; i < h.nparams; i++) {
		uint16_t len;

		memcpy(&len, p + SR_LENS_OFF + 2 * i, 2);
		if (off + len > end)
			return -1;
		r->params[i].val = p + off;
		r->params[i].len = len;
		off += len;
	}
	return 0;
}

int64_t sr_param_int(const struct sr_record *r, uint32_t i)
{
	const struct sr_param *p = &r->params[i];
	union { int8_t s8; uint16_t u16; int32_t s32; uint32_t u32; int64_t s64; } v = { 0 };

	if (i >= r->nparams)
		return 0;
	switch (p->len) {
	case 1: return *p->val;
	case 2: memcpy(&v.u16, p->val, 2); return v.u16;
	case 4: memcpy(&v.u32, p->val, 4); return v.u32;
	case 8: memcpy(&v.s64, p->val, 8); return v.s64;
	default: return 0;
	}
}

#define P(n, t) { n, SR_PT_##t }

/* Clone-family exits share one parameter list (the first 18 of scap's CLONE_20_X). */
#define CLONE_X_PARAMS 18, { P("res", PID), P("exe", CHARBUF), P("args", BYTEBUF), \
	P("tid", PID), P("pid", PID), P("ptid", PID), P("cwd", CHARBUF), \
	P("fdlimit", INT64), P("pgft_maj", UINT64), P("pgft_min", UINT64), \
	P("vm_size", UINT32), P("vm_rss", UINT32), P("vm_swap", UINT32), P("comm", CHARBUF), \
	P("cgroups", BYTEBUF), P("flags", FLAGS32), P("uid", UINT32), P("gid", UINT32) }

/* execve and execveat exits: the first 30 of scap's EXECVE_19_X (trusted_exepath empty). */
#define EXECVE_X_PARAMS 30, { P("res", ERRNO), P("exe", CHARBUF), P("args", BYTEBUF), \
	P("tid", PID), P("pid", PID), P("ptid", PID), P("cwd", CHARBUF), P("fdlimit", UINT64), \
	P("pgft_maj", UINT64), P("pgft_min", UINT64), P("vm_size", UINT32), \
	P("vm_rss", UINT32), P("vm_swap", UINT32), P("comm", CHARBUF), P("cgroups", BYTEBUF), \
	P("env", BYTEBUF), P("tty", UINT32), P("vpgid", PID), P("loginuid", UID), \
	P("flags", FLAGS32), P("cap_inheritable", UINT64), P("cap_permitted", UINT64), \
	P("cap_effective", UINT64), P("exe_ino", UINT64), P("exe_ino_ctime", ABSTIME), \
	P("exe_ino_mtime", ABSTIME), P("uid", UID), P("trusted_exepath", FSPATH), \
	P("pgid", PID), P("gid", GID) }

/* setsockopt and getsockopt exits. */
#define SOCKOPT_X_PARAMS 6, { P("res", ERRNO), P("fd", FD), P("level", ENUMFLAGS8), \
	P("optname", ENUMFLAGS8), P("val", DYN), P("optlen", UINT32) }

static const struct { uint16_t type; struct sr_event_info info; } table[] = {
	{ SR_GENERIC_E, { "syscall", 8, { P("ID", SYSCALLID), P("nativeID", UINT16),
		P("a0", UINT64), P("a1", UINT64), P("a2", UINT64), P("a3", UINT64),
		P("a4", UINT64), P("a5", UINT64) } } },
	{ SR_GENERIC_X, { "syscall", 3, { P("ID", SYSCALLID), P("nativeID", UINT16),
		P("res", ERRNO) } } },
	{ SR_OPEN_E, { "open", 3, { P("name", FSPATH), P("flags", FLAGS32), P("mode", UINT32) } } },
	{ SR_OPEN_X, { "open", 4, { P("fd", FD), P("name", FSPATH), P("flags", FLAGS32),
		P("mode", UINT32) } } },
	{ SR_OPENAT_E, { "openat", 4, { P("dirfd", FD), P("name", FSRELPATH),
		P("flags", FLAGS32), P("mode", UINT32) } } },
	{ SR_OPENAT_X, { "openat", 5, { P("fd", FD), P("dirfd", FD), P("name", FSRELPATH),
		P("flags", FLAGS32), P("mode", UINT32) } } },
	{ SR_CLOSE_E, { "close", 1, { P("fd", FD) } } },
	{ SR_CLOSE_X, { "close", 2, { P("res", ERRNO), P("fd", FD) } } },
	{ SR_READ_E, { "read", 2, { P("fd", FD), P("size", UINT32) } } },
	{ SR_READ_X, { "read", 4, { P("res", ERRNO), P("data", BYTEBUF), P("fd", FD),
		P("size", UINT32) } } },
	{ SR_WRITE_E, { "write", 2, { P("fd", FD), P("size", UINT32) } } },
	{ SR_WRITE_X, { "write", 4, { P("res", ERRNO), P("data", BYTEBUF), P("fd", FD),
		P("size", UINT32) } } },
	{ SR_PREAD_E, { "pread", 3, { P("fd", FD), P("size", UINT32), P("pos", UINT64) } } },
	{ SR_PREAD_X, { "pread", 5, { P("res", ERRNO), P("data", BYTEBUF), P("fd", FD),
		P("size", UINT32), P("pos", UINT64) } } },
	{ SR_PWRITE_E, { "pwrite", 3, { P("fd", FD), P("size", UINT32), P("pos", UINT64) } } },
	{ SR_PWRITE_X, { "pwrite", 5, { P("res", ERRNO), P("data", BYTEBUF), P("fd", FD),
		P("size", UINT32), P("pos", UINT64) } } },
	{ SR_SOCKET_E, { "socket", 3, { P("domain", ENUMFLAGS32), P("type", UINT32),
		P("proto", UINT32) } } },
	{ SR_SOCKET_X, { "socket", 5, { P("fd", FD), P("domain", ENUMFLAGS32),
		P("type", UINT32), P("proto", UINT32), P("flags", FLAGS32) } } },
	{ SR_SOCKETPAIR_E, { "socketpair", 3, { P("domain", ENUMFLAGS32), P("type", UINT32),
		P("proto", UINT32) } } },
	{ SR_SOCKETPAIR_X, { "socketpair", 8, { P("res", ERRNO), P("fd1", FD), P("fd2", FD),
		P("source", UINT64), P("peer", UINT64), P("domain", ENUMFLAGS32),
		P("type", UINT32), P("proto", UINT32) } } },
	{ SR_BIND_E, { "bind", 1, { P("fd", FD) } } },
	{ SR_BIND_X, { "bind", 3, { P("res", ERRNO), P("addr", SOCKADDR), P("fd", FD) } } },
	{ SR_LISTEN_E, { "listen", 2, { P("fd", FD), P("backlog", INT32) } } },
	{ SR_LISTEN_X, { "listen", 3, { P("res", ERRNO), P("fd", FD), P("backlog", INT32) } } },
	{ SR_CONNECT_E, { "connect", 2, { P("fd", FD), P("addr", SOCKADDR) } } },
	{ SR_CONNECT_X, { "connect", 4, { P("res", ERRNO), P("tuple", SOCKTUPLE), P("fd", FD),
		P("addr", SOCKADDR) } } },
	{ SR_ACCEPT_E, { "accept", 0, { { 0 } } } },
	{ SR_ACCEPT_X, { "accept", 5, { P("fd", FD), P("tuple", SOCKTUPLE),
		P("queuepct", UINT8), P("queuelen", UINT32), P("queuemax", UINT32) } } },
	{ SR_ACCEPT4_E, { "accept", 1, { P("flags", INT32) } } },
	{ SR_ACCEPT4_X, { "accept", 5, { P("fd", FD), P("tuple", SOCKTUPLE),
		P("queuepct", UINT8), P("queuelen", UINT32), P("queuemax", UINT32) } } },
	{ SR_SHUTDOWN_E, { "shutdown", 2, { P("fd", FD), P("how", ENUMFLAGS8) } } },
	{ SR_SHUTDOWN_X, { "shutdown", 3, { P("res", ERRNO), P("fd", FD),
		P("how", ENUMFLAGS8) } } },
	{ SR_GETSOCKNAME_E, { "getsockname", 0, { { 0 } } } },
	{ SR_GETSOCKNAME_X, { "getsockname", 0, { { 0 } } } },
	{ SR_GETPEERNAME_E, { "getpeername", 0, { { 0 } } } },
	{ SR_GETPEERNAME_X, { "getpeername", 0, { { 0 } } } },
	{ SR_SETSOCKOPT_E, { "setsockopt", 0, { { 0 } } } },
	{ SR_SETSOCKOPT_X, { "setsockopt", SOCKOPT_X_PARAMS } },
	{ SR_GETSOCKOPT_E, { "getsockopt", 0, { { 0 } } } },
	{ SR_GETSOCKOPT_X, { "getsockopt", SOCKOPT_X_PARAMS } },
	{ SR_SENDTO_E, { "sendto", 3, { P("fd", FD), P("size", UINT32),
		P("tuple", SOCKTUPLE) } } },
	{ SR_SENDTO_X, { "sendto", 5, { P("res", ERRNO), P("data", BYTEBUF), P("fd", FD),
		P("size", UINT32), P("tuple", SOCKTUPLE) } } },
	{ SR_RECVFROM_E, { "recvfrom", 2, { P("fd", FD), P("size", UINT32) } } },
	{ SR_RECVFROM_X, { "recvfrom", 5, { P("res", ERRNO), P("data", BYTEBUF),
		P("tuple", SOCKTUPLE), P("fd", FD), P("size", UINT32) } } },
	{ SR_SENDMSG_E, { "sendmsg", 3, { P("fd", FD), P("size", UINT32),
		P("tuple", SOCKTUPLE) } } },
	{ SR_SENDMSG_X, { "sendmsg", 5, { P("res", ERRNO), P("data", BYTEBUF), P("fd", FD),
		P("size", UINT32), P("tuple", SOCKTUPLE) } } },
	{ SR_RECVMSG_E, { "recvmsg", 1, { P("fd", FD) } } },
	{ SR_RECVMSG_X, { "recvmsg", 6, { P("res", ERRNO), P("size", UINT32),
		P("data", BYTEBUF), P("tuple", SOCKTUPLE), P("msgcontrol", BYTEBUF),
		P("fd", FD) } } },
	{ SR_EXECVE_E, { "execve", 1, { P("filename", FSPATH) } } },
	{ SR_EXECVE_X, { "execve", EXECVE_X_PARAMS } },
	{ SR_CLONE_E, { "clone", 0, { { 0 } } } },
	{ SR_CLONE_X, { "clone", CLONE_X_PARAMS } },
	{ SR_FORK_E, { "fork", 0, { { 0 } } } },
	{ SR_FORK_X, { "fork", CLONE_X_PARAMS } },
	{ SR_VFORK_E, { "vfork", 0, { { 0 } } } },
	{ SR_VFORK_X, { "vfork", CLONE_X_PARAMS } },
	{ SR_CLONE3_E, { "clone3", 0, { { 0 } } } },
	{ SR_CLONE3_X, { "clone3", CLONE_X_PARAMS } },
	/* events_fs.bpf.h */
	{ SR_CREAT_E, { "creat", 2, { P("name", FSPATH), P("mode", UINT32) } } },
	{ SR_CREAT_X, { "creat", 6, { P("fd", FD), P("name", FSPATH), P("mode", UINT32),
		P("dev", UINT32), P("ino", UINT64), P("creat_flags", FLAGS16) } } },
	{ SR_OPENAT2_E, { "openat2", 5, { P("dirfd", FD), P("name", FSRELPATH),
		P("flags", FLAGS32), P("mode", UINT32), P("resolve", FLAGS32) } } },
	{ SR_OPENAT2_X, { "openat2", 8, { P("fd", FD), P("dirfd", FD), P("name", FSRELPATH),
		P("flags", FLAGS32), P("mode", UINT32), P("resolve", FLAGS32), P("dev", UINT32),
		P("ino", UINT64) } } },
	{ SR_READV_E, { "readv", 1, { P("fd", FD) } } },
	{ SR_READV_X, { "readv", 4, { P("res", ERRNO), P("size", UINT32), P("data", BYTEBUF),
		P("fd", FD) } } },
	{ SR_WRITEV_E, { "writev", 2, { P("fd", FD), P("size", UINT32) } } },
	{ SR_WRITEV_X, { "writev", 4, { P("res", ERRNO), P("data", BYTEBUF), P("fd", FD),
		P("size", UINT32) } } },
	{ SR_PREADV_E, { "preadv", 2, { P("fd", FD), P("pos", UINT64) } } },
	{ SR_PREADV_X, { "preadv", 5, { P("res", ERRNO), P("size", UINT32), P("data", BYTEBUF),
		P("fd", FD), P("pos", UINT64) } } },
	{ SR_PWRITEV_E, { "pwritev", 3, { P("fd", FD), P("size", UINT32), P("pos", UINT64) } } },
	{ SR_PWRITEV_X, { "pwritev", 5, { P("res", ERRNO), P("data", BYTEBUF), P("fd", FD),
		P("size", UINT32), P("pos", UINT64) } } },
	{ SR_DUP_E, { "dup", 1, { P("fd", FD) } } },
	{ SR_DUP_X, { "dup", 1, { P("res", FD) } } },
	{ SR_PIPE_E, { "pipe", 0, { { 0 } } } },
	{ SR_PIPE_X, { "pipe", 4, { P("res", ERRNO), P("fd1", FD), P("fd2", FD),
		P("ino", UINT64) } } },
	{ SR_UNLINK_E, { "unlink", 0, { { 0 } } } },
	{ SR_UNLINK_X, { "unlink", 2, { P("res", ERRNO), P("path", FSPATH) } } },
	{ SR_UNLINKAT_E, { "unlinkat", 0, { { 0 } } } },
	{ SR_UNLINKAT_X, { "unlinkat", 4, { P("res", ERRNO), P("dirfd", FD),
		P("name", FSRELPATH), P("flags", FLAGS32) } } },
	{ SR_RENAME_E, { "rename", 0, { { 0 } } } },
	{ SR_RENAME_X, { "rename", 3, { P("res", ERRNO), P("oldpath", FSPATH),
		P("newpath", FSPATH) } } },
	{ SR_RENAMEAT_E, { "renameat", 0, { { 0 } } } },
	{ SR_RENAMEAT_X, { "renameat", 5, { P("res", ERRNO), P("olddirfd", FD),
		P("oldpath", FSRELPATH), P("newdirfd", FD), P("newpath", FSRELPATH) } } },
	{ SR_RENAMEAT2_E, { "renameat2", 0, { { 0 } } } },
	{ SR_RENAMEAT2_X, { "renameat2", 6, { P("res", ERRNO), P("olddirfd", FD),
		P("oldpath", FSRELPATH), P("newdirfd", FD), P("newpath", FSRELPATH),
		P("flags", FLAGS32) } } },
	{ SR_MKDIR_E, { "mkdir", 1, { P("mode", UINT32) } } },
	{ SR_MKDIR_X, { "mkdir", 3, { P("res", ERRNO), P("path", FSPATH), P("mode", UINT32) } } },
	{ SR_MKDIRAT_E, { "mkdirat", 0, { { 0 } } } },
	{ SR_MKDIRAT_X, { "mkdirat", 4, { P("res", ERRNO), P("dirfd", FD), P("path", FSRELPATH),
		P("mode", UINT32) } } },
	{ SR_RMDIR_E, { "rmdir", 0, { { 0 } } } },
	{ SR_RMDIR_X, { "rmdir", 2, { P("res", ERRNO), P("path", FSPATH) } } },
	{ SR_CHDIR_E, { "chdir", 0, { { 0 } } } },
	{ SR_CHDIR_X, { "chdir", 2, { P("res", ERRNO), P("path", CHARBUF) } } },
	{ SR_FCHDIR_E, { "fchdir", 1, { P("fd", FD) } } },
	{ SR_FCHDIR_X, { "fchdir", 2, { P("res", ERRNO), P("fd", FD) } } },
	{ SR_KILL_E, { "kill", 2, { P("pid", PID), P("sig", SIGTYPE) } } },
	{ SR_KILL_X, { "kill", 3, { P("res", ERRNO), P("pid", PID), P("sig", SIGTYPE) } } },
	{ SR_TKILL_E, { "tkill", 2, { P("tid", PID), P("sig", SIGTYPE) } } },
	{ SR_TKILL_X, { "tkill", 3, { P("res", ERRNO), P("tid", PID), P("sig", SIGTYPE) } } },
	{ SR_TGKILL_E, { "tgkill", 3, { P("pid", PID), P("tid", PID), P("sig", SIGTYPE) } } },
	{ SR_TGKILL_X, { "tgkill", 4, { P("res", ERRNO), P("pid", PID), P("tid", PID),
		P("sig", SIGTYPE) } } },
	{ SR_SETUID_E, { "setuid", 1, { P("uid", UID) } } },
	{ SR_SETUID_X, { "setuid", 2, { P("res", ERRNO), P("uid", UID) } } },
	{ SR_SETGID_E, { "setgid", 1, { P("gid", GID) } } },
	{ SR_SETGID_X, { "setgid", 2, { P("res", ERRNO), P("gid", GID) } } },
	{ SR_SETRESUID_E, { "setresuid", 3, { P("ruid", UID), P("euid", UID), P("suid", UID) } } },
	{ SR_SETRESUID_X, { "setresuid", 4, { P("res", ERRNO), P("ruid", UID), P("euid", UID),
		P("suid", UID) } } },
	{ SR_SETRESGID_E, { "setresgid", 3, { P("rgid", GID), P("egid", GID), P("sgid", GID) } } },
	{ SR_SETRESGID_X, { "setresgid", 4, { P("res", ERRNO), P("rgid", GID), P("egid", GID),
		P("sgid", GID) } } },
	{ SR_MMAP_E, { "mmap", 6, { P("addr", UINT64), P("length", UINT64), P("prot", FLAGS32),
		P("flags", FLAGS32), P("fd", FD), P("offset", UINT64) } } },
	{ SR_MMAP_X, { "mmap", 10, { P("res", ERRNO), P("vm_size", UINT32), P("vm_rss", UINT32),
		P("vm_swap", UINT32), P("addr", UINT64), P("length", UINT64), P("prot", FLAGS32),
		P("flags", FLAGS32), P("fd", FD), P("offset", UINT64) } } },
	{ SR_MUNMAP_E, { "munmap", 2, { P("addr", UINT64), P("length", UINT64) } } },
	{ SR_MUNMAP_X, { "munmap", 6, { P("res", ERRNO), P("vm_size", UINT32),
		P("vm_rss", UINT32), P("vm_swap", UINT32), P("addr", UINT64),
		P("length", UINT64) } } },
	{ SR_EXECVEAT_E, { "execveat", 3, { P("dirfd", FD), P("pathname", FSRELPATH),
		P("flags", FLAGS32) } } },
	{ SR_EXECVEAT_X, { "execveat", EXECVE_X_PARAMS } },
	{ SR_PROCEXIT_E, { "procexit", 4, { P("status", ERRNO), P("ret", ERRNO),
		P("sig", SIGTYPE), P("core", UINT8) } } },
};

const struct sr_event_info *sr_event_info(uint16_t type)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].type == type)
			return &table[i].info;
	return NULL;
}
