/* SPDX-License-Identifier: Apache-2.0 */
#include "output/out.h"

#include <stdio.h>
#include <stdlib.h>

#include "util/util.h"

void out_reserve(struct out *o, size_t extra)
{
	if (o->cap - o->len >= extra)
		return;
	size_t cap = o->cap ? o->cap : 256;
	while (cap - o->len < extra)
		cap *= 2;
	o->buf = xrealloc(o->buf, cap);
	o->cap = cap;
}

void out_free(struct out *o)
{
	free(o->buf);
	*o = (struct out){ 0 };
}

void out_vprintf(struct out *o, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	size_t room = o->cap - o->len;
	int n = vsnprintf(o->buf ? o->buf + o->len : NULL, room, fmt, ap);
	if (n >= 0 && (size_t)n >= room) {
		out_reserve(o, (size_t)n + 1);
		vsnprintf(o->buf + o->len, (size_t)n + 1, fmt, ap2);
	}
	va_end(ap2);
	if (n > 0)
		o->len += (size_t)n;
}

void out_printf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	out_vprintf(o, fmt, ap);
	va_end(ap);
}

void out_pad_to(struct out *o, size_t line_start, size_t column)
{
	size_t used = o->len - line_start;
	size_t pad = used < column ? column - used : 0;
	out_reserve(o, pad);
	memset(o->buf + o->len, ' ', pad);
	o->len += pad;
}

/* "00" to "99": two digits per division. */
static const char digit_pairs[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

void out_put_udec(struct out *o, unsigned long long v, int width)
{
	char buf[20];
	char *p = buf + sizeof(buf);

	while (v >= 100) {
		unsigned d = (unsigned)(v % 100) * 2;

		v /= 100;
		*--p = digit_pairs[d + 1];
		*--p = digit_pairs[d];
	}
	if (v >= 10) {
		*--p = digit_pairs[v * 2 + 1];
		*--p = digit_pairs[v * 2];
	} else {
		*--p = (char)('0' + v);
	}
	while (p > buf && buf + sizeof(buf) - p < width)
		*--p = '0';
	out_write(o, p, (size_t)(buf + sizeof(buf) - p));
}

void out_put_sdec(struct out *o, long long v)
{
	if (v < 0) {
		out_putc(o, '-');
		out_put_udec(o, 0ull - (unsigned long long)v, 0);
	} else {
		out_put_udec(o, (unsigned long long)v, 0);
	}
}
