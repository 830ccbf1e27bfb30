/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Generic netlink message types are family ids the kernel hands out at registration, so
 * their names come from the kernel: one CTRL_CMD_GETFAMILY dump on first use, as strace
 * does, and "nlctrl", "devlink" ... from then on.
 */
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "trace/decode/netlink_family.h"

#define GENL_MAX_FAMILIES 256

static struct xlat_pair genl_pairs[GENL_MAX_FAMILIES];
static struct xlat genl_families = { genl_pairs, 0 };
static bool genl_loaded;

/* One family of a CTRL_CMD_NEWFAMILY reply: its id and name attributes. */
static void add_family(const struct nlmsghdr *h)
{
	const char *payload = NLMSG_DATA(h);
	int len = (int)h->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);
	const struct nlattr *nla = (const void *)(payload + GENL_HDRLEN);
	int id = -1;
	const char *name = NULL;
	while (len >= NLA_HDRLEN && nla->nla_len >= NLA_HDRLEN && nla->nla_len <= len) {
		const char *data = (const char *)nla + NLA_HDRLEN;
		unsigned int dlen = nla->nla_len - NLA_HDRLEN;
		if (nla->nla_type == CTRL_ATTR_FAMILY_ID && dlen >= sizeof(uint16_t))
			id = *(const uint16_t *)data;
		else if (nla->nla_type == CTRL_ATTR_FAMILY_NAME && dlen && !data[dlen - 1])
			name = data;
		len -= NLA_ALIGN(nla->nla_len);
		nla = (const void *)((const char *)nla + NLA_ALIGN(nla->nla_len));
	}
	if (id < 0 || !name || genl_families.n >= GENL_MAX_FAMILIES)
		return;
	char *copy = strdup(name);
	if (!copy)
		return;
	genl_pairs[genl_families.n++] = (struct xlat_pair){ (uint64_t)id, copy };
}

static void load_genl_families(void)
{
	struct {
		struct nlmsghdr h;
		struct genlmsghdr g;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = GENL_ID_CTRL,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.g = { .cmd = CTRL_CMD_GETFAMILY, .version = 1 },
	};
	genl_loaded = true;
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (fd < 0)
		return;
	if (send(fd, &req, sizeof(req), 0) < 0) {
		close(fd);
		return;
	}
	static char buf[32768] __attribute__((aligned(NLMSG_ALIGNTO)));
	for (bool done = false; !done;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		if (n <= 0)
			break;
		/* Each message is checked to lie within what was received before it is read. */
		for (size_t off = 0; off + NLMSG_HDRLEN <= (size_t)n;) {
			const struct nlmsghdr *h = (const void *)(buf + off);
			if (h->nlmsg_len < NLMSG_HDRLEN || h->nlmsg_len > (size_t)n - off ||
			    h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
				done = true;
				break;
			}
			if (h->nlmsg_len >= NLMSG_LENGTH(GENL_HDRLEN))
				add_family(h);
			off += NLMSG_ALIGN(h->nlmsg_len);
		}
	}
	close(fd);
}

void nl_print_genl_type(struct sc *sc, uint16_t type)
{
	if (!genl_loaded)
		load_genl_families();
	pr_xval(sc->p, &genl_families, type, "GENERIC_FAMILY_???");
}
