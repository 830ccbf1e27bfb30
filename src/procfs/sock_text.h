/* SPDX-License-Identifier: Apache-2.0 */
/* What sysray netstat and ss print alike of a socket: port names, states, the JSON object. */
#ifndef SYSRAY_PROCFS_SOCK_TEXT_H
#define SYSRAY_PROCFS_SOCK_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "procfs/net_sockets.h"
#include "procfs/sock_owners.h"

/* Is S listening: a TCP listener, or a unix socket that called listen() (__SO_ACCEPTCON)? */
bool sock_listening(const struct net_sock *s);

/* The state as ss names it; a unix socket is LISTEN, ESTAB (SS_CONNECTED) or UNCONN. */
const char *sock_state_ss(const struct net_sock *s);

/* PORT as its /etc/services name for the socket's protocol, or its number ("*" for 0). */
const char *sock_port_text(const struct net_sock *s, unsigned int port, bool numeric, char *buf,
			   size_t size);

/* One line of JSON for S: its addresses, queues, state, inode, uid and holders (OW). */
void sock_print_json(const struct net_sock *s, const struct sock_owners *ow);

#endif
