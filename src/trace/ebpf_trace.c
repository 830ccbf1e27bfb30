/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `sysray trace` on the kernel program: counting (-c) or lines. A started command waits on a
 * pipe until its pid is in the kernel's set, then execs: the trace starts at that execve, as
 * strace's does, and no syscall of the command is missed. -p puts the named threads in the set (with -f every
 * thread of each process) without stopping them; -f children join in the kernel at fork.
 */
#include "trace/ebpf_trace.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "output/out.h"
#include "schema/syscalls.h"
#include "trace/count.h"
#include "util/command_env.h"
#include "util/path_search.h"
#include "util/util.h"

struct run {
	const struct trace_opts *o;
	struct trace_count *tc;
	struct ebpf_lines *lines;	/* line mode, or NULL: counting */
	int quiet;
	pid_t started;		/* the command, 0 with -p only */
	bool started_reaped;	/* its status is STARTED_STATUS */
	int started_status;
	pid_t *attached;	/* -p threads, in the order they were put in the set */
	size_t nattached;
};

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
	interrupted = sig;
}

/* SIGCHLD only wakes the wait, after which the children that ended are reaped. */
static void on_child(int sig)
{
	(void)sig;
}

/* The tracer's own dispositions (as under ptrace), and what they were: the command gets the
 * originals back before its execve. */
static const int run_signals[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTTOU, SIGTTIN, SIGPIPE };
static struct sigaction saved_actions[ARRAY_SIZE(run_signals)];
static struct sigaction saved_child_action;
static sigset_t saved_mask;

/* BLOCKING: SIGTERM, SIGHUP (and SIGPIPE) leave the trace running, as under ptrace. */
static void take_signals(bool attaching, bool blocking)
{
	struct sigaction sa = { .sa_handler = on_interrupt };
	struct sigaction ign = { .sa_handler = SIG_IGN };
	sigset_t block;

	sigemptyset(&sa.sa_mask);
	sigemptyset(&ign.sa_mask);
	sigemptyset(&block);
	attaching = attaching && !blocking;
	for (size_t i = 0; i < ARRAY_SIZE(run_signals); i++) {
		int sig = run_signals[i];
		/* Starting a command, the terminal's signals go to it; its death ends the count. */
		bool catch = ((sig == SIGTERM || sig == SIGHUP) && !blocking) ||
			     (attaching && (sig == SIGINT || sig == SIGQUIT));

		/* SIGPIPE keeps its disposition unless blocking */
		bool keep = sig == SIGPIPE && !blocking;

		sigaction(sig, keep ? NULL : catch ? &sa : &ign, &saved_actions[i]);
		if (catch)
			sigaddset(&block, sig);
	}
	struct sigaction child = { .sa_handler = on_child };

	sigemptyset(&child.sa_mask);
	sigaction(SIGCHLD, &child, &saved_child_action);
	sigaddset(&block, SIGCHLD);
	/* Caught signals arrive only while waiting (trace_count_wait's mask): no lost wake-up. */
	sigprocmask(SIG_BLOCK, &block, &saved_mask);
}

static void restore_signals(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(run_signals); i++)
		sigaction(run_signals[i], &saved_actions[i], NULL);
	sigaction(SIGCHLD, &saved_child_action, NULL);
	sigprocmask(SIG_SETMASK, &saved_mask, NULL);
}

/*
 * The tracer's children that ended, reaped as a ptrace tracer's wait reaps them: the command
 * (its status kept for the end) and any other, such as a CLONE_PARENT child of a traced
 * process, whose parent may wait until it is gone (kill(pid, 0) failing).
 */
static void reap_children(struct run *r)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG | __WALL)) > 0) {
		if (pid == r->started) {
			r->started_reaped = true;
			r->started_status = status;
		}
	}
}

/* ---- the started command ---- */

static int start_command(struct run *r)
{
	const struct trace_opts *o = r->o;
	char *path = path_search(o->argv[0]);
	int go[2];

	if (!path) {
		fprintf(stderr, "%s: Can't stat '%s': %s\n", progname, o->argv[0], strerror(errno));
		return -1;
	}
	if (pipe2(go, O_CLOEXEC) < 0) {
		msg_errno("pipe");
		free(path);
		return -1;
	}
	pid_t pid = fork();

	if (pid < 0) {
		msg_errno("fork");
		free(path);
		close(go[0]);
		close(go[1]);
		return -1;
	}
	if (pid == 0) {
		char c;

		restore_signals();
		close(go[1]);
		command_apply_env(o->env_changes, o->nenv_changes);
		/* Released once the parent has put this pid in the set; EOF: it could not. */
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		if (o->username)
			command_become_user(o->username);
		execv(path, o->argv);
		fprintf(stderr, "%s: exec: %s\n", progname, strerror(errno));
		_exit(1);
	}
	free(path);
	close(go[0]);
	/* Its fds now are the ones its execve starts with, but for the close-on-exec ones. */
	if (r->lines)
		ebpf_lines_seed(r->lines, pid, pid);
	int e = trace_count_add(r->tc, pid, true);

	if (e) {
		msg("cannot put process %d in the kernel's traced set: %s", pid, strerror(-e));
		close(go[1]);
		waitpid(pid, NULL, 0);
		return -1;
	}
	r->started = pid;
	if (write(go[1], "", 1) != 1) {
		msg_errno("cannot release process %d", pid);
		close(go[1]);
		return -1;
	}
	close(go[1]);
	return 0;
}

/* ---- -p ---- */

static bool attached_before(const struct run *r, pid_t tid)
{
	for (size_t i = 0; i < r->nattached; i++)
		if (r->attached[i] == tid)
			return true;
	return false;
}

/* Puts TID of process TGID in the set; 1 when newly, 0 when it was, -1 after a message. */
static int attach_tid(struct run *r, pid_t tid, pid_t tgid)
{
	if (attached_before(r, tid))
		return 0;
	if (r->lines)
		ebpf_lines_seed(r->lines, tid, tgid);
	int e = trace_count_add(r->tc, tid, false);

	if (e) {
		msg("cannot put thread %d in the kernel's traced set: %s", tid, strerror(-e));
		return -1;
	}
	r->attached = xrealloc(r->attached, (r->nattached + 1) * sizeof(*r->attached));
	r->attached[r->nattached++] = tid;
	return 1;
}

/* -f: every thread of PID. A thread made by one not yet in the set is missed by the fork
 * tracepoint, so the task list is read again until it holds no new thread. Returns how many
 * threads other than PID joined. */
static int attach_threads(struct run *r, pid_t pid)
{
	char dir[64];
	int added = 0, round;

	snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
	do {
		DIR *d = opendir(dir);
		struct dirent *de;

		round = 0;
		if (!d)
			break;
		while ((de = readdir(d)))
			if (de->d_name[0] != '.' && attach_tid(r, (pid_t)atoi(de->d_name), pid) > 0)
				round++;
		closedir(d);
		added += round;
	} while (round);
	return added;
}

/* As under ptrace (and strace): the same checks and messages. */
static void attach_pid(struct run *r, pid_t pid)
{
	if (pid <= 0 || kill(pid, 0) < 0) {
		fprintf(stderr, "%s: attach: ptrace(PTRACE_SEIZE, %d): %s\n", progname, pid,
			strerror(pid <= 0 ? ESRCH : errno));
		return;
	}
	if (pid == getpid()) {
		msg("I'm sorry, I can't let you do that, Dave.");
		return;
	}
	int rc = attach_tid(r, pid, pid);

	if (rc <= 0)	/* named twice, or a thread of a process named before */
		return;
	int nthreads = 1 + (r->o->follow_forks ? attach_threads(r, pid) : 0);

	if (r->quiet)
		return;
	if (nthreads > 1)
		fprintf(stderr, "%s: Process %d attached with %d threads\n", progname, pid,
			nthreads);
	else
		fprintf(stderr, "%s: Process %d attached\n", progname, pid);
}

/* ---- the end ---- */

static void on_note(void *ctx, const struct tc_note *n)
{
	const struct run *r = ctx;

	if (n->kind == TC_NOTE_FORK && !r->quiet)
		fprintf(stderr, "%s: Process %u attached\n", progname, n->tid);
}

/* The summary's rows; a syscall that never fails counts no error, as under ptrace. */
static void merge_row(void *ctx, long nr, const struct tc_row *row)
{
	const struct syscall_info *si = syscall_by_nr(nr);
	uint64_t errors = si && (si->classes & SC_NEVER_FAILS) ? 0 : row->errors;

	count_merge(ctx, nr, row->calls, errors, row->total_ns, row->min_ns, row->max_ns);
}

/* strace's table, to -o FILE if given, else to stderr. */
static int print_summary(const struct run *r, int fd)
{
	struct count_table *c = count_new();
	struct out text = { 0 };
	int e = trace_count_rows(r->tc, merge_row, c);

	if (e) {
		msg("cannot read the in-kernel counts: %s", strerror(-e));
		count_free(c);
		return -1;
	}
	count_print(c, r->o, &text);
	count_free(c);
	for (size_t done = 0; done < text.len;) {
		ssize_t w = write(fd, text.buf + done, text.len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			msg_errno("cannot write the summary");
			break;
		}
		done += (size_t)w;
	}
	out_free(&text);
	return 0;
}

/* Line mode: each kernel event to the printer. */
static void on_event(void *ctx, const struct tl_head *ev, size_t size)
{
	const struct run *r = ctx;

	ebpf_lines_event(r->lines, ev, size);
}

/* Everything the ring still holds, once the programs are detached. */
static void drain(struct run *r)
{
	while (trace_count_wait(r->tc, 0, &saved_mask, on_note, on_event, r) > 0)
		;
}

int ebpf_trace_run(const struct trace_opts *o, struct trace_count *tc, int quiet,
		   struct ebpf_lines *lines, int *fatal_sig)
{
	struct run r = { .o = o, .tc = tc, .lines = lines, .quiet = quiet };
	int out_fd = STDERR_FILENO, rc = -1;

	*fatal_sig = 0;
	interrupted = 0;
	/* Lines: the printer owns -o. */
	if (o->outfile && !lines) {
		out_fd = open(o->outfile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (out_fd < 0) {
			msg_errno("Can't fopen '%s'", o->outfile);
			trace_count_close(tc);
			return -1;
		}
	}
	take_signals(o->npids > 0 || !o->argv, trace_opts_blocks_signals(o));
	for (int i = 0; i < o->npids; i++)
		attach_pid(&r, o->pids[i]);
	if (o->argv && start_command(&r) < 0)
		goto out;
	if (!r.started && !r.nattached)
		goto out;

	uint64_t lost_said = 0;

	while (!interrupted && trace_count_live(tc) > 0) {
		/* A lost note cannot leave it waiting: the set is looked at each second. */
		int n = trace_count_wait(tc, 1000, &saved_mask, on_note, on_event, &r);

		reap_children(&r);
		if (n < 0 && n != -EINTR) {
			msg("cannot wait for the traced processes: %s", strerror(-n));
			break;
		}
		/* -v: losses as they happen, not only at the end. */
		if (o->verbose_mode && trace_count_lost(tc) > lost_said) {
			lost_said = trace_count_lost(tc);
			fprintf(stderr, "%s: %llu events lost so far\n", progname,
				(unsigned long long)lost_said);
		}
	}
	/* Detached: the programs are gone, the processes run on untouched (the set stays as
	 * it was: trace_count_has() still answers). */
	trace_count_stop(tc);
	/* As strace: the command started is killed by the signal that ended the trace, once
	 * detached (its death is not traced). */
	if (interrupted && r.started && !r.started_reaped && trace_count_has(tc, r.started))
		kill(r.started, interrupted);
	if (lines)
		drain(&r);
	/* Every syscall still open ends its line as a ptrace detach ends it. */
	if (lines && interrupted)
		ebpf_lines_detach_all(lines);
	for (size_t i = 0; interrupted && i < r.nattached; i++) {
		if (!trace_count_has(tc, r.attached[i]))
			continue;
		if (!quiet)
			fprintf(stderr, "%s: Process %d detached\n", progname, r.attached[i]);
	}
	rc = 0;
	if (r.started && !interrupted && !r.started_reaped)
		r.started_reaped = waitpid(r.started, &r.started_status, 0) == r.started;
	if (r.started && !interrupted && r.started_reaped) {
		int status = r.started_status;

		if (WIFEXITED(status)) {
			rc = WEXITSTATUS(status);
		} else if (WIFSIGNALED(status)) {
			rc = 128 + WTERMSIG(status);
			*fatal_sig = WTERMSIG(status);
		}
	}
	if (interrupted)
		*fatal_sig = interrupted;
	if (!lines && print_summary(&r, out_fd) && rc == 0)
		rc = 1;
	uint64_t lost = trace_count_lost(tc);

	if (lost)
		fprintf(stderr, "%s: %llu events lost\n", progname, (unsigned long long)lost);
out:
	restore_signals();
	if (out_fd != STDERR_FILENO)
		close(out_fd);
	free(r.attached);
	trace_count_close(tc);
	return rc;
}
