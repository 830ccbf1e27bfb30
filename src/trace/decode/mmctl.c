/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Memory control syscalls of no larger family: protection keys (pkey_alloc, pkey_free),
 * userfaultfd and set_mempolicy_home_node.
 */
#include "trace/decode.h"
#include "trace/decode/decoders.h"

/* linux/mman.h: the rights a protection key starts with. */
STATIC_XLAT(pkey_access,
	{ 1, "PKEY_DISABLE_ACCESS" }, { 2, "PKEY_DISABLE_WRITE" }, { 4, "PKEY_DISABLE_EXECUTE" });

/* linux/userfaultfd.h: UFFD_USER_MODE_ONLY and the O_ flags of the new fd. */
STATIC_XLAT(uffd_flags,
	{ 1, "UFFD_USER_MODE_ONLY" }, { 0x800, "O_NONBLOCK" }, { 0x80000, "O_CLOEXEC" });

int decode_pkey_alloc(struct sc *sc)
{
	/* flags must be 0: printed as a number, whatever it holds. */
	pr_hex(sc->p, sc->arg[0]);
	pr_flags(sc->p, &pkey_access, sc->arg[1], "PKEY_???");
	return RV_DECODED | RV_DEC;
}

int decode_pkey_free(struct sc *sc)
{
	pr_int(sc->p, (int)sc->arg[0]);
	return RV_DECODED | RV_DEC;
}

int decode_userfaultfd(struct sc *sc)
{
	pr_flags(sc->p, &uffd_flags, (uint32_t)sc->arg[0], "UFFD_???");
	return RV_DECODED | RV_FD;
}

int decode_set_mempolicy_home_node(struct sc *sc)
{
	print_addr(sc, sc->arg[0]);
	pr_uint(sc->p, sc->arg[1]);
	pr_uint(sc->p, sc->arg[2]);
	pr_hex(sc->p, sc->arg[3]);
	return RV_DECODED | RV_DEC;
}
