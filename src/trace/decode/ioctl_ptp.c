/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the PTP hardware clock requests of linux/ptp_clock.h (type '='). Reserved words
 * print only when something is set in them; clock times of the real-time clock get the
 * date in a comment.
 */
#include <string.h>
#include <sys/ioctl.h>
#include <linux/ptp_clock.h>

#include "trace/decode/ioctl_table.h"
#include "trace/decode/xlat_file.h"

STATIC_XLAT(ptp_extts_flags,
	XLAT_PAIR(PTP_ENABLE_FEATURE), XLAT_PAIR(PTP_RISING_EDGE), XLAT_PAIR(PTP_FALLING_EDGE),
	XLAT_PAIR(PTP_STRICT_FLAGS));
STATIC_XLAT(ptp_perout_flags,
	XLAT_PAIR(PTP_PEROUT_ONE_SHOT), XLAT_PAIR(PTP_PEROUT_DUTY_CYCLE),
	XLAT_PAIR(PTP_PEROUT_PHASE));
STATIC_XLAT(ptp_pin_funcs,
	XLAT_PAIR(PTP_PF_NONE), XLAT_PAIR(PTP_PF_EXTTS), XLAT_PAIR(PTP_PF_PEROUT),
	XLAT_PAIR(PTP_PF_PHYSYNC));

IOC_STRUCT_OF(ptp_clock_caps_desc, struct ptp_clock_caps,
	IOC_F(struct ptp_clock_caps, max_adj, IOC_D),
	IOC_F(struct ptp_clock_caps, n_alarm, IOC_D),
	IOC_F(struct ptp_clock_caps, n_ext_ts, IOC_D),
	IOC_F(struct ptp_clock_caps, n_per_out, IOC_D),
	IOC_F(struct ptp_clock_caps, pps, IOC_D),
	IOC_F(struct ptp_clock_caps, n_pins, IOC_D),
	IOC_F(struct ptp_clock_caps, cross_timestamping, IOC_D),
	IOC_F(struct ptp_clock_caps, adjust_phase, IOC_D));

/* Reserved words (int or unsigned int): printed only when one is set. */
static void print_rsv(struct sc *sc, const void *words, size_t n)
{
	uint32_t rsv[12];
	memcpy(rsv, words, n * sizeof(rsv[0]));
	for (size_t i = 0; i < n; i++) {
		if (!rsv[i])
			continue;
		pr_field(sc->p, "rsv");
		pr_array_begin(sc->p);
		for (i = 0; i < n; i++)
			pr_hex(sc->p, rsv[i]);
		pr_array_end(sc->p);
		return;
	}
}

#define PRINT_RSV(sc, s) print_rsv((sc), (s).rsv, sizeof((s).rsv) / sizeof((s).rsv[0]))

/* {sec=..., nsec=...}, the date in a comment when it is a CLOCK_REALTIME time (RTC). */
static void print_clock_time(struct sc *sc, const struct ptp_clock_time *t, bool rtc)
{
	struct pr *p = sc->p;
	char when[96];

	pr_struct_begin(p);
	pr_field(p, "sec");
	pr_int(p, t->sec);
	pr_field(p, "nsec");
	pr_uint(p, t->nsec);
	if (t->reserved) {
		pr_field(p, "reserved");
		pr_hex(p, t->reserved);
	}
	pr_struct_end(p);
	if (rtc && p->xlat_style != PR_XLAT_RAW &&
	    sprint_time_comment(when, sizeof(when), t->sec, t->nsec, 999999999, 9))
		pr_comment(p, "%s", when);
}

static void print_clock_time_field(struct sc *sc, const char *name,
				   const struct ptp_clock_time *t, bool rtc)
{
	pr_field(sc->p, name);
	print_clock_time(sc, t, rtc);
}

static int caps_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct ptp_clock_caps caps;
	if (!sc->exiting)
		return IOC_LATER;
	if (fetch_or_print_addr(sc, arg, &caps, sizeof(caps))) {
		pr_struct_begin(sc->p);
		ioc_print_fields(sc, &ptp_clock_caps_desc, &caps);
		PRINT_RSV(sc, caps);
		pr_struct_end(sc->p);
	}
	return IOC_ARG_DONE;
}

static int extts_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct ptp_extts_request r;
	if (!fetch_or_print_addr(sc, arg, &r, sizeof(r)))
		return IOC_ARG_DONE;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "index");
	pr_uint(sc->p, r.index);
	pr_field(sc->p, "flags");
	pr_flags(sc->p, &ptp_extts_flags, r.flags, "PTP_???");
	if (code == PTP_EXTTS_REQUEST2)
		PRINT_RSV(sc, r);
	pr_struct_end(sc->p);
	return IOC_ARG_DONE;
}

static int perout_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct ptp_perout_request r;
	if (!fetch_or_print_addr(sc, arg, &r, sizeof(r)))
		return IOC_ARG_DONE;
	pr_struct_begin(sc->p);
	if (r.flags & PTP_PEROUT_PHASE)
		print_clock_time_field(sc, "phase", &r.phase, false);
	else
		print_clock_time_field(sc, "start", &r.start, true);
	print_clock_time_field(sc, "period", &r.period, false);
	pr_field(sc->p, "index");
	pr_uint(sc->p, r.index);
	pr_field(sc->p, "flags");
	pr_flags(sc->p, &ptp_perout_flags, r.flags, "PTP_PEROUT_???");
	if (r.flags & PTP_PEROUT_DUTY_CYCLE)
		print_clock_time_field(sc, "on", &r.on, false);
	else if (code == PTP_PEROUT_REQUEST2)
		PRINT_RSV(sc, r);
	pr_struct_end(sc->p);
	return IOC_ARG_DONE;
}

/*
 * PTP_SYS_OFFSET(_EXTENDED): n_samples at entry, the struct left open; at exit the samples
 * the kernel wrote (2n + 1 times, or n triples), "???" when they cannot be read.
 */
static int sys_offset_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct ptp_sys_offset_extended ext;
	struct ptp_sys_offset so;
	struct pr *p = sc->p;
	bool extended = code == PTP_SYS_OFFSET_EXTENDED || code == PTP_SYS_OFFSET_EXTENDED2;

	if (!sc->exiting) {
		/* The whole struct is read at entry: one that is not all readable is an address. */
		bool read = extended ? fetch_or_print_addr(sc, arg, &ext, sizeof(ext))
				     : fetch_or_print_addr(sc, arg, &so, sizeof(so));
		if (!read)
			return IOC_ARG_DONE;
		if (extended)
			memcpy(&so, &ext, sizeof(so.n_samples) + sizeof(so.rsv));
		pr_struct_begin(p);
		pr_field(p, "n_samples");
		pr_uint(p, so.n_samples);
		PRINT_RSV(sc, so);
		return IOC_LATER;
	}
	if (!sc_failed(sc)) {
		bool ok = extended ? umove(sc, arg, &ext, sizeof(ext)) == 0
				   : umove(sc, arg, &so, sizeof(so)) == 0;
		pr_field(p, "ts");
		if (!ok) {
			pr_text(p, "???");
		} else {
			unsigned n = extended ? ext.n_samples : so.n_samples;
			n = n < PTP_MAX_SAMPLES ? n : PTP_MAX_SAMPLES;
			unsigned count = extended ? n : 2 * n + 1;
			pr_array_begin(p);
			for (unsigned i = 0; i < count; i++) {
				if (array_more_at(sc, i))
					break;
				if (!extended) {
					print_clock_time(sc, &so.ts[i], true);
					continue;
				}
				pr_array_begin(p);
				for (unsigned j = 0; j < 3; j++)
					print_clock_time(sc, &ext.ts[i][j], true);
				pr_array_end(p);
			}
			pr_array_end(p);
		}
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/*
 * PTP_PIN_GETFUNC: the index at entry, the pin's name, function and channel at exit;
 * PTP_PIN_SETFUNC: all of it at entry.
 */
static int pin_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct ptp_pin_desc pin;
	struct pr *p = sc->p;
	bool get = code == PTP_PIN_GETFUNC || code == PTP_PIN_GETFUNC2;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &pin, sizeof(pin)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "index");
		pr_uint(p, pin.index);
		if (code == PTP_PIN_GETFUNC2)
			PRINT_RSV(sc, pin);
		if (get)
			return IOC_LATER;
	} else {
		if (sc_failed(sc)) {
			pr_struct_end(p);
			return IOC_ARG_DONE;
		}
		if (umove(sc, arg, &pin, sizeof(pin))) {
			pr_item(p);
			pr_raw(p, "???");
			pr_struct_end(p);
			return IOC_ARG_DONE;
		}
		pr_field(p, "name");
		ioc_print_cstr(p, pin.name, sizeof(pin.name));
	}
	pr_field(p, "func");
	pr_xval(p, &ptp_pin_funcs, pin.func, "PTP_PF_???");
	pr_field(p, "chan");
	pr_uint(p, pin.chan);
	if (code == PTP_PIN_SETFUNC2)
		PRINT_RSV(sc, pin);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

static int precise_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct ptp_sys_offset_precise so;
	if (!sc->exiting)
		return IOC_LATER;
	if (!fetch_or_print_addr(sc, arg, &so, sizeof(so)))
		return IOC_ARG_DONE;
	pr_struct_begin(sc->p);
	print_clock_time_field(sc, "device", &so.device, true);
	print_clock_time_field(sc, "sys_realtime", &so.sys_realtime, true);
	print_clock_time_field(sc, "sys_monoraw", &so.sys_monoraw, false);
	PRINT_RSV(sc, so);
	pr_struct_end(sc->p);
	return IOC_ARG_DONE;
}

IOC_FAMILY(ptp_family,
	IOC_C_FN(PTP_CLOCK_GETCAPS, caps_ioctl),
	IOC_C_FN(PTP_CLOCK_GETCAPS2, caps_ioctl),
	IOC_C_FN(PTP_EXTTS_REQUEST, extts_ioctl),
	IOC_C_FN(PTP_EXTTS_REQUEST2, extts_ioctl),
	IOC_C_FN(PTP_PEROUT_REQUEST, perout_ioctl),
	IOC_C_FN(PTP_PEROUT_REQUEST2, perout_ioctl),
	IOC_C_VAL(PTP_ENABLE_PPS, IOC_X, sizeof(long)),
	IOC_C_VAL(PTP_ENABLE_PPS2, IOC_X, sizeof(long)),
	IOC_C_FN(PTP_SYS_OFFSET, sys_offset_ioctl),
	IOC_C_FN(PTP_SYS_OFFSET2, sys_offset_ioctl),
	IOC_C_FN(PTP_SYS_OFFSET_EXTENDED, sys_offset_ioctl),
	IOC_C_FN(PTP_SYS_OFFSET_EXTENDED2, sys_offset_ioctl),
	IOC_C_FN(PTP_PIN_GETFUNC, pin_ioctl),
	IOC_C_FN(PTP_PIN_GETFUNC2, pin_ioctl),
	IOC_C_FN(PTP_PIN_SETFUNC, pin_ioctl),
	IOC_C_FN(PTP_PIN_SETFUNC2, pin_ioctl),
	IOC_C_FN(PTP_SYS_OFFSET_PRECISE, precise_ioctl),
	IOC_C_FN(PTP_SYS_OFFSET_PRECISE2, precise_ioctl));

int ptp_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &ptp_family, code, arg);
}
