#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Reading captures: sysray -r against sysdig -r (Debian's 0.29) on a large capture.
# Usage: bench/scap_bench.sh BUILD [COPIES] [ROUNDS]
#   CAPTURE=FILE bench/scap_bench.sh BUILD '' [ROUNDS]    # time an existing capture instead
# Without CAPTURE the capture is tests/data/scap/libs_e2e_curl_google.scap decompressed and
# concatenated COPIES times (default 2000: ~290 MB, 2.4 M printed events); CAPTURE is meant for
# a real one of a few hundred MB (`sysray -w big.scap` while the machine is busy).
# Three configurations, sysray and sysdig interleaved for ROUNDS rounds (default 3):
#   filter    evt.type=open, sysdig's default line
#   template  a -p template behind a filter that keeps a few percent of the events
#   all       every event, sysdig's default line
# First one run of each prints into a file and the outputs are compared (md5). Medians of wall
# time; with the concatenated capture, peak RSS at two file sizes to show memory stays flat.
set -euo pipefail
build=${1:?usage: bench/scap_bench.sh BUILD [COPIES] [ROUNDS]}
copies=${2:-2000}
copies=${copies:-2000}
rounds=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
sysray=$build/sysray
timer=$build/bench/workloads
template=${TEMPLATE:-"%evt.num %evt.time %proc.name %thread.tid %evt.type %fd.name %evt.res"}
tfilter=${TFILTER:-"evt.type in (open, openat) and evt.dir=<"}
command -v sysdig >/dev/null || { echo "scap_bench: SKIP: sysdig is not installed"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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

# args CONFIG: the arguments of both readers for CONFIG, after -r FILE.
args() {
	case $1 in
	filter) printf '%s\n' "evt.type=open" ;;
	template) printf '%s\n' -p "$template" "$tfilter" ;;
	all) ;;
	esac
}

# Same output: both readers print the same lines (md5), and how many.
for c in filter template all; do
	mapfile -t a < <(args $c)
	s1=$(sysdig -r "$big" "${a[@]}" 2>/dev/null |
		awk -v f="$work/lines" '{ print } END { print NR >f }' | md5sum)
	s2=$("$sysray" -r "$big" "${a[@]}" 2>/dev/null | md5sum)
	printf '%-9s %9s lines, same output: %s\n' "$c" "$(cat "$work/lines")" \
		"$([ "$s1" = "$s2" ] && echo yes || echo NO)"
done

# run NAME CMD...: one timed run; "NAME WALL MAXRSS STATUS" appended to the results.
# The timer prints that line on stdout and sends the command's own output to stderr.
run() {
	local name=$1
	shift
	echo "$name $("$timer" time "$@" 2>/dev/null | tail -1)" >>"$work/results"
}
for ((r = 0; r < rounds; r++)); do
	for c in filter template all; do
		mapfile -t a < <(args $c)
		run sysdig-$c sysdig -r "$big" "${a[@]}"
		run sysray-$c "$sysray" -r "$big" "${a[@]}"
	done
done
configs="sysdig-filter sysray-filter sysdig-template sysray-template sysdig-all sysray-all"
if [ -n "$small" ]; then
	run sysdig-small sysdig -r "$small"
	run sysray-small "$sysray" -r "$small"
	configs+=" sysdig-small sysray-small"
fi

median() { awk -v n="$1" '$1 == n { print $2 }' "$work/results" | sort -n |
	awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
rss() { awk -v n="$1" '$1 == n { print $3 }' "$work/results" | sort -n | tail -1; }
printf '%-16s %9s %10s\n' config median_s maxrss_kB
for c in $configs; do
	printf '%-16s %9s %10s\n' "$c" "$(median $c)" "$(rss $c)"
done
awk -v a="$(median sysdig-filter)" -v b="$(median sysray-filter)" \
    -v c="$(median sysdig-template)" -v d="$(median sysray-template)" \
    -v e="$(median sysdig-all)" -v f="$(median sysray-all)" 'BEGIN {
	printf "sysray/sysdig speed: evt.type=open %.1fx, -p template behind a filter %.1fx " \
		"(goal >= 4), every event %.1fx (goal >= 8)\n", a / b, c / d, e / f }'
