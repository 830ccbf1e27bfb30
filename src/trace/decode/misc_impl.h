/*
 * What the decoders of the memory, time, credential and resource syscalls (memory.c,
 * misc.c, time.c, creds.c, resource.c) share among themselves.
 */
#ifndef SYSRAY_TRACE_DECODE_MISC_IMPL_H
#define SYSRAY_TRACE_DECODE_MISC_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "trace/decode.h"

/* A value <-> name table private to one file of this area (no global symbol). */
#define MISC_XLAT(name_, ...) \
	static const struct xlat_pair name_##_pairs[] = { __VA_ARGS__ }; \
	static const struct xlat name_ = { name_##_pairs, \
		sizeof(name_##_pairs) / sizeof(name_##_pairs[0]) }

/*
 * Flags as strace's printflags prints them in every -X style: names joined by '|', unknown
 * bits last in hex; with no known bit, the hex value and DFLT in a comment; "0" for none.
 */
void misc_print_flags(struct sc *sc, const struct xlat *x, uint64_t v, const char *dflt);
/* A constant as pr_xval prints it, into BUF. */
void misc_xval_text(const struct sc *sc, char *buf, size_t n, const struct xlat *x,
		    uint64_t v, const char *dflt);
/* The same text as misc_print_flags, into BUF. */
void misc_flags_text(const struct sc *sc, char *buf, size_t n, const struct xlat *x,
		     uint64_t v, const char *dflt);

/*
 * Reads N bytes at ADDR into BUF, or prints what strace prints instead and returns false:
 * NULL for a null pointer, the address when dereferencing is off (-e verbose=none), when
 * the syscall failed (an output the kernel did not fill) or when the memory is unreadable.
 */
bool misc_fetch(struct sc *sc, uint64_t addr, void *buf, size_t n);

/* Same, but a failed syscall does not stop the read (the remainder of an interrupted sleep). */
bool misc_fetch_any(struct sc *sc, uint64_t addr, void *buf, size_t n);

/* True when the syscall ended with one of the kernel's restart codes (ERESTARTSYS...). */
bool misc_is_erestart(const struct sc *sc);

/*
 * Writes the names of the bits of V known to X, joined by '|', then the rest in hex, into
 * BUF (nothing for an empty set without a zero-valued name). Returns the number of names.
 */
int misc_flags_str(char *buf, size_t n, const struct xlat *x, uint64_t v);

/*
 * A value that strace prints as text in the default style ("8192*1024"), as the number in
 * the raw style, and as the number followed by the text in a comment in the verbose style.
 * NUM is the number as text.
 */
void misc_print_alt(struct sc *sc, const char *num, const char *text);

/* "[VAL]" of an int at ADDR (signed or unsigned), with strace's fallbacks. */
void misc_print_int_at(struct sc *sc, uint64_t addr, bool is_unsigned);
/* "[0x7f...]" / "[NULL]" of a pointer stored at ADDR. */
void misc_print_ptr_at(struct sc *sc, uint64_t addr);
/* "[24]" of an unsigned long at ADDR. */
void misc_print_ulong_at(struct sc *sc, uint64_t addr);

/* Prints one array element read into ELEM. */
typedef void misc_elem_fn(struct sc *sc, const void *elem);

/*
 * NMEMB elements of SIZE bytes at ADDR as "[a, b, ...]": at most -s elements unless
 * verbose; an element that cannot be read ends the list with "... / * 0xADDR * /".
 */
void misc_print_array(struct sc *sc, uint64_t addr, uint64_t nmemb, size_t size,
		      misc_elem_fn *fn);

/* A process id argument (printpid of strace). */
void misc_print_pid(struct sc *sc, int pid);

/* A clock id: CLOCK_MONOTONIC, or hex with a comment. */
void misc_print_clockid(struct sc *sc, int clockid);

/* struct timespec / timeval values already read. */
void misc_print_timespec(struct sc *sc, int64_t sec, int64_t nsec);
void misc_print_timeval(struct sc *sc, int64_t sec, int64_t usec);

/* "2026-11-23T22:05:32+0000" (local time) into BUF; false when strace prints nothing. */
bool misc_format_time(char *buf, size_t n, int64_t sec, uint64_t frac, uint64_t max_frac,
		      int width);

#endif
