/* SPDX-License-Identifier: Apache-2.0 */
/*
 * fcntl and flock. fcntl's third argument and its result both depend on the command:
 * a flag set, an fd, a struct flock, a signal; some results carry a comment
 * ("= 0x1 (flags FD_CLOEXEC)", "= 0x8002 (flags O_RDWR|O_LARGEFILE)").
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/desc_impl.h"
#include "trace/decode/xlat_file.h"

/* Command numbers of the kernel UAPI (x86_64; the *64 ones exist only for 32-bit ABIs). */
enum {
	K_F_DUPFD = 0, K_F_GETFD = 1, K_F_SETFD = 2, K_F_GETFL = 3, K_F_SETFL = 4,
	K_F_GETLK = 5, K_F_SETLK = 6, K_F_SETLKW = 7, K_F_SETOWN = 8, K_F_GETOWN = 9,
	K_F_SETSIG = 10, K_F_GETSIG = 11, K_F_SETOWN_EX = 15, K_F_GETOWN_EX = 16,
	K_F_OFD_GETLK = 36, K_F_OFD_SETLK = 37, K_F_OFD_SETLKW = 38,
	K_F_SETLEASE = 1024, K_F_GETLEASE = 1025, K_F_NOTIFY = 1026,
	K_F_DUPFD_CLOEXEC = 1030, K_F_SETPIPE_SZ = 1031, K_F_GETPIPE_SZ = 1032,
	K_F_ADD_SEALS = 1033, K_F_GET_SEALS = 1034,
};

XLAT_DEFINE(desc_fcntl_cmds,
	{ 0, "F_DUPFD" },
	{ 1, "F_GETFD" },
	{ 2, "F_SETFD" },
	{ 3, "F_GETFL" },
	{ 4, "F_SETFL" },
	{ 5, "F_GETLK" },
	{ 6, "F_SETLK" },
	{ 7, "F_SETLKW" },
	{ 8, "F_SETOWN" },
	{ 9, "F_GETOWN" },
	{ 10, "F_SETSIG" },
	{ 11, "F_GETSIG" },
	{ 12, "F_GETLK64" },
	{ 13, "F_SETLK64" },
	{ 14, "F_SETLKW64" },
	{ 15, "F_SETOWN_EX" },
	{ 16, "F_GETOWN_EX" },
	{ 17, "F_GETOWNER_UIDS" },
	{ 36, "F_OFD_GETLK" },
	{ 37, "F_OFD_SETLK" },
	{ 38, "F_OFD_SETLKW" },
	{ 1024, "F_SETLEASE" },
	{ 1025, "F_GETLEASE" },
	{ 1026, "F_NOTIFY" },
	{ 1029, "F_CANCELLK" },
	{ 1030, "F_DUPFD_CLOEXEC" },
	{ 1031, "F_SETPIPE_SZ" },
	{ 1032, "F_GETPIPE_SZ" },
	{ 1033, "F_ADD_SEALS" },
	{ 1034, "F_GET_SEALS" });

XLAT_DEFINE(desc_fd_flags,
	{ 1, "FD_CLOEXEC" });

XLAT_DEFINE(desc_lock_types,
	{ 0, "F_RDLCK" },
	{ 1, "F_WRLCK" },
	{ 2, "F_UNLCK" },
	{ 4, "F_EXLCK" },
	{ 8, "F_SHLCK" });

XLAT_DEFINE(desc_dnotify_flags,
	{ 0x00000001, "DN_ACCESS" },
	{ 0x00000002, "DN_MODIFY" },
	{ 0x00000004, "DN_CREATE" },
	{ 0x00000008, "DN_DELETE" },
	{ 0x00000010, "DN_RENAME" },
	{ 0x00000020, "DN_ATTRIB" },
	{ 0x80000000, "DN_MULTISHOT" });

XLAT_DEFINE(desc_seals,
	{ 0x01, "F_SEAL_SEAL" },
	{ 0x02, "F_SEAL_SHRINK" },
	{ 0x04, "F_SEAL_GROW" },
	{ 0x08, "F_SEAL_WRITE" },
	{ 0x10, "F_SEAL_FUTURE_WRITE" });

XLAT_DEFINE(desc_owner_types,
	{ 0, "F_OWNER_TID" },
	{ 1, "F_OWNER_PID" },
	{ 2, "F_OWNER_PGRP" });

/* struct flock of x86_64; flock64 has the same layout. */
struct k_flock {
	int16_t l_type;
	int16_t l_whence;
	int64_t l_start;
	int64_t l_len;
	int32_t l_pid;
};

/* l_pid is meaningful only in what F_GETLK returns. */
static void print_flock(struct sc *sc, uint64_t addr, bool with_pid)
{
	struct k_flock fl;
	if (!fetch_or_print_addr(sc, addr, &fl, sizeof(fl)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	pr_field(p, "l_type");
	pr_xval(p, &desc_lock_types, (uint16_t)fl.l_type, "F_???");
	pr_field(p, "l_whence");
	pr_xval(p, &desc_whence_codes, (uint16_t)fl.l_whence, "SEEK_???");
	pr_field(p, "l_start");
	pr_int(p, fl.l_start);
	pr_field(p, "l_len");
	pr_int(p, fl.l_len);
	if (with_pid) {
		pr_field(p, "l_pid");
		print_pid(sc, fl.l_pid, PID_TGID);
	}
	pr_struct_end(p);
}

static void print_owner_ex(struct sc *sc, uint64_t addr)
{
	int32_t owner[2];	/* type, pid */
	if (!fetch_or_print_addr(sc, addr, owner, sizeof(owner)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "type");
	pr_xval(sc->p, &desc_owner_types, (uint32_t)owner[0], "F_OWNER_???");
	pr_field(sc->p, "pid");
	/* F_OWNER_TID 0, F_OWNER_PID 1, F_OWNER_PGRP 2. */
	print_pid(sc, owner[1], owner[0] == 0 ? PID_TID : owner[0] == 1 ? PID_TGID :
				owner[0] == 2 ? PID_PGID : PID_NONE);
	pr_struct_end(sc->p);
}

/* A signal number as strace names it: SIGUSR1, SIGRT_3, or the number. */
static void print_signal_arg(struct pr *p, int sig)
{
	const char *name = sig > 0 ? signal_name(sig) : NULL;
	if (!name || p->xlat_style != PR_XLAT_ABBREV)
		pr_int(p, sig);
	if (!name || p->xlat_style == PR_XLAT_RAW)
		return;
	if (p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(p, "%s", name);
	else
		pr_text(p, name);
}

/* The third argument of a command known at entry; returns the result format. */
static int fcntl_entry_arg(struct sc *sc, uint32_t cmd)
{
	struct pr *p = sc->p;
	uint64_t arg = sc->arg[2];

	switch (cmd) {
	case K_F_SETFD:
		pr_flags(p, &desc_fd_flags, (uint32_t)arg, "FD_???");
		break;
	case K_F_SETOWN:
		print_pid(sc, (int32_t)arg, PID_TGID_OR_PGID);
		break;
	case K_F_SETPIPE_SZ:
		pr_int(p, (int64_t)arg);
		break;
	case K_F_DUPFD:
	case K_F_DUPFD_CLOEXEC:
		pr_int(p, (int64_t)arg);
		return RV_DECODED | RV_FD;
	case K_F_SETFL:
		pr_open_flags(p, (uint32_t)arg);
		break;
	case K_F_SETLK:
	case K_F_SETLKW:
	case K_F_OFD_SETLK:
	case K_F_OFD_SETLKW:
		print_flock(sc, arg, false);
		break;
	case K_F_SETOWN_EX:
		print_owner_ex(sc, arg);
		break;
	case K_F_NOTIFY:
		pr_flags(p, &desc_dnotify_flags, arg, "DN_???");
		break;
	case K_F_SETLEASE:
		pr_xval(p, &desc_lock_types, arg, "F_???");
		break;
	case K_F_ADD_SEALS:
		pr_flags(p, &desc_seals, arg, "F_SEAL_???");
		break;
	case K_F_SETSIG:
		print_signal_arg(p, (int)arg);
		break;
	case K_F_GETOWN:
		/* A process, or a process group as a negative number (not translated). */
		return RV_DECODED | RV_PID_OF(PID_TGID);
	case K_F_GETPIPE_SZ:
		break;
	default:
		pr_hex(p, arg);
		break;
	}
	return RV_DECODED | RV_DEC;
}

/* What a command that answers through its result or its argument prints at exit. */
static int fcntl_exit(struct sc *sc, uint32_t cmd)
{
	uint64_t rv = (uint64_t)sc->rval;
	const char *name;

	switch (cmd) {
	case K_F_GETLK:
	case K_F_OFD_GETLK:
		print_flock(sc, sc->arg[2], true);
		return RV_DEC;
	case K_F_GETOWN_EX:
		print_owner_ex(sc, sc->arg[2]);
		return RV_DEC;
	}
	if (sc_failed(sc))
		return RV_DEC;
	switch (cmd) {
	case K_F_GETFD:
		if (!rv)
			return RV_DEC;
		snprintf(sc->aux, sizeof(sc->aux), "flags ");
		pr_sprint_flags(sc->aux + 6, sizeof(sc->aux) - 6, sc->p->xlat_style, &desc_fd_flags,
				rv, NULL);
		return RV_HEX | RV_AUX;
	case K_F_GETFL:
		snprintf(sc->aux, sizeof(sc->aux), "flags ");
		sprint_open_flags(sc->aux + 6, sizeof(sc->aux) - 6, (uint32_t)rv);
		return RV_HEX | RV_AUX;
	case K_F_GETLEASE:
		name = xlat_lookup(&desc_lock_types, rv);
		if (!name)
			return RV_HEX;
		snprintf(sc->aux, sizeof(sc->aux), "%s", name);
		return RV_HEX | RV_AUX;
	case K_F_GET_SEALS:
		if (!rv)
			return RV_DEC;
		snprintf(sc->aux, sizeof(sc->aux), "seals ");
		pr_sprint_flags(sc->aux + 6, sizeof(sc->aux) - 6, sc->p->xlat_style, &desc_seals,
				rv, NULL);
		return RV_HEX | RV_AUX;
	case K_F_GETSIG:
		name = rv ? signal_name((int)rv) : NULL;
		if (!name)
			return RV_DEC;
		snprintf(sc->aux, sizeof(sc->aux), "%s", name);
		return RV_DEC | RV_AUX;
	}
	return RV_DEC;
}

int decode_fcntl(struct sc *sc)
{
	uint32_t cmd = (uint32_t)sc->arg[1];

	if (sc->exiting)
		return fcntl_exit(sc, cmd);
	print_fd(sc, (int)sc->arg[0]);
	pr_xval(sc->p, &desc_fcntl_cmds, cmd, "F_???");
	switch (cmd) {
	case K_F_GETFD:
	case K_F_GETFL:
	case K_F_GETLK:
	case K_F_OFD_GETLK:
	case K_F_GETOWN_EX:
	case K_F_GETLEASE:
	case K_F_GET_SEALS:
	case K_F_GETSIG:
		return DEC_AT_EXIT;
	}
	return fcntl_entry_arg(sc, cmd);
}

XLAT_DEFINE(desc_flock_ops,
	{ 1, "LOCK_SH" },
	{ 2, "LOCK_EX" },
	{ 4, "LOCK_NB" },
	{ 8, "LOCK_UN" },
	{ 32, "LOCK_MAND" },
	{ 192, "LOCK_RW" },
	{ 64, "LOCK_READ" },
	{ 128, "LOCK_WRITE" });

int decode_flock(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_flags(sc->p, &desc_flock_ops, (uint32_t)sc->arg[1], "LOCK_???");
	return RV_DECODED | RV_DEC;
}
