/* SPDX-License-Identifier: Apache-2.0 */
#include "source/ptrace/tracer.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <unistd.h>

#include "source/ptrace/tracee_mem.h"
#include "util/command_env.h"
#include "util/path_search.h"
#include "util/util.h"

/* x86_64 numbers of the two syscalls that replace a process image. */
#define NR_EXECVE 59
#define NR_EXECVEAT 322

struct tracee {
	pid_t pid;
	bool in_syscall;	/* between an entry and its exit stop */
	bool fresh;		/* its first (attach) stop is still to come */
	bool hidden;		/* the started command before its execve: not reported */
	bool attached;		/* came from -p: detach, do not kill */
	bool started;		/* the command we started: its SIGCONT is ours, not its own */
	int pending_sig;	/* asked for by the sink; sent at the next syscall stop */
	bool delayed;		/* held at a syscall stop until RESUME_AT, then sent RESUME_SIG */
	int resume_sig;
	struct timespec resume_at;
};

struct tracer {
	const struct tracer_config *cfg;
	tracer_sink_fn *sink;
	void *ctx;
	struct tracee *t;
	int nt, cap;
	pid_t started;		/* pid of the started command, 0 if none */
	int exit_status;
	int fatal_sig;
	unsigned long ptrace_opts;
	int ndelayed;		/* tracees with .delayed set */
};

static volatile sig_atomic_t interrupted;

/*
 * The tracer's own signal dispositions, and what they were before. SIG_IGN survives
 * execve, so the command gets the originals back: it must not inherit our choices.
 */
static const int tracer_signals[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTTOU, SIGTTIN,
				      SIGPIPE };
static struct sigaction saved_actions[ARRAY_SIZE(tracer_signals)];
/* SIGCHLD stays blocked in the tracer so that sigtimedwait can wait for a stop or a timeout. */
static sigset_t saved_mask;

static void restore_signals(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(tracer_signals); i++)
		sigaction(tracer_signals[i], &saved_actions[i], NULL);
	sigprocmask(SIG_SETMASK, &saved_mask, NULL);
}

static void on_interrupt(int sig)
{
	interrupted = sig;
}

static struct tracee *find(struct tracer *tr, pid_t pid)
{
	for (int i = 0; i < tr->nt; i++)
		if (tr->t[i].pid == pid)
			return &tr->t[i];
	return NULL;
}

static struct tracee *add(struct tracer *tr, pid_t pid)
{
	if (tr->nt == tr->cap) {
		tr->cap = tr->cap ? tr->cap * 2 : 16;
		tr->t = xrealloc(tr->t, (size_t)tr->cap * sizeof(*tr->t));
	}
	struct tracee *t = &tr->t[tr->nt++];
	*t = (struct tracee){ .pid = pid, .fresh = true };
	return t;
}

static void drop(struct tracer *tr, struct tracee *t)
{
	if (t->delayed)
		tr->ndelayed--;
	*t = tr->t[--tr->nt];
}

static void emit(struct tracer *tr, struct tracer_event *ev, bool hidden)
{
	if (hidden)
		return;
	struct mem_reader mem = tracee_mem_reader(ev->pid);
	ev->mem = &mem;
	tr->sink(tr->ctx, ev);
}

/*
 * The started command is hidden until its execve: what runs before is sysray's own
 * set-up code. From then on it is reported like any traced process. Its appearance takes
 * the time WHEN of the stop that reveals it, so that it is not later than that stop's own
 * event (a capture's events are in time order).
 */
static void reveal(struct tracer *tr, struct tracee *t, struct timespec when)
{
	t->hidden = false;
	struct tracer_event ev = { .kind = TEV_NEW_CHILD, .pid = t->pid, .when = when };
	emit(tr, &ev, false);
}

/* ---- starting the command ---- */

/* In the child, before execve: a filter that stops only at the syscalls in the set. */
static int install_seccomp(const struct tracer_config *cfg)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	if (!ctx)
		return -1;
	/* With CAP_SYS_ADMIN the kernel takes a filter without no_new_privs; keep setuid working. */
	if (geteuid() == 0)
		seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
	int rc = 0;
	for (int nr = 0; nr < cfg->stop_set_limit && rc == 0; nr++)
		if (cfg->stop_set[nr / 64] >> (nr % 64) & 1)
			rc = seccomp_rule_add(ctx, SCMP_ACT_TRACE(0), nr, 0);
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	return rc;
}

/* In the process that becomes the command, once traced: never returns. */
static void exec_command(const struct tracer_config *cfg, const char *path)
{
	if (cfg->use_seccomp && install_seccomp(cfg) != 0) {
		fprintf(stderr, "%s: seccomp filter is requested but unavailable\n", progname);
		_exit(1);
	}
	if (cfg->username)
		command_become_user(cfg->username);
	execv(path, cfg->argv);
	fprintf(stderr, "%s: exec: %s\n", progname, strerror(errno));
	_exit(1);
}

/*
 * -D: the calling process becomes the command, so that its parent (a shell) keeps its
 * child; a grandchild traces it, detached from that parent (-DD: in a process group of its
 * own, -DDD: in a session of its own). Returns in the grandchild only.
 */
static int start_daemonized(struct tracer *tr, const char *path)
{
	const struct tracer_config *cfg = tr->cfg;
	pid_t command = getpid();
	int sync[2];
	if (pipe2(sync, O_CLOEXEC) < 0) {
		msg_errno("pipe");
		return -1;
	}
	pid_t mid = fork();
	if (mid < 0) {
		msg_errno("fork");
		return -1;
	}
	if (mid > 0) {
		char c;
		close(sync[1]);
		waitpid(mid, NULL, 0);
		restore_signals();
		command_apply_env(cfg->env_changes, cfg->nenv_changes);
		/* End of file: the tracer has seized this process; a byte: it could not. */
		if (read(sync[0], &c, 1) != 0)
			_exit(1);
		close(sync[0]);
		exec_command(cfg, path);
	}
	close(sync[0]);
	/* The middle process ends at once: the tracer is nobody's child that waits. */
	if (fork() != 0)
		_exit(0);
	if (cfg->daemonize == 2)
		setpgid(0, 0);
	else if (cfg->daemonize >= 3)
		setsid();
	/* Seized while it waits on the pipe; the interrupt stop lets it be resumed stepping. */
	if (ptrace(PTRACE_SEIZE, command, 0, tr->ptrace_opts) < 0) {
		msg_errno("ptrace(PTRACE_SEIZE, %d)", command);
		if (write(sync[1], "x", 1) < 0)
			kill(command, SIGKILL);
		return -1;
	}
	ptrace(PTRACE_INTERRUPT, command, 0, 0);
	struct tracee *t = add(tr, command);
	t->hidden = true;
	tr->started = command;
	close(sync[1]);
	return 0;
}

static int start_command(struct tracer *tr)
{
	const struct tracer_config *cfg = tr->cfg;
	char *path = path_search(cfg->argv[0]);
	if (!path) {
		fprintf(stderr, "%s: Can't stat '%s': %s\n", progname, cfg->argv[0], strerror(errno));
		return -1;
	}
	if (cfg->daemonize) {
		int rc = start_daemonized(tr, path);
		free(path);
		return rc;
	}
	pid_t pid = fork();
	if (pid < 0) {
		msg_errno("fork");
		free(path);
		return -1;
	}
	if (pid == 0) {
		restore_signals();
		command_apply_env(cfg->env_changes, cfg->nenv_changes);
		/* The tracer seizes us while we are stopped here, then sends SIGCONT. */
		raise(SIGSTOP);
		exec_command(cfg, path);
	}
	free(path);
	/*
	 * Seized (not PTRACE_TRACEME) so that group-stops are reported as such and the
	 * process really stays stopped; its children are then seized too.
	 */
	int status;
	if (waitpid(pid, &status, WSTOPPED) < 0 || !WIFSTOPPED(status)) {
		msg("the command ended before it could be traced");
		return -1;
	}
	if (ptrace(PTRACE_SEIZE, pid, 0, tr->ptrace_opts) < 0) {
		msg_errno("ptrace(PTRACE_SEIZE, %d)", pid);
		kill(pid, SIGKILL);
		return -1;
	}
	struct tracee *t = add(tr, pid);
	t->hidden = true;
	t->started = true;
	tr->started = pid;
	kill(pid, SIGCONT);
	return 0;
}

/* ---- attaching to running processes ---- */

static pid_t tracer_pid_of(pid_t pid)
{
	char path[64], line[256];
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	FILE *f = fopen(path, "r");
	pid_t tracer = 0;
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "TracerPid: %d", &tracer) == 1)
			break;
	fclose(f);
	return tracer;
}

static void explain_attach_failure(pid_t pid, int err)
{
	fprintf(stderr, "%s: attach: ptrace(PTRACE_SEIZE, %d): %s", progname, pid, strerror(err));
	if (err == EPERM) {
		pid_t other = tracer_pid_of(pid);
		if (other)
			fprintf(stderr, " (already traced by process %d)", other);
		else if (geteuid() != 0)
			fprintf(stderr, " (not your process, or CAP_SYS_PTRACE is missing;"
					" see /proc/sys/kernel/yama/ptrace_scope)");
		else
			fprintf(stderr, " (the process is protected: a kernel thread, or"
					" a security module forbids it)");
	}
	fputc('\n', stderr);
}

/* Seizes PID; with EXPLAIN a failure is explained. 0 when newly traced, 1 when it already
 * was, -1 on failure. */
static int attach_one(struct tracer *tr, pid_t pid, bool explain)
{
	if (find(tr, pid))
		return 1;
	if (ptrace(PTRACE_SEIZE, pid, 0, tr->ptrace_opts) < 0) {
		int err = errno;
		if (explain)
			explain_attach_failure(pid, err);
		return -1;
	}
	ptrace(PTRACE_INTERRUPT, pid, 0, 0);
	struct tracee *t = add(tr, pid);
	t->attached = true;
	struct tracer_event ev = { .kind = TEV_ATTACHED, .pid = pid };
	emit(tr, &ev, t->hidden);
	return 0;
}

/* strace's line for a process traced through -p, with how many of its threads are. */
static void announce_attached(const struct tracer *tr, pid_t pid, int nthreads)
{
	if (tr->cfg->quiet)
		return;
	if (nthreads > 1)
		fprintf(stderr, "%s: Process %d attached with %d threads\n", progname, pid,
			nthreads);
	else
		fprintf(stderr, "%s: Process %d attached\n", progname, pid);
}

static int attach_pid(struct tracer *tr, pid_t pid)
{
	if (pid <= 0 || kill(pid, 0) < 0) {
		fprintf(stderr, "%s: attach: ptrace(PTRACE_SEIZE, %d): %s\n", progname, pid,
			strerror(pid <= 0 ? ESRCH : errno));
		return -1;
	}
	if (pid == getpid()) {
		msg("I'm sorry, I can't let you do that, Dave.");
		return -1;
	}
	int rc = attach_one(tr, pid, true);
	if (rc < 0)
		return rc;
	if (rc > 0)		/* named twice, or a thread of a process named before */
		return 0;
	/* With -f every thread of the process is traced, not only the one named. */
	int nthreads = 1;
	char dir[64];
	snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
	DIR *d = tr->cfg->follow_forks ? opendir(dir) : NULL;
	if (d) {
		struct dirent *de;
		while ((de = readdir(d)))
			if (de->d_name[0] != '.' &&
			    attach_one(tr, (pid_t)atoi(de->d_name), false) == 0)
				nthreads++;
		closedir(d);
	}
	announce_attached(tr, pid, nthreads);
	return 0;
}

/* ---- the stop loop ---- */

static void resume(struct tracer *tr, struct tracee *t, int sig)
{
	/*
	 * In seccomp mode a process runs freely until the filter stops it again; stepping
	 * would add a syscall-entry stop before every seccomp stop.
	 */
	bool step = !tr->cfg->use_seccomp || t->in_syscall;
	if (ptrace(step ? PTRACE_SYSCALL : PTRACE_CONT, t->pid, 0, sig) < 0 && errno != ESRCH)
		msg_errno("ptrace(%s, %d)", step ? "PTRACE_SYSCALL" : "PTRACE_CONT", t->pid);
}

/* ---- tampering with syscalls (struct tracer_action) ---- */

/* Word by word, for pages process_vm_writev refuses (read-only text, for one). */
static size_t poke_words(pid_t pid, uint64_t addr, const unsigned char *buf, size_t n)
{
	size_t done = 0;
	while (done < n) {
		uint64_t at = addr + done;
		uint64_t base = at & ~(uint64_t)(sizeof(long) - 1);
		size_t off = (size_t)(at - base);
		size_t len = sizeof(long) - off;
		if (len > n - done)
			len = n - done;
		long word = 0;
		if (off || len < sizeof(long)) {
			errno = 0;
			word = ptrace(PTRACE_PEEKDATA, pid, (void *)(uintptr_t)base, 0);
			if (errno)
				break;
		}
		memcpy((char *)&word + off, buf + done, len);
		if (ptrace(PTRACE_POKEDATA, pid, (void *)(uintptr_t)base, (void *)word) < 0)
			break;
		done += len;
	}
	return done;
}

static size_t write_tracee_mem(pid_t pid, uint64_t addr, const void *buf, size_t n)
{
	if (!n)
		return 0;
	struct iovec local = { (void *)buf, n };
	struct iovec remote = { (void *)(uintptr_t)addr, n };
	/* It stops at the first page it cannot write: a short count is a partial write. */
	ssize_t w = process_vm_writev(pid, &local, 1, &remote, 1, 0);
	if (w > 0)
		return (size_t)w;
	return poke_words(pid, addr, buf, n);
}

static void set_user_reg(pid_t pid, size_t offset, uint64_t value)
{
	if (ptrace(PTRACE_POKEUSER, pid, (void *)offset, (void *)(uintptr_t)value) < 0 &&
	    errno != ESRCH)
		msg_errno("ptrace(PTRACE_POKEUSER, %d)", pid);
}

/*
 * At the entry stop the kernel has not looked at orig_rax yet: a new number there is the
 * syscall it runs, and -1 runs none and leaves RAX (-ENOSYS until changed) as the result.
 * At the exit stop RAX is what the process sees returned.
 */
static void apply_action(struct tracee *t, const struct tracer_action *a, bool entering)
{
	if (entering && a->set_nr)
		set_user_reg(t->pid, offsetof(struct user_regs_struct, orig_rax),
			     (uint64_t)a->nr);
	if (a->set_rval)
		set_user_reg(t->pid, offsetof(struct user_regs_struct, rax), (uint64_t)a->rval);
	if (a->signal)
		t->pending_sig = a->signal;
}

/* Holds T at its stop for DELAY; the main loop resumes it (with SIG) when the time comes. */
static void hold(struct tracer *tr, struct tracee *t, const struct timespec *delay, int sig)
{
	clock_gettime(CLOCK_MONOTONIC, &t->resume_at);
	t->resume_at.tv_sec += delay->tv_sec;
	t->resume_at.tv_nsec += delay->tv_nsec;
	if (t->resume_at.tv_nsec >= 1000000000) {
		t->resume_at.tv_sec++;
		t->resume_at.tv_nsec -= 1000000000;
	}
	t->resume_sig = sig;
	t->delayed = true;
	tr->ndelayed++;
}

/*
 * Resumes the held tracees whose time has come. Returns false if none is held any more,
 * else true with *WAIT set to the time until the next one is due.
 */
static bool resume_due(struct tracer *tr, struct timespec *wait)
{
	if (!tr->ndelayed)
		return false;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	int64_t next = INT64_MAX;
	for (int i = 0; i < tr->nt; i++) {
		struct tracee *t = &tr->t[i];
		if (!t->delayed)
			continue;
		int64_t left = (t->resume_at.tv_sec - now.tv_sec) * 1000000000ll +
			       (t->resume_at.tv_nsec - now.tv_nsec);
		if (left > 0) {
			if (left < next)
				next = left;
			continue;
		}
		t->delayed = false;
		tr->ndelayed--;
		resume(tr, t, t->resume_sig);
	}
	if (!tr->ndelayed)
		return false;
	wait->tv_sec = (time_t)(next / 1000000000);
	wait->tv_nsec = (long)(next % 1000000000);
	return true;
}

static uint64_t stime_ns(const struct rusage *ru)
{
	return (uint64_t)ru->ru_stime.tv_sec * 1000000000ull + (uint64_t)ru->ru_stime.tv_usec * 1000ull;
}

static void on_syscall_stop(struct tracer *tr, struct tracee *t, struct tracer_event *ev)
{
	struct __ptrace_syscall_info info;
	long n = ptrace(PTRACE_GET_SYSCALL_INFO, t->pid, sizeof(info), &info);
	if (n <= 0) {
		resume(tr, t, 0);
		return;
	}
	ev->ip = info.instruction_pointer;
	ev->sp = info.stack_pointer;
	if (info.op == PTRACE_SYSCALL_INFO_SECCOMP && t->in_syscall) {
		/* Already reported by its syscall-entry stop. */
		resume(tr, t, 0);
		return;
	}
	if (info.op == PTRACE_SYSCALL_INFO_ENTRY || info.op == PTRACE_SYSCALL_INFO_SECCOMP) {
		/* The seccomp and entry layouts share nr and args. */
		ev->kind = TEV_SYSCALL_ENTRY;
		ev->nr = (long)info.entry.nr;
		memcpy(ev->args, info.entry.args, sizeof(ev->args));
		if (t->hidden && (ev->nr == NR_EXECVE || ev->nr == NR_EXECVEAT))
			reveal(tr, t, ev->when);
		t->in_syscall = true;
	} else if (info.op == PTRACE_SYSCALL_INFO_EXIT) {
		ev->kind = TEV_SYSCALL_EXIT;
		ev->rval = info.exit.rval;
		ev->is_error = info.exit.is_error;
		t->in_syscall = false;
	} else {
		resume(tr, t, 0);
		return;
	}
	struct tracer_action act = { .write_mem = write_tracee_mem };
	ev->action = &act;
	emit(tr, ev, t->hidden);
	apply_action(t, &act, ev->kind == TEV_SYSCALL_ENTRY);
	/*
	 * A signal given to PTRACE_SYSCALL at a syscall stop is sent to the process; at a
	 * seccomp stop it is dropped, so it waits for the exit stop.
	 */
	int sig = 0;
	if (info.op != PTRACE_SYSCALL_INFO_SECCOMP) {
		sig = t->pending_sig;
		t->pending_sig = 0;
	}
	if (act.delay.tv_sec || act.delay.tv_nsec)
		hold(tr, t, &act.delay, sig);
	else
		resume(tr, t, sig);
}

/* A fork/clone child is traced from now on (auto-attached by PTRACE_O_TRACE*). */
static struct tracee *adopt_child(struct tracer *tr, pid_t pid, bool hidden)
{
	struct tracee *t = add(tr, pid);
	t->hidden = hidden;
	if (!tr->cfg->quiet && !hidden)
		fprintf(stderr, "%s: Process %d attached\n", progname, pid);
	struct tracer_event ev = { .kind = TEV_NEW_CHILD, .pid = pid };
	clock_gettime(CLOCK_MONOTONIC, &ev.when);
	emit(tr, &ev, hidden);
	return t;
}

static void on_new_child(struct tracer *tr, struct tracee *parent)
{
	unsigned long child = 0;
	if (ptrace(PTRACE_GETEVENTMSG, parent->pid, 0, &child) < 0 || !child)
		return;
	if (!find(tr, (pid_t)child))
		adopt_child(tr, (pid_t)child, parent->hidden);	/* may move PARENT */
}

/* -b execve: T, stopped at its exec event, goes on untraced. */
static void detach_one(struct tracer *tr, struct tracee *t)
{
	struct tracer_event ev = { .kind = TEV_DETACHED, .pid = t->pid,
				   .in_syscall = t->in_syscall };
	clock_gettime(CLOCK_MONOTONIC, &ev.when);
	ptrace(PTRACE_DETACH, t->pid, 0, 0);
	emit(tr, &ev, t->hidden);
	if (!tr->cfg->quiet)
		fprintf(stderr, "%s: Process %d detached\n", progname, t->pid);
	drop(tr, t);
}

static void on_exec(struct tracer *tr, struct tracee *t, struct tracer_event *ev)
{
	unsigned long former = 0;
	if (ptrace(PTRACE_GETEVENTMSG, t->pid, 0, &former) == 0 && (pid_t)former != t->pid) {
		/*
		 * A non-leader thread exec'd: it goes on under the leader's pid, in its execve;
		 * the leader's own state is gone with it.
		 */
		struct tracee *old = find(tr, (pid_t)former);
		if (old) {
			struct tracer_event gone = { .kind = TEV_EXEC_SUPERSEDED, .pid = t->pid,
						     .old_pid = (pid_t)former, .when = ev->when };
			emit(tr, &gone, t->hidden);
			pid_t leader = t->pid;
			if (t->delayed)
				tr->ndelayed--;
			*t = *old;
			t->pid = leader;
			old->delayed = false;
			drop(tr, old);
			t = find(tr, leader);
		}
	}
	if (t->hidden) {
		reveal(tr, t, ev->when);
	} else if (tr->cfg->detach_on_execve) {
		detach_one(tr, t);
		return;
	}
	resume(tr, t, 0);
}

static void on_signal_stop(struct tracer *tr, struct tracee *t, int sig, int event,
			   struct tracer_event *ev)
{
	siginfo_t si;
	if (event == PTRACE_EVENT_STOP) {
		if (t->fresh || !(sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
				  sig == SIGTTOU)) {
			/* Attach or interrupt stop: nothing to report. */
			t->fresh = false;
			resume(tr, t, 0);
			return;
		}
		ev->kind = TEV_GROUP_STOP;
		ev->sig = sig;
		emit(tr, ev, t->hidden);
		/* PTRACE_LISTEN leaves it stopped but lets us see SIGCONT. */
		ptrace(PTRACE_LISTEN, t->pid, 0, 0);
		return;
	}
	if (t->started && t->hidden && sig == SIGCONT) {
		/* The SIGCONT that released the command we started: not its own signal. */
		resume(tr, t, 0);
		return;
	}
	if (ptrace(PTRACE_GETSIGINFO, t->pid, 0, &si) < 0) {
		/* No siginfo: a group-stop of a process that was not seized. */
		ev->kind = TEV_GROUP_STOP;
		ev->sig = sig;
		emit(tr, ev, t->hidden);
		resume(tr, t, 0);
		return;
	}
	struct user_regs_struct regs;
	if (ptrace(PTRACE_GETREGS, t->pid, 0, &regs) == 0)
		ev->ip = regs.rip;
	ev->kind = TEV_SIGNAL;
	ev->sig = sig;
	ev->si = si;
	emit(tr, ev, t->hidden);
	resume(tr, t, sig);
}

static void handle_stop(struct tracer *tr, pid_t pid, int status, const struct rusage *ru)
{
	struct tracee *t = find(tr, pid);
	if (!t && !WIFSTOPPED(status))
		return;		/* a child of ours never traced (the reader of -o '|CMD') */
	if (!t) {
		/* A new child can stop before its parent's fork event is seen. */
		t = adopt_child(tr, pid, false);
	}
	struct tracer_event ev = { .pid = pid, .stime_ns = stime_ns(ru) };
	clock_gettime(CLOCK_MONOTONIC, &ev.when);

	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		if (WIFEXITED(status)) {
			ev.kind = TEV_EXITED;
			ev.status = WEXITSTATUS(status);
		} else {
			ev.kind = TEV_KILLED;
			ev.sig = WTERMSIG(status);
			ev.core_dumped = WCOREDUMP(status);
		}
		if (pid == tr->started) {
			tr->exit_status = WIFEXITED(status) ? ev.status : 128 + ev.sig;
			tr->fatal_sig = WIFSIGNALED(status) ? ev.sig : 0;
		}
		emit(tr, &ev, t->hidden);
		drop(tr, t);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	int sig = WSTOPSIG(status);
	int event = (unsigned)status >> 16;
	if (sig == (SIGTRAP | 0x80)) {
		t->fresh = false;
		on_syscall_stop(tr, t, &ev);
		return;
	}
	switch (event) {
	case PTRACE_EVENT_SECCOMP:
		t->fresh = false;
		on_syscall_stop(tr, t, &ev);
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		on_new_child(tr, t);
		resume(tr, find(tr, pid), 0);
		return;
	case PTRACE_EVENT_EXEC:
		on_exec(tr, t, &ev);
		return;
	case PTRACE_EVENT_EXIT:
		ev.kind = TEV_EXITING;
		emit(tr, &ev, t->hidden);
		resume(tr, t, 0);
		return;
	case PTRACE_EVENT_VFORK_DONE:
		resume(tr, t, 0);
		return;
	}
	on_signal_stop(tr, t, sig, event, &ev);
}

/* Lets every process go: -p ones detached where they are, started ones too, in the order
 * they were traced (strace's), which drop() does not keep in the table. */
static void detach_all(struct tracer *tr)
{
	size_t n = (size_t)tr->nt;
	pid_t *order = xmalloc((n ? n : 1) * sizeof(*order));

	for (size_t i = 0; i < n; i++)
		order[i] = tr->t[i].pid;
	for (size_t i = 0; i < n; i++) {
		struct tracee *t = find(tr, order[i]);

		if (!t)
			continue;
		pid_t pid = t->pid;
		bool inside = t->in_syscall;
		if (ptrace(PTRACE_DETACH, pid, 0, 0) < 0 && errno == ESRCH) {
			/* Running: stop it first, then detach at that stop. */
			if (ptrace(PTRACE_INTERRUPT, pid, 0, 0) == 0) {
				int status;
				while (waitpid(pid, &status, __WALL) == pid) {
					if (!WIFSTOPPED(status))
						break;
					int sig = WSTOPSIG(status);
					int event = (unsigned)status >> 16;
					int pass = (event == 0 && sig != (SIGTRAP | 0x80) &&
						    sig != SIGSTOP) ? sig : 0;
					if (ptrace(PTRACE_DETACH, pid, 0, pass) == 0 || errno == ESRCH)
						break;
				}
			}
		}
		struct tracer_event ev = { .kind = TEV_DETACHED, .pid = pid, .in_syscall = inside };
		emit(tr, &ev, t->hidden);
		if (!tr->cfg->quiet && t->attached)
			fprintf(stderr, "%s: Process %d detached\n", progname, pid);
		drop(tr, t);
	}
	free(order);
}

int tracer_run(const struct tracer_config *cfg, tracer_sink_fn *sink, void *ctx, int *fatal_sig)
{
	struct tracer tr = { .cfg = cfg, .sink = sink, .ctx = ctx };
	int rc = -1;
	tr.ptrace_opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;
	if (cfg->follow_forks)
		tr.ptrace_opts |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE;
	if (cfg->use_seccomp)
		tr.ptrace_opts |= PTRACE_O_TRACESECCOMP;

	struct sigaction sa = { .sa_handler = on_interrupt };
	struct sigaction ign = { .sa_handler = SIG_IGN };
	sigemptyset(&sa.sa_mask);
	sigemptyset(&ign.sa_mask);
	bool attaching = (cfg->npids > 0 || !cfg->argv) && !cfg->block_signals;
	/* No SA_RESTART: wait4 must return EINTR so the loop sees the request. */
	/* -I never (and -D by default): signals sent to the tracer do not end the trace. */
	sigaction(SIGTERM, cfg->block_signals ? &ign : &sa, &saved_actions[0]);
	sigaction(SIGHUP, cfg->block_signals ? &ign : &sa, &saved_actions[1]);
	/* Starting a command, the terminal signals it directly; its death ends the trace. */
	sigaction(SIGINT, attaching ? &sa : &ign, &saved_actions[2]);
	sigaction(SIGQUIT, attaching ? &sa : &ign, &saved_actions[3]);
	sigaction(SIGTTOU, &ign, &saved_actions[4]);
	sigaction(SIGTTIN, &ign, &saved_actions[5]);
	sigaction(SIGPIPE, cfg->block_signals ? &ign : NULL, &saved_actions[6]);
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, &saved_mask);

	for (int i = 0; i < cfg->npids; i++)
		attach_pid(&tr, cfg->pids[i]);
	if (cfg->argv && start_command(&tr) < 0)
		goto out;
	if (tr.nt == 0)
		goto out;

	while (tr.nt > 0) {
		if (interrupted) {
			if (tr.started && find(&tr, tr.started))
				kill(tr.started, interrupted);
			detach_all(&tr);
			break;
		}
		int status;
		struct rusage ru;
		struct timespec wait;
		bool holding = resume_due(&tr, &wait);
		pid_t pid = wait4(-1, &status, __WALL | (holding ? WNOHANG : 0), &ru);
		if (pid == 0) {
			/* A pending SIGCHLD means a stop to collect; else the next hold is over. */
			sigtimedwait(&chld, NULL, &wait);
			continue;
		}
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		handle_stop(&tr, pid, status, &ru);
	}
	rc = tr.exit_status;
	/* Interrupted, the tracer dies of the same signal, as strace does. */
	*fatal_sig = interrupted ? interrupted : tr.fatal_sig;
out:
	sigprocmask(SIG_SETMASK, &saved_mask, NULL);
	free(tr.t);
	return rc;
}
