/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl arguments of the file system families: 'X' (FIFREEZE, FITRIM, fsxattr) and
 * 'f' (inode flags, FIEMAP).
 */
#include <string.h>

#include <linux/fs.h>

#include "trace/decode/ioctl_table.h"

enum {
	K_FS_IOC_FSGETXATTR = 0x801c581f, K_FS_IOC_FSSETXATTR = 0x401c5820,
	K_FIFREEZE = 0xc0045877, K_FITHAW = 0xc0045878, K_FITRIM = 0xc0185879,
	K_FS_IOC_GETFLAGS = 0x80086601, K_FS_IOC_SETFLAGS = 0x40086602,
	K_FS_IOC32_GETFLAGS = 0x80046601, K_FS_IOC32_SETFLAGS = 0x40046602,
	K_FS_IOC_FIEMAP = 0xc020660b,
};

STATIC_XLAT(fs_xflags,
	{ 0x1, "FS_XFLAG_REALTIME" }, { 0x2, "FS_XFLAG_PREALLOC" },
	{ 0x8, "FS_XFLAG_IMMUTABLE" }, { 0x10, "FS_XFLAG_APPEND" }, { 0x20, "FS_XFLAG_SYNC" },
	{ 0x40, "FS_XFLAG_NOATIME" }, { 0x80, "FS_XFLAG_NODUMP" },
	{ 0x100, "FS_XFLAG_RTINHERIT" }, { 0x200, "FS_XFLAG_PROJINHERIT" },
	{ 0x400, "FS_XFLAG_NOSYMLINKS" }, { 0x800, "FS_XFLAG_EXTSIZE" },
	{ 0x1000, "FS_XFLAG_EXTSZINHERIT" }, { 0x2000, "FS_XFLAG_NODEFRAG" },
	{ 0x4000, "FS_XFLAG_FILESTREAM" }, { 0x8000, "FS_XFLAG_DAX" },
	{ 0x10000, "FS_XFLAG_COWEXTSIZE" }, { 0x80000000, "FS_XFLAG_HASATTR" });

STATIC_XLAT(fs_ioc_flags,
	{ 0x1, "FS_SECRM_FL" }, { 0x2, "FS_UNRM_FL" }, { 0x4, "FS_COMPR_FL" },
	{ 0x8, "FS_SYNC_FL" }, { 0x10, "FS_IMMUTABLE_FL" }, { 0x20, "FS_APPEND_FL" },
	{ 0x40, "FS_NODUMP_FL" }, { 0x80, "FS_NOATIME_FL" }, { 0x100, "FS_DIRTY_FL" },
	{ 0x200, "FS_COMPRBLK_FL" }, { 0x400, "FS_NOCOMP_FL" }, { 0x800, "FS_ENCRYPT_FL" },
	{ 0x1000, "FS_INDEX_FL" }, { 0x2000, "FS_IMAGIC_FL" },
	{ 0x4000, "FS_JOURNAL_DATA_FL" }, { 0x8000, "FS_NOTAIL_FL" },
	{ 0x10000, "FS_DIRSYNC_FL" }, { 0x20000, "FS_TOPDIR_FL" },
	{ 0x40000, "FS_HUGE_FILE_FL" }, { 0x80000, "FS_EXTENT_FL" },
	{ 0x100000, "FS_VERITY_FL" }, { 0x200000, "FS_EA_INODE_FL" },
	{ 0x400000, "FS_EOFBLOCKS_FL" }, { 0x800000, "FS_NOCOW_FL" },
	{ 0x2000000, "FS_DAX_FL" }, { 0x10000000, "FS_INLINE_DATA_FL" },
	{ 0x20000000, "FS_PROJINHERIT_FL" }, { 0x40000000, "FS_CASEFOLD_FL" },
	{ 0x80000000, "FS_RESERVED_FL" });

STATIC_XLAT(fiemap_flags,
	{ 0x1, "FIEMAP_FLAG_SYNC" }, { 0x2, "FIEMAP_FLAG_XATTR" }, { 0x4, "FIEMAP_FLAG_CACHE" });

STATIC_XLAT(fiemap_extent_flags,
	{ 0x1, "FIEMAP_EXTENT_LAST" }, { 0x2, "FIEMAP_EXTENT_UNKNOWN" },
	{ 0x4, "FIEMAP_EXTENT_DELALLOC" }, { 0x8, "FIEMAP_EXTENT_ENCODED" },
	{ 0x80, "FIEMAP_EXTENT_DATA_ENCRYPTED" }, { 0x100, "FIEMAP_EXTENT_NOT_ALIGNED" },
	{ 0x200, "FIEMAP_EXTENT_DATA_INLINE" }, { 0x400, "FIEMAP_EXTENT_DATA_TAIL" },
	{ 0x800, "FIEMAP_EXTENT_UNWRITTEN" }, { 0x1000, "FIEMAP_EXTENT_MERGED" },
	{ 0x2000, "FIEMAP_EXTENT_SHARED" });

static void print_u64_field(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_uint(p, v);
}

/* struct fstrim_range: start in hex, the lengths in decimal. */
static void print_fstrim_range(struct sc *sc, uint64_t addr)
{
	uint64_t r[3];	/* start, len, minlen */
	if (!fetch_or_print_addr(sc, addr, r, sizeof(r)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "start");
	pr_hex(sc->p, r[0]);
	print_u64_field(sc->p, "len", r[1]);
	print_u64_field(sc->p, "minlen", r[2]);
	pr_struct_end(sc->p);
}

/* struct fsxattr; fsx_nextents is an output only, shown by the get request. */
static void print_fsxattr(struct sc *sc, uint64_t addr, bool is_get)
{
	uint32_t x[7];	/* xflags, extsize, nextents, projid, cowextsize, 8 bytes of pad */
	if (!fetch_or_print_addr(sc, addr, x, sizeof(x)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "fsx_xflags");
	pr_flags(sc->p, &fs_xflags, x[0], "FS_XFLAG_???");
	print_u64_field(sc->p, "fsx_extsize", x[1]);
	if (is_get)
		print_u64_field(sc->p, "fsx_nextents", x[2]);
	pr_field(sc->p, "fsx_projid");
	pr_hex(sc->p, x[3]);
	print_u64_field(sc->p, "fsx_cowextsize", x[4]);
	pr_struct_end(sc->p);
}

int fs_x_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	switch (code) {
	case K_FITRIM:
		print_fstrim_range(sc, arg);
		return IOC_ARG_DONE;
	case K_FS_IOC_FSGETXATTR:
		if (!sc->exiting)
			return IOC_LATER;
		print_fsxattr(sc, arg, true);
		return IOC_ARG_DONE;
	case K_FS_IOC_FSSETXATTR:
		print_fsxattr(sc, arg, false);
		return IOC_ARG_DONE;
	case K_FIFREEZE:
	case K_FITHAW:
		return IOC_ARG_DONE;	/* no argument */
	}
	return IOC_ARG_HEX;
}

/* struct fiemap: the request at entry, what the kernel mapped at exit. */
struct k_fiemap {
	uint64_t fm_start, fm_length;
	uint32_t fm_flags, fm_mapped_extents, fm_extent_count, fm_reserved;
};

struct k_fiemap_extent {
	uint64_t fe_logical, fe_physical, fe_length, fe_reserved64[2];
	uint32_t fe_flags, fe_reserved[3];
};

static bool print_fiemap_extent(struct sc *sc, const void *elem, void *data)
{
	struct k_fiemap_extent fe;
	(void)data;
	memcpy(&fe, elem, sizeof(fe));
	pr_struct_begin(sc->p);
	print_u64_field(sc->p, "fe_logical", fe.fe_logical);
	print_u64_field(sc->p, "fe_physical", fe.fe_physical);
	print_u64_field(sc->p, "fe_length", fe.fe_length);
	pr_field(sc->p, "fe_flags");
	pr_flags(sc->p, &fiemap_extent_flags, fe.fe_flags, "FIEMAP_EXTENT_???");
	pr_struct_end(sc->p);
	return true;
}

static int fiemap_ioctl(struct sc *sc, uint64_t arg)
{
	struct k_fiemap fm;
	struct pr *p = sc->p;

	if (sc->exiting) {
		if (sc_failed(sc))
			return IOC_ARG_DONE;
		pr_join(p, " => ");
	}
	if (!fetch_or_print_addr(sc, arg, &fm, sizeof(fm)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	if (!sc->exiting) {
		print_u64_field(p, "fm_start", fm.fm_start);
		print_u64_field(p, "fm_length", fm.fm_length);
		pr_field(p, "fm_flags");
		pr_flags(p, &fiemap_flags, fm.fm_flags, "FIEMAP_FLAG_???");
		print_u64_field(p, "fm_extent_count", fm.fm_extent_count);
		pr_struct_end(p);
		return IOC_LATER;
	}
	pr_field(p, "fm_flags");
	pr_flags(p, &fiemap_flags, fm.fm_flags, "FIEMAP_FLAG_???");
	print_u64_field(p, "fm_mapped_extents", fm.fm_mapped_extents);
	if (!sc->verbose) {
		pr_more(p);
	} else {
		pr_field(p, "fm_extents");
		print_array(sc, arg + sizeof(fm), fm.fm_mapped_extents,
			    sizeof(struct k_fiemap_extent), 0, print_fiemap_extent, NULL);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* The inode flags behind the pointer: [FS_APPEND_FL|FS_NOATIME_FL]. */
static void print_fs_ioc_flags(struct sc *sc, uint64_t addr)
{
	uint32_t flags;
	if (!fetch_or_print_addr(sc, addr, &flags, sizeof(flags)))
		return;
	pr_array_begin(sc->p);
	pr_flags(sc->p, &fs_ioc_flags, flags, "FS_???_FL");
	pr_array_end(sc->p);
}

int fs_f_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	switch (code) {
	case K_FS_IOC_FIEMAP:
		return fiemap_ioctl(sc, arg);
	case K_FS_IOC_GETFLAGS:
	case K_FS_IOC32_GETFLAGS:
		if (!sc->exiting)
			return IOC_LATER;
		print_fs_ioc_flags(sc, arg);
		return IOC_ARG_DONE;
	case K_FS_IOC_SETFLAGS:
	case K_FS_IOC32_SETFLAGS:
		print_fs_ioc_flags(sc, arg);
		return IOC_ARG_DONE;
	}
	return IOC_ARG_HEX;
}

IOC_FAMILY(fs_94_family,
	IOC_C_VAL(FICLONE, IOC_D, sizeof(int)),	/* the source fd, printed as an int */
	IOC_C_CSTR(FS_IOC_GETFSLABEL, IOA_OUT, FSLABEL_MAX),
	IOC_C_CSTR(FS_IOC_SETFSLABEL, IOA_IN, FSLABEL_MAX));

/* Type 0x94 of linux/fs.h (btrfs shares it; its requests are not decoded). */
int fs_94_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &fs_94_family, code, arg);
}
