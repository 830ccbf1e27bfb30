# SPDX-License-Identifier: Apache-2.0
# -y/--decode-fds by kind (tests/progs/fdkinds.c): each set of path, socket, dev, pidfd, all
# and none must decorate fds as strace 6.1 does (files, devices, pidfds, netlink and Unix
# sockets, a deleted file), line for line.
FDK=$WORK/fdkinds
mkdir -p "$FDK"

# fdk_verdict NAME STRACE_LOG: NAME passes when $FDK/NAME.sysray has every line of STRACE_LOG.
fdk_verdict() {
	local name=$1 pct matched total
	read -r pct matched total < <("$PY" "$E2E_DIR/compare.py" "$2" "$FDK/$name.sysray" \
		--mismatches "$MISMATCHES" --label "$name")
	if [ "$total" -gt 0 ] && [ "$matched" = "$total" ]; then
		pass "$name ($matched/$total identical lines)"
	else
		fail "$name" "$pct% identical lines ($matched/$total), logs $FDK/$name.*"
	fi
}

for set in path socket dev pidfd all none path,pidfd; do
	name="fdkinds-$set"
	selected "$name" || continue
	for who in strace sysray; do
		dir=$(fresh_dir "$name")
		if [ "$who" = strace ]; then
			tracer=(strace)
		else
			tracer=("$SYSRAY" trace)
		fi
		(cd "$dir" && timeout 60 "${tracer[@]}" -f -e decode-fds="$set" -o "$FDK/$name.$who" \
			"$PROGS/fdkinds") >/dev/null 2>"$FDK/$name.$who.err" </dev/null
	done
	fdk_verdict "$name" "$FDK/$name.strace"
done

# The same on eBPF, whose lines print once the fds are closed: the fd tables and the kernel's
# word on each new fd name them, not /proc.
for set in path socket dev pidfd all path,pidfd; do
	name="ebpf-fdkinds-$set"
	selected "$name" || continue
	if ! ebpf_trace_available; then
		skip "$name" "the eBPF backend cannot load here: $EBPF_TRACE_WHY"
		continue
	fi
	# in the ptrace test's directory: the paths printed are the same
	strace_log="$FDK/fdkinds-$set.strace"
	if [ ! -s "$strace_log" ]; then
		dir=$(fresh_dir "fdkinds-$set")
		(cd "$dir" && timeout 60 strace -f -e decode-fds="$set" -o "$strace_log" \
			"$PROGS/fdkinds") >/dev/null 2>"$strace_log.err" </dev/null
	fi
	dir=$(fresh_dir "fdkinds-$set")
	(cd "$dir" && timeout 60 "$SYSRAY" trace --backend=ebpf -f -e decode-fds="$set" \
		-o "$FDK/$name.sysray" "$PROGS/fdkinds") >/dev/null 2>"$FDK/$name.sysray.err" \
		</dev/null
	fdk_verdict "$name" "$strace_log"
done

# A kind strace does not know is refused with its name, as strace refuses it.
if selected fdkinds-bad; then
	if "$SYSRAY" trace --decode-fds=path,bogus true 2>"$FDK/bad.err" ||
		! grep -q "invalid decode-fds 'bogus'" "$FDK/bad.err"; then
		fail fdkinds-bad "--decode-fds=path,bogus: $(head -c 200 "$FDK/bad.err")"
	else
		pass "fdkinds-bad (--decode-fds=path,bogus refused)"
	fi
fi
