/* SPDX-License-Identifier: Apache-2.0 */
/*
 * -e read=SET / -e write=SET: after the line of a syscall that moved data through a
 * descriptor in SET, the whole data (not bounded by -s) as a hex dump, as strace 6.1
 * prints it:
 *
 *  | 00000  7a 79 78 77 76 75 74 73  72 71 70 6f 6e 6d 6c 6b  zyxwvutsrqponmlk |
 *
 * Data written is dumped whatever the result (the buffer the process handed in);
 * data read only on success, as much as the result says was read.
 */
#include "trace/print_extra.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "trace/opts.h"

/* Bytes per dump row, in two groups of 8. */
#define ROW_BYTES 16
#define GROUP_BYTES 8
/* The data is fetched from the tracee in pieces of this size. */
#define FETCH_BYTES (1u << 16)
/* Offsets take 5 hex digits unless the data is longer than 16^5 bytes. */
#define OFFSET_DIGITS 5
/* More iovecs than this cannot be in one call; a larger count is garbage. */
#define IOV_COUNT_SANE (1 << 20)

/* struct mmsghdr on x86_64: a struct msghdr, the unsigned msg_len, padding. */
#define MSGHDR_SIZE 56
#define MSGHDR_IOV_OFFSET 16
#define MSGHDR_IOVLEN_OFFSET 24
#define MMSGHDR_SIZE 64

static bool fd_in(const uint64_t *set, int64_t fd)
{
	if (fd < 0 || fd >= FD_SET_BITS)
		return false;
	return set[fd / 64] >> (fd % 64) & 1;
}

static bool printable(unsigned char c)
{
	return c >= ' ' && c < 0x7f;
}

static int offset_digits(uint64_t len)
{
	if (len <= (1ull << (OFFSET_DIGITS * 4)))
		return OFFSET_DIGITS;
	int top_bit = 63 - __builtin_clzll(len - 1);
	return 1 + top_bit / 4;
}

/* One row: up to 16 bytes of BYTES at offset OFF, padded with blanks past the end. */
static void dump_row(struct out *o, const unsigned char *bytes, size_t n, uint64_t off,
		     int digits)
{
	static const char hex[] = "0123456789abcdef";

	out_printf(o, " | %0*" PRIx64 "  ", digits, off);
	for (size_t i = 0; i < ROW_BYTES; i++) {
		if (i < n) {
			out_putc(o, hex[bytes[i] >> 4]);
			out_putc(o, hex[bytes[i] & 0xf]);
		} else {
			out_puts(o, "  ");
		}
		out_putc(o, ' ');
		if ((i + 1) % GROUP_BYTES == 0)
			out_putc(o, ' ');
	}
	for (size_t i = 0; i < ROW_BYTES; i++)
		out_putc(o, i < n ? (printable(bytes[i]) ? (char)bytes[i] : '.') : ' ');
	out_puts(o, " |\n");
}

/*
 * LEN bytes at ADDR. Nothing when the first piece is unreadable; a note when a later
 * piece is, after the rows already printed.
 */
static void dump_bytes(struct sc *sc, struct out *o, uint64_t addr, uint64_t len)
{
	if (len + ROW_BYTES < len || addr + len < addr)
		return;
	int digits = offset_digits(len);
	size_t bufsize = len < FETCH_BYTES ? (size_t)len : FETCH_BYTES;
	unsigned char *buf = malloc(bufsize ? bufsize : 1);
	if (!buf)
		return;
	for (uint64_t done = 0; done < len;) {
		size_t piece = len - done < bufsize ? (size_t)(len - done) : bufsize;
		if (umove(sc, addr + done, buf, piece) < 0) {
			if (done)
				out_printf(o, " | <Cannot fetch %zu byte%s from pid %d @%#" PRIx64
					   ">\n", piece, piece == 1 ? "" : "s", (int)sc->pid,
					   addr + done);
			break;
		}
		for (size_t i = 0; i < piece; i += ROW_BYTES) {
			size_t n = piece - i < ROW_BYTES ? piece - i : ROW_BYTES;
			dump_row(o, buf + i, n, done + i, digits);
		}
		done += piece;
	}
	free(buf);
}

/*
 * COUNT iovecs at ADDR, each dumped after a " * N bytes in buffer I" line, until
 * LIMIT bytes are shown or a buffer is empty.
 */
static void dump_iov(struct sc *sc, struct out *o, uint64_t addr, int count, uint64_t limit)
{
	if (count <= 0 || count > IOV_COUNT_SANE)
		return;
	struct { uint64_t base, len; } *iov = calloc((size_t)count, sizeof(*iov));
	if (!iov)
		return;
	if (umove(sc, addr, iov, (size_t)count * sizeof(*iov)) == 0) {
		for (int i = 0; i < count; i++) {
			uint64_t n = iov[i].len < limit ? iov[i].len : limit;
			if (!n)
				break;
			limit -= n;
			out_printf(o, " * %" PRIu64 " bytes in buffer %d\n", n, i);
			dump_bytes(sc, o, iov[i].base, n);
		}
	}
	free(iov);
}

static void dump_msghdr_iov(struct sc *sc, struct out *o, uint64_t addr, uint64_t limit)
{
	unsigned char msg[MSGHDR_SIZE];
	uint64_t iov, iovlen;
	if (umove(sc, addr, msg, sizeof(msg)) < 0)
		return;
	memcpy(&iov, msg + MSGHDR_IOV_OFFSET, sizeof(iov));
	memcpy(&iovlen, msg + MSGHDR_IOVLEN_OFFSET, sizeof(iovlen));
	dump_iov(sc, o, iov, (int)iovlen, limit);
}

/* The first NMSGS messages of an mmsghdr array, each with the length the kernel set. */
static void dump_mmsghdrs(struct sc *sc, struct out *o, uint64_t addr, unsigned nmsgs)
{
	for (unsigned i = 0; i < nmsgs; i++, addr += MMSGHDR_SIZE) {
		unsigned char m[MMSGHDR_SIZE];
		uint64_t iov, iovlen;
		uint32_t msg_len;
		if (umove(sc, addr, m, sizeof(m)) < 0)
			break;
		memcpy(&iov, m + MSGHDR_IOV_OFFSET, sizeof(iov));
		memcpy(&iovlen, m + MSGHDR_IOVLEN_OFFSET, sizeof(iovlen));
		memcpy(&msg_len, m + MSGHDR_SIZE, sizeof(msg_len));
		out_printf(o, " = %" PRIu64 " buffers in vector %u\n", iovlen, i);
		dump_iov(sc, o, iov, (int)iovlen, msg_len);
	}
}

/* The data a writing syscall handed to the kernel. */
static void dump_written(struct sc *sc, struct out *o)
{
	switch (sc->nr) {
	case SYS_write:
	case SYS_pwrite64:
	case SYS_sendto:
	case SYS_mq_timedsend:
		dump_bytes(sc, o, sc->arg[1], sc->arg[2]);
		break;
	case SYS_writev:
	case SYS_pwritev:
	case SYS_pwritev2:
	case SYS_vmsplice:
		dump_iov(sc, o, sc->arg[1], (int)sc->arg[2], UINT64_MAX);
		break;
	case SYS_sendmsg:
		dump_msghdr_iov(sc, o, sc->arg[1], UINT64_MAX);
		break;
	case SYS_sendmmsg:
		/* The result counts the messages sent; a failure sent none we can name. */
		if (!sc->err)
			dump_mmsghdrs(sc, o, sc->arg[1], (unsigned)sc->rval);
		break;
	}
}

/* The data a reading syscall received: as many bytes as it returned. */
static void dump_read(struct sc *sc, struct out *o)
{
	uint64_t got = (uint64_t)sc->rval;

	switch (sc->nr) {
	case SYS_read:
	case SYS_pread64:
	case SYS_recvfrom:
	case SYS_mq_timedreceive:
		dump_bytes(sc, o, sc->arg[1], got);
		break;
	case SYS_readv:
	case SYS_preadv:
	case SYS_preadv2:
		dump_iov(sc, o, sc->arg[1], (int)sc->arg[2], got);
		break;
	case SYS_recvmsg:
		dump_msghdr_iov(sc, o, sc->arg[1], got);
		break;
	case SYS_recvmmsg:
		dump_mmsghdrs(sc, o, sc->arg[1], (unsigned)sc->rval);
		break;
	}
}

void print_io_dumps(struct sc *sc, struct out *line)
{
	if (!sc->opt)
		return;
	/* The descriptor is the first argument of every dumping syscall. */
	int64_t fd = (int)sc->arg[0];
	if (fd < 0)
		return;
	if (fd_in(sc->opt->write_fds, fd))
		dump_written(sc, line);
	if (!sc->err && fd_in(sc->opt->read_fds, fd))
		dump_read(sc, line);
}
