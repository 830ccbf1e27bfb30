/* What the file-name decoders (file.c, stat.c) share among themselves. */
#ifndef SYSRAY_TRACE_DECODE_FILE_IMPL_H
#define SYSRAY_TRACE_DECODE_FILE_IMPL_H

#include "trace/decode.h"

/*
 * Reads LEN bytes at ADDR into BUF for printing, or prints what strace prints instead
 * and returns false: NULL for a null pointer, the address when the memory cannot be
 * read, when dereferencing is off (-e verbose=none), or when the syscall failed and the
 * buffer is an output the kernel did not fill.
 */
bool fetch_or_print_addr(struct sc *sc, uint64_t addr, void *buf, size_t len);

#endif
