# SPDX-License-Identifier: Apache-2.0
# The network decoders of strace's own suite, each against strace line for line: netlink
# messages of every family (tests/progs/netlink.c: route, sock_diag, audit, xfrm, selinux,
# netfilter, crypto, generic, udev) and socket option values (tests/progs/sockopt.c).
compare_trace "prog-netlink" "$PROGS/netlink"
compare_trace "prog-sockopt" "$PROGS/sockopt"
