/* SPDX-License-Identifier: Apache-2.0 */
/* Memory mapping and time syscalls, called directly where glibc would use the vDSO. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static void memory(void)
{
	long page = 4096;
	char *p = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(p, page, PROT_READ);
	mprotect(p, page, PROT_NONE);
	madvise(p, 2 * page, MADV_DONTNEED);
	unsigned char vec[4];
	mincore(p, 4 * page, vec);
	mlock(p + page, page);
	munlock(p + page, page);
	msync(p, page, MS_ASYNC);
	char *q = mremap(p, 4 * page, 8 * page, MREMAP_MAYMOVE);
	munmap(q, 8 * page);
	mmap(NULL, page, PROT_READ, MAP_SHARED, -1, 0);	/* EBADF */
	munmap(NULL, 1);					/* EINVAL */
	void *brk0 = sbrk(0);
	brk((char *)brk0 + 8192);
	brk(brk0);
	int fd = memfd_create("memtime", MFD_CLOEXEC);
	ftruncate(fd, page);
	char *m = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	m[0] = 1;
	munmap(m, page);
	close(fd);
}

static void timing(void)
{
	struct timespec ts;
	struct timeval tv;
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts);
	syscall(SYS_clock_gettime, CLOCK_REALTIME, &ts);
	syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);
	syscall(SYS_gettimeofday, &tv, NULL);
	struct timespec d = { 0, 1000000 };
	nanosleep(&d, NULL);
	clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL);
	syscall(SYS_clock_gettime, 12345, &ts);	/* EINVAL */
	struct utsname u;
	uname(&u);
	char rnd[16];
	getrandom(rnd, sizeof(rnd), 0);
	getrandom(rnd, 4, GRND_NONBLOCK);
}

int main(void)
{
	memory();
	timing();
	return 0;
}
