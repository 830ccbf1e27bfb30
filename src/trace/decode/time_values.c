/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Time values several areas print: struct timespec, timeval, itimerspec, itimerval (as
 * structs or as text for a result comment), and clock ids.
 */
#include <inttypes.h>
#include <stdio.h>

#include "trace/decode.h"

/* The x86_64 kernel layouts: every field is 64 bits wide. */
struct k_timespec {
	int64_t sec;
	int64_t nsec;
};

struct k_timeval {
	int64_t sec;
	int64_t usec;
};

/* The sub-second field prints as an unsigned number, whatever its sign. */
static void print_sec_frac(struct pr *p, const char *frac_name, int64_t sec, int64_t frac)
{
	pr_struct_begin(p);
	pr_field(p, "tv_sec");
	pr_int(p, sec);
	pr_field(p, frac_name);
	pr_uint(p, (uint64_t)frac);
	pr_struct_end(p);
}

void print_timespec(struct sc *sc, int64_t sec, int64_t nsec)
{
	print_sec_frac(sc->p, "tv_nsec", sec, nsec);
}

void print_timeval(struct sc *sc, int64_t sec, int64_t usec)
{
	print_sec_frac(sc->p, "tv_usec", sec, usec);
}

void print_timespec_at(struct sc *sc, uint64_t addr)
{
	struct k_timespec ts;
	if (fetch_or_print_addr(sc, addr, &ts, sizeof(ts)))
		print_timespec(sc, ts.sec, ts.nsec);
}

void print_input_timespec_at(struct sc *sc, uint64_t addr)
{
	struct k_timespec ts;
	if (fetch_or_print_addr_any(sc, addr, &ts, sizeof(ts)))
		print_timespec(sc, ts.sec, ts.nsec);
}

void print_timeval_at(struct sc *sc, uint64_t addr)
{
	struct k_timeval tv;
	if (fetch_or_print_addr(sc, addr, &tv, sizeof(tv)))
		print_timeval(sc, tv.sec, tv.usec);
}

void print_itimerspec_at(struct sc *sc, uint64_t addr)
{
	struct k_timespec its[2];	/* it_interval, it_value */
	if (!fetch_or_print_addr(sc, addr, its, sizeof(its)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "it_interval");
	print_timespec(sc, its[0].sec, its[0].nsec);
	pr_field(sc->p, "it_value");
	print_timespec(sc, its[1].sec, its[1].nsec);
	pr_struct_end(sc->p);
}

void print_itimerval_at(struct sc *sc, uint64_t addr)
{
	struct k_timeval itv[2];	/* it_interval, it_value */
	if (!fetch_or_print_addr(sc, addr, itv, sizeof(itv)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "it_interval");
	print_timeval(sc, itv[0].sec, itv[0].usec);
	pr_field(sc->p, "it_value");
	print_timeval(sc, itv[1].sec, itv[1].usec);
	pr_struct_end(sc->p);
}

static const char *sprint_sec_frac_at(struct sc *sc, uint64_t addr, const char *frac_name,
				      char *buf, size_t n)
{
	struct k_timespec t;	/* timeval has the same layout on x86_64 */
	if (!addr)
		snprintf(buf, n, "NULL");
	else if (!peek_mem(sc, addr, &t, sizeof(t)))
		snprintf(buf, n, "%#" PRIx64, addr);
	else
		snprintf(buf, n, "{tv_sec=%" PRId64 ", %s=%" PRIu64 "}", t.sec, frac_name,
			 (uint64_t)t.nsec);
	return buf;
}

const char *sprint_timespec_at(struct sc *sc, uint64_t addr, char *buf, size_t n)
{
	return sprint_sec_frac_at(sc, addr, "tv_nsec", buf, n);
}

const char *sprint_timeval_at(struct sc *sc, uint64_t addr, char *buf, size_t n)
{
	return sprint_sec_frac_at(sc, addr, "tv_usec", buf, n);
}

STATIC_XLAT(clock_names,
	{ 0, "CLOCK_REALTIME" }, { 1, "CLOCK_MONOTONIC" }, { 2, "CLOCK_PROCESS_CPUTIME_ID" },
	{ 3, "CLOCK_THREAD_CPUTIME_ID" }, { 4, "CLOCK_MONOTONIC_RAW" },
	{ 5, "CLOCK_REALTIME_COARSE" }, { 6, "CLOCK_MONOTONIC_COARSE" },
	{ 7, "CLOCK_BOOTTIME" }, { 8, "CLOCK_REALTIME_ALARM" }, { 9, "CLOCK_BOOTTIME_ALARM" },
	{ 10, "CLOCK_SGI_CYCLE" }, { 11, "CLOCK_TAI" });

void print_clockid(struct sc *sc, int clockid)
{
	/* An unknown id, dynamic ones included, prints as a 32-bit hex value. */
	pr_xval(sc->p, &clock_names, (uint32_t)clockid, "CLOCK_???");
}
