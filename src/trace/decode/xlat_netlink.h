/* SPDX-License-Identifier: Apache-2.0 */
/* Constant tables of the netlink decoders (xlat_netlink.c, xlat_rtnl.c). */
#ifndef SYSRAY_TRACE_DECODE_XLAT_NETLINK_H
#define SYSRAY_TRACE_DECODE_XLAT_NETLINK_H

#include "schema/xlat.h"

extern const struct xlat xlat_nl_audit_types;
extern const struct xlat xlat_nl_crypto_types;
extern const struct xlat xlat_nl_selinux_types;
extern const struct xlat xlat_nl_xfrm_types;
extern const struct xlat xlat_nl_netfilter_msg_types;
extern const struct xlat xlat_nl_netfilter_subsys_ids;
extern const struct xlat xlat_nl_nf_ctnetlink_msg_types;
extern const struct xlat xlat_nl_nf_ctnetlink_exp_msg_types;
extern const struct xlat xlat_nl_nf_queue_msg_types;
extern const struct xlat xlat_nl_nf_ulog_msg_types;
extern const struct xlat xlat_nl_nf_osf_msg_types;
extern const struct xlat xlat_nl_nf_ipset_msg_types;
extern const struct xlat xlat_nl_nf_acct_msg_types;
extern const struct xlat xlat_nl_nf_cttimeout_msg_types;
extern const struct xlat xlat_nl_nf_cthelper_msg_types;
extern const struct xlat xlat_nl_nf_nftables_msg_types;
extern const struct xlat xlat_nl_nf_nft_compat_msg_types;
extern const struct xlat xlat_nl_nf_hook_msg_types;
extern const struct xlat xlat_nl_netfilter_versions;
extern const struct xlat xlat_nl_crypto_nl_attrs;
extern const struct xlat xlat_nl_inet_diag_attrs;
extern const struct xlat xlat_nl_inet_diag_req_attrs;
extern const struct xlat xlat_nl_inet_diag_extended_flags;
extern const struct xlat xlat_nl_tcp_states;
extern const struct xlat xlat_nl_tcp_state_flags;
extern const struct xlat xlat_nl_shutdown_flags;
extern const struct xlat xlat_nl_unix_diag_attrs;
extern const struct xlat xlat_nl_unix_diag_show;
extern const struct xlat xlat_nl_netlink_diag_attrs;
extern const struct xlat xlat_nl_netlink_diag_show;
extern const struct xlat xlat_nl_netlink_socket_flags;
extern const struct xlat xlat_nl_netlink_states;
extern const struct xlat xlat_nl_af_packet_versions;
extern const struct xlat xlat_nl_packet_diag_attrs;
extern const struct xlat xlat_nl_packet_diag_info_flags;
extern const struct xlat xlat_nl_packet_diag_show;
extern const struct xlat xlat_nl_smc_diag_attrs;
extern const struct xlat xlat_nl_smc_diag_extended_flags;
extern const struct xlat xlat_nl_smc_states;
extern const struct xlat xlat_nl_smc_diag_modes;
extern const struct xlat xlat_nl_inet_diag_bytecodes;
extern const struct xlat xlat_rtnl_iffflags;
extern const struct xlat xlat_rtnl_routing_table_ids;
extern const struct xlat xlat_rtnl_routing_protocols;
extern const struct xlat xlat_rtnl_routing_types;
extern const struct xlat xlat_rtnl_routing_flags;
extern const struct xlat xlat_rtnl_ip_type_of_services;
extern const struct xlat xlat_rtnl_route_nexthop_flags;
extern const struct xlat xlat_rtnl_neighbor_cache_entry_states;
extern const struct xlat xlat_rtnl_neighbor_cache_entry_flags;
extern const struct xlat xlat_rtnl_fib_rule_actions;
extern const struct xlat xlat_rtnl_fib_rule_flags;
extern const struct xlat xlat_rtnl_dcb_commands;
extern const struct xlat xlat_rtnl_ifstats_attrs;
extern const struct xlat xlat_rtnl_ifstats_attr_flags;
extern const struct xlat xlat_rtnl_family;
extern const struct xlat xlat_rtnl_link_attrs;
extern const struct xlat xlat_rtnl_route_attrs;
extern const struct xlat xlat_rtnl_neigh_attrs;
extern const struct xlat xlat_rtnl_rule_attrs;
extern const struct xlat xlat_rtnl_tc_attrs;
extern const struct xlat xlat_rtnl_tc_action_attrs;
extern const struct xlat xlat_rtnl_neightbl_attrs;
extern const struct xlat xlat_rtnl_addrlabel_attrs;
extern const struct xlat xlat_rtnl_dcb_attrs;
extern const struct xlat xlat_rtnl_netconf_attrs;
extern const struct xlat xlat_rtnl_mdb_attrs;
extern const struct xlat xlat_rtnl_nsid_attrs;
extern const struct xlat xlat_rtnl_nexthop_attrs;
extern const struct xlat xlat_rtnl_ipmra_msg_types;
extern const struct xlat xlat_rtnl_ip6mra_msg_types;
extern const struct xlat xlat_rtnl_ipmra_creport_attr;
extern const struct xlat xlat_rtnl_ip6mra_creport_attr;

extern const struct xlat xlat_nl_nlmsgerr_attrs;
extern const struct xlat xlat_rtnl_rta_metrics_attrs;
extern const struct xlat xlat_rtnl_lwtunnel_encap_types;
extern const struct xlat xlat_rtnl_ext_filter_flags;
extern const struct xlat xlat_rtnl_ifla_events;
/* xlat_rtnl_stats.c */
extern const struct xlat xlat_rtnl_ifstats_xstats_type_attrs;
extern const struct xlat xlat_rtnl_ifstats_xstats_bridge_attrs;
extern const struct xlat xlat_rtnl_ifstats_xstats_bond_attrs;
extern const struct xlat xlat_rtnl_ifstats_xstats_bond_3ad_attrs;
extern const struct xlat xlat_rtnl_ifstats_offload_attrs;
extern const struct xlat xlat_rtnl_ifstats_af_spec_mpls_attrs;
extern const struct xlat xlat_rtnl_br_mcast_dirs;
extern const struct xlat xlat_rtnl_bridge_vlan_flags;
/* xlat_rtnl_mdb.c */
extern const struct xlat xlat_rtnl_mdb_flags;
extern const struct xlat xlat_rtnl_mdb_states;
extern const struct xlat xlat_rtnl_multicast_router_types;
extern const struct xlat xlat_rtnl_mdba_mdb_attrs;
extern const struct xlat xlat_rtnl_mdba_mdb_entry_attrs;
extern const struct xlat xlat_rtnl_mdba_mdb_eattr_attrs;
extern const struct xlat xlat_rtnl_mdba_router_attrs;
extern const struct xlat xlat_rtnl_mdba_router_pattr_attrs;
/* xlat_rtnl_link.c */
extern const struct xlat xlat_rtnl_ifla_brport_attrs;
extern const struct xlat xlat_rtnl_ifla_vfinfo_list_attrs;
extern const struct xlat xlat_rtnl_ifla_vf_info_attrs;
extern const struct xlat xlat_rtnl_ifla_vf_stats_attrs;
extern const struct xlat xlat_rtnl_ifla_vf_vlan_list_attrs;
extern const struct xlat xlat_rtnl_ifla_vf_link_states;
extern const struct xlat xlat_rtnl_inet6_if_flags;
extern const struct xlat xlat_rtnl_inet6_devconf_indices;
extern const struct xlat xlat_rtnl_snmp_ip_stats;
extern const struct xlat xlat_rtnl_snmp_icmp6_stats;
extern const struct xlat xlat_rtnl_in6_addr_gen_mode;
extern const struct xlat xlat_rtnl_ifla_inet6_attrs;
extern const struct xlat xlat_rtnl_ifla_port_attrs;
extern const struct xlat xlat_rtnl_ifla_vf_port_attrs;
extern const struct xlat xlat_rtnl_ifla_xdp_attrs;
extern const struct xlat xlat_rtnl_ifla_xdp_attached_mode;
extern const struct xlat xlat_rtnl_xdp_flags;
extern const struct xlat xlat_rtnl_ifla_proto_down_reason_attrs;
extern const struct xlat xlat_rtnl_ifla_info_attrs;
/* xlat_rtnl_nest.c */
extern const struct xlat xlat_rtnl_tca_stats_attrs;
extern const struct xlat xlat_rtnl_tca_stab_attrs;
extern const struct xlat xlat_rtnl_tca_act_flags;
extern const struct xlat xlat_rtnl_tca_act_hw_stats;
extern const struct xlat xlat_rtnl_neightbl_parms_attrs;
extern const struct xlat xlat_rtnl_neigh_fdb_ext_attrs;
extern const struct xlat xlat_rtnl_fdb_notify_flags;
extern const struct xlat xlat_rtnl_neighbor_cache_entry_ext_flags;

#endif
