/* SPDX-License-Identifier: Apache-2.0 */
/* Socket call arguments read from the tracee: sockaddrs, socket option values, msghdrs. */
#include <string.h>
#include <sys/un.h>

#include "schema/ppm_sockopt.h"
#include "trace/encode/net_values.h"

void enc_sockaddr(struct enc *e, uint64_t addr, uint64_t alen)
{
	const struct mem_reader *mem = e->ev->mem;
	uint8_t sa[128] = { 0 }, out[128];
	uint16_t family, port;

	if (!addr || alen < 2 || !mem ||
	    mem->read(mem, addr, sa, alen < sizeof(sa) ? alen : sizeof(sa))) {
		evb_empty(e->b);
		return;
	}
	memcpy(&family, sa, 2);
	/* scap families are Linux's numbers */
	if (family == AF_INET && alen >= 8) {
		out[0] = AF_INET;
		memcpy(out + 1, sa + 4, 4);
		port = (uint16_t)(sa[2] << 8 | sa[3]);
		memcpy(out + 5, &port, 2);
		evb_param(e->b, out, 7);
	} else if (family == AF_INET6 && alen >= 24) {
		out[0] = AF_INET6;
		memcpy(out + 1, sa + 8, 16);
		port = (uint16_t)(sa[2] << 8 | sa[3]);
		memcpy(out + 17, &port, 2);
		evb_param(e->b, out, 19);
	} else if (family == AF_UNIX) {		/* abstract names lose their NUL */
		const char *path = (const char *)sa + 2;
		size_t n;

		if (!path[0])
			path++;
		n = strnlen(path, 107);
		out[0] = AF_UNIX;
		memcpy(out + 1, path, n);
		out[1 + n] = 0;
		evb_param(e->b, out, n + 2);
	} else {
		evb_empty(e->b);
	}
}

/*
 * The value as PT_DYN: the alternative's u8 (ppm_sockopt_val_kind), then the value read from
 * the tracee at ADDR; unreadable fixed-size values read as 0, as in libs' drivers, and an
 * option of no known shape is its first LEN bytes, cut at the snaplen.
 */
void enc_sockopt_val(struct enc *e, int level, int optname, uint64_t addr, uint32_t len)
{
	static uint8_t out[1 + ENC_MAX_SNAPLEN];
	const struct mem_reader *mem = e->ev->mem;
	enum ppm_sockopt_val kind = ppm_sockopt_val_kind(level, optname);
	struct { int64_t sec, usec; } tv = { 0 };
	int32_t v32 = 0;
	uint64_t v64 = 0;
	size_t n = 8;

	out[0] = kind;
	switch (kind) {
	case PPM_SOCKOPT_VAL_ERRNO:
	case PPM_SOCKOPT_VAL_UINT32:
		if (!addr || !mem || mem->read(mem, addr, &v32, sizeof(v32)))
			v32 = 0;
		v64 = kind == PPM_SOCKOPT_VAL_ERRNO ? (uint64_t)-(int64_t)v32 : (uint32_t)v32;
		n = kind == PPM_SOCKOPT_VAL_ERRNO ? 8 : 4;
		break;
	case PPM_SOCKOPT_VAL_TIMEVAL:
		if (!addr || !mem || mem->read(mem, addr, &tv, sizeof(tv)))
			tv.sec = tv.usec = 0;
		v64 = (uint64_t)tv.sec * 1000000000ull + (uint64_t)tv.usec * 1000ull;
		break;
	case PPM_SOCKOPT_VAL_UINT64:
		if (!addr || !mem || mem->read(mem, addr, &v64, sizeof(v64)))
			v64 = 0;
		break;
	default:
		n = len < e->snaplen ? len : e->snaplen;
		/* A page boundary may end the readable part: shrink until it reads. */
		while (n > 0 && (!addr || !mem || mem->read(mem, addr, out + 1, n)))
			n = addr && mem ? n / 2 : 0;
		evb_param(e->b, out, 1 + n);
		return;
	}
	memcpy(out + 1, &v64, n);
	evb_param(e->b, out, 1 + n);
}

void enc_read_msghdr(struct enc *e, uint64_t addr, struct msghdr *mh)
{
	const struct mem_reader *mem = e->ev->mem;

	if (!addr || !mem || mem->read(mem, addr, mh, sizeof(*mh)))
		memset(mh, 0, sizeof(*mh));
}

uint64_t enc_iov_total(struct enc *e, const struct iovec *iov, size_t cnt)
{
	const struct mem_reader *mem = e->ev->mem;
	uint64_t total = 0;

	for (size_t i = 0; i < cnt && i < ENC_MAX_IOVCNT && mem; i++) {
		struct iovec v;

		if (mem->read(mem, (uint64_t)(uintptr_t)(iov + i), &v, sizeof(v)))
			break;
		total += v.iov_len;
	}
	return total;
}

void enc_iov_data(struct enc *e, const struct iovec *iov, size_t cnt, uint64_t len)
{
	static uint8_t tmp[ENC_MAX_SNAPLEN];
	const struct mem_reader *mem = e->ev->mem;
	size_t copied = 0;

	if (len > e->snaplen)
		len = e->snaplen;
	for (size_t i = 0; i < cnt && i < ENC_MAX_IOVCNT && copied < len && mem; i++) {
		struct iovec v;
		size_t n = len - copied;

		if (mem->read(mem, (uint64_t)(uintptr_t)(iov + i), &v, sizeof(v)))
			break;
		if (n > v.iov_len)
			n = v.iov_len;
		if (n && mem->read(mem, (uint64_t)(uintptr_t)v.iov_base, tmp + copied, n))
			break;
		copied += n;
	}
	evb_param(e->b, tmp, copied);
}
