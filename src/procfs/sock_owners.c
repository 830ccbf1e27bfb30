/* SPDX-License-Identifier: Apache-2.0 */
/* Socket inode -> (pid, fd, comm), built by one pass over /proc/PID/fd. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "procfs/proc_fds.h"
#include "procfs/proc_file.h"
#include "procfs/proc_task.h"
#include "procfs/sock_owners.h"
#include "util/util.h"

static void scan_process(struct sock_owners *o, pid_t pid)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	DIR *d = opendir(path);
	if (!d) {
		if (!proc_gone(errno))
			o->unreadable++;
		return;
	}
	struct proc_task t;
	int have_comm = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		char link[64], target[64];
		snprintf(link, sizeof(link), "/proc/%d/fd/%d", (int)pid, atoi(de->d_name));
		ssize_t l = readlink(link, target, sizeof(target) - 1);
		if (l < 0)
			continue;
		target[l] = '\0';
		unsigned long long ino = fd_socket_inode(target);
		if (!ino)
			continue;
		if (!have_comm) {
			if (proc_task_read(pid, 0, 0, &t))
				break;	/* exited meanwhile */
			have_comm = 1;
		}
		if (o->n == o->cap) {
			o->cap = o->cap ? o->cap * 2 : 256;
			o->v = xrealloc(o->v, o->cap * sizeof(*o->v));
		}
		struct sock_owner *s = &o->v[o->n++];
		s->inode = ino;
		s->pid = pid;
		s->fd = atoi(de->d_name);
		snprintf(s->comm, sizeof(s->comm), "%.15s", t.comm);
	}
	closedir(d);
}

static int cmp_owner(const void *a, const void *b)
{
	const struct sock_owner *x = a, *y = b;
	if (x->inode != y->inode)
		return x->inode < y->inode ? -1 : 1;
	if (x->pid != y->pid)
		return x->pid < y->pid ? -1 : 1;
	return (x->fd > y->fd) - (x->fd < y->fd);
}

void sock_owners_load(struct sock_owners *o)
{
	memset(o, 0, sizeof(*o));
	pid_t *pids;
	size_t n;
	if (proc_list_pids(&pids, &n))
		return;
	for (size_t i = 0; i < n; i++)
		scan_process(o, pids[i]);
	free(pids);
	if (o->n)
		qsort(o->v, o->n, sizeof(*o->v), cmp_owner);
}

void sock_owners_free(struct sock_owners *o)
{
	free(o->v);
	memset(o, 0, sizeof(*o));
}

const struct sock_owner *sock_owners_find(const struct sock_owners *o, unsigned long long inode,
					  size_t *n)
{
	size_t lo = 0, hi = o->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (o->v[mid].inode < inode)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t end = lo;
	while (end < o->n && o->v[end].inode == inode)
		end++;
	*n = end - lo;
	return *n ? &o->v[lo] : NULL;
}
