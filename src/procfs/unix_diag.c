/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A unix socket from sock_diag: a SOCK_DIAG_BY_FAMILY request for one inode (no dump; kernels
 * since 4.4.4 answer it, the cookie ~0 meaning "any") with UDIAG_SHOW_PEER and
 * UDIAG_SHOW_NAME, whose reply carries the peer's inode as a u32 UNIX_DIAG_PEER attribute and
 * the name as UNIX_DIAG_NAME. The kernel looks the inode up in the namespace of the asking
 * netlink socket.
 */
#include <errno.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "procfs/unix_diag.h"

/* Reads reply MSG (LEN bytes) into OUT if it is about INODE. */
static bool read_reply(const struct nlmsghdr *msg, int len, uint64_t inode, struct unix_diag *out)
{
	const struct unix_diag_msg *m;
	const struct rtattr *a;
	int rta_len;
	uint32_t peer = 0;

	/* NLMSG_OK(msg, len), spelt out: its int/u32 comparison trips -Wsign-compare */
	if (len < (int)sizeof(*msg) || msg->nlmsg_len < sizeof(*msg) ||
	    msg->nlmsg_len > (unsigned int)len || msg->nlmsg_type != SOCK_DIAG_BY_FAMILY ||
	    msg->nlmsg_len < NLMSG_LENGTH(sizeof(*m)))
		return false;
	m = NLMSG_DATA(msg);
	if (m->udiag_family != AF_UNIX || m->udiag_ino != inode)
		return false;
	memset(out, 0, sizeof(*out));
	rta_len = msg->nlmsg_len - NLMSG_LENGTH(sizeof(*m));
	for (a = (const void *)(m + 1); RTA_OK(a, rta_len); a = RTA_NEXT(a, rta_len)) {
		if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= sizeof(peer)) {
			memcpy(&peer, RTA_DATA(a), sizeof(peer));
			out->peer = peer;
		} else if (a->rta_type == UNIX_DIAG_NAME && !out->path_len) {
			out->path_len = RTA_PAYLOAD(a);
			if (out->path_len > sizeof(out->path) - 1)
				out->path_len = sizeof(out->path) - 1;
			memcpy(out->path, RTA_DATA(a), out->path_len);
		}
	}
	return true;
}

bool unix_diag_query(uint64_t inode, struct unix_diag *out)
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
			.udiag_show = UDIAG_SHOW_PEER | UDIAG_SHOW_NAME,
			.udiag_cookie = { ~0u, ~0u },
		},
	};
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	union {
		struct nlmsghdr h;
		char bytes[8192];
	} reply;
	bool found = false;
	ssize_t n;
	int nl;

	if (!inode || inode > UINT32_MAX)	/* the request names inodes as u32 */
		return false;
	nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (nl < 0)
		return false;
	if (sendto(nl, &q, sizeof(q), 0, (struct sockaddr *)&kernel, sizeof(kernel)) ==
	    (ssize_t)sizeof(q)) {
		do
			n = recv(nl, &reply, sizeof(reply), 0);
		while (n < 0 && errno == EINTR);
		found = n > 0 && read_reply(&reply.h, (int)n, inode, out);
	}
	close(nl);
	return found;
}

uint64_t unix_peer_inode(uint64_t inode)
{
	struct unix_diag d;

	return unix_diag_query(inode, &d) ? d.peer : 0;
}
