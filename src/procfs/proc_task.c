/* SPDX-License-Identifier: Apache-2.0 */
/* /proc/PID/stat, status and cmdline. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "procfs/proc_file.h"
#include "procfs/proc_task.h"
#include "util/util.h"

int proc_stat_parse(const char *text, struct proc_task *t)
{
	/* "PID (COMM) S PPID ...": COMM may hold spaces and ')' so it ends at the last ')'. */
	const char *open = strchr(text, '(');
	const char *close = strrchr(text, ')');
	if (!open || !close || close < open || close[1] != ' ')
		return -EINVAL;
	t->pid = (pid_t)atoi(text);
	size_t n = (size_t)(close - open - 1);
	if (n >= sizeof(t->comm))
		n = sizeof(t->comm) - 1;
	memcpy(t->comm, open + 1, n);
	t->comm[n] = '\0';
	int ppid, pgrp, sid, tty;
	long prio, nice, threads, rss;
	unsigned long long ut, st, start, vsize;
	char state;
	/* Fields 3..24 of proc(5). */
	int got = sscanf(close + 2,
			 "%c %d %d %d %d %*d %*u %*u %*u %*u %*u %llu %llu %*d %*d %ld %ld %ld "
			 "%*d %llu %llu %ld",
			 &state, &ppid, &pgrp, &sid, &tty, &ut, &st, &prio, &nice, &threads, &start,
			 &vsize, &rss);
	if (got != 13)
		return -EINVAL;
	t->state = state;
	t->ppid = ppid;
	t->pgrp = pgrp;
	t->sid = sid;
	t->tty_nr = tty;
	t->utime = ut;
	t->stime = st;
	t->priority = prio;
	t->nice = nice;
	t->num_threads = threads;
	t->starttime = start;
	t->vsize = vsize;
	t->rss = rss;
	return 0;
}

static void parse_ids(const char *line, unsigned int out[4])
{
	sscanf(line, "%u %u %u %u", &out[0], &out[1], &out[2], &out[3]);
}

int proc_task_read(pid_t pid, pid_t tid, int want_cmdline, struct proc_task *t)
{
	memset(t, 0, sizeof(*t));
	char path[96], base[64];
	if (tid)
		snprintf(base, sizeof(base), "/proc/%d/task/%d", (int)pid, (int)tid);
	else
		snprintf(base, sizeof(base), "/proc/%d", (int)pid);
	snprintf(path, sizeof(path), "%s/stat", base);
	char *stat = proc_read_path(path, NULL);
	if (!stat)
		return -errno;
	int rc = proc_stat_parse(stat, t);
	free(stat);
	if (rc)
		return rc;
	snprintf(path, sizeof(path), "%s/status", base);
	char *status = proc_read_path(path, NULL);
	if (status) {
		char v[128];
		if (proc_field(status, "Uid", v, sizeof(v))) {
			parse_ids(v, t->uid);
			t->have_ids = 1;
		}
		if (proc_field(status, "Gid", v, sizeof(v)))
			parse_ids(v, t->gid);
		if (proc_field(status, "Tgid", v, sizeof(v)))
			t->tgid = (pid_t)atoi(v);
		t->have_caps = proc_field_u64(status, "CapInh", 16, &t->cap_inheritable) &&
			       proc_field_u64(status, "CapPrm", 16, &t->cap_permitted) &&
			       proc_field_u64(status, "CapEff", 16, &t->cap_effective);
		if (proc_field(status, "NSpid", v, sizeof(v))) {
			const char *last = strrchr(v, '\t');

			t->nspid_depth = 1;
			for (const char *p = v; (p = strchr(p, '\t')); p++)
				t->nspid_depth++;
			t->nspid = (pid_t)atoi(last ? last + 1 : v);
		}
		free(status);
	} else if (proc_gone(errno)) {
		return -errno;
	}
	if (want_cmdline) {
		snprintf(path, sizeof(path), "%s/cmdline", base);
		t->cmdline = proc_read_path(path, &t->cmdline_len);
		if (!t->cmdline) {
			if (proc_gone(errno))
				return -errno;
			t->cmdline = xstrdup("");
			t->cmdline_len = 0;
		}
	}
	return 0;
}

void proc_task_free(struct proc_task *t)
{
	free(t->cmdline);
	t->cmdline = NULL;
}

char *proc_task_args(const struct proc_task *t)
{
	if (!t->cmdline || t->cmdline_len == 0) {
		size_t n = strlen(t->comm) + 3;
		char *s = xmalloc(n);
		snprintf(s, n, "[%s]", t->comm);
		return s;
	}
	char *s = xmalloc(t->cmdline_len + 1);
	memcpy(s, t->cmdline, t->cmdline_len);
	size_t n = t->cmdline_len;
	/* The last argument's NUL ends the string; a program that rewrote its argv may
	 * leave several trailing NULs. */
	while (n > 0 && s[n - 1] == '\0')
		n--;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\0' || s[i] == '\n' || s[i] == '\t')
			s[i] = ' ';
	s[n] = '\0';
	return s;
}

long proc_clock_ticks(void)
{
	static long hz;
	if (!hz) {
		hz = sysconf(_SC_CLK_TCK);
		if (hz <= 0)
			hz = 100;
	}
	return hz;
}

double proc_uptime(void)
{
	char *s = proc_read_path("/proc/uptime", NULL);
	double up = 0;
	if (s) {
		up = strtod(s, NULL);
		free(s);
	}
	return up;
}

double proc_boot_time(void)
{
	static double boot;
	if (boot == 0) {
		char *s = proc_read_path("/proc/stat", NULL);
		const char *p = s ? strstr(s, "\nbtime ") : NULL;
		if (p)
			boot = strtod(p + 7, NULL);
		else
			boot = (double)time(NULL) - proc_uptime();
		free(s);
	}
	return boot;
}
