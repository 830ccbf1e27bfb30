/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading a traced process's memory. Sources hand a reader to the printer with each
 * event; a source that cannot read memory (a capture file) hands one that always fails,
 * and decoders then print addresses instead of contents.
 */
#ifndef SYSRAY_SOURCE_MEM_READER_H
#define SYSRAY_SOURCE_MEM_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct mem_reader {
	/* Copies N bytes at ADDR into BUF; returns 0, or -1 if any byte is unreadable. */
	int (*read)(const struct mem_reader *m, uint64_t addr, void *buf, size_t n);
	/*
	 * Copies a NUL-terminated string of at most N bytes (NUL included) into BUF.
	 * Returns its length without the NUL, N if no NUL was found within N bytes,
	 * or -1 if the memory at ADDR is unreadable.
	 */
	long (*read_str)(const struct mem_reader *m, uint64_t addr, char *buf, size_t n);
	pid_t pid;
};

#endif
