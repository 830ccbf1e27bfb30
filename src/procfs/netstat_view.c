/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysray netstat: sockets laid out as net-tools' netstat prints them, column for column.
 * Its figures are /proc/net's: a listening TCP socket's Recv-Q is the connections waiting in
 * its accept queue and its Send-Q 0 (the kernel prints write_seq - snd_una there). The
 * Internet sockets come in /proc/net's order (tcp, tcp6, udp, udp6), then the unix ones.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "procfs/net_sockets.h"
#include "procfs/proc_file.h"
#include "procfs/sock_owners.h"
#include "procfs/sock_text.h"
#include "procfs/views.h"
#include "util/util.h"

/* netstat cuts "address:port" to this many characters unless -W. */
#define ADDR_SHORT 22
/* The PID/Program name column; the text is cut to one less. */
#define PROGRAM_WIDTH 20

/* socket_state of include/linux/net.h, as /proc/net/unix's St column gives it. */
enum { SS_FREE, SS_UNCONNECTED, SS_CONNECTING, SS_CONNECTED, SS_DISCONNECTING };

/* __SO_ACCEPTCON, and the flags the kernel no longer sets but netstat still names. */
#define UNIX_ACCEPTCON (1u << 16)
#define UNIX_WAITDATA (1u << 17)
#define UNIX_NOSPACE (1u << 18)

static bool zero(const unsigned char *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i])
			return false;
	return true;
}

/*
 * netstat's host text: numeric with -n; otherwise 0.0.0.0 stays a number, [::] is
 * bracketed, and other addresses take the name the resolver gives them.
 */
static void host_text(const struct net_sock *s, int remote, bool numeric, char *buf,
		      size_t size)
{
	const unsigned char *a = remote ? s->raddr : s->laddr;
	if (s->family == AF_INET6) {
		struct sockaddr_in6 sa = { .sin6_family = AF_INET6 };
		memcpy(&sa.sin6_addr, a, 16);
		if (!numeric && zero(a, 16))
			snprintf(buf, size, "[::]");
		else if (numeric || getnameinfo((struct sockaddr *)&sa, sizeof(sa), buf,
						(socklen_t)size, NULL, 0, 0))
			inet_ntop(AF_INET6, a, buf, (socklen_t)size);
		return;
	}
	struct sockaddr_in sa = { .sin_family = AF_INET };
	memcpy(&sa.sin_addr, a, 4);
	if (numeric || zero(a, 4) || getnameinfo((struct sockaddr *)&sa, sizeof(sa), buf,
						 (socklen_t)size, NULL, 0, NI_NAMEREQD))
		inet_ntop(AF_INET, a, buf, (socklen_t)size);
}

/* "address:port", cut as netstat cuts it: the port keeps up to 18 characters. */
static void address_text(const struct net_sock *s, int remote, const struct socket_opts *o,
			 char *buf, size_t size)
{
	char host[NI_MAXHOST], port[32];
	host_text(s, remote, o->numeric, host, sizeof(host));
	sock_port_text(s, remote ? s->rport : s->lport, o->numeric, port, sizeof(port));
	size_t hl = strlen(host), pl = strlen(port);
	if (!o->wide && hl + pl > ADDR_SHORT) {
		pl = pl < ADDR_SHORT - 4 ? pl : ADDR_SHORT - 4;
		hl = ADDR_SHORT - pl;
	}
	snprintf(buf, size, "%.*s:%.*s", (int)hl, host, (int)pl, port);
}

/*
 * "PID/name" of the first process holding INODE, cut to PROGRAM_WIDTH - 1: the name is
 * argv[0], without its directory when it is an absolute path; "-" when no process is known.
 */
static void program_text(const struct sock_owners *ow, unsigned long long inode, char *buf,
			 size_t size)
{
	size_t n;
	const struct sock_owner *o = sock_owners_find(ow, inode, &n);
	snprintf(buf, size, "-");
	if (!o)
		return;
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)o->pid);
	char *cmdline = proc_read_path(path, NULL);
	const char *name = cmdline ? cmdline : "";
	if (name[0] == '/')
		name = strrchr(name, '/') + 1;
	snprintf(buf, size, "%d/%.*s", (int)o->pid, PROGRAM_WIDTH, name);
	if (strlen(buf) > PROGRAM_WIDTH - 1)
		buf[PROGRAM_WIDTH - 1] = '\0';
	free(cmdline);
}

/* -e's User and Inode, -p's program, the end of the line. */
static void finish_row(const struct net_sock *s, const struct socket_opts *o,
		       const struct sock_owners *ow)
{
	if (o->extend) {
		struct passwd *pw = o->numeric ? NULL : getpwuid(s->uid);
		if (pw)
			printf(" %-10s ", pw->pw_name);
		else
			printf(" %-10u ", s->uid);
		printf("%-10llu", s->inode);
	}
	if (o->programs) {
		char prog[PROGRAM_WIDTH + 16];
		program_text(ow, s->inode, prog, sizeof(prog));
		printf(" %-*s", PROGRAM_WIDTH, prog);
	}
	putchar('\n');
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

static void inet_row(const struct net_sock *s, const struct socket_opts *o,
		     const struct sock_owners *ow)
{
	char local[NI_MAXHOST + 40], remote[NI_MAXHOST + 40];
	address_text(s, 0, o, local, sizeof(local));
	address_text(s, 1, o, remote, sizeof(remote));
	bool v6 = s->family == AF_INET6;
	if (s->proto == SP_TCP)
		printf("%-4s  %6llu %6llu %-*s %-*s %-11s", v6 ? "tcp6" : "tcp", s->rxq, s->txq,
		       max_int(23, (int)strlen(local)), local, max_int(23, (int)strlen(remote)),
		       remote, tcp_state_lsof(s->state));
	else
		printf("%-5s %6llu %6llu %-23s %-23s %-11s", v6 ? "udp6" : "udp", s->rxq, s->txq,
		       local, remote,
		       s->state == 1 ? "ESTABLISHED" : s->state == 7 ? "" : "UNKNOWN");
	finish_row(s, o, ow);
}

/* netstat's selection: -a everything, -l the sockets without a peer, else those with one. */
static bool inet_selected(const struct net_sock *s, const struct socket_opts *o)
{
	if (o->all)
		return true;
	/* netstat asks TCP for a remote port, UDP for a remote address. */
	bool peer = s->proto == SP_TCP ? s->rport != 0 :
		    !zero(s->raddr, s->family == AF_INET6 ? 16 : 4);
	return o->listening ? !peer : peer;
}

static bool unix_selected(const struct net_sock *s, const struct socket_opts *o)
{
	if (o->all)
		return true;
	bool listening = s->state == SS_UNCONNECTED && (s->flags & UNIX_ACCEPTCON);
	return o->listening ? listening : !listening;
}

static const char *unix_type(int type)
{
	switch (type) {
	case SOCK_STREAM: return "STREAM";
	case SOCK_DGRAM: return "DGRAM";
	case SOCK_RAW: return "RAW";
	case SOCK_RDM: return "RDM";
	case SOCK_SEQPACKET: return "SEQPACKET";
	default: return "UNKNOWN";
	}
}

static const char *unix_state(const struct net_sock *s)
{
	switch (s->state) {
	case SS_FREE: return "FREE";
	case SS_UNCONNECTED: return s->flags & UNIX_ACCEPTCON ? "LISTENING" : "";
	case SS_CONNECTING: return "CONNECTING";
	case SS_CONNECTED: return "CONNECTED";
	case SS_DISCONNECTING: return "DISCONNECTING";
	default: return "UNKNOWN";
	}
}

static void unix_row(const struct net_sock *s, const struct socket_opts *o,
		     const struct sock_owners *ow)
{
	char flags[32];
	snprintf(flags, sizeof(flags), "[ %s%s%s]", s->flags & UNIX_ACCEPTCON ? "ACC " : "",
		 s->flags & UNIX_WAITDATA ? "W " : "", s->flags & UNIX_NOSPACE ? "N " : "");
	printf("%-5s %-6u %-11s %-10s %-13s %-8llu", "unix", s->refcnt, flags, unix_type(s->type),
	       unix_state(s), s->inode);
	if (o->programs) {
		char prog[PROGRAM_WIDTH + 16];
		program_text(ow, s->inode, prog, sizeof(prog));
		printf(" %-*s", PROGRAM_WIDTH, prog);
	}
	printf(" %s\n", s->path ? s->path : "");
}

static bool selected(const struct net_sock *s, const struct socket_opts *o, bool tcp, bool udp,
		     bool unx)
{
	switch (s->proto) {
	case SP_TCP:
		return tcp && inet_selected(s, o);
	case SP_UDP:
		return udp && inet_selected(s, o);
	case SP_UNIX:
		return unx && unix_selected(s, o);
	default:
		return false;
	}
}

static const char *which(const struct socket_opts *o)
{
	return o->all ? "(servers and established)" : o->listening ? "(only servers)" :
								      "(w/o servers)";
}

static int cmp_order(const void *a, const void *b)
{
	const struct net_sock *x = *(const struct net_sock *const *)a;
	const struct net_sock *y = *(const struct net_sock *const *)b;
	return (x->order > y->order) - (x->order < y->order);
}

int netstat_view(const struct socket_opts *o)
{
	struct net_table t;
	int rc = net_table_load(0, &t);
	if (rc) {
		errno = -rc;
		msg_errno("netstat: cannot read /proc/net");
		return 1;
	}
	/* With no kind named, netstat lists them all; naming one lists only those named. */
	bool none = !o->tcp && !o->udp && !o->unix_sockets;
	bool tcp = none || o->tcp, udp = none || o->udp, unx = none || o->unix_sockets;
	if (o->json && (rc = net_table_diag(&t))) {
		errno = -rc;
		msg_errno("netstat: sock_diag netlink: listeners' backlogs are unknown");
	}
	struct sock_owners ow = { 0 };
	if (o->programs || o->json)
		sock_owners_load(&ow);
	const struct net_sock **v = xcalloc(t.n ? t.n : 1, sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < t.n; i++)
		if (selected(&t.v[i], o, tcp, udp, unx))
			v[n++] = &t.v[i];
	qsort(v, n, sizeof(*v), cmp_order);
	if (o->json) {
		for (size_t i = 0; i < n; i++)
			sock_print_json(v[i], &ow);
	} else {
		if (tcp || udp) {
			printf("Active Internet connections %s\n", which(o));
			printf("Proto Recv-Q Send-Q Local Address           "
			       "Foreign Address         State      %s",
			       o->extend ? " User       Inode     " : "");
			if (o->programs)
				printf(" %-*s", PROGRAM_WIDTH, "PID/Program name");
			putchar('\n');
			for (size_t i = 0; i < n; i++)
				if (v[i]->proto != SP_UNIX)
					inet_row(v[i], o, &ow);
		}
		if (unx) {
			printf("Active UNIX domain sockets %s\n", which(o));
			printf("Proto RefCnt Flags       Type       State         I-Node  ");
			if (o->programs)
				printf(" %-*s", PROGRAM_WIDTH, "PID/Program name");
			printf(" Path\n");
			for (size_t i = 0; i < n; i++)
				if (v[i]->proto == SP_UNIX)
					unix_row(v[i], o, &ow);
		}
	}
	if (ow.unreadable)
		msg("netstat: the fds of %zu processes could not be read: their sockets show no "
		    "owner", ow.unreadable);
	free(v);
	sock_owners_free(&ow);
	net_table_free(&t);
	return 0;
}
