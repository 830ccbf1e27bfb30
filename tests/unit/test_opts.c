/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `sysray trace` option parsing as strace 6.1 means it: -e trace= forms (names, classes,
 * negation, regexes, '?'), numeric and keyword options and their errors, -f/-ff, timestamps,
 * -z/-Z, -p lists.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "schema/syscalls.h"
#include "trace/opts.h"
#include "trace/pid_note.h"

#define MAX_ARGS 32

/* The argument vector must outlive the parse: o->argv points into it. */
static char *argv_store[MAX_ARGS + 2];
static char err_text[4096];
static struct trace_opts opts;

/* Runs `trace ARGS...` (NULL-terminated) with stdout and stderr captured; returns its code. */
static int parse(const char *first, ...)
{
	bool exit_now;
	va_list ap;
	int argc = 0;
	argv_store[argc++] = "trace";
	argv_store[argc++] = (char *)first;
	va_start(ap, first);
	for (char *a; (a = va_arg(ap, char *)) != NULL && argc < MAX_ARGS;)
		argv_store[argc++] = a;
	va_end(ap);
	argv_store[argc] = NULL;

	fflush(stdout);
	fflush(stderr);
	FILE *cap = tmpfile();
	assert_non_null(cap);
	int saved_out = dup(1), saved_err = dup(2);
	dup2(fileno(cap), 1);
	dup2(fileno(cap), 2);
	trace_opts_free(&opts);
	memset(&opts, 0, sizeof(opts));
	int rc = trace_opts_parse(&opts, argc, argv_store, &exit_now);
	fflush(stdout);
	fflush(stderr);
	dup2(saved_out, 1);
	dup2(saved_err, 2);
	close(saved_out);
	close(saved_err);
	rewind(cap);
	size_t n = fread(err_text, 1, sizeof(err_text) - 1, cap);
	err_text[n] = '\0';
	fclose(cap);
	return rc;
}

static bool traced(const char *name)
{
	long nr = syscall_nr_by_name(name);
	assert_true(nr >= 0);
	return sc_set_has(&opts.trace, nr);
}

static int ntraced(void)
{
	int n = 0;
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (syscall_by_nr(nr) && sc_set_has(&opts.trace, nr))
			n++;
	return n;
}

static int nsyscalls(void)
{
	int n = 0;
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (syscall_by_nr(nr))
			n++;
	return n;
}

#define OK(...) assert_int_equal(parse(__VA_ARGS__, NULL), 0)
#define ERR(msg, ...) do { \
	assert_int_equal(parse(__VA_ARGS__, NULL), 1); \
	if (!strstr(err_text, msg)) \
		fail_msg("stderr \"%s\" lacks \"%s\"", err_text, msg); \
} while (0)

static void test_defaults(void **state)
{
	OK("ls", "-l");
	assert_non_null(opts.argv);
	assert_string_equal(opts.argv[0], "ls");
	assert_string_equal(opts.argv[1], "-l");
	assert_null(opts.argv[2]);
	assert_int_equal(ntraced(), nsyscalls());
	assert_int_equal(opts.string_limit, 32);
	assert_int_equal(opts.align_column, 40);
	assert_int_equal(opts.follow_forks, 0);
	assert_null(opts.outfile);
	assert_int_equal(opts.timestamps, TS_NONE);
	assert_false(opts.relative);
	assert_false(opts.syscall_times);
	assert_int_equal(opts.str_style, PR_STR_ESCAPE);
	assert_int_equal(opts.xlat_style, PR_XLAT_ABBREV);
	assert_int_equal(opts.status, STATUS_ALL);
	assert_int_equal(opts.count, 0);
	assert_int_equal(opts.quiet, 0);
	assert_int_equal(opts.decode_fds, 0);
	assert_int_equal(opts.npids, 0);
}

/* Options end at the command: its own options are not ours. */
static void test_command_args(void **state)
{
	OK("-f", "sh", "-c", "-f", "echo");
	assert_int_equal(opts.follow_forks, 1);
	assert_string_equal(opts.argv[0], "sh");
	assert_string_equal(opts.argv[2], "-f");
	ERR("must have PROG [ARGS] or -p PID", "-f");
}

static void test_trace_names(void **state)
{
	OK("-e", "trace=open,close", "true");
	assert_int_equal(ntraced(), 2);
	assert_true(traced("open"));
	assert_true(traced("close"));
	assert_false(traced("read"));
	/* A bare -e expression is a trace= one. */
	OK("-e", "openat", "true");
	assert_int_equal(ntraced(), 1);
	assert_true(traced("openat"));
	OK("--trace=write", "true");
	assert_int_equal(ntraced(), 1);
	assert_true(traced("write"));
	OK("-e", "t=read", "true");
	assert_int_equal(ntraced(), 1);
	assert_true(traced("read"));
	/* Numbers name syscalls too. */
	OK("-e", "trace=0,3", "true");
	assert_int_equal(ntraced(), 2);
	assert_true(traced("read"));
	assert_true(traced("close"));
	OK("-e", "trace=open@64", "true");
	assert_true(traced("open"));
	assert_int_equal(ntraced(), 1);
}

/* The last -e trace= replaces the earlier ones. */
static void test_trace_last_wins(void **state)
{
	OK("-e", "trace=open", "-e", "trace=close", "true");
	assert_int_equal(ntraced(), 1);
	assert_true(traced("close"));
}

static void test_trace_all_none(void **state)
{
	OK("-e", "trace=none", "true");
	assert_int_equal(ntraced(), 0);
	OK("-e", "trace=all", "true");
	assert_int_equal(ntraced(), nsyscalls());
	OK("-e", "trace=!all", "true");
	assert_int_equal(ntraced(), 0);
	OK("-e", "trace=!none", "true");
	assert_int_equal(ntraced(), nsyscalls());
}

static void test_trace_classes(void **state)
{
	OK("-e", "trace=%file", "true");
	assert_true(traced("open"));
	assert_true(traced("openat"));
	assert_true(traced("stat"));
	assert_true(traced("execve"));
	assert_false(traced("read"));
	assert_false(traced("close"));
	int nfile = ntraced();
	OK("-e", "trace=file", "true");
	assert_int_equal(ntraced(), nfile);
	OK("-e", "trace=%desc", "true");
	assert_true(traced("read"));
	assert_true(traced("open"));
	assert_false(traced("stat"));
	OK("-e", "trace=%process", "true");
	assert_true(traced("clone"));
	assert_true(traced("execve"));
	assert_true(traced("wait4"));
	assert_true(traced("exit_group"));
	assert_false(traced("read"));
	OK("-e", "trace=%net", "true");
	assert_true(traced("socket"));
	assert_true(traced("connect"));
	assert_false(traced("read"));
	OK("-e", "trace=%network", "true");
	assert_true(traced("sendto"));
	OK("-e", "trace=%signal", "true");
	assert_true(traced("rt_sigaction"));
	assert_true(traced("kill"));
	OK("-e", "trace=%memory", "true");
	assert_true(traced("mmap"));
	assert_true(traced("brk"));
	assert_false(traced("read"));
	OK("-e", "trace=%ipc", "true");
	assert_true(traced("shmget"));
	OK("-e", "trace=%creds", "true");
	assert_true(traced("getuid"));
	assert_true(traced("setresgid"));
	OK("-e", "trace=%clock", "true");
	assert_true(traced("clock_gettime"));
	OK("-e", "trace=%pure", "true");
	assert_true(traced("getpid"));
	assert_false(traced("read"));
	OK("-e", "trace=%stat", "true");
	assert_true(traced("stat"));
	assert_false(traced("lstat"));
	assert_false(traced("fstat"));
	OK("-e", "trace=%%stat", "true");
	assert_true(traced("stat"));
	assert_true(traced("lstat"));
	assert_true(traced("fstat"));
	assert_true(traced("newfstatat"));
	assert_true(traced("statx"));
	assert_false(traced("statfs"));
	OK("-e", "trace=%%statfs", "true");
	assert_true(traced("statfs"));
	assert_true(traced("fstatfs"));
	assert_false(traced("stat"));
	/* A class and a name together. */
	OK("-e", "trace=%memory,close", "true");
	assert_true(traced("mmap"));
	assert_true(traced("close"));
	assert_false(traced("read"));
}

static void test_trace_negation(void **state)
{
	OK("-e", "trace=%file", "true");
	int nfile = ntraced();
	OK("-e", "trace=!%file", "true");
	assert_int_equal(ntraced(), nsyscalls() - nfile);
	assert_false(traced("open"));
	assert_true(traced("read"));
	OK("-e", "trace=!open,close", "true");
	assert_false(traced("open"));
	assert_false(traced("close"));
	assert_true(traced("read"));
	assert_int_equal(ntraced(), nsyscalls() - 2);
	/* Each '!' inverts again. */
	OK("-e", "trace=!!open", "true");
	assert_int_equal(ntraced(), 1);
	assert_true(traced("open"));
}

static void test_trace_regex(void **state)
{
	OK("-e", "trace=/^rt_sig", "true");
	assert_true(traced("rt_sigaction"));
	assert_true(traced("rt_sigprocmask"));
	assert_false(traced("read"));
	assert_false(traced("kill"));
	OK("-e", "trace=/^(open|close)$", "true");
	assert_int_equal(ntraced(), 2);
	OK("-e", "trace=/stat", "true");
	assert_true(traced("newfstatat"));
	assert_true(traced("statfs"));
	OK("-e", "trace=!/^mmap$", "true");
	assert_int_equal(ntraced(), nsyscalls() - 1);
	assert_false(traced("mmap"));
	ERR("invalid system call '/^nosuch'", "-e", "trace=/^nosuch", "true");
	/* Patterns whose compilation would be exponential are refused before regcomp(). */
	ERR("refused: repetition operators one after another", "-e",
	    "trace=/s++++++++++++++++++++++++++++++++", "true");
	ERR("refused: repetition operators one after another", "-e", "trace=/(s*)+?", "true");
	ERR("refused: groups nested more than 8 deep", "-e",
	    "trace=/(((((((((((((((((((((s)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+", "true");
	OK("-e", "trace=/^(open|[[:alpha:]]+at|[]+]?x{2})$", "true");
	assert_true(traced("openat"));
	OK("-e", "trace=/^a\\+*rch_", "true");
	assert_true(traced("arch_prctl"));
}

/* '?' makes an unknown name silently match nothing. */
static void test_trace_optional(void **state)
{
	OK("-e", "trace=?nosuch,open", "true");
	assert_int_equal(ntraced(), 1);
	assert_true(traced("open"));
	OK("-e", "trace=?%nosuch", "true");
	assert_int_equal(ntraced(), 0);
	OK("-e", "trace=?/^nosuch", "true");
	assert_int_equal(ntraced(), 0);
}

static void test_trace_errors(void **state)
{
	ERR("invalid system call 'nosuch'", "-e", "trace=nosuch", "true");
	ERR("invalid system call 'nosuch'", "-e", "trace=open,nosuch", "true");
	ERR("invalid system call", "-e", "trace=%nosuch", "true");
	ERR("invalid system call", "-e", "trace=", "true");
	ERR("invalid system call", "-e", "trace=99999", "true");
	ERR("invalid system call", "--trace=nosuch", "true");
	ERR("invalid qualifier", "-e", "nosuch=open", "true");
	assert_int_equal(parse("-e", "trace=/[", "true", NULL), 1);
}

static void test_other_qualifiers(void **state)
{
	OK("-e", "abbrev=none", "true");
	assert_false(sc_set_has(&opts.abbrev, syscall_nr_by_name("execve")));
	OK("-e", "verbose=none", "true");
	assert_false(sc_set_has(&opts.verbose, 0));
	OK("-e", "raw=read", "true");
	assert_true(sc_set_has(&opts.raw, 0));
	assert_false(sc_set_has(&opts.raw, 1));
	OK("-v", "true");
	assert_false(sc_set_has(&opts.abbrev, 0));
	OK("-e", "signal=none", "true");
	assert_int_equal(opts.signals, 0);
	OK("-e", "signal=!SIGCHLD", "true");
	assert_int_equal(opts.signals, ~(1ull << (17 - 1)));
	OK("-e", "signal=SIGIO,TERM,9", "true");
	assert_int_equal(opts.signals, (1ull << 28) | (1ull << 14) | (1ull << 8));
	ERR("invalid signal", "-e", "signal=SIGNOSUCH", "true");
	OK("-e", "status=failed,unfinished", "true");
	assert_int_equal(opts.status, STATUS_FAILED | STATUS_UNFINISHED);
	ERR("invalid status", "-e", "status=bogus", "true");
	OK("-e", "read=3,5", "true");
	assert_int_equal(opts.read_fds[0], (1ull << 3) | (1ull << 5));
	OK("-e", "write=all", "true");
	assert_int_equal(opts.write_fds[0], ~0ull);
	ERR("invalid descriptor", "-e", "read=-1", "true");
}

static void test_z_Z(void **state)
{
	OK("-z", "true");
	assert_int_equal(opts.status, STATUS_SUCCESSFUL);
	OK("-Z", "true");
	assert_int_equal(opts.status, STATUS_FAILED);
	OK("--successful-only", "true");
	assert_int_equal(opts.status, STATUS_SUCCESSFUL);
	OK("--failed-only", "true");
	assert_int_equal(opts.status, STATUS_FAILED);
}

static void test_numeric_options(void **state)
{
	OK("-s", "5", "-a", "0", "true");
	assert_int_equal(opts.string_limit, 5);
	assert_int_equal(opts.align_column, 0);
	OK("--string-limit=100", "--columns=60", "true");
	assert_int_equal(opts.string_limit, 100);
	assert_int_equal(opts.align_column, 60);
	ERR("-s", "-s", "-1", "true");
	ERR("-s", "-s", "abc", "true");
	ERR("-s", "-s", "", "true");
	ERR("-a", "-a", "x", "true");
	ERR("-a", "-a", "-5", "true");
}

static void test_X(void **state)
{
	OK("-X", "raw", "true");
	assert_int_equal(opts.xlat_style, PR_XLAT_RAW);
	OK("-X", "verbose", "true");
	assert_int_equal(opts.xlat_style, PR_XLAT_VERBOSE);
	OK("-X", "abbrev", "true");
	assert_int_equal(opts.xlat_style, PR_XLAT_ABBREV);
	OK("--const-print-style=raw", "true");
	assert_int_equal(opts.xlat_style, PR_XLAT_RAW);
	ERR("invalid -X argument", "-X", "bogus", "true");
}

static void test_summary_options(void **state)
{
	OK("-c", "true");
	assert_int_equal(opts.count, 1);
	OK("-C", "true");
	assert_int_equal(opts.count, 2);
	OK("-c", "-S", "calls", "true");
	assert_int_equal(opts.sort, SORT_CALLS);
	OK("-c", "-S", "name", "true");
	assert_int_equal(opts.sort, SORT_NAME);
	OK("-c", "-S", "none", "true");
	assert_int_equal(opts.sort, SORT_NONE);
	ERR("invalid sortby", "-c", "-S", "bogus", "true");
	OK("-c", "-U", "calls,min-time", "true");
	assert_true(opts.columns[CC_CALLS]);
	assert_true(opts.columns[CC_MIN_TIME]);
	assert_false(opts.columns[CC_TIME_PERCENT]);
	assert_true(opts.columns[CC_NAME]);	/* always there */
	assert_int_equal(opts.column_order[0], CC_CALLS);
	assert_int_equal(opts.column_order[1], CC_MIN_TIME);
	ERR("unknown column name", "-c", "-U", "bogus", "true");
	OK("-c", "-w", "true");
	assert_true(opts.wall_time);
}

/* -ff writes FILE.PID only with -o; without it, it is -f. */
static void test_follow_forks(void **state)
{
	OK("-f", "true");
	assert_int_equal(opts.follow_forks, 1);
	OK("-ff", "-o", "/tmp/x", "true");
	assert_int_equal(opts.follow_forks, 2);
	assert_string_equal(opts.outfile, "/tmp/x");
	OK("-ff", "true");
	assert_int_equal(opts.follow_forks, 1);
	OK("--output-separately", "--output=/tmp/y", "true");
	assert_int_equal(opts.follow_forks, 2);
	assert_string_equal(opts.outfile, "/tmp/y");
}

static void test_timestamps(void **state)
{
	OK("-t", "true");
	assert_int_equal(opts.timestamps, TS_TIME);
	OK("-tt", "true");
	assert_int_equal(opts.timestamps, TS_MICRO);
	OK("-ttt", "true");
	assert_int_equal(opts.timestamps, TS_EPOCH);
	OK("-t", "-t", "true");
	assert_int_equal(opts.timestamps, TS_MICRO);
	OK("-r", "-T", "true");
	assert_true(opts.relative);
	assert_true(opts.syscall_times);
	OK("--absolute-timestamps", "true");
	assert_int_equal(opts.timestamps, TS_TIME);
	OK("--absolute-timestamps=unix,ms", "true");
	assert_int_equal(opts.timestamps, TS_EPOCH);
	assert_int_equal(opts.ts_digits, 3);
	OK("--absolute-timestamps=format:time,precision:ns", "true");
	assert_int_equal(opts.timestamps, TS_MICRO);
	assert_int_equal(opts.ts_digits, 9);
	OK("--timestamps=time,s", "true");
	assert_int_equal(opts.timestamps, TS_TIME);
	OK("--absolute-timestamps=none", "true");
	assert_int_equal(opts.timestamps, TS_NONE);
	ERR("invalid timestamp", "--absolute-timestamps=bogus", "true");
	OK("--syscall-times=ns", "true");
	assert_true(opts.syscall_times);
	assert_int_equal(opts.times_digits, 9);
	ERR("invalid syscall time", "--syscall-times=bogus", "true");
}

/* strace's -q levels and -e quiet= names become one set; the two cannot be mixed. */
static void test_quiet_sets(void **state)
{
	OK("-q", "true");
	assert_int_equal(opts.silence, QUIET_ATTACH | QUIET_PERSONALITY);
	OK("-qqq", "true");
	assert_int_equal(opts.silence, QUIET_ALL);
	OK("-e", "quiet=exit,thread-execve", "true");
	assert_int_equal(opts.silence, QUIET_EXIT | QUIET_THREAD_EXECVE);
	OK("--silence=!attach", "true");
	assert_int_equal(opts.silence, QUIET_ALL & ~QUIET_ATTACH);
	OK("--quiet", "true");
	assert_int_equal(opts.silence, QUIET_ATTACH | QUIET_PERSONALITY);
	OK("-o", "/tmp/x", "true");
	assert_int_equal(opts.silence, QUIET_ATTACH | QUIET_PERSONALITY);
	OK("-o", "/tmp/x", "--quiet=none", "true");
	assert_int_equal(opts.silence, 0);
	ERR("invalid quiet 'loud'", "-e", "quiet=loud", "true");
	ERR("-q and -e quiet/--quiet cannot be provided simultaneously", "-q", "--quiet=exit",
	    "true");
}

/* -Y, --pidns-translation, --decode-pids=: the last one given wins. */
static void test_decode_pids(void **state)
{
	OK("-Y", "true");
	assert_int_equal(opts.decode_pids, DECODE_PIDS_COMM);
	OK("--pidns-translation", "true");
	assert_int_equal(opts.decode_pids, DECODE_PIDS_PIDNS);
	OK("--decode-pids=comm,pidns", "true");
	assert_int_equal(opts.decode_pids, DECODE_PIDS_COMM | DECODE_PIDS_PIDNS);
	OK("-Y", "--decode-pids=!comm", "true");
	assert_int_equal(opts.decode_pids, DECODE_PIDS_PIDNS);
	OK("-e", "decode-pids=none", "true");
	assert_int_equal(opts.decode_pids, 0);
	ERR("invalid decode-pids 'tid'", "--decode-pids=tid", "true");
}

/* -D, -b, -I, -i, -O and -o '|CMD', with strace's messages for what they refuse. */
static void test_tracer_options(void **state)
{
	OK("-DD", "true");
	assert_int_equal(opts.daemonize, 2);
	OK("--daemonize=session", "true");
	assert_int_equal(opts.daemonize, 3);
	OK("--daemonize", "true");
	assert_int_equal(opts.daemonize, 1);
	ERR("Too many -D's (4), maximum supported -D count is 3", "-DDDD", "true");
	ERR("-D and --daemonize cannot be provided simultaneously", "-D", "--daemonize", "true");
	ERR("PROG [ARGS] must be specified with -D/--daemonize", "-D", "-p", "1");
	OK("-b", "execve", "true");
	assert_true(opts.detach_on_execve);
	ERR("Syscall 'chdir' for -b isn't supported", "--detach-on=chdir", "true");
	OK("-I", "never", "true");
	assert_int_equal(opts.interruptible, 3);
	OK("--interruptible=4", "true");
	assert_int_equal(opts.interruptible, 4);
	ERR("invalid -I argument: 'nev'", "-Inev", "true");
	ERR("invalid --interruptible argument: '0'", "--interruptible=0", "true");
	OK("-i", "true");
	assert_true(opts.instruction_pointer);
	OK("-c", "-O", "4.5e2ms", "true");
	assert_int_equal(opts.overhead_ns, 450000000);
	OK("-c", "--summary-syscall-overhead=15", "true");
	assert_int_equal(opts.overhead_ns, 15000);
	ERR("invalid -O argument: 'x'", "-c", "-O", "x", "true");
	ERR("piping the output and -ff/--output-separately are mutually exclusive",
	    "-o", "|cat", "-ff", "true");
}

static void test_strings_and_fds(void **state)
{
	OK("-x", "true");
	assert_int_equal(opts.str_style, PR_STR_HEX_NONASCII);
	OK("-xx", "true");
	assert_int_equal(opts.str_style, PR_STR_HEX_ALL);
	OK("-y", "true");
	assert_int_equal(opts.decode_fds, 1);
	OK("-yy", "true");
	assert_int_equal(opts.decode_fds, 2);
	assert_int_equal(opts.decode_fd_kinds, DECODE_FD_ALL);
	OK("-e", "decode-fds=pidfd,dev", "true");
	assert_int_equal(opts.decode_fds, 2);
	assert_int_equal(opts.decode_fd_kinds, DECODE_FD_PIDFD | DECODE_FD_DEV);
	OK("--decode-fds=path", "true");
	assert_int_equal(opts.decode_fd_kinds, DECODE_FD_PATH);
	OK("--decode-fds=none", "true");
	assert_int_equal(opts.decode_fds, 0);
	ERR("invalid decode-fds 'bogus'", "--decode-fds=path,bogus", "true");
	OK("-q", "true");
	assert_int_equal(opts.quiet, 1);
	OK("-qq", "true");
	assert_int_equal(opts.quiet, 2);
}

static void test_pids(void **state)
{
	OK("-p", "12,34", "-p", "56");
	assert_int_equal(opts.npids, 3);
	assert_int_equal(opts.pids[0], 12);
	assert_int_equal(opts.pids[1], 34);
	assert_int_equal(opts.pids[2], 56);
	assert_null(opts.argv);
	OK("-p", "7 8");
	assert_int_equal(opts.npids, 2);
	OK("--attach=9");
	assert_int_equal(opts.npids, 1);
	assert_int_equal(opts.pids[0], 9);
	ERR("Invalid process id", "-p", "abc");
	ERR("Invalid process id", "-p", "0");
	ERR("Invalid process id", "-p", "-5");
}

static void test_startup_options(void **state)
{
	OK("-u", "nobody", "-E", "FOO=bar", "-E", "HOME", "true");
	assert_string_equal(opts.username, "nobody");
	assert_int_equal(opts.nenv_changes, 2);
	assert_string_equal(opts.env_changes[0], "FOO=bar");
	assert_string_equal(opts.env_changes[1], "HOME");
	OK("-P", "/etc/passwd", "true");
	assert_int_equal(opts.npaths, 1);
	OK("-f", "--seccomp-bpf", "true");
	assert_int_equal(opts.seccomp_bpf, 1);
}

/* --backend: auto by default, ebpf and ptrace forced; -v is also said as verbose_mode. */
static void test_backend(void **state)
{
	OK("-c", "true");
	assert_int_equal(opts.backend, BACKEND_AUTO);
	assert_false(opts.verbose_mode);
	OK("--backend=ebpf", "-c", "true");
	assert_int_equal(opts.backend, BACKEND_EBPF);
	OK("--backend", "ptrace", "-v", "true");
	assert_int_equal(opts.backend, BACKEND_PTRACE);
	assert_true(opts.verbose_mode);
	OK("--backend=ptrace", "--backend=auto", "true");
	assert_int_equal(opts.backend, BACKEND_AUTO);
	ERR("invalid --backend argument: 'bpf' (ebpf, ptrace or auto)", "--backend=bpf", "true");
}

static void test_help_version_unknown(void **state)
{
	bool exit_now = false;
	argv_store[0] = "trace";
	argv_store[1] = "-h";
	argv_store[2] = NULL;
	int saved = dup(1), null = open("/dev/null", O_WRONLY);
	fflush(stdout);
	dup2(null, 1);
	trace_opts_free(&opts);
	int rc = trace_opts_parse(&opts, 2, argv_store, &exit_now);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(null);
	assert_int_equal(rc, 0);
	assert_true(exit_now);
	ERR("invalid option", "-j", "true");
	ERR("unrecognized option", "--nosuch", "true");
	ERR("requires an argument", "-s");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_backend),
		cmocka_unit_test(test_command_args),
		cmocka_unit_test(test_trace_names),
		cmocka_unit_test(test_trace_last_wins),
		cmocka_unit_test(test_trace_all_none),
		cmocka_unit_test(test_trace_classes),
		cmocka_unit_test(test_trace_negation),
		cmocka_unit_test(test_trace_regex),
		cmocka_unit_test(test_trace_optional),
		cmocka_unit_test(test_trace_errors),
		cmocka_unit_test(test_other_qualifiers),
		cmocka_unit_test(test_z_Z),
		cmocka_unit_test(test_numeric_options),
		cmocka_unit_test(test_X),
		cmocka_unit_test(test_summary_options),
		cmocka_unit_test(test_follow_forks),
		cmocka_unit_test(test_timestamps),
		cmocka_unit_test(test_strings_and_fds),
		cmocka_unit_test(test_quiet_sets),
		cmocka_unit_test(test_decode_pids),
		cmocka_unit_test(test_tracer_options),
		cmocka_unit_test(test_pids),
		cmocka_unit_test(test_startup_options),
		cmocka_unit_test(test_help_version_unknown),
	};
	int rc = cmocka_run_group_tests_name("opts", tests, NULL, NULL);
	trace_opts_free(&opts);
	return rc;
}
