/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The one way an event record is built (reference §10.1): the v2 header, the parameter length
 * array (u16 entries, u32 for LARGE_PAYLOAD types) sized for the event's parameter count, then
 * each parameter's value in order, appended to a scap_buf. The .scap writer builds its event
 * blocks with it; the ptrace encoders (trace/encode/) build their events with it.
 */
#ifndef SYSRAY_CAPTURE_EVENT_BUILDER_H
#define SYSRAY_CAPTURE_EVENT_BUILDER_H

#include <stddef.h>
#include <stdint.h>

#include "capture/scap_buf.h"

struct event_builder {
	struct scap_buf *buf;
	size_t start;		/* offset of the record in buf */
	uint16_t type;
	uint32_t nparams;	/* length slots of the record */
	uint32_t np;		/* parameters appended */
};

/* Starts the record of an event of TYPE with NPARAMS parameters at the end of BUF. */
void evb_begin(struct event_builder *b, struct scap_buf *buf, uint64_t ts, int64_t tid,
	       unsigned type, uint32_t nparams);
/* Appends the next parameter: N bytes at P (N 0: not available). Past NPARAMS: ignored. */
void evb_param(struct event_builder *b, const void *p, size_t n);
/*
 * Appends the next parameter as one a producer does not see. Zero for fixed-width types and
 * "" for strings rather than an empty parameter: sysdig 0.29 reads an empty fixed-width
 * parameter past its end and prints garbage. A string past the parameters 0.29 reads is
 * empty: current libs take "" as a value (execve's trusted_exepath "" replaces the path they
 * rebuild from the enter event) but refuse a number of another width.
 */
void evb_unavailable(struct event_builder *b);
/* Ends the record (parameters never appended stay empty); returns its length. The record is
 * the bytes of BUF from b->start. */
size_t evb_end(struct event_builder *b);

static inline void evb_empty(struct event_builder *b)
{
	evb_param(b, "", 0);
}

static inline void evb_u8(struct event_builder *b, uint8_t v)
{
	evb_param(b, &v, 1);
}

static inline void evb_u16(struct event_builder *b, uint16_t v)
{
	evb_param(b, &v, 2);
}

static inline void evb_u32(struct event_builder *b, uint32_t v)
{
	evb_param(b, &v, 4);
}

static inline void evb_u64(struct event_builder *b, uint64_t v)
{
	evb_param(b, &v, 8);
}

#endif
