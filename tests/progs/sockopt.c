/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Socket option values by level and name, good and bad: multicast memberships (ip_mreq,
 * ip_mreqn, ipv6_mreq, packet_mreq), SO_LINGER, SO_PEERCRED, SO_ERROR, ICMP_FILTER, socket
 * filters, SOL_NETLINK options and plain integers, with short, long and unreadable values.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/filter.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tail_alloc.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

static void memberships(void)
{
	int udp = socket(AF_INET, SOCK_DGRAM, 0);
	struct ip_mreq *m4 = tail_alloc(sizeof(*m4));
	inet_pton(AF_INET, "224.0.0.3", &m4->imr_multiaddr);
	inet_pton(AF_INET, "127.0.0.1", &m4->imr_interface);
	setsockopt(udp, SOL_IP, IP_ADD_MEMBERSHIP, m4, sizeof(*m4));
	setsockopt(udp, SOL_IP, IP_ADD_MEMBERSHIP, m4, sizeof(*m4) - 1);
	setsockopt(udp, SOL_IP, IP_DROP_MEMBERSHIP, (char *)m4 + 1, sizeof(*m4));
	setsockopt(udp, SOL_IP, IP_DROP_MEMBERSHIP, m4, -1);

	struct ip_mreqn *mn = tail_alloc(sizeof(*mn));
	inet_pton(AF_INET, "224.0.0.4", &mn->imr_multiaddr);
	mn->imr_address.s_addr = htonl(INADDR_ANY);
	mn->imr_ifindex = 1;
	setsockopt(udp, SOL_IP, IP_ADD_MEMBERSHIP, mn, sizeof(*mn));
	setsockopt(udp, SOL_IP, IP_MULTICAST_IF, mn, sizeof(*mn));
	setsockopt(udp, SOL_IP, IP_MULTICAST_IF, m4, sizeof(m4->imr_interface));
	close(udp);

	int udp6 = socket(AF_INET6, SOCK_DGRAM, 0);
	struct ipv6_mreq *m6 = tail_alloc(sizeof(*m6));
	inet_pton(AF_INET6, "ff01::c", &m6->ipv6mr_multiaddr);
	m6->ipv6mr_interface = 1;
	setsockopt(udp6, SOL_IPV6, IPV6_ADD_MEMBERSHIP, m6, sizeof(*m6));
	setsockopt(udp6, SOL_IPV6, IPV6_DROP_MEMBERSHIP, m6, sizeof(*m6) + 1);
	setsockopt(udp6, SOL_IPV6, IPV6_JOIN_ANYCAST, m6, sizeof(*m6) - 1);
	close(udp6);

	int pkt = socket(AF_PACKET, SOCK_RAW, 0);
	struct packet_mreq *pm = tail_alloc(sizeof(*pm));
	pm->mr_ifindex = 1;
	pm->mr_type = PACKET_MR_PROMISC;
	pm->mr_alen = 6;
	memcpy(pm->mr_address, "\x01\x02\x03\x04\x05\x06", 6);
	setsockopt(pkt, SOL_PACKET, PACKET_ADD_MEMBERSHIP, pm, sizeof(*pm));
	setsockopt(pkt, SOL_PACKET, PACKET_DROP_MEMBERSHIP, pm, sizeof(*pm) - 1);
	close(pkt);
}

static void socket_level(void)
{
	int tcp = socket(AF_INET, SOCK_STREAM, 0);
	struct linger *l = tail_alloc(sizeof(*l));
	l->l_onoff = 1;
	l->l_linger = 5;
	setsockopt(tcp, SOL_SOCKET, SO_LINGER, l, sizeof(*l));
	setsockopt(tcp, SOL_SOCKET, SO_LINGER, l, sizeof(*l) - 1);
	socklen_t *len = tail_alloc(sizeof(*len));
	*len = sizeof(*l);
	getsockopt(tcp, SOL_SOCKET, SO_LINGER, l, len);
	/* lengths that end inside a field: its bytes */
	*len = 3;
	getsockopt(tcp, SOL_SOCKET, SO_LINGER, l, len);
	*len = 7;
	getsockopt(tcp, SOL_SOCKET, SO_LINGER, l, len);
	*len = sizeof(int);
	int *v = tail_alloc(sizeof(*v));
	getsockopt(tcp, SOL_SOCKET, SO_ERROR, v, len);
	getsockopt(tcp, SOL_SOCKET, SO_TYPE, v, len);
	*v = 1;
	setsockopt(tcp, SOL_SOCKET, SO_KEEPALIVE, v, sizeof(*v));
	setsockopt(tcp, SOL_SOCKET, SO_REUSEADDR, v, sizeof(*v) + 1);
	setsockopt(tcp, IPPROTO_TCP, TCP_NODELAY, v, sizeof(*v));
	setsockopt(tcp, IPPROTO_TCP, TCP_NODELAY, (char *)v + 1, sizeof(*v));
	close(tcp);

	int pair[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, pair);
	struct ucred *cred = tail_alloc(sizeof(*cred));
	*len = sizeof(*cred);
	getsockopt(pair[0], SOL_SOCKET, SO_PEERCRED, cred, len);
	*len = sizeof(*cred) - 1;
	getsockopt(pair[0], SOL_SOCKET, SO_PEERCRED, cred, len);
	close(pair[0]);
	close(pair[1]);

	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 2, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, 0xffff),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog prog = { .len = 4, .filter = code };
	int udp = socket(AF_INET, SOCK_DGRAM, 0);
	setsockopt(udp, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof(prog));
	/* SO_GET_FILTER: the length counts instructions; the program reads back (with -v) */
	struct sock_filter back[8];
	*len = 8;
	getsockopt(udp, SOL_SOCKET, SO_GET_FILTER, back, len);
	/* loads from past the packet: link-layer, network header, ancillary data */
	struct sock_filter skf[] = {
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_LL_OFF + 4),
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_NET_OFF + 8),
		BPF_STMT(BPF_LD | BPF_B | BPF_ABS, SKF_AD_OFF + SKF_AD_PROTOCOL),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, SKF_AD_OFF + 0x44),
		BPF_STMT(BPF_RET | BPF_K, 0),
	};
	struct sock_fprog skf_prog = { .len = 5, .filter = skf };
	setsockopt(udp, SOL_SOCKET, SO_ATTACH_FILTER, &skf_prog, sizeof(skf_prog));
	setsockopt(udp, SOL_SOCKET, SO_DETACH_FILTER, NULL, 0);
	close(udp);
}

static void icmp_and_netlink(void)
{
	int raw = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	struct icmp_filter *f = tail_alloc(sizeof(*f));
	f->data = ~(1u << ICMP_ECHOREPLY);
	setsockopt(raw, SOL_RAW, ICMP_FILTER, f, sizeof(*f));
	setsockopt(raw, SOL_RAW, ICMP_FILTER, f, sizeof(*f) * 2);
	/* every type and none: "~[]" and "[]" */
	f->data = ~0u;
	setsockopt(raw, SOL_RAW, ICMP_FILTER, f, sizeof(*f));
	f->data = 0;
	setsockopt(raw, SOL_RAW, ICMP_FILTER, f, sizeof(*f));
	socklen_t *len = tail_alloc(sizeof(*len));
	*len = sizeof(*f);
	getsockopt(raw, SOL_RAW, ICMP_FILTER, f, len);
	close(raw);

	int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	int *v = tail_alloc(sizeof(*v));
	*v = 1;
	setsockopt(nl, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, v, sizeof(*v));
	setsockopt(nl, SOL_NETLINK, NETLINK_PKTINFO, v, sizeof(*v));
	setsockopt(nl, SOL_NETLINK, NETLINK_CAP_ACK, v, sizeof(*v) - 1);
	*len = sizeof(*v);
	getsockopt(nl, SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS, v, len);
	getsockopt(nl, SOL_NETLINK, NETLINK_NO_ENOBUFS, v, len);
	close(nl);
}

/* A packet socket's ring request (its exact size or the address) and statistics, whole and
 * cut inside a field. */
static void packet_level(void)
{
	int pk = socket(AF_PACKET, SOCK_RAW, 0);
	struct tpacket_req *req = tail_alloc(sizeof(*req));
	memset(req, 0xff, sizeof(*req));
	setsockopt(pk, SOL_PACKET, PACKET_RX_RING, req, sizeof(*req));
	setsockopt(pk, SOL_PACKET, PACKET_TX_RING, req, sizeof(*req) + 1);
	struct tpacket_stats_v3 *st = tail_alloc(sizeof(*st));
	socklen_t *len = tail_alloc(sizeof(*len));
	static const socklen_t lens[] = { 12, 8, 7, 3 };
	for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		*len = lens[i];
		getsockopt(pk, SOL_PACKET, PACKET_STATISTICS, st, len);
	}
	close(pk);
}

int main(void)
{
	memberships();
	socket_level();
	icmp_and_netlink();
	packet_level();
	return 0;
}
