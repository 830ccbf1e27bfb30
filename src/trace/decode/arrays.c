/* SPDX-License-Identifier: Apache-2.0 */
/* Arrays in tracee memory, printed element by element as strace prints them. */
#include <inttypes.h>
#include <string.h>

#include "trace/decode.h"

bool array_more_at(struct sc *sc, uint64_t n)
{
	if (sc->verbose || n < (uint64_t)str_limit(sc))
		return false;
	pr_more(sc->p);
	return true;
}

void print_array(struct sc *sc, uint64_t addr, uint64_t nmemb, size_t size,
		 unsigned flags, print_elem_fn *print_elem, void *data)
{
	unsigned char elem[PRINT_ARRAY_ELEM_MAX];

	if (!addr) {
		pr_text(sc->p, "NULL");
		return;
	}
	if (!nmemb) {
		pr_array_begin(sc->p);
		pr_array_end(sc->p);
		return;
	}
	/* An array that wraps around the address space is not read at all. */
	if (size > PRINT_ARRAY_ELEM_MAX || nmemb > UINT64_MAX / size || addr + nmemb * size <= addr) {
		print_addr(sc, addr);
		return;
	}
	uint64_t i;
	for (i = 0; i < nmemb; i++) {
		uint64_t cur = addr + i * size;
		bool ok;
		if (flags & PRINT_ARRAY_IGNORE_ERR)
			ok = !sc->no_deref && umove(sc, cur, elem, size) == 0;
		else
			ok = peek_mem(sc, cur, elem, size);
		if (!ok) {
			if (i == 0) {
				print_addr(sc, addr);
				return;
			}
			pr_more(sc->p);
			pr_comment(sc->p, "%#" PRIx64, cur);
			break;
		}
		if (i == 0)
			pr_array_begin(sc->p);
		if (array_more_at(sc, i))
			break;
		if (!print_elem(sc, elem, data))
			break;
	}
	if (i == nmemb && (flags & PRINT_ARRAY_TRUNCATED))
		pr_more(sc->p);
	pr_array_end(sc->p);
}

static bool print_fd_elem(struct sc *sc, const void *elem, void *data)
{
	int fd;
	memcpy(&fd, elem, sizeof(fd));
	print_fd(sc, fd);
	return true;
}

void print_fd_pair_at(struct sc *sc, uint64_t addr)
{
	print_array(sc, addr, 2, sizeof(int), 0, print_fd_elem, NULL);
}

static bool print_iovec_elem(struct sc *sc, const void *elem, void *data)
{
	struct iov_data *d = data;
	uint64_t iov[2];	/* iov_base, iov_len */
	memcpy(iov, elem, sizeof(iov));

	uint64_t len = iov[1] < d->left ? iov[1] : d->left;
	if (d->left != UINT64_MAX)
		d->left -= len;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "iov_base");
	if (d->addresses_only)
		print_addr(sc, iov[0]);
	else if (d->print_data)
		d->print_data(sc, iov[0], len, d->ctx);
	else
		print_buf(sc, iov[0], len);
	pr_field(sc->p, "iov_len");
	pr_uint(sc->p, iov[1]);
	pr_struct_end(sc->p);
	return true;
}

void print_iovec_array(struct sc *sc, uint64_t addr, uint64_t count, struct iov_data *d)
{
	print_array(sc, addr, count, 2 * sizeof(uint64_t), PRINT_ARRAY_IGNORE_ERR,
		    print_iovec_elem, d);
}
