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
	out_printf(p->o, "%" PRId64, v);
}

void pr_uint(struct pr *p, uint64_t v)
{
	pr_item(p);
	out_printf(p->o, "%" PRIu64, v);
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

void pr_comment(struct pr *p, const char *fmt, ...)
{
	va_list ap;
	out_write(p->o, " /* ", 4);
	va_start(ap, fmt);
	out_vprintf(p->o, fmt, ap);
	va_end(ap);
	out_write(p->o, " */", 3);
}

/* Writes the names of the bits of V known to X, then the rest in hex; returns names written. */
static int flags_symbolic(struct out *o, const struct xlat *x, uint64_t v)
{
	int n = 0;
	/* A pair with value 0 names the empty set (O_RDONLY) and is printed only then. */
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
		if (n++)
			out_putc(o, '|');
		out_printf(o, "%#" PRIx64, v);
	}
	return n;
}

void pr_flags(struct pr *p, const struct xlat *x, uint64_t v, const char *dflt)
{
	pr_item(p);
	if (p->xlat_style == PR_XLAT_RAW) {
		out_printf(p->o, "%#" PRIx64, v);
		return;
	}
	const char *zero = v ? NULL : xlat_lookup(x, 0);
	uint64_t known = 0;
	for (size_t i = 0; i < x->n; i++)
		known |= x->pairs[i].val;
	if (p->xlat_style == PR_XLAT_VERBOSE) {
		out_printf(p->o, "%#" PRIx64, v);
		if (zero) {
			pr_comment(p, "%s", zero);
		} else if (v & known) {
			out_write(p->o, " /* ", 4);
			flags_symbolic(p->o, x, v);
			out_write(p->o, " */", 3);
		} else if (v && dflt) {
			pr_comment(p, "%s", dflt);
		}
		return;
	}
	if (zero) {
		out_puts(p->o, zero);
		return;
	}
	if (!v) {
		out_putc(p->o, '0');
		return;
	}
	flags_symbolic(p->o, x, v);
	if (!(v & known) && dflt)
		pr_comment(p, "%s", dflt);
}

static void xval(struct pr *p, const struct xlat *x, uint64_t v, const char *dflt, bool dec)
{
	pr_item(p);
	const char *name = xlat_lookup(x, v);
	if (p->xlat_style == PR_XLAT_RAW || (p->xlat_style == PR_XLAT_VERBOSE && name)) {
		if (dec)
			out_printf(p->o, "%" PRId64, (int64_t)v);
		else
			out_printf(p->o, "%#" PRIx64, v);
		if (p->xlat_style == PR_XLAT_VERBOSE)
			pr_comment(p, "%s", name);
		return;
	}
	if (name) {
		out_puts(p->o, name);
		return;
	}
	if (dec)
		out_printf(p->o, "%" PRId64, (int64_t)v);
	else
		out_printf(p->o, "%#" PRIx64, v);
	if (dflt)
		pr_comment(p, "%s", dflt);
}

void pr_xval(struct pr *p, const struct xlat *x, uint64_t v, const char *dflt)
{
	xval(p, x, v, dflt, false);
}

void pr_xval_dec(struct pr *p, const struct xlat *x, uint64_t v, const char *dflt)
{
	xval(p, x, v, dflt, true);
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
	bool hex = p->str_style == PR_STR_HEX_ALL ||
		   (p->str_style == PR_STR_HEX_NONASCII && needs_hex(s, n, flags));
	static const char hexd[] = "0123456789abcdef";

	pr_item(p);
	out_reserve(o, n * 4 + 6);
	char *w = o->buf + o->len;
	*w++ = '"';
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
		if (c >= ' ' && c <= 0x7e) {
			*w++ = (char)c;
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
	*w++ = '"';
	if (flags & PR_QUOTE_ELLIPSIS) {
		*w++ = '.';
		*w++ = '.';
		*w++ = '.';
	}
	o->len = (size_t)(w - o->buf);
}
