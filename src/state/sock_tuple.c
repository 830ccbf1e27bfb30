/* SPDX-License-Identifier: Apache-2.0 */
/* The tuple a send or receive call carries, applied to an IP socket as sysdig 0.29 does for a
 * socket without a name or not TCP (UDP mostly): the addresses it changes, the local address
 * it infers from the capture's interfaces when the kernel reported 0.0.0.0, the role
 * (client or server) it guesses, and which end becomes the source. */
#include <stdlib.h>
#include <string.h>

#include "state/state_int.h"
#include "util/util.h"

static const uint8_t zero_ip[16];
static const uint8_t v6_loopback[16] = { [15] = 1 };

void st_set_interfaces(struct state *st, const struct scap_iface *ifs, size_t n)
{
	free(st->ifaces);
	st->ifaces = n ? xcalloc(n, sizeof(*st->ifaces)) : NULL;
	st->nifaces = n;
	for (size_t i = 0; i < n; i++) {
		struct st_iface *d = &st->ifaces[i];

		d->v6 = ifs[i].type == SCAP_IFACE_IPV6 || ifs[i].type == SCAP_IFACE_IPV6_NOLINKSPEED;
		memcpy(d->addr, ifs[i].addr, d->v6 ? 16 : 4);
		memcpy(d->netmask, ifs[i].netmask, d->v6 ? 16 : 4);
	}
}

bool st_is_local_address(const struct state *st, const struct st_thread *t, bool v6,
			 const uint8_t addr[16])
{
	/* sysdig gives a container no IPv6 address of its own */
	if (v6 && t && t->container_id[0] && strcmp(t->container_id, "host"))
		return false;
	/* an IPv4 address is local if it is an interface's; an IPv6 one if it shares an
	 * interface's first 64 bits */
	for (size_t i = 0; i < st->nifaces; i++)
		if (st->ifaces[i].v6 == v6 && !memcmp(st->ifaces[i].addr, addr, v6 ? 8 : 4))
			return true;
	return false;
}

static bool same_subnet(const struct st_iface *f, const uint8_t *addr)
{
	/* sysdig takes an IPv6 subnet as the first 64 bits, whatever the netmask */
	if (f->v6)
		return !memcmp(f->addr, addr, 8);
	for (int i = 0; i < 4; i++)
		if ((f->addr[i] & f->netmask[i]) != (addr[i] & f->netmask[i]))
			return false;
	return true;
}

static bool is_loopback(const struct st_iface *f)
{
	static const uint8_t v4_loopback[4] = { 127, 0, 0, 1 };

	return f->v6 ? !memcmp(f->addr, v6_loopback, 16) : !memcmp(f->addr, v4_loopback, 4);
}

/* The local address sysdig assumes for a socket talking to PEER: PEER itself if it is an
 * interface's address, else the address of the first interface on PEER's subnet, else the
 * first interface that is not the loopback address, else zero. */
static void infer_address(const struct state *st, bool v6, const uint8_t *peer, uint8_t out[16])
{
	size_t alen = v6 ? 16 : 4;
	const struct st_iface *pick = NULL;

	for (size_t i = 0; i < st->nifaces && !pick; i++)
		if (st->ifaces[i].v6 == v6 && !memcmp(st->ifaces[i].addr, peer, alen))
			pick = &st->ifaces[i];
	for (size_t i = 0; i < st->nifaces && !pick; i++)
		if (st->ifaces[i].v6 == v6 && same_subnet(&st->ifaces[i], peer))
			pick = &st->ifaces[i];
	for (size_t i = 0; i < st->nifaces && !pick; i++)
		if (st->ifaces[i].v6 == v6 && !is_loopback(&st->ifaces[i]))
			pick = &st->ifaces[i];
	memset(out, 0, 16);
	if (pick)
		memcpy(out, pick->addr, alen);
}

/* A tuple with one address missing gets the inferred one, unless the inferred address is the
 * known one and both ports are equal (sysdig leaves such a tuple alone). */
static void fill_missing_address(const struct state *st, struct st_fd *f)
{
	bool no_src = !memcmp(f->sip, zero_ip, 16), no_dst = !memcmp(f->dip, zero_ip, 16);
	uint8_t *known = no_src ? f->dip : f->sip, *missing = no_src ? f->sip : f->dip;
	uint8_t guess[16];

	if (!no_src && !no_dst)
		return;
	infer_address(st, f->v6, known, guess);
	if (!memcmp(guess, known, 16) && f->sport == f->dport)
		return;
	memcpy(missing, guess, 16);
}

/* sysdig reads the ports of every socket through its IPv4 layout (source address 0-3,
 * destination 4-7, source port 8-9, destination port 10-11): for an IPv6 socket these are
 * bytes of its source address. */
static uint16_t v4_view_port(const struct st_fd *f, bool dst)
{
	uint16_t p;

	if (!f->v6)
		return dst ? f->dport : f->sport;
	memcpy(&p, f->sip + (dst ? 10 : 8), 2);
	return p;
}

/* Does a socket of the process hold PORT as its peer's port, or listen on it? */
static bool bound_to_port(const struct st_fdtable *t, uint16_t port)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct st_fd *o = &t->fds[i];

		if (o->type == SCAP_FD_IPV4_SOCK && o->dport == port)
			return true;
		if (o->type == SCAP_FD_IPV4_SERVSOCK && o->sport == port)
			return true;
	}
	return false;
}

static bool uses_client_port(const struct st_fdtable *t, uint16_t port)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->fds[i].type == SCAP_FD_IPV4_SOCK && t->fds[i].sport == port)
			return true;
	return false;
}

/* sysdig's guess for a socket of no known role: server if the process owns the destination
 * port and not the source port; otherwise a server reads first and a client writes first. */
static uint8_t guess_role(const struct st_fdtable *t, const struct st_fd *f, bool incoming)
{
	if (bound_to_port(t, v4_view_port(f, true)) && !uses_client_port(t, v4_view_port(f, false)))
		return ST_ROLE_SERVER;
	if (!bound_to_port(t, v4_view_port(f, true)))
		return ST_ROLE_CLIENT;
	return incoming ? ST_ROLE_SERVER : ST_ROLE_CLIENT;
}

static void swap_ends(struct st_fd *f)
{
	uint8_t ip[16];
	uint16_t port = f->sport;

	memcpy(ip, f->sip, 16);
	memcpy(f->sip, f->dip, 16);
	memcpy(f->dip, ip, 16);
	f->sport = f->dport;
	f->dport = port;
}

bool st_apply_io_tuple(struct state *st, struct st_thread *t, struct st_fd *f,
		       const uint8_t *v, uint32_t len, bool incoming)
{
	uint8_t sip[16] = { 0 }, dip[16] = { 0 };
	uint16_t sport, dport;
	bool v6;

	if (len >= 13 && v[0] == PAF_INET) {
		memcpy(sip, v + 1, 4);
		memcpy(&sport, v + 5, 2);
		memcpy(dip, v + 7, 4);
		memcpy(&dport, v + 11, 2);
		v6 = false;
	} else if (len >= 37 && v[0] == PAF_INET6) {
		static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };

		v6 = memcmp(v + 1, mapped, 12) || memcmp(v + 19, mapped, 12);
		memcpy(sip, v + (v6 ? 1 : 13), v6 ? 16 : 4);
		memcpy(&sport, v + 17, 2);
		memcpy(dip, v + (v6 ? 19 : 31), v6 ? 16 : 4);
		memcpy(&dport, v + 35, 2);
	} else {
		return false;
	}
	/* the tuple the socket already has, either way round, changes nothing */
	if (f->type == (v6 ? SCAP_FD_IPV6_SOCK : SCAP_FD_IPV4_SOCK) &&
	    ((!memcmp(sip, f->sip, 16) && sport == f->sport && !memcmp(dip, f->dip, 16) &&
	      dport == f->dport) ||
	     (!memcmp(dip, f->sip, 16) && dport == f->sport && !memcmp(sip, f->dip, 16) &&
	      sport == f->dport)))
		return false;
	/* sysdig keeps a server socket's address, port and protocol in the bytes of a
	 * tuple's source and destination addresses: the listening port's two bytes (host
	 * order), the protocol and the union's byte 7 (state.c) stay as the destination
	 * address, which the tuple then does not replace; the destination port is what the
	 * union held there. */
	if (f->type == SCAP_FD_IPV4_SERVSOCK) {
		uint16_t port = f->sport;

		memset(f->dip, 0, 16);
		memcpy(f->dip, &port, 2);
		f->dip[2] = f->l4proto;
		f->dip[3] = f->serv_byte7;
		f->dport = f->serv_dport;
	} else if (f->type == SCAP_FD_IPV6_SERVSOCK) {
		memset(f->dip, 0, 16);
		f->dport = 0;
	}
	f->type = v6 ? SCAP_FD_IPV6_SOCK : SCAP_FD_IPV4_SOCK;
	f->v6 = v6;
	/* the source is replaced, the destination only filled in */
	memcpy(f->sip, sip, 16);
	f->sport = sport;
	if (!memcmp(f->dip, zero_ip, 16))
		memcpy(f->dip, dip, 16);
	if (!f->dport)
		f->dport = dport;
	if (f->l4proto == L4_UNKNOWN)
		f->l4proto = L4_UDP;
	fill_missing_address(st, f);
	if (f->role == ST_ROLE_NONE)
		f->role = guess_role(&state_main_thread(st, t)->fdt, f, incoming);
	/* the source is the client: a client swaps a received tuple, a server a sent one */
	if (f->role == (incoming ? ST_ROLE_CLIENT : ST_ROLE_SERVER))
		swap_ends(f);
	st_set_str(&f->name, "");
	st_fd_name_socket(f);
	return true;
}
