#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The cost of sysray's rules engine with the bundled ruleset (rules/sysray_rules.yaml):
#
#   bench/detect_bench.sh BUILD_DIR
#
# 1. Offline: `sysray detect -e BIG` against `sysdig -q -r BIG FILTER` (Debian's 0.29), FILTER
#    the OR of the rules' conditions with their macros and lists expanded (`sysray detect -L
#    -j`'s expanded_condition). Both sides get the same rules: those whose condition sysdig 0.29
#    compiles (the rest use Falco's fields sysdig lacks: proc.is_exe_from_memfd, fd.nameraw,
#    thread.cap_effective ...) and which sysray then runs alone (the others disabled by an
#    override file). Interleaved for ROUNDS rounds (default 5); medians of wall time; the goal:
#    sysray at least 2x as fast. BIG is CAPTURE=FILE, or a capture recorded here for
#    RECORD_SECONDS (default 20) while loops of find, ls -lR, cat, tar, a compiler, curl to a
#    loopback server and the detection triggers (tests/progs/triggers) keep the machine busy.
# 2. Live: the added cost per syscall of `sysray detect` (every rule, its event types pushed
#    into the kernel) against plain capture `sysray -q` (every event through the state), on
#    bench/workloads.c's loops (WORKLOADS, default "getppid openread forkexec"), interleaved with
#    an untraced run for ROUNDS rounds; the goal: detect's added cost at most 1.3x plain
#    capture's.
# Environment: ROUNDS, CAPTURE, RECORD_SECONDS, WORKLOADS, N_GETPPID=1000000,
# N_OPENREAD=200000, N_FORKEXEC=300, SKIP_OFFLINE=1, SKIP_LIVE=1.
set -uo pipefail

BUILD=${1:?usage: bench/detect_bench.sh BUILD_DIR}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SYSRAY=$BUILD/sysray
W=$BUILD/bench/workloads
TRIGGERS=$BUILD/tests/progs/triggers
RULES=$ROOT/rules/sysray_rules.yaml
ROUNDS=${ROUNDS:-5}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

[ -x "$W" ] || { echo "detect_bench: build $W first (make BUILD=$BUILD bench)" >&2; exit 1; }
[ -x "$TRIGGERS" ] || { echo "detect_bench: build $TRIGGERS first (make)" >&2; exit 1; }

# ready PID: PID, a live sysray, polls its ring (epoll_wait 232, epoll_pwait 281, epoll_pwait2
# 441, clock_nanosleep 230, nanosleep 35 in /proc/PID/task/*/syscall; see tests/e2e/lib.sh).
ready() {
	local t nr
	for _ in $(seq 1500); do
		for t in /proc/"$1"/task/*/syscall; do
			read -r nr _ 2>/dev/null <"$t" || continue
			case " 232 281 441 230 35 " in *" $nr "*) return 0 ;; esac
		done
		[ -e "/proc/$1" ] || return 1
		sleep 0.02
	done
	return 1
}

# median: of the numbers on stdin.
median() {
	sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# busy SECONDS: a mixed load of file, process and network activity, and the triggers.
busy() {
	local end=$((SECONDS + $1)) port srv
	python3 -u -m http.server --bind 127.0.0.1 0 --directory /usr/share/doc >"$TMP/srv.log" 2>&1 &
	srv=$!
	for _ in $(seq 250); do grep -q ' port [0-9]' "$TMP/srv.log" && break; sleep 0.02; done
	port=$(sed -n 's/.* port \([0-9]*\) .*/\1/p' "$TMP/srv.log")
	printf 'int main(void) { return 0; }\n' >"$TMP/hello.c"
	while [ $SECONDS -lt $end ]; do
		find /usr/share -name '*.gz' >/dev/null 2>&1
		ls -lR /etc >/dev/null 2>&1
		cat /usr/share/dict/* /etc/services >/dev/null 2>&1
		tar cf - /usr/include 2>/dev/null | sha256sum >/dev/null
		cc -o "$TMP/hello" "$TMP/hello.c"
		for _ in $(seq 20); do curl -fsS -o /dev/null "http://127.0.0.1:$port/"; done
		for t in web-shell shadow-read log-truncate find-keys grep-aws shm-exec stdio-socket; do
			"$TRIGGERS" "$t" >/dev/null 2>&1
		done
	done
	kill "$srv"
	wait "$srv" 2>/dev/null
}

offline() {
	local big=${CAPTURE:-}
	if ! command -v sysdig >/dev/null; then
		echo "detect_bench: sysdig is not installed: the offline part is left out"
		return
	fi
	if [ -z "$big" ]; then
		big=$TMP/big.scap
		"$SYSRAY" -w "$big" 2>"$TMP/rec.err" &
		local rec=$!
		ready $rec || { echo "detect_bench: sysray -w: $(cat "$TMP/rec.err")" >&2; exit 1; }
		busy "${RECORD_SECONDS:-20}"
		kill -INT $rec
		wait $rec
	fi
	echo "capture: $big, $(du -h "$big" | cut -f1)"

	# The rules whose expanded condition sysdig 0.29 compiles: each tried on an empty run.
	"$SYSRAY" detect -r "$RULES" -L -j >"$TMP/rules.json" || exit 1
	python3 - "$TMP/rules.json" "$TMP" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
out = sys.argv[2]
with open(out + "/conds", "w") as f:
    for r in d["rules"]:
        if r.get("enabled", True):
            f.write(r["name"] + "\t" + r["expanded_condition"].replace("\n", " ") + "\n")
PYEOF
	: >"$TMP/kept"
	: >"$TMP/disable.yaml"
	local name cond
	while IFS=$'\t' read -r name cond; do
		if sysdig -n 1 -q -r "$big" "$cond" >/dev/null 2>&1; then
			printf '%s\n' "$cond" >>"$TMP/kept"
		else
			printf -- '- rule: %s\n  enabled: false\n  override:\n    enabled: replace\n' \
				"$name" >>"$TMP/disable.yaml"
			echo "  left out (sysdig 0.29 cannot compile it): $name"
		fi
	done <"$TMP/conds"
	local filter
	filter=$(awk '{ printf "%s(%s)", (NR > 1 ? " or " : ""), $0 }' "$TMP/kept")
	echo "rules: $(wc -l <"$TMP/kept") of $(wc -l <"$TMP/conds"), filter of ${#filter} characters"

	local r
	: >"$TMP/offline"
	for r in $(seq "$ROUNDS"); do
		local a b
		a=$("$W" time "$SYSRAY" detect -r "$RULES" -r "$TMP/disable.yaml" -e "$big" \
			2>/dev/null | tail -1)
		b=$("$W" time sysdig -q -r "$big" "$filter" 2>/dev/null | tail -1)
		echo "sysray ${a%% *}" >>"$TMP/offline"
		echo "sysdig ${b%% *}" >>"$TMP/offline"
	done
	local ms md alerts matched
	ms=$(awk '$1 == "sysray" { print $2 }' "$TMP/offline" | median)
	md=$(awk '$1 == "sysdig" { print $2 }' "$TMP/offline" | median)
	alerts=$("$SYSRAY" detect -r "$RULES" -r "$TMP/disable.yaml" -e "$big" 2>/dev/null | wc -l)
	matched=$(sysdig -r "$big" "$filter" 2>/dev/null | wc -l)
	echo "alerts: sysray detect $alerts; events matching the filter in sysdig $matched" \
		"(enter and exit events: sysdig's filter has no evt.dir)"
	printf 'offline, %s rounds: sysray detect %.3f s, sysdig -q -r FILTER %.3f s: %.1fx (goal >= 2)\n' \
		"$ROUNDS" "$ms" "$md" "$(awk -v a="$ms" -v b="$md" 'BEGIN { print b / a }')"
}

count_of() {
	case $1 in
	getppid) echo "${N_GETPPID:-1000000} 1" ;;
	openread) echo "${N_OPENREAD:-200000} 3" ;;
	forkexec) echo "${N_FORKEXEC:-300} 1" ;;
	*) echo "detect_bench: unknown workload $1" >&2; exit 1 ;;
	esac
}

# live_run CONFIG WORKLOAD N: one timed run, "WORKLOAD CONFIG SECONDS" appended to the results.
live_run() {
	local cfg=$1 wl=$2 n=$3 pid= t
	case $cfg in
	capture) "$SYSRAY" -q >/dev/null 2>"$TMP/live.err" & pid=$! ;;
	detect) "$SYSRAY" detect -r "$RULES" >/dev/null 2>"$TMP/live.err" & pid=$! ;;
	esac
	if [ -n "$pid" ] && ! ready "$pid"; then
		echo "detect_bench: $cfg did not start: $(head -c 300 "$TMP/live.err")" >&2
		exit 1
	fi
	t=$("$W" time "$W" "$wl" "$n" 2>/dev/null | awk '{ print $1 }')
	if [ -n "$pid" ]; then
		kill -INT "$pid"
		wait "$pid" 2>/dev/null
	fi
	echo "$wl $cfg $t" >>"$TMP/live"
}

live() {
	local wl n per r i configs=(untraced capture detect)
	: >"$TMP/live"
	for wl in ${WORKLOADS:-getppid openread forkexec}; do
		read -r n per <<<"$(count_of "$wl")"
		"$W" "$wl" "$n" >/dev/null
		for r in $(seq "$ROUNDS"); do
			for i in 0 1 2; do
				live_run "${configs[$(((i + r) % 3))]}" "$wl" "$n"
			done
		done
	done
	echo
	echo "live, $ROUNDS rounds interleaved, $(nproc) CPUs: added µs per syscall (forkexec: per fork+exec+wait)"
	printf '%-10s %12s %12s %12s %14s\n' workload untraced_s capture_us detect_us "detect/capture"
	for wl in ${WORKLOADS:-getppid openread forkexec}; do
		read -r n per <<<"$(count_of "$wl")"
		local u c d
		u=$(awk -v w="$wl" '$1 == w && $2 == "untraced" { print $3 }' "$TMP/live" | median)
		c=$(awk -v w="$wl" '$1 == w && $2 == "capture" { print $3 }' "$TMP/live" | median)
		d=$(awk -v w="$wl" '$1 == w && $2 == "detect" { print $3 }' "$TMP/live" | median)
		awk -v w="$wl" -v u="$u" -v c="$c" -v d="$d" -v sc=$((n * per)) 'BEGIN {
			ca = (c - u) * 1e6 / sc; da = (d - u) * 1e6 / sc
			printf "%-10s %12.3f %12.3f %12.3f %14.2f\n", w, u, ca, da, (ca > 0 ? da / ca : 0) }'
	done
	echo "(goal: detect/capture <= 1.3; detect pushes the rules' event types into the kernel,"
	echo " so syscalls no rule looks at are never copied out)"
}

[ "${SKIP_OFFLINE:-0}" = 1 ] || offline
[ "${SKIP_LIVE:-0}" = 1 ] || live
