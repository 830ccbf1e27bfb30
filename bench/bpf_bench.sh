#!/usr/bin/env bash
# Cost of system-wide eBPF capture per syscall, measured interleaved:
#   untraced              the getppid loop alone
#   sysray-q              under `sysray capture -q` (events consumed, not printed)
#   sysray-text           under `sysray capture` printing every event to /dev/null
#   sysray-file           under `sysray capture -w FILE` writing a .scap capture (on $TMPDIR)
#   bpftrace              under a bpftrace one-liner that counts syscalls per process
#
#   bench/bpf_bench.sh BUILD_DIR
#
# Prints, per configuration, the median wall time, the added µs per syscall against
# untraced, and for sysray the events per second it sustained and its drops.
# Environment: ROUNDS=5, N=1000000 (getppid calls per run), RING_MB=16.
set -uo pipefail

BUILD=${1:?usage: bench/bpf_bench.sh BUILD_DIR}
W=$BUILD/bench/workloads
SYSRAY=$BUILD/sysray
ROUNDS=${ROUNDS:-5}
N=${N:-1000000}
RING_MB=${RING_MB:-16}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

[ -x "$W" ] || { echo "bpf_bench: build $W first (make BUILD=$BUILD bench)" >&2; exit 1; }
if ! "$SYSRAY" capture -q -n 1 >/dev/null 2>"$TMP/probe"; then
	echo "bpf_bench: sysray capture does not work here: $(cat "$TMP/probe")" >&2
	exit 1
fi
CONFIGS=(untraced sysray-q sysray-text sysray-file)
if command -v bpftrace >/dev/null; then
	if [ ! -e /sys/kernel/tracing/events ]; then
		mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null
	fi
	CONFIGS+=(bpftrace)
else
	echo "bpf_bench: bpftrace is not installed (apt-get install bpftrace): skipped" >&2
fi

# wait_for FILE PATTERN: until FILE has a line matching PATTERN (5 s at most).
wait_for() {
	for _ in $(seq 100); do
		grep -q "$2" "$1" 2>/dev/null && return 0
		sleep 0.05
	done
	return 1
}

# run CONFIG ROUND: one timed run; appends "CONFIG SECONDS EVENTS DROPS" to $TMP/results.
run() {
	local cfg=$1 tracer="" events=- drops=-
	case $cfg in
	sysray-q | sysray-text | sysray-file)
		local q=-q
		[ "$cfg" = sysray-text ] && q=
		[ "$cfg" = sysray-file ] && q="-w $TMP/capture.scap"
		# Without -q the attach line says when capture started; with -q wait for the
		# programs to show up.
		"$SYSRAY" capture $q -b "$RING_MB" >/dev/null 2>"$TMP/err" &
		tracer=$!
		if [ "$q" = -q ]; then
			sleep 1.5
		else
			wait_for "$TMP/err" '^capture: attached' || return 1
		fi
		;;
	bpftrace)
		bpftrace -e 'tracepoint:raw_syscalls:sys_enter { @[pid] = count(); }' \
			>"$TMP/err" 2>&1 &
		tracer=$!
		wait_for "$TMP/err" '^Attaching' || return 1
		sleep 0.5
		;;
	esac
	local t
	t=$("$W" time "$W" getppid "$N" 2>/dev/null | awk '{ print $1 }')
	if [ -n "$tracer" ]; then
		kill -INT "$tracer"
		wait "$tracer" 2>/dev/null
	fi
	case $cfg in
	sysray-*)
		read -r events drops <<<"$(sed -n 's/^\([0-9]*\) events, \([0-9]*\) dropped$/\1 \2/p' \
			"$TMP/err")"
		;;
	esac
	rm -f "$TMP/capture.scap"
	echo "$cfg $t ${events:--} ${drops:--}" >>"$TMP/results"
}

: >"$TMP/results"
for r in $(seq "$ROUNDS"); do
	n=${#CONFIGS[@]}
	for i in $(seq 0 $((n - 1))); do
		run "${CONFIGS[$(((i + r) % n))]}" "$r"
	done
done

echo "getppid x $N, $ROUNDS rounds interleaved, ring $RING_MB MiB, $(nproc) CPUs"
printf '%-12s %10s %14s %16s %12s\n' config "median s" "added µs/call" "sysray events/s" "drops(max)"
awk -v n="$N" -v order="${CONFIGS[*]}" '
	{ t[$1] = t[$1] " " $2; if ($3 != "-") { ev[$1] += $3; tt[$1] += $2 }
	  if ($4 != "-" && $4 + 0 > dmax[$1]) dmax[$1] = $4 + 0; if ($4 != "-") seen[$1] = 1 }
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
			c = cfg[i]; med = median(t[c])
			rate = seen[c] ? sprintf("%.0f", 2 * n / med) : "-"
			printf "%-12s %10.3f %14.3f %16s %12s\n", c, med, (med - base) * 1e6 / n, rate,
				seen[c] ? dmax[c] + 0 : "-"
		}
	}' "$TMP/results"
echo "(events/s: the workload's 2 events per getppid call / its median run time, all captured"
echo " system-wide alongside everything else; drops: the most of any one run, 0 = sustained.)"
