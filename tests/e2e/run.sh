#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# End-to-end tests of `sysray trace` against the real strace 6.1.
# Usage: tests/e2e/run.sh BUILD
#   E2E_FILTER=REGEX    run only the tests whose name matches
#   E2E_THRESHOLD=PCT   use this threshold for every comparison test
#   E2E_BASELINE=1      also trace each comparison twice with strace (run-to-run noise)
#   E2E_SYSDIG=live     run sysdig on the checked-in captures instead of reading its kept
#                       output in tests/e2e/golden/sysdig (tests/e2e/golden.sh makes it)
#   E2E_READY_TIMEOUT=S how long a readiness handshake may wait (default 30 s)
#   E2E_TEST_TIMEOUT=S  how long one test may run (default 240 s)
# Writes BUILD/e2e/summary.txt (percentages of identical lines per program and command),
# BUILD/e2e/mismatches.tsv (label, process, strace line, sysray line) and
# BUILD/e2e/durations.txt (each case file's wall and CPU seconds). One run at a time per BUILD:
# a run starts by emptying BUILD/e2e.
# Tests listed in tests/e2e/known-failures.txt that fail are counted as skipped (XFAIL).
# Ends with "e2e: N passed, N failed, N skipped"; with SYSRAY_COUNTS=FILE it appends
# "e2e P F S" there.
set -u
build=${1:?usage: run.sh BUILD}
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$build" && pwd)
SYSRAY=$build/sysray
PROGS=$build/tests/progs
WORK=$build/e2e
SUMMARY=$WORK/summary.txt
MISMATCHES=$WORK/mismatches.tsv
export LC_ALL=C.UTF-8 TZ=UTC
# Debian's python3 (scripts/install-deps.sh installs it), not the first one on PATH: a pyenv
# shim there costs 0.8 s a start instead of 0.05 s.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=$(command -v python3)

rm -rf "$WORK"
mkdir -p "$WORK"
: >"$SUMMARY"
: >"$MISMATCHES"

. "$E2E_DIR/lib.sh"

if [ ! -x "$SYSRAY" ] || ! command -v strace >/dev/null; then
	echo "e2e: needs $SYSRAY and strace" >&2
	fail setup "missing sysray or strace"
else
	# Each case file's wall time and the CPU time of the processes it started (load on the
	# shared machine stretches the first, not the second), in BUILD/e2e/durations.txt too.
	for case_file in "$E2E_DIR"/cases/*.sh; do
		case_start=$EPOCHREALTIME
		case_cpu=$(children_cpu)
		. "$case_file"
		awk -v a="$case_start" -v b="$EPOCHREALTIME" -v c="$case_cpu" -v d="$(children_cpu)" \
			-v n="$(basename "$case_file")" \
			'BEGIN { printf "case %-18s %7.1f s wall %7.1f s cpu\n", n, b - a, d - c }' |
			tee -a "$WORK/durations.txt"
	done
	watchdog_end
fi

echo
echo "== identical lines, sysray vs strace (normalised) =="
cat "$SUMMARY"
# Thresholds a little under today's figures (run-to-run noise), to paste into thresholds.txt.
awk '$2 ~ /%$/ { p = $2 + 0; t = int(p) - (p < 99 ? 2 : 0); print $1, (t > 0 ? t : 0) }' \
	"$SUMMARY" >"$WORK/thresholds.suggested"
if [ -s "$MISMATCHES" ]; then
	echo
	echo "== most frequent mismatching syscalls (strace's line, sysray's line) =="
	"$PY" "$E2E_DIR/mismatch_report.py" "$MISMATCHES" 25 | tee "$WORK/mismatch-report.txt"
fi
if [ ${#E2E_FAILED_NAMES[@]} -gt 0 ]; then
	echo
	echo "failed: ${E2E_FAILED_NAMES[*]}"
fi
if [ -n "${SYSRAY_COUNTS:-}" ]; then
	echo "e2e $E2E_PASSED $E2E_FAILED $E2E_SKIPPED" >>"$SYSRAY_COUNTS"
fi
echo "e2e: $E2E_PASSED passed, $E2E_FAILED failed, $E2E_SKIPPED skipped"
[ "$E2E_FAILED" -eq 0 ]
