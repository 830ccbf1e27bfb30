/* SPDX-License-Identifier: Apache-2.0 */
/* For the test programs: memory that ends where an unreadable page begins, so that a
 * tracer reading one byte past an object fails there, as the kernel would. */
#ifndef SYSRAY_TESTS_PROGS_TAIL_ALLOC_H
#define SYSRAY_TESTS_PROGS_TAIL_ALLOC_H

#include <stddef.h>
#include <sys/mman.h>
#include <unistd.h>

/* SIZE bytes that end where a PROT_NONE page begins; the program exits if mmap fails. */
static inline void *tail_alloc(size_t size)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t len = (size + page - 1) / page * page;
	char *p = mmap(NULL, len + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		       0);

	if (p == MAP_FAILED)
		_exit(1);
	mprotect(p + len, page, PROT_NONE);
	return p + len - size;
}

#endif
