#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Compares a trace written by `strace -f -o A` with one written by `sysray trace -f -o B`.

Only what legitimately differs between two runs is normalised: pids (named by ancestry,
where a pid stands), addresses, times, ports, inode numbers, random bytes, environment
counts, the split of a syscall into <unfinished ...> and <... resumed> lines, and the order
in which processes' lines interleave. Then each process's lines are matched in order (longest common
subsequence) and the share of identical lines is reported.

Usage: compare.py STRACE_LOG SYSRAY_LOG [--mismatches FILE] [--label NAME]
Prints: "PERCENT MATCHED TOTAL" (PERCENT with one decimal).
"""
import argparse
import difflib
import re
import sys

PID_PREFIX = re.compile(r'^(\d+) +(.*)$')
UNFINISHED = ' <unfinished ...>'
RESUMED = re.compile(r'^<\.\.\. ([\w]+) resumed>(.*)$')
CREATES = re.compile(r'^(?:clone|clone3|fork|vfork)\(.*\)\s+= (\d+)$')
# -i: the instruction pointer before the line, moved after it so that the rules that look at
# a line's start still apply.
IP_PREFIX = re.compile(r'^(\[(?:[0-9a-f]{16}|\?{16})\]) (.*)$')

SUBST = [
    # Addresses: heap, stack and mapping addresses change with ASLR.
    (re.compile(r'0x[0-9a-f]{6,}'), '0xADDR'),
    (re.compile(r'/\* \d+ vars? \*/'), '/* N vars */'),
    # Times.
    (re.compile(r'\b(tv_sec|tv_nsec|tv_usec|si_utime|si_stime|ru_utime|ru_stime)=\d+'
                r'(?: /\* [\d.]+ s \*/)?'), r'\1=N'),
    (re.compile(r'\b(st_[amc]time(?:_nsec)?|stx_[abcm]time)=[^,}]+'), r'\1=T'),
    # Ports of sockets bound to port 0.
    (re.compile(r'htons\(\d+\)'), 'htons(PORT)'),
    # Inode numbers and directory offsets.
    (re.compile(r'\b(st_ino|d_ino|d_off|stx_ino|inode)=\d+'), r'\1=N'),
    (re.compile(r'\b(socket|pipe|anon_inode:[\w\[\]]+|UNIX|UNIX-STREAM|UNIX-DGRAM|TCP|UDP|'
                r'TCPv6|UDPv6|NETLINK):\[[^\]]*\]'), r'\1:[INODE]'),
    # The tracer's own pid, as its child sees it.
    (re.compile(r'^(getppid|getpgrp)\(\)( += )\d+$'), r'\1()\2PID'),
    (re.compile(r'/proc/\d+/'), '/proc/PID/'),
    (re.compile(r'"/proc/\d+"'), '"/proc/PID"'),
    # Random bytes.
    (re.compile(r'getrandom\("(?:[^"\\]|\\.)*"(?:\.\.\.)?'), 'getrandom("RANDOM"'),
    # Names made unique with random letters (mkstemp and friends).
    (re.compile(r'(tmp_obj_|tmp_pack_|\.tmp-|XXXXXX|tmp\.)[A-Za-z0-9]{6}\b'), r'\1RANDOM'),
]


def parse(path):
    """Returns {pid: [line, ...]} in file order with unfinished/resumed pairs joined."""
    procs = {}
    order = []
    pending = {}
    with open(path, encoding='utf-8', errors='replace') as f:
        for raw in f:
            raw = raw.rstrip('\n')
            m = PID_PREFIX.match(raw)
            if m:
                pid, line = int(m.group(1)), m.group(2)
            else:
                pid, line = 0, raw
            if pid not in procs:
                procs[pid] = []
                order.append(pid)
            ip = ''
            i = IP_PREFIX.match(line)
            if i:
                ip, line = ' @' + i.group(1), i.group(2)
            if line.endswith(UNFINISHED):
                pending[pid] = (line[:-len(UNFINISHED)], ip)
                continue
            r = RESUMED.match(line)
            if r and pid in pending:
                head, head_ip = pending.pop(pid)
                procs[pid].append(('J', head + r.group(2) + head_ip))
                continue
            procs[pid].append(('L', line + ip))
    for pid, (head, head_ip) in pending.items():
        procs[pid].append(('L', head + UNFINISHED + head_ip))
    return procs, order


def name_pids(procs, order):
    """Names the first process P and each child after its parent's clone: P.1, P.1.2 ..."""
    names = {}
    if not order:
        return names
    queue = [order[0]]
    names[order[0]] = 'P'
    while queue:
        pid = queue.pop(0)
        k = 0
        for _, line in procs.get(pid, []):
            m = CREATES.match(line)
            if m:
                child = int(m.group(1))
                k += 1
                if child not in names:
                    names[child] = '%s.%d' % (names[pid], k)
                    queue.append(child)
    extra = 0
    for pid in order:
        if pid not in names:
            extra += 1
            names[pid] = 'X%d' % extra
    return names


# Where a pid appears in a line: a number there that is one of the trace's pids is named.
# Nowhere else: a pid may equal a size or a count (a child pid of 4096 is common on a freshly
# booted machine, and 4096 is the page and buffer size of many calls).
PID_PLACES = [
    # results: a child, the caller itself, a reaped child (rt_sigreturn gives back the
    # result of the call the signal interrupted)
    re.compile(r'^(?:clone|clone3|fork|vfork|getpid|gettid|set_tid_address|wait4|waitpid|'
               r'rt_sigreturn|getpgid|getsid|setsid)\(.*\) += (\d+)(?: |$)'),
    # first argument
    re.compile(r'^(?:wait4|waitpid|kill|tkill|tgkill|getpgid|getsid|setpgid|prlimit64|'
               r'pidfd_open|sched_[a-z]+|process_vm_readv|process_vm_writev)\((\d+)'),
    # second argument
    re.compile(r'^(?:tgkill|setpgid)\(\d+, (\d+)'),
    re.compile(r'\b(?:si_pid|l_pid|nl_pid)=(\d+)'),
    # a pidfd's process with -y (--decode-fds=pidfd)
    re.compile(r'<pid:(\d+)>'),
    # a socket peer's credentials
    re.compile(r'SO_PEERCRED, \{pid=(\d+)'),
    # a thread's execve: the leader's pid it takes, the thread's own it had
    re.compile(r'<pid changed to (\d+) \.\.\.>$'),
    re.compile(r'^\+\+\+ superseded by execve in pid (\d+) \+\+\+$'),
    # --pidns-translation: the tracer's id of a process in another pid namespace
    re.compile(r"/\* (\d+) in strace's PID NS \*/"),
    re.compile(r'\b(?:parent_tid|child_tid)=\[(\d+)\]'),
    # /proc/PID/stat read by ps: "PID (comm) STATE ..."
    re.compile(r'"(\d+) \('),
]


def name_pid_places(line, numbers):
    """Replaces the pids found at PID_PLACES in line by their names."""
    spans = []
    for rx in PID_PLACES:
        for m in rx.finditer(line):
            if m.group(1) in numbers:
                spans.append(m.span(1))
    for start, end in sorted(set(spans), reverse=True):
        line = line[:start] + numbers[line[start:end]] + line[end:]
    return line


def normalise(procs, order):
    names = name_pids(procs, order)
    numbers = {str(p): n for p, n in names.items() if p > 1}

    out = {}
    for pid in order:
        lines = []
        for kind, line in procs[pid]:
            for rx, rep in SUBST:
                line = rx.sub(rep, line)
            line = name_pid_places(line, numbers)
            # A line one tracer split into <unfinished ...> and <... resumed> parts was
            # padded after the resumed part: compare without the padding (the -a tests
            # check the column itself).
            line = re.sub(r'\) +(= [^=]*)$', r') \1', line)
            lines.append(line)
        out[names[pid]] = lines
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('strace_log')
    ap.add_argument('sysray_log')
    ap.add_argument('--mismatches')
    ap.add_argument('--label', default='')
    args = ap.parse_args()

    sp, so = parse(args.strace_log)
    yp, yo = parse(args.sysray_log)
    a = normalise(sp, so)
    b = normalise(yp, yo)
    matched = total = 0
    pairs = []
    for name in sorted(set(a) | set(b)):
        la, lb = a.get(name, []), b.get(name, [])
        sm = difflib.SequenceMatcher(None, la, lb, autojunk=False)
        m = sum(blk.size for blk in sm.get_matching_blocks())
        matched += m
        total += max(len(la), len(lb))
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == 'equal':
                continue
            sa, sb = la[i1:i2], lb[j1:j2]
            for i in range(max(len(sa), len(sb))):
                pairs.append((name, sa[i] if i < len(sa) else None,
                              sb[i] if i < len(sb) else None))
    pct = 100.0 * matched / total if total else 100.0
    if args.mismatches:
        with open(args.mismatches, 'a', encoding='utf-8') as f:
            for name, s, y in pairs:
                f.write('%s\t%s\t%s\t%s\n' % (args.label, name, s if s is not None else '',
                                              y if y is not None else ''))
    print('%.1f %d %d' % (pct, matched, total))


if __name__ == '__main__':
    sys.exit(main())
