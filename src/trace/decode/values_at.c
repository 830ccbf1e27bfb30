/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Single values the kernel reads or writes through a pointer argument, printed in
 * brackets as strace does: [3], [4294967295], [0x7f...], [NULL]; or the address where
 * strace prints it instead (see fetch_or_print_addr).
 */
#include <inttypes.h>

#include "trace/decode.h"

bool print_int_at(struct sc *sc, uint64_t addr)
{
	int32_t v;
	if (!fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		return false;
	pr_textf(sc->p, "[%" PRId32 "]", v);
	return true;
}

bool print_uint_at(struct sc *sc, uint64_t addr)
{
	uint32_t v;
	if (!fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		return false;
	pr_textf(sc->p, "[%" PRIu32 "]", v);
	return true;
}

bool print_s64_at(struct sc *sc, uint64_t addr)
{
	int64_t v;
	if (!fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		return false;
	pr_textf(sc->p, "[%" PRId64 "]", v);
	return true;
}

bool print_u64_at(struct sc *sc, uint64_t addr)
{
	uint64_t v;
	if (!fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		return false;
	pr_textf(sc->p, "[%" PRIu64 "]", v);
	return true;
}

bool print_ptr_at(struct sc *sc, uint64_t addr)
{
	uint64_t v;
	if (!fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		return false;
	pr_array_begin(sc->p);
	pr_ptr(sc->p, v);
	pr_array_end(sc->p);
	return true;
}
