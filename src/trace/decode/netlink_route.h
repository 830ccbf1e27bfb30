/* SPDX-License-Identifier: Apache-2.0 */
/* rtnetlink message kinds defined outside netlink_route.c, one file per area. */
#ifndef SYSRAY_TRACE_DECODE_NETLINK_ROUTE_H
#define SYSRAY_TRACE_DECODE_NETLINK_ROUTE_H

#include "trace/decode/nlattr.h"

/* Links (netlink_route_link.c). */
extern const struct nl_struct rtnl_ifinfomsg;
extern const struct nla_table rtnl_link_attrs;
/* struct rtnl_link_stats64 and its older sizes (IFLA_STATS64, IFLA_STATS_LINK_64). */
extern const struct nl_struct rtnl_link_stats64;

/* The bridge multicast database's attributes (netlink_route_mdb.c). */
extern const struct nla_table rtnl_mdb_attrs;

/* A link's virtual functions, IFLA_VFINFO_LIST (netlink_route_vf.c). */
extern const struct nla_table rtnl_vfinfo_list_attrs;

/* Interface statistics' attributes, RTM_*STATS (netlink_route_stats.c). */
extern const struct nla_table rtnl_ifstats_attrs;

/* Traffic control (netlink_route_tc.c): qdiscs, classes, filters, chains; actions. */
extern const struct nl_struct rtnl_tcmsg;
extern const struct nla_table rtnl_tc_attrs;
extern const struct nl_struct rtnl_tcamsg;
extern const struct nla_table rtnl_tc_action_attrs;

#endif
