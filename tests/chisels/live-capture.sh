# SPDX-License-Identifier: Apache-2.0
# Sourced by the chisel check scripts: a live sysray capture around a workload, started and
# stopped on states, not on a clock.

# live_ready PID: sysray PID polls its ring (its programs are attached, its /proc snapshot
# taken, its -w file open): only that loop sleeps, in epoll_wait (x86_64: 232; epoll_pwait
# 281, epoll_pwait2 441) or in clock_nanosleep (230; nanosleep 35) between batches.
live_ready() {
	local t nr
	for t in /proc/"$1"/task/*/syscall; do
		read -r nr _ 2>/dev/null <"$t" || continue
		case " 232 281 441 230 35 " in *" $nr "*) return 0 ;; esac
	done
	return 1
}

# live_capture LOG FUNCTION SYSRAY_ARGS...: runs sysray with SYSRAY_ARGS in the background
# (output to LOG), calls FUNCTION once it is ready (30 s at most), then stops it with SIGINT
# as a user would; every event of the workload is in the ring by then. Returns sysray's exit
# status, or 1 when it never got ready or FUNCTION failed.
live_capture() {
	local log=$1 fn=$2 pid i rc=0
	shift 2
	"$SYSRAY" "$@" >"$log" 2>&1 &
	pid=$!
	for ((i = 0; i < 1500; i++)); do
		live_ready "$pid" && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.02
	done
	if ! live_ready "$pid"; then
		kill -INT "$pid" 2>/dev/null
		wait "$pid"
		echo "live_capture: sysray never got ready (exit $?)" >>"$log"
		return 1
	fi
	"$fn" || { rc=1; echo "live_capture: $fn failed" >>"$log"; }
	kill -INT "$pid"
	wait "$pid" || { rc=$?; echo "live_capture: sysray exited $rc" >>"$log"; }
	return $rc
}
