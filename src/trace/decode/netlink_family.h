/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What each netlink protocol (family) makes of its messages: the names of its message
 * types, which request flags its types take (NLM_F_ROOT... of a get, NLM_F_REPLACE... of
 * a new, NLM_F_NONREC... of a delete), and its payload decoder.
 */
#ifndef SYSRAY_TRACE_DECODE_NETLINK_FAMILY_H
#define SYSRAY_TRACE_DECODE_NETLINK_FAMILY_H

#include <linux/netlink.h>
#include <stdbool.h>
#include <stdint.h>

#include "trace/decode.h"

/* A payload decoder: false leaves the payload to the generic printer (hex, DONE's int). */
typedef bool nl_payload_fn(struct sc *sc, const struct nlmsghdr *h, uint64_t addr,
			   unsigned int len);

/* The kind of request flags of message TYPE (an xlat of NLM_F_*), or NULL. */
typedef const struct xlat *nl_flags_kind_fn(uint16_t type);

struct nl_family {
	const struct xlat *types;	/* NULL: print_type names them */
	const char *dflt;
	void (*print_type)(struct sc *sc, uint16_t type);
	nl_flags_kind_fn *flags_kind;
	nl_payload_fn *payload;
};

/* The family of netlink protocol PROTOCOL (NETLINK_ROUTE ...), or NULL. */
const struct nl_family *nl_family_of(int protocol);

/* Payload decoders of the families (netlink_route.c, netlink_diag.c, netlink_misc.c). */
nl_payload_fn nl_route_payload;
nl_payload_fn nl_sock_diag_payload;
nl_payload_fn nl_netfilter_payload;
nl_payload_fn nl_selinux_payload;
nl_payload_fn nl_crypto_payload;

/* The generic netlink family names the kernel has registered, by id (netlink_generic.c). */
void nl_print_genl_type(struct sc *sc, uint16_t type);

#endif
