/* SPDX-License-Identifier: Apache-2.0 */
/*
 * -yy socket details, asked of the kernel the way strace 6.1 asks: the socket's protocol
 * name from the "system.sockprotoname" attribute of /proc/PID/fd/N, then a sock_diag
 * netlink dump of that protocol's sockets searched for the socket's inode.
 *
 * Found details are cached by inode and never refreshed, as strace does: a socket seen
 * bound keeps that text after it connects. Sockets the dump does not list (unbound TCP
 * and UDP, unnamed unconnected unix sockets) print "PROTO:[INODE]" and stay uncached.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "output/pr.h"
#include "procfs/unix_diag.h"
#include "trace/decode.h"
#include "trace/decode/fd_socket.h"
#include "trace/decode/xlat_net.h"
#include "trace/fd_table.h"

/* Layer 2 tunnelling over IP; glibc's netinet/in.h does not name it. */
#define IPPROTO_L2TP_NUM 115

#define DETAILS_CACHE_SIZE 1024u
#define DETAILS_MAX 256

struct details_entry {
	unsigned long inode;
	char text[DETAILS_MAX];
};

static struct details_entry details_cache[DETAILS_CACHE_SIZE];

static const char *cached_details(unsigned long inode)
{
	const struct details_entry *e = &details_cache[inode & (DETAILS_CACHE_SIZE - 1)];
	return e->inode == inode && e->text[0] ? e->text : NULL;
}

static void cache_details(unsigned long inode, const char *text)
{
	struct details_entry *e = &details_cache[inode & (DETAILS_CACHE_SIZE - 1)];
	e->inode = inode;
	snprintf(e->text, sizeof(e->text), "%s", text);
}

/* ---- sock_diag queries ---- */

static bool send_diag_request(int nl, void *req, size_t len)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct iovec iov = { .iov_base = req, .iov_len = len };
	struct msghdr msg = {
		.msg_name = &kernel,
		.msg_namelen = sizeof(kernel),
		.msg_iov = &iov,
		.msg_iovlen = 1,
	};
	while (sendmsg(nl, &msg, 0) < 0)
		if (errno != EINTR)
			return false;
	return true;
}

/* A parser looks at one SOCK_DIAG_BY_FAMILY reply: 1 found, 0 not this one, -1 give up. */
typedef int diag_parser(const void *data, int len, unsigned long inode, const char *proto,
			char *out, size_t n);

/* Reads replies until the parser finds INODE, the dump ends, or an error comes. */
static bool receive_diag_replies(int nl, unsigned long inode, diag_parser *parse,
				 const char *proto, char *out, size_t n)
{
	static long buf[8192 / sizeof(long)];
	int flags = 0;
	for (;;) {
		ssize_t got = recv(nl, buf, sizeof(buf), flags);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		const struct nlmsghdr *h = (const void *)buf;
		if (!NLMSG_OK(h, got))
			return false;
		for (; NLMSG_OK(h, got); h = NLMSG_NEXT(h, got)) {
			/* NLMSG_DONE and NLMSG_ERROR end the search. */
			if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY)
				return false;
			int rc = parse(NLMSG_DATA(h), (int)h->nlmsg_len, inode, proto, out, n);
			if (rc > 0)
				return true;
			if (rc < 0)
				return false;
		}
		flags = MSG_DONTWAIT;
	}
}

static int parse_inet(const void *data, int len, unsigned long inode, const char *proto,
		      char *out, size_t n)
{
	const struct inet_diag_msg *m = data;
	static const unsigned char zero[16];
	if (len < (int)NLMSG_LENGTH(sizeof(*m)))
		return -1;
	if (m->idiag_inode != inode)
		return 0;
	size_t alen = m->idiag_family == AF_INET ? 4 : m->idiag_family == AF_INET6 ? 16 : 0;
	if (!alen)
		return -1;
	/* IPv6 addresses are bracketed so that the port stays readable. */
	const char *ob = alen == 16 ? "[" : "";
	const char *cb = alen == 16 ? "]" : "";
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];
	if (!inet_ntop(m->idiag_family, m->id.idiag_src, src, sizeof(src)))
		return -1;
	if (m->id.idiag_dport || memcmp(zero, m->id.idiag_dst, alen)) {
		if (!inet_ntop(m->idiag_family, m->id.idiag_dst, dst, sizeof(dst)))
			return -1;
		snprintf(out, n, "%s:[%s%s%s:%u->%s%s%s:%u]", proto, ob, src, cb,
			 ntohs(m->id.idiag_sport), ob, dst, cb, ntohs(m->id.idiag_dport));
	} else {
		snprintf(out, n, "%s:[%s%s%s:%u]", proto, ob, src, cb, ntohs(m->id.idiag_sport));
	}
	return 1;
}

/* The unix socket's name, quoted as strace quotes it, after a comma; "" if unnamed. */
static void format_unix_path(const char *path, size_t len, char *out, size_t n)
{
	char quoted[4 * sizeof(((struct sockaddr_un *)0)->sun_path) + 8];
	struct out o = { 0 };
	struct pr p = { 0 };
	pr_reset(&p, &o);
	if (path[0])
		pr_quoted(&p, path, strnlen(path, len), 0);
	else
		pr_quoted(&p, path + 1, strnlen(path + 1, len - 1), 0);
	snprintf(quoted, sizeof(quoted), "%.*s", (int)o.len, o.buf);
	out_free(&o);
	snprintf(out, n, ",%s%s", path[0] ? "" : "@", quoted);
}

/* A netlink socket's -yy text: its protocol and port id, as netlink_diag tells them. */
static void netlink_text(int protocol, unsigned int portid, const char *proto, char *out,
			 size_t n)
{
	const char *name = xlat_lookup(&xlat_net_netlink_protocols, (uint64_t)protocol);
	if (name)
		snprintf(out, n, "%s:[%s:%u]", proto, name + strlen("NETLINK_"), portid);
	else
		snprintf(out, n, "%s:[%u]", proto, (unsigned int)protocol);
}

static int parse_netlink(const void *data, int len, unsigned long inode, const char *proto,
			 char *out, size_t n)
{
	const struct netlink_diag_msg *m = data;
	if (len < (int)NLMSG_LENGTH(sizeof(*m)))
		return -1;
	if (m->ndiag_ino != inode)
		return 0;
	if (m->ndiag_family != AF_NETLINK)
		return -1;
	netlink_text(m->ndiag_protocol, m->ndiag_portid, proto, out, n);
	return 1;
}

static bool query_inet(int nl, int family, int protocol, unsigned long inode,
		       const char *proto, char *out, size_t n)
{
	struct {
		struct nlmsghdr nlh;
		struct inet_diag_req_v2 req;
	} q = {
		.nlh = {
			.nlmsg_len = sizeof(q),
			.nlmsg_type = SOCK_DIAG_BY_FAMILY,
			.nlmsg_flags = NLM_F_DUMP | NLM_F_REQUEST,
		},
		.req = {
			.sdiag_family = (uint8_t)family,
			.sdiag_protocol = (uint8_t)protocol,
			.idiag_states = ~0u,
		},
	};
	return send_diag_request(nl, &q, sizeof(q)) &&
	       receive_diag_replies(nl, inode, parse_inet, proto, out, n);
}

static bool query_unix(int nl, int family, int protocol, unsigned long inode,
		       const char *proto, char *out, size_t n)
{
	struct unix_diag d;

	/* Neither a peer nor a name: nothing more to say than the inode. */
	if (!unix_diag_query(inode, &d) || (!d.peer && !d.path_len))
		return false;
	char peer_text[24] = "";
	char path_text[4 * sizeof(d.path) + 8] = "";

	if (d.peer)
		snprintf(peer_text, sizeof(peer_text), "->%" PRIu64, d.peer);
	if (d.path_len)
		format_unix_path(d.path, d.path_len, path_text, sizeof(path_text));
	snprintf(out, n, "%s:[%lu%s%s]", proto, inode, peer_text, path_text);
	return true;
}

static bool query_netlink(int nl, int family, int protocol, unsigned long inode,
			  const char *proto, char *out, size_t n)
{
	struct {
		struct nlmsghdr nlh;
		struct netlink_diag_req req;
	} q = {
		.nlh = {
			.nlmsg_len = sizeof(q),
			.nlmsg_type = SOCK_DIAG_BY_FAMILY,
			.nlmsg_flags = NLM_F_DUMP | NLM_F_REQUEST,
		},
		.req = {
			.sdiag_family = AF_NETLINK,
			.sdiag_protocol = NDIAG_PROTO_ALL,
		},
	};
	return send_diag_request(nl, &q, sizeof(q)) &&
	       receive_diag_replies(nl, inode, parse_netlink, proto, out, n);
}

typedef bool diag_query(int nl, int family, int protocol, unsigned long inode,
			const char *proto, char *out, size_t n);

/* The protocol names the kernel reports and how to ask about each. */
static const struct sock_proto {
	const char *name;
	diag_query *query;
	int family;
	int protocol;
} sock_protos[] = {
	{ "UNIX", query_unix, AF_UNIX, 0 },
	{ "UNIX-STREAM", query_unix, AF_UNIX, 0 },
	{ "TCP", query_inet, AF_INET, IPPROTO_TCP },
	{ "UDP", query_inet, AF_INET, IPPROTO_UDP },
	{ "UDPLITE", query_inet, AF_INET, IPPROTO_UDPLITE },
	{ "DCCP", query_inet, AF_INET, IPPROTO_DCCP },
	{ "SCTP", query_inet, AF_INET, IPPROTO_SCTP },
	{ "L2TP/IP", query_inet, AF_INET, IPPROTO_L2TP_NUM },
	{ "PING", query_inet, AF_INET, IPPROTO_ICMP },
	{ "RAW", query_inet, AF_INET, IPPROTO_RAW },
	{ "TCPv6", query_inet, AF_INET6, IPPROTO_TCP },
	{ "UDPv6", query_inet, AF_INET6, IPPROTO_UDP },
	{ "UDPLITEv6", query_inet, AF_INET6, IPPROTO_UDPLITE },
	{ "DCCPv6", query_inet, AF_INET6, IPPROTO_DCCP },
	{ "SCTPv6", query_inet, AF_INET6, IPPROTO_SCTP },
	{ "L2TP/IPv6", query_inet, AF_INET6, IPPROTO_L2TP_NUM },
	{ "PINGv6", query_inet, AF_INET6, IPPROTO_ICMP },
	{ "RAWv6", query_inet, AF_INET6, IPPROTO_RAW },
	{ "NETLINK", query_netlink, AF_NETLINK, 0 },
};

static const struct sock_proto *proto_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof(sock_protos) / sizeof(sock_protos[0]); i++)
		if (!strcmp(sock_protos[i].name, name))
			return &sock_protos[i];
	return NULL;
}

/* The inode of "socket:[INODE]", or 0. */
static unsigned long socket_link_inode(const char *link)
{
	static const char prefix[] = "socket:[";
	if (strncmp(link, prefix, sizeof(prefix) - 1))
		return 0;
	const char *s = link + sizeof(prefix) - 1;
	char *end;
	unsigned long inode = strtoul(s, &end, 10);
	if (!inode || end == s || end[0] != ']' || end[1])
		return 0;
	return inode;
}

bool fd_socket_proc_proto(pid_t pid, int fd, char *buf, size_t n)
{
	char path[64];
	if (fd < 0 || n < 2)
		return false;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", pid, fd);
	ssize_t r = getxattr(path, "system.sockprotoname", buf, n - 1);
	if (r <= 0)
		return false;
	buf[r] = 0;
	return true;
}

const char *fd_socket_kernel_proto(int family, int type, int protocol)
{
	bool v6 = family == AF_INET6;
	type &= 0xf;
	switch (family) {
	case AF_UNIX:
		return type == SOCK_STREAM ? "UNIX-STREAM" : "UNIX";
	case AF_NETLINK:
		return "NETLINK";
	case AF_PACKET:
		return "PACKET";
	case AF_INET:
	case AF_INET6:
		if (type == SOCK_STREAM && (!protocol || protocol == IPPROTO_TCP))
			return v6 ? "TCPv6" : "TCP";
		if (type == SOCK_DGRAM && (!protocol || protocol == IPPROTO_UDP))
			return v6 ? "UDPv6" : "UDP";
		if (type == SOCK_DGRAM && protocol == (v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP))
			return v6 ? "PINGv6" : "PING";
		if (type == SOCK_RAW)
			return v6 ? "RAWv6" : "RAW";
		return NULL;
	}
	return NULL;
}

/* Is LINK still what /proc says fd FD of PID is? */
static bool proc_link_is(pid_t pid, int fd, const char *link)
{
	char path[64], now[64];
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", pid, fd);
	ssize_t len = readlink(path, now, sizeof(now) - 1);
	if (len <= 0)
		return false;
	now[len] = 0;
	return !strcmp(now, link);
}

bool fd_socket_proto(pid_t pid, int fd, char *buf, size_t n)
{
	const struct fd_entry *e = NULL;
	switch (fd_tables_find(pid, fd, &e)) {
	case FD_ASK_PROC:
		return fd_socket_proc_proto(pid, fd, buf, n);
	case FD_NOT_OPEN:
		return false;
	case FD_OPEN:
		break;
	}
	if (!e->is_socket || n < 2)
		return false;
	const char *name = e->family >= 0 ?
				   fd_socket_kernel_proto(e->family, e->type, e->protocol) : NULL;
	if (name) {
		snprintf(buf, n, "%s", name);
		return true;
	}
	/* /proc's answer is this socket's only while the fd still holds it. */
	if (e->link && !proc_link_is(pid, fd, e->link))
		return false;
	return fd_socket_proc_proto(pid, fd, buf, n);
}

/* Asks the kernel about INODE: of protocol P, or of every protocol when P is NULL. */
static bool lookup_details(const struct sock_proto *p, unsigned long inode, char *out,
			   size_t n)
{
	int nl = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (nl < 0)
		return false;
	bool found = false;
	if (p) {
		found = p->query(nl, p->family, p->protocol, inode, p->name, out, n);
	} else {
		for (size_t i = 0; !found && i < sizeof(sock_protos) / sizeof(sock_protos[0]); i++)
			found = sock_protos[i].query(nl, sock_protos[i].family,
						     sock_protos[i].protocol, inode,
						     sock_protos[i].name, out, n);
	}
	close(nl);
	return found;
}

bool fd_socket_details(pid_t pid, int fd, const char *link, char *buf, size_t n)
{
	unsigned long inode = socket_link_inode(link);
	if (!inode || !n)
		return false;
	const char *cached = cached_details(inode);
	if (cached) {
		snprintf(buf, n, "%s", cached);
		return true;
	}
	char name[64];
	const struct sock_proto *p = NULL;
	if (fd_socket_proto(pid, fd, name, sizeof(name))) {
		p = proto_by_name(name);
		/* A protocol sock_diag cannot describe keeps the plain link text. */
		if (!p)
			return false;
	}
	char details[DETAILS_MAX];
	if (lookup_details(p, inode, details, sizeof(details))) {
		cache_details(inode, details);
		snprintf(buf, n, "%s", details);
		return true;
	}
	if (!p)
		return false;
	/* Closed since (eBPF): a bound netlink socket as the kernel said it was. */
	const struct fd_entry *e = NULL;
	uint32_t portid;
	if (p->family == AF_NETLINK && fd_tables_find(pid, fd, &e) == FD_OPEN &&
	    e->family == AF_NETLINK && fd_tables_bound(e) && (portid = fd_tables_netlink_portid(e))) {
		netlink_text(e->protocol, portid, p->name, buf, n);
		return true;
	}
	snprintf(buf, n, "%s:[%lu]", p->name, inode);
	return true;
}

int fd_socket_netlink_protocol(pid_t pid, int fd)
{
	const struct fd_entry *e = NULL;
	char link[PATH_MAX], details[DETAILS_MAX];
	enum fd_known known = fd_tables_find(pid, fd, &e);
	/* sock_diag (strace's source) lists a netlink socket once it has an address. */
	if (known == FD_NOT_OPEN || (known == FD_OPEN && (!e->is_socket || e->family >= 0)))
		return known == FD_OPEN && e->family == AF_NETLINK && fd_tables_bound(e) ?
			       e->protocol : -1;
	if (!fd_path(pid, fd, link, sizeof(link)) ||
	    !fd_socket_details(pid, fd, link, details, sizeof(details)))
		return -1;
	static const char prefix[] = "NETLINK:[";
	if (strncmp(details, prefix, sizeof(prefix) - 1))
		return -1;
	const char *rest = details + sizeof(prefix) - 1;
	const struct xlat *x = &xlat_net_netlink_protocols;
	for (size_t i = 0; i < x->n; i++) {
		const char *short_name = x->pairs[i].str + strlen("NETLINK_");
		if (!strncmp(rest, short_name, strlen(short_name)))
			return (int)x->pairs[i].val;
	}
	if (*rest >= '0' && *rest <= '9')
		return atoi(rest);
	return -1;
}
