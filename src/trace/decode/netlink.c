/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Netlink messages in socket data, as strace shows them: an array of
 * [{nlmsg_len=..., nlmsg_type=..., nlmsg_flags=..., nlmsg_seq=..., nlmsg_pid=...}, PAYLOAD]
 * where the payload is an error report, the int of NLMSG_DONE, an rtnetlink address
 * message with its attributes, or hex bytes for what is not decoded.
 */
#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/fd_socket.h"
#include "trace/decode/net_impl.h"

bool net_fd_is_netlink(const struct sc *sc, int fd)
{
	char proto[32];
	return fd_socket_proto(sc->pid, fd, proto, sizeof(proto)) && !strcmp(proto, "NETLINK");
}

/* ---- the header ---- */

static void print_nlmsg_type(struct sc *sc, uint16_t type, int family)
{
	if (type >= NLMSG_MIN_TYPE && family == NETLINK_ROUTE)
		pr_xval(sc->p, &xlat_net_nl_route_types, type, "RTM_???");
	else if (type >= NLMSG_MIN_TYPE && family == NETLINK_SOCK_DIAG)
		pr_xval(sc->p, &xlat_net_nl_sock_diag_types, type, "SOCK_DIAG_???");
	else
		pr_xval(sc->p, &xlat_net_netlink_types, type, "NLMSG_???");
}

/* The flags of the upper byte mean different things per message kind. */
static const struct xlat *nlmsg_kind_flags(uint16_t type, int family)
{
	if (type < NLMSG_MIN_TYPE)
		return type == NLMSG_ERROR ? &xlat_net_netlink_ack_flags : NULL;
	if (family == NETLINK_SOCK_DIAG)
		return &xlat_net_netlink_get_flags;
	if (family != NETLINK_ROUTE)
		return NULL;
	if (type == RTM_DELACTION)
		return &xlat_net_netlink_get_flags;
	switch (type & 3) {
	case 0:
		return &xlat_net_netlink_new_flags;
	case 1:
		return &xlat_net_netlink_delete_flags;
	case 2:
		return &xlat_net_netlink_get_flags;
	}
	return NULL;
}

static void print_nlmsg_flags(struct sc *sc, uint16_t flags, uint16_t type, int family)
{
	const struct xlat *kind = nlmsg_kind_flags(type, family);
	struct xlat_pair pairs[32];
	size_t n = 0;
	for (size_t i = 0; i < xlat_net_netlink_flags.n && n < 32; i++)
		pairs[n++] = xlat_net_netlink_flags.pairs[i];
	for (size_t i = 0; kind && i < kind->n && n < 32; i++)
		pairs[n++] = kind->pairs[i];
	struct xlat both = { pairs, n };
	pr_flags(sc->p, &both, flags, "NLM_F_???");
}

static void print_nlmsghdr(struct sc *sc, const struct nlmsghdr *h, int family)
{
	pr_struct_begin(sc->p);
	pr_field(sc->p, "nlmsg_len");
	pr_uint(sc->p, h->nlmsg_len);
	pr_field(sc->p, "nlmsg_type");
	print_nlmsg_type(sc, h->nlmsg_type, family);
	pr_field(sc->p, "nlmsg_flags");
	print_nlmsg_flags(sc, h->nlmsg_flags, h->nlmsg_type, family);
	pr_field(sc->p, "nlmsg_seq");
	pr_uint(sc->p, h->nlmsg_seq);
	pr_field(sc->p, "nlmsg_pid");
	print_pid(sc, (int32_t)h->nlmsg_pid, PID_TGID);
	pr_struct_end(sc->p);
}

/* ---- attributes ---- */

typedef bool nla_printer(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx);

static void print_nlattr_hdr(struct sc *sc, const struct nlattr *nla, const struct xlat *types,
			     const char *dflt)
{
	pr_struct_begin(sc->p);
	pr_field(sc->p, "nla_len");
	pr_uint(sc->p, nla->nla_len);
	pr_field(sc->p, "nla_type");
	if (nla->nla_type & NLA_F_NESTED) {
		pr_text(sc->p, "NLA_F_NESTED|");
		pr_join(sc->p, "");
	}
	if (nla->nla_type & NLA_F_NET_BYTEORDER) {
		pr_text(sc->p, "NLA_F_NET_BYTEORDER|");
		pr_join(sc->p, "");
	}
	pr_xval(sc->p, types, nla->nla_type & NLA_TYPE_MASK, dflt);
	pr_struct_end(sc->p);
}

/* A netlink header or attribute at ADDR, or what strace prints when it cannot be read. */
static bool fetch_header(struct sc *sc, uint64_t addr, uint64_t len, void *buf, size_t size,
			 bool in_array)
{
	if (len < size) {
		print_buf_hex(sc, addr, len);
		return false;
	}
	if (!sc->no_deref && umove(sc, addr, buf, size) == 0)
		return true;
	if (in_array) {
		pr_more(sc->p);
		pr_comment(sc->p, "%#llx", (unsigned long long)addr);
	} else {
		print_addr(sc, addr);
	}
	return false;
}

/* Attributes of LEN bytes at ADDR; PRINTERS[type] decodes a value, else it prints in hex. */
static void decode_nlattrs(struct sc *sc, uint64_t addr, unsigned int len,
			   const struct xlat *types, const char *dflt,
			   nla_printer *const *printers, unsigned int nprinters, const void *ctx)
{
	struct nlattr nla;
	bool in_array = false;
	for (int elt = 0; fetch_header(sc, addr, len, &nla, sizeof(nla), in_array); elt++) {
		if (!sc->verbose && elt == str_limit(sc)) {
			pr_more(sc->p);
			break;
		}
		unsigned int aligned = NLA_ALIGN(nla.nla_len);
		uint64_t next_addr = 0;
		unsigned int next_len = 0;
		if (nla.nla_len >= NLA_HDRLEN) {
			next_len = len >= aligned ? len - aligned : 0;
			if (next_len && addr + aligned > addr)
				next_addr = addr + aligned;
		}
		if (!in_array && next_addr) {
			pr_array_begin(sc->p);
			in_array = true;
		}
		unsigned int nla_len = nla.nla_len < len ? nla.nla_len : len;
		if (nla_len > NLA_HDRLEN)
			pr_array_begin(sc->p);
		print_nlattr_hdr(sc, &nla, types, dflt);
		if (nla_len > NLA_HDRLEN) {
			unsigned int type = nla.nla_type & NLA_TYPE_MASK;
			uint64_t data = addr + NLA_HDRLEN;
			unsigned int dlen = nla_len - NLA_HDRLEN;
			if (type >= nprinters || !printers[type] || !printers[type](sc, data, dlen, ctx))
				print_buf_hex(sc, data, dlen);
			pr_array_end(sc->p);
		}
		if (!next_addr)
			break;
		addr = next_addr;
		len = next_len;
	}
	if (in_array)
		pr_array_end(sc->p);
}

static bool print_nla_str(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	size_t limit = (size_t)str_limit(sc);
	size_t n = len < limit + 1 ? len : limit + 1;
	char buf[1024];
	if (n > sizeof(buf))
		n = sizeof(buf);
	if (umove(sc, addr, buf, n) < 0) {
		print_addr(sc, addr);
		return true;
	}
	/* A string attribute carries its NUL: it is not shown. */
	size_t shown = n;
	bool more = false;
	if (shown == len && shown && !buf[shown - 1])
		shown--;
	if (shown > limit) {
		shown = limit;
		more = true;
	}
	pr_quoted(sc->p, buf, shown, more ? PR_QUOTE_ELLIPSIS : 0);
	return true;
}

static bool print_nla_u32(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	uint32_t v;
	if (len < sizeof(v))
		return false;
	if (fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		pr_uint(sc->p, v);
	return true;
}

static bool print_nla_s32(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	int32_t v;
	if (len < sizeof(v))
		return false;
	if (fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		pr_int(sc->p, v);
	return true;
}

/* ---- rtnetlink address messages ---- */

static bool print_ifa_address(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	const struct ifaddrmsg *ifa = ctx;
	size_t size = ifa->ifa_family == AF_INET ? 4 : ifa->ifa_family == AF_INET6 ? 16 : 0;
	unsigned char buf[16];
	if (!size || len < size) {
		print_buf_hex(sc, addr, len);
		return true;
	}
	if (umove(sc, addr, buf, size) < 0) {
		print_addr(sc, addr);
		return true;
	}
	net_print_inet_addr(sc->p, ifa->ifa_family, buf, size, NULL);
	return true;
}

static bool print_ifa_cacheinfo(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	struct ifa_cacheinfo ci;
	if (len < sizeof(ci))
		return false;
	if (!fetch_or_print_addr(sc, addr, &ci, sizeof(ci)))
		return true;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "ifa_prefered");
	pr_uint(sc->p, ci.ifa_prefered);
	pr_field(sc->p, "ifa_valid");
	pr_uint(sc->p, ci.ifa_valid);
	pr_field(sc->p, "cstamp");
	pr_uint(sc->p, ci.cstamp);
	pr_field(sc->p, "tstamp");
	pr_uint(sc->p, ci.tstamp);
	pr_struct_end(sc->p);
	return true;
}

static bool print_ifa_flags(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	uint32_t flags;
	if (len < sizeof(flags))
		return false;
	if (fetch_or_print_addr(sc, addr, &flags, sizeof(flags)))
		pr_flags(sc->p, &xlat_net_ifaddrflags, flags, "IFA_F_???");
	return true;
}

/* Indexed by IFA_*; IFA_PROTO and later print in hex. */
static nla_printer *const ifa_printers[] = {
	[IFA_ADDRESS] = print_ifa_address,
	[IFA_LOCAL] = print_ifa_address,
	[IFA_LABEL] = print_nla_str,
	[IFA_BROADCAST] = print_ifa_address,
	[IFA_ANYCAST] = print_ifa_address,
	[IFA_CACHEINFO] = print_ifa_cacheinfo,
	[IFA_MULTICAST] = print_ifa_address,
	[IFA_FLAGS] = print_ifa_flags,
	[IFA_RT_PRIORITY] = print_nla_u32,
	[IFA_TARGET_NETNSID] = print_nla_s32,
};

static void decode_ifaddrmsg(struct sc *sc, uint8_t family, uint64_t addr, unsigned int len)
{
	struct ifaddrmsg ifa = { .ifa_family = family };
	bool attrs = false;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "ifa_family");
	pr_xval(sc->p, &xlat_net_addrfams, family, "AF_???");
	if (len >= sizeof(ifa)) {
		if (fetch_or_print_addr(sc, addr + 1, (char *)&ifa + 1, sizeof(ifa) - 1)) {
			pr_field(sc->p, "ifa_prefixlen");
			pr_uint(sc->p, ifa.ifa_prefixlen);
			pr_field(sc->p, "ifa_flags");
			pr_flags(sc->p, &xlat_net_ifaddrflags, ifa.ifa_flags, "IFA_F_???");
			pr_field(sc->p, "ifa_scope");
			pr_xval(sc->p, &xlat_net_routing_scopes, ifa.ifa_scope, NULL);
			pr_field(sc->p, "ifa_index");
			net_print_ifindex(sc->p, ifa.ifa_index);
			attrs = true;
		}
	} else {
		pr_more(sc->p);
	}
	pr_struct_end(sc->p);
	unsigned int offset = NLMSG_ALIGN(sizeof(ifa));
	if (attrs && len > offset)
		decode_nlattrs(sc, addr + offset, len - offset, &xlat_net_rtnl_addr_attrs, "IFA_???",
			       ifa_printers, sizeof(ifa_printers) / sizeof(ifa_printers[0]), &ifa);
}

/* A route message strace has no decoder for here: its family, then the rest in hex. */
static void decode_route_family(struct sc *sc, uint8_t family, uint64_t addr, unsigned int len)
{
	pr_struct_begin(sc->p);
	pr_field(sc->p, "family");
	pr_xval(sc->p, &xlat_net_addrfams, family, "AF_???");
	if (len > 1) {
		pr_field(sc->p, "data");
		print_buf_hex(sc, addr + 1, len - 1);
	}
	pr_struct_end(sc->p);
}

static bool decode_route_payload(struct sc *sc, const struct nlmsghdr *h, uint64_t addr,
				 unsigned int len)
{
	uint8_t family;
	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (!fetch_or_print_addr(sc, addr, &family, sizeof(family)))
		return true;
	switch (h->nlmsg_type) {
	case RTM_NEWADDR:
	case RTM_DELADDR:
	case RTM_GETADDR:
		decode_ifaddrmsg(sc, family, addr, len);
		break;
	default:
		decode_route_family(sc, family, addr, len);
		break;
	}
	return true;
}

/* ---- messages ---- */

static void decode_nlmsg_with_payload(struct sc *sc, int fd, int family,
				      const struct nlmsghdr *h, uint64_t addr, uint64_t len);

static void print_errno_field(struct sc *sc, int err)
{
	const char *name = err < 0 ? errno_name(-err) : NULL;
	pr_field(sc->p, "error");
	if (!name || sc->p->xlat_style != PR_XLAT_ABBREV)
		pr_int(sc->p, err);
	if (!name || sc->p->xlat_style == PR_XLAT_RAW)
		return;
	if (sc->p->xlat_style == PR_XLAT_ABBREV)
		pr_textf(sc->p, "-%s", name);
	else
		pr_comment(sc->p, "-%s", name);
}

static void decode_nlmsgerr(struct sc *sc, int fd, int family, uint64_t addr, unsigned int len,
			    bool capped)
{
	struct nlmsgerr err;
	if (len < sizeof(err)) {
		print_buf_hex(sc, addr, len);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &err, sizeof(err)))
		return;
	addr += offsetof(struct nlmsgerr, msg);
	len -= offsetof(struct nlmsgerr, msg);
	/* The echoed request is at least a header long, and only a header when capped. */
	unsigned int msg_len = err.msg.nlmsg_len > sizeof(err.msg) ? err.msg.nlmsg_len
								   : sizeof(err.msg);
	unsigned int payload = capped ? sizeof(err.msg) : msg_len;
	if (payload > len)
		payload = len;
	if (len > payload)
		pr_array_begin(sc->p);
	pr_struct_begin(sc->p);
	print_errno_field(sc, err.error);
	pr_field(sc->p, "msg");
	decode_nlmsg_with_payload(sc, fd, family, &err.msg, addr, payload);
	pr_struct_end(sc->p);
	if (len > payload) {
		print_buf_hex(sc, addr + payload, len - payload);
		pr_array_end(sc->p);
	}
}

static void decode_payload(struct sc *sc, int fd, int family, const struct nlmsghdr *h,
			   uint64_t addr, unsigned int len)
{
	if (h->nlmsg_type == NLMSG_ERROR) {
		decode_nlmsgerr(sc, fd, family, addr, len, h->nlmsg_flags & NLM_F_CAPPED);
		return;
	}
	if ((h->nlmsg_type >= NLMSG_MIN_TYPE || h->nlmsg_type == NLMSG_DONE) &&
	    family == NETLINK_ROUTE && decode_route_payload(sc, h, addr, len))
		return;
	if (h->nlmsg_type == NLMSG_DONE && len == sizeof(int)) {
		int v;
		if (fetch_or_print_addr(sc, addr, &v, sizeof(v)))
			pr_int(sc->p, v);
		return;
	}
	print_buf_hex(sc, addr, len);
}

static void decode_nlmsg_with_payload(struct sc *sc, int fd, int family,
				      const struct nlmsghdr *h, uint64_t addr, uint64_t len)
{
	unsigned int msg_len = h->nlmsg_len < len ? h->nlmsg_len : (unsigned int)len;
	if (msg_len > NLMSG_HDRLEN)
		pr_array_begin(sc->p);
	print_nlmsghdr(sc, h, family);
	if (msg_len > NLMSG_HDRLEN) {
		decode_payload(sc, fd, family, h, addr + NLMSG_HDRLEN, msg_len - NLMSG_HDRLEN);
		pr_array_end(sc->p);
	}
}

void net_decode_netlink(struct sc *sc, int fd, uint64_t addr, uint64_t len)
{
	int family = fd_socket_netlink_protocol(sc->pid, fd);
	struct nlmsghdr h;
	bool in_array = false;
	if (!addr) {
		pr_text(sc->p, "NULL");
		return;
	}
	for (int elt = 0; fetch_header(sc, addr, len, &h, sizeof(h), in_array); elt++) {
		if (!sc->verbose && elt == str_limit(sc)) {
			pr_more(sc->p);
			break;
		}
		unsigned int aligned = NLMSG_ALIGN(h.nlmsg_len);
		uint64_t next_addr = 0, next_len = 0;
		if (h.nlmsg_len >= NLMSG_HDRLEN) {
			next_len = len >= aligned ? len - aligned : 0;
			if (next_len && addr + aligned > addr)
				next_addr = addr + aligned;
		}
		if (!in_array && next_addr) {
			pr_array_begin(sc->p);
			in_array = true;
		}
		decode_nlmsg_with_payload(sc, fd, family, &h, addr, len);
		if (!next_addr)
			break;
		addr = next_addr;
		len = next_len;
	}
	if (in_array)
		pr_array_end(sc->p);
}
