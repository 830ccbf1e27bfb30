/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Netlink attributes of every shape the decoders print, each good and bad: strings with
 * and without their NUL, integer arrays with a partial last element, structs of the exact
 * size, short of it and ending in an unreadable page, nests of nests (traffic control
 * statistics, bridge ports, FDB extensions, neighbour table parameters), RTA_MULTIPATH
 * records, link-layer addresses, clock ticks and cache reports of each family. The
 * messages go to real netlink sockets without NLM_F_REQUEST (the kernel ignores them)
 * or as dumps the kernel answers without changing anything.
 */
#define _GNU_SOURCE
/* glibc's netinet/in.h before the kernel's linux/in.h (which mroute.h includes). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/gen_stats.h>
#include <linux/if_bridge.h>
#include <linux/if_packet.h>
#include <linux/inet_diag.h>
#include <linux/if_link.h>
#include <linux/mroute.h>
#include <linux/mroute6.h>
#include <linux/mpls.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/filter.h>
#include <linux/netlink_diag.h>
#include <linux/packet_diag.h>
#include <linux/pkt_cls.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <linux/smc_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <net/if_arp.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

/* lo is the first interface of every network namespace. */
#define LO_IFINDEX 1

static char buf[1024] __attribute__((aligned(8)));
static char *msg = buf;
static unsigned int used;
static size_t page;
static char *guard;	/* a readable page followed by an unreadable one */

static void *begin(uint16_t type, uint16_t flags, const void *hdr, unsigned int hdrlen)
{
	msg = buf;
	memset(msg, 0, sizeof(buf));
	struct nlmsghdr *h = (void *)msg;
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	memcpy(msg + NLMSG_HDRLEN, hdr, hdrlen);
	used = NLMSG_HDRLEN + NLMSG_ALIGN(hdrlen);
	return msg + NLMSG_HDRLEN;
}

/* An attribute header of type TYPE and LEN payload bytes; the payload's place. */
static char *attr_hdr(uint16_t type, unsigned int len)
{
	struct nlattr *nla = (void *)(msg + used);
	nla->nla_len = NLA_HDRLEN + len;
	nla->nla_type = type;
	used += NLA_HDRLEN;
	return msg + used;
}

static void attr(uint16_t type, const void *data, unsigned int len)
{
	memcpy(attr_hdr(type, len), data, len);
	used += NLA_ALIGN(len);
}

/* Opens a nest: its length is set by nest_end. */
static unsigned int nest_begin(uint16_t type)
{
	unsigned int at = used;
	attr_hdr(type, 0);
	return at;
}

static void nest_end(unsigned int at)
{
	((struct nlattr *)(msg + at))->nla_len = used - at;
}

static void send_msg(int fd)
{
	((struct nlmsghdr *)msg)->nlmsg_len = used;
	sendto(fd, msg, used, MSG_DONTWAIT, NULL, 0);
}

/*
 * Sends the message built so far with its last SHORT payload bytes cut off by the guard
 * page: the header says they are there, the kernel and the tracers find them unreadable.
 */
static void send_cut(int fd, unsigned int short_by)
{
	((struct nlmsghdr *)msg)->nlmsg_len = used;
	char *at = guard + page - (used - short_by);
	memcpy(at, msg, used - short_by);
	sendto(fd, at, used, MSG_DONTWAIT, NULL, 0);
}

static int nl_socket(int protocol)
{
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK };
	int fd = socket(AF_NETLINK, SOCK_RAW, protocol);
	bind(fd, (struct sockaddr *)&addr, sizeof(addr));
	return fd;
}

static void tc(int fd)
{
	struct tcmsg tcm = { .tcm_family = AF_UNSPEC, .tcm_ifindex = LO_IFINDEX };
	struct tc_stats st = { .bytes = 1ULL << 40, .packets = 7, .drops = 1, .qlen = 3,
			       .backlog = 9 };
	begin(RTM_GETQDISC, NLM_F_DUMP, &tcm, sizeof(tcm));
	attr(TCA_KIND, "pfifo_fast", 10);	/* no NUL: "..." */
	attr(TCA_STATS, &st, sizeof(st));
	struct tc_estimator est = { .interval = -2, .ewma_log = 3 };
	attr(TCA_RATE, &est, sizeof(est));
	send_msg(fd);

	begin(RTM_GETQDISC, NLM_F_DUMP, &tcm, sizeof(tcm));
	attr(TCA_STATS, &st, 20);		/* short of the struct: hex */
	send_msg(fd);
	begin(RTM_GETQDISC, NLM_F_DUMP, &tcm, sizeof(tcm));
	attr(TCA_STATS, &st, sizeof(st));
	send_cut(fd, 8);			/* the struct ends unreadable */

	begin(RTM_GETQDISC, NLM_F_DUMP, &tcm, sizeof(tcm));
	unsigned int n = nest_begin(TCA_STATS2);
	struct gnet_stats_basic basic = { .bytes = 100, .packets = 2 };
	attr(TCA_STATS_BASIC, &basic, 12);
	struct gnet_stats_queue q = { .qlen = 1, .backlog = 2, .drops = 3, .requeues = 4,
				      .overlimits = 5 };
	attr(TCA_STATS_QUEUE, &q, sizeof(q));
	struct gnet_stats_rate_est64 r64 = { .bps = 1000, .pps = 10 };
	attr(TCA_STATS_RATE_EST64, &r64, sizeof(r64));
	uint64_t pkt = 77;
	attr(TCA_STATS_PKT64, &pkt, sizeof(pkt));
	attr(TCA_STATS_APP, "ab", 2);
	nest_end(n);
	n = nest_begin(TCA_STAB);
	struct tc_sizespec sz = { .cell_log = 3, .size_log = 4, .cell_align = -1,
				  .overhead = -20, .linklayer = 1, .mpu = 64, .mtu = 1500,
				  .tsize = 2 };
	attr(TCA_STAB_BASE, &sz, sizeof(sz));
	uint16_t data[3] = { 10, 20, 30 };
	attr(TCA_STAB_DATA, data, 5);		/* two whole u16 and a half */
	nest_end(n);
	send_msg(fd);

	struct tcamsg tca = { .tca_family = AF_INET };
	begin(RTM_GETACTION, NLM_F_DUMP, &tca, sizeof(tca));
	uint32_t flags = TCA_ACT_FLAGS_SKIP_HW | 0x100;
	attr(TCA_ACT_FLAGS, &flags, sizeof(flags));
	flags = TCA_ACT_HW_STATS_DELAYED;
	attr(TCA_ACT_HW_STATS, &flags, sizeof(flags));
	attr(TCA_ACT_KIND, "gact", 5);
	send_msg(fd);
}

static void neigh(int fd)
{
	struct ndtmsg ndtm = { .ndtm_family = AF_INET };
	begin(RTM_GETNEIGHTBL, NLM_F_DUMP, &ndtm, sizeof(ndtm));
	struct ndt_config cfg = { .ndtc_key_len = 4, .ndtc_entry_size = 400, .ndtc_entries = 2,
				  .ndtc_hash_mask = 0xff, .ndtc_proxy_qlen = 64 };
	attr(NDTA_CONFIG, &cfg, sizeof(cfg));
	unsigned int n = nest_begin(NDTA_PARMS);
	uint32_t lo = LO_IFINDEX;
	attr(NDTPA_IFINDEX, &lo, sizeof(lo));
	uint64_t ms = 30000;
	attr(NDTPA_REACHABLE_TIME, &ms, sizeof(ms));
	attr(NDTPA_QUEUE_LENBYTES, &lo, 2);	/* short: hex */
	nest_end(n);
	struct ndt_stats nst = { .ndts_allocs = 5, .ndts_lookups = 9, .ndts_table_fulls = 1 };
	attr(NDTA_STATS, &nst, sizeof(nst));
	send_msg(fd);

	struct ndmsg ndm = { .ndm_family = AF_BRIDGE, .ndm_ifindex = LO_IFINDEX,
			     .ndm_state = NUD_PERMANENT, .ndm_flags = NTF_SELF };
	begin(RTM_GETNEIGH, NLM_F_DUMP, &ndm, sizeof(ndm));
	static const unsigned char mac[6] = { 0x02, 0x42, 0xac, 0x11, 0x00, 0x02 };
	attr(NDA_LLADDR, mac, sizeof(mac));
	uint32_t nsid = 0xfffffffe;
	attr(NDA_LINK_NETNSID, &nsid, sizeof(nsid));
	uint16_t states = NUD_REACHABLE | NUD_STALE | 0x4000;
	attr(NDA_NDM_STATE_MASK, &states, sizeof(states));
	uint8_t nflags = NTF_MASTER | NTF_EXT_LEARNED;
	attr(NDA_NDM_FLAGS_MASK, &nflags, sizeof(nflags));
	uint32_t ext = NTF_EXT_MANAGED;
	attr(NDA_FLAGS_EXT, &ext, sizeof(ext));
	n = nest_begin(NDA_FDB_EXT_ATTRS);
	uint8_t notify = FDB_NOTIFY_BIT | FDB_NOTIFY_INACTIVE_BIT;
	attr(NFEA_ACTIVITY_NOTIFY, &notify, sizeof(notify));
	attr_hdr(NFEA_DONT_REFRESH, 0);
	nest_end(n);
	send_msg(fd);
}

static void routes(int fd)
{
	struct rtmsg rtm = { .rtm_family = AF_INET, .rtm_table = RT_TABLE_MAIN,
			     .rtm_protocol = RTPROT_STATIC, .rtm_type = RTN_UNICAST };
	begin(RTM_GETROUTE, NLM_F_DUMP, &rtm, sizeof(rtm));
	unsigned int n = nest_begin(RTA_MULTIPATH);
	struct rtnexthop nh = { .rtnh_flags = RTNH_F_ONLINK, .rtnh_hops = 1,
				.rtnh_ifindex = LO_IFINDEX };
	struct in_addr gw = { htonl(INADDR_LOOPBACK) };
	unsigned int at = used;
	memcpy(msg + used, &nh, sizeof(nh));
	used += sizeof(nh);
	attr(RTA_GATEWAY, &gw, sizeof(gw));
	((struct rtnexthop *)(msg + at))->rtnh_len = used - at;
	nh.rtnh_len = sizeof(nh);		/* a record without attributes */
	nh.rtnh_hops = 2;
	memcpy(msg + used, &nh, sizeof(nh));
	used += sizeof(nh);
	nest_end(n);
	send_msg(fd);

	/* Multicast routing cache reports of each family, and of another family. */
	struct rtgenmsg gen = { .rtgen_family = RTNL_FAMILY_IPMR };
	begin(RTM_NEWCACHEREPORT, 0, &gen, sizeof(gen));
	uint8_t type = IGMPMSG_WRONGVIF;
	attr(IPMRA_CREPORT_MSGTYPE, &type, sizeof(type));
	uint32_t vif = 3;
	attr(IPMRA_CREPORT_VIF_ID, &vif, sizeof(vif));
	attr(IPMRA_CREPORT_SRC_ADDR, &gw, sizeof(gw));
	attr(IPMRA_CREPORT_PKT, "\x45\x00", 2);
	send_msg(fd);
	gen.rtgen_family = RTNL_FAMILY_IP6MR;
	begin(RTM_NEWCACHEREPORT, 0, &gen, sizeof(gen));
	attr(IP6MRA_CREPORT_DST_ADDR, &in6addr_loopback, sizeof(in6addr_loopback));
	send_msg(fd);
	gen.rtgen_family = AF_INET;
	begin(RTM_NEWCACHEREPORT, 0, &gen, sizeof(gen));
	attr(1, "xyz", 3);
	send_msg(fd);
}

static void links(int fd)
{
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE, .ifi_type = ARPHRD_ETHER,
				 .ifi_index = LO_IFINDEX };
	begin(RTM_GETLINK, NLM_F_DUMP, &ifi, sizeof(ifi));
	unsigned int n = nest_begin(IFLA_PROTINFO);
	uint8_t state = 3;
	attr(IFLA_BRPORT_STATE, &state, sizeof(state));
	uint16_t prio = 32;
	attr(IFLA_BRPORT_PRIORITY, &prio, sizeof(prio));
	struct ifla_bridge_id id = { .prio = { 0x80, 0x00 },
				     .addr = { 0x02, 0, 0, 0, 0, 0x01 } };
	attr(IFLA_BRPORT_ROOT_ID, &id, sizeof(id));
	uint64_t ticks = 1234;
	attr(IFLA_BRPORT_HOLD_TIMER, &ticks, sizeof(ticks));
	uint16_t mask = 0x4001;
	attr(IFLA_BRPORT_GROUP_FWD_MASK, &mask, sizeof(mask));
	uint32_t lo = LO_IFINDEX;
	attr(IFLA_BRPORT_BACKUP_PORT, &lo, sizeof(lo));
	attr_hdr(IFLA_BRPORT_FLUSH, 0);
	nest_end(n);
	send_msg(fd);
	/* The bridge multicast database: an entry with its timer, a router port. */
	struct br_port_msg bpm = { .family = AF_BRIDGE, .ifindex = LO_IFINDEX };
	begin(RTM_GETMDB, NLM_F_DUMP, &bpm, sizeof(bpm));
	n = nest_begin(MDBA_MDB);
	unsigned int e = nest_begin(MDBA_MDB_ENTRY);
	unsigned int info = nest_begin(MDBA_MDB_ENTRY_INFO);
	struct br_mdb_entry ent = { .ifindex = LO_IFINDEX, .state = MDB_PERMANENT,
				    .flags = MDB_FLAGS_OFFLOAD, .vid = 10 };
	ent.addr.u.ip4 = htonl(0xe0000001);
	ent.addr.proto = htons(AF_INET);
	memcpy(msg + used, &ent, sizeof(ent));
	used += NLA_ALIGN(sizeof(ent));
	attr(MDBA_MDB_EATTR_TIMER, &ticks, 4);
	nest_end(info);
	nest_end(e);
	nest_end(n);
	n = nest_begin(MDBA_ROUTER);
	unsigned int port = nest_begin(MDBA_ROUTER_PORT);
	memcpy(msg + used, &lo, sizeof(lo));
	used += sizeof(lo);
	uint8_t rtr = MDB_RTR_TYPE_PERM;
	attr(MDBA_ROUTER_PATTR_TYPE, &rtr, sizeof(rtr));
	nest_end(port);
	nest_end(n);
	send_msg(fd);
	/* AF_INET6's protocol information: flags, indexed arrays, a token address. */
	ifi.ifi_family = AF_INET6;
	begin(RTM_GETLINK, NLM_F_DUMP, &ifi, sizeof(ifi));
	n = nest_begin(IFLA_PROTINFO);
	uint32_t i6flags = 0x80000000 | 0x40;		/* IF_READY|IF_RA_MANAGED */
	attr(IFLA_INET6_FLAGS, &i6flags, sizeof(i6flags));
	int32_t conf[3] = { 1, 64, -1 };
	attr(IFLA_INET6_CONF, conf, 11);		/* two whole ints */
	uint64_t icmp6[2] = { 5, 6 };
	attr(IFLA_INET6_ICMP6STATS, icmp6, sizeof(icmp6));
	attr(IFLA_INET6_TOKEN, &in6addr_loopback, sizeof(in6addr_loopback));
	uint8_t mode = IN6_ADDR_GEN_MODE_STABLE_PRIVACY;
	attr(IFLA_INET6_ADDR_GEN_MODE, &mode, sizeof(mode));
	nest_end(n);
	send_msg(fd);
	/* A virtual function: its MAC, link state, VLANs, node GUID. */
	ifi.ifi_family = AF_UNSPEC;
	begin(RTM_GETLINK, NLM_F_DUMP, &ifi, sizeof(ifi));
	n = nest_begin(IFLA_VFINFO_LIST);
	unsigned int vf = nest_begin(IFLA_VF_INFO);
	struct ifla_vf_mac vmac = { .vf = 1, .mac = { 0x02, 0x11, 0x22 } };
	attr(IFLA_VF_MAC, &vmac, sizeof(vmac));
	struct ifla_vf_link_state ls = { .vf = 1, .link_state = IFLA_VF_LINK_STATE_DISABLE };
	attr(IFLA_VF_LINK_STATE, &ls, sizeof(ls));
	unsigned int vl = nest_begin(IFLA_VF_VLAN_LIST);
	struct ifla_vf_vlan_info vinfo = { .vf = 1, .vlan = 100, .vlan_proto = htons(0x8100) };
	attr(IFLA_VF_VLAN_INFO, &vinfo, sizeof(vinfo));
	nest_end(vl);
	struct ifla_vf_guid guid = { .vf = 1, .guid = 0x1122334455667788ULL };
	attr(IFLA_VF_IB_NODE_GUID, &guid, sizeof(guid));
	nest_end(vf);
	nest_end(n);
	send_msg(fd);
	/* Interface statistics: a bridge's VLAN and multicast counters, MPLS's. */
	struct if_stats_msg ism = { .family = AF_UNSPEC, .ifindex = LO_IFINDEX,
				    .filter_mask = 1 << (IFLA_STATS_LINK_XSTATS - 1) };
	begin(RTM_GETSTATS, NLM_F_DUMP, &ism, sizeof(ism));
	n = nest_begin(IFLA_STATS_LINK_XSTATS);
	unsigned int br = nest_begin(LINK_XSTATS_TYPE_BRIDGE);
	struct bridge_vlan_xstats bvx = { .rx_bytes = 10, .tx_packets = 2, .vid = 5,
					  .flags = BRIDGE_VLAN_INFO_PVID };
	attr(BRIDGE_XSTATS_VLAN, &bvx, sizeof(bvx));
	struct br_mcast_stats bms = { .igmp_v2queries = { 1, 2 }, .mld_parse_errors = 3 };
	attr(BRIDGE_XSTATS_MCAST, &bms, sizeof(bms));
	nest_end(br);
	nest_end(n);
	n = nest_begin(IFLA_STATS_AF_SPEC);
	unsigned int af = nest_begin(AF_MPLS);
	struct mpls_link_stats mls = { .rx_packets = 4, .rx_noroute = 1 };
	char mls_more[sizeof(mls) + 2] = { 0 };
	memcpy(mls_more, &mls, sizeof(mls));
	attr(MPLS_STATS_LINK, mls_more, sizeof(mls_more));	/* two bytes more: hex */
	nest_end(af);
	nest_end(n);
	send_msg(fd);
	/* Another family's protocol information is not decoded. */
	ifi.ifi_family = AF_PACKET;
	begin(RTM_GETLINK, NLM_F_DUMP, &ifi, sizeof(ifi));
	attr(IFLA_PROTINFO, "\x01\x02\x03", 3);
	send_msg(fd);
}

static void diag(int fd)
{
	struct unix_diag_msg um = { .udiag_family = AF_UNIX, .udiag_type = SOCK_STREAM,
				    .udiag_state = 1, .udiag_ino = 5 };
	begin(SOCK_DIAG_BY_FAMILY, 0, &um, sizeof(um));
	struct unix_diag_vfs vfs = { .udiag_vfs_ino = 42, .udiag_vfs_dev = 0x801 };
	attr(UNIX_DIAG_VFS, &vfs, sizeof(vfs));
	struct unix_diag_rqlen rq = { .udiag_rqueue = 1, .udiag_wqueue = 128 };
	attr(UNIX_DIAG_RQLEN, &rq, sizeof(rq));
	uint32_t icons[3] = { 100, 200, 300 };
	attr(UNIX_DIAG_ICONS, icons, 11);	/* two inodes and three bytes */
	attr(UNIX_DIAG_NAME, "/run/x.sock\0y", 13);
	send_msg(fd);
	begin(SOCK_DIAG_BY_FAMILY, 0, &um, sizeof(um));
	attr(UNIX_DIAG_ICONS, icons, sizeof(icons));
	send_cut(fd, 4);			/* the last inode unreadable */

	struct netlink_diag_msg nm = { .ndiag_family = AF_NETLINK, .ndiag_type = SOCK_RAW,
				       .ndiag_protocol = NETLINK_ROUTE, .ndiag_state = 1 };
	begin(SOCK_DIAG_BY_FAMILY, 0, &nm, sizeof(nm));
	uint64_t groups[2] = { 0x11, 0xdeadbeef00000000ULL };
	attr(NETLINK_DIAG_GROUPS, groups, sizeof(groups));
	struct netlink_diag_ring ring = { .ndr_block_size = 4096, .ndr_block_nr = 2,
					  .ndr_frame_size = 2048, .ndr_frame_nr = 4 };
	attr(NETLINK_DIAG_TX_RING, &ring, sizeof(ring));
	attr(NETLINK_DIAG_RX_RING, &ring, 12);	/* short: hex */
	send_msg(fd);
	/* A netlink request whose fields after the family are unreadable. */
	struct netlink_diag_req nreq = { .sdiag_family = AF_NETLINK };
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &nreq, sizeof(nreq));
	send_cut(fd, sizeof(nreq) - 1);

	/* A packet socket: its info, multicast list and (printed with -v) filter. */
	struct packet_diag_msg pm = { .pdiag_family = AF_PACKET, .pdiag_type = SOCK_RAW,
				      .pdiag_num = htons(3) };
	begin(SOCK_DIAG_BY_FAMILY, 0, &pm, sizeof(pm));
	struct packet_diag_info pinfo = { .pdi_index = LO_IFINDEX, .pdi_version = TPACKET_V2,
					  .pdi_flags = PDI_RUNNING | PDI_AUXDATA };
	attr(PACKET_DIAG_INFO, &pinfo, sizeof(pinfo));
	struct packet_diag_mclist mcl = { .pdmc_index = LO_IFINDEX, .pdmc_count = 1,
					  .pdmc_alen = 6, .pdmc_addr = { 0x01, 0, 0x5e } };
	attr(PACKET_DIAG_MCLIST, &mcl, sizeof(mcl));
	struct sock_filter insns[2] = {
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_PKTTYPE),
		BPF_STMT(BPF_RET | BPF_K, 0xffff) };
	attr(PACKET_DIAG_FILTER, insns, sizeof(insns));
	send_msg(fd);

	/* An inet request's protocol attribute: a u32 constant, known and not. */
	struct inet_diag_req_v2 ireq = { .sdiag_family = AF_INET, .sdiag_protocol = IPPROTO_RAW };
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &ireq, sizeof(ireq));
	uint32_t proto = IPPROTO_UDP;
	attr(INET_DIAG_REQ_PROTOCOL, &proto, sizeof(proto));
	proto = 0x1234;
	attr(INET_DIAG_REQ_PROTOCOL, &proto, sizeof(proto));
	send_msg(fd);
	/* Filter bytecode: a source host condition with its address, a device condition. */
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST | NLM_F_DUMP, &ireq, sizeof(ireq));
	/* (the condition ends in a flexible address array: laid out by hand) */
	const struct inet_diag_bc_op op = { INET_DIAG_BC_S_COND, 16, 20 };
	const struct inet_diag_hostcond cond = { AF_INET, 8, 80 };
	const uint32_t host = htonl(INADDR_LOOPBACK);
	unsigned char bc[sizeof(op) + sizeof(cond) + sizeof(host)];
	memcpy(bc, &op, sizeof(op));
	memcpy(bc + sizeof(op), &cond, sizeof(cond));
	memcpy(bc + sizeof(op) + sizeof(cond), &host, sizeof(host));
	attr(INET_DIAG_REQ_BYTECODE, bc, sizeof(bc));
	struct {
		struct inet_diag_bc_op op;
		uint32_t ifindex;
	} dev = { { INET_DIAG_BC_DEV_COND, 8, 12 }, LO_IFINDEX };
	attr(INET_DIAG_REQ_BYTECODE, &dev, sizeof(dev));
	send_msg(fd);

	/* SMC sockets keep AF_INET ids. */
	struct smc_diag_req sreq = { .diag_family = AF_SMC, .diag_ext = 1 };
	sreq.id.idiag_sport = htons(443);
	sreq.id.idiag_src[0] = htonl(INADDR_LOOPBACK);
	begin(SOCK_DIAG_BY_FAMILY, NLM_F_REQUEST, &sreq, sizeof(sreq));
	send_msg(fd);
	struct smc_diag_msg sm = { .diag_family = AF_SMC, .diag_state = 1,
				   .diag_fallback = SMC_DIAG_MODE_FALLBACK_TCP, .diag_inode = 8 };
	begin(SOCK_DIAG_BY_FAMILY, 0, &sm, sizeof(sm));
	uint8_t shut = 3;
	attr(SMC_DIAG_SHUTDOWN, &shut, sizeof(shut));
	send_msg(fd);
}

int main(void)
{
	page = (size_t)sysconf(_SC_PAGESIZE);
	guard = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (guard == MAP_FAILED || mprotect(guard + page, page, PROT_NONE))
		return 1;
	int route = nl_socket(NETLINK_ROUTE);
	int sock_diag = nl_socket(NETLINK_SOCK_DIAG);
	tc(route);
	neigh(route);
	routes(route);
	links(route);
	diag(sock_diag);
	close(sock_diag);
	close(route);
	return 0;
}
