/* Decoders of the clock, sleep and timer syscalls, and the timespec/timeval printers. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/misc_impl.h"

/* The x86_64 kernel layouts: every field is 64 bits wide. */
struct k_timespec {
	int64_t sec;
	int64_t nsec;
};

struct k_timeval {
	int64_t sec;
	int64_t usec;
};

MISC_XLAT(clock_names,
	{ 0, "CLOCK_REALTIME" }, { 1, "CLOCK_MONOTONIC" }, { 2, "CLOCK_PROCESS_CPUTIME_ID" },
	{ 3, "CLOCK_THREAD_CPUTIME_ID" }, { 4, "CLOCK_MONOTONIC_RAW" },
	{ 5, "CLOCK_REALTIME_COARSE" }, { 6, "CLOCK_MONOTONIC_COARSE" },
	{ 7, "CLOCK_BOOTTIME" }, { 8, "CLOCK_REALTIME_ALARM" }, { 9, "CLOCK_BOOTTIME_ALARM" },
	{ 10, "CLOCK_SGI_CYCLE" }, { 11, "CLOCK_TAI" });

MISC_XLAT(clock_flags, { 1, "TIMER_ABSTIME" });

MISC_XLAT(itimer_which, { 0, "ITIMER_REAL" }, { 1, "ITIMER_VIRTUAL" }, { 2, "ITIMER_PROF" });

MISC_XLAT(sigev_notify_names,
	{ 0, "SIGEV_SIGNAL" }, { 1, "SIGEV_NONE" }, { 2, "SIGEV_THREAD" },
	{ 4, "SIGEV_THREAD_ID" });

/* ---- struct printers ---- */

void misc_print_timespec(struct sc *sc, int64_t sec, int64_t nsec)
{
	pr_struct_begin(sc->p);
	pr_field(sc->p, "tv_sec");
	pr_int(sc->p, sec);
	pr_field(sc->p, "tv_nsec");
	pr_uint(sc->p, (uint64_t)nsec);
	pr_struct_end(sc->p);
}

void misc_print_timeval(struct sc *sc, int64_t sec, int64_t usec)
{
	pr_struct_begin(sc->p);
	pr_field(sc->p, "tv_sec");
	pr_int(sc->p, sec);
	pr_field(sc->p, "tv_usec");
	pr_uint(sc->p, (uint64_t)usec);
	pr_struct_end(sc->p);
}

void print_timespec_at(struct sc *sc, uint64_t addr)
{
	struct k_timespec ts;
	if (misc_fetch(sc, addr, &ts, sizeof(ts)))
		misc_print_timespec(sc, ts.sec, ts.nsec);
}

void print_timeval_at(struct sc *sc, uint64_t addr)
{
	struct k_timeval tv;
	if (misc_fetch(sc, addr, &tv, sizeof(tv)))
		misc_print_timeval(sc, tv.sec, tv.usec);
}

/* The remainder of an interrupted sleep: the kernel fills it only on a restart code. */
static void print_sleep_remainder(struct sc *sc, uint64_t addr, bool filled)
{
	struct k_timespec ts;
	if (!filled) {
		print_addr(sc, addr);
		return;
	}
	if (misc_fetch_any(sc, addr, &ts, sizeof(ts)))
		misc_print_timespec(sc, ts.sec, ts.nsec);
}

/* struct itimerspec: two timespecs. */
static void print_itimerspec_at(struct sc *sc, uint64_t addr)
{
	struct k_timespec its[2];
	if (!misc_fetch(sc, addr, its, sizeof(its)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "it_interval");
	misc_print_timespec(sc, its[0].sec, its[0].nsec);
	pr_field(sc->p, "it_value");
	misc_print_timespec(sc, its[1].sec, its[1].nsec);
	pr_struct_end(sc->p);
}

/* struct itimerval: two timevals. */
static void print_itimerval_at(struct sc *sc, uint64_t addr)
{
	struct k_timeval itv[2];
	if (!misc_fetch(sc, addr, itv, sizeof(itv)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "it_interval");
	misc_print_timeval(sc, itv[0].sec, itv[0].usec);
	pr_field(sc->p, "it_value");
	misc_print_timeval(sc, itv[1].sec, itv[1].usec);
	pr_struct_end(sc->p);
}

static void print_timezone_at(struct sc *sc, uint64_t addr)
{
	int32_t tz[2];
	if (!misc_fetch(sc, addr, tz, sizeof(tz)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "tz_minuteswest");
	pr_int(sc->p, tz[0]);
	pr_field(sc->p, "tz_dsttime");
	pr_int(sc->p, tz[1]);
	pr_struct_end(sc->p);
}

/*
 * Seconds since the epoch as local time, "2026-11-23T22:05:32.123456+0000" with FRAC
 * of WIDTH digits when non-zero. Nothing for the epoch itself or an invalid fraction.
 */
bool misc_format_time(char *buf, size_t n, int64_t sec, uint64_t frac, uint64_t max_frac,
		      int width)
{
	if ((sec == 0 && frac == 0) || frac > max_frac)
		return false;
	time_t t = (time_t)sec;
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return false;
	size_t len = strftime(buf, n, "%FT%T", &tm);
	if (!len)
		return false;
	if (frac)
		len += (size_t)snprintf(buf + len, n - len, ".%0*" PRIu64, width, frac);
	return len < n && strftime(buf + len, n - len, "%z", &tm) != 0;
}

void misc_print_clockid(struct sc *sc, int clockid)
{
	pr_xval(sc->p, &clock_names, (uint32_t)clockid, "CLOCK_???");
}

/* ---- clocks ---- */

/* clock_gettime and clock_getres: the clock at entry, the time at exit. */
int decode_clock_gettime(struct sc *sc)
{
	if (!sc->exiting) {
		misc_print_clockid(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_timespec_at(sc, sc->arg[1]);
	return RV_DEC;
}

int decode_clock_settime(struct sc *sc)
{
	misc_print_clockid(sc, (int)sc->arg[0]);
	print_timespec_at(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_clock_nanosleep(struct sc *sc)
{
	if (!sc->exiting) {
		misc_print_clockid(sc, (int)sc->arg[0]);
		misc_print_flags(sc, &clock_flags, (uint32_t)sc->arg[1], "TIMER_???");
		print_timespec_at(sc, sc->arg[2]);
		return DEC_AT_EXIT;
	}
	/* An absolute sleep has no remainder. */
	print_sleep_remainder(sc, sc->arg[3], !sc->arg[1] && misc_is_erestart(sc));
	return RV_DEC;
}

int decode_nanosleep(struct sc *sc)
{
	if (!sc->exiting) {
		print_timespec_at(sc, sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_sleep_remainder(sc, sc->arg[1], misc_is_erestart(sc));
	return RV_DEC;
}

int decode_gettimeofday(struct sc *sc)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	print_timeval_at(sc, sc->arg[0]);
	print_timezone_at(sc, sc->arg[1]);
	return RV_DEC;
}

int decode_settimeofday(struct sc *sc)
{
	print_timeval_at(sc, sc->arg[0]);
	print_timezone_at(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

/* time(&t) = 1795471532 (2026-11-23T22:05:32+0000) */
int decode_time(struct sc *sc)
{
	int64_t t;
	char when[64];

	if (!sc->exiting)
		return DEC_AT_EXIT;
	if (misc_fetch(sc, sc->arg[0], &t, sizeof(t))) {
		pr_array_begin(sc->p);
		pr_int(sc->p, t);
		if (misc_format_time(when, sizeof(when), t, 0, 0, 0))
			pr_comment(sc->p, "%s", when);
		pr_array_end(sc->p);
	}
	if (!sc->err && misc_format_time(sc->aux, sizeof(sc->aux), sc->rval, 0, 0, 0))
		return RV_DEC | RV_AUX;
	return RV_DEC;
}

/* alarm(seconds): an unsigned int. */
int decode_alarm(struct sc *sc)
{
	pr_uint(sc->p, (uint32_t)sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

/* ---- interval timers ---- */

int decode_getitimer(struct sc *sc)
{
	if (!sc->exiting) {
		pr_xval(sc->p, &itimer_which, (uint32_t)sc->arg[0], "ITIMER_???");
		return DEC_AT_EXIT;
	}
	print_itimerval_at(sc, sc->arg[1]);
	return RV_DEC;
}

int decode_setitimer(struct sc *sc)
{
	if (!sc->exiting) {
		pr_xval(sc->p, &itimer_which, (uint32_t)sc->arg[0], "ITIMER_???");
		print_itimerval_at(sc, sc->arg[1]);
		return DEC_AT_EXIT;
	}
	print_itimerval_at(sc, sc->arg[2]);
	return RV_DEC;
}

/* ---- POSIX timers ---- */

/* The kernel's struct sigevent as far as it is read (32 bytes on x86_64). */
struct k_sigevent {
	uint64_t value;
	int32_t signo;
	int32_t notify;
	union {
		int32_t tid;
		struct {
			uint64_t function;
			uint64_t attribute;
		} thread;
	} un;
};

enum { SIGEV_SIGNAL_ = 0, SIGEV_THREAD_ = 2, SIGEV_THREAD_ID_ = 4 };

static void print_sigevent_at(struct sc *sc, uint64_t addr)
{
	struct k_sigevent ev;
	struct pr *p = sc->p;

	if (!misc_fetch(sc, addr, &ev, sizeof(ev)))
		return;
	pr_struct_begin(p);
	if (ev.value) {
		pr_field(p, "sigev_value");
		pr_struct_begin(p);
		pr_field(p, "sival_int");
		pr_int(p, (int32_t)ev.value);
		pr_field(p, "sival_ptr");
		pr_ptr(p, ev.value);
		pr_struct_end(p);
	}
	pr_field(p, "sigev_signo");
	const char *sig = signal_name(ev.signo);
	switch (ev.notify) {
	case SIGEV_SIGNAL_:
	case SIGEV_THREAD_:
	case SIGEV_THREAD_ID_:
		if (sig && p->xlat_style == PR_XLAT_ABBREV)
			pr_text(p, sig);
		else
			pr_int(p, ev.signo);
		if (sig && p->xlat_style == PR_XLAT_VERBOSE)
			pr_comment(p, "%s", sig);
		break;
	default:
		pr_uint(p, (uint32_t)ev.signo);
		break;
	}
	pr_field(p, "sigev_notify");
	pr_xval(p, &sigev_notify_names, (uint32_t)ev.notify, "SIGEV_???");
	if (ev.notify == SIGEV_THREAD_ID_) {
		pr_field(p, "sigev_notify_thread_id");
		pr_int(p, ev.un.tid);
	} else if (ev.notify == SIGEV_THREAD_) {
		pr_field(p, "sigev_notify_function");
		pr_ptr(p, ev.un.thread.function);
		pr_field(p, "sigev_notify_attributes");
		pr_ptr(p, ev.un.thread.attribute);
	}
	pr_struct_end(p);
}

int decode_timer_create(struct sc *sc)
{
	if (!sc->exiting) {
		misc_print_clockid(sc, (int)sc->arg[0]);
		print_sigevent_at(sc, sc->arg[1]);
		return DEC_AT_EXIT;
	}
	misc_print_int_at(sc, sc->arg[2], false);
	return RV_DEC;
}

int decode_timer_settime(struct sc *sc)
{
	if (!sc->exiting) {
		pr_int(sc->p, (int)sc->arg[0]);
		misc_print_flags(sc, &clock_flags, (uint32_t)sc->arg[1], "TIMER_???");
		print_itimerspec_at(sc, sc->arg[2]);
		return DEC_AT_EXIT;
	}
	print_itimerspec_at(sc, sc->arg[3]);
	return RV_DEC;
}

int decode_timer_gettime(struct sc *sc)
{
	if (!sc->exiting) {
		pr_int(sc->p, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_itimerspec_at(sc, sc->arg[1]);
	return RV_DEC;
}

/* timer_delete and timer_getoverrun: the timer id as an int. */
int decode_timer_id(struct sc *sc)
{
	pr_int(sc->p, (int)sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

/* ---- times ---- */

/* Clock ticks, with seconds in a comment: "5 / * 0.05 s * /". */
static void print_clock_t(struct sc *sc, uint64_t ticks)
{
	static long hz;
	if (!hz)
		hz = sysconf(_SC_CLK_TCK);
	pr_uint(sc->p, ticks);
	if (sc->p->xlat_style == PR_XLAT_RAW || hz <= 0 || !ticks)
		return;
	int width = 0;
	for (long h = hz; h >= 10; h /= 10)
		width++;
	char frac[32];
	snprintf(frac, sizeof(frac), "%.*f", width, (double)(ticks % (uint64_t)hz) / (double)hz);
	const char *dot = strchr(frac, '.');
	pr_comment(sc->p, "%" PRIu64 "%s s", ticks / (uint64_t)hz, dot ? dot : "");
}

int decode_times(struct sc *sc)
{
	uint64_t t[4];
	static const char *const names[] = { "tms_utime", "tms_stime", "tms_cutime",
					     "tms_cstime" };
	if (!sc->exiting)
		return DEC_AT_EXIT;
	if (misc_fetch(sc, sc->arg[0], t, sizeof(t))) {
		pr_struct_begin(sc->p);
		for (int i = 0; i < 4; i++) {
			pr_field(sc->p, names[i]);
			print_clock_t(sc, t[i]);
		}
		pr_struct_end(sc->p);
	}
	return RV_DEC;
}
