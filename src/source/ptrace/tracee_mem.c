/* SPDX-License-Identifier: Apache-2.0 */
#include "source/ptrace/tracee_mem.h"

#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#define PAGE 4096u
#define WORD sizeof(long)

/*
 * PTRACE_PEEKDATA, a word per call: the fallback when process_vm_readv(2) is missing
 * (ENOSYS) or refused (EPERM, e.g. under a seccomp filter of our own). It needs the
 * tracee to be in a ptrace-stop, which it is whenever a decoder runs.
 */
static ssize_t peek_read(pid_t pid, uint64_t addr, char *buf, size_t n)
{
	size_t got = 0;
	while (got < n) {
		uint64_t at = addr + got;
		uint64_t aligned = at & ~(uint64_t)(WORD - 1);
		errno = 0;
		long word = ptrace(PTRACE_PEEKDATA, pid, (void *)(uintptr_t)aligned, 0);
		if (errno)
			break;
		size_t skip = (size_t)(at - aligned);
		size_t take = WORD - skip < n - got ? WORD - skip : n - got;
		memcpy(buf + got, (char *)&word + skip, take);
		got += take;
	}
	return got ? (ssize_t)got : -1;
}

/* Up to N bytes at ADDR; fewer when a page in the range is unmapped. */
static ssize_t vm_read(pid_t pid, uint64_t addr, char *buf, size_t n)
{
	struct iovec local = { buf, n };
	struct iovec remote = { (void *)(uintptr_t)addr, n };
	ssize_t r = process_vm_readv(pid, &local, 1, &remote, 1, 0);
	if (r < 0 && (errno == ENOSYS || errno == EPERM))
		return peek_read(pid, addr, buf, n);
	return r;
}

/* A short read means a page in the range is unmapped: the whole read fails. */
static int read_mem(const struct mem_reader *m, uint64_t addr, void *buf, size_t n)
{
	if (!n)
		return 0;
	if (!addr)
		return -1;
	return vm_read(m->pid, addr, buf, n) == (ssize_t)n ? 0 : -1;
}

/*
 * A string is read a page at a time: a read stops at the first unmapped page, and the
 * string may end before it.
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
		ssize_t r = vm_read(m->pid, addr + got, buf + got, chunk);
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
