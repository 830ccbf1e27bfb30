/* SPDX-License-Identifier: Apache-2.0 */
/* `seccomp status`: what the kernel offers, and which processes run under filters. */
#include "seccomp/seccomp.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <linux/seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "util/util.h"

static const struct {
	const char *name;
	uint32_t ret;
} kernel_actions[] = {
	{ "kill_process", SECCOMP_RET_KILL_PROCESS }, { "kill_thread", SECCOMP_RET_KILL_THREAD },
	{ "trap", SECCOMP_RET_TRAP },		       { "errno", SECCOMP_RET_ERRNO },
	{ "user_notif", SECCOMP_RET_USER_NOTIF },      { "trace", SECCOMP_RET_TRACE },
	{ "log", SECCOMP_RET_LOG },		       { "allow", SECCOMP_RET_ALLOW },
};

static const char *const mode_names[] = { "disabled", "strict", "filter" };

struct proc_seccomp {
	int mode;		/* -1: unknown */
	int filters;		/* -1: the kernel does not say (before 5.9) */
	char comm[64];
};

static int read_proc(int pid, struct proc_seccomp *ps)
{
	char path[64], line[256];
	*ps = (struct proc_seccomp){ .mode = -1, .filters = -1 };
	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "Name:", 5)) {
			char *s = line + 5;
			while (*s == ' ' || *s == '\t')
				s++;
			snprintf(ps->comm, sizeof(ps->comm), "%.*s", (int)strcspn(s, "\n"), s);
		}
		sscanf(line, "Seccomp: %d", &ps->mode);
		sscanf(line, "Seccomp_filters: %d", &ps->filters);
	}
	fclose(f);
	return 0;
}

/* PID's row; false when it could not be read (then the row says why). */
static bool print_proc(FILE *out, int pid)
{
	struct proc_seccomp ps;
	if (read_proc(pid, &ps) < 0) {
		fprintf(out, "%7d  %s\n", pid, errno == ENOENT ? "(no such process)" :
			strerror(errno));
		return false;
	}
	char filters[16] = "-";
	if (ps.filters >= 0)
		snprintf(filters, sizeof(filters), "%d", ps.filters);
	fprintf(out, "%7d  %d %-9s %7s  %s\n", pid, ps.mode,
		ps.mode >= 0 && ps.mode <= 2 ? mode_names[ps.mode] : "?", filters, ps.comm);
	return true;
}

static int by_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int scp_status(const int *pids, int npids, FILE *out)
{
	/* PR_GET_SECCOMP fails with EINVAL without CONFIG_SECCOMP. */
	int own = prctl(PR_GET_SECCOMP, 0, 0, 0, 0);
	bool seccomp_ok = own >= 0 || errno != EINVAL;
	/* A NULL filter program: EFAULT when filters are supported, EINVAL when not. */
	bool filter_ok = false;
	if (seccomp_ok && own == 0) {
		errno = 0;
		prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL, 0, 0);
		filter_ok = errno == EFAULT;
	} else if (own == 2) {
		filter_ok = true;
	}
	fprintf(out, "kernel: seccomp %s, filter mode %s\n",
		seccomp_ok ? "supported" : "not supported (CONFIG_SECCOMP is off)",
		filter_ok ? "supported" : "not supported (CONFIG_SECCOMP_FILTER is off)");

	fprintf(out, "actions (seccomp(SECCOMP_GET_ACTION_AVAIL)):");
	for (size_t i = 0; i < ARRAY_SIZE(kernel_actions); i++) {
		uint32_t act = kernel_actions[i].ret;
		bool ok = syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &act) == 0;
		fprintf(out, " %s%s", kernel_actions[i].name, ok ? "" : "(no)");
	}
	fputc('\n', out);
	FILE *f = fopen("/proc/sys/kernel/seccomp/actions_avail", "r");
	char line[256] = "";
	if (f) {
		if (!fgets(line, sizeof(line), f))
			line[0] = 0;
		fclose(f);
	}
	line[strcspn(line, "\n")] = 0;
	fprintf(out, "actions_avail (/proc/sys/kernel/seccomp/actions_avail): %s\n",
		f ? line : "(unreadable)");
	const struct scmp_version *v = seccomp_version();
	fprintf(out, "libseccomp: %u.%u.%u, API level %u\n", v->major, v->minor, v->micro,
		seccomp_api_get());
	fprintf(out, "\n%7s  %-11s %7s  %s\n", "PID", "MODE", "FILTERS", "COMMAND");

	if (npids) {
		int rc = 0;

		/* A PID asked for that cannot be read fails the command, as in the other views. */
		for (int i = 0; i < npids; i++)
			if (!print_proc(out, pids[i]))
				rc = 1;
		return rc;
	}
	DIR *d = opendir("/proc");
	if (!d) {
		msg_errno("seccomp status: /proc");
		return 1;
	}
	int *all = NULL, n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			all = xrealloc(all, (size_t)cap * sizeof(int));
		}
		all[n++] = atoi(de->d_name);
	}
	closedir(d);
	qsort(all, (size_t)n, sizeof(int), by_int);
	for (int i = 0; i < n; i++) {
		struct proc_seccomp ps;
		if (read_proc(all[i], &ps) == 0)	/* vanished meanwhile: skip */
			print_proc(out, all[i]);
	}
	free(all);
	return 0;
}
