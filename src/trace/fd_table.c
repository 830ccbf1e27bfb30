/* SPDX-License-Identifier: Apache-2.0 */
#include "trace/fd_table.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "schema/syscall_nr.h"
#include "trace/decode/fd_socket.h"
#include "util/int_map.h"
#include "util/util.h"

/* include/uapi/linux/close_range.h and sched.h, which glibc 2.36 does not all spell. */
#define CLOSE_RANGE_UNSHARE_FLAG (1u << 1)
#define CLOSE_RANGE_CLOEXEC_FLAG (1u << 2)
#define CLONE_FILES_FLAG 0x00000400u

/* One files_struct: the threads of a clone with CLONE_FILES share it. Keys are fd + 1. */
struct fd_table {
	unsigned int refs;
	struct int_map fds;
};

struct fd_tables {
	bool paths;
	struct int_map by_tid;		/* tid -> struct fd_table, counted in refs */
	uint32_t last_sock_id;
	struct int_map bound;		/* sock_id -> non-NULL: the socket has an address */
};

static struct fd_tables *served;

/* ---- entries ---- */

static void entry_free(struct fd_entry *e)
{
	if (e) {
		free(e->link);
		free(e);
	}
}

static struct fd_entry *entry_new(void)
{
	struct fd_entry *e = xcalloc(1, sizeof(*e));

	e->family = -1;
	return e;
}

static struct fd_entry *entry_copy(const struct fd_entry *from)
{
	struct fd_entry *e = xmalloc(sizeof(*e));

	*e = *from;
	e->link = from->link ? xstrdup(from->link) : NULL;
	return e;
}

static void put_fd(struct fd_table *tab, int fd, struct fd_entry *e)
{
	if (fd < 0 || fd == INT_MAX) {
		entry_free(e);
		return;
	}
	entry_free(int_map_take(&tab->fds, (uint32_t)fd + 1));
	int_map_put(&tab->fds, (uint32_t)fd + 1, e);
}

static void drop_fd(struct fd_table *tab, int fd)
{
	if (fd >= 0 && fd != INT_MAX)
		entry_free(int_map_take(&tab->fds, (uint32_t)fd + 1));
}

static struct fd_entry *get_fd(const struct fd_table *tab, int fd)
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
	entry_free(val);
}

static void table_put(struct fd_table *tab)
{
	if (tab && !--tab->refs) {
		int_map_each(&tab->fds, free_entry_cb, NULL);
		int_map_free(&tab->fds);
		free(tab);
	}
}

static void copy_entry_cb(void *ctx, uint32_t key, void *val)
{
	int_map_put(&((struct fd_table *)ctx)->fds, key, entry_copy(val));
}

static struct fd_table *table_copy(const struct fd_table *from)
{
	struct fd_table *tab = table_new();

	int_map_each(&from->fds, copy_entry_cb, tab);
	return tab;
}

static struct fd_table *table_of(const struct fd_tables *t, pid_t tid)
{
	return tid > 0 ? int_map_get(&t->by_tid, (uint32_t)tid) : NULL;
}

static void set_table(struct fd_tables *t, pid_t tid, struct fd_table *tab)
{
	table_put(int_map_take(&t->by_tid, (uint32_t)tid));
	int_map_put(&t->by_tid, (uint32_t)tid, tab);
}

/* TID's own table, no longer shared (unshare(CLONE_FILES), execve, close_range's UNSHARE). */
static struct fd_table *unshared(struct fd_tables *t, pid_t tid)
{
	struct fd_table *tab = table_of(t, tid);

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
	free(t);
}

void fd_tables_serve(struct fd_tables *t)
{
	served = t;
}

enum fd_known fd_tables_find(pid_t tid, int fd, const struct fd_entry **e)
{
	const struct fd_table *tab = served ? table_of(served, tid) : NULL;

	if (!tab)
		return FD_ASK_PROC;
	*e = get_fd(tab, fd);
	if (!*e)
		return FD_NOT_OPEN;
	return (*e)->ask_proc ? FD_ASK_PROC : FD_OPEN;
}

bool fd_tables_bound(const struct fd_entry *e)
{
	return served && e->sock_id && int_map_get(&served->bound, e->sock_id);
}

/* ---- /proc ---- */

/* The text of /proc/TID/fd/FD, or NULL. */
static char *proc_link(pid_t tid, int fd)
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
	struct fd_table *tab = tid != tgid ? table_of(t, tgid) : NULL;
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
		e = entry_new();
		e->link = proc_link(tid, (int)fd);
		e->cloexec = proc_cloexec(tid, (int)fd);
		e->is_socket = e->link && !strncmp(e->link, "socket:[", 8);
		if (e->link)
			put_fd(tab, (int)fd, e);
		else
			entry_free(e);
	}
	closedir(d);
	set_table(t, tid, tab);
}

/* ---- the syscalls ---- */

void fd_tables_fork(struct fd_tables *t, pid_t parent, pid_t child, uint64_t flags)
{
	struct fd_table *tab = table_of(t, parent);

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

/* Do the links NOW (" (deleted)" or not) and the name NAME end in the same file name? */
static bool same_last_name(const char *now, const char *name)
{
	static const char deleted[] = " (deleted)";
	const char *a = strrchr(now, '/'), *b = strrchr(name, '/');
	size_t len;

	a = a ? a + 1 : now;
	b = b ? b + 1 : name;
	len = strlen(b);
	return !strncmp(a, b, len) && (!a[len] || !strcmp(a + len, deleted));
}

/*
 * The link of fd FD that TID opened as NAME relative to DIRFD. The link read now is that
 * file's when it names the same file as NAME does (the fd may have been closed and reused
 * since the open); else NAME resolved now, else NAME made absolute as it was given.
 */
static char *opened_link(const struct fd_table *tab, pid_t tid, int fd, int dirfd,
			 const char *name)
{
	char base[PATH_MAX], joined[2 * PATH_MAX + 2], resolved[PATH_MAX];
	char *now = proc_link(tid, fd);

	if (now && same_last_name(now, name))
		return now;
	base[0] = 0;
	if (name[0] != '/') {
		const struct fd_entry *d = dirfd == AT_FDCWD ? NULL : get_fd(tab, dirfd);
		char cwd[64];
		ssize_t n;

		if (d && d->link && d->link[0] == '/') {
			snprintf(base, sizeof(base), "%s", d->link);
		} else if (dirfd == AT_FDCWD) {
			snprintf(cwd, sizeof(cwd), "/proc/%d/cwd", (int)tid);
			n = readlink(cwd, base, sizeof(base) - 1);
			base[n > 0 ? n : 0] = 0;
		}
		if (!base[0]) {
			free(now);
			return NULL;
		}
	}
	snprintf(joined, sizeof(joined), "%s%s%s", base, base[0] ? "/" : "", name);
	if (realpath(joined, resolved)) {
		size_t len = strlen(resolved);

		/* The same file, unlinked since: the link says " (deleted)". */
		if (now && !strncmp(now, resolved, len) && !strcmp(now + len, " (deleted)"))
			return now;
		free(now);
		return xstrdup(resolved);
	}
	free(now);
	return xstrdup(joined);
}

static void made_open(struct fd_tables *t, struct fd_table *tab, pid_t tid, int fd, int dirfd,
		      uint64_t name_addr, uint64_t flags, const struct mem_reader *mem)
{
	struct fd_entry *e = entry_new();
	char name[PATH_MAX];

	e->cloexec = flags & O_CLOEXEC;
	if (t->paths && mem->read_str(mem, name_addr, name, sizeof(name)) > 0)
		e->link = opened_link(tab, tid, fd, dirfd, name);
	else if (t->paths)
		e->link = proc_link(tid, fd);
	put_fd(tab, fd, e);
}

/* A socket made with FAMILY, TYPE and PROTOCOL (-1: not known) at FD. */
static void made_socket(struct fd_tables *t, struct fd_table *tab, pid_t tid, int fd,
			int family, int type, int protocol, bool cloexec)
{
	struct fd_entry *e = entry_new();

	e->is_socket = true;
	e->sock_id = ++t->last_sock_id;
	e->family = family;
	e->type = type & 0xf;
	e->protocol = protocol;
	e->cloexec = cloexec;
	if (t->paths) {
		/* The link read now is another's if the fd was reused since: its kind and the
		 * kernel's protocol name tell. */
		char *now = proc_link(tid, fd), name[64];
		const char *want = family >= 0 ? fd_socket_kernel_proto(family, type, protocol) :
						 NULL;

		if (now && (strncmp(now, "socket:[", 8) ||
			    (want && (!fd_socket_proc_proto(tid, fd, name, sizeof(name)) ||
				      strcmp(name, want))))) {
			free(now);
			now = NULL;
		}
		e->link = now;
	}
	put_fd(tab, fd, e);
}

/* The pair of fds an array at ADDR holds, made by pipe or socketpair. */
static bool fd_pair(const struct mem_reader *mem, uint64_t addr, int fds[2])
{
	return addr && !mem->read(mem, addr, fds, 2 * sizeof(int));
}

static void made_pipe(struct fd_tables *t, struct fd_table *tab, pid_t tid, int fd, bool cloexec)
{
	struct fd_entry *e = entry_new();

	e->cloexec = cloexec;
	if (t->paths) {
		e->link = proc_link(tid, fd);
		if (e->link && strncmp(e->link, "pipe:[", 6)) {
			free(e->link);
			e->link = NULL;
		}
	}
	put_fd(tab, fd, e);
}

/* Syscalls that return a new fd of a kind that is no socket (ARG0: their first argument). */
static bool made_other(long nr, uint64_t arg0)
{
	switch (nr) {
	case NR_eventfd: case NR_eventfd2: case NR_epoll_create: case NR_epoll_create1:
	case NR_timerfd_create: case NR_inotify_init: case NR_inotify_init1:
	case NR_fanotify_init: case NR_memfd_create: case NR_memfd_secret: case NR_pidfd_open:
	case NR_userfaultfd: case NR_perf_event_open: case NR_io_uring_setup: case NR_fsopen:
	case NR_fspick: case NR_fsmount: case NR_open_tree: case NR_mq_open:
		return true;
	case NR_signalfd:
	case NR_signalfd4:
		return (int)arg0 == -1;	/* else the fd given is changed */
	case NR_bpf:
		/* the commands that make a map, program, object, BTF, link or iterator fd */
		switch (arg0) {
		case 0: case 5: case 7: case 13: case 14: case 17: case 18: case 19: case 28:
		case 30: case 32: case 33:
			return true;
		}
		return arg0 == (uint64_t)-1;	/* fd_tables_follows: any command */
	}
	return false;
}

static void made_plain(struct fd_tables *t, struct fd_table *tab, pid_t tid, int fd)
{
	struct fd_entry *e = entry_new();

	if (t->paths)
		e->link = proc_link(tid, fd);
	put_fd(tab, fd, e);
}

/* The fds an SCM_RIGHTS message of recvmsg's struct msghdr at ADDR brought: whatever they
 * are, /proc is asked. */
static void made_received(struct fd_table *tab, uint64_t addr, const struct mem_reader *mem)
{
	struct msghdr m;
	unsigned char control[4096];

	if (mem->read(mem, addr, &m, sizeof(m)) || !m.msg_control || !m.msg_controllen)
		return;
	size_t len = m.msg_controllen < sizeof(control) ? m.msg_controllen : sizeof(control);

	if (mem->read(mem, (uint64_t)(uintptr_t)m.msg_control, control, len))
		return;
	m.msg_control = control;
	m.msg_controllen = len;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS ||
		    c->cmsg_len > len - (size_t)((unsigned char *)c - control))
			continue;
		size_t n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);

		for (size_t i = 0; i < n; i++) {
			struct fd_entry *e = entry_new();
			int fd;

			memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(fd));
			e->ask_proc = true;
			put_fd(tab, fd, e);
		}
	}
}

static void made_copy(struct fd_table *tab, int from, int to, bool cloexec)
{
	const struct fd_entry *src = get_fd(tab, from);

	if (from == to)
		return;
	if (!src) {
		drop_fd(tab, to);	/* what it is now: /proc's to say */
		return;
	}
	struct fd_entry *e = entry_copy(src);

	e->cloexec = cloexec;
	put_fd(tab, to, e);
}

static void got_address(struct fd_tables *t, const struct fd_table *tab, int fd)
{
	const struct fd_entry *e = get_fd(tab, fd);

	if (e && e->sock_id)
		int_map_put(&t->bound, e->sock_id, (void *)1);
}

/* Did a send that returned RET give its netlink socket an address? netlink_sendmsg() binds
 * an unbound socket after checking the flags, the address and the permission to send to a
 * group, whatever comes of the send itself. */
static bool sent_bound(int64_t ret)
{
	return ret >= 0 || (ret != -EBADF && ret != -ENOTSOCK && ret != -EOPNOTSUPP &&
			    ret != -EINVAL && ret != -EPERM);
}

void fd_tables_made(struct fd_tables *t, pid_t tid, long nr, const uint64_t *args, int64_t ret,
		    const struct mem_reader *mem)
{
	struct fd_table *tab = table_of(t, tid);
	int fd = (int)ret, fds[2];
	uint64_t how_flags;

	if (!tab)
		return;
	if ((nr == NR_sendto || nr == NR_sendmsg || nr == NR_sendmmsg) && sent_bound(ret))
		got_address(t, tab, (int)args[0]);
	if (ret < 0)
		return;
	switch (nr) {
	case NR_open:
		made_open(t, tab, tid, fd, AT_FDCWD, args[0], args[1], mem);
		break;
	case NR_creat:
		made_open(t, tab, tid, fd, AT_FDCWD, args[0], 0, mem);
		break;
	case NR_openat:
		made_open(t, tab, tid, fd, (int)args[0], args[1], args[2], mem);
		break;
	case NR_openat2:
		/* struct open_how starts with its u64 flags */
		if (mem->read(mem, args[2], &how_flags, sizeof(how_flags)))
			how_flags = 0;
		made_open(t, tab, tid, fd, (int)args[0], args[1], how_flags, mem);
		break;
	case NR_socket:
		made_socket(t, tab, tid, fd, (int)args[0], (int)args[1], (int)args[2],
			    args[1] & SOCK_CLOEXEC);
		break;
	case NR_socketpair:
		if (!fd_pair(mem, args[3], fds))
			break;
		for (int i = 0; i < 2; i++)
			made_socket(t, tab, tid, fds[i], (int)args[0], (int)args[1], (int)args[2],
				    args[1] & SOCK_CLOEXEC);
		break;
	case NR_accept:
	case NR_accept4: {
		const struct fd_entry *l = get_fd(tab, (int)args[0]);
		bool cloexec = nr == NR_accept4 && (args[3] & SOCK_CLOEXEC);

		if (l && l->family >= 0)
			made_socket(t, tab, tid, fd, l->family, l->type, l->protocol, cloexec);
		else
			made_socket(t, tab, tid, fd, -1, 0, 0, cloexec);
		break;
	}
	case NR_pipe:
	case NR_pipe2:
		if (!fd_pair(mem, args[0], fds))
			break;
		for (int i = 0; i < 2; i++)
			made_pipe(t, tab, tid, fds[i], nr == NR_pipe2 && (args[1] & O_CLOEXEC));
		break;
	case NR_dup:
		made_copy(tab, (int)args[0], fd, false);
		break;
	case NR_dup2:
		made_copy(tab, (int)args[0], (int)args[1], false);
		break;
	case NR_dup3:
		made_copy(tab, (int)args[0], (int)args[1], args[2] & O_CLOEXEC);
		break;
	case NR_fcntl:
		if (args[1] == F_DUPFD || args[1] == F_DUPFD_CLOEXEC) {
			made_copy(tab, (int)args[0], fd, args[1] == F_DUPFD_CLOEXEC);
		} else if (args[1] == F_SETFD) {
			struct fd_entry *e = get_fd(tab, (int)args[0]);

			if (e)
				e->cloexec = args[2] & FD_CLOEXEC;
		}
		break;
	case NR_unshare:
		if (args[0] & CLONE_FILES_FLAG)
			unshared(t, tid);
		break;
	case NR_recvmsg:
		made_received(tab, args[1], mem);
		break;
	case NR_bind:
	case NR_connect:
		got_address(t, tab, (int)args[0]);
		break;
	case NR_open_by_handle_at:
		made_plain(t, tab, tid, fd);
		break;
	default:
		if (made_other(nr, args[0]))
			made_plain(t, tab, tid, fd);
		break;
	}
}

struct cloexec_scan {
	uint32_t first, last;	/* keys: fd + 1 */
	bool only_cloexec;	/* execve: the close-on-exec fds; else every fd in the range */
	uint32_t *keys;
	size_t n;
};

static void scan_cb(void *ctx, uint32_t key, void *val)
{
	struct cloexec_scan *s = ctx;
	const struct fd_entry *e = val;

	if (key < s->first || key > s->last || (s->only_cloexec && !e->cloexec))
		return;
	s->keys = xrealloc(s->keys, (s->n + 1) * sizeof(*s->keys));
	s->keys[s->n++] = key;
}

/* Ends the fds FIRST..LAST (of those with close-on-exec only, if ONLY_CLOEXEC). */
static void end_range(struct fd_table *tab, uint64_t first, uint64_t last, bool only_cloexec)
{
	struct cloexec_scan s = { .only_cloexec = only_cloexec };

	if (first >= INT_MAX)
		return;
	s.first = (uint32_t)first + 1;
	s.last = last >= INT_MAX ? INT_MAX : (uint32_t)last + 1;
	int_map_each(&tab->fds, scan_cb, &s);
	for (size_t i = 0; i < s.n; i++)
		entry_free(int_map_take(&tab->fds, s.keys[i]));
	free(s.keys);
}

static void set_cloexec_cb(void *ctx, uint32_t key, void *val)
{
	const struct cloexec_scan *s = ctx;

	if (key >= s->first && key <= s->last)
		((struct fd_entry *)val)->cloexec = true;
}

void fd_tables_ended(struct fd_tables *t, pid_t tid, long nr, const uint64_t *args, int64_t ret)
{
	struct fd_table *tab = table_of(t, tid);

	if (!tab)
		return;
	switch (nr) {
	case NR_close:
		/* Linux frees the fd whatever close returns, unless it was not open (EBADF). */
		if (ret != -EBADF)
			drop_fd(tab, (int)args[0]);
		break;
	case NR_close_range:
		if (ret < 0)
			break;
		if (args[2] & CLOSE_RANGE_UNSHARE_FLAG)
			tab = unshared(t, tid);
		if (args[2] & CLOSE_RANGE_CLOEXEC_FLAG) {
			struct cloexec_scan s = { .first = (uint32_t)args[0] + 1,
						  .last = args[1] >= INT_MAX ? INT_MAX :
							  (uint32_t)args[1] + 1 };

			if (args[0] < INT_MAX)
				int_map_each(&tab->fds, set_cloexec_cb, &s);
		} else {
			end_range(tab, args[0], args[1], false);
		}
		break;
	case NR_execve:
	case NR_execveat:
		if (ret)
			break;
		tab = unshared(t, tid);
		end_range(tab, 0, INT_MAX, true);
		break;
	}
}

bool fd_tables_follows(long nr)
{
	switch (nr) {
	case NR_open: case NR_creat: case NR_openat: case NR_openat2: case NR_open_by_handle_at:
	case NR_socket: case NR_socketpair: case NR_accept: case NR_accept4: case NR_recvmsg:
	case NR_bind: case NR_connect: case NR_sendto: case NR_sendmsg: case NR_sendmmsg:
	case NR_pipe: case NR_pipe2: case NR_dup: case NR_dup2: case NR_dup3: case NR_fcntl:
	case NR_close: case NR_close_range: case NR_unshare: case NR_execve: case NR_execveat:
	case NR_clone: case NR_clone3: case NR_fork: case NR_vfork: case NR_exit:
	case NR_exit_group:
		return true;
	}
	return made_other(nr, (uint64_t)-1);
}
