/* SPDX-License-Identifier: Apache-2.0 */
/* A growable byte buffer of little-endian values: the writer's blocks and the event records
 * (capture/event_builder.h) are built in it. Values are stored in host order, which is the
 * format's little-endian on the architectures we build for (x86_64). */
#ifndef SYSRAY_CAPTURE_SCAP_BUF_H
#define SYSRAY_CAPTURE_SCAP_BUF_H

#include <stddef.h>
#include <stdint.h>

struct scap_buf {
	uint8_t *p;
	size_t len;
	size_t cap;
};

/* Makes room for N more bytes (p may move). */
void scap_buf_reserve(struct scap_buf *b, size_t n);
/* Appends N bytes at P. */
void scap_buf_put(struct scap_buf *b, const void *p, size_t n);
void scap_buf_free(struct scap_buf *b);

static inline void scap_buf_u8(struct scap_buf *b, uint8_t v)
{
	scap_buf_put(b, &v, 1);
}

static inline void scap_buf_u16(struct scap_buf *b, uint16_t v)
{
	scap_buf_put(b, &v, 2);
}

static inline void scap_buf_u32(struct scap_buf *b, uint32_t v)
{
	scap_buf_put(b, &v, 4);
}

static inline void scap_buf_u64(struct scap_buf *b, uint64_t v)
{
	scap_buf_put(b, &v, 8);
}

#endif
