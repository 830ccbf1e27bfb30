/* SPDX-License-Identifier: Apache-2.0 */
/* Port names, the listening test and the JSON object that netstat and ss share. */
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <json-c/json.h>

#include "procfs/sock_text.h"

/* __SO_ACCEPTCON in /proc/net/unix's Flags: the socket called listen(). */
#define UNIX_ACCEPTCON (1u << 16)

bool sock_listening(const struct net_sock *s)
{
	if (s->proto == SP_UNIX)
		return s->flags & UNIX_ACCEPTCON;
	return s->proto == SP_TCP && s->state == 10;	/* TCP_LISTEN */
}

const char *sock_port_text(const struct net_sock *s, unsigned int port, bool numeric, char *buf,
			   size_t size)
{
	if (port == 0) {
		snprintf(buf, size, "*");
		return buf;
	}
	struct servent *se = numeric ? NULL :
		getservbyport((int)htons((uint16_t)port), s->proto == SP_UDP ? "udp" : "tcp");
	if (se)
		snprintf(buf, size, "%s", se->s_name);
	else
		snprintf(buf, size, "%u", port);
	return buf;
}

static const char *netid(const struct net_sock *s)
{
	return s->proto == SP_TCP ? "tcp" : s->proto == SP_UDP ? "udp" : "unix";
}

static const char *unix_type(int type)
{
	return type == SOCK_STREAM ? "stream" : type == SOCK_DGRAM ? "dgram" :
	       type == SOCK_SEQPACKET ? "seqpacket" : "unknown";
}

const char *sock_state_ss(const struct net_sock *s)
{
	if (s->proto == SP_UNIX)
		return sock_listening(s) ? "LISTEN" : s->state == 3 ? "ESTAB" : "UNCONN";
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

/* "[::1]:22" -> "[::1]": the address without its port. */
static json_object *host_json(const struct net_sock *s, int remote)
{
	char full[80];
	net_format_addr(s, remote, ADDR_SS, full, sizeof(full));
	*strrchr(full, ':') = '\0';
	return json_object_new_string(full);
}

void sock_print_json(const struct net_sock *s, const struct sock_owners *ow)
{
	json_object *j = json_object_new_object();
	json_object_object_add(j, "netid", json_object_new_string(netid(s)));
	if (s->proto == SP_UNIX) {
		json_object_object_add(j, "type", json_object_new_string(unix_type(s->type)));
	} else {
		json_object_object_add(j, "family", json_object_new_string(
			s->family == AF_INET6 ? "ipv6" : "ipv4"));
	}
	json_object_object_add(j, "state", json_object_new_string(sock_state_ss(s)));
	json_object_object_add(j, "recv_q", json_object_new_int64((int64_t)s->rxq));
	json_object_object_add(j, "send_q", json_object_new_int64((int64_t)s->txq));
	if (sock_listening(s))
		json_object_object_add(j, "backlog", json_object_new_int64((int64_t)s->backlog));
	if (s->proto == SP_UNIX) {
		json_object_object_add(j, "path", s->path ? json_object_new_string(s->path) :
							    NULL);
		json_object_object_add(j, "peer_inode", json_object_new_int64((int64_t)s->peer));
	} else {
		json_object_object_add(j, "local_address", host_json(s, 0));
		json_object_object_add(j, "local_port", json_object_new_int((int)s->lport));
		json_object_object_add(j, "peer_address", host_json(s, 1));
		json_object_object_add(j, "peer_port", json_object_new_int((int)s->rport));
		json_object_object_add(j, "uid", json_object_new_int((int)s->uid));
	}
	json_object_object_add(j, "inode", json_object_new_int64((int64_t)s->inode));
	json_object_object_add(j, "users", owners_json(ow, s->inode));
	puts(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
						JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(j);
}
