/* SPDX-License-Identifier: Apache-2.0 */
/* Parameters read from the stopped tracee's memory. */
#include <limits.h>

#include "trace/encode/encode.h"

void enc_user_str(struct enc *e, uint64_t addr)
{
	const struct mem_reader *mem = e->ev->mem;
	char tmp[PATH_MAX];
	long n = addr && mem ? mem->read_str(mem, addr, tmp, sizeof(tmp)) : -1;

	if (n < 0) {
		evb_empty(e->b);
		return;
	}
	if ((size_t)n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	tmp[n] = 0;
	evb_param(e->b, tmp, n + 1);
}

void enc_user_buf_max(struct enc *e, uint64_t addr, int64_t n, unsigned max)
{
	static uint8_t tmp[ENC_MAX_SNAPLEN];
	const struct mem_reader *mem = e->ev->mem;

	if (n <= 0 || !addr || !mem) {
		evb_empty(e->b);
		return;
	}
	if ((uint64_t)n > max)
		n = max;
	/* A page boundary may end the readable part: shrink until it reads. */
	while (n > 0 && mem->read(mem, addr, tmp, n))
		n /= 2;
	evb_param(e->b, tmp, n);
}

void enc_user_buf(struct enc *e, uint64_t addr, int64_t n)
{
	enc_user_buf_max(e, addr, n, e->snaplen);
}
