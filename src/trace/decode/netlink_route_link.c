/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rtnetlink links as data: struct ifinfomsg, its attributes (IFLA_*) and their nests,
 * which depend on the message's family (IFLA_PROTINFO) or on the nest's own type.
 */
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <stddef.h>
#include <sys/socket.h>

#include "trace/decode/netlink_route.h"
#include "trace/decode/xlat_net.h"
#include "trace/decode/xlat_netlink.h"

#define F(type, member, kind, ...) NL_FIELD(type, member, kind, __VA_ARGS__)
#define SPEC(kind_) { .kind = kind_ }
#define SPEC_FN(fn_) { .kind = NLA_KIND_FN, .fn = fn_ }
#define SPEC_XVAL(kind_, x_, dflt_) { .kind = kind_, .x = x_, .dflt = dflt_ }
#define SPEC_STRUCT(s_) { .kind = NLA_KIND_STRUCT, .s = &s_ }
#define SPEC_NESTED(t_) { .kind = NLA_KIND_NESTED, .nested = &t_ }

/* ---- IFLA_PROTINFO of AF_BRIDGE: a bridge port ---- */

/* struct ifla_bridge_id: {prio=[171, 205], addr=ab:cd:ef:ac:bc:cd} */
static bool print_bridge_id(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	struct ifla_bridge_id id;
	if (len < sizeof(id))
		return false;
	if (!fetch_or_print_addr(sc, addr, &id, sizeof(id)))
		return true;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "prio");
	pr_array_begin(sc->p);
	pr_uint(sc->p, id.prio[0]);
	pr_uint(sc->p, id.prio[1]);
	pr_array_end(sc->p);
	pr_field(sc->p, "addr");
	nl_print_hwaddr(sc, id.addr, sizeof(id.addr));
	pr_struct_end(sc->p);
	return true;
}

static const struct nla_spec brport_specs[] = {
	[IFLA_BRPORT_STATE] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_PRIORITY] = SPEC(NLA_KIND_U16),
	[IFLA_BRPORT_COST] = SPEC(NLA_KIND_U32),
	[IFLA_BRPORT_MODE] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_GUARD] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_PROTECT] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_FAST_LEAVE] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_LEARNING] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_UNICAST_FLOOD] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_PROXYARP] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_LEARNING_SYNC] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_PROXYARP_WIFI] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_ROOT_ID] = SPEC_FN(print_bridge_id),
	[IFLA_BRPORT_BRIDGE_ID] = SPEC_FN(print_bridge_id),
	[IFLA_BRPORT_DESIGNATED_PORT] = SPEC(NLA_KIND_U16),
	[IFLA_BRPORT_DESIGNATED_COST] = SPEC(NLA_KIND_U16),
	[IFLA_BRPORT_ID] = SPEC(NLA_KIND_U16),
	[IFLA_BRPORT_NO] = SPEC(NLA_KIND_U16),
	[IFLA_BRPORT_TOPOLOGY_CHANGE_ACK] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_CONFIG_PENDING] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_MESSAGE_AGE_TIMER] = SPEC(NLA_KIND_CLOCK_T),
	[IFLA_BRPORT_FORWARD_DELAY_TIMER] = SPEC(NLA_KIND_CLOCK_T),
	[IFLA_BRPORT_HOLD_TIMER] = SPEC(NLA_KIND_CLOCK_T),
	[IFLA_BRPORT_MULTICAST_ROUTER] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_MCAST_FLOOD] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_MCAST_TO_UCAST] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_VLAN_TUNNEL] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_BCAST_FLOOD] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_GROUP_FWD_MASK] = SPEC(NLA_KIND_X16),
	[IFLA_BRPORT_NEIGH_SUPPRESS] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_ISOLATED] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_BACKUP_PORT] = SPEC(NLA_KIND_IFINDEX),
	[IFLA_BRPORT_MRP_RING_OPEN] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_MRP_IN_OPEN] = SPEC(NLA_KIND_U8),
	[IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT] = SPEC(NLA_KIND_U32),
	[IFLA_BRPORT_MCAST_EHT_HOSTS_CNT] = SPEC(NLA_KIND_U32),
	[IFLA_BRPORT_LOCKED] = SPEC(NLA_KIND_U8),
};
static const struct nla_table brport_attrs = NLA_TABLE(&xlat_rtnl_ifla_brport_attrs,
						       "IFLA_BRPORT_???", brport_specs);

/* ---- IFLA_PROTINFO of AF_INET6 (as in IFLA_AF_SPEC): the IPv6 device ---- */

static const struct nl_field ifla_cacheinfo_fields[] = {
	F(struct ifla_cacheinfo, max_reasm_len, NLF_U),
	F(struct ifla_cacheinfo, tstamp, NLF_U),
	F(struct ifla_cacheinfo, reachable_time, NLF_U),
	F(struct ifla_cacheinfo, retrans_time, NLF_U),
};
static const struct nl_struct ifla_cacheinfo = NL_STRUCT(struct ifla_cacheinfo,
							 ifla_cacheinfo_fields);

/* CONF, STATS and ICMP6STATS are arrays indexed by DEVCONF_*, IPSTATS_MIB_*, ICMP6_MIB_*. */
static const struct nla_spec inet6_specs[] = {
	[IFLA_INET6_FLAGS] = SPEC_XVAL(NLA_KIND_FLAGS32, &xlat_rtnl_inet6_if_flags, "IF_???"),
	[IFLA_INET6_CONF] = { .kind = NLA_KIND_ARRAY, .elem = NLA_KIND_S32,
			      .x = &xlat_rtnl_inet6_devconf_indices, .dflt = "DEVCONF_???" },
	[IFLA_INET6_STATS] = { .kind = NLA_KIND_ARRAY, .elem = NLA_KIND_U64,
			       .x = &xlat_rtnl_snmp_ip_stats, .dflt = "IPSTATS_MIB_???" },
	[IFLA_INET6_CACHEINFO] = SPEC_STRUCT(ifla_cacheinfo),
	[IFLA_INET6_ICMP6STATS] = { .kind = NLA_KIND_ARRAY, .elem = NLA_KIND_U64,
				    .x = &xlat_rtnl_snmp_icmp6_stats, .dflt = "ICMP6_MIB_???" },
	[IFLA_INET6_TOKEN] = SPEC(NLA_KIND_IN6_ADDR),
	[IFLA_INET6_ADDR_GEN_MODE] = SPEC_XVAL(NLA_KIND_XVAL8, &xlat_rtnl_in6_addr_gen_mode,
					       "IN6_ADDR_GEN_MODE_???"),
	[IFLA_INET6_RA_MTU] = SPEC(NLA_KIND_U32),
};
static const struct nla_table inet6_attrs = NLA_TABLE(&xlat_rtnl_ifla_inet6_attrs,
						      "IFLA_INET6_???", inet6_specs);

/* The protocol information of the link's family (ifi_family, the first byte of CTX). */
static bool print_ifla_protinfo(struct sc *sc, uint64_t addr, unsigned int len,
				const void *ctx)
{
	const struct ifinfomsg *ifi = ctx;
	if (ifi->ifi_family == AF_BRIDGE)
		nl_decode_attrs(sc, addr, len, &brport_attrs, ctx);
	else if (ifi->ifi_family == AF_INET6)
		nl_decode_attrs(sc, addr, len, &inet6_attrs, ctx);
	else
		print_buf_hex(sc, addr, len);
	return true;
}

/* ---- statistics and the device map ---- */

#define END_OF(type, member) (offsetof(type, member) + sizeof(((type *)0)->member))
#define U(type, member) F(type, member, NLF_U)

static const struct nl_field link_stats_fields[] = {
	U(struct rtnl_link_stats, rx_packets), U(struct rtnl_link_stats, tx_packets),
	U(struct rtnl_link_stats, rx_bytes), U(struct rtnl_link_stats, tx_bytes),
	U(struct rtnl_link_stats, rx_errors), U(struct rtnl_link_stats, tx_errors),
	U(struct rtnl_link_stats, rx_dropped), U(struct rtnl_link_stats, tx_dropped),
	U(struct rtnl_link_stats, multicast), U(struct rtnl_link_stats, collisions),
	U(struct rtnl_link_stats, rx_length_errors), U(struct rtnl_link_stats, rx_over_errors),
	U(struct rtnl_link_stats, rx_crc_errors), U(struct rtnl_link_stats, rx_frame_errors),
	U(struct rtnl_link_stats, rx_fifo_errors), U(struct rtnl_link_stats, rx_missed_errors),
	U(struct rtnl_link_stats, tx_aborted_errors),
	U(struct rtnl_link_stats, tx_carrier_errors),
	U(struct rtnl_link_stats, tx_fifo_errors),
	U(struct rtnl_link_stats, tx_heartbeat_errors),
	U(struct rtnl_link_stats, tx_window_errors), U(struct rtnl_link_stats, rx_compressed),
	U(struct rtnl_link_stats, tx_compressed), U(struct rtnl_link_stats, rx_nohandler),
};
/* Before rx_nohandler (Linux 4.6) the struct ended at tx_compressed. */
static const uint16_t link_stats_older[] = { END_OF(struct rtnl_link_stats, tx_compressed), 0 };
static const struct nl_struct link_stats = {
	link_stats_fields, sizeof(link_stats_fields) / sizeof(link_stats_fields[0]),
	sizeof(struct rtnl_link_stats), false, link_stats_older
};

static const struct nl_field link_stats64_fields[] = {
	U(struct rtnl_link_stats64, rx_packets), U(struct rtnl_link_stats64, tx_packets),
	U(struct rtnl_link_stats64, rx_bytes), U(struct rtnl_link_stats64, tx_bytes),
	U(struct rtnl_link_stats64, rx_errors), U(struct rtnl_link_stats64, tx_errors),
	U(struct rtnl_link_stats64, rx_dropped), U(struct rtnl_link_stats64, tx_dropped),
	U(struct rtnl_link_stats64, multicast), U(struct rtnl_link_stats64, collisions),
	U(struct rtnl_link_stats64, rx_length_errors),
	U(struct rtnl_link_stats64, rx_over_errors),
	U(struct rtnl_link_stats64, rx_crc_errors),
	U(struct rtnl_link_stats64, rx_frame_errors),
	U(struct rtnl_link_stats64, rx_fifo_errors),
	U(struct rtnl_link_stats64, rx_missed_errors),
	U(struct rtnl_link_stats64, tx_aborted_errors),
	U(struct rtnl_link_stats64, tx_carrier_errors),
	U(struct rtnl_link_stats64, tx_fifo_errors),
	U(struct rtnl_link_stats64, tx_heartbeat_errors),
	U(struct rtnl_link_stats64, tx_window_errors),
	U(struct rtnl_link_stats64, rx_compressed),
	U(struct rtnl_link_stats64, tx_compressed),
	U(struct rtnl_link_stats64, rx_nohandler),
	U(struct rtnl_link_stats64, rx_otherhost_dropped),
};
/* Linux 4.6 added rx_nohandler, 5.19 rx_otherhost_dropped. */
static const uint16_t link_stats64_older[] = {
	END_OF(struct rtnl_link_stats64, rx_nohandler),
	END_OF(struct rtnl_link_stats64, tx_compressed), 0
};
const struct nl_struct rtnl_link_stats64 = {
	link_stats64_fields, sizeof(link_stats64_fields) / sizeof(link_stats64_fields[0]),
	sizeof(struct rtnl_link_stats64), false, link_stats64_older
};

/* struct rtnl_link_ifmap up to port: its tail padding is not the kernel's. */
static const struct nl_field ifmap_fields[] = {
	F(struct rtnl_link_ifmap, mem_start, NLF_X),
	F(struct rtnl_link_ifmap, mem_end, NLF_X),
	F(struct rtnl_link_ifmap, base_addr, NLF_X),
	U(struct rtnl_link_ifmap, irq),
	U(struct rtnl_link_ifmap, dma),
	U(struct rtnl_link_ifmap, port),
};
static const struct nl_struct ifmap = {
	ifmap_fields, 6, END_OF(struct rtnl_link_ifmap, port), false, NULL
};

/* ---- nests of their own type ---- */

static const struct nla_spec info_specs[] = {
	[IFLA_INFO_KIND] = SPEC(NLA_KIND_STR),
	[IFLA_INFO_SLAVE_KIND] = SPEC(NLA_KIND_STR),
};
static const struct nla_table info_attrs = NLA_TABLE(&xlat_rtnl_ifla_info_attrs,
						     "IFLA_INFO_???", info_specs);

/* struct ifla_port_vsi: the type id in hex, the padding only when not zero. */
static bool print_port_vsi(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	struct ifla_port_vsi vsi;
	if (len < sizeof(vsi))
		return false;
	if (!fetch_or_print_addr(sc, addr, &vsi, sizeof(vsi)))
		return true;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "vsi_mgr_id");
	pr_uint(sc->p, vsi.vsi_mgr_id);
	pr_field(sc->p, "vsi_type_id");
	pr_quoted(sc->p, (const char *)vsi.vsi_type_id, sizeof(vsi.vsi_type_id), PR_QUOTE_HEX);
	pr_field(sc->p, "vsi_type_version");
	pr_uint(sc->p, vsi.vsi_type_version);
	bool pad = false;
	for (size_t i = 0; i < sizeof(vsi.pad); i++)
		pad |= vsi.pad[i] != 0;
	if (pad) {
		pr_field(sc->p, "pad");
		pr_quoted(sc->p, (const char *)vsi.pad, sizeof(vsi.pad), PR_QUOTE_HEX);
	}
	pr_struct_end(sc->p);
	return true;
}

static const struct nla_spec port_specs[] = {
	[IFLA_PORT_VF] = SPEC(NLA_KIND_U32),
	[IFLA_PORT_PROFILE] = SPEC(NLA_KIND_STR),
	[IFLA_PORT_VSI_TYPE] = SPEC_FN(print_port_vsi),
	[IFLA_PORT_REQUEST] = SPEC(NLA_KIND_U8),
	[IFLA_PORT_RESPONSE] = SPEC(NLA_KIND_U16),
};
static const struct nla_table port_attrs = NLA_TABLE(&xlat_rtnl_ifla_port_attrs,
						     "IFLA_VF_PORT_???", port_specs);

static const struct nla_spec vf_port_specs[] = {
	[IFLA_VF_PORT] = SPEC_NESTED(port_attrs),
};
static const struct nla_table vf_port_attrs = NLA_TABLE(&xlat_rtnl_ifla_vf_port_attrs,
							"IFLA_VF_PORT_???", vf_port_specs);

static const struct nla_spec xdp_specs[] = {
	[IFLA_XDP_FD] = SPEC(NLA_KIND_FD),
	[IFLA_XDP_ATTACHED] = SPEC_XVAL(NLA_KIND_XVAL8, &xlat_rtnl_ifla_xdp_attached_mode,
					"XDP_ATTACHED_???"),
	[IFLA_XDP_FLAGS] = SPEC_XVAL(NLA_KIND_FLAGS32, &xlat_rtnl_xdp_flags, "XDP_FLAGS_???"),
	[IFLA_XDP_PROG_ID] = SPEC(NLA_KIND_U32),
	[IFLA_XDP_DRV_PROG_ID] = SPEC(NLA_KIND_U32),
	[IFLA_XDP_SKB_PROG_ID] = SPEC(NLA_KIND_U32),
	[IFLA_XDP_HW_PROG_ID] = SPEC(NLA_KIND_U32),
	[IFLA_XDP_EXPECTED_FD] = SPEC(NLA_KIND_FD),
};
static const struct nla_table xdp_attrs = NLA_TABLE(&xlat_rtnl_ifla_xdp_attrs,
						    "IFLA_XDP_???", xdp_specs);

static const struct nla_spec proto_down_reason_specs[] = {
	[IFLA_PROTO_DOWN_REASON_MASK] = SPEC(NLA_KIND_X32),
	[IFLA_PROTO_DOWN_REASON_VALUE] = SPEC(NLA_KIND_X32),
};
static const struct nla_table proto_down_reason_attrs =
	NLA_TABLE(&xlat_rtnl_ifla_proto_down_reason_attrs, "IFLA_PROTO_DOWN_REASON_???",
		  proto_down_reason_specs);

/* IFLA_PROP_LIST holds link attributes; only alternative names are decoded there. */
static const struct nla_spec prop_list_specs[] = {
	[IFLA_ALT_IFNAME] = SPEC(NLA_KIND_STR),
};
static const struct nla_table prop_list_attrs = NLA_TABLE(&xlat_rtnl_link_attrs, "IFLA_???",
							  prop_list_specs);

/* ---- struct ifinfomsg ---- */

static const struct nl_field ifinfomsg_fields[] = {
	F(struct ifinfomsg, ifi_family, NLF_FAMILY),
	F(struct ifinfomsg, ifi_type, NLF_XVAL, &xlat_net_arp_hardware_types, "ARPHRD_???"),
	F(struct ifinfomsg, ifi_index, NLF_IFINDEX),
	F(struct ifinfomsg, ifi_flags, NLF_FLAGS, &xlat_rtnl_iffflags, "IFF_???"),
	F(struct ifinfomsg, ifi_change, NLF_X),
};
const struct nl_struct rtnl_ifinfomsg = NL_STRUCT(struct ifinfomsg, ifinfomsg_fields);

static const struct nla_spec link_specs[] = {
	[IFLA_PROTINFO] = SPEC_FN(print_ifla_protinfo),
	[IFLA_STATS] = SPEC_STRUCT(link_stats),
	[IFLA_MAP] = SPEC_STRUCT(ifmap),
	[IFLA_LINKINFO] = SPEC_NESTED(info_attrs),
	[IFLA_VFINFO_LIST] = SPEC_NESTED(rtnl_vfinfo_list_attrs),
	[IFLA_STATS64] = SPEC_STRUCT(rtnl_link_stats64),
	[IFLA_VF_PORTS] = SPEC_NESTED(vf_port_attrs),
	[IFLA_PORT_SELF] = SPEC_NESTED(port_attrs),
	[IFLA_XDP] = SPEC_NESTED(xdp_attrs),
	[IFLA_PROP_LIST] = SPEC_NESTED(prop_list_attrs),
	[IFLA_PROTO_DOWN_REASON] = SPEC_NESTED(proto_down_reason_attrs),
	[IFLA_IFNAME] = SPEC(NLA_KIND_STR),
	[IFLA_MTU] = SPEC(NLA_KIND_U32),
	[IFLA_LINK] = SPEC(NLA_KIND_U32),
	[IFLA_QDISC] = SPEC(NLA_KIND_STR),
	[IFLA_MASTER] = SPEC(NLA_KIND_U32),
	[IFLA_TXQLEN] = SPEC(NLA_KIND_U32),
	[IFLA_WEIGHT] = SPEC(NLA_KIND_U32),
	[IFLA_OPERSTATE] = SPEC(NLA_KIND_U8),
	[IFLA_LINKMODE] = SPEC(NLA_KIND_U8),
	[IFLA_NET_NS_PID] = SPEC(NLA_KIND_U32),
	[IFLA_IFALIAS] = SPEC(NLA_KIND_STR),
	[IFLA_NUM_VF] = SPEC(NLA_KIND_U32),
	[IFLA_GROUP] = SPEC(NLA_KIND_U32),
	[IFLA_NET_NS_FD] = SPEC(NLA_KIND_FD),
	[IFLA_EXT_MASK] = SPEC_XVAL(NLA_KIND_FLAGS32, &xlat_rtnl_ext_filter_flags,
				    "RTEXT_FILTER_???"),
	[IFLA_PROMISCUITY] = SPEC(NLA_KIND_U32),
	[IFLA_NUM_TX_QUEUES] = SPEC(NLA_KIND_U32),
	[IFLA_NUM_RX_QUEUES] = SPEC(NLA_KIND_U32),
	[IFLA_CARRIER] = SPEC(NLA_KIND_U8),
	[IFLA_PHYS_PORT_ID] = SPEC(NLA_KIND_HEX),
	[IFLA_CARRIER_CHANGES] = SPEC(NLA_KIND_U32),
	[IFLA_PHYS_SWITCH_ID] = SPEC(NLA_KIND_HEX),
	[IFLA_LINK_NETNSID] = SPEC(NLA_KIND_S32),
	[IFLA_PHYS_PORT_NAME] = SPEC(NLA_KIND_STR),
	[IFLA_PROTO_DOWN] = SPEC(NLA_KIND_U8),
	[IFLA_GSO_MAX_SEGS] = SPEC(NLA_KIND_U32),
	[IFLA_GSO_MAX_SIZE] = SPEC(NLA_KIND_U32),
	[IFLA_EVENT] = SPEC_XVAL(NLA_KIND_XVAL32, &xlat_rtnl_ifla_events, "IFLA_EVENT_???"),
	[IFLA_NEW_NETNSID] = SPEC(NLA_KIND_S32),
	[IFLA_IF_NETNSID] = SPEC(NLA_KIND_S32),
	[IFLA_CARRIER_UP_COUNT] = SPEC(NLA_KIND_U32),
	[IFLA_CARRIER_DOWN_COUNT] = SPEC(NLA_KIND_U32),
	[IFLA_NEW_IFINDEX] = SPEC(NLA_KIND_IFINDEX),
	[IFLA_MIN_MTU] = SPEC(NLA_KIND_U32),
	[IFLA_MAX_MTU] = SPEC(NLA_KIND_U32),
	[IFLA_ALT_IFNAME] = SPEC(NLA_KIND_STR),
	[IFLA_PARENT_DEV_NAME] = SPEC(NLA_KIND_STR),
	[IFLA_PARENT_DEV_BUS_NAME] = SPEC(NLA_KIND_STR),
	[IFLA_GRO_MAX_SIZE] = SPEC(NLA_KIND_U32),
	[IFLA_TSO_MAX_SIZE] = SPEC(NLA_KIND_U32),
	[IFLA_TSO_MAX_SEGS] = SPEC(NLA_KIND_U32),
};
const struct nla_table rtnl_link_attrs = NLA_TABLE(&xlat_rtnl_link_attrs, "IFLA_???", link_specs);

