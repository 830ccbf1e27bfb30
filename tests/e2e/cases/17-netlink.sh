# SPDX-License-Identifier: Apache-2.0
# The network and bpf decoders of strace's own suite, each against strace line for line:
# netlink messages of every family (tests/progs/netlink.c: route, sock_diag, audit, xfrm,
# selinux, netfilter, crypto, generic, udev), socket option values (tests/progs/sockopt.c)
# bpf(2) commands with their union bpf_attr (tests/progs/bpf.c) and socket addresses of the
# rarer families (tests/progs/sockaddrs.c); netlink attributes of every shape, nested,
# short and cut by an unreadable page, under each -X style and -v (tests/progs/netlink_attrs.c).
compare_trace "prog-netlink" "$PROGS/netlink"
compare_trace "prog-netlink-attrs" "$PROGS/netlink_attrs"
compare_trace "prog-netlink-attrs-Xv" -X verbose "$PROGS/netlink_attrs"
compare_trace "prog-netlink-attrs-Xraw" -X raw "$PROGS/netlink_attrs"
compare_trace "prog-netlink-attrs-v" -v "$PROGS/netlink_attrs"
compare_trace "prog-sockopt" "$PROGS/sockopt"
# control messages of sendmsg: arrays cut at -s (whole with -v), structs too short for their
# type, IP_RECVERR
compare_trace "prog-cmsgs" "$PROGS/cmsgs"
compare_trace "prog-cmsgs-v" -v "$PROGS/cmsgs"
# -v: the classic BPF programs of SO_ATTACH_FILTER and SO_GET_FILTER, instruction by instruction
compare_trace "prog-sockopt-v" -v "$PROGS/sockopt"
compare_trace "prog-bpf" "$PROGS/bpf"
compare_trace "prog-sockaddrs" "$PROGS/sockaddrs"
