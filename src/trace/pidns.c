/* SPDX-License-Identifier: Apache-2.0 */
#include "trace/pidns.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "procfs/proc_file.h"
#include "util/util.h"

/* The kernel nests pid namespaces 32 deep at most (MAX_PID_NS_LEVEL), plus the initial one. */
#define NS_LEVELS_MAX 33

/* The ids of one kind of a task, from the /proc mount's namespace down to the task's own. */
struct ns_ids {
	int n;
	pid_t id[NS_LEVELS_MAX];
};

static const char *const status_keys[PID_NKINDS] = {
	[PID_TID] = "NSpid", [PID_TGID] = "NStgid", [PID_PGID] = "NSpgid", [PID_SID] = "NSsid",
};

/* The tracer: its namespace, and the level of its ids in the lists of /proc (0: /proc is its). */
static struct {
	bool known;
	ino_t ns;
	int level;
} self;

/* A tracee's namespace, and how many levels below the tracer's it is (0: the same). */
struct tracee_ns {
	pid_t pid;
	ino_t ns;
	int depth;
};

static struct tracee_ns *tracees;
static size_t ntracees, tracees_cap;

/*
 * Where (namespace, id, kind) was found last: the /proc entry to read again first. A slot is
 * overwritten by the next id that hashes to it; a wrong guess costs one read.
 */
#define FOUND_SLOTS 1024
static struct found {
	ino_t ns;
	pid_t id;
	enum pid_kind kind;
	pid_t proc_pid;
} found[FOUND_SLOTS];

/* Ids that the events named (pidns_learn): (namespace, id, kind) -> the tracer's id. */
static struct learned {
	ino_t ns;
	pid_t id;
	enum pid_kind kind;
	pid_t ours;
} *learned;
static size_t nlearned, learned_cap;

static pid_t learned_id(ino_t ns, pid_t id, enum pid_kind kind)
{
	for (size_t i = 0; i < nlearned; i++)
		if (learned[i].ns == ns && learned[i].id == id && learned[i].kind == kind)
			return learned[i].ours;
	return 0;
}

static void learn_id(ino_t ns, pid_t id, enum pid_kind kind, pid_t ours)
{
	if (id <= 0)
		return;
	for (size_t i = 0; i < nlearned; i++)
		if (learned[i].ns == ns && learned[i].id == id && learned[i].kind == kind) {
			learned[i].ours = ours;
			return;
		}
	if (nlearned == learned_cap) {
		learned_cap = learned_cap ? learned_cap * 2 : 16;
		learned = xrealloc(learned, learned_cap * sizeof(*learned));
	}
	learned[nlearned++] = (struct learned){ .ns = ns, .id = id, .kind = kind, .ours = ours };
}

static bool read_ids(const char *proc_entry, enum pid_kind kind, struct ns_ids *out)
{
	char path[64], text[4096], val[512];
	snprintf(path, sizeof(path), "/proc/%s/status", proc_entry);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ssize_t len = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (len <= 0)
		return false;
	text[len] = 0;
	if (!proc_field(text, status_keys[kind], val, sizeof(val)))
		return false;
	out->n = 0;
	for (char *p = val, *end; *p && out->n < NS_LEVELS_MAX; p = end) {
		long v = strtol(p, &end, 10);
		if (end == p)
			break;
		out->id[out->n++] = (pid_t)v;
	}
	return out->n > 0;
}

static bool read_ids_of(pid_t proc_pid, enum pid_kind kind, struct ns_ids *out)
{
	char entry[16];
	snprintf(entry, sizeof(entry), "%d", proc_pid);
	return read_ids(entry, kind, out);
}

/*
 * The namespace UP levels above the one of /proc entry PROC_PID; 0 when it cannot be named.
 * NS_GET_PARENT fails with EPERM above the caller's own namespace.
 */
static ino_t ns_above(pid_t proc_pid, int up)
{
	char path[64];
	struct stat st;
	snprintf(path, sizeof(path), "/proc/%d/ns/pid", proc_pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	while (up-- > 0) {
		int parent = ioctl(fd, NS_GET_PARENT);
		close(fd);
		if (parent < 0)
			return 0;
		fd = parent;
	}
	ino_t ino = fstat(fd, &st) == 0 ? st.st_ino : 0;
	close(fd);
	return ino;
}

static bool self_init(void)
{
	struct ns_ids ids;
	struct stat st;
	if (self.known)
		return self.ns != 0;
	self.known = true;
	if (stat("/proc/self/ns/pid", &st) < 0 || !read_ids("self", PID_TID, &ids))
		return false;
	self.ns = st.st_ino;
	self.level = ids.n - 1;
	return true;
}

/*
 * Is /proc entry PROC_PID the task whose id of KIND at level LEVEL of the lists is ID, in
 * namespace NS? On success *OURS is its id in the tracer's namespace.
 */
static bool entry_matches(pid_t proc_pid, ino_t ns, int level, pid_t id, enum pid_kind kind,
			  pid_t *ours)
{
	struct ns_ids ids;
	if (!read_ids_of(proc_pid, kind, &ids) || ids.n <= level || ids.id[level] != id)
		return false;
	/* Its own namespace is at level n - 1 of its lists. */
	if (ns_above(proc_pid, ids.n - 1 - level) != ns)
		return false;
	*ours = ids.id[self.level];
	return true;
}

static size_t found_slot(ino_t ns, pid_t id, enum pid_kind kind)
{
	uint64_t h = ((uint64_t)ns * 0x9e3779b97f4a7c15ull) ^ ((uint64_t)(uint32_t)id << 2) ^ kind;
	return (size_t)((h ^ (h >> 29)) & (FOUND_SLOTS - 1));
}

/* Scans the /proc entries of DIR (processes, or the threads of one). */
static pid_t scan_dir(const char *dir, ino_t ns, int level, pid_t id, enum pid_kind kind,
		      bool threads, pid_t *proc_pid)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	pid_t ours = 0;
	if (!d)
		return 0;
	while (!ours && (de = readdir(d))) {
		char *end;
		long p = strtol(de->d_name, &end, 10);
		if (p <= 0 || *end)
			continue;
		if (threads) {
			char sub[64];
			snprintf(sub, sizeof(sub), "/proc/%ld/task", p);
			ours = scan_dir(sub, ns, level, id, kind, false, proc_pid);
		} else if (entry_matches((pid_t)p, ns, level, id, kind, &ours)) {
			*proc_pid = (pid_t)p;
		}
	}
	closedir(d);
	return ours;
}

/* ID of KIND in namespace NS, LEVEL in the lists of /proc, as the tracer sees it; 0 if none. */
static pid_t find_id(ino_t ns, int level, pid_t id, enum pid_kind kind, pid_t *proc_pid)
{
	struct found *f = &found[found_slot(ns, id, kind)];
	pid_t ours = learned_id(ns, id, kind);
	if (ours)
		return ours;
	if (f->proc_pid && f->ns == ns && f->id == id && f->kind == kind &&
	    entry_matches(f->proc_pid, ns, level, id, kind, &ours)) {
		*proc_pid = f->proc_pid;
		return ours;
	}
	ours = scan_dir("/proc", ns, level, id, kind, kind == PID_TID, proc_pid);
	if (ours)
		*f = (struct found){ .ns = ns, .id = id, .kind = kind, .proc_pid = *proc_pid };
	return ours;
}

static struct tracee_ns *tracee_add(pid_t tracee, ino_t ns, int depth)
{
	if (ntracees == tracees_cap) {
		tracees_cap = tracees_cap ? tracees_cap * 2 : 16;
		tracees = xrealloc(tracees, tracees_cap * sizeof(*tracees));
	}
	tracees[ntracees] = (struct tracee_ns){ .pid = tracee, .ns = ns, .depth = depth };
	return &tracees[ntracees++];
}

static struct tracee_ns *tracee_ns(pid_t tracee)
{
	for (size_t i = 0; i < ntracees; i++)
		if (tracees[i].pid == tracee)
			return &tracees[i];
	if (!self_init())
		return NULL;
	pid_t proc_pid = tracee;
	if (self.level && !find_id(self.ns, self.level, tracee, PID_TID, &proc_pid))
		return NULL;
	struct ns_ids ids;
	ino_t ns = ns_above(proc_pid, 0);
	if (!ns || !read_ids_of(proc_pid, PID_TID, &ids) || ids.n <= self.level)
		return NULL;
	return tracee_add(tracee, ns, ids.n - 1 - self.level);
}

void pidns_learn(const struct pidns_ids *ids)
{
	pid_t tid = ids->ours[PID_TID];
	bool known = false;

	for (size_t i = 0; i < ntracees && !known; i++)
		known = tracees[i].pid == tid;
	/* The tracer is in the initial namespace (the eBPF backend runs only there): the
	 * thread's namespace is LEVEL below it. */
	if (!known)
		tracee_add(tid, ids->ns, ids->level);
	if (!ids->level)
		return;
	for (int k = 0; k < PID_NKINDS; k++)
		if (ids->ours[k] > 0)
			learn_id(ids->ns, ids->ids[k], (enum pid_kind)k, ids->ours[k]);
}

pid_t pidns_translate(pid_t tracee, pid_t id, enum pid_kind kind)
{
	if (id <= 0 || kind >= PID_NKINDS)
		return 0;
	struct tracee_ns *t = tracee_ns(tracee);
	if (!t)
		return 0;
	if (t->depth == 0)
		return id;
	pid_t proc_pid;
	return find_id(t->ns, self.level + t->depth, id, kind, &proc_pid);
}

pid_t pidns_proc_pid(pid_t pid)
{
	pid_t proc_pid = pid;
	if (pid <= 0 || !self_init() || !self.level)
		return pid;
	return find_id(self.ns, self.level, pid, PID_TID, &proc_pid) ? proc_pid : 0;
}

void pidns_forget(pid_t tracee)
{
	for (size_t i = 0; i < nlearned;)
		if (learned[i].ours == tracee)
			learned[i] = learned[--nlearned];
		else
			i++;
	for (size_t i = 0; i < ntracees; i++)
		if (tracees[i].pid == tracee) {
			tracees[i] = tracees[--ntracees];
			return;
		}
}
