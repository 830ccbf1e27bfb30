/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Process ids across pid namespaces (strace's --pidns-translation): a tracee in a nested
 * pid namespace names processes by the ids of its own namespace; the tracer sees them by
 * other ids. /proc/PID/status lists every id of a task, one per namespace level from the
 * /proc mount's namespace down to the task's own (NSpid, NStgid, NSpgid, NSsid), and
 * /proc/PID/ns/pid with ioctl(NS_GET_PARENT) names those namespaces.
 */
#ifndef SYSRAY_TRACE_PIDNS_H
#define SYSRAY_TRACE_PIDNS_H

#include <stdint.h>
#include <sys/types.h>

/*
 * Which id of a task: its thread id, process id, process group or session. A number that
 * names a process when positive and a process group when negative (kill, wait4, F_SETOWN)
 * is PID_TGID_OR_PGID; PID_NONE is a pid of no known kind (never translated).
 */
enum pid_kind { PID_TID, PID_TGID, PID_PGID, PID_SID, PID_NKINDS,
		PID_NONE = PID_NKINDS, PID_TGID_OR_PGID };

/*
 * ID, an id of KIND as the tracee TRACEE (a thread id in the tracer's namespace) sees it,
 * as the tracer sees it; 0 when no process has that id (or it cannot be read).
 */
pid_t pidns_translate(pid_t tracee, pid_t id, enum pid_kind kind);

/* The /proc entry of PID, a thread id in the tracer's namespace (PID itself when /proc is the
 * tracer's namespace's); 0 when none is found. */
pid_t pidns_proc_pid(pid_t pid);

/*
 * What the eBPF backend's events say of a thread: its own namespace, and its ids there and in
 * the tracer's namespace (the initial one). Asked first, before /proc, which may no longer have
 * the thread when its lines are printed.
 */
struct pidns_ids {
	ino_t ns;		/* the thread's pid namespace */
	int level;		/* below the initial one */
	pid_t ids[PID_NKINDS];	/* its thread, process, group and session ids there (0: none) */
	pid_t ours[PID_NKINDS];	/* the same in the initial namespace */
};
void pidns_learn(const struct pidns_ids *ids);

/* The tracee is gone: its namespace is forgotten (its thread id may be reused). */
void pidns_forget(pid_t tracee);

#endif
