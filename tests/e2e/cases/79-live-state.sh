# (live state) A live capture knows the processes that were running before it started (the
# /proc snapshot: name, pid, command line, cwd), and `sysray` with no arguments at all streams
# every event of the system in sysdig's default line, and proc.name filters run in the kernel.

LS_DIR=$WORK/live-state
mkdir -p "$LS_DIR"

# ls_sleeper: a python3 started before the capture, stat()ing a file ten times a second in
# $LS_DIR/cwd; sets LS_PID.
ls_sleeper() {
	mkdir -p "$LS_DIR/cwd"
	(cd "$LS_DIR/cwd" && exec "$PY" -c 'import os, time
while True:
    os.stat("/etc/hostname"); time.sleep(0.1)' marker-arg) &
	LS_PID=$!
	sleep 0.5
}

t_live_prior_process() {
	local out=$LS_DIR/prior.out rc
	ls_sleeper
	timeout 60 "$SYSRAY" -M 3 -p "%proc.name|%proc.pid|%proc.cmdline|%proc.cwd|%evt.type" \
		"proc.pid=$LS_PID and evt.type=newfstatat" >"$out" 2>"$LS_DIR/prior.err"
	rc=$?
	kill "$LS_PID"
	wait "$LS_PID" 2>/dev/null
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$LS_DIR/prior.err")"; return 1; }
	[ -s "$out" ] || { echo "no event of pid $LS_PID"; return 1; }
	local want="python3|$LS_PID|python3 -c import os, time"
	want+=$'\n'"while True:"$'\n'"    os.stat(\"/etc/hostname\"); time.sleep(0.1) marker-arg"
	want+="|$LS_DIR/cwd/|newfstatat"
	# a command line with newlines spans lines: compare whole records
	"$PY" - "$out" "$want" <<'PYEOF' || return 1
import sys
text = open(sys.argv[1]).read()
want = sys.argv[2]
n = text.count(want + "\n")
if n == 0 or n * (len(want) + 1) != len(text):
    print("unexpected lines:", text[:300])
    sys.exit(1)
PYEOF
}

# sysray alone: sysdig's default line, %evt.num %evt.outputtime %evt.cpu %proc.name
# (%thread.tid) %evt.dir %evt.type %evt.info, for every process (here: at least the sleeper).
t_live_no_args() {
	local out=$LS_DIR/all.out
	ls_sleeper
	timeout -s INT 3 "$SYSRAY" >"$out" 2>"$LS_DIR/all.err"
	kill "$LS_PID"
	wait "$LS_PID" 2>/dev/null
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
	local d=$LS_DIR/comm out=$LS_DIR/comm.out err=$LS_DIR/comm.err rc dd_pid
	mkdir -p "$d"
	# dd runs for the whole capture: 200000 events a round, some before the attach
	(while :; do dd if=/dev/zero of=/dev/null bs=1 count=50000 2>/dev/null; done) &
	dd_pid=$!
	(sleep 1.5; cd "$d" && exec "$PROGS/files") >/dev/null 2>&1 &
	local files_pid=$!
	timeout 60 "$SYSRAY" -v -M 4 -p "%evt.type %fd.name" "proc.name=files" >"$out" 2>"$err"
	rc=$?
	kill_tree "$dd_pid" TERM
	wait "$dd_pid" "$files_pid"	# not a bare wait: the test's watchdog is a child too
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

if selected live-state; then
	expect live-state-prior "a process started before the capture: name, cmdline, cwd" \
		t_live_prior_process
	expect live-state-no-args "sysray alone: every event in sysdig's default line" \
		t_live_no_args
	expect live-state-comm "proc.name=files dropped in the kernel for other processes" \
		t_live_comm_pushdown
fi
