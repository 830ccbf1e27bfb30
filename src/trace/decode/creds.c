/* SPDX-License-Identifier: Apache-2.0 */
/* Decoders of the process id, user/group id and capability syscalls. */
#include <inttypes.h>
#include <stdio.h>
#include <unistd.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/misc_impl.h"

/* ---- process ids ---- */

/* getpid, getppid, gettid, getpgrp, getuid, ..., setsid, sched_yield: no arguments. */
int decode_no_args(struct sc *sc)
{
	return RV_DECODED | RV_DEC;
}

/* getpid, gettid, getpgrp: no arguments, an id of the caller returned. */
int decode_getpid(struct sc *sc)
{
	return RV_DECODED | RV_PID_OF(PID_TGID);
}

int decode_gettid(struct sc *sc)
{
	return RV_DECODED | RV_PID_OF(PID_TID);
}

int decode_getpgrp(struct sc *sc)
{
	return RV_DECODED | RV_PID_OF(PID_PGID);
}

/* getpgid(pid), getsid(pid): the group or session of a process. */
int decode_getpgid(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	return RV_DECODED | RV_PID_OF(PID_PGID);
}

int decode_getsid(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	return RV_DECODED | RV_PID_OF(PID_SID);
}

int decode_setpgid(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	print_pid(sc, (int)sc->arg[1], PID_PGID);
	return RV_DECODED | RV_DEC;
}

/* ---- user and group ids ---- */

/* A uid or gid: -1 (no change) in decimal, the rest unsigned. */
static void print_id(struct sc *sc, uint32_t id)
{
	if (id == UINT32_MAX)
		pr_int(sc->p, -1);
	else
		pr_uint(sc->p, id);
}

/* setuid, setgid, setfsuid, setfsgid: one id. */
int decode_set_id(struct sc *sc)
{
	print_id(sc, (uint32_t)sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

/* setreuid, setregid: two ids. */
int decode_set_id2(struct sc *sc)
{
	print_id(sc, (uint32_t)sc->arg[0]);
	print_id(sc, (uint32_t)sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

/* setresuid, setresgid: three ids. */
int decode_set_id3(struct sc *sc)
{
	for (int i = 0; i < 3; i++)
		print_id(sc, (uint32_t)sc->arg[i]);
	return RV_DECODED | RV_DEC;
}

static void print_id_at(struct sc *sc, uint64_t addr)
{
	uint32_t id;
	if (!fetch_or_print_addr(sc, addr, &id, sizeof(id)))
		return;
	pr_array_begin(sc->p);
	print_id(sc, id);
	pr_array_end(sc->p);
}

/* getresuid, getresgid: three ids written by the kernel. */
int decode_get_id3(struct sc *sc)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	for (int i = 0; i < 3; i++)
		print_id_at(sc, sc->arg[i]);
	return RV_DEC;
}

static bool print_gid_elem(struct sc *sc, const void *elem, void *data)
{
	print_id(sc, *(const uint32_t *)elem);
	return true;
}

/* A group list of LEN entries; a length above NGROUPS_MAX shows only the address. */
static void print_groups(struct sc *sc, uint32_t len, uint64_t addr)
{
	static long ngroups_max;
	if (!ngroups_max)
		ngroups_max = sysconf(_SC_NGROUPS_MAX);
	if ((long)len > ngroups_max) {
		print_addr(sc, addr);
		return;
	}
	print_array(sc, addr, len, sizeof(uint32_t), 0, print_gid_elem, NULL);
}

int decode_setgroups(struct sc *sc)
{
	int len = (int)sc->arg[0];
	pr_int(sc->p, len);
	print_groups(sc, (uint32_t)len, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_getgroups(struct sc *sc)
{
	if (!sc->exiting) {
		pr_int(sc->p, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_groups(sc, (uint32_t)sc->rval, sc->arg[1]);
	return RV_DEC;
}

/* ---- capabilities ---- */

enum {
	CAP_V1 = 0x19980330,
	CAP_V2 = 0x20071026,
	CAP_V3 = 0x20080522,
};

STATIC_XLAT(cap_versions,
	{ CAP_V1, "_LINUX_CAPABILITY_VERSION_1" }, { CAP_V2, "_LINUX_CAPABILITY_VERSION_2" },
	{ CAP_V3, "_LINUX_CAPABILITY_VERSION_3" });

/* Capabilities 0..31 (first word) as strace names their bits. */
STATIC_XLAT(cap_mask0,
	{ 1u << 0, "1<<CAP_CHOWN" }, { 1u << 1, "1<<CAP_DAC_OVERRIDE" },
	{ 1u << 2, "1<<CAP_DAC_READ_SEARCH" }, { 1u << 3, "1<<CAP_FOWNER" },
	{ 1u << 4, "1<<CAP_FSETID" }, { 1u << 5, "1<<CAP_KILL" },
	{ 1u << 6, "1<<CAP_SETGID" }, { 1u << 7, "1<<CAP_SETUID" },
	{ 1u << 8, "1<<CAP_SETPCAP" }, { 1u << 9, "1<<CAP_LINUX_IMMUTABLE" },
	{ 1u << 10, "1<<CAP_NET_BIND_SERVICE" }, { 1u << 11, "1<<CAP_NET_BROADCAST" },
	{ 1u << 12, "1<<CAP_NET_ADMIN" }, { 1u << 13, "1<<CAP_NET_RAW" },
	{ 1u << 14, "1<<CAP_IPC_LOCK" }, { 1u << 15, "1<<CAP_IPC_OWNER" },
	{ 1u << 16, "1<<CAP_SYS_MODULE" }, { 1u << 17, "1<<CAP_SYS_RAWIO" },
	{ 1u << 18, "1<<CAP_SYS_CHROOT" }, { 1u << 19, "1<<CAP_SYS_PTRACE" },
	{ 1u << 20, "1<<CAP_SYS_PACCT" }, { 1u << 21, "1<<CAP_SYS_ADMIN" },
	{ 1u << 22, "1<<CAP_SYS_BOOT" }, { 1u << 23, "1<<CAP_SYS_NICE" },
	{ 1u << 24, "1<<CAP_SYS_RESOURCE" }, { 1u << 25, "1<<CAP_SYS_TIME" },
	{ 1u << 26, "1<<CAP_SYS_TTY_CONFIG" }, { 1u << 27, "1<<CAP_MKNOD" },
	{ 1u << 28, "1<<CAP_LEASE" }, { 1u << 29, "1<<CAP_AUDIT_WRITE" },
	{ 1u << 30, "1<<CAP_AUDIT_CONTROL" }, { 1u << 31, "1<<CAP_SETFCAP" });

/* Capabilities 32.. (second word), shifted by 32. */
STATIC_XLAT(cap_mask1,
	{ 1u << 0, "1<<CAP_MAC_OVERRIDE" }, { 1u << 1, "1<<CAP_MAC_ADMIN" },
	{ 1u << 2, "1<<CAP_SYSLOG" }, { 1u << 3, "1<<CAP_WAKE_ALARM" },
	{ 1u << 4, "1<<CAP_BLOCK_SUSPEND" }, { 1u << 5, "1<<CAP_AUDIT_READ" },
	{ 1u << 6, "1<<CAP_PERFMON" }, { 1u << 7, "1<<CAP_BPF" },
	{ 1u << 8, "1<<CAP_CHECKPOINT_RESTORE" });

struct cap_header {
	uint32_t version;
	int32_t pid;
};

struct cap_data {
	uint32_t effective;
	uint32_t permitted;
	uint32_t inheritable;
};

/* The header, read without printing; false when strace would not read it. */
static bool read_cap_header(struct sc *sc, uint64_t addr, struct cap_header *h)
{
	return addr && !sc->no_deref && UMOVE(sc, addr, h) == 0;
}

static void print_cap_header(struct sc *sc, uint64_t addr, const struct cap_header *h)
{
	if (!h) {
		print_addr(sc, addr);
		return;
	}
	pr_struct_begin(sc->p);
	pr_field(sc->p, "version");
	pr_xval(sc->p, &cap_versions, h->version, "_LINUX_CAPABILITY_VERSION_???");
	pr_field(sc->p, "pid");
	print_pid(sc, h->pid, PID_TGID);
	pr_struct_end(sc->p);
}

/* A capability set of two words: the low word's names, then the high word's. */
static void print_cap_bits(struct sc *sc, uint32_t lo, uint32_t hi)
{
	char low[2048] = "", high[512] = "";
	if (lo || !hi)
		pr_sprint_flags(low, sizeof(low), sc->p->xlat_style, &cap_mask0, lo, "CAP_???");
	if (hi)
		pr_sprint_flags(high, sizeof(high), sc->p->xlat_style, &cap_mask1, hi,
				"CAP_???");
	pr_textf(sc->p, "%s%s%s", low, lo && hi ? "|" : "", high);
}

static void print_cap_data(struct sc *sc, uint64_t addr, const struct cap_header *h)
{
	struct cap_data d[2] = { { 0, 0, 0 }, { 0, 0, 0 } };
	if (!h) {
		print_addr(sc, addr);
		return;
	}
	/* Versions 2 and 3 carry 64-bit sets in two words. */
	size_t words = (h->version == CAP_V2 || h->version == CAP_V3) ? 2 : 1;
	if (!fetch_or_print_addr(sc, addr, d, words * sizeof(d[0])))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "effective");
	print_cap_bits(sc, d[0].effective, d[1].effective);
	pr_field(sc->p, "permitted");
	print_cap_bits(sc, d[0].permitted, d[1].permitted);
	pr_field(sc->p, "inheritable");
	print_cap_bits(sc, d[0].inheritable, d[1].inheritable);
	pr_struct_end(sc->p);
}

int decode_capget(struct sc *sc)
{
	struct cap_header h;
	bool have = !(sc->exiting && sc->err) && read_cap_header(sc, sc->arg[0], &h);
	if (!sc->exiting) {
		print_cap_header(sc, sc->arg[0], have ? &h : NULL);
		return DEC_AT_EXIT;
	}
	print_cap_data(sc, sc->arg[1], have ? &h : NULL);
	return RV_DEC;
}

int decode_capset(struct sc *sc)
{
	struct cap_header h;
	bool have = read_cap_header(sc, sc->arg[0], &h);
	print_cap_header(sc, sc->arg[0], have ? &h : NULL);
	print_cap_data(sc, sc->arg[1], have ? &h : NULL);
	return RV_DECODED | RV_DEC;
}
