/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Netlink messages in socket data, as strace shows them: an array of
 * [{nlmsg_len=..., nlmsg_type=..., nlmsg_flags=..., nlmsg_seq=..., nlmsg_pid=...}, PAYLOAD]
 * where the payload is an error report, the int of NLMSG_DONE, what the socket's family
 * (netlink_family.h) decodes, or hex bytes for what is not decoded.
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
#include "trace/decode/netlink_family.h"
#include "trace/decode/nlattr.h"
#include "trace/decode/xlat_netlink.h"

bool net_fd_is_netlink(const struct sc *sc, int fd)
{
	char proto[32];
	return fd_socket_proto(sc->pid, fd, proto, sizeof(proto)) && !strcmp(proto, "NETLINK");
}

/* ---- the header ---- */

static void print_nlmsg_type(struct sc *sc, uint16_t type, const struct nl_family *f)
{
	/* Types below NLMSG_MIN_TYPE are the control messages every family shares. */
	if (type < NLMSG_MIN_TYPE || !f)
		pr_xval(sc->p, &xlat_net_netlink_types, type, "NLMSG_???");
	else if (f->print_type)
		f->print_type(sc, type);
	else
		pr_xval(sc->p, f->types, type, f->dflt);
}

/* The flags of the upper byte mean different things per message kind. */
static const struct xlat *nlmsg_kind_flags(uint16_t type, const struct nl_family *f)
{
	if (type < NLMSG_MIN_TYPE)
		return type == NLMSG_ERROR ? &xlat_net_netlink_ack_flags : NULL;
	return f && f->flags_kind ? f->flags_kind(type) : NULL;
}

static void print_nlmsg_flags(struct sc *sc, uint16_t flags, uint16_t type,
			      const struct nl_family *f)
{
	const struct xlat *kind = nlmsg_kind_flags(type, f);
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
	const struct nl_family *f = nl_family_of(family);
	pr_struct_begin(sc->p);
	pr_field(sc->p, "nlmsg_len");
	pr_uint(sc->p, h->nlmsg_len);
	pr_field(sc->p, "nlmsg_type");
	print_nlmsg_type(sc, h->nlmsg_type, f);
	pr_field(sc->p, "nlmsg_flags");
	print_nlmsg_flags(sc, h->nlmsg_flags, h->nlmsg_type, f);
	pr_field(sc->p, "nlmsg_seq");
	pr_uint(sc->p, h->nlmsg_seq);
	pr_field(sc->p, "nlmsg_pid");
	print_pid(sc, (int32_t)h->nlmsg_pid, PID_TGID);
	pr_struct_end(sc->p);
}

/* ---- error reports ---- */

/* The extended ack's attributes after the echoed request (NLM_F_ACK_TLVS). */
static bool print_cookie(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	uint8_t cookie[64];
	unsigned int n = len < sizeof(cookie) ? len : sizeof(cookie);
	if (!fetch_or_print_addr(sc, addr, cookie, n))
		return true;
	pr_array_begin(sc->p);
	for (unsigned int i = 0; i < n; i++) {
		if (array_more_at(sc, i))
			break;
		pr_uint(sc->p, cookie[i]);
	}
	pr_array_end(sc->p);
	return true;
}

static const struct nla_spec nlmsgerr_specs[] = {
	[NLMSGERR_ATTR_MSG] = { .kind = NLA_KIND_STR },
	[NLMSGERR_ATTR_OFFS] = { .kind = NLA_KIND_U32 },
	[NLMSGERR_ATTR_COOKIE] = { .kind = NLA_KIND_FN, .fn = print_cookie },
};
static const struct nla_table nlmsgerr_attrs = NLA_TABLE(&xlat_nl_nlmsgerr_attrs,
							 "NLMSGERR_ATTR_???", nlmsgerr_specs);

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
		nl_decode_attrs(sc, addr + payload, len - payload, &nlmsgerr_attrs, NULL);
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
	/* NLMSG_DONE usually holds an int, but a family may say otherwise. */
	const struct nl_family *f = nl_family_of(family);
	if ((h->nlmsg_type >= NLMSG_MIN_TYPE || h->nlmsg_type == NLMSG_DONE) && f &&
	    f->payload && f->payload(sc, h, addr, len))
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

/* ---- udev monitor messages (NETLINK_KOBJECT_UEVENT) ---- */

/* libudev's header before the properties it forwards (libudev-monitor.c). */
struct udev_monitor_netlink_header {
	char prefix[8];
	unsigned int magic;
	unsigned int header_size;
	unsigned int properties_off;
	unsigned int properties_len;
	unsigned int filter_subsystem_hash;
	unsigned int filter_devtype_hash;
	unsigned int filter_tag_bloom_hi;
	unsigned int filter_tag_bloom_lo;
};

static const struct nl_field udev_fields[] = {
	NL_FIELD(struct udev_monitor_netlink_header, prefix, NLF_CSTRING),
	NL_FIELD(struct udev_monitor_netlink_header, magic, NLF_HTONL_X),
	NL_FIELD(struct udev_monitor_netlink_header, header_size, NLF_U),
	NL_FIELD(struct udev_monitor_netlink_header, properties_off, NLF_U),
	NL_FIELD(struct udev_monitor_netlink_header, properties_len, NLF_U),
	NL_FIELD(struct udev_monitor_netlink_header, filter_subsystem_hash, NLF_HTONL_X),
	NL_FIELD(struct udev_monitor_netlink_header, filter_devtype_hash, NLF_HTONL_X),
	NL_FIELD(struct udev_monitor_netlink_header, filter_tag_bloom_hi, NLF_HTONL_X),
	NL_FIELD(struct udev_monitor_netlink_header, filter_tag_bloom_lo, NLF_HTONL_X),
};
static const struct nl_struct udev_header = NL_STRUCT(struct udev_monitor_netlink_header,
						      udev_fields);

/* A libudev message: its header and the properties; a kernel uevent is a string. */
static void decode_kobject_uevent(struct sc *sc, uint64_t addr, uint64_t len)
{
	struct udev_monitor_netlink_header uh;
	if (sc->no_deref || sc_failed(sc) || !addr || len < sizeof(uh) ||
	    umove(sc, addr, &uh, sizeof(uh)) < 0 || strncmp(uh.prefix, "libudev", 8)) {
		print_buf(sc, addr, len);
		return;
	}
	if (len > sizeof(uh))
		pr_array_begin(sc->p);
	pr_struct_begin(sc->p);
	nl_print_fields(sc, &udev_header, 0, &uh);
	pr_struct_end(sc->p);
	if (len > sizeof(uh)) {
		print_buf(sc, addr + sizeof(uh), len - sizeof(uh));
		pr_array_end(sc->p);
	}
}

void net_decode_netlink(struct sc *sc, int fd, uint64_t addr, uint64_t len)
{
	int family = fd_socket_netlink_protocol(sc->pid, fd);
	struct nlmsghdr h;
	bool in_array = false;
	if (family == NETLINK_KOBJECT_UEVENT) {
		decode_kobject_uevent(sc, addr, len);
		return;
	}
	if (!addr) {
		pr_text(sc->p, "NULL");
		return;
	}
	for (int elt = 0; nl_fetch_header(sc, addr, len, &h, sizeof(h), in_array); elt++) {
		if (array_more_at(sc, (uint64_t)elt))
			break;
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
