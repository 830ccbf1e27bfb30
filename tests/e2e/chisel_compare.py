#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Shares of identical lines between sysray's and sysdig's output of chisel runs.

Reads lines "NAME MODE OURS THEIRS" on stdin (MODE: lines = by position, set = as
multisets, for chisels whose row order sysdig leaves to Lua's table order or to ties; top =
a top-N table: its two header lines by position, its rows as multisets, except that rows
whose value (first word) is the table's last value count as alike whatever their keys: where
ties straddle the cut, sysdig keeps any of them); prints "NAME PERCENT SAME TOTAL" per line,
TOTAL being the longer output's line count.
"""
import collections
import sys


def read_lines(path):
    with open(path, 'rb') as f:
        return f.read().split(b'\n')


def top_share(ours, theirs):
    head = sum(1 for a, b in zip(ours[:2], theirs[:2]) if a == b)
    rows_o = [l for l in ours[2:] if l]
    rows_t = [l for l in theirs[2:] if l]
    if not rows_t:
        return head + (0 if rows_o else 1)
    cut = rows_t[-1].split(b' ', 1)[0]
    tied = lambda l: l.split(b' ', 1)[0] == cut
    same = sum((collections.Counter(l for l in rows_o if not tied(l)) &
                collections.Counter(l for l in rows_t if not tied(l))).values())
    same += min(sum(1 for l in rows_o if tied(l)), sum(1 for l in rows_t if tied(l)))
    # the trailing empty string of a file that ends with a newline
    return head + same + (1 if ours[-1:] == theirs[-1:] == [b''] else 0)


def share(mode, ours, theirs):
    total = max(len(ours), len(theirs))
    if mode == 'top':
        return top_share(ours, theirs), total
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
