/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the input event device requests of linux/input.h (type 'E'). A read request
 * prints what the kernel wrote at exit; a write request what it reads at entry.
 */
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/input.h>

#include "trace/decode/ioctl_evdev.h"
#include "trace/decode/ioctl_table.h"

IOC_STRUCT_OF(input_id_desc, struct input_id,
	IOC_F(struct input_id, bustype, IOC_U),
	IOC_F(struct input_id, vendor, IOC_U),
	IOC_F(struct input_id, product, IOC_U),
	IOC_F(struct input_id, version, IOC_U));

IOC_STRUCT_OF(input_keymap_entry_desc, struct input_keymap_entry,
	IOC_F(struct input_keymap_entry, flags, IOC_U),
	IOC_F(struct input_keymap_entry, len, IOC_U),
	IOC_VERBOSE_ONLY,
	IOC_F(struct input_keymap_entry, index, IOC_U),
	IOC_FX(struct input_keymap_entry, keycode, IOC_XVAL, evdev_keycode, "KEY_???"),
	IOC_FA(struct input_keymap_entry, scancode, IOC_X));

/* struct input_absinfo up to flat, the size of its first version; resolution came later. */
IOC_STRUCT_OF(input_absinfo_desc, struct input_absinfo,
	IOC_F(struct input_absinfo, value, IOC_U),
	IOC_F(struct input_absinfo, minimum, IOC_U),
	IOC_VERBOSE_ONLY,
	IOC_F(struct input_absinfo, maximum, IOC_U),
	IOC_F(struct input_absinfo, fuzz, IOC_U),
	IOC_F(struct input_absinfo, flat, IOC_U));

#define ABSINFO_V0_SIZE offsetof(struct input_absinfo, resolution)

/* struct ff_effect: the common part, then the member of the union its type selects. */
IOC_STRUCT_OF(ff_trigger_desc, struct ff_trigger,
	IOC_F(struct ff_trigger, button, IOC_U),
	IOC_F(struct ff_trigger, interval, IOC_U));
IOC_STRUCT_OF(ff_replay_desc, struct ff_replay,
	IOC_F(struct ff_replay, length, IOC_U),
	IOC_F(struct ff_replay, delay, IOC_U));
IOC_STRUCT_OF(ff_envelope_desc, struct ff_envelope,
	IOC_F(struct ff_envelope, attack_length, IOC_U),
	IOC_F(struct ff_envelope, attack_level, IOC_U),
	IOC_F(struct ff_envelope, fade_length, IOC_U),
	IOC_F(struct ff_envelope, fade_level, IOC_X));
IOC_STRUCT_OF(ff_effect_desc, struct ff_effect,
	IOC_FX(struct ff_effect, type, IOC_XVAL, evdev_ff_types, "FF_???"),
	IOC_F(struct ff_effect, id, IOC_D),
	IOC_F(struct ff_effect, direction, IOC_U),
	IOC_VERBOSE_ONLY,
	IOC_FN(struct ff_effect, trigger, ff_trigger_desc),
	IOC_FN(struct ff_effect, replay, ff_replay_desc));
IOC_STRUCT_OF(ff_constant_desc, struct ff_constant_effect,
	IOC_F(struct ff_constant_effect, level, IOC_D),
	IOC_FN(struct ff_constant_effect, envelope, ff_envelope_desc));
IOC_STRUCT_OF(ff_ramp_desc, struct ff_ramp_effect,
	IOC_F(struct ff_ramp_effect, start_level, IOC_D),
	IOC_F(struct ff_ramp_effect, end_level, IOC_D),
	IOC_FN(struct ff_ramp_effect, envelope, ff_envelope_desc));
IOC_STRUCT_OF(ff_periodic_desc, struct ff_periodic_effect,
	IOC_F(struct ff_periodic_effect, waveform, IOC_U),
	IOC_F(struct ff_periodic_effect, period, IOC_U),
	IOC_F(struct ff_periodic_effect, magnitude, IOC_D),
	IOC_F(struct ff_periodic_effect, offset, IOC_D),
	IOC_F(struct ff_periodic_effect, phase, IOC_U),
	IOC_FN(struct ff_periodic_effect, envelope, ff_envelope_desc),
	IOC_F(struct ff_periodic_effect, custom_len, IOC_U),
	IOC_F(struct ff_periodic_effect, custom_data, IOC_PTR));
IOC_STRUCT_OF(ff_rumble_desc, struct ff_rumble_effect,
	IOC_F(struct ff_rumble_effect, strong_magnitude, IOC_U),
	IOC_F(struct ff_rumble_effect, weak_magnitude, IOC_U));

static const struct {
	uint16_t type;
	const char *name;
	const struct ioc_struct *desc;
} ff_effect_kinds[] = {
	{ FF_CONSTANT, "constant", &ff_constant_desc },
	{ FF_RAMP, "ramp", &ff_ramp_desc },
	{ FF_PERIODIC, "periodic", &ff_periodic_desc },
	{ FF_RUMBLE, "rumble", &ff_rumble_desc },
};

static int ff_effect_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct ff_effect ffe;
	if (!fetch_or_print_addr(sc, arg, &ffe, sizeof(ffe)))
		return IOC_ARG_DONE;
	pr_struct_begin(sc->p);
	if (ioc_print_fields(sc, &ff_effect_desc, &ffe)) {
		for (size_t i = 0; i < sizeof(ff_effect_kinds) / sizeof(ff_effect_kinds[0]); i++) {
			if (ff_effect_kinds[i].type != ffe.type)
				continue;
			pr_field(sc->p, ff_effect_kinds[i].name);
			ioc_print_struct(sc, ff_effect_kinds[i].desc, &ffe.u);
		}
	}
	pr_struct_end(sc->p);
	return IOC_ARG_DONE;
}

/* EVIOC[GS]KEYCODE: [scancode, keycode]. */
static int keycode_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	uint32_t kc[2];
	if (sc->exiting || IOC_DIR(code) == IOC_DIR_WRITE) {
		if (fetch_or_print_addr(sc, arg, kc, sizeof(kc))) {
			pr_array_begin(sc->p);
			pr_uint(sc->p, kc[0]);
			pr_xval(sc->p, &evdev_keycode, kc[1], "KEY_???");
			pr_array_end(sc->p);
		}
		return IOC_ARG_DONE;
	}
	return IOC_LATER;
}

IOC_FAMILY(evdev_family,
	IOC_C_AT(EVIOCGVERSION, IOA_OUT, IOC_X, sizeof(int)),
	IOC_C_AT(EVIOCGEFFECTS, IOA_OUT, IOC_U, sizeof(int)),
	IOC_C_STRUCT(EVIOCGID, IOA_OUT, input_id_desc),
	IOC_C_TUPLE(EVIOCGREP, IOA_OUT, IOC_U, sizeof(int), 2),
	IOC_C_TUPLE(EVIOCSREP, IOA_IN, IOC_U, sizeof(int), 2),
	IOC_C_FN(EVIOCGKEYCODE, keycode_ioctl),
	IOC_C_FN(EVIOCSKEYCODE, keycode_ioctl),
	IOC_C_STRUCT(EVIOCGKEYCODE_V2, IOA_OUT, input_keymap_entry_desc),
	IOC_C_STRUCT(EVIOCSKEYCODE_V2, IOA_IN, input_keymap_entry_desc),
	IOC_C_VAL(EVIOCRMFF, IOC_D, sizeof(int)),
	IOC_C_VAL(EVIOCGRAB, IOC_U, sizeof(long)),
	IOC_C_VAL(EVIOCREVOKE, IOC_U, sizeof(long)),
	IOC_C_AT(EVIOCSCLOCKID, IOA_IN, IOC_U, sizeof(int)),
	IOC_C_FN(EVIOCSFF, ff_effect_ioctl));

/* EVIOC[GS]ABS(axis): struct input_absinfo of the size the request number says. */
static void abs_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct input_absinfo ai;
	size_t size = IOC_SIZE(code);
	if (size < ABSINFO_V0_SIZE) {
		print_addr(sc, arg);
		return;
	}
	if (!fetch_or_print_addr(sc, arg, &ai, size < sizeof(ai) ? size : sizeof(ai)))
		return;
	pr_struct_begin(sc->p);
	if (ioc_print_fields(sc, &input_absinfo_desc, &ai) && size > ABSINFO_V0_SIZE) {
		if (size >= sizeof(ai)) {
			pr_field(sc->p, "resolution");
			pr_uint(sc->p, (uint32_t)ai.resolution);
		}
		if (size != sizeof(ai))
			pr_more(sc->p);
	}
	pr_struct_end(sc->p);
}

/*
 * A bitmap the kernel wrote: the names of its set bits, [KEY_1 KEY_2], the first four
 * unless -v; -X raw prints its words instead and -X verbose both. The kernel returns
 * how many bytes it wrote: the bits of MAX at most.
 */
static void print_bitset(struct sc *sc, uint64_t arg, const struct xlat *x, unsigned max,
			 const char *dflt)
{
	struct pr *p = sc->p;
	unsigned bits = (uint64_t)sc->rval > max / 8 ? max : (unsigned)sc->rval * 8;
	size_t size = ((bits + 7) / 8 + sizeof(uint64_t) - 1) / sizeof(uint64_t) * sizeof(uint64_t);
	uint64_t words[(KEY_MAX + 1) / 64 + 1];

	if (sc_failed(sc) || !size) {
		print_addr(sc, arg);
		return;
	}
	if (!fetch_or_print_addr(sc, arg, words, size))
		return;
	if (p->xlat_style != PR_XLAT_RAW) {
		unsigned shown = 0;
		pr_array_begin(p);
		for (unsigned i = 0; i < bits; i++) {
			if (!(words[i / 64] >> (i % 64) & 1))
				continue;
			if (shown)
				pr_join(p, " ");
			if (shown == 4 && !sc->verbose) {
				pr_text(p, "...");
				break;
			}
			pr_xval(p, x, i, dflt);
			shown++;
		}
		pr_array_end(p);
	}
	if (p->xlat_style != PR_XLAT_ABBREV) {
		char text[512];
		size_t len = 0;
		for (size_t i = 0; i < size / sizeof(uint64_t); i++)
			len += (size_t)snprintf(text + len, sizeof(text) - len,
						"%s%#llx", i ? ", " : "",
						(unsigned long long)words[i]);
		if (p->xlat_style == PR_XLAT_RAW)
			pr_textf(p, "[%s]", text);
		else
			pr_comment(p, "[%s]", text);
	}
}

static bool print_int_elem(struct sc *sc, const void *elem, void *data)
{
	int32_t v;
	memcpy(&v, elem, sizeof(v));
	pr_int(sc->p, v);
	return true;
}

/* EVIOCGMTSLOTS(len): {code=ABS_MT_..., values=[...]} of len bytes. */
static void mtslots_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	size_t n = IOC_SIZE(code) / sizeof(int32_t);
	uint32_t mt_code;
	if (!n) {
		print_addr(sc, arg);
		return;
	}
	if (!fetch_or_print_addr(sc, arg, &mt_code, sizeof(mt_code)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "code");
	pr_xval(sc->p, &evdev_mtslots, mt_code, "ABS_MT_???");
	pr_field(sc->p, "values");
	print_array(sc, arg + sizeof(mt_code), n - 1, sizeof(int32_t), 0, print_int_elem, NULL);
	pr_struct_end(sc->p);
}

/* The bitmap of EVIOCGBIT(type, len) by the event type. */
static const struct {
	const struct xlat *x;
	unsigned max;
	const char *dflt;
} ev_bitmaps[EV_CNT] = {
	[0] = { &evdev_ev, EV_MAX, "EV_???" },
	[EV_KEY] = { &evdev_keycode, KEY_MAX, "KEY_???" },
	[EV_REL] = { &evdev_relative_axes, REL_MAX, "REL_???" },
	[EV_ABS] = { &evdev_abs, ABS_MAX, "ABS_???" },
	[EV_MSC] = { &evdev_misc, MSC_MAX, "MSC_???" },
	[EV_SW] = { &evdev_switch, SW_MAX, "SW_???" },
	[EV_LED] = { &evdev_leds, LED_MAX, "LED_???" },
	[EV_SND] = { &evdev_snd, SND_MAX, "SND_???" },
	[EV_REP] = { &evdev_autorepeat, REP_MAX, "REP_???" },
	[EV_FF] = { &evdev_ff_types, FF_MAX, "FF_???" },
	[EV_FF_STATUS] = { &evdev_ff_status, FF_STATUS_MAX, "FF_STATUS_???" },
};

/* The read requests whose number carries a length or an index. */
static void evdev_read_var(struct sc *sc, uint32_t code, uint64_t arg)
{
	uint32_t nr = IOC_NR(code);

	switch (nr) {
	case IOC_NR(EVIOCGMTSLOTS(0)):
		mtslots_ioctl(sc, code, arg);
		return;
	case IOC_NR(EVIOCGNAME(0)):
	case IOC_NR(EVIOCGPHYS(0)):
	case IOC_NR(EVIOCGUNIQ(0)):
		if (sc_failed(sc))
			print_addr(sc, arg);
		else
			print_buf(sc, arg, (uint64_t)sc->rval);
		return;
	case IOC_NR(EVIOCGPROP(0)):
		print_bitset(sc, arg, &evdev_prop, INPUT_PROP_MAX, "PROP_???");
		return;
	case IOC_NR(EVIOCGSND(0)):
		print_bitset(sc, arg, &evdev_snd, SND_MAX, "SND_???");
		return;
	case IOC_NR(EVIOCGSW(0)):
		print_bitset(sc, arg, &evdev_switch, SW_MAX, "SW_???");
		return;
	case IOC_NR(EVIOCGKEY(0)):
		print_bitset(sc, arg, &evdev_keycode, KEY_MAX, "KEY_???");
		return;
	case IOC_NR(EVIOCGLED(0)):
		print_bitset(sc, arg, &evdev_leds, LED_MAX, "LED_???");
		return;
	}
	if ((nr & ~ABS_MAX) == IOC_NR(EVIOCGABS(0))) {
		abs_ioctl(sc, code, arg);
	} else if ((nr & ~EV_MAX) == IOC_NR(EVIOCGBIT(0, 0))) {
		unsigned type = nr & EV_MAX;
		if (type == EV_PWR)
			print_int_at(sc, arg);
		else if (ev_bitmaps[type].x)
			print_bitset(sc, arg, ev_bitmaps[type].x, ev_bitmaps[type].max,
				     ev_bitmaps[type].dflt);
		else
			print_addr(sc, arg);
	} else {
		print_addr(sc, arg);
	}
}

int evdev_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	int r;

	switch (IOC_DIR(code)) {
	case IOC_DIR_READ:
		if (!sc->exiting)
			return IOC_LATER;
		r = ioc_family_decode(sc, &evdev_family, code, arg);
		if (r == IOC_ARG_HEX)
			evdev_read_var(sc, code, arg);
		return IOC_ARG_DONE;
	case IOC_DIR_WRITE:
		r = ioc_family_decode(sc, &evdev_family, code, arg);
		if (r != IOC_ARG_HEX)
			return r;
		if ((IOC_NR(code) & ~ABS_MAX) == IOC_NR(EVIOCSABS(0)))
			abs_ioctl(sc, code, arg);
		else
			print_addr(sc, arg);
		return IOC_ARG_DONE;
	}
	return IOC_ARG_HEX;
}
