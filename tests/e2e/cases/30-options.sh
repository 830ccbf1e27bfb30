# SPDX-License-Identifier: Apache-2.0
# (c) Option behaviours of `sysray trace`, each checked against strace 6.1 or a fixed shape.

OPT=$WORK/opt
mkdir -p "$OPT"

# The syscall names of a trace, one per line, in order (signals and exits left out).
names_of() {
	sed -E 's/^[0-9]+ +//; s/^<\.\.\. ([a-z0-9_]+) resumed>.*/\1 resumed/; s/\(.*//' "$1" |
		grep -Ev '^(---|\+\+\+| *$)' | grep -v ' resumed$'
}

# both NAME OPTIONS... -- COMMAND...: traces COMMAND with OPTIONS under strace and sysray, in
# NAME's scratch directory, writing $OPT/NAME.s and $OPT/NAME.y (-o) and .err (stderr).
both() {
	local name=$1
	shift
	local opts=()
	while [ "$1" != -- ]; do
		opts+=("$1")
		shift
	done
	shift
	local dir
	dir=$(fresh_dir "$name")
	(cd "$dir" && timeout 60 strace "${opts[@]}" -o "$OPT/$name.s" "$@") \
		>"$OPT/$name.s.out" 2>"$OPT/$name.s.err" </dev/null
	dir=$(fresh_dir "$name")
	(cd "$dir" && timeout 60 "$SYSRAY" trace "${opts[@]}" -o "$OPT/$name.y" "$@") \
		>"$OPT/$name.y.out" 2>"$OPT/$name.y.err" </dev/null
	touch "$OPT/$name.s" "$OPT/$name.y"
}

# Both traces name the same syscalls in the same order.
same_names() {
	diff <(names_of "$OPT/$1.s") <(names_of "$OPT/$1.y") >"$OPT/$1.names.diff" &&
		[ -s "$OPT/$1.s" ]
}

# Both traces are identical once normalised.
same_lines() {
	local res
	res=$("$PY" "$E2E_DIR/compare.py" "$OPT/$1.s" "$OPT/$1.y" --mismatches "$MISMATCHES" \
		--label "$1")
	[ "${res%% *}" = "100.0" ]
}

# Every line of the trace (exits and signals aside) matches the ERE.
all_lines_match() {
	local log=$1 re=$2
	[ -s "$log" ] || return 1
	! grep -Ev '^(\+\+\+|---)' "$log" | grep -Evq -- "$re"
}

# -o FILE: the trace goes to FILE, nothing of it to stderr.
if selected opt-o; then
	both opt-o -- "$PROGS/files"
	expect opt-o "trace in -o file, none on stderr" \
		eval 'grep -q "^execve(\"$PROGS/files\"" "$OPT/opt-o.y" &&
		      grep -qx "+++ exited with 0 +++" "$OPT/opt-o.y" &&
		      ! grep -q "execve(" "$OPT/opt-o.y.err"'
fi

# -f with -o: every line has the pid prefix; without -f none has.
if selected opt-f-prefix; then
	both opt-f-prefix -f -- "$PROGS/procs"
	expect opt-f-prefix "pid prefix on every line with -f -o" \
		all_lines_match "$OPT/opt-f-prefix.y" '^[0-9]+ +[a-z<+-]'
	expect opt-no-f-prefix "no pid prefix without -f" \
		all_lines_match "$OPT/opt-o.y" '^[a-z_0-9]+\('
fi

# -ff -o FILE: one FILE.PID per process, no prefixes, the same files strace writes.
if selected opt-ff; then
	rm -f "$OPT"/ff.s.* "$OPT"/ff.y.*
	dir=$(fresh_dir opt-ff)
	(cd "$dir" && strace -ff -o "$OPT/ff.s" "$PROGS/procs") >/dev/null 2>&1
	(cd "$dir" && "$SYSRAY" trace -ff -o "$OPT/ff.y" "$PROGS/procs") >/dev/null 2>&1
	ns=$(ls "$OPT"/ff.s.* 2>/dev/null | wc -l)
	ny=$(ls "$OPT"/ff.y.* 2>/dev/null | wc -l)
	ff_ok() {
		[ "$ny" -ge 4 ] && [ "$ny" = "$ns" ] && [ ! -e "$OPT/ff.y" ] || return 1
		local f
		for f in "$OPT"/ff.y.*; do
			[[ ${f##*.} =~ ^[0-9]+$ ]] || return 1
			all_lines_match "$f" '^([a-z_0-9]+\(|<\.\.\. )' || return 1
		done
		# The main process's file holds the execve of the program.
		grep -l "^execve(\"$PROGS/procs\"" "$OPT"/ff.y.* >/dev/null
	}
	expect opt-ff "FILE.PID per process ($ny files, strace wrote $ns)" ff_ok
fi

# sleeping PID: PID, a sleep, sleeps in clock_nanosleep (230; nanosleep 35) or, once a tracer
# attached and let it run on, in restart_syscall (219), which resumes the interrupted sleep.
sleeping() {
	in_syscall "$1" 230 35 219
}

# traced_in_syscall PID TRACER: TRACER attached to PID and let it back into its sleep, so the
# tracer saw the call begin: PID's TracerPid is TRACER and PID sleeps in restart_syscall.
traced_in_syscall() {
	grep -q "^TracerPid:[[:space:]]*$2\$" "/proc/$1/status" && in_syscall "$1" 219
}

# victim_start: a sleep 30 in the background, once it sleeps; sets VICTIM.
victim_start() {
	sleep 30 &
	VICTIM=$!
	wait_until "sleep $VICTIM to sleep" sleeping "$VICTIM"
}

# -p PID: attaches to a running process, and on SIGINT detaches and leaves it running. On
# ptrace, whose attach TracerPid shows (eBPF's -p: trace-ebpf-p, trace-ebpf-p-midway).
if selected opt-p; then
	victim_start
	victim=$VICTIM
	"$SYSRAY" trace --backend=ptrace -p "$victim" -o "$OPT/opt-p.y" 2>"$OPT/opt-p.y.err" &
	tracer=$!
	wait_until "sysray to trace $victim" traced_in_syscall "$victim" "$tracer"
	interrupt "$tracer"
	rc_y=$?
	victim_start
	victim2=$VICTIM
	strace -p "$victim2" -o "$OPT/opt-p.s" 2>"$OPT/opt-p.s.err" &
	tracer=$!
	wait_until "strace to trace $victim2" traced_in_syscall "$victim2" "$tracer"
	interrupt "$tracer"
	rc_s=$?
	wait_until "sleep $victim to sleep again" sleeping "$victim"
	state=$(awk '/^State:/ { print $2 }' "/proc/$victim/status" 2>/dev/null)
	p_ok() {
		[ "$state" = S ] && kill -0 "$victim" 2>/dev/null &&
			grep -q "Process $victim attached" "$OPT/opt-p.y.err" &&
			grep -q "Process $victim detached" "$OPT/opt-p.y.err" &&
			grep -q '<detached \.\.\.>' "$OPT/opt-p.y" &&
			[ "$rc_y" = "$rc_s" ]
	}
	expect opt-p "attach, detach on SIGINT, process keeps running (state '$state', exit $rc_y, strace $rc_s)" \
		p_ok
	kill "$victim" "$victim2" 2>/dev/null
	wait "$victim" "$victim2" 2>/dev/null

	# -q hides the attach and detach messages.
	victim_start
	victim=$VICTIM
	"$SYSRAY" trace -q -p "$victim" -o /dev/null 2>"$OPT/opt-q.y.err" &
	tracer=$!
	wait_until "sysray to trace $victim" traced_in_syscall "$victim" "$tracer"
	interrupt "$tracer"
	expect opt-q "-q: no attach/detach messages" \
		eval '! grep -q "attached\|detached" "$OPT/opt-q.y.err"'
	kill "$victim" 2>/dev/null
	wait "$victim" 2>/dev/null
fi

# -qq: no "+++ exited" line either.
if selected opt-qq; then
	both opt-qq -qq -- "$PROGS/files"
	expect opt-qq "-qq: no exit line" \
		eval '[ -s "$OPT/opt-qq.y" ] && ! grep -q "^+++ exited" "$OPT/opt-qq.y"'
fi

# -c: the same table shape, syscall names and call and error counts as strace -c.
count_table() {
	awk 'NR > 2 && /^------/ { exit } NR > 2 {
		name = $NF; calls = (NF == 6) ? $4 : $4; errors = (NF == 6) ? $5 : 0
		print name, calls, errors }' "$1" | sort
}
if selected opt-c; then
	both opt-c -c -- "$PROGS/files"
	c_ok() {
		[ "$(head -2 "$OPT/opt-c.y")" = "$(head -2 "$OPT/opt-c.s")" ] &&
			diff <(count_table "$OPT/opt-c.s") <(count_table "$OPT/opt-c.y") \
				>"$OPT/opt-c.diff" &&
			[ "$(tail -1 "$OPT/opt-c.y" | awk '{ print $NF }')" = total ] &&
			! grep -q 'execve(' "$OPT/opt-c.y"
	}
	expect opt-c "-c table: header, names, calls and errors as strace's" c_ok
	both opt-C -C -- "$PROGS/files"
	expect opt-C "-C: the trace, then the table" \
		eval 'grep -q "^execve(" "$OPT/opt-C.y" && tail -1 "$OPT/opt-C.y" | grep -q "total$"'
fi

# -e trace= selections name the same syscalls as strace's.
if selected opt-e-trace; then
	both opt-e-trace-file -e trace=%file -- "$PROGS/files"
	expect opt-e-trace-file "-e trace=%file selects strace's syscalls" \
		same_names opt-e-trace-file
	both opt-e-trace-regex -e 'trace=!/^(mmap|mprotect|brk|read)$' -- "$PROGS/files"
	expect opt-e-trace-regex "-e trace=!/regex selects strace's syscalls" \
		same_names opt-e-trace-regex
	both opt-e-trace-list -e trace=openat,close,write -- "$PROGS/files"
	expect opt-e-trace-list "-e trace=a,b,c" same_names opt-e-trace-list
	both opt-e-trace-stat -e 'trace=%%stat,%net' -- "$PROGS/files"
	expect opt-e-trace-stat "-e trace=%%stat" same_names opt-e-trace-stat
	both opt-e-signal -f -e signal=none -- "$PROGS/procs"
	expect opt-e-signal "-e signal=none hides signal lines" \
		eval '[ -s "$OPT/opt-e-signal.y" ] && ! grep -q -- "--- SIG" "$OPT/opt-e-signal.y"'
fi

# -z / -Z: only successful / only failed syscalls, as strace selects them.
if selected opt-z; then
	both opt-z -z -- "$PROGS/files"
	expect opt-z "-z: strace's successful syscalls" same_names opt-z
	both opt-Z -Z -- "$PROGS/files"
	expect opt-Z "-Z: strace's failed syscalls, all failing" \
		eval 'same_names opt-Z && all_lines_match "$OPT/opt-Z.y" "= -1 E[A-Z0-9]+ \\("'
fi

# Timestamps and times: the shapes strace prints.
if selected opt-time; then
	both opt-T -T -- "$PROGS/files"
	expect opt-T "-T: <S.UUUUUU> after each result" \
		all_lines_match "$OPT/opt-T.y" '(= \?$| <[0-9]+\.[0-9]{6}>$)'
	both opt-t -t -- "$PROGS/files"
	expect opt-t "-t: HH:MM:SS" all_lines_match "$OPT/opt-t.y" '^[0-2][0-9]:[0-5][0-9]:[0-6][0-9] [a-z+-]'
	both opt-tt -tt -- "$PROGS/files"
	expect opt-tt "-tt: HH:MM:SS.UUUUUU" \
		all_lines_match "$OPT/opt-tt.y" '^[0-2][0-9]:[0-5][0-9]:[0-6][0-9]\.[0-9]{6} [a-z+-]'
	both opt-ttt -ttt -- "$PROGS/files"
	expect opt-ttt "-ttt: EPOCH.UUUUUU" \
		all_lines_match "$OPT/opt-ttt.y" '^[0-9]{10}\.[0-9]{6} [a-z+-]'
	both opt-abs-ts --absolute-timestamps=format:unix,precision:ms -- "$PROGS/files"
	expect opt-abs-ts "--absolute-timestamps=unix,ms: EPOCH.MMM" \
		all_lines_match "$OPT/opt-abs-ts.y" '^[0-9]{10}\.[0-9]{3} [a-z+-]'
	both opt-r -r -- "$PROGS/files"
	expect opt-r "-r: relative S.UUUUUU, width 6 before the point" \
		all_lines_match "$OPT/opt-r.y" '^ *[0-9]{1,6}\.[0-9]{6} [a-z+-]'
	expect opt-r-first "-r: the first line is at 0" \
		eval 'head -1 "$OPT/opt-r.y" | grep -q "^     0\.000000 "'
fi

# Syscall numbers: -n before each line; a number the table does not know is printed raw
# whatever -e trace= says (strace: no class or name can leave it out).
if selected opt-numbers; then
	both opt-n -n -e trace=listen,exit_group -- "$PROGS/rawsc"
	expect opt-n "-n: [NR] before each line, as strace" \
		eval 'same_lines opt-n && grep -q "^\[  50\] listen(0, 0)" "$OPT/opt-n.y"'
	both opt-unknown-nr -e trace=none -- "$PROGS/rawsc"
	expect opt-unknown-nr "unknown numbers traced under -e trace=none, as strace" \
		eval 'same_lines opt-unknown-nr && grep -q "^syscall_0x3e8(0x10, " "$OPT/opt-unknown-nr.y"'
fi

# String and layout options on write(2), whose decoding every area relies on.
if selected opt-format; then
	both opt-s5 -s 5 -e trace=write -- "$PROGS/files"
	expect opt-s5 "-s 5 as strace" eval 'grep -q "\"hello\"\.\.\., 16)" "$OPT/opt-s5.y" &&
		same_lines opt-s5'
	both opt-x -x -e trace=write -- "$PROGS/files"
	expect opt-x "-x as strace" same_lines opt-x
	both opt-xx -xx -e trace=write -- "$PROGS/files"
	expect opt-xx "-xx as strace" same_lines opt-xx
	both opt-hex-chars --strings-in-hex=non-ascii-chars -e trace=write -- "$PROGS/files"
	expect opt-hex-chars "--strings-in-hex=non-ascii-chars as strace" \
		eval 'grep -q "\\\\x01\\\\xff" "$OPT/opt-hex-chars.y" && same_lines opt-hex-chars'
	both opt-a0 -a 0 -e trace=write,close -- "$PROGS/files"
	expect opt-a0 "-a 0: one space before =" \
		eval 'same_lines opt-a0 && ! grep -q ")  =" "$OPT/opt-a0.y"'
	both opt-a40 -e trace=close -- "$PROGS/files"
	expect opt-a40 "default -a 40: = at column 40" \
		eval 'grep "^close(3) " "$OPT/opt-a40.y" | head -1 | grep -q "^close(3) \{32\}= 0$"'
	both opt-y-pidfd -y -e trace=clone,close -e signal=none -- "$PROGS/procs"
	expect opt-y-pidfd "-y: clone's CLONE_PIDFD fd with its path, as strace" \
		eval 'grep -q "parent_tid=\[[0-9]*<anon_inode:\[pidfd\]>\]" "$OPT/opt-y-pidfd.y" &&
		      same_lines opt-y-pidfd'
	both opt-y-edges -y -e trace=write,close -- "$PROGS/fdedges"
	expect opt-y-edges "-y: unlinked files, a name like it, a name to escape; page-end buffers" \
		eval 'grep -q "gone.txt>(deleted)" "$OPT/opt-y-edges.y" &&
		      grep -q "kept (deleted)>" "$OPT/opt-y-edges.y" &&
		      grep -q "odd\\\\1 \\\\74name" "$OPT/opt-y-edges.y" &&
		      grep -q "^write(-1, 0x[0-9a-f]*, 33)" "$OPT/opt-y-edges.y" &&
		      same_lines opt-y-edges'
	both opt-y -y -e trace=write,close -- "$PROGS/files"
	expect opt-y "-y: fds with their paths, as strace" \
		eval 'grep -q "<[^>]*data.txt>" "$OPT/opt-y.y" && same_lines opt-y'
	# -yy on unix sockets: the peer's inode and the bound name, from sock_diag
	both opt-yy -yy -e trace=connect,socketpair,sendto -- "$PROGS/net"
	expect opt-yy "-yy: unix sockets with peer and name, as strace" \
		eval 'grep -q "UNIX:\[[0-9]*->[0-9]*\]" "$OPT/opt-yy.y" &&
			grep -q "UNIX-STREAM:\[[0-9]*" "$OPT/opt-yy.y" && same_lines opt-yy'
	both opt-X-raw -X raw -e trace=openat -- "$PROGS/files"
	expect opt-X-raw "-X raw as strace" same_lines opt-X-raw
fi

# -E and -u change the command's environment and user.
if selected opt-env; then
	out=$("$SYSRAY" trace -o /dev/null -E SYSRAY_T=bar sh -c 'echo "$SYSRAY_T"' 2>/dev/null)
	expect opt-E "-E VAR=VAL sets it (got '$out')" test "$out" = bar
	out=$(SYSRAY_T=x "$SYSRAY" trace -o /dev/null -E SYSRAY_T sh -c 'echo "${SYSRAY_T-unset}"' \
		2>/dev/null)
	expect opt-E-unset "-E VAR unsets it (got '$out')" test "$out" = unset
	if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
		out=$("$SYSRAY" trace -o /dev/null -u nobody id -u 2>/dev/null)
		expect opt-u "-u nobody runs as nobody (got '$out')" test "$out" = "$(id -u nobody)"
	fi
fi

# The command's exit status and fatal signal become sysray's.
if selected opt-exit; then
	"$SYSRAY" trace -o /dev/null sh -c 'exit 3' 2>/dev/null
	rc=$?
	expect opt-exit-status "exit 3 gives exit 3 (got $rc)" test "$rc" = 3
	rc=$("$PY" -c 'import subprocess, sys
print(subprocess.run(sys.argv[1:], stderr=subprocess.DEVNULL).returncode)' \
		"$SYSRAY" trace -o /dev/null sh -c 'kill -TERM $$')
	expect opt-exit-signal "killed by SIGTERM dies of SIGTERM (got $rc)" test "$rc" = -15
	"$SYSRAY" trace -o /dev/null true 2>/dev/null
	rc=$?
	expect opt-exit-zero "exit 0 gives exit 0 (got $rc)" test "$rc" = 0
fi

# Errors: messages and exit codes.
if selected opt-errors; then
	"$SYSRAY" nosuch >/dev/null 2>"$OPT/err-cmd"
	rc=$?
	expect opt-err-command "unknown command: message, exit 1 (got $rc)" \
		eval '[ "$rc" = 1 ] && grep -q "unknown command" "$OPT/err-cmd"'
	"$SYSRAY" trace -p 999999 >/dev/null 2>"$OPT/err-pid"
	rc=$?
	expect opt-err-pid "-p 999999: message, exit 1 (got $rc)" \
		eval '[ "$rc" = 1 ] && grep -q "999999" "$OPT/err-pid"'
	"$SYSRAY" trace -e trace=nosuch true >/dev/null 2>"$OPT/err-trace"
	rc=$?
	expect opt-err-trace "-e trace=nosuch: invalid system call, exit 1 (got $rc)" \
		eval '[ "$rc" = 1 ] && grep -q "invalid system call .nosuch." "$OPT/err-trace"'
	strace --strings-in-hex=octal true 2>"$OPT/err-hex.s"
	"$SYSRAY" trace --strings-in-hex=octal true 2>"$OPT/err-hex"
	rc=$?
	expect opt-err-hex "--strings-in-hex=octal: strace's message, exit 1 (got $rc)" \
		eval '[ "$rc" = 1 ] && [ "$(sed -n "1s/^[a-z]*: //p" "$OPT/err-hex")" = \
			"$(sed -n "1s/^[a-z]*: //p" "$OPT/err-hex.s")" ]'
	"$SYSRAY" trace >/dev/null 2>"$OPT/err-noargs"
	rc=$?
	expect opt-err-noargs "no command: message, exit 1 (got $rc)" \
		eval '[ "$rc" = 1 ] && grep -q "must have PROG" "$OPT/err-noargs"'
	"$SYSRAY" trace -o /dev/null /nonexistent/prog >/dev/null 2>"$OPT/err-exec"
	rc=$?
	expect opt-err-exec "missing program: message, exit 1 (got $rc)" \
		eval '[ "$rc" = 1 ] && grep -q "/nonexistent/prog" "$OPT/err-exec"'
fi

# -f -p PID of a process with threads: strace's messages, "attached with N threads" once, then
# one "detached" per thread in the order they were attached.
# opt_fp_run OUT TRACER...: TRACER -f -p the holder, interrupted once it says it attached; its
# messages in OUT without the program name.
opt_fp_run() {
	local out=$1 tracer
	shift
	"$@" -f -p "$FP_PID" -o /dev/null 2>"$out" &
	tracer=$!
	wait_until "$1 to attach" grep -q 'attached' "$out"
	interrupt "$tracer" >/dev/null
	sed -i 's/^[a-z]*: //' "$out"
}
if selected opt-fp-threads; then
	fp_dir=$(fresh_dir opt-fp)
	"$PROGS/holder" "$fp_dir" >"$fp_dir/ready" 2>&1 &
	FP_HOLDER=$!
	wait_until "the holder" grep -q '^ready' "$fp_dir/ready"
	FP_PID=$FP_HOLDER
	opt_fp_run "$fp_dir/strace.err" strace
	opt_fp_run "$fp_dir/sysray.err" "$SYSRAY" trace
	kill_tree "$FP_HOLDER" KILL
	wait "$FP_HOLDER" 2>/dev/null
	expect opt-fp-threads "-f -p: attach and detach messages as strace's" \
		eval 'grep -q "attached with 2 threads" "$fp_dir/strace.err" &&
			diff "$fp_dir/strace.err" "$fp_dir/sysray.err"'
fi
