/* SPDX-License-Identifier: Apache-2.0 */
/* The syscalls that make, copy and end descriptors, as the fd tables follow them. */
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
#include "trace/fd_table_impl.h"
#include "util/util.h"

/* include/uapi/linux/landlock.h */
#define LANDLOCK_CREATE_RULESET_VERSION_FLAG (1u << 0)

/* include/uapi/linux/close_range.h, which glibc 2.36 does not spell */
#define CLOSE_RANGE_UNSHARE_FLAG (1u << 1)
#define CLOSE_RANGE_CLOEXEC_FLAG (1u << 2)

static bool name_base(const struct fd_table *tab, pid_t tid, int dirfd, const char *name,
		      char *base, size_t n);

/* Do the paths A and B end in the same file name? */
static bool same_last_name(const char *a, const char *b)
{
	const char *x = strrchr(a, '/'), *y = strrchr(b, '/');

	return !strcmp(x ? x + 1 : a, y ? y + 1 : b);
}

/* Writes into BASE what NAME, relative to DIRFD of TID, is relative to ("" when absolute);
 * false when that is not known. */
static bool name_base(const struct fd_table *tab, pid_t tid, int dirfd, const char *name,
		      char *base, size_t n)
{
	const struct fd_entry *d = dirfd == AT_FDCWD ? NULL : fd_get(tab, dirfd);
	char cwd[64];
	ssize_t len;

	base[0] = 0;
	if (name[0] == '/')
		return true;
	if (d && d->link && d->link[0] == '/') {
		snprintf(base, n, "%s", d->link);
	} else if (dirfd == AT_FDCWD && tab->cwd) {
		snprintf(base, n, "%s", tab->cwd);
	} else if (dirfd == AT_FDCWD) {
		snprintf(cwd, sizeof(cwd), "/proc/%d/cwd", (int)tid);
		len = readlink(cwd, base, n - 1);
		base[len > 0 ? len : 0] = 0;
	}
	return base[0] != 0;
}

/*
 * The absolute path JOINED as the kernel names it: realpath's answer while the file is
 * there, else JOINED without its "." components, its ".." taking the component before (the
 * directory may be gone: open(".") in a directory removed since), its '/' single.
 */
static char *canonical_path(char *joined)
{
	char resolved[PATH_MAX];
	char *w = joined, *r = joined;

	if (realpath(joined, resolved))
		return xstrdup(resolved);
	if (joined[0] != '/')
		return xstrdup(joined);
	while (*r) {
		size_t len = strcspn(r + 1, "/");	/* R points at a '/' */

		if (len == 0 || (len == 1 && r[1] == '.')) {
			r += 1 + len;
			continue;
		}
		if (len == 2 && r[1] == '.' && r[2] == '.') {
			while (w > joined && *--w != '/')
				;
			r += 3;
			continue;
		}
		memmove(w, r, len + 1);
		w += len + 1;
		r += len + 1;
	}
	if (w == joined)
		*w++ = '/';
	*w = 0;
	return xstrdup(joined);
}

/*
 * The link of fd FD that TID opened as NAME relative to DIRFD. The link read now is that
 * file's when it names the same file as NAME does (the fd may have been closed and reused
 * since the open), without the " (deleted)" of an unlink since (which fd_tables_made tells
 * in its turn); else NAME resolved now, else NAME made absolute as it was given.
 */
static char *opened_link(const struct fd_table *tab, pid_t tid, int fd, int dirfd,
			 const char *name)
{
	char base[PATH_MAX], joined[2 * PATH_MAX + 2];
	char *now = fd_proc_link(tid, fd), *mark = fd_link_mark(now);

	if (mark)
		*mark = 0;
	if (now && same_last_name(now, name))
		return now;
	free(now);
	if (!name_base(tab, tid, dirfd, name, base, sizeof(base)))
		return NULL;
	snprintf(joined, sizeof(joined), "%s%s%s", base, base[0] ? "/" : "", name);
	return canonical_path(joined);
}

/* chdir(NAME), fchdir(FD): the table's working directory is the one named. */
static void changed_dir(struct fd_tables *t, struct fd_table *tab, pid_t tid, int fd,
			uint64_t name_addr, const struct mem_reader *mem)
{
	char name[PATH_MAX], base[PATH_MAX], joined[2 * PATH_MAX + 2];
	const struct fd_entry *e = fd >= 0 ? fd_get(tab, fd) : NULL;
	char *cwd = NULL;

	if (!t->paths)
		return;
	if (e && e->link && e->link[0] == '/') {
		cwd = xstrdup(e->link);
	} else if (fd < 0 && mem->read_str(mem, name_addr, name, sizeof(name)) > 0 &&
		   name_base(tab, tid, AT_FDCWD, name, base, sizeof(base))) {
		snprintf(joined, sizeof(joined), "%s%s%s", base, base[0] ? "/" : "", name);
		cwd = canonical_path(joined);
	}
	free(tab->cwd);
	tab->cwd = cwd;		/* not known: /proc is asked */
}

struct unlink_scan {
	const char *path;
	size_t len;
};

static void unlinked_entry_cb(void *ctx, uint32_t key, void *val)
{
	const struct unlink_scan *u = ctx;
	struct fd_entry *e = val;
	(void)key;

	if (!e->link || strcmp(e->link, u->path))
		return;
	e->link = xrealloc(e->link, u->len + sizeof(FD_UNLINKED_MARK));
	memcpy(e->link + u->len, FD_UNLINKED_MARK, sizeof(FD_UNLINKED_MARK));
	e->unlinked = true;
}

static void unlinked_table_cb(void *ctx, uint32_t key, void *val)
{
	(void)key;
	int_map_each(&((struct fd_table *)val)->fds, unlinked_entry_cb, ctx);
}

/* unlink, unlinkat: the fds open on the file NAME (relative to DIRFD) named, in every table,
 * are " (deleted)" now, as their /proc links say (its last name: other links go unseen). */
static void unlinked(struct fd_tables *t, const struct fd_table *tab, pid_t tid, int dirfd,
		     uint64_t name_addr, const struct mem_reader *mem)
{
	char name[PATH_MAX], base[PATH_MAX], joined[2 * PATH_MAX + 2], dir[PATH_MAX];
	char path[2 * PATH_MAX + 2];
	char *slash;

	if (!t->paths || mem->read_str(mem, name_addr, name, sizeof(name)) <= 0 ||
	    !name_base(tab, tid, dirfd, name, base, sizeof(base)))
		return;
	snprintf(joined, sizeof(joined), "%s%s%s", base, base[0] ? "/" : "", name);
	slash = strrchr(joined, '/');
	*slash = 0;
	/* the file is gone: its directory resolves, then its name */
	if (!realpath(joined[0] ? joined : "/", dir))
		return;
	snprintf(path, sizeof(path), "%s/%s", strcmp(dir, "/") ? dir : "", slash + 1);
	struct unlink_scan u = { .path = path, .len = strlen(path) };

	int_map_each(&t->by_tid, unlinked_table_cb, &u);
}

static void made_open(struct fd_tables *t, struct fd_table *tab, pid_t tid, int fd, int dirfd,
		      uint64_t name_addr, uint64_t flags, const struct mem_reader *mem)
{
	struct fd_entry *e = fd_entry_new();
	char name[PATH_MAX];

	e->cloexec = flags & O_CLOEXEC;
	if (t->paths && mem->read_str(mem, name_addr, name, sizeof(name)) > 0)
		e->link = opened_link(tab, tid, fd, dirfd, name);
	else if (t->paths)
		fd_entry_link_from_proc(e, tid, fd);
	fd_put(tab, fd, e);
}

/* A socket made with FAMILY, TYPE and PROTOCOL (-1: not known) at FD. */
static void made_socket(struct fd_tables *t, struct fd_table *tab, pid_t tid, int fd,
			int family, int type, int protocol, bool cloexec)
{
	struct fd_entry *e = fd_entry_new();

	e->is_socket = true;
	e->sock_id = ++t->last_sock_id;
	e->family = family;
	e->type = type & 0xf;
	e->protocol = protocol;
	e->cloexec = cloexec;
	if (t->paths) {
		/* The link read now is another's if the fd was reused since: its kind and the
		 * kernel's protocol name tell. */
		char *now = fd_proc_link(tid, fd), name[64];
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
	fd_put(tab, fd, e);
}

/* The pair of fds an array at ADDR holds, made by pipe or socketpair. */
static bool fd_pair(const struct mem_reader *mem, uint64_t addr, int fds[2])
{
	return addr && !mem->read(mem, addr, fds, 2 * sizeof(int));
}

static void made_pipe(struct fd_tables *t, struct fd_table *tab, pid_t tid, int fd, bool cloexec)
{
	struct fd_entry *e = fd_entry_new();

	e->cloexec = cloexec;
	if (t->paths) {
		e->link = fd_proc_link(tid, fd);
		if (e->link && strncmp(e->link, "pipe:[", 6)) {
			free(e->link);
			e->link = NULL;
		}
	}
	fd_put(tab, fd, e);
}

/* Syscalls that return a new fd of a kind that is no socket (ARG0: their first argument). */
static bool made_other(long nr, uint64_t arg0)
{
	switch (nr) {
	case NR_eventfd: case NR_eventfd2: case NR_epoll_create: case NR_epoll_create1:
	case NR_timerfd_create: case NR_inotify_init: case NR_inotify_init1:
	case NR_fanotify_init: case NR_memfd_create: case NR_memfd_secret: case NR_userfaultfd:
	case NR_perf_event_open: case NR_io_uring_setup: case NR_fsopen: case NR_fspick:
	case NR_fsmount: case NR_open_tree: case NR_mq_open:
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
	struct fd_entry *e = fd_entry_new();

	if (t->paths)
		fd_entry_link_from_proc(e, tid, fd);
	fd_put(tab, fd, e);
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
			struct fd_entry *e = fd_entry_new();
			int fd;

			memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(fd));
			e->ask_proc = true;
			fd_put(tab, fd, e);
		}
	}
}

/* A pidfd of process PID (pidfd_open's argument, in the caller's pid namespace). */
static void made_pidfd(struct fd_tables *t, struct fd_table *tab, int fd, pid_t pid)
{
	struct fd_entry *e = fd_entry_new();

	if (t->paths)
		e->link = xstrdup("anon_inode:[pidfd]");
	e->pidfd_pid = pid > 0 ? pid : 0;
	e->cloexec = true;	/* pidfds are close-on-exec */
	fd_put(tab, fd, e);
}

/* clone's and clone3's pidfd of the child CHILD (CLONE_PIDFD): clone writes its number to
 * parent_tid (the third argument on x86_64), clone3 to the pointer at offset 8 of its struct
 * clone_args (after the u64 flags). Both copied at the exit. */
static void made_clone_pidfd(struct fd_tables *t, struct fd_table *tab, long nr,
			     const uint64_t *args, pid_t child, const struct mem_reader *mem)
{
	uint64_t ca[2], flags = args[0], where = args[2];
	int fd;

	if (nr == NR_clone3) {
		if (mem->read(mem, args[0], ca, sizeof(ca)))
			return;
		flags = ca[0];
		where = ca[1];
	}
	if ((flags & CLONE_PIDFD_FLAG) && !mem->read(mem, where, &fd, sizeof(fd)) && fd >= 0)
		made_pidfd(t, tab, fd, child);
}

/* pidfd_getfd's copy at FD of fd TARGETFD of the process of PIDFD: what the process's table
 * says it is, if it is traced. */
static void made_getfd(struct fd_tables *t, struct fd_table *tab, pid_t tid, int fd, int pidfd,
		       int targetfd)
{
	const struct fd_entry *p = fd_get(tab, pidfd);
	const struct fd_table *other = p && p->pidfd_pid ? fd_table_of(t, p->pidfd_pid) : NULL;
	const struct fd_entry *src = other ? fd_get(other, targetfd) : NULL;
	struct fd_entry *e;

	if (!src) {
		made_plain(t, tab, tid, fd);
		return;
	}
	e = fd_entry_copy(src);
	e->cloexec = true;	/* so pidfd_getfd makes it */
	fd_put(tab, fd, e);
}

static void made_copy(struct fd_table *tab, int from, int to, bool cloexec)
{
	const struct fd_entry *src = fd_get(tab, from);

	if (from == to)
		return;
	if (!src) {
		fd_drop(tab, to);	/* what it is now: /proc's to say */
		return;
	}
	struct fd_entry *e = fd_entry_copy(src);

	e->cloexec = cloexec;
	fd_put(tab, to, e);
}

static void got_address(struct fd_tables *t, const struct fd_table *tab, int fd)
{
	const struct fd_entry *e = fd_get(tab, fd);

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
	struct fd_table *tab = fd_table_of(t, tid);
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
		const struct fd_entry *l = fd_get(tab, (int)args[0]);
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
			struct fd_entry *e = fd_get(tab, (int)args[0]);

			if (e)
				e->cloexec = args[2] & FD_CLOEXEC;
		}
		break;
	case NR_unshare:
		if (args[0] & CLONE_FILES_FLAG)
			fd_table_unshared(t, tid);
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
	case NR_pidfd_open:
		made_pidfd(t, tab, fd, (pid_t)args[0]);
		break;
	case NR_unlink:
		unlinked(t, tab, tid, AT_FDCWD, args[0], mem);
		break;
	case NR_chdir:
		changed_dir(t, tab, tid, -1, args[0], mem);
		break;
	case NR_fchdir:
		changed_dir(t, tab, tid, (int)args[0], 0, mem);
		break;
	case NR_unlinkat:
		if (!(args[2] & AT_REMOVEDIR))
			unlinked(t, tab, tid, (int)args[0], args[1], mem);
		break;
	case NR_pidfd_getfd:
		made_getfd(t, tab, tid, fd, (int)args[0], (int)args[1]);
		break;
	case NR_clone:
	case NR_clone3:
		if (ret > 0)
			made_clone_pidfd(t, tab, nr, args, (pid_t)ret, mem);
		break;
	case NR_landlock_create_ruleset:
		/* LANDLOCK_CREATE_RULESET_VERSION asks for the ABI's version: no fd */
		if (!(args[2] & LANDLOCK_CREATE_RULESET_VERSION_FLAG))
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
		fd_entry_free(int_map_take(&tab->fds, s.keys[i]));
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
	struct fd_table *tab = fd_table_of(t, tid);

	if (!tab)
		return;
	switch (nr) {
	case NR_close:
		/* Linux frees the fd whatever close returns, unless it was not open (EBADF). */
		if (ret != -EBADF)
			fd_drop(tab, (int)args[0]);
		break;
	case NR_close_range:
		if (ret < 0)
			break;
		if (args[2] & CLOSE_RANGE_UNSHARE_FLAG)
			tab = fd_table_unshared(t, tid);
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
		tab = fd_table_unshared(t, tid);
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
	case NR_exit_group: case NR_pidfd_open: case NR_pidfd_getfd: case NR_unlink:
	case NR_unlinkat: case NR_chdir: case NR_fchdir: case NR_landlock_create_ruleset:
		return true;
	}
	return made_other(nr, (uint64_t)-1);
}

bool fd_tables_makes_fd(long nr)
{
	switch (nr) {
	case NR_open: case NR_creat: case NR_openat: case NR_openat2: case NR_open_by_handle_at:
	case NR_socket: case NR_accept: case NR_accept4: case NR_dup: case NR_dup2:
	case NR_dup3: case NR_pidfd_open: case NR_pidfd_getfd: case NR_landlock_create_ruleset:
		return true;
	}
	/* bpf's result is no fd for some commands: the kernel then tells of the fd that number
	 * names, if open, which is true too */
	return made_other(nr, (uint64_t)-1);
}
