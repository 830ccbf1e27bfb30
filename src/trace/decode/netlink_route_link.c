/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rtnetlink links as data: struct ifinfomsg, its attributes (IFLA_*) and their nests,
 * which depend on the message's family (IFLA_PROTINFO) or on the nest's own type.
 */
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
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

/* The protocol information of the link's family (ifi_family, the first byte of CTX). */
static bool print_ifla_protinfo(struct sc *sc, uint64_t addr, unsigned int len,
				const void *ctx)
{
	const struct ifinfomsg *ifi = ctx;
	if (ifi->ifi_family == AF_BRIDGE)
		nl_decode_attrs(sc, addr, len, &brport_attrs, ctx);
	else
		print_buf_hex(sc, addr, len);
	return true;
}

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

