#include "source/ptrace/tracee_mem.h"

#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#define PAGE 4096u

/* A short read means a page in the range is unmapped: the whole read fails. */
static int read_mem(const struct mem_reader *m, uint64_t addr, void *buf, size_t n)
{
	if (!n)
		return 0;
	if (!addr)
		return -1;
	struct iovec local = { buf, n };
	struct iovec remote = { (void *)(uintptr_t)addr, n };
	return process_vm_readv(m->pid, &local, 1, &remote, 1, 0) == (ssize_t)n ? 0 : -1;
}

/*
 * process_vm_readv stops at the first unmapped page, so a string is read a page at a
 * time: the first read never crosses a page boundary it does not need to.
 */
static long read_str(const struct mem_reader *m, uint64_t addr, char *buf, size_t n)
{
	size_t got = 0;
	if (!addr)
		return -1;
	while (got < n) {
		size_t chunk = PAGE - ((addr + got) % PAGE);
		if (chunk > n - got)
			chunk = n - got;
		struct iovec local = { buf + got, chunk };
		struct iovec remote = { (void *)(uintptr_t)(addr + got), chunk };
		ssize_t r = process_vm_readv(m->pid, &local, 1, &remote, 1, 0);
		if (r <= 0)
			return -1;
		char *nul = memchr(buf + got, 0, (size_t)r);
		if (nul)
			return nul - buf;
		got += (size_t)r;
		if ((size_t)r < chunk)
			return -1;
	}
	return (long)n;
}

struct mem_reader tracee_mem_reader(pid_t pid)
{
	return (struct mem_reader){ .read = read_mem, .read_str = read_str, .pid = pid };
}
