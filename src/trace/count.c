/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The -c / -C summary table, laid out as strace 6.1 lays it out: one row per syscall that
 * was called, columns chosen by -U, rows ordered by -S, then a divider and a total row.
 */
#include "trace/count.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema/syscalls.h"
#include "util/util.h"

#define NS_PER_SEC ((uint64_t)1000000000)

#ifndef MIN
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#endif

struct count_entry {
	uint64_t calls, errors, total_ns, min_ns, max_ns;
};

struct count_table {
	struct count_entry e[SYSCALL_NR_LIMIT];
};

struct count_table *count_new(void)
{
	return xcalloc(1, sizeof(struct count_table));
}

void count_free(struct count_table *c)
{
	free(c);
}

void count_add(struct count_table *c, long nr, uint64_t time_ns, bool failed)
{
	if (nr < 0 || nr >= SYSCALL_NR_LIMIT)
		return;
	struct count_entry *e = &c->e[nr];
	if (!e->calls || time_ns < e->min_ns)
		e->min_ns = time_ns;
	if (time_ns > e->max_ns)
		e->max_ns = time_ns;
	e->calls++;
	e->errors += failed;
	e->total_ns += time_ns;
}

void count_merge(struct count_table *c, long nr, uint64_t calls, uint64_t errors,
		 uint64_t total_ns, uint64_t min_ns, uint64_t max_ns)
{
	if (nr < 0 || nr >= SYSCALL_NR_LIMIT || !calls)
		return;
	struct count_entry *e = &c->e[nr];
	if (!e->calls || min_ns < e->min_ns)
		e->min_ns = min_ns;
	if (max_ns > e->max_ns)
		e->max_ns = max_ns;
	e->calls += calls;
	e->errors += errors;
	e->total_ns += total_ns;
}

/*
 * Seconds as a double, computed as whole seconds plus the fraction (strace converts its
 * timespecs this way, and the last printed digit can depend on it).
 */
static double ns_seconds(uint64_t ns)
{
	return (double)(ns / NS_PER_SEC) + (double)(ns % NS_PER_SEC) / 1e9;
}

/* The mean rounded to the nearest nanosecond, as strace divides a timespec. */
static uint64_t avg_ns(const struct count_entry *e)
{
	return (e->total_ns + e->calls / 2) / e->calls;
}

/* Microseconds per call as printed: the seconds value scaled and truncated. */
static uint64_t usecs(double seconds)
{
	return (uint64_t)(seconds * 1e6);
}

static const char *name_of(long nr, char *buf, size_t size)
{
	const struct syscall_info *si = syscall_by_nr(nr);
	if (si && si->name)
		return si->name;
	snprintf(buf, size, "syscall_%#lx", (unsigned long)nr);
	return buf;
}

/* ---- ordering ---- */

struct sort_ctx {
	const struct count_table *c;
	enum count_sort by;
};

static int cmp_desc(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

/* strace compares call and error counts as unsigned int. */
static int cmp_desc_u32(uint64_t a, uint64_t b)
{
	return cmp_desc((unsigned int)a, (unsigned int)b);
}

static int compare(const struct sort_ctx *s, long a, long b)
{
	const struct count_entry *x = &s->c->e[a], *y = &s->c->e[b];
	char ba[32], bb[32];

	switch (s->by) {
	case SORT_TIME:
		return cmp_desc(x->total_ns, y->total_ns);
	case SORT_CALLS:
		return cmp_desc_u32(x->calls, y->calls);
	case SORT_ERRORS:
		return cmp_desc_u32(x->errors, y->errors);
	case SORT_NAME:
		return strcmp(name_of(a, ba, sizeof(ba)), name_of(b, bb, sizeof(bb)));
	case SORT_AVG:
		return cmp_desc(avg_ns(x), avg_ns(y));
	case SORT_MIN:
		return cmp_desc(x->min_ns, y->min_ns);
	case SORT_MAX:
		return cmp_desc(x->max_ns, y->max_ns);
	case SORT_NONE:
		break;
	}
	return 0;
}

/*
 * glibc's qsort sorts strace's index array with a stable merge sort, so equal keys keep
 * syscall-number order; an insertion sort over the few used rows gives the same order.
 */
static void sort_rows(long *rows, size_t n, const struct sort_ctx *s)
{
	if (s->by == SORT_NONE)
		return;
	for (size_t i = 1; i < n; i++) {
		long r = rows[i];
		size_t j = i;
		while (j > 0 && compare(s, rows[j - 1], r) > 0) {
			rows[j] = rows[j - 1];
			j--;
		}
		rows[j] = r;
	}
}

/* ---- layout ---- */

/* Sums and extremes over the used rows: the total row and the column widths need them. */
struct totals {
	uint64_t calls, errors, time_ns;
	uint64_t min_ns;		/* smallest per-row minimum */
	uint64_t min_max_ns;		/* largest per-row minimum */
	uint64_t max_ns;		/* largest per-row maximum */
	uint64_t avg_max_ns;		/* largest per-row mean */
	size_t name_max;		/* longest syscall name */
};

static void sum_rows(const struct count_table *c, const long *rows, size_t n, struct totals *t)
{
	char buf[32];

	memset(t, 0, sizeof(*t));
	t->min_ns = UINT64_MAX;
	for (size_t i = 0; i < n; i++) {
		const struct count_entry *e = &c->e[rows[i]];
		t->calls += e->calls;
		t->errors += e->errors;
		t->time_ns += e->total_ns;
		t->min_ns = MIN(t->min_ns, e->min_ns);
		t->min_max_ns = MAX(t->min_max_ns, e->min_ns);
		t->max_ns = MAX(t->max_ns, e->max_ns);
		t->avg_max_ns = MAX(t->avg_max_ns, avg_ns(e));
		t->name_max = MAX(t->name_max, strlen(name_of(rows[i], buf, sizeof(buf))));
	}
}

static const char *const col_title[CC_NCOLS] = {
	[CC_TIME_PERCENT] = "% time", [CC_TOTAL_TIME] = "seconds", [CC_AVG_TIME] = "usecs/call",
	[CC_MIN_TIME] = "shortest", [CC_MAX_TIME] = "longest", [CC_CALLS] = "calls",
	[CC_ERRORS] = "errors", [CC_NAME] = "syscall",
};

/* Least widths: the title's length, or the historical 11/9/16 of the classic columns. */
static const int col_min_width[CC_NCOLS] = {
	[CC_TIME_PERCENT] = 6, [CC_TOTAL_TIME] = 11, [CC_AVG_TIME] = 11, [CC_MIN_TIME] = 8,
	[CC_MAX_TIME] = 7, [CC_CALLS] = 9, [CC_ERRORS] = 9, [CC_NAME] = 16,
};

static int text_width(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int text_width(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	return MAX(n, 0);
}

/* Each column is as wide as its title and the widest value it may hold. */
static void column_widths(const struct totals *t, int *w)
{
	int need[CC_NCOLS] = {
		[CC_TIME_PERCENT] = (int)strlen("100.00"),
		[CC_TOTAL_TIME] = text_width("%.6f", ns_seconds(t->time_ns)),
		[CC_AVG_TIME] = text_width("%" PRIu64, usecs(ns_seconds(t->avg_max_ns))),
		[CC_MIN_TIME] = text_width("%" PRIu64 ".000000", t->min_max_ns / NS_PER_SEC),
		[CC_MAX_TIME] = text_width("%" PRIu64 ".000000", t->max_ns / NS_PER_SEC),
		[CC_CALLS] = text_width("%" PRIu64, t->calls),
		[CC_ERRORS] = text_width("%" PRIu64, t->errors),
		[CC_NAME] = (int)t->name_max + 1,
	};
	for (int i = 0; i < CC_NCOLS; i++)
		w[i] = MAX(col_min_width[i], need[i]);
}

/* The values of one row, the total row included. */
struct row {
	double percent, seconds, min_s, max_s;
	uint64_t usecs, calls, errors;
	const char *name;
};

/* An error count of 0 leaves the cell blank: strace prints it with precision 0. */
static void print_cell(struct out *o, enum count_col col, int w, bool last, const struct row *r)
{
	switch (col) {
	case CC_TIME_PERCENT:
		out_printf(o, "%*.2f", w, r->percent);
		break;
	case CC_TOTAL_TIME:
		out_printf(o, "%*.6f", w, r->seconds);
		break;
	case CC_MIN_TIME:
		out_printf(o, "%*.6f", w, r->min_s);
		break;
	case CC_MAX_TIME:
		out_printf(o, "%*.6f", w, r->max_s);
		break;
	case CC_AVG_TIME:
		out_printf(o, "%*" PRIu64, w, r->usecs);
		break;
	case CC_CALLS:
		out_printf(o, "%*" PRIu64, w, r->calls);
		break;
	case CC_ERRORS:
		out_printf(o, "%*.0" PRIu64, w, r->errors);
		break;
	case CC_NAME:
		if (last)
			out_puts(o, r->name);
		else
			out_printf(o, "%-*s", w, r->name);
		break;
	case CC_NCOLS:
		break;
	}
}

static void print_row(struct out *o, const struct trace_opts *opts, const int *w,
		      const struct row *r)
{
	for (int i = 0; i < opts->ncolumns; i++) {
		enum count_col col = opts->column_order[i];
		if (i)
			out_putc(o, ' ');
		print_cell(o, col, w[col], i == opts->ncolumns - 1, r);
	}
	out_putc(o, '\n');
}

static void print_header(struct out *o, const struct trace_opts *opts, const int *w)
{
	for (int i = 0; i < opts->ncolumns; i++) {
		enum count_col col = opts->column_order[i];
		if (i)
			out_putc(o, ' ');
		if (col != CC_NAME)
			out_printf(o, "%*s", w[col], col_title[col]);
		else if (i == opts->ncolumns - 1)
			out_puts(o, col_title[col]);
		else
			out_printf(o, "%-*s", w[col], col_title[col]);
	}
	out_putc(o, '\n');
}

static void print_divider(struct out *o, const struct trace_opts *opts, const int *w)
{
	for (int i = 0; i < opts->ncolumns; i++) {
		if (i)
			out_putc(o, ' ');
		for (int j = 0; j < w[opts->column_order[i]]; j++)
			out_putc(o, '-');
	}
	out_putc(o, '\n');
}

static void entry_row(const struct count_table *c, long nr, double cum_s, char *nbuf,
		      size_t nsize, struct row *r)
{
	const struct count_entry *e = &c->e[nr];
	r->seconds = ns_seconds(e->total_ns);
	/* 0 stays 0 so that a table of zero times has no 0/0. */
	r->percent = 100.0 * r->seconds;
	if (r->percent != 0.0)
		r->percent /= cum_s;
	r->min_s = ns_seconds(e->min_ns);
	r->max_s = ns_seconds(e->max_ns);
	r->usecs = usecs(ns_seconds(avg_ns(e)));
	r->calls = e->calls;
	r->errors = e->errors;
	r->name = name_of(nr, nbuf, nsize);
}

/* The total row's mean is the total time over all calls, not a mean of the rows' means. */
static void total_row(const struct totals *t, struct row *r)
{
	double cum_s = ns_seconds(t->time_ns);
	*r = (struct row){
		.percent = 100.0,
		.seconds = cum_s,
		.min_s = ns_seconds(t->min_ns),
		.max_s = ns_seconds(t->max_ns),
		.usecs = usecs(cum_s / (double)t->calls),
		.calls = t->calls,
		.errors = t->errors,
		.name = "total",
	};
}

void count_print(const struct count_table *c, const struct trace_opts *opts, struct out *o)
{
	long *rows = xcalloc(SYSCALL_NR_LIMIT, sizeof(*rows));
	size_t n = 0;
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (c->e[nr].calls)
			rows[n++] = nr;
	/* strace keeps no table until a syscall has been counted, and then prints nothing. */
	if (!n) {
		free(rows);
		return;
	}

	struct sort_ctx s = { .c = c, .by = opts->sort };
	sort_rows(rows, n, &s);

	struct totals t;
	int w[CC_NCOLS];
	sum_rows(c, rows, n, &t);
	column_widths(&t, w);

	print_header(o, opts, w);
	print_divider(o, opts, w);
	double cum_s = ns_seconds(t.time_ns);
	for (size_t i = 0; i < n; i++) {
		struct row r;
		char nbuf[32];
		entry_row(c, rows[i], cum_s, nbuf, sizeof(nbuf), &r);
		print_row(o, opts, w, &r);
	}
	print_divider(o, opts, w);
	struct row r;
	total_row(&t, &r);
	print_row(o, opts, w, &r);
	free(rows);
}
