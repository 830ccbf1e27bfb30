/* SPDX-License-Identifier: Apache-2.0 */
/* Tables and value printers of the file-name syscalls; see xlat_file.h. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <time.h>

#include "trace/decode/xlat_file.h"

/*
 * Values are spelled out: the kernel's x86_64 ABI, not glibc's, which defines
 * O_LARGEFILE as 0 on 64-bit targets and lacks some of the newer names.
 */
XLAT_DEFINE(xlat_open_access_modes,
	{ 0, "O_RDONLY" }, { 1, "O_WRONLY" }, { 2, "O_RDWR" }, { 3, "O_ACCMODE" });

/* O_SYNC (__O_SYNC|O_DSYNC) before its bits, O_TMPFILE before O_DIRECTORY. */
XLAT_DEFINE(xlat_open_mode_flags,
	{ 00000100, "O_CREAT" },
	{ 00000200, "O_EXCL" },
	{ 00000400, "O_NOCTTY" },
	{ 00001000, "O_TRUNC" },
	{ 00002000, "O_APPEND" },
	{ 00004000, "O_NONBLOCK" },
	{ 04010000, "O_SYNC" },
	{ 04000000, "__O_SYNC" },
	{ 00010000, "O_DSYNC" },
	{ 00040000, "O_DIRECT" },
	{ 00100000, "O_LARGEFILE" },
	{ 00400000, "O_NOFOLLOW" },
	{ 01000000, "O_NOATIME" },
	{ 02000000, "O_CLOEXEC" },
	{ 010000000, "O_PATH" },
	{ 020200000, "O_TMPFILE" },
	{ 020000000, "__O_TMPFILE" },
	{ 00200000, "O_DIRECTORY" },
	{ 00020000, "FASYNC" });

XLAT_DEFINE(xlat_open_resolve_flags,
	{ 0x01, "RESOLVE_NO_XDEV" },
	{ 0x02, "RESOLVE_NO_MAGICLINKS" },
	{ 0x04, "RESOLVE_NO_SYMLINKS" },
	{ 0x08, "RESOLVE_BENEATH" },
	{ 0x10, "RESOLVE_IN_ROOT" },
	{ 0x20, "RESOLVE_CACHED" });

XLAT_DEFINE(xlat_at_flags,
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" },
	{ 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" },
	{ 0x8000, "AT_RECURSIVE" });

/* F_OK is the empty set. */
XLAT_DEFINE(xlat_access_modes,
	{ 0, "F_OK" }, { 4, "R_OK" }, { 2, "W_OK" }, { 1, "X_OK" });

XLAT_DEFINE(xlat_faccessat_flags,
	{ 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x200, "AT_EACCESS" },
	{ 0x1000, "AT_EMPTY_PATH" });

XLAT_DEFINE(xlat_mode_types,
	{ 0100000, "S_IFREG" },
	{ 0140000, "S_IFSOCK" },
	{ 0010000, "S_IFIFO" },
	{ 0120000, "S_IFLNK" },
	{ 0040000, "S_IFDIR" },
	{ 0060000, "S_IFBLK" },
	{ 0020000, "S_IFCHR" });

/* The unions first: STATX_ALL, STATX_BASIC_STATS name several bits at once. */
XLAT_DEFINE(xlat_statx_masks,
	{ 0x00000fff, "STATX_ALL" },
	{ 0x000007ff, "STATX_BASIC_STATS" },
	{ 0x00000001, "STATX_TYPE" },
	{ 0x00000002, "STATX_MODE" },
	{ 0x00000004, "STATX_NLINK" },
	{ 0x00000008, "STATX_UID" },
	{ 0x00000010, "STATX_GID" },
	{ 0x00000020, "STATX_ATIME" },
	{ 0x00000040, "STATX_MTIME" },
	{ 0x00000080, "STATX_CTIME" },
	{ 0x00000100, "STATX_INO" },
	{ 0x00000200, "STATX_SIZE" },
	{ 0x00000400, "STATX_BLOCKS" },
	{ 0x00000800, "STATX_BTIME" },
	{ 0x00001000, "STATX_MNT_ID" },
	{ 0x00002000, "STATX_DIOALIGN" });

XLAT_DEFINE(xlat_statx_attrs,
	{ 0x00000004, "STATX_ATTR_COMPRESSED" },
	{ 0x00000010, "STATX_ATTR_IMMUTABLE" },
	{ 0x00000020, "STATX_ATTR_APPEND" },
	{ 0x00000040, "STATX_ATTR_NODUMP" },
	{ 0x00000800, "STATX_ATTR_ENCRYPTED" },
	{ 0x00001000, "STATX_ATTR_AUTOMOUNT" },
	{ 0x00002000, "STATX_ATTR_MOUNT_ROOT" },
	{ 0x00100000, "STATX_ATTR_VERITY" },
	{ 0x00200000, "STATX_ATTR_DAX" });

XLAT_DEFINE(xlat_statx_sync_types,
	{ 0x0000, "AT_STATX_SYNC_AS_STAT" },
	{ 0x2000, "AT_STATX_FORCE_SYNC" },
	{ 0x4000, "AT_STATX_DONT_SYNC" },
	{ 0x6000, "AT_STATX_SYNC_TYPE" });

XLAT_DEFINE(xlat_dirent_types,
	{ 0, "DT_UNKNOWN" }, { 1, "DT_FIFO" }, { 2, "DT_CHR" }, { 4, "DT_DIR" },
	{ 6, "DT_BLK" }, { 8, "DT_REG" }, { 10, "DT_LNK" }, { 12, "DT_SOCK" },
	{ 14, "DT_WHT" });

XLAT_DEFINE(xlat_xattr_flags, { 1, "XATTR_CREATE" }, { 2, "XATTR_REPLACE" });

XLAT_DEFINE(xlat_fs_magic,
	{ 0x0000002f, "QNX4_SUPER_MAGIC" },
	{ 0x00000033, "Z3FOLD_MAGIC" },
	{ 0x00000187, "AUTOFS_SUPER_MAGIC" },
	{ 0x00001373, "DEVFS_SUPER_MAGIC" },
	{ 0x0000137d, "EXT_SUPER_MAGIC" },
	{ 0x0000137f, "MINIX_SUPER_MAGIC" },
	{ 0x0000138f, "MINIX_SUPER_MAGIC2" },
	{ 0x00001cd1, "DEVPTS_SUPER_MAGIC" },
	{ 0x00002468, "MINIX2_SUPER_MAGIC" },
	{ 0x00002478, "MINIX2_SUPER_MAGIC2" },
	{ 0x00003434, "NILFS_SUPER_MAGIC" },
	{ 0x00004244, "HFS_SUPER_MAGIC" },
	{ 0x0000482b, "HFSPLUS_SUPER_MAGIC" },
	{ 0x00004d44, "MSDOS_SUPER_MAGIC" },
	{ 0x00004d5a, "MINIX3_SUPER_MAGIC" },
	{ 0x0000517b, "SMB_SUPER_MAGIC" },
	{ 0x0000564c, "NCP_SUPER_MAGIC" },
	{ 0x00005df5, "EXOFS_SUPER_MAGIC" },
	{ 0x00006969, "NFS_SUPER_MAGIC" },
	{ 0x00007275, "ROMFS_MAGIC" },
	{ 0x000072b6, "JFFS2_SUPER_MAGIC" },
	{ 0x00009660, "ISOFS_SUPER_MAGIC" },
	{ 0x00009fa0, "PROC_SUPER_MAGIC" },
	{ 0x00009fa1, "OPENPROM_SUPER_MAGIC" },
	{ 0x00009fa2, "USBDEVICE_SUPER_MAGIC" },
	{ 0x0000adf5, "ADFS_SUPER_MAGIC" },
	{ 0x0000adff, "AFFS_SUPER_MAGIC" },
	{ 0x0000ef51, "EXT2_OLD_SUPER_MAGIC" },
	{ 0x0000ef53, "EXT2_SUPER_MAGIC" },
	{ 0x0000f15f, "ECRYPTFS_SUPER_MAGIC" },
	{ 0x00011954, "UFS_MAGIC" },
	{ 0x0027e0eb, "CGROUP_SUPER_MAGIC" },
	{ 0x00414a53, "EFS_SUPER_MAGIC" },
	{ 0x00c0ffee, "HOSTFS_SUPER_MAGIC" },
	{ 0x00c36400, "CEPH_SUPER_MAGIC" },
	{ 0x01021994, "TMPFS_MAGIC" },
	{ 0x01021997, "V9FS_MAGIC" },
	{ 0x01161970, "GFS2_MAGIC" },
	{ 0x012fd16d, "XIAFS_SUPER_MAGIC" },
	{ 0x012ff7b4, "XENIX_SUPER_MAGIC" },
	{ 0x012ff7b5, "SYSV4_SUPER_MAGIC" },
	{ 0x012ff7b6, "SYSV2_SUPER_MAGIC" },
	{ 0x012ff7b7, "COH_SUPER_MAGIC" },
	{ 0x02011994, "SHMFS_SUPER_MAGIC" },
	{ 0x09041934, "ANON_INODE_FS_MAGIC" },
	{ 0x0bad1dea, "FUTEXFS_SUPER_MAGIC" },
	{ 0x11307854, "MTD_INODE_FS_MAGIC" },
	{ 0x13661366, "BALLOON_KVM_MAGIC" },
	{ 0x15013346, "UDF_SUPER_MAGIC" },
	{ 0x1badface, "BFS_MAGIC" },
	{ 0x2011bab0, "EXFAT_SUPER_MAGIC" },
	{ 0x24051905, "UBIFS_SUPER_MAGIC" },
	{ 0x28cd3d45, "CRAMFS_MAGIC" },
	{ 0x2fc12fc1, "ZFS_SUPER_MAGIC" },
	{ 0x3153464a, "JFS_SUPER_MAGIC" },
	{ 0x42465331, "BEFS_SUPER_MAGIC" },
	{ 0x42494e4d, "BINFMTFS_MAGIC" },
	{ 0x43415d53, "SMACK_MAGIC" },
	{ 0x444d4142, "DMA_BUF_MAGIC" },
	{ 0x453dcd28, "CRAMFS_MAGIC_WEND" },
	{ 0x454d444d, "DEVMEM_MAGIC" },
	{ 0x47504653, "GPFS_SUPER_MAGIC" },
	{ 0x50495045, "PIPEFS_MAGIC" },
	{ 0x52654973, "REISERFS_SUPER_MAGIC" },
	{ 0x5345434d, "SECRETMEM_MAGIC" },
	{ 0x5346414f, "AFS_SUPER_MAGIC" },
	{ 0x5346544e, "NTFS_SB_MAGIC" },
	{ 0x534f434b, "SOCKFS_MAGIC" },
	{ 0x54190100, "UFS_CIGAM" },
	{ 0x565a4653, "VZFS_SUPER_MAGIC" },
	{ 0x57ac6e9d, "STACK_END_MAGIC" },
	{ 0x58295829, "ZSMALLOC_MAGIC" },
	{ 0x58465342, "XFS_SUPER_MAGIC" },
	{ 0x5a3c69f0, "AAFS_MAGIC" },
	{ 0x5a4f4653, "ZONEFS_MAGIC" },
	{ 0x6165676c, "PSTOREFS_MAGIC" },
	{ 0x61756673, "AUFS_SUPER_MAGIC" },
	{ 0x62646576, "BDEVFS_MAGIC" },
	{ 0x62656570, "CONFIGFS_MAGIC" },
	{ 0x62656572, "SYSFS_MAGIC" },
	{ 0x63677270, "CGROUP2_SUPER_MAGIC" },
	{ 0x64626720, "DEBUGFS_MAGIC" },
	{ 0x64646178, "DAXFS_MAGIC" },
	{ 0x65735543, "FUSE_CTL_SUPER_MAGIC" },
	{ 0x65735546, "FUSE_SUPER_MAGIC" },
	{ 0x68191122, "QNX6_SUPER_MAGIC" },
	{ 0x6b414653, "AFS_FS_MAGIC" },
	{ 0x6c6f6f70, "BINDERFS_SUPER_MAGIC" },
	{ 0x6e736673, "NSFS_MAGIC" },
	{ 0x73636673, "SECURITYFS_MAGIC" },
	{ 0x73717368, "SQUASHFS_MAGIC" },
	{ 0x73727279, "BTRFS_TEST_MAGIC" },
	{ 0x73757245, "CODA_SUPER_MAGIC" },
	{ 0x7461636f, "OCFS2_SUPER_MAGIC" },
	{ 0x74726163, "TRACEFS_MAGIC" },
	{ 0x794c7630, "OVERLAYFS_SUPER_MAGIC" },
	{ 0x858458f6, "RAMFS_MAGIC" },
	{ 0x9123683e, "BTRFS_SUPER_MAGIC" },
	{ 0x958458f6, "HUGETLBFS_MAGIC" },
	{ 0xa501fcf5, "VXFS_SUPER_MAGIC" },
	{ 0xabba1974, "XENFS_SUPER_MAGIC" },
	{ 0xc7571590, "PPC_CMM_MAGIC" },
	{ 0xc97e8168, "LOGFS_MAGIC" },
	{ 0xcafe4a11, "BPF_FS_MAGIC" },
	{ 0xde5e81e4, "EFIVARFS_MAGIC" },
	{ 0xe0f5e1e2, "EROFS_SUPER_MAGIC_V1" },
	{ 0xf2f52010, "F2FS_SUPER_MAGIC" },
	{ 0xf97cff8c, "SELINUX_MAGIC" },
	{ 0xf995e849, "HPFS_SUPER_MAGIC" },
	{ 0xfe534d42, "SMB2_SUPER_MAGIC" },
	{ 0xff534d42, "CIFS_SUPER_MAGIC" });

/* ST_VALID first: it is printed whenever the kernel set it. */
XLAT_DEFINE(xlat_statfs_flags,
	{ 0x0020, "ST_VALID" },
	{ 0x0001, "ST_RDONLY" },
	{ 0x0002, "ST_NOSUID" },
	{ 0x0004, "ST_NODEV" },
	{ 0x0008, "ST_NOEXEC" },
	{ 0x0010, "ST_SYNCHRONOUS" },
	{ 0x0040, "ST_MANDLOCK" },
	{ 0x0400, "ST_NOATIME" },
	{ 0x0800, "ST_NODIRATIME" },
	{ 0x1000, "ST_RELATIME" },
	{ 0x2000, "ST_NOSYMFOLLOW" });

XLAT_DEFINE(xlat_rename_flags,
	{ 1, "RENAME_NOREPLACE" }, { 2, "RENAME_EXCHANGE" }, { 4, "RENAME_WHITEOUT" });

XLAT_DEFINE(xlat_umount_flags,
	{ 1, "MNT_FORCE" }, { 2, "MNT_DETACH" }, { 4, "MNT_EXPIRE" }, { 8, "UMOUNT_NOFOLLOW" });

XLAT_DEFINE(xlat_mount_flags,
	{ 1u << 0, "MS_RDONLY" },
	{ 1u << 1, "MS_NOSUID" },
	{ 1u << 2, "MS_NODEV" },
	{ 1u << 3, "MS_NOEXEC" },
	{ 1u << 4, "MS_SYNCHRONOUS" },
	{ 1u << 5, "MS_REMOUNT" },
	{ 1u << 6, "MS_MANDLOCK" },
	{ 1u << 7, "MS_DIRSYNC" },
	{ 1u << 8, "MS_NOSYMFOLLOW" },
	{ 1u << 10, "MS_NOATIME" },
	{ 1u << 11, "MS_NODIRATIME" },
	{ 1u << 12, "MS_BIND" },
	{ 1u << 13, "MS_MOVE" },
	{ 1u << 14, "MS_REC" },
	{ 1u << 15, "MS_SILENT" },
	{ 1u << 16, "MS_POSIXACL" },
	{ 1u << 17, "MS_UNBINDABLE" },
	{ 1u << 18, "MS_PRIVATE" },
	{ 1u << 19, "MS_SLAVE" },
	{ 1u << 20, "MS_SHARED" },
	{ 1u << 21, "MS_RELATIME" },
	{ 1u << 22, "MS_KERNMOUNT" },
	{ 1u << 23, "MS_I_VERSION" },
	{ 1u << 24, "MS_STRICTATIME" },
	{ 1u << 25, "MS_LAZYTIME" },
	{ 1u << 26, "MS_SUBMOUNT" },
	{ 1u << 27, "MS_NOREMOTELOCK" },
	{ 1u << 28, "MS_NOSEC" },
	{ 1u << 29, "MS_BORN" },
	{ 1u << 30, "MS_ACTIVE" },
	{ 1u << 31, "MS_NOUSER" });

XLAT_DEFINE(xlat_inotify_flags,
	{ 0x00000001, "IN_ACCESS" },
	{ 0x00000002, "IN_MODIFY" },
	{ 0x00000004, "IN_ATTRIB" },
	{ 0x00000008, "IN_CLOSE_WRITE" },
	{ 0x00000010, "IN_CLOSE_NOWRITE" },
	{ 0x00000020, "IN_OPEN" },
	{ 0x00000040, "IN_MOVED_FROM" },
	{ 0x00000080, "IN_MOVED_TO" },
	{ 0x00000100, "IN_CREATE" },
	{ 0x00000200, "IN_DELETE" },
	{ 0x00000400, "IN_DELETE_SELF" },
	{ 0x00000800, "IN_MOVE_SELF" },
	{ 0x00002000, "IN_UNMOUNT" },
	{ 0x00004000, "IN_Q_OVERFLOW" },
	{ 0x00008000, "IN_IGNORED" },
	{ 0x01000000, "IN_ONLYDIR" },
	{ 0x02000000, "IN_DONT_FOLLOW" },
	{ 0x04000000, "IN_EXCL_UNLINK" },
	{ 0x10000000, "IN_MASK_CREATE" },
	{ 0x20000000, "IN_MASK_ADD" },
	{ 0x40000000, "IN_ISDIR" },
	{ 0x80000000, "IN_ONESHOT" });

XLAT_DEFINE(xlat_fan_mark_flags,
	{ 0x00000001, "FAN_MARK_ADD" },
	{ 0x00000002, "FAN_MARK_REMOVE" },
	{ 0x00000004, "FAN_MARK_DONT_FOLLOW" },
	{ 0x00000008, "FAN_MARK_ONLYDIR" },
	{ 0x00000010, "FAN_MARK_MOUNT" },
	{ 0x00000020, "FAN_MARK_IGNORED_MASK" },
	{ 0x00000040, "FAN_MARK_IGNORED_SURV_MODIFY" },
	{ 0x00000080, "FAN_MARK_FLUSH" },
	{ 0x00000100, "FAN_MARK_FILESYSTEM" },
	{ 0x00000200, "FAN_MARK_EVICTABLE" },
	{ 0x00000400, "FAN_MARK_IGNORE" });

XLAT_DEFINE(xlat_fan_event_flags,
	{ 0x00000001, "FAN_ACCESS" },
	{ 0x00000002, "FAN_MODIFY" },
	{ 0x00000004, "FAN_ATTRIB" },
	{ 0x00000008, "FAN_CLOSE_WRITE" },
	{ 0x00000010, "FAN_CLOSE_NOWRITE" },
	{ 0x00000020, "FAN_OPEN" },
	{ 0x00000040, "FAN_MOVED_FROM" },
	{ 0x00000080, "FAN_MOVED_TO" },
	{ 0x00000100, "FAN_CREATE" },
	{ 0x00000200, "FAN_DELETE" },
	{ 0x00000400, "FAN_DELETE_SELF" },
	{ 0x00000800, "FAN_MOVE_SELF" },
	{ 0x00001000, "FAN_OPEN_EXEC" },
	{ 0x00004000, "FAN_Q_OVERFLOW" },
	{ 0x00008000, "FAN_FS_ERROR" },
	{ 0x00010000, "FAN_OPEN_PERM" },
	{ 0x00020000, "FAN_ACCESS_PERM" },
	{ 0x00040000, "FAN_OPEN_EXEC_PERM" },
	{ 0x00080000, "FAN_DIR_MODIFY" },
	{ 0x40000000, "FAN_ONDIR" },
	{ 0x08000000, "FAN_EVENT_ON_CHILD" },
	{ 0x10000000, "FAN_RENAME" });

XLAT_DEFINE(xlat_name_to_handle_at_flags,
	{ 0x400, "AT_SYMLINK_FOLLOW" }, { 0x1000, "AT_EMPTY_PATH" });

const char *sprint_open_flags(char *buf, size_t n, uint64_t flags)
{
	/* Every access mode value (the low 2 bits) has a name. */
	int len = snprintf(buf, n, "%s", xlat_lookup(&xlat_open_access_modes, flags & 3));
	flags &= ~(uint64_t)3;
	if (flags && len > 0 && (size_t)len + 1 < n) {
		buf[len++] = '|';
		pr_sprint_flag_names(buf + len, n - (size_t)len, &xlat_open_mode_flags, flags);
	}
	return buf;
}

void pr_open_flags(struct pr *p, uint64_t flags)
{
	char buf[512];
	if (p->xlat_style == PR_XLAT_RAW) {
		pr_hex(p, flags);
		return;
	}
	sprint_open_flags(buf, sizeof(buf), flags);
	if (p->xlat_style == PR_XLAT_VERBOSE) {
		pr_hex(p, flags);
		pr_comment(p, "%s", buf);
		return;
	}
	pr_text(p, buf);
}

/* "%#03o": at least three digits, a leading 0 (000, 0644, 0100644). */
void pr_mode_numeric(struct pr *p, uint64_t mode)
{
	pr_textf(p, "%#03" PRIo64, mode);
}

void pr_mode_symbolic(struct pr *p, uint64_t mode)
{
	const uint64_t ifmt = 0170000, special = 07000;
	const char *type = (mode & ifmt) ? xlat_lookup(&xlat_mode_types, mode & ifmt) : "";
	bool abbrev = p->xlat_style == PR_XLAT_ABBREV;

	/* An unknown type cannot be named: the number alone. */
	if (!type || !abbrev)
		pr_mode_numeric(p, mode);
	if (!type || p->xlat_style == PR_XLAT_RAW)
		return;

	char buf[128];
	snprintf(buf, sizeof(buf), "%s%s%s%s%s%#03" PRIo64, type, type[0] ? "|" : "",
		 (mode & 04000) ? "S_ISUID|" : "", (mode & 02000) ? "S_ISGID|" : "",
		 (mode & 01000) ? "S_ISVTX|" : "", mode & ~(ifmt | special));
	if (abbrev)
		pr_text(p, buf);
	else
		pr_comment(p, "%s", buf);
}

void pr_dev(struct pr *p, uint64_t dev)
{
	if (p->xlat_style != PR_XLAT_ABBREV)
		pr_hex(p, dev);
	if (p->xlat_style == PR_XLAT_RAW)
		return;
	char buf[64];
	snprintf(buf, sizeof(buf), "makedev(%#x, %#x)", major(dev), minor(dev));
	if (p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(p, "%s", buf);
	else
		pr_text(p, buf);
}

void pr_id(struct pr *p, uint64_t id)
{
	uint32_t v = (uint32_t)id;
	if (v == UINT32_MAX)
		pr_int(p, -1);
	else
		pr_uint(p, v);
}

const char *sprint_time_comment(char *buf, size_t n, int64_t sec, uint64_t part,
				uint64_t max_part, int width)
{
	if ((sec == 0 && part == 0) || part > max_part)
		return NULL;
	time_t t = (time_t)sec;
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return NULL;
	size_t pos = strftime(buf, n, "%FT%T", &tm);
	if (!pos)
		return NULL;
	if (part > 0) {
		int w = snprintf(buf + pos, n - pos, ".%0*" PRIu64, width, part);
		if (w < 0 || (size_t)w >= n - pos)
			return NULL;
		pos += (size_t)w;
	}
	return strftime(buf + pos, n - pos, "%z", &tm) ? buf : NULL;
}
