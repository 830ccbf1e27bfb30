/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unit tests' line-mode events as the kernel program lays them out (source/bpf/
 * trace_count_abi.h): a head, then chunks of copied memory, each padded to 8 bytes.
 */
#ifndef SYSRAY_TESTS_UNIT_TL_EVENTS_H
#define SYSRAY_TESTS_UNIT_TL_EVENTS_H

#include <stdint.h>
#include <string.h>

#include "source/bpf/trace_count_abi.h"

/* An event under construction: its head, then chunks. */
struct ev_buf {
	union {
		struct tl_head head;
		char bytes[4096];
	};
};

/* B as a KIND event of thread TID (its own process) for syscall NR, with no chunk yet. */
static inline struct tl_head *ev_new(struct ev_buf *b, uint32_t kind, uint32_t tid, long nr)
{
	memset(b, 0, sizeof(*b));
	b->head.kind = kind;
	b->head.tid = tid;
	b->head.tgid = tid;
	b->head.nr = nr;
	b->head.size = sizeof(b->head);
	return &b->head;
}

/* Appends LEN bytes of DATA to B's event as a chunk at ADDR with FLAGS. */
static inline void ev_chunk(struct ev_buf *b, uint64_t addr, const void *data, uint32_t len,
			    uint32_t flags)
{
	struct tl_chunk *c = (void *)(b->bytes + b->head.size);

	c->addr = addr;
	c->len = len;
	c->flags = flags;
	memcpy(c + 1, data, len);
	b->head.size += sizeof(*c) + ((len + 7) & ~7u);
}

#endif
