/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sock_diag (NETLINK_SOCK_DIAG) messages as data: per address family a request header
 * (NLM_F_REQUEST set) and a response header with its attributes.
 */
#include <linux/inet_diag.h>
#include <linux/filter.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/smc_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>

#include "trace/decode/net_impl.h"
#include "trace/decode/netlink_family.h"
#include "trace/decode/nlattr.h"
#include "trace/decode/xlat_net.h"
#include "trace/decode/xlat_netlink.h"

#define F(type, member, kind, ...) NL_FIELD(type, member, kind, __VA_ARGS__)
#define TCP_STATE_FLAGS &xlat_nl_tcp_state_flags, "1<<TCP_???"
#define EXT_FLAGS &xlat_nl_inet_diag_extended_flags, "1<<INET_DIAG_\?\?\?-1"

/* ---- AF_UNIX ---- */

static const struct nl_field unix_req_fields[] = {
	F(struct unix_diag_req, sdiag_family, NLF_FAMILY),
	F(struct unix_diag_req, sdiag_protocol, NLF_U),
	F(struct unix_diag_req, udiag_states, NLF_FLAGS, TCP_STATE_FLAGS),
	F(struct unix_diag_req, udiag_ino, NLF_U),
	F(struct unix_diag_req, udiag_show, NLF_FLAGS, &xlat_nl_unix_diag_show, "UDIAG_SHOW_???"),
	F(struct unix_diag_req, udiag_cookie, NLF_COOKIE),
};
static const struct nl_struct unix_req = NL_STRUCT(struct unix_diag_req, unix_req_fields);

static const struct nl_field unix_msg_fields[] = {
	F(struct unix_diag_msg, udiag_family, NLF_FAMILY),
	F(struct unix_diag_msg, udiag_type, NLF_XVAL, &xlat_net_socktypes, "SOCK_???"),
	F(struct unix_diag_msg, udiag_state, NLF_XVAL, &xlat_nl_tcp_states, "TCP_???"),
	F(struct unix_diag_msg, udiag_ino, NLF_U),
	F(struct unix_diag_msg, udiag_cookie, NLF_COOKIE),
};
static const struct nl_struct unix_msg = NL_STRUCT(struct unix_diag_msg, unix_msg_fields);

static const struct nl_field unix_vfs_fields[] = {
	F(struct unix_diag_vfs, udiag_vfs_dev, NLF_DEV),
	F(struct unix_diag_vfs, udiag_vfs_ino, NLF_U),
};
static const struct nl_struct unix_vfs = NL_STRUCT(struct unix_diag_vfs, unix_vfs_fields);

static const struct nl_field unix_rqlen_fields[] = {
	F(struct unix_diag_rqlen, udiag_rqueue, NLF_U),
	F(struct unix_diag_rqlen, udiag_wqueue, NLF_U),
};
static const struct nl_struct unix_rqlen = NL_STRUCT(struct unix_diag_rqlen, unix_rqlen_fields);

static const struct nla_spec unix_specs[] = {
	[UNIX_DIAG_NAME] = { .kind = NLA_KIND_STR },
	[UNIX_DIAG_VFS] = { .kind = NLA_KIND_STRUCT, .s = &unix_vfs },
	[UNIX_DIAG_PEER] = { .kind = NLA_KIND_U32 },
	/* The inodes of the sockets waiting to be accepted. */
	[UNIX_DIAG_ICONS] = { .kind = NLA_KIND_ARRAY, .elem = NLA_KIND_U32 },
	[UNIX_DIAG_RQLEN] = { .kind = NLA_KIND_STRUCT, .s = &unix_rqlen },
	[UNIX_DIAG_SHUTDOWN] = { .kind = NLA_KIND_FLAGS8, .x = &xlat_nl_shutdown_flags },
	[UNIX_DIAG_UID] = { .kind = NLA_KIND_U32 },
};
static const struct nla_table unix_attrs = NLA_TABLE(&xlat_nl_unix_diag_attrs,
						     "UNIX_DIAG_???", unix_specs);

/* ---- AF_INET, AF_INET6 ---- */

static const struct nl_field inet_req_fields[] = {
	F(struct inet_diag_req, idiag_family, NLF_FAMILY),
	F(struct inet_diag_req, idiag_src_len, NLF_U),
	F(struct inet_diag_req, idiag_dst_len, NLF_U),
	F(struct inet_diag_req, idiag_ext, NLF_FLAGS, EXT_FLAGS),
	F(struct inet_diag_req, id, NLF_SOCKID),
	F(struct inet_diag_req, idiag_states, NLF_FLAGS, TCP_STATE_FLAGS),
	F(struct inet_diag_req, idiag_dbs, NLF_U),
};
static const struct nl_struct inet_req = NL_STRUCT(struct inet_diag_req, inet_req_fields);

static const struct nl_field inet_req_v2_fields[] = {
	F(struct inet_diag_req_v2, sdiag_family, NLF_FAMILY),
	F(struct inet_diag_req_v2, sdiag_protocol, NLF_XVAL, &xlat_net_inet_protocols,
	  "IPPROTO_???"),
	F(struct inet_diag_req_v2, idiag_ext, NLF_FLAGS, EXT_FLAGS),
	F(struct inet_diag_req_v2, idiag_states, NLF_FLAGS, TCP_STATE_FLAGS),
	F(struct inet_diag_req_v2, id, NLF_SOCKID),
};
static const struct nl_struct inet_req_v2 = NL_STRUCT(struct inet_diag_req_v2,
						      inet_req_v2_fields);

static void print_bc_op(struct sc *sc, const struct inet_diag_bc_op *op)
{
	pr_struct_begin(sc->p);
	pr_field(sc->p, "code");
	pr_xval(sc->p, &xlat_nl_inet_diag_bytecodes, op->code, "INET_DIAG_BC_???");
	pr_field(sc->p, "yes");
	pr_uint(sc->p, op->yes);
	pr_field(sc->p, "no");
	pr_uint(sc->p, op->no);
	pr_struct_end(sc->p);
}

/* A host condition: family, prefix length, port, then an address of that family. */
static void print_bc_hostcond(struct sc *sc, uint64_t addr, unsigned int len)
{
	struct inet_diag_hostcond c;
	if (len < sizeof(c)) {
		print_buf_hex(sc, addr, len);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &c, sizeof(c)))
		return;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "family");
	pr_xval(sc->p, &xlat_net_addrfams, c.family, "AF_???");
	pr_field(sc->p, "prefix_len");
	pr_uint(sc->p, c.prefix_len);
	pr_field(sc->p, "port");
	pr_uint(sc->p, (unsigned int)c.port);
	unsigned int left = len - sizeof(c);
	size_t size = c.family == AF_INET ? 4 : c.family == AF_INET6 ? 16 : 0;
	unsigned char buf[16];
	if (left && (!size || left < size)) {
		pr_field(sc->p, "addr");
		print_buf_hex(sc, addr + sizeof(c), left);
	} else if (left && umove(sc, addr + sizeof(c), buf, size) < 0) {
		pr_field(sc->p, "addr");
		print_addr(sc, addr + sizeof(c));
	} else if (left) {
		net_print_inet_addr(sc->p, c.family, buf, size, "addr");
	}
	pr_struct_end(sc->p);
}

/* What follows a bytecode op, by its code: a condition, a jump's op, or bytes in hex. */
static void print_bc_data(struct sc *sc, uint8_t code, uint64_t addr, unsigned int len)
{
	struct inet_diag_bc_op op;
	struct inet_diag_markcond mark;
	uint32_t ifindex;
	switch (code) {
	case INET_DIAG_BC_S_COND:
	case INET_DIAG_BC_D_COND:
		print_bc_hostcond(sc, addr, len);
		return;
	case INET_DIAG_BC_DEV_COND:
		if (len < sizeof(ifindex))
			break;
		if (fetch_or_print_addr(sc, addr, &ifindex, sizeof(ifindex)))
			net_print_ifindex(sc->p, ifindex);
		return;
	case INET_DIAG_BC_S_GE:
	case INET_DIAG_BC_S_LE:
	case INET_DIAG_BC_D_GE:
	case INET_DIAG_BC_D_LE:
		if (len < sizeof(op))
			break;
		if (fetch_or_print_addr(sc, addr, &op, sizeof(op)))
			print_bc_op(sc, &op);
		return;
	case INET_DIAG_BC_MARK_COND:
		if (len < sizeof(mark))
			break;
		if (fetch_or_print_addr(sc, addr, &mark, sizeof(mark))) {
			pr_struct_begin(sc->p);
			pr_field(sc->p, "mark");
			pr_uint(sc->p, mark.mark);
			pr_field(sc->p, "mask");
			pr_uint(sc->p, mark.mask);
			pr_struct_end(sc->p);
		}
		return;
	}
	print_buf_hex(sc, addr, len);
}

/* INET_DIAG_REQ_BYTECODE: the first op, then its data. */
static bool print_bytecode(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	struct inet_diag_bc_op op;
	if (len < sizeof(op))
		return false;
	if (!fetch_or_print_addr(sc, addr, &op, sizeof(op)))
		return true;
	print_bc_op(sc, &op);
	if (len > sizeof(op))
		print_bc_data(sc, op.code, addr + sizeof(op), len - sizeof(op));
	return true;
}

static const struct nla_spec inet_req_specs[] = {
	[INET_DIAG_REQ_BYTECODE] = { .kind = NLA_KIND_FN, .fn = print_bytecode },
	[INET_DIAG_REQ_PROTOCOL] = { .kind = NLA_KIND_XVAL_ANY, .x = &xlat_net_inet_protocols,
				     .dflt = "IPPROTO_???" },
};
static const struct nla_table inet_req_attrs = NLA_TABLE(&xlat_nl_inet_diag_req_attrs,
							 "INET_DIAG_REQ_???", inet_req_specs);

static const struct nl_field inet_msg_fields[] = {
	F(struct inet_diag_msg, idiag_family, NLF_FAMILY),
	F(struct inet_diag_msg, idiag_state, NLF_XVAL, &xlat_nl_tcp_states, "TCP_???"),
	F(struct inet_diag_msg, idiag_timer, NLF_U),
	F(struct inet_diag_msg, idiag_retrans, NLF_U),
	F(struct inet_diag_msg, id, NLF_SOCKID),
	F(struct inet_diag_msg, idiag_expires, NLF_U),
	F(struct inet_diag_msg, idiag_rqueue, NLF_U),
	F(struct inet_diag_msg, idiag_wqueue, NLF_U),
	F(struct inet_diag_msg, idiag_uid, NLF_U),
	F(struct inet_diag_msg, idiag_inode, NLF_U),
};
static const struct nl_struct inet_msg = NL_STRUCT(struct inet_diag_msg, inet_msg_fields);

static const struct nl_field meminfo_fields[] = {
	F(struct inet_diag_meminfo, idiag_rmem, NLF_U),
	F(struct inet_diag_meminfo, idiag_wmem, NLF_U),
	F(struct inet_diag_meminfo, idiag_fmem, NLF_U),
	F(struct inet_diag_meminfo, idiag_tmem, NLF_U),
};
static const struct nl_struct meminfo = NL_STRUCT(struct inet_diag_meminfo, meminfo_fields);

static const struct nla_spec inet_specs[] = {
	[INET_DIAG_MEMINFO] = { .kind = NLA_KIND_STRUCT, .s = &meminfo },
	[INET_DIAG_CONG] = { .kind = NLA_KIND_STR },
	[INET_DIAG_TOS] = { .kind = NLA_KIND_U8 },
	[INET_DIAG_TCLASS] = { .kind = NLA_KIND_U8 },
	[INET_DIAG_SHUTDOWN] = { .kind = NLA_KIND_FLAGS8, .x = &xlat_nl_shutdown_flags },
	[INET_DIAG_MARK] = { .kind = NLA_KIND_U32 },
	[INET_DIAG_CLASS_ID] = { .kind = NLA_KIND_U32 },
	[INET_DIAG_PROTOCOL] = { .kind = NLA_KIND_XVAL_ANY, .x = &xlat_net_inet_protocols,
				 .dflt = "IPPROTO_???" },
};
static const struct nla_table inet_attrs = NLA_TABLE(&xlat_nl_inet_diag_attrs,
						     "INET_DIAG_???", inet_specs);

/* ---- AF_NETLINK ---- */

static const struct nl_field netlink_msg_fields[] = {
	F(struct netlink_diag_msg, ndiag_family, NLF_FAMILY),
	F(struct netlink_diag_msg, ndiag_type, NLF_XVAL, &xlat_net_socktypes, "SOCK_???"),
	F(struct netlink_diag_msg, ndiag_protocol, NLF_XVAL, &xlat_net_netlink_protocols,
	  "NETLINK_???"),
	F(struct netlink_diag_msg, ndiag_state, NLF_XVAL, &xlat_nl_netlink_states,
	  "NETLINK_???"),
	F(struct netlink_diag_msg, ndiag_portid, NLF_U),
	F(struct netlink_diag_msg, ndiag_dst_portid, NLF_U),
	F(struct netlink_diag_msg, ndiag_dst_group, NLF_U),
	F(struct netlink_diag_msg, ndiag_ino, NLF_U),
	F(struct netlink_diag_msg, ndiag_cookie, NLF_COOKIE),
};
static const struct nl_struct netlink_msg = NL_STRUCT(struct netlink_diag_msg,
						      netlink_msg_fields);

static const struct nl_field netlink_ring_fields[] = {
	F(struct netlink_diag_ring, ndr_block_size, NLF_U),
	F(struct netlink_diag_ring, ndr_block_nr, NLF_U),
	F(struct netlink_diag_ring, ndr_frame_size, NLF_U),
	F(struct netlink_diag_ring, ndr_frame_nr, NLF_U),
};
static const struct nl_struct netlink_ring = NL_STRUCT(struct netlink_diag_ring,
						       netlink_ring_fields);

static const struct nla_spec netlink_specs[] = {
	/* The multicast group bitmap, in unsigned longs (x86_64: 8 bytes). */
	[NETLINK_DIAG_GROUPS] = { .kind = NLA_KIND_ARRAY, .elem = NLA_KIND_0X64 },
	[NETLINK_DIAG_RX_RING] = { .kind = NLA_KIND_STRUCT, .s = &netlink_ring },
	[NETLINK_DIAG_TX_RING] = { .kind = NLA_KIND_STRUCT, .s = &netlink_ring },
	[NETLINK_DIAG_FLAGS] = { .kind = NLA_KIND_FLAGS32, .x = &xlat_nl_netlink_socket_flags,
				 .dflt = "NDIAG_FLAG_???" },
};
static const struct nla_table netlink_attrs = NLA_TABLE(&xlat_nl_netlink_diag_attrs,
							"NETLINK_DIAG_???", netlink_specs);

/* The protocol of a netlink request is NDIAG_PROTO_ALL or a NETLINK_* protocol. */
static const struct xlat_pair proto_all_pair[] = { { NDIAG_PROTO_ALL, "NDIAG_PROTO_ALL" } };
static const struct xlat proto_all = { proto_all_pair, 1 };

static void decode_netlink_req(struct sc *sc, uint64_t addr, unsigned int len)
{
	struct netlink_diag_req req;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "sdiag_family");
	pr_xval(sc->p, &xlat_net_addrfams, AF_NETLINK, "AF_???");
	unsigned int off = sizeof(req.sdiag_family);
	if (len < sizeof(req)) {
		pr_more(sc->p);
	} else if (fetch_or_print_addr(sc, addr + off, (char *)&req + off, sizeof(req) - off)) {
		pr_field(sc->p, "sdiag_protocol");
		if (req.sdiag_protocol == NDIAG_PROTO_ALL)
			pr_xval(sc->p, &proto_all, NDIAG_PROTO_ALL, NULL);
		else
			pr_xval(sc->p, &xlat_net_netlink_protocols, req.sdiag_protocol,
				"NETLINK_???");
		pr_field(sc->p, "ndiag_ino");
		pr_uint(sc->p, req.ndiag_ino);
		pr_field(sc->p, "ndiag_show");
		pr_flags(sc->p, &xlat_nl_netlink_diag_show, req.ndiag_show, "NDIAG_SHOW_???");
		pr_field(sc->p, "ndiag_cookie");
		pr_array_begin(sc->p);
		pr_uint(sc->p, req.ndiag_cookie[0]);
		pr_uint(sc->p, req.ndiag_cookie[1]);
		pr_array_end(sc->p);
	}
	pr_struct_end(sc->p);
}

/* ---- AF_PACKET ---- */

static const struct nl_field packet_req_fields[] = {
	F(struct packet_diag_req, sdiag_family, NLF_FAMILY),
	F(struct packet_diag_req, sdiag_protocol, NLF_X),
	F(struct packet_diag_req, pdiag_ino, NLF_U),
	F(struct packet_diag_req, pdiag_show, NLF_FLAGS, &xlat_nl_packet_diag_show,
	  "PACKET_SHOW_???"),
	F(struct packet_diag_req, pdiag_cookie, NLF_COOKIE),
};
static const struct nl_struct packet_req = NL_STRUCT(struct packet_diag_req,
						     packet_req_fields);

static const struct nl_field packet_msg_fields[] = {
	F(struct packet_diag_msg, pdiag_family, NLF_FAMILY),
	F(struct packet_diag_msg, pdiag_type, NLF_XVAL, &xlat_net_socktypes, "SOCK_???"),
	F(struct packet_diag_msg, pdiag_num, NLF_XVAL, &xlat_net_ethernet_protocols,
	  "ETH_P_???"),
	F(struct packet_diag_msg, pdiag_ino, NLF_U),
	F(struct packet_diag_msg, pdiag_cookie, NLF_COOKIE),
};
static const struct nl_struct packet_msg = NL_STRUCT(struct packet_diag_msg,
						     packet_msg_fields);

static const struct nl_field packet_info_fields[] = {
	F(struct packet_diag_info, pdi_index, NLF_IFINDEX),
	F(struct packet_diag_info, pdi_version, NLF_XVAL, &xlat_nl_af_packet_versions,
	  "TPACKET_???"),
	F(struct packet_diag_info, pdi_reserve, NLF_U),
	F(struct packet_diag_info, pdi_copy_thresh, NLF_U),
	F(struct packet_diag_info, pdi_tstamp, NLF_U),
	F(struct packet_diag_info, pdi_flags, NLF_FLAGS, &xlat_nl_packet_diag_info_flags,
	  "PDI_???"),
};
static const struct nl_struct packet_info = NL_STRUCT(struct packet_diag_info,
						      packet_info_fields);

static const struct nl_field packet_ring_fields[] = {
	F(struct packet_diag_ring, pdr_block_size, NLF_U),
	F(struct packet_diag_ring, pdr_block_nr, NLF_U),
	F(struct packet_diag_ring, pdr_frame_size, NLF_U),
	F(struct packet_diag_ring, pdr_frame_nr, NLF_U),
	F(struct packet_diag_ring, pdr_retire_tmo, NLF_U),
	F(struct packet_diag_ring, pdr_sizeof_priv, NLF_U),
	F(struct packet_diag_ring, pdr_features, NLF_U),
};
static const struct nl_struct packet_ring = NL_STRUCT(struct packet_diag_ring,
						      packet_ring_fields);

/* A multicast list entry: its address is pdmc_alen bytes of pdmc_addr, in hex. */
static bool print_mclist_elem(struct sc *sc, const void *elem, void *data)
{
	const struct packet_diag_mclist *m = elem;
	unsigned int alen = m->pdmc_alen < sizeof(m->pdmc_addr) ? m->pdmc_alen
								 : sizeof(m->pdmc_addr);
	pr_struct_begin(sc->p);
	pr_field(sc->p, "pdmc_index");
	net_print_ifindex(sc->p, m->pdmc_index);
	pr_field(sc->p, "pdmc_count");
	pr_uint(sc->p, m->pdmc_count);
	pr_field(sc->p, "pdmc_type");
	pr_uint(sc->p, m->pdmc_type);
	pr_field(sc->p, "pdmc_alen");
	pr_uint(sc->p, m->pdmc_alen);
	pr_field(sc->p, "pdmc_addr");
	pr_quoted(sc->p, (const char *)m->pdmc_addr, alen, PR_QUOTE_HEX);
	pr_struct_end(sc->p);
	return true;
}

static bool print_mclist(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	unsigned int n = len / sizeof(struct packet_diag_mclist);
	if (!n)
		return false;
	print_array(sc, addr, n, sizeof(struct packet_diag_mclist), 0, print_mclist_elem, NULL);
	return true;
}

/* The socket's classic BPF filter: as many whole instructions as the payload holds. */
static bool print_packet_filter(struct sc *sc, uint64_t addr, unsigned int len,
				const void *ctx)
{
	unsigned int n = len / sizeof(struct sock_filter);
	if (!n || n > UINT16_MAX)
		return false;
	print_socket_insns_at(sc, addr, n);
	return true;
}

static const struct nla_spec packet_specs[] = {
	[PACKET_DIAG_INFO] = { .kind = NLA_KIND_STRUCT, .s = &packet_info },
	[PACKET_DIAG_MCLIST] = { .kind = NLA_KIND_FN, .fn = print_mclist },
	[PACKET_DIAG_RX_RING] = { .kind = NLA_KIND_STRUCT, .s = &packet_ring },
	[PACKET_DIAG_TX_RING] = { .kind = NLA_KIND_STRUCT, .s = &packet_ring },
	[PACKET_DIAG_FANOUT] = { .kind = NLA_KIND_U32 },
	[PACKET_DIAG_UID] = { .kind = NLA_KIND_U32 },
	[PACKET_DIAG_FILTER] = { .kind = NLA_KIND_FN, .fn = print_packet_filter },
};
static const struct nla_table packet_attrs = NLA_TABLE(&xlat_nl_packet_diag_attrs,
						       "PACKET_DIAG_???", packet_specs);

/* ---- AF_SMC: its sockets keep AF_INET socket ids ---- */

static const struct nl_field smc_req_fields[] = {
	F(struct smc_diag_req, diag_family, NLF_FAMILY),
	F(struct smc_diag_req, diag_ext, NLF_FLAGS, &xlat_nl_smc_diag_extended_flags,
	  "1<<(SMC_DIAG_\?\?\?-1)"),
	F(struct smc_diag_req, id, NLF_SOCKID_INET),
};
static const struct nl_struct smc_req = NL_STRUCT(struct smc_diag_req, smc_req_fields);

static const struct nl_field smc_msg_fields[] = {
	F(struct smc_diag_msg, diag_family, NLF_FAMILY),
	F(struct smc_diag_msg, diag_state, NLF_XVAL, &xlat_nl_smc_states, "SMC_???"),
	F(struct smc_diag_msg, diag_fallback, NLF_XVAL, &xlat_nl_smc_diag_modes,
	  "SMC_DIAG_MODE_???"),
	F(struct smc_diag_msg, diag_shutdown, NLF_U),
	F(struct smc_diag_msg, id, NLF_SOCKID_INET),
	F(struct smc_diag_msg, diag_uid, NLF_U),
	F(struct smc_diag_msg, diag_inode, NLF_U),
};
static const struct nl_struct smc_msg = NL_STRUCT(struct smc_diag_msg, smc_msg_fields);

static const struct nla_spec smc_specs[] = {
	[SMC_DIAG_SHUTDOWN] = { .kind = NLA_KIND_FLAGS8, .x = &xlat_nl_shutdown_flags },
};
static const struct nla_table smc_attrs = NLA_TABLE(&xlat_nl_smc_diag_attrs, "SMC_DIAG_???",
						    smc_specs);

/* ---- dispatch ---- */

struct diag_kind {
	const struct nl_struct *req, *msg;
	const struct nla_table *req_attrs, *msg_attrs;
};

static const struct diag_kind diag_kinds[] = {
	[AF_UNIX] = { &unix_req, &unix_msg, NULL, &unix_attrs },
	[AF_INET] = { &inet_req_v2, &inet_msg, &inet_req_attrs, &inet_attrs },
	[AF_INET6] = { &inet_req_v2, &inet_msg, &inet_req_attrs, &inet_attrs },
	[AF_NETLINK] = { NULL, &netlink_msg, NULL, &netlink_attrs },
	[AF_PACKET] = { &packet_req, &packet_msg, NULL, &packet_attrs },
	[AF_SMC] = { &smc_req, &smc_msg, NULL, &smc_attrs },
};

bool nl_sock_diag_payload(struct sc *sc, const struct nlmsghdr *h, uint64_t addr,
			  unsigned int len)
{
	uint8_t family;
	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (!fetch_or_print_addr(sc, addr, &family, sizeof(family)))
		return true;
	bool request = h->nlmsg_flags & NLM_F_REQUEST;
	const struct diag_kind *k = family < sizeof(diag_kinds) / sizeof(diag_kinds[0]) &&
				    len > 1 ? &diag_kinds[family] : NULL;
	if (k && request && family == AF_NETLINK) {
		decode_netlink_req(sc, addr, len);
		return true;
	}
	const struct nl_struct *s = k ? (request ? k->req : k->msg) : NULL;
	if (s) {
		const struct nla_table *attrs = request ? k->req_attrs : k->msg_attrs;
		/* The old TCPDIAG/DCCPDIAG requests carry struct inet_diag_req. */
		if (request && s == &inet_req_v2 &&
		    (h->nlmsg_type == TCPDIAG_GETSOCK || h->nlmsg_type == DCCPDIAG_GETSOCK))
			s = &inet_req;
		nl_decode_hdr_attrs(sc, s, addr, len, attrs, NULL);
		return true;
	}
	pr_struct_begin(sc->p);
	pr_field(sc->p, "family");
	pr_xval(sc->p, &xlat_net_addrfams, family, "AF_???");
	if (len > 1) {
		pr_field(sc->p, "data");
		print_buf_hex(sc, addr + 1, len - 1);
	}
	pr_struct_end(sc->p);
	return true;
}
