/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The ptrace source: starts or attaches to processes, stops them at the syscalls asked
 * for, and reports what happens to each as events. It never prints; the sink decides.
 */
#ifndef SYSRAY_SOURCE_PTRACE_TRACER_H
#define SYSRAY_SOURCE_PTRACE_TRACER_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "source/mem_reader.h"

enum tracer_ev_kind {
	TEV_SYSCALL_ENTRY,
	TEV_SYSCALL_EXIT,
	TEV_SIGNAL,		/* signal-delivery-stop: the signal is about to be delivered */
	TEV_GROUP_STOP,		/* the process stopped (SIGSTOP, SIGTSTP, ...) */
	TEV_EXITED,		/* status = exit code */
	TEV_KILLED,		/* sig = fatal signal */
	/*
	 * Thread OLD_PID exec'd and now has the leader's id PID; the leader it replaced (a
	 * thread killed by that execve, or one that had exited) is gone.
	 */
	TEV_EXEC_SUPERSEDED,
	TEV_ATTACHED,		/* -p: the process is now traced */
	TEV_NEW_CHILD,		/* -f: a fork/clone child is now traced (pid = child) */
	TEV_DETACHED,		/* the tracer let it go, maybe inside a syscall */
	TEV_EXITING,		/* the thread is exiting: a syscall it is in will not return */
};

/*
 * What the sink asks of the tracer at a syscall stop, applied before the process resumes.
 * Live tracing hands one with each entry and exit event (ev->action); other sources hand
 * NULL. Zeroed, it changes nothing.
 */
struct tracer_action {
	/*
	 * Entry only: the syscall number the kernel runs instead (-1: none). A skipped
	 * syscall returns what RAX holds: -ENOSYS, or RVAL if set_rval.
	 */
	bool set_nr;
	long nr;
	/* Entry (with nr -1) or exit: the value the process sees returned; -errno for errors. */
	bool set_rval;
	int64_t rval;
	/* A signal sent as the process resumes (after a seccomp stop: at the syscall's exit). */
	int signal;
	/* The process is kept stopped this long before it resumes. */
	struct timespec delay;
	/*
	 * Filled by the tracer: writes N bytes at ADDR of the stopped process PID now, so a
	 * decoder sees them. Returns how many bytes were written (0 when none could be).
	 */
	size_t (*write_mem)(pid_t pid, uint64_t addr, const void *buf, size_t n);
};

struct tracer_event {
	enum tracer_ev_kind kind;
	pid_t pid;
	long nr;			/* syscall entry */
	uint64_t args[6];		/* syscall entry */
	int64_t rval;			/* syscall exit */
	bool is_error;			/* syscall exit: rval is -errno */
	int sig;			/* signal, group stop, killed */
	bool core_dumped;		/* killed */
	int status;			/* exited */
	pid_t old_pid;			/* exec superseded */
	bool in_syscall;		/* detached: it was inside a syscall */
	siginfo_t si;			/* signal */
	struct timespec when;		/* CLOCK_MONOTONIC of the stop */
	uint64_t ip;			/* syscall stops and signals: the instruction pointer */
	uint64_t sp;			/* syscall stops: the stack pointer; 0 if not known */
	uint64_t stime_ns;		/* the process's system CPU time at the stop (eBPF: the
					 * thread's CPU time in the syscalls traced so far) */
	char comm[16];			/* exited, killed: the thread's name if the tracer knew it
					 * at the end (eBPF: /proc may have lost it by then); "" */
	const struct mem_reader *mem;
	struct tracer_action *action;	/* syscall entry and exit; NULL when nothing can be done */
};

typedef void tracer_sink_fn(void *ctx, const struct tracer_event *ev);

struct tracer_config {
	char **argv;			/* command to start, or NULL */
	pid_t *pids;			/* processes to attach to */
	int npids;
	bool follow_forks;
	/*
	 * Syscalls to stop at. With use_seccomp, a seccomp filter in the started command
	 * returns SECCOMP_RET_TRACE for these only; all others run without a stop.
	 */
	const uint64_t *stop_set;	/* bit per syscall number, NULL = all */
	int stop_set_limit;		/* number of bits in stop_set */
	bool use_seccomp;
	const char *username;		/* -u: run the command as this user */
	char *const *env_changes;	/* -E */
	int nenv_changes;
	int quiet;			/* attach/detach messages: -q hides them */
	bool detach_on_execve;		/* -b execve: let a process go when it execs (not the
					 * command's own first execve) */
	/*
	 * -D: the command runs in the process that called tracer_run, traced by a grandchild;
	 * 2: the tracer in a process group of its own, 3: in a session of its own.
	 */
	int daemonize;
	bool block_signals;		/* -I never: SIGINT, SIGTERM, SIGPIPE ... leave it be */
};

/*
 * Runs until every traced process is gone or detached. Returns the exit status the
 * tracer should exit with: the started command's (128+N for signal N, after re-raising it
 * is the caller's job: *FATAL_SIG is set), or 0 for -p. Returns -1 if nothing could be
 * started or attached (a message was printed).
 */
int tracer_run(const struct tracer_config *cfg, tracer_sink_fn *sink, void *ctx, int *fatal_sig);

#endif
