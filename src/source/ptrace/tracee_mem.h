/* SPDX-License-Identifier: Apache-2.0 */
/* The mem_reader of a ptrace-stopped process: process_vm_readv(2), no stop per word. */
#ifndef SYSRAY_SOURCE_PTRACE_TRACEE_MEM_H
#define SYSRAY_SOURCE_PTRACE_TRACEE_MEM_H

#include "source/mem_reader.h"

/* A reader of process PID's memory. */
struct mem_reader tracee_mem_reader(pid_t pid);

#endif
