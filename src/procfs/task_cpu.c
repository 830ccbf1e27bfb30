/* SPDX-License-Identifier: Apache-2.0 */
/* Every thread's CPU times (task_cpu.h). */
#include "procfs/task_cpu.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "procfs/proc_file.h"
#include "procfs/proc_task.h"

static pid_t dir_number(const struct dirent *d)
{
	char *end;
	long n = strtol(d->d_name, &end, 10);

	return *end || n <= 0 ? 0 : (pid_t)n;
}

static void scan_tasks(pid_t pid, task_cpu_fn fn, void *opaque)
{
	char path[64];
	DIR *dir;
	struct dirent *d;

	snprintf(path, sizeof(path), "/proc/%d/task", (int)pid);
	if (!(dir = opendir(path)))
		return;
	while ((d = readdir(dir))) {
		pid_t tid = dir_number(d);
		struct proc_task t;

		if (!tid)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/task/%d/stat", (int)pid, (int)tid);
		char *stat = proc_read_path(path, NULL);

		if (stat && !proc_stat_parse(stat, &t))
			fn(opaque, tid, t.utime, t.stime);
		free(stat);
	}
	closedir(dir);
}

void task_cpu_scan(task_cpu_fn fn, void *opaque)
{
	DIR *proc = opendir("/proc");
	struct dirent *d;

	if (!proc)
		return;
	while ((d = readdir(proc))) {
		pid_t pid = dir_number(d);

		if (pid)
			scan_tasks(pid, fn, opaque);
	}
	closedir(proc);
}
