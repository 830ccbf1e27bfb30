/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Syscalls by number, for the tracer's options that print numbers: one no kernel defines
 * (1000), the same with the x32 bit, and listen(0, 0) (ENOTSOCK). Six fixed arguments each,
 * so that two traced runs print the same registers.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>
#include <unistd.h>

#define X32_BIT 0x40000000L

int main(void)
{
	const long a[6] = { 0x10, 0x11, 0x12, 0x13, 0x14, 0x15 };

	syscall(1000, a[0], a[1], a[2], a[3], a[4], a[5]);
	syscall(X32_BIT | 1000, a[0], a[1], a[2], a[3], a[4], a[5]);
	syscall(SYS_listen, 0, 0);
	return 0;
}
