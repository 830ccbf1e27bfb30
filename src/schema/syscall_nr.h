/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The x86_64 syscall numbers as constants NR_<name> (NR_openat = 257), from the one syscall
 * table. No includes, so that the eBPF programs use it beside vmlinux.h (which has no
 * __NR_* macros); user space has <asm/unistd.h>'s __NR_* for the same numbers.
 */
#ifndef SYSRAY_SCHEMA_SYSCALL_NR_H
#define SYSRAY_SCHEMA_SYSCALL_NR_H

enum syscall_nr {
#define SC(nr, name, ...) NR_##name = nr,
#include "schema/syscalls_x86_64.def"
#undef SC
};

#endif
