/* SPDX-License-Identifier: Apache-2.0 */
/* The options of `sysray trace`, as strace 6.1 spells and means them. */
#ifndef SYSRAY_TRACE_OPTS_H
#define SYSRAY_TRACE_OPTS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "output/pr.h"
#include "schema/syscalls.h"

struct tamper_spec;

/* A set of syscall numbers. */
struct sc_set {
	uint64_t bits[(SYSCALL_NR_LIMIT + 63) / 64];
};

static inline bool sc_set_has(const struct sc_set *s, long nr)
{
	if (nr < 0 || nr >= SYSCALL_NR_LIMIT)
		return false;
	return s->bits[nr / 64] >> (nr % 64) & 1;
}

static inline void sc_set_put(struct sc_set *s, long nr, bool on)
{
	if (nr < 0 || nr >= SYSCALL_NR_LIMIT)
		return;
	if (on)
		s->bits[nr / 64] |= 1ull << (nr % 64);
	else
		s->bits[nr / 64] &= ~(1ull << (nr % 64));
}

#define FD_SET_BITS 1024

/* How the syscall ended, for -e status= / -z / -Z. */
enum {
	STATUS_SUCCESSFUL = 1 << 0,
	STATUS_FAILED = 1 << 1,
	STATUS_UNFINISHED = 1 << 2,
	STATUS_UNAVAILABLE = 1 << 3,
	STATUS_DETACHED = 1 << 4,
	STATUS_ALL = 31,
};

/* What -q / -e quiet= keeps quiet (strace's names in parentheses). */
enum {
	QUIET_ATTACH = 1 << 0,		/* "Process N attached/detached" (attach) */
	QUIET_EXIT = 1 << 1,		/* "+++ exited with N +++", "+++ killed by" (exit) */
	QUIET_PATH_RESOLVE = 1 << 2,	/* -P's "Requested path resolved" (path-resolution) */
	QUIET_PERSONALITY = 1 << 3,	/* personality changes (personality) */
	QUIET_THREAD_EXECVE = 1 << 4,	/* "+++ superseded by execve" (thread-execve) */
	QUIET_ALL = 31,
};

/*
 * -t: the time of day (strftime %T), -tt: the same with ts_digits after the seconds, -ttt:
 * seconds since the epoch (%s), with ts_digits after them.
 */
enum ts_mode { TS_NONE, TS_TIME, TS_MICRO, TS_EPOCH };

/* --backend: where the syscalls are seen; auto picks eBPF when it can serve the options. */
enum trace_backend { BACKEND_AUTO, BACKEND_EBPF, BACKEND_PTRACE };

/* The summary columns of -c / -U, in strace's names. */
enum count_col {
	CC_TIME_PERCENT, CC_TOTAL_TIME, CC_AVG_TIME, CC_MIN_TIME, CC_MAX_TIME,
	CC_CALLS, CC_ERRORS, CC_NAME, CC_NCOLS
};

enum count_sort { SORT_TIME, SORT_CALLS, SORT_ERRORS, SORT_NAME, SORT_AVG, SORT_MIN,
		  SORT_MAX, SORT_NONE };

/* What -y/--decode-fds shows of an fd, strace's set: path,socket,dev,pidfd. */
enum {
	DECODE_FD_PATH = 1u << 0,	/* 3</etc/passwd> */
	DECODE_FD_SOCKET = 1u << 1,	/* 3<TCP:[127.0.0.1:5000->127.0.0.1:41234]> */
	DECODE_FD_DEV = 1u << 2,	/* 3</dev/null<char 1:3>> */
	DECODE_FD_PIDFD = 1u << 3,	/* 3<pid:1234> */
	DECODE_FD_ALL = DECODE_FD_PATH | DECODE_FD_SOCKET | DECODE_FD_DEV | DECODE_FD_PIDFD,
};

struct trace_opts {
	/* what to trace */
	pid_t *pids;
	int npids;
	char **argv;		/* the command, NULL with -p only */
	int follow_forks;	/* -f: 1, -ff: 2 */
	const char *outfile;	/* -o */
	const char *username;	/* -u */
	char **env_changes;	/* -E VAR=VAL or -E VAR */
	int nenv_changes;
	int seccomp_bpf;	/* -1 auto, 0 off, 1 requested */
	enum trace_backend backend;	/* --backend */
	const char **paths;	/* -P */
	int npaths;

	/* filters */
	struct sc_set trace;		/* -e trace= */
	struct sc_set abbrev;		/* -e abbrev= */
	struct sc_set verbose;		/* -e verbose= (and -v) */
	struct sc_set raw;		/* -e raw= */
	uint64_t signals;		/* -e signal=: bit (sig-1) */
	unsigned status;		/* -e status= */
	uint64_t read_fds[FD_SET_BITS / 64];	/* -e read= */
	uint64_t write_fds[FD_SET_BITS / 64];	/* -e write= */
	struct tamper_spec *tamper;	/* -e inject= and -e fault=, NULL if none */

	/* formatting */
	int string_limit;	/* -s, default 32 */
	int align_column;	/* -a, default 40 */
	enum ts_mode timestamps;	/* -t -tt -ttt */
	int ts_digits;		/* after the seconds: 0 (-t), 6 (-tt, -ttt), or ms|us|ns */
	bool relative;		/* -r */
	int rel_digits;		/* 6, or --relative-timestamps=s|ms|us|ns */
	bool syscall_times;	/* -T */
	int times_digits;	/* 6 */
	int decode_fds;		/* -y 1, -yy 2: 0 when no fd is decorated */
	unsigned int decode_fd_kinds;	/* DECODE_FD_* set: -y path, -yy all */
	unsigned decode_pids;	/* -Y, --pidns-translation, --decode-pids=: DECODE_PIDS_* */
	enum pr_str_style str_style;	/* -x -xx */
	enum pr_xlat_style xlat_style;	/* -X */
	int quiet;		/* -q 1, -qq 2, -qqq 3 */
	unsigned silence;	/* QUIET_*: what -q or -e quiet= keeps quiet */
	bool verbose_mode;	/* -v: unabbreviated, and the backend chosen is said */
	bool quiet_set;		/* -e quiet= given */

	/* how the tracer behaves */
	bool detach_on_execve;	/* -b execve */
	int daemonize;		/* -D 1, -DD 2, -DDD 3: the tracer is a detached grandchild */
	int interruptible;	/* -I: 1 anywhere, 2 waiting, 3 never, 4 never_tstp; 0 unset */
	bool instruction_pointer;	/* -i */
	bool syscall_number;		/* -n */

	/* summary */
	int count;		/* -c 1, -C 2 */
	uint64_t overhead_ns;	/* -O: taken off each syscall's time */
	bool overhead_set;
	bool wall_time;		/* -w */
	enum count_sort sort;	/* -S */
	bool columns[CC_NCOLS];	/* -U */
	enum count_col column_order[CC_NCOLS];
	int ncolumns;
};

/*
 * Parses `trace` options (ARGV[0] is "trace"). Prints strace-style usage errors and
 * returns 1 on a bad option, 0 on success; -h and -V print and set *EXIT_NOW.
 */
int trace_opts_parse(struct trace_opts *o, int argc, char **argv, bool *exit_now);

/* Parses one `-e` qualifier ("trace=%file", "signal=!SIGIO", "open"); 0 or -1 with a message. */
int trace_qualify(struct trace_opts *o, const char *expr);

/* Is every syscall of the table in -e trace=? */
bool trace_opts_traces_all(const struct trace_opts *o);

/*
 * Do SIGTERM, SIGHUP and SIGPIPE sent to the tracer leave the trace running (both
 * backends)? strace: -I never or never_tstp; without -I, with -D or when a started
 * command's trace goes to -o FILE (its interactive default table).
 */
bool trace_opts_blocks_signals(const struct trace_opts *o);

void trace_opts_free(struct trace_opts *o);

#endif
