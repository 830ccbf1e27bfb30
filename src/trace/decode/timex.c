/* SPDX-License-Identifier: Apache-2.0 */
/* Clock tuning: adjtimex and clock_adjtime with their struct timex (linux/timex.h). */
#include <stdio.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"

STATIC_XLAT(adjtimex_modes,
	{ 0xa001, "ADJ_OFFSET_SS_READ" }, { 0x8001, "ADJ_OFFSET_SINGLESHOT" },
	{ 0x0001, "ADJ_OFFSET" }, { 0x0002, "ADJ_FREQUENCY" }, { 0x0004, "ADJ_MAXERROR" },
	{ 0x0008, "ADJ_ESTERROR" }, { 0x0010, "ADJ_STATUS" }, { 0x0020, "ADJ_TIMECONST" },
	{ 0x0080, "ADJ_TAI" }, { 0x0100, "ADJ_SETOFFSET" }, { 0x1000, "ADJ_MICRO" },
	{ 0x2000, "ADJ_NANO" }, { 0x4000, "ADJ_TICK" });
STATIC_XLAT(adjtimex_status,
	{ 0x0001, "STA_PLL" }, { 0x0002, "STA_PPSFREQ" }, { 0x0004, "STA_PPSTIME" },
	{ 0x0008, "STA_FLL" }, { 0x0010, "STA_INS" }, { 0x0020, "STA_DEL" },
	{ 0x0040, "STA_UNSYNC" }, { 0x0080, "STA_FREQHOLD" }, { 0x0100, "STA_PPSSIGNAL" },
	{ 0x0200, "STA_PPSJITTER" }, { 0x0400, "STA_PPSWANDER" }, { 0x0800, "STA_PPSERROR" },
	{ 0x1000, "STA_CLOCKERR" }, { 0x2000, "STA_NANO" }, { 0x4000, "STA_MODE" },
	{ 0x8000, "STA_CLK" });
/* The clock state adjtimex returns. */
STATIC_XLAT(adjtimex_state,
	{ 0, "TIME_OK" }, { 1, "TIME_INS" }, { 2, "TIME_DEL" }, { 3, "TIME_OOP" },
	{ 4, "TIME_WAIT" }, { 5, "TIME_ERROR" });

/* struct __kernel_timex on x86_64: 208 bytes, the ints padded to 8 where a long follows. */
struct k_timex {
	uint32_t modes;
	int64_t offset, freq, maxerror, esterror;
	int32_t status;
	int64_t constant, precision, tolerance;
	int64_t tv_sec, tv_usec;
	int64_t tick, ppsfreq, jitter;
	int32_t shift;
	int64_t stabil, jitcnt, calcnt, errcnt, stbcnt;
	int32_t tai;
	int32_t reserved[11];
};

static void field_d(struct pr *p, const char *name, int64_t v)
{
	pr_field(p, name);
	pr_int(p, v);
}

/* The struct at exit (the kernel fills it in): false if only its address was printed. */
static bool print_timex_at(struct sc *sc, uint64_t addr)
{
	struct k_timex tx;
	struct pr *p = sc->p;
	if (!fetch_or_print_addr(sc, addr, &tx, sizeof(tx)))
		return false;
	pr_struct_begin(p);
	pr_field(p, "modes");
	pr_flags(p, &adjtimex_modes, tx.modes, "ADJ_???");
	field_d(p, "offset", tx.offset);
	field_d(p, "freq", tx.freq);
	field_d(p, "maxerror", tx.maxerror);
	field_d(p, "esterror", tx.esterror);
	pr_field(p, "status");
	pr_flags(p, &adjtimex_status, (uint32_t)tx.status, "STA_???");
	field_d(p, "constant", tx.constant);
	field_d(p, "precision", tx.precision);
	field_d(p, "tolerance", tx.tolerance);
	pr_field(p, "time");
	pr_struct_begin(p);
	field_d(p, "tv_sec", tx.tv_sec);
	pr_field(p, "tv_usec");
	pr_uint(p, (uint64_t)tx.tv_usec);
	pr_struct_end(p);
	field_d(p, "tick", tx.tick);
	field_d(p, "ppsfreq", tx.ppsfreq);
	field_d(p, "jitter", tx.jitter);
	field_d(p, "shift", tx.shift);
	field_d(p, "stabil", tx.stabil);
	field_d(p, "jitcnt", tx.jitcnt);
	field_d(p, "calcnt", tx.calcnt);
	field_d(p, "errcnt", tx.errcnt);
	field_d(p, "stbcnt", tx.stbcnt);
	field_d(p, "tai", tx.tai);
	pr_struct_end(p);
	return true;
}

/* The result names the clock state: "= 5 (TIME_ERROR)". */
static int timex_result(struct sc *sc, uint64_t addr)
{
	if (!print_timex_at(sc, addr))
		return RV_DEC;
	const char *state = xlat_lookup(&adjtimex_state, (uint64_t)sc->rval);
	if (!state)
		return RV_DEC;
	snprintf(sc->aux, sizeof(sc->aux), "%s", state);
	return RV_DEC | RV_AUX;
}

int decode_adjtimex(struct sc *sc)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	return timex_result(sc, sc->arg[0]);
}

int decode_clock_adjtime(struct sc *sc)
{
	if (!sc->exiting) {
		print_clockid(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	return timex_result(sc, sc->arg[1]);
}
