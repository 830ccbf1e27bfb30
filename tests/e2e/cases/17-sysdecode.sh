# SPDX-License-Identifier: Apache-2.0
# Decoders of syscalls that printed raw arguments (native AIO, io_uring_register, quotas,
# modules, reboot, kexec, host names, timex, protection keys, userfaultfd, fanotify_init,
# move_pages, futex_waitv, modify_ldt ...), classic BPF programs of seccomp filters and the
# tails of extensible structs (clone3, openat2): sysray's trace must match strace's line
# for line, in the default style and with -v, -X verbose and -X raw.
compare_trace "prog-sysadmin" "$PROGS/sysadmin"

# compare_trace_opts NAME OPTIONS COMMAND...: compare_trace with OPTIONS given to both tracers.
compare_trace_opts() {
	local name=$1 opts=$2
	shift 2
	selected "$name" || return 0
	local s="$WORK/logs/$name.strace" y="$WORK/logs/$name.sysray"
	mkdir -p "$WORK/logs"
	# shellcheck disable=SC2086 # OPTIONS are words
	timeout 120 strace $opts -f -o "$s" "$@" >/dev/null 2>"$s.err" </dev/null
	# shellcheck disable=SC2086
	timeout 120 "$SYSRAY" trace $opts -f -o "$y" "$@" >/dev/null 2>"$y.err" </dev/null
	if [ ! -s "$y" ]; then
		fail "$name" "sysray wrote no trace: $(head -c 300 "$y.err")"
		return
	fi
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
compare_trace_opts "prog-sysadmin-v" "-v" "$PROGS/sysadmin"
compare_trace_opts "prog-sysadmin-Xv" "-X verbose" "$PROGS/sysadmin"
compare_trace_opts "prog-sysadmin-Xraw" "-X raw" "$PROGS/sysadmin"
