/* SPDX-License-Identifier: Apache-2.0 */
/* Constant tables of the network decoders (xlat_net.c). */
#ifndef SYSRAY_TRACE_DECODE_XLAT_NET_H
#define SYSRAY_TRACE_DECODE_XLAT_NET_H

#include "schema/xlat.h"

extern const struct xlat xlat_net_addrfams;
extern const struct xlat xlat_net_socktypes;
extern const struct xlat xlat_net_sock_type_flags;
extern const struct xlat xlat_net_inet_protocols;
extern const struct xlat xlat_net_msg_flags;
extern const struct xlat xlat_net_socketlayers;
extern const struct xlat xlat_net_shutdown_modes;
extern const struct xlat xlat_net_scmvals;
extern const struct xlat xlat_net_ip_cmsg_types;
extern const struct xlat xlat_net_sock_options;
extern const struct xlat xlat_net_getsock_options;
extern const struct xlat xlat_net_setsock_options;
extern const struct xlat xlat_net_sock_ip_options;
extern const struct xlat xlat_net_getsock_ip_options;
extern const struct xlat xlat_net_setsock_ip_options;
extern const struct xlat xlat_net_sock_ipv6_options;
extern const struct xlat xlat_net_getsock_ipv6_options;
extern const struct xlat xlat_net_setsock_ipv6_options;
extern const struct xlat xlat_net_sock_tcp_options;
extern const struct xlat xlat_net_sock_udp_options;
extern const struct xlat xlat_net_sock_netlink_options;
extern const struct xlat xlat_net_sock_packet_options;
extern const struct xlat xlat_net_sock_raw_options;
extern const struct xlat xlat_net_netlink_protocols;
extern const struct xlat xlat_net_ethernet_protocols;
extern const struct xlat xlat_net_arp_hardware_types;
extern const struct xlat xlat_net_af_packet_types;
extern const struct xlat xlat_net_sockopt_txrehash_vals;
extern const struct xlat xlat_net_packet_mreq_type;
extern const struct xlat xlat_net_netlink_types;
extern const struct xlat xlat_net_netlink_flags;
extern const struct xlat xlat_net_netlink_get_flags;
extern const struct xlat xlat_net_netlink_new_flags;
extern const struct xlat xlat_net_netlink_delete_flags;
extern const struct xlat xlat_net_netlink_ack_flags;
extern const struct xlat xlat_net_nl_route_types;
extern const struct xlat xlat_net_ifaddrflags;
extern const struct xlat xlat_net_rtnl_addr_attrs;
extern const struct xlat xlat_net_routing_scopes;
extern const struct xlat xlat_net_sock_vsock_options;
extern const struct xlat xlat_net_sock_ipx_options;
extern const struct xlat xlat_net_sock_ax25_options;
extern const struct xlat xlat_net_sock_can_raw_options;
extern const struct xlat xlat_net_sock_sctp_options;
extern const struct xlat xlat_net_sock_irda_options;
extern const struct xlat xlat_net_sock_llc_options;
extern const struct xlat xlat_net_sock_dccp_options;
extern const struct xlat xlat_net_sock_tipc_options;
extern const struct xlat xlat_net_sock_rxrpc_options;
extern const struct xlat xlat_net_sock_pppol2tp_options;
extern const struct xlat xlat_net_sock_bluetooth_options;
extern const struct xlat xlat_net_sock_pnp_options;
extern const struct xlat xlat_net_sock_rds_options;
extern const struct xlat xlat_net_sock_iucv_options;
extern const struct xlat xlat_net_sock_caif_options;
extern const struct xlat xlat_net_sock_alg_options;
extern const struct xlat xlat_net_sock_nfcllcp_options;
extern const struct xlat xlat_net_sock_kcm_options;
extern const struct xlat xlat_net_sock_tls_options;
extern const struct xlat xlat_net_sock_xdp_options;
extern const struct xlat xlat_net_icmp_filter_flags;
extern const struct xlat xlat_net_nl_sock_diag_types;

#endif
