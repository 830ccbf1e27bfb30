/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Signal syscalls: sending (kill, tgkill, rt_sigqueueinfo ...), dispositions (rt_sigaction,
 * sigaltstack), masks (rt_sigprocmask, rt_sigsuspend, rt_sigpending), waiting
 * (rt_sigtimedwait, pause) and the return paths (rt_sigreturn, restart_syscall); with the
 * signal name and signal mask helpers every area uses.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "util/util.h"

/* The kernel's sigset_t on x86_64: 64 signals, 8 bytes. */
#define KERNEL_SIGSET_BYTES 8

/* ---- shared helpers ---- */

void print_signal(struct pr *p, int sig)
{
	const char *name = signal_name(sig);
	if (!name || p->xlat_style == PR_XLAT_RAW) {
		pr_int(p, sig);
	} else if (p->xlat_style == PR_XLAT_VERBOSE) {
		pr_int(p, sig);
		pr_comment(p, "%s", name);
	} else {
		pr_text(p, name);
	}
}

static int popcount_words(const uint32_t *w, unsigned int nwords)
{
	int n = 0;
	for (unsigned int i = 0; i < nwords; i++)
		n += __builtin_popcount(w[i]);
	return n;
}

/* One member of a mask: "CHLD", "17", or "17 / * CHLD * /" by the -X style. */
static void append_mask_member(char **w, const char *end, int sig, enum pr_xlat_style style)
{
	const char *name = signal_name(sig);
	int n;
	if (style == PR_XLAT_RAW || !name)
		n = snprintf(*w, (size_t)(end - *w), "%d", sig);
	else if (style == PR_XLAT_VERBOSE)
		n = snprintf(*w, (size_t)(end - *w), "%d /* %s */", sig, name + 3);
	else
		n = snprintf(*w, (size_t)(end - *w), "%s", name + 3);
	if (n > 0)
		*w += (size_t)n < (size_t)(end - *w) ? (size_t)n : (size_t)(end - *w - 1);
}

/*
 * strace lists the signals of a mask by name without "SIG"; when two thirds or more of the
 * bits are set it lists the signals that are not, after a "~".
 */
void print_sigmask(struct pr *p, const void *mask, size_t bytes)
{
	uint32_t words[KERNEL_SIGSET_BYTES / 4] = { 0 };
	if (bytes > KERNEL_SIGSET_BYTES)
		bytes = KERNEL_SIGSET_BYTES;
	memcpy(words, mask, bytes);
	unsigned int nwords = (unsigned int)(bytes + 3) / 4;
	unsigned int nbits = nwords * 32;

	char text[64 * 16];
	char *w = text;
	const char *end = text + sizeof(text);
	if (popcount_words(words, nwords) >= (int)(nbits * 2 / 3)) {
		for (unsigned int i = 0; i < nwords; i++)
			words[i] = ~words[i];
		*w++ = '~';
	}
	*w++ = '[';
	bool first = true;
	for (unsigned int bit = 0; bit < nbits; bit++) {
		if (!(words[bit / 32] >> (bit % 32) & 1))
			continue;
		if (!first)
			*w++ = ' ';
		first = false;
		append_mask_member(&w, end - 2, (int)bit + 1, p->xlat_style);
	}
	*w++ = ']';
	*w = 0;
	pr_text(p, text);
}

/* A sigset of LEN bytes at ADDR; LEN outside [MIN_LEN, 8] is printed as the address. */
static void print_sigset_len(struct sc *sc, uint64_t addr, uint64_t len, uint64_t min_len)
{
	uint8_t mask[KERNEL_SIGSET_BYTES];
	if (len < min_len || len > KERNEL_SIGSET_BYTES) {
		pr_ptr(sc->p, addr);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, mask, (size_t)len))
		return;
	print_sigmask(sc->p, mask, (size_t)len);
}

void print_sigset_at(struct sc *sc, uint64_t addr, uint64_t size)
{
	/* The kernel takes no sigset shorter than a word here. */
	print_sigset_len(sc, addr, size, sizeof(long));
}

/* ---- sending signals ---- */

int decode_kill(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID_OR_PGID);
	print_signal(sc->p, (int)sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_tkill(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TID);
	print_signal(sc->p, (int)sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_tgkill(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	print_pid(sc, (int)sc->arg[1], PID_TID);
	print_signal(sc->p, (int)sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_rt_sigqueueinfo(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	print_signal(sc->p, (int)sc->arg[1]);
	print_siginfo_at(sc, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_rt_tgsigqueueinfo(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	print_pid(sc, (int)sc->arg[1], PID_TID);
	print_signal(sc->p, (int)sc->arg[2]);
	print_siginfo_at(sc, sc->arg[3]);
	return RV_DECODED | RV_DEC;
}

int decode_pidfd_send_signal(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_signal(sc->p, (int)sc->arg[1]);
	print_siginfo_at(sc, sc->arg[2]);
	pr_hex(sc->p, (uint32_t)sc->arg[3]);
	return RV_DECODED | RV_DEC;
}

/* ---- dispositions ---- */

STATIC_XLAT(sa_handler_values,
	{ (uint64_t)-1, "SIG_ERR" },
	{ 0, "SIG_DFL" },
	{ 1, "SIG_IGN" });

/* The x86_64 bits of sa_flags, in strace's order. */
STATIC_XLAT(sigact_flags,
	{ 0x04000000, "SA_RESTORER" },
	XLAT_PAIR(SA_ONSTACK),
	XLAT_PAIR(SA_RESTART),
	{ 0x20000000, "SA_INTERRUPT" },
	XLAT_PAIR(SA_NODEFER),
	XLAT_PAIR(SA_RESETHAND),
	XLAT_PAIR(SA_SIGINFO),
	XLAT_PAIR(SA_NOCLDSTOP),
	XLAT_PAIR(SA_NOCLDWAIT));

#define SA_RESTORER_BIT 0x04000000

/* The kernel's struct sigaction on x86_64: handler, flags, restorer, then the mask. */
struct kernel_sigaction {
	uint64_t handler;
	uint64_t flags;
	uint64_t restorer;
	uint64_t mask;
};

static void print_sa_handler(struct pr *p, uint64_t handler)
{
	if (xlat_lookup(&sa_handler_values, handler))
		pr_xval(p, &sa_handler_values, handler, NULL);
	else
		pr_ptr(p, handler);
}

static void print_sigaction_at(struct sc *sc, uint64_t addr)
{
	struct kernel_sigaction sa;
	if (!fetch_or_print_addr(sc, addr, &sa, sizeof(sa)))
		return;
	struct pr *p = sc->p;
	pr_struct_begin(p);
	pr_field(p, "sa_handler");
	print_sa_handler(p, sa.handler);
	pr_field(p, "sa_mask");
	print_sigmask(p, &sa.mask, sizeof(sa.mask));
	pr_field(p, "sa_flags");
	pr_flags(p, &sigact_flags, sa.flags, "SA_???");
	if (sa.flags & SA_RESTORER_BIT) {
		pr_field(p, "sa_restorer");
		pr_ptr(p, sa.restorer);
	}
	pr_struct_end(p);
}

int decode_rt_sigaction(struct sc *sc)
{
	if (!sc->exiting) {
		print_signal(sc->p, (int)sc->arg[0]);
		print_sigaction_at(sc, sc->arg[1]);
		return DEC_AT_EXIT;
	}
	print_sigaction_at(sc, sc->arg[2]);
	pr_uint(sc->p, sc->arg[3]);
	return RV_DEC;
}

STATIC_XLAT(sigaltstack_flags,
	XLAT_PAIR(SS_ONSTACK),
	XLAT_PAIR(SS_DISABLE),
	{ 1u << 31, "SS_AUTODISARM" });

static void print_stack_t_at(struct sc *sc, uint64_t addr)
{
	struct { uint64_t sp; int32_t flags; uint64_t size; } ss;
	if (!fetch_or_print_addr(sc, addr, &ss, sizeof(ss)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "ss_sp");
	pr_ptr(sc->p, ss.sp);
	pr_field(sc->p, "ss_flags");
	pr_flags(sc->p, &sigaltstack_flags, (uint32_t)ss.flags, "SS_???");
	pr_field(sc->p, "ss_size");
	pr_uint(sc->p, ss.size);
	pr_struct_end(sc->p);
}

int decode_sigaltstack(struct sc *sc)
{
	if (!sc->exiting) {
		print_stack_t_at(sc, sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_stack_t_at(sc, sc->arg[1]);
	return RV_DEC;
}

/* ---- masks ---- */

STATIC_XLAT(sigprocmask_cmds,
	XLAT_PAIR(SIG_BLOCK),
	XLAT_PAIR(SIG_UNBLOCK),
	XLAT_PAIR(SIG_SETMASK));

int decode_rt_sigprocmask(struct sc *sc)
{
	if (!sc->exiting) {
		pr_xval(sc->p, &sigprocmask_cmds, (uint32_t)sc->arg[0], "SIG_???");
		print_sigset_at(sc, sc->arg[1], sc->arg[3]);
		return DEC_AT_EXIT;
	}
	print_sigset_at(sc, sc->arg[2], sc->arg[3]);
	pr_uint(sc->p, sc->arg[3]);
	return RV_DEC;
}

int decode_rt_sigsuspend(struct sc *sc)
{
	print_sigset_at(sc, sc->arg[0], sc->arg[1]);
	pr_uint(sc->p, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_rt_sigpending(struct sc *sc)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	/* Unlike the others, rt_sigpending takes any size up to a full sigset. */
	print_sigset_len(sc, sc->arg[0], sc->arg[1], 1);
	pr_uint(sc->p, sc->arg[1]);
	return RV_DEC;
}

/* ---- waiting ---- */

/*
 * rt_sigtimedwait(set, info, timeout, sigsetsize): info is its only output; when it is
 * not to be read the whole line is printed at entry. The result is the signal taken.
 */
int decode_rt_sigtimedwait(struct sc *sc)
{
	bool info_at_exit = sc->arg[1] && !sc->no_deref;
	if (!sc->exiting) {
		print_sigset_at(sc, sc->arg[0], sc->arg[3]);
		if (info_at_exit)
			return DEC_AT_EXIT;
		pr_ptr(sc->p, sc->arg[1]);
		print_input_timespec_at(sc, sc->arg[2]);
		pr_uint(sc->p, sc->arg[3]);
		/* Exit has more to say: a line cut here ends without ", ". */
		pr_level_restart(sc->p);
		return DEC_AT_EXIT;
	}
	if (info_at_exit) {
		print_siginfo_at(sc, sc->arg[1]);
		/* The timeout is an input: read again at exit, it has the value it had. */
		print_input_timespec_at(sc, sc->arg[2]);
		pr_uint(sc->p, sc->arg[3]);
	}
	if (!sc_failed(sc) && sc->rval) {
		const char *name = signal_name((int)sc->rval);
		if (name) {
			snprintf(sc->aux, sizeof(sc->aux), "%s", name);
			return RV_DEC | RV_AUX;
		}
	}
	return RV_DEC;
}

int decode_proc_no_args(struct sc *sc)
{
	return RV_DECODED | RV_DEC;
}

/* ---- return paths ---- */

/*
 * At rt_sigreturn entry the handler's "ret" has popped the frame's return address, so
 * the x86_64 rt_sigframe starts 8 bytes below the stack pointer; its ucontext follows
 * that address, and uc_sigmask sits after uc_flags, uc_link, uc_stack (24 bytes) and
 * the 256-byte sigcontext.
 */
#define RT_SIGFRAME_SIGMASK_OFFSET (8 + 8 + 8 + 24 + 256)

int decode_rt_sigreturn(struct sc *sc)
{
	if (!sc->sp)
		return RV_DECODED | RV_DEC;
	uint64_t frame = sc->sp - 8;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "mask");
	print_sigset_len(sc, frame + RT_SIGFRAME_SIGMASK_OFFSET, KERNEL_SIGSET_BYTES,
			 KERNEL_SIGSET_BYTES);
	pr_struct_end(sc->p);
	return RV_DECODED | RV_DEC;
}

int decode_restart_syscall(struct sc *sc)
{
	const char *prev = sc->prev_name;
	pr_textf(sc->p, "<... resuming interrupted %s ...>", prev ? prev : "system call");
	return RV_DECODED | RV_DEC;
}
