/* SPDX-License-Identifier: Apache-2.0 */
/*
 * rtnetlink traffic control as data: struct tcmsg (qdiscs, classes, filters, chains) and
 * struct tcamsg (actions) with their attributes, the statistics nests (TCA_STATS2,
 * TCA_ACT_STATS) and the size table (TCA_STAB).
 */
#include <linux/gen_stats.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <stddef.h>

#include "trace/decode/netlink_route.h"
#include "trace/decode/xlat_netlink.h"

#define F(type, member, kind, ...) NL_FIELD(type, member, kind, __VA_ARGS__)
#define END_OF(type, member) (offsetof(type, member) + sizeof(((type *)0)->member))
#define SPEC(kind_) { .kind = kind_ }
#define SPEC_STRUCT(s_) { .kind = NLA_KIND_STRUCT, .s = &s_ }
#define SPEC_NESTED(t_) { .kind = NLA_KIND_NESTED, .nested = &t_ }

/* ---- statistics: the gnet_stats_* nest, the old struct tc_stats ---- */

/* The kernel reads and writes only up to packets (the struct is padded to 16). */
static const struct nl_field stats_basic_fields[] = {
	F(struct gnet_stats_basic, bytes, NLF_U),
	F(struct gnet_stats_basic, packets, NLF_U),
};
static const struct nl_struct stats_basic = {
	stats_basic_fields, 2, END_OF(struct gnet_stats_basic, packets), false, NULL
};

static const struct nl_field rate_est_fields[] = {
	F(struct gnet_stats_rate_est, bps, NLF_U),
	F(struct gnet_stats_rate_est, pps, NLF_U),
};
static const struct nl_struct rate_est = NL_STRUCT(struct gnet_stats_rate_est, rate_est_fields);

static const struct nl_field stats_queue_fields[] = {
	F(struct gnet_stats_queue, qlen, NLF_U),
	F(struct gnet_stats_queue, backlog, NLF_U),
	F(struct gnet_stats_queue, drops, NLF_U),
	F(struct gnet_stats_queue, requeues, NLF_U),
	F(struct gnet_stats_queue, overlimits, NLF_U),
};
static const struct nl_struct stats_queue = NL_STRUCT(struct gnet_stats_queue,
						      stats_queue_fields);

static const struct nl_field rate_est64_fields[] = {
	F(struct gnet_stats_rate_est64, bps, NLF_U),
	F(struct gnet_stats_rate_est64, pps, NLF_U),
};
static const struct nl_struct rate_est64 = NL_STRUCT(struct gnet_stats_rate_est64,
						     rate_est64_fields);

static const struct nla_spec stats_specs[] = {
	[TCA_STATS_BASIC] = SPEC_STRUCT(stats_basic),
	[TCA_STATS_RATE_EST] = SPEC_STRUCT(rate_est),
	[TCA_STATS_QUEUE] = SPEC_STRUCT(stats_queue),
	[TCA_STATS_RATE_EST64] = SPEC_STRUCT(rate_est64),
	[TCA_STATS_BASIC_HW] = SPEC_STRUCT(stats_basic),
	[TCA_STATS_PKT64] = SPEC(NLA_KIND_U64),
};
static const struct nla_table stats_attrs = NLA_TABLE(&xlat_rtnl_tca_stats_attrs,
						      "TCA_STATS_???", stats_specs);

/* struct tc_stats up to backlog: the kernel does not fill its padding. */
static const struct nl_field tc_stats_fields[] = {
	F(struct tc_stats, bytes, NLF_U),
	F(struct tc_stats, packets, NLF_U),
	F(struct tc_stats, drops, NLF_U),
	F(struct tc_stats, overlimits, NLF_U),
	F(struct tc_stats, bps, NLF_U),
	F(struct tc_stats, pps, NLF_U),
	F(struct tc_stats, qlen, NLF_U),
	F(struct tc_stats, backlog, NLF_U),
};
static const struct nl_struct tc_stats = {
	tc_stats_fields, 8, END_OF(struct tc_stats, backlog), false, NULL
};

static const struct nl_field tc_estimator_fields[] = {
	F(struct tc_estimator, interval, NLF_D),
	F(struct tc_estimator, ewma_log, NLF_U),
};
static const struct nl_struct tc_estimator = NL_STRUCT(struct tc_estimator,
						       tc_estimator_fields);

/* ---- the size table ---- */

static const struct nl_field sizespec_fields[] = {
	F(struct tc_sizespec, cell_log, NLF_U),
	F(struct tc_sizespec, size_log, NLF_U),
	F(struct tc_sizespec, cell_align, NLF_D),
	F(struct tc_sizespec, overhead, NLF_D),
	F(struct tc_sizespec, linklayer, NLF_U),
	F(struct tc_sizespec, mpu, NLF_U),
	F(struct tc_sizespec, mtu, NLF_U),
	F(struct tc_sizespec, tsize, NLF_U),
};
static const struct nl_struct sizespec = NL_STRUCT(struct tc_sizespec, sizespec_fields);

static const struct nla_spec stab_specs[] = {
	[TCA_STAB_BASE] = SPEC_STRUCT(sizespec),
	/* The table itself: u16 sizes. */
	[TCA_STAB_DATA] = { .kind = NLA_KIND_ARRAY, .elem = NLA_KIND_U16 },
};
static const struct nla_table stab_attrs = NLA_TABLE(&xlat_rtnl_tca_stab_attrs,
						     "TCA_STAB_???", stab_specs);

/* ---- struct tcmsg ---- */

static const struct nl_field tcmsg_fields[] = {
	F(struct tcmsg, tcm_family, NLF_FAMILY),
	F(struct tcmsg, tcm_ifindex, NLF_IFINDEX),
	F(struct tcmsg, tcm_handle, NLF_U),
	F(struct tcmsg, tcm_parent, NLF_U),
	F(struct tcmsg, tcm_info, NLF_U),
};
const struct nl_struct rtnl_tcmsg = NL_STRUCT(struct tcmsg, tcmsg_fields);

static const struct nla_spec tc_specs[] = {
	[TCA_KIND] = SPEC(NLA_KIND_STR),
	[TCA_STATS] = SPEC_STRUCT(tc_stats),
	[TCA_RATE] = SPEC_STRUCT(tc_estimator),
	[TCA_FCNT] = SPEC(NLA_KIND_U32),
	[TCA_STATS2] = SPEC_NESTED(stats_attrs),
	[TCA_STAB] = SPEC_NESTED(stab_attrs),
	[TCA_CHAIN] = SPEC(NLA_KIND_U32),
	[TCA_HW_OFFLOAD] = SPEC(NLA_KIND_U8),
	[TCA_INGRESS_BLOCK] = SPEC(NLA_KIND_U32),
	[TCA_EGRESS_BLOCK] = SPEC(NLA_KIND_U32),
	[TCA_DUMP_FLAGS] = SPEC(NLA_KIND_U32),
};
const struct nla_table rtnl_tc_attrs = NLA_TABLE(&xlat_rtnl_tc_attrs, "TCA_???", tc_specs);

/* ---- struct tcamsg ---- */

static const struct nl_field tcamsg_fields[] = {
	F(struct tcamsg, tca_family, NLF_FAMILY),
};
const struct nl_struct rtnl_tcamsg = NL_STRUCT(struct tcamsg, tcamsg_fields);

static const struct nla_spec tc_action_specs[] = {
	[TCA_ACT_KIND] = SPEC(NLA_KIND_STR),
	[TCA_ACT_INDEX] = SPEC(NLA_KIND_U32),
	[TCA_ACT_STATS] = SPEC_NESTED(stats_attrs),
	[TCA_ACT_FLAGS] = { .kind = NLA_KIND_FLAGS32, .x = &xlat_rtnl_tca_act_flags,
			    .dflt = "TCA_ACT_FLAGS_???" },
	[TCA_ACT_HW_STATS] = { .kind = NLA_KIND_FLAGS32, .x = &xlat_rtnl_tca_act_hw_stats,
			       .dflt = "TCA_ACT_HW_STATS_???" },
	[TCA_ACT_USED_HW_STATS] = { .kind = NLA_KIND_FLAGS32, .x = &xlat_rtnl_tca_act_hw_stats,
				    .dflt = "TCA_ACT_HW_STATS_???" },
	[TCA_ACT_IN_HW_COUNT] = SPEC(NLA_KIND_U32),
};
const struct nla_table rtnl_tc_action_attrs = NLA_TABLE(&xlat_rtnl_tc_action_attrs,
							"TCA_ACT_???", tc_action_specs);
