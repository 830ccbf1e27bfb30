/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Helpers of the memory/time/credential/resource area (misc_impl.h), and the decoders of
 * the thread bookkeeping syscalls: arch_prctl, set_tid_address, the robust futex list,
 * rseq, futex, futex_waitv.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/misc_impl.h"

/* ---- shared helpers ---- */

/* The kernel's restart codes: ERESTARTSYS (512) to ERESTART_RESTARTBLOCK (516). */
bool misc_is_erestart(const struct sc *sc)
{
	return sc->err >= 512 && sc->err <= 516;
}

void misc_print_alt(struct sc *sc, const char *num, const char *text)
{
	switch (sc->p->xlat_style) {
	case PR_XLAT_RAW:
		pr_text(sc->p, num);
		break;
	case PR_XLAT_VERBOSE:
		pr_text(sc->p, num);
		pr_comment(sc->p, "%s", text);
		break;
	default:
		pr_text(sc->p, text);
		break;
	}
}

/* ---- arch_prctl ---- */

STATIC_XLAT(arch_codes,
	{ 0x1001, "ARCH_SET_GS" }, { 0x1002, "ARCH_SET_FS" },
	{ 0x1003, "ARCH_GET_FS" }, { 0x1004, "ARCH_GET_GS" },
	{ 0x1011, "ARCH_GET_CPUID" }, { 0x1012, "ARCH_SET_CPUID" },
	{ 0x1021, "ARCH_GET_XCOMP_SUPP" }, { 0x1022, "ARCH_GET_XCOMP_PERM" },
	{ 0x1023, "ARCH_REQ_XCOMP_PERM" }, { 0x1024, "ARCH_GET_XCOMP_GUEST_PERM" },
	{ 0x1025, "ARCH_REQ_XCOMP_GUEST_PERM" }, { 0x2001, "ARCH_MAP_VDSO_X32" },
	{ 0x2002, "ARCH_MAP_VDSO_32" }, { 0x2003, "ARCH_MAP_VDSO_64" });

/* XSAVE feature masks (arch/x86/include/asm/fpu/types.h); combined masks come first. */
STATIC_XLAT(x86_xfeature_masks,
	{ 0x3, "XFEATURE_MASK_FPSSE" }, { 1u << 0, "XFEATURE_MASK_FP" },
	{ 1u << 1, "XFEATURE_MASK_SSE" }, { 1u << 2, "XFEATURE_MASK_YMM" },
	{ 1u << 3, "XFEATURE_MASK_BNDREGS" }, { 1u << 4, "XFEATURE_MASK_BNDCSR" },
	{ 0xe0, "XFEATURE_MASK_AVX512" }, { 1u << 5, "XFEATURE_MASK_OPMASK" },
	{ 1u << 6, "XFEATURE_MASK_ZMM_Hi256" }, { 1u << 7, "XFEATURE_MASK_Hi16_ZMM" },
	{ 1u << 8, "XFEATURE_MASK_PT" }, { 1u << 9, "XFEATURE_MASK_PKRU" },
	{ 1u << 10, "XFEATURE_MASK_PASID" }, { 1u << 15, "XFEATURE_MASK_LBR" },
	{ 0x60000, "XFEATURE_MASK_XTILE" }, { 1u << 17, "XFEATURE_MASK_XTILE_CFG" },
	{ 1u << 18, "XFEATURE_MASK_XTILE_DATA" });

STATIC_XLAT(x86_xfeature_bits,
	{ 0, "XFEATURE_FP" }, { 1, "XFEATURE_SSE" }, { 2, "XFEATURE_YMM" },
	{ 3, "XFEATURE_BNDREGS" }, { 4, "XFEATURE_BNDCSR" }, { 5, "XFEATURE_OPMASK" },
	{ 6, "XFEATURE_ZMM_Hi256" }, { 7, "XFEATURE_Hi16_ZMM" },
	{ 8, "XFEATURE_PT_UNIMPLEMENTED_SO_FAR" }, { 9, "XFEATURE_PKRU" },
	{ 10, "XFEATURE_PASID" }, { 15, "XFEATURE_LBR" }, { 17, "XFEATURE_XTILE_CFG" },
	{ 18, "XFEATURE_XTILE_DATA" });

enum {
	ARCH_GET_FS_ = 0x1003, ARCH_GET_GS_ = 0x1004, ARCH_GET_CPUID_ = 0x1011,
	ARCH_GET_XCOMP_SUPP_ = 0x1021, ARCH_GET_XCOMP_PERM_ = 0x1022,
	ARCH_REQ_XCOMP_PERM_ = 0x1023, ARCH_GET_XCOMP_GUEST_PERM_ = 0x1024,
	ARCH_REQ_XCOMP_GUEST_PERM_ = 0x1025,
};

/* XSAVE masks are printed as number and comment in every style but raw. */
static void print_xfeature_mask_at(struct sc *sc, uint64_t addr)
{
	uint64_t v;
	char names[512];
	if (!fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		return;
	pr_array_begin(sc->p);
	pr_hex(sc->p, v);
	if (sc->p->xlat_style != PR_XLAT_RAW) {
		if (pr_sprint_flag_names(names, sizeof(names), &x86_xfeature_masks, v))
			pr_comment(sc->p, "%s", names);
		else if (v)
			pr_comment(sc->p, "XFEATURE_MASK_???");
	}
	pr_array_end(sc->p);
}

int decode_arch_prctl(struct sc *sc)
{
	uint32_t code = (uint32_t)sc->arg[0];
	uint64_t addr = sc->arg[1];

	switch (code) {
	case ARCH_GET_FS_:
	case ARCH_GET_GS_:
		if (!sc->exiting)
			break;
		print_ptr_at(sc, addr);
		return RV_DEC;
	case ARCH_GET_XCOMP_SUPP_:
	case ARCH_GET_XCOMP_PERM_:
	case ARCH_GET_XCOMP_GUEST_PERM_:
		if (!sc->exiting)
			break;
		print_xfeature_mask_at(sc, addr);
		return RV_DEC;
	case ARCH_REQ_XCOMP_PERM_:
	case ARCH_REQ_XCOMP_GUEST_PERM_:
		if (!sc->exiting)
			break;
		/* The granted features: a hex mask, named after it but not in -X raw. */
		if (sc->err || sc->rval <= 0)
			return RV_DEC;
		if (sc->p->xlat_style == PR_XLAT_RAW)
			return RV_HEX;
		/* Only known features are named: a result with none has no parentheses. */
		if (!pr_sprint_flag_names(sc->aux, sizeof(sc->aux), &x86_xfeature_masks,
					  (uint64_t)sc->rval)) {
			sc->aux[0] = 0;
			return RV_HEX;
		}
		return RV_HEX | RV_AUX;
	}

	pr_xval(sc->p, &arch_codes, code, "ARCH_???");
	switch (code) {
	case ARCH_GET_FS_:
	case ARCH_GET_GS_:
	case ARCH_GET_XCOMP_SUPP_:
	case ARCH_GET_XCOMP_PERM_:
	case ARCH_GET_XCOMP_GUEST_PERM_:
		return DEC_AT_EXIT;
	case ARCH_GET_CPUID_:
		return RV_DECODED | RV_DEC;
	case ARCH_REQ_XCOMP_PERM_:
	case ARCH_REQ_XCOMP_GUEST_PERM_:
		/* The feature number: number and comment unless raw. */
		pr_hex(sc->p, addr);
		if (sc->p->xlat_style != PR_XLAT_RAW) {
			const char *name = xlat_lookup(&x86_xfeature_bits, addr);
			pr_comment(sc->p, "%s", name ? name : "XFEATURE_???");
		}
		return DEC_AT_EXIT;
	}
	pr_hex(sc->p, addr);
	return RV_DECODED | RV_DEC;
}

/* ---- thread bookkeeping ---- */

/* Printed raw by strace: every argument in hex. */
static int print_args_hex(struct sc *sc, int nargs)
{
	for (int i = 0; i < nargs; i++)
		pr_hex(sc->p, sc->arg[i]);
	return RV_DECODED | RV_DEC;
}

int decode_set_tid_address(struct sc *sc)
{
	return print_args_hex(sc, 1);
}

int decode_rseq(struct sc *sc)
{
	return print_args_hex(sc, 4);
}

/* set_robust_list(head, len): an address and a size. */
int decode_set_robust_list(struct sc *sc)
{
	print_addr(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_get_robust_list(struct sc *sc)
{
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TID);
		return DEC_AT_EXIT;
	}
	print_ptr_at(sc, sc->arg[1]);
	print_u64_at(sc, sc->arg[2]);
	return RV_DEC;
}

/* ---- futex ---- */

enum {
	FX_WAIT, FX_WAKE, FX_FD, FX_REQUEUE, FX_CMP_REQUEUE, FX_WAKE_OP, FX_LOCK_PI,
	FX_UNLOCK_PI, FX_TRYLOCK_PI, FX_WAIT_BITSET, FX_WAKE_BITSET, FX_WAIT_REQUEUE_PI,
	FX_CMP_REQUEUE_PI, FX_LOCK_PI2,
	FX_PRIVATE = 128, FX_CLOCK_REALTIME = 256,
};

/* Operations with the private and clock flags, each spelled as one name as strace does. */
STATIC_XLAT(futex_ops,
	{ 0, "FUTEX_WAIT" }, { 1, "FUTEX_WAKE" }, { 2, "FUTEX_FD" }, { 3, "FUTEX_REQUEUE" },
	{ 4, "FUTEX_CMP_REQUEUE" }, { 5, "FUTEX_WAKE_OP" }, { 6, "FUTEX_LOCK_PI" },
	{ 7, "FUTEX_UNLOCK_PI" }, { 8, "FUTEX_TRYLOCK_PI" }, { 9, "FUTEX_WAIT_BITSET" },
	{ 10, "FUTEX_WAKE_BITSET" }, { 11, "FUTEX_WAIT_REQUEUE_PI" },
	{ 12, "FUTEX_CMP_REQUEUE_PI" }, { 13, "FUTEX_LOCK_PI2" },
	{ 128, "FUTEX_WAIT_PRIVATE" }, { 129, "FUTEX_WAKE_PRIVATE" },
	{ 130, "FUTEX_FD|FUTEX_PRIVATE_FLAG" }, { 131, "FUTEX_REQUEUE_PRIVATE" },
	{ 132, "FUTEX_CMP_REQUEUE_PRIVATE" }, { 133, "FUTEX_WAKE_OP_PRIVATE" },
	{ 134, "FUTEX_LOCK_PI_PRIVATE" }, { 135, "FUTEX_UNLOCK_PI_PRIVATE" },
	{ 136, "FUTEX_TRYLOCK_PI_PRIVATE" }, { 137, "FUTEX_WAIT_BITSET_PRIVATE" },
	{ 138, "FUTEX_WAKE_BITSET_PRIVATE" }, { 139, "FUTEX_WAIT_REQUEUE_PI_PRIVATE" },
	{ 140, "FUTEX_CMP_REQUEUE_PI_PRIVATE" }, { 141, "FUTEX_LOCK_PI2_PRIVATE" },
	{ 256, "FUTEX_WAIT|FUTEX_CLOCK_REALTIME" },
	{ 384, "FUTEX_WAIT_PRIVATE|FUTEX_CLOCK_REALTIME" },
	{ 265, "FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME" },
	{ 393, "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME" },
	{ 267, "FUTEX_WAIT_REQUEUE_PI|FUTEX_CLOCK_REALTIME" },
	{ 395, "FUTEX_WAIT_REQUEUE_PI_PRIVATE|FUTEX_CLOCK_REALTIME" });

STATIC_XLAT(futex_bitsets, { 0xffffffff, "FUTEX_BITSET_MATCH_ANY" });

STATIC_XLAT(futex_wake_ops,
	{ 0, "FUTEX_OP_SET" }, { 1, "FUTEX_OP_ADD" }, { 2, "FUTEX_OP_OR" },
	{ 3, "FUTEX_OP_ANDN" }, { 4, "FUTEX_OP_XOR" });

STATIC_XLAT(futex_wake_cmps,
	{ 0, "FUTEX_OP_CMP_EQ" }, { 1, "FUTEX_OP_CMP_NE" }, { 2, "FUTEX_OP_CMP_LT" },
	{ 3, "FUTEX_OP_CMP_LE" }, { 4, "FUTEX_OP_CMP_GT" }, { 5, "FUTEX_OP_CMP_GE" });

/*
 * One named part of the FUTEX_WAKE_OP encoding, inline: NAME, "0x1 / * NAME * /" (-X
 * verbose) or "0x1" (-X raw, where strace counts the name as not found).
 */
static bool raw_xval(struct pr *p, const struct xlat *x, uint32_t v)
{
	const char *name = xlat_lookup(x, v);
	if (p->xlat_style == PR_XLAT_RAW || !name) {
		pr_rawf(p, "%#x", v);
		return false;
	}
	if (p->xlat_style == PR_XLAT_VERBOSE)
		pr_rawf(p, "%#x /* %s */", v, name);
	else
		pr_raw(p, name);
	return true;
}

/*
 * The encoded operation of FUTEX_WAKE_OP, val3 = op<<28 | cmp<<24 | oparg<<12 | cmparg,
 * where bit 31 (FUTEX_OP_OPARG_SHIFT<<28) makes oparg a shift count. Printed as strace
 * does: FUTEX_OP_ADD<<28|0x1<<12|FUTEX_OP_CMP_GT<<24|0.
 */
static void print_futex_wake_op(struct sc *sc, uint32_t v)
{
	static const struct xlat_pair shift_pair[] = { { 8, "FUTEX_OP_OPARG_SHIFT" } };
	static const struct xlat shift = { shift_pair, 1 };
	struct pr *p = sc->p;

	pr_item(p);
	if (v >> 28 & 8) {
		raw_xval(p, &shift, 8);
		pr_raw(p, "<<28|");
	}
	bool known = raw_xval(p, &futex_wake_ops, (v >> 28) & 7);
	pr_raw(p, known ? "<<28" : "<<28 /* FUTEX_OP_??? */");
	pr_rawf(p, "|%#x<<12|", (v >> 12) & 0xfff);
	known = raw_xval(p, &futex_wake_cmps, (v >> 24) & 15);
	pr_raw(p, known ? "<<24" : "<<24 /* FUTEX_OP_CMP_??? */");
	pr_rawf(p, "|%#x", v & 0xfff);
}

int decode_futex(struct sc *sc)
{
	struct pr *p = sc->p;
	uint32_t op = (uint32_t)sc->arg[1];
	uint32_t val = (uint32_t)sc->arg[2];
	uint32_t val2 = (uint32_t)sc->arg[3];
	uint32_t val3 = (uint32_t)sc->arg[5];
	uint64_t timeout = sc->arg[3];
	uint64_t uaddr2 = sc->arg[4];

	print_addr(sc, sc->arg[0]);
	pr_xval(p, &futex_ops, op, "FUTEX_???");
	switch (op & 127) {
	case FX_WAIT:
		pr_uint(p, val);
		print_timespec_at(sc, timeout);
		break;
	case FX_LOCK_PI:
	case FX_LOCK_PI2:
		print_timespec_at(sc, timeout);
		break;
	case FX_WAIT_BITSET:
		pr_uint(p, val);
		print_timespec_at(sc, timeout);
		pr_xval(p, &futex_bitsets, val3, NULL);
		break;
	case FX_WAKE_BITSET:
		pr_uint(p, val);
		pr_xval(p, &futex_bitsets, val3, NULL);
		break;
	case FX_REQUEUE:
		pr_uint(p, val);
		pr_uint(p, val2);
		print_addr(sc, uaddr2);
		break;
	case FX_CMP_REQUEUE:
	case FX_CMP_REQUEUE_PI:
		pr_uint(p, val);
		pr_uint(p, val2);
		print_addr(sc, uaddr2);
		pr_uint(p, val3);
		break;
	case FX_WAKE_OP:
		pr_uint(p, val);
		pr_uint(p, val2);
		print_addr(sc, uaddr2);
		print_futex_wake_op(sc, val3);
		break;
	case FX_WAIT_REQUEUE_PI:
		pr_uint(p, val);
		print_timespec_at(sc, timeout);
		print_addr(sc, uaddr2);
		break;
	case FX_FD:
	case FX_WAKE:
		pr_uint(p, val);
		break;
	case FX_UNLOCK_PI:
	case FX_TRYLOCK_PI:
		break;
	default:
		pr_uint(p, val);
		print_addr(sc, timeout);
		print_addr(sc, uaddr2);
		pr_hex(p, val3);
		break;
	}
	return RV_DECODED | RV_DEC;
}

/* ---- futex_waitv ---- */

STATIC_XLAT(futex_waiter_flags, { 2, "FUTEX_32" }, { 128, "FUTEX_PRIVATE_FLAG" });

/* The kernel takes at most FUTEX_WAITV_MAX waiters. */
#define FUTEX_WAITV_MAX_ 128

/* struct futex_waitv: val, uaddr, flags, __reserved. */
static bool print_waiter(struct sc *sc, const void *elem, void *data)
{
	struct { uint64_t val, uaddr; uint32_t flags, reserved; } w;
	unsigned *count = data;
	struct pr *p = sc->p;
	if ((*count)++ >= FUTEX_WAITV_MAX_) {
		pr_more(p);
		return false;
	}
	memcpy(&w, elem, sizeof(w));
	pr_struct_begin(p);
	pr_field(p, "val");
	pr_hex(p, w.val);
	pr_field(p, "uaddr");
	pr_ptr(p, w.uaddr);
	pr_field(p, "flags");
	pr_flags(p, &futex_waiter_flags, w.flags, "FUTEX_???");
	if (w.reserved) {
		pr_field(p, "__reserved");
		pr_hex(p, w.reserved);
	}
	pr_struct_end(p);
	return true;
}

int decode_futex_waitv(struct sc *sc)
{
	unsigned count = 0;
	uint32_t nr = (uint32_t)sc->arg[1];
	print_array(sc, sc->arg[0], nr, 24, 0, print_waiter, &count);
	pr_uint(sc->p, nr);
	pr_hex(sc->p, (uint32_t)sc->arg[2]);
	print_timespec_at(sc, sc->arg[3]);
	print_clockid(sc, (int)(uint32_t)sc->arg[4]);
	return RV_DECODED | RV_DEC;
}
