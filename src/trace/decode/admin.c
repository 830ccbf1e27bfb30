/* SPDX-License-Identifier: Apache-2.0 */
/*
 * System administration syscalls: kernel modules, reboot and kexec, host and domain
 * names, process accounting, swap, I/O port permissions, ustat, lookup_dcookie, _sysctl.
 */
#include <inttypes.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/xlat_file.h"

/* ---- kernel modules (linux/module.h) ---- */

/* delete_module's flags are open flags: only these two mean anything to the kernel. */
STATIC_XLAT(delete_module_flags, { 0x800, "O_NONBLOCK" }, { 0x200, "O_TRUNC" });

STATIC_XLAT(module_init_flags,
	{ 1, "MODULE_INIT_IGNORE_MODVERSIONS" }, { 2, "MODULE_INIT_IGNORE_VERMAGIC" },
	{ 4, "MODULE_INIT_COMPRESSED_FILE" });

int decode_init_module(struct sc *sc)
{
	print_addr(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	print_str(sc, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_finit_module(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_str(sc, sc->arg[1]);
	pr_flags(sc->p, &module_init_flags, (uint32_t)sc->arg[2], "MODULE_INIT_???");
	return RV_DECODED | RV_DEC;
}

int decode_delete_module(struct sc *sc)
{
	print_str(sc, sc->arg[0]);
	pr_flags(sc->p, &delete_module_flags, (uint32_t)sc->arg[1], "O_???");
	return RV_DECODED | RV_DEC;
}

/* ---- reboot (linux/reboot.h) ---- */

STATIC_XLAT(reboot_magic1, { 0xfee1dead, "LINUX_REBOOT_MAGIC1" });
STATIC_XLAT(reboot_magic2,
	{ 672274793, "LINUX_REBOOT_MAGIC2" }, { 85072278, "LINUX_REBOOT_MAGIC2A" },
	{ 369367448, "LINUX_REBOOT_MAGIC2B" }, { 537993216, "LINUX_REBOOT_MAGIC2C" });
STATIC_XLAT(reboot_cmds,
	{ 0x00000000, "LINUX_REBOOT_CMD_CAD_OFF" }, { 0x89abcdef, "LINUX_REBOOT_CMD_CAD_ON" },
	{ 0xcdef0123, "LINUX_REBOOT_CMD_HALT" }, { 0x4321fedc, "LINUX_REBOOT_CMD_POWER_OFF" }, { 0x01234567, "LINUX_REBOOT_CMD_RESTART" },
	{ 0xa1b2c3d4, "LINUX_REBOOT_CMD_RESTART2" }, { 0xd000fce2, "LINUX_REBOOT_CMD_SW_SUSPEND" },
	{ 0x45584543, "LINUX_REBOOT_CMD_KEXEC" });

#define LINUX_REBOOT_CMD_RESTART2_ 0xa1b2c3d4u

int decode_reboot(struct sc *sc)
{
	uint32_t cmd = (uint32_t)sc->arg[2];
	pr_xval(sc->p, &reboot_magic1, (uint32_t)sc->arg[0], "LINUX_REBOOT_MAGIC_???");
	pr_xval(sc->p, &reboot_magic2, (uint32_t)sc->arg[1], "LINUX_REBOOT_MAGIC_???");
	pr_xval(sc->p, &reboot_cmds, cmd, "LINUX_REBOOT_CMD_???");
	/* The kernel copies at most 255 bytes of the command and ends them with a NUL. */
	if (cmd == LINUX_REBOOT_CMD_RESTART2_)
		print_str_upto(sc, sc->arg[3], 255);
	return RV_DECODED | RV_DEC;
}

/* ---- kexec (linux/kexec.h) ---- */

#define KEXEC_ARCH_MASK_ 0xffff0000u
#define KEXEC_SEGMENT_MAX_ 16

STATIC_XLAT(kexec_arch_values,
	{ 0, "KEXEC_ARCH_DEFAULT" }, { 3u << 16, "KEXEC_ARCH_386" },
	{ 4u << 16, "KEXEC_ARCH_68K" }, { 15u << 16, "KEXEC_ARCH_PARISC" },
	{ 62u << 16, "KEXEC_ARCH_X86_64" }, { 20u << 16, "KEXEC_ARCH_PPC" },
	{ 21u << 16, "KEXEC_ARCH_PPC64" }, { 50u << 16, "KEXEC_ARCH_IA_64" },
	{ 40u << 16, "KEXEC_ARCH_ARM" }, { 22u << 16, "KEXEC_ARCH_S390" },
	{ 42u << 16, "KEXEC_ARCH_SH" }, { 10u << 16, "KEXEC_ARCH_MIPS_LE" },
	{ 8u << 16, "KEXEC_ARCH_MIPS" }, { 183u << 16, "KEXEC_ARCH_AARCH64" },
	{ 243u << 16, "KEXEC_ARCH_RISCV" }, { 258u << 16, "KEXEC_ARCH_LOONGARCH" });
STATIC_XLAT(kexec_load_flags, { 1, "KEXEC_ON_CRASH" }, { 2, "KEXEC_PRESERVE_CONTEXT" });
STATIC_XLAT(kexec_file_load_flags,
	{ 1, "KEXEC_FILE_UNLOAD" }, { 2, "KEXEC_FILE_ON_CRASH" },
	{ 4, "KEXEC_FILE_NO_INITRAMFS" });

/* struct kexec_segment: buf, bufsz, mem, memsz. */
static bool print_kexec_segment(struct sc *sc, const void *elem, void *data)
{
	uint64_t seg[4];
	memcpy(seg, elem, sizeof(seg));
	pr_struct_begin(sc->p);
	pr_field(sc->p, "buf");
	print_addr(sc, seg[0]);
	pr_field(sc->p, "bufsz");
	pr_uint(sc->p, seg[1]);
	pr_field(sc->p, "mem");
	print_addr(sc, seg[2]);
	pr_field(sc->p, "memsz");
	pr_uint(sc->p, seg[3]);
	pr_struct_end(sc->p);
	return true;
}

int decode_kexec_load(struct sc *sc)
{
	uint64_t flags = sc->arg[3];
	print_addr(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	if (sc->arg[1] > KEXEC_SEGMENT_MAX_)
		print_addr(sc, sc->arg[2]);
	else
		print_array(sc, sc->arg[2], sc->arg[1], 4 * sizeof(uint64_t), 0,
			    print_kexec_segment, NULL);
	/* The architecture in the high 16 bits of the low word, the flags in the rest. */
	pr_xval(sc->p, &kexec_arch_values, flags & KEXEC_ARCH_MASK_, "KEXEC_ARCH_???");
	flags &= ~(uint64_t)KEXEC_ARCH_MASK_;
	if (flags) {
		pr_join(sc->p, "|");
		pr_flags(sc->p, &kexec_load_flags, flags, "KEXEC_???");
	}
	return RV_DECODED | RV_DEC;
}

int decode_kexec_file_load(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_fd(sc, (int)sc->arg[1]);
	pr_uint(sc->p, sc->arg[2]);
	print_buf(sc, sc->arg[3], sc->arg[2]);
	pr_flags(sc->p, &kexec_file_load_flags, sc->arg[4], "KEXEC_FILE_???");
	return RV_DECODED | RV_DEC;
}

/* ---- host and domain names, accounting, I/O ports ---- */

/* __NEW_UTS_LEN: a longer name is refused without being read. */
#define NEW_UTS_LEN_ 64

int decode_sethostname(struct sc *sc)
{
	uint32_t len = (uint32_t)sc->arg[1];
	if (len > NEW_UTS_LEN_)
		print_addr(sc, sc->arg[0]);
	else
		print_buf(sc, sc->arg[0], len);
	pr_uint(sc->p, len);
	return RV_DECODED | RV_DEC;
}

int decode_acct(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

int decode_ioperm(struct sc *sc)
{
	pr_hex(sc->p, sc->arg[0]);
	pr_hex(sc->p, sc->arg[1]);
	pr_int(sc->p, (int)sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_iopl(struct sc *sc)
{
	pr_int(sc->p, (int)sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

int decode_no_args_admin(struct sc *sc)
{
	return RV_DECODED | RV_DEC;
}

/* ---- ustat, lookup_dcookie ---- */

/*
 * struct ustat is left out of glibc's headers and strace (as built on them) prints the
 * buffer's address only.
 */
int decode_ustat(struct sc *sc)
{
	pr_dev(sc->p, (uint32_t)sc->arg[0]);
	print_addr(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_lookup_dcookie(struct sc *sc)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	pr_uint(sc->p, sc->arg[0]);
	if (sc_failed(sc))
		print_addr(sc, sc->arg[1]);
	else
		print_buf(sc, sc->arg[1], (uint64_t)sc->rval);
	pr_uint(sc->p, sc->arg[2]);
	return RV_DEC;
}

/* ---- _sysctl ---- */

/* struct __sysctl_args, read whole (80 bytes with its unused words). */
int decode_sysctl(struct sc *sc)
{
	struct {
		uint64_t name;
		int32_t nlen, pad;
		uint64_t oldval, oldlenp, newval, newlen;
		uint64_t unused[4];
	} a;
	struct pr *p = sc->p;
	if (fetch_or_print_addr(sc, sc->arg[0], &a, sizeof(a))) {
		pr_struct_begin(p);
		pr_field(p, "name");
		pr_ptr(p, a.name);
		pr_field(p, "nlen");
		pr_int(p, a.nlen);
		pr_field(p, "oldval");
		pr_ptr(p, a.oldval);
		pr_field(p, "oldlenp");
		pr_ptr(p, a.oldlenp);
		pr_field(p, "newval");
		pr_ptr(p, a.newval);
		pr_field(p, "newlen");
		pr_uint(p, a.newlen);
		pr_struct_end(p);
	}
	return RV_DECODED | RV_DEC;
}

/* ---- swapon ---- */

/* linux/swap.h: the priority in the low 15 bits, flags above. */
#define SWAP_FLAG_PRIO_MASK_ 0x7fffu
STATIC_XLAT(swap_flags,
	{ 0x8000, "SWAP_FLAG_PREFER" }, { 0x10000, "SWAP_FLAG_DISCARD" },
	{ 0x20000, "SWAP_FLAG_DISCARD_ONCE" }, { 0x40000, "SWAP_FLAG_DISCARD_PAGES" });

int decode_swapon(struct sc *sc)
{
	uint32_t flags = (uint32_t)sc->arg[1];
	uint32_t prio = flags & SWAP_FLAG_PRIO_MASK_;
	flags &= ~SWAP_FLAG_PRIO_MASK_;
	print_path(sc, sc->arg[0]);
	if (flags) {
		pr_flags(sc->p, &swap_flags, flags, "SWAP_FLAG_???");
		pr_join(sc->p, "|");
	}
	pr_uint(sc->p, prio);
	return RV_DECODED | RV_DEC;
}
