/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Data transfer on fds: read/write and their positioned and vectored forms, the
 * in-kernel copies (sendfile, splice, tee, vmsplice, copy_file_range) and getrandom.
 *
 * What the kernel fills in (read buffers) is printed at exit, limited to the returned
 * length; what the process hands over (write buffers) is printed at entry. Both obey -s.
 */
#include <inttypes.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/desc_impl.h"

/* ---- read and write ---- */

/* The buffer a read-like call filled: RVAL bytes of it, or its address on failure. */
static void print_read_buf(struct sc *sc, uint64_t addr)
{
	if (sc_failed(sc))
		print_addr(sc, addr);
	else
		print_buf(sc, addr, (uint64_t)sc->rval);
}

int decode_read(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_read_buf(sc, sc->arg[1]);
	pr_uint(sc->p, sc->arg[2]);
	return RV_DEC;
}

int decode_write(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_buf(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

int decode_pread64(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_read_buf(sc, sc->arg[1]);
	pr_uint(sc->p, sc->arg[2]);
	pr_int(sc->p, (int64_t)sc->arg[3]);
	return RV_DEC;
}

int decode_pwrite64(struct sc *sc)
{
	decode_write(sc);
	pr_int(sc->p, (int64_t)sc->arg[3]);
	return RV_DECODED | RV_DEC;
}

/* ---- iovec arrays ---- */

static void print_iovecs_written(struct sc *sc, uint64_t addr, uint64_t count)
{
	struct iov_data d = { .left = UINT64_MAX };
	print_iovec_array(sc, addr, count, &d);
}

static void print_iovecs_read(struct sc *sc, uint64_t addr, uint64_t count)
{
	/* A read shows only what the kernel returned; a failed one, addresses. */
	struct iov_data d = {
		.left = (uint64_t)sc->rval,
		.addresses_only = sc_failed(sc),
	};
	print_iovec_array(sc, addr, count, &d);
}

int decode_readv(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_iovecs_read(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	return RV_DEC;
}

int decode_writev(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_iovecs_written(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	return RV_DECODED | RV_DEC;
}

XLAT_DEFINE(desc_rwf_flags,
	{ 0x01, "RWF_HIPRI" },
	{ 0x02, "RWF_DSYNC" },
	{ 0x04, "RWF_SYNC" },
	{ 0x08, "RWF_NOWAIT" },
	{ 0x10, "RWF_APPEND" });

/* preadv(fd, iov, iovcnt, pos_l, pos_h[, flags]): on x86_64 pos_l holds the whole offset. */
static int decode_preadv_common(struct sc *sc, bool has_flags)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	print_iovecs_read(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	pr_int(sc->p, (int64_t)sc->arg[3]);
	if (has_flags)
		pr_flags(sc->p, &desc_rwf_flags, (uint32_t)sc->arg[5], "RWF_???");
	return RV_DEC;
}

static int decode_pwritev_common(struct sc *sc, bool has_flags)
{
	print_fd(sc, (int)sc->arg[0]);
	print_iovecs_written(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	pr_int(sc->p, (int64_t)sc->arg[3]);
	if (has_flags)
		pr_flags(sc->p, &desc_rwf_flags, (uint32_t)sc->arg[5], "RWF_???");
	return RV_DECODED | RV_DEC;
}

int decode_preadv(struct sc *sc)
{
	return decode_preadv_common(sc, false);
}

int decode_preadv2(struct sc *sc)
{
	return decode_preadv_common(sc, true);
}

int decode_pwritev(struct sc *sc)
{
	return decode_pwritev_common(sc, false);
}

int decode_pwritev2(struct sc *sc)
{
	return decode_pwritev_common(sc, true);
}

/* ---- copies inside the kernel ---- */

/*
 * sendfile(out_fd, in_fd, offset, count): the kernel advances *offset, shown as
 * "[0] => [10]" after a transfer of a nonzero amount.
 */
int decode_sendfile(struct sc *sc)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		print_fd(sc, (int)sc->arg[1]);
		if (!print_u64_at(sc, sc->arg[2]) || !sc->arg[3]) {
			pr_uint(sc->p, sc->arg[3]);
			return RV_DECODED | RV_DEC;
		}
		return DEC_AT_EXIT;
	}
	if (!sc_failed(sc) && sc->rval) {
		uint64_t v;
		if (peek_mem(sc, sc->arg[2], &v, sizeof(v)))
			pr_rawf(sc->p, " => [%" PRIu64 "]", v);
		else
			pr_rawf(sc->p, " => %#" PRIx64, sc->arg[2]);
	}
	pr_uint(sc->p, sc->arg[3]);
	return RV_DEC;
}

XLAT_DEFINE(desc_splice_flags,
	{ 1, "SPLICE_F_MOVE" },
	{ 2, "SPLICE_F_NONBLOCK" },
	{ 4, "SPLICE_F_MORE" },
	{ 8, "SPLICE_F_GIFT" });

int decode_splice(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_s64_at(sc, sc->arg[1]);
	print_fd(sc, (int)sc->arg[2]);
	print_s64_at(sc, sc->arg[3]);
	pr_uint(sc->p, sc->arg[4]);
	pr_flags(sc->p, &desc_splice_flags, (uint32_t)sc->arg[5], "SPLICE_F_???");
	return RV_DECODED | RV_DEC;
}

int decode_tee(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_fd(sc, (int)sc->arg[1]);
	pr_uint(sc->p, sc->arg[2]);
	pr_flags(sc->p, &desc_splice_flags, (uint32_t)sc->arg[3], "SPLICE_F_???");
	return RV_DECODED | RV_DEC;
}

int decode_vmsplice(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_iovecs_written(sc, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	pr_flags(sc->p, &desc_splice_flags, (uint32_t)sc->arg[3], "SPLICE_F_???");
	return RV_DECODED | RV_DEC;
}

int decode_copy_file_range(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_s64_at(sc, sc->arg[1]);
	print_fd(sc, (int)sc->arg[2]);
	print_s64_at(sc, sc->arg[3]);
	pr_uint(sc->p, sc->arg[4]);
	pr_uint(sc->p, (uint32_t)sc->arg[5]);
	return RV_DECODED | RV_DEC;
}

/* ---- getrandom ---- */

XLAT_DEFINE(desc_getrandom_flags,
	{ 1, "GRND_NONBLOCK" },
	{ 2, "GRND_RANDOM" },
	{ 4, "GRND_INSECURE" });

/* Random bytes print in \x form whatever their value; everything is shown at exit. */
int decode_getrandom(struct sc *sc)
{
	if (!sc->exiting)
		return DEC_AT_EXIT;
	if (sc_failed(sc))
		print_addr(sc, sc->arg[0]);
	else
		print_buf_hex(sc, sc->arg[0], (uint64_t)sc->rval);
	pr_uint(sc->p, sc->arg[1]);
	pr_flags(sc->p, &desc_getrandom_flags, (uint32_t)sc->arg[2], "GRND_???");
	return RV_DEC;
}
