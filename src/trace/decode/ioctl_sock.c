/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the socket requests of linux/sockios.h (type 0x89). Most take a struct ifreq: an
 * interface name and one member of its union, which the request names; a setter passes
 * both in, a getter passes the name (the index for SIOCGIFNAME) and gets the member back.
 * SIOCGIFCONF fills an array of ifreq and says how many bytes it used; the rest take an
 * int, a bridge name, or a struct strace leaves as its address.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <linux/sockios.h>

#include "trace/decode/ioctl_table.h"
#include "trace/decode/net_impl.h"
#include "trace/decode/xlat_netlink.h"

/* _IOR(0x89, 6 and 7, long long[2]): the 64-bit time stamps' numbers (asm/sockios.h). */
#define K_SIOCGSTAMP_NEW 0x80108906u
#define K_SIOCGSTAMPNS_NEW 0x80108907u

/* The member of struct ifreq's union a request reads or writes. */
enum ifr_member {
	IFR_NONE, IFR_ADDR, IFR_DSTADDR, IFR_BROADADDR, IFR_NETMASK, IFR_HWADDR, IFR_FLAGS,
	IFR_IFINDEX, IFR_METRIC, IFR_MTU, IFR_SLAVE, IFR_NEWNAME, IFR_NAME, IFR_QLEN, IFR_MAP,
};

/* How a request's argument prints. */
enum sock_arg {
	SOCK_INT_IN,	/* [int] at entry */
	SOCK_INT_OUT,	/* [int] at exit */
	SOCK_BRIDGE,	/* a bridge name of at most IFNAMSIZ bytes */
	SOCK_BRIDGE_IF,	/* {ifr_ifindex=...} */
	SOCK_IFR_SET,	/* {ifr_name=..., member} at entry */
	SOCK_IFR_GET,	/* {ifr_name=... at entry, member at exit} */
	SOCK_ADDRESS,	/* its address */
	SOCK_IFCONF,	/* struct ifconf */
};

struct sock_req {
	uint32_t code;
	uint8_t arg;		/* enum sock_arg */
	uint8_t member;		/* enum ifr_member */
};

static const struct sock_req sock_reqs[] = {
	{ FIOSETOWN, SOCK_INT_IN, 0 }, { SIOCSPGRP, SOCK_INT_IN, 0 },
	{ SIOCSIFENCAP, SOCK_INT_IN, 0 },
	{ FIOGETOWN, SOCK_INT_OUT, 0 }, { SIOCGPGRP, SOCK_INT_OUT, 0 },
	{ SIOCATMARK, SOCK_INT_OUT, 0 }, { SIOCGIFENCAP, SOCK_INT_OUT, 0 },
	{ SIOCOUTQNSD, SOCK_INT_OUT, 0 },
	{ SIOCBRADDBR, SOCK_BRIDGE, 0 }, { SIOCBRDELBR, SOCK_BRIDGE, 0 },
	{ SIOCBRADDIF, SOCK_BRIDGE_IF, 0 }, { SIOCBRDELIF, SOCK_BRIDGE_IF, 0 },
	{ SIOCGIFCONF, SOCK_IFCONF, 0 },
	{ SIOCSIFADDR, SOCK_IFR_SET, IFR_ADDR }, { SIOCGIFADDR, SOCK_IFR_GET, IFR_ADDR },
	{ SIOCSIFDSTADDR, SOCK_IFR_SET, IFR_DSTADDR },
	{ SIOCGIFDSTADDR, SOCK_IFR_GET, IFR_DSTADDR },
	{ SIOCSIFBRDADDR, SOCK_IFR_SET, IFR_BROADADDR },
	{ SIOCGIFBRDADDR, SOCK_IFR_GET, IFR_BROADADDR },
	{ SIOCSIFNETMASK, SOCK_IFR_SET, IFR_NETMASK },
	{ SIOCGIFNETMASK, SOCK_IFR_GET, IFR_NETMASK },
	{ SIOCADDMULTI, SOCK_IFR_SET, IFR_HWADDR }, { SIOCDELMULTI, SOCK_IFR_SET, IFR_HWADDR },
	{ SIOCSIFHWADDR, SOCK_IFR_SET, IFR_HWADDR },
	{ SIOCSIFHWBROADCAST, SOCK_IFR_SET, IFR_HWADDR },
	{ SIOCGIFHWADDR, SOCK_IFR_GET, IFR_HWADDR },
	{ SIOCSIFFLAGS, SOCK_IFR_SET, IFR_FLAGS }, { SIOCGIFFLAGS, SOCK_IFR_GET, IFR_FLAGS },
	{ SIOCGIFINDEX, SOCK_IFR_GET, IFR_IFINDEX },
	{ SIOCSIFMETRIC, SOCK_IFR_SET, IFR_METRIC }, { SIOCGIFMETRIC, SOCK_IFR_GET, IFR_METRIC },
	{ SIOCSIFMTU, SOCK_IFR_SET, IFR_MTU }, { SIOCGIFMTU, SOCK_IFR_GET, IFR_MTU },
	{ SIOCSIFSLAVE, SOCK_IFR_SET, IFR_SLAVE }, { SIOCGIFSLAVE, SOCK_IFR_GET, IFR_SLAVE },
	{ SIOCSIFNAME, SOCK_IFR_SET, IFR_NEWNAME }, { SIOCGIFNAME, SOCK_IFR_GET, IFR_NAME },
	{ SIOCSIFTXQLEN, SOCK_IFR_SET, IFR_QLEN }, { SIOCGIFTXQLEN, SOCK_IFR_GET, IFR_QLEN },
	{ SIOCSIFMAP, SOCK_IFR_SET, IFR_MAP }, { SIOCGIFMAP, SOCK_IFR_GET, IFR_MAP },
	{ SIOCADDDLCI, SOCK_ADDRESS, 0 }, { SIOCADDRT, SOCK_ADDRESS, 0 },
	{ SIOCBONDCHANGEACTIVE, SOCK_ADDRESS, 0 }, { SIOCBONDENSLAVE, SOCK_ADDRESS, 0 },
	{ SIOCBONDINFOQUERY, SOCK_ADDRESS, 0 }, { SIOCBONDRELEASE, SOCK_ADDRESS, 0 },
	{ SIOCBONDSETHWADDR, SOCK_ADDRESS, 0 }, { SIOCBONDSLAVEINFOQUERY, SOCK_ADDRESS, 0 },
	{ SIOCDARP, SOCK_ADDRESS, 0 }, { SIOCDELDLCI, SOCK_ADDRESS, 0 },
	{ SIOCDELRT, SOCK_ADDRESS, 0 }, { SIOCDIFADDR, SOCK_ADDRESS, 0 },
	{ SIOCDRARP, SOCK_ADDRESS, 0 }, { SIOCETHTOOL, SOCK_ADDRESS, 0 },
	{ SIOCGARP, SOCK_ADDRESS, 0 }, { SIOCGHWTSTAMP, SOCK_ADDRESS, 0 },
	{ SIOCGIFBR, SOCK_ADDRESS, 0 }, { SIOCGIFCOUNT, SOCK_ADDRESS, 0 },
	{ SIOCGIFMEM, SOCK_ADDRESS, 0 }, { SIOCGIFPFLAGS, SOCK_ADDRESS, 0 },
	{ SIOCGIFVLAN, SOCK_ADDRESS, 0 }, { SIOCGMIIPHY, SOCK_ADDRESS, 0 },
	{ SIOCGMIIREG, SOCK_ADDRESS, 0 }, { SIOCGRARP, SOCK_ADDRESS, 0 },
	{ SIOCGSKNS, SOCK_ADDRESS, 0 }, { SIOCGSTAMP_OLD, SOCK_ADDRESS, 0 },
	{ K_SIOCGSTAMP_NEW, SOCK_ADDRESS, 0 }, { SIOCGSTAMPNS_OLD, SOCK_ADDRESS, 0 },
	{ K_SIOCGSTAMPNS_NEW, SOCK_ADDRESS, 0 }, { SIOCRTMSG, SOCK_ADDRESS, 0 },
	{ SIOCSARP, SOCK_ADDRESS, 0 }, { SIOCSHWTSTAMP, SOCK_ADDRESS, 0 },
	{ SIOCSIFBR, SOCK_ADDRESS, 0 }, { SIOCSIFLINK, SOCK_ADDRESS, 0 },
	{ SIOCSIFMEM, SOCK_ADDRESS, 0 }, { SIOCSIFPFLAGS, SOCK_ADDRESS, 0 },
	{ SIOCSIFVLAN, SOCK_ADDRESS, 0 }, { SIOCSMIIREG, SOCK_ADDRESS, 0 },
	{ SIOCSRARP, SOCK_ADDRESS, 0 }, { SIOCWANDEV, SOCK_ADDRESS, 0 },
};

/*
 * Bytes of the hardware address of a device type (linux/if_arp.h, the drivers' address
 * lengths); types not listed show all the bytes they are given.
 */
static const struct { uint16_t type; uint8_t len; } hwaddr_lens[] = {
	{ ARPHRD_NETROM, 7 }, { ARPHRD_ETHER, 6 }, { ARPHRD_AX25, 7 }, { ARPHRD_IEEE802, 6 },
	{ ARPHRD_ARCNET, 1 }, { ARPHRD_DLCI, 2 }, { ARPHRD_IEEE1394, 16 }, { ARPHRD_EUI64, 8 },
	{ ARPHRD_INFINIBAND, 20 }, { ARPHRD_SLIP, 0 }, { ARPHRD_ROSE, 5 }, { ARPHRD_X25, 0 },
	{ 280 /* ARPHRD_CAN */, 0 }, { 290 /* ARPHRD_MCTP */, 1 }, { ARPHRD_PPP, 0 },
	{ ARPHRD_RAWHDLC, 0 }, { 519 /* ARPHRD_RAWIP */, 0 }, { ARPHRD_TUNNEL, 4 },
	{ ARPHRD_TUNNEL6, 16 }, { ARPHRD_LOOPBACK, 6 }, { ARPHRD_LOCALTLK, 1 },
	{ ARPHRD_FDDI, 6 }, { ARPHRD_SIT, 4 }, { ARPHRD_IPDDP, 0 }, { ARPHRD_IPGRE, 4 },
	{ ARPHRD_PIMREG, 0 }, { ARPHRD_HIPPI, 6 }, { ARPHRD_IRDA, 4 }, { ARPHRD_IEEE80211, 6 },
	{ ARPHRD_IEEE80211_PRISM, 6 }, { ARPHRD_IEEE80211_RADIOTAP, 6 },
	{ 804 /* ARPHRD_IEEE802154 */, 8 }, { 805 /* ARPHRD_IEEE802154_MONITOR */, 8 },
	{ 820 /* ARPHRD_PHONET */, 1 }, { 821 /* ARPHRD_PHONET_PIPE */, 1 },
	{ 822 /* ARPHRD_CAIF */, 0 }, { 823 /* ARPHRD_IP6GRE */, 16 },
	{ 824 /* ARPHRD_NETLINK */, 0 }, { 825 /* ARPHRD_6LOWPAN */, 8 },
	{ 826 /* ARPHRD_VSOCKMON */, 0 },
};

/* A hardware address of N bytes of device type TYPE: 00:11:22:33:44:55 (as hex bytes too
 * under -X raw and verbose). */
static void print_hwaddr(struct pr *p, const uint8_t *addr, size_t n, unsigned type)
{
	char text[3 * sizeof(((struct sockaddr *)0)->sa_data) + 1] = "";
	size_t len = n, at = 0;

	for (size_t i = 0; i < sizeof(hwaddr_lens) / sizeof(hwaddr_lens[0]); i++)
		if (hwaddr_lens[i].type == type && hwaddr_lens[i].len < len)
			len = hwaddr_lens[i].len;
	for (size_t i = 0; i < len; i++)
		at += (size_t)snprintf(text + at, sizeof(text) - at, "%s%02x", i ? ":" : "",
				       addr[i]);
	if (p->xlat_style == PR_XLAT_ABBREV) {
		pr_text(p, text);
		return;
	}
	pr_quoted(p, (const char *)addr, n, PR_QUOTE_HEX);
	if (p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(p, "%s", text);
}

static void print_sockaddr_field(struct sc *sc, const char *name, const struct sockaddr *sa)
{
	pr_field(sc->p, name);
	net_print_sockaddr_buf(sc, sa, sizeof(*sa));
}

static void print_cstr_field(struct pr *p, const char *name, const char *s, size_t n)
{
	pr_field(p, name);
	ioc_print_cstr(p, s, n);
}

static void print_int_field(struct pr *p, const char *name, int v)
{
	pr_field(p, name);
	pr_int(p, v);
}

static void print_member(struct sc *sc, unsigned member, const struct ifreq *ifr)
{
	struct pr *p = sc->p;

	switch (member) {
	case IFR_ADDR:
		print_sockaddr_field(sc, "ifr_addr", &ifr->ifr_addr);
		break;
	case IFR_DSTADDR:
		print_sockaddr_field(sc, "ifr_dstaddr", &ifr->ifr_dstaddr);
		break;
	case IFR_BROADADDR:
		print_sockaddr_field(sc, "ifr_broadaddr", &ifr->ifr_broadaddr);
		break;
	case IFR_NETMASK:
		print_sockaddr_field(sc, "ifr_netmask", &ifr->ifr_netmask);
		break;
	case IFR_HWADDR:
		pr_field(p, "ifr_hwaddr");
		pr_struct_begin(p);
		pr_field(p, "sa_family");
		pr_xval(p, &xlat_net_arp_hardware_types, ifr->ifr_hwaddr.sa_family,
			"ARPHRD_???");
		pr_field(p, "sa_data");
		print_hwaddr(p, (const uint8_t *)ifr->ifr_hwaddr.sa_data,
			     sizeof(ifr->ifr_hwaddr.sa_data), ifr->ifr_hwaddr.sa_family);
		pr_struct_end(p);
		break;
	case IFR_FLAGS:
		pr_field(p, "ifr_flags");
		pr_flags(p, &xlat_rtnl_iffflags, (uint16_t)ifr->ifr_flags, "IFF_???");
		break;
	case IFR_IFINDEX:
		print_int_field(p, "ifr_ifindex", ifr->ifr_ifindex);
		break;
	case IFR_METRIC:
		print_int_field(p, "ifr_metric", ifr->ifr_metric);
		break;
	case IFR_MTU:
		print_int_field(p, "ifr_mtu", ifr->ifr_mtu);
		break;
	case IFR_SLAVE:
		print_cstr_field(p, "ifr_slave", ifr->ifr_slave, sizeof(ifr->ifr_slave));
		break;
	case IFR_NEWNAME:
		print_cstr_field(p, "ifr_newname", ifr->ifr_newname, sizeof(ifr->ifr_newname));
		break;
	case IFR_NAME:
		print_cstr_field(p, "ifr_name", ifr->ifr_name, sizeof(ifr->ifr_name));
		break;
	case IFR_QLEN:
		print_int_field(p, "ifr_qlen", ifr->ifr_qlen);
		break;
	case IFR_MAP:
		pr_field(p, "ifr_map");
		pr_struct_begin(p);
		pr_field(p, "mem_start");
		pr_hex(p, ifr->ifr_map.mem_start);
		pr_field(p, "mem_end");
		pr_hex(p, ifr->ifr_map.mem_end);
		pr_field(p, "base_addr");
		pr_hex(p, ifr->ifr_map.base_addr);
		pr_field(p, "irq");
		pr_hex(p, ifr->ifr_map.irq);
		pr_field(p, "dma");
		pr_hex(p, ifr->ifr_map.dma);
		pr_field(p, "port");
		pr_hex(p, ifr->ifr_map.port);
		pr_struct_end(p);
		break;
	}
}

static int ifreq_ioctl(struct sc *sc, const struct sock_req *r, uint64_t arg)
{
	struct pr *p = sc->p;
	struct ifreq ifr;

	if (sc->exiting) {
		if (!sc_failed(sc) && umove(sc, arg, &ifr, sizeof(ifr)) == 0)
			print_member(sc, r->member, &ifr);
		pr_struct_end(p);
		return IOC_ARG_DONE;
	}
	if (!fetch_or_print_addr(sc, arg, &ifr, sizeof(ifr)))
		return IOC_ARG_DONE;
	pr_struct_begin(p);
	if (r->arg == SOCK_IFR_GET && r->member == IFR_NAME) {
		print_int_field(p, "ifr_ifindex", ifr.ifr_ifindex);
		return IOC_LATER;
	}
	print_cstr_field(p, "ifr_name", ifr.ifr_name, sizeof(ifr.ifr_name));
	if (r->arg == SOCK_IFR_GET)
		return IOC_LATER;
	print_member(sc, r->member, &ifr);
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

/* ---- SIOCGIFCONF ---- */

/* What entry read of the struct ifconf, for exit. */
#define IFC_LEN priv[0]
#define IFC_BUF priv[1]

/* ifc_len, with the count of the ifreq it holds in a comment: 80 / * 2 * sizeof(...) * /. */
static void print_ifc_len(struct pr *p, int len)
{
	unsigned n = (unsigned)len / sizeof(struct ifreq);
	pr_int(p, len);
	if (len > 0 && n * sizeof(struct ifreq) == (unsigned)len)
		pr_comment(p, "%u * sizeof(struct ifreq)", n);
}

static bool print_ifconf_ifreq(struct sc *sc, const void *elem, void *data)
{
	struct ifreq ifr;
	memcpy(&ifr, elem, sizeof(ifr));
	pr_struct_begin(sc->p);
	print_cstr_field(sc->p, "ifr_name", ifr.ifr_name, sizeof(ifr.ifr_name));
	print_sockaddr_field(sc, "ifr_addr", &ifr.ifr_addr);
	pr_struct_end(sc->p);
	return true;
}

/*
 * With ifc_buf NULL the kernel only says in ifc_len how many bytes it needs; else it fills
 * the buffer and says in ifc_len how many bytes of it it used.
 */
static int ifconf_ioctl(struct sc *sc, uint64_t arg)
{
	struct pr *p = sc->p;
	struct ifconf ifc;

	if (!sc->exiting) {
		if (umove(sc, arg, &ifc, sizeof(ifc))) {
			print_addr(sc, arg);
			return IOC_ARG_DONE;
		}
		pr_struct_begin(p);
		/* Without a buffer ifc_len is only an output: its name and value print at exit. */
		if (ifc.ifc_buf) {
			pr_field(p, "ifc_len");
			print_ifc_len(p, ifc.ifc_len);
		}
		sc->IFC_LEN = (uint32_t)ifc.ifc_len;
		sc->IFC_BUF = (uintptr_t)ifc.ifc_buf;
		return IOC_LATER;
	}
	int len0 = (int)(uint32_t)sc->IFC_LEN;
	uint64_t buf0 = sc->IFC_BUF;
	if (!buf0)
		pr_field(p, "ifc_len");
	if (umove(sc, arg, &ifc, sizeof(ifc))) {
		if (!buf0)
			print_ifc_len(p, len0);
		pr_field(p, "ifc_buf");
		pr_ptr(p, buf0);
		pr_struct_end(p);
		return IOC_ARG_DONE;
	}
	if (buf0 && len0 != ifc.ifc_len)
		pr_join(p, " => ");
	if (!buf0 || len0 != ifc.ifc_len)
		print_ifc_len(p, ifc.ifc_len);
	pr_field(p, "ifc_buf");
	if (!buf0 || sc_failed(sc)) {
		pr_ptr(p, buf0);
		if (buf0 != (uintptr_t)ifc.ifc_buf) {
			pr_join(p, " => ");
			pr_ptr(p, (uintptr_t)ifc.ifc_buf);
		}
	} else {
		print_array(sc, (uintptr_t)ifc.ifc_buf,
			    (unsigned)ifc.ifc_len / sizeof(struct ifreq), sizeof(struct ifreq), 0,
			    print_ifconf_ifreq, NULL);
	}
	pr_struct_end(p);
	return IOC_ARG_DONE;
}

int sock_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	const struct sock_req *r = NULL;
	struct ifreq ifr;

	for (size_t i = 0; i < sizeof(sock_reqs) / sizeof(sock_reqs[0]); i++)
		if (sock_reqs[i].code == code)
			r = &sock_reqs[i];
	if (!r)
		return IOC_ARG_HEX;

	switch (r->arg) {
	case SOCK_INT_OUT:
		if (!sc->exiting)
			return IOC_LATER;
		/* fall through */
	case SOCK_INT_IN:
		print_int_at(sc, arg);
		return IOC_ARG_DONE;
	case SOCK_BRIDGE:
		print_str_upto(sc, arg, IFNAMSIZ);
		return IOC_ARG_DONE;
	case SOCK_BRIDGE_IF:
		if (fetch_or_print_addr(sc, arg, &ifr, sizeof(ifr))) {
			pr_struct_begin(sc->p);
			pr_field(sc->p, "ifr_ifindex");
			net_print_ifindex(sc->p, (unsigned)ifr.ifr_ifindex);
			pr_struct_end(sc->p);
		}
		return IOC_ARG_DONE;
	case SOCK_ADDRESS:
		print_addr(sc, arg);
		return IOC_ARG_DONE;
	case SOCK_IFCONF:
		return ifconf_ioctl(sc, arg);
	}
	return ifreq_ioctl(sc, r, arg);
}
