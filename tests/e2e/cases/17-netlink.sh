# SPDX-License-Identifier: Apache-2.0
# Netlink messages of every family the decoders know (tests/progs/netlink.c): route, sock_diag,
# audit, xfrm, selinux, netfilter, crypto, generic, udev; sysray's lines must be strace's.
compare_trace "prog-netlink" "$PROGS/netlink"
