/* SPDX-License-Identifier: Apache-2.0 */
/*
 * siginfo_t as strace prints it, in signal lines ("--- SIGCHLD {si_signo=SIGCHLD, ...} ---")
 * and in syscalls that pass one (waitid, rt_sigqueueinfo, rt_sigtimedwait, ptrace).
 * Which union member is meaningful depends on si_code (sent by a process or by the
 * kernel) and then on the signal.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "schema/names.h"
#include "schema/syscalls.h"
#include "trace/decode.h"
#include "trace/print_extra.h"
#include "util/util.h"

/* si_code values are ints, looked up as 32-bit unsigned as strace does. */
#define CODE(sym) { (uint32_t)(sym), #sym }

/* Codes any signal may carry: who sent it. */
STATIC_XLAT(siginfo_codes,
	CODE(SI_USER), CODE(SI_KERNEL), CODE(SI_QUEUE), CODE(SI_TIMER), CODE(SI_MESGQ),
	CODE(SI_ASYNCIO), CODE(SI_SIGIO), CODE(SI_TKILL), CODE(SI_DETHREAD),
	CODE(SI_ASYNCNL));

STATIC_XLAT(sigchld_codes,
	CODE(CLD_EXITED), CODE(CLD_KILLED), CODE(CLD_DUMPED), CODE(CLD_TRAPPED),
	CODE(CLD_STOPPED), CODE(CLD_CONTINUED));
STATIC_XLAT(sigsegv_codes,
	{ 1, "SEGV_MAPERR" }, { 2, "SEGV_ACCERR" }, { 3, "SEGV_BNDERR" }, { 4, "SEGV_PKUERR" },
	{ 5, "SEGV_ACCADI" }, { 6, "SEGV_ADIDERR" }, { 7, "SEGV_ADIPERR" },
	{ 8, "SEGV_MTEAERR" }, { 9, "SEGV_MTESERR" });
STATIC_XLAT(sigbus_codes,
	{ 1, "BUS_ADRALN" }, { 2, "BUS_ADRERR" }, { 3, "BUS_OBJERR" }, { 4, "BUS_MCEERR_AR" },
	{ 5, "BUS_MCEERR_AO" });
STATIC_XLAT(sigtrap_codes,
	{ 1, "TRAP_BRKPT" }, { 2, "TRAP_TRACE" }, { 3, "TRAP_BRANCH" }, { 4, "TRAP_HWBKPT" },
	{ 5, "TRAP_UNK" }, { 6, "TRAP_PERF" });
STATIC_XLAT(sigill_codes,
	{ 1, "ILL_ILLOPC" }, { 2, "ILL_ILLOPN" }, { 3, "ILL_ILLADR" }, { 4, "ILL_ILLTRP" },
	{ 5, "ILL_PRVOPC" }, { 6, "ILL_PRVREG" }, { 7, "ILL_COPROC" }, { 8, "ILL_BADSTK" });
STATIC_XLAT(sigfpe_codes,
	{ 1, "FPE_INTDIV" }, { 2, "FPE_INTOVF" }, { 3, "FPE_FLTDIV" }, { 4, "FPE_FLTOVF" },
	{ 5, "FPE_FLTUND" }, { 6, "FPE_FLTRES" }, { 7, "FPE_FLTINV" }, { 8, "FPE_FLTSUB" },
	{ 14, "FPE_FLTUNK" }, { 15, "FPE_CONDTRAP" });
STATIC_XLAT(sigpoll_codes,
	{ 1, "POLL_IN" }, { 2, "POLL_OUT" }, { 3, "POLL_MSG" }, { 4, "POLL_ERR" },
	{ 5, "POLL_PRI" }, { 6, "POLL_HUP" });
STATIC_XLAT(sigprof_codes, { 1, "PROF_SIG" });
STATIC_XLAT(sigsys_codes, { 1, "SYS_SECCOMP" }, { 2, "SYS_USER_DISPATCH" });

XLAT_DEFINE(xlat_audit_arch, { 0xc000003e, "AUDIT_ARCH_X86_64" }, { 0x40000003, "AUDIT_ARCH_I386" });
#define AUDIT_ARCH_X86_64_VALUE 0xc000003eu

static const struct xlat *codes_of_signal(int sig)
{
	switch (sig) {
	case SIGCHLD: return &sigchld_codes;
	case SIGSEGV: return &sigsegv_codes;
	case SIGBUS: return &sigbus_codes;
	case SIGTRAP: return &sigtrap_codes;
	case SIGILL: return &sigill_codes;
	case SIGFPE: return &sigfpe_codes;
	case SIGIO: return &sigpoll_codes;
	case SIGPROF: return &sigprof_codes;
	case SIGSYS: return &sigsys_codes;
	default: return NULL;
	}
}

static void print_si_code(struct pr *p, int code, int sig)
{
	uint32_t v = (uint32_t)code;
	const struct xlat *x = &siginfo_codes;
	if (!xlat_lookup(x, v) && codes_of_signal(sig) && xlat_lookup(codes_of_signal(sig), v))
		x = codes_of_signal(sig);
	pr_xval(p, x, v, NULL);
}

/* si_errno: the errno name, or the number. */
static void print_si_errno(struct pr *p, int err)
{
	const char *name = errno_name(err);
	if (!name || p->xlat_style != PR_XLAT_ABBREV)
		pr_uint(p, (uint32_t)err);
	else
		pr_text(p, name);
	if (name && p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(p, "%s", name);
}

/* A user or group id: unsigned, except -1. */
static void print_id(struct pr *p, uint32_t id)
{
	if (id == UINT32_MAX)
		pr_int(p, -1);
	else
		pr_uint(p, id);
}

void print_clock_t(struct pr *p, uint64_t ticks)
{
	static long tck;
	static int frac_width;
	if (!tck) {
		tck = sysconf(_SC_CLK_TCK);
		if (tck <= 0)
			tck = -1;
		for (long t = tck; t >= 10 && frac_width < 9; t /= 10)
			frac_width++;
	}
	pr_uint(p, ticks);
	if (p->xlat_style == PR_XLAT_RAW || tck <= 0 || !ticks)
		return;
	char frac[32];
	snprintf(frac, sizeof(frac), "%.*f", frac_width, (double)(ticks % (uint64_t)tck) / tck);
	/* FRAC is "0.05": keep what follows its integer digit. */
	const char *dot = strchr(frac, '.');
	pr_comment(p, "%" PRIu64 "%s s", ticks / (uint64_t)tck, dot ? dot : "");
}

static void print_sigsource(struct pr *p, const siginfo_t *si)
{
	pr_field(p, "si_pid");
	pr_pid(p, si->si_pid, PID_TGID);
	pr_field(p, "si_uid");
	print_id(p, si->si_uid);
}

static void print_sigval(struct pr *p, const siginfo_t *si)
{
	pr_field(p, "si_int");
	pr_int(p, si->si_int);
	pr_field(p, "si_ptr");
	pr_ptr(p, (uint64_t)(uintptr_t)si->si_ptr);
}

static void print_addr_field(struct pr *p, const char *name, const void *addr)
{
	pr_field(p, name);
	pr_ptr(p, (uint64_t)(uintptr_t)addr);
}

static void print_band_fd(struct pr *p, const siginfo_t *si)
{
	pr_field(p, "si_band");
	pr_int(p, si->si_band);
	pr_field(p, "si_fd");
	pr_int(p, si->si_fd);
}

void print_syscall_nr(struct pr *p, uint32_t arch, uint64_t nr)
{
	const struct syscall_info *info = NULL;
	if (arch == AUDIT_ARCH_X86_64_VALUE)
		info = syscall_by_nr((long)nr);
	if (!info) {
		pr_uint(p, nr);
	} else if (p->xlat_style == PR_XLAT_RAW) {
		pr_uint(p, nr);
	} else if (p->xlat_style == PR_XLAT_VERBOSE) {
		pr_uint(p, nr);
		pr_comment(p, "__NR_%s", info->name);
	} else {
		pr_textf(p, "__NR_%s", info->name);
	}
}

/* si_syscall of a SIGSYS: "__NR_getpid" for an x86_64 syscall, else the number. */
static void print_si_syscall(struct pr *p, const siginfo_t *si)
{
	pr_field(p, "si_syscall");
	print_syscall_nr(p, si->si_arch, (uint32_t)si->si_syscall);
	pr_field(p, "si_arch");
	pr_xval(p, &xlat_audit_arch, si->si_arch, "AUDIT_ARCH_???");
}

/* si_code <= 0: sent by a process (kill, sigqueue, tgkill) or by a POSIX timer. */
static void print_user_sent(struct pr *p, const siginfo_t *si)
{
	switch (si->si_code) {
	case SI_USER:
	case SI_TKILL:
		print_sigsource(p, si);
		break;
	case SI_TIMER:
		pr_field(p, "si_timerid");
		pr_hex(p, (uint32_t)si->si_timerid);
		pr_field(p, "si_overrun");
		pr_int(p, si->si_overrun);
		print_sigval(p, si);
		break;
	case SI_SIGIO:
		print_band_fd(p, si);
		break;
	default:
		print_sigsource(p, si);
		if (si->si_ptr)
			print_sigval(p, si);
		break;
	}
}

static void print_sigchld(struct pr *p, const siginfo_t *si)
{
	print_sigsource(p, si);
	pr_field(p, "si_status");
	if (si->si_code == CLD_EXITED)
		pr_int(p, si->si_status);
	else
		print_signal(p, si->si_status);
	pr_field(p, "si_utime");
	print_clock_t(p, (uint64_t)si->si_utime);
	pr_field(p, "si_stime");
	print_clock_t(p, (uint64_t)si->si_stime);
}

/* si_code > 0: raised by the kernel for this signal's own reasons. */
static void print_kernel_sent(struct pr *p, const siginfo_t *si)
{
	switch (si->si_signo) {
	case SIGCHLD:
		print_sigchld(p, si);
		break;
	case SIGILL:
	case SIGFPE:
	case SIGTRAP:
		print_addr_field(p, "si_addr", si->si_addr);
		break;
	case SIGBUS:
		print_addr_field(p, "si_addr", si->si_addr);
		if (si->si_code == BUS_MCEERR_AR || si->si_code == BUS_MCEERR_AO) {
			pr_field(p, "si_addr_lsb");
			pr_hex(p, (uint16_t)si->si_addr_lsb);
		}
		break;
	case SIGSEGV:
		print_addr_field(p, "si_addr", si->si_addr);
		if (si->si_code == SEGV_BNDERR) {
			print_addr_field(p, "si_lower", si->si_lower);
			print_addr_field(p, "si_upper", si->si_upper);
		} else if (si->si_code == SEGV_PKUERR) {
			pr_field(p, "si_pkey");
			pr_uint(p, si->si_pkey);
		}
		break;
	case SIGIO:
		if (si->si_code >= POLL_IN && si->si_code <= POLL_HUP)
			print_band_fd(p, si);
		break;
	case SIGSYS:
		print_addr_field(p, "si_call_addr", si->si_call_addr);
		print_si_syscall(p, si);
		break;
	default:
		if (si->si_pid || si->si_uid)
			print_sigsource(p, si);
		if (si->si_ptr)
			print_sigval(p, si);
		break;
	}
}

void print_siginfo(struct pr *p, const siginfo_t *si)
{
	pr_struct_begin(p);
	if (si->si_signo) {
		pr_field(p, "si_signo");
		print_signal(p, si->si_signo);
		pr_field(p, "si_code");
		print_si_code(p, si->si_code, si->si_signo);
		if (si->si_errno) {
			pr_field(p, "si_errno");
			print_si_errno(p, si->si_errno);
		}
		if (si->si_code <= 0)
			print_user_sent(p, si);
		else
			print_kernel_sent(p, si);
	}
	pr_struct_end(p);
}

void print_siginfo_at(struct sc *sc, uint64_t addr)
{
	siginfo_t si;
	if (!fetch_or_print_addr(sc, addr, &si, sizeof(si)))
		return;
	print_siginfo(sc->p, &si);
}
