/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Netlink messages of every family the trace decoders know, sent on real netlink sockets:
 * route (links, addresses, routes, neighbours, rules, traffic control, address labels,
 * netconf, nsid, stats, nexthops), sock_diag requests and responses, audit, xfrm, selinux,
 * netfilter, crypto, generic and udev. Messages that would change the system are sent
 * without NLM_F_REQUEST, which the kernel ignores; the others are harmless queries.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <endian.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <linux/audit.h>
#include <linux/cryptouser.h>
#include <linux/fib_rules.h>
#include <linux/genetlink.h>
#include <linux/if_addr.h>
#include <linux/if_addrlabel.h>
#include <linux/inet_diag.h>
#include <linux/lwtunnel.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/nexthop.h>
#include <linux/packet_diag.h>
#include <linux/rtnetlink.h>
#include <linux/selinux_netlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <linux/xfrm.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* lo is the first interface of every network namespace. */
#define LO_IFINDEX 1

static char msg[1024] __attribute__((aligned(8)));
static unsigned int used;

/* Starts a message: the netlink header and HDRLEN bytes of family header from HDR. */
static void *begin(uint16_t type, uint16_t flags, const void *hdr, unsigned int hdrlen)
{
	memset(msg, 0, sizeof(msg));
	struct nlmsghdr *h = (void *)msg;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = 0;
	memcpy(msg + NLMSG_HDRLEN, hdr, hdrlen);
	used = NLMSG_HDRLEN + NLMSG_ALIGN(hdrlen);
	return msg + NLMSG_HDRLEN;
}

static void attr(uint16_t type, const void *data, unsigned int len)
{
	struct nlattr *nla = (void *)(msg + used);
	nla->nla_len = NLA_HDRLEN + len;
	nla->nla_type = type;
	memcpy(msg + used + NLA_HDRLEN, data, len);
	used += NLA_ALIGN(nla->nla_len);
}

static void attr_u32(uint16_t type, uint32_t v)
{
	attr(type, &v, sizeof(v));
}

/*
 * A bound netlink socket: an unbound one has no port id yet, so sock_diag does not list
 * it and the tracers cannot tell its protocol until the first send binds it.
 */
static int nl_socket(int protocol)
{
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW, protocol);
	bind(fd, (struct sockaddr *)&addr, sizeof(addr));
	return fd;
}

static void send_msg(int fd)
{
	((struct nlmsghdr *)msg)->nlmsg_len = used;
	sendto(fd, msg, used, MSG_DONTWAIT, NULL, 0);
}

static void route(void)
{
	int fd = nl_socket(NETLINK_ROUTE);
	unsigned int lo = LO_IFINDEX;

	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_type = ARPHRD_LOOPBACK,
				 .ifi_index = lo, .ifi_flags = IFF_UP | IFF_LOOPBACK };
	begin(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &ifi, sizeof(ifi));
	attr(IFLA_IFNAME, "dummy0", 7);
	attr_u32(IFLA_MTU, 1500);
	attr_u32(IFLA_TXQLEN, 1000);
	attr_u32(0x3ff, 7);
	send_msg(fd);
	begin(RTM_GETLINK, NLM_F_DUMP, &ifi, 1);
	send_msg(fd);

	struct ifaddrmsg ifa = { .ifa_family = AF_INET, .ifa_prefixlen = 8,
				 .ifa_flags = IFA_F_PERMANENT, .ifa_scope = RT_SCOPE_HOST,
				 .ifa_index = lo };
	begin(RTM_DELADDR, NLM_F_ACK, &ifa, sizeof(ifa));
	struct in_addr a4 = { htonl(INADDR_LOOPBACK) };
	attr(IFA_LOCAL, &a4, sizeof(a4));
	attr(IFA_LABEL, "lo", 3);
	send_msg(fd);

	struct rtmsg rtm = { .rtm_family = AF_INET6, .rtm_dst_len = 128, .rtm_table = RT_TABLE_MAIN,
			     .rtm_protocol = RTPROT_STATIC, .rtm_scope = RT_SCOPE_UNIVERSE,
			     .rtm_type = RTN_UNICAST, .rtm_flags = RTM_F_NOTIFY };
	begin(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, &rtm, sizeof(rtm));
	attr(RTA_DST, &in6addr_loopback, sizeof(in6addr_loopback));
	attr_u32(RTA_OIF, lo);
	attr_u32(RTA_PRIORITY, 1024);
	attr_u32(RTA_TABLE, RT_TABLE_MAIN);
	send_msg(fd);

	/* A route's metrics (nested), cache info, next hop via, encapsulation type. */
	begin(RTM_NEWROUTE, 0, &rtm, sizeof(rtm));
	char metrics[NLA_HDRLEN * 2 + 4 + 8];
	struct nlattr *m = (void *)metrics;
	m->nla_len = NLA_HDRLEN + 4;
	m->nla_type = RTAX_MTU;
	*(uint32_t *)(metrics + NLA_HDRLEN) = 1400;
	m = (void *)(metrics + NLA_HDRLEN + 4);
	m->nla_len = NLA_HDRLEN + 6;
	m->nla_type = RTAX_CC_ALGO;
	memcpy(metrics + 2 * NLA_HDRLEN + 4, "bbr", 4);
	attr(RTA_METRICS, metrics, 2 * NLA_HDRLEN + 4 + 4);
	struct rta_cacheinfo ci = { .rta_clntref = 1, .rta_lastuse = 2, .rta_id = 0x10 };
	attr(RTA_CACHEINFO, &ci, sizeof(ci));
	/* struct rtvia ends in a flexible array: the address follows its family */
	unsigned char via[sizeof(struct rtvia) + sizeof(struct in6_addr)];
	struct rtvia *rv = (void *)via;

	rv->rtvia_family = AF_INET6;
	memcpy(via + sizeof(struct rtvia), &in6addr_loopback, sizeof(struct in6_addr));
	attr(RTA_VIA, via, sizeof(via));
	uint16_t encap = LWTUNNEL_ENCAP_MPLS;
	attr(RTA_ENCAP_TYPE, &encap, sizeof(encap));
	send_msg(fd);

	struct ndmsg nd = { .ndm_family = AF_INET, .ndm_ifindex = lo,
			    .ndm_state = NUD_PERMANENT, .ndm_flags = NTF_ROUTER,
			    .ndm_type = RTN_UNICAST };
	begin(RTM_DELNEIGH, 0, &nd, sizeof(nd));
	attr(NDA_DST, &a4, sizeof(a4));
	struct nda_cacheinfo nci = { .ndm_confirmed = 5, .ndm_refcnt = 1 };
	attr(NDA_CACHEINFO, &nci, sizeof(nci));
	uint16_t port = htons(4789);
	attr(NDA_PORT, &port, sizeof(port));
	send_msg(fd);

	struct fib_rule_hdr rule = { .family = AF_INET, .dst_len = 32, .table = RT_TABLE_LOCAL,
				     .action = FR_ACT_TO_TBL, .flags = FIB_RULE_INVERT };
	begin(RTM_NEWRULE, NLM_F_APPEND, &rule, sizeof(rule));
	attr_u32(FRA_PRIORITY, 32766);
	attr(FRA_IIFNAME, "lo", 3);
	send_msg(fd);
	begin(RTM_DELRULE, 0, &rule, sizeof(rule));
	struct fib_rule_uid_range uids = { 1000, 1999 };
	attr(FRA_UID_RANGE, &uids, sizeof(uids));
	struct fib_rule_port_range ports = { 1024, 65535 };
	attr(FRA_SPORT_RANGE, &ports, sizeof(ports));
	uint8_t proto = IPPROTO_TCP;
	attr(FRA_IP_PROTO, &proto, sizeof(proto));
	uint64_t tun = htobe64(42);
	attr(FRA_TUN_ID, &tun, sizeof(tun));
	send_msg(fd);

	struct tcmsg tc = { .tcm_family = AF_UNSPEC, .tcm_ifindex = lo, .tcm_handle = 0x10000,
			    .tcm_parent = 0xffffffff };
	begin(RTM_NEWQDISC, 0, &tc, sizeof(tc));
	attr(TCA_KIND, "pfifo", 6);
	send_msg(fd);

	struct ifaddrlblmsg lbl = { .ifal_family = AF_INET6, .ifal_prefixlen = 64,
				    .ifal_index = lo, .ifal_seq = 3 };
	begin(RTM_NEWADDRLABEL, 0, &lbl, sizeof(lbl));
	attr(IFAL_ADDRESS, &in6addr_loopback, sizeof(in6addr_loopback));
	attr_u32(IFAL_LABEL, 7);
	send_msg(fd);

	struct netconfmsg ncm = { .ncm_family = AF_INET };
	begin(RTM_GETNETCONF, NLM_F_REQUEST, &ncm, sizeof(ncm));
	attr_u32(NETCONFA_IFINDEX, lo);
	send_msg(fd);

	struct rtgenmsg gen = { .rtgen_family = AF_UNSPEC };
	begin(RTM_GETNSID, NLM_F_REQUEST, &gen, sizeof(gen));
	attr_u32(NETNSA_PID, 1);
	send_msg(fd);

	struct nhmsg nh = { .nh_family = AF_INET, .nh_protocol = RTPROT_BOOT,
			    .nh_flags = RTNH_F_ONLINK };
	begin(RTM_NEWNEXTHOP, 0, &nh, sizeof(nh));
	attr_u32(NHA_ID, 5);
	attr_u32(NHA_OIF, lo);
	send_msg(fd);

	/* A short message, an unknown type, and two messages in one buffer. */
	begin(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, &rtm, 4);
	send_msg(fd);
	begin(0x7f, 0, &gen, sizeof(gen));
	send_msg(fd);
	begin(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, &ifa, sizeof(ifa));
	((struct nlmsghdr *)msg)->nlmsg_len = used;
	memcpy(msg + used, msg, used);
	sendto(fd, msg, 2 * used, MSG_DONTWAIT, NULL, 0);
	close(fd);
}

static void sock_diag(void)
{
	int fd = nl_socket(NETLINK_SOCK_DIAG);
	struct unix_diag_req ureq = { .sdiag_family = AF_UNIX, .udiag_states = 1 << 10,
				      .udiag_ino = 12345, .udiag_show = UDIAG_SHOW_NAME,
				      .udiag_cookie = { 1, 2 } };
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ureq, sizeof(ureq));
	send_msg(fd);
	struct unix_diag_msg umsg = { .udiag_family = AF_UNIX, .udiag_type = SOCK_STREAM,
				      .udiag_state = 10, .udiag_ino = 7 };
	begin(SOCK_DIAG_BY_FAMILY, 0, &umsg, sizeof(umsg));
	attr(UNIX_DIAG_NAME, "/tmp/sock", 10);
	attr_u32(UNIX_DIAG_PEER, 9);
	send_msg(fd);

	struct inet_diag_req_v2 ireq = { .sdiag_family = AF_INET, .sdiag_protocol = IPPROTO_TCP,
					 .idiag_states = 1 << 10 };
	ireq.id.idiag_sport = htons(80);
	ireq.id.idiag_src[0] = htonl(INADDR_LOOPBACK);
	ireq.id.idiag_if = LO_IFINDEX;
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &ireq, sizeof(ireq));
	send_msg(fd);
	struct inet_diag_msg imsg = { .idiag_family = AF_INET6, .idiag_state = 1,
				      .idiag_uid = 0, .idiag_inode = 4242 };
	memcpy(imsg.id.idiag_dst, &in6addr_loopback, 16);
	begin(SOCK_DIAG_BY_FAMILY, 0, &imsg, sizeof(imsg));
	attr(INET_DIAG_CONG, "cubic", 6);
	send_msg(fd);

	struct netlink_diag_req nreq = { .sdiag_family = AF_NETLINK,
					 .sdiag_protocol = NDIAG_PROTO_ALL,
					 .ndiag_show = NDIAG_SHOW_MEMINFO };
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &nreq, sizeof(nreq));
	send_msg(fd);
	struct netlink_diag_msg nmsg = { .ndiag_family = AF_NETLINK, .ndiag_type = SOCK_RAW,
					 .ndiag_protocol = NETLINK_ROUTE, .ndiag_state = 1,
					 .ndiag_portid = 3 };
	begin(SOCK_DIAG_BY_FAMILY, 0, &nmsg, sizeof(nmsg));
	send_msg(fd);

	struct packet_diag_req preq = { .sdiag_family = AF_PACKET, .pdiag_show = PACKET_SHOW_INFO };
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &preq, sizeof(preq));
	send_msg(fd);
	/* A family without a decoder, and a short request. */
	uint8_t fam[4] = { AF_X25, 1, 2, 3 };
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, fam, sizeof(fam));
	send_msg(fd);
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &ureq, 6);
	send_msg(fd);
	close(fd);
}

static void families(void)
{
	struct nlmsghdr none = { 0 };
	int fd = nl_socket(NETLINK_AUDIT);
	begin(AUDIT_GET, NLM_F_REQUEST, &none, 0);
	send_msg(fd);
	begin(AUDIT_USER + 999, 0, &none, 0);
	send_msg(fd);
	close(fd);

	fd = nl_socket(NETLINK_XFRM);
	begin(XFRM_MSG_GETSA, NLM_F_DUMP, &none, 0);
	send_msg(fd);
	begin(XFRM_MSG_DELSA, NLM_F_ECHO | NLM_F_NONREC, &none, 0);
	send_msg(fd);
	close(fd);

	fd = nl_socket(NETLINK_SELINUX);
	struct selnl_msg_setenforce enf = { .val = 1 };
	begin(SELNL_MSG_SETENFORCE, 0, &enf, sizeof(enf));
	send_msg(fd);
	close(fd);

	fd = nl_socket(NETLINK_NETFILTER);
	struct nfgenmsg nf = { .nfgen_family = AF_INET, .version = NFNETLINK_V0,
			       .res_id = htons(NFNL_SUBSYS_NFTABLES) };
	begin(NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETTABLE, NLM_F_DUMP, &nf, sizeof(nf));
	attr(NFTA_TABLE_NAME, "filter", 7);
	send_msg(fd);
	nf.res_id = htons(7);
	begin(NFNL_SUBSYS_CTNETLINK << 8 | IPCTNL_MSG_CT_DELETE, 0, &nf, sizeof(nf));
	send_msg(fd);
	begin(0xff << 8 | 0xfe, 0, &nf, sizeof(nf));
	send_msg(fd);
	begin(NFNL_MSG_BATCH_BEGIN, NLM_F_REQUEST, &nf, sizeof(nf));
	send_msg(fd);
	close(fd);

	fd = nl_socket(NETLINK_CRYPTO);
	struct crypto_user_alg alg = { .cru_type = 5, .cru_refcnt = 2 };
	strcpy(alg.cru_name, "sha256");
	strcpy(alg.cru_driver_name, "sha256-generic");
	begin(CRYPTO_MSG_GETALG, NLM_F_REQUEST, &alg, sizeof(alg));
	attr_u32(CRYPTOCFGA_PRIORITY_VAL, 100);
	send_msg(fd);
	close(fd);

	fd = nl_socket(NETLINK_GENERIC);
	struct genlmsghdr g = { .cmd = CTRL_CMD_GETFAMILY, .version = 1 };
	begin(GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_DUMP, &g, sizeof(g));
	send_msg(fd);
	close(fd);

	fd = nl_socket(NETLINK_KOBJECT_UEVENT);
	sendto(fd, "add@/devices/virtual", 20, MSG_DONTWAIT, NULL, 0);
	close(fd);
}

int main(void)
{
	route();
	sock_diag();
	families();
	return 0;
}
