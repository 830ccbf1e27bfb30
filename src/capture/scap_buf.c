/* SPDX-License-Identifier: Apache-2.0 */
/* The growable byte buffer of the capture codec. */
#include "capture/scap_buf.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void scap_buf_reserve(struct scap_buf *b, size_t n)
{
	size_t c = b->cap ? b->cap : 4096;

	if (b->cap - b->len >= n)
		return;
	while (c - b->len < n)
		c *= 2;
	b->p = xrealloc(b->p, c);
	b->cap = c;
}

void scap_buf_put(struct scap_buf *b, const void *p, size_t n)
{
	scap_buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
}

void scap_buf_free(struct scap_buf *b)
{
	free(b->p);
	*b = (struct scap_buf){ 0 };
}
