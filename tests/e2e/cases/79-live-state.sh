# SPDX-License-Identifier: Apache-2.0
# (live state) A live capture knows the processes that were running before it started (the
# /proc snapshot: name, pid, command line, cwd), and `sysray` with no arguments at all streams
# every event of the system in sysdig's default line, and proc.name filters run in the kernel.

LS_DIR=$WORK/live-state
mkdir -p "$LS_DIR"

# The sleeper's program: it says when it runs, then stat()s a file for each line it reads.
LS_SCRIPT='import os, sys
print("ready", flush=True)
for line in sys.stdin:
    os.stat("/etc/hostname"); print(line, end="", flush=True)'

# ls_sleeper: a python3 started before the capture in $LS_DIR/cwd, running LS_SCRIPT on the
# fifo LS_FD writes to; sets LS_PID.
ls_sleeper() {
	mkdir -p "$LS_DIR/cwd"
	rm -f "$LS_DIR/in" "$LS_DIR/said"
	mkfifo "$LS_DIR/in"
	(cd "$LS_DIR/cwd" && exec "$PY" -c "$LS_SCRIPT" marker-arg <"$LS_DIR/in" >"$LS_DIR/said") &
	LS_PID=$!
	exec {LS_FD}>"$LS_DIR/in"
	wait_until "the sleeper to start" grep -qx ready "$LS_DIR/said"
}

# ls_stat N: the sleeper stat()s N times; returns once it has.
ls_stat() {
	local i
	for i in $(seq "$1"); do
		echo "$i" >&"$LS_FD"
	done
	wait_until "the sleeper's stat $1" grep -qx "$1" "$LS_DIR/said"
}

ls_sleeper_stop() {
	exec {LS_FD}>&-
	kill "$LS_PID" 2>/dev/null
	wait "$LS_PID" 2>/dev/null
}

t_live_prior_process() {
	local out=$LS_DIR/prior.out rc
	ls_sleeper || return 1
	capture_start "$out" "$LS_DIR/prior.err" "$SYSRAY" -M 60 \
		-p "%proc.name|%proc.pid|%proc.cmdline|%proc.cwd|%evt.type" \
		"proc.pid=$LS_PID and evt.type=newfstatat" &&
		ls_stat 3
	capture_stop
	rc=$?
	ls_sleeper_stop
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$LS_DIR/prior.err")"; return 1; }
	[ -s "$out" ] || { echo "no event of pid $LS_PID"; return 1; }
	local want="python3|$LS_PID|python3 -c $LS_SCRIPT marker-arg|$LS_DIR/cwd/|newfstatat"
	# a command line with newlines spans lines: compare whole records
	"$PY" - "$out" "$want" <<'PYEOF' || return 1
import sys
text = open(sys.argv[1]).read()
want = sys.argv[2]
n = text.count(want + "\n")
if n < 3 or n * (len(want) + 1) != len(text):
    print("unexpected lines:", text[:300])
    sys.exit(1)
PYEOF
}

# sysray alone: sysdig's default line, %evt.num %evt.outputtime %evt.cpu %proc.name
# (%thread.tid) %evt.dir %evt.type %evt.info, for every process (here: at least the sleeper).
t_live_no_args() {
	local out=$LS_DIR/all.out
	ls_sleeper || return 1
	capture_start "$out" "$LS_DIR/all.err" "$SYSRAY" && ls_stat 2
	capture_stop
	ls_sleeper_stop
	grep -Eq '^[0-9]+ events, [0-9]+ matched, [0-9]+ dropped' "$LS_DIR/all.err" || {
		echo "no final counts: $(head -c 300 "$LS_DIR/all.err")"
		return 1
	}
	grep -Eq "^[0-9]+ [0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{9} [0-9]+ python3 \($LS_PID\) > newfstatat" \
		"$out" || { echo "no default line of python3 ($LS_PID)"; return 1; }
	# every line has the default layout (a command line with newlines aside); syscalls that
	# libs 0.29 has no code for (rseq, statx, rt_sigreturn) are "<unknown>", as in sysdig
	[ "$(grep -Evc '^[0-9]+ [0-9:.]+ [0-9]+ .* \([0-9]+\) [<>] ([a-z_0-9]+|<unknown>)' "$out")" -lt \
		"$(($(wc -l <"$out") / 100 + 1))" ]
}

# proc.name=files is pushed into the kernel: dd's read/write events are dropped there (the
# ring never sees them; -v counts them), files.c's calls all arrive with their paths.
t_live_comm_pushdown() {
	local d=$LS_DIR/comm out=$LS_DIR/comm.out err=$LS_DIR/comm.err rc=1 dd_pid
	mkdir -p "$d"
	# dd runs from before the capture to its end, and one round of 200000 events (50000
	# reads and writes, entry and exit) runs whole while it is attached
	(while :; do dd if=/dev/zero of=/dev/null bs=1 count=50000 2>/dev/null; done) &
	dd_pid=$!
	if capture_start "$out" "$err" "$SYSRAY" -v -M 60 -p "%evt.type %fd.name" \
		"proc.name=files"; then
		dd if=/dev/zero of=/dev/null bs=1 count=50000 2>/dev/null
		(cd "$d" && exec "$PROGS/files") >/dev/null 2>&1
		capture_stop
		rc=$?
	fi
	kill_tree "$dd_pid" TERM
	wait "$dd_pid"	# not a bare wait: the test's watchdog is a child too
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	local dropped
	dropped=$(sed -En 's/^name filter in the kernel: ([0-9]+) events dropped$/\1/p' "$err")
	[ -n "$dropped" ] && [ "$dropped" -ge 200000 ] ||
		{ echo "dd's events were not dropped in the kernel: $(grep 'name filter' "$err")"
		  return 1; }
	[ "$(grep -c "^openat $d/data.txt$" "$out")" -ge 2 ] &&
	grep -q "^read $d/data.txt$" "$out" && grep -q "^write $d/data.txt$" "$out" ||
		{ echo "files.c's calls on data.txt missing: $(head -c 300 "$out")"; return 1; }
}

# Threads born and ended while the capture starts: threadchurn keeps 16 threads of 20 ms
# alive, each calling getcpu once a millisecond.
# - A thread born after /proc was read and ended before the programs' first events were read
#   is in no reading of /proc: its events must still name its process (the kernel's record
#   says which), never <NA>.
# - The programs attach one after the other, milliseconds apart: a getcpu that entered once
#   sys_enter's program ran and left before sys_exit's was attached would have an enter and
#   no exit (each thread's next enter follows an enter).
t_live_threads_met() {
	local out=$LS_DIR/churn.out churn_pid rc
	"$PROGS/threadchurn" 16 20 >"$LS_DIR/churn.said" &
	churn_pid=$!
	wait_until "threadchurn to start" grep -q '^ready' "$LS_DIR/churn.said" || {
		kill "$churn_pid"; return 1; }
	"$SYSRAY" -M 1 -p "%thread.tid %proc.pid %proc.name %evt.dir" "evt.type=getcpu" \
		>"$out" 2>"$LS_DIR/churn.err"
	rc=$?
	kill "$churn_pid"
	wait "$churn_pid"
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$LS_DIR/churn.err")"; return 1; }
	local n unknown unpaired
	n=$(grep -c " $churn_pid threadchurn <$" "$out")
	unknown=$(grep -v " $churn_pid threadchurn [<>]$" "$out" | grep -c '<NA>')
	unpaired=$(awk '$4 == ">" && last[$1] == ">" { n++ } { last[$1] = $4 } END { print n + 0 }' \
		"$out")
	[ "$n" -ge 1000 ] || { echo "only $n getcpu exits of threadchurn"; return 1; }
	[ "$unknown" -eq 0 ] || { echo "$unknown events of unknown threads:" \
		"$(grep '<NA>' "$out" | head -3)"; return 1; }
	[ "$unpaired" -eq 0 ] || { echo "$unpaired getcpu enters without their exit"; return 1; }
}

if selected live-state; then
	expect live-state-threads-met "threads born and ended as the capture starts are named, exits kept" \
		t_live_threads_met
	expect live-state-prior "a process started before the capture: name, cmdline, cwd" \
		t_live_prior_process
	expect live-state-no-args "sysray alone: every event in sysdig's default line" \
		t_live_no_args
	expect live-state-comm "proc.name=files dropped in the kernel for other processes" \
		t_live_comm_pushdown
fi
