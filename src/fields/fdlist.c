/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The fdlist class: the fds of a poll or ppoll event (its fds parameter: the enter's first,
 * the exit's second), each looked up in the thread's fd table, as comma-separated text, as
 * sysdig 0.29 builds it:
 *  - fdlist.nums: every fd's number; fdlist.names: every fd's name, <NA> for an fd the table
 *    does not know or whose name is empty;
 *  - fdlist.cips, fdlist.cports: the client address and port of each IPv4/IPv6 socket (0.0.0.0
 *    and 0 before it has a tuple); other fds are left out;
 *  - fdlist.sips, fdlist.sports: the server address and port of each socket, and for
 *    fdlist.sips the address of a listening socket too (sysdig prints an IPv6 listening
 *    address as the IPv4 address of its first four bytes).
 * An empty list (no fds, or no socket among them) has no value.
 *
 * The parameter is a 16-bit count, then per fd a 64-bit number and 16-bit flags.
 */
#include <arpa/inet.h>
#include <inttypes.h>

#include "fields/extract.h"
#include "schema/event_codes.h"
#include "util/util.h"

enum fdlist_kind {
	FDLIST_NUMS,
	FDLIST_NAMES,
	FDLIST_CIPS,
	FDLIST_SIPS,
	FDLIST_CPORTS,
	FDLIST_SPORTS,
};

#define FDLIST_ENTRY 10

static const struct scap_param *fdlist_param(const struct scap_event *ev)
{
	unsigned i;

	switch (ev->type) {
	case PPME_SYSCALL_POLL_E:
	case PPME_SYSCALL_PPOLL_E:
		i = 0;
		break;
	case PPME_SYSCALL_POLL_X:
	case PPME_SYSCALL_PPOLL_X:
		i = 1;
		break;
	default:
		return NULL;
	}
	return i < ev->nparams && ev->params[i].len >= 2 ? &ev->params[i] : NULL;
}

static void put_addr(struct out *o, int family, const uint8_t *addr)
{
	char text[INET6_ADDRSTRLEN];

	out_puts(o, inet_ntop(family, addr, text, sizeof(text)));
}

/* Appends F's item of KIND to O; false when F has none (the item is left out). */
static bool fdlist_item(enum fdlist_kind kind, int64_t num, const struct st_fd *f, struct out *o)
{
	bool v4 = f && f->type == SCAP_FD_IPV4_SOCK, v6 = f && f->type == SCAP_FD_IPV6_SOCK;

	switch (kind) {
	case FDLIST_NUMS:
		out_printf(o, "%" PRId64, num);
		return true;
	case FDLIST_NAMES:
		out_puts(o, f && f->name[0] ? f->name : "<NA>");
		return true;
	case FDLIST_CIPS:
		if (!v4 && !v6)
			return false;
		put_addr(o, v6 ? AF_INET6 : AF_INET, f->sip);
		return true;
	case FDLIST_SIPS:
		if (v4 || v6)
			put_addr(o, v6 ? AF_INET6 : AF_INET, f->dip);
		else if (f && (f->type == SCAP_FD_IPV4_SERVSOCK ||
			       f->type == SCAP_FD_IPV6_SERVSOCK))
			put_addr(o, AF_INET, f->sip);
		else
			return false;
		return true;
	case FDLIST_CPORTS:
	case FDLIST_SPORTS:
		if (!v4 && !v6)
			return false;
		out_printf(o, "%u", kind == FDLIST_CPORTS ? f->sport : f->dport);
		return true;
	}
	return false;
}

static size_t fdlist_extract(const struct field_ref *ref, const void *event, void *ctx,
			     struct field_value *out)
{
	const struct field_ctx *c = ctx;
	const struct scap_param *p = fdlist_param(event);
	struct st_thread *t = c->st->cur.thread;

	if (!p)
		return 0;
	uint16_t nfds;

	memcpy(&nfds, p->val, 2);
	struct out *o = field_scratch(ctx);

	for (size_t i = 0; i < nfds && 2 + (i + 1) * FDLIST_ENTRY <= p->len; i++) {
		int64_t num;

		memcpy(&num, p->val + 2 + i * FDLIST_ENTRY, sizeof(num));
		const struct st_fd *f = t ? state_fd(c->st, t, num) : NULL;

		if (fdlist_item(ref->field->id, num, f, o))
			out_putc(o, ',');
	}
	if (!o->len)
		return 0;
	o->len--;
	return put_out(out, o);
}

#define FDLIST(name_, kind_, desc_) FIELD(name_, CHARBUF, 0, fdlist_extract, desc_, .id = kind_)

static const struct field_desc fdlist_fields[] = {
	FDLIST("fdlist.nums", FDLIST_NUMS,
	       "for poll events, this is a comma-separated list of the FD numbers in the 'fds' "
	       "argument, returned as a string."),
	FDLIST("fdlist.names", FDLIST_NAMES,
	       "for poll events, this is a comma-separated list of the FD names in the 'fds' "
	       "argument, returned as a string."),
	FDLIST("fdlist.cips", FDLIST_CIPS,
	       "for poll events, this is a comma-separated list of the client IP addresses in the "
	       "'fds' argument, returned as a string."),
	FDLIST("fdlist.sips", FDLIST_SIPS,
	       "for poll events, this is a comma-separated list of the server IP addresses in the "
	       "'fds' argument, returned as a string."),
	FDLIST("fdlist.cports", FDLIST_CPORTS,
	       "for TCP/UDP FDs, for poll events, this is a comma-separated list of the client "
	       "TCP/UDP ports in the 'fds' argument, returned as a string."),
	FDLIST("fdlist.sports", FDLIST_SPORTS,
	       "for poll events, this is a comma-separated list of the server TCP/UDP ports in the "
	       "'fds' argument, returned as a string."),
};

const struct field_class field_class_fdlist = {
	.name = "fdlist",
	.desc = "Poll event related fields.",
	.fields = fdlist_fields,
	.nfields = ARRAY_SIZE(fdlist_fields),
};
