/* SPDX-License-Identifier: Apache-2.0 */
/* One process as /proc/PID/stat, /proc/PID/status and /proc/PID/cmdline describe it. */
#ifndef SYSRAY_PROCFS_PROC_TASK_H
#define SYSRAY_PROCFS_PROC_TASK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct proc_task {
	pid_t pid, ppid, pgrp, sid, tgid;
	char state;		/* R S D Z T t X I ... (stat field 3) */
	char comm[64];		/* at most 15 bytes in the kernel (TASK_COMM_LEN - 1) */
	int tty_nr;		/* the controlling terminal's device number, 0 if none */
	unsigned long long utime, stime;	/* clock ticks */
	unsigned long long starttime;		/* clock ticks after boot */
	long priority, nice, num_threads;
	unsigned long long vsize;	/* bytes */
	long long rss;			/* pages */
	uid_t uid[4];			/* real, effective, saved, filesystem */
	gid_t gid[4];
	int have_ids;			/* status was readable */
	/* The capability sets (CapInh, CapPrm, CapEff), when have_caps. */
	int have_caps;
	uint64_t cap_inheritable, cap_permitted, cap_effective;
	/* NSpid: the pid in the task's own pid namespace, and how many namespaces deep that
	 * is (1: the initial one); 0 when status has no NSpid line. */
	pid_t nspid;
	int nspid_depth;
	/* The arguments, each ending in NUL; empty for kernel threads and zombies. */
	char *cmdline;
	size_t cmdline_len;
};

/*
 * Reads process PID, or its thread TID (/proc/PID/task/TID) when TID is not 0. 0, or
 * -errno: -ENOENT/-ESRCH when the process is gone. cmdline is only read when WANT_CMDLINE.
 */
int proc_task_read(pid_t pid, pid_t tid, int want_cmdline, struct proc_task *t);
void proc_task_free(struct proc_task *t);

/* Parses the text of /proc/PID/stat into T. 0, or -EINVAL when it is not in that format. */
int proc_stat_parse(const char *text, struct proc_task *t);

/* "a b c": the arguments joined by spaces, or "[comm]" when there are none. malloc'd. */
char *proc_task_args(const struct proc_task *t);

/* System constants the time columns need: clock ticks per second, boot time (epoch s). */
long proc_clock_ticks(void);
double proc_boot_time(void);
double proc_uptime(void);

#endif
