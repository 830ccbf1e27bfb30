/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the state layer's files. */
#ifndef SYSRAY_STATE_STATE_INT_H
#define SYSRAY_STATE_STATE_INT_H

#include "state/state.h"

/* scap socket families (PPM_AF_*) and l4 protocols */
enum { PAF_UNIX = 1, PAF_INET = 2, PAF_INET6 = 10 };
enum { L4_UNKNOWN = 0, L4_NA = 1, L4_TCP = 2, L4_UDP = 3, L4_ICMP = 4, L4_RAW = 5 };


/* A removed slot of the thread hash table. */
#define ST_TOMBSTONE ((struct st_thread *)1)

void st_set_str(char **dst, const char *src);
/* A thread entry of TID with nothing known, in no table. */
struct st_thread *st_thread_new(int64_t tid);
/* Counts thread T in (DIR > 0) or out of its main thread's nchilds, when it is a thread of
 * another's process (PPM_CL_CLONE_THREAD). */
void st_count_child(const struct state *st, const struct st_thread *t, int dir);
/* Replaces *DST (*DST_LEN bytes) with a copy of the LEN bytes at SRC; NULL when LEN is 0. */
void st_set_bytes(char **dst, size_t *dst_len, const void *src, size_t len);
/* Names an IPv4/IPv6 socket after its tuple when it has no name yet ("a:p->b:q"; servers
 * "a:p"). */
void st_fd_name_socket(struct st_fd *f);

/* Replaces the interface list with the capture's. */
void st_set_interfaces(struct state *st, const struct scap_iface *ifs, size_t n);
/* The tuple V (LEN bytes) of a sendto/sendmsg (INCOMING false) or recvfrom/recvmsg exit on
 * IP socket F of thread T, applied as sysdig 0.29 does: returns false when it changes
 * nothing (not an IP tuple, or the socket's own tuple either way round). */
bool st_apply_io_tuple(struct state *st, struct st_thread *t, struct st_fd *f,
		       const uint8_t *v, uint32_t len, bool incoming);

#endif
