/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the keymap requests of linux/kd.h: KDGKBENT/KDSKBENT, whose key values print
 * with their names from linux/keyboard.h (K_F1, K(KT_LATIN, 'a')), and the function key
 * strings of KDGKBSENT/KDSKBSENT.
 */
#include <stdio.h>
#include <string.h>
#include <linux/kd.h>
#include <linux/keyboard.h>

#include "trace/decode/ioctl_kd.h"
#include "trace/decode/ioctl_table.h"

STATIC_XLAT(kd_key_tables,
	XLAT_PAIR(K_NORMTAB), XLAT_PAIR(K_SHIFTTAB), XLAT_PAIR(K_ALTTAB), XLAT_PAIR(K_ALTSHIFTTAB));
STATIC_XLAT(kd_keymap_flags,
	{ 1 << KG_SHIFT, "1<<KG_SHIFT" }, { 1 << KG_ALTGR, "1<<KG_ALTGR" },
	{ 1 << KG_CTRL, "1<<KG_CTRL" }, { 1 << KG_ALT, "1<<KG_ALT" },
	{ 1 << KG_SHIFTL, "1<<KG_SHIFTL" }, { 1 << KG_SHIFTR, "1<<KG_SHIFTR" },
	{ 1 << KG_CTRLL, "1<<KG_CTRLL" }, { 1 << KG_CTRLR, "1<<KG_CTRLR" });
/* The key types of linux/keyboard.h, by KTYP of a key value. */
static const char *const kd_key_types[] = {
	"KT_LATIN", "KT_FN", "KT_SPEC", "KT_PAD", "KT_DEAD", "KT_CONS", "KT_CUR", "KT_SHIFT",
	"KT_META", "KT_ASCII", "KT_LOCK", "KT_LETTER", "KT_SLOCK", "KT_DEAD2", "KT_BRL",
};

/* The named keys of the types other than KT_FN (whose names fn_key_name builds). */
STATIC_XLAT(kd_named_keys,
	XLAT_PAIR(K_HOLE), XLAT_PAIR(K_ENTER), XLAT_PAIR(K_SH_REGS), XLAT_PAIR(K_SH_MEM),
	XLAT_PAIR(K_SH_STAT), XLAT_PAIR(K_BREAK), XLAT_PAIR(K_CONS), XLAT_PAIR(K_CAPS),
	XLAT_PAIR(K_NUM), XLAT_PAIR(K_HOLD), XLAT_PAIR(K_SCROLLFORW), XLAT_PAIR(K_SCROLLBACK),
	XLAT_PAIR(K_BOOT), XLAT_PAIR(K_CAPSON), XLAT_PAIR(K_COMPOSE), XLAT_PAIR(K_SAK),
	XLAT_PAIR(K_DECRCONSOLE), XLAT_PAIR(K_INCRCONSOLE), XLAT_PAIR(K_SPAWNCONSOLE),
	XLAT_PAIR(K_BARENUMLOCK), XLAT_PAIR(K_ALLOCATED), XLAT_PAIR(K_NOSUCHMAP),
	XLAT_PAIR(K_P0), XLAT_PAIR(K_P1), XLAT_PAIR(K_P2), XLAT_PAIR(K_P3), XLAT_PAIR(K_P4),
	XLAT_PAIR(K_P5), XLAT_PAIR(K_P6), XLAT_PAIR(K_P7), XLAT_PAIR(K_P8), XLAT_PAIR(K_P9),
	XLAT_PAIR(K_PPLUS), XLAT_PAIR(K_PMINUS), XLAT_PAIR(K_PSTAR), XLAT_PAIR(K_PSLASH),
	XLAT_PAIR(K_PENTER), XLAT_PAIR(K_PCOMMA), XLAT_PAIR(K_PDOT), XLAT_PAIR(K_PPLUSMINUS),
	XLAT_PAIR(K_PPARENL), XLAT_PAIR(K_PPARENR),
	XLAT_PAIR(K_DGRAVE), XLAT_PAIR(K_DACUTE), XLAT_PAIR(K_DCIRCM), XLAT_PAIR(K_DTILDE),
	XLAT_PAIR(K_DDIERE), XLAT_PAIR(K_DCEDIL), XLAT_PAIR(K_DMACRON), XLAT_PAIR(K_DBREVE),
	XLAT_PAIR(K_DABDOT), XLAT_PAIR(K_DABRING), XLAT_PAIR(K_DDBACUTE), XLAT_PAIR(K_DCARON),
	XLAT_PAIR(K_DOGONEK), XLAT_PAIR(K_DIOTA), XLAT_PAIR(K_DVOICED), XLAT_PAIR(K_DSEMVOICED),
	XLAT_PAIR(K_DBEDOT), XLAT_PAIR(K_DHOOK), XLAT_PAIR(K_DHORN), XLAT_PAIR(K_DSTROKE),
	XLAT_PAIR(K_DABCOMMA), XLAT_PAIR(K_DABREVCOMMA), XLAT_PAIR(K_DDBGRAVE),
	XLAT_PAIR(K_DINVBREVE), XLAT_PAIR(K_DBECOMMA), XLAT_PAIR(K_DCURRENCY),
	XLAT_PAIR(K_DGREEK),
	XLAT_PAIR(K_DOWN), XLAT_PAIR(K_LEFT), XLAT_PAIR(K_RIGHT), XLAT_PAIR(K_UP),
	XLAT_PAIR(K_SHIFT), XLAT_PAIR(K_ALTGR), XLAT_PAIR(K_CTRL), XLAT_PAIR(K_ALT),
	XLAT_PAIR(K_SHIFTL), XLAT_PAIR(K_SHIFTR), XLAT_PAIR(K_CTRLL), XLAT_PAIR(K_CTRLR),
	XLAT_PAIR(K_CAPSSHIFT),
	XLAT_PAIR(K_ASC0), XLAT_PAIR(K_ASC1), XLAT_PAIR(K_ASC2), XLAT_PAIR(K_ASC3),
	XLAT_PAIR(K_ASC4), XLAT_PAIR(K_ASC5), XLAT_PAIR(K_ASC6), XLAT_PAIR(K_ASC7),
	XLAT_PAIR(K_ASC8), XLAT_PAIR(K_ASC9), XLAT_PAIR(K_HEX0), XLAT_PAIR(K_HEX1),
	XLAT_PAIR(K_HEX2), XLAT_PAIR(K_HEX3), XLAT_PAIR(K_HEX4), XLAT_PAIR(K_HEX5),
	XLAT_PAIR(K_HEX6), XLAT_PAIR(K_HEX7), XLAT_PAIR(K_HEX8), XLAT_PAIR(K_HEX9),
	XLAT_PAIR(K_HEXa), XLAT_PAIR(K_HEXb), XLAT_PAIR(K_HEXc), XLAT_PAIR(K_HEXd),
	XLAT_PAIR(K_HEXe), XLAT_PAIR(K_HEXf),
	XLAT_PAIR(K_SHIFTLOCK), XLAT_PAIR(K_ALTGRLOCK), XLAT_PAIR(K_CTRLLOCK),
	XLAT_PAIR(K_ALTLOCK), XLAT_PAIR(K_SHIFTLLOCK), XLAT_PAIR(K_SHIFTRLOCK),
	XLAT_PAIR(K_CTRLLLOCK), XLAT_PAIR(K_CTRLRLOCK), XLAT_PAIR(K_CAPSSHIFTLOCK),
	XLAT_PAIR(K_SHIFT_SLOCK), XLAT_PAIR(K_ALTGR_SLOCK), XLAT_PAIR(K_CTRL_SLOCK),
	XLAT_PAIR(K_ALT_SLOCK), XLAT_PAIR(K_SHIFTL_SLOCK), XLAT_PAIR(K_SHIFTR_SLOCK),
	XLAT_PAIR(K_CTRLL_SLOCK), XLAT_PAIR(K_CTRLR_SLOCK), XLAT_PAIR(K_CAPSSHIFT_SLOCK),
	XLAT_PAIR(K_BRL_BLANK), XLAT_PAIR(K_BRL_DOT1), XLAT_PAIR(K_BRL_DOT2),
	XLAT_PAIR(K_BRL_DOT3), XLAT_PAIR(K_BRL_DOT4), XLAT_PAIR(K_BRL_DOT5),
	XLAT_PAIR(K_BRL_DOT6), XLAT_PAIR(K_BRL_DOT7), XLAT_PAIR(K_BRL_DOT8),
	XLAT_PAIR(K_BRL_DOT9), XLAT_PAIR(K_BRL_DOT10));

/*
 * The function key of KVAL V: K_F1..K_F20 at 0..19, the editing keys at 20..29,
 * K_F21..K_F245 at 30..254, K_UNDO at 255.
 */
static void fn_key_name(char *buf, size_t n, unsigned v)
{
	static const char *const edit[] = {
		"FIND", "INSERT", "REMOVE", "SELECT", "PGUP", "PGDN", "MACRO", "HELP", "DO",
		"PAUSE",
	};
	if (v < 20)
		snprintf(buf, n, "K_F%u", v + 1);
	else if (v < 30)
		snprintf(buf, n, "K_%s", edit[v - 20]);
	else if (v < 255)
		snprintf(buf, n, "K_F%u", v - 9);
	else
		snprintf(buf, n, "K_UNDO");
}

/* V by NAME in the -X style: NAME, or V in hex with NAME in a comment. */
static void print_named(struct pr *p, uint64_t v, const char *name)
{
	const struct xlat_pair pair = { v, name };
	const struct xlat one = { &pair, 1 };
	pr_xval(p, &one, v, NULL);
}

/* ---- keymap entries ---- */

/* kb_value: hex, and in a comment the key: K_F1, or K(KT_LATIN, 'a'), K(KT_SPEC, 0x14). */
static void print_key_value(struct pr *p, uint16_t v)
{
	unsigned type = KTYP(v), val = KVAL(v);
	char name[16];
	const char *known = NULL;

	pr_field(p, "kb_value");
	pr_hex(p, v);
	if (p->xlat_style == PR_XLAT_RAW)
		return;
	if (type == KT_FN) {
		fn_key_name(name, sizeof(name), val);
		known = name;
	} else if (type != KT_LATIN && type != KT_CONS && type != KT_META &&
		   type != KT_LETTER && type != KT_DEAD2) {
		known = xlat_lookup(&kd_named_keys, v);
	}
	if (known) {
		pr_comment(p, "%s", known);
		return;
	}
	char tname[8];
	const char *t = type < sizeof(kd_key_types) / sizeof(kd_key_types[0]) ?
		kd_key_types[type] : NULL;
	if (!t) {
		snprintf(tname, sizeof(tname), "%#x", type);
		t = tname;
	}
	switch (type) {
	case KT_LATIN:
	case KT_META:
	case KT_LETTER:
	case KT_DEAD2: {
		struct out o = { 0 };
		struct pr q = { .o = &o, .xlat_style = p->xlat_style };
		print_quoted_char(&q, (unsigned char)val, true);
		pr_comment(p, "K(%s, %.*s)", t, (int)o.len, o.buf);
		out_free(&o);
		return;
	}
	}
	if (val)
		pr_comment(p, "K(%s, %#x)", t, val);
	else
		pr_comment(p, "K(%s, 0)", t);
}

/*
 * KDGKBENT, KDSKBENT: {kb_table, kb_index} at entry; kb_value, which the kernel writes for
 * KDGKBENT, at entry for KDSKBENT, at exit for KDGKBENT when the call succeeded.
 */
int kbent_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct kbentry e;
	struct pr *p = sc->p;
	bool get = code == KDGKBENT;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &e, offsetof(struct kbentry, kb_value)))
			return IOC_ARG_DONE;
		pr_struct_begin(p);
		pr_field(p, "kb_table");
		const char *tab = xlat_lookup(&kd_key_tables, e.kb_table);
		if (tab)
			print_named(p, e.kb_table, tab);
		else
			pr_flags(p, &kd_keymap_flags, e.kb_table, "K_???");
		pr_field(p, "kb_index");
		pr_uint(p, e.kb_index);
		if (get)
			return IOC_LATER;
	} else if (sc_failed(sc)) {
		pr_struct_end(p);
		return IOC_ARG_DONE;
	}
	if (umove(sc, arg + offsetof(struct kbentry, kb_value), &e.kb_value,
		  sizeof(e.kb_value)) == 0) {
		print_key_value(p, e.kb_value);
	} else {
		pr_field(p, "kb_value");
		pr_text(p, "???");
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/*
 * KDGKBSENT, KDSKBSENT: {kb_func} at entry and the function key's string, read up to its
 * NUL within kb_string and bounded by -s, at entry to set or at exit to get.
 */
int kbsent_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	struct kbsentry e;
	struct pr *p = sc->p;
	bool get = code == KDGKBSENT;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &e.kb_func, sizeof(e.kb_func)))
			return IOC_ARG_DONE;
		char name[24], fn[16];
		fn_key_name(fn, sizeof(fn), e.kb_func);
		snprintf(name, sizeof(name), "KVAL(%s)", fn);
		pr_struct_begin(p);
		pr_field(p, "kb_func");
		print_named(p, e.kb_func, name);
		if (get)
			return IOC_LATER;
	} else if (sc_failed(sc)) {
		pr_struct_end(p);
		return IOC_ARG_DONE;
	}
	pr_field(p, "kb_string");
	long n = -1;
	if (sc->mem && sc->mem->read_str)
		n = sc->mem->read_str(sc->mem, arg + offsetof(struct kbsentry, kb_string),
				      (char *)e.kb_string, sizeof(e.kb_string));
	if (n < 0) {
		pr_text(p, "???");
	} else {
		/* A NUL within the limit ends it; otherwise the shown part is followed by "...". */
		size_t limit = (size_t)str_limit(sc);
		if ((size_t)n < sizeof(e.kb_string) && (size_t)n < limit)
			pr_quoted(p, (const char *)e.kb_string, (size_t)n, 0);
		else
			pr_quoted(p, (const char *)e.kb_string, (size_t)n < limit ? (size_t)n : limit,
				  PR_QUOTE_ELLIPSIS);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}
