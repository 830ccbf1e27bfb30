# (roundtrip) Captures sysray writes, read back by sysdig 0.29 and by `sysray -r`: the same
# lines for the issue's templates. Live (`sysray -w`, eBPF) and ptrace (`sysray trace -w`)
# captures of tests/progs/files, net and procs: relative paths, modes, sockets without a
# tuple, fork and exec.

RT_DIR=$WORK/roundtrip
mkdir -p "$RT_DIR"
RT_TEMPLATES=(
	"%evt.num %evt.type %evt.dir %proc.name %thread.tid %fd.name %evt.args"
	"%evt.info"
	# sysdig 0.29 has no fd.dip/fd.dport: both must refuse the template alike
	"%fd.sip %fd.sport %fd.dip %fd.dport"
	"%fd.cip %fd.cport %fd.sip %fd.sport %fd.lip %fd.rip %fd.l4proto"
	"%user.name %proc.cmdline"
	# the fd a call is about: -1 on an open's enter and a failed open, pipe's write end
	"*%evt.num %evt.type %evt.dir %evt.res %fd.num %fd.typechar %fd.name"
	"*%evt.num %proc.name %thread.cgroups %container.id"
)

# rt_compare FILE: sysdig and sysray print the same lines (stdout and stderr, less sysray's
# "sysray: " prefix) for every template, and sysdig printed some events.
rt_compare() {
	local f=$1 i=0 t
	[ "$(sysdig -r "$f" 2>/dev/null | wc -l)" -gt 10 ] ||
		{ echo "sysdig reads (almost) nothing from $f"; return 1; }
	for t in "${RT_TEMPLATES[@]}"; do
		i=$((i + 1))
		sysdig -r "$f" -p "$t" >"$f.$i.sysdig" 2>&1
		"$SYSRAY" -r "$f" -p "$t" 2>&1 | sed 's/^sysray: //' >"$f.$i.sysray"
		cmp -s "$f.$i.sysdig" "$f.$i.sysray" || {
			echo "template '$t': diff $f.$i.sysdig $f.$i.sysray"
			diff "$f.$i.sysdig" "$f.$i.sysray" | head -6
			return 1
		}
	done
}

# rt_trace PROG: `sysray trace -f -w` of PROG in a fresh directory, then the comparison.
rt_trace() {
	local prog=$1 dir f=$RT_DIR/trace-$1.scap
	dir=$(fresh_dir "rt-trace-$prog")
	(cd "$dir" && "$SYSRAY" trace -f -w "$f" "$PROGS/$prog") >"$f.out" 2>&1 ||
		{ echo "trace -w failed: $(head -c 300 "$f.out")"; return 1; }
	rt_compare "$f"
}

# rt_live_capture PROG: PROG runs in a fresh directory under `sysray -w`, filtered on its pid
# and descendants; stopped by SIGINT after PROG ended. Returns 2 when eBPF is missing.
rt_live_capture() {
	local prog=$1 dir f=$RT_DIR/live-$1.scap
	dir=$(fresh_dir "rt-live-$prog")
	under_capture "$dir" "$PROGS/$prog" 1.5 "$f.out" "$f.err" \
		"$SYSRAY" -M 60 -w "$f" "proc.pid=@PID@ or proc.apid=@PID@"
}

t_rt_trace_files() { rt_trace files; }
t_rt_trace_net() { rt_trace net; }
t_rt_trace_procs() { rt_trace procs; }

# What the comparison covers: openat's relative name resolved in parentheses, its mode in
# octal (sysdig 0.29's own rendering of our file, not only sysray's).
t_rt_trace_details() {
	local f=$RT_DIR/trace-files.scap
	grep -qF "/rt-trace-files/data.txt) flags=262(O_TRUNC|O_CREAT|O_WRONLY) mode=0644 " \
		"$f.1.sysdig" || { echo "no resolved openat of data.txt with mode 0644"; return 1; }
	grep -qF "name=data.txt(/" "$f.1.sysdig" || { echo "no relative name data.txt"; return 1; }
}

if selected roundtrip; then
	for p in files net procs; do
		expect "rt-trace-$p" "trace -w of $p: sysdig and sysray -r print the same" \
			"t_rt_trace_$p"
	done
	expect rt-trace-details "trace -w: relative openat resolved, mode in octal" \
		t_rt_trace_details
	for p in files net procs; do
		rt_live_capture "$p"
		case $? in
		0)
			eval "t_rt_live_$p() { rt_compare \"$RT_DIR/live-$p.scap\"; }"
			expect "rt-live-$p" "sysray -w of $p: sysdig and sysray -r print the same" \
				"t_rt_live_$p"
			;;
		2)
			skip "rt-live-$p" "eBPF capture not available here: $(head -c 200 \
				"$RT_DIR/live-$p.scap.err")"
			;;
		*)
			fail "rt-live-$p" "sysray -w did not run: $(head -c 300 "$RT_DIR/live-$p.scap.err")"
			;;
		esac
	done
fi
