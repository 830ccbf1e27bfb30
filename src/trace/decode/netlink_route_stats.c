/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rtnetlink interface statistics (RTM_*STATS, struct if_stats_msg) as data: the 64-bit
 * link counters, the extended statistics of bridges and bonds, offload counters and the
 * per-family statistics (MPLS).
 */
#include <linux/if_bonding.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/mpls.h>
#include <sys/socket.h>

#include "trace/decode/netlink_route.h"
#include "trace/decode/xlat_net.h"
#include "trace/decode/xlat_netlink.h"

#define F(type, member, kind, ...) NL_FIELD(type, member, kind, __VA_ARGS__)
#define U(type, member) F(type, member, NLF_U)
#define SPEC(kind_) { .kind = kind_ }
#define SPEC_TAIL(s_) { .kind = NLA_KIND_STRUCT_TAIL, .s = &s_ }
#define SPEC_NESTED(t_) { .kind = NLA_KIND_NESTED, .nested = &t_ }

/* ---- bridges ---- */

static const struct nl_field vlan_xstats_fields[] = {
	U(struct bridge_vlan_xstats, rx_bytes), U(struct bridge_vlan_xstats, rx_packets),
	U(struct bridge_vlan_xstats, tx_bytes), U(struct bridge_vlan_xstats, tx_packets),
	U(struct bridge_vlan_xstats, vid),
	F(struct bridge_vlan_xstats, flags, NLF_FLAGS, &xlat_rtnl_bridge_vlan_flags,
	  "BRIDGE_VLAN_INFO_???"),
	F(struct bridge_vlan_xstats, pad2, NLF_X_NONZERO),
};
static const struct nl_struct vlan_xstats = NL_STRUCT(struct bridge_vlan_xstats,
						      vlan_xstats_fields);

/* Most counters are per direction: [[BR_MCAST_DIR_RX]=a, [BR_MCAST_DIR_TX]=b]. */
#define DIRS(member) F(struct br_mcast_stats, member, NLF_INDEXED_U64, &xlat_rtnl_br_mcast_dirs)
static const struct nl_field mcast_stats_fields[] = {
	DIRS(igmp_v1queries),
	DIRS(igmp_v2queries),
	DIRS(igmp_v3queries),
	DIRS(igmp_leaves),
	DIRS(igmp_v1reports),
	DIRS(igmp_v2reports),
	DIRS(igmp_v3reports),
	F(struct br_mcast_stats, igmp_parse_errors, NLF_U),
	DIRS(mld_v1queries),
	DIRS(mld_v2queries),
	DIRS(mld_leaves),
	DIRS(mld_v1reports),
	DIRS(mld_v2reports),
	F(struct br_mcast_stats, mld_parse_errors, NLF_U),
	DIRS(mcast_bytes),
	DIRS(mcast_packets),
};
static const struct nl_struct mcast_stats = NL_STRUCT(struct br_mcast_stats,
						      mcast_stats_fields);

static const struct nl_field stp_xstats_fields[] = {
	U(struct bridge_stp_xstats, transition_blk), U(struct bridge_stp_xstats, transition_fwd),
	U(struct bridge_stp_xstats, rx_bpdu), U(struct bridge_stp_xstats, tx_bpdu),
	U(struct bridge_stp_xstats, rx_tcn), U(struct bridge_stp_xstats, tx_tcn),
};
static const struct nl_struct stp_xstats = NL_STRUCT(struct bridge_stp_xstats,
						     stp_xstats_fields);

static const struct nla_spec bridge_specs[] = {
	[BRIDGE_XSTATS_VLAN] = SPEC_TAIL(vlan_xstats),
	[BRIDGE_XSTATS_MCAST] = SPEC_TAIL(mcast_stats),
	[BRIDGE_XSTATS_STP] = SPEC_TAIL(stp_xstats),
};
static const struct nla_table bridge_attrs = NLA_TABLE(&xlat_rtnl_ifstats_xstats_bridge_attrs,
						       "BRIDGE_XSTATS_???", bridge_specs);

/* ---- bonds ---- */

static const struct nla_spec bond_3ad_specs[] = {
	[BOND_3AD_STAT_LACPDU_RX] = SPEC(NLA_KIND_U64),
	[BOND_3AD_STAT_LACPDU_TX] = SPEC(NLA_KIND_U64),
	[BOND_3AD_STAT_LACPDU_UNKNOWN_RX] = SPEC(NLA_KIND_U64),
	[BOND_3AD_STAT_LACPDU_ILLEGAL_RX] = SPEC(NLA_KIND_U64),
	[BOND_3AD_STAT_MARKER_RX] = SPEC(NLA_KIND_U64),
	[BOND_3AD_STAT_MARKER_TX] = SPEC(NLA_KIND_U64),
	[BOND_3AD_STAT_MARKER_RESP_RX] = SPEC(NLA_KIND_U64),
	[BOND_3AD_STAT_MARKER_RESP_TX] = SPEC(NLA_KIND_U64),
	[BOND_3AD_STAT_MARKER_UNKNOWN_RX] = SPEC(NLA_KIND_U64),
};
/* strace names an unknown 3AD counter BOND_XSTATS_???, as its parent's. */
static const struct nla_table bond_3ad_attrs =
	NLA_TABLE(&xlat_rtnl_ifstats_xstats_bond_3ad_attrs, "BOND_XSTATS_???", bond_3ad_specs);

static const struct nla_spec bond_specs[] = {
	[BOND_XSTATS_3AD] = SPEC_NESTED(bond_3ad_attrs),
};
static const struct nla_table bond_attrs = NLA_TABLE(&xlat_rtnl_ifstats_xstats_bond_attrs,
						     "BOND_XSTATS_???", bond_specs);

static const struct nla_spec xstats_specs[] = {
	[LINK_XSTATS_TYPE_BRIDGE] = SPEC_NESTED(bridge_attrs),
	[LINK_XSTATS_TYPE_BOND] = SPEC_NESTED(bond_attrs),
};
static const struct nla_table xstats_attrs = NLA_TABLE(&xlat_rtnl_ifstats_xstats_type_attrs,
						       "LINK_XSTATS_TYPE_???", xstats_specs);

static const struct nla_spec offload_specs[] = {
	[IFLA_OFFLOAD_XSTATS_CPU_HIT] = { .kind = NLA_KIND_STRUCT, .s = &rtnl_link_stats64 },
};
static const struct nla_table offload_attrs = NLA_TABLE(&xlat_rtnl_ifstats_offload_attrs,
							"IFLA_OFFLOAD_XSTATS_???", offload_specs);

/* ---- per family: attributes named by AF_*, of which MPLS has its own ---- */

static const struct nl_field mpls_stats_fields[] = {
	U(struct mpls_link_stats, rx_packets), U(struct mpls_link_stats, tx_packets),
	U(struct mpls_link_stats, rx_bytes), U(struct mpls_link_stats, tx_bytes),
	U(struct mpls_link_stats, rx_errors), U(struct mpls_link_stats, tx_errors),
	U(struct mpls_link_stats, rx_dropped), U(struct mpls_link_stats, tx_dropped),
	U(struct mpls_link_stats, rx_noroute),
};
static const struct nl_struct mpls_stats = NL_STRUCT(struct mpls_link_stats,
						     mpls_stats_fields);

static const struct nla_spec mpls_specs[] = {
	[MPLS_STATS_LINK] = SPEC_TAIL(mpls_stats),
};
static const struct nla_table mpls_attrs = NLA_TABLE(&xlat_rtnl_ifstats_af_spec_mpls_attrs,
						     "MPLS_STATS_???", mpls_specs);

static const struct nla_spec af_specs[] = {
	[AF_MPLS] = SPEC_NESTED(mpls_attrs),
};
static const struct nla_table af_attrs = NLA_TABLE(&xlat_net_addrfams, "AF_???", af_specs);

static const struct nla_spec ifstats_specs[] = {
	[IFLA_STATS_LINK_64] = { .kind = NLA_KIND_STRUCT, .s = &rtnl_link_stats64 },
	[IFLA_STATS_LINK_XSTATS] = SPEC_NESTED(xstats_attrs),
	[IFLA_STATS_LINK_XSTATS_SLAVE] = SPEC_NESTED(xstats_attrs),
	[IFLA_STATS_LINK_OFFLOAD_XSTATS] = SPEC_NESTED(offload_attrs),
	[IFLA_STATS_AF_SPEC] = SPEC_NESTED(af_attrs),
};
const struct nla_table rtnl_ifstats_attrs = NLA_TABLE(&xlat_rtnl_ifstats_attrs,
						      "IFLA_STATS_???", ifstats_specs);
