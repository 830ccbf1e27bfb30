# SPDX-License-Identifier: Apache-2.0
# Process lifecycle and the tracer's own behaviour (#14): pids seen from a nested pid namespace
# (--pidns-translation), a thread's execve, -D, -b execve, -o '|CMD', --timestamps forms.

# tests/progs/lifecycle polls the leader's state with pread64 and clock_nanosleep, as many
# times as it takes: those calls are left out of both traces.
TRACE_OPTS='-e trace=!pread64,clock_nanosleep' compare_trace lifecycle "$PROGS/lifecycle"
TRACE_OPTS='-e trace=!pread64,clock_nanosleep --pidns-translation' \
	compare_trace lifecycle-pidns "$PROGS/lifecycle"

LIFE=$WORK/life
mkdir -p "$LIFE"

# -D, -DD, -DDD: the command is the caller's process, traced by a grandchild that is not its
# parent (strace's tests/strace-D.test); -DD puts the tracer in a group of its own, -DDD in a
# session of its own. Each run prints the command's PPid and TracerPid, then the tracer's
# process group and session.
daemon_ok() {
	local d=$1 out=$LIFE/D$1
	"$SYSRAY" trace "$d" -q -e trace=none sh -c \
		'sed -n "s/^\(PPid\|TracerPid\):[[:space:]]*//p" /proc/$$/status
		 t=$(sed -n "s/^TracerPid:[[:space:]]*//p" /proc/$$/status)
		 cut -d" " -f5,6 /proc/$t/stat' >"$out" 2>"$out.err" || return 1
	local ppid tracer pgid sid
	{ read -r ppid; read -r tracer; read -r pgid sid; } <"$out"
	[ "$ppid" = $$ ] || [ "$ppid" = "$BASHPID" ] || return 1
	[ "$tracer" -gt 0 ] && [ "$tracer" != "$ppid" ] || return 1
	case $d in
	-D) [ "$pgid" != "$tracer" ] ;;
	-DD) [ "$pgid" = "$tracer" ] && [ "$sid" != "$tracer" ] ;;
	-DDD) [ "$sid" = "$tracer" ] ;;
	esac
}
for d in -D -DD -DDD; do
	expect "life$d" "$d: the tracer is a detached grandchild ($(tr '\n' ' ' 2>/dev/null <"$LIFE/D$d"))" \
		daemon_ok "$d"
done

# -b execve: the command's own execve is traced, the next one lets it go; the trace ends
# with it, exit status 0, and says so as strace does.
bexec_ok() {
	"$SYSRAY" trace -b execve -e trace=none sh -c 'exec false' 2>"$LIFE/b.err" || return 1
	grep -Eqx 'sysray: Process [0-9]+ detached' "$LIFE/b.err" &&
		! grep -Evqx 'sysray: Process [0-9]+ detached' "$LIFE/b.err" &&
		"$SYSRAY" trace --seccomp-bpf -f -b execve -e trace=none true 2>&1 |
		grep -q -- '--seccomp-bpf is not enabled because it is not compatible with -b'
}
expect life-b-execve "-b execve detaches at the second execve" bexec_ok

# -o '|CMD': the trace is CMD's input, and the tracer waits for CMD before it exits.
pipe_ok() {
	rm -f "$LIFE/pipe.log"
	"$SYSRAY" trace -o "|cat > $LIFE/pipe.log" -e trace=chdir sh -c 'cd /' || return 1
	grep -qx 'chdir("/") *= 0' "$LIFE/pipe.log" &&
		"$SYSRAY" trace -o '|cat' -ff true 2>&1 | grep -q 'mutually exclusive'
}
expect life-o-pipe "-o '|CMD' feeds CMD" pipe_ok

# --timestamps=FORMAT,PRECISION: the shape strace gives each form, on syscall and exit lines.
ts_shape() {
	local opts=$1 re=$2 t
	for t in strace "$SYSRAY trace"; do
		$t $opts -e trace=exit_group true 2>"$LIFE/ts.err" >/dev/null
		[ "$(grep -Ecv "^$re (exit_group\\(0\\) +=|\\+\\+\\+ exited)" "$LIFE/ts.err")" = 0 ] &&
			[ "$(wc -l <"$LIFE/ts.err")" = 2 ] || return 1
	done
}
expect life-ts-time "--timestamps=time: seconds only" \
	ts_shape --timestamps=time '[0-9]{2}:[0-9]{2}:[0-9]{2}'
expect life-ts-ms "--timestamps=time,ms" \
	ts_shape --timestamps=time,ms '[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}'
expect life-ts-unix-ns "--absolute-timestamps=format:unix,precision:ns" \
	ts_shape --absolute-timestamps=format:unix,precision:ns '[0-9]+\.[0-9]{9}'
expect life-ts-rel-ms "--relative-timestamps=ms" \
	ts_shape --relative-timestamps=ms ' +[0-9]+\.[0-9]{3}'

# An injected result prints as strace prints it: arch_prctl(ARCH_REQ_XCOMP_PERM) names the
# features granted in parentheses, and has none when no known feature bit is set; under
# -X raw the mask is hex and unnamed.
inject_rv_ok() {
	local v x
	for x in abbrev raw; do
		for v in 0x97800 0x20000 0x60001 1; do
			strace -X $x -e trace=arch_prctl -e inject=arch_prctl:retval=$v:when=3 \
				"$PROGS/lifecycle" arch_prctl 2>&1 | grep INJECTED >"$LIFE/inj.s"
			"$SYSRAY" trace -X $x -e trace=arch_prctl \
				-e inject=arch_prctl:retval=$v:when=3 \
				"$PROGS/lifecycle" arch_prctl 2>&1 | grep INJECTED >"$LIFE/inj.y"
			[ -s "$LIFE/inj.s" ] && cmp -s "$LIFE/inj.s" "$LIFE/inj.y" || return 1
		done
	done
}
expect life-inject-rv "injected arch_prctl results as strace prints them" inject_rv_ok

# SIGTERM to the tracer of a command whose trace goes to -o FILE: strace's default (as -I
# never) lets the trace run to its end; -I waiting detaches, the open line says so, and the
# tracer dies of the signal.
sleep_traced() {
	local child
	child=$(pgrep -P "$1" -x sleep) && in_syscall "$child" 230 35
}
intr_ok() {
	local mode=$1 out=$LIFE/intr.$1 tracer rc
	"$SYSRAY" trace -o "$out" ${mode:+-I $mode} -e trace=clock_nanosleep,nanosleep \
		sleep 1 &
	tracer=$!
	wait_until "sleep under sysray to sleep" sleep_traced "$tracer" || return 1
	kill -TERM "$tracer"
	wait "$tracer"
	rc=$?
	if [ -z "$mode" ]; then
		[ $rc = 0 ] && grep -q '^+++ exited with 0 +++$' "$out"
	else
		[ $rc = 143 ] && grep -q '<detached \.\.\.>$' "$out"
	fi
}
expect life-intr-default "SIGTERM to the tracer of a command with -o: the trace goes on" \
	intr_ok ""
expect life-intr-waiting "-I waiting: SIGTERM detaches" intr_ok waiting
