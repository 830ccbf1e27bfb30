/* SPDX-License-Identifier: Apache-2.0 */
/* Prototypes of every decoder; each area's .c file defines its own. */
#ifndef SYSRAY_TRACE_DECODE_DECODERS_H
#define SYSRAY_TRACE_DECODE_DECODERS_H

#include <stddef.h>

#include "trace/decode.h"

/* Arguments by the kinds the syscall table gives: fds, paths, strings; the rest in hex. */
int decode_generic(struct sc *sc);

/* The registry's rows, for tests. */
size_t decoder_count(void);
const char *decoder_name(size_t i);

#define DECODER(name_, fn_) int fn_(struct sc *sc);
#include "trace/decode/list.def"
#undef DECODER

#endif
