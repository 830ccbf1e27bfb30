/* SPDX-License-Identifier: Apache-2.0 */
/* The one syscall table: names, numbers, classes and argument kinds (x86_64). */
#ifndef SYSRAY_SCHEMA_SYSCALLS_H
#define SYSRAY_SCHEMA_SYSCALLS_H

#include <stdbool.h>
#include <stdint.h>

/* Classes, as strace groups syscalls for `-e trace=%CLASS`. */
enum syscall_class {
	SC_DESC = 1u << 0,		/* takes or returns a file descriptor */
	SC_FILE = 1u << 1,		/* takes a file name */
	SC_IPC = 1u << 2,
	SC_NETWORK = 1u << 3,
	SC_PROCESS = 1u << 4,
	SC_SIGNAL = 1u << 5,
	SC_MEMORY = 1u << 6,
	SC_STAT = 1u << 7,		/* stat(2) family on a path */
	SC_LSTAT = 1u << 8,
	SC_FSTAT = 1u << 9,
	SC_STAT_LIKE = 1u << 10,	/* any stat variant (%%stat) */
	SC_STATFS = 1u << 11,
	SC_FSTATFS = 1u << 12,
	SC_STATFS_LIKE = 1u << 13,	/* any statfs variant (%%statfs) */
	SC_PURE = 1u << 14,		/* no arguments, never fails, no side effect */
	SC_CREDS = 1u << 15,
	SC_CLOCK = 1u << 16,
	SC_NEVER_FAILS = 1u << 17,
	SC_EXECVE_LIKE = 1u << 18,	/* replaces or ends the process image */
};

struct syscall_info {
	const char *name;
	const char *arg_kinds;		/* one char per argument, see the .def file */
	const char *arg_names;		/* comma-separated, may be empty */
	uint32_t classes;
	uint16_t nr;
	uint8_t nargs;
};

/* One past the highest syscall number the table knows. */
#define SYSCALL_NR_LIMIT 468

/* The row for NR, or NULL when NR names no syscall on x86_64. */
const struct syscall_info *syscall_by_nr(long nr);

/* The number of the syscall called NAME, or -1. */
long syscall_nr_by_name(const char *name);

/* Bit mask of the classes named like strace's `%file`, `file`, `%%stat`; 0 if unknown. */
uint32_t syscall_class_by_name(const char *name);

#endif
