/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rtnetlink links' virtual functions as data: IFLA_VFINFO_LIST holds IFLA_VF_INFO nests,
 * each a list of per-VF settings (structs led by the VF number), statistics and VLANs.
 */
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <stddef.h>
#include <string.h>

#include "trace/decode/netlink_route.h"
#include "trace/decode/xlat_net.h"
#include "trace/decode/xlat_netlink.h"

#define F(type, member, kind, ...) NL_FIELD(type, member, kind, __VA_ARGS__)
#define U(type, member) F(type, member, NLF_U)
#define SPEC(kind_) { .kind = kind_ }
#define SPEC_FN(fn_) { .kind = NLA_KIND_FN, .fn = fn_ }
#define SPEC_STRUCT(s_) { .kind = NLA_KIND_STRUCT, .s = &s_ }
#define SPEC_NESTED(t_) { .kind = NLA_KIND_NESTED, .nested = &t_ }

static const struct nl_field vf_mac_fields[] = {
	U(struct ifla_vf_mac, vf),
	F(struct ifla_vf_mac, mac, NLF_MAC),
};
static const struct nl_struct vf_mac = NL_STRUCT(struct ifla_vf_mac, vf_mac_fields);

static const struct nl_field vf_vlan_fields[] = {
	U(struct ifla_vf_vlan, vf), U(struct ifla_vf_vlan, vlan), U(struct ifla_vf_vlan, qos),
};
static const struct nl_struct vf_vlan = NL_STRUCT(struct ifla_vf_vlan, vf_vlan_fields);

static const struct nl_field vf_tx_rate_fields[] = {
	U(struct ifla_vf_tx_rate, vf), U(struct ifla_vf_tx_rate, rate),
};
static const struct nl_struct vf_tx_rate = NL_STRUCT(struct ifla_vf_tx_rate,
						     vf_tx_rate_fields);

static const struct nl_field vf_spoofchk_fields[] = {
	U(struct ifla_vf_spoofchk, vf), U(struct ifla_vf_spoofchk, setting),
};
static const struct nl_struct vf_spoofchk = NL_STRUCT(struct ifla_vf_spoofchk,
						      vf_spoofchk_fields);

static const struct nl_field vf_link_state_fields[] = {
	U(struct ifla_vf_link_state, vf),
	F(struct ifla_vf_link_state, link_state, NLF_XVAL, &xlat_rtnl_ifla_vf_link_states,
	  "IFLA_VF_LINK_STATE_???"),
};
static const struct nl_struct vf_link_state = NL_STRUCT(struct ifla_vf_link_state,
							vf_link_state_fields);

static const struct nl_field vf_rate_fields[] = {
	U(struct ifla_vf_rate, vf), U(struct ifla_vf_rate, min_tx_rate),
	U(struct ifla_vf_rate, max_tx_rate),
};
static const struct nl_struct vf_rate = NL_STRUCT(struct ifla_vf_rate, vf_rate_fields);

static const struct nl_field vf_rss_query_en_fields[] = {
	U(struct ifla_vf_rss_query_en, vf), U(struct ifla_vf_rss_query_en, setting),
};
static const struct nl_struct vf_rss_query_en = NL_STRUCT(struct ifla_vf_rss_query_en,
							  vf_rss_query_en_fields);

static const struct nl_field vf_trust_fields[] = {
	U(struct ifla_vf_trust, vf), U(struct ifla_vf_trust, setting),
};
static const struct nl_struct vf_trust = NL_STRUCT(struct ifla_vf_trust, vf_trust_fields);

static const struct nl_field vf_broadcast_fields[] = {
	F(struct ifla_vf_broadcast, broadcast, NLF_MAC),
};
static const struct nl_struct vf_broadcast = NL_STRUCT(struct ifla_vf_broadcast,
						       vf_broadcast_fields);

/*
 * struct ifla_vf_guid: its u64 guid follows a u32, so the kernel's layout has it at 8
 * (16 bytes) where packed senders put it at 4 (12 bytes); both lengths are decoded.
 */
static bool print_vf_guid(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	unsigned char buf[16];
	if (len != 12 && len != 16)
		return false;
	if (!fetch_or_print_addr(sc, addr, buf, len))
		return true;
	uint32_t vf;
	uint64_t guid;
	memcpy(&vf, buf, sizeof(vf));
	memcpy(&guid, buf + len - sizeof(guid), sizeof(guid));
	pr_struct_begin(sc->p);
	pr_field(sc->p, "vf");
	pr_uint(sc->p, vf);
	pr_field(sc->p, "guid");
	pr_hex(sc->p, guid);
	pr_struct_end(sc->p);
	return true;
}

static const struct nla_spec vf_stats_specs[] = {
	[IFLA_VF_STATS_RX_PACKETS] = SPEC(NLA_KIND_U64),
	[IFLA_VF_STATS_TX_PACKETS] = SPEC(NLA_KIND_U64),
	[IFLA_VF_STATS_RX_BYTES] = SPEC(NLA_KIND_U64),
	[IFLA_VF_STATS_TX_BYTES] = SPEC(NLA_KIND_U64),
	[IFLA_VF_STATS_BROADCAST] = SPEC(NLA_KIND_U64),
	[IFLA_VF_STATS_MULTICAST] = SPEC(NLA_KIND_U64),
	[IFLA_VF_STATS_RX_DROPPED] = SPEC(NLA_KIND_U64),
	[IFLA_VF_STATS_TX_DROPPED] = SPEC(NLA_KIND_U64),
};
static const struct nla_table vf_stats_attrs = NLA_TABLE(&xlat_rtnl_ifla_vf_stats_attrs,
							 "IFLA_VF_STATS_???", vf_stats_specs);

static const struct nl_field vf_vlan_info_fields[] = {
	U(struct ifla_vf_vlan_info, vf), U(struct ifla_vf_vlan_info, vlan),
	U(struct ifla_vf_vlan_info, qos),
	F(struct ifla_vf_vlan_info, vlan_proto, NLF_BE16_XVAL, &xlat_net_ethernet_protocols,
	  "ETH_P_???"),
};
static const struct nl_struct vf_vlan_info = NL_STRUCT(struct ifla_vf_vlan_info,
						       vf_vlan_info_fields);

static const struct nla_spec vf_vlan_list_specs[] = {
	[IFLA_VF_VLAN_INFO] = SPEC_STRUCT(vf_vlan_info),
};
static const struct nla_table vf_vlan_list_attrs =
	NLA_TABLE(&xlat_rtnl_ifla_vf_vlan_list_attrs, "IFLA_VF_VLAN_INFO_???",
		  vf_vlan_list_specs);

static const struct nla_spec vf_info_specs[] = {
	[IFLA_VF_MAC] = SPEC_STRUCT(vf_mac),
	[IFLA_VF_VLAN] = SPEC_STRUCT(vf_vlan),
	[IFLA_VF_TX_RATE] = SPEC_STRUCT(vf_tx_rate),
	[IFLA_VF_SPOOFCHK] = SPEC_STRUCT(vf_spoofchk),
	[IFLA_VF_LINK_STATE] = SPEC_STRUCT(vf_link_state),
	[IFLA_VF_RATE] = SPEC_STRUCT(vf_rate),
	[IFLA_VF_RSS_QUERY_EN] = SPEC_STRUCT(vf_rss_query_en),
	[IFLA_VF_STATS] = SPEC_NESTED(vf_stats_attrs),
	[IFLA_VF_TRUST] = SPEC_STRUCT(vf_trust),
	[IFLA_VF_IB_NODE_GUID] = SPEC_FN(print_vf_guid),
	[IFLA_VF_IB_PORT_GUID] = SPEC_FN(print_vf_guid),
	[IFLA_VF_VLAN_LIST] = SPEC_NESTED(vf_vlan_list_attrs),
	[IFLA_VF_BROADCAST] = SPEC_STRUCT(vf_broadcast),
};
static const struct nla_table vf_info_attrs = NLA_TABLE(&xlat_rtnl_ifla_vf_info_attrs,
							"IFLA_VF_???", vf_info_specs);

static const struct nla_spec vfinfo_list_specs[] = {
	[IFLA_VF_INFO] = SPEC_NESTED(vf_info_attrs),
};
const struct nla_table rtnl_vfinfo_list_attrs =
	NLA_TABLE(&xlat_rtnl_ifla_vfinfo_list_attrs, "IFLA_VF_INFO_???", vfinfo_list_specs);
