/* SPDX-License-Identifier: Apache-2.0 */
/* Option parsing for `sysray trace`: strace 6.1's options, spellings and messages. */
#include "trace/opts.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema/names.h"
#include "trace/pid_note.h"
#include "trace/tamper.h"
#include "util/util.h"
#include "util/version.h"

static void usage_hint(void)
{
	fprintf(stderr, "Try '%s trace -h' for more information.\n", progname);
}

static int bad(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", progname);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return -1;
}

/*
 * glibc's regcomp() takes time and memory exponential in stacked repetition operators
 * ("s" then 20 '+': 3.6 s and 700 MB, 24: 160 s and 12 GB) and in nested repeated groups
 * (20 of "(...)+": 10 s); POSIX leaves stacked operators undefined, and a pattern over syscall
 * names needs neither. Why RE is refused, or NULL.
 */
#define REGEX_MAX_LEN	4096
#define REGEX_MAX_NEST	8

static const char *regex_too_costly(const char *re)
{
	bool after_rep = false;
	int depth = 0;

	if (strlen(re) > REGEX_MAX_LEN)
		return "longer than 4096 bytes";
	for (const char *p = re; *p; p++) {
		bool rep = *p == '*' || *p == '+' || *p == '?' || *p == '{';

		if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '[') {
			/* A bracket expression: ']' first is a member; so are [:class:] and kin. */
			p += p[1] == '^' ? 2 : 1;
			if (*p == ']')
				p++;
			while (*p && *p != ']')
				p++;
			if (!*p)
				return NULL;	/* unterminated: regcomp() says so */
		} else if (rep && after_rep) {
			return "repetition operators one after another";
		} else if (*p == '{') {
			while (*p && *p != '}')
				p++;
			if (!*p)
				return NULL;
		} else if (*p == '(' && ++depth > REGEX_MAX_NEST) {
			return "groups nested more than 8 deep";
		} else if (*p == ')' && depth > 0) {
			depth--;
		}
		after_rep = rep;
	}
	return NULL;
}

static void set_all(uint64_t *bits, size_t nwords, bool on)
{
	memset(bits, on ? 0xff : 0, nwords * sizeof(uint64_t));
}

static void invert(uint64_t *bits, size_t nwords)
{
	for (size_t i = 0; i < nwords; i++)
		bits[i] = ~bits[i];
}

/* Classes that strace still accepts without the leading '%'. */
static bool legacy_class(const char *s)
{
	static const char *const names[] = { "file", "ipc", "network", "process", "signal",
					     "desc", "memory" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strcmp(s, names[i]) == 0)
			return true;
	return false;
}

static int add_syscall_token(struct sc_set *set, char *tok)
{
	bool optional = false;
	if (*tok == '?') {
		optional = true;
		tok++;
	}
	if (!strcmp(tok, "all")) {
		set_all(set->bits, ARRAY_SIZE(set->bits), true);
		return 0;
	}
	if (!strcmp(tok, "none"))
		return 0;
	/* x86_64 has one personality; "@64" names it, "@32"/"@x32" match nothing here. */
	char *at = strchr(tok, '@');
	if (at) {
		if (strcmp(at, "@64") != 0)
			return optional ? 0 : bad("invalid system call '%s'", tok);
		*at = 0;
	}
	if (*tok == '%' || (legacy_class(tok) && syscall_nr_by_name(tok) < 0)) {
		uint32_t cls = syscall_class_by_name(tok);
		if (!cls)
			return optional ? 0 : bad("invalid system call '%s'", tok);
		for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
			const struct syscall_info *si = syscall_by_nr(nr);
			if (si && (si->classes & cls))
				sc_set_put(set, nr, true);
		}
		return 0;
	}
	if (*tok == '/') {
		regex_t re;
		const char *why = regex_too_costly(tok + 1);

		if (why) {
			fprintf(stderr, "%s: regular expression '%s' refused: %s\n", progname, tok + 1,
				why);
			return -1;
		}
		if (regcomp(&re, tok + 1, REG_EXTENDED | REG_NOSUB) != 0)
			return bad("invalid regular expression '%s'", tok + 1);
		bool any = false;
		for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
			const struct syscall_info *si = syscall_by_nr(nr);
			if (si && regexec(&re, si->name, 0, NULL, 0) == 0) {
				sc_set_put(set, nr, true);
				any = true;
			}
		}
		regfree(&re);
		if (!any && !optional)
			return bad("invalid system call '%s'", tok);
		return 0;
	}
	char *end;
	long nr = strtol(tok, &end, 0);
	if (*tok && !*end) {
		if (nr < 0 || nr >= SYSCALL_NR_LIMIT)
			return optional ? 0 : bad("invalid system call '%s'", tok);
		sc_set_put(set, nr, true);
		return 0;
	}
	nr = syscall_nr_by_name(tok);
	if (nr < 0)
		return optional ? 0 : bad("invalid system call '%s'", tok);
	sc_set_put(set, nr, true);
	return 0;
}

/* "open,close", "!%file", "all", "/^rt_" into SET. The last -e for a set wins. */
static int parse_syscall_set(struct sc_set *set, const char *spec)
{
	bool neg = false;
	while (*spec == '!') {
		neg = !neg;
		spec++;
	}
	memset(set, 0, sizeof(*set));
	char *copy = xstrdup(spec), *save = NULL;
	int rc = 0;
	if (!*copy)
		rc = bad("invalid system call '%s'", "");
	for (char *tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save))
		rc = add_syscall_token(set, tok);
	free(copy);
	if (neg)
		invert(set->bits, ARRAY_SIZE(set->bits));
	return rc;
}

static int parse_signal_set(uint64_t *set, const char *spec)
{
	bool neg = false;
	while (*spec == '!') {
		neg = !neg;
		spec++;
	}
	*set = 0;
	char *copy = xstrdup(spec), *save = NULL;
	int rc = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "all"))
			*set = ~0ull;
		else if (strcmp(tok, "none") != 0) {
			int sig = signal_by_name(tok);
			if (sig < 0)
				rc = bad("invalid signal '%s'", tok);
			else
				*set |= 1ull << (sig - 1);
		}
	}
	free(copy);
	if (neg)
		*set = ~*set;
	return rc;
}

static int parse_fd_set(uint64_t *bits, const char *spec)
{
	bool neg = false;
	while (*spec == '!') {
		neg = !neg;
		spec++;
	}
	set_all(bits, FD_SET_BITS / 64, false);
	char *copy = xstrdup(spec), *save = NULL;
	int rc = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save)) {
		char *end;
		long fd = strtol(tok, &end, 10);
		if (!strcmp(tok, "all"))
			set_all(bits, FD_SET_BITS / 64, true);
		else if (!strcmp(tok, "none"))
			;
		else if (!*tok || *end || fd < 0 || fd >= FD_SET_BITS)
			rc = bad("invalid descriptor '%s'", tok);
		else
			bits[fd / 64] |= 1ull << (fd % 64);
	}
	free(copy);
	if (neg)
		invert(bits, FD_SET_BITS / 64);
	return rc;
}

static int parse_status_set(unsigned *set, const char *spec)
{
	static const struct { const char *name; unsigned bit; } names[] = {
		{ "successful", STATUS_SUCCESSFUL }, { "failed", STATUS_FAILED },
		{ "unfinished", STATUS_UNFINISHED }, { "unavailable", STATUS_UNAVAILABLE },
		{ "detached", STATUS_DETACHED }, { "all", STATUS_ALL }, { "none", 0 },
	};
	bool neg = false;
	while (*spec == '!') {
		neg = !neg;
		spec++;
	}
	*set = 0;
	char *copy = xstrdup(spec), *save = NULL;
	int rc = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save)) {
		size_t i;
		for (i = 0; i < ARRAY_SIZE(names); i++)
			if (!strcmp(tok, names[i].name))
				break;
		if (i == ARRAY_SIZE(names))
			rc = bad("invalid status '%s'", tok);
		else
			*set |= names[i].bit;
	}
	free(copy);
	if (neg)
		*set = ~*set & STATUS_ALL;
	return rc;
}

/* A name in a qualifier's set and the bits it stands for. */
struct named_bits {
	const char *name;
	unsigned int bits;
};

/*
 * SPEC: a comma list of the N NAMES ("all" and "none" among them), or with NEGATABLE its
 * complement within ALL after a '!'. The union of their bits goes to *SET. WHAT names the
 * qualifier in strace's message for a name it does not know. 0, or -1 after the message.
 */
static int parse_named_set(const struct named_bits *names, size_t n, unsigned int all,
			   bool negatable, const char *what, const char *spec, unsigned int *set)
{
	bool neg = false;
	while (negatable && *spec == '!') {
		neg = !neg;
		spec++;
	}
	char *copy = xstrdup(spec), *save = NULL;
	unsigned int bits = 0;
	int rc = 0;
	char *tok = strtok_r(copy, ",", &save);
	const char *wrong = tok ? NULL : spec;
	for (; tok && !wrong; tok = strtok_r(NULL, ",", &save)) {
		size_t i = 0;
		while (i < n && strcmp(tok, names[i].name))
			i++;
		if (i == n)
			wrong = tok;
		else
			bits |= names[i].bits;
	}
	if (wrong) {
		fprintf(stderr, "%s: invalid %s '%s'\n", progname, what, wrong);
		rc = -1;
	}
	free(copy);
	if (!rc)
		*set = neg ? ~bits & all : bits;
	return rc;
}

/* -e decode-fds=SET: a comma list of path, socket, dev, pidfd, or all, or none. */
static int qualify_decode_fds(struct trace_opts *o, const char *arg)
{
	static const struct named_bits kinds[] = {
		{ "path", DECODE_FD_PATH }, { "socket", DECODE_FD_SOCKET },
		{ "dev", DECODE_FD_DEV }, { "pidfd", DECODE_FD_PIDFD },
		{ "all", DECODE_FD_ALL }, { "none", 0 },
	};
	unsigned int set;
	int rc = parse_named_set(kinds, ARRAY_SIZE(kinds), DECODE_FD_ALL, false, "decode-fds",
				 arg, &set);
	if (!rc) {
		o->decode_fd_kinds = set;
		o->decode_fds = !set ? 0 : set == DECODE_FD_PATH ? 1 : 2;
	}
	return rc;
}

/* -e quiet=[!]{attach,exit,path-resolution,personality,thread-execve|all|none} */
static int parse_quiet_set(unsigned *set, const char *spec)
{
	static const struct named_bits names[] = {
		{ "attach", QUIET_ATTACH }, { "exit", QUIET_EXIT }, { "exits", QUIET_EXIT },
		{ "path-resolution", QUIET_PATH_RESOLVE }, { "personality", QUIET_PERSONALITY },
		{ "superseded", QUIET_THREAD_EXECVE }, { "thread-execve", QUIET_THREAD_EXECVE },
		{ "all", QUIET_ALL }, { "none", 0 },
	};
	return parse_named_set(names, ARRAY_SIZE(names), QUIET_ALL, true, "quiet", spec, set);
}

/* --decode-pids=[!]{comm,pidns|all|none}: the last one given wins. */
static int parse_decode_pids(unsigned *set, const char *spec)
{
	enum { ALL = DECODE_PIDS_COMM | DECODE_PIDS_PIDNS };
	static const struct named_bits names[] = {
		{ "comm", DECODE_PIDS_COMM }, { "pidns", DECODE_PIDS_PIDNS },
		{ "all", ALL }, { "none", 0 },
	};
	return parse_named_set(names, ARRAY_SIZE(names), ALL, true, "decode-pids", spec, set);
}

/* -e inject=SET:TOKENS / -e fault=SET:TOKENS: the tokens first, then the set, as strace. */
static int qualify_tamper(struct trace_opts *o, const char *arg, bool fault)
{
	char *set_spec;
	struct tamper_rule *rule = tamper_parse(arg, fault, &set_spec);
	if (!rule)
		return -1;
	struct sc_set set;
	int rc = parse_syscall_set(&set, set_spec);
	free(set_spec);
	if (rc) {
		tamper_rule_free(rule);
		return rc;
	}
	return tamper_add(&o->tamper, rule, &set, arg, fault);
}

int trace_qualify(struct trace_opts *o, const char *expr)
{
	const char *eq = strchr(expr, '=');
	if (!eq)
		return parse_syscall_set(&o->trace, expr);
	size_t klen = (size_t)(eq - expr);
	const char *v = eq + 1;
#define KEY(k) (klen == strlen(k) && !strncmp(expr, k, klen))
	if (KEY("trace") || KEY("t"))
		return parse_syscall_set(&o->trace, v);
	if (KEY("abbrev") || KEY("a"))
		return parse_syscall_set(&o->abbrev, v);
	if (KEY("verbose") || KEY("v"))
		return parse_syscall_set(&o->verbose, v);
	if (KEY("raw") || KEY("x"))
		return parse_syscall_set(&o->raw, v);
	if (KEY("signal") || KEY("signals") || KEY("s"))
		return parse_signal_set(&o->signals, v);
	if (KEY("status"))
		return parse_status_set(&o->status, v);
	if (KEY("read") || KEY("reads") || KEY("r"))
		return parse_fd_set(o->read_fds, v);
	if (KEY("write") || KEY("writes") || KEY("w"))
		return parse_fd_set(o->write_fds, v);
	if (KEY("quiet") || KEY("silent") || KEY("silence") || KEY("q")) {
		o->quiet_set = true;
		return parse_quiet_set(&o->silence, v);
	}
	if (KEY("inject"))
		return qualify_tamper(o, v, false);
	if (KEY("fault"))
		return qualify_tamper(o, v, true);
	if (KEY("decode-pids") || KEY("decode-pid"))
		return parse_decode_pids(&o->decode_pids, v);
	if (KEY("decode-fds") || KEY("decode-fd"))
		return qualify_decode_fds(o, v);
#undef KEY
	char *k = strndup(expr, klen);
	bad("invalid qualifier '%s'", k);
	free(k);
	return -1;
}

static int parse_int(const char *arg, const char *opt, int min, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (!*arg || *end || errno || v < min || v > INT_MAX) {
		fprintf(stderr, "%s: invalid %s argument: '%s'\n", progname, opt, arg);
		return -1;
	}
	*out = (int)v;
	return 0;
}

static int parse_pids(struct trace_opts *o, const char *arg)
{
	char *copy = xstrdup(arg), *save = NULL;
	int rc = 0;
	for (char *tok = strtok_r(copy, ", \t", &save); tok && !rc;
	     tok = strtok_r(NULL, ", \t", &save)) {
		char *end;
		long pid = strtol(tok, &end, 10);
		if (*end || pid <= 0 || pid > INT_MAX) {
			fprintf(stderr, "%s: Invalid process id: '%s'\n", progname, tok);
			rc = -1;
			break;
		}
		o->pids = xrealloc(o->pids, (size_t)(o->npids + 1) * sizeof(*o->pids));
		o->pids[o->npids++] = (pid_t)pid;
	}
	free(copy);
	return rc;
}

/* Precision words of --*-timestamps= and --syscall-times=: digits after the point. */
static int precision_digits(const char *s)
{
	if (!strncmp(s, "precision:", 10))
		s += 10;
	if (!strcmp(s, "s"))
		return 0;
	if (!strcmp(s, "ms"))
		return 3;
	if (!strcmp(s, "us"))
		return 6;
	if (!strcmp(s, "ns"))
		return 9;
	return -1;
}

/*
 * --timestamps=[[format:]none|time|unix][,[precision:]s|ms|us|ns]: a format without a
 * precision keeps the one before (seconds at first), a precision alone keeps the format (the
 * time of day at first). -t is "time", -tt "time,us", -ttt "unix,us".
 */
static int parse_abs_timestamps(struct trace_opts *o, const char *arg)
{
	char *copy = xstrdup(arg ? arg : "time"), *save = NULL;
	enum ts_mode mode = o->timestamps == TS_NONE || o->timestamps == TS_MICRO ? TS_TIME :
			    o->timestamps;
	int rc = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save)) {
		bool fmt_only = !strncmp(tok, "format:", 7);
		const char *f = fmt_only ? tok + 7 : tok;
		int d;
		if (!strcmp(f, "none"))
			mode = TS_NONE;
		else if (!strcmp(f, "time"))
			mode = TS_TIME;
		else if (!strcmp(f, "unix"))
			mode = TS_EPOCH;
		else if (!fmt_only && (d = precision_digits(tok)) >= 0)
			o->ts_digits = d;
		else
			rc = bad("invalid timestamp format or precision: '%s'", tok);
	}
	o->timestamps = mode == TS_TIME && o->ts_digits ? TS_MICRO : mode;
	free(copy);
	return rc;
}

/*
 * strace's names for the summary columns; -S takes the same names (and "none"), -U all
 * but "none". "time" is the percentage column, "seconds" and "%time" are not names.
 */
#define CC_NONE CC_NCOLS
static const struct { const char *name; enum count_col col; } column_names[] = {
	{ "time", CC_TIME_PERCENT }, { "time_percent", CC_TIME_PERCENT },
	{ "time-percent", CC_TIME_PERCENT },
	{ "time_total", CC_TOTAL_TIME }, { "time-total", CC_TOTAL_TIME },
	{ "total_time", CC_TOTAL_TIME }, { "total-time", CC_TOTAL_TIME },
	{ "min_time", CC_MIN_TIME }, { "min-time", CC_MIN_TIME }, { "shortest", CC_MIN_TIME },
	{ "time_min", CC_MIN_TIME }, { "time-min", CC_MIN_TIME },
	{ "longest", CC_MAX_TIME }, { "max_time", CC_MAX_TIME }, { "max-time", CC_MAX_TIME },
	{ "time_max", CC_MAX_TIME }, { "time-max", CC_MAX_TIME },
	{ "avg_time", CC_AVG_TIME }, { "avg-time", CC_AVG_TIME }, { "time_avg", CC_AVG_TIME },
	{ "time-avg", CC_AVG_TIME },
	{ "calls", CC_CALLS }, { "count", CC_CALLS },
	{ "error", CC_ERRORS }, { "errors", CC_ERRORS },
	{ "name", CC_NAME }, { "syscall", CC_NAME }, { "syscall_name", CC_NAME },
	{ "syscall-name", CC_NAME },
	{ "none", CC_NONE }, { "nothing", CC_NONE },
};

/* The column named by the LEN bytes at S, or -1. */
static int column_by_name(const char *s, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(column_names); i++)
		if (strlen(column_names[i].name) == len && !strncmp(column_names[i].name, s, len))
			return (int)i;
	return -1;
}

static int bad_with_hint(const char *fmt, const char *arg)
{
	bad(fmt, arg);
	usage_hint();
	return -1;
}

/* --strings-in-hex[=WHICH]: the string style of each name, all when none is given. */
static int parse_strings_in_hex(const char *arg, int *style)
{
	static const struct { const char *name; enum pr_str_style style; } names[] = {
		{ "none", PR_STR_ESCAPE }, { "non-ascii-chars", PR_STR_HEX_CHARS },
		{ "non-ascii", PR_STR_HEX_NONASCII }, { "all", PR_STR_HEX_ALL },
	};

	*style = PR_STR_HEX_ALL;
	for (size_t i = 0; arg && i < ARRAY_SIZE(names); i++)
		if (!strcmp(arg, names[i].name)) {
			*style = (int)names[i].style;
			return 0;
		}
	return arg ? bad_with_hint("invalid --strings-in-hex argument: '%s'", arg) : 0;
}

static int parse_sort(struct trace_opts *o, const char *arg)
{
	static const enum count_sort by_col[CC_NCOLS + 1] = {
		[CC_TIME_PERCENT] = SORT_TIME, [CC_TOTAL_TIME] = SORT_TIME,
		[CC_AVG_TIME] = SORT_AVG, [CC_MIN_TIME] = SORT_MIN, [CC_MAX_TIME] = SORT_MAX,
		[CC_CALLS] = SORT_CALLS, [CC_ERRORS] = SORT_ERRORS, [CC_NAME] = SORT_NAME,
		[CC_NONE] = SORT_NONE,
	};
	int i = column_by_name(arg, strlen(arg));
	if (i < 0)
		return bad_with_hint("invalid sortby: '%s'", arg);
	o->sort = by_col[column_names[i].col];
	return 0;
}

/* strace splits on every ',' (an empty name is an unknown one) and rejects repeats. */
static int parse_columns(struct trace_opts *o, const char *arg)
{
	memset(o->columns, 0, sizeof(o->columns));
	o->ncolumns = 0;
	for (const char *tok = arg;;) {
		const char *comma = strchr(tok, ',');
		size_t len = comma ? (size_t)(comma - tok) : strlen(tok);
		int i = column_by_name(tok, len);
		if (i < 0 || column_names[i].col == CC_NONE) {
			fprintf(stderr, "%s: unknown column name: '%.*s'\n", progname, (int)len, tok);
			usage_hint();
			return -1;
		}
		enum count_col c = column_names[i].col;
		if (o->columns[c]) {
			fprintf(stderr, "%s: call summary column has been provided more than once:"
				" '%s' (-U option residual: '%s')\n", progname, column_names[i].name,
				tok);
			usage_hint();
			return -1;
		}
		o->columns[c] = true;
		o->column_order[o->ncolumns++] = c;
		if (!comma)
			break;
		tok = comma + 1;
	}
	/* The name column is always shown, last unless placed. */
	if (!o->columns[CC_NAME]) {
		o->columns[CC_NAME] = true;
		o->column_order[o->ncolumns++] = CC_NAME;
	}
	return 0;
}

/* --daemonize[=grandchild|pgroup|pgrp|session]: the level of -D, -DD or -DDD. */
static int parse_daemonize(const char *arg, int *level)
{
	static const struct { const char *name; int level; } names[] = {
		{ "grandchild", 1 }, { "pgroup", 2 }, { "pgrp", 2 }, { "session", 3 },
	};
	*level = 1;
	for (size_t i = 0; arg && i < ARRAY_SIZE(names); i++)
		if (!strcmp(arg, names[i].name)) {
			*level = names[i].level;
			return 0;
		}
	return arg ? bad_with_hint("invalid --daemonize argument: '%s'", arg) : 0;
}

/* -I: strace's numbers 1-4 or their names. */
static int parse_interruptible(struct trace_opts *o, const char *arg, bool is_long)
{
	static const struct { const char *name; int v; } names[] = {
		{ "anywhere", 1 }, { "always", 1 }, { "waiting", 2 }, { "never", 3 },
		{ "never_tstp", 4 },
	};
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(arg, names[i].name)) {
			o->interruptible = names[i].v;
			return 0;
		}
	if (arg[0] >= '1' && arg[0] <= '4' && !arg[1]) {
		o->interruptible = arg[0] - '0';
		return 0;
	}
	return bad_with_hint(is_long ? "invalid --interruptible argument: '%s'" :
			     "invalid -I argument: '%s'", arg);
}

static int parse_overhead(struct trace_opts *o, const char *arg, bool is_long)
{
	struct timespec ts;
	if (!parse_duration(arg, &ts))
		return bad_with_hint(is_long ? "invalid --summary-syscall-overhead argument: '%s'"
				     : "invalid -O argument: '%s'", arg);
	o->overhead_ns = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	o->overhead_set = true;
	return 0;
}

static int parse_backend(struct trace_opts *o, const char *arg)
{
	if (!strcmp(arg, "auto"))
		o->backend = BACKEND_AUTO;
	else if (!strcmp(arg, "ebpf"))
		o->backend = BACKEND_EBPF;
	else if (!strcmp(arg, "ptrace"))
		o->backend = BACKEND_PTRACE;
	else
		return bad_with_hint("invalid --backend argument: '%s' (ebpf, ptrace or auto)", arg);
	return 0;
}

static void defaults(struct trace_opts *o)
{
	memset(o, 0, sizeof(*o));
	set_all(o->trace.bits, ARRAY_SIZE(o->trace.bits), true);
	set_all(o->abbrev.bits, ARRAY_SIZE(o->abbrev.bits), true);
	set_all(o->verbose.bits, ARRAY_SIZE(o->verbose.bits), true);
	o->signals = ~0ull;
	o->status = STATUS_ALL;
	o->string_limit = 32;
	o->align_column = 40;
	o->rel_digits = 6;
	o->times_digits = 6;
	o->seccomp_bpf = -1;
	o->sort = SORT_TIME;
	static const enum count_col dflt[] = { CC_TIME_PERCENT, CC_TOTAL_TIME, CC_AVG_TIME,
					       CC_CALLS, CC_ERRORS, CC_NAME };
	for (size_t i = 0; i < ARRAY_SIZE(dflt); i++) {
		o->columns[dflt[i]] = true;
		o->column_order[o->ncolumns++] = dflt[i];
	}
}

static void print_help(void)
{
	printf("Usage: %s trace [-ACdffhiqqrtttTvVwxxyyzZ] [-I N] [-b execve] [-e EXPR]...\n"
	       "                    [-a COLUMN] [-o FILE] [-s STRSIZE] [-X FORMAT] [-O OVERHEAD]\n"
	       "                    [-S SORTBY] [-P PATH]... [-p PID]... [-U COLUMNS] [--seccomp-bpf]\n"
	       "                    { -p PID | [-DDD] [-E VAR=VAL]... [-u USERNAME] PROG [ARGS] }\n"
	       "   or: %s trace -c[dfwzZ] [-I N] [-b execve] [-e EXPR]... [-O OVERHEAD]\n"
	       "                    [-S SORTBY] [-P PATH]... [-p PID]... [-U COLUMNS] [--seccomp-bpf]\n"
	       "                    { -p PID | [-DDD] [-E VAR=VAL]... [-u USERNAME] PROG [ARGS] }\n"
	       "\nTrace system calls the way strace 6.1 does, with its options and output.\n"
	       "\nGeneral:\n"
	       "  -e EXPR        a qualifying expression: QUALIFIER=[!][?]VALUE1[,[?]VALUE2]...\n"
	       "     qualifiers: trace, abbrev, verbose, raw, signal, status, read, write,\n"
	       "                 inject, fault\n"
	       "\nStartup:\n"
	       "  -E VAR=VAL, --env=VAR=VAL   put VAR=VAL in the environment of the command\n"
	       "  -p PID, --attach=PID        trace process PID (several: -p 1,2 or -p 1 -p 2)\n"
	       "  -u USERNAME, --user=USERNAME  run the command as USERNAME\n"
	       "  -D, -DD, -DDD               run the tracer as a detached grandchild (in its own\n"
	       "                              process group, session)\n"
	       "  -b execve                   detach a process at its execve\n"
	       "\nTracing:\n"
	       "  -f, --follow-forks          follow forks\n"
	       "  -ff, --output-separately    with -o FILE, write each process to FILE.PID\n"
	       "  --seccomp-bpf               stop only at traced syscalls (needs -f)\n"
	       "  --backend=ebpf|ptrace|auto  where syscalls are seen (default auto: eBPF when\n"
	       "                              it may load and serves the options; else ptrace)\n"
	       "\nFiltering:\n"
	       "  -e trace=[!][?]{{SYSCALL|%%CLASS|/REGEX|all|none},...}\n"
	       "     classes: %%file %%desc %%process %%network %%signal %%ipc %%memory %%creds\n"
	       "              %%clock %%stat %%lstat %%fstat %%%%stat %%statfs %%fstatfs %%%%statfs %%pure\n"
	       "  -e signal=SET, -e status=SET, -P PATH, -z (successful only), -Z (failed only)\n"
	       "\nOutput format:\n"
	       "  -a COLUMN      alignment COLUMN for printing syscall results (default 40)\n"
	       "  -e abbrev=SET, -e verbose=SET, -e raw=SET, -e read=SET, -e write=SET\n"
	       "  -o FILE        send trace output to FILE instead of stderr\n"
	       "  -q, -qq        suppress attach/detach, and exit messages\n"
	       "  -r             print relative timestamps\n"
	       "  -s STRSIZE     limit length of print strings to STRSIZE chars (default 32)\n"
	       "  -t, -tt, -ttt  print absolute timestamps (seconds, microseconds, epoch)\n"
	       "  -T             print time spent in each syscall\n"
	       "  -v             verbose mode: print entities unabbreviated\n"
	       "  -x, -xx        print non-ASCII strings in hex, or all strings in hex\n"
	       "  -X FORMAT      raw, abbrev or verbose constants\n"
	       "  -y, -yy        print paths of fds, and protocol details of sockets\n"
	       "  -Y, --decode-pids=comm  print the name of each process after its id\n"
	       "  --pidns-translation     print the tracer's id of a process in another pid\n"
	       "                          namespace (--decode-pids=pidns)\n"
	       "  -i             print the instruction pointer at each syscall\n"
	       "  -n             print the syscall number\n"
	       "\nStatistics:\n"
	       "  -c             count time, calls, and errors for each syscall and report summary\n"
	       "  -C             like -c, but also print the trace\n"
	       "  -S SORTBY      sort by time, calls, errors, name, avg_time, min_time, max_time, none\n"
	       "  -U COLUMNS     summary columns: time-percent, total-time, avg-time, min-time,\n"
	       "                 max-time, calls, errors, name\n"
	       "  -w             summarise syscall latency (default is system time)\n"
	       "\nMiscellaneous:\n"
	       "  -h, --help     print this help\n"
	       "  -V, --version  print version\n",
	       progname, progname);
}

enum {
	OPT_SECCOMP = 0x100, OPT_ABS_TS, OPT_REL_TS, OPT_SC_TIMES, OPT_TRACE, OPT_SIGNAL,
	OPT_STATUS, OPT_ABBREV, OPT_VERBOSE, OPT_RAW, OPT_READ, OPT_WRITE, OPT_DECODE_FDS,
	OPT_QUIET, OPT_STRINGS_HEX, OPT_OUTPUT_SEP, OPT_INJECT, OPT_FAULT, OPT_BACKEND,
	OPT_DECODE_PIDS, OPT_PIDNS, OPT_INTR, OPT_OVERHEAD, OPT_DAEMONIZE,
};

static const struct option long_opts[] = {
	{ "columns", required_argument, 0, 'a' },
	{ "summary-only", no_argument, 0, 'c' },
	{ "summary", no_argument, 0, 'C' },
	{ "summary-wall-clock", no_argument, 0, 'w' },
	{ "summary-sort-by", required_argument, 0, 'S' },
	{ "summary-columns", required_argument, 0, 'U' },
	{ "env", required_argument, 0, 'E' },
	{ "follow-forks", no_argument, 0, 'f' },
	{ "output-separately", no_argument, 0, OPT_OUTPUT_SEP },
	{ "help", no_argument, 0, 'h' },
	{ "output", required_argument, 0, 'o' },
	{ "attach", required_argument, 0, 'p' },
	{ "trace-path", required_argument, 0, 'P' },
	{ "relative-timestamps", optional_argument, 0, OPT_REL_TS },
	{ "absolute-timestamps", optional_argument, 0, OPT_ABS_TS },
	{ "timestamps", optional_argument, 0, OPT_ABS_TS },
	{ "string-limit", required_argument, 0, 's' },
	{ "syscall-times", optional_argument, 0, OPT_SC_TIMES },
	{ "user", required_argument, 0, 'u' },
	{ "no-abbrev", no_argument, 0, 'v' },
	{ "version", no_argument, 0, 'V' },
	{ "const-print-style", required_argument, 0, 'X' },
	{ "successful-only", no_argument, 0, 'z' },
	{ "failed-only", no_argument, 0, 'Z' },
	{ "seccomp-bpf", no_argument, 0, OPT_SECCOMP },
	{ "trace", required_argument, 0, OPT_TRACE },
	{ "signal", required_argument, 0, OPT_SIGNAL },
	{ "signals", required_argument, 0, OPT_SIGNAL },
	{ "status", required_argument, 0, OPT_STATUS },
	{ "abbrev", required_argument, 0, OPT_ABBREV },
	{ "verbose", required_argument, 0, OPT_VERBOSE },
	{ "raw", required_argument, 0, OPT_RAW },
	{ "read", required_argument, 0, OPT_READ },
	{ "write", required_argument, 0, OPT_WRITE },
	{ "decode-fds", optional_argument, 0, OPT_DECODE_FDS },
	{ "decode-pids", required_argument, 0, OPT_DECODE_PIDS },
	{ "pidns-translation", no_argument, 0, OPT_PIDNS },
	{ "detach-on", required_argument, 0, 'b' },
	{ "daemonize", optional_argument, 0, OPT_DAEMONIZE },
	{ "daemonised", optional_argument, 0, OPT_DAEMONIZE },
	{ "daemonized", optional_argument, 0, OPT_DAEMONIZE },
	{ "instruction-pointer", no_argument, 0, 'i' },
	{ "syscall-number", no_argument, 0, 'n' },
	{ "interruptible", required_argument, 0, OPT_INTR },
	{ "summary-syscall-overhead", required_argument, 0, OPT_OVERHEAD },
	{ "quiet", optional_argument, 0, OPT_QUIET },
	{ "silent", optional_argument, 0, OPT_QUIET },
	{ "silence", optional_argument, 0, OPT_QUIET },
	{ "strings-in-hex", optional_argument, 0, OPT_STRINGS_HEX },
	{ "inject", required_argument, 0, OPT_INJECT },
	{ "fault", required_argument, 0, OPT_FAULT },
	{ "backend", required_argument, 0, OPT_BACKEND },
	{ 0, 0, 0, 0 },
};

static int qualify_with(struct trace_opts *o, const char *key, const char *val)
{
	char *expr;
	if (asprintf(&expr, "%s=%s", key, val) < 0)
		return -1;
	int rc = trace_qualify(o, expr);
	free(expr);
	return rc;
}

/* strace's checks of -c/-C against the options that need or ignore it, in its order. */
static int summary_option_errors(const struct trace_opts *o, bool seen_U, bool seen_S,
				 bool seen_ff)
{
	static const char *const needs_summary[] = {
		"-w/--summary-wall-clock", "-U/--summary-columns",
	};
	const bool given[] = { o->wall_time, seen_U };

	if (seen_ff && o->count) {
		fprintf(stderr, "%s: (-c/--summary-only or -C/--summary) and"
			" -ff/--output-separately are mutually exclusive\n", progname);
		usage_hint();
		return -1;
	}
	for (size_t i = 0; i < ARRAY_SIZE(needs_summary); i++)
		if (given[i] && !o->count) {
			fprintf(stderr, "%s: %s must be given with (-c/--summary-only or"
				" -C/--summary)\n", progname, needs_summary[i]);
			usage_hint();
			return -1;
		}
	if (seen_S && !o->count)
		fprintf(stderr, "%s: -S/--summary-sort-by has no effect without"
			" (-c/--summary-only or -C/--summary)\n", progname);
	if (o->count != 1)
		return 0;
	/* Only the trace lines would show these. */
	if (o->relative)
		fprintf(stderr, "%s: -r/--relative-timestamps has no effect with"
			" -c/--summary-only\n", progname);
	if (o->timestamps)
		fprintf(stderr, "%s: -t/--absolute-timestamps has no effect with"
			" -c/--summary-only\n", progname);
	if (o->syscall_times)
		fprintf(stderr, "%s: -T/--syscall-times has no effect with -c/--summary-only\n",
			progname);
	if (o->decode_fds)
		fprintf(stderr, "%s: -y/--decode-fds has no effect with -c/--summary-only\n",
			progname);
	return 0;
}

int trace_opts_parse(struct trace_opts *o, int argc, char **argv, bool *exit_now)
{
	int c, xlong = -1, tflags = 0, xflags = 0, yflags = 0, dflags = 0, dlong = 0;
	bool seen_U = false, seen_S = false, seen_ff = false;
	*exit_now = false;
	defaults(o);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+a:b:cCdDe:E:fFhiI:kno:O:p:P:qrs:S:tTu:U:vVwxX:yYzZ",
				long_opts, NULL)) != -1) {
		int rc = 0;
		switch (c) {
		case 'a': rc = parse_int(optarg, "-a", 0, &o->align_column); break;
		case 'b':
			if (strcmp(optarg, "execve"))
				rc = bad("Syscall '%s' for -b isn't supported", optarg);
			o->detach_on_execve = true;
			break;
		case 'c': o->count = 1; break;
		case 'C': o->count = 2; break;
		case 'd': case 'F': break;
		case 'n': o->syscall_number = true; break;
		case 'D': dflags++; break;
		case OPT_DAEMONIZE: rc = parse_daemonize(optarg, &dlong); break;
		case 'i': o->instruction_pointer = true; break;
		case 'I': rc = parse_interruptible(o, optarg, false); break;
		case OPT_INTR: rc = parse_interruptible(o, optarg, true); break;
		case OPT_OVERHEAD: rc = parse_overhead(o, optarg, true); break;
		case 'k': rc = bad("%s", "-k (stack traces) is not supported"); break;
		case 'O': rc = parse_overhead(o, optarg, false); break;
		case 'e': rc = trace_qualify(o, optarg); break;
		case 'E':
			o->env_changes = xrealloc(o->env_changes,
						  (size_t)(o->nenv_changes + 1) * sizeof(char *));
			o->env_changes[o->nenv_changes++] = optarg;
			break;
		case 'f': o->follow_forks++; seen_ff |= o->follow_forks >= 2; break;
		case OPT_OUTPUT_SEP: o->follow_forks = 2; seen_ff = true; break;
		case 'h': print_help(); *exit_now = true; return 0;
		case 'V':
			printf("%s trace -- version %s (strace 6.1 compatible)\n", progname,
			       SYSRAY_VERSION);
			*exit_now = true;
			return 0;
		case 'o': o->outfile = optarg; break;
		case 'p': rc = parse_pids(o, optarg); break;
		case 'P':
			o->paths = xrealloc(o->paths, (size_t)(o->npaths + 1) * sizeof(char *));
			o->paths[o->npaths++] = optarg;
			break;
		case 'q': o->quiet++; break;
		case 's': rc = parse_int(optarg, "-s", 0, &o->string_limit); break;
		case 'S': rc = parse_sort(o, optarg); seen_S = true; break;
		case 't': tflags++; break;
		case 'T': o->syscall_times = true; break;
		case 'u': o->username = optarg; break;
		case 'U': rc = parse_columns(o, optarg); seen_U = true; break;
		case 'v':
			memset(&o->abbrev, 0, sizeof(o->abbrev));
			o->verbose_mode = true;
			break;
		case 'w': o->wall_time = true; break;
		case 'x': xflags++; break;
		case 'X':
			if (!strcmp(optarg, "raw")) o->xlat_style = PR_XLAT_RAW;
			else if (!strcmp(optarg, "abbrev")) o->xlat_style = PR_XLAT_ABBREV;
			else if (!strcmp(optarg, "verbose")) o->xlat_style = PR_XLAT_VERBOSE;
			else rc = bad("invalid -X argument: '%s'", optarg);
			break;
		case 'y': yflags++; break;
		case 'z': rc = qualify_with(o, "status", "successful"); break;
		case 'Z': rc = qualify_with(o, "status", "failed"); break;
		case OPT_SECCOMP: o->seccomp_bpf = 1; break;
		case OPT_ABS_TS: rc = parse_abs_timestamps(o, optarg); break;
		case 'r':
		case OPT_REL_TS:
			o->relative = true;
			if (optarg && (o->rel_digits = precision_digits(optarg)) < 0)
				rc = bad("invalid relative timestamp precision: '%s'", optarg);
			break;
		case OPT_SC_TIMES:
			o->syscall_times = true;
			if (optarg && (o->times_digits = precision_digits(optarg)) < 0)
				rc = bad("invalid syscall time precision: '%s'", optarg);
			break;
		case OPT_TRACE: rc = qualify_with(o, "trace", optarg); break;
		case OPT_SIGNAL: rc = qualify_with(o, "signal", optarg); break;
		case OPT_STATUS: rc = qualify_with(o, "status", optarg); break;
		case OPT_ABBREV: rc = qualify_with(o, "abbrev", optarg); break;
		case OPT_VERBOSE: rc = qualify_with(o, "verbose", optarg); break;
		case OPT_RAW: rc = qualify_with(o, "raw", optarg); break;
		case OPT_READ: rc = qualify_with(o, "read", optarg); break;
		case OPT_WRITE: rc = qualify_with(o, "write", optarg); break;
		case OPT_INJECT: rc = qualify_with(o, "inject", optarg); break;
		case OPT_FAULT: rc = qualify_with(o, "fault", optarg); break;
		case OPT_BACKEND: rc = parse_backend(o, optarg); break;
		case 'Y': rc = qualify_with(o, "decode-pids", "comm"); break;
		case OPT_PIDNS: rc = qualify_with(o, "decode-pids", "pidns"); break;
		case OPT_DECODE_PIDS: rc = qualify_with(o, "decode-pids", optarg); break;
		case OPT_DECODE_FDS: rc = qualify_with(o, "decode-fds", optarg ? optarg : "path"); break;
		case OPT_QUIET:
			rc = qualify_with(o, "quiet", optarg ? optarg : "attach,personality");
			break;
		case OPT_STRINGS_HEX: rc = parse_strings_in_hex(optarg, &xlong); break;
		default:
			if (optopt && strchr("aeEopPsSuUIObX", optopt))
				fprintf(stderr, "%s: option requires an argument -- '%c'\n", progname,
					optopt);
			else if (optopt)
				fprintf(stderr, "%s: invalid option -- '%c'\n", progname, optopt);
			else
				fprintf(stderr, "%s: unrecognized option '%s'\n", progname,
					argv[optind - 1]);
			usage_hint();
			return 1;
		}
		if (rc)
			return 1;
	}
	/* -t, -tt and -ttt come after every --timestamps=, as in strace. */
	if (tflags)
		parse_abs_timestamps(o, tflags == 1 ? "time" : tflags == 2 ? "time,us" : "unix,us");
	if (xlong >= 0 && xflags)
		return bad("%s", "-x and --strings-in-hex cannot be provided simultaneously");
	o->str_style = xlong >= 0 ? (enum pr_str_style)xlong :
		       xflags >= 2 ? PR_STR_HEX_ALL : xflags ? PR_STR_HEX_NONASCII : PR_STR_ESCAPE;
	if (yflags) {
		o->decode_fds = yflags >= 2 ? 2 : 1;
		o->decode_fd_kinds = yflags >= 2 ? DECODE_FD_ALL : DECODE_FD_PATH;
	}
	if (optind < argc)
		o->argv = &argv[optind];
	if (!o->argv && !o->npids) {
		fprintf(stderr, "%s: must have PROG [ARGS] or -p PID\n", progname);
		usage_hint();
		return 1;
	}
	if (dflags && dlong) {
		fprintf(stderr, "%s: -D and --daemonize cannot be provided simultaneously\n",
			progname);
		return 1;
	}
	o->daemonize = dflags ? dflags : dlong;
	if (o->daemonize && !o->argv) {
		fprintf(stderr, "%s: PROG [ARGS] must be specified with -D/--daemonize\n",
			progname);
		usage_hint();
		return 1;
	}
	if (o->daemonize > 3) {
		fprintf(stderr, "%s: Too many -D's (%d), maximum supported -D count is 3\n",
			progname, o->daemonize);
		usage_hint();
		return 1;
	}
	if (o->quiet && o->quiet_set) {
		fprintf(stderr, "%s: -q and -e quiet/--quiet cannot be provided simultaneously\n",
			progname);
		return 1;
	}
	/* As strace: a trace written to a file for a started command is quiet by default. */
	if (o->quiet || (!o->quiet_set && o->outfile && o->argv)) {
		o->silence = QUIET_ATTACH | QUIET_PERSONALITY;
		if (o->quiet == 2)
			o->silence |= QUIET_EXIT;
		else if (o->quiet >= 3)
			o->silence = QUIET_ALL;
	}
	if (o->follow_forks == 2 && o->outfile && (o->outfile[0] == '|' || o->outfile[0] == '!')) {
		fprintf(stderr, "%s: piping the output and -ff/--output-separately are mutually"
			" exclusive\n", progname);
		usage_hint();
		return 1;
	}
	if (o->follow_forks == 2 && !o->outfile)
		o->follow_forks = 1;
	if (summary_option_errors(o, seen_U, seen_S, seen_ff))
		return 1;
	return 0;
}

bool trace_opts_traces_all(const struct trace_opts *o)
{
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (syscall_by_nr(nr) && !sc_set_has(&o->trace, nr))
			return false;
	return true;
}

bool trace_opts_blocks_signals(const struct trace_opts *o)
{
	return o->interruptible >= 3 ||
	       (!o->interruptible && (o->daemonize || (o->outfile && o->argv)));
}

void trace_opts_free(struct trace_opts *o)
{
	free(o->pids);
	free(o->env_changes);
	free(o->paths);
	tamper_spec_free(o->tamper);
	o->tamper = NULL;
}
