/* SPDX-License-Identifier: Apache-2.0 */
/* /proc -> scap metadata. Threads share their process's fd table (CLONE_FILES), so fds are
 * listed once, on the thread-group leader, as libscap does; other threads carry the
 * CLONE_THREAD | CLONE_FILES flags that tell a reader to look there. */
#include "capture/proc_snapshot.h"
#include "capture/scap_format.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <inttypes.h>
#include <ifaddrs.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/sysinfo.h>
#include <sys/sysmacros.h>
#include <netinet/in.h>
#include <unistd.h>

#include "procfs/cgroup_items.h"
#include "procfs/exe_file.h"
#include "procfs/net_sockets.h"
#include "procfs/proc_fds.h"
#include "procfs/proc_task.h"
#include "schema/ppm_flags.h"
#include "util/util.h"

static char *link_target(const char *fmt, pid_t pid)
{
	char path[64], buf[PATH_MAX];
	ssize_t n;

	snprintf(path, sizeof(path), fmt, pid);
	n = readlink(path, buf, sizeof(buf) - 1);
	if (n < 0)
		n = 0;
	buf[n] = 0;
	return xstrdup(buf);
}

static unsigned long long read_number(const char *fmt, pid_t pid, unsigned long long dflt)
{
	char path[64];
	unsigned long long v = dflt;
	FILE *f;

	snprintf(path, sizeof(path), fmt, pid);
	f = fopen(path, "re");
	if (!f)
		return dflt;
	if (fscanf(f, "%llu", &v) != 1)
		v = dflt;
	fclose(f);
	return v;
}

/* The soft limit of open files ("Max open files" in /proc/PID/limits). */
static uint64_t fd_limit(pid_t pid)
{
	char path[64], line[256];
	uint64_t v = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/limits", pid);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "Max open files", 14)) {
			v = strtoull(line + 14, NULL, 10);
			break;
		}
	fclose(f);
	return v;
}

static void socket_fd(struct scap_fd *f, const struct net_table *net, unsigned long long ino)
{
	const struct net_sock *s = net_table_find(net, ino);

	f->ino = ino;
	f->name = xstrdup("");
	if (!s) {
		f->type = SCAP_FD_UNSUPPORTED;
		return;
	}
	switch (s->family) {
	case AF_INET:
	case AF_INET6: {
		bool v4 = s->family == AF_INET;
		bool listening = s->proto == SP_TCP && s->state == 10;	/* TCP_LISTEN */

		f->l4proto = s->proto == SP_TCP ? 2 : 3;
		memcpy(f->sip, s->laddr, v4 ? 4 : 16);
		f->sport = s->lport;
		if (listening) {
			f->type = v4 ? SCAP_FD_IPV4_SERVSOCK : SCAP_FD_IPV6_SERVSOCK;
		} else {
			f->type = v4 ? SCAP_FD_IPV4_SOCK : SCAP_FD_IPV6_SOCK;
			memcpy(f->dip, s->raddr, v4 ? 4 : 16);
			f->dport = s->rport;
		}
		break;
	}
	case AF_UNIX:
		f->type = SCAP_FD_UNIX_SOCK;
		f->unix_src = s->kaddr;
		free(f->name);
		f->name = xstrdup(s->path ? s->path : "");
		break;
	case AF_NETLINK:
		f->type = SCAP_FD_NETLINK;
		break;
	default:
		f->type = SCAP_FD_UNSUPPORTED;
	}
}

static void anon_fd(struct scap_fd *f, const char *what)
{
	static const struct { const char *name; uint8_t type; } kinds[] = {
		{ "[eventfd]", SCAP_FD_EVENT }, { "[eventpoll]", SCAP_FD_EVENTPOLL },
		{ "inotify", SCAP_FD_INOTIFY }, { "[timerfd]", SCAP_FD_TIMERFD },
		{ "[signalfd]", SCAP_FD_SIGNALFD }, { "[userfaultfd]", SCAP_FD_USERFAULTFD },
		{ "[io_uring]", SCAP_FD_IOURING }, { "[pidfd]", SCAP_FD_PIDFD },
	};

	f->type = SCAP_FD_UNSUPPORTED;
	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(what, kinds[i].name))
			f->type = kinds[i].type;
	if (!strncmp(what, "bpf", 3))
		f->type = SCAP_FD_BPF;
	f->name = xstrdup(what);
}

static void read_fds(struct scap_thread *t, pid_t pid, const struct net_table *net)
{
	struct fd_list list = { 0 };

	if (proc_fds_read(pid, 0, &list))
		return;
	for (size_t i = 0; i < list.n; i++) {
		const struct fd_entry *e = &list.v[i];
		unsigned long long ino;

		if (e->kind != FD_NUM || !e->target)
			continue;
		struct scap_fd *f = scap_thread_add_fd(t, e->fd);

		if (e->stat_ok)
			f->ino = e->st.st_ino;
		if (e->target[0] == '/') {
			bool dir = e->stat_ok && S_ISDIR(e->st.st_mode);

			f->type = dir ? SCAP_FD_DIRECTORY : SCAP_FD_FILE_V2;
			f->name = xstrdup(e->target);
			f->open_flags = e->have_fdinfo ? ppm_open_flags(e->flags) : 0;
			if (e->stat_ok && !dir) {
				/* the kernel's dev_t layout, as the drivers report it */
				f->dev = (major(e->st.st_dev) << 20) | minor(e->st.st_dev);
				f->has_dev = true;
			}
		} else if ((ino = fd_socket_inode(e->target))) {
			socket_fd(f, net, ino);
		} else if (!strncmp(e->target, "pipe:", 5)) {
			f->type = SCAP_FD_FIFO;
			f->name = xstrdup(e->target);
		} else if (!strncmp(e->target, "anon_inode:", 11)) {
			anon_fd(f, e->target + 11);
		} else {
			f->type = SCAP_FD_UNSUPPORTED;
			f->name = xstrdup(e->target);
		}
	}
	fd_list_free(&list);
}

/* What the process list says of a process's pid namespace and executable. */
struct proc_extra {
	uint64_t pidns_ino;		/* the namespace's inode number (/proc/PID/ns/pid) */
	bool has_exe_file;
	struct exe_file exe;
};

static void read_thread(struct scap_meta *m, pid_t pid, pid_t tid, const struct proc_task *p,
			const struct proc_extra *x, const struct net_table *net)
{
	struct proc_task t;

	if (proc_task_read(pid, tid, 0, &t))
		return;
	struct scap_thread *th = scap_meta_thread_add(m, tid);
	/* a whole process-list entry (as a file's PL_V9 block), not a thread known only
	 * from an fd list: readers of the tables take its name and ids */
	th->block_type = SCAP_BT_PL_V9;
	size_t a0 = p->cmdline_len ? strnlen(p->cmdline, p->cmdline_len) : 0;
	long page_kb = sysconf(_SC_PAGESIZE) / 1024;

	th->pid = pid;
	th->ptid = p->ppid;
	th->sid = p->sid;
	th->pgid = th->vpgid = p->pgrp;
	th->vtid = tid;
	th->vpid = pid;
	free(th->comm);
	th->comm = xstrdup(t.comm);
	free(th->exe);
	th->exe = a0 ? strndup(p->cmdline, a0) : xstrdup(t.comm);
	free(th->exepath);
	th->exepath = link_target("/proc/%d/exe", pid);
	free(th->args);
	th->args_len = a0 < p->cmdline_len ? p->cmdline_len - a0 - 1 : 0;
	th->args = xmalloc(th->args_len + 1);
	memcpy(th->args, p->cmdline + a0 + (th->args_len ? 1 : 0), th->args_len);
	free(th->cwd);
	th->cwd = link_target("/proc/%d/cwd", pid);
	free(th->root);
	th->root = link_target("/proc/%d/root", pid);
	th->fdlimit = fd_limit(pid);
	th->uid = t.have_ids ? t.uid[1] : 0;
	th->gid = t.have_ids ? t.gid[1] : 0;
	th->vmsize_kb = t.vsize / 1024;
	th->vmrss_kb = t.rss * page_kb;
	th->loginuid = read_number("/proc/%d/loginuid", pid, UINT32_MAX);
	th->tty = t.tty_nr;
	th->has_caps = t.have_caps;
	th->cap_inheritable = t.cap_inheritable;
	th->cap_permitted = t.cap_permitted;
	th->cap_effective = t.cap_effective;
	th->has_exe_file = x->has_exe_file;
	th->exe_ino = x->exe.ino;
	th->exe_ino_ctime = x->exe.ctime;
	th->exe_ino_mtime = x->exe.mtime;
	th->exe_flags = x->exe.flags;
	th->exe_flags_known = x->exe.flags_known;
	free(th->cgroups);
	th->cgroups = cgroup_items_of(pid, &th->cgroups_len);
	if (tid != pid)
		th->flags = PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES;
	else
		read_fds(th, pid, net);
	proc_task_free(&t);
}

static void read_users(struct scap_meta *m)
{
	struct passwd *pw;
	struct group *gr;

	setpwent();
	while ((pw = getpwent())) {
		struct scap_user u = { pw->pw_uid, pw->pw_gid, xstrdup(pw->pw_name),
				       xstrdup(pw->pw_dir), xstrdup(pw->pw_shell) };

		scap_meta_add_user(m, &u);
	}
	endpwent();
	setgrent();
	while ((gr = getgrent())) {
		struct scap_group g = { gr->gr_gid, xstrdup(gr->gr_name) };

		scap_meta_add_group(m, &g);
	}
	endgrent();
}

static void read_machine(struct scap_machine *mi)
{
	struct sysinfo si;

	mi->present = true;
	mi->num_cpus = sysconf(_SC_NPROCESSORS_ONLN);
	if (!sysinfo(&si))
		mi->memory_bytes = (uint64_t)si.totalram * si.mem_unit;
	mi->max_pid = read_number("/proc/sys/kernel/pid_max", 0, 32768);
	gethostname(mi->hostname, sizeof(mi->hostname) - 1);
	mi->boot_ts = (uint64_t)(proc_boot_time() * 1e9);
}

/* Copies the address of SA (AF_INET: 4 bytes, AF_INET6: 16) into OUT; zeros when SA is
 * NULL (an interface without a netmask or a broadcast/peer address). */
static void iface_addr(uint8_t out[16], const struct sockaddr *sa, int family)
{
	memset(out, 0, 16);
	if (!sa || sa->sa_family != family)
		return;
	if (family == AF_INET)
		memcpy(out, &((const struct sockaddr_in *)sa)->sin_addr, 4);
	else
		memcpy(out, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
}

/* The machine's IPv4 then IPv6 interface addresses (reference §6), as libscap lists them:
 * one entry per address, link speed 0. sysdig infers the local address of an unbound UDP
 * socket from this list. */
static void read_interfaces(struct scap_meta *m)
{
	struct ifaddrs *list, *a;
	static const int families[] = { AF_INET, AF_INET6 };

	if (getifaddrs(&list))
		return;
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
		int fam = families[i];

		for (a = list; a; a = a->ifa_next) {
			if (!a->ifa_addr || a->ifa_addr->sa_family != fam)
				continue;
			struct scap_iface f = { .type = fam == AF_INET ? SCAP_IFACE_IPV4
								       : SCAP_IFACE_IPV6 };

			iface_addr(f.addr, a->ifa_addr, fam);
			iface_addr(f.netmask, a->ifa_netmask, fam);
			iface_addr(f.bcast, a->ifa_broadaddr, fam);
			f.name = xstrdup(a->ifa_name);
			scap_meta_add_iface(m, &f);
		}
	}
	freeifaddrs(list);
}

/* The pid namespace of PID as the inode number of /proc/PID/ns/pid ("pid:[N]"); 0 unknown. */
static uint64_t pidns_ino(pid_t pid)
{
	char *t = link_target("/proc/%d/ns/pid", pid);
	uint64_t ino = 0;

	sscanf(t, "pid:[%" SCNu64 "]", &ino);
	free(t);
	return ino;
}

/* The pid namespaces met in a scan: which processes are in which, and when each one's init
 * (the process that is pid 1 in it) started. */
struct pidns_table {
	struct pidns_proc {
		pid_t pid;
		uint64_t ino;
	} *procs;
	size_t nprocs;
	struct pidns_init {
		uint64_t ino, start_ts;
	} *inits;
	size_t ninits;
};

static void pidns_note(struct pidns_table *ns, pid_t pid, uint64_t ino,
		       const struct proc_task *p)
{
	ns->procs = xrealloc(ns->procs, (ns->nprocs + 1) * sizeof(*ns->procs));
	ns->procs[ns->nprocs++] = (struct pidns_proc){ pid, ino };
	if (p->nspid != 1 || !ino)
		return;
	/* stat's starttime is in clock ticks after boot */
	double start = proc_boot_time() + (double)p->starttime / proc_clock_ticks();

	ns->inits = xrealloc(ns->inits, (ns->ninits + 1) * sizeof(*ns->inits));
	ns->inits[ns->ninits++] = (struct pidns_init){ ino, (uint64_t)(start * 1e9) };
}

/* Each thread's pidns_init_start_ts, from the namespace of its process. */
static void pidns_assign(struct scap_meta *m, const struct pidns_table *ns)
{
	for (size_t i = 0; i < m->nthreads; i++) {
		struct scap_thread *t = &m->threads[i];
		uint64_t ino = 0;

		for (size_t j = 0; j < ns->nprocs && !ino; j++)
			if (ns->procs[j].pid == t->pid)
				ino = ns->procs[j].ino;
		for (size_t j = 0; j < ns->ninits && ino; j++)
			if (ns->inits[j].ino == ino)
				t->pidns_init_start_ts = ns->inits[j].start_ts;
	}
}

size_t proc_snapshot(struct scap_meta *m)
{
	struct net_table net = { 0 };
	struct pidns_table ns = { 0 };
	struct dirent *de;
	DIR *d = opendir("/proc");

	read_machine(&m->machine);
	read_interfaces(m);
	read_users(m);
	net_table_load(0, &net);
	while (d && (de = readdir(d))) {
		char *end, path[64];
		long pid = strtol(de->d_name, &end, 10);
		struct proc_task p;

		if (*end || pid <= 0 || proc_task_read(pid, 0, 1, &p))
			continue;
		struct proc_extra x = { .pidns_ino = pidns_ino(pid) };

		x.has_exe_file = exe_file_read(pid, &x.exe);
		pidns_note(&ns, pid, x.pidns_ino, &p);
		snprintf(path, sizeof(path), "/proc/%ld/task", pid);
		DIR *td = opendir(path);
		struct dirent *te;

		while (td && (te = readdir(td))) {
			long tid = strtol(te->d_name, &end, 10);

			if (!*end && tid > 0)
				read_thread(m, pid, tid, &p, &x, &net);
		}
		if (td)
			closedir(td);
		proc_task_free(&p);
	}
	if (d)
		closedir(d);
	pidns_assign(m, &ns);
	free(ns.procs);
	free(ns.inits);
	net_table_free(&net);
	return m->nthreads;
}

void proc_snapshot_keep_exited(struct scap_meta *m, struct scap_meta *early)
{
	for (size_t i = 0; i < early->nthreads; i++)
		if (!scap_meta_thread(m, early->threads[i].tid))
			scap_meta_move_thread(m, &early->threads[i]);
}

void proc_snapshot_before_attach(void *arg)
{
	struct scap_meta *early = arg;

	scap_meta_free(early);
	proc_snapshot(early);
}
