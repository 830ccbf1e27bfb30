# SPDX-License-Identifier: Apache-2.0
# Decoders of syscalls that printed raw arguments (native AIO, modules, reboot, kexec, host
# names, protection keys, userfaultfd, fanotify_init ...) and the tails of extensible
# structs (clone3, openat2): sysray's trace must match strace's line for line.
compare_trace "prog-sysadmin" "$PROGS/sysadmin"

# The same with -v, which prints what strace abbreviates (a seccomp filter's program).
compare_trace_verbose() {
	local name=$1
	shift
	selected "$name" || return 0
	local s="$WORK/logs/$name.strace" y="$WORK/logs/$name.sysray"
	mkdir -p "$WORK/logs"
	timeout 120 strace -v -f -o "$s" "$@" >/dev/null 2>&1 </dev/null
	timeout 120 "$SYSRAY" trace -v -f -o "$y" "$@" >/dev/null 2>&1 </dev/null
	local pct matched total thr
	read -r pct matched total <<<"$("$PY" "$E2E_DIR/compare.py" "$s" "$y" \
		--mismatches "$MISMATCHES" --label "$name")"
	thr=$(threshold_of "$name")
	printf '%-16s %6s%% %6s/%-6s threshold %s%%\n' "$name" "$pct" "$matched" "$total" "$thr" \
		>>"$SUMMARY"
	if awk -v p="$pct" -v t="$thr" 'BEGIN { exit !(p >= t) }'; then
		pass "$name ($pct% identical lines)"
	else
		fail "$name" "$pct% identical lines, below the threshold $thr% (logs: $s $y)"
	fi
}
compare_trace_verbose "prog-sysadmin-v" "$PROGS/sysadmin"
