# SPDX-License-Identifier: Apache-2.0
# (h) eBPF capture: `sysray capture` filtered to one process (tests/progs/files.c) sees its
# syscalls with the right paths, lengths, data and exit; --syscalls is enforced in the kernel;
# the number of events and drops is reported.

BPF_DIR=$WORK/bpf
mkdir -p "$BPF_DIR"

# bpf_capture TAG CAPTURE_OPTIONS...: runs files.c in a fresh directory under a capture
# filtered to its pid; sets BPF_OUT, BPF_ERR and BPF_PID. Returns 2 when eBPF capture is not
# available here (the reason is in BPF_WHY), 1 on other failures.
bpf_capture() {
	local tag=$1
	shift
	local dir rc
	dir=$(fresh_dir "bpf-$tag")
	BPF_OUT=$BPF_DIR/$tag.out
	BPF_ERR=$BPF_DIR/$tag.err
	under_capture "$dir" "$PROGS/files" attached "$BPF_OUT" "$BPF_ERR" \
		"$SYSRAY" capture --pid @PID@ -M 60 "$@"
	rc=$?
	BPF_PID=$CAP_PID
	if ! grep -q '^capture: attached' "$BPF_ERR"; then
		BPF_WHY=$(head -c 300 "$BPF_ERR")
		grep -q 'eBPF capture unavailable\|unknown command' "$BPF_ERR" && return 2
		return 1
	fi
	return $rc
}

# busy_load N: N read syscalls a second until killed, so that a capture of the whole system
# reaches its -n limit on an idle machine too (a CI runner may make no syscall for seconds).
busy_load() {
	while :; do
		dd if=/dev/zero of=/dev/null bs=1 count="$1" 2>/dev/null
		sleep 1
	done
}

# The lines of BPF_OUT for thread TID, direction DIR and event NAME.
bpf_lines() {
	awk -v tid="$1" -v dir="$2" -v name="$3" '$4 == tid && $5 == dir && $6 == name' "$BPF_OUT"
}

# (the exit also names the file's device and inode, as sysdig's driver does)
t_bpf_open() {
	bpf_lines "$BPF_PID" '<' openat |
		grep -q ' dirfd=-100(AT_FDCWD) name=data.txt flags=0x106 mode=420 dev=[0-9]* ino=[1-9][0-9]*$' &&
	bpf_lines "$BPF_PID" '<' openat |
		grep -q ' dirfd=-100(AT_FDCWD) name=data.txt flags=0x1001 mode=0 dev=[0-9]* ino=[1-9][0-9]*$'
}

t_bpf_write() {
	bpf_lines "$BPF_PID" '<' write | grep -qF ' res=16 data=hello.... world. fd=' &&
	bpf_lines "$BPF_PID" '>' write | grep -q ' size=16$' &&
	bpf_lines "$BPF_PID" '<' write |
		grep -qF ' res=36 data=0123456789abcdefghijklmnopqrstuvwxyz fd='
}

t_bpf_read() {
	bpf_lines "$BPF_PID" '<' read |
		grep -qF ' res=40 data=helXY.... world.0123456789abcdefghijklmn fd=' &&
	bpf_lines "$BPF_PID" '<' read | grep -q ' res=3 data=\.\.\. fd=[0-9]* size=3$'
}

# The fd openat returned for data.txt (read-only) is the one read and closed.
t_bpf_close() {
	local fd
	fd=$(bpf_lines "$BPF_PID" '<' openat | grep ' name=data.txt flags=0x1001 ' |
		sed -n 's/.* fd=\([0-9]*\) dirfd=.*/\1/p' | head -1)
	[ -n "$fd" ] &&
	bpf_lines "$BPF_PID" '>' close | grep -q " fd=$fd\$" &&
	bpf_lines "$BPF_PID" '<' close | grep -q " res=0 fd=$fd\$" &&
	bpf_lines "$BPF_PID" '<' read | grep -q " res=40 .* fd=$fd size=64\$"
}

t_bpf_exit() {
	bpf_lines "$BPF_PID" '>' procexit | grep -q ' status=0 ret=0 sig=0 core=0$' &&
	bpf_lines "$BPF_PID" '<' execve | grep -q " res=0 exe=$PROGS/files .* comm=files"
}

# Only the filtered process shows up, and the summary counts every printed event.
t_bpf_pid_only() {
	[ -s "$BPF_OUT" ] &&
	awk -v tid="$BPF_PID" '$4 != tid { bad = 1 } END { exit bad }' "$BPF_OUT" &&
	[ "$(tail -1 "$BPF_ERR")" = "$(wc -l <"$BPF_OUT") events, 0 dropped" ]
}

# Nothing but openat and close, though userspace filters nothing: the kernel did.
t_bpf_syscalls() {
	[ -s "$BPF_OUT" ] &&
	awk '$6 != "openat" && $6 != "close" { bad = 1 } END { exit bad }' "$BPF_OUT" &&
	bpf_lines "$BPF_PID" '<' openat | grep -q ' name=data.txt flags=0x1001 ' &&
	grep -Eq '^[0-9]+ events, [0-9]+ dropped$' "$BPF_ERR"
}

t_bpf_count() {
	awk '$2 == "openat" && $1 >= 4 { ok = 1 } END { exit !ok }' "$BPF_OUT" &&
	awk '$2 == "procexit" && $1 == 1 { ok = 1 } END { exit !ok }' "$BPF_OUT" &&
	grep -Eq '^[0-9]+ events, [0-9]+ dropped$' "$BPF_ERR"
}

t_bpf_limit() {
	local err
	local rc load
	busy_load 2000 &
	load=$!
	err=$(timeout 60 "$SYSRAY" capture -q -n 5 2>&1 >/dev/null)
	rc=$?
	kill_tree "$load" TERM
	wait "$load"
	[ $rc -eq 0 ] && grep -Eq '^5 events, [0-9]+ dropped$' <<<"$err"
}

t_bpf_bad_syscall() {
	local err
	! err=$("$SYSRAY" capture --syscalls openat,nosuch 2>&1) &&
	grep -q "unknown syscall 'nosuch'" <<<"$err"
}

# -w: the capture file (the files.c run, its pid only) is read by sysdig 0.29 and by us, with
# the process name and the paths of the fds it used.
t_bpf_scap_sysdig() {
	local out=$BPF_DIR/scap.sysdig
	command -v sysdig >/dev/null || { echo "sysdig not installed"; return 1; }
	sysdig -r "$BPF_DIR/files.scap" -p "%evt.type %evt.dir %proc.name %fd.name" >"$out" 2>&1 &&
	grep -Eq '^openat < files /.*/data\.txt$' "$out" &&
	grep -Eq '^write < files /.*/data\.txt$' "$out" &&
	grep -Eq '^read < files /.*/data\.txt$' "$out" &&
	grep -Eq '^close > files /.*/data\.txt$' "$out" &&
	! grep -qv ' files \| sh ' "$out"
}

t_bpf_scap_ours() {
	local out=$BPF_DIR/scap.dump n
	"$SYSRAY" scap-dump "$BPF_DIR/files.scap" >"$out" 2>&1 &&
	grep -q ' openat nparams=7 code=307$' "$out" &&
	grep -Eq '^metadata: machine yes, .* [1-9][0-9]* threads, [1-9][0-9]* fds$' "$out" &&
	n=$(sed -n 's/^\([0-9]*\) events, .*/\1/p' "$BPF_ERR") &&
	[ "$(grep -c ' nparams=' "$out")" = "$n" ]
}

# -n ends a gzip capture: complete, readable by both readers, with exactly N events.
t_bpf_scap_gzip_n() {
	local f=$BPF_DIR/n.scap.gz rc load
	busy_load 2000 &
	load=$!
	timeout 60 "$SYSRAY" capture -z -w "$f" -n 300 2>/dev/null
	rc=$?
	kill_tree "$load" TERM
	wait "$load"
	[ $rc -eq 0 ] && gzip -t "$f" &&
	[ "$("$SYSRAY" scap-dump "$f" 2>/dev/null | grep -c ' nparams=')" = 300 ] &&
	{ ! command -v sysdig >/dev/null || [ "$(sysdig -r "$f" | wc -l)" = 300 ]; }
}

# A full disk stops the capture with a message; the file is cut to whole blocks and read
# without an error by both readers.
t_bpf_scap_full() {
	local mnt=$BPF_DIR/full err n
	mkdir -p "$mnt"
	mount -t tmpfs -o size=1m tmpfs "$mnt" || { echo "cannot mount a tmpfs"; return 1; }
	# The load runs until the capture ends: a load that finished before the capture attached
	# would leave an idle runner's 1 MB unfilled.
	busy_load 200000 &
	local load=$!
	err=$(timeout 60 "$SYSRAY" capture -w "$mnt/a.scap" -s 1000 -M 20 2>&1)
	local rc=$?
	kill_tree "$load" TERM
	wait "$load"
	n=$(sed -n 's/.*the file keeps the \([0-9]*\) events written before$/\1/p' <<<"$err")
	[ $rc -ne 0 ] && [ -n "$n" ] && grep -q 'No space left on device' <<<"$err" &&
	[ "$("$SYSRAY" scap-dump "$mnt/a.scap" 2>/dev/null | grep -c ' nparams=')" = "$n" ] &&
	{ ! command -v sysdig >/dev/null || [ "$(sysdig -r "$mnt/a.scap" | wc -l)" = "$n" ]; }
	rc=$?
	umount "$mnt"
	return $rc
}

if selected bpf; then
	bpf_capture all
	case $? in
	0)
		expect bpf-open "openat exit with path, PPM flags and mode" t_bpf_open
		expect bpf-write "write exit with length and data prefix" t_bpf_write
		expect bpf-read "read exit with length and data prefix" t_bpf_read
		expect bpf-close "close of the fd openat returned" t_bpf_close
		expect bpf-exit "execve exit and procexit" t_bpf_exit
		expect bpf-pid-only "only the filtered pid, every event counted" t_bpf_pid_only
		bpf_capture syscalls --syscalls openat,close
		expect bpf-syscalls "--syscalls filters in the kernel" t_bpf_syscalls
		bpf_capture count -q --count
		expect bpf-count "--count per-syscall totals" t_bpf_count
		expect bpf-limit "-n stops after N events" t_bpf_limit
		expect bpf-bad-syscall "unknown syscall name rejected" t_bpf_bad_syscall
		bpf_capture scap -w "$BPF_DIR/files.scap"
		expect bpf-scap-sysdig "-w file read by sysdig 0.29: names and paths" \
			t_bpf_scap_sysdig
		expect bpf-scap-ours "-w file read by scap-dump: every event, metadata" \
			t_bpf_scap_ours
		expect bpf-scap-gzip-n "-z -w with -n: complete gzip file" t_bpf_scap_gzip_n
		expect bpf-scap-full "-w on a full disk: stopped, whole blocks kept" t_bpf_scap_full
		;;
	2)
		skip bpf "eBPF capture not available here: $BPF_WHY"
		;;
	*)
		fail bpf "capture failed: $(head -c 300 "$BPF_ERR")"
		;;
	esac
fi

# Without the privileges, the capture says which ones it needs (the feature probes, failing
# for want of them, read as a kernel without ring buffers), and fails.
t_bpf_unprivileged() {
	local dir out rc
	dir=$(mktemp -d /tmp/sysray-bpf-priv.XXXXXX)
	cp "$SYSRAY" "$dir/sysray" && chmod 755 "$dir" "$dir/sysray"
	out=$(setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
		"$dir/sysray" -M 1 2>&1)
	rc=$?
	rm -rf "$dir"
	[ $rc -ne 0 ] && grep -q 'needs root, or CAP_BPF and CAP_PERFMON' <<<"$out" ||
		{ echo "exit $rc: $out"; return 1; }
}
expect bpf-unprivileged "an unprivileged capture names the privileges it needs" t_bpf_unprivileged
