#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# sysray top against csysdig: `sysray top -r BIG -v procs -j` and `csysdig -r BIG -v procs -j`
# (Debian's 0.29), interleaved, ROUNDS times each (default 3), median wall times and their
# ratio (goal: sysray at least 3x as fast); then the UI's own CPU at idle: `sysray top -r
# SMALL` in a tmux pane for IDLE_S seconds (default 10) with no key pressed, its user+system
# time from /proc/PID/stat as a share of one core (goal: below 2%).
# Usage: bench/top_bench.sh BUILD [COPIES] [ROUNDS]
#   CAPTURE=FILE bench/top_bench.sh BUILD '' [ROUNDS]   # a real capture instead
# Without CAPTURE the capture is tests/data/scap/libs_e2e_curl_google.scap decompressed and
# concatenated COPIES times (default 300: ~45 MB).
set -euo pipefail
build=${1:?usage: bench/top_bench.sh BUILD [COPIES] [ROUNDS]}
copies=${2:-300}
copies=${copies:-300}
rounds=${3:-3}
idle_s=${IDLE_S:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
sysray=$build/sysray
timer=$build/bench/workloads
[ -x "$timer" ] || { echo "top_bench: build $timer first (make BUILD=$build bench)" >&2; exit 1; }
work=$(mktemp -d)
session=srtop-bench-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || :; rm -rf "$work"' EXIT
export TZ=UTC
small=$work/one.scap
zcat "$root/tests/data/scap/libs_e2e_curl_google.scap" >"$small"
if [ -n "${CAPTURE:-}" ]; then
	big=$CAPTURE
else
	big=$work/big.scap
	for ((i = 0; i < copies; i++)); do cat "$small"; done >"$big"
fi
echo "capture: $big, $(du -h "$big" | cut -f1)"

# run NAME CMD...: one timed run; "NAME WALL MAXRSS STATUS" appended to the results.
run() {
	local name=$1
	shift
	echo "$name $("$timer" time "$@" 2>/dev/null | tail -1)" >>"$work/results"
}
: >"$work/results"
if command -v csysdig >/dev/null; then
	for ((r = 0; r < rounds; r++)); do
		run csysdig-procs csysdig -r "$big" -v procs -j
		run sysray-procs "$sysray" top -r "$big" -v procs -j
	done
else
	echo "top_bench: csysdig is not installed: sysray alone"
	for ((r = 0; r < rounds; r++)); do
		run sysray-procs "$sysray" top -r "$big" -v procs -j
	done
fi
median() { awk -v n="$1" '$1 == n { print $2 }' "$work/results" | sort -n |
	awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf '%-16s %9s\n' config median_s
for n in $(awk '{ print $1 }' "$work/results" | awk '!seen[$0]++'); do
	printf '%-16s %9s\n' "$n" "$(median "$n")"
done
grep -q '^csysdig-procs' "$work/results" &&
	awk -v a="$(median csysdig-procs)" -v b="$(median sysray-procs)" \
		'BEGIN { printf "sysray/csysdig speed, top -r BIG -v procs -j: %.1fx (goal >= 3)\n",
			 a / b }'

# The UI at idle: CPU ticks of the process over IDLE_S seconds once it shows its view.
if ! command -v tmux >/dev/null; then
	echo "top_bench: tmux is not installed: no idle measure"
	exit 0
fi
tmux new-session -d -s "$session" -x 120 -y 40 "$sysray top -r $small"
for ((i = 0; i < 500; i++)); do
	tmux capture-pane -p -t "$session" | grep -q "Viewing:" && break
	sleep 0.02
done
pid=$(pgrep -f "^$sysray top -r $small" | head -1)
ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
a=$(ticks)
t0=${EPOCHREALTIME/./}
sleep "$idle_s"
b=$(ticks)
t1=${EPOCHREALTIME/./}
awk -v d=$((b - a)) -v hz="$(getconf CLK_TCK)" -v us=$((t1 - t0)) \
	'BEGIN { printf "UI idle CPU: %.2f%% of a core over %.1f s (goal < 2%%)\n",
		 100 * d / hz / (us / 1e6), us / 1e6 }'
