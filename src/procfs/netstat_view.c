/* SPDX-License-Identifier: Apache-2.0 */
/* sysray netstat: TCP and UDP sockets with their owners, laid out like ss -tunap. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <json-c/json.h>

#include "output/out.h"
#include "procfs/net_sockets.h"
#include "procfs/sock_owners.h"
#include "procfs/views.h"
#include "util/util.h"

struct srow {
	const struct net_sock *s;
	char local[64], lport[8], peer[64], pport[8];
	char *process;
};

/* "127.0.0.1:80" -> "127.0.0.1" and "80": ss right-aligns the address, left-aligns the port. */
static void split_addr(const char *full, char *addr, size_t asz, char *port, size_t psz)
{
	const char *colon = strrchr(full, ':');
	snprintf(addr, asz, "%.*s", (int)(colon - full), full);
	snprintf(port, psz, "%s", colon + 1);
}

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

static const char *state_of(const struct net_sock *s)
{
	if (s->proto == SP_UDP)
		return s->state == 1 ? "ESTAB" : "UNCONN";
	return tcp_state_ss(s->state);
}

static json_object *owners_json(const struct sock_owners *ow, unsigned long long inode)
{
	size_t n;
	const struct sock_owner *o = sock_owners_find(ow, inode, &n);
	json_object *a = json_object_new_array();
	for (size_t i = 0; i < n; i++) {
		json_object *u = json_object_new_object();
		json_object_object_add(u, "command", json_object_new_string(o[i].comm));
		json_object_object_add(u, "pid", json_object_new_int(o[i].pid));
		json_object_object_add(u, "fd", json_object_new_int(o[i].fd));
		json_object_array_add(a, u);
	}
	return a;
}

int netstat_view(const struct netstat_opts *o)
{
	struct net_table t;
	int rc = net_table_load(0, &t);
	if (rc) {
		errno = -rc;
		msg_errno("netstat: cannot read /proc/net");
		return 1;
	}
	int tcp = o->tcp || !o->udp, udp = o->udp || !o->tcp;
	struct sock_owners ow;
	sock_owners_load(&ow);
	struct srow *rows = xcalloc(t.n ? t.n : 1, sizeof(*rows));
	size_t n = 0;
	/* ss's order: UDP first, then TCP, each IPv4 then IPv6, in /proc/net's order. The
	 * table is sorted by inode, which is close to creation order. */
	static const struct {
		enum sock_proto proto;
		int family;
	} order[] = { { SP_UDP, AF_INET }, { SP_UDP, AF_INET6 }, { SP_TCP, AF_INET },
		      { SP_TCP, AF_INET6 } };
	for (size_t k = 0; k < ARRAY_SIZE(order); k++) {
		if ((order[k].proto == SP_TCP && !tcp) || (order[k].proto == SP_UDP && !udp))
			continue;
		for (size_t i = 0; i < t.n; i++) {
			const struct net_sock *s = &t.v[i];
			if (s->proto != order[k].proto || s->family != order[k].family)
				continue;
			int listening = s->proto == SP_TCP ? s->state == 10 : s->state == 7;
			if (o->listening && !listening)
				continue;
			struct srow *r = &rows[n++];
			char full[80];
			r->s = s;
			net_format_addr(s, 0, ADDR_SS, full, sizeof(full));
			split_addr(full, r->local, sizeof(r->local), r->lport, sizeof(r->lport));
			net_format_addr(s, 1, ADDR_SS, full, sizeof(full));
			split_addr(full, r->peer, sizeof(r->peer), r->pport, sizeof(r->pport));
			r->process = users_of(&ow, s->inode);
		}
	}
	if (o->json) {
		for (size_t i = 0; i < n; i++) {
			const struct net_sock *s = rows[i].s;
			json_object *j = json_object_new_object();
			json_object_object_add(j, "netid", json_object_new_string(
				s->proto == SP_TCP ? "tcp" : "udp"));
			json_object_object_add(j, "family", json_object_new_string(
				s->family == AF_INET6 ? "ipv6" : "ipv4"));
			json_object_object_add(j, "state", json_object_new_string(state_of(s)));
			json_object_object_add(j, "recv_q", json_object_new_int64((int64_t)s->rxq));
			json_object_object_add(j, "send_q", json_object_new_int64((int64_t)s->txq));
			json_object_object_add(j, "local_address",
					       json_object_new_string(rows[i].local));
			json_object_object_add(j, "local_port", json_object_new_int((int)s->lport));
			json_object_object_add(j, "peer_address",
					       json_object_new_string(rows[i].peer));
			json_object_object_add(j, "peer_port", json_object_new_int((int)s->rport));
			json_object_object_add(j, "inode",
					       json_object_new_int64((int64_t)s->inode));
			json_object_object_add(j, "uid", json_object_new_int((int)s->uid));
			json_object_object_add(j, "users", owners_json(&ow, s->inode));
			puts(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
							       JSON_C_TO_STRING_NOSLASHESCAPE));
			json_object_put(j);
		}
	} else {
		int wl = (int)strlen("Local Address"), wp = (int)strlen("Peer Address");
		int wlp = 4, wpp = 4;
		for (size_t i = 0; i < n; i++) {
			int a = (int)strlen(rows[i].local), b = (int)strlen(rows[i].peer);
			int c = (int)strlen(rows[i].lport), d = (int)strlen(rows[i].pport);
			wl = a > wl ? a : wl;
			wp = b > wp ? b : wp;
			wlp = c > wlp ? c : wlp;
			wpp = d > wpp ? d : wpp;
		}
		printf("%-5s %-9s %-6s %-6s %*s:%-*s %*s:%-*s %s\n", "Netid", "State", "Recv-Q",
		       "Send-Q", wl, "Local Address", wlp, "Port", wp, "Peer Address", wpp, "Port",
		       "Process");
		for (size_t i = 0; i < n; i++) {
			const struct srow *r = &rows[i];
			struct out line = { 0 };
			out_printf(&line, "%-5s %-9s %-6llu %-6llu %*s:%-*s %*s:%-*s %s",
				   r->s->proto == SP_TCP ? "tcp" : "udp", state_of(r->s),
				   r->s->rxq, r->s->txq, wl, r->local, wlp, r->lport, wp, r->peer,
				   wpp, r->pport, r->process);
			while (line.len && line.buf[line.len - 1] == ' ')
				line.len--;
			printf("%.*s\n", (int)line.len, line.buf);
			out_free(&line);
		}
	}
	if (ow.unreadable)
		msg("netstat: the fds of %zu processes could not be read: their sockets show no "
		    "owner", ow.unreadable);
	for (size_t i = 0; i < n; i++)
		free(rows[i].process);
	free(rows);
	sock_owners_free(&ow);
	net_table_free(&t);
	return 0;
}
