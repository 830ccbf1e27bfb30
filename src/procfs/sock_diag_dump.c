/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What /proc/net lacks, from sock_diag dumps (NETLINK_SOCK_DIAG, SOCK_DIAG_BY_FAMILY with
 * NLM_F_DUMP): for a TCP listener, inet_diag's idiag_wqueue is sk_max_ack_backlog (the
 * backlog given to listen(), capped by net.core.somaxconn) and idiag_rqueue the accept
 * queue's length; for a unix socket, UNIX_DIAG_RQLEN gives the accept queue's length and
 * the backlog of a listener, or the bytes unread and the bytes unsent (sk_wmem_alloc) of
 * any other, and UNIX_DIAG_PEER the peer's inode. The kernel answers for the network
 * namespace of the asking netlink socket.
 */
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "procfs/net_sockets.h"

typedef void reply_fn(struct net_table *t, const struct nlmsghdr *h);

/* Sends REQ (LEN bytes) and hands each reply to FN until NLMSG_DONE. 0 or -errno. */
static int dump(const void *req, size_t len, reply_fn *fn, struct net_table *t)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	union {
		struct nlmsghdr h;
		char bytes[32768];
	} buf;
	int nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (nl < 0)
		return -errno;
	int rc = 0;
	if (sendto(nl, req, len, 0, (struct sockaddr *)&kernel, sizeof(kernel)) != (ssize_t)len)
		rc = -errno;
	while (rc == 0) {
		ssize_t n = recv(nl, &buf, sizeof(buf), 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = n < 0 ? -errno : -EIO;
			break;
		}
		int left = (int)n;
		/* NLMSG_OK/NLMSG_NEXT, spelt out: their int/u32 comparison trips -Wsign-compare */
		for (const struct nlmsghdr *h = &buf.h;
		     left >= (int)sizeof(*h) && h->nlmsg_len >= sizeof(*h) &&
		     h->nlmsg_len <= (unsigned int)left;
		     left -= (int)NLMSG_ALIGN(h->nlmsg_len),
		     h = (const void *)((const char *)h + NLMSG_ALIGN(h->nlmsg_len))) {
			if (h->nlmsg_type == NLMSG_DONE)
				goto out;
			if (h->nlmsg_type == NLMSG_ERROR) {
				const struct nlmsgerr *e = NLMSG_DATA(h);
				bool whole = h->nlmsg_len >= NLMSG_LENGTH(sizeof(*e));
				rc = whole && e->error ? e->error : -EIO;
				goto out;
			}
			if (h->nlmsg_type == SOCK_DIAG_BY_FAMILY)
				fn(t, h);
		}
	}
out:
	close(nl);
	return rc;
}

/* /proc/net's tables hold each inode once per protocol: find the one of FAMILY. */
static struct net_sock *find(struct net_table *t, unsigned long long inode, int family)
{
	const struct net_sock *s = net_table_find(t, inode);
	if (!s)
		return NULL;
	struct net_sock *m = (struct net_sock *)s;
	while (m > t->v && m[-1].inode == inode)
		m--;
	for (; m < t->v + t->n && m->inode == inode; m++)
		if (m->family == family)
			return m;
	return NULL;
}

static void inet_reply(struct net_table *t, const struct nlmsghdr *h)
{
	const struct inet_diag_msg *m = NLMSG_DATA(h);
	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->idiag_state != TCP_LISTEN)
		return;
	struct net_sock *s = find(t, m->idiag_inode, m->idiag_family);
	if (s && s->proto == SP_TCP)
		s->backlog = m->idiag_wqueue;
}

static void unix_reply(struct net_table *t, const struct nlmsghdr *h)
{
	const struct unix_diag_msg *m = NLMSG_DATA(h);
	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)))
		return;
	struct net_sock *s = find(t, m->udiag_ino, AF_UNIX);
	if (!s)
		return;
	int len = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof(*m)));
	for (const struct rtattr *a = (const void *)(m + 1); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
		size_t size = RTA_PAYLOAD(a);
		if (a->rta_type == UNIX_DIAG_RQLEN && size >= sizeof(struct unix_diag_rqlen)) {
			struct unix_diag_rqlen q;
			memcpy(&q, RTA_DATA(a), sizeof(q));
			s->rxq = q.udiag_rqueue;
			if (m->udiag_state == TCP_LISTEN)
				s->backlog = q.udiag_wqueue;
			else
				s->txq = q.udiag_wqueue;
		} else if (a->rta_type == UNIX_DIAG_PEER && size >= sizeof(uint32_t)) {
			uint32_t peer;
			memcpy(&peer, RTA_DATA(a), sizeof(peer));
			s->peer = peer;
		}
	}
}

int net_table_diag(struct net_table *t)
{
	static const int families[] = { AF_INET, AF_INET6 };
	int rc = 0;
	for (size_t i = 0; i < sizeof(families) / sizeof(families[0]); i++) {
		struct {
			struct nlmsghdr nlh;
			struct inet_diag_req_v2 req;
		} q = {
			.nlh = { .nlmsg_len = sizeof(q), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
				 .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
			.req = { .sdiag_family = (uint8_t)families[i],
				 .sdiag_protocol = IPPROTO_TCP,
				 .idiag_states = 1u << TCP_LISTEN },
		};
		int r = dump(&q, sizeof(q), inet_reply, t);
		/* A kernel without IPv6 refuses the AF_INET6 dump: nothing to add. */
		if (r && !(families[i] == AF_INET6 && (r == -ENOENT || r == -EAFNOSUPPORT)))
			rc = rc ? rc : r;
	}
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req req;
	} u = {
		.nlh = { .nlmsg_len = sizeof(u), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			 .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.req = { .sdiag_family = AF_UNIX, .udiag_states = ~0u,
			 .udiag_show = UDIAG_SHOW_RQLEN | UDIAG_SHOW_PEER },
	};
	int r = dump(&u, sizeof(u), unix_reply, t);
	return rc ? rc : r;
}
