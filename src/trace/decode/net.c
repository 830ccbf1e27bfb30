/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Decoders of the socket syscalls: creation, naming, connection, the plain send and
 * receive calls, and shutdown. Socket options live in sockopt.c, message headers in
 * msghdr.c, socket addresses in sockaddr.c.
 */
#include <arpa/inet.h>
#include <sys/socket.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/net_impl.h"

/* The low 4 bits of a socket type are the type; the rest are SOCK_* flags. */
#define SOCK_TYPE_MASK 0xf

void net_print_sockbuf(struct sc *sc, int fd, uint64_t addr, uint64_t len)
{
	if (!sc->no_deref && net_fd_is_netlink(sc, fd))
		net_decode_netlink(sc, fd, addr, len);
	else
		print_buf(sc, addr, len);
}

static void print_sock_type(struct pr *p, uint32_t type)
{
	const char *name = xlat_lookup(&xlat_net_socktypes, type & SOCK_TYPE_MASK);
	if (name) {
		pr_xval(p, &xlat_net_socktypes, type & SOCK_TYPE_MASK, NULL);
		type &= ~(uint32_t)SOCK_TYPE_MASK;
		if (!type)
			return;
		pr_join(p, "|");
	}
	pr_flags(p, &xlat_net_sock_type_flags, type, "SOCK_???");
}

static void print_family(struct pr *p, uint64_t family)
{
	pr_xval(p, &xlat_net_addrfams, family, "AF_???");
}

/* The protocol argument of socket(), named by the family's own table. */
static void print_socket_protocol(struct pr *p, uint64_t family, uint64_t proto)
{
	switch (family) {
	case AF_INET:
	case AF_INET6:
		pr_xval(p, &xlat_net_inet_protocols, proto, "IPPROTO_???");
		break;
	case AF_NETLINK:
		pr_xval(p, &xlat_net_netlink_protocols, proto, "NETLINK_???");
		break;
	case AF_PACKET:
		/* The protocol is an ethertype in network byte order. */
		pr_text(p, "htons(");
		pr_join(p, "");
		pr_xval(p, &xlat_net_ethernet_protocols, ntohs((uint16_t)proto), "ETH_P_???");
		pr_raw(p, ")");
		break;
	case AF_RXRPC:
		print_family(p, proto);
		break;
	default:
		pr_uint(p, proto);
		break;
	}
}

int decode_socket(struct sc *sc)
{
	print_family(sc->p, sc->arg[0]);
	print_sock_type(sc->p, (uint32_t)sc->arg[1]);
	print_socket_protocol(sc->p, sc->arg[0], sc->arg[2]);
	return RV_DECODED | RV_FD;
}

int decode_socketpair(struct sc *sc)
{
	if (!sc->exiting) {
		print_family(sc->p, sc->arg[0]);
		print_sock_type(sc->p, (uint32_t)sc->arg[1]);
		pr_uint(sc->p, sc->arg[2]);
		return DEC_AT_EXIT;
	}
	print_fd_pair_at(sc, sc->arg[3]);
	return RV_DEC;
}

/* bind and connect: FD, ADDR, ADDRLEN. */
static int decode_fd_sockaddr_len(struct sc *sc)
{
	int len = (int)sc->arg[2];
	print_fd(sc, (int)sc->arg[0]);
	net_decode_sockaddr(sc, sc->arg[1], len);
	pr_int(sc->p, len);
	return RV_DECODED | RV_DEC;
}

int decode_bind(struct sc *sc)
{
	return decode_fd_sockaddr_len(sc);
}

int decode_connect(struct sc *sc)
{
	return decode_fd_sockaddr_len(sc);
}

int decode_listen(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_int(sc->p, (int)sc->arg[1]);
	return RV_DECODED | RV_DEC;
}

int decode_shutdown(struct sc *sc)
{
	print_fd(sc, (int)sc->arg[0]);
	pr_xval(sc->p, &xlat_net_shutdown_modes, sc->arg[1], "SHUT_???");
	return RV_DECODED | RV_DEC;
}

/* The caller's buffer size of a value-result socklen_t, read only when it will be shown. */
static bool fetch_socklen(struct sc *sc, int *len, uint64_t addr, uint64_t len_addr)
{
	return !sc->no_deref && addr && len_addr && umove(sc, len_addr, len, sizeof(*len)) == 0;
}

/*
 * accept, accept4, getsockname, getpeername: FD, ADDR, [ULEN => RLEN]. The address is
 * printed at exit with the shorter of the two lengths. Returns RV_DECODED once done.
 */
static int decode_sockname(struct sc *sc)
{
	int ulen, rlen;
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		if (fetch_socklen(sc, &ulen, sc->arg[1], sc->arg[2])) {
			sc->priv[0] = (uint64_t)(int64_t)ulen;
			return DEC_AT_EXIT;
		}
		print_addr(sc, sc->arg[1]);
		print_addr(sc, sc->arg[2]);
		return RV_DECODED;
	}
	ulen = (int)sc->priv[0];
	if (sc_failed(sc) || umove(sc, sc->arg[2], &rlen, sizeof(rlen)) < 0) {
		print_addr(sc, sc->arg[1]);
		pr_textf(sc->p, "[%d]", ulen);
	} else {
		net_decode_sockaddr(sc, sc->arg[1], ulen > rlen ? rlen : ulen);
		net_print_len_changed(sc->p, ulen, rlen);
	}
	return RV_DECODED;
}

int decode_accept(struct sc *sc)
{
	int rc = decode_sockname(sc);
	return rc == DEC_AT_EXIT ? rc : RV_DECODED | RV_FD;
}

int decode_accept4(struct sc *sc)
{
	int rc = decode_sockname(sc);
	if (rc == DEC_AT_EXIT)
		return rc;
	pr_flags(sc->p, &xlat_net_sock_type_flags, (uint32_t)sc->arg[3], "SOCK_???");
	return RV_DECODED | RV_FD;
}

int decode_getsockname(struct sc *sc)
{
	int rc = decode_sockname(sc);
	return rc == DEC_AT_EXIT ? rc : RV_DECODED | RV_DEC;
}

int decode_getpeername(struct sc *sc)
{
	return decode_getsockname(sc);
}

int decode_sendto(struct sc *sc)
{
	int fd = (int)sc->arg[0];
	int addrlen = (int)sc->arg[5];
	print_fd(sc, fd);
	net_print_sockbuf(sc, fd, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	net_print_msg_flags(sc->p, (uint32_t)sc->arg[3]);
	net_decode_sockaddr(sc, sc->arg[4], addrlen);
	pr_int(sc->p, addrlen);
	return RV_DECODED | RV_DEC;
}

/* The received data: the address on failure, else as much as the call returned. */
static void print_received(struct sc *sc, int fd, uint64_t addr, uint64_t size)
{
	if (sc_failed(sc)) {
		print_addr(sc, addr);
		return;
	}
	uint64_t got = (uint64_t)sc->rval < size ? (uint64_t)sc->rval : size;
	net_print_sockbuf(sc, fd, addr, got);
}

int decode_recvfrom(struct sc *sc)
{
	int fd = (int)sc->arg[0];
	int ulen, rlen;
	if (!sc->exiting) {
		print_fd(sc, fd);
		sc->priv[0] = 0;
		if (fetch_socklen(sc, &ulen, sc->arg[4], sc->arg[5]))
			sc->priv[0] = (uint64_t)(int64_t)ulen;
		return DEC_AT_EXIT;
	}
	print_received(sc, fd, sc->arg[1], sc->arg[2]);
	pr_uint(sc->p, sc->arg[2]);
	net_print_msg_flags(sc->p, (uint32_t)sc->arg[3]);
	ulen = (int)sc->priv[0];
	if (!fetch_socklen(sc, &rlen, sc->arg[4], sc->arg[5])) {
		print_addr(sc, sc->arg[4]);
		print_addr(sc, sc->arg[5]);
	} else if (sc_failed(sc)) {
		print_addr(sc, sc->arg[4]);
		pr_textf(sc->p, "[%d]", ulen);
	} else {
		net_decode_sockaddr(sc, sc->arg[4], ulen > rlen ? rlen : ulen);
		net_print_len_changed(sc->p, ulen, rlen);
	}
	return RV_DEC;
}
