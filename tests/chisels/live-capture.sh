# SPDX-License-Identifier: Apache-2.0
# Sourced by the chisel check scripts: a live sysray capture around a workload, started and
# stopped on states, not on a clock, with the end-to-end tests' own readiness helpers
# (tests/e2e/lib.sh: wait_until, polling, ended).

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/../e2e" && pwd)
. "$E2E_DIR/lib.sh"

# live_capture LOG FUNCTION SYSRAY_ARGS...: runs sysray with SYSRAY_ARGS in the background
# (output to LOG), calls FUNCTION once it polls its ring (E2E_READY_TIMEOUT, 30 s by
# default), then stops it with SIGINT as a user would; every event of the workload is in the
# ring by then. Returns sysray's exit status, or 1 when it never got ready or FUNCTION
# failed; the log says which.
live_capture() {
	local log=$1 fn=$2 pid rc=0
	shift 2
	"$SYSRAY" "$@" >"$log" 2>&1 &
	pid=$!
	if ! wait_until "sysray $pid to poll its ring" eval "polling $pid || ended $pid" ||
		ended "$pid"; then
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
