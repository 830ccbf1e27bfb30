/* SPDX-License-Identifier: Apache-2.0 */
/* Event records built in place: header and length slots first, values after them. */
#include "capture/event_builder.h"

#include <string.h>

#include "capture/event_table.h"
#include "capture/scap_format.h"

void evb_begin(struct event_builder *b, struct scap_buf *buf, uint64_t ts, int64_t tid,
	       unsigned type, uint32_t nparams)
{
	size_t slots = (size_t)nparams * scap_event_len_width(type);
	uint32_t len = 0;
	uint16_t type16 = (uint16_t)type;

	*b = (struct event_builder){ .buf = buf, .start = buf->len, .type = type16,
				     .nparams = nparams };
	scap_buf_u64(buf, ts);
	scap_buf_u64(buf, (uint64_t)tid);
	scap_buf_u32(buf, len);			/* patched by evb_end() */
	scap_buf_u16(buf, type16);
	scap_buf_u32(buf, nparams);
	scap_buf_reserve(buf, slots);
	memset(buf->p + buf->len, 0, slots);
	buf->len += slots;
}

void evb_param(struct event_builder *b, const void *p, size_t n)
{
	unsigned w = scap_event_len_width(b->type);
	uint8_t *slot;

	if (b->np >= b->nparams)
		return;
	scap_buf_put(b->buf, p, n);
	slot = b->buf->p + b->start + SCAP_EVENT_HDR_V2 + (size_t)b->np * w;
	if (w == 4) {
		uint32_t l = (uint32_t)n;

		memcpy(slot, &l, 4);
	} else {
		uint16_t l = (uint16_t)n;

		memcpy(slot, &l, 2);
	}
	b->np++;
}

void evb_unavailable(struct event_builder *b)
{
	static const uint8_t zeros[16];
	const struct scap_event_info *info = scap_event_info(b->type);
	enum scap_param_type pt;
	unsigned width;

	if (!info || b->np >= (unsigned)info->nparams) {
		evb_empty(b);
		return;
	}
	pt = info->params[b->np].type;
	width = scap_param_type_width(pt);
	if (width && width <= sizeof(zeros))
		evb_param(b, zeros, width);
	else if ((pt == SCAP_PT_CHARBUF || pt == SCAP_PT_FSPATH || pt == SCAP_PT_FSRELPATH) &&
		 b->np < (unsigned)info->nparams_029)
		evb_param(b, "", 1);
	else
		evb_empty(b);
}

size_t evb_end(struct event_builder *b)
{
	uint32_t len = (uint32_t)(b->buf->len - b->start);

	memcpy(b->buf->p + b->start + 16, &len, 4);
	return len;
}
