#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Cost of system-wide eBPF capture per syscall, measured interleaved against the peers:
#   untraced       the workload alone
#   sysray-q       `sysray capture -q`: every event with full arguments consumed, not printed
#   sysray-text    `sysray capture`: every event printed to /dev/null
#   sysray-file    `sysray capture -w FILE`: every event written to a .scap file (on $TMPDIR)
#   sysdig-line    `sysray`: sysdig's default line for every event, to /dev/null
#   sysdig-quiet   `sysray -q`: every event through the state and the pipeline, not printed
#   chisel-net     `sysray -c topprocs_net`: the same with a chisel (goal: its added cost at
#                  most 1.2x sysdig-quiet's)
#   bpftrace       a bpftrace one-liner counting syscalls per process (the cheapest useful tool)
#   perf-trace     `perf trace -a -o /dev/null`: every syscall system-wide, formatted
#
#   bench/bpf_bench.sh BUILD_DIR
#
# For each workload (WORKLOADS="getppid write openread", or lseek, from bench/workloads.c) the
# configurations run round-robin, ROUNDS times (default 5), each round starting one later.
# Prints per configuration the median wall time, the added µs per syscall against untraced,
# and for sysray the events per second it kept up with and the drops; then the ratios of the
# issue's goals: sysray's added cost / bpftrace's, and / perf trace's.
# Environment: ROUNDS, WORKLOADS, N_GETPPID=1000000, N_WRITE=1000000, N_OPENREAD=200000,
# N_LSEEK=1000000, RING_MB=16, PERF_TRACE=0 to leave perf trace out (it is slow: about 30 µs
# a syscall).
set -uo pipefail

BUILD=${1:?usage: bench/bpf_bench.sh BUILD_DIR}
W=$BUILD/bench/workloads
SYSRAY=$BUILD/sysray
ROUNDS=${ROUNDS:-5}
WORKLOADS=${WORKLOADS:-getppid write openread}
RING_MB=${RING_MB:-16}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

[ -x "$W" ] || { echo "bpf_bench: build $W first (make BUILD=$BUILD bench)" >&2; exit 1; }
if ! "$SYSRAY" capture -q -n 1 >/dev/null 2>"$TMP/probe"; then
	echo "bpf_bench: sysray capture does not work here: $(cat "$TMP/probe")" >&2
	exit 1
fi
[ -e /sys/kernel/tracing/events ] || mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null
CONFIGS=(untraced sysray-q sysray-text sysray-file sysdig-line sysdig-quiet chisel-net)
if command -v bpftrace >/dev/null; then
	CONFIGS+=(bpftrace)
else
	echo "bpf_bench: bpftrace is not installed (apt-get install bpftrace): left out" >&2
fi
if [ "${PERF_TRACE:-1}" != 1 ]; then
	echo "bpf_bench: PERF_TRACE=${PERF_TRACE}: perf trace left out" >&2
elif command -v perf >/dev/null && timeout 20 perf trace -a -o /dev/null -- true 2>/dev/null; then
	CONFIGS+=(perf-trace)
else
	echo "bpf_bench: perf trace is not usable here: left out" >&2
fi

# count_of WORKLOAD: the calls its loop makes (N), and syscalls per iteration.
count_of() {
	case $1 in
	getppid) echo "${N_GETPPID:-1000000} 1" ;;
	write) echo "${N_WRITE:-1000000} 1" ;;
	openread) echo "${N_OPENREAD:-200000} 3" ;;
	lseek) echo "${N_LSEEK:-1000000} 1" ;;
	*) echo "bpf_bench: unknown workload $1" >&2; exit 1 ;;
	esac
}

# wait_for FILE PATTERN: until FILE has a line matching PATTERN (10 s at most).
wait_for() {
	for _ in $(seq 200); do
		grep -q "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

# run CONFIG WORKLOAD N: one timed run; appends "CONFIG SECONDS EVENTS DROPS" to
# $TMP/results.
run() {
	local cfg=$1 wl=$2 n=$3 tracer="" events=- drops=-
	: >"$TMP/err"
	case $cfg in
	sysray-q) "$SYSRAY" capture -q -b "$RING_MB" >/dev/null 2>"$TMP/err" & ;;
	sysray-text) "$SYSRAY" capture -b "$RING_MB" >/dev/null 2>"$TMP/err" & ;;
	sysray-file) "$SYSRAY" capture -q -b "$RING_MB" -w "$TMP/capture.scap" \
			>/dev/null 2>"$TMP/err" & ;;
	sysdig-line) "$SYSRAY" >/dev/null 2>"$TMP/err" & ;;
	sysdig-quiet) "$SYSRAY" -q >/dev/null 2>"$TMP/err" & ;;
	chisel-net) "$SYSRAY" -c topprocs_net >/dev/null 2>"$TMP/err" & ;;
	bpftrace) bpftrace -e 'tracepoint:raw_syscalls:sys_enter { @[pid] = count(); }' \
			>"$TMP/err" 2>&1 & ;;
	perf-trace) perf trace -a -o /dev/null 2>"$TMP/err" & ;;
	esac
	[ "$cfg" = untraced ] || tracer=$!
	case $cfg in
	bpftrace) wait_for "$TMP/err" '^Attaching' || return 1; sleep 0.5 ;;
	untraced) ;;
	*) sleep 2 ;;	# the programs attach and the /proc snapshot is taken
	esac
	local t
	t=$("$W" time "$W" "$wl" "$n" 2>/dev/null | awk '{ print $1 }')
	if [ -n "$tracer" ]; then
		kill -INT "$tracer"
		wait "$tracer" 2>/dev/null
	fi
	case $cfg in
	sysray-*)
		read -r events drops <<<"$(sed -n 's/^\([0-9]*\) events, \([0-9]*\) dropped$/\1 \2/p' \
			"$TMP/err")" ;;
	sysdig-line | sysdig-quiet | chisel-net)
		read -r events drops <<<"$(sed -En 's/^([0-9]+) events, .* ([0-9]+) dropped.*/\1 \2/p' \
			"$TMP/err")" ;;
	esac
	rm -f "$TMP/capture.scap"
	echo "$wl $cfg $t ${events:--} ${drops:--}" >>"$TMP/results"
}

: >"$TMP/results"
for wl in $WORKLOADS; do
	read -r n per <<<"$(count_of "$wl")"
	"$W" "$wl" "$n" >/dev/null	# warm the caches
	for r in $(seq "$ROUNDS"); do
		k=${#CONFIGS[@]}
		for i in $(seq 0 $((k - 1))); do
			run "${CONFIGS[$(((i + r) % k))]}" "$wl" "$n"
		done
	done
done

echo "system-wide eBPF capture, $ROUNDS rounds interleaved, ring $RING_MB MiB, $(nproc) CPUs"
for wl in $WORKLOADS; do
	read -r n per <<<"$(count_of "$wl")"
	echo
	echo "== $wl x $n ($((n * per)) syscalls) =="
	printf '%-12s %10s %14s %16s %12s\n' config "median s" "added µs/sc" "events/s" "drops(max)"
	awk -v wl="$wl" -v sc=$((n * per)) -v order="${CONFIGS[*]}" '
		$1 != wl { next }
		{ t[$2] = t[$2] " " $3
		  if ($5 != "-") { seen[$2] = 1; if ($5 + 0 > dmax[$2]) dmax[$2] = $5 + 0 } }
		function median(s,   a, k, i, j, x) {
			k = split(s, a, " ")
			for (i = 2; i <= k; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--)
				a[j + 1] = a[j]; a[j + 1] = x }
			return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
		}
		END {
			m = split(order, cfg, " ")
			base = median(t["untraced"])
			for (i = 1; i <= m; i++) {
				c = cfg[i]; med = median(t[c]); added[c] = (med - base) * 1e6 / sc
				rate = seen[c] ? sprintf("%.0f", 2 * sc / med) : "-"
				printf "%-12s %10.3f %14.3f %16s %12s\n", c, med, added[c], rate,
					seen[c] ? dmax[c] + 0 : "-"
			}
			printf "goals: added cost vs bpftrace counter (<= 1.0):"
			for (i = 1; i <= m; i++)
				if (cfg[i] ~ /^sys/ && added["bpftrace"] > 0)
					printf " %s %.2f", cfg[i], added[cfg[i]] / added["bpftrace"]
			printf "\n"
			if (added["sysdig-quiet"] > 0)
				printf "       chisel-net added cost vs sysdig-quiet (<= 1.2): %.2f\n",
					added["chisel-net"] / added["sysdig-quiet"]
			if (added["perf-trace"] > 0) {
				printf "       added cost vs perf trace (<= 0.05):"
				for (i = 1; i <= m; i++)
					if (cfg[i] ~ /^sys/)
						printf " %s %.3f", cfg[i], added[cfg[i]] / added["perf-trace"]
				printf "\n"
			}
		}' "$TMP/results"
done
echo
echo "(events/s: the workload's 2 events per syscall / its median run time, captured system-wide"
echo " alongside everything else; drops: the most of any one run, 0 = kept up without a loss.)"
