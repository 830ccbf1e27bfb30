# SPDX-License-Identifier: Apache-2.0
# Argument memory the eBPF backend copies by rule or up to a mapping's end
# (tests/progs/argcopies.c): strings with no NUL before an unreadable page, paths of PATH_MAX
# - 1 bytes and longer, fcntl's command with its register's upper half set, pselect6's signal
# mask, clone3's set_tid, classic BPF programs (printed whole with -v), fsconfig's binary
# value, every buffer of writev and each message of sendmmsg and recvmmsg. Both backends
# match strace line for line.
compare_trace "prog-argcopies" "$PROGS/argcopies"
TRACE_OPTS='-v' compare_trace "prog-argcopies-v" "$PROGS/argcopies"
