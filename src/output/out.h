/* SPDX-License-Identifier: Apache-2.0 */
/* A growable byte buffer: where every printer builds its text before it is written. */
#ifndef SYSRAY_OUTPUT_OUT_H
#define SYSRAY_OUTPUT_OUT_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct out {
	char *buf;
	size_t len;
	size_t cap;
};

void out_reserve(struct out *o, size_t extra);
void out_free(struct out *o);
void out_printf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void out_vprintf(struct out *o, const char *fmt, va_list ap);

static inline void out_write(struct out *o, const void *p, size_t n)
{
	if (!n)
		return;	/* an empty buffer may have no storage yet: buf is NULL */
	if (o->cap - o->len < n)
		out_reserve(o, n);
	memcpy(o->buf + o->len, p, n);
	o->len += n;
}

static inline void out_puts(struct out *o, const char *s)
{
	out_write(o, s, strlen(s));
}

static inline void out_putc(struct out *o, char c)
{
	if (o->len == o->cap)
		out_reserve(o, 1);
	o->buf[o->len++] = c;
}

/* V in decimal, zero-padded to at least WIDTH digits (WIDTH <= 20): printf's "%0*llu" without
 * printf, for the columns printed for every event. */
void out_put_udec(struct out *o, unsigned long long v, int width);
/* V in decimal: printf's "%lld". */
void out_put_sdec(struct out *o, long long v);

/* Pads with spaces up to COLUMN, counted from offset LINE_START; nothing if already there. */
void out_pad_to(struct out *o, size_t line_start, size_t column);

#endif
