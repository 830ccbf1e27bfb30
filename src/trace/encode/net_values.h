/* SPDX-License-Identifier: Apache-2.0 */
/* Socket call arguments read from the tracee, as the parameters net.c writes. */
#ifndef SYSRAY_TRACE_ENCODE_NET_VALUES_H
#define SYSRAY_TRACE_ENCODE_NET_VALUES_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "trace/encode/encode.h"

/* The tracee's sockaddr at ADDR (ALEN bytes) as PT_SOCKADDR: family byte, then address and
 * port (host order) or path; empty when unreadable or of another family. */
void enc_sockaddr(struct enc *e, uint64_t addr, uint64_t alen);

/* A socket option's value at ADDR (LEN bytes) as PT_DYN (see net_values.c). */
void enc_sockopt_val(struct enc *e, int level, int optname, uint64_t addr, uint32_t len);

/* The tracee's struct msghdr at ADDR (x86_64's user layout is the kernel's user_msghdr);
 * all zeros when unreadable. */
void enc_read_msghdr(struct enc *e, uint64_t addr, struct msghdr *mh);
/* The sum of the lengths of the first CNT (at most ENC_MAX_IOVCNT) iovecs of the tracee at
 * IOV. */
uint64_t enc_iov_total(struct enc *e, const struct iovec *iov, size_t cnt);
/* The first LEN bytes (cut at the snaplen) the tracee's iovecs at IOV hold, back to back, as
 * PT_BYTEBUF; an unreadable iovec ends the data. */
void enc_iov_data(struct enc *e, const struct iovec *iov, size_t cnt, uint64_t len);

#define ENC_MAX_IOVCNT 32	/* iovecs of a sendmsg/recvmsg looked at, as in the eBPF source */

#endif
