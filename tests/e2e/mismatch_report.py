#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Summarises tests/e2e mismatches: which syscalls differ most, with one example each.

Usage: mismatch_report.py MISMATCHES.tsv [TOP]
"""
import collections
import re
import sys

NAME = re.compile(r'^(?:<\.\.\. )?([a-z_0-9]+)[( ]|^(---|\+\+\+)')


def key(line):
    m = NAME.match(line or '')
    if not m:
        return '(other)'
    return m.group(1) or m.group(2)


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    counts = collections.Counter()
    labels = collections.defaultdict(set)
    example = {}
    with open(path, encoding='utf-8', errors='replace') as f:
        for row in f:
            parts = row.rstrip('\n').split('\t')
            if len(parts) != 4:
                continue
            label, _, s, y = parts
            k = key(s) if s else key(y)
            counts[k] += 1
            labels[k].add(label)
            if k not in example or (s and y and not (example[k][0] and example[k][1])):
                example[k] = (s, y)
    for k, n in counts.most_common(top):
        s, y = example[k]
        print('%5d %-20s in %s' % (n, k, ','.join(sorted(labels[k]))))
        print('      strace: %s' % (s[:200] if s else '(no line)'))
        print('      sysray: %s' % (y[:200] if y else '(no line)'))


if __name__ == '__main__':
    main()
