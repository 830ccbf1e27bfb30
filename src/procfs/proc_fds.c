/* SPDX-License-Identifier: Apache-2.0 */
/* /proc/PID/{cwd,root,exe}, /proc/PID/maps and /proc/PID/fd + fdinfo. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "procfs/proc_fds.h"
#include "procfs/proc_file.h"
#include "procfs/proc_maps.h"
#include "util/util.h"

static struct fd_entry *add(struct fd_list *l, enum fd_kind kind)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	struct fd_entry *e = &l->v[l->n++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	return e;
}

static int ends_deleted(const char *s)
{
	size_t n = strlen(s), sl = strlen(" (deleted)");
	return n > sl && !strcmp(s + n - sl, " (deleted)");
}

/* readlink() and stat() through the magic link /proc/PID/NAME. */
static void read_link(struct fd_entry *e, const char *path)
{
	char buf[PATH_MAX + 1];
	ssize_t n = readlink(path, buf, sizeof(buf) - 1);
	if (n < 0) {
		e->err = errno;
		return;
	}
	buf[n] = '\0';
	e->target = xstrdup(buf);
	e->deleted = ends_deleted(buf);
	/* stat() follows the link to the open file itself, even when it has been deleted. */
	e->stat_ok = stat(path, &e->st) == 0;
}

static void read_fdinfo(pid_t pid, struct fd_entry *e)
{
	char name[48];
	snprintf(name, sizeof(name), "fdinfo/%d", e->fd);
	char *text = proc_read(pid, name, NULL);
	if (!text)
		return;
	char v[64];
	if (proc_field(text, "pos", v, sizeof(v)))
		e->pos = strtoull(v, NULL, 10);
	if (proc_field(text, "flags", v, sizeof(v))) {
		e->flags = (unsigned int)strtoul(v, NULL, 8);
		e->have_fdinfo = 1;
	}
	free(text);
}

static void add_maps(pid_t pid, struct fd_list *l, const struct fd_entry *txt)
{
	struct map_file *files;
	size_t n;
	if (proc_maps_files(pid, &files, &n))
		return;
	for (size_t i = 0; i < n; i++) {
		const struct map_file *m = &files[i];
		/* The executable is listed once, as txt. */
		if (txt && txt->stat_ok && m->inode == txt->st.st_ino &&
		    makedev(m->major, m->minor) == txt->st.st_dev)
			continue;
		struct fd_entry *e = add(l, m->deleted ? FD_DEL : FD_MEM);
		e->target = xstrdup(m->path);
		e->deleted = m->deleted;
		e->map_major = m->major;
		e->map_minor = m->minor;
		e->map_inode = m->inode;
		struct stat st;
		/* The path may now name another file: trust it only if the inode matches. */
		if (!m->deleted && stat(m->path, &st) == 0 && st.st_ino == m->inode) {
			e->st = st;
			e->stat_ok = 1;
		}
	}
	map_files_free(files, n);
}

int proc_fds_read(pid_t pid, int with_maps, struct fd_list *l)
{
	static const struct {
		enum fd_kind kind;
		const char *name;
	} links[] = { { FD_CWD, "cwd" }, { FD_RTD, "root" }, { FD_TXT, "exe" } };
	char path[64];
	memset(l, 0, sizeof(*l));
	/* Opening the fd directory first tells a vanished process from an unreadable one. */
	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	DIR *d = opendir(path);
	int dir_err = d ? 0 : errno;
	if (dir_err && proc_gone(dir_err))
		return -dir_err;
	struct fd_entry *txt = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(links); i++) {
		snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, links[i].name);
		struct fd_entry *e = add(l, links[i].kind);
		read_link(e, path);
		if (links[i].kind == FD_TXT)
			txt = e;
	}
	if (with_maps) {
		struct fd_entry copy = *txt;	/* add() may move the array */
		add_maps(pid, l, &copy);
	}
	if (!d) {
		struct fd_entry *e = add(l, FD_NUM);
		e->fd = -1;
		e->err = dir_err;
		return 0;
	}
	struct dirent *de;
	size_t first = l->n;
	while ((de = readdir(d))) {
		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		struct fd_entry *e = add(l, FD_NUM);
		e->fd = atoi(de->d_name);
		snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)pid, e->fd);
		read_link(e, path);
		/* Closed between readdir() and readlink(): no longer open, not an error. */
		if (!e->target && e->err == ENOENT) {
			l->n--;
			continue;
		}
		read_fdinfo(pid, e);
	}
	closedir(d);
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (access(path, F_OK) < 0 && proc_gone(errno)) {
		int err = errno;
		fd_list_free(l);
		return -err;
	}
	/* readdir() of /proc/PID/fd is in descriptor order already; keep it sure. */
	for (size_t i = first + 1; i < l->n; i++)
		for (size_t j = i; j > first && l->v[j - 1].fd > l->v[j].fd; j--) {
			struct fd_entry t = l->v[j];
			l->v[j] = l->v[j - 1];
			l->v[j - 1] = t;
		}
	return 0;
}

void fd_list_free(struct fd_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].target);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

unsigned long long fd_socket_inode(const char *target)
{
	unsigned long long ino;
	if (target && sscanf(target, "socket:[%llu]", &ino) == 1)
		return ino;
	return 0;
}
