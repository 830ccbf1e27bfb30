/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the descriptor and I/O decoders (desc.c, io.c, poll.c, fcntl.c, ioctl.c) share
 * beyond the helpers of decode.h.
 */
#ifndef SYSRAY_TRACE_DECODE_DESC_IMPL_H
#define SYSRAY_TRACE_DECODE_DESC_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace/decode.h"

/* SEEK_SET, SEEK_CUR, ...: lseek and struct flock. */
extern const struct xlat desc_whence_codes;
/* RWF_* of preadv2/pwritev2 and of an aio control block (io.c). */
extern const struct xlat desc_rwf_flags;
/* POLLIN, POLLOUT, ...: poll and an aio poll request (poll.c). */
extern const struct xlat desc_poll_events;

/* Decoder entry points split over several files are declared by decoders.h. */

#endif
