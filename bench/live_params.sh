#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# How many live events carry all their parameters: a system-wide `sysray` capture prints
# `%evt.type %evt.dir %evt.args` for a few seconds while tests/progs workloads and ordinary
# commands run, and bench/live_params.py prints per event type the share of events whose
# parameters sysdig 0.29 reads are all filled.
#
#   bench/live_params.sh BUILD_DIR
#
# The events are printed live rather than written with -w and read back: the .scap writer
# writes a number the source left empty as zeros of its width (sysdig 0.29 reads every
# number at its full width), which would hide it here.
set -uo pipefail

BUILD=${1:?usage: bench/live_params.sh BUILD_DIR}
SYSRAY=$BUILD/sysray
PROGS=$BUILD/tests/progs
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

for p in fsops files fds net procs syslogpoll; do
	[ -x "$PROGS/$p" ] || { echo "live_params: build $PROGS/$p first (make)" >&2; exit 1; }
done
"$SYSRAY" -p "%evt.type %evt.dir %evt.args" >"$TMP/events" 2>"$TMP/err" &
cap=$!
# ready once it sleeps in its poll loop (epoll_wait, 232 on x86_64), as tests/e2e/lib.sh's
# polling() waits for it
for _ in $(seq 200); do
	read -r sc _ 2>/dev/null </proc/$cap/syscall && [ "$sc" = 232 ] && break
	kill -0 $cap 2>/dev/null || { echo "live_params: $(cat "$TMP/err")" >&2; exit 1; }
	sleep 0.05
done
for p in fsops files fds net procs syslogpoll; do
	mkdir -p "$TMP/$p"
	(cd "$TMP/$p" && "$PROGS/$p" >/dev/null 2>&1)
done
(cd "$TMP" && ls -la / >/dev/null && cat /etc/hostname >/dev/null && sh -c 'date; id' \
	>/dev/null && python3 -c 'import os, select; os.listdir("/")' && sleep 0.2 &&
	ps ax >/dev/null && tar cf - -C "$HERE" . >/dev/null && dd if=/dev/zero of=z bs=4k \
	count=10 2>/dev/null && sort /etc/passwd >/dev/null)
kill -INT $cap
wait $cap
"$HERE/live_params.py" "$HERE/../src/schema/event_table.in" <"$TMP/events"
