/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Process syscalls: creation (clone, clone3, fork), program loading (execve), ending and
 * reaping (exit, wait4, waitid), and process control (prctl, seccomp, ptrace, pidfds,
 * namespaces, kcmp, process_vm_readv/writev).
 */
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <linux/kcmp.h>
#include <linux/seccomp.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/opts.h"
#include "util/util.h"

/* ---- execve ---- */

/* argv (and envp with -v): ["a", "b", ...], -s elements at most unless -v. */
static void print_argv(struct sc *sc, uint64_t addr)
{
	if (!addr || sc->no_deref) {
		pr_ptr(sc->p, addr);
		return;
	}
	int limit = str_limit(sc);
	for (unsigned int n = 0;; n++, addr += 8) {
		uint64_t word;
		if (UMOVE(sc, addr, &word) < 0) {
			if (n == 0) {
				pr_ptr(sc->p, addr);
				return;
			}
			pr_more(sc->p);
			pr_comment(sc->p, "%#" PRIx64, addr);
			break;
		}
		if (n == 0)
			pr_array_begin(sc->p);
		if (!word)
			break;
		if (!sc->verbose && n >= (unsigned int)limit) {
			pr_more(sc->p);
			break;
		}
		print_str(sc, word);
	}
	pr_array_end(sc->p);
}

/* envp without -v: its address and a count, "0x7ffe... / * 37 vars * /". */
static void print_env_count(struct sc *sc, uint64_t addr)
{
	pr_ptr(sc->p, addr);
	if (!addr || sc->no_deref)
		return;
	unsigned int n = 0;
	bool unterminated = false;
	for (;; n++, addr += 8) {
		uint64_t word;
		if (UMOVE(sc, addr, &word) < 0) {
			if (n == 0)
				return;
			unterminated = true;
			break;
		}
		if (!word)
			break;
	}
	pr_comment(sc->p, "%u var%s%s", n, n == 1 ? "" : "s", unterminated ? ", unterminated" : "");
}

static void print_exec_args(struct sc *sc, int first)
{
	print_path(sc, sc->arg[first]);
	print_argv(sc, sc->arg[first + 1]);
	if (sc->verbose)
		print_argv(sc, sc->arg[first + 2]);
	else
		print_env_count(sc, sc->arg[first + 2]);
}

int decode_execve(struct sc *sc)
{
	print_exec_args(sc, 0);
	return RV_DECODED | RV_DEC;
}

STATIC_XLAT(execveat_flags,
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" }, { 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" }, { 0x8000, "AT_RECURSIVE" });

int decode_execveat(struct sc *sc)
{
	print_dirfd(sc, (int)sc->arg[0]);
	print_exec_args(sc, 1);
	pr_flags(sc->p, &execveat_flags, (uint32_t)sc->arg[4], "AT_???");
	return RV_DECODED | RV_DEC;
}

/* ---- clone, clone3, fork ---- */

#define CLONE_SIGNAL_MASK 0xffull

/* CLONE_* bits of clone(2), in strace's order. */
#define CLONE_FLAG_PAIRS \
	{ 0x00000100, "CLONE_VM" }, { 0x00000200, "CLONE_FS" }, \
	{ 0x00000400, "CLONE_FILES" }, { 0x00000800, "CLONE_SIGHAND" }, \
	{ 0x00001000, "CLONE_PIDFD" }, { 0x00002000, "CLONE_PTRACE" }, \
	{ 0x00004000, "CLONE_VFORK" }, { 0x00008000, "CLONE_PARENT" }, \
	{ 0x00010000, "CLONE_THREAD" }, { 0x00020000, "CLONE_NEWNS" }, \
	{ 0x00040000, "CLONE_SYSVSEM" }, { 0x00080000, "CLONE_SETTLS" }, \
	{ 0x00100000, "CLONE_PARENT_SETTID" }, { 0x00200000, "CLONE_CHILD_CLEARTID" }, \
	{ 0x00800000, "CLONE_UNTRACED" }, { 0x01000000, "CLONE_CHILD_SETTID" }, \
	{ 0x02000000, "CLONE_NEWCGROUP" }, { 0x04000000, "CLONE_NEWUTS" }, \
	{ 0x08000000, "CLONE_NEWIPC" }, { 0x10000000, "CLONE_NEWUSER" }, \
	{ 0x20000000, "CLONE_NEWPID" }, { 0x40000000, "CLONE_NEWNET" }, \
	{ 0x80000000, "CLONE_IO" }

STATIC_XLAT(clone_flags, CLONE_FLAG_PAIRS);
/* clone3 knows the same bits and three more. */
STATIC_XLAT(clone3_flags, CLONE_FLAG_PAIRS,
	{ 0x00000080, "CLONE_NEWTIME" }, { 0x100000000ull, "CLONE_CLEAR_SIGHAND" },
	{ 0x200000000ull, "CLONE_INTO_CGROUP" });

#define F_CLONE_PIDFD		0x00001000ull
#define F_CLONE_SETTLS		0x00080000ull
#define F_CLONE_PARENT_SETTID	0x00100000ull
#define F_CLONE_CHILD_CLEARTID	0x00200000ull
#define F_CLONE_CHILD_SETTID	0x01000000ull
#define F_CLONE_INTO_CGROUP	0x200000000ull

/* x86_64 clone(flags, stack, parent_tid, child_tid, tls). */
enum { CLONE_ARG_FLAGS, CLONE_ARG_STACK, CLONE_ARG_PTID, CLONE_ARG_CTID, CLONE_ARG_TLS };

/* Flags then the exit signal: CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD. */
static void print_clone_flags(struct pr *p, uint64_t raw)
{
	uint64_t flags = raw & ~CLONE_SIGNAL_MASK;
	int sig = (int)(raw & CLONE_SIGNAL_MASK);
	if (!flags) {
		print_signal(p, sig);
		return;
	}
	pr_flags(p, &clone_flags, flags, "CLONE_???");
	if (sig) {
		pr_join(p, "|");
		print_signal(p, sig);
	}
}

/* strace prints clone's arguments by name: child_stack=, flags=, parent_tid=, ... */
/* The pidfd the kernel stored at ADDR (CLONE_PIDFD), as an fd: [3</pidfd's path>] with -y. */
static void print_pidfd_at(struct sc *sc, uint64_t addr)
{
	int fd;

	if (!fetch_or_print_addr(sc, addr, &fd, sizeof(fd)))
		return;
	pr_array_begin(sc->p);
	print_fd(sc, fd);
	pr_array_end(sc->p);
}

int decode_clone(struct sc *sc)
{
	struct pr *p = sc->p;
	uint64_t flags = sc->arg[CLONE_ARG_FLAGS] & ~CLONE_SIGNAL_MASK;
	if (!sc->exiting) {
		pr_field(p, "child_stack");
		pr_ptr(p, sc->arg[CLONE_ARG_STACK]);
		pr_field(p, "flags");
		print_clone_flags(p, sc->arg[CLONE_ARG_FLAGS]);
		if (!(flags & (F_CLONE_PARENT_SETTID | F_CLONE_PIDFD | F_CLONE_CHILD_SETTID |
			       F_CLONE_CHILD_CLEARTID | F_CLONE_SETTLS)))
			return RV_DECODED | RV_PID_OF(PID_TID);
		pr_level_restart(p);
		return DEC_AT_EXIT;
	}
	pr_level_mark(p);
	if (flags & (F_CLONE_PARENT_SETTID | F_CLONE_PIDFD)) {
		pr_field(p, "parent_tid");
		/* clone() stores the pidfd where the parent's tid would go */
		if (flags & F_CLONE_PIDFD)
			print_pidfd_at(sc, sc->arg[CLONE_ARG_PTID]);
		else
			print_int_at(sc, sc->arg[CLONE_ARG_PTID]);
	}
	if (flags & F_CLONE_SETTLS) {
		pr_field(p, "tls");
		pr_ptr(p, sc->arg[CLONE_ARG_TLS]);
	}
	if (flags & (F_CLONE_CHILD_SETTID | F_CLONE_CHILD_CLEARTID)) {
		pr_field(p, "child_tidptr");
		pr_ptr(p, sc->arg[CLONE_ARG_CTID]);
	}
	return RV_PID_OF(PID_TID);
}

/* struct clone_args of linux/sched.h: 64 bytes up to tls, 88 with cgroup. */
struct clone_args_k {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls;
	uint64_t set_tid, set_tid_size, cgroup;
};
#define CLONE_ARGS_MIN_SIZE 64
#define CLONE_ARGS_CGROUP_OFFSET 80
#define CLONE3_MAX_SET_TID 32

static void print_set_tid(struct sc *sc, const struct clone_args_k *a)
{
	struct pr *p = sc->p;
	pr_field(p, "set_tid");
	if (!a->set_tid || !a->set_tid_size || a->set_tid_size > CLONE3_MAX_SET_TID) {
		pr_ptr(p, a->set_tid);
	} else {
		int tids[CLONE3_MAX_SET_TID];
		size_t n = (size_t)a->set_tid_size;
		if (fetch_or_print_addr(sc, a->set_tid, tids, n * sizeof(int))) {
			pr_array_begin(p);
			for (size_t i = 0; i < n; i++)
				pr_int(p, tids[i]);
			pr_array_end(p);
		}
	}
	pr_field(p, "set_tid_size");
	pr_uint(p, a->set_tid_size);
}

static void print_clone_args(struct sc *sc, uint64_t addr, uint64_t size,
			     const struct clone_args_k *a, size_t fetched)
{
	struct pr *p = sc->p;
	pr_struct_begin(p);
	pr_field(p, "flags");
	pr_flags(p, &clone3_flags, a->flags, "CLONE_???");
	if (a->flags & F_CLONE_PIDFD) {
		pr_field(p, "pidfd");
		pr_ptr(p, a->pidfd);
	}
	if (a->flags & (F_CLONE_CHILD_SETTID | F_CLONE_CHILD_CLEARTID)) {
		pr_field(p, "child_tid");
		pr_ptr(p, a->child_tid);
	}
	if (a->flags & F_CLONE_PARENT_SETTID) {
		pr_field(p, "parent_tid");
		pr_ptr(p, a->parent_tid);
	}
	pr_field(p, "exit_signal");
	if (a->exit_signal < INT_MAX)
		print_signal(p, (int)a->exit_signal);
	else
		pr_uint(p, a->exit_signal);
	pr_field(p, "stack");
	pr_ptr(p, a->stack);
	pr_field(p, "stack_size");
	pr_hex(p, a->stack_size);
	if (a->flags & F_CLONE_SETTLS) {
		pr_field(p, "tls");
		pr_ptr(p, a->tls);
	}
	if (a->set_tid || a->set_tid_size)
		print_set_tid(sc, a);
	if (fetched > CLONE_ARGS_CGROUP_OFFSET && (a->cgroup || a->flags & F_CLONE_INTO_CGROUP)) {
		pr_field(p, "cgroup");
		pr_uint(p, a->cgroup);
	}
	print_nonzero_tail(sc, addr, fetched, size);
	pr_struct_end(p);
}

/* At exit: what the kernel stored, " => {pidfd=[3], parent_tid=[1235]}". */
static void print_clone_args_changed(struct sc *sc, uint64_t addr, uint64_t size, size_t fetched)
{
	struct clone_args_k a = { 0 };
	struct pr *p = sc->p;
	if (umove(sc, addr, &a, fetched) < 0) {
		pr_join(p, " => ");
		pr_ptr(p, addr);
		return;
	}
	if (!(a.flags & (F_CLONE_PIDFD | F_CLONE_PARENT_SETTID)) &&
	    !has_nonzero_tail(sc, addr, fetched, size))
		return;
	pr_join(p, " => ");
	pr_struct_begin(p);
	if (a.flags & F_CLONE_PIDFD) {
		pr_field(p, "pidfd");
		print_pidfd_at(sc, a.pidfd);
	}
	if (a.flags & F_CLONE_PARENT_SETTID) {
		pr_field(p, "parent_tid");
		print_int_at(sc, a.parent_tid);
	}
	print_nonzero_tail(sc, addr, fetched, size);
	pr_struct_end(p);
}

int decode_clone3(struct sc *sc)
{
	uint64_t addr = sc->arg[0], size = sc->arg[1];
	size_t fetched = size < sizeof(struct clone_args_k) ? (size_t)size
							    : sizeof(struct clone_args_k);
	if (!sc->exiting) {
		struct clone_args_k a = { 0 };
		if (fetched < CLONE_ARGS_MIN_SIZE) {
			pr_ptr(sc->p, addr);
		} else if (fetch_or_print_addr(sc, addr, &a, fetched)) {
			print_clone_args(sc, addr, size, &a, fetched);
			if ((a.flags & (F_CLONE_PIDFD | F_CLONE_PARENT_SETTID)) || size > fetched) {
				pr_level_restart(sc->p);
				return DEC_AT_EXIT;
			}
		}
		pr_uint(sc->p, size);
		return RV_DECODED | RV_PID_OF(PID_TID);
	}
	if (!sc_failed(sc))
		print_clone_args_changed(sc, addr, size, fetched);
	pr_level_mark(sc->p);
	pr_uint(sc->p, size);
	return RV_PID_OF(PID_TID);
}

int decode_fork(struct sc *sc)
{
	return RV_DECODED | RV_PID_OF(PID_TGID);
}

/* exit and exit_group never return: the printer closes the line with "= ?". */
int decode_exit(struct sc *sc)
{
	pr_int(sc->p, (int)sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

/* ---- wait4, waitid ---- */

STATIC_XLAT(wait_options,
	{ WNOHANG, "WNOHANG" }, { WEXITED, "WEXITED" }, { WSTOPPED, "WSTOPPED" },
	{ WCONTINUED, "WCONTINUED" }, { WNOWAIT, "WNOWAIT" },
	{ 0x80000000u, "__WCLONE" }, { 0x40000000u, "__WALL" }, { 0x20000000u, "__WNOTHREAD" });

STATIC_XLAT(ptrace_events,
	{ 1, "PTRACE_EVENT_FORK" }, { 2, "PTRACE_EVENT_VFORK" }, { 3, "PTRACE_EVENT_CLONE" },
	{ 4, "PTRACE_EVENT_EXEC" }, { 5, "PTRACE_EVENT_VFORK_DONE" }, { 6, "PTRACE_EVENT_EXIT" },
	{ 7, "PTRACE_EVENT_SECCOMP" }, { 128, "PTRACE_EVENT_STOP" });

static const char *signal_name_or_number(int sig, char *buf, size_t n)
{
	const char *name = signal_name(sig);
	if (name)
		return name;
	snprintf(buf, n, "%d", sig);
	return buf;
}

/*
 * A wait status as the macros that take it apart:
 * [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}],
 * with a ptrace event and any bits left over after a "|".
 */
static void print_wait_status(struct pr *p, int status)
{
	char text[160], num[16];
	size_t len;
	if (WIFSTOPPED(status)) {
		int sig = WSTOPSIG(status);
		len = (size_t)snprintf(text, sizeof(text),
				       "[{WIFSTOPPED(s) && WSTOPSIG(s) == %s%s}",
				       signal_name_or_number(sig & 0x7f, num, sizeof(num)),
				       sig & 0x80 ? " | 0x80" : "");
		status &= ~((sig << 8) | 0x7f);
	} else if (WIFSIGNALED(status)) {
		len = (size_t)snprintf(text, sizeof(text),
				       "[{WIFSIGNALED(s) && WTERMSIG(s) == %s%s}",
				       signal_name_or_number(WTERMSIG(status), num, sizeof(num)),
				       WCOREDUMP(status) ? " && WCOREDUMP(s)" : "");
		status &= ~(WTERMSIG(status) | 0x80);
	} else if (WIFEXITED(status)) {
		len = (size_t)snprintf(text, sizeof(text),
				       "[{WIFEXITED(s) && WEXITSTATUS(s) == %d}",
				       WEXITSTATUS(status));
		status &= ~(WEXITSTATUS(status) << 8);
	} else if (WIFCONTINUED(status)) {
		len = (size_t)snprintf(text, sizeof(text), "[{WIFCONTINUED(s)}");
		status &= ~0xffff;
	} else {
		pr_textf(p, "[%#x]", (unsigned int)status);
		return;
	}
	unsigned int event = (unsigned int)status >> 16;
	if (event) {
		const char *name = xlat_lookup(&ptrace_events, event);
		if (name)
			len += (size_t)snprintf(text + len, sizeof(text) - len, "|%s<<16", name);
		else
			len += (size_t)snprintf(text + len, sizeof(text) - len,
						"|%#x /* PTRACE_EVENT_??? */<<16", event);
		status &= 0xffff;
	}
	if (status)
		snprintf(text + len, sizeof(text) - len, "|%#x]", (unsigned int)status);
	else
		snprintf(text + len, sizeof(text) - len, "]");
	pr_text(p, text);
}

int decode_wait4(struct sc *sc)
{
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TGID_OR_PGID);
		return DEC_AT_EXIT;
	}
	int status;
	/* Nothing was stored when no child changed state (WNOHANG). */
	if (sc->rval == 0)
		pr_ptr(sc->p, sc->arg[1]);
	else if (fetch_or_print_addr(sc, sc->arg[1], &status, sizeof(status)))
		print_wait_status(sc->p, status);
	pr_flags(sc->p, &wait_options, (uint32_t)sc->arg[2], "W???");
	if (sc->rval > 0)
		print_rusage_at(sc, sc->arg[3]);
	else
		pr_ptr(sc->p, sc->arg[3]);
	return RV_PID_OF(PID_TGID);
}

STATIC_XLAT(waitid_types,
	{ 0, "P_ALL" }, { 1, "P_PID" }, { 2, "P_PGID" }, { 3, "P_PIDFD" });

int decode_waitid(struct sc *sc)
{
	if (!sc->exiting) {
		unsigned int idtype = (unsigned int)sc->arg[0];
		pr_xval(sc->p, &waitid_types, idtype, "P_???");
		if (idtype == P_PIDFD)
			print_fd(sc, (int)sc->arg[1]);
		else if (idtype == P_PID || idtype == P_PGID)
			print_pid(sc, (int)sc->arg[1], idtype == P_PID ? PID_TGID : PID_PGID);
		else
			pr_int(sc->p, (int)sc->arg[1]);
		return DEC_AT_EXIT;
	}
	print_siginfo_at(sc, sc->arg[2]);
	pr_flags(sc->p, &wait_options, (uint32_t)sc->arg[3], "W???");
	print_rusage_at(sc, sc->arg[4]);
	return RV_DEC;
}

/* ---- seccomp ---- */

STATIC_XLAT(seccomp_ops,
	{ 0, "SECCOMP_SET_MODE_STRICT" }, { 1, "SECCOMP_SET_MODE_FILTER" },
	{ 2, "SECCOMP_GET_ACTION_AVAIL" }, { 3, "SECCOMP_GET_NOTIF_SIZES" });
STATIC_XLAT(seccomp_filter_flags,
	{ 1, "SECCOMP_FILTER_FLAG_TSYNC" }, { 2, "SECCOMP_FILTER_FLAG_LOG" },
	{ 4, "SECCOMP_FILTER_FLAG_SPEC_ALLOW" }, { 8, "SECCOMP_FILTER_FLAG_NEW_LISTENER" },
	{ 16, "SECCOMP_FILTER_FLAG_TSYNC_ESRCH" },
	{ 32, "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV" });
int decode_seccomp(struct sc *sc)
{
	unsigned int op = (unsigned int)sc->arg[0];
	unsigned int flags = (unsigned int)sc->arg[1];
	struct pr *p = sc->p;
	if (sc->exiting) {
		/* SECCOMP_GET_NOTIF_SIZES: three sizes the kernel stored. */
		struct { uint16_t notif, resp, data; } szs;
		if (fetch_or_print_addr(sc, sc->arg[2], &szs, sizeof(szs))) {
			pr_struct_begin(p);
			pr_field(p, "seccomp_notif");
			pr_uint(p, szs.notif);
			pr_field(p, "seccomp_notif_resp");
			pr_uint(p, szs.resp);
			pr_field(p, "seccomp_data");
			pr_uint(p, szs.data);
			pr_struct_end(p);
		}
		return RV_DEC;
	}
	pr_xval(p, &seccomp_ops, op, "SECCOMP_SET_MODE_???");
	uint32_t act;
	switch (op) {
	case SECCOMP_SET_MODE_FILTER:
		pr_flags(p, &seccomp_filter_flags, flags, "SECCOMP_FILTER_FLAG_???");
		print_sock_fprog_at(sc, sc->arg[2]);
		break;
	case SECCOMP_GET_ACTION_AVAIL:
		pr_hex(p, flags);
		if (fetch_or_print_addr(sc, sc->arg[2], &act, sizeof(act))) {
			pr_array_begin(p);
			pr_xval(p, &xlat_seccomp_ret_actions, act, "SECCOMP_RET_???");
			pr_array_end(p);
		}
		break;
	case SECCOMP_GET_NOTIF_SIZES:
		pr_hex(p, flags);
		return DEC_AT_EXIT;
	default:
		pr_hex(p, flags);
		pr_ptr(p, sc->arg[2]);
		break;
	}
	/* A filter that returns a new listener fd: strace still prints a number. */
	return RV_DECODED | RV_DEC;
}

/* ---- pidfds, namespaces, kcmp ---- */

STATIC_XLAT(pidfd_open_flags, { 04000, "PIDFD_NONBLOCK" });

int decode_pidfd_open(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	pr_flags(sc->p, &pidfd_open_flags, (uint32_t)sc->arg[1], "PIDFD_???");
	return RV_DECODED | RV_FD;
}

int decode_pidfd_getfd(struct sc *sc)
{
	int pidfd = (int)sc->arg[0], targetfd = (int)sc->arg[1];
	print_fd(sc, pidfd);
	pr_int(sc->p, targetfd);
	/* The target fd is decorated from the target's fd table, as -y would show it there. */
	if (sc->opt && sc->opt->decode_fds && targetfd >= 0) {
		pid_t target = fd_pidfd_pid(sc->pid, pidfd);
		if (target > 0)
			fd_decorate(sc->opt, target, targetfd, sc->p->o);
	}
	pr_hex(sc->p, (uint32_t)sc->arg[2]);
	return RV_DECODED | RV_FD;
}

STATIC_XLAT(unshare_flags,
	{ 0x00000080, "CLONE_NEWTIME" }, { 0x00000100, "CLONE_VM" }, { 0x00000200, "CLONE_FS" },
	{ 0x00000400, "CLONE_FILES" }, { 0x00000800, "CLONE_SIGHAND" },
	{ 0x00010000, "CLONE_THREAD" }, { 0x00020000, "CLONE_NEWNS" },
	{ 0x00040000, "CLONE_SYSVSEM" }, { 0x02000000, "CLONE_NEWCGROUP" },
	{ 0x04000000, "CLONE_NEWUTS" }, { 0x08000000, "CLONE_NEWIPC" },
	{ 0x10000000, "CLONE_NEWUSER" }, { 0x20000000, "CLONE_NEWPID" },
	{ 0x40000000, "CLONE_NEWNET" });
STATIC_XLAT(setns_types,
	{ 0x00000080, "CLONE_NEWTIME" }, { 0x00020000, "CLONE_NEWNS" },
	{ 0x02000000, "CLONE_NEWCGROUP" }, { 0x04000000, "CLONE_NEWUTS" },
	{ 0x08000000, "CLONE_NEWIPC" }, { 0x10000000, "CLONE_NEWUSER" },
	{ 0x20000000, "CLONE_NEWPID" }, { 0x40000000, "CLONE_NEWNET" });

int decode_unshare(struct sc *sc)
{
	pr_flags(sc->p, &unshare_flags, sc->arg[0], "CLONE_???");
	return RV_DECODED | RV_DEC;
}

int decode_setns(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_flags(sc->p, &setns_types, (uint32_t)sc->arg[1], "CLONE_NEW???");
	return RV_DECODED | RV_DEC;
}

STATIC_XLAT(kcmp_types,
	{ 0, "KCMP_FILE" }, { 1, "KCMP_VM" }, { 2, "KCMP_FILES" }, { 3, "KCMP_FS" },
	{ 4, "KCMP_SIGHAND" }, { 5, "KCMP_IO" }, { 6, "KCMP_SYSVSEM" }, { 7, "KCMP_EPOLL_TFD" });

/* An fd of process PID (not the tracee): decorated from that process's table with -y. */
static void print_fd_of(struct sc *sc, pid_t pid, int fd)
{
	pr_int(sc->p, fd);
	if (pid > 0)
		fd_decorate(sc->opt, pid, fd, sc->p->o);
}

int decode_kcmp(struct sc *sc)
{
	pid_t pid1 = (pid_t)sc->arg[0], pid2 = (pid_t)sc->arg[1];
	int type = (int)sc->arg[2];
	struct pr *p = sc->p;
	print_pid(sc, pid1, PID_TGID);
	print_pid(sc, pid2, PID_TGID);
	/* The fds are looked up in /proc, where the pids are the tracer's. */
	pid1 = pidns_proc_pid(pidns_translate(sc->pid, pid1, PID_TGID));
	pid2 = pidns_proc_pid(pidns_translate(sc->pid, pid2, PID_TGID));
	pr_xval(p, &kcmp_types, (uint32_t)type, "KCMP_???");
	switch (type) {
	case KCMP_FILE:
		print_fd_of(sc, pid1, (int)sc->arg[3]);
		print_fd_of(sc, pid2, (int)sc->arg[4]);
		break;
	case KCMP_EPOLL_TFD: {
		struct { uint32_t efd, tfd, toff; } slot;
		print_fd_of(sc, pid1, (int)sc->arg[3]);
		if (!fetch_or_print_addr(sc, sc->arg[4], &slot, sizeof(slot)))
			break;
		pr_struct_begin(p);
		pr_field(p, "efd");
		print_fd_of(sc, pid2, (int)slot.efd);
		pr_field(p, "tfd");
		print_fd_of(sc, pid2, (int)slot.tfd);
		pr_field(p, "toff");
		pr_uint(p, slot.toff);
		pr_struct_end(p);
		break;
	}
	case KCMP_VM: case KCMP_FILES: case KCMP_FS: case KCMP_SIGHAND: case KCMP_IO:
	case KCMP_SYSVSEM:
		break;
	default:
		pr_hex(p, sc->arg[3]);
		pr_hex(p, sc->arg[4]);
		break;
	}
	return RV_DECODED | RV_DEC;
}

/* ---- process_vm_readv/writev ---- */

/*
 * An iovec array of N entries: [{iov_base="data", iov_len=5}, ...]. With DATA the buffers
 * are shown as strings, at most DATA_SIZE bytes in all; otherwise as addresses.
 */
static void print_iov(struct sc *sc, uint64_t addr, uint64_t n, bool data, uint64_t data_size)
{
	struct iov_data d = { .left = data_size, .addresses_only = !data };
	print_iovec_array(sc, addr, n, &d);
}

static void print_process_vm_rest(struct sc *sc)
{
	pr_uint(sc->p, sc->arg[2]);
	print_iov(sc, sc->arg[3], sc->arg[4], false, 0);
	pr_uint(sc->p, sc->arg[4]);
	pr_uint(sc->p, sc->arg[5]);
}

int decode_process_vm_readv(struct sc *sc)
{
	if (!sc->exiting) {
		print_pid(sc, (int)sc->arg[0], PID_TGID);
		return DEC_AT_EXIT;
	}
	/* The local buffers hold what was read: rval bytes in all. */
	print_iov(sc, sc->arg[1], sc->arg[2], !sc_failed(sc), (uint64_t)sc->rval);
	print_process_vm_rest(sc);
	return RV_DEC;
}

int decode_process_vm_writev(struct sc *sc)
{
	print_pid(sc, (int)sc->arg[0], PID_TGID);
	print_iov(sc, sc->arg[1], sc->arg[2], true, UINT64_MAX);
	print_process_vm_rest(sc);
	return RV_DECODED | RV_DEC;
}

/* ---- ptrace ---- */

STATIC_XLAT(ptrace_cmds,
	{ 0, "PTRACE_TRACEME" }, { 1, "PTRACE_PEEKTEXT" }, { 2, "PTRACE_PEEKDATA" },
	{ 3, "PTRACE_PEEKUSER" }, { 4, "PTRACE_POKETEXT" }, { 5, "PTRACE_POKEDATA" },
	{ 6, "PTRACE_POKEUSER" }, { 7, "PTRACE_CONT" }, { 8, "PTRACE_KILL" },
	{ 9, "PTRACE_SINGLESTEP" }, { 0xc, "PTRACE_GETREGS" }, { 0xd, "PTRACE_SETREGS" },
	{ 0xe, "PTRACE_GETFPREGS" }, { 0xf, "PTRACE_SETFPREGS" }, { 0x10, "PTRACE_ATTACH" },
	{ 0x11, "PTRACE_DETACH" }, { 0x12, "PTRACE_GETFPXREGS" }, { 0x13, "PTRACE_SETFPXREGS" },
	{ 0x15, "PTRACE_OLDSETOPTIONS" }, { 0x18, "PTRACE_SYSCALL" },
	{ 0x19, "PTRACE_GET_THREAD_AREA" }, { 0x1a, "PTRACE_SET_THREAD_AREA" },
	{ 0x1e, "PTRACE_ARCH_PRCTL" }, { 0x1f, "PTRACE_SYSEMU" },
	{ 0x20, "PTRACE_SYSEMU_SINGLESTEP" }, { 0x21, "PTRACE_SINGLEBLOCK" },
	{ 0x4200, "PTRACE_SETOPTIONS" }, { 0x4201, "PTRACE_GETEVENTMSG" },
	{ 0x4202, "PTRACE_GETSIGINFO" }, { 0x4203, "PTRACE_SETSIGINFO" },
	{ 0x4204, "PTRACE_GETREGSET" }, { 0x4205, "PTRACE_SETREGSET" },
	{ 0x4206, "PTRACE_SEIZE" }, { 0x4207, "PTRACE_INTERRUPT" }, { 0x4208, "PTRACE_LISTEN" },
	{ 0x4209, "PTRACE_PEEKSIGINFO" }, { 0x420a, "PTRACE_GETSIGMASK" },
	{ 0x420b, "PTRACE_SETSIGMASK" }, { 0x420c, "PTRACE_SECCOMP_GET_FILTER" },
	{ 0x420d, "PTRACE_SECCOMP_GET_METADATA" }, { 0x420e, "PTRACE_GET_SYSCALL_INFO" },
	{ 0x420f, "PTRACE_GET_RSEQ_CONFIGURATION" });

STATIC_XLAT(ptrace_options,
	{ 0x1, "PTRACE_O_TRACESYSGOOD" }, { 0x2, "PTRACE_O_TRACEFORK" },
	{ 0x4, "PTRACE_O_TRACEVFORK" }, { 0x8, "PTRACE_O_TRACECLONE" },
	{ 0x10, "PTRACE_O_TRACEEXEC" }, { 0x20, "PTRACE_O_TRACEVFORKDONE" },
	{ 0x40, "PTRACE_O_TRACEEXIT" }, { 0x80, "PTRACE_O_TRACESECCOMP" },
	{ 0x100000, "PTRACE_O_EXITKILL" }, { 0x200000, "PTRACE_O_SUSPEND_SECCOMP" });

STATIC_XLAT(nt_types,
	{ 1, "NT_PRSTATUS" }, { 2, "NT_FPREGSET" }, { 3, "NT_PRPSINFO" }, { 4, "NT_PRXREG" },
	{ 6, "NT_AUXV" }, { 0x200, "NT_386_TLS" }, { 0x201, "NT_386_IOPERM" },
	{ 0x202, "NT_X86_XSTATE" }, { 0x53494749, "NT_SIGINFO" });

enum {
	PT_TRACEME = 0, PT_PEEKTEXT = 1, PT_PEEKDATA = 2, PT_PEEKUSER = 3, PT_CONT = 7,
	PT_KILL = 8, PT_SINGLESTEP = 9, PT_GETREGS = 0xc, PT_GETFPREGS = 0xe,
	PT_ATTACH = 0x10, PT_DETACH = 0x11, PT_OLDSETOPTIONS = 0x15, PT_SYSCALL = 0x18,
	PT_SYSEMU = 0x1f, PT_SYSEMU_SINGLESTEP = 0x20, PT_SINGLEBLOCK = 0x21,
	PT_SETOPTIONS = 0x4200, PT_GETEVENTMSG = 0x4201, PT_GETSIGINFO = 0x4202,
	PT_SETSIGINFO = 0x4203, PT_GETREGSET = 0x4204, PT_SETREGSET = 0x4205,
	PT_SEIZE = 0x4206, PT_INTERRUPT = 0x4207, PT_LISTEN = 0x4208,
	PT_PEEKSIGINFO = 0x4209, PT_GETSIGMASK = 0x420a, PT_SETSIGMASK = 0x420b,
	PT_SECCOMP_GET_FILTER = 0x420c, PT_SECCOMP_GET_METADATA = 0x420d,
	PT_GET_SYSCALL_INFO = 0x420e,
};

static void print_ptrace_addr(struct sc *sc, uint64_t request, uint64_t addr)
{
	switch (request) {
	case PT_GETREGSET:
	case PT_SETREGSET:
		pr_xval(sc->p, &nt_types, (uint32_t)addr, "NT_???");
		break;
	case PT_GETSIGMASK:
	case PT_SETSIGMASK:
	case PT_SECCOMP_GET_FILTER:
	case PT_SECCOMP_GET_METADATA:
	case PT_GET_SYSCALL_INFO:
		pr_uint(sc->p, addr);
		break;
	default:
		pr_ptr(sc->p, addr);
		break;
	}
}

/* Requests whose data the kernel fills in: printed at exit (unless -e verbose=none). */
static bool ptrace_data_is_output(uint64_t request)
{
	switch (request) {
	case PT_PEEKTEXT: case PT_PEEKDATA: case PT_PEEKUSER: case PT_GETEVENTMSG:
	case PT_GETSIGINFO: case PT_GETSIGMASK: case PT_PEEKSIGINFO:
	case PT_SECCOMP_GET_FILTER: case PT_SECCOMP_GET_METADATA: case PT_GET_SYSCALL_INFO:
		return true;
	}
	return false;
}

static int ptrace_entry(struct sc *sc)
{
	uint64_t request = sc->arg[0], addr = sc->arg[2], data = sc->arg[3];
	struct pr *p = sc->p;
	pr_xval(p, &ptrace_cmds, request, "PTRACE_???");
	if (request == PT_TRACEME)
		return RV_DECODED | RV_DEC;
	pr_int(p, (int)sc->arg[1]);
	switch (request) {
	case PT_ATTACH: case PT_INTERRUPT: case PT_KILL: case PT_LISTEN:
		return RV_DECODED | RV_DEC;
	}
	print_ptrace_addr(sc, request, addr);
	switch (request) {
	case PT_CONT: case PT_DETACH: case PT_SYSCALL: case PT_SINGLESTEP:
	case PT_SINGLEBLOCK: case PT_SYSEMU: case PT_SYSEMU_SINGLESTEP:
		print_signal(p, (int)data);
		break;
	case PT_SEIZE: case PT_SETOPTIONS: case PT_OLDSETOPTIONS:
		pr_flags(p, &ptrace_options, data, "PTRACE_O_???");
		break;
	case PT_SETSIGINFO:
		print_siginfo_at(sc, data);
		break;
	case PT_SETSIGMASK:
		print_sigset_at(sc, data, addr);
		break;
	case PT_GETREGS: case PT_GETFPREGS:
		return DEC_AT_EXIT;
	default:
		if (ptrace_data_is_output(request) && !sc->no_deref)
			return DEC_AT_EXIT;
		pr_ptr(p, data);
		break;
	}
	return RV_DECODED | RV_DEC;
}

/*
 * PTRACE_SECCOMP_GET_METADATA: DATA points to struct seccomp_metadata { __u64 filter_off;
 * __u64 flags; } of SIZE bytes; filter_off is the caller's, flags the kernel's answer.
 */
static void print_seccomp_metadata_at(struct sc *sc, uint64_t data, uint64_t size)
{
	uint64_t md[2];

	if (size < sizeof(md[0])) {
		pr_ptr(sc->p, data);
		return;
	}
	/* filter_off is the caller's: printed whether the call failed or not */
	if (!fetch_or_print_addr_any(sc, data, &md[0], sizeof(md[0])))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "filter_off");
	pr_uint(sc->p, md[0]);
	if (!sc_failed(sc) && size > sizeof(md[0])) {
		if (size < sizeof(md) ||
		    umove(sc, data + sizeof(md[0]), &md[1], sizeof(md[1]))) {
			pr_item(sc->p);
			pr_text(sc->p, "???");
		} else {
			pr_field(sc->p, "flags");
			pr_flags(sc->p, &seccomp_filter_flags, md[1], "SECCOMP_FILTER_FLAG_???");
			if (size > sizeof(md))
				pr_more(sc->p);
		}
	}
	pr_struct_end(sc->p);
}

static int ptrace_exit(struct sc *sc)
{
	uint64_t request = sc->arg[0], addr = sc->arg[2], data = sc->arg[3];
	uint64_t v;
	switch (request) {
	case PT_PEEKTEXT: case PT_PEEKDATA: case PT_PEEKUSER:
		if (fetch_or_print_addr(sc, data, &v, sizeof(v)))
			pr_textf(sc->p, "[%#" PRIx64 "]", v);
		break;
	case PT_GETEVENTMSG:
		print_u64_at(sc, data);
		break;
	case PT_GETSIGINFO:
		print_siginfo_at(sc, data);
		break;
	case PT_GETSIGMASK:
		print_sigset_at(sc, data, addr);
		break;
	case PT_GET_SYSCALL_INFO:
		print_ptrace_syscall_info(sc, data, addr);
		break;
	case PT_SECCOMP_GET_METADATA:
		print_seccomp_metadata_at(sc, data, addr);
		break;
	case PT_SECCOMP_GET_FILTER:
		/* The result is the filter's length in instructions. */
		if (sc_failed(sc))
			pr_ptr(sc->p, data);
		else
			print_seccomp_insns_at(sc, data, (uint64_t)sc->rval);
		break;
	default:
		/* Register sets are not decoded: their address. */
		pr_ptr(sc->p, data);
		break;
	}
	return RV_DEC;
}

int decode_ptrace(struct sc *sc)
{
	return sc->exiting ? ptrace_exit(sc) : ptrace_entry(sc);
}
