/* SPDX-License-Identifier: Apache-2.0 */
/*
 * -P PATH: show only the syscalls that name one of the paths, or that use a descriptor
 * which /proc/PID/fd/N links to one of them, decided at syscall entry as strace 6.1
 * decides it.
 *
 * Which arguments are looked at follows strace's table rather than the argument kinds
 * of our syscall table, because strace checks fewer arguments than a syscall has
 * (rename: only the old name; dup: the fd although the kernel calls it "fildes") and
 * none for syscalls that only create descriptors. Syscalls newer than strace 6.1
 * (after set_mempolicy_home_node, 450) never match: strace has no entry for them.
 */
#include "trace/print_extra.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "trace/decode.h"
#include "trace/opts.h"
#include "util/util.h"

/* The last syscall strace 6.1 knows on x86_64. */
#define LAST_KNOWN_NR 450
/* select/poll descriptor counts beyond this are clamped, as strace clamps them. */
#define MAX_SCAN_FDS (1024 * 1024)

/* Which arguments hold the paths and descriptors to check. */
enum shape {
	SHAPE_DEFAULT,		/* by class: a file syscall's arg 0 path, else its arg 0 fd */
	SHAPE_NONE,		/* creates descriptors, names none: never matches */
	SHAPE_FD_FD,		/* fd, fd */
	SHAPE_FD_PATH,		/* dirfd, path */
	SHAPE_PATH_PATH,	/* path, path */
	SHAPE_X_PATH,		/* x, path */
	SHAPE_FD_PATH_FD_PATH,	/* dirfd, path, dirfd, path */
	SHAPE_FD4,		/* mmap: x, x, x, x, fd */
	SHAPE_X_FD_PATH,	/* symlinkat: x, dirfd, path */
	SHAPE_FD_X_FD,		/* fd, x, fd */
	SHAPE_X_X_FD,		/* epoll_ctl: x, x, fd */
	SHAPE_FANOTIFY_MARK,	/* x, x, mask, dirfd, path */
	SHAPE_SELECT,		/* nfds, fd_set *, fd_set *, fd_set * */
	SHAPE_POLL,		/* struct pollfd *, nfds */
	SHAPE_FSCONFIG,		/* fd, cmd, key, path?, fd? */
};

static const struct {
	const char *name;
	enum shape shape;
} shapes[] = {
	{ "dup2", SHAPE_FD_FD }, { "dup3", SHAPE_FD_FD }, { "kexec_file_load", SHAPE_FD_FD },
	{ "sendfile", SHAPE_FD_FD }, { "tee", SHAPE_FD_FD },

	{ "execveat", SHAPE_FD_PATH }, { "faccessat", SHAPE_FD_PATH },
	{ "faccessat2", SHAPE_FD_PATH }, { "fchmodat", SHAPE_FD_PATH },
	{ "fchownat", SHAPE_FD_PATH }, { "fspick", SHAPE_FD_PATH },
	{ "futimesat", SHAPE_FD_PATH }, { "inotify_add_watch", SHAPE_FD_PATH },
	{ "mkdirat", SHAPE_FD_PATH }, { "mknodat", SHAPE_FD_PATH },
	{ "mount_setattr", SHAPE_FD_PATH }, { "name_to_handle_at", SHAPE_FD_PATH },
	{ "newfstatat", SHAPE_FD_PATH }, { "open_tree", SHAPE_FD_PATH },
	{ "openat", SHAPE_FD_PATH }, { "openat2", SHAPE_FD_PATH },
	{ "readlinkat", SHAPE_FD_PATH }, { "statx", SHAPE_FD_PATH },
	{ "unlinkat", SHAPE_FD_PATH }, { "utimensat", SHAPE_FD_PATH },

	{ "link", SHAPE_PATH_PATH }, { "mount", SHAPE_PATH_PATH },
	{ "pivot_root", SHAPE_PATH_PATH },
	{ "quotactl", SHAPE_X_PATH }, { "symlink", SHAPE_X_PATH },

	{ "linkat", SHAPE_FD_PATH_FD_PATH }, { "move_mount", SHAPE_FD_PATH_FD_PATH },
	{ "renameat", SHAPE_FD_PATH_FD_PATH }, { "renameat2", SHAPE_FD_PATH_FD_PATH },

	{ "mmap", SHAPE_FD4 },
	{ "symlinkat", SHAPE_X_FD_PATH },
	{ "copy_file_range", SHAPE_FD_X_FD }, { "splice", SHAPE_FD_X_FD },
	{ "epoll_ctl", SHAPE_X_X_FD },
	{ "fanotify_mark", SHAPE_FANOTIFY_MARK },
	{ "select", SHAPE_SELECT }, { "pselect6", SHAPE_SELECT },
	{ "poll", SHAPE_POLL }, { "ppoll", SHAPE_POLL },
	{ "fsconfig", SHAPE_FSCONFIG },

	{ "accept", SHAPE_NONE }, { "accept4", SHAPE_NONE }, { "bpf", SHAPE_NONE },
	{ "epoll_create", SHAPE_NONE }, { "epoll_create1", SHAPE_NONE },
	{ "eventfd", SHAPE_NONE }, { "eventfd2", SHAPE_NONE }, { "fanotify_init", SHAPE_NONE },
	{ "fsmount", SHAPE_NONE }, { "fsopen", SHAPE_NONE }, { "inotify_init", SHAPE_NONE },
	{ "inotify_init1", SHAPE_NONE }, { "io_uring_enter", SHAPE_NONE },
	{ "io_uring_register", SHAPE_NONE }, { "io_uring_setup", SHAPE_NONE },
	{ "landlock_add_rule", SHAPE_NONE }, { "landlock_create_ruleset", SHAPE_NONE },
	{ "landlock_restrict_self", SHAPE_NONE }, { "memfd_create", SHAPE_NONE },
	{ "memfd_secret", SHAPE_NONE }, { "mq_getsetattr", SHAPE_NONE },
	{ "mq_notify", SHAPE_NONE }, { "mq_open", SHAPE_NONE },
	{ "mq_timedreceive", SHAPE_NONE }, { "mq_timedsend", SHAPE_NONE },
	{ "perf_event_open", SHAPE_NONE }, { "pidfd_open", SHAPE_NONE }, { "pipe", SHAPE_NONE },
	{ "pipe2", SHAPE_NONE }, { "signalfd", SHAPE_NONE }, { "signalfd4", SHAPE_NONE },
	{ "socket", SHAPE_NONE }, { "socketpair", SHAPE_NONE },
	{ "timerfd_create", SHAPE_NONE }, { "timerfd_gettime", SHAPE_NONE },
	{ "timerfd_settime", SHAPE_NONE }, { "userfaultfd", SHAPE_NONE },
};

/* fsconfig commands that carry a path and/or a descriptor. */
#define FSCONFIG_SET_PATH 3
#define FSCONFIG_SET_PATH_EMPTY 4
#define FSCONFIG_SET_FD 5

/* The selected paths: each -P as given, and its canonical form when that differs. */
struct path_set {
	char **paths;
	int n;
	bool ready;
	uint8_t shape_of[SYSCALL_NR_LIMIT];
};

static struct path_set set;

static bool in_set(const char *path)
{
	for (int i = 0; i < set.n; i++)
		if (strcmp(set.paths[i], path) == 0)
			return true;
	return false;
}

static void add_path(const char *path)
{
	if (in_set(path))
		return;
	set.paths = xrealloc(set.paths, (size_t)(set.n + 1) * sizeof(*set.paths));
	set.paths[set.n++] = xstrdup(path);
}

/* A path in double quotes with strace's C escapes. */
static void quote_into(struct out *o, const char *s)
{
	struct pr p;
	pr_reset(&p, o);
	pr_quoted(&p, s, strlen(s), 0);
}

/* strace says so on stderr, at startup, when a path has another canonical name. */
static void report_resolved(const char *path, const char *real)
{
	struct out o = { 0 };
	out_printf(&o, "%s: Requested path ", progname);
	quote_into(&o, path);
	out_puts(&o, " resolved into ");
	quote_into(&o, real);
	out_putc(&o, '\n');
	fwrite(o.buf, 1, o.len, stderr);
	out_free(&o);
}

static void select_path(const char *path)
{
	add_path(path);
	char *real = realpath(path, NULL);
	if (!real)
		return;
	if (strcmp(path, real) != 0) {
		report_resolved(path, real);
		add_path(real);
	}
	free(real);
}

static void set_up(const struct trace_opts *opt)
{
	set.ready = true;
	for (int i = 0; i < opt->npaths; i++)
		select_path(opt->paths[i]);
	for (size_t i = 0; i < ARRAY_SIZE(shapes); i++) {
		long nr = syscall_nr_by_name(shapes[i].name);
		if (nr >= 0 && nr < SYSCALL_NR_LIMIT)
			set.shape_of[nr] = (uint8_t)shapes[i].shape;
	}
}

/* ---- matching ---- */

/*
 * The path of FD in process PID, without the " (deleted)" the kernel adds to unlinked files.
 * fd_path() is the one answer to what an fd names, for -y and here: under ptrace
 * /proc/PID/fd/FD (the process is stopped at the syscall), under eBPF the descriptor tables
 * that the events build (the fd may be closed or the process gone by print time).
 */
static bool fd_link(pid_t pid, int fd, char *buf, size_t size)
{
	if (fd < 0 || !fd_path(pid, fd, buf, size))
		return false;
	fd_path_cut_unlinked_mark(pid, fd, buf);
	return true;
}

static bool fd_matches(const struct sc *sc, uint64_t arg)
{
	char path[PATH_MAX + 1];
	return fd_link(sc->pid, (int)arg, path, sizeof(path)) && in_set(path);
}

static bool path_matches(const struct mem_reader *mem, uint64_t addr)
{
	char path[PATH_MAX + 1];
	if (!mem || !mem->read_str || !addr)
		return false;
	long n = mem->read_str(mem, addr, path, sizeof(path));
	/* An unreadable name, or one with no NUL within PATH_MAX + 1 bytes, names nothing. */
	if (n < 0 || (size_t)n >= sizeof(path))
		return false;
	return in_set(path);
}

/* select(2) sets: any descriptor below nfds whose bit is set in any of the three sets. */
static bool fd_sets_match(const struct sc *sc, const struct mem_reader *mem)
{
	int nfds = (int)sc->arg[0];
	if (nfds <= 0 || !mem || !mem->read)
		return false;
	if (nfds > MAX_SCAN_FDS)
		nfds = MAX_SCAN_FDS;
	size_t bytes = (((size_t)nfds + 7) / 8 + 7) & ~(size_t)7;
	unsigned char *bits = xmalloc(bytes);
	bool found = false;
	for (int i = 1; i <= 3 && !found; i++) {
		if (!sc->arg[i] || mem->read(mem, sc->arg[i], bits, bytes) < 0)
			continue;
		for (int fd = 0; fd < nfds && !found; fd++)
			if (bits[fd / 8] >> (fd % 8) & 1)
				found = fd_matches(sc, (uint64_t)fd);
	}
	free(bits);
	return found;
}

/* poll(2): each struct pollfd in turn, until one matches or is unreadable. */
static bool pollfds_match(const struct sc *sc, const struct mem_reader *mem)
{
	struct { int32_t fd; int16_t events, revents; } pfd;
	unsigned nfds = (unsigned)sc->arg[1];
	if (nfds > MAX_SCAN_FDS)
		nfds = MAX_SCAN_FDS;
	uint64_t start = sc->arg[0], end = start + sizeof(pfd) * nfds;
	if (!nfds || end < start || !mem || !mem->read)
		return false;
	for (uint64_t a = start; a < end; a += sizeof(pfd)) {
		if (mem->read(mem, a, &pfd, sizeof(pfd)) < 0)
			break;
		if (fd_matches(sc, (uint64_t)(int64_t)pfd.fd))
			return true;
	}
	return false;
}

static bool fsconfig_matches(const struct sc *sc, const struct mem_reader *mem)
{
	switch ((unsigned)sc->arg[1]) {
	case FSCONFIG_SET_PATH:
	case FSCONFIG_SET_PATH_EMPTY:
		return fd_matches(sc, sc->arg[4]) || path_matches(mem, sc->arg[3]);
	case FSCONFIG_SET_FD:
		return fd_matches(sc, sc->arg[4]);
	}
	return false;
}

static bool by_class(const struct sc *sc, const struct mem_reader *mem)
{
	if (sc->info->classes & SC_FILE)
		return path_matches(mem, sc->arg[0]);
	return fd_matches(sc, sc->arg[0]);
}

static bool shape_matches(const struct sc *sc, const struct mem_reader *mem, enum shape shape)
{
	const uint64_t *a = sc->arg;

	switch (shape) {
	case SHAPE_DEFAULT:
		return by_class(sc, mem);
	case SHAPE_NONE:
		return false;
	case SHAPE_FD_FD:
		return fd_matches(sc, a[0]) || fd_matches(sc, a[1]);
	case SHAPE_FD_PATH:
		return fd_matches(sc, a[0]) || path_matches(mem, a[1]);
	case SHAPE_PATH_PATH:
		return path_matches(mem, a[0]) || path_matches(mem, a[1]);
	case SHAPE_X_PATH:
		return path_matches(mem, a[1]);
	case SHAPE_FD_PATH_FD_PATH:
		return fd_matches(sc, a[0]) || fd_matches(sc, a[2]) || path_matches(mem, a[1]) ||
		       path_matches(mem, a[3]);
	case SHAPE_FD4:
		return fd_matches(sc, a[4]);
	case SHAPE_X_FD_PATH:
		return fd_matches(sc, a[1]) || path_matches(mem, a[2]);
	case SHAPE_FD_X_FD:
		return fd_matches(sc, a[0]) || fd_matches(sc, a[2]);
	case SHAPE_X_X_FD:
		return fd_matches(sc, a[2]);
	case SHAPE_FANOTIFY_MARK:
		/* The 64-bit mask takes one register on x86_64: fd and path follow it. */
		return fd_matches(sc, a[3]) || path_matches(mem, a[4]);
	case SHAPE_SELECT:
		return fd_sets_match(sc, mem);
	case SHAPE_POLL:
		return pollfds_match(sc, mem);
	case SHAPE_FSCONFIG:
		return fsconfig_matches(sc, mem);
	}
	return false;
}

bool path_filter_match(struct sc *sc, const struct mem_reader *mem)
{
	if (!sc->opt || !sc->opt->npaths)
		return true;
	if (!set.ready)
		set_up(sc->opt);
	/* Only syscalls that take files, descriptors or sockets can name a path. */
	if (!sc->info || sc->nr > LAST_KNOWN_NR ||
	    !(sc->info->classes & (SC_FILE | SC_DESC | SC_NETWORK)))
		return false;
	return shape_matches(sc, mem, (enum shape)set.shape_of[sc->nr]);
}
