/* SPDX-License-Identifier: Apache-2.0 */
#include "trace/pid_note.h"

#include <string.h>

#include "procfs/proc_file.h"
#include "trace/pidns.h"

void pid_comm(pid_t proc_pid, char *buf, size_t n)
{
	ssize_t len = proc_read_upto(proc_pid, "comm", buf, n);
	if (len < 0)
		len = 0;
	buf[len] = 0;
	buf[strcspn(buf, "\n")] = 0;
}

void pid_note(struct pr *p, int64_t pid, int kind)
{
	const struct pid_notes *n = p->pid_ctx;
	if (kind == PID_TGID_OR_PGID) {
		kind = pid < -1 ? PID_PGID : PID_TGID;
		if (pid < -1)
			pid = -pid;
	}
	if (!n || pid <= 0 || pid > INT32_MAX)
		return;
	pid_t ours = pidns_translate(n->tracee, (pid_t)pid, (enum pid_kind)kind);
	if (!ours)
		return;
	/* A thread or process has a name; a group or session is named by no one task. */
	if ((n->what & DECODE_PIDS_COMM) && (kind == PID_TID || kind == PID_TGID)) {
		char comm[64];
		pid_comm(pidns_proc_pid(ours), comm, sizeof(comm));
		if (comm[0])
			pr_quoted(p, comm, strlen(comm), PR_QUOTE_ANGLED);
	}
	if ((n->what & DECODE_PIDS_PIDNS) && ours != (pid_t)pid)
		pr_comment(p, "%d in strace's PID NS", ours);
}
