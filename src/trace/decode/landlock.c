/* SPDX-License-Identifier: Apache-2.0 */
/* Landlock (Linux 5.13): rulesets of filesystem access rights a process restricts itself to. */
#include <inttypes.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"

STATIC_XLAT(landlock_create_ruleset_flags, { 1, "LANDLOCK_CREATE_RULESET_VERSION" });
STATIC_XLAT(landlock_rule_types, { 1, "LANDLOCK_RULE_PATH_BENEATH" });
STATIC_XLAT(landlock_access_fs,
	{ 1 << 0, "LANDLOCK_ACCESS_FS_EXECUTE" }, { 1 << 1, "LANDLOCK_ACCESS_FS_WRITE_FILE" },
	{ 1 << 2, "LANDLOCK_ACCESS_FS_READ_FILE" }, { 1 << 3, "LANDLOCK_ACCESS_FS_READ_DIR" },
	{ 1 << 4, "LANDLOCK_ACCESS_FS_REMOVE_DIR" }, { 1 << 5, "LANDLOCK_ACCESS_FS_REMOVE_FILE" },
	{ 1 << 6, "LANDLOCK_ACCESS_FS_MAKE_CHAR" }, { 1 << 7, "LANDLOCK_ACCESS_FS_MAKE_DIR" },
	{ 1 << 8, "LANDLOCK_ACCESS_FS_MAKE_REG" }, { 1 << 9, "LANDLOCK_ACCESS_FS_MAKE_SOCK" },
	{ 1 << 10, "LANDLOCK_ACCESS_FS_MAKE_FIFO" }, { 1 << 11, "LANDLOCK_ACCESS_FS_MAKE_BLOCK" },
	{ 1 << 12, "LANDLOCK_ACCESS_FS_MAKE_SYM" }, { 1 << 13, "LANDLOCK_ACCESS_FS_REFER" });

/* Asks for the ABI version instead of creating a ruleset: the result is not an fd. */
#define LANDLOCK_CREATE_RULESET_VERSION_ 1u
#define LANDLOCK_RULE_PATH_BENEATH_ 1u

/* struct landlock_ruleset_attr: handled_access_fs (u64), "..." for a larger struct. */
static void print_ruleset_attr_at(struct sc *sc, uint64_t addr, uint64_t size)
{
	uint64_t handled;
	if (size < sizeof(handled)) {
		print_addr(sc, addr);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &handled, sizeof(handled)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "handled_access_fs");
	pr_flags(sc->p, &landlock_access_fs, handled, "LANDLOCK_ACCESS_FS_???");
	if (size > sizeof(handled))
		pr_more(sc->p);
	pr_struct_end(sc->p);
}

int decode_landlock_create_ruleset(struct sc *sc)
{
	uint32_t flags = (uint32_t)sc->arg[2];
	print_ruleset_attr_at(sc, sc->arg[0], sc->arg[1]);
	pr_uint(sc->p, sc->arg[1]);
	pr_flags(sc->p, &landlock_create_ruleset_flags, flags, "LANDLOCK_CREATE_RULESET_???");
	return RV_DECODED | (flags & LANDLOCK_CREATE_RULESET_VERSION_ ? RV_DEC : RV_FD);
}

/* struct landlock_path_beneath_attr (packed): allowed_access (u64), parent_fd (s32). */
static void print_path_beneath_at(struct sc *sc, uint64_t addr)
{
	unsigned char raw[12];
	if (!fetch_or_print_addr(sc, addr, raw, sizeof(raw)))
		return;
	uint64_t allowed;
	int32_t parent_fd;
	__builtin_memcpy(&allowed, raw, sizeof(allowed));
	__builtin_memcpy(&parent_fd, raw + 8, sizeof(parent_fd));
	pr_struct_begin(sc->p);
	pr_field(sc->p, "allowed_access");
	pr_flags(sc->p, &landlock_access_fs, allowed, "LANDLOCK_ACCESS_FS_???");
	pr_field(sc->p, "parent_fd");
	print_fd(sc, parent_fd);
	pr_struct_end(sc->p);
}

int decode_landlock_add_rule(struct sc *sc)
{
	uint32_t type = (uint32_t)sc->arg[1];
	print_fd(sc, (int)sc->arg[0]);
	pr_xval(sc->p, &landlock_rule_types, type, "LANDLOCK_RULE_???");
	if (type == LANDLOCK_RULE_PATH_BENEATH_)
		print_path_beneath_at(sc, sc->arg[2]);
	else
		print_addr(sc, sc->arg[2]);
	pr_hex(sc->p, (uint32_t)sc->arg[3]);
	return RV_DECODED | RV_DEC;
}

int decode_landlock_restrict_self(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_hex(sc->p, (uint32_t)sc->arg[1]);
	return RV_DECODED | RV_DEC;
}
