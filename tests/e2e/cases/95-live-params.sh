# SPDX-License-Identifier: Apache-2.0
# (live params) The dedicated events of a live capture carry their parameters with the values
# libs' drivers put there: tests/progs/paramcalls makes a fixed set of calls (lseek, fcntl,
# ioctl, poll, ppoll, futex, prlimit64, geteuid, access, stat, getcwd, nanosleep, mprotect,
# setpgid, the openat of its file) under `sysray -w`, and under `sysray trace -w`; sysdig 0.29
# reads each capture once and prints the same parameters for both. Where those syscalls were
# generic events, sysdig printed them bare (`> lseek`, `< futex`) and the openat exit without
# its device.

LP_DIR=$WORK/live-params
mkdir -p "$LP_DIR"

# lp_lines CAPTURE PROG_OUT: sysdig's lines of the program's calls from the openat of its file
# on, addresses the program printed and its directory named, the file's device as DEV.
lp_lines() {
	local futex page dev dir
	futex=$(sed -n 's/^futex word //p' "$2")
	page=$(sed -n 's/^page //p' "$2")
	dir=$(dirname "$(sed -n 's/^dir //p' "$2")/x")
	dev=$(stat -c %D "$dir/p.txt" | tr a-f A-F)
	sysdig -r "$1" -p "%evt.type %evt.dir %evt.args" >"$1.sysdig" 2>"$1.sysdig.err" ||
		{ echo "sysdig -r $1: $(head -c 300 "$1.sysdig.err")" >&2; return 1; }
	sed -n "/^openat < .* name=p.txt/,\$p" "$1.sysdig" |
		grep -E '^(openat|lseek|fcntl|ioctl|poll|ppoll|futex|prlimit|geteuid|access|stat|getcwd|nanosleep|mprotect|setpgid) ' |
		sed -e "s|$dir|DIR|g" -e "s/=$futex /=FUTEX /; s/=$page /=PAGE /" \
		    -e "s/ dev=$dev / dev=DEV /; s/argument=[0-9A-F]* /argument=ADDR /" \
		    -e "s/oldcur=[0-9-]* oldmax=[0-9-]* /oldcur=N oldmax=N /" \
		    -e "s/euid=[0-9]*([a-z0-9_-]*) /euid=UID /"
}

lp_expected() {
	cat <<'EOF2'
openat < fd=3(<f>DIR/p.txt) dirfd=-100(AT_FDCWD) name=p.txt(DIR/p.txt) flags=7(O_CREAT|O_RDWR) mode=0640 dev=DEV 
lseek > fd=3(<f>DIR/p.txt) offset=3 whence=0(SEEK_SET) 
lseek < res=3 
lseek > fd=3(<f>DIR/p.txt) offset=-2 whence=2(SEEK_END) 
lseek < res=8 
fcntl > fd=3(<f>DIR/p.txt) cmd=4(F_GETFL) 
fcntl < res=32770 
fcntl > fd=3(<f>DIR/p.txt) cmd=21(F_SETOWN_EX) 
fcntl < res=20 
ioctl > fd=3(<f>DIR/p.txt) request=541B argument=ADDR 
ioctl < res=0 
poll > fds=4:p1 5:p4 999:?1 timeout=0 
poll < res=3 fds=4:p1 5:p4 999:?40 
ppoll > fds=4:p1 timeout=1500000(0.0015s) sigmask= 
ppoll < res=1 fds=4:p1 
futex > addr=FUTEX op=129(FUTEX_PRIVATE_FLAG|FUTEX_WAKE) val=7 
futex < res=0 
prlimit > pid=0 resource=7(RLIMIT_NOFILE) 
prlimit < res=0 newcur=-1 newmax=-1 oldcur=N oldmax=N 
geteuid > 
geteuid < euid=UID 
access > mode=6(R_OK|W_OK) 
access < res=0 name=p.txt(DIR/p.txt) 
stat > 
stat < res=0 path=p.txt(DIR/p.txt) 
getcwd > 
getcwd < res=NN path=DIR 
nanosleep > interval=2000000(0.002s) 
nanosleep < res=0 
mprotect > addr=PAGE length=4096 prot=1(PROT_READ) 
mprotect < res=0 
setpgid > pid=0 pgid=0 
setpgid < res=0 
EOF2
}

# lp_check CAPTURE PROG_OUT: the capture's lines are the expected ones.
lp_check() {
	local len
	len=$(($(wc -c <<<"$(dirname "$(sed -n 's/^dir //p' "$2")/x")")))
	diff <(lp_expected | sed "s/res=NN path/res=$len path/") <(lp_lines "$1" "$2") ||
		{ echo "$1: sysdig's lines differ (< expected, > read)"; return 1; }
}

t_lp_live() {
	local dir
	dir=$(fresh_dir live-params)
	under_capture "$dir" "$PROGS/paramcalls" ready "$LP_DIR/cap.out" "$LP_DIR/cap.err" \
		"$SYSRAY" -w "$LP_DIR/live.scap" "proc.name=paramcalls"
	case $? in
	0) ;;
	2) echo "eBPF capture unavailable: $(head -c 300 "$LP_DIR/cap.err")"; return 1 ;;
	*) echo "capture failed: $(head -c 300 "$LP_DIR/cap.err")"; return 1 ;;
	esac
	[ "$CAP_PROG_STATUS" = 0 ] ||
		{ echo "paramcalls exited $CAP_PROG_STATUS: $(head -c 300 "$LP_DIR/cap.out.prog")"
		  return 1; }
	echo "dir $dir" >>"$LP_DIR/cap.out.prog"
	lp_check "$LP_DIR/live.scap" "$LP_DIR/cap.out.prog"
}

t_lp_trace() {
	local dir
	dir=$(fresh_dir trace-params)
	(cd "$dir" && "$SYSRAY" trace -o /dev/null -w "$LP_DIR/trace.scap" "$PROGS/paramcalls") \
		>"$LP_DIR/trace.out" 2>&1 ||
		{ echo "trace -w failed: $(head -c 300 "$LP_DIR/trace.out")"; return 1; }
	echo "dir $dir" >>"$LP_DIR/trace.out"
	lp_check "$LP_DIR/trace.scap" "$LP_DIR/trace.out"
}

if ! command -v sysdig >/dev/null; then
	skip live-params "sysdig is not installed (apt-get install -y sysdig)"
elif [ ! -e /sys/kernel/btf/vmlinux ]; then
	skip lp-live "no BTF: eBPF capture not available here"
	expect lp-trace "trace -w: sysdig reads each call's parameters" t_lp_trace
else
	expect lp-live "live -w: sysdig reads each call's parameters as libs' drivers give them" \
		t_lp_live
	expect lp-trace "trace -w: sysdig reads each call's parameters" t_lp_trace
fi
