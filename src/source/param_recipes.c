/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Where the parameters of the dedicated events that have no encoder of their own come from:
 * one row per syscall, its enter event, and its parameters by the event table's names. A name
 * holds for the enter and the exit event alike; ">name" only for the enter, "<name" only for
 * the exit. An exit's first parameter that no row names is the result (res, or fd for the
 * calls that make one); any other parameter no row names is left empty.
 *
 * The values are the ones libs' drivers put there: descriptors and pids as the int the kernel
 * takes; flags renumbered into libs' PPM_* values where libs' numbering differs from Linux's
 * (futex ops, fcntl commands, poll events, prot, clone and open flags); eventfd's and
 * signalfd's flags and signalfd's mask are 0 ("not implemented" in libs); a poll exit lists
 * only the fds with revents; getrlimit, setrlimit and prlimit give -1 for a limit they did not
 * read (a NULL pointer, or a failed call).
 */
#include "source/param_recipes.h"

#include <string.h>

#include "capture/event_table.h"
#include "schema/syscalls.h"

struct param_row {
	const char *name;	/* the event table's name, with an optional '>' or '<' */
	enum sr_value_kind kind;
	__u8 arg;
};

struct recipe_row {
	const char *syscall;
	enum ppm_event_code event;	/* the enter event */
	struct param_row p[SR_RECIPE_PARAMS];
};

#define P(name, kind, arg) { name, SR_V_##kind, arg }

static const struct recipe_row rows[] = {
	{ "futex", PPME_SYSCALL_FUTEX_E,
	  { P("addr", U64, 0), P("op", FUTEX_OP, 1), P("val", U64, 2) } },
	{ "poll", PPME_SYSCALL_POLL_E,
	  { P(">fds", FDS_IN, 0), P("<fds", FDS_OUT, 0), P("timeout", S64, 2) } },
	{ "ppoll", PPME_SYSCALL_PPOLL_E,
	  { P(">fds", FDS_IN, 0), P("<fds", FDS_OUT, 0), P("timeout", RELTIME, 2),
	    P("sigmask", SIGSET, 3) } },
	{ "select", PPME_SYSCALL_SELECT_E, { } },
	{ "epoll_wait", PPME_SYSCALL_EPOLLWAIT_E, { P("maxevents", S64, 2) } },
	{ "lseek", PPME_SYSCALL_LSEEK_E,
	  { P("fd", S64, 0), P("offset", U64, 1), P("whence", U8, 2) } },
	{ "ioctl", PPME_SYSCALL_IOCTL_3_E,
	  { P("fd", S64, 0), P("request", U64, 1), P("argument", U64, 2) } },
	{ "fcntl", PPME_SYSCALL_FCNTL_E,
	  { P("fd", S64, 0), P("cmd", FCNTL_CMD, 1), P("arg", U64, 2) } },
	{ "fstat", PPME_SYSCALL_FSTAT_E, { P("fd", S64, 0) } },
	{ "stat", PPME_SYSCALL_STAT_E, { P("path", PATH, 0) } },
	{ "lstat", PPME_SYSCALL_LSTAT_E, { P("path", PATH, 0) } },
	{ "access", PPME_SYSCALL_ACCESS_E, { P("mode", U32, 1), P("name", PATH, 0) } },
	{ "getcwd", PPME_SYSCALL_GETCWD_E, { P("path", PATH_OK, 0) } },
	{ "getdents", PPME_SYSCALL_GETDENTS_E, { P("fd", S64, 0) } },
	{ "getdents64", PPME_SYSCALL_GETDENTS64_E, { P("fd", S64, 0) } },
	{ "chmod", PPME_SYSCALL_CHMOD_E, { P("filename", PATH, 0), P("mode", MODE, 1) } },
	{ "fchmodat", PPME_SYSCALL_FCHMODAT_E,
	  { P("dirfd", S64, 0), P("filename", PATH, 1), P("mode", MODE, 2) } },
	{ "fchmod", PPME_SYSCALL_FCHMOD_E, { P("fd", S64, 0), P("mode", MODE, 1) } },
	{ "chroot", PPME_SYSCALL_CHROOT_E, { P("path", PATH, 0) } },
	{ "mount", PPME_SYSCALL_MOUNT_E,
	  { P("dev", PATH, 0), P("dir", PATH, 1), P("type", PATH, 2),
	    P("flags", MOUNT_FLAGS, 3) } },
	{ "umount2", PPME_SYSCALL_UMOUNT_E, { P("flags", U32, 1), P("name", PATH, 0) } },
	{ "getuid", PPME_SYSCALL_GETUID_E, { P("uid", RET_U32, 0) } },
	{ "geteuid", PPME_SYSCALL_GETEUID_E, { P("euid", RET_U32, 0) } },
	{ "getgid", PPME_SYSCALL_GETGID_E, { P("gid", RET_U32, 0) } },
	{ "getegid", PPME_SYSCALL_GETEGID_E, { P("egid", RET_U32, 0) } },
	{ "getresuid", PPME_SYSCALL_GETRESUID_E,
	  { P("ruid", USER_U32, 0), P("euid", USER_U32, 1), P("suid", USER_U32, 2) } },
	{ "getresgid", PPME_SYSCALL_GETRESGID_E,
	  { P("rgid", USER_U32, 0), P("egid", USER_U32, 1), P("sgid", USER_U32, 2) } },
	{ "setpgid", PPME_SYSCALL_SETPGID_E, { P("pid", S64, 0), P("pgid", S64, 1) } },
	{ "setsid", PPME_SYSCALL_SETSID_E, { } },
	{ "mprotect", PPME_SYSCALL_MPROTECT_E,
	  { P("addr", U64, 0), P("length", U64, 1), P("prot", PROT, 2) } },
	{ "prlimit64", PPME_SYSCALL_PRLIMIT_E,
	  { P("pid", S64, 0), P("resource", U8, 1), P("newcur", RLIM_CUR, 2),
	    P("newmax", RLIM_MAX, 2), P("oldcur", RLIM_CUR, 3), P("oldmax", RLIM_MAX, 3) } },
	{ "getrlimit", PPME_SYSCALL_GETRLIMIT_E,
	  { P("resource", U8, 0), P("cur", RLIM_CUR, 1), P("max", RLIM_MAX, 1) } },
	{ "setrlimit", PPME_SYSCALL_SETRLIMIT_E,
	  { P("resource", U8, 0), P("cur", RLIM_CUR, 1), P("max", RLIM_MAX, 1) } },
	{ "nanosleep", PPME_SYSCALL_NANOSLEEP_E, { P("interval", RELTIME, 0) } },
	{ "eventfd", PPME_SYSCALL_EVENTFD_E, { P("initval", U64, 0), P("flags", ZERO32, 0) } },
	{ "eventfd2", PPME_SYSCALL_EVENTFD_E, { P("initval", U64, 0), P("flags", ZERO32, 0) } },
	{ "signalfd", PPME_SYSCALL_SIGNALFD_E,
	  { P("fd", S64, 0), P("mask", ZERO32, 0), P("flags", ZERO8, 0) } },
	{ "signalfd4", PPME_SYSCALL_SIGNALFD_E,
	  { P("fd", S64, 0), P("mask", ZERO32, 0), P("flags", ZERO8, 0) } },
	{ "timerfd_create", PPME_SYSCALL_TIMERFD_CREATE_E,
	  { P("clockid", U8, 0), P("flags", U8, 1) } },
	{ "inotify_init", PPME_SYSCALL_INOTIFY_INIT_E, { P("flags", ZERO8, 0) } },
	{ "inotify_init1", PPME_SYSCALL_INOTIFY_INIT_E, { P("flags", U8, 0) } },
	{ "splice", PPME_SYSCALL_SPLICE_E,
	  { P("fd_in", S64, 0), P("fd_out", S64, 2), P("size", U64, 4), P("flags", U32, 5) } },
	{ "sendfile", PPME_SYSCALL_SENDFILE_E,
	  { P("out_fd", S64, 0), P("in_fd", S64, 1), P("offset", USER_U64, 2),
	    P("size", U64, 3) } },
	{ "copy_file_range", PPME_SYSCALL_COPY_FILE_RANGE_E,
	  { P("fdin", S64, 0), P("offin", USER_U64, 1), P("len", U64, 4), P("fdout", S64, 2),
	    P("offout", USER_U64, 3) } },
	{ "flock", PPME_SYSCALL_FLOCK_E, { P("fd", S64, 0), P("operation", U32, 1) } },
	{ "setns", PPME_SYSCALL_SETNS_E, { P("fd", S64, 0), P("nstype", CLONE_FLAGS, 1) } },
	{ "unshare", PPME_SYSCALL_UNSHARE_E, { P("flags", CLONE_FLAGS, 0) } },
	{ "seccomp", PPME_SYSCALL_SECCOMP_E, { P("op", U64, 0), P("flags", U64, 1) } },
	{ "userfaultfd", PPME_SYSCALL_USERFAULTFD_E, { P("flags", OPEN_FLAGS, 0) } },
};

/* The row's recipe for parameter NAME of the enter (EXIT false) or exit event; NULL if none. */
static const struct param_row *find(const struct recipe_row *r, const char *name, bool exit)
{
	for (unsigned i = 0; i < SR_RECIPE_PARAMS && r->p[i].name; i++) {
		const char *n = r->p[i].name;

		if ((*n == '>' && exit) || (*n == '<' && !exit))
			continue;
		if (*n == '>' || *n == '<')
			n++;
		if (!strcmp(n, name))
			return &r->p[i];
	}
	return NULL;
}

static void build_event(const struct recipe_row *r, struct sr_syscall_recipes *s, bool exit)
{
	const struct scap_event_info *info = scap_event_info(r->event + exit);
	unsigned n = info && info->nparams > 0 ? (unsigned)info->nparams : 0;

	if (n > SR_RECIPE_PARAMS)
		n = SR_RECIPE_PARAMS;
	s->nparams[exit] = n;
	for (unsigned i = 0; i < n; i++) {
		const struct param_row *p = find(r, info->params[i].name, exit);

		if (p)
			s->p[exit][i] = (struct sr_recipe){ .kind = p->kind, .arg = p->arg };
		else if (exit && i == 0)
			s->p[exit][i] = (struct sr_recipe){ .kind = SR_V_RET };
	}
}

void param_recipes_build(struct sr_syscall_recipes *t)
{
	memset(t, 0, SR_MAX_SYSCALLS * sizeof(*t));
	for (size_t k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		long nr = syscall_nr_by_name(rows[k].syscall);

		if (nr < 0 || nr >= SR_MAX_SYSCALLS)
			continue;
		t[nr].event = rows[k].event;
		build_event(&rows[k], &t[nr], false);
		build_event(&rows[k], &t[nr], true);
	}
}
