# SPDX-License-Identifier: Apache-2.0
# (t) `sysray trace -c` on eBPF: the syscalls counted in the kernel give the table strace -c
# and the ptrace backend give (calls and errors; the times differ); -f follows children in the
# kernel; -p attaches without stopping anything and detaches on SIGINT; -v names the backend;
# options that need ptrace are refused under --backend=ebpf; a vanished pid gets strace's
# message.

TE=$WORK/trace-ebpf
mkdir -p "$TE"

# The rows of a -c table as "name calls errors", sorted (an empty errors cell is 0).
te_rows() {
	awk 'NR > 2 && /^------/ { exit } NR > 2 { print $NF, $4, (NF == 6 ? $5 : 0) }' "$1" |
		sort
}

# te_run TAG OPTIONS... -- COMMAND...: COMMAND under strace, sysray --backend=ebpf and
# sysray --backend=ptrace with OPTIONS and -o $TE/TAG.{s,e,p}, each in a fresh directory.
te_run() {
	local tag=$1 opts=() who dir
	shift
	while [ "$1" != -- ]; do
		opts+=("$1")
		shift
	done
	shift
	for who in s e p; do
		dir=$(fresh_dir "te-$tag")
		case $who in
		s) (cd "$dir" && timeout 60 strace "${opts[@]}" -o "$TE/$tag.s" "$@") ;;
		e) (cd "$dir" && timeout 60 "$SYSRAY" trace --backend=ebpf "${opts[@]}" \
			-o "$TE/$tag.e" "$@") ;;
		p) (cd "$dir" && timeout 60 "$SYSRAY" trace --backend=ptrace "${opts[@]}" \
			-o "$TE/$tag.p" "$@") ;;
		esac >"$TE/$tag.$who.out" 2>"$TE/$tag.$who.err" </dev/null
		echo $? >"$TE/$tag.$who.rc"
	done
}

# te_same TAG: the eBPF table has strace's header and divider, strace's rows (names, calls,
# errors) and so the ptrace backend's, the same exit status, and nothing was lost.
te_same() {
	local t=$TE/$1
	[ -s "$t.e" ] && [ "$(head -2 "$t.e")" = "$(head -2 "$t.s")" ] &&
		diff <(te_rows "$t.s") <(te_rows "$t.e") >"$t.diff" &&
		diff <(te_rows "$t.p") <(te_rows "$t.e") >"$t.pdiff" &&
		[ "$(tail -1 "$t.e" | awk '{ print $NF }')" = total ] &&
		[ "$(cat "$t.e.rc")" = "$(cat "$t.s.rc")" ] &&
		! grep -q 'events lost' "$t.e.err"
}

te_available() {
	TE_WHY=$("$SYSRAY" trace --backend=ebpf -f -c -o /dev/null true 2>&1)
}

TE_TESTS=(trace-ebpf-c-files trace-ebpf-c-fds trace-ebpf-c-fsops trace-ebpf-c-memtime
	  trace-ebpf-c-net trace-ebpf-c-procs trace-ebpf-f trace-ebpf-e-S-U trace-ebpf-w
	  trace-ebpf-v trace-ebpf-refused trace-ebpf-lines-C trace-ebpf-p-gone trace-ebpf-p
	  trace-ebpf-c-cputime trace-ebpf-O trace-ebpf-p-lines trace-ebpf-userns
	  trace-ebpf-p-midway trace-ebpf-argv-page trace-ebpf-clone-parent)
te_selected() {
	local t
	for t in "${TE_TESTS[@]}"; do
		selected "$t" && return 0
	done
	return 1
}

if ! te_selected; then
	:
elif ! te_available; then
	for t in "${TE_TESTS[@]}"; do
		skip "$t" "eBPF backend unavailable: $TE_WHY"
	done
else
	# Each program makes a known set of syscalls; procs forks, execs and waits.
	for prog in files fds fsops memtime net procs; do
		selected "trace-ebpf-c-$prog" || { [ $prog = procs ] && selected trace-ebpf-f; } ||
			continue
		te_run "$prog" -c -- "$PROGS/$prog"
		expect "trace-ebpf-c-$prog" "-c on eBPF: $prog's table as strace's and ptrace's" \
			te_same "$prog"
	done

	# -f: the children's syscalls are counted too (procs execs /bin/true in a child).
	selected trace-ebpf-f && te_run procs-f -f -c -- "$PROGS/procs"
	te_f_ok() {
		te_same procs-f &&
			[ "$(awk '$1 == "execve" { print $2 }' <(te_rows "$TE/procs-f.e"))" = 2 ] &&
			[ "$(awk '$1 == "execve" { print $2 }' <(te_rows "$TE/procs.e"))" = 1 ]
	}
	expect trace-ebpf-f "-f -c on eBPF: children counted (2 execve, 1 without -f)" te_f_ok

	# -e trace=, -S and -U: the table with no time column is strace's, byte for byte.
	selected trace-ebpf-e-S-U &&
		te_run sort -c -e trace=%file,write -S name -U name,calls,errors -- "$PROGS/files"
	expect trace-ebpf-e-S-U "-c -e trace=%file,write -S name -U name,calls,errors as strace's" \
		eval '[ -s "$TE/sort.e" ] && cmp -s "$TE/sort.s" "$TE/sort.e" &&
		      cmp -s "$TE/sort.p" "$TE/sort.e"'

	# -w: wall-clock time, strace's header.
	selected trace-ebpf-w && te_run wall -c -w -- "$PROGS/files"
	expect trace-ebpf-w "-c -w on eBPF: strace's table" te_same wall

	# -c's time is the CPU time each call took, -c -w's its wall time: strace's meanings,
	# from both backends. cputime sleeps 3 x 200 ms (next to no CPU time, 0.6 s of wall
	# time) and fills 3 x 16 MiB with getrandom (CPU time in the kernel). The figures are
	# measurements on a shared machine, so the bounds are loose: the sleeps under 0.06 s of
	# CPU time (0.1-0.3 ms measured) and under the getrandom calls', and at least 0.59 s but
	# under 1.5 s of wall time. -C's table (after the lines) counts the same way.
	if selected trace-ebpf-c-cputime; then
		te_run cpu -c -- "$PROGS/cputime"
		te_run cpuwall -c -w -- "$PROGS/cputime"
		te_run cpulines -C -- "$PROGS/cputime"
		te_run cpulineswall -C -w -- "$PROGS/cputime"
	fi
	# te_seconds FILE SYSCALL: the seconds column of SYSCALL's row in the -c table in FILE.
	te_seconds() {
		awk -v n="$2" '/^% time / { t = 1; next }
			t && /^------/ { if (++d == 2) exit; next }
			t && $NF == n { print $2 }' "$1"
	}
	te_cputime_ok() {
		local who run sleep_c rand_c sleep_w ok=0
		: >"$TE/cputime.summary"
		for run in s:cpu e:cpu p:cpu e:cpulines p:cpulines; do
			who=${run%:*} run=${run#*:}
			sleep_c=$(te_seconds "$TE/$run.$who" clock_nanosleep)
			rand_c=$(te_seconds "$TE/$run.$who" getrandom)
			sleep_w=$(te_seconds "$TE/${run}wall.$who" clock_nanosleep)
			echo "$who $run: clock_nanosleep ${sleep_c:-none} s, getrandom" \
				"${rand_c:-none} s; with -w: clock_nanosleep ${sleep_w:-none} s" \
				>>"$TE/cputime.summary"
			awk -v c="$sleep_c" -v r="$rand_c" -v w="$sleep_w" \
				'BEGIN { exit !(c != "" && r != "" && w != "" && c < 0.06 &&
						r > c && w >= 0.59 && w < 1.5) }' || ok=1
		done
		sed 's/^/  /' "$TE/cputime.summary"
		[ $ok = 0 ] && te_same cpu && te_same cpuwall
	}
	expect trace-ebpf-c-cputime "-c counts CPU time, -c -w wall time, as strace does" \
		te_cputime_ok

	# -O takes the overhead off each call's time: cputime's 200 ms sleeps with -O 150ms count
	# about 50 ms each: at least 0.14 s for the three, and under the 0.6 s they take (wakeups
	# run late on a loaded machine: 0.24 s seen).
	selected trace-ebpf-O &&
		te_run overhead -c -w -O 150ms -e trace=clock_nanosleep -- "$PROGS/cputime"
	te_overhead_ok() {
		local who s
		for who in s e p; do
			s=$(te_seconds "$TE/overhead.$who" clock_nanosleep)
			echo "  $who: clock_nanosleep ${s:-none} s"
			awk -v s="$s" 'BEGIN { exit !(s != "" && s >= 0.14 && s < 0.59) }' || return 1
		done
		te_same overhead
	}
	expect trace-ebpf-O "-c -w -O on eBPF: the overhead off each call, as strace" te_overhead_ok

	# -v: one line on stderr says which backend and why. auto takes eBPF wherever its
	# programs load and the options do not need ptrace (-D: the tracer as a grandchild) or
	# print more exactly under it (-yy: sockets' addresses).
	te_v_ok() {
		"$SYSRAY" trace -v -c -o /dev/null true 2>"$TE/v.ebpf" &&
			"$SYSRAY" trace -v -C -o /dev/null true 2>"$TE/v.C" &&
			"$SYSRAY" trace -v --backend=ebpf -o /dev/null true 2>"$TE/v.lines" &&
			"$SYSRAY" trace -v -c --backend=ptrace -o /dev/null true 2>"$TE/v.ptrace" &&
			"$SYSRAY" trace -v -D -o /dev/null true 2>"$TE/v.D" &&
			"$SYSRAY" trace -v -yy -o /dev/null true 2>"$TE/v.yy" &&
			[ "$(cat "$TE/v.ebpf")" = "sysray: backend ebpf: auto, counted in the kernel" ] &&
			[ "$(cat "$TE/v.C")" = \
			  "sysray: backend ebpf: auto, lines from the kernel's events" ] &&
			[ "$(cat "$TE/v.lines")" = \
			  "sysray: backend ebpf: --backend=ebpf, lines from the kernel's events" ] &&
			[ "$(cat "$TE/v.ptrace")" = "sysray: backend ptrace: --backend=ptrace" ] &&
			grep -qx "sysray: backend ptrace: -D: the tracer as a detached grandchild .*" \
				"$TE/v.D" &&
			grep -qx "sysray: backend ptrace: -yy: a socket's addresses are read .*" \
				"$TE/v.yy"
	}
	expect trace-ebpf-v "-v names the backend and why" te_v_ok

	# --backend=ebpf with options that need ptrace: one clear message, exit 1, nothing run.
	te_refused() {
		local out rc
		rm -f "$TE/ran"
		out=$("$SYSRAY" trace --backend=ebpf "$@" touch "$TE/ran" 2>&1)
		rc=$?
		[ $rc = 1 ] && [ ! -e "$TE/ran" ] && [ "$(wc -l <<<"$out")" = 1 ] &&
			grep -q "^sysray: --backend=ebpf: .* needs the ptrace backend: " <<<"$out"
	}
	expect trace-ebpf-refused "--backend=ebpf with -e inject=, -b or -D: refused" \
		eval 'te_refused -c -e inject=openat:error=ENOENT && te_refused -f -b execve &&
		      te_refused -D'

	# In a user namespace of its own a process has every capability of that namespace, and
	# the kernel still refuses it BPF: --backend=ebpf says why (not "no ring buffer", which
	# libbpf's probes would suggest), and -c without it counts with ptrace, strace's table.
	te_userns() {
		local err=$TE/userns.err
		! unshare -Ur "$SYSRAY" trace --backend=ebpf -c -o /dev/null true 2>"$err" &&
			grep -q 'initial user namespace' "$err" && [ "$(wc -l <"$err")" = 1 ] &&
			unshare -Ur "$SYSRAY" trace -v -c -o "$TE/userns.c" "$PROGS/files" \
				>/dev/null 2>"$TE/userns.v" &&
			grep -q 'backend ptrace: .*user namespace' "$TE/userns.v" &&
			diff <(te_rows "$TE/files.p") <(te_rows "$TE/userns.c") >"$TE/userns.diff"
	}
	if ! selected trace-ebpf-userns; then
		:
	elif ! te_userns_why=$(unshare -Ur true 2>&1); then
		# user.max_user_namespaces=0, or a sandbox that forbids them
		skip trace-ebpf-userns "no user namespace can be made here: $te_userns_why"
	else
		selected trace-ebpf-c-files || te_run files -c -- "$PROGS/files"
		expect trace-ebpf-userns \
			"in a user namespace: eBPF refused with the reason, -c on ptrace" te_userns
	fi

	# The lines from the kernel's events: -C prints them and the table, -p attaches without
	# a stop, and SIGINT detaches at once (the comparisons with strace are compare_trace's
	# ebpf-* tests in 10-progs, 20-commands and the decoder cases).
	te_lines_C() {
		"$SYSRAY" trace --backend=ebpf -C -o "$TE/C.out" "$PROGS/files" >/dev/null 2>&1 &&
			grep -q '^openat(AT_FDCWD, "' "$TE/C.out" &&
			grep -q '^% time .*syscall$' "$TE/C.out" &&
			grep -q '^+++ exited with 0 +++$' "$TE/C.out"
	}
	expect trace-ebpf-lines-C "-C on eBPF: the lines, then strace's table" te_lines_C

	# A pid that does not exist: strace's message and exit status.
	te_gone() {
		local pid=4194303 s y
		while kill -0 "$pid" 2>/dev/null; do pid=$((pid - 1)); done
		s=$(strace -c -p "$pid" 2>&1)
		local rc_s=$?
		y=$("$SYSRAY" trace --backend=ebpf -c -p "$pid" 2>&1)
		local rc_y=$?
		[ "${s#strace: }" = "${y#sysray: }" ] && [ "$rc_s" = "$rc_y" ] &&
			[ "$y" = "sysray: attach: ptrace(PTRACE_SEIZE, $pid): No such process" ]
	}
	expect trace-ebpf-p-gone "-p of a vanished pid: strace's message and exit status" te_gone

	# -p: a python loop calling getppid, counting its calls in a file every 100. sysray
	# attaches without stopping it (TracerPid stays 0), counts at least the 200 calls made
	# after its attach line (the file shows 300 more), detaches on SIGINT with strace's messages and exit status; the
	# program runs on.
	te_victim=$TE/victim.py
	cat >"$te_victim" <<'PYEOF'
import os, sys, time
n = 0
while True:
    os.getppid()
    n += 1
    if n % 100 == 0:
        with open(sys.argv[1] + ".tmp", "w") as f:
            f.write(str(n))
        os.rename(sys.argv[1] + ".tmp", sys.argv[1])
    time.sleep(0.0005)
PYEOF
	rm -f "$TE/victim.n"
	te_vpid=
	if selected trace-ebpf-p; then
		"$PY" "$te_victim" "$TE/victim.n" &
		te_vpid=$!
	fi
	te_calls() { cat "$TE/victim.n" 2>/dev/null || echo 0; }
	te_p_ok() {
		wait_until "the victim to count" test -s "$TE/victim.n" || return 1
		"$SYSRAY" trace -c -p "$te_vpid" -o "$TE/p.e" 2>"$TE/p.e.err" &
		local tracer=$! n0 rc_y rc_s traced
		wait_until "sysray to attach" grep -q "attached" "$TE/p.e.err" || return 1
		n0=$(te_calls)
		# the file lags the calls by up to 99: 300 more in it are 201 or more made after
		# the attach line
		wait_until "200 calls after the attach" \
			eval '[ "$(te_calls)" -ge $((n0 + 300)) ]' || return 1
		traced=$(awk '/^TracerPid:/ { print $2 }' "/proc/$te_vpid/status")
		interrupt "$tracer"
		rc_y=$?
		strace -c -p "$te_vpid" -o "$TE/p.s" 2>"$TE/p.s.err" &
		tracer=$!
		wait_until "strace to attach" grep -q "attached" "$TE/p.s.err" || return 1
		interrupt "$tracer"
		rc_s=$?
		local calls
		calls=$(awk '$1 == "getppid" { print $2 }' <(te_rows "$TE/p.e"))
		echo "getppid calls counted: ${calls:-none}, TracerPid $traced, exit $rc_y" \
			"(strace $rc_s)" >"$TE/p.summary"
		[ "$traced" = 0 ] && [ "${calls:-0}" -ge 200 ] && [ "$rc_y" = "$rc_s" ] &&
			diff <(sed 's/^strace: //' "$TE/p.s.err") <(sed 's/^sysray: //' "$TE/p.e.err") \
				>"$TE/p.msgs.diff" &&
			kill -0 "$te_vpid" 2>/dev/null &&
			[ "$(awk '/^State:/ { print $2 }' "/proc/$te_vpid/status")" != T ]
	}
	expect trace-ebpf-p "-p: counted without stopping, detach on SIGINT, runs on" te_p_ok
	if [ -n "$te_vpid" ]; then
		kill "$te_vpid" 2>/dev/null
		wait "$te_vpid" 2>/dev/null
	fi

	# -p in line mode: ticker's rounds (write "tick N", getppid, a 50 ms sleep) as strace
	# prints them (ticker_lines.py checks strace's lines by the same rule), from every round
	# it began after the attach line to the last one before SIGINT, the sleep it was in cut
	# by "<detached ...>"; strace's attach and detach messages and exit status; the program is
	# not stopped (TracerPid 0) and runs on. (strace's first line is the restart_syscall of
	# the sleep its attach interrupted; the eBPF backend interrupts nothing: the sleep it
	# attached in prints whole when it ends, as trace-ebpf-p-midway checks.)
	te_tick=
	if selected trace-ebpf-p-lines; then
		"$PROGS/ticker" 50 >"$TE/ticks" 2>"$TE/ticker.err" &
		te_tick=$!
	fi
	# The last tick ticker wrote, 0 before the first (one write(2) a line: never half).
	te_last_tick() {
		local t
		t=$(tail -n 1 "$TE/ticks" 2>/dev/null)
		t=${t#tick }
		echo "${t:-0}"
	}
	# te_pl_run WHO TRACER...: TRACER -p ticker -o $TE/pl.WHO (stderr .err, exit status .rc),
	# interrupted 5 ticks after its attach line; te_pl_n0 and te_pl_n1: the last tick before
	# the attach and before the interrupt.
	te_pl_run() {
		local who=$1 tracer
		shift
		"$@" -p "$te_tick" -o "$TE/pl.$who" 2>"$TE/pl.$who.err" &
		tracer=$!
		wait_until "$1 to attach" grep -q "attached" "$TE/pl.$who.err" || return 1
		te_pl_n0=$(te_last_tick)
		wait_until "5 ticks under $1" eval '[ "$(te_last_tick)" -ge $((te_pl_n0 + 5)) ]' ||
			return 1
		te_pl_traced=$(awk '/^TracerPid:/ { print $2 }' "/proc/$te_tick/status")
		te_pl_n1=$(te_last_tick)
		interrupt "$tracer"
		echo $? >"$TE/pl.$who.rc"
	}
	te_p_lines_ok() {
		wait_until "ticker to tick" grep -q '^tick' "$TE/ticks" || return 1
		local ppid first last nlines n0 n1 traced
		ppid=$(awk '/^PPid:/ { print $2 }' "/proc/$te_tick/status")
		te_pl_run e "$SYSRAY" trace --backend=ebpf || return 1
		n0=$te_pl_n0 n1=$te_pl_n1 traced=$te_pl_traced
		read -r first last nlines < <("$PY" "$E2E_DIR/ticker_lines.py" "$TE/pl.e" "$ppid" 50)
		echo "  eBPF: ticks $first-$last traced in $nlines lines; written: $n0 before" \
			"the attach, $n1 before SIGINT; TracerPid $traced;" \
			"exit $(cat "$TE/pl.e.rc")"
		te_pl_run s strace || return 1
		sed '1{/^restart_syscall(/d}' "$TE/pl.s" >"$TE/pl.s.calls"
		"$PY" "$E2E_DIR/ticker_lines.py" "$TE/pl.s.calls" "$ppid" 50 >/dev/null &&
			[ -n "$first" ] && [ "$first" -le $((n0 + 1)) ] && [ "$last" -ge "$n1" ] &&
			[ "$traced" = 0 ] && [ "$(cat "$TE/pl.e.rc")" = "$(cat "$TE/pl.s.rc")" ] &&
			diff <(sed 's/^strace: //' "$TE/pl.s.err") \
				<(sed 's/^sysray: //' "$TE/pl.e.err") >"$TE/pl.msgs.diff" &&
			grep -qx "sysray: Process $te_tick detached" "$TE/pl.e.err" &&
			wait_until "ticker to tick on" \
				eval '[ "$(te_last_tick)" -gt $((te_pl_n1 + 2)) ]'
	}
	expect trace-ebpf-p-lines "-p lines on eBPF: each round after the attach, as strace's" \
		te_p_lines_ok
	if [ -n "$te_tick" ]; then
		kill "$te_tick" 2>/dev/null
		wait "$te_tick" 2>/dev/null
	fi

	# -p attaching to a thread inside a syscall: cat blocked in read(2) on a fifo. strace's
	# attach interrupts the read, which restarts, and prints it whole once it returns; the
	# eBPF backend interrupts nothing and prints the read it attached in whole too (its entry
	# made at its exit from the registers, its memory copied then). Then cat writes the line,
	# blocks in the next read, and SIGTERM ends it: the same lines from strace and from both
	# backends (addresses aside).
	te_midway_run() {	# te_midway_run WHO TRACER...: $TE/midway.WHO
		local who=$1 fifo=$TE/midway.$1.fifo cat tracer w0
		shift
		rm -f "$fifo" && mkfifo "$fifo" || return 1
		cat <>"$fifo" >/dev/null 2>&1 &
		cat=$!
		# /proc/PID/syscall starts with the number of the syscall a blocked thread is in
		wait_until "cat to block in read" grep -q '^0 ' "/proc/$cat/syscall" || return 1
		w0=$(awk '$1 == "syscw:" { print $2 }' "/proc/$cat/io")
		"$@" -p "$cat" -o "$TE/midway.$who" 2>"$TE/midway.$who.err" &
		tracer=$!
		wait_until "$1 to attach" grep -q attached "$TE/midway.$who.err" || return 1
		echo hello >"$fifo"
		wait_until "cat to write the line and read again" eval \
			'[ "$(awk '"'"'$1 == "syscw:" { print $2 }'"'"' "/proc/$cat/io")" -gt "$w0" ] &&
			 grep -q "^0 " "/proc/$cat/syscall"' || return 1
		kill "$cat"
		wait "$tracer"
	}
	te_midway_ok() {
		local who
		for who in s e p; do
			case $who in
			s) te_midway_run s strace ;;
			e) te_midway_run e "$SYSRAY" trace --backend=ebpf ;;
			p) te_midway_run p "$SYSRAY" trace --backend=ptrace ;;
			esac || return 1
			sed 's/0x[0-9a-f]\+/0xADDR/g' "$TE/midway.$who" >"$TE/midway.$who.n"
		done
		head -1 "$TE/midway.e.n" | sed 's/^/  eBPF: /'
		grep -q '^read(0, "hello\\n", ' "$TE/midway.e.n" &&
			diff "$TE/midway.s.n" "$TE/midway.e.n" >"$TE/midway.e.diff" &&
			diff "$TE/midway.s.n" "$TE/midway.p.n" >"$TE/midway.p.diff"
	}
	expect trace-ebpf-p-midway "-p into a blocked read: the read printed whole, as strace's" \
		te_midway_ok

	# The demo's command is sysray started by itself: its arguments are string constants of
	# sysray's read-only data, which the forked child's page tables do not map when its
	# execve enters (fork copies no file-backed page's entry). The entry cannot read them;
	# the exit's copy of the new program's stack has them.
	te_argv_page_ok() {
		"$SYSRAY" demo 2>&1 | grep -m1 '^execve(' | tee "$TE/argpage" | sed 's/^/  /'
		grep -q ', "demo", "--workload"\], 0x' "$TE/argpage"
	}
	expect trace-ebpf-argv-page "execve's argv in pages not mapped at its entry: the strings" \
		te_argv_page_ok

	# A CLONE_PARENT child is the tracer's: its parent waits until the tracer reaps it. Each
	# backend ends (the test's watchdog bounds a hang), exits 0, and prints strace's lines.
	te_clone_parent_ok() {
		local who
		strace -qq -e trace=clone -o "$TE/cp.s" "$PROGS/lifecycle" clone_parent || return 1
		sed -i 's/= [0-9]*$/= PID/; s/0x[0-9a-f]*/0xADDR/g' "$TE/cp.s"
		for who in ebpf ptrace; do
			"$SYSRAY" trace --backend=$who -qq -e trace=clone -o "$TE/cp.$who" \
				"$PROGS/lifecycle" clone_parent || return 1
			sed -i 's/= [0-9]*$/= PID/; s/0x[0-9a-f]*/0xADDR/g' "$TE/cp.$who"
			cmp -s "$TE/cp.s" "$TE/cp.$who" || { diff "$TE/cp.s" "$TE/cp.$who"; return 1; }
		done
		sed 's/^/  /' "$TE/cp.ebpf"
	}
	expect trace-ebpf-clone-parent "a CLONE_PARENT child reaped by the tracer, on both backends" \
		te_clone_parent_ok
fi
