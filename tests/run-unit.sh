#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Runs every cmocka unit test binary in BUILD/tests/unit and counts the tests in them.
# Usage: tests/run-unit.sh BUILD
# Ends with "unit: N passed, N failed"; with SYSRAY_COUNTS=FILE it also appends
# "unit PASSED FAILED" to FILE for tests/run-all.sh.
set -u
build=${1:?usage: run-unit.sh BUILD}
passed=0
failed=0
# The checked-in generated sources are current: one test.
if "$(dirname "$0")/check-generated.sh"; then
	echo "check-generated: generated sources are current"
	passed=1
else
	failed=1
fi
shopt -s nullglob
bins=("$build"/tests/unit/test_*)
if [ ${#bins[@]} -eq 0 ]; then
	echo "run-unit: no unit test binaries in $build/tests/unit" >&2
	failed=1
fi
for bin in "${bins[@]}"; do
	[ -x "$bin" ] || continue
	case "$bin" in *.d|*.o) continue ;; esac
	log=$(mktemp)
	"$bin" >"$log" 2>&1
	rc=$?
	cat "$log"
	# cmocka closes with "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s), listed below:".
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed.*/\1/p' "$log" | tail -1)
	# The lines may run together when stdout and stderr interleave: search anywhere.
	[ -n "$p" ] || p=$(grep -o '\[  PASSED  \] [0-9]* test' "$log" | tail -1 | grep -o '[0-9]*')
	[ -n "$f" ] || f=$(grep -o '\[  FAILED  \] [0-9]* test(s), listed' "$log" | tail -1 |
			   grep -o '[0-9]*' | head -1)
	p=${p:-0}
	f=${f:-0}
	# A crash (or a sanitizer report) after the counts still fails the binary.
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "run-unit: $(basename "$bin") exited with status $rc" >&2
		f=1
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	rm -f "$log"
done
if [ -n "${SYSRAY_COUNTS:-}" ]; then
	echo "unit $passed $failed" >>"$SYSRAY_COUNTS"
fi
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
