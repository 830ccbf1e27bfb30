/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Every thread's CPU times as /proc/PID/task/TID/stat gives them (utime, stime: clock ticks,
 * USER_HZ a second), for the procinfo events of a live capture.
 */
#ifndef SYSRAY_PROCFS_TASK_CPU_H
#define SYSRAY_PROCFS_TASK_CPU_H

#include <stdint.h>
#include <sys/types.h>

typedef void (*task_cpu_fn)(void *opaque, pid_t tid, uint64_t utime, uint64_t stime);

/* FN for each thread of each process; a task that ends meanwhile is left out. */
void task_cpu_scan(task_cpu_fn fn, void *opaque);

#endif
