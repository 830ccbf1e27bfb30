/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rtnetlink (NETLINK_ROUTE) messages as data: each message type's header struct (the
 * family first, the rest when the message holds all of it) and its attribute table.
 */
#include <linux/dcbnl.h>
#include <linux/fib_rules.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/mroute.h>
#include <linux/mroute6.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/pkt_cls.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include "trace/decode/net_impl.h"
#include "trace/decode/netlink_family.h"
#include "trace/decode/netlink_route.h"
#include "trace/decode/nlattr.h"
#include "trace/decode/xlat_net.h"
#include "trace/decode/xlat_netlink.h"

#define F(type, member, kind, ...) NL_FIELD(type, member, kind, __VA_ARGS__)
#define SPEC(kind_) { .kind = kind_ }
#define SPEC_FN(fn_) { .kind = NLA_KIND_FN, .fn = fn_ }
#define SPEC_XVAL(kind_, x_, dflt_) { .kind = kind_, .x = x_, .dflt = dflt_ }
#define SPEC_STRUCT(s_) { .kind = NLA_KIND_STRUCT, .s = &s_ }

/* An address attribute of the message's family (the header's first byte, in CTX). */
static bool print_family_addr(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	return nla_print_inet_addr(sc, *(const uint8_t *)ctx, addr, len);
}

/* ---- addresses: struct ifaddrmsg ---- */

static const struct nl_field ifa_cacheinfo_fields[] = {
	F(struct ifa_cacheinfo, ifa_prefered, NLF_U),
	F(struct ifa_cacheinfo, ifa_valid, NLF_U),
	F(struct ifa_cacheinfo, cstamp, NLF_U),
	F(struct ifa_cacheinfo, tstamp, NLF_U),
};
static const struct nl_struct ifa_cacheinfo = NL_STRUCT(struct ifa_cacheinfo,
							ifa_cacheinfo_fields);

/* An address of the message's family; a family without one prints in hex. */
static bool print_ifa_address(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	if (!print_family_addr(sc, addr, len, ctx))
		print_buf_hex(sc, addr, len);
	return true;
}

static const struct nla_spec ifaddr_specs[] = {
	[IFA_ADDRESS] = SPEC_FN(print_ifa_address),
	[IFA_LOCAL] = SPEC_FN(print_ifa_address),
	[IFA_LABEL] = SPEC(NLA_KIND_STR),
	[IFA_BROADCAST] = SPEC_FN(print_ifa_address),
	[IFA_ANYCAST] = SPEC_FN(print_ifa_address),
	[IFA_CACHEINFO] = SPEC_STRUCT(ifa_cacheinfo),
	[IFA_MULTICAST] = SPEC_FN(print_ifa_address),
	[IFA_FLAGS] = SPEC_XVAL(NLA_KIND_FLAGS32, &xlat_net_ifaddrflags, "IFA_F_???"),
	[IFA_RT_PRIORITY] = SPEC(NLA_KIND_U32),
	[IFA_TARGET_NETNSID] = SPEC(NLA_KIND_S32),
};
static const struct nla_table ifaddr_attrs = NLA_TABLE(&xlat_net_rtnl_addr_attrs, "IFA_???",
						       ifaddr_specs);

static const struct nl_field ifaddrmsg_fields[] = {
	F(struct ifaddrmsg, ifa_family, NLF_FAMILY),
	F(struct ifaddrmsg, ifa_prefixlen, NLF_U),
	F(struct ifaddrmsg, ifa_flags, NLF_FLAGS, &xlat_net_ifaddrflags, "IFA_F_???"),
	F(struct ifaddrmsg, ifa_scope, NLF_XVAL, &xlat_net_routing_scopes, NULL),
	F(struct ifaddrmsg, ifa_index, NLF_IFINDEX),
};
static const struct nl_struct ifaddrmsg = NL_STRUCT(struct ifaddrmsg, ifaddrmsg_fields);

/* ---- routes: struct rtmsg ---- */

static const struct nl_field rtmsg_fields[] = {
	F(struct rtmsg, rtm_family, NLF_FAMILY),
	F(struct rtmsg, rtm_dst_len, NLF_U),
	F(struct rtmsg, rtm_src_len, NLF_U),
	F(struct rtmsg, rtm_tos, NLF_FLAGS, &xlat_rtnl_ip_type_of_services, "IPTOS_TOS_???"),
	F(struct rtmsg, rtm_table, NLF_XVAL, &xlat_rtnl_routing_table_ids, NULL),
	F(struct rtmsg, rtm_protocol, NLF_XVAL, &xlat_rtnl_routing_protocols, "RTPROT_???"),
	F(struct rtmsg, rtm_scope, NLF_XVAL, &xlat_net_routing_scopes, NULL),
	F(struct rtmsg, rtm_type, NLF_XVAL, &xlat_rtnl_routing_types, "RTN_???"),
	F(struct rtmsg, rtm_flags, NLF_FLAGS, &xlat_rtnl_routing_flags, "RTM_F_???"),
};
static const struct nl_struct rtmsg = NL_STRUCT(struct rtmsg, rtmsg_fields);

static const struct nla_spec metrics_specs[] = {
	[RTAX_LOCK] = SPEC(NLA_KIND_U32),
	[RTAX_MTU] = SPEC(NLA_KIND_U32),
	[RTAX_WINDOW] = SPEC(NLA_KIND_U32),
	[RTAX_RTT] = SPEC(NLA_KIND_U32),
	[RTAX_RTTVAR] = SPEC(NLA_KIND_U32),
	[RTAX_SSTHRESH] = SPEC(NLA_KIND_U32),
	[RTAX_CWND] = SPEC(NLA_KIND_U32),
	[RTAX_ADVMSS] = SPEC(NLA_KIND_U32),
	[RTAX_REORDERING] = SPEC(NLA_KIND_U32),
	[RTAX_HOPLIMIT] = SPEC(NLA_KIND_U32),
	[RTAX_INITCWND] = SPEC(NLA_KIND_U32),
	[RTAX_FEATURES] = SPEC(NLA_KIND_U32),
	[RTAX_RTO_MIN] = SPEC(NLA_KIND_U32),
	[RTAX_INITRWND] = SPEC(NLA_KIND_U32),
	[RTAX_QUICKACK] = SPEC(NLA_KIND_U32),
	[RTAX_CC_ALGO] = SPEC(NLA_KIND_STR),
};
static const struct nla_table metrics_attrs = NLA_TABLE(&xlat_rtnl_rta_metrics_attrs,
							"RTAX_???", metrics_specs);

static const struct nl_field rta_cacheinfo_fields[] = {
	F(struct rta_cacheinfo, rta_clntref, NLF_U),
	F(struct rta_cacheinfo, rta_lastuse, NLF_U),
	F(struct rta_cacheinfo, rta_expires, NLF_U),
	F(struct rta_cacheinfo, rta_error, NLF_U),
	F(struct rta_cacheinfo, rta_used, NLF_U),
	F(struct rta_cacheinfo, rta_id, NLF_X),
	F(struct rta_cacheinfo, rta_ts, NLF_U),
	F(struct rta_cacheinfo, rta_tsage, NLF_U),
};
static const struct nl_struct rta_cacheinfo = NL_STRUCT(struct rta_cacheinfo,
							rta_cacheinfo_fields);

static const struct nl_field rta_mfc_stats_fields[] = {
	F(struct rta_mfc_stats, mfcs_packets, NLF_U),
	F(struct rta_mfc_stats, mfcs_bytes, NLF_U),
	F(struct rta_mfc_stats, mfcs_wrong_if, NLF_U),
};
static const struct nl_struct rta_mfc_stats = NL_STRUCT(struct rta_mfc_stats,
							rta_mfc_stats_fields);

/* struct rtvia: a family, then an address of that family as far as the payload goes. */
static bool print_rtvia(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	struct rtvia via;
	if (len < sizeof(via))
		return false;
	if (!fetch_or_print_addr(sc, addr, &via, sizeof(via)))
		return true;
	pr_struct_begin(sc->p);
	pr_field(sc->p, "rtvia_family");
	pr_xval(sc->p, &xlat_net_addrfams, via.rtvia_family, "AF_???");
	unsigned int off = offsetof(struct rtvia, rtvia_addr);
	if (len > off) {
		uint8_t family = (uint8_t)via.rtvia_family;
		size_t size = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
		unsigned char buf[16];
		if (!size || len - off < size) {
			pr_field(sc->p, "rtvia_addr");
			print_buf_hex(sc, addr + off, len - off);
		} else if (umove(sc, addr + off, buf, size) < 0) {
			pr_field(sc->p, "rtvia_addr");
			print_addr(sc, addr + off);
		} else {
			net_print_inet_addr(sc->p, family, buf, size, "rtvia_addr");
		}
	}
	pr_struct_end(sc->p);
	return true;
}

static const struct nla_table route_attrs;

/*
 * RTA_MULTIPATH: struct rtnexthop records, each followed (within its rtnh_len) by route
 * attributes: [[{rtnh}, attrs], [{rtnh}, attrs]]. The whole struct prints whatever its
 * rtnh_len says; a record of the struct alone prints without brackets.
 */
static bool print_rta_multipath(struct sc *sc, uint64_t addr, unsigned int len,
				const void *ctx)
{
	struct rtnexthop nh;
	const unsigned int hdr = RTNH_ALIGN(sizeof(nh));
	uint64_t cur = addr;
	unsigned int left = len;
	bool is_array = false;
	if (len < sizeof(nh))
		return false;
	while (fetch_or_print_addr(sc, cur, &nh, sizeof(nh))) {
		unsigned int nh_len = nh.rtnh_len < left ? nh.rtnh_len : left;
		if (cur == addr && nh.rtnh_len < len) {
			pr_array_begin(sc->p);
			is_array = true;
		}
		if (nh_len > hdr)
			pr_array_begin(sc->p);
		pr_struct_begin(sc->p);
		pr_field(sc->p, "rtnh_len");
		pr_uint(sc->p, nh.rtnh_len);
		pr_field(sc->p, "rtnh_flags");
		pr_flags(sc->p, &xlat_rtnl_route_nexthop_flags, nh.rtnh_flags, "RTNH_F_???");
		pr_field(sc->p, "rtnh_hops");
		pr_uint(sc->p, nh.rtnh_hops);
		pr_field(sc->p, "rtnh_ifindex");
		net_print_ifindex(sc->p, (unsigned int)nh.rtnh_ifindex);
		pr_struct_end(sc->p);
		if (nh_len > hdr) {
			nl_decode_attrs(sc, cur + hdr, nh_len - hdr, &route_attrs, ctx);
			pr_array_end(sc->p);
		}
		/* A zero rtnh_len would not advance: it ends the list. */
		if (!RTNH_ALIGN(nh_len) || RTNH_ALIGN(nh_len) >= left)
			break;
		cur += RTNH_ALIGN(nh_len);
		left -= RTNH_ALIGN(nh_len);
	}
	if (is_array)
		pr_array_end(sc->p);
	return true;
}

static const struct nla_spec route_specs[] = {
	[RTA_MULTIPATH] = SPEC_FN(print_rta_multipath),
	[RTA_DST] = SPEC_FN(print_family_addr),
	[RTA_SRC] = SPEC_FN(print_family_addr),
	[RTA_IIF] = SPEC(NLA_KIND_IFINDEX),
	[RTA_OIF] = SPEC(NLA_KIND_IFINDEX),
	[RTA_GATEWAY] = SPEC_FN(print_family_addr),
	[RTA_PRIORITY] = SPEC(NLA_KIND_U32),
	[RTA_PREFSRC] = SPEC_FN(print_family_addr),
	[RTA_METRICS] = { .kind = NLA_KIND_NESTED, .nested = &metrics_attrs },
	[RTA_PROTOINFO] = SPEC(NLA_KIND_U32),
	[RTA_CACHEINFO] = SPEC_STRUCT(rta_cacheinfo),
	[RTA_FLOW] = SPEC(NLA_KIND_U32),
	[RTA_MP_ALGO] = SPEC(NLA_KIND_U32),
	[RTA_TABLE] = SPEC_XVAL(NLA_KIND_XVAL32, &xlat_rtnl_routing_table_ids, NULL),
	[RTA_MARK] = SPEC(NLA_KIND_U32),
	[RTA_MFC_STATS] = SPEC_STRUCT(rta_mfc_stats),
	[RTA_VIA] = SPEC_FN(print_rtvia),
	[RTA_NEWDST] = SPEC_FN(print_family_addr),
	[RTA_PREF] = SPEC(NLA_KIND_U8),
	[RTA_ENCAP_TYPE] = SPEC_XVAL(NLA_KIND_XVAL16, &xlat_rtnl_lwtunnel_encap_types,
				     "LWTUNNEL_ENCAP_???"),
	[RTA_EXPIRES] = SPEC(NLA_KIND_U64),
	[RTA_UID] = SPEC(NLA_KIND_U32),
	[RTA_TTL_PROPAGATE] = SPEC(NLA_KIND_U8),
	[RTA_IP_PROTO] = SPEC(NLA_KIND_U8),
	[RTA_SPORT] = SPEC(NLA_KIND_U16),
	[RTA_DPORT] = SPEC(NLA_KIND_U16),
};
static const struct nla_table route_attrs = NLA_TABLE(&xlat_rtnl_route_attrs, "RTA_???",
						      route_specs);

/* ---- neighbours: struct ndmsg ---- */

static const struct nl_field ndmsg_fields[] = {
	F(struct ndmsg, ndm_family, NLF_FAMILY),
	F(struct ndmsg, ndm_ifindex, NLF_IFINDEX),
	F(struct ndmsg, ndm_state, NLF_FLAGS, &xlat_rtnl_neighbor_cache_entry_states, "NUD_???"),
	F(struct ndmsg, ndm_flags, NLF_FLAGS, &xlat_rtnl_neighbor_cache_entry_flags, "NTF_???"),
	F(struct ndmsg, ndm_type, NLF_XVAL, &xlat_rtnl_routing_types, "RTN_???"),
};
static const struct nl_struct ndmsg = NL_STRUCT(struct ndmsg, ndmsg_fields);

static const struct nl_field nda_cacheinfo_fields[] = {
	F(struct nda_cacheinfo, ndm_confirmed, NLF_U),
	F(struct nda_cacheinfo, ndm_used, NLF_U),
	F(struct nda_cacheinfo, ndm_updated, NLF_U),
	F(struct nda_cacheinfo, ndm_refcnt, NLF_U),
};
static const struct nl_struct nda_cacheinfo = NL_STRUCT(struct nda_cacheinfo,
							nda_cacheinfo_fields);

static const struct nla_spec fdb_ext_specs[] = {
	[NFEA_ACTIVITY_NOTIFY] = SPEC_XVAL(NLA_KIND_FLAGS8, &xlat_rtnl_fdb_notify_flags,
					   "FDB_NOTIFY_???"),
};
static const struct nla_table fdb_ext_attrs = NLA_TABLE(&xlat_rtnl_neigh_fdb_ext_attrs,
							"NFEA_???", fdb_ext_specs);

static const struct nla_spec neigh_specs[] = {
	[NDA_DST] = SPEC_FN(print_family_addr),
	[NDA_LLADDR] = SPEC(NLA_KIND_HWADDR),
	[NDA_CACHEINFO] = SPEC_STRUCT(nda_cacheinfo),
	[NDA_PROBES] = SPEC(NLA_KIND_U32),
	[NDA_VLAN] = SPEC(NLA_KIND_U16),
	[NDA_PORT] = SPEC(NLA_KIND_BE16),
	[NDA_VNI] = SPEC(NLA_KIND_U32),
	[NDA_IFINDEX] = SPEC(NLA_KIND_IFINDEX),
	[NDA_MASTER] = SPEC(NLA_KIND_IFINDEX),
	[NDA_LINK_NETNSID] = SPEC(NLA_KIND_U32),
	[NDA_SRC_VNI] = SPEC(NLA_KIND_U32),
	[NDA_PROTOCOL] = SPEC_XVAL(NLA_KIND_XVAL_ANY, &xlat_net_inet_protocols, "IPPROTO_???"),
	[NDA_NH_ID] = SPEC(NLA_KIND_U32),
	[NDA_FDB_EXT_ATTRS] = { .kind = NLA_KIND_NESTED, .nested = &fdb_ext_attrs },
	[NDA_FLAGS_EXT] = SPEC_XVAL(NLA_KIND_FLAGS32, &xlat_rtnl_neighbor_cache_entry_ext_flags,
				    "NTF_EXT_???"),
	[NDA_NDM_STATE_MASK] = SPEC_XVAL(NLA_KIND_FLAGS16, &xlat_rtnl_neighbor_cache_entry_states,
					 "NUD_???"),
	[NDA_NDM_FLAGS_MASK] = SPEC_XVAL(NLA_KIND_FLAGS8, &xlat_rtnl_neighbor_cache_entry_flags,
					 "NTF_???"),
};
static const struct nla_table neigh_attrs = NLA_TABLE(&xlat_rtnl_neigh_attrs, "NDA_???",
						      neigh_specs);

/* ---- rules: struct fib_rule_hdr ---- */

static const struct nl_field fib_rule_fields[] = {
	F(struct fib_rule_hdr, family, NLF_FAMILY),
	F(struct fib_rule_hdr, dst_len, NLF_U),
	F(struct fib_rule_hdr, src_len, NLF_U),
	F(struct fib_rule_hdr, tos, NLF_FLAGS, &xlat_rtnl_ip_type_of_services, "IPTOS_TOS_???"),
	F(struct fib_rule_hdr, table, NLF_XVAL, &xlat_rtnl_routing_table_ids, "RT_TABLE_???"),
	F(struct fib_rule_hdr, action, NLF_XVAL, &xlat_rtnl_fib_rule_actions, "FR_ACT_???"),
	F(struct fib_rule_hdr, flags, NLF_FLAGS, &xlat_rtnl_fib_rule_flags, "FIB_RULE_???"),
};
static const struct nl_struct fib_rule_hdr = NL_STRUCT(struct fib_rule_hdr, fib_rule_fields);

static const struct nl_field uid_range_fields[] = {
	F(struct fib_rule_uid_range, start, NLF_U),
	F(struct fib_rule_uid_range, end, NLF_U),
};
static const struct nl_struct uid_range = NL_STRUCT(struct fib_rule_uid_range,
						    uid_range_fields);

static const struct nl_field port_range_fields[] = {
	F(struct fib_rule_port_range, start, NLF_U),
	F(struct fib_rule_port_range, end, NLF_U),
};
static const struct nl_struct port_range = NL_STRUCT(struct fib_rule_port_range,
						     port_range_fields);

static const struct nla_spec rule_specs[] = {
	[FRA_DST] = SPEC_FN(print_family_addr),
	[FRA_SRC] = SPEC_FN(print_family_addr),
	[FRA_IIFNAME] = SPEC(NLA_KIND_STR),
	[FRA_GOTO] = SPEC(NLA_KIND_U32),
	[FRA_PRIORITY] = SPEC(NLA_KIND_U32),
	[FRA_FWMARK] = SPEC(NLA_KIND_U32),
	[FRA_FLOW] = SPEC(NLA_KIND_U32),
	[FRA_TUN_ID] = SPEC(NLA_KIND_BE64),
	[FRA_SUPPRESS_IFGROUP] = SPEC(NLA_KIND_U32),
	[FRA_SUPPRESS_PREFIXLEN] = SPEC(NLA_KIND_U32),
	[FRA_TABLE] = SPEC_XVAL(NLA_KIND_XVAL32, &xlat_rtnl_routing_table_ids, NULL),
	[FRA_FWMASK] = SPEC(NLA_KIND_U32),
	[FRA_OIFNAME] = SPEC(NLA_KIND_STR),
	[FRA_L3MDEV] = SPEC(NLA_KIND_U8),
	[FRA_UID_RANGE] = SPEC_STRUCT(uid_range),
	[FRA_PROTOCOL] = SPEC_XVAL(NLA_KIND_XVAL8, &xlat_rtnl_routing_protocols, "RTPROT_???"),
	[FRA_IP_PROTO] = SPEC_XVAL(NLA_KIND_XVAL_ANY, &xlat_net_inet_protocols, "IPPROTO_???"),
	[FRA_SPORT_RANGE] = SPEC_STRUCT(port_range),
	[FRA_DPORT_RANGE] = SPEC_STRUCT(port_range),
};
static const struct nla_table rule_attrs = NLA_TABLE(&xlat_rtnl_rule_attrs, "FRA_???",
						     rule_specs);

/* ---- neighbour tables, address labels, DCB, netconf, MDB, nsid, stats, nexthops ---- */

static const struct nl_field ndtmsg_fields[] = {
	F(struct ndtmsg, ndtm_family, NLF_FAMILY),
};
static const struct nl_struct ndtmsg = NL_STRUCT(struct ndtmsg, ndtmsg_fields);

static const struct nl_field ndt_config_fields[] = {
	F(struct ndt_config, ndtc_key_len, NLF_U),
	F(struct ndt_config, ndtc_entry_size, NLF_U),
	F(struct ndt_config, ndtc_entries, NLF_U),
	F(struct ndt_config, ndtc_last_flush, NLF_U),
	F(struct ndt_config, ndtc_last_rand, NLF_U),
	F(struct ndt_config, ndtc_hash_rnd, NLF_U),
	F(struct ndt_config, ndtc_hash_mask, NLF_0X),
	F(struct ndt_config, ndtc_hash_chain_gc, NLF_U),
	F(struct ndt_config, ndtc_proxy_qlen, NLF_U),
};
static const struct nl_struct ndt_config = NL_STRUCT(struct ndt_config, ndt_config_fields);

static const struct nl_field ndt_stats_fields[] = {
	F(struct ndt_stats, ndts_allocs, NLF_U),
	F(struct ndt_stats, ndts_destroys, NLF_U),
	F(struct ndt_stats, ndts_hash_grows, NLF_U),
	F(struct ndt_stats, ndts_res_failed, NLF_U),
	F(struct ndt_stats, ndts_lookups, NLF_U),
	F(struct ndt_stats, ndts_hits, NLF_U),
	F(struct ndt_stats, ndts_rcv_probes_mcast, NLF_U),
	F(struct ndt_stats, ndts_rcv_probes_ucast, NLF_U),
	F(struct ndt_stats, ndts_periodic_gc_runs, NLF_U),
	F(struct ndt_stats, ndts_forced_gc_runs, NLF_U),
	F(struct ndt_stats, ndts_table_fulls, NLF_U),
};
static const struct nl_struct ndt_stats = NL_STRUCT(struct ndt_stats, ndt_stats_fields);

static const struct nla_spec neightbl_parms_specs[] = {
	[NDTPA_IFINDEX] = SPEC(NLA_KIND_IFINDEX),
	[NDTPA_REFCNT] = SPEC(NLA_KIND_U32),
	[NDTPA_REACHABLE_TIME] = SPEC(NLA_KIND_U64),
	[NDTPA_BASE_REACHABLE_TIME] = SPEC(NLA_KIND_U64),
	[NDTPA_RETRANS_TIME] = SPEC(NLA_KIND_U64),
	[NDTPA_GC_STALETIME] = SPEC(NLA_KIND_U64),
	[NDTPA_DELAY_PROBE_TIME] = SPEC(NLA_KIND_U64),
	[NDTPA_QUEUE_LEN] = SPEC(NLA_KIND_U32),
	[NDTPA_APP_PROBES] = SPEC(NLA_KIND_U32),
	[NDTPA_UCAST_PROBES] = SPEC(NLA_KIND_U32),
	[NDTPA_MCAST_PROBES] = SPEC(NLA_KIND_U32),
	[NDTPA_ANYCAST_DELAY] = SPEC(NLA_KIND_U64),
	[NDTPA_PROXY_DELAY] = SPEC(NLA_KIND_U64),
	[NDTPA_PROXY_QLEN] = SPEC(NLA_KIND_U32),
	[NDTPA_LOCKTIME] = SPEC(NLA_KIND_U64),
	[NDTPA_QUEUE_LENBYTES] = SPEC(NLA_KIND_U32),
	[NDTPA_MCAST_REPROBES] = SPEC(NLA_KIND_U32),
	[NDTPA_INTERVAL_PROBE_TIME_MS] = SPEC(NLA_KIND_U64),
};
static const struct nla_table neightbl_parms_attrs = NLA_TABLE(&xlat_rtnl_neightbl_parms_attrs,
							       "NDTPA_???",
							       neightbl_parms_specs);

static const struct nla_spec neightbl_specs[] = {
	[NDTA_NAME] = SPEC(NLA_KIND_STR),
	[NDTA_THRESH1] = SPEC(NLA_KIND_U32),
	[NDTA_THRESH2] = SPEC(NLA_KIND_U32),
	[NDTA_THRESH3] = SPEC(NLA_KIND_U32),
	[NDTA_CONFIG] = SPEC_STRUCT(ndt_config),
	[NDTA_PARMS] = { .kind = NLA_KIND_NESTED, .nested = &neightbl_parms_attrs },
	[NDTA_STATS] = SPEC_STRUCT(ndt_stats),
	[NDTA_GC_INTERVAL] = SPEC(NLA_KIND_U64),
};
static const struct nla_table neightbl_attrs = NLA_TABLE(&xlat_rtnl_neightbl_attrs,
							 "NDTA_???", neightbl_specs);

static const struct nl_field ifaddrlblmsg_fields[] = {
	F(struct ifaddrlblmsg, ifal_family, NLF_FAMILY),
	F(struct ifaddrlblmsg, ifal_prefixlen, NLF_U),
	F(struct ifaddrlblmsg, ifal_flags, NLF_U),
	F(struct ifaddrlblmsg, ifal_index, NLF_IFINDEX),
	F(struct ifaddrlblmsg, ifal_seq, NLF_U),
};
static const struct nl_struct ifaddrlblmsg = NL_STRUCT(struct ifaddrlblmsg,
						       ifaddrlblmsg_fields);

static const struct nla_spec addrlabel_specs[] = {
	[IFAL_ADDRESS] = SPEC_FN(print_family_addr),
	[IFAL_LABEL] = SPEC(NLA_KIND_U32),
};
static const struct nla_table addrlabel_attrs = NLA_TABLE(&xlat_rtnl_addrlabel_attrs,
							  "IFAL_???", addrlabel_specs);

static const struct nl_field dcbmsg_fields[] = {
	F(struct dcbmsg, dcb_family, NLF_FAMILY),
	F(struct dcbmsg, cmd, NLF_XVAL, &xlat_rtnl_dcb_commands, "DCB_CMD_???"),
};
static const struct nl_struct dcbmsg = NL_STRUCT(struct dcbmsg, dcbmsg_fields);
static const struct nla_table dcb_attrs = { &xlat_rtnl_dcb_attrs, "DCB_ATTR_???", NULL, 0 };

static const struct nl_field netconfmsg_fields[] = {
	F(struct netconfmsg, ncm_family, NLF_FAMILY),
};
static const struct nl_struct netconfmsg = NL_STRUCT(struct netconfmsg, netconfmsg_fields);

static const struct nla_spec netconf_specs[] = {
	[NETCONFA_IFINDEX] = SPEC(NLA_KIND_IFINDEX),
	[NETCONFA_FORWARDING] = SPEC(NLA_KIND_S32),
	[NETCONFA_RP_FILTER] = SPEC(NLA_KIND_S32),
	[NETCONFA_MC_FORWARDING] = SPEC(NLA_KIND_S32),
	[NETCONFA_PROXY_NEIGH] = SPEC(NLA_KIND_S32),
	[NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN] = SPEC(NLA_KIND_S32),
	[NETCONFA_INPUT] = SPEC(NLA_KIND_S32),
	[NETCONFA_BC_FORWARDING] = SPEC(NLA_KIND_S32),
};
static const struct nla_table netconf_attrs = NLA_TABLE(&xlat_rtnl_netconf_attrs,
							"NETCONFA_???", netconf_specs);

static const struct nl_field br_port_msg_fields[] = {
	F(struct br_port_msg, family, NLF_FAMILY),
	F(struct br_port_msg, ifindex, NLF_IFINDEX),
};
static const struct nl_struct br_port_msg = NL_STRUCT(struct br_port_msg, br_port_msg_fields);

static const struct nl_field rtgenmsg_fields[] = {
	F(struct rtgenmsg, rtgen_family, NLF_FAMILY),
};
static const struct nl_struct rtgenmsg = NL_STRUCT(struct rtgenmsg, rtgenmsg_fields);

static const struct nla_spec nsid_specs[] = {
	[NETNSA_NSID] = SPEC(NLA_KIND_S32),
	[NETNSA_PID] = SPEC(NLA_KIND_U32),
	[NETNSA_FD] = SPEC(NLA_KIND_FD),
	[NETNSA_TARGET_NSID] = SPEC(NLA_KIND_S32),
	[NETNSA_CURRENT_NSID] = SPEC(NLA_KIND_S32),
};
static const struct nla_table nsid_attrs = NLA_TABLE(&xlat_rtnl_nsid_attrs, "NETNSA_???",
						     nsid_specs);

static const struct nl_field if_stats_msg_fields[] = {
	F(struct if_stats_msg, family, NLF_FAMILY),
	F(struct if_stats_msg, pad1, NLF_X_NONZERO),
	F(struct if_stats_msg, pad2, NLF_X_NONZERO),
	F(struct if_stats_msg, ifindex, NLF_IFINDEX),
	F(struct if_stats_msg, filter_mask, NLF_FLAGS, &xlat_rtnl_ifstats_attr_flags,
	  "1<<IFLA_STATS_???"),
};
static const struct nl_struct if_stats_msg = NL_STRUCT(struct if_stats_msg,
						       if_stats_msg_fields);

static const struct nl_field nhmsg_fields[] = {
	F(struct nhmsg, nh_family, NLF_FAMILY),
	F(struct nhmsg, nh_scope, NLF_XVAL, &xlat_net_routing_scopes, NULL),
	F(struct nhmsg, nh_protocol, NLF_XVAL, &xlat_rtnl_routing_protocols, "RTPROT_???"),
	F(struct nhmsg, resvd, NLF_X_NONZERO),
	F(struct nhmsg, nh_flags, NLF_FLAGS, &xlat_rtnl_route_nexthop_flags, "RTNH_F_???"),
};
static const struct nl_struct nhmsg = NL_STRUCT(struct nhmsg, nhmsg_fields);

static const struct nla_spec nexthop_specs[] = {
	[NHA_ID] = SPEC(NLA_KIND_U32),
	[NHA_OIF] = SPEC(NLA_KIND_IFINDEX),
	[NHA_GATEWAY] = SPEC_FN(print_family_addr),
	[NHA_ENCAP_TYPE] = SPEC(NLA_KIND_U16),
	[NHA_MASTER] = SPEC(NLA_KIND_IFINDEX),
};
static const struct nla_table nexthop_attrs = NLA_TABLE(&xlat_rtnl_nexthop_attrs, "NHA_???",
							nexthop_specs);

/* ---- multicast routing cache reports: struct rtgenmsg, attributes by family ---- */

static const struct nla_spec ipmra_creport_specs[] = {
	[IPMRA_CREPORT_MSGTYPE] = SPEC_XVAL(NLA_KIND_XVAL8, &xlat_rtnl_ipmra_msg_types,
					    "IGMPMSG_???"),
	[IPMRA_CREPORT_VIF_ID] = SPEC(NLA_KIND_U32),
	[IPMRA_CREPORT_SRC_ADDR] = SPEC(NLA_KIND_IN_ADDR),
	[IPMRA_CREPORT_DST_ADDR] = SPEC(NLA_KIND_IN_ADDR),
	[IPMRA_CREPORT_TABLE] = SPEC(NLA_KIND_U32),
};
static const struct nla_table ipmra_creport_attrs = NLA_TABLE(&xlat_rtnl_ipmra_creport_attr,
							      "IPMRA_CREPORT_???",
							      ipmra_creport_specs);

static const struct nla_spec ip6mra_creport_specs[] = {
	[IP6MRA_CREPORT_MSGTYPE] = SPEC_XVAL(NLA_KIND_XVAL8, &xlat_rtnl_ip6mra_msg_types,
					     "MRT6MSG_???"),
	[IP6MRA_CREPORT_MIF_ID] = SPEC(NLA_KIND_U32),
	[IP6MRA_CREPORT_SRC_ADDR] = SPEC(NLA_KIND_IN6_ADDR),
	[IP6MRA_CREPORT_DST_ADDR] = SPEC(NLA_KIND_IN6_ADDR),
};
static const struct nla_table ip6mra_creport_attrs = NLA_TABLE(&xlat_rtnl_ip6mra_creport_attr,
							       "IP6MRA_CREPORT_???",
							       ip6mra_creport_specs);

/*
 * The family is RTNL_FAMILY_IPMR/IP6MR or an AF_*; only the multicast routing families
 * have attributes, the rest of another family's report prints in hex.
 */
static void decode_cachereport(struct sc *sc, uint8_t family, uint64_t addr, unsigned int len)
{
	pr_struct_begin(sc->p);
	pr_field(sc->p, "rtgen_family");
	if (xlat_lookup(&xlat_rtnl_family, family))
		pr_xval(sc->p, &xlat_rtnl_family, family, NULL);
	else
		pr_xval(sc->p, &xlat_net_addrfams, family, "RTNL_FAMILY_???");
	pr_struct_end(sc->p);
	unsigned int offset = NLMSG_ALIGN(sizeof(struct rtgenmsg));
	if (len <= offset)
		return;
	if (family == RTNL_FAMILY_IPMR)
		nl_decode_attrs(sc, addr + offset, len - offset, &ipmra_creport_attrs, NULL);
	else if (family == RTNL_FAMILY_IP6MR)
		nl_decode_attrs(sc, addr + offset, len - offset, &ip6mra_creport_attrs, NULL);
	else
		print_buf_hex(sc, addr + offset, len - offset);
}

/* ---- message types ---- */

struct rtnl_msg {
	const struct nl_struct *hdr;
	const struct nla_table *attrs;
};

#define MSG3(base, h, a) \
	[base - RTM_BASE] = { &h, a }, [base + 1 - RTM_BASE] = { &h, a }, \
	[base + 2 - RTM_BASE] = { &h, a }

static const struct rtnl_msg rtnl_msgs[] = {
	MSG3(RTM_NEWLINK, rtnl_ifinfomsg, &rtnl_link_attrs),
	[RTM_SETLINK - RTM_BASE] = { &rtnl_ifinfomsg, &rtnl_link_attrs },
	MSG3(RTM_NEWADDR, ifaddrmsg, &ifaddr_attrs),
	MSG3(RTM_NEWROUTE, rtmsg, &route_attrs),
	MSG3(RTM_NEWNEIGH, ndmsg, &neigh_attrs),
	MSG3(RTM_NEWRULE, fib_rule_hdr, &rule_attrs),
	MSG3(RTM_NEWQDISC, rtnl_tcmsg, &rtnl_tc_attrs),
	MSG3(RTM_NEWTCLASS, rtnl_tcmsg, &rtnl_tc_attrs),
	MSG3(RTM_NEWTFILTER, rtnl_tcmsg, &rtnl_tc_attrs),
	MSG3(RTM_NEWACTION, rtnl_tcamsg, &rtnl_tc_action_attrs),
	[RTM_GETMULTICAST - RTM_BASE] = { &ifaddrmsg, &ifaddr_attrs },
	[RTM_GETANYCAST - RTM_BASE] = { &ifaddrmsg, &ifaddr_attrs },
	[RTM_NEWNEIGHTBL - RTM_BASE] = { &ndtmsg, &neightbl_attrs },
	[RTM_GETNEIGHTBL - RTM_BASE] = { &ndtmsg, &neightbl_attrs },
	[RTM_SETNEIGHTBL - RTM_BASE] = { &ndtmsg, &neightbl_attrs },
	MSG3(RTM_NEWADDRLABEL, ifaddrlblmsg, &addrlabel_attrs),
	[RTM_GETDCB - RTM_BASE] = { &dcbmsg, &dcb_attrs },
	[RTM_SETDCB - RTM_BASE] = { &dcbmsg, &dcb_attrs },
	MSG3(RTM_NEWNETCONF, netconfmsg, &netconf_attrs),
	MSG3(RTM_NEWMDB, br_port_msg, &rtnl_mdb_attrs),
	MSG3(RTM_NEWNSID, rtgenmsg, &nsid_attrs),
	[RTM_NEWSTATS - RTM_BASE] = { &if_stats_msg, &rtnl_ifstats_attrs },
	[RTM_GETSTATS - RTM_BASE] = { &if_stats_msg, &rtnl_ifstats_attrs },
	MSG3(RTM_NEWCHAIN, rtnl_tcmsg, &rtnl_tc_attrs),
	MSG3(RTM_NEWNEXTHOP, nhmsg, &nexthop_attrs),
};

/* A message without a decoder: its family, then the rest in hex. */
static void print_family_data(struct sc *sc, uint8_t family, uint64_t addr, unsigned int len)
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

bool nl_route_payload(struct sc *sc, const struct nlmsghdr *h, uint64_t addr,
		      unsigned int len)
{
	uint8_t family;
	if (h->nlmsg_type == NLMSG_DONE)
		return false;
	if (!fetch_or_print_addr(sc, addr, &family, sizeof(family)))
		return true;
	unsigned int idx = h->nlmsg_type - RTM_BASE;
	const struct rtnl_msg *m = NULL;
	if (h->nlmsg_type >= RTM_BASE && idx < sizeof(rtnl_msgs) / sizeof(rtnl_msgs[0]))
		m = &rtnl_msgs[idx];
	/* A bridge's RTM_GETNEIGH asks for links (an ifinfomsg). */
	if (h->nlmsg_type == RTM_GETNEIGH && family == AF_BRIDGE)
		m = &rtnl_msgs[RTM_GETLINK - RTM_BASE];
	if (h->nlmsg_type == RTM_NEWCACHEREPORT) {
		decode_cachereport(sc, family, addr, len);
		return true;
	}
	if (!m || !m->hdr) {
		print_family_data(sc, family, addr, len);
		return true;
	}
	nl_decode_hdr_attrs(sc, m->hdr, addr, len, m->attrs, NULL);
	return true;
}
