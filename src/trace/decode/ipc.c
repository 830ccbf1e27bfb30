/* SPDX-License-Identifier: Apache-2.0 */
/*
 * System V IPC: semaphores (semget, semop, semtimedop, semctl), shared memory (shmget,
 * shmat, shmdt, shmctl) and message queues (msgget, msgsnd, msgrcv, msgctl). x86_64 has
 * a syscall for each, so no ipc() multiplexer is decoded here.
 */
#include <inttypes.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"

/* The kernel's flag for the 64-bit layouts of the *ctl structures, or'ed into cmd. */
#define IPC_64_FLAG 0x100
/* shmget encodes the huge page size as log2 in bits 26..31 of shmflg. */
#define SHM_HUGE_SHIFT_ 26
#define SHM_HUGE_MASK_ 0x3fu

STATIC_XLAT(ipc_private, { 0, "IPC_PRIVATE" });
STATIC_XLAT(ipc_64, { IPC_64_FLAG, "IPC_64" });
STATIC_XLAT(shm_huge_shift, { SHM_HUGE_SHIFT_, "SHM_HUGE_SHIFT" });
STATIC_XLAT(resource_flags,
	{ 01000, "IPC_CREAT" }, { 02000, "IPC_EXCL" }, { 04000, "IPC_NOWAIT" });
STATIC_XLAT(shm_resource_flags,
	{ 01000, "IPC_CREAT" }, { 02000, "IPC_EXCL" }, { 04000, "SHM_HUGETLB" },
	{ 010000, "SHM_NORESERVE" });
STATIC_XLAT(shm_flags,
	{ 010000, "SHM_RDONLY" }, { 020000, "SHM_RND" }, { 040000, "SHM_REMAP" },
	{ 0100000, "SHM_EXEC" });
STATIC_XLAT(ipc_msg_flags,
	{ 010000, "MSG_NOERROR" }, { 020000, "MSG_EXCEPT" }, { 040000, "MSG_COPY" },
	{ 04000, "IPC_NOWAIT" });
STATIC_XLAT(semop_flags, { 0x1000, "SEM_UNDO" }, { 04000, "IPC_NOWAIT" });
STATIC_XLAT(msgctl_cmds,
	{ 0, "IPC_RMID" }, { 1, "IPC_SET" }, { 2, "IPC_STAT" }, { 3, "IPC_INFO" },
	{ 11, "MSG_STAT" }, { 12, "MSG_INFO" }, { 13, "MSG_STAT_ANY" });
STATIC_XLAT(semctl_cmds,
	{ 0, "IPC_RMID" }, { 1, "IPC_SET" }, { 2, "IPC_STAT" }, { 3, "IPC_INFO" },
	{ 11, "GETPID" }, { 12, "GETVAL" }, { 13, "GETALL" }, { 14, "GETNCNT" },
	{ 15, "GETZCNT" }, { 16, "SETVAL" }, { 17, "SETALL" }, { 18, "SEM_STAT" },
	{ 19, "SEM_INFO" }, { 20, "SEM_STAT_ANY" });
STATIC_XLAT(shmctl_cmds,
	{ 0, "IPC_RMID" }, { 1, "IPC_SET" }, { 2, "IPC_STAT" }, { 3, "IPC_INFO" },
	{ 11, "SHM_LOCK" }, { 12, "SHM_UNLOCK" }, { 13, "SHM_STAT" }, { 14, "SHM_INFO" },
	{ 15, "SHM_STAT_ANY" });

/* The *_STAT_ANY commands (Linux 4.17) may be missing from older headers. */
enum { MSG_STAT_ANY_ = 13, SEM_STAT_ANY_ = 20, SHM_STAT_ANY_ = 15 };

/* A key: IPC_PRIVATE or hex. */
static void print_ipc_key(struct sc *sc, uint64_t key)
{
	pr_xval(sc->p, &ipc_private, (uint32_t)key, NULL);
}

/* FLAGS (without the permission bits) joined to the mode: IPC_CREAT|0600, or 0600 alone. */
static void print_flags_and_mode(struct sc *sc, const struct xlat *x, uint32_t flags,
				 uint32_t mode)
{
	if (flags) {
		pr_flags(sc->p, x, flags, NULL);
		pr_join(sc->p, "|");
	}
	pr_textf(sc->p, "%#03o", mode);
}

/* The command of a *ctl call: IPC_64|IPC_STAT when the 64-bit flag is set. */
static void print_ctl_cmd(struct sc *sc, const struct xlat *x, uint32_t cmd, const char *dflt)
{
	if (cmd & IPC_64_FLAG) {
		pr_xval(sc->p, &ipc_64, IPC_64_FLAG, NULL);
		pr_join(sc->p, "|");
	}
	pr_xval(sc->p, x, cmd & ~IPC_64_FLAG, dflt);
}

/* A uid or gid field: -1 for "unchanged", else unsigned. */
static void print_id_field(struct pr *p, const char *name, uint32_t id)
{
	pr_field(p, name);
	if (id == UINT32_MAX)
		pr_int(p, -1);
	else
		pr_uint(p, id);
}

/* struct ipc_perm: IPC_SET only takes the owner and the mode. */
static void print_ipc_perm(struct pr *p, const struct ipc_perm *perm, bool set)
{
	pr_struct_begin(p);
	print_id_field(p, "uid", perm->uid);
	print_id_field(p, "gid", perm->gid);
	pr_field(p, "mode");
	pr_textf(p, "%#03o", (unsigned int)perm->mode);
	if (!set) {
		pr_field(p, "key");
		pr_uint(p, (uint32_t)perm->__key);
		print_id_field(p, "cuid", perm->cuid);
		print_id_field(p, "cgid", perm->cgid);
	}
	pr_struct_end(p);
}

static void field_u(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_uint(p, v);
}

static void field_d(struct pr *p, const char *name, int64_t v)
{
	pr_field(p, name);
	pr_int(p, v);
}

/* ---- semaphores ---- */

int decode_semget(struct sc *sc)
{
	print_ipc_key(sc, sc->arg[0]);
	pr_int(sc->p, (int)sc->arg[1]);
	uint32_t flg = (uint32_t)sc->arg[2];
	print_flags_and_mode(sc, &resource_flags, flg & ~0777u, flg & 0777);
	return RV_DECODED | RV_DEC;
}

static bool print_sembuf(struct sc *sc, const void *elem, void *data)
{
	struct sembuf sb;
	memcpy(&sb, elem, sizeof(sb));
	pr_struct_begin(sc->p);
	field_u(sc->p, "sem_num", sb.sem_num);
	field_d(sc->p, "sem_op", sb.sem_op);
	pr_field(sc->p, "sem_flg");
	pr_flags(sc->p, &semop_flags, (uint16_t)sb.sem_flg, "SEM_???");
	pr_struct_end(sc->p);
	return true;
}

/* semid, the sembuf array and its length (an unsigned int). */
static void print_semop_args(struct sc *sc)
{
	uint32_t nsops = (uint32_t)sc->arg[2];
	pr_int(sc->p, (int)sc->arg[0]);
	print_array(sc, sc->arg[1], nsops, sizeof(struct sembuf), 0, print_sembuf, NULL);
	pr_uint(sc->p, nsops);
}

int decode_semop(struct sc *sc)
{
	print_semop_args(sc);
	return RV_DECODED | RV_DEC;
}

int decode_semtimedop(struct sc *sc)
{
	print_semop_args(sc);
	print_timespec_at(sc, sc->arg[3]);
	return RV_DECODED | RV_DEC;
}

static void print_semid_ds_at(struct sc *sc, uint64_t addr, bool set)
{
	struct semid_ds ds;
	if (!fetch_or_print_addr(sc, addr, &ds, sizeof(ds)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	pr_field(p, "sem_perm");
	print_ipc_perm(p, &ds.sem_perm, set);
	if (!set) {
		field_u(p, "sem_otime", (uint64_t)ds.sem_otime);
		field_u(p, "sem_ctime", (uint64_t)ds.sem_ctime);
		field_u(p, "sem_nsems", ds.sem_nsems);
	}
	pr_struct_end(p);
}

static void print_seminfo_at(struct sc *sc, uint64_t addr)
{
	struct seminfo si;
	if (!fetch_or_print_addr(sc, addr, &si, sizeof(si)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	field_d(p, "semmap", si.semmap);
	field_d(p, "semmni", si.semmni);
	field_d(p, "semmns", si.semmns);
	field_d(p, "semmnu", si.semmnu);
	field_d(p, "semmsl", si.semmsl);
	field_d(p, "semopm", si.semopm);
	field_d(p, "semume", si.semume);
	field_d(p, "semusz", si.semusz);
	field_d(p, "semvmx", si.semvmx);
	field_d(p, "semaem", si.semaem);
	pr_struct_end(p);
}

int decode_semctl(struct sc *sc)
{
	uint32_t cmd = (uint32_t)sc->arg[2] & ~IPC_64_FLAG;
	uint64_t addr = sc->arg[3];
	if (sc->exiting) {
		if (cmd == IPC_INFO || cmd == SEM_INFO)
			print_seminfo_at(sc, addr);
		else
			print_semid_ds_at(sc, addr, false);
		return RV_DEC;
	}
	pr_int(sc->p, (int)sc->arg[0]);
	pr_int(sc->p, (int)sc->arg[1]);
	print_ctl_cmd(sc, &semctl_cmds, (uint32_t)sc->arg[2], "SEM_???");
	switch (cmd) {
	case IPC_SET:
		print_semid_ds_at(sc, addr, true);
		break;
	case IPC_STAT: case SEM_STAT: case SEM_STAT_ANY_: case IPC_INFO: case SEM_INFO:
		return DEC_AT_EXIT;
	default:
		print_addr(sc, addr);
		break;
	}
	return RV_DECODED | RV_DEC;
}

/* ---- shared memory ---- */

int decode_shmget(struct sc *sc)
{
	struct pr *p = sc->p;
	uint32_t flg = (uint32_t)sc->arg[2];
	uint32_t flags = flg & ~0777u;
	uint32_t huge = flags & (SHM_HUGE_MASK_ << SHM_HUGE_SHIFT_);
	flags &= ~huge;

	print_ipc_key(sc, sc->arg[0]);
	pr_uint(p, sc->arg[1]);
	if (flags) {
		pr_flags(p, &shm_resource_flags, flags, NULL);
		pr_join(p, "|");
	}
	if (huge) {
		pr_textf(p, "%u", huge >> SHM_HUGE_SHIFT_);
		pr_join(p, "<<");
		pr_xval_dec(p, &shm_huge_shift, SHM_HUGE_SHIFT_, NULL);
		pr_join(p, "|");
	}
	pr_textf(p, "%#03o", flg & 0777);
	return RV_DECODED | RV_DEC;
}

int decode_shmat(struct sc *sc)
{
	if (sc->exiting)
		return RV_HEX;
	pr_int(sc->p, (int)sc->arg[0]);
	print_addr(sc, sc->arg[1]);
	pr_flags(sc->p, &shm_flags, (uint32_t)sc->arg[2], "SHM_???");
	return DEC_AT_EXIT;
}

int decode_shmdt(struct sc *sc)
{
	print_addr(sc, sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

static void print_shmid_ds_at(struct sc *sc, uint64_t addr, bool set)
{
	struct shmid_ds ds;
	if (!fetch_or_print_addr(sc, addr, &ds, sizeof(ds)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	pr_field(p, "shm_perm");
	print_ipc_perm(p, &ds.shm_perm, set);
	if (!set) {
		field_u(p, "shm_segsz", ds.shm_segsz);
		pr_field(p, "shm_cpid");
		print_pid(sc, ds.shm_cpid, PID_TGID);
		pr_field(p, "shm_lpid");
		print_pid(sc, ds.shm_lpid, PID_TGID);
		field_u(p, "shm_nattch", ds.shm_nattch);
		field_u(p, "shm_atime", (uint64_t)ds.shm_atime);
		field_u(p, "shm_dtime", (uint64_t)ds.shm_dtime);
		field_u(p, "shm_ctime", (uint64_t)ds.shm_ctime);
	}
	pr_struct_end(p);
}

static void print_shminfo_at(struct sc *sc, uint64_t addr)
{
	struct shminfo si;
	if (!fetch_or_print_addr(sc, addr, &si, sizeof(si)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	field_u(p, "shmmax", si.shmmax);
	field_u(p, "shmmin", si.shmmin);
	field_u(p, "shmmni", si.shmmni);
	field_u(p, "shmseg", si.shmseg);
	field_u(p, "shmall", si.shmall);
	pr_struct_end(p);
}

static void print_shm_info_at(struct sc *sc, uint64_t addr)
{
	struct shm_info si;
	if (!fetch_or_print_addr(sc, addr, &si, sizeof(si)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	field_d(p, "used_ids", si.used_ids);
	field_u(p, "shm_tot", si.shm_tot);
	field_u(p, "shm_rss", si.shm_rss);
	field_u(p, "shm_swp", si.shm_swp);
	field_u(p, "swap_attempts", si.swap_attempts);
	field_u(p, "swap_successes", si.swap_successes);
	pr_struct_end(p);
}

int decode_shmctl(struct sc *sc)
{
	uint32_t cmd = (uint32_t)sc->arg[1] & ~IPC_64_FLAG;
	uint64_t addr = sc->arg[2];
	if (sc->exiting) {
		if (cmd == IPC_INFO)
			print_shminfo_at(sc, addr);
		else if (cmd == SHM_INFO)
			print_shm_info_at(sc, addr);
		else
			print_shmid_ds_at(sc, addr, false);
		return RV_DEC;
	}
	pr_int(sc->p, (int)sc->arg[0]);
	print_ctl_cmd(sc, &shmctl_cmds, (uint32_t)sc->arg[1], "SHM_???");
	switch (cmd) {
	case IPC_SET:
		print_shmid_ds_at(sc, addr, true);
		break;
	case IPC_STAT: case SHM_STAT: case SHM_STAT_ANY_: case IPC_INFO: case SHM_INFO:
		return DEC_AT_EXIT;
	default:
		print_addr(sc, addr);
		break;
	}
	return RV_DECODED | RV_DEC;
}

/* ---- message queues ---- */

int decode_msgget(struct sc *sc)
{
	print_ipc_key(sc, sc->arg[0]);
	uint32_t flg = (uint32_t)sc->arg[1];
	print_flags_and_mode(sc, &resource_flags, flg & ~0777u, flg & 0777);
	return RV_DECODED | RV_DEC;
}

/* struct msgbuf: {mtype=1, mtext="..."} with COUNT bytes of text. */
static void print_msgbuf_at(struct sc *sc, uint64_t addr, uint64_t count)
{
	/* The kernel's struct msgbuf is a long and the text; at least one byte is read. */
	struct { int64_t mtype; char mtext[8]; } head;
	if (!fetch_or_print_addr(sc, addr, &head, sizeof(head)))
		return;
	pr_struct_begin(sc->p);
	field_d(sc->p, "mtype", head.mtype);
	pr_field(sc->p, "mtext");
	print_buf(sc, addr + sizeof(head.mtype), count);
	pr_struct_end(sc->p);
}

int decode_msgsnd(struct sc *sc)
{
	pr_int(sc->p, (int)sc->arg[0]);
	print_msgbuf_at(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	pr_flags(sc->p, &ipc_msg_flags, (uint32_t)sc->arg[3], "MSG_???");
	return RV_DECODED | RV_DEC;
}

int decode_msgrcv(struct sc *sc)
{
	if (!sc->exiting) {
		pr_int(sc->p, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_msgbuf_at(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	pr_int(sc->p, (int64_t)sc->arg[3]);
	pr_flags(sc->p, &ipc_msg_flags, (uint32_t)sc->arg[4], "MSG_???");
	return RV_DEC;
}

static void print_msqid_ds_at(struct sc *sc, uint64_t addr, bool set)
{
	struct msqid_ds ds;
	if (!fetch_or_print_addr(sc, addr, &ds, sizeof(ds)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	pr_field(p, "msg_perm");
	print_ipc_perm(p, &ds.msg_perm, set);
	if (!set) {
		field_u(p, "msg_stime", (uint64_t)ds.msg_stime);
		field_u(p, "msg_rtime", (uint64_t)ds.msg_rtime);
		field_u(p, "msg_ctime", (uint64_t)ds.msg_ctime);
		field_u(p, "msg_qnum", ds.msg_qnum);
	}
	field_u(p, "msg_qbytes", ds.msg_qbytes);
	if (!set) {
		field_d(p, "msg_lspid", ds.msg_lspid);
		field_d(p, "msg_lrpid", ds.msg_lrpid);
	}
	pr_struct_end(p);
}

static void print_msginfo_at(struct sc *sc, uint64_t addr)
{
	struct msginfo mi;
	if (!fetch_or_print_addr(sc, addr, &mi, sizeof(mi)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	field_d(p, "msgpool", mi.msgpool);
	field_d(p, "msgmap", mi.msgmap);
	field_d(p, "msgmax", mi.msgmax);
	field_d(p, "msgmnb", mi.msgmnb);
	field_d(p, "msgmni", mi.msgmni);
	field_d(p, "msgssz", mi.msgssz);
	field_d(p, "msgtql", mi.msgtql);
	field_u(p, "msgseg", mi.msgseg);
	pr_struct_end(p);
}

int decode_msgctl(struct sc *sc)
{
	uint32_t cmd = (uint32_t)sc->arg[1] & ~IPC_64_FLAG;
	uint64_t addr = sc->arg[2];
	if (sc->exiting) {
		if (cmd == IPC_INFO || cmd == MSG_INFO)
			print_msginfo_at(sc, addr);
		else
			print_msqid_ds_at(sc, addr, false);
		return RV_DEC;
	}
	pr_int(sc->p, (int)sc->arg[0]);
	print_ctl_cmd(sc, &msgctl_cmds, (uint32_t)sc->arg[1], "MSG_???");
	switch (cmd) {
	case IPC_SET:
		print_msqid_ds_at(sc, addr, true);
		break;
	case IPC_STAT: case MSG_STAT: case MSG_STAT_ANY_: case IPC_INFO: case MSG_INFO:
		return DEC_AT_EXIT;
	default:
		print_addr(sc, addr);
		break;
	}
	return RV_DECODED | RV_DEC;
}
