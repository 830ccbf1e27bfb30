#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Runs the unit tests and the end-to-end tests of BUILD and sums their counts.
# Usage: tests/run-all.sh BUILD
# The last line is "N passed, N failed" (", N skipped" after it when known end-to-end
# failures were skipped, see tests/e2e/known-failures.txt); the exit status is non-zero if anything failed.
set -u
build=${1:?usage: run-all.sh BUILD}
here=$(cd "$(dirname "$0")" && pwd)
SYSRAY_COUNTS=$(mktemp)
export SYSRAY_COUNTS
trap 'rm -f "$SYSRAY_COUNTS"' EXIT

"$here/run-unit.sh" "$build"
unit_rc=$?
"$here/e2e/run.sh" "$build"
e2e_rc=$?

read -r passed failed skipped < <(awk '{ p += $2; f += $3; s += $4 }
	END { print p + 0, f + 0, s + 0 }' "$SYSRAY_COUNTS")
# A runner that died before counting still fails the run.
for rc in "$unit_rc" "$e2e_rc"; do
	if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
		failed=1
	fi
done
[ "$(wc -l <"$SYSRAY_COUNTS")" -eq 2 ] || failed=$((failed + 1))
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
