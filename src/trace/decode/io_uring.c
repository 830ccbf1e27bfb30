/* SPDX-License-Identifier: Apache-2.0 */
/* io_uring_enter (linux/io_uring.h); io_uring_setup is with the fd makers in desc.c. */
#include "trace/decode.h"
#include "trace/decode/decoders.h"

STATIC_XLAT(uring_enter_flags,
	{ 1u << 0, "IORING_ENTER_GETEVENTS" }, { 1u << 1, "IORING_ENTER_SQ_WAKEUP" },
	{ 1u << 2, "IORING_ENTER_SQ_WAIT" }, { 1u << 3, "IORING_ENTER_EXT_ARG" },
	{ 1u << 4, "IORING_ENTER_REGISTERED_RING" });

int decode_io_uring_enter(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_uint(sc->p, (uint32_t)sc->arg[1]);
	pr_uint(sc->p, (uint32_t)sc->arg[2]);
	pr_flags(sc->p, &uring_enter_flags, (uint32_t)sc->arg[3], "IORING_ENTER_???");
	print_sigset_at(sc, sc->arg[4], sc->arg[5]);
	pr_uint(sc->p, sc->arg[5]);
	return RV_DECODED | RV_DEC;
}
