/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The netlink families as data: per protocol, its message type names, the request flags
 * of each message type, and its payload decoder (netlink_family.h).
 */
#include <linux/cryptouser.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_acct.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nfnetlink_cthelper.h>
#include <linux/netfilter/nfnetlink_cttimeout.h>
#include <linux/netfilter/nfnetlink_hook.h>
#include <linux/netfilter/nf_tables_compat.h>
#include <linux/rtnetlink.h>
#include <linux/xfrm.h>

#include "trace/decode/netlink_family.h"
#include "trace/decode/xlat_net.h"
#include "trace/decode/xlat_netlink.h"

#define NEW (&xlat_net_netlink_new_flags)
#define GET (&xlat_net_netlink_get_flags)
#define DEL (&xlat_net_netlink_delete_flags)

/* ---- message types ---- */

/* A netfilter subsystem's message types and the name of an unknown one. */
static const struct {
	const struct xlat *types;
	const char *dflt;
} nf_subsys[] = {
	[NFNL_SUBSYS_CTNETLINK] = { &xlat_nl_nf_ctnetlink_msg_types, "IPCTNL_MSG_CT_???" },
	[NFNL_SUBSYS_CTNETLINK_EXP] = { &xlat_nl_nf_ctnetlink_exp_msg_types,
					"IPCTNL_MSG_EXP_???" },
	[NFNL_SUBSYS_QUEUE] = { &xlat_nl_nf_queue_msg_types, "NFQNL_MSG_???" },
	[NFNL_SUBSYS_ULOG] = { &xlat_nl_nf_ulog_msg_types, "NFULNL_MSG_???" },
	[NFNL_SUBSYS_OSF] = { &xlat_nl_nf_osf_msg_types, "OSF_MSG_???" },
	[NFNL_SUBSYS_IPSET] = { &xlat_nl_nf_ipset_msg_types, "IPSET_CMD_???" },
	[NFNL_SUBSYS_ACCT] = { &xlat_nl_nf_acct_msg_types, "NFNL_MSG_ACCT_???" },
	[NFNL_SUBSYS_CTNETLINK_TIMEOUT] = { &xlat_nl_nf_cttimeout_msg_types,
					    "IPCTNL_MSG_TIMEOUT_???" },
	[NFNL_SUBSYS_CTHELPER] = { &xlat_nl_nf_cthelper_msg_types, "NFNL_MSG_CTHELPER_???" },
	[NFNL_SUBSYS_NFTABLES] = { &xlat_nl_nf_nftables_msg_types, "NFT_MSG_???" },
	[NFNL_SUBSYS_NFT_COMPAT] = { &xlat_nl_nf_nft_compat_msg_types, "NFNL_MSG_COMPAT_???" },
	[NFNL_SUBSYS_HOOK] = { &xlat_nl_nf_hook_msg_types, "NFT_MSG_HOOK_???" },
};

/* Batch control messages by name; other types are subsystem << 8 | message. */
static void print_netfilter_type(struct sc *sc, uint16_t type)
{
	const char *name = xlat_lookup(&xlat_nl_netfilter_msg_types, type);
	if (name) {
		pr_xval(sc->p, &xlat_nl_netfilter_msg_types, type, NULL);
		return;
	}
	uint8_t subsys = type >> 8, msg = type & 0xff;
	pr_xval(sc->p, &xlat_nl_netfilter_subsys_ids, subsys, "NFNL_SUBSYS_???");
	pr_join(sc->p, "<<8|");
	if (subsys < sizeof(nf_subsys) / sizeof(nf_subsys[0]) && nf_subsys[subsys].types)
		pr_xval(sc->p, nf_subsys[subsys].types, msg, nf_subsys[subsys].dflt);
	else
		pr_hex(sc->p, msg);
}

/* ---- request flags by message type ---- */

static const struct xlat *crypto_flags(uint16_t type)
{
	switch (type) {
	case CRYPTO_MSG_NEWALG:
		return NEW;
	case CRYPTO_MSG_DELALG:
	case CRYPTO_MSG_DELRNG:
		return DEL;
	case CRYPTO_MSG_GETALG:
		return GET;
	}
	return NULL;
}

/* Per netfilter subsystem, the message types of each kind. */
struct nf_kinds {
	uint8_t subsys;
	const struct xlat *kind;
	uint8_t types[10];
	unsigned int n;
};

#define K(s, k, ...) { s, k, { __VA_ARGS__ }, sizeof((uint8_t[]){ __VA_ARGS__ }) }
static const struct nf_kinds nf_kinds[] = {
	K(NFNL_SUBSYS_CTNETLINK, NEW, IPCTNL_MSG_CT_NEW),
	K(NFNL_SUBSYS_CTNETLINK, GET, IPCTNL_MSG_CT_GET, IPCTNL_MSG_CT_GET_CTRZERO,
	  IPCTNL_MSG_CT_GET_STATS_CPU, IPCTNL_MSG_CT_GET_STATS, IPCTNL_MSG_CT_GET_DYING,
	  IPCTNL_MSG_CT_GET_UNCONFIRMED),
	K(NFNL_SUBSYS_CTNETLINK, DEL, IPCTNL_MSG_CT_DELETE),
	K(NFNL_SUBSYS_CTNETLINK_EXP, NEW, IPCTNL_MSG_EXP_NEW),
	K(NFNL_SUBSYS_CTNETLINK_EXP, GET, IPCTNL_MSG_EXP_GET, IPCTNL_MSG_EXP_GET_STATS_CPU),
	K(NFNL_SUBSYS_CTNETLINK_EXP, DEL, IPCTNL_MSG_EXP_DELETE),
	K(NFNL_SUBSYS_ACCT, NEW, NFNL_MSG_ACCT_NEW),
	K(NFNL_SUBSYS_ACCT, GET, NFNL_MSG_ACCT_GET, NFNL_MSG_ACCT_GET_CTRZERO),
	K(NFNL_SUBSYS_ACCT, DEL, NFNL_MSG_ACCT_DEL),
	K(NFNL_SUBSYS_CTNETLINK_TIMEOUT, NEW, IPCTNL_MSG_TIMEOUT_NEW),
	K(NFNL_SUBSYS_CTNETLINK_TIMEOUT, GET, IPCTNL_MSG_TIMEOUT_GET),
	K(NFNL_SUBSYS_CTNETLINK_TIMEOUT, DEL, IPCTNL_MSG_TIMEOUT_DELETE),
	K(NFNL_SUBSYS_CTHELPER, NEW, NFNL_MSG_CTHELPER_NEW),
	K(NFNL_SUBSYS_CTHELPER, GET, NFNL_MSG_CTHELPER_GET),
	K(NFNL_SUBSYS_CTHELPER, DEL, NFNL_MSG_CTHELPER_DEL),
	K(NFNL_SUBSYS_NFTABLES, NEW, NFT_MSG_NEWTABLE, NFT_MSG_NEWCHAIN, NFT_MSG_NEWRULE,
	  NFT_MSG_NEWSET, NFT_MSG_NEWSETELEM, NFT_MSG_NEWGEN, NFT_MSG_NEWOBJ,
	  NFT_MSG_NEWFLOWTABLE),
	K(NFNL_SUBSYS_NFTABLES, GET, NFT_MSG_GETTABLE, NFT_MSG_GETCHAIN, NFT_MSG_GETRULE,
	  NFT_MSG_GETSET, NFT_MSG_GETSETELEM, NFT_MSG_GETGEN, NFT_MSG_GETOBJ,
	  NFT_MSG_GETOBJ_RESET, NFT_MSG_GETFLOWTABLE),
	K(NFNL_SUBSYS_NFTABLES, DEL, NFT_MSG_DELTABLE, NFT_MSG_DELCHAIN, NFT_MSG_DELRULE,
	  NFT_MSG_DELSET, NFT_MSG_DELSETELEM, NFT_MSG_DELOBJ, NFT_MSG_DELFLOWTABLE),
	K(NFNL_SUBSYS_NFT_COMPAT, GET, NFNL_MSG_COMPAT_GET),
	K(NFNL_SUBSYS_HOOK, GET, NFNL_MSG_HOOK_GET),
};
#undef K

static const struct xlat *netfilter_flags(uint16_t type)
{
	uint8_t subsys = type >> 8, msg = type & 0xff;
	for (size_t i = 0; i < sizeof(nf_kinds) / sizeof(nf_kinds[0]); i++) {
		if (nf_kinds[i].subsys != subsys)
			continue;
		for (unsigned int j = 0; j < nf_kinds[i].n; j++)
			if (nf_kinds[i].types[j] == msg)
				return nf_kinds[i].kind;
	}
	return NULL;
}

/* rtnetlink types come in fours: new, delete, get, set; RTM_DELACTION takes get's flags. */
static const struct xlat *route_flags(uint16_t type)
{
	if (type == RTM_DELACTION)
		return GET;
	switch (type & 3) {
	case 0:
		return NEW;
	case 1:
		return DEL;
	case 2:
		return GET;
	}
	return NULL;
}

static const struct xlat *sock_diag_flags(uint16_t type)
{
	return GET;
}

static const struct xlat *xfrm_flags(uint16_t type)
{
	switch (type) {
	case XFRM_MSG_NEWSA:
	case XFRM_MSG_NEWPOLICY:
	case XFRM_MSG_NEWAE:
	case XFRM_MSG_NEWSADINFO:
	case XFRM_MSG_NEWSPDINFO:
		return NEW;
	case XFRM_MSG_DELSA:
	case XFRM_MSG_DELPOLICY:
		return DEL;
	case XFRM_MSG_GETSA:
	case XFRM_MSG_GETPOLICY:
	case XFRM_MSG_GETAE:
	case XFRM_MSG_GETSADINFO:
	case XFRM_MSG_GETSPDINFO:
		return GET;
	}
	return NULL;
}

/* ---- the families ---- */

static const struct nl_family families[] = {
	[NETLINK_AUDIT] = { &xlat_nl_audit_types, "AUDIT_???", NULL, NULL, NULL },
	[NETLINK_CRYPTO] = { &xlat_nl_crypto_types, "CRYPTO_MSG_???", NULL, crypto_flags,
			     nl_crypto_payload },
	[NETLINK_GENERIC] = { NULL, NULL, nl_print_genl_type, NULL, NULL },
	[NETLINK_NETFILTER] = { NULL, NULL, print_netfilter_type, netfilter_flags,
				nl_netfilter_payload },
	[NETLINK_ROUTE] = { &xlat_net_nl_route_types, "RTM_???", NULL, route_flags,
			    nl_route_payload },
	[NETLINK_SELINUX] = { &xlat_nl_selinux_types, "SELNL_MSG_???", NULL, NULL,
			      nl_selinux_payload },
	[NETLINK_SOCK_DIAG] = { &xlat_net_nl_sock_diag_types, "SOCK_DIAG_???", NULL,
				sock_diag_flags, nl_sock_diag_payload },
	[NETLINK_XFRM] = { &xlat_nl_xfrm_types, "XFRM_MSG_???", NULL, xfrm_flags, NULL },
};

const struct nl_family *nl_family_of(int protocol)
{
	if (protocol < 0 || (size_t)protocol >= sizeof(families) / sizeof(families[0]))
		return NULL;
	const struct nl_family *f = &families[protocol];
	return f->types || f->print_type ? f : NULL;
}
