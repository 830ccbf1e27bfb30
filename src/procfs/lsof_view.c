/* SPDX-License-Identifier: Apache-2.0 */
/* sysray lsof: lsof's columns for the open files of every process, or of -p, -i, PATH. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <json-c/json.h>

#include "procfs/net_sockets.h"
#include "procfs/proc_fds.h"
#include "procfs/proc_file.h"
#include "procfs/proc_task.h"
#include "procfs/users.h"
#include "procfs/views.h"
#include "util/util.h"

enum { C_CMD, C_PID, C_USER, C_FD, C_TYPE, C_DEV, C_SIZE, C_NODE, C_NAME, NCOLS };

static const char *const headers[NCOLS] = {
	"COMMAND", "PID", "USER", "FD", "TYPE", "DEVICE", "SIZE/OFF", "NODE", "NAME",
};

struct row {
	char *cell[NCOLS];
	char mode;		/* r, w, u or ' ' after the FD column */
	int inet;		/* an IPv4 or IPv6 socket (-i) */
	int match;		/* the file of the PATH argument */
	/* JSON extras */
	int has_size;
	unsigned long long size, offset;
	int error;
};

struct rows {
	struct row *v;
	size_t n, cap;
};

/* One socket table per network namespace, loaded when first needed. */
struct netns_cache {
	struct {
		char ns[48];
		struct net_table table;
	} v[16];
	size_t n;
};

static const struct net_table *socket_table(struct netns_cache *c, pid_t pid)
{
	char path[64], ns[48];
	snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)pid);
	ssize_t l = readlink(path, ns, sizeof(ns) - 1);
	if (l < 0)
		l = 0;
	ns[l] = '\0';
	for (size_t i = 0; i < c->n; i++)
		if (l && !strcmp(c->v[i].ns, ns))
			return &c->v[i].table;
	size_t slot;
	if (c->n < ARRAY_SIZE(c->v)) {
		slot = c->n++;
	} else {
		slot = ARRAY_SIZE(c->v) - 1;	/* more namespaces than slots: reuse the last */
		net_table_free(&c->v[slot].table);
	}
	snprintf(c->v[slot].ns, sizeof(c->v[slot].ns), "%s", ns);
	net_table_load(pid, &c->v[slot].table);
	return &c->v[slot].table;
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	char *s;
	if (vasprintf(&s, f, ap) < 0)
		die("out of memory");
	va_end(ap);
	return s;
}

static const char *type_of_mode(mode_t m)
{
	switch (m & S_IFMT) {
	case S_IFREG: return "REG";
	case S_IFDIR: return "DIR";
	case S_IFCHR: return "CHR";
	case S_IFBLK: return "BLK";
	case S_IFIFO: return "FIFO";
	case S_IFLNK: return "LINK";
	case S_IFSOCK: return "sock";
	}
	return "unknown";
}

static const char *fd_label(const struct fd_entry *e, char *buf, size_t size)
{
	static const char *const kinds[] = {
		[FD_CWD] = "cwd", [FD_RTD] = "rtd", [FD_TXT] = "txt",
		[FD_MEM] = "mem", [FD_DEL] = "DEL",
	};
	if (e->kind != FD_NUM)
		return kinds[e->kind];
	if (e->fd < 0)
		return "NOFD";
	snprintf(buf, size, "%d", e->fd);
	return buf;
}

static char access_mode(const struct fd_entry *e)
{
	if (e->kind != FD_NUM || !e->have_fdinfo)
		return ' ';
	switch (e->flags & 3) {	/* O_ACCMODE */
	case 0: return 'r';
	case 1: return 'w';
	default: return 'u';
	}
}

static void fill_socket(struct row *r, const struct fd_entry *e, const struct net_sock *s,
			pid_t pid)
{
	char la[80], ra[80];
	r->cell[C_SIZE] = xstrdup("0t0");
	r->offset = 0;
	if (s && (s->proto == SP_TCP || s->proto == SP_UDP)) {
		r->inet = 1;
		r->cell[C_TYPE] = xstrdup(s->family == AF_INET6 ? "IPv6" : "IPv4");
		r->cell[C_DEV] = fmt("%llu", s->inode);
		r->cell[C_NODE] = xstrdup(s->proto == SP_TCP ? "TCP" : "UDP");
		net_format_addr(s, 0, ADDR_LSOF, la, sizeof(la));
		if (net_has_peer(s)) {
			net_format_addr(s, 1, ADDR_LSOF, ra, sizeof(ra));
			r->cell[C_NAME] = s->proto == SP_TCP ?
				fmt("%s->%s (%s)", la, ra, tcp_state_lsof(s->state)) :
				fmt("%s->%s", la, ra);
		} else {
			r->cell[C_NAME] = s->proto == SP_TCP ?
				fmt("%s (%s)", la, tcp_state_lsof(s->state)) : xstrdup(la);
		}
		return;
	}
	if (s && s->proto == SP_UNIX) {
		static const char *const types[] = { [1] = "STREAM", [2] = "DGRAM",
						     [3] = "RAW", [5] = "SEQPACKET" };
		static const char *const states[] = { [1] = "UNCONNECTED", [2] = "CONNECTING",
						      [3] = "CONNECTED", [4] = "DISCONNECTING" };
		const char *type = s->type > 0 && s->type < 6 && types[s->type] ?
			types[s->type] : "UNKNOWN";
		/* __SO_ACCEPTCON marks a listening socket. */
		const char *state = s->flags & (1U << 16) ? "LISTEN" :
			s->state > 0 && s->state < 5 ? states[s->state] : "UNKNOWN";
		r->cell[C_TYPE] = xstrdup("unix");
		r->cell[C_DEV] = fmt("0x%016llx", s->kaddr);
		r->cell[C_NODE] = fmt("%llu", s->inode);
		r->cell[C_NAME] = s->path ? fmt("%s type=%s (%s)", s->path, type, state) :
					    fmt("type=%s (%s)", type, state);
		return;
	}
	if (s && s->proto == SP_NETLINK) {
		const char *p = netlink_proto_name(s->nl_proto);
		r->cell[C_TYPE] = xstrdup("netlink");
		r->cell[C_DEV] = xstrdup("");
		r->cell[C_NODE] = fmt("%llu", s->inode);
		r->cell[C_NAME] = p ? xstrdup(p) : fmt("%d", s->nl_proto);
		return;
	}
	/* Not in /proc/net (raw, packet, vsock, ...): the kernel still names the protocol. */
	char path[64], proto[32];
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)pid, e->fd);
	ssize_t l = getxattr(path, "system.sockprotoname", proto, sizeof(proto) - 1);
	proto[l > 0 ? l : 0] = '\0';
	r->cell[C_TYPE] = xstrdup("sock");
	r->cell[C_DEV] = e->stat_ok ? fmt("%u,%u", major(e->st.st_dev), minor(e->st.st_dev)) :
				      xstrdup("");
	r->cell[C_NODE] = fmt("%llu", fd_socket_inode(e->target));
	r->cell[C_NAME] = fmt("protocol: %s", l > 0 ? proto : "?");
}

static void fill_file(struct row *r, const struct fd_entry *e)
{
	const struct stat *st = &e->st;
	if (e->kind == FD_MEM || e->kind == FD_DEL) {
		r->cell[C_TYPE] = xstrdup("REG");
		r->cell[C_DEV] = fmt("%u,%u", e->map_major, e->map_minor);
		r->cell[C_NODE] = fmt("%llu", e->map_inode);
		if (e->stat_ok) {
			r->has_size = 1;
			r->size = (unsigned long long)st->st_size;
			r->cell[C_SIZE] = fmt("%llu", r->size);
		} else {
			r->cell[C_SIZE] = xstrdup("");
		}
		r->cell[C_NAME] = xstrdup(e->target);
		return;
	}
	if (!strncmp(e->target, "anon_inode:", 11)) {
		r->cell[C_TYPE] = xstrdup("a_inode");
		r->cell[C_NAME] = xstrdup(e->target + 11);
	} else {
		r->cell[C_TYPE] = xstrdup(e->stat_ok ? type_of_mode(st->st_mode) : "unknown");
		/* A pipe's link is "pipe:[inode]": lsof calls it just "pipe". */
		r->cell[C_NAME] = xstrdup(!strncmp(e->target, "pipe:", 5) ? "pipe" : e->target);
	}
	if (!e->stat_ok) {
		r->cell[C_DEV] = xstrdup("");
		r->cell[C_SIZE] = xstrdup("");
		r->cell[C_NODE] = xstrdup("");
		return;
	}
	dev_t dev = S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode) ? st->st_rdev : st->st_dev;
	r->cell[C_DEV] = fmt("%u,%u", major(dev), minor(dev));
	r->cell[C_NODE] = fmt("%llu", (unsigned long long)st->st_ino);
	/* lsof's SIZE/OFF: the size of files and directories, the offset ("0t") of the rest. */
	if ((S_ISREG(st->st_mode) || S_ISDIR(st->st_mode)) &&
	    strncmp(e->target, "anon_inode:", 11)) {
		r->has_size = 1;
		r->size = (unsigned long long)st->st_size;
		r->cell[C_SIZE] = fmt("%llu", r->size);
	} else {
		r->offset = e->pos;
		r->cell[C_SIZE] = fmt("0t%llu", e->pos);
	}
	r->offset = e->pos;
}

static void fill_error(struct row *r, const struct fd_entry *e, pid_t pid)
{
	static const char *const links[] = { [FD_CWD] = "cwd", [FD_RTD] = "root",
					     [FD_TXT] = "exe" };
	r->error = 1;
	r->cell[C_TYPE] = xstrdup(e->kind == FD_NUM && e->fd < 0 ? "" : "unknown");
	r->cell[C_DEV] = xstrdup("");
	r->cell[C_SIZE] = xstrdup("");
	r->cell[C_NODE] = xstrdup("");
	if (e->kind == FD_NUM && e->fd < 0)
		r->cell[C_NAME] = fmt("/proc/%d/fd (opendir: %s)", (int)pid, strerror(e->err));
	else if (e->kind == FD_NUM)
		r->cell[C_NAME] = fmt("/proc/%d/fd/%d (readlink: %s)", (int)pid, e->fd,
				      strerror(e->err));
	else
		r->cell[C_NAME] = fmt("/proc/%d/%s (readlink: %s)", (int)pid, links[e->kind],
				      strerror(e->err));
}

static struct row *add_row(struct rows *rs)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 256;
		rs->v = xrealloc(rs->v, rs->cap * sizeof(*rs->v));
	}
	struct row *r = &rs->v[rs->n++];
	memset(r, 0, sizeof(*r));
	return r;
}

static int same_file(const struct fd_entry *e, const struct stat *want)
{
	if (e->kind == FD_MEM || e->kind == FD_DEL)
		return e->map_inode == want->st_ino &&
		       makedev(e->map_major, e->map_minor) == want->st_dev;
	return e->stat_ok && e->st.st_ino == want->st_ino && e->st.st_dev == want->st_dev;
}

/* Adds the rows of PID; -errno when the process cannot be read at all. */
static int add_process(struct rows *rs, pid_t pid, const struct lsof_opts *o,
		       const struct stat *want, struct netns_cache *nc)
{
	struct proc_task t;
	int rc = proc_task_read(pid, 0, 0, &t);
	if (rc)
		return rc;
	struct fd_list l;
	rc = proc_fds_read(pid, !o->inet_only, &l);
	if (rc)
		return rc;
	const struct net_table *nt = NULL;
	char b[16];
	for (size_t i = 0; i < l.n; i++) {
		const struct fd_entry *e = &l.v[i];
		if (want && !same_file(e, want))
			continue;
		unsigned long long sock = fd_socket_inode(e->target);
		if (o->inet_only && !sock)
			continue;
		struct row *r = add_row(rs);
		/* lsof shows the first 9 characters of the command name. */
		r->cell[C_CMD] = fmt("%.9s", t.comm);
		r->cell[C_PID] = fmt("%d", (int)pid);
		r->cell[C_USER] = xstrdup(t.have_ids ? user_name(t.uid[0]) : "?");
		r->cell[C_FD] = xstrdup(fd_label(e, b, sizeof(b)));
		r->mode = access_mode(e);
		if (!e->target) {
			fill_error(r, e, pid);
		} else if (sock) {
			if (!nt)
				nt = socket_table(nc, pid);
			fill_socket(r, e, net_table_find(nt, sock), pid);
		} else {
			fill_file(r, e);
		}
		if (o->inet_only && !r->inet) {
			for (int c = 0; c < NCOLS; c++)
				free(r->cell[c]);
			rs->n--;
		}
	}
	fd_list_free(&l);
	return 0;
}

static void print_text(const struct rows *rs)
{
	size_t w[NCOLS];
	for (int c = 0; c < NCOLS; c++)
		w[c] = strlen(headers[c]);
	for (size_t i = 0; i < rs->n; i++)
		for (int c = 0; c < NCOLS; c++) {
			size_t l = strlen(rs->v[i].cell[c]);
			if (l > w[c])
				w[c] = l;
		}
	/* FD is the descriptor right-aligned with a blank before it (at least 4 wide, as
	 * lsof 4.95 lays it out), then the access mode and a lock column. */
	w[C_FD] = w[C_FD] + 1 > 4 ? w[C_FD] + 1 : 4;
	printf("%-*s %*s %-*s %*s   %*s %*s %*s %*s %s\n", (int)w[C_CMD], headers[C_CMD],
	       (int)w[C_PID], headers[C_PID], (int)w[C_USER], headers[C_USER], (int)w[C_FD],
	       headers[C_FD], (int)w[C_TYPE], headers[C_TYPE], (int)w[C_DEV], headers[C_DEV],
	       (int)w[C_SIZE], headers[C_SIZE], (int)w[C_NODE], headers[C_NODE], headers[C_NAME]);
	for (size_t i = 0; i < rs->n; i++) {
		char *const *c = rs->v[i].cell;
		printf("%-*s %*s %-*s %*s%c  %*s %*s %*s %*s %s\n", (int)w[C_CMD], c[C_CMD],
		       (int)w[C_PID], c[C_PID], (int)w[C_USER], c[C_USER], (int)w[C_FD], c[C_FD],
		       rs->v[i].mode, (int)w[C_TYPE], c[C_TYPE], (int)w[C_DEV], c[C_DEV],
		       (int)w[C_SIZE], c[C_SIZE], (int)w[C_NODE], c[C_NODE], c[C_NAME]);
	}
}

static void print_json(const struct rows *rs)
{
	for (size_t i = 0; i < rs->n; i++) {
		const struct row *r = &rs->v[i];
		json_object *o = json_object_new_object();
		json_object_object_add(o, "command", json_object_new_string(r->cell[C_CMD]));
		json_object_object_add(o, "pid", json_object_new_int(atoi(r->cell[C_PID])));
		json_object_object_add(o, "user", json_object_new_string(r->cell[C_USER]));
		json_object_object_add(o, "fd", json_object_new_string(r->cell[C_FD]));
		if (r->mode != ' ') {
			char m[2] = { r->mode, 0 };
			json_object_object_add(o, "mode", json_object_new_string(m));
		}
		json_object_object_add(o, "type", json_object_new_string(r->cell[C_TYPE]));
		json_object_object_add(o, "device", json_object_new_string(r->cell[C_DEV]));
		if (r->has_size)
			json_object_object_add(o, "size", json_object_new_int64((int64_t)r->size));
		else if (!r->error)
			json_object_object_add(o, "offset",
					       json_object_new_int64((int64_t)r->offset));
		json_object_object_add(o, "node", json_object_new_string(r->cell[C_NODE]));
		json_object_object_add(o, r->error ? "error" : "name",
				       json_object_new_string(r->cell[C_NAME]));
		puts(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
						       JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(o);
	}
}

int lsof_view(const struct lsof_opts *o)
{
	struct stat want;
	if (o->path && stat(o->path, &want) < 0) {
		msg_errno("lsof: %s", o->path);
		return 1;
	}
	pid_t *pids;
	size_t n;
	if (o->pids.n) {
		n = o->pids.n;
		pids = xmalloc(n * sizeof(*pids));
		memcpy(pids, o->pids.v, n * sizeof(*pids));
	} else {
		int rc = proc_list_pids(&pids, &n);
		if (rc) {
			errno = -rc;
			msg_errno("lsof: cannot list /proc");
			return 1;
		}
	}
	struct rows rs = { 0 };
	struct netns_cache nc = { .n = 0 };
	int status = 0;
	for (size_t i = 0; i < n; i++) {
		int rc = add_process(&rs, pids[i], o, o->path ? &want : NULL, &nc);
		if (!rc)
			continue;
		if (proc_gone(-rc)) {
			if (o->pids.n) {
				msg("lsof: no process with pid %d", (int)pids[i]);
				status = 1;
			}
		} else {
			errno = -rc;
			msg_errno("lsof: pid %d", (int)pids[i]);
		}
	}
	if (o->json)
		print_json(&rs);
	else if (rs.n)
		print_text(&rs);
	/* lsof exits 1 when it found nothing to list. */
	if (!rs.n && (o->path || o->inet_only))
		status = 1;
	for (size_t i = 0; i < rs.n; i++)
		for (int c = 0; c < NCOLS; c++)
			free(rs.v[i].cell[c]);
	free(rs.v);
	for (size_t i = 0; i < nc.n; i++)
		net_table_free(&nc.v[i].table);
	free(pids);
	return status;
}
