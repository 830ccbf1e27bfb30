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
