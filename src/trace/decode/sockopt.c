/* SPDX-License-Identifier: Apache-2.0 */
/*
 * setsockopt and getsockopt: the level and option names per protocol level, and the
 * option values strace understands (ints, linger, peer credentials, SO_ERROR as an errno
 * name); any other value prints as an int when it is int-sized, else as a string.
 */
#include <netinet/in.h>
#include <linux/filter.h>
#include <linux/icmp.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <sys/socket.h>

#include "schema/names.h"
#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/net_impl.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif
#ifndef SOL_PACKET
#define SOL_PACKET 263
#endif
/* Option values of x86_64 (asm-generic/socket.h) glibc may not have yet. */
#define OPT_SO_TXREHASH 74
#define OPT_SO_PEERCRED 17
#define OPT_SO_LINGER 13
#define OPT_SO_ERROR 4
#define OPT_NETLINK_LIST_MEMBERSHIPS 9
#define OPT_SO_ATTACH_FILTER 26
#define OPT_SO_ATTACH_REUSEPORT_CBPF 51
#ifndef SOL_PACKET
#define SOL_PACKET 263
#endif
#ifndef SOL_RAW
#define SOL_RAW 255
#endif

struct level_names {
	unsigned int level;
	const struct xlat *common;
	const struct xlat *get_only;	/* names only getsockopt knows */
	const struct xlat *set_only;	/* names only setsockopt knows */
	const char *dflt;
};

/* Level numbers: SOL_SOCKET 1, SOL_IP 0, ... AF_VSOCK (40) as vsock uses its family. */
static const struct level_names levels[] = {
	{ 1, &xlat_net_sock_options, &xlat_net_getsock_options, &xlat_net_setsock_options,
	  "SO_???" },
	{ 0, &xlat_net_sock_ip_options, &xlat_net_getsock_ip_options,
	  &xlat_net_setsock_ip_options, "IP_???" },
	{ 40, &xlat_net_sock_vsock_options, NULL, NULL, "SO_VM_???" },
	{ 41, &xlat_net_sock_ipv6_options, &xlat_net_getsock_ipv6_options,
	  &xlat_net_setsock_ipv6_options, "IPV6_???" },
	{ 256, &xlat_net_sock_ipx_options, NULL, NULL, "IPX_???" },
	{ 257, &xlat_net_sock_ax25_options, NULL, NULL, "AX25_???" },
	{ 263, &xlat_net_sock_packet_options, NULL, NULL, "PACKET_???" },
	{ 6, &xlat_net_sock_tcp_options, NULL, NULL, "TCP_???" },
	{ 101, &xlat_net_sock_can_raw_options, NULL, NULL, "CAN_RAW_???" },
	{ 132, &xlat_net_sock_sctp_options, NULL, NULL, "SCTP_???" },
	{ 255, &xlat_net_sock_raw_options, NULL, NULL, "RAW_???" },
	{ 270, &xlat_net_sock_netlink_options, NULL, NULL, "NETLINK_???" },
	{ 17, &xlat_net_sock_udp_options, NULL, NULL, "UDP_???" },
	{ 266, &xlat_net_sock_irda_options, NULL, NULL, "IRLMP_???" },
	{ 268, &xlat_net_sock_llc_options, NULL, NULL, "LLC_OPT_???" },
	{ 269, &xlat_net_sock_dccp_options, NULL, NULL, "DCCP_SOCKOPT_???" },
	{ 271, &xlat_net_sock_tipc_options, NULL, NULL, "TIPC_???" },
	{ 272, &xlat_net_sock_rxrpc_options, NULL, NULL, "RXRPC_???" },
	{ 273, &xlat_net_sock_pppol2tp_options, NULL, NULL, "PPPOL2TP_SO_???" },
	{ 274, &xlat_net_sock_bluetooth_options, NULL, NULL, "BT_???" },
	{ 275, &xlat_net_sock_pnp_options, NULL, NULL, "PNPIPE_???" },
	{ 276, &xlat_net_sock_rds_options, NULL, NULL, "RDS_???" },
	{ 277, &xlat_net_sock_iucv_options, NULL, NULL, "SO_???" },
	{ 278, &xlat_net_sock_caif_options, NULL, NULL, "CAIFSO_???" },
	{ 279, &xlat_net_sock_alg_options, NULL, NULL, "ALG_???" },
	{ 280, &xlat_net_sock_nfcllcp_options, NULL, NULL, "NFC_LLCP_???" },
	{ 281, &xlat_net_sock_kcm_options, NULL, NULL, "KCM_???" },
	{ 282, &xlat_net_sock_tls_options, NULL, NULL, "TLS_???" },
	{ 283, &xlat_net_sock_xdp_options, NULL, NULL, "XDP_???" },
};

static void print_optname(struct pr *p, unsigned int level, unsigned int name, bool get)
{
	for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		const struct level_names *l = &levels[i];
		if (l->level != level)
			continue;
		const struct xlat *extra = get ? l->get_only : l->set_only;
		if (!xlat_lookup(l->common, name) && extra && xlat_lookup(extra, name))
			pr_xval(p, extra, name, l->dflt);
		else
			pr_xval(p, l->common, name, l->dflt);
		return;
	}
	pr_uint(p, name);
}

static void print_fd_level_name(struct sc *sc, bool get)
{
	unsigned int level = (unsigned int)sc->arg[1];
	print_fd(sc, (int)sc->arg[0]);
	pr_xval(sc->p, &xlat_net_socketlayers, level, "SOL_??");
	print_optname(sc->p, level, (unsigned int)sc->arg[2], get);
}

/* SOL_SOCKET options whose value is a plain int. */
static bool is_int_sockopt(unsigned int name)
{
	switch (name) {
	case 1: case 2: case 5: case 6: case 7: case 8: case 9: case 10: case 11: case 12:
	case 14: case 15: case 16: case 18: case 19: case 27: case 29: case 30: case 32:
	case 33: case 34: case 35: case 36: case 37: case 40: case 41: case 42: case 43:
	case 44: case 45: case 46: case 49: case 53: case 56: case 60: case 63: case 64:
	case 65: case 68: case 69: case 70: case 73: case 75:
		return true;
	}
	return false;
}

/* A struct whose fields are printed only as far as LEN bytes reach. */
/* N int fields of which LEN bytes were given; IS_UNSIGNED: counts, printed unsigned. */
static void print_int_fields_as(struct sc *sc, const int *v, const char *const *names, size_t n,
				unsigned int len, bool is_unsigned)
{
	pr_struct_begin(sc->p);
	/* A field the length only begins prints as its bytes (strace's MAYBE_PRINT_FIELD_LEN). */
	for (size_t i = 0; i < n && i * sizeof(int) < len; i++) {
		pr_field(sc->p, names[i]);
		if ((i + 1) * sizeof(int) > len)
			pr_quoted(sc->p, (const char *)&v[i], len - i * sizeof(int), PR_QUOTE_HEX);
		else if (is_unsigned)
			pr_uint(sc->p, (unsigned int)v[i]);
		else
			pr_int(sc->p, v[i]);
	}
	pr_struct_end(sc->p);
}

static void print_int_fields(struct sc *sc, const int *v, const char *const *names, size_t n,
			     unsigned int len)
{
	print_int_fields_as(sc, v, names, n, len, false);
}

/* PACKET_RX_RING, PACKET_TX_RING: struct tpacket_req, only when LEN is its size. */
static void print_tpacket_req(struct sc *sc, uint64_t addr, int len)
{
	static const char *const names[] = {
		"tp_block_size", "tp_block_nr", "tp_frame_size", "tp_frame_nr",
	};
	int v[4];

	if (len != (int)sizeof(v)) {
		print_addr(sc, addr);
		return;
	}
	if (fetch_or_print_addr(sc, addr, v, sizeof(v)))
		print_int_fields_as(sc, v, names, 4, sizeof(v), true);
}

/* PACKET_STATISTICS: struct tpacket_stats (v3: with tp_freeze_q_cnt), LEN bytes of it. */
static void print_tpacket_stats(struct sc *sc, uint64_t addr, unsigned int len)
{
	static const char *const names[] = { "tp_packets", "tp_drops", "tp_freeze_q_cnt" };
	int v[3];

	if (len > sizeof(v))
		len = sizeof(v);
	if (fetch_or_print_addr(sc, addr, v, len))
		print_int_fields_as(sc, v, names, 3, len, true);
}

static void print_get_linger(struct sc *sc, uint64_t addr, unsigned int len)
{
	static const char *const names[] = { "l_onoff", "l_linger" };
	int v[2];
	if (len > sizeof(v))
		len = sizeof(v);
	if (fetch_or_print_addr(sc, addr, v, len))
		print_int_fields(sc, v, names, 2, len);
}

static void print_get_ucred(struct sc *sc, uint64_t addr, unsigned int len)
{
	static const char *const names[] = { "pid", "uid", "gid" };
	unsigned int v[3];
	if (len > sizeof(v))
		len = sizeof(v);
	if (!fetch_or_print_addr(sc, addr, v, len))
		return;
	pr_struct_begin(sc->p);
	/* A field the length only begins prints as its bytes (strace's MAYBE_PRINT_FIELD_LEN). */
	for (size_t i = 0; i < 3 && i * sizeof(int) < len; i++) {
		pr_field(sc->p, names[i]);
		if ((i + 1) * sizeof(int) > len)
			pr_quoted(sc->p, (const char *)&v[i], len - i * sizeof(int), PR_QUOTE_HEX);
		/* Ids of -1 print signed, as strace's PRINT_FIELD_ID does. */
		else if (i == 0)
			print_pid(sc, (int)v[i], PID_TGID);
		else if (v[i] == (unsigned int)-1)
			pr_int(sc->p, (int)v[i]);
		else
			pr_uint(sc->p, v[i]);
	}
	pr_struct_end(sc->p);
}

/* A short buffer at ADDR as \xhh bytes, or its address. */
static void print_hex_at(struct sc *sc, uint64_t addr, unsigned int len)
{
	unsigned char buf[64];
	if (len > sizeof(buf))
		len = sizeof(buf);
	if (!addr) {
		pr_text(sc->p, "NULL");
		return;
	}
	if (umove(sc, addr, buf, len) < 0) {
		pr_hex(sc->p, addr);
		return;
	}
	pr_quoted(sc->p, (const char *)buf, len, PR_QUOTE_HEX);
}

static void print_get_error(struct sc *sc, uint64_t addr, unsigned int len)
{
	int err;
	if (len < sizeof(err)) {
		print_hex_at(sc, addr, len);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &err, sizeof(err)))
		return;
	const char *name = errno_name(err);
	if (!name || sc->p->xlat_style == PR_XLAT_RAW)
		pr_textf(sc->p, "[%d]", err);
	else if (sc->p->xlat_style == PR_XLAT_VERBOSE)
		pr_textf(sc->p, "[%d /* %s */]", err, name);
	else
		pr_textf(sc->p, "[%s]", name);
}

static void print_txrehash(struct sc *sc, uint64_t addr, int len)
{
	int v;
	if (len < (int)sizeof(v)) {
		if (!sc->exiting)
			print_addr(sc, addr);
		else
			print_hex_at(sc, addr, (unsigned int)len);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		return;
	pr_text(sc->p, "[");
	pr_join(sc->p, "");
	pr_xval_dec(sc->p, &xlat_net_sockopt_txrehash_vals, (uint64_t)(int64_t)v,
		    "SOCK_TXREHASH_???");
	pr_raw(sc->p, "]");
}

/* An option value of LEN bytes no special case claimed: an int, a string, or the address. */
static void print_sockopt_default(struct sc *sc, uint64_t addr, int len)
{
	if (sc->no_deref)
		print_addr(sc, addr);
	else if (len == (int)sizeof(int))
		print_int_at(sc, addr);
	else
		print_buf(sc, addr, (uint64_t)(unsigned int)len);
}

static void print_netlink_memberships(struct sc *sc, uint64_t addr, int ulen, int rlen)
{
	int n = (ulen < rlen ? ulen : rlen) / 4;
	uint32_t v;
	if (!fetch_or_print_addr(sc, addr, &v, sizeof(v)))
		return;
	pr_array_begin(sc->p);
	for (int i = 0; i < n; i++) {
		if (i && array_more_at(sc, (uint64_t)i))
			break;
		if (umove(sc, addr + 4 * (uint64_t)i, &v, sizeof(v)) < 0) {
			pr_more(sc->p);
			pr_comment(sc->p, "%#llx", (unsigned long long)(addr + 4 * (uint64_t)i));
			break;
		}
		pr_uint(sc->p, v);
	}
	pr_array_end(sc->p);
}

/*
 * ICMP_FILTER's bit set of ICMP types: the types set, or when more than half are, "~" and
 * the types not set.
 */
static void print_icmp_filter(struct sc *sc, uint64_t addr, int len)
{
	struct icmp_filter filter = { ~0u };
	if (len <= 0) {
		print_addr(sc, addr);
		return;
	}
	if (len > (int)sizeof(filter))
		len = sizeof(filter);
	if (!fetch_or_print_addr(sc, addr, &filter, (size_t)len))
		return;
	uint32_t bits = filter.data;
	if (__builtin_popcount(bits) > 16) {
		bits = ~bits;
		pr_text(sc->p, "~");
		pr_join(sc->p, "");
	}
	/* an empty set is one item: no type would take up the join to the next argument */
	if (!bits) {
		pr_text(sc->p, "[]");
		return;
	}
	pr_text(sc->p, "[");
	pr_join(sc->p, "");
	bool first = true;
	for (unsigned int i = 0; i < 32; i++) {
		if (!(bits & (1u << i)))
			continue;
		if (!first)
			pr_join(sc->p, " ");
		first = false;
		pr_xval(sc->p, &xlat_net_icmp_filter_flags, i, "ICMP_???");
	}
	pr_raw(sc->p, "]");
}

/* struct packet_mreq, only when LEN is its size: the address as mr_alen bytes of a MAC. */
static void print_packet_mreq(struct sc *sc, uint64_t addr, int len)
{
	struct packet_mreq m;
	if (len != (int)sizeof(m) || umove(sc, addr, &m, sizeof(m)) < 0) {
		print_addr(sc, addr);
		return;
	}
	pr_struct_begin(sc->p);
	pr_field(sc->p, "mr_ifindex");
	net_print_ifindex(sc->p, (unsigned int)m.mr_ifindex);
	pr_field(sc->p, "mr_type");
	pr_xval(sc->p, &xlat_net_packet_mreq_type, m.mr_type, "PACKET_MR_???");
	pr_field(sc->p, "mr_alen");
	pr_uint(sc->p, m.mr_alen);
	pr_field(sc->p, "mr_address");
	size_t n = m.mr_alen < sizeof(m.mr_address) ? m.mr_alen : sizeof(m.mr_address);
	char mac[3 * sizeof(m.mr_address) + 1] = "";
	for (size_t i = 0, at = 0; i < n; i++, at = 3 * i - 1)
		snprintf(mac + at, sizeof(mac) - at, "%s%02x", i ? ":" : "", m.mr_address[i]);
	/* The bytes under -X raw and verbose, the MAC notation otherwise or in a comment. */
	if (sc->p->xlat_style != PR_XLAT_ABBREV)
		pr_quoted(sc->p, (const char *)m.mr_address, n, PR_QUOTE_HEX);
	if (sc->p->xlat_style == PR_XLAT_VERBOSE)
		pr_comment(sc->p, "%s", mac);
	else if (sc->p->xlat_style == PR_XLAT_ABBREV)
		pr_text(sc->p, mac);
	pr_struct_end(sc->p);
}

/* struct sock_fprog of a classic BPF socket filter, only when LEN is its size. */
static void print_sock_fprog(struct sc *sc, uint64_t addr, int len)
{
	if (len != (int)sizeof(struct sock_fprog)) {
		print_addr(sc, addr);
		return;
	}
	print_socket_fprog_at(sc, addr);
}

static bool print_getsockopt_special(struct sc *sc, unsigned int level, unsigned int name,
				     uint64_t addr, int ulen, int rlen)
{
	if (level == SOL_SOCKET) {
		switch (name) {
		case OPT_SO_LINGER:
			print_get_linger(sc, addr, (unsigned int)rlen);
			return true;
		case OPT_SO_PEERCRED:
			print_get_ucred(sc, addr, (unsigned int)rlen);
			return true;
		case OPT_SO_ERROR:
			print_get_error(sc, addr, (unsigned int)rlen);
			return true;
		case OPT_SO_TXREHASH:
			print_txrehash(sc, addr, rlen);
			return true;
		case OPT_SO_ATTACH_FILTER:	/* SO_GET_FILTER: the length counts instructions */
			print_socket_insns_at(sc, addr, (unsigned int)rlen);
			return true;
		}
		if (!is_int_sockopt(name))
			return false;
		if (rlen >= (int)sizeof(int))
			print_int_at(sc, addr);
		else
			print_hex_at(sc, addr, (unsigned int)rlen);
		return true;
	}
	if (level == SOL_RAW && name == ICMP_FILTER) {
		print_icmp_filter(sc, addr, rlen);
		return true;
	}
	if (level == SOL_PACKET && name == PACKET_STATISTICS) {
		print_tpacket_stats(sc, addr, (unsigned int)rlen);
		return true;
	}
	if (level == SOL_NETLINK) {
		if (name == OPT_NETLINK_LIST_MEMBERSHIPS)
			print_netlink_memberships(sc, addr, ulen, rlen);
		else
			print_int_at(sc, addr);
		return true;
	}
	return false;
}

static void print_getsockopt(struct sc *sc, unsigned int level, unsigned int name,
			     uint64_t addr, int ulen, int rlen)
{
	/* The kernel never returns a negative length: such a length is the caller's own. */
	if (ulen <= 0 || rlen <= 0) {
		print_addr(sc, addr);
		return;
	}
	if (addr && !sc->no_deref && print_getsockopt_special(sc, level, name, addr, ulen, rlen))
		return;
	print_sockopt_default(sc, addr, rlen);
}

int decode_getsockopt(struct sc *sc)
{
	int ulen, rlen;
	if (!sc->exiting) {
		print_fd_level_name(sc, true);
		if (!sc->no_deref && sc->arg[4] && umove(sc, sc->arg[4], &ulen, sizeof(ulen)) == 0) {
			sc->priv[0] = (uint64_t)(int64_t)ulen;
			return DEC_AT_EXIT;
		}
		print_addr(sc, sc->arg[3]);
		print_addr(sc, sc->arg[4]);
		return RV_DECODED | RV_DEC;
	}
	ulen = (int)sc->priv[0];
	if (sc_failed(sc) || umove(sc, sc->arg[4], &rlen, sizeof(rlen)) < 0) {
		print_addr(sc, sc->arg[3]);
		pr_textf(sc->p, "[%d]", ulen);
	} else {
		print_getsockopt(sc, (unsigned int)sc->arg[1], (unsigned int)sc->arg[2],
				 sc->arg[3], ulen, rlen);
		net_print_len_changed(sc->p, ulen, rlen);
	}
	return RV_DEC;
}

static void print_set_linger(struct sc *sc, uint64_t addr, int len)
{
	static const char *const names[] = { "l_onoff", "l_linger" };
	int v[2];
	if (len < (int)sizeof(v))
		print_addr(sc, addr);
	else if (fetch_or_print_addr(sc, addr, v, sizeof(v)))
		print_int_fields(sc, v, names, 2, sizeof(v));
}

/* struct ip_mreq: two IPv4 addresses. */
static void print_mreq(struct sc *sc, uint64_t addr, int len)
{
	struct ip_mreq mreq;
	if (len < (int)sizeof(mreq)) {
		print_addr(sc, addr);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &mreq, sizeof(mreq)))
		return;
	pr_struct_begin(sc->p);
	net_print_inet_addr(sc->p, AF_INET, &mreq.imr_multiaddr, 4, "imr_multiaddr");
	net_print_inet_addr(sc->p, AF_INET, &mreq.imr_interface, 4, "imr_interface");
	pr_struct_end(sc->p);
}

static void print_mreq6(struct sc *sc, uint64_t addr, int len)
{
	struct ipv6_mreq mreq;
	if (len < (int)sizeof(mreq)) {
		print_addr(sc, addr);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, &mreq, sizeof(mreq)))
		return;
	pr_struct_begin(sc->p);
	net_print_inet_addr(sc->p, AF_INET6, &mreq.ipv6mr_multiaddr, 16, "ipv6mr_multiaddr");
	pr_field(sc->p, "ipv6mr_interface");
	net_print_ifindex(sc->p, mreq.ipv6mr_interface);
	pr_struct_end(sc->p);
}

static bool print_setsockopt_special(struct sc *sc, unsigned int level, unsigned int name,
				     uint64_t addr, int len)
{
	switch (level) {
	case SOL_SOCKET:
		if (name == OPT_SO_LINGER) {
			print_set_linger(sc, addr, len);
			return true;
		}
		if (name == OPT_SO_TXREHASH) {
			print_txrehash(sc, addr, len);
			return true;
		}
		if (name == OPT_SO_ATTACH_FILTER || name == OPT_SO_ATTACH_REUSEPORT_CBPF) {
			print_sock_fprog(sc, addr, len);
			return true;
		}
		if (!is_int_sockopt(name))
			return false;
		if (len < (int)sizeof(int))
			print_addr(sc, addr);
		else
			print_int_at(sc, addr);
		return true;
	case SOL_IP:
		if (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP) {
			print_mreq(sc, addr, len);
			return true;
		}
		return false;
	case SOL_IPV6:
		if (name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP ||
		    name == IPV6_JOIN_ANYCAST || name == IPV6_LEAVE_ANYCAST) {
			print_mreq6(sc, addr, len);
			return true;
		}
		return false;
	case SOL_PACKET:
		if (name == PACKET_ADD_MEMBERSHIP || name == PACKET_DROP_MEMBERSHIP) {
			print_packet_mreq(sc, addr, len);
			return true;
		}
		if (name == PACKET_RX_RING || name == PACKET_TX_RING) {
			print_tpacket_req(sc, addr, len);
			return true;
		}
		return false;
	case SOL_RAW:
		if (name == ICMP_FILTER) {
			print_icmp_filter(sc, addr, len);
			return true;
		}
		return false;
	case SOL_NETLINK:
		if (len < (int)sizeof(int))
			print_addr(sc, addr);
		else
			print_int_at(sc, addr);
		return true;
	}
	return false;
}

int decode_setsockopt(struct sc *sc)
{
	int len = (int)sc->arg[4];
	print_fd_level_name(sc, false);
	if (!(sc->arg[3] && !sc->no_deref &&
	      print_setsockopt_special(sc, (unsigned int)sc->arg[1], (unsigned int)sc->arg[2],
				       sc->arg[3], len)))
		print_sockopt_default(sc, sc->arg[3], len);
	pr_int(sc->p, len);
	return RV_DECODED | RV_DEC;
}
