/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Socket addresses as strace prints them: the family, then its fields in the family's own
 * terms (htons(80), inet_addr("127.0.0.1"), sun_path="..."), or sa_data as a quoted
 * string for families without a printer or addresses too short for one.
 */
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/x25.h>
#include <net/if.h>
#include <netipx/ipx.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "trace/decode/net_impl.h"

/* sa_family occupies the first 2 bytes of every socket address. */
#define SA_FAMILY_SIZE 2
/* The kernel accepts an IPv6 address without sin6_scope_id (RFC 2133 layout). */
#define SIN6_MIN_LEN offsetof(struct sockaddr_in6, sin6_scope_id)

void net_print_len_changed(struct pr *p, int ulen, int rlen)
{
	if (ulen != rlen)
		pr_textf(p, "[%d => %d]", ulen, rlen);
	else
		pr_textf(p, "[%d]", rlen);
}

void net_print_msg_flags(struct pr *p, uint64_t flags)
{
	pr_flags(p, &xlat_net_msg_flags, flags, "MSG_???");
}

void net_print_ifindex(struct pr *p, unsigned int ifindex)
{
	char name[IF_NAMESIZE];
	if (!ifindex || !if_indextoname(ifindex, name)) {
		pr_uint(p, ifindex);
		return;
	}
	if (p->xlat_style == PR_XLAT_RAW) {
		pr_uint(p, ifindex);
		return;
	}
	if (p->xlat_style == PR_XLAT_VERBOSE) {
		pr_uint(p, ifindex);
		out_puts(p->o, " /* if_nametoindex(");
		pr_join(p, "");
		pr_quoted(p, name, strlen(name), 0);
		out_puts(p->o, ") */");
		return;
	}
	pr_text(p, "if_nametoindex(");
	pr_join(p, "");
	pr_quoted(p, name, strlen(name), 0);
	pr_raw(p, ")");
}

/* Opens a " / * " comment after the raw bytes of -X verbose, or nothing. */
static void style_comment_begin(struct pr *p)
{
	if (p->xlat_style == PR_XLAT_VERBOSE) {
		pr_join(p, " /* ");
	}
}

static void style_comment_end(struct pr *p)
{
	if (p->xlat_style == PR_XLAT_VERBOSE)
		out_puts(p->o, " */");
}

void net_print_inet_addr(struct pr *p, int family, const void *buf, size_t len,
			 const char *name)
{
	char text[INET6_ADDRSTRLEN];
	bool known = (family == AF_INET && len >= 4) || (family == AF_INET6 && len >= 16);
	if (!known || !inet_ntop(family, buf, text, sizeof(text))) {
		if (name)
			pr_field(p, name);
		pr_quoted(p, (const char *)buf, len, PR_QUOTE_HEX);
		return;
	}
	bool abbrev = p->xlat_style == PR_XLAT_ABBREV;
	/* An IPv6 address names its field inside inet_pton(), unless raw bytes come first. */
	if (name && (family == AF_INET || !abbrev))
		pr_field(p, name);
	if (!abbrev)
		pr_quoted(p, (const char *)buf, len, PR_QUOTE_HEX);
	if (p->xlat_style == PR_XLAT_RAW)
		return;
	style_comment_begin(p);
	if (family == AF_INET) {
		pr_text(p, "inet_addr(");
		pr_join(p, "");
		pr_quoted(p, text, strlen(text), 0);
		pr_raw(p, ")");
	} else {
		pr_text(p, "inet_pton(AF_INET6, ");
		pr_join(p, "");
		pr_quoted(p, text, strlen(text), 0);
		if (name && abbrev)
			pr_rawf(p, ", &%s", name);
		pr_raw(p, ")");
	}
	style_comment_end(p);
}

/* A 16-bit port in network order: htons(80), with the raw bytes under -X raw/verbose. */
void net_print_port(struct pr *p, const char *name, uint16_t port_be)
{
	pr_field(p, name);
	if (p->xlat_style != PR_XLAT_ABBREV)
		pr_quoted(p, (const char *)&port_be, sizeof(port_be), PR_QUOTE_HEX);
	if (p->xlat_style == PR_XLAT_RAW)
		return;
	style_comment_begin(p);
	pr_textf(p, "htons(%u)", ntohs(port_be));
	style_comment_end(p);
}

static void print_sa_data_raw(struct sc *sc, const unsigned char *buf, int len)
{
	pr_field(sc->p, "sa_data");
	pr_quoted(sc->p, (const char *)buf + SA_FAMILY_SIZE, (size_t)(len - SA_FAMILY_SIZE), 0);
}

static void print_sa_un(struct sc *sc, const unsigned char *buf, int len)
{
	const struct sockaddr_un *sun = (const void *)buf;
	int un_len = len > (int)sizeof(*sun) ? (int)sizeof(*sun) : len;
	size_t path_len = (size_t)(un_len - SA_FAMILY_SIZE);

	pr_field(sc->p, "sun_path");
	if (sun->sun_path[0]) {
		/* A file name ends at its NUL or at the address length. */
		pr_quoted(sc->p, sun->sun_path, strnlen(sun->sun_path, path_len), 0);
	} else {
		/* An abstract name is every byte after the leading NUL. */
		pr_raw(sc->p, "@");
		pr_quoted(sc->p, sun->sun_path + 1, path_len - 1, 0);
	}
}

static void print_sa_in(struct sc *sc, const unsigned char *buf, int len)
{
	const struct sockaddr_in *sin = (const void *)buf;
	net_print_port(sc->p, "sin_port", sin->sin_port);
	net_print_inet_addr(sc->p, AF_INET, &sin->sin_addr, sizeof(sin->sin_addr), "sin_addr");
}

static void print_flowinfo(struct pr *p, uint32_t flowinfo_be)
{
	pr_field(p, "sin6_flowinfo");
	if (p->xlat_style != PR_XLAT_ABBREV)
		pr_quoted(p, (const char *)&flowinfo_be, sizeof(flowinfo_be), PR_QUOTE_HEX);
	if (p->xlat_style == PR_XLAT_RAW)
		return;
	style_comment_begin(p);
	pr_textf(p, "htonl(%u)", ntohl(flowinfo_be));
	style_comment_end(p);
}

static void print_sa_in6(struct sc *sc, const unsigned char *buf, int len)
{
	const struct sockaddr_in6 *sin6 = (const void *)buf;
	net_print_port(sc->p, "sin6_port", sin6->sin6_port);
	print_flowinfo(sc->p, sin6->sin6_flowinfo);
	net_print_inet_addr(sc->p, AF_INET6, &sin6->sin6_addr, sizeof(sin6->sin6_addr),
			    "sin6_addr");
	if (len <= (int)SIN6_MIN_LEN)
		return;
	pr_field(sc->p, "sin6_scope_id");
	/* Only link-local addresses give the scope id the meaning of an interface. */
	if (IN6_IS_ADDR_LINKLOCAL(&sin6->sin6_addr) || IN6_IS_ADDR_MC_LINKLOCAL(&sin6->sin6_addr))
		net_print_ifindex(sc->p, sin6->sin6_scope_id);
	else
		pr_uint(sc->p, sin6->sin6_scope_id);
}

/* strace's %#0*x: zero-padded to the type's hex width, the 0x counted in the width. */
static void print_0x(struct pr *p, uint64_t v, int width)
{
	pr_textf(p, "%#0*llx", width, (unsigned long long)v);
}

static void print_sa_nl(struct sc *sc, const unsigned char *buf, int len)
{
	const struct sockaddr_nl *nl = (const void *)buf;
	if (nl->nl_pad) {
		pr_field(sc->p, "nl_pad");
		pr_hex(sc->p, nl->nl_pad);
	}
	pr_field(sc->p, "nl_pid");
	print_pid(sc, (int)nl->nl_pid, PID_TGID);
	pr_field(sc->p, "nl_groups");
	print_0x(sc->p, nl->nl_groups, 8);
}

/* struct sockaddr_ipx: port, network, node bytes and type in hex. */
static void print_sa_ipx(struct sc *sc, const unsigned char *buf, int len)
{
	const struct sockaddr_ipx *ipx = (const void *)buf;
	net_print_port(sc->p, "sipx_port", ipx->sipx_port);
	pr_field(sc->p, "sipx_network");
	pr_textf(sc->p, "htonl(%#x)", ntohl(ipx->sipx_network));
	pr_field(sc->p, "sipx_node");
	pr_array_begin(sc->p);
	for (size_t i = 0; i < sizeof(ipx->sipx_node); i++)
		print_0x(sc->p, (unsigned char)ipx->sipx_node[i], 2);
	pr_array_end(sc->p);
	pr_field(sc->p, "sipx_type");
	print_0x(sc->p, ipx->sipx_type, 2);
	if (ipx->sipx_zero) {
		pr_field(sc->p, "sipx_zero");
		pr_hex(sc->p, (unsigned char)ipx->sipx_zero);
	}
}

/* struct sockaddr_x25: the X.121 address, a string of at most 15 digits and its NUL. */
static void print_sa_x25(struct sc *sc, const unsigned char *buf, int len)
{
	const struct sockaddr_x25 *x25 = (const void *)buf;
	const char *a = x25->sx25_addr.x25_addr;
	size_t size = sizeof(x25->sx25_addr.x25_addr), n = strnlen(a, size);
	pr_field(sc->p, "sx25_addr");
	pr_struct_begin(sc->p);
	pr_field(sc->p, "x25_addr");
	pr_quoted(sc->p, a, n == size ? size - 1 : n, n == size ? PR_QUOTE_ELLIPSIS : 0);
	pr_struct_end(sc->p);
}

static void print_sa_ll(struct sc *sc, const unsigned char *buf, int len)
{
	const struct sockaddr_ll *ll = (const void *)buf;
	struct pr *p = sc->p;

	pr_field(p, "sll_protocol");
	if (p->xlat_style != PR_XLAT_ABBREV)
		pr_quoted(p, (const char *)&ll->sll_protocol, sizeof(ll->sll_protocol),
			  PR_QUOTE_HEX);
	if (p->xlat_style != PR_XLAT_RAW) {
		style_comment_begin(p);
		pr_text(p, "htons(");
		pr_join(p, "");
		enum pr_xlat_style saved = p->xlat_style;
		p->xlat_style = PR_XLAT_ABBREV;
		pr_xval(p, &xlat_net_ethernet_protocols, ntohs(ll->sll_protocol), "ETH_P_???");
		p->xlat_style = saved;
		pr_raw(p, ")");
		style_comment_end(p);
	}
	pr_field(p, "sll_ifindex");
	net_print_ifindex(p, (unsigned int)ll->sll_ifindex);
	pr_field(p, "sll_hatype");
	pr_xval(p, &xlat_net_arp_hardware_types, ll->sll_hatype, "ARPHRD_???");
	pr_field(p, "sll_pkttype");
	pr_xval(p, &xlat_net_af_packet_types, ll->sll_pkttype, "PACKET_???");
	pr_field(p, "sll_halen");
	pr_uint(p, ll->sll_halen);
	if (!ll->sll_halen)
		return;
	/* The hardware address may claim more bytes than the address length holds. */
	unsigned int in_bounds = (unsigned int)(len - (int)offsetof(struct sockaddr_ll, sll_addr));
	const unsigned char *hw = buf + offsetof(struct sockaddr_ll, sll_addr);
	pr_field(p, "sll_addr");
	pr_array_begin(p);
	for (unsigned int i = 0; i < ll->sll_halen; i++) {
		if (i >= in_bounds) {
			pr_more(p);
			break;
		}
		print_0x(p, hw[i], 2);
	}
	pr_array_end(p);
}

typedef void sa_printer(struct sc *sc, const unsigned char *buf, int len);

struct sa_family_printer {
	int family;
	sa_printer *print;
	int min_len;		/* shorter addresses print as sa_data */
};

static const struct sa_family_printer sa_printers[] = {
	{ AF_UNIX, print_sa_un, SA_FAMILY_SIZE + 1 },
	{ AF_INET, print_sa_in, sizeof(struct sockaddr_in) },
	{ AF_INET6, print_sa_in6, SIN6_MIN_LEN },
	{ AF_IPX, print_sa_ipx, sizeof(struct sockaddr_ipx) },
	{ AF_X25, print_sa_x25, sizeof(struct sockaddr_x25) },
	{ AF_NETLINK, print_sa_nl, sizeof(struct sockaddr_nl) },
	{ AF_PACKET, print_sa_ll, sizeof(struct sockaddr_ll) },
};

void net_print_sockaddr_buf(struct sc *sc, const void *buf, int len)
{
	const unsigned char *b = buf;
	uint16_t family;
	memcpy(&family, b, sizeof(family));

	pr_struct_begin(sc->p);
	pr_field(sc->p, "sa_family");
	pr_xval(sc->p, &xlat_net_addrfams, family, "AF_???");
	if (len > SA_FAMILY_SIZE) {
		const struct sa_family_printer *fp = NULL;
		for (size_t i = 0; i < sizeof(sa_printers) / sizeof(sa_printers[0]); i++)
			if (sa_printers[i].family == family)
				fp = &sa_printers[i];
		if (fp && len >= fp->min_len)
			fp->print(sc, b, len);
		else
			print_sa_data_raw(sc, b, len);
	}
	pr_struct_end(sc->p);
}

int net_decode_sockaddr(struct sc *sc, uint64_t addr, int len)
{
	if (len < SA_FAMILY_SIZE) {
		print_addr(sc, addr);
		return -1;
	}
	/* One spare byte keeps a full-length sun_path NUL-terminated. */
	unsigned char buf[sizeof(struct sockaddr_storage) + 1];
	if ((unsigned int)len > sizeof(struct sockaddr_storage))
		len = sizeof(struct sockaddr_storage);
	memset(buf, 0, sizeof(buf));
	if (!fetch_or_print_addr(sc, addr, buf, (size_t)len))
		return -1;
	net_print_sockaddr_buf(sc, buf, len);
	uint16_t family;
	memcpy(&family, buf, sizeof(family));
	return family;
}

void print_sockaddr_at(struct sc *sc, uint64_t addr, uint64_t len)
{
	net_decode_sockaddr(sc, addr, (int)len);
}
