# SPDX-License-Identifier: Apache-2.0
# (live) `sysray [options] [FILTER]` without -r: system-wide capture through eBPF, printed as
# the -r path prints (state, fields, filter, formats). tests/progs/files.c runs under a
# filtered capture; its data.txt operations must give exact lines, -j must be JSON, -w must be
# read alike by sysdig 0.29 and sysray -r, and the eBPF view must agree with the ptrace view.

LIVE_DIR=$WORK/live
mkdir -p "$LIVE_DIR"

# live_run TAG SYSRAY_ARGS...: runs files.c in a fresh directory under `sysray -M 60 ARGS`,
# let go once it polls its ring (live mode prints no attach line), stopped by SIGINT after
# the program ended. Sets LIVE_OUT, LIVE_ERR, LIVE_RUN_DIR. The process's cwd comes from the
# shell's chdir event. Returns 2 when eBPF is missing.
live_run() {
	local tag=$1
	shift
	LIVE_RUN_DIR=$(fresh_dir "live-$tag")
	LIVE_OUT=$LIVE_DIR/$tag.out
	LIVE_ERR=$LIVE_DIR/$tag.err
	under_capture "$LIVE_RUN_DIR" "$PROGS/files" ready "$LIVE_OUT" "$LIVE_ERR" \
		"$SYSRAY" -M 60 "$@"
}

LIVE_TPL="%evt.type %evt.dir %proc.name %fd.name %evt.res"
LIVE_FLT="proc.name=files and evt.type in (openat,read,write,close)"

# The data.txt lines of io(), metadata() and failures(), in order. Enter events have no
# evt.res (and openat's no fd.name): without a leading *, -p skips them, as sysdig does.
t_live_lines() {
	local d=$LIVE_RUN_DIR/data.txt
	diff <(grep -F " $d " "$LIVE_OUT") - <<EOF
openat < files $d SUCCESS
write < files $d SUCCESS
write < files $d SUCCESS
close < files $d SUCCESS
openat < files $d SUCCESS
read < files $d SUCCESS
read < files $d SUCCESS
read < files $d SUCCESS
close < files $d SUCCESS
openat < files $d SUCCESS
write < files $d SUCCESS
close < files $d SUCCESS
openat < files $d SUCCESS
close < files $d SUCCESS
openat < files $d EEXIST
EOF
}

# Nothing but the filtered process and syscalls; the counts end the run on stderr (matched
# counts the events the filter let through, printed or not).
t_live_only() {
	[ -s "$LIVE_OUT" ] &&
	awk '$3 != "files" || ($1 != "openat" && $1 != "read" && $1 != "write" &&
	     $1 != "close") { bad = 1 } END { exit bad }' "$LIVE_OUT" &&
	grep -Eq '^[0-9]+ events, [0-9]+ matched, 0 dropped$' "$LIVE_ERR" &&
	[ "$(sed -En 's/.* ([0-9]+) matched.*/\1/p' "$LIVE_ERR")" -ge "$(wc -l <"$LIVE_OUT")" ]
}

# -j: one JSON object per event with the template's fields, typed, on stdout; the run's counts
# as one more object on stderr.
t_live_json() {
	"$PY" - "$LIVE_OUT" "$LIVE_RUN_DIR/data.txt" "$LIVE_ERR" <<'PYEOF'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
objs = [json.loads(l) for l in lines]
assert all("events" not in o for o in objs), "counts on stdout"
last = json.loads(open(sys.argv[3]).read().splitlines()[-1])
assert set(last) == {"events", "matched", "drops"}, last
assert last["matched"] >= len(objs) > 0, (last, len(objs))
assert isinstance(last["drops"], int)
hits = [o for o in objs if o.get("fd.name") == sys.argv[2]]
assert hits, "no data.txt events"
for o in objs:
    assert o["proc.name"] == "files", o
    assert isinstance(o["evt.rawres"], int), o
first = [o for o in hits if o["evt.dir"] == "<"][0]
assert first["evt.type"] == "openat" and first["evt.rawres"] >= 3, first
PYEOF
}

t_live_filter_ok() {
	"$SYSRAY" -M 1 "evt.type=accept and proc.name!=nginx" >/dev/null 2>"$LIVE_DIR/acc.err" &&
	grep -Eq '^[0-9]+ events, [0-9]+ matched, [0-9]+ dropped$' "$LIVE_DIR/acc.err"
}

# A mistyped filter: the error quotes the filter and points at the field; no capture runs.
t_live_filter_bad() {
	local err
	err=$("$SYSRAY" -M 5 "evt.type=open and proc.nmae=cat" 2>&1 >/dev/null)
	[ $? -eq 1 ] &&
	grep -q "unknown field 'proc.nmae'" <<<"$err" &&
	grep -q '^  evt.type=open and proc.nmae=cat$' <<<"$err" &&
	! grep -q 'events,' <<<"$err"
}

# -w: both readers print the same lines from the file: the matched events of files.c (the
# state-only events written for the readers' state are not shown by either).
t_live_write() {
	local f=$LIVE_DIR/files.scap n
	local tpl="%evt.num %evt.type %evt.dir %proc.name %thread.tid %proc.pid %proc.cwd"
	tpl+=" %fd.name %fd.num %fd.type %evt.res %evt.rawres %evt.failed %user.name"
	command -v sysdig >/dev/null || { echo "sysdig not installed"; return 1; }
	[ ! -s "$LIVE_OUT" ] &&
	sysdig -r "$f" -p "$tpl" >"$LIVE_DIR/w.sysdig" 2>&1 &&
	"$SYSRAY" -r "$f" -p "$tpl" >"$LIVE_DIR/w.sysray" 2>&1 &&
	diff "$LIVE_DIR/w.sysdig" "$LIVE_DIR/w.sysray" >/dev/null &&
	grep -q "^[0-9]* openat < files [0-9]* [0-9]* $LIVE_RUN_DIR/ $LIVE_RUN_DIR/data.txt 3 file SUCCESS 3 false root$" "$LIVE_DIR/w.sysray" &&
	! grep -v " files " "$LIVE_DIR/w.sysray" | grep -q . &&
	n=$(sed -En 's/.* ([0-9]+) matched.*/\1/p' "$LIVE_ERR") &&
	[ "$(sysdig -r "$f" | wc -l)" = "$n" ] && [ "$("$SYSRAY" -r "$f" | wc -l)" = "$n" ]
}

# ptrace and eBPF agree on files.c: the same openat/read/write/close calls with the same
# paths, fds and results. One line per call: "openat PATH RES" or "NAME FD RES", RES the
# return value or the errno name.
t_live_parity() {
	local dir ebpf=$LIVE_DIR/parity.ebpf ptr=$LIVE_DIR/parity.ptrace
	awk '$2 == "<" {
		res = $3 < 0 ? $4 : $3
		# the name as passed: sysdig shows a relative one resolved in parentheses
		if ($1 == "openat") {
			p = ""
			if (match($0, / name=[^ (]*/)) p = substr($0, RSTART + 6, RLENGTH - 6)
			print "openat " p " " res
		}
		else print $1 " " $5 " " res
	}' "$LIVE_OUT" >"$ebpf"
	dir=$(fresh_dir live-parity-ptrace)
	(cd "$dir" && "$SYSRAY" trace -f -e trace=openat,read,write,close "$PROGS/files") \
		2>"$LIVE_DIR/parity.trace" >/dev/null
	sed -E 's/^\[pid +[0-9]+\] //' "$LIVE_DIR/parity.trace" | awk '
	/^(openat|read|write|close)\(/ && / = / {
		name = substr($0, 1, index($0, "(") - 1)
		args = substr($0, index($0, "(") + 1)
		r = $0; sub(/.* = /, "", r); split(r, rr, " ")
		res = rr[1] == "-1" ? rr[2] : rr[1]
		if (name == "openat") {
			match(args, /"[^"]*"/)
			print "openat " substr(args, RSTART + 1, RLENGTH - 2) " " res
		} else {
			split(args, a, ","); sub(/\).*/, "", a[1]); print name " " a[1] " " res
		}
	}' >"$ptr"
	[ -s "$ptr" ] && diff "$ptr" "$ebpf"
}

if selected live; then
	live_run lines -p "$LIVE_TPL" "$LIVE_FLT"
	case $? in
	0)
		expect live-lines "exact lines for files.c's data.txt calls" t_live_lines
		expect live-only "only the filtered process and calls; counts" t_live_only
		live_run json -j -p "%evt.type %evt.dir %proc.name %fd.name %evt.rawres" \
			"$LIVE_FLT"
		expect live-json "-j: JSON objects with typed fields, final counts" t_live_json
		expect live-filter-ok "evt.type=accept and proc.name!=nginx accepted" \
			t_live_filter_ok
		expect live-filter-bad "mistyped filter: error, exit 1, no capture" \
			t_live_filter_bad
		live_run write -w "$LIVE_DIR/files.scap" "proc.name=files"
		expect live-write "-w file: sysdig -r and sysray -r print the same" t_live_write
		live_run parity -p "*%evt.type %evt.dir %evt.rawres %evt.res %fd.num %evt.args" \
			"$LIVE_FLT"
		expect live-parity "eBPF and ptrace see the same calls of files.c" t_live_parity
		;;
	2)
		skip live "eBPF capture not available here: $(head -c 300 "$LIVE_ERR")"
		;;
	*)
		fail live "live capture failed: $(head -c 300 "$LIVE_ERR")"
		;;
	esac
fi
