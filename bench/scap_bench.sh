#!/bin/bash
# Reading captures: sysray -r against sysdig -r (Debian's 0.29) on a large capture.
# Usage: bench/scap_bench.sh BUILD [COPIES] [ROUNDS]
# The capture is tests/data/scap/libs_e2e_curl_google.scap decompressed and concatenated
# COPIES times (default 2000: ~290 MB, 2.4 M printed events). Interleaved rounds (default 3);
# medians of wall time, and peak RSS at two file sizes to show memory stays flat.
set -euo pipefail
build=${1:?usage: bench/scap_bench.sh BUILD [COPIES] [ROUNDS]}
copies=${2:-2000}
rounds=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
sysray=$build/sysray
timer=$build/bench/workloads
command -v sysdig >/dev/null || { echo "scap_bench: SKIP: sysdig is not installed"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zcat "$root/tests/data/scap/libs_e2e_curl_google.scap" >"$work/one.scap"
make_big() {	# make_big N FILE
	local i
	for ((i = 0; i < $1; i++)); do cat "$work/one.scap"; done >"$2"
}
make_big "$copies" "$work/big.scap"
make_big $((copies / 10)) "$work/small.scap"
echo "capture: $(du -h "$work/big.scap" | cut -f1), $copies sections"

# run NAME CMD...: one timed run; "NAME WALL MAXRSS STATUS" appended to the results.
# The timer prints that line on stdout and sends the command's own output to stderr.
run() {
	local name=$1
	shift
	echo "$name $("$timer" time "$@" 2>/dev/null | tail -1)" >>"$work/results"
}
for ((r = 0; r < rounds; r++)); do
	run sysdig-filter sysdig -r "$work/big.scap" "evt.type=open"
	run sysray-filter "$sysray" -r "$work/big.scap" "evt.type=open"
	run sysdig-all sysdig -r "$work/big.scap"
	run sysray-all "$sysray" -r "$work/big.scap"
done
run sysdig-small sysdig -r "$work/small.scap"
run sysray-small "$sysray" -r "$work/small.scap"

median() { awk -v n="$1" '$1 == n { print $2 }' "$work/results" | sort -n |
	awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
rss() { awk -v n="$1" '$1 == n { print $3 }' "$work/results" | sort -n | tail -1; }
printf '%-14s %9s %10s\n' config median_s maxrss_kB
for c in sysdig-filter sysray-filter sysdig-all sysray-all sysdig-small sysray-small; do
	printf '%-14s %9s %10s\n' "$c" "$(median $c)" "$(rss $c)"
done
awk -v a="$(median sysdig-filter)" -v b="$(median sysray-filter)" \
    -v c="$(median sysdig-all)" -v d="$(median sysray-all)" 'BEGIN {
	printf "sysray/sysdig speed: filtered read %.1fx (goal >= 2), every event formatted %.1fx (goal >= 4)\n",
		a / b, c / d }'
