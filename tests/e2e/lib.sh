# SPDX-License-Identifier: Apache-2.0
# Helpers of the end-to-end runner, sourced by tests/e2e/run.sh.
# Globals set by run.sh: SYSRAY, PROGS, WORK, SUMMARY, MISMATCHES, E2E_DIR.

E2E_PASSED=0
E2E_FAILED=0
E2E_SKIPPED=0
E2E_FAILED_NAMES=()

# The tests listed in known-failures.txt (behaviour not implemented yet), read once: each
# test pays no process for the look-up.
declare -A E2E_KNOWN_FAILURES=()
while read -r known_name _; do
	case $known_name in "" | "#"*) continue ;; esac
	E2E_KNOWN_FAILURES[$known_name]=1
done 2>/dev/null <"$E2E_DIR/known-failures.txt"

# Is test NAME listed in known-failures.txt?
known_failure() {
	[ -n "${E2E_KNOWN_FAILURES[$1]:-}" ]
}

# pass NAME [DETAIL]
pass() {
	E2E_PASSED=$((E2E_PASSED + 1))
	if known_failure "${1%% *}"; then
		echo "PASS $1 (now passes: remove it from tests/e2e/known-failures.txt)"
	else
		echo "PASS $1"
	fi
}

# fail NAME REASON...: a failure, or an expected one (counted as skipped) for a test listed
# in known-failures.txt.
fail() {
	local name=$1
	shift
	if known_failure "$name"; then
		E2E_SKIPPED=$((E2E_SKIPPED + 1))
		echo "XFAIL $name: $* (known failure)"
		return
	fi
	E2E_FAILED=$((E2E_FAILED + 1))
	E2E_FAILED_NAMES+=("$name")
	echo "FAIL $name: $*"
}

# The user and system CPU seconds of the runner's waited-for children (cutime and cstime of
# /proc/PID/stat, in clock ticks of 1/100 s).
children_cpu() {
	awk '{ sub(/.*\) /, ""); print ($14 + $15) / 100 }' "/proc/$$/stat"
}

# Is test NAME selected by E2E_FILTER (an ERE, all when empty)?
selected() {
	[ -z "${E2E_FILTER:-}" ] || [[ $1 =~ $E2E_FILTER ]]
}

# sanitizer_sample ITEM...: prints the items, one a line. Under `make asan` (SYSRAY_SANITIZED)
# only every other one, the first included: that run looks for memory errors on a sample of
# the inputs, and the plain build compares every one.
sanitizer_sample() {
	local i=0 item
	for item in "$@"; do
		if [ -z "${SYSRAY_SANITIZED:-}" ] || [ $((i % 2)) -eq 0 ]; then
			printf '%s\n' "$item"
		fi
		i=$((i + 1))
	done
}

# expect NAME DESCRIPTION COMMAND...: passes when COMMAND succeeds.
# skip NAME REASON...: a test that cannot run here, said out loud and counted.
skip() {
	local name=$1
	shift
	selected "$name" || return 0
	E2E_SKIPPED=$((E2E_SKIPPED + 1))
	echo "SKIP $name: $*"
}

# kill_tree PID SIGNAL: PID's descendants, deepest first, then PID.
kill_tree() {
	local child
	for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
		kill_tree "$child" "$2"
	done
	kill "-$2" "$1" 2>/dev/null
}

# A test still running after E2E_TEST_TIMEOUT seconds (default 240) is stopped: every process
# the runner started, except the watchdog, is killed, so the test fails instead of hanging
# the whole run. One watchdog serves the whole run: a shell that reads "arm NAME" and
# "disarm" from a fifo with bash's own timed read, so that a test costs it no process.
watchdog_init() {
	local fifo=$WORK/watchdog.fifo runner=$$
	rm -f "$fifo"
	mkfifo "$fifo"
	(
		while read -r cmd name; do
			[ "$cmd" = arm ] || continue
			read -r -t "${E2E_TEST_TIMEOUT:-240}" cmd _
			[ $? -gt 128 ] || continue
			echo "$name" >"$WORK/timed-out"
			for child in $(ps -o pid= --ppid "$runner"); do
				[ "$child" = "$BASHPID" ] || kill_tree "$child" KILL
			done
		done
	) <"$fifo" &
	E2E_WATCHDOG=$!
	exec {E2E_WATCHDOG_FD}>"$fifo"
}

watchdog_start() {
	[ -n "${E2E_WATCHDOG:-}" ] || watchdog_init
	echo "arm $1" >&"$E2E_WATCHDOG_FD"
}

watchdog_stop() {
	echo disarm >&"$E2E_WATCHDOG_FD"
}

# watchdog_end: the watchdog goes with the run.
watchdog_end() {
	[ -n "${E2E_WATCHDOG:-}" ] || return 0
	exec {E2E_WATCHDOG_FD}>&-
	kill "$E2E_WATCHDOG" 2>/dev/null
	wait "$E2E_WATCHDOG" 2>/dev/null
	E2E_WATCHDOG=
}

expect() {
	local name=$1 what=$2
	shift 2
	selected "$name" || return 0
	[ ! -e "$WORK/timed-out" ] || rm -f "$WORK/timed-out"
	watchdog_start "$name"
	local ok=0
	"$@" && ok=1
	watchdog_stop
	if [ -e "$WORK/timed-out" ]; then
		fail "$name" "$what: still running after ${E2E_TEST_TIMEOUT:-240} s, killed"
	elif [ $ok = 1 ]; then
		pass "$name"
	else
		fail "$name" "$what"
	fi
}

# sysdig 0.29's reading of the captures checked in under tests/data: its output is a function
# of the capture, the arguments and sysdig's version alone, so it is kept beside the tests
# (tests/e2e/golden/sysdig/KEY.out, .err and .rc; CALLS lists KEY, the capture's sha1 and the
# arguments of each call) and made again by tests/e2e/golden.sh. E2E_SYSDIG says where it
# comes from:
#   golden (default)  the kept output; where sysdig is installed, one call in sixteen (by KEY)
#                     also runs sysdig and compares (golden-current counts the differences)
#   live              sysdig itself, every time
#   record            sysdig itself, kept as the golden output (tests/e2e/golden.sh)
GOLDEN=$E2E_DIR/golden/sysdig
declare -A GOLDEN_FILE_SHA=() GOLDEN_KEYS=()
if [ -r "$GOLDEN/CALLS" ]; then
	while read -r golden_key golden_call; do
		GOLDEN_KEYS[$golden_call]=$golden_key
	done <"$GOLDEN/CALLS"
fi

# golden_copy FROM TO: a copy of a text file by the shell itself (no process to start).
golden_copy() {
	local text
	IFS= read -r -d '' text <"$1"
	printf '%s' "$text" >"$2"
}

# golden_same_err A B: sysdig's stderr A and B alike, but for -v's elapsed time and rate.
golden_same_err() {
	cmp -s "$1" "$2" && return 0
	local clock='s/Elapsed time: [0-9.]*,//; s/, [0-9.]* eps//'
	cmp -s <(sed "$clock" "$1") <(sed "$clock" "$2")
}

# sysdig_r FILE OUT ERR ARGS...: `sysdig -r FILE ARGS...` with stdout OUT and stderr ERR, or
# its kept output; returns sysdig's exit status.
sysdig_r() {
	local f=$1 out=$2 err=$3 call key rc
	shift 3
	if [ "${E2E_SYSDIG:-golden}" = live ]; then
		timeout 120 sysdig -r "$f" "$@" >"$out" 2>"$err"
		return
	fi
	[ -n "${GOLDEN_FILE_SHA[$f]:-}" ] || GOLDEN_FILE_SHA[$f]=$(sha1sum <"$f")
	call="${GOLDEN_FILE_SHA[$f]%% *} ${*@Q}"
	if [ "${E2E_SYSDIG:-golden}" = record ]; then
		key=$(printf '%s' "$call" | sha1sum)
		key=${key%% *}
		timeout 120 sysdig -r "$f" "$@" >"$out" 2>"$err"
		rc=$?
		mkdir -p "$GOLDEN"
		cp "$out" "$GOLDEN/$key.out"
		rm -f "$GOLDEN/$key.err" "$GOLDEN/$key.rc"
		[ ! -s "$err" ] || cp "$err" "$GOLDEN/$key.err"
		[ $rc -eq 0 ] || echo $rc >"$GOLDEN/$key.rc"
		echo "$key $call" >>"$WORK/golden-calls"
		return $rc
	fi
	# (CALLS, read by `read`, lost the blank that ends a call without arguments)
	key=${GOLDEN_KEYS[${call% }]:-}
	if [ -z "$key" ] || [ ! -e "$GOLDEN/$key.out" ]; then
		echo "no kept sysdig output for -r ${f#"$E2E_DIR"/../} ${*@Q}:" \
			"tests/e2e/golden.sh BUILD makes it" | tee "$err"
		: >"$out"
		return 125
	fi
	golden_copy "$GOLDEN/$key.out" "$out"
	if [ -e "$GOLDEN/$key.err" ]; then golden_copy "$GOLDEN/$key.err" "$err"; else : >"$err"; fi
	rc=0
	[ ! -e "$GOLDEN/$key.rc" ] || read -r rc <"$GOLDEN/$key.rc"
	if [ "${key:0:1}" = 0 ] && command -v sysdig >/dev/null; then
		timeout 120 sysdig -r "$f" "$@" >"$out.live" 2>"$err.live"
		if [ $? = "$rc" ] && cmp -s "$out" "$out.live" && golden_same_err "$err" "$err.live"
		then
			echo "same $key" >>"$WORK/golden-checked"
		else
			echo "differs $key -r ${f#"$E2E_DIR"/../} ${*@Q}" >>"$WORK/golden-checked"
		fi
	fi
	return $rc
}

# golden-current: the kept outputs are the installed sysdig's: its version is the one they
# were made with, and each call sampled by sysdig_r printed the same.
t_golden_current() {
	local want have
	read -r want <"$GOLDEN/VERSION"
	have=$(sysdig --version)
	[ "$have" = "$want" ] ||
		{ echo "kept outputs of $want, installed $have: run tests/e2e/golden.sh"; return 1; }
	[ -s "$WORK/golden-checked" ] || { echo "no call sampled"; return 1; }
	! grep '^differs' "$WORK/golden-checked" ||
		{ echo "(kept output differs from sysdig's: run tests/e2e/golden.sh)"; return 1; }
}

# The threshold in percent of identical lines for comparison test NAME:
# E2E_THRESHOLD if set, else its line in thresholds.txt, else 97.
threshold_of() {
	if [ -n "${E2E_THRESHOLD:-}" ]; then
		echo "$E2E_THRESHOLD"
		return
	fi
	local t
	t=$(awk -v n="$1" '$1 == n { print $2 }' "$E2E_DIR/thresholds.txt" 2>/dev/null)
	echo "${t:-97}"
}

# A fresh, empty directory at a fixed path for test NAME: both tracers see the same paths.
fresh_dir() {
	rm -rf "$WORK/run/$1"
	mkdir -p "$WORK/run/$1"
	echo "$WORK/run/$1"
}

# run_traced NAME WHO LOG COMMAND...: runs COMMAND under WHO (strace, or sysray-ptrace or
# sysray-ebpf: sysray on that backend) with -f -o LOG in NAME's fresh directory, after NAME's
# setup function (setup_NAME) if there is one. (The backend is an option, not a variable in
# the environment, which the traced command would inherit and -v print.)
run_traced() {
	local name=$1 who=$2 log=$3
	shift 3
	local dir
	dir=$(fresh_dir "$name")
	local setup="setup_${name//[^A-Za-z0-9_]/_}"
	if declare -F "$setup" >/dev/null; then
		(cd "$dir" && "$setup") >/dev/null 2>&1
	fi
	# TRACE_OPTS: options both tracers get besides -f -o (words split on blanks);
	# TRACE_WRAP: a command both tracers run under (setarch -R: the same addresses each run).
	local -a opts wrap
	read -r -a opts <<<"${TRACE_OPTS:-}"
	read -r -a wrap <<<"${TRACE_WRAP:-}"
	if [ "$who" = strace ]; then
		(cd "$dir" && timeout 120 "${wrap[@]}" strace -f "${opts[@]}" -o "$log" "$@") \
			>"$log.out" 2>"$log.err" </dev/null
	else
		(cd "$dir" && timeout 120 "${wrap[@]}" "$SYSRAY" trace "--backend=${who#sysray-}" \
			-f "${opts[@]}" -o "$log" "$@") >"$log.out" 2>"$log.err" </dev/null
	fi
}

# compare_trace NAME COMMAND...: traces COMMAND with strace, then with sysray on each backend
# (ptrace: test NAME; eBPF: test ebpf-NAME, counted as skipped where eBPF cannot load),
# compares the normalised logs with strace's, records the share of identical lines, and
# passes at each test's threshold. One strace run serves both.
compare_trace() {
	local name=$1
	shift
	selected "$name" || selected "ebpf-$name" || return 0
	local s="$WORK/logs/$name.strace" y="$WORK/logs/$name.sysray"
	mkdir -p "$WORK/logs"
	run_traced "$name" strace "$s" "$@"
	local base=""
	if [ -n "${E2E_BASELINE:-}" ]; then
		run_traced "$name" strace "$s.2" "$@"
		base=$("$PY" "$E2E_DIR/compare.py" "$s" "$s.2" | cut -d' ' -f1)
	fi
	if selected "$name"; then
		run_traced "$name" sysray-ptrace "$y" "$@"
		record_comparison "$name" "$s" "$y" $? "$base"
	fi
	if ! selected "ebpf-$name"; then
		return
	elif ! ebpf_trace_available; then
		skip "ebpf-$name" "the eBPF backend cannot load here: $EBPF_TRACE_WHY"
	else
		run_traced "$name" sysray-ebpf "$y.ebpf" "$@"
		local rc=$?
		if [ ! -s "$y.ebpf" ] && grep -q 'needs the ptrace backend' "$y.ebpf.err"; then
			skip "ebpf-$name" "$(head -c 300 "$y.ebpf.err")"
		else
			record_comparison "ebpf-$name" "$s" "$y.ebpf" $rc "$base"
		fi
	fi
}

# Can `sysray trace --backend=ebpf` load its programs here? Asked once; the reason in
# EBPF_TRACE_WHY.
ebpf_trace_available() {
	if [ -z "${EBPF_TRACE_OK:-}" ]; then
		EBPF_TRACE_WHY=$("$SYSRAY" trace --backend=ebpf -o /dev/null true 2>&1 >/dev/null)
		if [ $? -eq 0 ]; then EBPF_TRACE_OK=yes; else EBPF_TRACE_OK=no; fi
	fi
	[ "$EBPF_TRACE_OK" = yes ]
}

# record_comparison NAME STRACE_LOG SYSRAY_LOG SYSRAY_EXIT BASELINE: compare_trace's verdict.
record_comparison() {
	local name=$1 s=$2 y=$3 rc_y=$4 base=$5
	if [ ! -s "$y" ]; then
		fail "$name" "sysray wrote no trace (exit $rc_y): $(head -c 300 "$y.err")"
		printf '%-16s %6s %6s %6s %s\n' "$name" "0.0" "0" "0" "${base:+baseline $base}" \
			>>"$SUMMARY"
		return
	fi
	local res pct matched total thr
	res=$("$PY" "$E2E_DIR/compare.py" "$s" "$y" --mismatches "$MISMATCHES" \
		--label "$name")
	read -r pct matched total <<<"$res"
	thr=$(threshold_of "$name")
	printf '%-16s %6s%% %6s/%-6s threshold %s%%%s\n' "$name" "$pct" "$matched" "$total" \
		"$thr" "${base:+  (strace vs strace: $base%)}" >>"$SUMMARY"
	if awk -v p="$pct" -v t="$thr" 'BEGIN { exit !(p >= t) }'; then
		pass "$name ($pct% identical lines)"
	else
		fail "$name" "$pct% identical lines, below the threshold $thr%" \
			"(logs: $s $y)"
	fi
}

# wait_until DESCRIPTION COMMAND...: polls COMMAND every 20 ms until it succeeds; after
# E2E_READY_TIMEOUT seconds (default 30) says what it waited for and fails. Nothing waits
# on a clock for another process: each wait is on a state that process reaches.
wait_until() {
	local what=$1 deadline
	shift
	deadline=$((${EPOCHREALTIME/./} + ${E2E_READY_TIMEOUT:-30} * 1000000))
	until "$@"; do
		if [ "${EPOCHREALTIME/./}" -gt "$deadline" ]; then
			echo "waited ${E2E_READY_TIMEOUT:-30} s for $what" >&2
			return 1
		fi
		sleep 0.02
	done
}

# interrupt PID: SIGINT to a tracer, and its exit status once it has ended (SIGKILL after
# 5 s, so that a tracer that ignores SIGINT fails the test instead of hanging the suite).
interrupt() {
	kill -INT "$1"
	local i
	for i in $(seq 50); do
		kill -0 "$1" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$1" 2>/dev/null
	wait "$1"
}

# in_syscall PID NR...: a thread of PID is blocked in one of the syscalls numbered NR
# (/proc/PID/task/TID/syscall starts with the number while the thread sleeps in it).
in_syscall() {
	local pid=$1 t nr
	shift
	for t in /proc/"$pid"/task/*/syscall; do
		read -r nr _ 2>/dev/null <"$t" || continue
		case " $* " in *" $nr "*) return 0 ;; esac
	done
	return 1
}

# polling PID: a live sysray PID (not a wrapper such as timeout) is in its poll loop: its
# programs are attached, its /proc snapshot is read, its -w file is open. Only that loop
# sleeps: in epoll_wait while the ring is empty (x86_64: 232; epoll_pwait 281, epoll_pwait2
# 441), in clock_nanosleep (230; nanosleep 35) between batches.
polling() {
	in_syscall "$1" 232 281 441 230 35
}

# ended PID: PID is gone, or a zombie (the state after "(comm) " in /proc/PID/stat is Z).
ended() {
	local stat
	read -r stat 2>/dev/null <"/proc/$1/stat" || return 0
	stat=${stat##*) }
	[ "${stat%% *}" = Z ]
}

# capture_ready PID ERR HOW: HOW is "attached" (`sysray capture` printed its attach line in
# ERR, or polls its ring: -q without -w prints no line) or "ready" (live sysray polls its
# ring, see polling). Fails when PID ended first.
capture_ready() {
	local pid=$1 err=$2 how=$3
	case $how in
	attached) wait_until "the attach line of $pid" \
		eval "grep -q '^capture: attached' '$err' || polling $pid || ended $pid" ;;
	ready) wait_until "$pid to poll its ring" eval "polling $pid || ended $pid" ;;
	*) echo "capture_ready: '$how' is neither attached nor ready" >&2; return 1 ;;
	esac || return 1
	! ended "$pid"
}

# capture_start OUT ERR COMMAND...: starts COMMAND, a live sysray, in the background (stdout
# OUT, stderr ERR) and returns once it polls its ring. Sets CAP_BG. Returns 2 when eBPF
# capture is unavailable here, 1 when COMMAND ended or did not get ready.
capture_start() {
	local out=$1 err=$2
	shift 2
	"$@" >"$out" 2>"$err" &
	CAP_BG=$!
	capture_ready "$CAP_BG" "$err" ready && return 0
	kill -INT "$CAP_BG" 2>/dev/null
	wait "$CAP_BG"
	grep -q 'eBPF capture unavailable' "$err" && return 2
	return 1
}

# capture_stop: ends the capture CAP_BG with SIGINT, as a user would; returns its exit
# status. Every event of a process that ended is already in the ring (its syscalls' and its
# exit's tracepoints ran in the process, before its parent could reap it): the capture reads
# the ring to its end after SIGINT.
capture_stop() {
	kill -INT "$CAP_BG" 2>/dev/null
	wait "$CAP_BG"
}

# under_capture DIR PROGRAM HOW OUT ERR COMMAND...: runs PROGRAM under COMMAND, a capture.
# A shell holds PROGRAM on a fifo until COMMAND runs, so PROGRAM's pid (CAP_PID; exec keeps
# it) is known before its first syscall: @PID@ in COMMAND's arguments stands for it. Once let
# go, the shell enters DIR (its chdir is an event of that pid) and execs PROGRAM. HOW is
# "attached" for `sysray capture` (let go at its attach line), "ready" for live sysray (let go
# once it polls its ring), see capture_ready. COMMAND writes OUT and ERR, PROGRAM OUT.prog;
# COMMAND gets SIGINT once PROGRAM ended (see capture_stop). Sets CAP_PROG_STATUS (PROGRAM's
# exit status). Returns 2 when eBPF capture is unavailable here, 1 when COMMAND ended before
# PROGRAM started, else COMMAND's exit status.
under_capture() {
	local dir=$1 prog=$2 how=$3 out=$4 err=$5
	shift 5
	local go=$out.go
	rm -f "$go"
	mkfifo "$go"
	sh -c 'read x <"$1"; cd "$2" && exec "$3"' sh "$go" "$dir" "$prog" >"$out.prog" 2>&1 &
	CAP_PID=$!
	local args=("${@//@PID@/$CAP_PID}")
	"${args[@]}" >"$out" 2>"$err" &
	CAP_BG=$!
	local alive=1
	capture_ready "$CAP_BG" "$err" "$how" || alive=0
	echo go >"$go"
	rm -f "$go"
	wait "$CAP_PID"
	CAP_PROG_STATUS=$?
	if [ $alive = 0 ]; then
		kill -INT "$CAP_BG" 2>/dev/null
		wait "$CAP_BG"
		grep -q 'eBPF capture unavailable' "$err" && return 2
		return 1
	fi
	capture_stop
}
