#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Reads `%evt.type %evt.dir %evt.args` lines of a live capture (stdin) and prints, for every
event type seen that sysdig 0.29 gives a dedicated layout, the share of its events whose
parameters are all filled: each parameter sysdig 0.29 reads (src/schema/event_table.in's
NPARAMS_029 first ones) is present as NAME=VALUE with a value (a byte buffer or an fd list
may be empty: a read of 0 bytes has no data, a poll exit lists only the fds with events). A syscall sent as a generic
event shows no parameter at all, so its events count as not filled. Syscalls that sysdig
0.29 has no layout for (generic in sysdig too) are counted on the last line.

    bench/live_params.py src/schema/event_table.in < lines
"""
import re
import sys
from collections import defaultdict


# Parameters sysdig 0.29 names unlike the table (libs HEAD), as src/format/render.c prints them.
RENAMED = {"vpgid": "pgid"}


def layouts(table):
    """(name, dir) -> the parameter names sysdig 0.29 reads, from its latest code < 336."""
    out = {}
    for line in open(table):
        f = line.split()
        if not f or not f[0].isdigit() or len(f) < 7:
            continue
        code, name, d, np029 = int(f[0]), f[2], f[3], f[6]
        if name == "NA" or np029 == "-" or code < 2:
            continue
        names = [(RENAMED.get(p.split(":")[0], p.split(":")[0]),
                  ":BYTEBUF" in p or ":FDLIST" in p)
                 for p in f[7:7 + int(np029)]]
        out[(name, ">" if d == "E" else "<")] = names   # later codes replace earlier
    return out


def filled(args, names):
    pos = 0
    for n, may_be_empty in names:
        m = re.compile(r"(?:^| )" + re.escape(n) + r"=(\S?)").search(args, pos)
        if not m or not (m.group(1) or may_be_empty):
            return False
        pos = m.end()
    return True


def main():
    lay = layouts(sys.argv[1])
    seen = defaultdict(lambda: [0, 0])
    generic = 0
    for line in sys.stdin:
        parts = line.rstrip("\n").split(" ", 2)
        if len(parts) < 2:
            continue
        key = (parts[0], parts[1])
        args = parts[2] if len(parts) > 2 else ""
        if key not in lay:
            generic += 1
            continue
        s = seen[key]
        s[0] += 1
        s[1] += filled(args, lay[key])
    total = sum(s[0] for s in seen.values())
    full = sum(s[1] for s in seen.values())
    print("%-22s %3s %8s %8s %7s" % ("event", "dir", "events", "filled", "share"))
    for (name, d), (n, f) in sorted(seen.items(), key=lambda kv: (kv[1][1] / kv[1][0], kv[0])):
        print("%-22s %3s %8d %8d %6.1f%%" % (name, d, n, f, 100.0 * f / n))
    print("%-22s %3s %8d %8d %6.1f%%" % ("all dedicated", "", total, full,
                                        100.0 * full / total if total else 0))
    print("events of syscalls sysdig 0.29 sends as generic: %d" % generic)


main()
