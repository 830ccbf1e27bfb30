#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Shares of identical lines between sysray's and sysdig's output of chisel runs.

Reads lines "NAME MODE OURS THEIRS" on stdin; prints "NAME PERCENT SAME TOTAL" per line.
MODE:
  lines  by position; TOTAL is the longer output's line count
  set    as multisets of lines (sysdig leaves row order to Lua's table order)
  topn   a top-N table: its two header lines by position, its rows as multisets, except
         that rows whose value (first word) is the table's last value count as alike
         whatever their keys (where ties straddle the cut, sysdig keeps any of them);
         "top" is the same
  json   one or more JSON tables (-j): per object, "ts" and "info" equal and the "data" rows
         as multisets, rows tied at the cut alike as for topn (sysdig writes members in Lua's
         table order); SAME and TOTAL count objects
"""
import collections
import json
import sys


def read_lines(path):
    try:
        with open(path, 'rb') as f:
            return f.read().split(b'\n')
    except OSError:
        return [b'<no output file>']


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


def json_objects(lines):
    text, objs, pos = b'\n'.join(lines).decode(errors='replace'), [], 0
    dec = json.JSONDecoder()
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            return objs
        try:
            obj, pos = dec.raw_decode(text, pos)
        except ValueError:
            objs.append(None)
            return objs
        objs.append(obj)


def json_same(a, b):
    if not isinstance(a, dict) or not isinstance(b, dict):
        return False
    if a.get('ts') != b.get('ts') or a.get('info') != b.get('info'):
        return False
    rows_a = [json.dumps(r) for r in a.get('data', [])]
    rows_b = [json.dumps(r) for r in b.get('data', [])]
    if len(rows_a) != len(rows_b):
        return False
    if not rows_b:
        return True
    cut = b['data'][-1][-1]
    untied = lambda rows, data: collections.Counter(r for r, d in zip(rows, data) if d[-1] != cut)
    return untied(rows_a, a['data']) == untied(rows_b, b['data'])


def json_share(ours, theirs):
    a, b = json_objects(ours), json_objects(theirs)
    same = sum(1 for x, y in zip(a, b) if json_same(x, y))
    return same, max(len(a), len(b), 1) if (a or b) else 1


def share(mode, ours, theirs):
    total = max(len(ours), len(theirs))
    if mode == 'json':
        same, total = json_share(ours, theirs)
        return (same if (ours or theirs) else 1), total
    if mode in ('top', 'topn'):
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
