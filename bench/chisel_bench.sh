#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Chisels over a large capture: `sysray -r FILE -c CHISEL` (sysray's own chisel) against
# `sysdig -r FILE -c CHISEL` (Debian's 0.29 and its chisel), interleaved.
# Usage: bench/chisel_bench.sh BUILD [COPIES] [ROUNDS]
#   CAPTURE=FILE bench/chisel_bench.sh BUILD '' [ROUNDS]   # a real capture instead
# Without CAPTURE the capture is tests/data/scap/libs_e2e_curl_google.scap decompressed and
# concatenated COPIES times (default 1000: ~145 MB); CAPTURE is meant for a real one of a few
# hundred MB (`sysray -w big.scap` while the machine is busy). CHISELS (default
# "topfiles_bytes topprocs_net topscalls") are each run ROUNDS times (default 3) by both; first
# one run of each compares the outputs (rows as sets: sysdig orders ties at random). Prints
# median wall times and the ratio per chisel (goal: sysray at least 3x as fast); with the
# concatenated capture, peak RSS at a tenth of the size too, to show memory stays flat.
set -euo pipefail
build=${1:?usage: bench/chisel_bench.sh BUILD [COPIES] [ROUNDS]}
copies=${2:-1000}
copies=${copies:-1000}
rounds=${3:-3}
chisels=${CHISELS:-topfiles_bytes topprocs_net topscalls}
root=$(cd "$(dirname "$0")/.." && pwd)
sysray=$build/sysray
timer=$build/bench/workloads
command -v sysdig >/dev/null || { echo "chisel_bench: SKIP: sysdig is not installed"; exit 0; }
[ -x "$timer" ] || { echo "chisel_bench: build $timer first (make BUILD=$build bench)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# chisels print what they aggregated in local time
export TZ=UTC
if [ -n "${CAPTURE:-}" ]; then
	big=$CAPTURE
	small=
else
	zcat "$root/tests/data/scap/libs_e2e_curl_google.scap" >"$work/one.scap"
	make_big() {	# make_big N FILE
		local i
		for ((i = 0; i < $1; i++)); do cat "$work/one.scap"; done >"$2"
	}
	big=$work/big.scap
	small=$work/small.scap
	make_big "$copies" "$big"
	make_big $((copies / 10)) "$small"
fi
echo "capture: $big, $(du -h "$big" | cut -f1)"

# Same output: the chisel's table from both, its rows as sets (rows tied at the cut of a top-N
# table count as alike: sysdig keeps any of them), by tests/e2e/chisel_compare.py.
for c in $chisels; do
	sysdig -r "$big" -c "$c" >"$work/$c.sysdig" 2>/dev/null
	"$sysray" -r "$big" -c "$c" >"$work/$c.sysray" 2>/dev/null
	echo "$c top $work/$c.sysray $work/$c.sysdig"
done | /usr/bin/python3 "$root/tests/e2e/chisel_compare.py" |
	awk '{ printf "%-16s same output: %s (%s%% of %s lines)\n", $1,
		$3 == $4 ? "yes" : "NO", $2, $4 }'

# run NAME CMD...: one timed run; "NAME WALL MAXRSS STATUS" appended to the results.
run() {
	local name=$1
	shift
	echo "$name $("$timer" time "$@" 2>/dev/null | tail -1)" >>"$work/results"
}
: >"$work/results"
for ((r = 0; r < rounds; r++)); do
	for c in $chisels; do
		run "sysdig-$c" sysdig -r "$big" -c "$c"
		run "sysray-$c" "$sysray" -r "$big" -c "$c"
	done
done
first=${chisels%% *}
if [ -n "$small" ]; then
	run sysdig-small sysdig -r "$small" -c "$first"
	run sysray-small "$sysray" -r "$small" -c "$first"
fi

median() { awk -v n="$1" '$1 == n { print $2 }' "$work/results" | sort -n |
	awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
rss() { awk -v n="$1" '$1 == n { print $3 }' "$work/results" | sort -n | tail -1; }
printf '%-24s %9s %10s\n' config median_s maxrss_kB
for n in $(awk '{ print $1 }' "$work/results" | awk '!seen[$0]++'); do
	printf '%-24s %9s %10s\n' "$n" "$(median "$n")" "$(rss "$n")"
done
for c in $chisels; do
	awk -v c="$c" -v a="$(median "sysdig-$c")" -v b="$(median "sysray-$c")" \
		'BEGIN { printf "sysray/sysdig speed, -c %s: %.1fx (goal >= 3)\n", c, a / b }'
done
[ -z "$small" ] || echo "peak RSS of sysray -c $first: $(rss sysray-small) kB at a tenth of" \
	"the capture, $(rss "sysray-$first") kB on all of it"
