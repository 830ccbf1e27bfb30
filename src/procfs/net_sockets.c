/* SPDX-License-Identifier: Apache-2.0 */
/* /proc/net/{tcp,tcp6,udp,udp6} (include/net/tcp_states.h), unix and netlink tables. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "procfs/net_sockets.h"
#include "procfs/proc_file.h"
#include "util/util.h"

static struct net_sock *add(struct net_table *t)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	return &t->v[t->n++];
}

/* The kernel prints each 32-bit word of the address with %08X in host byte order. */
static int parse_hex_addr(const char *hex, size_t len, unsigned char *out)
{
	if (len != 8 && len != 32)
		return 0;
	for (size_t w = 0; w < len / 8; w++) {
		char word[9];
		memcpy(word, hex + w * 8, 8);
		word[8] = '\0';
		unsigned int v = (unsigned int)strtoul(word, NULL, 16);
		memcpy(out + w * 4, &v, 4);
	}
	return 1;
}

int net_parse_inet_line(const char *line, int family, enum sock_proto proto,
			struct net_sock *s)
{
	char la[40], ra[40];
	unsigned int lport, rport, state, uid;
	unsigned long long txq, rxq, inode;
	/* "sl local rem st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode" */
	if (sscanf(line,
		   " %*d: %39[0-9A-Fa-f]:%x %39[0-9A-Fa-f]:%x %x %llx:%llx %*x:%*x %*x %u %*d %llu",
		   la, &lport, ra, &rport, &state, &txq, &rxq, &uid, &inode) != 9)
		return 0;
	memset(s, 0, sizeof(*s));
	if (!parse_hex_addr(la, strlen(la), s->laddr) || !parse_hex_addr(ra, strlen(ra), s->raddr))
		return 0;
	s->family = family;
	s->proto = proto;
	s->lport = lport;
	s->rport = rport;
	s->state = (int)state;
	s->txq = txq;
	s->rxq = rxq;
	s->uid = uid;
	s->inode = inode;
	return 1;
}

int net_parse_unix_line(const char *line, struct net_sock *s)
{
	unsigned long long kaddr, inode;
	unsigned int refcnt, flags, type, state;
	int path_at = 0;
	/* "Num: RefCount Protocol Flags Type St Inode Path" */
	if (sscanf(line, "%llx: %x %*x %x %x %x %llu%n", &kaddr, &refcnt, &flags, &type, &state,
		   &inode, &path_at) != 6)
		return 0;
	memset(s, 0, sizeof(*s));
	s->refcnt = refcnt;
	s->family = AF_UNIX;
	s->proto = SP_UNIX;
	s->kaddr = kaddr;
	s->flags = flags;
	s->type = (int)type;
	s->state = (int)state;
	s->inode = inode;
	const char *p = line + path_at;
	while (*p == ' ')
		p++;
	size_t len = strcspn(p, "\n");
	if (len) {
		s->path = xmalloc(len + 1);
		memcpy(s->path, p, len);
		s->path[len] = '\0';
	}
	return 1;
}

static int parse_netlink_line(const char *line, struct net_sock *s)
{
	int proto;
	unsigned long long inode;
	/* "sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode" */
	if (sscanf(line, "%*x %d %*u %*x %*d %*d %*d %*d %*u %llu", &proto, &inode) != 2)
		return 0;
	memset(s, 0, sizeof(*s));
	s->family = AF_NETLINK;
	s->proto = SP_NETLINK;
	s->nl_proto = proto;
	s->inode = inode;
	return 1;
}

static int load_file(pid_t pid, const char *name, int family, enum sock_proto proto,
		     struct net_table *t)
{
	char path[64];
	if (pid)
		snprintf(path, sizeof(path), "/proc/%d/net/%s", (int)pid, name);
	else
		snprintf(path, sizeof(path), "/proc/self/net/%s", name);
	char *text = proc_read_path(path, NULL);
	if (!text)
		return -errno;
	char *line = strchr(text, '\n');	/* skip the header */
	while (line && *++line) {
		struct net_sock s;
		int ok = proto == SP_UNIX    ? net_parse_unix_line(line, &s) :
			 proto == SP_NETLINK ? parse_netlink_line(line, &s) :
					       net_parse_inet_line(line, family, proto, &s);
		if (ok) {
			s.order = (unsigned int)t->n;
			*add(t) = s;
		}
		line = strchr(line, '\n');
	}
	free(text);
	return 0;
}

static int cmp_inode(const void *a, const void *b)
{
	unsigned long long x = ((const struct net_sock *)a)->inode;
	unsigned long long y = ((const struct net_sock *)b)->inode;
	return (x > y) - (x < y);
}

int net_table_load(pid_t pid, struct net_table *t)
{
	static const struct {
		const char *name;
		int family;
		enum sock_proto proto;
	} files[] = {
		{ "tcp", AF_INET, SP_TCP },	{ "tcp6", AF_INET6, SP_TCP },
		{ "udp", AF_INET, SP_UDP },	{ "udp6", AF_INET6, SP_UDP },
		{ "unix", AF_UNIX, SP_UNIX },	{ "netlink", AF_NETLINK, SP_NETLINK },
	};
	memset(t, 0, sizeof(*t));
	int ok = 0, err = 0;
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		int rc = load_file(pid, files[i].name, files[i].family, files[i].proto, t);
		if (rc == 0)
			ok = 1;
		else if (!err)
			err = rc;
	}
	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v), cmp_inode);
	return ok ? 0 : err;
}

void net_table_free(struct net_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].path);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

const struct net_sock *net_table_find(const struct net_table *t, unsigned long long inode)
{
	struct net_sock key = { .inode = inode };
	if (!t->n)
		return NULL;
	return bsearch(&key, t->v, t->n, sizeof(*t->v), cmp_inode);
}

static int is_zero(const unsigned char *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i])
			return 0;
	return 1;
}

int net_has_peer(const struct net_sock *s)
{
	return s->rport || !is_zero(s->raddr, s->family == AF_INET6 ? 16 : 4);
}

const char *net_format_addr(const struct net_sock *s, int remote, enum addr_style style,
			    char *buf, size_t size)
{
	const unsigned char *a = remote ? s->raddr : s->laddr;
	unsigned int port = remote ? s->rport : s->lport;
	size_t alen = s->family == AF_INET6 ? 16 : 4;
	char host[INET6_ADDRSTRLEN + 2], portstr[12];
	if (s->family == AF_INET6) {
		/* An IPv4-mapped address prints as ss and lsof print it: [::ffff:1.2.3.4]. */
		char tmp[INET6_ADDRSTRLEN];
		inet_ntop(AF_INET6, a, tmp, sizeof(tmp));
		snprintf(host, sizeof(host), "[%s]", tmp);
	} else {
		inet_ntop(AF_INET, a, host, sizeof(host));
	}
	if (style == ADDR_LSOF && is_zero(a, alen))
		snprintf(host, sizeof(host), "*");
	if (port == 0)
		snprintf(portstr, sizeof(portstr), "*");
	else
		snprintf(portstr, sizeof(portstr), "%u", port);
	snprintf(buf, size, "%s:%s", host, portstr);
	return buf;
}

const char *tcp_state_lsof(int state)
{
	static const char *const names[] = {
		[1] = "ESTABLISHED", [2] = "SYN_SENT",	[3] = "SYN_RECV", [4] = "FIN_WAIT1",
		[5] = "FIN_WAIT2",   [6] = "TIME_WAIT", [7] = "CLOSE",	  [8] = "CLOSE_WAIT",
		[9] = "LAST_ACK",    [10] = "LISTEN",	[11] = "CLOSING", [12] = "SYN_RECV",
	};
	return state > 0 && (size_t)state < ARRAY_SIZE(names) ? names[state] : "UNKNOWN";
}

const char *tcp_state_ss(int state)
{
	static const char *const names[] = {
		[1] = "ESTAB",	    [2] = "SYN-SENT",  [3] = "SYN-RECV",  [4] = "FIN-WAIT-1",
		[5] = "FIN-WAIT-2", [6] = "TIME-WAIT", [7] = "UNCONN",	  [8] = "CLOSE-WAIT",
		[9] = "LAST-ACK",   [10] = "LISTEN",   [11] = "CLOSING",  [12] = "NEW-SYN-RECV",
	};
	return state > 0 && (size_t)state < ARRAY_SIZE(names) ? names[state] : "UNKNOWN";
}

const char *netlink_proto_name(int proto)
{
	static const char *const names[] = {
		[0] = "ROUTE",	     [1] = "UNUSED",
		[2] = "USERSOCK",    [3] = "FIREWALL",
		[4] = "SOCK_DIAG",   [5] = "NFLOG",
		[6] = "XFRM",	     [7] = "SELINUX",
		[8] = "ISCSI",	     [9] = "AUDIT",
		[10] = "FIB_LOOKUP", [11] = "CONNECTOR",
		[12] = "NETFILTER",  [13] = "IP6_FW",
		[14] = "DNRTMSG",    [15] = "KOBJECT_UEVENT",
		[16] = "GENERIC",    [18] = "SCSITRANSPORT",
		[19] = "ECRYPTFS",   [20] = "RDMA",
		[21] = "CRYPTO",     [22] = "SMC",
	};
	return proto >= 0 && (size_t)proto < ARRAY_SIZE(names) ? names[proto] : NULL;
}
