#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Shares of identical lines between sysray's and sysdig's output of chisel runs.

Reads lines "NAME MODE OURS THEIRS" on stdin (MODE: lines = by position, set = as
multisets, for chisels whose row order sysdig leaves to Lua's table order or to ties);
prints "NAME PERCENT SAME TOTAL" per line, TOTAL being the longer output's line count.
"""
import collections
import sys


def read_lines(path):
    with open(path, 'rb') as f:
        return f.read().split(b'\n')


def share(mode, ours, theirs):
    total = max(len(ours), len(theirs))
    if mode == 'set':
        same = sum((collections.Counter(ours) & collections.Counter(theirs)).values())
    else:
        same = sum(1 for a, b in zip(ours, theirs) if a == b)
    return same, total


def main():
    for line in sys.stdin:
        name, mode, ours, theirs = line.split()
        same, total = share(mode, read_lines(ours), read_lines(theirs))
        pct = 100.0 * same / total if total else 100.0
        print(f'{name} {pct:.1f} {same} {total}')


if __name__ == '__main__':
    main()
