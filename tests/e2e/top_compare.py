# SPDX-License-Identifier: Apache-2.0
"""sysray top -j against csysdig -j: for each line "NAME OURS THEIRS" of stdin, the rows of
the sample of both files compared as sets keyed by "k", plus the info section (legend,
sortingCol, count and the drill-down fields); prints "NAME PERCENT SAME TOTAL INFO" where
TOTAL counts the rows of either side, SAME the rows equal in both and INFO is "info", the
first info member that differs, or "nocsysdig" when csysdig printed no JSON (it fails on
some captures: those pairs are not counted). CPU columns (thread.cpu: csysdig reads it from procinfo
events, which captures of these tests lack, and shows values it keeps from elsewhere) are
left out of the comparison: a DOUBLE column named CPU, TOT, USER or SYS."""
import json
import sys

CPU_NAMES = {"CPU", "TOT", "USER", "SYS"}


def ipv4_as_csysdig(v):
    """csysdig prints a 4-byte address of an IPADDR column as an IPv6 address read over 16
    bytes of its row buffer (the rest is the next columns' bytes): only the first two groups
    are the address. The comparison keeps those."""
    parts = v.split(".")
    if len(parts) != 4 or not all(p.isdigit() for p in parts):
        return v
    b = [int(p) for p in parts]
    return "%x:%x" % (b[0] << 8 | b[1], b[2] << 8 | b[3])


def ip_prefix(v):
    return ":".join(v.split(":")[:2]) if isinstance(v, str) else v


def sample(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            doc = json.load(f)
    except (OSError, ValueError):
        return None
    for s in reversed(doc.get("slices", [])):
        if "info" in s or "data" in s:
            return s
    return {}


def masked(info):
    legend = info.get("legend", [])
    return {i for i, c in enumerate(legend)
            if c.get("type") == "DOUBLE" and c.get("name") in CPU_NAMES}


def rows(s, mask):
    out = {}
    for r in s.get("data", []):
        d = [v for i, v in enumerate(r.get("d", [])) if i not in mask]
        out.setdefault(r.get("k"), []).append(d)
    return out


def same_row(x, y, ipcols):
    if len(x) != len(y):
        return False
    for i, (u, v) in enumerate(zip(x, y)):
        if i in ipcols and isinstance(u, str) and u != ipv4_as_csysdig(u):
            u, v = ipv4_as_csysdig(u), ip_prefix(v)
        if u != v:
            return False
    return True


def compare(ours, theirs):
    a, b = sample(ours), sample(theirs)
    if b is None:
        return 0, 0, "nocsysdig"
    if a is None:
        return 0, max(len(b.get("data", [])), 1), "unreadable"
    ia, ib = a.get("info", {}), b.get("info", {})
    mask = masked(ib)
    kept = [c for i, c in enumerate(ib.get("legend", [])) if i not in mask]
    ipcols = {i for i, c in enumerate(kept) if c.get("type") == "IPADDR"}
    ra, rb = rows(a, mask), rows(b, mask)
    same = total = 0
    for k in set(ra) | set(rb):
        x, y = ra.get(k, []), list(rb.get(k, []))
        total += max(len(x), len(y))
        for r in x:
            match = next((i for i, t in enumerate(y) if same_row(r, t, ipcols)), None)
            if match is not None:
                same += 1
                del y[match]
    info = "info"
    for key in ("legend", "sortingCol", "canDrillDown", "drillDownKeyField",
                "filterTemplate", "filterTemplateF", "appliesTo"):
        if ia.get(key) != ib.get(key):
            info = key
            break
    if info == "info" and a.get("count", 0) != b.get("count", 0):
        info = "count"
    return same, total, info


for line in sys.stdin:
    name, ours, theirs = line.split()
    same, total, info = compare(ours, theirs)
    pct = 100.0 if total == 0 else 100.0 * same / total
    print(f"{name} {pct:.1f} {same} {total} {info}")
