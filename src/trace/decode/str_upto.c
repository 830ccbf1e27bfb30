/* SPDX-License-Identifier: Apache-2.0 */
/* Strings bounded both by a length the syscall defines and by -s. */
#include "trace/decode.h"

/*
 * A NUL-terminated string of at most LEN bytes, also bounded by -s. One byte past the -s
 * limit is read: "..." follows only when no NUL was found in all that was read.
 */
void print_str_upto(struct sc *sc, uint64_t addr, size_t len)
{
	char buf[256];
	size_t limit = (size_t)str_limit(sc);
	size_t size = len < limit + 1 ? len : limit + 1;
	if (size > sizeof(buf))
		size = sizeof(buf);
	long n = -1;
	/* Nothing to read is an empty string, whatever the address. */
	if (!len && addr && !sc->no_deref) {
		pr_quoted(sc->p, buf, 0, 0);
		return;
	}
	if (addr && !sc->no_deref && sc->mem && sc->mem->read_str)
		n = sc->mem->read_str(sc->mem, addr, buf, size);
	if (n < 0) {
		print_addr(sc, addr);
		return;
	}
	size_t shown = size < limit ? size : limit;
	if ((size_t)n < size)
		pr_quoted(sc->p, buf, (size_t)n, 0);
	else
		pr_quoted(sc->p, buf, shown, PR_QUOTE_ELLIPSIS);
}

/*
 * A string in a field of LEN bytes whose last byte is its NUL: at most LEN - 1 bytes
 * shown (and -s), "..." only when the byte after those shown is not the NUL.
 */
void print_str_in_field(struct sc *sc, uint64_t addr, size_t len)
{
	char buf[256];
	size_t limit = (size_t)str_limit(sc);
	size_t want = len < limit + 1 ? len : limit + 1;
	if (want > sizeof(buf))
		want = sizeof(buf);
	long n = -1;
	if (addr && !sc->no_deref && sc->mem && sc->mem->read_str)
		n = sc->mem->read_str(sc->mem, addr, buf, want);
	if (n < 0 || !want) {
		print_addr(sc, addr);
		return;
	}
	size_t size = want - 1;
	if ((size_t)n > size)
		pr_quoted(sc->p, buf, size, PR_QUOTE_ELLIPSIS);
	else
		pr_quoted(sc->p, buf, (size_t)n, 0);
}
