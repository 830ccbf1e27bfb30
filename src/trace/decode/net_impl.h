/* SPDX-License-Identifier: Apache-2.0 */
/* What the network decoders (net.c, sockaddr.c, sockopt.c, msghdr.c, netlink.c) share. */
#ifndef SYSRAY_TRACE_DECODE_NET_IMPL_H
#define SYSRAY_TRACE_DECODE_NET_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "trace/decode.h"
#include "trace/decode/xlat_net.h"

/* "[ULEN => RLEN]", or "[RLEN]" when the kernel left the length alone. */
void net_print_len_changed(struct pr *p, int ulen, int rlen);

/* MSG_* flags of send and receive calls. */
void net_print_msg_flags(struct pr *p, uint64_t flags);

/* An interface index: if_nametoindex("lo") when the tracer's namespace knows it. */
void net_print_ifindex(struct pr *p, unsigned int ifindex);

/*
 * An IPv4 or IPv6 address of LEN bytes in BUF as field NAME (NULL: no field name):
 * inet_addr("127.0.0.1"), inet_pton(AF_INET6, "::1", &NAME); hex bytes otherwise.
 */
void net_print_inet_addr(struct pr *p, int family, const void *buf, size_t len,
			 const char *name);

/* A port in network order as field NAME: htons(80), with its bytes under -X raw/verbose. */
void net_print_port(struct pr *p, const char *name, uint16_t port_be);

/* A socket address of LEN bytes already copied to BUF (zero-padded past LEN). */
void net_print_sockaddr_buf(struct sc *sc, const void *buf, int len);

/* A socket address of LEN bytes at ADDR; returns its family, or -1 if not printed whole. */
int net_decode_sockaddr(struct sc *sc, uint64_t addr, int len);

/* Data sent to or received from socket FD: netlink messages or a quoted string. */
void net_print_sockbuf(struct sc *sc, int fd, uint64_t addr, uint64_t len);

/* Netlink messages of LEN bytes at ADDR on socket FD. */
void net_decode_netlink(struct sc *sc, int fd, uint64_t addr, uint64_t len);

/* True if FD of the traced process is a netlink socket. */
bool net_fd_is_netlink(const struct sc *sc, int fd);


#endif
