#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Overhead of `sysray trace` against strace 6.1, measured interleaved.
#
#   bench/run.sh BUILD_DIR
#
# For each workload, every configuration runs once per round, round after round, so that
# machine noise (other jobs, frequency changes) falls on all configurations alike. The
# start of each round rotates so that no configuration always runs after the same one.
#
# Environment:
#   ROUNDS=5                     rounds per workload
#   WORKLOADS="getppid write openread forkexec"
#   N_GETPPID=50000 N_WRITE=50000 N_OPENREAD=15000 N_FORKEXEC=200   iterations
#   STRACE=strace                the strace to compare with
#   PIN_CPU=                     a CPU list for taskset: run everything on it
#   N_ATTACH=1000000             getppid calls of the loop traced with -c -p (0: skip that part)
#   PERF=perf                    the perf for the floor of -c -p (tracepoints counted, no BPF)
set -euo pipefail

# A tracer and its tracee on different CPUs wake each other with an IPI at every stop;
# in a VM that can cost several times the stop itself, and whether the scheduler keeps
# them apart is luck. Pinning measures the tools instead of the scheduler.
if [ -n "${PIN_CPU:-}" ] && [ -z "${BENCH_PINNED:-}" ]; then
	BENCH_PINNED=1 exec taskset -c "$PIN_CPU" "$0" "$@"
fi

BUILD=${1:?usage: bench/run.sh BUILD_DIR}
W=$BUILD/bench/workloads
SYSRAY=$BUILD/sysray
STRACE=${STRACE:-strace}
ROUNDS=${ROUNDS:-5}
WORKLOADS=${WORKLOADS:-getppid write openread forkexec}

declare -A N=(
	[getppid]=${N_GETPPID:-50000}
	[write]=${N_WRITE:-50000}
	[openread]=${N_OPENREAD:-15000}
	[forkexec]=${N_FORKEXEC:-200}
)

# Configurations: a short name and the command prefix put before the workload.
CONFIGS=(untraced strace-f sysray-f sysray-f-ebpf strace-c sysray-c sysray-c-ebpf
	 strace-seccomp sysray-seccomp sysray-openat)
declare -A PREFIX=(
	[untraced]=""
	[strace-f]="$STRACE -f -o /dev/null"
	[strace-c]="$STRACE -c -o /dev/null"
	[strace-seccomp]="$STRACE -f --seccomp-bpf -e trace=openat -o /dev/null"
	[sysray-f]="$SYSRAY trace --backend=ptrace -f -o /dev/null"
	[sysray-f-ebpf]="$SYSRAY trace --backend=ebpf -f -o /dev/null"
	[sysray-c]="$SYSRAY trace --backend=ptrace -c -o /dev/null"
	[sysray-c-ebpf]="$SYSRAY trace --backend=ebpf -c -o /dev/null"
	[sysray-seccomp]="$SYSRAY trace --backend=ptrace -f --seccomp-bpf -e trace=openat -o /dev/null"
	[sysray-openat]="$SYSRAY trace --backend=ptrace -f -e trace=openat -o /dev/null"
)
# The strace configuration each sysray one is held against.
declare -A VERSUS=(
	[sysray-f]=strace-f
	[sysray-f-ebpf]=strace-f
	[sysray-c]=strace-c
	[sysray-c-ebpf]=strace-c
	[sysray-seccomp]=strace-seccomp
	[sysray-openat]=strace-seccomp
)

for f in "$W" "$SYSRAY"; do
	[ -x "$f" ] || { echo "bench: $f is missing (run: make BUILD=$BUILD bench)" >&2; exit 1; }
done
command -v "$STRACE" >/dev/null || { echo "bench: $STRACE is not installed" >&2; exit 1; }

OUT=$BUILD/bench
RAW=$OUT/results.txt	# workload config round wall_s maxrss_kb
LOG=$OUT/stderr.log	# everything the timed commands wrote
: >"$RAW"
: >"$LOG"

# Runs one configuration of one workload; appends a row to $RAW.
measure() {
	local wl=$1 cfg=$2 round=$3 line
	# shellcheck disable=SC2086 # PREFIX is a word list on purpose
	if ! line=$("$W" time ${PREFIX[$cfg]} "$W" "$wl" "${N[$wl]}" 2>>"$LOG"); then
		echo "bench: $cfg on $wl failed: $line (see $LOG)" >&2
		exit 1
	fi
	read -r wall rss _ <<<"$line"
	echo "$wl $cfg $round $wall $rss" >>"$RAW"
}

# Syscalls one run of the workload makes, all processes included.
count_syscalls() {
	local wl=$1 tmp
	tmp=$(mktemp)
	"$STRACE" -f -c -o "$tmp" "$W" "$wl" "${N[$wl]}"
	awk '$NF == "total" { print $4 }' "$tmp"
	rm -f "$tmp"
}

# fastest WORKLOAD CONFIG: the smallest wall time, the run least hit by noise.
fastest() {
	awk -v w="$1" -v c="$2" '$1 == w && $2 == c { print $4 }' "$RAW" | sort -g | head -1
}

# median WORKLOAD CONFIG COLUMN: the median of a column of $RAW (4: wall, 5: rss).
median() {
	awk -v w="$1" -v c="$2" -v col="$3" '$1 == w && $2 == c { print $col }' "$RAW" |
		sort -g | awk '{ v[NR] = $1 } END {
			if (NR == 0) { print "nan"; exit }
			if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# calc EXPR: floating-point arithmetic.
calc() {
	awk "BEGIN { printf \"%s\", $1 }" </dev/null
}

# ratio A B [FMT]: A / B, or "-" when B is zero.
ratio() {
	awk -v a="$1" -v b="$2" -v f="${3:-%.2f}" 'BEGIN { if (b > 0) printf f, a / b; else printf "-" }'
}

verdict() {	# verdict VALUE LIMIT: "ok" when VALUE <= LIMIT
	awk -v v="$1" -v l="$2" 'BEGIN { print (v != "-" && v + 0 <= l + 0) ? "ok" : "MISSED" }'
}

echo "sysray trace vs $($STRACE -V | head -1): $ROUNDS interleaved rounds per workload;"
echo "$(nproc --all) CPUs, kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)," \
	"$([ -n "${PIN_CPU:-}" ] && echo "pinned to CPU $PIN_CPU" || echo "not pinned")"
echo "wall = median wall time of the whole command (best = fastest run);"
echo "slowdown = wall / untraced wall;"
echo "us/sc = time added per syscall the workload makes (all processes, traced or not);"
echo "vs strace = sysray wall / strace wall for the same options (overhead = added/added)."

declare -a SUMMARY
for wl in $WORKLOADS; do
	[ -n "${N[$wl]:-}" ] || { echo "bench: unknown workload $wl" >&2; exit 1; }
	nsc=$(count_syscalls "$wl")
	"$W" "$wl" "${N[$wl]}"	# warm caches
	echo >&2 "bench: $wl N=${N[$wl]} ($nsc syscalls), $ROUNDS rounds..."
	for ((r = 0; r < ROUNDS; r++)); do
		n=${#CONFIGS[@]}
		for ((i = 0; i < n; i++)); do
			measure "$wl" "${CONFIGS[(i + r) % n]}" "$r"
		done
	done

	declare -A WALL=() RSS=() BEST=()
	for cfg in "${CONFIGS[@]}"; do
		WALL[$cfg]=$(median "$wl" "$cfg" 4)
		BEST[$cfg]=$(fastest "$wl" "$cfg")
		RSS[$cfg]=$(median "$wl" "$cfg" 5)
	done
	base=${WALL[untraced]}
	echo
	echo "== $wl: N=${N[$wl]}, $nsc syscalls per run"
	printf "%-15s %9s %9s %9s %8s %10s %9s %9s\n" config wall_s best_s slowdown us/sc \
		vs_strace overhead maxrss_kB
	for cfg in "${CONFIGS[@]}"; do
		w=${WALL[$cfg]}
		added=$(calc "$w - $base")
		per=$(awk -v a="$added" -v n="$nsc" 'BEGIN { printf "%.2f", a * 1e6 / n }')
		vs=- ov=-
		if [ -n "${VERSUS[$cfg]:-}" ]; then
			other=${VERSUS[$cfg]}
			vs=$(ratio "$w" "${WALL[$other]}")
			ov=$(ratio "$added" "$(calc "${WALL[$other]} - $base")")
		fi
		[ "$cfg" = untraced ] && per=-
		printf "%-15s %9.4f %9.4f %9s %8s %10s %9s %9s\n" "$cfg" "$w" "${BEST[$cfg]}" \
			"$(ratio "$w" "$base")" "$per" "$vs" "$ov" "${RSS[$cfg]}"
	done

	# The eBPF counter's goal is on the added cost: its whole point is adding next to none.
	ce=$(ratio "$(calc "${WALL[sysray-c-ebpf]} - $base")" "$(calc "${WALL[strace-c]} - $base")" \
		%.4f)
	fe=$(ratio "$(calc "${WALL[sysray-f-ebpf]} - $base")" "$(calc "${WALL[strace-f]} - $base")" \
		%.4f)
	f=$(ratio "${WALL[sysray-f]}" "${WALL[strace-f]}")
	c=$(ratio "${WALL[sysray-c]}" "${WALL[strace-c]}")
	s=$(ratio "${WALL[sysray-seccomp]}" "${WALL[strace-seccomp]}")
	a=$(ratio "${WALL[sysray-openat]}" "${WALL[strace-seccomp]}")
	line="$wl: sysray/strace -f $f (goal <=0.70: $(verdict "$f" 0.70)), -c $c,"
	line+=" --seccomp-bpf $s; -e trace=openat vs strace --seccomp-bpf $a"
	line+=" (goal <=1: $(verdict "$a" 1)); -c on eBPF: added cost $ce of strace -c's"
	line+=" (goal <=0.02: $(verdict "$ce" 0.02)); -f on eBPF (lines): added cost $fe of"
	line+=" strace -f's (goal <=0.05: $(verdict "$fe" 0.05))"
	if [ "$wl" = forkexec ]; then
		line+="; peak RSS -f sysray ${RSS[sysray-f]} kB vs strace ${RSS[strace-f]} kB"
		line+=" (untraced ${RSS[untraced]} kB)"
	fi
	SUMMARY+=("$line")
	unset WALL RSS BEST
done

# The runtime of a getppid loop while a tracer counts its syscalls from outside (-c -p): the
# loop waits on a fifo until the tracer has attached, then times itself. The loop is long
# (about a second untraced) so that the start of the tracer and the machine's noise weigh
# little against a rise of a few percent.
#
# perf-stat-p is the floor: perf counting the kernel's raw_syscalls tracepoints for the loop,
# no BPF program at all. Any tracer fed by those tracepoints (sysray's eBPF programs are)
# pays what enabling them costs: every syscall of the traced thread leaves the fast path for
# syscall_trace_enter/syscall_exit_work and runs the tracepoints' probes.
N_ATTACH=${N_ATTACH:-1000000}
PERF=${PERF:-perf}
ATTACH_CONFIGS=(alone sysray-c-p strace-c-p)
# strace stops the loop twice per call: its loop is the short one, and the rise is taken on the
# time per call.
declare -A ATTACH_N=([alone]=$N_ATTACH [sysray-c-p]=$N_ATTACH [perf-stat-p]=$N_ATTACH
		     [strace-c-p]=$((N_ATTACH < N[getppid] ? N_ATTACH : N[getppid])))
if command -v "$PERF" >/dev/null; then
	ATTACH_CONFIGS+=(perf-stat-p)
else
	echo "bench: $PERF is not installed (apt install linux-perf): no perf-stat-p floor" >&2
fi
declare -A ATTACH_CMD=(
	[sysray-c-p]="$SYSRAY trace --backend=ebpf -c -o /dev/null -p"
	[strace-c-p]="$STRACE -c -o /dev/null -p"
)

# wait_for FILE REGEX: until a line of FILE matches (a started process said it is ready).
wait_for() {
	local i
	for ((i = 0; i < 3000; i++)); do
		grep -q -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.01
	done
	echo "bench: waited 30 s for '$2' in $1" >&2
	exit 1
}

# attach_round CONFIG ROUND: one gated loop, with CONFIG's tracer attached before it starts.
attach_round() {
	local cfg=$1 round=$2 fifo=$OUT/go.fifo out=$OUT/gated.out err=$OUT/attach.err
	local wpid tracer="" go
	rm -f "$fifo" && mkfifo "$fifo"
	"$W" gated getppid "${ATTACH_N[$cfg]}" <"$fifo" >"$out" 2>>"$LOG" &
	wpid=$!
	exec {go}>"$fifo"
	wait_for "$out" '^ready '
	if [ "$cfg" = perf-stat-p ]; then
		# perf starts with its counters disabled and acknowledges their enabling: then
		# they count.
		rm -f "$OUT/ctl.fifo" "$OUT/ack.fifo" && mkfifo "$OUT/ctl.fifo" "$OUT/ack.fifo"
		"$PERF" stat -e raw_syscalls:sys_enter,raw_syscalls:sys_exit -D -1 \
			--control "fifo:$OUT/ctl.fifo,$OUT/ack.fifo" -o "$err" -p "$wpid" \
			2>>"$LOG" &
		tracer=$!
		echo enable >"$OUT/ctl.fifo"
		read -r _ <"$OUT/ack.fifo"
	elif [ "$cfg" != alone ]; then
		: >"$err"
		# shellcheck disable=SC2086 # ATTACH_CMD is a word list on purpose
		${ATTACH_CMD[$cfg]} "$wpid" 2>"$err" &
		tracer=$!
		wait_for "$err" "Process $wpid attached"
	fi
	printf g >&"$go"
	exec {go}>&-
	wait "$wpid"
	# A tracer of -p ends when its last traced process does: nothing to interrupt.
	if [ -n "$tracer" ]; then
		wait "$tracer" || echo "bench: $cfg exited with status $? (see $LOG)" >&2
		cat "$err" >>"$LOG"
	fi
	# the loop's time per call, in ns
	echo "attach $cfg $round $(awk -v s="$(tail -1 "$out")" -v n="${ATTACH_N[$cfg]}" \
		'BEGIN { printf "%.3f", s * 1e9 / n }') 0" >>"$RAW"
}

if [ "$N_ATTACH" -gt 0 ]; then
	echo >&2 "bench: getppid N=$N_ATTACH under -c -p, $ROUNDS rounds..."
	for ((r = 0; r < ROUNDS; r++)); do
		n=${#ATTACH_CONFIGS[@]}
		for ((i = 0; i < n; i++)); do
			attach_round "${ATTACH_CONFIGS[(i + r) % n]}" "$r"
		done
	done
	rm -f "$OUT/go.fifo" "$OUT/ctl.fifo" "$OUT/ack.fifo"
	echo
	echo "== the getppid loop's own runtime with a tracer attached (-c -p): median ns per call"
	printf "%-15s %9s %9s %9s\n" config calls ns/call rise
	alone=$(median attach alone 4)
	rise_of() {	# rise_of CONFIG: its time per call against the loop alone's, in %
		awk -v a="$(median attach "$1" 4)" -v b="$alone" \
			'BEGIN { printf "%+.1f", (a / b - 1) * 100 }'
	}
	for cfg in "${ATTACH_CONFIGS[@]}"; do
		printf "%-15s %9s %9.1f %8s%%\n" "$cfg" "${ATTACH_N[$cfg]}" \
			"$(median attach "$cfg" 4)" "$(rise_of "$cfg")"
	done
	rise=$(rise_of sysray-c-p)
	line="getppid loop under sysray trace -c -p: runtime $rise%"
	line+=" (goal <5%: $(verdict "$rise" 4.999))"
	[[ " ${ATTACH_CONFIGS[*]} " == *" perf-stat-p "* ]] &&
		line+="; the tracepoints alone (perf stat -p): $(rise_of perf-stat-p)%"
	SUMMARY+=("$line")
fi

echo
echo "== summary"
printf "%s\n" "${SUMMARY[@]}"
echo "(raw timings: $RAW)"
