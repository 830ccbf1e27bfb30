/* SPDX-License-Identifier: Apache-2.0 */
/* Decoders of the clock, sleep and timer syscalls. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/misc_impl.h"
#include "trace/decode/xlat_file.h"

STATIC_XLAT(clock_flags, { 1, "TIMER_ABSTIME" });

STATIC_XLAT(itimer_which, { 0, "ITIMER_REAL" }, { 1, "ITIMER_VIRTUAL" }, { 2, "ITIMER_PROF" });

STATIC_XLAT(sigev_notify_names,
	{ 0, "SIGEV_SIGNAL" }, { 1, "SIGEV_NONE" }, { 2, "SIGEV_THREAD" },
	{ 4, "SIGEV_THREAD_ID" });

/* ---- struct printers ---- */

/* The remainder of an interrupted sleep: the kernel fills it only on a restart code. */
static void print_sleep_remainder(struct sc *sc, uint64_t addr, bool filled)
{
	if (filled)
		print_input_timespec_at(sc, addr);
	else
		print_addr(sc, addr);
}

static void print_timezone_at(struct sc *sc, uint64_t addr)
{
	int32_t tz[2];
	if (!fetch_or_print_addr(sc, addr, tz, sizeof(tz)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "tz_minuteswest");
	pr_int(sc->p, tz[0]);
	pr_field(sc->p, "tz_dsttime");
	pr_int(sc->p, tz[1]);
	pr_struct_end(sc->p);
}

/* ---- clocks ---- */

/* clock_gettime and clock_getres: the clock at entry, the time at exit. */
int decode_clock_gettime(struct sc *sc)
{
	if (!sc->exiting) {
		print_clockid(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_timespec_at(sc, sc->arg[1]);
	return RV_DEC;
}

int decode_clock_settime(struct sc *sc)
{
	print_clockid(sc, (int)sc->arg[0]);
	print_timespec_at(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_clock_nanosleep(struct sc *sc)
{
	if (!sc->exiting) {
		print_clockid(sc, (int)sc->arg[0]);
		pr_flags(sc->p, &clock_flags, (uint32_t)sc->arg[1], "TIMER_???");
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
	if (fetch_or_print_addr(sc, sc->arg[0], &t, sizeof(t))) {
		pr_array_begin(sc->p);
		pr_int(sc->p, t);
		if (sprint_time_comment(when, sizeof(when), t, 0, 0, 0))
			pr_comment(sc->p, "%s", when);
		pr_array_end(sc->p);
	}
	if (!sc->err && sprint_time_comment(sc->aux, sizeof(sc->aux), sc->rval, 0, 0, 0))
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

void print_sigevent_at(struct sc *sc, uint64_t addr)
{
	struct k_sigevent ev;
	struct pr *p = sc->p;

	if (!fetch_or_print_addr(sc, addr, &ev, sizeof(ev)))
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
		print_clockid(sc, (int)sc->arg[0]);
		print_sigevent_at(sc, sc->arg[1]);
		return DEC_AT_EXIT;
	}
	print_int_at(sc, sc->arg[2]);
	return RV_DEC;
}

int decode_timer_settime(struct sc *sc)
{
	if (!sc->exiting) {
		pr_int(sc->p, (int)sc->arg[0]);
		pr_flags(sc->p, &clock_flags, (uint32_t)sc->arg[1], "TIMER_???");
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

int decode_times(struct sc *sc)
{
	uint64_t t[4];
	static const char *const names[] = { "tms_utime", "tms_stime", "tms_cutime",
					     "tms_cstime" };
	if (!sc->exiting)
		return DEC_AT_EXIT;
	if (fetch_or_print_addr(sc, sc->arg[0], t, sizeof(t))) {
		pr_struct_begin(sc->p);
		for (int i = 0; i < 4; i++) {
			pr_field(sc->p, names[i]);
			print_clock_t(sc->p, t[i]);
		}
		pr_struct_end(sc->p);
	}
	return RV_DEC;
}
