/* SPDX-License-Identifier: Apache-2.0 */
/* Decoders of the extended attribute syscalls: set, get, list and remove, by path or fd. */
#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/xlat_file.h"

#define XATTR_VALUE_MAX 65536	/* the kernel's XATTR_SIZE_MAX */

/*
 * A value of SIZE bytes, a buffer bounded by -s. Values are often C strings: a NUL as
 * the last byte shown is left out, and then no "..." follows even if the value went on
 * (not in hex styles, which show every byte).
 */
static void print_xattr_buf(struct sc *sc, uint64_t addr, uint64_t size)
{
	char buf[4096];
	size_t limit = (size_t)str_limit(sc);
	size_t n = size < limit ? (size_t)size : limit;

	if (!addr || n > sizeof(buf) || sc->p->str_style != PR_STR_ESCAPE) {
		print_buf(sc, addr, size);
		return;
	}
	if (umove(sc, addr, buf, n) < 0) {
		pr_hex(sc->p, addr);
		return;
	}
	if (n && buf[n - 1] == 0)
		pr_quoted(sc->p, buf, n - 1, 0);
	else
		pr_quoted(sc->p, buf, n, size > n ? PR_QUOTE_ELLIPSIS : 0);
}

/* The value (SIZE bytes), then the size argument INSIZE. */
static void print_xattr_value(struct sc *sc, uint64_t addr, uint64_t insize, uint64_t size)
{
	if (size > XATTR_VALUE_MAX)
		print_addr(sc, addr);
	else
		print_xattr_buf(sc, addr, size);
	pr_uint(sc->p, insize);
}

/* setxattr, lsetxattr: PATH, NAME, VALUE, SIZE, FLAGS. */
int decode_setxattr(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	print_str(sc, sc->arg[1]);
	print_xattr_value(sc, sc->arg[2], sc->arg[3], sc->arg[3]);
	pr_flags(sc->p, &xlat_xattr_flags, (uint32_t)sc->arg[4], "XATTR_???");
	return RV_DECODED | RV_DEC;
}

int decode_fsetxattr(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_str(sc, sc->arg[1]);
	print_xattr_value(sc, sc->arg[2], sc->arg[3], sc->arg[3]);
	pr_flags(sc->p, &xlat_xattr_flags, (uint32_t)sc->arg[4], "XATTR_???");
	return RV_DECODED | RV_DEC;
}

/* At exit the value is as long as the result (on failure -1, beyond any value: the address). */
static int getxattr_exit(struct sc *sc)
{
	print_xattr_value(sc, sc->arg[2], sc->arg[3], (uint64_t)sc->rval);
	return RV_DEC;
}

/* getxattr, lgetxattr. */
int decode_getxattr(struct sc *sc)
{
	if (sc->exiting)
		return getxattr_exit(sc);
	print_path(sc, sc->arg[0]);
	print_str(sc, sc->arg[1]);
	return DEC_AT_EXIT;
}

int decode_fgetxattr(struct sc *sc)
{
	if (sc->exiting)
		return getxattr_exit(sc);
	print_fd(sc, (int)sc->arg[0]);
	print_str(sc, sc->arg[1]);
	return DEC_AT_EXIT;
}

/* The NUL-separated list: a buffer of the result's length. */
static int listxattr_exit(struct sc *sc)
{
	if (!sc->arg[2] || sc_failed(sc))
		print_addr(sc, sc->arg[1]);
	else
		print_buf(sc, sc->arg[1], (uint64_t)sc->rval);
	pr_uint(sc->p, sc->arg[2]);
	return RV_DEC;
}

/* listxattr, llistxattr. */
int decode_listxattr(struct sc *sc)
{
	if (sc->exiting)
		return listxattr_exit(sc);
	print_path(sc, sc->arg[0]);
	return DEC_AT_EXIT;
}

int decode_flistxattr(struct sc *sc)
{
	if (sc->exiting)
		return listxattr_exit(sc);
	print_fd(sc, (int)sc->arg[0]);
	return DEC_AT_EXIT;
}

/* removexattr, lremovexattr. */
int decode_removexattr(struct sc *sc)
{
	print_path(sc, sc->arg[0]);
	print_str(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_fremovexattr(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	print_str(sc, sc->arg[1]);
	return RV_DECODED | RV_DEC;
}
