# SPDX-License-Identifier: Apache-2.0
# (scopes) tracee's --trace scopes on the live capture: comm= (pushed into the kernel),
# pid=new (a process started before the capture and one started during it make the same
# call: only the new one shows, and its child), uid=, container=new (a container made by hand
# before the capture and one made during it), a bad scope's one-line message. And the fields
# of Falco's rules that sysdig 0.29 lacks, live and on a capture of the same run, on a program
# that runs from a memfd (tests/progs/memfdexec.c); sysdig 0.29 still reads that capture.

SC_DIR=$WORK/scopes
mkdir -p "$SC_DIR"

# sc_hold NAME COMMAND...: COMMAND in the background, held by a shell on a fifo until
# sc_go NAME; its pid (exec keeps it) in SC_PID. Its output goes to SC_DIR/NAME.prog.
sc_hold() {
	local name=$1
	shift
	rm -f "$SC_DIR/$name.go"
	mkfifo "$SC_DIR/$name.go"
	sh -c 'read x <"$1"; shift; exec "$@"' sh "$SC_DIR/$name.go" "$@" \
		>"$SC_DIR/$name.prog" 2>&1 &
	SC_PID=$!
}

sc_go() {
	echo go >"$SC_DIR/$1.go"
}

# The old process's script: it says it runs, then stat()s /etc/hostname for each line read.
SC_STATTER='import os, sys
print("ready", flush=True)
for line in sys.stdin:
    os.stat("/etc/hostname"); print(line, end="", flush=True)'

# sc_old_start: a python3 started before the capture running SC_STATTER; sets SC_OLD, SC_FD.
sc_old_start() {
	rm -f "$SC_DIR/old.in" "$SC_DIR/old.said"
	mkfifo "$SC_DIR/old.in"
	"$PY" -c "$SC_STATTER" <"$SC_DIR/old.in" >"$SC_DIR/old.said" &
	SC_OLD=$!
	exec {SC_FD}>"$SC_DIR/old.in"
	wait_until "the old process to start" grep -qx ready "$SC_DIR/old.said"
}

# sc_old_stat N: the old process stat()s once more (its Nth time) and says so.
sc_old_stat() {
	echo "$1" >&"$SC_FD"
	wait_until "the old process's stat $1" grep -qx "$1" "$SC_DIR/old.said"
}

sc_old_stop() {
	exec {SC_FD}>&-
	kill "$SC_OLD" 2>/dev/null
	wait "$SC_OLD" 2>/dev/null
}

# pid=new: the old python3 (forked before the capture) and a new one (forked during it) stat
# the same file; the new one's child (stat(1)) does too. Only the new process and its child
# show.
t_sc_pid_new() {
	local out=$SC_DIR/new.out err=$SC_DIR/new.err rc=1 new=
	sc_old_start || return 1
	if capture_start "$out" "$err" "$SYSRAY" -M 60 --trace pid=new \
		-p "%proc.pid %proc.ppid %proc.name" \
		"evt.type=newfstatat and evt.dir=< and proc.name in (python3, stat)"; then
		sc_old_stat 1
		"$PY" -c 'import os, subprocess
os.stat("/etc/hostname")
subprocess.run(["stat", "/etc/hostname"], stdout=subprocess.DEVNULL)' &
		new=$!
		wait "$new"
		sc_old_stat 2
		capture_stop
		rc=$?
	fi
	sc_old_stop
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	grep -q "^$new [0-9]* python3$" "$out" ||
		{ echo "the new process $new is missing: $(head -c 300 "$out")"; return 1; }
	grep -q "^[0-9]* $new stat$" "$out" ||
		{ echo "the new process's child is missing: $(head -c 300 "$out")"; return 1; }
	! grep -q "^$SC_OLD " "$out" ||
		{ echo "the old process $SC_OLD is in scope: $(grep -m1 "^$SC_OLD " "$out")"
		  return 1; }
}

# comm=NAME: only that name's events, and the others are dropped in the kernel (-v counts).
t_sc_comm() {
	local d=$SC_DIR/comm out=$SC_DIR/comm.out err=$SC_DIR/comm.err rc=1
	mkdir -p "$d"
	if capture_start "$out" "$err" "$SYSRAY" -v -M 60 --trace comm=files \
		-p "%proc.name %evt.type %fd.name" "evt.type in (openat, read, write) and evt.dir=<"
	then
		dd if=/dev/zero of=/dev/null bs=1 count=20000 2>/dev/null
		(cd "$d" && exec "$PROGS/files") >/dev/null 2>&1
		capture_stop
		rc=$?
	fi
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	grep -q "^files openat $d/data.txt$" "$out" ||
		{ echo "files.c's openat missing: $(head -c 300 "$out")"; return 1; }
	! grep -vq '^files ' "$out" ||
		{ echo "another process in scope: $(grep -v '^files ' "$out" | head -1)"; return 1; }
	local dropped
	dropped=$(sed -En 's/^name filter in the kernel: ([0-9]+) events dropped$/\1/p' "$err")
	[ -n "$dropped" ] && [ "$dropped" -ge 40000 ] ||
		{ echo "dd's events not dropped in the kernel: $(grep 'name filter' "$err")"
		  return 1; }
}

# uid=N: a stat(1) run as uid 4321 shows, the same stat as root does not; 'uid>0' with it.
t_sc_uid() {
	local out=$SC_DIR/uid.out err=$SC_DIR/uid.err rc=1
	sc_hold uid setpriv --reuid=4321 --regid=4321 --clear-groups stat /etc/hostname
	local other=$SC_PID
	if capture_start "$out" "$err" "$SYSRAY" -M 60 --trace uid=4321 --trace 'uid>0' \
		-p "%user.uid %proc.pid %proc.name" "evt.type=newfstatat and evt.dir=<"; then
		stat /etc/hostname >/dev/null
		sc_go uid
		wait "$other"
		capture_stop
		rc=$?
	fi
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	grep -q "^4321 $other stat$" "$out" ||
		{ echo "uid 4321's stat missing: $(head -c 300 "$out")"; return 1; }
	! grep -vq '^4321 ' "$out" ||
		{ echo "another uid in scope: $(grep -v '^4321 ' "$out" | head -1)"; return 1; }
}

# A mistyped scope: one line naming it and what is wrong, exit 1, no capture.
t_sc_bad() {
	local out rc
	out=$("$SYSRAY" -M 5 --trace pid=1 --trace 'pdi=new' evt.type=open 2>&1)
	rc=$?
	[ $rc = 1 ] && [ "$(wc -l <<<"$out")" = 1 ] &&
		grep -q "^sysray: --trace 'pdi=new': unknown scope 'pdi'" <<<"$out" ||
		{ echo "exit $rc: $out"; return 1; }
	out=$("$SYSRAY" -M 5 --trace 'pid>abc' 2>&1)
	rc=$?
	[ $rc = 1 ] && [ "$out" = "sysray: --trace 'pid>abc': 'abc' is not a number or 'new'" ] ||
		{ echo "exit $rc: $out"; return 1; }
}

# The template of Falco's fields; the memfd program's openat of data.txt by a relative path.
SC_FALCO_TPL='%proc.pid|%evt.type|%proc.exepath|%proc.pexe|%proc.pexepath|%proc.aexepath[1]|%thread.cap_effective|%proc.is_exe_from_memfd|%proc.is_exe_upper_layer|%proc.exe_ino|%proc.exe_ino.ctime|%fd.nameraw|%fd.name'

# memfdexec runs cat from a memfd under two captures at once: one prints Falco's fields,
# one writes a file; `sysray -r` of the file prints the same lines, and sysdig 0.29 reads it.
sc_falco_run() {
	local d=$SC_DIR/falco rc=1 printer
	rm -rf "$d"
	mkdir -p "$d/sub"
	echo data >"$d/data.txt"
	sc_hold falco sh -c 'cd "$1" && exec "$2" /bin/cat ./sub/..//data.txt' sh "$d" \
		"$PROGS/memfdexec"
	local pid=$SC_PID
	local flt="proc.pid=$pid and evt.type in (openat, execve, execveat)"
	SC_FALCO_PID=$pid
	capture_start "$SC_DIR/falco.out" "$SC_DIR/falco.err" "$SYSRAY" -M 60 \
		-p "$SC_FALCO_TPL" "$flt" || return $?
	printer=$CAP_BG
	if capture_start /dev/null "$SC_DIR/falco-w.err" "$SYSRAY" -M 60 -w "$SC_DIR/falco.scap" \
		"$flt"; then
		sc_go falco
		wait "$pid"
		capture_stop
		rc=$?
	fi
	CAP_BG=$printer
	capture_stop || rc=1
	return $rc
}

# Live: before the exec, memfdexec's own file; after it, the memfd (is_exe_from_memfd), with
# the same parent, root's capabilities, an inode, and the path as the call got it.
t_sc_falco_live() {
	local out=$SC_DIR/falco.out pid=$SC_FALCO_PID
	local line
	line=$(grep "^$pid|openat|.*|$SC_DIR/falco/data.txt$" "$out") ||
		{ echo "no openat of data.txt: $(head -c 400 "$out")"; return 1; }
	"$PY" - "$line" "$pid" "$PROGS/memfdexec" <<'PYEOF' || return 1
import sys
f = sys.argv[1].split("|")
pid, exepath, pexe, pexepath, a1, caps, memfd, upper, ino, ctime, raw, name = \
    f[0], f[2], f[3], f[4], f[5], f[6].split(), f[7], f[8], f[9], f[10], f[11], f[12]
problems = []
if memfd != "true": problems.append("is_exe_from_memfd " + memfd)
if upper != "false": problems.append("is_exe_upper_layer " + upper)
if not pexepath.startswith("/") or a1 != pexepath: problems.append("parent " + pexepath + " / " + a1)
if not pexe: problems.append("no pexe")
if "CAP_SYS_ADMIN" not in caps or "CAP_CHOWN" not in caps: problems.append("caps %s" % caps)
if not ino.isdigit() or int(ino) == 0: problems.append("exe_ino " + ino)
if not ctime.isdigit(): problems.append("exe_ino.ctime " + ctime)
if raw != "./sub/../data.txt": problems.append("nameraw " + raw)
if problems:
    print("; ".join(problems), "in", sys.argv[1])
    sys.exit(1)
PYEOF
	# memfdexec's own open of /bin/cat, before the exec: its own file, not a memfd
	awk -F'|' -v p="$pid" -v x="$PROGS/memfdexec" '$1 == p && $12 == "/bin/cat" &&
		$3 == x && $8 == "false" { ok = 1 } END { exit !ok }' "$out" ||
		{ echo "memfdexec's open of /bin/cat: $(grep -m1 /bin/cat "$out")"; return 1; }
}

# sc_after_exec FILE: the lines of FILE (SC_FALCO_TPL's) from memfdexec's first openat on.
sc_after_exec() {
	awk -F'|' -v x="$PROGS/memfdexec" '$2 == "openat" && $3 == x { on = 1 } on' "$1"
}

# The capture of the same run: the same lines through -r once memfdexec runs (its execve
# exit carries its executable's inode; the shell before it came from the /proc snapshot,
# whose inodes a capture file does not keep); sysdig 0.29 reads the file, and shows the
# exec's PPM_EXE_FROM_MEMFD flag (4).
t_sc_falco_capture() {
	local f=$SC_DIR/falco.scap pid=$SC_FALCO_PID
	"$SYSRAY" -r "$f" -p "$SC_FALCO_TPL" "evt.type=openat" >"$SC_DIR/falco.r.out" || return 1
	[ "$(sc_after_exec "$SC_DIR/falco.out" | wc -l)" -ge 4 ] &&
		diff <(sc_after_exec "$SC_DIR/falco.out") <(sc_after_exec "$SC_DIR/falco.r.out") ||
		{ echo "the capture reads otherwise than the live run"; return 1; }
	command -v sysdig >/dev/null || { echo "sysdig not installed"; return 1; }
	sysdig -r "$f" "proc.pid=$pid and evt.type=execve and evt.dir=<" >"$SC_DIR/falco.sysdig" \
		2>&1 || { echo "sysdig: $(head -c 300 "$SC_DIR/falco.sysdig")"; return 1; }
	grep -q ' flags=4' "$SC_DIR/falco.sysdig" ||
		{ echo "sysdig shows no memfd exec: $(head -c 400 "$SC_DIR/falco.sysdig")"; return 1; }
}

# proc.is_exe_upper_layer: on an overlayfs (as a container's root is), cat copied into the
# lower layer runs from the image (false), cat copied in through the mount lands in the upper
# layer (true). Returns 2 when overlayfs cannot be mounted here.
t_sc_overlay() {
	local d=$SC_DIR/ovl out=$SC_DIR/ovl.out err=$SC_DIR/ovl.err rc=1
	rm -rf "$d"
	mkdir -p "$d/lower" "$d/upper" "$d/work" "$d/merged"
	cp /bin/cat "$d/lower/lowercat"
	mount -t overlay overlay -o "lowerdir=$d/lower,upperdir=$d/upper,workdir=$d/work" \
		"$d/merged" 2>"$err" || return 2
	cp /bin/cat "$d/merged/uppercat"
	if capture_start "$out" "$err" "$SYSRAY" -M 60 \
		-p "%proc.name %proc.is_exe_upper_layer %proc.is_exe_from_memfd" \
		"evt.type=openat and evt.dir=< and fd.name=/etc/hostname and \
		 proc.name in (lowercat, uppercat)"; then
		"$d/merged/lowercat" /etc/hostname >/dev/null
		"$d/merged/uppercat" /etc/hostname >/dev/null
		capture_stop
		rc=$?
	fi
	umount "$d/merged"
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	printf '%s\n' "lowercat false false" "uppercat true false" | diff - "$out"
}

# container=new: container X (made by hand with 83-live-cgroups.sh's cg_setup and cg_run,
# sourced before this file) has a process before the capture, container SC_NEW (an id of
# this run: no process of an earlier run can be in it) gets its first during it, in a pid
# namespace of its own. Both stat the same file: only SC_NEW's shows, with container.start_ts
# the start of its namespace's init.
t_sc_container_new() {
	local out=$SC_DIR/cnew.out err=$SC_DIR/cnew.err rc=1 cgx=$SC_DIR/cnew.x t0 t1
	rm -f "$cgx.go"
	mkfifo "$cgx.go"
	cg_run "$CG_X" sh -c 'echo >"$1.ready"; read x <"$1.go"; stat /etc/hostname' sh "$cgx" \
		>/dev/null &
	local xpid=$!
	wait_until "container X's process" test -e "$cgx.ready" || return 1
	t0=${EPOCHREALTIME/./}000
	if capture_start "$out" "$err" "$SYSRAY" -M 60 --trace container=new \
		-p "%container.id %container.start_ts %proc.name" \
		"evt.type=newfstatat and evt.dir=< and proc.name=stat"; then
		echo go >"$cgx.go"
		wait "$xpid"
		cg_run "$SC_NEW" unshare --pid --fork stat /etc/hostname >/dev/null
		capture_stop
		rc=$?
	fi
	t1=${EPOCHREALTIME/./}000
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	grep -q "^${SC_NEW:0:12} [0-9]* stat$" "$out" ||
		{ echo "the new container's stat missing: $(head -c 300 "$out")"; return 1; }
	! grep -q "^${CG_X:0:12} " "$out" ||
		{ echo "container X is in scope: $(grep -m1 "^${CG_X:0:12}" "$out")"; return 1; }
	local ts
	ts=$(awk -v z="${SC_NEW:0:12}" '$1 == z { print $2; exit }' "$out")
	[ "$ts" -ge "$t0" ] && [ "$ts" -le "$t1" ] ||
		{ echo "container.start_ts $ts not within the run ($t0..$t1)"; return 1; }
}

if selected scopes; then
	sc_tmp=$(mktemp -d)
	capture_start /dev/null "$sc_tmp/err" "$SYSRAY" -M 10 evt.type=open
	sc_rc=$?
	[ $sc_rc = 0 ] && capture_stop
	if [ $sc_rc = 2 ]; then
		skip scopes "eBPF capture not available here: $(head -c 300 "$sc_tmp/err")"
	else
		expect scopes-bad "a mistyped scope: one line naming it, exit 1" t_sc_bad
		expect scopes-pid-new "--trace pid=new: the new process and its child, not the old" \
			t_sc_pid_new
		expect scopes-comm "--trace comm=files: only files.c, others dropped in the kernel" \
			t_sc_comm
		if command -v setpriv >/dev/null; then
			expect scopes-uid "--trace uid=4321: only that user's calls" t_sc_uid
		else
			skip scopes-uid "setpriv (util-linux) is not installed"
		fi
		if sc_falco_run; then
			expect scopes-fields-live "Falco's fields live, on a memfd exec" \
				t_sc_falco_live
			expect scopes-fields-capture "the same fields from the capture; sysdig reads it" \
				t_sc_falco_capture
		else
			fail scopes-fields "the memfd run failed: $(head -c 300 "$SC_DIR/falco.err")"
		fi
		t_sc_overlay >"$SC_DIR/ovl.log" 2>&1
		case $? in
		0) expect scopes-overlay "proc.is_exe_upper_layer on overlayfs" true ;;
		2) skip scopes-overlay "overlayfs cannot be mounted: $(head -c 200 "$SC_DIR/ovl.err")" ;;
		*) fail scopes-overlay "proc.is_exe_upper_layer: $(head -c 300 "$SC_DIR/ovl.log")" ;;
		esac
		if [ -z "${CG_PARENTS:-}" ]; then
			skip scopes-container-new "no cgroup v2 hierarchy mounted"
		elif ! cg_setup; then
			skip scopes-container-new "cannot make cgroups under $CG_V2"
		else
			SC_NEW=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
			for sc_p in $CG_PARENTS; do mkdir -p "$sc_p/docker-$SC_NEW.scope"; done
			expect scopes-container-new "--trace container=new: the container made during" \
				t_sc_container_new
			for sc_p in $CG_PARENTS; do rmdir "$sc_p/docker-$SC_NEW.scope"; done
			cg_cleanup
		fi
	fi
	rm -rf "$sc_tmp"
fi
