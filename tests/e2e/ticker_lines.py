#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks a trace of tests/progs/ticker (-p, one process, no -f): its rounds in order, each
line as strace prints it (write "tick N" with N one more each round, getppid returning PPID,
the sleep of PERIOD_MS), the last one possibly cut by the detach (" <detached ...>").

Usage: ticker_lines.py TRACE PPID PERIOD_MS
Prints "FIRST LAST LINES": the first and last tick written in the trace and its line count;
exits 1 naming the first line that is not the one expected.
"""
import re
import sys


def main():
    path, ppid, period = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(path) as f:
        lines = [re.sub(r"\) +=", ") =", line) for line in f.read().splitlines()]
    order = ["write", "getppid", "clock_nanosleep"]

    def expected(call, tick):
        if call == "write":
            size = len("tick %d" % tick) + 1
            return 'write(1, "tick %d\\n", %d) = %d' % (tick, size, size)
        if call == "getppid":
            return "getppid() = %s" % ppid
        return ("clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=%d}, NULL) = 0" %
                (period * 1000000))

    if not lines:
        sys.exit("%s: no lines" % path)
    first = last = tick = None
    call = lines[0].split("(", 1)[0]
    if call not in order:
        sys.exit("%s:1: not a call of ticker's: %s" % (path, lines[0]))
    pos = order.index(call)
    for i, line in enumerate(lines):
        call = order[pos % 3]
        if call == "write":
            m = re.match(r'write\(1, "tick (\d+)\\n"', line)
            if not m or (tick is not None and int(m.group(1)) != tick + 1):
                sys.exit("%s:%d: expected tick %s's write, got: %s" %
                         (path, i + 1, "N" if tick is None else tick + 1, line))
            tick = int(m.group(1))
            first = tick if first is None else first
            last = tick
        want = expected(call, tick if tick is not None else 0)
        cut = line.endswith(" <detached ...>") and i == len(lines) - 1
        if cut and not want.startswith(line[:-len(" <detached ...>")].rstrip()):
            sys.exit("%s:%d: expected a part of '%s', got: %s" % (path, i + 1, want, line))
        if not cut and line != want:
            sys.exit("%s:%d: expected '%s', got: %s" % (path, i + 1, want, line))
        pos += 1
    print(first if first is not None else 0, last if last is not None else 0, len(lines))


main()
