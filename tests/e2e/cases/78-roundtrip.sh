# SPDX-License-Identifier: Apache-2.0
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
		# sysdig beside sysray: two cores
		sysdig -r "$f" -p "$t" >"$f.$i.sysdig" 2>&1 &
		"$SYSRAY" -r "$f" -p "$t" 2>&1 | sed 's/^sysray: //' >"$f.$i.sysray"
		wait $!
		cmp -s "$f.$i.sysdig" "$f.$i.sysray" || {
			echo "template '$t': diff $f.$i.sysdig $f.$i.sysray"
			diff "$f.$i.sysdig" "$f.$i.sysray" | head -6
			return 1
		}
	done
}

# rt_param_counts FILE...: every event of every FILE has its code's parameter count in current
# libs, or one their converter accepts (tests/data/scap-param-counts.tsv); anything else makes
# them refuse the whole file.
rt_param_counts() {
	local f bad
	for f in "$@"; do
		bad=$("$SYSRAY" scap-dump "$f" 2>/dev/null | awk '
			FNR == NR { if ($1 !~ /^#/) { head[$1] = $3; ok[$1] = "," $4 "," } next }
			/ nparams=[0-9]+ code=[0-9]+/ {
				n = $0; sub(/.* nparams=/, "", n); sub(/ .*/, "", n)
				c = $0; sub(/.* code=/, "", c); sub(/ .*/, "", c)
				if (!(c in head)) bad[c " (unknown code)"]++
				else if (n != head[c] && index(ok[c], "," n ",") == 0)
					bad[c " with " n " parameters (libs: " head[c] ok[c] ")"]++
				events++
			}
			END { for (k in bad) print k; if (!events) print "no event" }' \
			"$E2E_DIR/../data/scap-param-counts.tsv" -)
		[ -z "$bad" ] || { echo "$f: $bad" | head -5; return 1; }
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
	under_capture "$dir" "$PROGS/$prog" ready "$f.out" "$f.err" \
		"$SYSRAY" -M 60 -w "$f" "proc.pid=@PID@ or proc.apid=@PID@"
}

# rt_raw_layout FILE: what current libs read differently from sysdig 0.29, checked on the
# bytes. No generic exit with nativeID 0xffff (orig_ax -1 at sys_exit: rt_sigreturn, whose
# exit the drivers never write); execve exits leave empty the strings they do not know past
# the 20 parameters 0.29 reads (trusted_exepath 27, filename 30): libs take "(NULL)" or ""
# for the executable's path. PROGS/procs handles a signal, so its capture holds rt_sigreturn.
rt_raw_layout() {
	"$PY" - "$1" <<'PYEOF'
import struct, sys
d = open(sys.argv[1], 'rb').read()
off, execs, sigret = 0, 0, 0
while off + 12 <= len(d):
    bt, bl = struct.unpack_from('<II', d, off)
    if bt in (0x216, 0x217):  # EV_V2, EVF_V2
        h = off + 10 + (4 if bt == 0x217 else 0)
        ts, tid, ln, typ, np = struct.unpack_from('<QqIHI', d, h)
        lens = struct.unpack_from('<%dH' % np, d, h + 26)
        vals, p = [], h + 26 + 2 * np
        for l in lens:
            vals.append(d[p:p + l]); p += l
        if typ in (0, 1) and np >= 2:
            nid = struct.unpack('<H', vals[1])[0]
            assert typ == 0 or nid != 0xffff, "generic exit with nativeID 0xffff, tid %d" % tid
            sigret += typ == 0 and nid == 15
        if typ == 293 and np == 31:
            execs += 1
            for i in (27, 30):
                assert vals[i] not in (b'\0', b'(NULL)\0'), \
                    "execve exit param %d written as %r, not empty" % (i, vals[i])
    off += bl
print("execve exits %d, rt_sigreturn enters %d" % (execs, sigret))
PYEOF
}

# A process that drops to nobody (setresuid/setresgid), then execs a shell that prints, from
# /proc, what its execve exit must carry: its pid, stat (pgrp, tty_nr), loginuid, capability
# sets (CAP_NET_RAW kept as an ambient capability) and the inode of its executable. Its
# environment holds a marker.
RT_CREDS_PROG=$RT_DIR/exec-as-nobody.sh
cat >"$RT_CREDS_PROG" <<'SHEOF'
#!/bin/sh
exec env RT_CREDS_MARK=seen-by-execve setpriv --reuid=65534 --regid=65534 --clear-groups \
	--inh-caps=+net_raw --ambient-caps=+net_raw /bin/sh -c 'echo "pid $$"; echo "stat $(cat /proc/$$/stat)"
		echo "loginuid $(cat /proc/$$/loginuid)"; grep "^Cap[IPE][nrf][hmf]:" /proc/$$/status
		echo "exe_ino $(stat -L -c %i /proc/$$/exe)"'
SHEOF
chmod 755 "$RT_CREDS_PROG"

# rt_creds_raw FILE OUT: the execve exit of the shell RT_CREDS_PROG started (its printout in
# OUT) holds, on the bytes, the values /proc gave: env (15), tty (16), vpgid (17), loginuid
# (18), cap_inheritable/permitted/effective (20-22), exe_ino (23), uid (26, euid), pgid (28)
# and gid (29, egid), as current libs read them (sysdig 0.29 reads the first 20).
rt_creds_raw() {
	"$PY" - "$1" "$2" <<'PYEOF'
import struct, sys
d = open(sys.argv[1], 'rb').read()
want = {}
for line in open(sys.argv[2], errors='replace'):
    k, v = (line.split(None, 1) + [''])[:2]
    if k in ('pid', 'loginuid', 'exe_ino'):
        want[k] = int(v)
    elif k == 'stat':
        f = v[v.rindex(')') + 2:].split()	# fields from 3 on
        want['pgrp'], want['tty'] = int(f[2]), int(f[4])
    elif k.startswith('Cap'):
        want[k[:-1]] = int(v, 16)
assert len(want) == 8, "the shell's printout is incomplete: %r" % want
assert want['CapEff'] == 1 << 13, "CAP_NET_RAW not kept: %r" % want
off, found = 0, None
while off + 12 <= len(d):
    bt, bl = struct.unpack_from('<II', d, off)
    if bt in (0x216, 0x217):
        h = off + 10 + (4 if bt == 0x217 else 0)
        ts, tid, ln, typ, np = struct.unpack_from('<QqIHI', d, h)
        if typ == 293 and tid == want['pid'] and np >= 30:
            lens = struct.unpack_from('<%dH' % np, d, h + 26)
            vals, p = [], h + 26 + 2 * np
            for l in lens:
                vals.append(d[p:p + l]); p += l
            found = vals
    off += bl
assert found, "no execve exit of pid %d" % want['pid']
v = found
num = lambda i: int.from_bytes(v[i], 'little')
checks = [('env', b'RT_CREDS_MARK=seen-by-execve\0' in v[15], v[15][:60]),
          ('tty', num(16) == want['tty'], num(16)), ('vpgid', num(17) == want['pgrp'], num(17)),
          ('loginuid', num(18) == want['loginuid'] & 0xffffffff, num(18)),
          ('cap_inheritable', num(20) == want['CapInh'], hex(num(20))),
          ('cap_permitted', num(21) == want['CapPrm'], hex(num(21))),
          ('cap_effective', num(22) == want['CapEff'], hex(num(22))),
          ('exe_ino', num(23) == want['exe_ino'], num(23)), ('uid', num(26) == 65534, num(26)),
          ('pgid', num(28) == want['pgrp'], num(28)), ('gid', num(29) == 65534, num(29))]
bad = ["%s=%r" % (n, got) for n, ok, got in checks if not ok]
assert not bad, "execve exit: %s (want %r)" % (", ".join(bad), want)
print("execve exit of pid %d: all values as /proc gave them" % want['pid'])
PYEOF
}

# rt_creds_check FILE OUT: the raw values, then sysdig and sysray -r print the same lines, and
# both name the exec'd shell's user nobody.
rt_creds_check() {
	local f=$1 out=$2
	rt_creds_raw "$f" "$out" || return 1
	rt_compare "$f" || return 1
	local t="%proc.name %user.uid %user.name %group.gid" F="evt.type=execve and evt.dir=<"
	[ "$("$SYSRAY" -r "$f" -p "$t" "$F and proc.name=sh")" = "sh 65534 nobody 65534" ] ||
		{ echo "sysray -r: $("$SYSRAY" -r "$f" -p "$t" "$F" | tr '\n' ';')"; return 1; }
	sysdig -r "$f" -p "$t" "$F" | grep -qx "sh 65534 nobody 65534" ||
		{ echo "sysdig: $(sysdig -r "$f" -p "$t" "$F" | tr '\n' ';')"; return 1; }
}

t_rt_trace_creds() {
	local f=$RT_DIR/trace-creds.scap dir
	dir=$(fresh_dir rt-trace-creds)
	(cd "$dir" && "$SYSRAY" trace -f -w "$f" "$RT_CREDS_PROG") >"$f.out" 2>&1 ||
		{ echo "trace -w failed: $(head -c 300 "$f.out")"; return 1; }
	rt_creds_check "$f" "$f.out"
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

# trace -w names the sockets accept and connect return as the eBPF source does: the accepted
# TCP socket's tuple (remote end first), the connected one's (local end first), the unix
# socket's ids and path; sysdig's lines, which rt-trace-net compared with sysray's.
t_rt_trace_tuples() {
	local f=$RT_DIR/trace-net.scap.1.sysdig tcp='127\.0\.0\.1:[0-9]+->127\.0\.0\.1:[0-9]+'
	grep -Eq " accept < net [0-9]+ $tcp fd=[0-9]+\(<4t>$tcp\) tuple=$tcp " "$f" ||
		{ echo "no accept exit with its TCP tuple in $f"; return 1; }
	grep -Eq " connect < net [0-9]+ $tcp res=0 tuple=$tcp" "$f" ||
		{ echo "no connect exit with its TCP tuple in $f"; return 1; }
	# the unix client's id (its inode) on both ends; the accepted end has no inode yet when
	# connect returns, so the client's tuple names no peer id
	local cli
	cli=$(sed -En 's/.* connect < net [0-9]+ 0->([0-9a-f]+) net\.sock res=0 .*/\1/p' "$f")
	[ -n "$cli" ] || { echo "no connect exit with its unix tuple in $f"; return 1; }
	grep -Eq " accept < net [0-9]+ [0-9a-f]+->$cli net\.sock fd=[0-9]+\(<u>" "$f" ||
		{ echo "no accept exit with the unix tuple of client $cli in $f"; return 1; }
}

if selected roundtrip; then
	for p in files net procs; do
		expect "rt-trace-$p" "trace -w of $p: sysdig and sysray -r print the same" \
			"t_rt_trace_$p"
	done
	expect rt-trace-details "trace -w: relative openat resolved, mode in octal" \
		t_rt_trace_details
	expect rt-trace-tuples "trace -w: accept and connect exits carry the socket's tuple" \
		t_rt_trace_tuples
	expect rt-trace-creds "trace -w: execve exit's env, tty, pgid, loginuid, caps, uid, gid" \
		t_rt_trace_creds
	t_rt_trace_raw() { rt_raw_layout "$RT_DIR/trace-procs.scap"; }
	expect rt-trace-raw "trace -w: execve exits leave unknown strings past 0.29's empty" \
		t_rt_trace_raw
	t_rt_trace_counts() {
		rt_param_counts "$RT_DIR"/trace-{files,net,procs}.scap
	}
	expect rt-trace-counts "trace -w: every event's parameter count is one current libs read" \
		t_rt_trace_counts
	f=$RT_DIR/live-creds.scap
	under_capture "$(fresh_dir rt-live-creds)" "$RT_CREDS_PROG" ready "$f.out" "$f.err" \
		"$SYSRAY" -M 60 -w "$f" "proc.pid=@PID@ or proc.apid=@PID@"
	case $? in
	0)
		t_rt_live_creds() { rt_creds_check "$RT_DIR/live-creds.scap" \
			"$RT_DIR/live-creds.scap.out.prog"; }
		expect rt-live-creds "sysray -w: execve exit's env, tty, pgid, loginuid, caps, uid, gid" \
			t_rt_live_creds
		;;
	2) skip rt-live-creds "eBPF capture not available here: $(head -c 200 "$f.err")" ;;
	*) fail rt-live-creds "sysray -w did not run: $(head -c 300 "$f.err")" ;;
	esac
	for p in files net procs; do
		rt_live_capture "$p"
		case $? in
		0)
			eval "t_rt_live_$p() { rt_compare \"$RT_DIR/live-$p.scap\"; }"
			expect "rt-live-$p" "sysray -w of $p: sysdig and sysray -r print the same" \
				"t_rt_live_$p"
			eval "t_rt_live_raw_$p() { rt_raw_layout \"$RT_DIR/live-$p.scap\"; }"
			expect "rt-live-raw-$p" \
				"sysray -w of $p: no rt_sigreturn exit, execve's strings past 0.29's empty" \
				"t_rt_live_raw_$p"
			eval "t_rt_live_counts_$p() { rt_param_counts \"$RT_DIR/live-$p.scap\"; }"
			expect "rt-live-counts-$p" \
				"sysray -w of $p: every event's parameter count is one current libs read" \
				"t_rt_live_counts_$p"
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
