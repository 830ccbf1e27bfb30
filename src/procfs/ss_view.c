/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysray ss: sockets laid out as iproute2's ss prints them. Its queue figures are
 * inet_diag's and unix_diag's: a listener's Recv-Q is its accept queue, its Send-Q the
 * backlog it gave listen(); /proc/net has no backlog, so sock_diag supplies it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "output/out.h"
#include "procfs/net_sockets.h"
#include "procfs/sock_owners.h"
#include "procfs/sock_text.h"
#include "procfs/views.h"
#include "util/util.h"

struct srow {
	const struct net_sock *s;
	int rank;		/* ss's order: unix, UDP, TCP; IPv4 before IPv6 */
	char local[112], lport[24], peer[64], pport[24];
	char *process;
};

static char *users_of(const struct sock_owners *ow, unsigned long long inode)
{
	size_t n;
	const struct sock_owner *o = sock_owners_find(ow, inode, &n);
	if (!o)
		return xstrdup("");
	struct out b = { 0 };
	out_puts(&b, "users:(");
	for (size_t i = 0; i < n; i++)
		out_printf(&b, "%s(\"%s\",pid=%d,fd=%d)", i ? "," : "", o[i].comm, (int)o[i].pid,
			   o[i].fd);
	out_puts(&b, ")");
	out_putc(&b, '\0');
	return b.buf;
}

static const char *netid(const struct net_sock *s)
{
	if (s->proto == SP_UNIX)
		return s->type == SOCK_DGRAM ? "u_dgr" : s->type == SOCK_SEQPACKET ? "u_seq" :
										     "u_str";
	return s->proto == SP_TCP ? "tcp" : "udp";
}

/* Is the socket closed in ss's sense: UNCONN (TCP_CLOSE), neither listening nor connected? */
static bool unconnected(const struct net_sock *s)
{
	if (s->proto == SP_UNIX)
		return !sock_listening(s) && s->state != 3;
	if (s->proto == SP_UDP)
		return s->state != 1;
	return s->state == 7;
}

/*
 * ss's state filter: -a every state; -l listening and closed sockets; by default the
 * connected ones, which leaves out LISTEN, UNCONN, TIME-WAIT and SYN-RECV.
 */
static bool state_selected(const struct net_sock *s, const struct socket_opts *o)
{
	if (o->all)
		return true;
	bool idle = sock_listening(s) || unconnected(s);
	if (o->listening)
		return idle;
	return !idle && !(s->proto == SP_TCP && (s->state == 3 || s->state == 6 || s->state == 12));
}

static int rank_of(const struct net_sock *s, const struct socket_opts *o)
{
	bool none = !o->tcp && !o->udp && !o->unix_sockets;
	switch (s->proto) {
	case SP_UNIX:
		/* A unix socket still in a listener's accept queue has no inode: ss skips it. */
		return (none || o->unix_sockets) && s->inode ? 0 : -1;
	case SP_UDP:
		return none || o->udp ? 1 + (s->family == AF_INET6) : -1;
	case SP_TCP:
		return none || o->tcp ? 3 + (s->family == AF_INET6) : -1;
	default:
		return -1;
	}
}

static int cmp_rows(const void *a, const void *b)
{
	const struct srow *x = a, *y = b;
	if (x->rank != y->rank)
		return x->rank - y->rank;
	return (x->s->order > y->s->order) - (x->s->order < y->s->order);
}

/* "127.0.0.1:80" -> "127.0.0.1": ss right-aligns the address, left-aligns the port. */
static void fill_addresses(struct srow *r, const struct socket_opts *o)
{
	const struct net_sock *s = r->s;
	if (s->proto == SP_UNIX) {
		snprintf(r->local, sizeof(r->local), "%s", s->path ? s->path : "*");
		snprintf(r->lport, sizeof(r->lport), "%llu", s->inode);
		snprintf(r->peer, sizeof(r->peer), "*");
		snprintf(r->pport, sizeof(r->pport), "%llu", s->peer);
		return;
	}
	char full[80];
	net_format_addr(s, 0, ADDR_SS, full, sizeof(full));
	snprintf(r->local, sizeof(r->local), "%.*s", (int)(strrchr(full, ':') - full), full);
	sock_port_text(s, s->lport, o->numeric, r->lport, sizeof(r->lport));
	net_format_addr(s, 1, ADDR_SS, full, sizeof(full));
	snprintf(r->peer, sizeof(r->peer), "%.*s", (int)(strrchr(full, ':') - full), full);
	sock_port_text(s, s->rport, o->numeric, r->pport, sizeof(r->pport));
}

static int width(int w, const char *s)
{
	int n = (int)strlen(s);
	return n > w ? n : w;
}

static void print_table(const struct srow *rows, size_t n, const struct socket_opts *o)
{
	/* ss shows the Netid column when more than one kind is listed; -x alone lists three
	 * (u_str, u_dgr, u_seq). */
	int chosen = !!o->tcp + !!o->udp + !!o->unix_sockets;
	bool kinds = chosen != 1 || o->unix_sockets;
	int wl = (int)strlen("Local Address"), wp = (int)strlen("Peer Address");
	int wlp = 4, wpp = 4, ws = 5;
	for (size_t i = 0; i < n; i++) {
		wl = width(wl, rows[i].local);
		wp = width(wp, rows[i].peer);
		wlp = width(wlp, rows[i].lport);
		wpp = width(wpp, rows[i].pport);
		ws = width(ws, sock_state_ss(rows[i].s));
	}
	if (kinds)
		printf("%-5s ", "Netid");
	printf("%-*s %-6s %-6s %*s:%-*s %*s:%-*s %s\n", ws, "State", "Recv-Q", "Send-Q", wl,
	       "Local Address", wlp, "Port", wp, "Peer Address", wpp, "Port", "Process");
	for (size_t i = 0; i < n; i++) {
		const struct srow *r = &rows[i];
		const struct net_sock *s = r->s;
		struct out line = { 0 };
		if (kinds)
			out_printf(&line, "%-5s ", netid(s));
		/* ss puts a blank between a unix socket's name and its inode, not a colon */
		char sep = s->proto == SP_UNIX ? ' ' : ':';
		out_printf(&line, "%-*s %-6llu %-6llu %*s%c%-*s %*s%c%-*s %s", ws, sock_state_ss(s),
			   s->rxq, sock_listening(s) ? s->backlog : s->txq, wl, r->local, sep, wlp,
			   r->lport, wp, r->peer, sep, wpp, r->pport,
			   r->process ? r->process : "");
		while (line.len && line.buf[line.len - 1] == ' ')
			line.len--;
		printf("%.*s\n", (int)line.len, line.buf);
		out_free(&line);
	}
}

int ss_view(const struct socket_opts *o)
{
	struct net_table t;
	int rc = net_table_load(0, &t);
	if (rc) {
		errno = -rc;
		msg_errno("ss: cannot read /proc/net");
		return 1;
	}
	rc = net_table_diag(&t);
	if (rc) {
		errno = -rc;
		msg_errno("ss: sock_diag netlink: listeners' backlogs and unix queues are unknown");
	}
	struct sock_owners ow = { 0 };
	if (o->programs || o->json)
		sock_owners_load(&ow);
	struct srow *rows = xcalloc(t.n ? t.n : 1, sizeof(*rows));
	size_t n = 0;
	for (size_t i = 0; i < t.n; i++) {
		const struct net_sock *s = &t.v[i];
		int rank = rank_of(s, o);
		if (rank < 0 || !state_selected(s, o))
			continue;
		rows[n] = (struct srow){ .s = s, .rank = rank };
		n++;
	}
	qsort(rows, n, sizeof(*rows), cmp_rows);
	if (o->json) {
		for (size_t i = 0; i < n; i++)
			sock_print_json(rows[i].s, &ow);
	} else {
		for (size_t i = 0; i < n; i++) {
			fill_addresses(&rows[i], o);
			if (o->programs)
				rows[i].process = users_of(&ow, rows[i].s->inode);
		}
		print_table(rows, n, o);
	}
	if (ow.unreadable)
		msg("ss: the fds of %zu processes could not be read: their sockets show no owner",
		    ow.unreadable);
	for (size_t i = 0; i < n; i++)
		free(rows[i].process);
	free(rows);
	sock_owners_free(&ow);
	net_table_free(&t);
	return 0;
}
