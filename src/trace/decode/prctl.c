/* SPDX-License-Identifier: Apache-2.0 */
/*
 * prctl: each PR_* option takes its own arguments. Only those an option uses are printed,
 * each in its own type; options that return data through arg2 print it at exit, and
 * options whose result is a set of flags explain it after the number.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <linux/prctl.h>
#include <linux/seccomp.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"

STATIC_XLAT(prctl_options,
	{ 1, "PR_SET_PDEATHSIG" }, { 2, "PR_GET_PDEATHSIG" }, { 3, "PR_GET_DUMPABLE" },
	{ 4, "PR_SET_DUMPABLE" }, { 5, "PR_GET_UNALIGN" }, { 6, "PR_SET_UNALIGN" },
	{ 7, "PR_GET_KEEPCAPS" }, { 8, "PR_SET_KEEPCAPS" }, { 9, "PR_GET_FPEMU" },
	{ 10, "PR_SET_FPEMU" }, { 11, "PR_GET_FPEXC" }, { 12, "PR_SET_FPEXC" },
	{ 13, "PR_GET_TIMING" }, { 14, "PR_SET_TIMING" }, { 15, "PR_SET_NAME" },
	{ 16, "PR_GET_NAME" }, { 19, "PR_GET_ENDIAN" }, { 20, "PR_SET_ENDIAN" },
	{ 21, "PR_GET_SECCOMP" }, { 22, "PR_SET_SECCOMP" }, { 23, "PR_CAPBSET_READ" },
	{ 24, "PR_CAPBSET_DROP" }, { 25, "PR_GET_TSC" }, { 26, "PR_SET_TSC" },
	{ 27, "PR_GET_SECUREBITS" }, { 28, "PR_SET_SECUREBITS" }, { 29, "PR_SET_TIMERSLACK" },
	{ 30, "PR_GET_TIMERSLACK" }, { 31, "PR_TASK_PERF_EVENTS_DISABLE" },
	{ 32, "PR_TASK_PERF_EVENTS_ENABLE" }, { 33, "PR_MCE_KILL" }, { 34, "PR_MCE_KILL_GET" },
	{ 35, "PR_SET_MM" }, { 36, "PR_SET_CHILD_SUBREAPER" }, { 37, "PR_GET_CHILD_SUBREAPER" },
	{ 38, "PR_SET_NO_NEW_PRIVS" }, { 39, "PR_GET_NO_NEW_PRIVS" },
	{ 40, "PR_GET_TID_ADDRESS" }, { 41, "PR_SET_THP_DISABLE" },
	{ 42, "PR_GET_THP_DISABLE" }, { 43, "PR_MPX_ENABLE_MANAGEMENT" },
	{ 44, "PR_MPX_DISABLE_MANAGEMENT" }, { 45, "PR_SET_FP_MODE" }, { 46, "PR_GET_FP_MODE" },
	{ 47, "PR_CAP_AMBIENT" }, { 50, "PR_SVE_SET_VL" }, { 51, "PR_SVE_GET_VL" },
	{ 52, "PR_GET_SPECULATION_CTRL" }, { 53, "PR_SET_SPECULATION_CTRL" },
	{ 54, "PR_PAC_RESET_KEYS" }, { 55, "PR_SET_TAGGED_ADDR_CTRL" },
	{ 56, "PR_GET_TAGGED_ADDR_CTRL" }, { 57, "PR_SET_IO_FLUSHER" },
	{ 58, "PR_GET_IO_FLUSHER" }, { 59, "PR_SET_SYSCALL_USER_DISPATCH" },
	{ 60, "PR_PAC_SET_ENABLED_KEYS" }, { 61, "PR_PAC_GET_ENABLED_KEYS" },
	{ 62, "PR_SCHED_CORE" }, { 63, "PR_SME_SET_VL" }, { 64, "PR_SME_GET_VL" },
	{ 0x53564d41, "PR_SET_VMA" }, { 0x59616d61, "PR_SET_PTRACER" });

STATIC_XLAT(pr_dumpable,
	{ 0, "SUID_DUMP_DISABLE" }, { 1, "SUID_DUMP_USER" }, { 2, "SUID_DUMP_ROOT" });

STATIC_XLAT(capabilities,
	{ 0, "CAP_CHOWN" }, { 1, "CAP_DAC_OVERRIDE" }, { 2, "CAP_DAC_READ_SEARCH" },
	{ 3, "CAP_FOWNER" }, { 4, "CAP_FSETID" }, { 5, "CAP_KILL" }, { 6, "CAP_SETGID" },
	{ 7, "CAP_SETUID" }, { 8, "CAP_SETPCAP" }, { 9, "CAP_LINUX_IMMUTABLE" },
	{ 10, "CAP_NET_BIND_SERVICE" }, { 11, "CAP_NET_BROADCAST" }, { 12, "CAP_NET_ADMIN" },
	{ 13, "CAP_NET_RAW" }, { 14, "CAP_IPC_LOCK" }, { 15, "CAP_IPC_OWNER" },
	{ 16, "CAP_SYS_MODULE" }, { 17, "CAP_SYS_RAWIO" }, { 18, "CAP_SYS_CHROOT" },
	{ 19, "CAP_SYS_PTRACE" }, { 20, "CAP_SYS_PACCT" }, { 21, "CAP_SYS_ADMIN" },
	{ 22, "CAP_SYS_BOOT" }, { 23, "CAP_SYS_NICE" }, { 24, "CAP_SYS_RESOURCE" },
	{ 25, "CAP_SYS_TIME" }, { 26, "CAP_SYS_TTY_CONFIG" }, { 27, "CAP_MKNOD" },
	{ 28, "CAP_LEASE" }, { 29, "CAP_AUDIT_WRITE" }, { 30, "CAP_AUDIT_CONTROL" },
	{ 31, "CAP_SETFCAP" }, { 32, "CAP_MAC_OVERRIDE" }, { 33, "CAP_MAC_ADMIN" },
	{ 34, "CAP_SYSLOG" }, { 35, "CAP_WAKE_ALARM" }, { 36, "CAP_BLOCK_SUSPEND" },
	{ 37, "CAP_AUDIT_READ" }, { 38, "CAP_PERFMON" }, { 39, "CAP_BPF" },
	{ 40, "CAP_CHECKPOINT_RESTORE" });

STATIC_XLAT(pr_cap_ambient,
	{ 1, "PR_CAP_AMBIENT_IS_SET" }, { 2, "PR_CAP_AMBIENT_RAISE" },
	{ 3, "PR_CAP_AMBIENT_LOWER" }, { 4, "PR_CAP_AMBIENT_CLEAR_ALL" });

STATIC_XLAT(seccomp_mode,
	{ 0, "SECCOMP_MODE_DISABLED" }, { 1, "SECCOMP_MODE_STRICT" }, { 2, "SECCOMP_MODE_FILTER" });

STATIC_XLAT(secbits,
	{ 0x01, "SECBIT_NOROOT" }, { 0x02, "SECBIT_NOROOT_LOCKED" },
	{ 0x04, "SECBIT_NO_SETUID_FIXUP" }, { 0x08, "SECBIT_NO_SETUID_FIXUP_LOCKED" },
	{ 0x10, "SECBIT_KEEP_CAPS" }, { 0x20, "SECBIT_KEEP_CAPS_LOCKED" },
	{ 0x40, "SECBIT_NO_CAP_AMBIENT_RAISE" }, { 0x80, "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED" });

STATIC_XLAT(pr_tsc, { 1, "PR_TSC_ENABLE" }, { 2, "PR_TSC_SIGSEGV" });
STATIC_XLAT(pr_unalign_flags, { 1, "PR_UNALIGN_NOPRINT" }, { 2, "PR_UNALIGN_SIGBUS" });
STATIC_XLAT(pr_mce_kill, { 0, "PR_MCE_KILL_CLEAR" }, { 1, "PR_MCE_KILL_SET" });
STATIC_XLAT(pr_mce_kill_policy,
	{ 0, "PR_MCE_KILL_LATE" }, { 1, "PR_MCE_KILL_EARLY" }, { 2, "PR_MCE_KILL_DEFAULT" });
STATIC_XLAT(pr_set_mm,
	{ 1, "PR_SET_MM_START_CODE" }, { 2, "PR_SET_MM_END_CODE" },
	{ 3, "PR_SET_MM_START_DATA" }, { 4, "PR_SET_MM_END_DATA" },
	{ 5, "PR_SET_MM_START_STACK" }, { 6, "PR_SET_MM_START_BRK" }, { 7, "PR_SET_MM_BRK" },
	{ 8, "PR_SET_MM_ARG_START" }, { 9, "PR_SET_MM_ARG_END" }, { 10, "PR_SET_MM_ENV_START" },
	{ 11, "PR_SET_MM_ENV_END" }, { 12, "PR_SET_MM_AUXV" }, { 13, "PR_SET_MM_EXE_FILE" },
	{ 14, "PR_SET_MM_MAP" }, { 15, "PR_SET_MM_MAP_SIZE" });
STATIC_XLAT(pr_spec_cmds,
	{ 0, "PR_SPEC_STORE_BYPASS" }, { 1, "PR_SPEC_INDIRECT_BRANCH" },
	{ 2, "PR_SPEC_L1D_FLUSH" });
STATIC_XLAT(pr_spec_get_flags,
	{ 0, "PR_SPEC_NOT_AFFECTED" }, { 1, "PR_SPEC_PRCTL" }, { 2, "PR_SPEC_ENABLE" },
	{ 4, "PR_SPEC_DISABLE" }, { 8, "PR_SPEC_FORCE_DISABLE" }, { 16, "PR_SPEC_DISABLE_NOEXEC" });
STATIC_XLAT(pr_spec_set_flags,
	{ 2, "PR_SPEC_ENABLE" }, { 4, "PR_SPEC_DISABLE" }, { 8, "PR_SPEC_FORCE_DISABLE" },
	{ 16, "PR_SPEC_DISABLE_NOEXEC" });
STATIC_XLAT(pr_set_vma, { 0, "PR_SET_VMA_ANON_NAME" });
STATIC_XLAT(pr_fp_mode, { 1, "PR_FP_MODE_FR" }, { 2, "PR_FP_MODE_FRE" });
/* The keys PR_PAC_SET_ENABLED_KEYS takes; PR_PAC_RESET_KEYS also takes the generic key. */
STATIC_XLAT(pr_pac_enabled_keys,
	{ 1, "PR_PAC_APIAKEY" }, { 2, "PR_PAC_APIBKEY" }, { 4, "PR_PAC_APDAKEY" },
	{ 8, "PR_PAC_APDBKEY" });
STATIC_XLAT(pr_pac_all_keys,
	{ 1, "PR_PAC_APIAKEY" }, { 2, "PR_PAC_APIBKEY" }, { 4, "PR_PAC_APDAKEY" },
	{ 8, "PR_PAC_APDBKEY" }, { 16, "PR_PAC_APGAKEY" });
STATIC_XLAT(pr_sched_core_cmds,
	{ 0, "PR_SCHED_CORE_GET" }, { 1, "PR_SCHED_CORE_CREATE" },
	{ 2, "PR_SCHED_CORE_SHARE_TO" }, { 3, "PR_SCHED_CORE_SHARE_FROM" });
STATIC_XLAT(pr_sched_core_pidtypes,
	{ 0, "PIDTYPE_PID" }, { 1, "PIDTYPE_TGID" }, { 2, "PIDTYPE_PGID" }, { 3, "PIDTYPE_SID" });
STATIC_XLAT(pr_sud_cmds, { 0, "PR_SYS_DISPATCH_OFF" }, { 1, "PR_SYS_DISPATCH_ON" });
STATIC_XLAT(pr_sve_vl_flags,
	{ 1 << 18, "PR_SVE_SET_VL_ONEXEC" }, { 1 << 17, "PR_SVE_VL_INHERIT" });
STATIC_XLAT(pr_sme_vl_flags,
	{ 1 << 18, "PR_SME_SET_VL_ONEXEC" }, { 1 << 17, "PR_SME_VL_INHERIT" });
STATIC_XLAT(pr_tagged_addr_enable,
	{ 0, "!PR_TAGGED_ADDR_ENABLE" }, { 1, "PR_TAGGED_ADDR_ENABLE" });
STATIC_XLAT(pr_mte_tcf,
	{ 0, "PR_MTE_TCF_NONE" }, { 2, "PR_MTE_TCF_SYNC" }, { 4, "PR_MTE_TCF_ASYNC" },
	{ 6, "PR_MTE_TCF_MASK" });

/* Linux's TASK_COMM_LEN: a thread name is at most 15 bytes and a NUL. */
#define TASK_COMM_LEN 16

/* The low 16 bits of an SVE / SME vector length argument are the length, the rest flags. */
#define VL_LEN_MASK 0xffffu

/* The arguments from FIRST (0-based) to the fifth, in hex. */
static void print_prctl_rest(struct sc *sc, int first)
{
	for (int i = first; i < 5; i++)
		pr_hex(sc->p, sc->arg[i]);
}

/*
 * The names of the flags of a result for " (NAMES)" after it in hex: nothing unless one
 * bit has a name, a zero value named by the table, and nothing at all with -X raw.
 */
static int hex_result_flags(struct sc *sc, const struct xlat *x, uint64_t v)
{
	if (sc->p->xlat_style == PR_XLAT_RAW)
		return RV_HEX;
	if (v == 0) {
		const char *name = xlat_lookup(x, 0);
		if (!name)
			return RV_HEX;
		snprintf(sc->aux, sizeof(sc->aux), "%s", name);
		return RV_HEX | RV_AUX;
	}
	if (!pr_sprint_flag_names(sc->aux, sizeof(sc->aux), x, v))
		return RV_HEX;
	return RV_HEX | RV_AUX;
}

/* A result named by X in " (NAME)" whatever the -X style, or a plain number. */
static int dec_result_name(struct sc *sc, const struct xlat *x, uint64_t v)
{
	const char *name = xlat_lookup(x, v);
	if (!name)
		return RV_DEC;
	snprintf(sc->aux, sizeof(sc->aux), "%s", name);
	return RV_DEC | RV_AUX;
}

/* "FLAGS|0xLEN" of a vector length argument, or "0xLEN" without flags. */
static void sprint_vl(char *buf, size_t n, const struct xlat *flags_x, uint64_t v)
{
	uint64_t len = v & VL_LEN_MASK, flags = v & ~(uint64_t)VL_LEN_MASK;
	char names[256];
	names[0] = 0;
	if (flags)
		pr_sprint_flag_names(names, sizeof(names), flags_x, flags);
	snprintf(buf, n, "%s%s%#" PRIx64, names, names[0] ? "|" : "", len);
}

/* The vector length argument of PR_SVE_SET_VL / PR_SME_SET_VL. */
static void print_vl_arg(struct sc *sc, const struct xlat *flags_x, uint64_t v)
{
	char text[300];
	if (sc->p->xlat_style == PR_XLAT_RAW || !(v & ~(uint64_t)VL_LEN_MASK)) {
		pr_hex(sc->p, v);
		return;
	}
	sprint_vl(text, sizeof(text), flags_x, v);
	if (sc->p->xlat_style == PR_XLAT_VERBOSE) {
		pr_hex(sc->p, v);
		pr_comment(sc->p, "%s", text);
	} else {
		pr_text(sc->p, text);
	}
}

/* The result of the vector length options: hex, explained when it has flags. */
static int vl_result(struct sc *sc, const struct xlat *flags_x)
{
	uint64_t v = (uint64_t)sc->rval;
	if (sc_failed(sc) || v == 0)
		return RV_DEC;
	if (sc->p->xlat_style == PR_XLAT_RAW || !(v & ~(uint64_t)VL_LEN_MASK))
		return RV_HEX;
	sprint_vl(sc->aux, sizeof(sc->aux), flags_x, v);
	return RV_HEX | RV_AUX;
}

/*
 * The tagged address control word: "PR_TAGGED_ADDR_ENABLE|PR_MTE_TCF_SYNC", the MTE tag
 * mask as "0x..<<PR_MTE_TAG_SHIFT" and unknown bits in hex after them.
 */
static void sprint_tagged_addr(char *buf, size_t n, uint64_t v)
{
	uint64_t tag = v & PR_MTE_TAG_MASK;
	uint64_t rest = v & ~((uint64_t)PR_TAGGED_ADDR_ENABLE | PR_MTE_TCF_MASK | PR_MTE_TAG_MASK);
	size_t len = (size_t)snprintf(buf, n, "%s|%s",
				      xlat_lookup(&pr_tagged_addr_enable, v & PR_TAGGED_ADDR_ENABLE),
				      xlat_lookup(&pr_mte_tcf, v & PR_MTE_TCF_MASK));
	if (tag && len < n)
		len += (size_t)snprintf(buf + len, n - len, "|%#" PRIx64 "<<PR_MTE_TAG_SHIFT",
					tag >> PR_MTE_TAG_SHIFT);
	if (rest && len < n)
		snprintf(buf + len, n - len, "|%#" PRIx64, rest);
}

static void print_tagged_addr_arg(struct sc *sc, uint64_t v)
{
	char text[256];
	if (sc->p->xlat_style == PR_XLAT_RAW) {
		pr_hex(sc->p, v);
		return;
	}
	sprint_tagged_addr(text, sizeof(text), v);
	if (sc->p->xlat_style == PR_XLAT_VERBOSE) {
		pr_hex(sc->p, v);
		pr_comment(sc->p, "%s", text);
	} else {
		pr_text(sc->p, text);
	}
}

static void print_in_brackets_xval(struct sc *sc, const struct xlat *x, uint32_t v,
				   const char *dflt, bool flags)
{
	pr_array_begin(sc->p);
	if (flags)
		pr_flags(sc->p, x, v, dflt);
	else
		pr_xval(sc->p, x, v, dflt);
	pr_array_end(sc->p);
}

/* Options that store their answer through arg2: printed at exit. */
static void print_stored_answer(struct sc *sc, unsigned int option)
{
	uint64_t arg2 = sc->arg[1];
	uint32_t v;
	switch (option) {
	case PR_GET_CHILD_SUBREAPER: case PR_GET_ENDIAN: case PR_GET_FPEMU: case PR_GET_FPEXC:
		print_uint_at(sc, arg2);
		break;
	case PR_GET_NAME:
		if (sc_failed(sc))
			print_addr(sc, arg2);
		else
			print_str_upto(sc, arg2, TASK_COMM_LEN);
		break;
	case PR_GET_PDEATHSIG:
		if (fetch_or_print_addr(sc, arg2, &v, sizeof(v))) {
			pr_array_begin(sc->p);
			print_signal(sc->p, (int)v);
			pr_array_end(sc->p);
		}
		break;
	case PR_GET_TID_ADDRESS:
		print_ptr_at(sc, arg2);
		break;
	case PR_GET_TSC:
		if (fetch_or_print_addr(sc, arg2, &v, sizeof(v)))
			print_in_brackets_xval(sc, &pr_tsc, v, "PR_TSC_???", false);
		break;
	case PR_GET_UNALIGN:
		if (fetch_or_print_addr(sc, arg2, &v, sizeof(v)))
			print_in_brackets_xval(sc, &pr_unalign_flags, v, "PR_UNALIGN_???", true);
		break;
	}
}

/* PR_SCHED_CORE: the command, a pid, its type, and (stored by GET) a cookie. */
static int prctl_sched_core(struct sc *sc)
{
	struct pr *p = sc->p;
	if (sc->exiting) {
		uint64_t cookie;
		if (fetch_or_print_addr(sc, sc->arg[4], &cookie, sizeof(cookie)))
			pr_textf(p, "[%#" PRIx64 "]", cookie);
		return RV_DEC;
	}
	pr_xval(p, &pr_sched_core_cmds, (uint32_t)sc->arg[1], "PR_SCHED_CORE_???");
	print_pid(sc, (int)sc->arg[2],
		  (uint32_t)sc->arg[3] < PID_NKINDS ? (int)sc->arg[3] : PID_NONE);
	/* The pid type is always explained in a comment, except with -X raw. */
	enum pr_xlat_style saved = p->xlat_style;
	if (saved != PR_XLAT_RAW)
		p->xlat_style = PR_XLAT_VERBOSE;
	pr_xval(p, &pr_sched_core_pidtypes, (uint32_t)sc->arg[3], "PIDTYPE_???");
	p->xlat_style = saved;
	if ((uint32_t)sc->arg[1] == PR_SCHED_CORE_GET)
		return DEC_AT_EXIT;
	print_addr(sc, sc->arg[4]);
	return RV_DECODED | RV_DEC;
}

/* Options whose result is explained, or whose output is printed, at exit. */
static int prctl_exit(struct sc *sc, unsigned int option)
{
	uint64_t rv = (uint64_t)sc->rval;
	switch (option) {
	case PR_SCHED_CORE:
		return prctl_sched_core(sc);
	case PR_SVE_SET_VL: case PR_SVE_GET_VL:
		return vl_result(sc, &pr_sve_vl_flags);
	case PR_SME_SET_VL: case PR_SME_GET_VL:
		return vl_result(sc, &pr_sme_vl_flags);
	}
	if (sc_failed(sc)) {
		print_stored_answer(sc, option);
		return RV_DEC;
	}
	switch (option) {
	case PR_GET_DUMPABLE:
		return dec_result_name(sc, &pr_dumpable, rv);
	case PR_MCE_KILL_GET:
		return dec_result_name(sc, &pr_mce_kill_policy, rv);
	case PR_GET_SECUREBITS:
		return rv ? hex_result_flags(sc, &secbits, rv) : RV_DEC;
	case PR_GET_FP_MODE:
		return rv ? hex_result_flags(sc, &pr_fp_mode, rv) : RV_DEC;
	case PR_PAC_GET_ENABLED_KEYS:
		return hex_result_flags(sc, &pr_pac_enabled_keys, rv);
	case PR_GET_SPECULATION_CTRL:
		if (sc->arg[1] <= PR_SPEC_L1D_FLUSH)
			return hex_result_flags(sc, &pr_spec_get_flags, rv);
		return RV_DEC;
	case PR_GET_TAGGED_ADDR_CTRL:
		if (sc->p->xlat_style == PR_XLAT_RAW)
			return RV_HEX;
		sprint_tagged_addr(sc->aux, sizeof(sc->aux), rv);
		return RV_HEX | RV_AUX;
	}
	print_stored_answer(sc, option);
	return RV_DEC;
}

static void print_ptracer(struct sc *sc, uint64_t arg2)
{
	struct pr *p = sc->p;
	if ((int)arg2 != -1) {
		print_pid(sc, (int)arg2, PID_TGID);
		return;
	}
	if (p->xlat_style == PR_XLAT_ABBREV)
		pr_text(p, "PR_SET_PTRACER_ANY");
	else
		pr_int(p, -1);
	if (p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(p, "PR_SET_PTRACER_ANY");
}

/* Options that only set: every argument they take is an input. */
static void prctl_set(struct sc *sc, unsigned int option)
{
	struct pr *p = sc->p;
	uint64_t arg2 = sc->arg[1], arg3 = sc->arg[2];
	switch (option) {
	case PR_SET_CHILD_SUBREAPER: case PR_SET_ENDIAN: case PR_SET_FPEMU: case PR_SET_FPEXC:
	case PR_SET_KEEPCAPS: case PR_SET_TIMING:
		pr_uint(p, arg2);
		break;
	case PR_SET_DUMPABLE:
		pr_xval(p, &pr_dumpable, arg2, "SUID_DUMP_???");
		break;
	case PR_CAPBSET_READ: case PR_CAPBSET_DROP:
		pr_xval(p, &capabilities, arg2, "CAP_???");
		break;
	case PR_CAP_AMBIENT:
		pr_xval(p, &pr_cap_ambient, arg2, "PR_CAP_AMBIENT_???");
		if (arg2 >= PR_CAP_AMBIENT_IS_SET && arg2 <= PR_CAP_AMBIENT_LOWER) {
			pr_xval(p, &capabilities, arg3, "CAP_???");
			print_prctl_rest(sc, 3);
		} else {
			print_prctl_rest(sc, 2);
		}
		break;
	case PR_MCE_KILL:
		pr_xval(p, &pr_mce_kill, arg2, "PR_MCE_KILL_???");
		if (arg2 == PR_MCE_KILL_SET)
			pr_xval(p, &pr_mce_kill_policy, arg3, "PR_MCE_KILL_???");
		else
			pr_hex(p, arg3);
		print_prctl_rest(sc, 3);
		break;
	case PR_SET_NAME:
		print_str_upto(sc, arg2, TASK_COMM_LEN - 1);
		break;
	case PR_SET_VMA:
		pr_xval(p, &pr_set_vma, arg2, "PR_SET_VMA_???");
		if (arg2 == PR_SET_VMA_ANON_NAME) {
			print_addr(sc, arg3);
			pr_uint(p, sc->arg[3]);
			print_str(sc, sc->arg[4]);
		} else {
			print_prctl_rest(sc, 2);
		}
		break;
	case PR_SET_MM:
		pr_xval(p, &pr_set_mm, (uint32_t)arg2, "PR_SET_MM_???");
		print_prctl_rest(sc, 2);
		break;
	case PR_SET_PDEATHSIG:
		if (arg2 > 128)
			pr_uint(p, arg2);
		else
			print_signal(p, (int)arg2);
		break;
	case PR_SET_PTRACER:
		print_ptracer(sc, arg2);
		break;
	case PR_SET_SECCOMP:
		pr_xval(p, &seccomp_mode, arg2, "SECCOMP_MODE_???");
		if (arg2 == SECCOMP_MODE_FILTER)
			print_sock_fprog_at(sc, arg3);
		else if (arg2 != SECCOMP_MODE_STRICT)
			print_prctl_rest(sc, 2);
		break;
	case PR_SET_SECUREBITS:
		pr_flags(p, &secbits, arg2, "SECBIT_???");
		break;
	case PR_SET_TIMERSLACK:
		pr_int(p, (int64_t)arg2);
		break;
	case PR_SET_TSC:
		pr_xval(p, &pr_tsc, (uint32_t)arg2, "PR_TSC_???");
		break;
	case PR_SET_UNALIGN:
		pr_flags(p, &pr_unalign_flags, (uint32_t)arg2, "PR_UNALIGN_???");
		break;
	case PR_SET_NO_NEW_PRIVS: case PR_SET_THP_DISABLE: case PR_SET_IO_FLUSHER:
		pr_uint(p, arg2);
		print_prctl_rest(sc, 2);
		break;
	case PR_SET_FP_MODE:
		pr_flags(p, &pr_fp_mode, (uint32_t)arg2, "PR_FP_MODE_???");
		break;
	case PR_SET_SPECULATION_CTRL:
		pr_xval(p, &pr_spec_cmds, arg2, "PR_SPEC_???");
		if (arg2 <= PR_SPEC_L1D_FLUSH)
			pr_xval(p, &pr_spec_set_flags, arg3, "PR_SPEC_???");
		else
			pr_hex(p, arg3);
		break;
	case PR_SET_TAGGED_ADDR_CTRL:
		print_tagged_addr_arg(sc, arg2);
		print_prctl_rest(sc, 2);
		break;
	case PR_PAC_RESET_KEYS:
		pr_flags(p, &pr_pac_all_keys, arg2, "PR_PAC_???");
		print_prctl_rest(sc, 2);
		break;
	case PR_PAC_SET_ENABLED_KEYS:
		pr_flags(p, &pr_pac_enabled_keys, arg2, "PR_PAC_???");
		pr_flags(p, &pr_pac_enabled_keys, arg3, "PR_PAC_???");
		print_prctl_rest(sc, 3);
		break;
	case PR_SET_SYSCALL_USER_DISPATCH:
		pr_xval(p, &pr_sud_cmds, arg2, "PR_SYS_DISPATCH_???");
		pr_hex(p, arg3);
		pr_hex(p, sc->arg[3]);
		print_addr(sc, sc->arg[4]);
		break;
	default:
		/* PR_GET_NO_NEW_PRIVS, PR_GET_THP_DISABLE, PR_MPX_*, unknown options ... */
		print_prctl_rest(sc, 1);
		break;
	}
}

int decode_prctl(struct sc *sc)
{
	unsigned int option = (unsigned int)sc->arg[0];
	if (sc->exiting)
		return prctl_exit(sc, option);
	pr_xval(sc->p, &prctl_options, option, "PR_???");
	switch (option) {
	case PR_GET_KEEPCAPS: case PR_GET_SECCOMP: case PR_GET_TIMERSLACK: case PR_GET_TIMING:
	case PR_TASK_PERF_EVENTS_DISABLE: case PR_TASK_PERF_EVENTS_ENABLE:
		return RV_DECODED | RV_DEC;
	/* Their only argument is an output. */
	case PR_GET_CHILD_SUBREAPER: case PR_GET_ENDIAN: case PR_GET_FPEMU: case PR_GET_FPEXC:
	case PR_GET_NAME: case PR_GET_PDEATHSIG: case PR_GET_TID_ADDRESS: case PR_GET_TSC:
	case PR_GET_UNALIGN:
		return DEC_AT_EXIT;
	/* No argument; the result is explained. */
	case PR_GET_DUMPABLE: case PR_GET_SECUREBITS: case PR_GET_FP_MODE:
	case PR_SVE_GET_VL: case PR_SME_GET_VL:
		return DEC_AT_EXIT;
	case PR_MCE_KILL_GET: case PR_GET_TAGGED_ADDR_CTRL: case PR_PAC_GET_ENABLED_KEYS:
		print_prctl_rest(sc, 1);
		return DEC_AT_EXIT;
	case PR_GET_SPECULATION_CTRL:
		pr_xval(sc->p, &pr_spec_cmds, sc->arg[1], "PR_SPEC_???");
		return DEC_AT_EXIT;
	case PR_SVE_SET_VL:
		print_vl_arg(sc, &pr_sve_vl_flags, sc->arg[1]);
		return DEC_AT_EXIT;
	case PR_SME_SET_VL:
		print_vl_arg(sc, &pr_sme_vl_flags, sc->arg[1]);
		return DEC_AT_EXIT;
	case PR_SCHED_CORE:
		return prctl_sched_core(sc);
	}
	prctl_set(sc, option);
	return RV_DECODED | RV_DEC;
}
