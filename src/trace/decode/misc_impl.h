/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What the decoders of the memory, time, credential and resource syscalls (memory.c,
 * misc.c, time.c, creds.c, resource.c) share among themselves.
 */
#ifndef SYSRAY_TRACE_DECODE_MISC_IMPL_H
#define SYSRAY_TRACE_DECODE_MISC_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "trace/decode.h"

/* True when the syscall ended with one of the kernel's restart codes (ERESTARTSYS...). */
bool misc_is_erestart(const struct sc *sc);

/*
 * A value that strace prints as text in the default style ("8192*1024"), as the number in
 * the raw style, and as the number followed by the text in a comment in the verbose style.
 * NUM is the number as text.
 */
void misc_print_alt(struct sc *sc, const char *num, const char *text);

/* An I/O priority as text: IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4) (resource.c). */
void ioprio_text(const struct sc *sc, char *buf, size_t n, uint32_t ioprio);

#endif
