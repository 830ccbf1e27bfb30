/* SPDX-License-Identifier: Apache-2.0 */
#include "output/pr.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

void pr_reset(struct pr *p, struct out *o)
{
	p->o = o;
	p->depth = 0;
	p->has_items = 0;
	p->after_name = false;
}

void pr_item(struct pr *p)
{
	if (p->after_name) {
		p->after_name = false;
		return;
	}
	uint32_t bit = 1u << p->depth;
	if (p->has_items & bit)
		out_write(p->o, ", ", 2);
	p->has_items |= bit;
}

static void open_level(struct pr *p, char c)
{
	pr_item(p);
	out_putc(p->o, c);
	if (p->depth < PR_MAX_DEPTH)
		p->depth++;
	p->has_items &= ~(1u << p->depth);
}

static void close_level(struct pr *p, char c)
{
	if (p->depth > 0)
		p->depth--;
	out_putc(p->o, c);
}

void pr_struct_begin(struct pr *p) { open_level(p, '{'); }
void pr_struct_end(struct pr *p) { close_level(p, '}'); }
void pr_array_begin(struct pr *p) { open_level(p, '['); }
void pr_array_end(struct pr *p) { close_level(p, ']'); }

void pr_field(struct pr *p, const char *name)
{
	pr_item(p);
	out_puts(p->o, name);
	out_putc(p->o, '=');
	p->after_name = true;
}

void pr_more(struct pr *p)
{
	pr_item(p);
	out_write(p->o, "...", 3);
}

void pr_int(struct pr *p, int64_t v)
{
	pr_item(p);
	out_put_sdec(p->o, v);
}

void pr_pid(struct pr *p, int64_t pid, int kind)
{
	pr_int(p, pid);
	if (p->pid_note)
		p->pid_note(p, pid, kind);
}

void pr_uint(struct pr *p, uint64_t v)
{
	pr_item(p);
	out_put_udec(p->o, v, 0);
}

void pr_hex(struct pr *p, uint64_t v)
{
	pr_item(p);
	out_printf(p->o, "%#" PRIx64, v);
}

void pr_oct(struct pr *p, uint64_t v)
{
	pr_item(p);
	out_printf(p->o, "%#" PRIo64, v);
}

void pr_ptr(struct pr *p, uint64_t addr)
{
	if (addr)
		pr_hex(p, addr);
	else
		pr_text(p, "NULL");
}

void pr_text(struct pr *p, const char *s)
{
	pr_item(p);
	out_puts(p->o, s);
}

void pr_textf(struct pr *p, const char *fmt, ...)
{
	va_list ap;
	pr_item(p);
	va_start(ap, fmt);
	out_vprintf(p->o, fmt, ap);
	va_end(ap);
}

void pr_raw(struct pr *p, const char *s)
{
	out_puts(p->o, s);
}

void pr_rawf(struct pr *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	out_vprintf(p->o, fmt, ap);
	va_end(ap);
}

void pr_join(struct pr *p, const char *sep)
{
	out_puts(p->o, sep);
	p->after_name = true;
}

void pr_level_restart(struct pr *p)
{
	p->has_items &= ~(1u << p->depth);
}

void pr_level_mark(struct pr *p)
{
	p->has_items |= 1u << p->depth;
}

void pr_comment(struct pr *p, const char *fmt, ...)
{
	va_list ap;
	out_write(p->o, " /* ", 4);
	va_start(ap, fmt);
	out_vprintf(p->o, fmt, ap);
	va_end(ap);
	out_write(p->o, " */", 3);
}

/*
 * Writes the names of the bits of V known to X joined by '|', then the bits left in hex;
 * returns how many names were written (0: only the hex, or nothing for V == 0). A pair of
 * value 0 never matches here: it names the empty set alone.
 */
static int flag_names_to(struct out *o, const struct xlat *x, uint64_t v)
{
	int n = 0;
	for (size_t i = 0; i < x->n && v; i++) {
		uint64_t bit = x->pairs[i].val;
		if (bit && (v & bit) == bit) {
			if (n++)
				out_putc(o, '|');
			out_puts(o, x->pairs[i].str);
			v &= ~bit;
		}
	}
	if (v) {
		if (n)
			out_putc(o, '|');
		out_printf(o, "%#" PRIx64, v);
	}
	return n;
}

static void comment_to(struct out *o, const char *text)
{
	out_write(o, " /* ", 4);
	out_puts(o, text);
	out_write(o, " */", 3);
}

/*
 * Flags in STYLE, as strace's printflags: raw: the hex value. Abbreviated: the names, the
 * unknown bits last in hex; with no name, the hex value and DFLT in a comment; for 0 the
 * name of the empty set or "0". Verbose: the hex value, then in a comment what the
 * abbreviated style would print (but not a lone hex value).
 */
static void flags_to(struct out *o, enum pr_xlat_style style, const struct xlat *x, uint64_t v,
		     const char *dflt)
{
	if (style == PR_XLAT_RAW) {
		out_printf(o, "%#" PRIx64, v);
		return;
	}
	if (!v) {
		const char *zero = xlat_lookup(x, 0);
		if (zero && style == PR_XLAT_VERBOSE) {
			out_write(o, "0", 1);
			comment_to(o, zero);
		} else {
			out_puts(o, zero ? zero : "0");
		}
		return;
	}
	if (style == PR_XLAT_VERBOSE)
		out_printf(o, "%#" PRIx64, v);
	size_t mark = o->len;
	if (style == PR_XLAT_VERBOSE)
		out_write(o, " /* ", 4);
	if (flag_names_to(o, x, v)) {
		if (style == PR_XLAT_VERBOSE)
			out_write(o, " */", 3);
		return;
	}
	/* No name: take back what was written, the number stands alone. */
	o->len = mark;
	if (style != PR_XLAT_VERBOSE)
		out_printf(o, "%#" PRIx64, v);
	if (dflt)
		comment_to(o, dflt);
}

void pr_flags(struct pr *p, const struct xlat *x, uint64_t v, const char *dflt)
{
	pr_item(p);
	flags_to(p->o, p->xlat_style, x, v, dflt);
}

/* One constant in STYLE: its name, else hex (or decimal with DEC) and DFLT in a comment. */
static void xval_to(struct out *o, enum pr_xlat_style style, const struct xlat *x, uint64_t v,
		    const char *dflt, bool dec)
{
	const char *name = xlat_lookup(x, v);
	if (name && style == PR_XLAT_ABBREV) {
		out_puts(o, name);
		return;
	}
	if (dec)
		out_printf(o, "%" PRId64, (int64_t)v);
	else
		out_printf(o, "%#" PRIx64, v);
	if (style == PR_XLAT_RAW)
		return;
	if (name)
		comment_to(o, name);
	else if (dflt)
		comment_to(o, dflt);
}

void pr_xval(struct pr *p, const struct xlat *x, uint64_t v, const char *dflt)
{
	pr_item(p);
	xval_to(p->o, p->xlat_style, x, v, dflt, false);
}

void pr_xval_dec(struct pr *p, const struct xlat *x, uint64_t v, const char *dflt)
{
	pr_item(p);
	xval_to(p->o, p->xlat_style, x, v, dflt, true);
}

/* Copies what O holds into BUF of N bytes (cut short if need be) and frees O. */
static const char *out_to_buf(struct out *o, char *buf, size_t n)
{
	snprintf(buf, n, "%.*s", (int)o->len, o->buf ? o->buf : "");
	out_free(o);
	return buf;
}

int pr_sprint_flag_names(char *buf, size_t n, const struct xlat *x, uint64_t v)
{
	struct out o = { 0 };
	int names = flag_names_to(&o, x, v);
	out_to_buf(&o, buf, n);
	return names;
}

const char *pr_sprint_flags(char *buf, size_t n, enum pr_xlat_style style,
			    const struct xlat *x, uint64_t v, const char *dflt)
{
	struct out o = { 0 };
	flags_to(&o, style, x, v, dflt);
	return out_to_buf(&o, buf, n);
}

const char *pr_sprint_xval(char *buf, size_t n, enum pr_xlat_style style,
			   const struct xlat *x, uint64_t v, const char *dflt)
{
	struct out o = { 0 };
	xval_to(&o, style, x, v, dflt, false);
	return out_to_buf(&o, buf, n);
}

static bool needs_hex(const unsigned char *s, size_t n, unsigned flags)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (!c && (flags & PR_QUOTE_NUL_TERM))
			break;
		if (c > 0x7e || (c < ' ' && !(c >= '\t' && c <= '\r')))
			return true;
	}
	return false;
}

void pr_quoted(struct pr *p, const char *buf, size_t n, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)buf;
	struct out *o = p->o;
	bool hex = p->str_style == PR_STR_HEX_ALL || (flags & PR_QUOTE_HEX) ||
		   (p->str_style == PR_STR_HEX_NONASCII && needs_hex(s, n, flags));
	bool angled = flags & PR_QUOTE_ANGLED;
	static const char hexd[] = "0123456789abcdef";

	if (!angled)
		pr_item(p);
	out_reserve(o, n * 4 + 6);
	char *w = o->buf + o->len;
	*w++ = angled ? '<' : '"';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (!c && (flags & PR_QUOTE_NUL_TERM))
			break;
		if (hex) {
			*w++ = '\\';
			*w++ = 'x';
			*w++ = hexd[c >> 4];
			*w++ = hexd[c & 15];
			continue;
		}
		switch (c) {
		case '"': case '\\':
			*w++ = '\\';
			*w++ = (char)c;
			continue;
		case '\f': *w++ = '\\'; *w++ = 'f'; continue;
		case '\n': *w++ = '\\'; *w++ = 'n'; continue;
		case '\r': *w++ = '\\'; *w++ = 'r'; continue;
		case '\t': *w++ = '\\'; *w++ = 't'; continue;
		case '\v': *w++ = '\\'; *w++ = 'v'; continue;
		}
		if (c >= ' ' && c <= 0x7e && !(angled && (c == '<' || c == '>'))) {
			*w++ = (char)c;
			continue;
		}
		if (p->str_style == PR_STR_HEX_CHARS) {
			*w++ = '\\';
			*w++ = 'x';
			*w++ = hexd[c >> 4];
			*w++ = hexd[c & 15];
			continue;
		}
		/* Fewest octal digits, unless an octal digit follows: then all three. */
		bool next_oct = i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '7' &&
				!(s[i + 1] == 0 && (flags & PR_QUOTE_NUL_TERM));
		*w++ = '\\';
		if (next_oct || c >= 64) {
			*w++ = (char)('0' + (c >> 6));
			*w++ = (char)('0' + ((c >> 3) & 7));
		} else if (c >= 8) {
			*w++ = (char)('0' + ((c >> 3) & 7));
		}
		*w++ = (char)('0' + (c & 7));
	}
	*w++ = angled ? '>' : '"';
	if (flags & PR_QUOTE_ELLIPSIS) {
		*w++ = '.';
		*w++ = '.';
		*w++ = '.';
	}
	o->len = (size_t)(w - o->buf);
}
