#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
# `sysray -r` against `sysdig -r` (Debian's sysdig 0.29) on capture files: for each file and
# each of four outputs (sysdig's default line, the issue's -p template, -p %evt.info, -j) the
# lines that are identical, by position over the longer output, and the share.
# Usage: bench/reader_diff.py [--diff DIR] SYSRAY FILE.scap...
#   --diff DIR   keep both outputs of each run in DIR (NAME-MODE.sysdig, NAME-MODE.sysray)
import os
import subprocess
import sys

MODES = [
    ("default", []),
    ("template", ["-p", "%evt.num %evt.type %evt.dir %proc.name %thread.tid %fd.name"]),
    ("info", ["-p", "%evt.info"]),
    ("json", ["-j"]),
]


def run(argv):
    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env,
                       timeout=300)
    return p.stdout.decode("utf-8", "replace").splitlines(), p.returncode


def main():
    args = sys.argv[1:]
    keep = None
    if args[:1] == ["--diff"]:
        keep, args = args[1], args[2:]
        os.makedirs(keep, exist_ok=True)
    if len(args) < 2:
        sys.exit("usage: reader_diff.py [--diff DIR] SYSRAY FILE.scap...")
    sysray, files = args[0], args[1:]
    print("%-40s %-9s %7s %7s %7s" % ("capture", "output", "same", "lines", "share"))
    totals = {}
    for f in files:
        name = os.path.basename(f)[:-5] if f.endswith(".scap") else os.path.basename(f)
        for mode, extra in MODES:
            a, rc = run(["sysdig", "-r", f] + extra)
            if rc and not a:
                print("%-40s %-9s sysdig 0.29 cannot read it (exit %d)" % (name, mode, rc))
                continue
            b, _ = run([sysray, "-r", f] + extra)
            if keep:
                for suffix, lines in (("sysdig", a), ("sysray", b)):
                    with open(os.path.join(keep, "%s-%s.%s" % (name, mode, suffix)), "w") as o:
                        o.write("\n".join(lines) + ("\n" if lines else ""))
            n = max(len(a), len(b))
            same = sum(1 for x, y in zip(a, b) if x == y)
            t = totals.setdefault(mode, [0, 0])
            t[0] += same
            t[1] += n
            print("%-40s %-9s %7d %7d %6.1f%%" % (name, mode, same, n,
                                                  100.0 * same / n if n else 100.0))
    for mode, (same, n) in totals.items():
        print("%-40s %-9s %7d %7d %6.1f%%" % ("all", mode, same, n,
                                              100.0 * same / n if n else 100.0))


main()
