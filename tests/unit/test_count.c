/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The -c summary table laid out as strace 6.1 lays it out: column widths that grow to
 * fit, a blank error cell for 0, the total row, -S orders (ties in syscall-number order,
 * as glibc's stable qsort leaves them) and -U column choices.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "output/out.h"
#include "schema/syscalls.h"
#include "trace/count.h"
#include "trace/opts.h"

static long nr_of(const char *name)
{
	long nr = syscall_nr_by_name(name);
	assert_true(nr >= 0);
	return nr;
}

/* Options with the summary columns COLS (CC_NCOLS-terminated) and sort order BY. */
static struct trace_opts opts_with(enum count_sort by, const enum count_col *cols)
{
	struct trace_opts o;
	memset(&o, 0, sizeof(o));
	o.count = 1;
	o.sort = by;
	for (int i = 0; cols[i] != CC_NCOLS; i++) {
		o.columns[cols[i]] = true;
		o.column_order[o.ncolumns++] = cols[i];
	}
	return o;
}

static const enum count_col default_cols[] = {
	CC_TIME_PERCENT, CC_TOTAL_TIME, CC_AVG_TIME, CC_CALLS, CC_ERRORS, CC_NAME, CC_NCOLS
};

/* read: 2 calls, 4us; openat: 3 calls of 10us, one failed; close: 1 call, no time. */
static struct count_table *sample(void)
{
	struct count_table *c = count_new();
	count_add(c, nr_of("read"), 1000, false);
	count_add(c, nr_of("read"), 3000, false);
	for (int i = 0; i < 3; i++)
		count_add(c, nr_of("openat"), 10000, i == 1);
	count_add(c, nr_of("close"), 0, false);
	return c;
}

static void expect_table(const struct count_table *c, const struct trace_opts *o,
			 const char *want)
{
	struct out out = { 0 };
	count_print(c, o, &out);
	out_putc(&out, '\0');
	assert_string_equal(out.buf, want);
	out_free(&out);
}

static void test_default_columns_by_time(void **state)
{
	(void)state;
	struct count_table *c = sample();
	struct trace_opts o = opts_with(SORT_TIME, default_cols);
	expect_table(c, &o,
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 88.24    0.000030          10         3         1 openat\n"
		" 11.76    0.000004           2         2           read\n"
		"  0.00    0.000000           0         1           close\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000034           5         6         1 total\n");
	count_free(c);
}

/* Zero times everywhere: percentages stay 0.00 (no 0/0), ties keep number order. */
static void test_zero_times_keep_number_order(void **state)
{
	(void)state;
	struct count_table *c = count_new();
	count_add(c, nr_of("openat"), 0, true);
	count_add(c, nr_of("read"), 0, false);
	count_add(c, nr_of("close"), 0, false);
	count_add(c, nr_of("close"), 0, false);
	struct trace_opts o = opts_with(SORT_TIME, default_cols);
	expect_table(c, &o,
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"  0.00    0.000000           0         1           read\n"
		"  0.00    0.000000           0         2           close\n"
		"  0.00    0.000000           0         1         1 openat\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000000           0         4         1 total\n");
	count_free(c);
}

/* -U name,calls,errors,min-time,max-time -S calls: the name column is padded when not last. */
static void test_chosen_columns_by_calls(void **state)
{
	(void)state;
	static const enum count_col cols[] = { CC_NAME, CC_CALLS, CC_ERRORS, CC_MIN_TIME,
					       CC_MAX_TIME, CC_NCOLS };
	struct count_table *c = sample();
	struct trace_opts o = opts_with(SORT_CALLS, cols);
	expect_table(c, &o,
		"syscall              calls    errors shortest  longest\n"
		"---------------- --------- --------- -------- --------\n"
		"openat                   3         1 0.000010 0.000010\n"
		"read                     2           0.000001 0.000003\n"
		"close                    1           0.000000 0.000000\n"
		"---------------- --------- --------- -------- --------\n"
		"total                    6         1 0.000000 0.000010\n");
	count_free(c);
}

static void test_sort_by_name_errors_none(void **state)
{
	(void)state;
	static const enum count_col cols[] = { CC_CALLS, CC_ERRORS, CC_NAME, CC_NCOLS };
	struct count_table *c = sample();
	struct trace_opts o = opts_with(SORT_NAME, cols);
	expect_table(c, &o,
		"    calls    errors syscall\n"
		"--------- --------- ----------------\n"
		"        1           close\n"
		"        3         1 openat\n"
		"        2           read\n"
		"--------- --------- ----------------\n"
		"        6         1 total\n");
	o.sort = SORT_ERRORS;
	expect_table(c, &o,
		"    calls    errors syscall\n"
		"--------- --------- ----------------\n"
		"        3         1 openat\n"
		"        2           read\n"
		"        1           close\n"
		"--------- --------- ----------------\n"
		"        6         1 total\n");
	o.sort = SORT_NONE;
	expect_table(c, &o,
		"    calls    errors syscall\n"
		"--------- --------- ----------------\n"
		"        2           read\n"
		"        1           close\n"
		"        3         1 openat\n"
		"--------- --------- ----------------\n"
		"        6         1 total\n");
	count_free(c);
}

/* Seconds, usecs/call and syscall columns widen for long values; the last is not padded. */
static void test_widths_grow(void **state)
{
	(void)state;
	struct count_table *c = count_new();
	count_add(c, nr_of("sched_get_priority_max"), 123456789012345ull, false);
	struct trace_opts o = opts_with(SORT_TIME, default_cols);
	expect_table(c, &o,
		"% time       seconds   usecs/call     calls    errors syscall\n"
		"------ ------------- ------------ --------- --------- -----------------------\n"
		"100.00 123456.789012 123456789012         1           sched_get_priority_max\n"
		"------ ------------- ------------ --------- --------- -----------------------\n"
		"100.00 123456.789012 123456789012         1           total\n");
	count_free(c);
}

/* The mean is rounded to the nanosecond before it is shown in microseconds. */
static void test_avg_rounding(void **state)
{
	(void)state;
	static const enum count_col cols[] = { CC_AVG_TIME, CC_CALLS, CC_NAME, CC_NCOLS };
	struct count_table *c = count_new();
	count_add(c, nr_of("write"), 1999, false);
	count_add(c, nr_of("write"), 2000, false);
	count_add(c, nr_of("read"), 2999, false);
	count_add(c, nr_of("read"), 3000, false);
	count_add(c, nr_of("read"), 3000, false);
	struct trace_opts o = opts_with(SORT_AVG, cols);
	expect_table(c, &o,
		" usecs/call     calls syscall\n"
		"----------- --------- ----------------\n"
		"          3         3 read\n"
		"          2         2 write\n"
		"----------- --------- ----------------\n"
		"          2         5 total\n");
	count_free(c);
}

/* strace keeps no table until something is counted: then it prints nothing. */
static void test_empty_prints_nothing(void **state)
{
	(void)state;
	struct count_table *c = count_new();
	struct trace_opts o = opts_with(SORT_TIME, default_cols);
	expect_table(c, &o, "");
	count_add(c, -1, 5, false);
	count_add(c, SYSCALL_NR_LIMIT, 5, false);
	expect_table(c, &o, "");
	count_free(c);
}

/* Sums merged from per-CPU rows give the table of the same calls added one by one; min and
 * max columns keep the extremes across the merges. */
static void test_merge_equals_adds(void **state)
{
	(void)state;
	static const enum count_col cols[] = {
		CC_CALLS, CC_ERRORS, CC_TOTAL_TIME, CC_MIN_TIME, CC_MAX_TIME, CC_NAME, CC_NCOLS
	};
	struct trace_opts o = opts_with(SORT_TIME, cols);
	struct count_table *added = sample();
	struct count_table *merged = count_new();
	struct out a = { 0 }, m = { 0 };

	/* sample() as two CPUs saw it, and a row of no calls, which changes nothing */
	count_merge(merged, nr_of("read"), 1, 0, 3000, 3000, 3000);
	count_merge(merged, nr_of("openat"), 2, 1, 20000, 10000, 10000);
	count_merge(merged, nr_of("read"), 1, 0, 1000, 1000, 1000);
	count_merge(merged, nr_of("openat"), 1, 0, 10000, 10000, 10000);
	count_merge(merged, nr_of("close"), 1, 0, 0, 0, 0);
	count_merge(merged, nr_of("write"), 0, 0, 0, 0, 0);
	count_print(added, &o, &a);
	count_print(merged, &o, &m);
	out_putc(&a, '\0');
	out_putc(&m, '\0');
	assert_string_equal(m.buf, a.buf);
	assert_non_null(strstr(m.buf, " 0.000004 0.000001 0.000003 read\n"));
	out_free(&a);
	out_free(&m);
	count_free(added);
	count_free(merged);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_columns_by_time),
		cmocka_unit_test(test_zero_times_keep_number_order),
		cmocka_unit_test(test_chosen_columns_by_calls),
		cmocka_unit_test(test_sort_by_name_errors_none),
		cmocka_unit_test(test_widths_grow),
		cmocka_unit_test(test_avg_rounding),
		cmocka_unit_test(test_empty_prints_nothing),
		cmocka_unit_test(test_merge_equals_adds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
