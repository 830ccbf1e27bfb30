/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Files and buffers at the edges of what a tracer prints: with -y, an fd whose file was
 * unlinked ("<path>(deleted)"), one whose file is only named "... (deleted)", one whose
 * name needs escaping; and writes from the end of a mapped page (strace reads one byte past
 * the -s limit: a buffer that runs into the unmapped page prints as its address).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void write_close_unlink(const char *name, int unlink_first)
{
	int fd = open(name, O_CREAT | O_WRONLY, 0600);

	if (unlink_first)
		unlink(name);
	write(fd, "x", 1);
	close(fd);
	if (!unlink_first)
		unlink(name);
}

int main(void)
{
	write_close_unlink("gone.txt", 1);
	write_close_unlink("kept (deleted)", 0);
	write_close_unlink("odd\1 <name>\n\"\\\377", 0);

	char *page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page != MAP_FAILED) {
		munmap(page + 4096, 4096);
		memset(page + 4096 - 32, 'X', 32);
		write(-1, page + 4096 - 32, 32);
		write(-1, page + 4096 - 32, 33);
		write(-1, page + 4096 - 32, 1000);
		munmap(page, 4096);
	}
	return 0;
}
