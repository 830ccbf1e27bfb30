/*
 * Helpers shared by the descriptor and I/O decoders (desc.c, io.c, poll.c, fcntl.c,
 * ioctl.c): strace's rules for reading a struct or an array out of the tracee, and the
 * time and signal-set values several of them print.
 */
#ifndef SYSRAY_TRACE_DECODE_DESC_IMPL_H
#define SYSRAY_TRACE_DECODE_DESC_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace/decode.h"

/*
 * Reads N bytes at ADDR for printing. When that is not possible or not wanted, prints
 * what strace prints in their place and returns false: NULL for a null pointer, else
 * the address (with -e verbose=none, for an output argument of a failed syscall, or
 * for unreadable memory).
 */
bool desc_fetch(struct sc *sc, uint64_t addr, void *buf, size_t n);

/* Reads N bytes at ADDR silently; false under the same conditions as desc_fetch. */
bool desc_peek(struct sc *sc, uint64_t addr, void *buf, size_t n);

/* Prints one array element held in ELEM; false stops the array there. */
typedef bool desc_elem_fn(struct sc *sc, const void *elem, void *data);

enum {
	DESC_ARRAY_IGNORE_ERR = 1 << 0,	/* read the elements even if the syscall failed */
};

/*
 * An array of NMEMB elements of SIZE bytes at ADDR, as strace prints one: NULL, [] for
 * no element, the address when the first element cannot be read, "..." after -s
 * elements unless -v, and "..., / * 0xADDR * /" where the memory ends early.
 */
void desc_print_array(struct sc *sc, uint64_t addr, uint64_t nmemb, size_t size,
		      unsigned flags, desc_elem_fn *print_elem, void *data);

/* A struct timespec / timeval / itimerspec at ADDR: {tv_sec=1, tv_nsec=0}. */
void desc_print_timespec(struct sc *sc, uint64_t addr);
void desc_print_timeval(struct sc *sc, uint64_t addr);
void desc_print_itimerspec(struct sc *sc, uint64_t addr);

/*
 * The text of a timespec / timeval at ADDR for a result comment ("left {...}"): NULL,
 * the address when it cannot be read, else the struct. Writes into BUF.
 */
const char *desc_sprint_timespec(struct sc *sc, uint64_t addr, char *buf, size_t n);
const char *desc_sprint_timeval(struct sc *sc, uint64_t addr, char *buf, size_t n);

/* A kernel sigset_t of LEN bytes at ADDR ([USR1], ~[RTMIN], []), or its address. */
void desc_print_sigmask(struct sc *sc, uint64_t addr, uint64_t len);

/* The bytes of a buffer, strace's printstrn with every byte in \xhh form. */
void desc_print_buf_hex(struct sc *sc, uint64_t addr, uint64_t len);

/* Clock ids of timerfd_create: CLOCK_MONOTONIC, FD_TO_CLOCKID(3), ... */
void desc_print_clockid(struct sc *sc, int clockid);

/*
 * Renders flags of X into BUF the way strace writes them in a result comment, in the
 * -X STYLE: "A|B|0x10", "0x3", "0x3 / * A|B * /".
 */
const char *desc_sprint_flags(char *buf, size_t n, const struct xlat *x, uint64_t v,
			      enum pr_xlat_style style);

/* SEEK_SET, SEEK_CUR, ...: lseek and struct flock. */
extern const struct xlat desc_whence_codes;

/* The -s limit. */
unsigned desc_str_limit(const struct sc *sc);

/* Decoder entry points split over several files are declared by decoders.h. */

#endif
