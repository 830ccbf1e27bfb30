/* SPDX-License-Identifier: Apache-2.0 */
#include "trace/fd_table_impl.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util.h"

static struct fd_tables *served;

/* ---- entries ---- */

void fd_entry_free(struct fd_entry *e)
{
	if (e) {
		free(e->link);
		free(e);
	}
}

struct fd_entry *fd_entry_new(void)
{
	struct fd_entry *e = xcalloc(1, sizeof(*e));

	e->family = -1;
	return e;
}

struct fd_entry *fd_entry_copy(const struct fd_entry *from)
{
	struct fd_entry *e = xmalloc(sizeof(*e));

	*e = *from;
	e->link = from->link ? xstrdup(from->link) : NULL;
	return e;
}

void fd_put(struct fd_table *tab, int fd, struct fd_entry *e)
{
	if (fd < 0 || fd == INT_MAX) {
		fd_entry_free(e);
		return;
	}
	fd_entry_free(int_map_take(&tab->fds, (uint32_t)fd + 1));
	int_map_put(&tab->fds, (uint32_t)fd + 1, e);
}

void fd_drop(struct fd_table *tab, int fd)
{
	if (fd >= 0 && fd != INT_MAX)
		fd_entry_free(int_map_take(&tab->fds, (uint32_t)fd + 1));
}

struct fd_entry *fd_get(const struct fd_table *tab, int fd)
{
	return fd >= 0 && fd != INT_MAX ? int_map_get(&tab->fds, (uint32_t)fd + 1) : NULL;
}

/* ---- tables ---- */

static struct fd_table *table_new(void)
{
	struct fd_table *tab = xcalloc(1, sizeof(*tab));

	tab->refs = 1;
	return tab;
}

static void free_entry_cb(void *ctx, uint32_t key, void *val)
{
	(void)ctx;
	(void)key;
	fd_entry_free(val);
}

static void table_put(struct fd_table *tab)
{
	if (tab && !--tab->refs) {
		int_map_each(&tab->fds, free_entry_cb, NULL);
		int_map_free(&tab->fds);
		free(tab->cwd);
		free(tab);
	}
}

static void copy_entry_cb(void *ctx, uint32_t key, void *val)
{
	int_map_put(&((struct fd_table *)ctx)->fds, key, fd_entry_copy(val));
}

static struct fd_table *table_copy(const struct fd_table *from)
{
	struct fd_table *tab = table_new();

	int_map_each(&from->fds, copy_entry_cb, tab);
	tab->cwd = from->cwd ? xstrdup(from->cwd) : NULL;
	return tab;
}

struct fd_table *fd_table_of(const struct fd_tables *t, pid_t tid)
{
	return tid > 0 ? int_map_get(&t->by_tid, (uint32_t)tid) : NULL;
}

static void set_table(struct fd_tables *t, pid_t tid, struct fd_table *tab)
{
	table_put(int_map_take(&t->by_tid, (uint32_t)tid));
	int_map_put(&t->by_tid, (uint32_t)tid, tab);
}

/* TID's own table, no longer shared (unshare(CLONE_FILES), execve, close_range's UNSHARE). */
struct fd_table *fd_table_unshared(struct fd_tables *t, pid_t tid)
{
	struct fd_table *tab = fd_table_of(t, tid);

	if (tab && tab->refs > 1) {
		tab = table_copy(tab);
		set_table(t, tid, tab);
	}
	return tab;
}

struct fd_tables *fd_tables_new(bool paths)
{
	struct fd_tables *t = xcalloc(1, sizeof(*t));

	t->paths = paths;
	return t;
}

static void put_table_cb(void *ctx, uint32_t key, void *val)
{
	(void)ctx;
	(void)key;
	table_put(val);
}

void fd_tables_free(struct fd_tables *t)
{
	if (!t)
		return;
	if (served == t)
		served = NULL;
	int_map_each(&t->by_tid, put_table_cb, NULL);
	int_map_free(&t->by_tid);
	int_map_free(&t->bound);
	int_map_free(&t->portids);
	free(t);
}

void fd_tables_serve(struct fd_tables *t)
{
	served = t;
}

enum fd_known fd_tables_find(pid_t tid, int fd, const struct fd_entry **e)
{
	const struct fd_table *tab = served ? fd_table_of(served, tid) : NULL;

	if (!tab)
		return FD_ASK_PROC;
	*e = fd_get(tab, fd);
	if (!*e)
		return FD_NOT_OPEN;
	return (*e)->ask_proc ? FD_ASK_PROC : FD_OPEN;
}

const char *fd_tables_cwd(pid_t tid)
{
	const struct fd_table *tab = served ? fd_table_of(served, tid) : NULL;

	return tab ? tab->cwd : NULL;
}

bool fd_tables_bound(const struct fd_entry *e)
{
	return served && e->sock_id && int_map_get(&served->bound, e->sock_id);
}

uint32_t fd_tables_netlink_portid(const struct fd_entry *e)
{
	return served && e->sock_id ?
		       (uint32_t)(uintptr_t)int_map_get(&served->portids, e->sock_id) : 0;
}

/* ---- /proc ---- */

/* The text of /proc/TID/fd/FD, or NULL. */
char *fd_proc_link(pid_t tid, int fd)
{
	char path[64], buf[PATH_MAX];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid, fd);
	n = readlink(path, buf, sizeof(buf) - 1);
	if (n <= 0)
		return NULL;
	buf[n] = 0;
	return xstrdup(buf);
}

char *fd_link_mark(const char *link)
{
	size_t len = link ? strlen(link) : 0, mlen = sizeof(FD_UNLINKED_MARK) - 1;

	if (len <= mlen || strcmp(link + len - mlen, FD_UNLINKED_MARK))
		return NULL;
	return (char *)link + len - mlen;
}

bool fd_link_marks_unlinked(pid_t tid, int fd, const char *link)
{
	char path[64];
	struct stat fd_st, name_st;

	if (!fd_link_mark(link))
		return false;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)tid, fd);
	return stat(path, &fd_st) || lstat(link, &name_st) || fd_st.st_dev != name_st.st_dev ||
	       fd_st.st_ino != name_st.st_ino;
}

void fd_entry_link_from_proc(struct fd_entry *e, pid_t tid, int fd)
{
	e->link = fd_proc_link(tid, fd);
	e->unlinked = fd_link_marks_unlinked(tid, fd, e->link);
}

/* Whether fd FD of TID is close-on-exec, from its fdinfo's octal "flags:". */
static bool proc_cloexec(pid_t tid, int fd)
{
	char path[64], line[128];
	unsigned long flags = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", (int)tid, fd);
	f = fopen(path, "re");
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "flags: %lo", &flags) == 1)
			break;
	fclose(f);
	return flags & O_CLOEXEC;
}

void fd_tables_seed(struct fd_tables *t, pid_t tid, pid_t tgid)
{
	struct fd_table *tab = tid != tgid ? fd_table_of(t, tgid) : NULL;
	char dir[64];
	struct dirent *de;
	DIR *d;

	if (tab) {
		tab->refs++;
		set_table(t, tid, tab);
		return;
	}
	snprintf(dir, sizeof(dir), "/proc/%d/fd", (int)tid);
	d = opendir(dir);
	if (!d)
		return;
	tab = table_new();
	while ((de = readdir(d))) {
		char *end;
		long fd = strtol(de->d_name, &end, 10);
		struct fd_entry *e;

		if (de->d_name[0] == '.' || *end || fd < 0 || fd >= INT_MAX)
			continue;
		/* An fd named only by its link: a socket of unknown family asks /proc the rest. */
		e = fd_entry_new();
		fd_entry_link_from_proc(e, tid, (int)fd);
		e->cloexec = proc_cloexec(tid, (int)fd);
		e->is_socket = e->link && !strncmp(e->link, "socket:[", 8);
		if (e->link)
			fd_put(tab, (int)fd, e);
		else
			fd_entry_free(e);
	}
	closedir(d);
	if (t->paths) {
		char cwd[64], buf[PATH_MAX];
		ssize_t n;

		snprintf(cwd, sizeof(cwd), "/proc/%d/cwd", (int)tid);
		n = readlink(cwd, buf, sizeof(buf) - 1);
		if (n > 0) {
			buf[n] = 0;
			tab->cwd = xstrdup(buf);
		}
	}
	set_table(t, tid, tab);
}

/* ---- processes ---- */

void fd_tables_fork(struct fd_tables *t, pid_t parent, pid_t child, uint64_t flags)
{
	struct fd_table *tab = fd_table_of(t, parent);

	if (!tab)
		return;
	if (flags & CLONE_FILES_FLAG)
		tab->refs++;
	else
		tab = table_copy(tab);
	set_table(t, child, tab);
}

void fd_tables_gone(struct fd_tables *t, pid_t tid)
{
	if (tid > 0)
		table_put(int_map_take(&t->by_tid, (uint32_t)tid));
}

void fd_tables_renamed(struct fd_tables *t, pid_t old_tid, pid_t tid)
{
	struct fd_table *tab = old_tid > 0 ? int_map_take(&t->by_tid, (uint32_t)old_tid) : NULL;

	if (tab)
		set_table(t, tid, tab);
}
