/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the console and keyboard requests of linux/kd.h (type 'K'): plain values and the
 * simple structs as data, accent tables, fonts and maps by hand; the keymap entries in
 * ioctl_kd_keys.c.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <string.h>
#include <linux/kd.h>

#include "trace/decode/ioctl_kd.h"
#include "trace/decode/ioctl_table.h"

#define PIT_TICK_RATE 1193182u	/* Hz of the i8253 timer the speaker divides */
#define KD_E_TABSZ 256		/* bytes of a screen map (GIO_SCRNMAP) */
#define KD_MAX_DIACR 256	/* entries of an accent table the kernel takes */
#define KD_FONT_BYTES 8192	/* GIO_FONT: 256 characters of 32 lines of 8 pixels */
#define KD_CMAP_BYTES 48	/* GIO_CMAP: 16 colours of 3 bytes */
#define KD_FONT_NAME_MAX 32	/* KD_FONT_OP_SET_DEFAULT: the font's name */
#define KD_GPFIRST 0x3b4	/* the first I/O port KDADDIO takes */
#define KD_GPLAST 0x3df

STATIC_XLAT(kd_led_flags, XLAT_PAIR(LED_SCR), XLAT_PAIR(LED_NUM), XLAT_PAIR(LED_CAP));
/* KDGKBLED: the current LEDs in the low nibble, their defaults in the high one. */
STATIC_XLAT(kd_default_led_flags,
	XLAT_PAIR(LED_SCR), XLAT_PAIR(LED_NUM), XLAT_PAIR(LED_CAP),
	{ LED_SCR << 4, "LED_SCR<<4" }, { LED_NUM << 4, "LED_NUM<<4" },
	{ LED_CAP << 4, "LED_CAP<<4" });
STATIC_XLAT(kd_kbd_types, XLAT_PAIR(KB_84), XLAT_PAIR(KB_101), XLAT_PAIR(KB_OTHER));
STATIC_XLAT(kd_modes,
	XLAT_PAIR(KD_TEXT), XLAT_PAIR(KD_GRAPHICS), XLAT_PAIR(KD_TEXT0), XLAT_PAIR(KD_TEXT1));
STATIC_XLAT(kd_kbd_modes,
	XLAT_PAIR(K_RAW), XLAT_PAIR(K_XLATE), XLAT_PAIR(K_MEDIUMRAW), XLAT_PAIR(K_UNICODE),
	XLAT_PAIR(K_OFF));
STATIC_XLAT(kd_meta_vals, XLAT_PAIR(K_METABIT), XLAT_PAIR(K_ESCPREFIX));
STATIC_XLAT(kd_font_ops,
	XLAT_PAIR(KD_FONT_OP_SET), XLAT_PAIR(KD_FONT_OP_GET), XLAT_PAIR(KD_FONT_OP_SET_DEFAULT),
	XLAT_PAIR(KD_FONT_OP_COPY));
/* KD_FONT_FLAG_OLD is the kernel's own (drivers/tty/vt), not in the uapi header. */
STATIC_XLAT(kd_font_flags,
	XLAT_PAIR(KD_FONT_FLAG_DONT_RECALC), { 0x80000000u, "KD_FONT_FLAG_OLD" });

/* ---- plain values ---- */

/* KIOCSOUND: a divisor of the PIT clock, 0 turns the speaker off. */
static int kiocsound_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	(void)code;
	pr_uint(sc->p, arg);
	if (sc->p->xlat_style != PR_XLAT_RAW) {
		if (arg && (uint32_t)(PIT_TICK_RATE / arg))
			pr_comment(sc->p, "%u Hz", (uint32_t)(PIT_TICK_RATE / arg));
		else
			pr_comment(sc->p, "off");
	}
	return IOC_ARG_DONE;
}

/* KDMKTONE: the duration in ticks (ms) in the high 16 bits, the divisor in the low 16. */
static int mktone_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	uint32_t ticks = (uint32_t)arg >> 16, count = (uint32_t)arg & 0xffff;
	(void)code;
	if (ticks)
		pr_textf(sc->p, "%u<<16|%u", ticks, count);
	else
		pr_uint(sc->p, count);
	if (sc->p->xlat_style == PR_XLAT_RAW)
		return IOC_ARG_DONE;
	if (ticks && count)
		pr_comment(sc->p, "%u Hz, %u ms", PIT_TICK_RATE / count, ticks);
	else
		pr_comment(sc->p, "off");
	return IOC_ARG_DONE;
}

/* KDADDIO, KDDELIO: an I/O port, counted from the first one the kernel takes. */
static int io_port_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	(void)code;
	pr_hex(sc->p, arg);
	if (arg >= KD_GPFIRST && arg <= KD_GPLAST && sc->p->xlat_style != PR_XLAT_RAW)
		pr_comment(sc->p, "GPFIRST + %" PRIu64, arg - KD_GPFIRST);
	return IOC_ARG_DONE;
}

/* KDSKBMODE: a K_* mode, an unknown one in signed decimal. */
static int set_kbd_mode_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	(void)code;
	pr_xval_dec(sc->p, &kd_kbd_modes, (uint64_t)(int64_t)(int32_t)arg, "K_???");
	return IOC_ARG_DONE;
}

/* KDGKBMODE: the same stored at the pointer, at exit. */
static int get_kbd_mode_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	int32_t mode;
	(void)code;
	if (!sc->exiting)
		return IOC_LATER;
	if (!fetch_or_print_addr(sc, arg, &mode, sizeof(mode)))
		return IOC_ARG_DONE;
	pr_array_begin(sc->p);
	pr_xval_dec(sc->p, &kd_kbd_modes, (uint64_t)(int64_t)mode, "K_???");
	pr_array_end(sc->p);
	return IOC_ARG_DONE;
}

/* KDSIGACCEPT: the signal the console sends on a switch request. */
static int sigaccept_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	(void)code;
	if (arg < INT_MAX)
		print_signal(sc->p, (int)arg);
	else
		pr_uint(sc->p, arg);
	return IOC_ARG_DONE;
}

/* ---- byte maps: the screen map, the font, the colour map ---- */

/* A map of N bytes read by the kernel (P*) at entry or written (G*) at exit, in hex. */
static int byte_map(struct sc *sc, uint64_t arg, bool get, size_t n)
{
	if (!sc->exiting && get)
		return IOC_LATER;
	if (sc->exiting && sc_failed(sc))
		print_addr(sc, arg);
	else
		print_buf_hex(sc, arg, n);
	return IOC_ARG_DONE;
}

static int scrnmap_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return byte_map(sc, arg, code == GIO_SCRNMAP, KD_E_TABSZ);
}

static int font_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return byte_map(sc, arg, code == GIO_FONT, KD_FONT_BYTES);
}

static int cmap_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return byte_map(sc, arg, code == GIO_CMAP, KD_CMAP_BYTES);
}

/* One entry of a unicode screen map: UNI_DIRECT_BASE+0x15 for the direct font region. */
static bool print_uni_elem(struct sc *sc, const void *elem, void *data)
{
	struct pr *p = sc->p;
	uint16_t v;
	(void)data;
	memcpy(&v, elem, sizeof(v));
	bool direct = (v & ~UNI_DIRECT_MASK) == UNI_DIRECT_BASE;
	if (!direct || p->xlat_style == PR_XLAT_RAW) {
		pr_hex(p, v);
		return true;
	}
	if (p->xlat_style == PR_XLAT_VERBOSE) {
		pr_hex(p, v);
		pr_comment(p, "UNI_DIRECT_BASE+%#x", v & UNI_DIRECT_MASK);
	} else {
		pr_textf(p, "UNI_DIRECT_BASE+%#x", v & UNI_DIRECT_MASK);
	}
	return true;
}

/* GIO_UNISCRNMAP, PIO_UNISCRNMAP: E_TABSZ unicode values. */
static int uniscrnmap_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	if (!sc->exiting && code == GIO_UNISCRNMAP)
		return IOC_LATER;
	print_array(sc, arg, KD_E_TABSZ, sizeof(uint16_t), 0, print_uni_elem, NULL);
	return IOC_ARG_DONE;
}

/* ---- accent tables ---- */

static bool print_diacr_elem(struct sc *sc, const void *elem, void *data)
{
	const struct kbdiacr *d = elem;
	struct pr *p = sc->p;
	(void)data;
	pr_struct_begin(p);
	pr_field(p, "diacr");
	print_quoted_char(p, d->diacr, true);
	pr_field(p, "base");
	print_quoted_char(p, d->base, true);
	pr_field(p, "result");
	print_quoted_char(p, d->result, true);
	pr_struct_end(p);
	return true;
}

static bool print_diacruc_elem(struct sc *sc, const void *elem, void *data)
{
	const struct kbdiacruc *d = elem;
	struct pr *p = sc->p;
	(void)data;
	pr_struct_begin(p);
	pr_field(p, "diacr");
	pr_hex(p, d->diacr);
	pr_field(p, "base");
	pr_hex(p, d->base);
	pr_field(p, "result");
	pr_hex(p, d->result);
	pr_struct_end(p);
	return true;
}

/*
 * KDGKBDIACR, KDSKBDIACR and their UCS forms: {kb_cnt, the first kb_cnt (at most
 * MAX_DIACR) entries}, at entry to set or at exit to get.
 */
static int diacr_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	bool uc = code == KDGKBDIACRUC || code == KDSKBDIACRUC;
	bool get = code == KDGKBDIACR || code == KDGKBDIACRUC;
	uint32_t cnt;
	struct pr *p = sc->p;

	if (!sc->exiting && get)
		return IOC_LATER;
	if (!fetch_or_print_addr(sc, arg, &cnt, sizeof(cnt)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	pr_field(p, "kb_cnt");
	pr_uint(p, cnt);
	pr_field(p, uc ? "kbdiacruc" : "kbdiacr");
	uint64_t n = cnt < KD_MAX_DIACR ? cnt : KD_MAX_DIACR;
	unsigned flags = cnt > KD_MAX_DIACR ? PRINT_ARRAY_TRUNCATED : 0;
	if (uc)
		print_array(sc, arg + offsetof(struct kbdiacrsuc, kbdiacruc), n,
			    sizeof(struct kbdiacruc), flags, print_diacruc_elem, NULL);
	else
		print_array(sc, arg + offsetof(struct kbdiacrs, kbdiacr), n,
			    sizeof(struct kbdiacr), flags, print_diacr_elem, NULL);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* ---- key codes ---- */

/* KDGETKEYCODE, KDSETKEYCODE: {scancode, keycode}, " => keycode" got at exit. */
static int keycode_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct kbkeycode k;
	struct pr *p = sc->p;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &k, sizeof(k)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "scancode");
		pr_hex(p, k.scancode);
		pr_field(p, "keycode");
		pr_hex(p, k.keycode);
		if (code == KDGETKEYCODE)
			return IOC_LATER;
		pr_struct_end(p);
		return IOC_ARG_DONE;
	}
	if (!sc_failed(sc) && umove(sc, arg + offsetof(struct kbkeycode, keycode), &k.keycode,
				    sizeof(k.keycode)) == 0) {
		pr_join(p, " => ");
		pr_hex(p, k.keycode);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* ---- fonts and unicode maps ---- */

static bool print_unipair_elem(struct sc *sc, const void *elem, void *data)
{
	const struct unipair *u = elem;
	(void)data;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "unicode");
	pr_hex(sc->p, u->unicode);
	pr_field(sc->p, "fontpos");
	pr_hex(sc->p, u->fontpos);
	pr_struct_end(sc->p);
	return true;
}

/* sc->priv[0] keeps the entry_ct of GIO_UNIMAP given at entry: the room of its array. */
#define UNIMAP_ROOM priv[0]

/*
 * GIO_UNIMAP, PIO_UNIMAP: {entry_ct, entries}. GIO_UNIMAP: entry_ct at entry, " => " the
 * count the kernel wrote and the entries at exit (the pointer when it failed other than
 * with ENOMEM, which still reports the count).
 */
static int unimap_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct unimapdesc u;
	struct pr *p = sc->p;
	bool get = code == GIO_UNIMAP;

	if (!sc->exiting || !sc_failed(sc) ? !peek_mem(sc, arg, &u, sizeof(u)) :
	    (!arg || umove(sc, arg, &u, sizeof(u)) != 0)) {
		if (sc->exiting)
			pr_struct_end(p);
		else
			print_addr(sc, arg);
		return IOC_ARG_DONE;
	}
	if (!sc->exiting) {
		sc->UNIMAP_ROOM = u.entry_ct;
		pr_struct_begin(p);
		pr_field(p, "entry_ct");
		pr_uint(p, u.entry_ct);
		if (get)
			return IOC_LATER;
	} else {
		pr_join(p, " => ");
		pr_uint(p, u.entry_ct);
	}
	pr_field(p, "entries");
	if (sc->exiting && sc_failed(sc) && sc->err != ENOMEM)
		pr_ptr(p, (uint64_t)(uintptr_t)u.entries);
	else
		print_array(sc, (uint64_t)(uintptr_t)u.entries,
			    sc->exiting ? sc->UNIMAP_ROOM : u.entry_ct, sizeof(struct unipair),
			    PRINT_ARRAY_IGNORE_ERR, print_unipair_elem, NULL);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* struct consolefontdesc: its data as the pointer when GET at entry, else 32 bytes a char. */
static void print_fontdesc(struct sc *sc, const struct consolefontdesc *f, bool get)
{
	struct pr *p = sc->p;
	uint64_t data = (uint64_t)(uintptr_t)f->chardata;
	pr_struct_begin(p);
	pr_field(p, "charcount");
	pr_uint(p, f->charcount);
	pr_field(p, "charheight");
	pr_uint(p, f->charheight);
	pr_field(p, "chardata");
	if (get)
		pr_ptr(p, data);
	else
		print_buf_hex(sc, data, (uint64_t)(f->charcount < 512 ? f->charcount : 512) * 32);
	pr_struct_end(p);
}

/* GIO_FONTX, PIO_FONTX: the descriptor at entry, " => " it again with the data at exit. */
static int fontx_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct consolefontdesc f;
	bool get = code == GIO_FONTX;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &f, sizeof(f)))
			return IOC_ARG_DONE;
		print_fontdesc(sc, &f, get);
		return get ? IOC_LATER : IOC_ARG_DONE;
	}
	if (!sc_failed(sc) && umove(sc, arg, &f, sizeof(f)) == 0) {
		pr_join(sc->p, " => ");
		print_fontdesc(sc, &f, false);
	}
	return IOC_ARG_DONE;
}

/*
 * struct console_font_op by its op: the fields an op uses; op and flags at entry only;
 * the data as the pointer, as bytes (SET, and GET at exit) or as the default font's name.
 */
static void print_font_op(struct sc *sc, const struct console_font_op *f)
{
	struct pr *p = sc->p;
	uint64_t data = (uint64_t)(uintptr_t)f->data;

	pr_struct_begin(p);
	if (!sc->exiting) {
		pr_field(p, "op");
		pr_xval(p, &kd_font_ops, f->op, "KD_FONT_OP_???");
		if (f->op != KD_FONT_OP_SET_DEFAULT && f->op != KD_FONT_OP_COPY) {
			pr_field(p, "flags");
			pr_flags(p, &kd_font_flags, f->flags, "KD_FONT_FLAG_???");
		}
	}
	if (f->op != KD_FONT_OP_COPY) {
		pr_field(p, "width");
		pr_uint(p, f->width);
	}
	pr_field(p, "height");
	pr_uint(p, f->height);
	if (f->op != KD_FONT_OP_SET_DEFAULT && f->op != KD_FONT_OP_COPY) {
		pr_field(p, "charcount");
		pr_uint(p, f->charcount);
	}
	switch (f->op) {
	case KD_FONT_OP_GET:
	case KD_FONT_OP_SET:
		pr_field(p, "data");
		if (f->op == KD_FONT_OP_GET && !sc->exiting)
			pr_ptr(p, data);
		else
			/* 32 lines of (width + 7) / 8 bytes a character */
			print_buf_hex(sc, data, (uint64_t)((f->width < 32 ? f->width : 32) + 7) / 8 *
				      32 * (f->charcount < 512 ? f->charcount : 512));
		break;
	case KD_FONT_OP_SET_DEFAULT:
		if (!sc->exiting) {
			pr_field(p, "data");
			print_str_in_field(sc, data, KD_FONT_NAME_MAX);
		}
		break;
	case KD_FONT_OP_COPY:
		break;
	default:
		pr_field(p, "data");
		pr_ptr(p, data);
	}
	pr_struct_end(p);
}

/* KDFONTOP: the request at entry, " => " what the kernel wrote back at exit but for SET, COPY. */
static int fontop_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct console_font_op f;
	(void)code;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &f, sizeof(f)))
			return IOC_ARG_DONE;
		print_font_op(sc, &f);
		return f.op == KD_FONT_OP_SET || f.op == KD_FONT_OP_COPY ? IOC_ARG_DONE : IOC_LATER;
	}
	if (!sc_failed(sc) && umove(sc, arg, &f, sizeof(f)) == 0) {
		pr_join(sc->p, " => ");
		print_font_op(sc, &f);
	}
	return IOC_ARG_DONE;
}

IOC_STRUCT_OF(kbd_repeat_desc, struct kbd_repeat,
	IOC_F(struct kbd_repeat, delay, IOC_D),
	IOC_F(struct kbd_repeat, period, IOC_D));

IOC_STRUCT_OF(unimapinit_desc, struct unimapinit,
	IOC_F(struct unimapinit, advised_hashsize, IOC_U),
	IOC_F(struct unimapinit, advised_hashstep, IOC_U),
	IOC_F(struct unimapinit, advised_hashlevel, IOC_U));

IOC_FAMILY(kd_family,
	IOC_C_FN(KIOCSOUND, kiocsound_ioctl),
	IOC_C_FN(KDMKTONE, mktone_ioctl),
	IOC_C_XAT(KDGETLED, IOA_OUT, IOC_FLAGS, 1, kd_led_flags, "LED_???"),
	IOC_C_XVAL(KDSETLED, IOC_FLAGS, 1, kd_led_flags, "LED_???"),
	IOC_C_XAT(KDGKBLED, IOA_OUT, IOC_FLAGS, 1, kd_default_led_flags, "LED_???"),
	IOC_C_XVAL(KDSKBLED, IOC_FLAGS, 1, kd_default_led_flags, "LED_???"),
	IOC_C_XAT(KDGKBTYPE, IOA_OUT, IOC_XVAL, 1, kd_kbd_types, "KB_???"),
	IOC_C_FN(KDADDIO, io_port_ioctl),
	IOC_C_FN(KDDELIO, io_port_ioctl),
	IOC_C_XVAL(KDSETMODE, IOC_XVAL, sizeof(int), kd_modes, "KD_???"),
	IOC_C_XAT(KDGETMODE, IOA_OUT, IOC_XVAL, sizeof(int), kd_modes, "KD_???"),
	IOC_C_FN(GIO_SCRNMAP, scrnmap_ioctl),
	IOC_C_FN(PIO_SCRNMAP, scrnmap_ioctl),
	IOC_C_FN(GIO_UNISCRNMAP, uniscrnmap_ioctl),
	IOC_C_FN(PIO_UNISCRNMAP, uniscrnmap_ioctl),
	IOC_C_FN(KDGKBMODE, get_kbd_mode_ioctl),
	IOC_C_FN(KDSKBMODE, set_kbd_mode_ioctl),
	IOC_C_FN(KDGKBENT, kbent_ioctl),
	IOC_C_FN(KDSKBENT, kbent_ioctl),
	IOC_C_FN(KDGKBSENT, kbsent_ioctl),
	IOC_C_FN(KDSKBSENT, kbsent_ioctl),
	IOC_C_FN(KDGKBDIACR, diacr_ioctl),
	IOC_C_FN(KDSKBDIACR, diacr_ioctl),
	IOC_C_FN(KDGKBDIACRUC, diacr_ioctl),
	IOC_C_FN(KDSKBDIACRUC, diacr_ioctl),
	IOC_C_FN(KDGETKEYCODE, keycode_ioctl),
	IOC_C_FN(KDSETKEYCODE, keycode_ioctl),
	IOC_C_FN(KDSIGACCEPT, sigaccept_ioctl),
	IOC_C_INOUT(KDKBDREP, kbd_repeat_desc, kbd_repeat_desc),
	IOC_C_FN(GIO_FONT, font_ioctl),
	IOC_C_FN(PIO_FONT, font_ioctl),
	IOC_C_XAT(KDGKBMETA, IOA_OUT, IOC_XVAL, sizeof(int), kd_meta_vals, "K_???"),
	IOC_C_XVAL(KDSKBMETA, IOC_XVAL, sizeof(int), kd_meta_vals, "K_???"),
	IOC_C_STRUCT(PIO_UNIMAPCLR, IOA_IN, unimapinit_desc),
	IOC_C_FN(GIO_CMAP, cmap_ioctl),
	IOC_C_FN(PIO_CMAP, cmap_ioctl),
	IOC_C_FN(GIO_UNIMAP, unimap_ioctl),
	IOC_C_FN(PIO_UNIMAP, unimap_ioctl),
	IOC_C_FN(GIO_FONTX, fontx_ioctl),
	IOC_C_FN(PIO_FONTX, fontx_ioctl),
	IOC_C_FN(KDFONTOP, fontop_ioctl),
	IOC_C_NONE(KDENABIO), IOC_C_NONE(KDDISABIO), IOC_C_NONE(KDMAPDISP),
	IOC_C_NONE(KDUNMAPDISP), IOC_C_NONE(PIO_FONTRESET));

int kd_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &kd_family, code, arg);
}
