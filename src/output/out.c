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

void out_put_udec(struct out *o, unsigned long long v, int width)
{
	char buf[20];
	int n = 0;

	do {
		buf[sizeof(buf) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v && n < (int)sizeof(buf));
	while (n < width && n < (int)sizeof(buf))
		buf[sizeof(buf) - 1 - n++] = '0';
	out_write(o, buf + sizeof(buf) - n, (size_t)n);
}
