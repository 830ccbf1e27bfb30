/*
 * A unix socket's peer from sock_diag: a SOCK_DIAG_BY_FAMILY request for one inode (no dump;
 * kernels since 4.4.4 answer it, the cookie ~0 meaning "any") with UDIAG_SHOW_PEER, whose
 * reply carries the peer's inode as a u32 UNIX_DIAG_PEER attribute. The kernel looks the
 * inode up in the namespace of the asking netlink socket.
 */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "procfs/unix_peer.h"

/* The UNIX_DIAG_PEER of reply MSG (LEN bytes) if it is about INODE, else 0. */
static uint64_t reply_peer(const struct nlmsghdr *msg, int len, uint64_t inode)
{
	const struct unix_diag_msg *m;
	const struct rtattr *a;
	int rta_len;
	uint32_t peer = 0;

	/* NLMSG_OK(msg, len), spelt out: its int/u32 comparison trips -Wsign-compare */
	if (len < (int)sizeof(*msg) || msg->nlmsg_len < sizeof(*msg) ||
	    msg->nlmsg_len > (unsigned int)len || msg->nlmsg_type != SOCK_DIAG_BY_FAMILY ||
	    msg->nlmsg_len < NLMSG_LENGTH(sizeof(*m)))
		return 0;
	m = NLMSG_DATA(msg);
	if (m->udiag_family != AF_UNIX || m->udiag_ino != inode)
		return 0;
	rta_len = msg->nlmsg_len - NLMSG_LENGTH(sizeof(*m));
	for (a = (const void *)(m + 1); RTA_OK(a, rta_len); a = RTA_NEXT(a, rta_len))
		if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= sizeof(peer))
			memcpy(&peer, RTA_DATA(a), sizeof(peer));
	return peer;
}

uint64_t unix_peer_inode(uint64_t inode)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req req;
	} q = {
		.nlh = {
			.nlmsg_len = sizeof(q),
			.nlmsg_type = SOCK_DIAG_BY_FAMILY,
			.nlmsg_flags = NLM_F_REQUEST,
		},
		.req = {
			.sdiag_family = AF_UNIX,
			.udiag_ino = (uint32_t)inode,
			.udiag_states = ~0u,
			.udiag_show = UDIAG_SHOW_PEER,
			.udiag_cookie = { ~0u, ~0u },
		},
	};
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	union {
		struct nlmsghdr h;
		char bytes[8192];
	} reply;
	uint64_t peer = 0;
	ssize_t n;
	int nl;

	if (!inode || inode > UINT32_MAX)	/* the request names inodes as u32 */
		return 0;
	nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (nl < 0)
		return 0;
	if (sendto(nl, &q, sizeof(q), 0, (struct sockaddr *)&kernel, sizeof(kernel)) ==
	    (ssize_t)sizeof(q)) {
		n = recv(nl, &reply, sizeof(reply), 0);
		if (n > 0)
			peer = reply_peer(&reply.h, (int)n, inode);
	}
	close(nl);
	return peer;
}
