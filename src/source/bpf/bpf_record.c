/* SPDX-License-Identifier: Apache-2.0 */
/* Splitting eBPF source records, and the parameter counts of the events the source emits. */
#include "source/bpf/bpf_record.h"

#include <stdbool.h>
#include <string.h>

#include "schema/event_codes.h"
#include "source/param_recipes.h"

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

/*
 * The events the eBPF programs emit with encoders of their own and how many parameters each
 * writes (the table-driven ones are source/param_recipes.c's): the first N of the event
 * table's list for its code (the names and types are the table's; test_bpf_record checks
 * the counts against it). Generic events write raw arguments or the return value after ID and
 * nativeID; the process exits a shorter prefix (bpf_event.h).
 */
static const struct { uint16_t type; uint8_t nparams; } emitted[] = {
	{ PPME_GENERIC_E, SR_GENERIC_E_NPARAMS }, { PPME_GENERIC_X, SR_GENERIC_X_NPARAMS },
	{ PPME_SYSCALL_OPEN_E, 3 }, { PPME_SYSCALL_OPEN_X, 6 },
	{ PPME_SYSCALL_OPENAT_2_E, 4 }, { PPME_SYSCALL_OPENAT_2_X, 7 },
	{ PPME_SYSCALL_CLOSE_E, 1 }, { PPME_SYSCALL_CLOSE_X, 2 },
	{ PPME_SYSCALL_READ_E, 2 }, { PPME_SYSCALL_READ_X, 4 },
	{ PPME_SYSCALL_WRITE_E, 2 }, { PPME_SYSCALL_WRITE_X, 4 },
	{ PPME_SYSCALL_PREAD_E, 3 }, { PPME_SYSCALL_PREAD_X, 5 },
	{ PPME_SYSCALL_PWRITE_E, 3 }, { PPME_SYSCALL_PWRITE_X, 5 },
	{ PPME_SOCKET_SOCKET_E, 3 }, { PPME_SOCKET_SOCKET_X, 5 },
	{ PPME_SOCKET_SOCKETPAIR_E, 3 }, { PPME_SOCKET_SOCKETPAIR_X, 8 },
	{ PPME_SOCKET_BIND_E, 1 }, { PPME_SOCKET_BIND_X, 3 },
	{ PPME_SOCKET_LISTEN_E, 2 }, { PPME_SOCKET_LISTEN_X, 3 },
	{ PPME_SOCKET_CONNECT_E, 2 }, { PPME_SOCKET_CONNECT_X, 4 },
	{ PPME_SOCKET_ACCEPT_5_E, 0 }, { PPME_SOCKET_ACCEPT_5_X, 5 },
	{ PPME_SOCKET_ACCEPT4_5_E, 1 }, { PPME_SOCKET_ACCEPT4_5_X, 5 },
	{ PPME_SOCKET_SHUTDOWN_E, 2 }, { PPME_SOCKET_SHUTDOWN_X, 3 },
	{ PPME_SOCKET_GETSOCKNAME_E, 0 }, { PPME_SOCKET_GETSOCKNAME_X, 0 },
	{ PPME_SOCKET_GETPEERNAME_E, 0 }, { PPME_SOCKET_GETPEERNAME_X, 0 },
	{ PPME_SOCKET_SETSOCKOPT_E, 0 }, { PPME_SOCKET_SETSOCKOPT_X, 6 },
	{ PPME_SOCKET_GETSOCKOPT_E, 0 }, { PPME_SOCKET_GETSOCKOPT_X, 6 },
	{ PPME_SOCKET_SENDTO_E, 3 }, { PPME_SOCKET_SENDTO_X, 5 },
	{ PPME_SOCKET_RECVFROM_E, 2 }, { PPME_SOCKET_RECVFROM_X, 5 },
	{ PPME_SOCKET_SENDMSG_E, 3 }, { PPME_SOCKET_SENDMSG_X, 5 },
	{ PPME_SOCKET_RECVMSG_E, 1 }, { PPME_SOCKET_RECVMSG_X, 6 },
	{ PPME_SYSCALL_EXECVE_19_E, 1 }, { PPME_SYSCALL_EXECVE_19_X, SR_EXECVE_X_NPARAMS },
	{ PPME_SYSCALL_CLONE_20_E, 0 }, { PPME_SYSCALL_CLONE_20_X, SR_CLONE_X_NPARAMS },
	{ PPME_SYSCALL_FORK_20_E, 0 }, { PPME_SYSCALL_FORK_20_X, SR_CLONE_X_NPARAMS },
	{ PPME_SYSCALL_VFORK_20_E, 0 }, { PPME_SYSCALL_VFORK_20_X, SR_CLONE_X_NPARAMS },
	{ PPME_SYSCALL_CLONE3_E, 0 }, { PPME_SYSCALL_CLONE3_X, SR_CLONE_X_NPARAMS },
	/* events_fs.bpf.h */
	{ PPME_SYSCALL_CREAT_E, 2 }, { PPME_SYSCALL_CREAT_X, 6 },
	{ PPME_SYSCALL_OPENAT2_E, 5 }, { PPME_SYSCALL_OPENAT2_X, 8 },
	{ PPME_SYSCALL_READV_E, 1 }, { PPME_SYSCALL_READV_X, 4 },
	{ PPME_SYSCALL_WRITEV_E, 2 }, { PPME_SYSCALL_WRITEV_X, 4 },
	{ PPME_SYSCALL_PREADV_E, 2 }, { PPME_SYSCALL_PREADV_X, 5 },
	{ PPME_SYSCALL_PWRITEV_E, 3 }, { PPME_SYSCALL_PWRITEV_X, 5 },
	{ PPME_SYSCALL_DUP_E, 1 }, { PPME_SYSCALL_DUP_X, 1 },
	{ PPME_SYSCALL_PIPE_E, 0 }, { PPME_SYSCALL_PIPE_X, 4 },
	{ PPME_SYSCALL_UNLINK_2_E, 0 }, { PPME_SYSCALL_UNLINK_2_X, 2 },
	{ PPME_SYSCALL_UNLINKAT_2_E, 0 }, { PPME_SYSCALL_UNLINKAT_2_X, 4 },
	{ PPME_SYSCALL_RENAME_E, 0 }, { PPME_SYSCALL_RENAME_X, 3 },
	{ PPME_SYSCALL_RENAMEAT_E, 0 }, { PPME_SYSCALL_RENAMEAT_X, 5 },
	{ PPME_SYSCALL_RENAMEAT2_E, 0 }, { PPME_SYSCALL_RENAMEAT2_X, 6 },
	{ PPME_SYSCALL_MKDIR_2_E, 1 }, { PPME_SYSCALL_MKDIR_2_X, 3 },
	{ PPME_SYSCALL_MKDIRAT_E, 0 }, { PPME_SYSCALL_MKDIRAT_X, 4 },
	{ PPME_SYSCALL_RMDIR_2_E, 0 }, { PPME_SYSCALL_RMDIR_2_X, 2 },
	{ PPME_SYSCALL_CHDIR_E, 0 }, { PPME_SYSCALL_CHDIR_X, 2 },
	{ PPME_SYSCALL_FCHDIR_E, 1 }, { PPME_SYSCALL_FCHDIR_X, 2 },
	{ PPME_SYSCALL_KILL_E, 2 }, { PPME_SYSCALL_KILL_X, 3 },
	{ PPME_SYSCALL_TKILL_E, 2 }, { PPME_SYSCALL_TKILL_X, 3 },
	{ PPME_SYSCALL_TGKILL_E, 3 }, { PPME_SYSCALL_TGKILL_X, 4 },
	{ PPME_SYSCALL_SETUID_E, 1 }, { PPME_SYSCALL_SETUID_X, 2 },
	{ PPME_SYSCALL_SETGID_E, 1 }, { PPME_SYSCALL_SETGID_X, 2 },
	{ PPME_SYSCALL_SETRESUID_E, 3 }, { PPME_SYSCALL_SETRESUID_X, 4 },
	{ PPME_SYSCALL_SETRESGID_E, 3 }, { PPME_SYSCALL_SETRESGID_X, 4 },
	{ PPME_SYSCALL_MMAP_E, 6 }, { PPME_SYSCALL_MMAP_X, 10 },
	{ PPME_SYSCALL_MUNMAP_E, 2 }, { PPME_SYSCALL_MUNMAP_X, 6 },
	{ PPME_SYSCALL_BRK_4_E, 1 }, { PPME_SYSCALL_BRK_4_X, 5 },
	{ PPME_SYSCALL_EXECVEAT_E, 3 }, { PPME_SYSCALL_EXECVEAT_X, SR_EXECVE_X_NPARAMS },
	{ PPME_SYSCALL_SYMLINK_E, 0 }, { PPME_SYSCALL_SYMLINK_X, 3 },
	{ PPME_SYSCALL_SYMLINKAT_E, 0 }, { PPME_SYSCALL_SYMLINKAT_X, 4 },
	{ PPME_SYSCALL_LINK_2_E, 0 }, { PPME_SYSCALL_LINK_2_X, 3 },
	{ PPME_SYSCALL_LINKAT_2_E, 0 }, { PPME_SYSCALL_LINKAT_2_X, 6 },
	{ PPME_SYSCALL_PTRACE_E, 2 }, { PPME_SYSCALL_PTRACE_X, 5 },
	{ PPME_PROCEXIT_1_E, 4 },
};

/* The table-driven events (source/param_recipes.c): their whole lists, by code. */
static int recipe_nparams(uint16_t type)
{
	static struct sr_syscall_recipes t[SR_MAX_SYSCALLS];
	static bool built;

	if (!built) {
		param_recipes_build(t);
		built = true;
	}
	for (unsigned nr = 0; nr < SR_MAX_SYSCALLS; nr++)
		if (t[nr].event && t[nr].event == (type & ~1u))
			return t[nr].nparams[type & 1];
	return -1;
}

int sr_event_nparams(uint16_t type)
{
	for (size_t i = 0; i < sizeof(emitted) / sizeof(emitted[0]); i++)
		if (emitted[i].type == type)
			return emitted[i].nparams;
	return recipe_nparams(type);
}
