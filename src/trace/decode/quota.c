/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Disk quotas: quotactl and quotactl_fd. A command word holds the command in its high
 * bits and the quota type in its low byte (QCMD); each command has its own data.
 */
#include <linux/dqblk_xfs.h>
#include <linux/quota.h>
#include <stdio.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/misc_impl.h"
#include "trace/decode/xlat_file.h"

#define OLD_CMD_(x) ((uint32_t)(x) << 8)

STATIC_XLAT(quotacmds,
	{ OLD_CMD_(0x1), "Q_V1_QUOTAON" }, { OLD_CMD_(0x2), "Q_V1_QUOTAOFF" },
	{ OLD_CMD_(0x3), "Q_V1_GETQUOTA" }, { OLD_CMD_(0x4), "Q_V1_SETQUOTA" },
	{ OLD_CMD_(0x5), "Q_V1_SETUSE" }, { OLD_CMD_(0x6), "Q_V1_SYNC" },
	{ OLD_CMD_(0x7), "Q_SETQLIM" }, { OLD_CMD_(0x8), "Q_V1_GETSTATS" },
	{ OLD_CMD_(0x10), "Q_V1_RSQUASH" },
	{ OLD_CMD_(0xD), "Q_V2_GETQUOTA" }, { OLD_CMD_(0xE), "Q_V2_SETQUOTA" },
	{ OLD_CMD_(0xF), "Q_V2_SETUSE" }, { OLD_CMD_(0x9), "Q_V2_GETINFO" },
	{ OLD_CMD_(0xA), "Q_V2_SETINFO" }, { OLD_CMD_(0xB), "Q_V2_SETGRACE" },
	{ OLD_CMD_(0xC), "Q_V2_SETFLAGS" }, { OLD_CMD_(0x11), "Q_V2_GETSTATS" },
	XLAT_PAIR(Q_SYNC), XLAT_PAIR(Q_QUOTAON), XLAT_PAIR(Q_QUOTAOFF), XLAT_PAIR(Q_GETFMT),
	XLAT_PAIR(Q_GETINFO), XLAT_PAIR(Q_SETINFO), XLAT_PAIR(Q_GETQUOTA),
	XLAT_PAIR(Q_SETQUOTA), XLAT_PAIR(Q_GETNEXTQUOTA),
	XLAT_PAIR(Q_XQUOTAON), XLAT_PAIR(Q_XQUOTAOFF), XLAT_PAIR(Q_XGETQUOTA),
	XLAT_PAIR(Q_XSETQLIM), XLAT_PAIR(Q_XGETQSTAT), XLAT_PAIR(Q_XQUOTARM),
	XLAT_PAIR(Q_XQUOTASYNC), XLAT_PAIR(Q_XGETQSTATV), XLAT_PAIR(Q_XGETNEXTQUOTA));
STATIC_XLAT(quotatypes, { 0, "USRQUOTA" }, { 1, "GRPQUOTA" }, { 2, "PRJQUOTA" });
STATIC_XLAT(quota_formats,
	{ 1, "QFMT_VFS_OLD" }, { 2, "QFMT_VFS_V0" }, { 3, "QFMT_OCFS2" }, { 4, "QFMT_VFS_V1" });
STATIC_XLAT(xfs_quota_flags,
	XLAT_PAIR(FS_QUOTA_UDQ_ACCT), XLAT_PAIR(FS_QUOTA_UDQ_ENFD), XLAT_PAIR(FS_QUOTA_GDQ_ACCT),
	XLAT_PAIR(FS_QUOTA_GDQ_ENFD), XLAT_PAIR(FS_QUOTA_PDQ_ACCT), XLAT_PAIR(FS_QUOTA_PDQ_ENFD));
STATIC_XLAT(xfs_dqblk_flags,
	XLAT_PAIR(FS_USER_QUOTA), XLAT_PAIR(FS_PROJ_QUOTA), XLAT_PAIR(FS_GROUP_QUOTA));
STATIC_XLAT(if_dqblk_valid,
	XLAT_PAIR(QIF_BLIMITS), XLAT_PAIR(QIF_SPACE), XLAT_PAIR(QIF_ILIMITS),
	XLAT_PAIR(QIF_INODES), XLAT_PAIR(QIF_BTIME), XLAT_PAIR(QIF_ITIME));
STATIC_XLAT(if_dqinfo_flags, { 1u << 0, "DQF_ROOT_SQUASH" }, { 1u << 16, "DQF_SYS_FILE" });
STATIC_XLAT(if_dqinfo_valid, XLAT_PAIR(IIF_BGRACE), XLAT_PAIR(IIF_IGRACE), XLAT_PAIR(IIF_FLAGS));

/*
 * struct if_dqblk without its trailing padding, as strace reads it (68 bytes), and
 * struct if_nextdqblk, which has none.
 */
struct __attribute__((packed)) k_dqblk {
	uint64_t dqb_bhardlimit, dqb_bsoftlimit, dqb_curspace;
	uint64_t dqb_ihardlimit, dqb_isoftlimit, dqb_curinodes;
	uint64_t dqb_btime, dqb_itime;
	uint32_t dqb_valid;
	uint32_t dqb_id;	/* if_nextdqblk only */
};
#define DQBLK_SIZE 68
#define NEXTDQBLK_SIZE 72

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

/* QCMD(Q_GETQUOTA, USRQUOTA); the number in -X raw, both in -X verbose. */
static void print_qcmd(struct sc *sc, uint32_t qcmd)
{
	char cmd[96], type[64], text[192], num[16];
	pr_sprint_xval(cmd, sizeof(cmd), PR_XLAT_ABBREV, &quotacmds, qcmd >> 8, "Q_???");
	pr_sprint_xval(type, sizeof(type), PR_XLAT_ABBREV, &quotatypes, qcmd & 0xff, "???QUOTA");
	snprintf(text, sizeof(text), "QCMD(%s, %s)", cmd, type);
	snprintf(num, sizeof(num), "%u", qcmd);
	misc_print_alt(sc, num, text);
}

static void print_dqblk(struct sc *sc, uint64_t addr, bool next)
{
	struct k_dqblk dq;
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, &dq, next ? NEXTDQBLK_SIZE : DQBLK_SIZE))
		return;
	pr_struct_begin(p);
	field_u(p, "dqb_bhardlimit", dq.dqb_bhardlimit);
	field_u(p, "dqb_bsoftlimit", dq.dqb_bsoftlimit);
	field_u(p, "dqb_curspace", dq.dqb_curspace);
	field_u(p, "dqb_ihardlimit", dq.dqb_ihardlimit);
	field_u(p, "dqb_isoftlimit", dq.dqb_isoftlimit);
	field_u(p, "dqb_curinodes", dq.dqb_curinodes);
	if (sc->verbose) {
		field_u(p, "dqb_btime", dq.dqb_btime);
		field_u(p, "dqb_itime", dq.dqb_itime);
		pr_field(p, "dqb_valid");
		pr_flags(p, &if_dqblk_valid, dq.dqb_valid, "QIF_???");
		if (next)
			field_u(p, "dqb_id", dq.dqb_id);
	} else {
		if (next)
			field_u(p, "dqb_id", dq.dqb_id);
		pr_more(p);
	}
	pr_struct_end(p);
}

static void print_disk_quota(struct sc *sc, uint64_t addr)
{
	struct fs_disk_quota dq;
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, &dq, sizeof(dq)))
		return;
	pr_struct_begin(p);
	field_d(p, "d_version", dq.d_version);
	pr_field(p, "d_flags");
	pr_flags(p, &xfs_dqblk_flags, (uint8_t)dq.d_flags, "FS_???_QUOTA");
	pr_field(p, "d_fieldmask");
	pr_hex(p, dq.d_fieldmask);
	field_u(p, "d_id", dq.d_id);
	field_u(p, "d_blk_hardlimit", dq.d_blk_hardlimit);
	field_u(p, "d_blk_softlimit", dq.d_blk_softlimit);
	field_u(p, "d_ino_hardlimit", dq.d_ino_hardlimit);
	field_u(p, "d_ino_softlimit", dq.d_ino_softlimit);
	field_u(p, "d_bcount", dq.d_bcount);
	field_u(p, "d_icount", dq.d_icount);
	if (sc->verbose) {
		field_d(p, "d_itimer", dq.d_itimer);
		field_d(p, "d_btimer", dq.d_btimer);
		field_u(p, "d_iwarns", dq.d_iwarns);
		field_u(p, "d_bwarns", dq.d_bwarns);
		field_u(p, "d_rtb_hardlimit", dq.d_rtb_hardlimit);
		field_u(p, "d_rtb_softlimit", dq.d_rtb_softlimit);
		field_u(p, "d_rtbcount", dq.d_rtbcount);
		field_d(p, "d_rtbtimer", dq.d_rtbtimer);
		field_u(p, "d_rtbwarns", dq.d_rtbwarns);
	} else {
		pr_more(p);
	}
	pr_struct_end(p);
}

static void print_qfilestat(struct pr *p, const char *name, uint64_t ino, uint64_t nblks,
			    uint32_t nextents)
{
	pr_field(p, name);
	pr_struct_begin(p);
	field_u(p, "qfs_ino", ino);
	field_u(p, "qfs_nblks", nblks);
	field_u(p, "qfs_nextents", nextents);
	pr_struct_end(p);
}

static void print_quota_stat(struct sc *sc, uint64_t addr)
{
	struct fs_quota_stat dq;
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, &dq, sizeof(dq)))
		return;
	pr_struct_begin(p);
	field_d(p, "qs_version", dq.qs_version);
	if (sc->verbose) {
		pr_field(p, "qs_flags");
		pr_flags(p, &xfs_quota_flags, dq.qs_flags, "FS_QUOTA_???");
		print_qfilestat(p, "qs_uquota", dq.qs_uquota.qfs_ino, dq.qs_uquota.qfs_nblks,
				dq.qs_uquota.qfs_nextents);
		print_qfilestat(p, "qs_gquota", dq.qs_gquota.qfs_ino, dq.qs_gquota.qfs_nblks,
				dq.qs_gquota.qfs_nextents);
		field_u(p, "qs_incoredqs", dq.qs_incoredqs);
		field_d(p, "qs_btimelimit", dq.qs_btimelimit);
		field_d(p, "qs_itimelimit", dq.qs_itimelimit);
		field_d(p, "qs_rtbtimelimit", dq.qs_rtbtimelimit);
		field_u(p, "qs_bwarnlimit", dq.qs_bwarnlimit);
		field_u(p, "qs_iwarnlimit", dq.qs_iwarnlimit);
	} else {
		pr_more(p);
	}
	pr_struct_end(p);
}

static void print_quota_statv(struct sc *sc, uint64_t addr)
{
	struct fs_quota_statv dq;
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, &dq, sizeof(dq)))
		return;
	pr_struct_begin(p);
	field_d(p, "qs_version", dq.qs_version);
	if (sc->verbose) {
		pr_field(p, "qs_flags");
		pr_flags(p, &xfs_quota_flags, dq.qs_flags, "FS_QUOTA_???");
		field_u(p, "qs_incoredqs", dq.qs_incoredqs);
		print_qfilestat(p, "qs_uquota", dq.qs_uquota.qfs_ino, dq.qs_uquota.qfs_nblks,
				dq.qs_uquota.qfs_nextents);
		print_qfilestat(p, "qs_gquota", dq.qs_gquota.qfs_ino, dq.qs_gquota.qfs_nblks,
				dq.qs_gquota.qfs_nextents);
		print_qfilestat(p, "qs_pquota", dq.qs_pquota.qfs_ino, dq.qs_pquota.qfs_nblks,
				dq.qs_pquota.qfs_nextents);
		field_d(p, "qs_btimelimit", dq.qs_btimelimit);
		field_d(p, "qs_itimelimit", dq.qs_itimelimit);
		field_d(p, "qs_rtbtimelimit", dq.qs_rtbtimelimit);
		field_u(p, "qs_bwarnlimit", dq.qs_bwarnlimit);
		field_u(p, "qs_iwarnlimit", dq.qs_iwarnlimit);
	} else {
		pr_more(p);
	}
	pr_struct_end(p);
}

static void print_dqinfo(struct sc *sc, uint64_t addr)
{
	struct if_dqinfo dq;
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, &dq, sizeof(dq)))
		return;
	pr_struct_begin(p);
	field_u(p, "dqi_bgrace", dq.dqi_bgrace);
	field_u(p, "dqi_igrace", dq.dqi_igrace);
	pr_field(p, "dqi_flags");
	pr_flags(p, &if_dqinfo_flags, dq.dqi_flags, "DQF_???");
	pr_field(p, "dqi_valid");
	pr_flags(p, &if_dqinfo_valid, dq.dqi_valid, "IIF_???");
	pr_struct_end(p);
}

/* A 32-bit value at ADDR in brackets, named by X: [QFMT_VFS_V0], [FS_USER_QUOTA]. */
static void print_u32_at(struct sc *sc, uint64_t addr, const struct xlat *x, const char *dflt,
			 bool flags)
{
	uint32_t v;
	if (!fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		return;
	pr_array_begin(sc->p);
	if (flags)
		pr_flags(sc->p, x, v, dflt);
	else
		pr_xval(sc->p, x, v, dflt);
	pr_array_end(sc->p);
}

/*
 * The arguments after the command (and special device): what entry prints of them, then
 * at exit the outputs. Returns the decoder result.
 */
static int decode_quota_data(struct sc *sc, uint32_t cmd, uint32_t id, uint64_t data)
{
	struct pr *p = sc->p;
	switch (cmd) {
	case Q_QUOTAOFF:
	case Q_SYNC:
	case Q_XQUOTASYNC:
		return RV_DECODED | RV_DEC;
	case Q_QUOTAON:
		pr_xval(p, &quota_formats, id, "QFMT_VFS_???");
		print_path(sc, data);
		return RV_DECODED | RV_DEC;
	case Q_GETQUOTA:
	case Q_GETNEXTQUOTA:
	case Q_XGETQUOTA:
	case Q_XGETNEXTQUOTA:
		if (!sc->exiting) {
			pr_id(p, id);
			return DEC_AT_EXIT;
		}
		if (cmd == Q_GETQUOTA || cmd == Q_GETNEXTQUOTA)
			print_dqblk(sc, data, cmd == Q_GETNEXTQUOTA);
		else
			print_disk_quota(sc, data);
		return RV_DEC;
	case Q_SETQUOTA:
		pr_id(p, id);
		print_dqblk(sc, data, false);
		return RV_DECODED | RV_DEC;
	case Q_XSETQLIM:
		pr_id(p, id);
		print_disk_quota(sc, data);
		return RV_DECODED | RV_DEC;
	case Q_GETFMT:
	case Q_GETINFO:
	case Q_XGETQSTAT:
	case Q_XGETQSTATV:
		if (!sc->exiting)
			return DEC_AT_EXIT;
		if (cmd == Q_GETFMT)
			print_u32_at(sc, data, &quota_formats, "QFMT_VFS_???", false);
		else if (cmd == Q_GETINFO)
			print_dqinfo(sc, data);
		else if (cmd == Q_XGETQSTAT)
			print_quota_stat(sc, data);
		else
			print_quota_statv(sc, data);
		return RV_DEC;
	case Q_SETINFO:
		print_dqinfo(sc, data);
		return RV_DECODED | RV_DEC;
	case Q_XQUOTAON:
	case Q_XQUOTAOFF:
		print_u32_at(sc, data, &xfs_quota_flags, "FS_QUOTA_???", true);
		return RV_DECODED | RV_DEC;
	case Q_XQUOTARM:
		print_u32_at(sc, data, &xfs_dqblk_flags, "FS_???_QUOTA", true);
		return RV_DECODED | RV_DEC;
	default:
		pr_id(p, id);
		print_addr(sc, data);
		return RV_DECODED | RV_DEC;
	}
}

int decode_quotactl(struct sc *sc)
{
	uint32_t qcmd = (uint32_t)sc->arg[0];
	if (!sc->exiting) {
		print_qcmd(sc, qcmd);
		print_path(sc, sc->arg[1]);
	}
	return decode_quota_data(sc, qcmd >> 8, (uint32_t)sc->arg[2], sc->arg[3]);
}

int decode_quotactl_fd(struct sc *sc)
{
	uint32_t qcmd = (uint32_t)sc->arg[1];
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		print_qcmd(sc, qcmd);
	}
	return decode_quota_data(sc, qcmd >> 8, (uint32_t)sc->arg[2], sc->arg[3]);
}
