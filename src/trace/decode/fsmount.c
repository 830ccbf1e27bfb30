/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The mount API of Linux 5.2+: fsopen, fsconfig, fsmount, fspick, open_tree, move_mount,
 * and mount_setattr (5.12) with its struct mount_attr.
 */
#include <inttypes.h>
#include <limits.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"

STATIC_XLAT(fsopen_flags, { 1, "FSOPEN_CLOEXEC" });
STATIC_XLAT(fsmount_flags, { 1, "FSMOUNT_CLOEXEC" });
STATIC_XLAT(fsmount_attr_flags,
	{ 0x01, "MOUNT_ATTR_RDONLY" }, { 0x02, "MOUNT_ATTR_NOSUID" }, { 0x04, "MOUNT_ATTR_NODEV" },
	{ 0x08, "MOUNT_ATTR_NOEXEC" }, { 0x10, "MOUNT_ATTR_NOATIME" },
	{ 0x20, "MOUNT_ATTR_STRICTATIME" }, { 0x80, "MOUNT_ATTR_NODIRATIME" });
STATIC_XLAT(mount_attr_attr,
	{ 0x01, "MOUNT_ATTR_RDONLY" }, { 0x02, "MOUNT_ATTR_NOSUID" }, { 0x04, "MOUNT_ATTR_NODEV" },
	{ 0x08, "MOUNT_ATTR_NOEXEC" }, { 0x10, "MOUNT_ATTR_NOATIME" },
	{ 0x20, "MOUNT_ATTR_STRICTATIME" }, { 0x80, "MOUNT_ATTR_NODIRATIME" },
	{ 0x00100000, "MOUNT_ATTR_IDMAP" }, { 0x00200000, "MOUNT_ATTR_NOSYMFOLLOW" });
STATIC_XLAT(mount_attr_propagation,
	{ 1 << 17, "MS_UNBINDABLE" }, { 1 << 18, "MS_PRIVATE" }, { 1 << 19, "MS_SLAVE" },
	{ 1 << 20, "MS_SHARED" });
STATIC_XLAT(fsconfig_cmds,
	{ 0, "FSCONFIG_SET_FLAG" }, { 1, "FSCONFIG_SET_STRING" }, { 2, "FSCONFIG_SET_BINARY" },
	{ 3, "FSCONFIG_SET_PATH" }, { 4, "FSCONFIG_SET_PATH_EMPTY" }, { 5, "FSCONFIG_SET_FD" },
	{ 6, "FSCONFIG_CMD_CREATE" }, { 7, "FSCONFIG_CMD_RECONFIGURE" });
STATIC_XLAT(fspick_flags,
	{ 1, "FSPICK_CLOEXEC" }, { 2, "FSPICK_SYMLINK_NOFOLLOW" }, { 4, "FSPICK_NO_AUTOMOUNT" },
	{ 8, "FSPICK_EMPTY_PATH" });
STATIC_XLAT(move_mount_flags,
	{ 0x01, "MOVE_MOUNT_F_SYMLINKS" }, { 0x02, "MOVE_MOUNT_F_AUTOMOUNTS" },
	{ 0x04, "MOVE_MOUNT_F_EMPTY_PATH" }, { 0x10, "MOVE_MOUNT_T_SYMLINKS" },
	{ 0x20, "MOVE_MOUNT_T_AUTOMOUNTS" }, { 0x40, "MOVE_MOUNT_T_EMPTY_PATH" },
	{ 0x100, "MOVE_MOUNT_SET_GROUP" });
STATIC_XLAT(open_tree_flags,
	{ 1, "OPEN_TREE_CLONE" }, { 0x80000, "OPEN_TREE_CLOEXEC" },
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" }, { 0x400, "AT_SYMLINK_FOLLOW" },
	{ 0x800, "AT_NO_AUTOMOUNT" }, { 0x1000, "AT_EMPTY_PATH" }, { 0x8000, "AT_RECURSIVE" });
STATIC_XLAT(mount_setattr_flags,
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x800, "AT_NO_AUTOMOUNT" }, { 0x1000, "AT_EMPTY_PATH" },
	{ 0x8000, "AT_RECURSIVE" });

enum {
	FSCONFIG_SET_FLAG_, FSCONFIG_SET_STRING_, FSCONFIG_SET_BINARY_, FSCONFIG_SET_PATH_,
	FSCONFIG_SET_PATH_EMPTY_, FSCONFIG_SET_FD_,
};

/* fsconfig bounds keys and string values to 256 bytes. */
#define FSCONFIG_STR_MAX 256
/* ... and binary values to 1 MiB. */
#define FSCONFIG_BIN_MAX (1024 * 1024)
/* The size of the first struct mount_attr; the kernel takes larger ones zero-filled. */
#define MOUNT_ATTR_SIZE_VER0 32
#define MOUNT_ATTR_IDMAP_ 0x00100000u

int decode_fsopen(struct sc *sc)
{
	print_str(sc, sc->arg[0]);
	pr_flags(sc->p, &fsopen_flags, (uint32_t)sc->arg[1], "FSOPEN_???");
	return RV_DECODED | RV_FD;
}

int decode_fsmount(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_flags(sc->p, &fsmount_flags, (uint32_t)sc->arg[1], "FSMOUNT_???");
	pr_flags(sc->p, &fsmount_attr_flags, (uint32_t)sc->arg[2], "MOUNT_ATTR_???");
	return RV_DECODED | RV_FD;
}

static bool fsconfig_cmd_has_key(unsigned int cmd)
{
	return cmd <= FSCONFIG_SET_FD_;
}

int decode_fsconfig(struct sc *sc)
{
	unsigned int cmd = (unsigned int)sc->arg[1];
	uint64_t key = sc->arg[2], value = sc->arg[3];
	int aux = (int)sc->arg[4];

	print_fd(sc, (int)sc->arg[0]);
	pr_xval(sc->p, &fsconfig_cmds, cmd, "FSCONFIG_???");
	if (fsconfig_cmd_has_key(cmd))
		print_str_upto(sc, key, FSCONFIG_STR_MAX);
	else
		print_addr(sc, key);

	switch (cmd) {
	case FSCONFIG_SET_STRING_:
		print_str_upto(sc, value, FSCONFIG_STR_MAX);
		break;
	case FSCONFIG_SET_PATH_: case FSCONFIG_SET_PATH_EMPTY_:
		print_path(sc, value);
		break;
	case FSCONFIG_SET_BINARY_:
		if (aux >= 0 && aux <= FSCONFIG_BIN_MAX) {
			print_buf_hex(sc, value, (uint64_t)aux);
			break;
		}
		print_addr(sc, value);
		break;
	default:
		print_addr(sc, value);
		break;
	}

	switch (cmd) {
	case FSCONFIG_SET_PATH_: case FSCONFIG_SET_PATH_EMPTY_:
		print_dirfd(sc, aux);
		break;
	case FSCONFIG_SET_FD_:
		print_fd(sc, aux);
		break;
	default:
		pr_int(sc->p, aux);
		break;
	}
	return RV_DECODED | RV_DEC;
}

int decode_fspick(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	pr_flags(sc->p, &fspick_flags, (uint32_t)sc->arg[2], "FSPICK_???");
	return RV_DECODED | RV_FD;
}

int decode_open_tree(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	pr_flags(sc->p, &open_tree_flags, (uint32_t)sc->arg[2], "OPEN_TREE_???");
	return RV_DECODED | RV_FD;
}

int decode_move_mount(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	print_dirfd(sc, (int)sc->arg[2]);
	print_path(sc, sc->arg[3]);
	pr_flags(sc->p, &move_mount_flags, (uint32_t)sc->arg[4], "MOVE_MOUNT_???");
	return RV_DECODED | RV_DEC;
}

/* struct mount_attr: attr_set, attr_clr, propagation, userns_fd. */
static void print_mount_attr_at(struct sc *sc, uint64_t addr, uint64_t size)
{
	struct { uint64_t attr_set, attr_clr, propagation, userns_fd; } attr;
	if (size < MOUNT_ATTR_SIZE_VER0) {
		print_addr(sc, addr);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &attr, sizeof(attr)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	pr_field(p, "attr_set");
	pr_flags(p, &mount_attr_attr, attr.attr_set, "MOUNT_ATTR_???");
	pr_field(p, "attr_clr");
	pr_flags(p, &mount_attr_attr, attr.attr_clr, "MOUNT_ATTR_???");
	pr_field(p, "propagation");
	pr_xval(p, &mount_attr_propagation, attr.propagation, "MS_???");
	pr_field(p, "userns_fd");
	/* userns_fd names a file only for an idmapped mount. */
	if (attr.userns_fd > INT_MAX || !((attr.attr_set | attr.attr_clr) & MOUNT_ATTR_IDMAP_))
		pr_uint(p, attr.userns_fd);
	else
		print_fd(sc, (int)attr.userns_fd);
	print_nonzero_tail(sc, addr, sizeof(attr), size);
	pr_struct_end(p);
}

int decode_mount_setattr(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_path(sc, sc->arg[1]);
	pr_flags(sc->p, &mount_setattr_flags, (uint32_t)sc->arg[2], "AT_???");
	print_mount_attr_at(sc, sc->arg[3], sc->arg[4]);
	pr_uint(sc->p, sc->arg[4]);
	return RV_DECODED | RV_FD;
}
