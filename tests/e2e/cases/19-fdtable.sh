# SPDX-License-Identifier: Apache-2.0
# Descriptors known after the fact (tests/progs/fdreuse.c): one fd number reused by netlink,
# Unix and file descriptors, copies that outlive the original, a child that sends on an
# inherited netlink socket and exits at once, a process that exits right after its last send.
# Under eBPF the lines are printed once the process may have moved on or be gone: the
# backend's fd tables (src/trace/fd_table.c) say what each fd was, not /proc.
compare_trace prog-fdreuse "$PROGS/fdreuse"
# The syscalls that make, copy and close fds are left out of the lines, not out of the tables.
TRACE_OPTS='-e trace=sendto' compare_trace prog-fdreuse-sendto "$PROGS/fdreuse"
# -y: the path of a file written and closed by a process gone by the time its line prints.
TRACE_OPTS='-y -e trace=write' compare_trace prog-fdreuse-y "$PROGS/fdreuse"
# What a descriptor is, from the kernel (tests/progs/fdinode.c): sockets of each family, pipes,
# anonymous inodes, a pidfd and a memfd, each closed right after the call that made it, and a
# child that exits at once. Under eBPF /proc no longer has them when the lines print: their
# <socket:[INODE]>, <pipe:[INODE]>, <anon_inode:...> and -yy protocol come from the file the
# task's table held at the syscall's exit.
TRACE_OPTS='-y' compare_trace prog-fdinode-y "$PROGS/fdinode"
TRACE_OPTS='-yy' compare_trace prog-fdinode-yy "$PROGS/fdinode"
