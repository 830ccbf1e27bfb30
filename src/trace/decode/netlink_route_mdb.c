/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rtnetlink's bridge multicast database (RTM_*MDB, struct br_port_msg) as data: group
 * entries (struct br_mdb_entry, then its own attributes) and router ports (an ifindex,
 * then its own attributes), each in nests of their own.
 */
#include <arpa/inet.h>
#include <linux/if_bridge.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include "trace/decode/net_impl.h"
#include "trace/decode/netlink_route.h"
#include "trace/decode/xlat_net.h"
#include "trace/decode/xlat_netlink.h"

#define SPEC(kind_) { .kind = kind_ }
#define SPEC_FN(fn_) { .kind = NLA_KIND_FN, .fn = fn_ }
#define SPEC_NESTED(t_) { .kind = NLA_KIND_NESTED, .nested = &t_ }

static const struct nla_spec eattr_specs[] = {
	[MDBA_MDB_EATTR_TIMER] = SPEC(NLA_KIND_CLOCK_T),
};
static const struct nla_table eattr_attrs = NLA_TABLE(&xlat_rtnl_mdba_mdb_eattr_attrs,
						      "MDBA_MDB_EATTR_???", eattr_specs);

/* The group's address is of the family in addr.proto (big-endian): u=..., proto=htons(AF_*). */
static bool print_mdb_entry_info(struct sc *sc, uint64_t addr, unsigned int len,
				 const void *ctx)
{
	struct br_mdb_entry e;
	if (len < sizeof(e))
		return false;
	if (fetch_or_print_addr(sc, addr, &e, sizeof(e))) {
		int proto = ntohs(e.addr.proto);
		pr_struct_begin(sc->p);
		pr_field(sc->p, "ifindex");
		net_print_ifindex(sc->p, e.ifindex);
		pr_field(sc->p, "state");
		pr_xval(sc->p, &xlat_rtnl_mdb_states, e.state, "MDB_???");
		pr_field(sc->p, "flags");
		pr_flags(sc->p, &xlat_rtnl_mdb_flags, e.flags, "MDB_FLAGS_???");
		pr_field(sc->p, "vid");
		pr_uint(sc->p, e.vid);
		pr_field(sc->p, "addr");
		pr_struct_begin(sc->p);
		net_print_inet_addr(sc->p, proto, &e.addr.u, sizeof(e.addr.u), "u");
		pr_field(sc->p, "proto");
		pr_text(sc->p, "htons(");
		pr_join(sc->p, "");
		pr_xval(sc->p, &xlat_net_addrfams, (unsigned int)proto, "AF_???");
		pr_raw(sc->p, ")");
		pr_struct_end(sc->p);
		pr_struct_end(sc->p);
	}
	unsigned int off = NLMSG_ALIGN(sizeof(e));
	if (len > off)
		nl_decode_attrs(sc, addr + off, len - off, &eattr_attrs, NULL);
	return true;
}

static const struct nla_spec entry_specs[] = {
	[MDBA_MDB_ENTRY_INFO] = SPEC_FN(print_mdb_entry_info),
};
static const struct nla_table entry_attrs = NLA_TABLE(&xlat_rtnl_mdba_mdb_entry_attrs,
						      "MDBA_MDB_ENTRY_???", entry_specs);

static const struct nla_spec mdb_specs[] = {
	[MDBA_MDB_ENTRY] = SPEC_NESTED(entry_attrs),
};
static const struct nla_table mdb_entries = NLA_TABLE(&xlat_rtnl_mdba_mdb_attrs,
						      "MDBA_MDB_???", mdb_specs);

static const struct nla_spec pattr_specs[] = {
	[MDBA_ROUTER_PATTR_TIMER] = SPEC(NLA_KIND_CLOCK_T),
	[MDBA_ROUTER_PATTR_TYPE] = { .kind = NLA_KIND_XVAL8,
				     .x = &xlat_rtnl_multicast_router_types,
				     .dflt = "MDB_RTR_TYPE_???" },
	[MDBA_ROUTER_PATTR_INET_TIMER] = SPEC(NLA_KIND_CLOCK_T),
	[MDBA_ROUTER_PATTR_INET6_TIMER] = SPEC(NLA_KIND_CLOCK_T),
};
static const struct nla_table pattr_attrs = NLA_TABLE(&xlat_rtnl_mdba_router_pattr_attrs,
						      "MDBA_ROUTER_PATTR_???", pattr_specs);

/* A router port: its ifindex, then its own attributes. */
static bool print_router_port(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	uint32_t ifindex;
	if (len < sizeof(ifindex))
		return false;
	if (fetch_or_print_addr(sc, addr, &ifindex, sizeof(ifindex)))
		net_print_ifindex(sc->p, ifindex);
	unsigned int off = NLMSG_ALIGN(sizeof(ifindex));
	if (len > off)
		nl_decode_attrs(sc, addr + off, len - off, &pattr_attrs, NULL);
	return true;
}

static const struct nla_spec router_specs[] = {
	[MDBA_ROUTER_PORT] = SPEC_FN(print_router_port),
};
static const struct nla_table router_attrs = NLA_TABLE(&xlat_rtnl_mdba_router_attrs,
						       "MDBA_ROUTER_???", router_specs);

static const struct nla_spec br_port_specs[] = {
	[MDBA_MDB] = SPEC_NESTED(mdb_entries),
	[MDBA_ROUTER] = SPEC_NESTED(router_attrs),
};
const struct nla_table rtnl_mdb_attrs = NLA_TABLE(&xlat_rtnl_mdb_attrs, "MDBA_???",
						  br_port_specs);
