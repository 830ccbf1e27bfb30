# SPDX-License-Identifier: Apache-2.0
"""sysray top -j against csysdig -j: for each line "NAME OURS THEIRS" of stdin, the rows of
the sample of both files compared as sets keyed by "k", plus the info section (legend,
sortingCol, count and the drill-down fields); prints "NAME PERCENT SAME TOTAL INFO" where
TOTAL counts the rows of either side, SAME the rows equal in both and INFO is "info" or the
first info member that differs. CPU columns (thread.cpu: csysdig reads it from procinfo
events, which captures of these tests lack, and shows values it keeps from elsewhere) are
left out of the comparison: a DOUBLE column named CPU, TOT, USER or SYS."""
import json
import sys

CPU_NAMES = {"CPU", "TOT", "USER", "SYS"}


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
        out.setdefault(r.get("k"), []).append(json.dumps(d, sort_keys=True))
    return out


def compare(ours, theirs):
    a, b = sample(ours), sample(theirs)
    if a is None or b is None:
        return 0, max(len((b or {}).get("data", [])), 1), "unreadable"
    ia, ib = a.get("info", {}), b.get("info", {})
    mask = masked(ib)
    ra, rb = rows(a, mask), rows(b, mask)
    same = total = 0
    for k in set(ra) | set(rb):
        x, y = sorted(ra.get(k, [])), sorted(rb.get(k, []))
        total += max(len(x), len(y))
        same += sum(1 for v in x if v in y)
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
