/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading tracee memory for printing, with strace's rules for when a pointer is printed
 * as an address instead of what it points to.
 */
#include "trace/decode.h"

int umove(const struct sc *sc, uint64_t addr, void *buf, size_t n)
{
	if (!sc->mem || !sc->mem->read)
		return -1;
	return sc->mem->read(sc->mem, addr, buf, n);
}

/*
 * Whether ADDR is dereferenced at all: not NULL, not with -e verbose=none, and not an
 * output of a failed syscall (the kernel wrote nothing there) unless AFTER_FAILURE.
 */
static bool may_read(const struct sc *sc, uint64_t addr, bool after_failure)
{
	return addr && !sc->no_deref && (after_failure || !(sc->exiting && sc_failed(sc)));
}

bool peek_mem(struct sc *sc, uint64_t addr, void *buf, size_t n)
{
	return may_read(sc, addr, false) && umove(sc, addr, buf, n) == 0;
}

bool fetch_or_print_addr(struct sc *sc, uint64_t addr, void *buf, size_t n)
{
	if (peek_mem(sc, addr, buf, n))
		return true;
	print_addr(sc, addr);
	return false;
}

bool fetch_or_print_addr_any(struct sc *sc, uint64_t addr, void *buf, size_t n)
{
	if (may_read(sc, addr, true) && umove(sc, addr, buf, n) == 0)
		return true;
	print_addr(sc, addr);
	return false;
}

/*
 * The kernel takes an extensible struct larger than it knows when the bytes past its end
 * are zero; strace reads them up to a page. BUF holds them when TAIL_NONZERO.
 */
enum { TAIL_NONE, TAIL_NONZERO, TAIL_UNREADABLE };

static int read_tail(struct sc *sc, uint64_t addr, size_t start, size_t total, unsigned char *buf)
{
	if (start >= total)
		return TAIL_NONE;
	if (umove(sc, addr + start, buf, total - start) != 0)
		return TAIL_UNREADABLE;
	for (size_t i = 0; i < total - start; i++)
		if (buf[i])
			return TAIL_NONZERO;
	return TAIL_NONE;
}

#define TAIL_MAX 4096

bool has_nonzero_tail(struct sc *sc, uint64_t addr, size_t start, uint64_t size)
{
	unsigned char buf[TAIL_MAX];
	size_t total = size < TAIL_MAX ? (size_t)size : TAIL_MAX;
	return read_tail(sc, addr, start, total, buf) != TAIL_NONE;
}

void print_nonzero_tail(struct sc *sc, uint64_t addr, size_t start, uint64_t size)
{
	unsigned char buf[TAIL_MAX];
	size_t total = size < TAIL_MAX ? (size_t)size : TAIL_MAX;
	switch (read_tail(sc, addr, start, total, buf)) {
	case TAIL_NONE:
		return;
	case TAIL_UNREADABLE:
		pr_item(sc->p);
		pr_raw(sc->p, "???");
		return;
	}
	size_t len = total - start;
	size_t limit = (size_t)str_limit(sc);
	size_t shown = len < limit ? len : limit;
	pr_item(sc->p);
	pr_rawf(sc->p, "/* bytes %zu..%zu */ ", start, total - 1);
	pr_join(sc->p, "");
	pr_quoted(sc->p, (const char *)buf, shown, PR_QUOTE_HEX |
		  (shown < len ? PR_QUOTE_ELLIPSIS : 0));
}
