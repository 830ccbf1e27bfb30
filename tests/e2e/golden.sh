#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Makes tests/e2e/golden/sysdig again from the installed sysdig: the output of every
# `sysdig -r` call the end-to-end tests make on the captures checked in under tests/data
# (sysdig_r in lib.sh), with sysdig's version in VERSION and the calls in CALLS (key, the
# capture's sha1, the arguments).
# Usage: tests/e2e/golden.sh BUILD
# Afterwards `git status tests/e2e/golden` shows whether the kept outputs were current.
set -u
build=${1:?usage: golden.sh BUILD}
here=$(cd "$(dirname "$0")" && pwd)
golden=$here/golden/sysdig
command -v sysdig >/dev/null || { echo "golden.sh: sysdig is not installed" >&2; exit 1; }
rm -rf "$golden"
mkdir -p "$golden"
sysdig --version >"$golden/VERSION"
E2E_SYSDIG=record E2E_FILTER='^(cap-|so-|sd-|ch-)' "$here/run.sh" "$build"
rc=$?
sort -u "$build/e2e/golden-calls" >"$golden/CALLS"
echo "golden.sh: $(wc -l <"$golden/CALLS") calls kept in $golden"
exit $rc
