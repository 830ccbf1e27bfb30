/* SPDX-License-Identifier: Apache-2.0 */
/* ioctl: the MTD (flash) requests of mtd/mtd-abi.h (type 'M'), as data. */
#include <sys/ioctl.h>
#include <mtd/mtd-abi.h>

#include "trace/decode/ioctl_table.h"

STATIC_XLAT(mtd_mode_options,
	XLAT_PAIR(MTD_OPS_PLACE_OOB), XLAT_PAIR(MTD_OPS_AUTO_OOB), XLAT_PAIR(MTD_OPS_RAW));
STATIC_XLAT(mtd_file_mode_options,
	XLAT_PAIR(MTD_FILE_MODE_NORMAL), XLAT_PAIR(MTD_FILE_MODE_OTP_FACTORY),
	XLAT_PAIR(MTD_FILE_MODE_OTP_USER), XLAT_PAIR(MTD_FILE_MODE_RAW));
STATIC_XLAT(mtd_type_options,
	XLAT_PAIR(MTD_ABSENT), XLAT_PAIR(MTD_RAM), XLAT_PAIR(MTD_ROM), XLAT_PAIR(MTD_NORFLASH),
	XLAT_PAIR(MTD_NANDFLASH), XLAT_PAIR(MTD_DATAFLASH), XLAT_PAIR(MTD_UBIVOLUME),
	XLAT_PAIR(MTD_MLCNANDFLASH));
STATIC_XLAT(mtd_flags_options,
	XLAT_PAIR(MTD_WRITEABLE), XLAT_PAIR(MTD_BIT_WRITEABLE), XLAT_PAIR(MTD_NO_ERASE),
	XLAT_PAIR(MTD_POWERUP_LOCK), XLAT_PAIR(MTD_SLC_ON_MLC_EMULATION));
STATIC_XLAT(mtd_otp_options,
	XLAT_PAIR(MTD_OTP_OFF), XLAT_PAIR(MTD_OTP_FACTORY), XLAT_PAIR(MTD_OTP_USER));
STATIC_XLAT(mtd_nandecc_options,
	XLAT_PAIR(MTD_NANDECC_OFF), XLAT_PAIR(MTD_NANDECC_PLACE),
	XLAT_PAIR(MTD_NANDECC_AUTOPLACE), XLAT_PAIR(MTD_NANDECC_PLACEONLY),
	XLAT_PAIR(MTD_NANDECC_AUTOPL_USR));

IOC_STRUCT_OF(erase_info_desc, struct erase_info_user,
	IOC_F(struct erase_info_user, start, IOC_X),
	IOC_F(struct erase_info_user, length, IOC_X));
IOC_STRUCT_OF(erase_info64_desc, struct erase_info_user64,
	IOC_F(struct erase_info_user64, start, IOC_X),
	IOC_F(struct erase_info_user64, length, IOC_X));
IOC_STRUCT_OF(oob_buf_desc, struct mtd_oob_buf,
	IOC_F(struct mtd_oob_buf, start, IOC_X),
	IOC_F(struct mtd_oob_buf, length, IOC_X),
	IOC_F(struct mtd_oob_buf, ptr, IOC_PTR));
IOC_STRUCT_OF(oob_buf64_desc, struct mtd_oob_buf64,
	IOC_F(struct mtd_oob_buf64, start, IOC_X),
	IOC_F(struct mtd_oob_buf64, length, IOC_X),
	IOC_F(struct mtd_oob_buf64, usr_ptr, IOC_PTR));
IOC_STRUCT_OF(otp_info_desc, struct otp_info,
	IOC_F(struct otp_info, start, IOC_X),
	IOC_F(struct otp_info, length, IOC_X),
	IOC_F(struct otp_info, locked, IOC_U));
IOC_STRUCT_OF(write_req_desc, struct mtd_write_req,
	IOC_F(struct mtd_write_req, start, IOC_X),
	IOC_F(struct mtd_write_req, len, IOC_X),
	IOC_F(struct mtd_write_req, ooblen, IOC_X),
	IOC_F(struct mtd_write_req, usr_data, IOC_PTR),
	IOC_F(struct mtd_write_req, usr_oob, IOC_PTR),
	IOC_FX(struct mtd_write_req, mode, IOC_XVAL, mtd_mode_options, "MTD_OPS_???"));
IOC_STRUCT_OF(info_user_desc, struct mtd_info_user,
	IOC_FX(struct mtd_info_user, type, IOC_XVAL, mtd_type_options, "MTD_???"),
	IOC_FX(struct mtd_info_user, flags, IOC_FLAGS, mtd_flags_options, "MTD_???"),
	IOC_F(struct mtd_info_user, size, IOC_X),
	IOC_F(struct mtd_info_user, erasesize, IOC_X),
	IOC_F(struct mtd_info_user, writesize, IOC_X),
	IOC_F(struct mtd_info_user, oobsize, IOC_X),
	IOC_F(struct mtd_info_user, padding, IOC_X));
IOC_STRUCT_OF(oobfree_desc, struct nand_oobfree,
	IOC_F(struct nand_oobfree, offset, IOC_X),
	IOC_F(struct nand_oobfree, length, IOC_X));
IOC_STRUCT_OF(ecclayout_desc, struct nand_ecclayout_user,
	IOC_F(struct nand_ecclayout_user, eccbytes, IOC_X),
	IOC_FA(struct nand_ecclayout_user, eccpos, IOC_X),
	IOC_F(struct nand_ecclayout_user, oobavail, IOC_X),
	{ "oobfree", offsetof(struct nand_ecclayout_user, oobfree), MTD_MAX_OOBFREE_ENTRIES, 0,
	  sizeof(struct nand_oobfree), IOC_STRUCT, NULL, NULL, &oobfree_desc });
IOC_STRUCT_OF(ecc_stats_desc, struct mtd_ecc_stats,
	IOC_F(struct mtd_ecc_stats, corrected, IOC_X),
	IOC_F(struct mtd_ecc_stats, failed, IOC_X),
	IOC_F(struct mtd_ecc_stats, badblocks, IOC_X),
	IOC_F(struct mtd_ecc_stats, bbtblocks, IOC_X));

/* struct nand_oobinfo: oobfree is 8 pairs [[0x1, 0x2], ...]. */
static int oobsel_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct nand_oobinfo ni;
	struct pr *p = sc->p;

	if (!sc->exiting)
		return IOC_LATER;
	if (!fetch_or_print_addr(sc, arg, &ni, sizeof(ni)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	pr_field(p, "useecc");
	pr_xval(p, &mtd_nandecc_options, ni.useecc, "MTD_NANDECC_???");
	pr_field(p, "eccbytes");
	pr_hex(p, ni.eccbytes);
	pr_field(p, "oobfree");
	pr_array_begin(p);
	for (size_t i = 0; i < sizeof(ni.oobfree) / sizeof(ni.oobfree[0]); i++) {
		pr_array_begin(p);
		pr_hex(p, ni.oobfree[i][0]);
		pr_hex(p, ni.oobfree[i][1]);
		pr_array_end(p);
	}
	pr_array_end(p);
	pr_field(p, "eccpos");
	pr_array_begin(p);
	for (size_t i = 0; i < sizeof(ni.eccpos) / sizeof(ni.eccpos[0]); i++)
		pr_hex(p, ni.eccpos[i]);
	pr_array_end(p);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* MEMGETREGIONINFO: regionindex at entry, the struct left open for the region at exit. */
static int region_info_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct region_info_user ri;
	struct pr *p = sc->p;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &ri, sizeof(ri)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "regionindex");
		pr_hex(p, ri.regionindex);
		return IOC_LATER;
	}
	if (!sc_failed(sc) && umove(sc, arg, &ri, sizeof(ri)) == 0) {
		pr_field(p, "offset");
		pr_hex(p, ri.offset);
		pr_field(p, "erasesize");
		pr_hex(p, ri.erasesize);
		pr_field(p, "numblocks");
		pr_hex(p, ri.numblocks);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

IOC_FAMILY(mtd_family,
	IOC_C_STRUCT(MEMERASE, IOA_IN, erase_info_desc),
	IOC_C_STRUCT(MEMLOCK, IOA_IN, erase_info_desc),
	IOC_C_STRUCT(MEMUNLOCK, IOA_IN, erase_info_desc),
	IOC_C_STRUCT(MEMISLOCKED, IOA_IN, erase_info_desc),
	IOC_C_STRUCT(MEMERASE64, IOA_IN, erase_info64_desc),
	IOC_C_STRUCT(MEMWRITEOOB, IOA_IN, oob_buf_desc),
	IOC_C_STRUCT(MEMREADOOB, IOA_IN, oob_buf_desc),
	IOC_C_STRUCT(MEMWRITEOOB64, IOA_IN, oob_buf64_desc),
	IOC_C_STRUCT(MEMREADOOB64, IOA_IN, oob_buf64_desc),
	IOC_C_STRUCT(MEMWRITE, IOA_IN, write_req_desc),
	IOC_C_STRUCT(OTPGETREGIONINFO, IOA_OUT, otp_info_desc),
	IOC_C_STRUCT(OTPLOCK, IOA_IN, otp_info_desc),
	IOC_C_XAT(OTPSELECT, IOA_IN, IOC_XVAL, sizeof(int), mtd_otp_options, "MTD_OTP_???"),
	IOC_C_XVAL(MTDFILEMODE, IOC_XVAL, sizeof(long), mtd_file_mode_options,
		   "MTD_FILE_MODE_???"),
	IOC_C_AT(MEMGETBADBLOCK, IOA_IN, IOC_U, sizeof(int64_t)),
	IOC_C_AT(MEMSETBADBLOCK, IOA_IN, IOC_U, sizeof(int64_t)),
	IOC_C_STRUCT(MEMGETINFO, IOA_OUT, info_user_desc),
	IOC_C_FN(MEMGETOOBSEL, oobsel_ioctl),
	IOC_C_STRUCT(ECCGETLAYOUT, IOA_OUT, ecclayout_desc),
	IOC_C_STRUCT(ECCGETSTATS, IOA_OUT, ecc_stats_desc),
	IOC_C_AT(OTPGETREGIONCOUNT, IOA_OUT, IOC_U, sizeof(int)),
	IOC_C_AT(MEMGETREGIONCOUNT, IOA_OUT, IOC_D, sizeof(int)),
	IOC_C_FN(MEMGETREGIONINFO, region_info_ioctl));

int mtd_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &mtd_family, code, arg);
}
