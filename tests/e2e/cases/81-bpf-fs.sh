# SPDX-License-Identifier: Apache-2.0
# (h) eBPF dedicated events of files, descriptors, directories, signals, credentials and
# mappings: tests/progs/fsops.c under `sysray capture --pid` gives each event with its exact
# parameters; under `sysray -p` the state follows chdir, dup2 and pipe2; its -w file is read by
# sysdig 0.29 with the same fd names and working directories as by `sysray -r`.

FS_DIR=$WORK/bpf-fs
mkdir -p "$FS_DIR"

# fs_run TAG SYSRAY_ARGS...: runs fsops in a fresh directory under `sysray ARGS`, where @PID@
# stands for the program's pid (known before it makes a syscall: it waits on a fifo). A
# capture is let go at its attach line, live sysray once it polls its ring. Sets FS_OUT, FS_ERR, FS_PID,
# FS_RUN_DIR. Returns 2 when eBPF capture is not available here, 1 when fsops failed.
fs_run() {
	local tag=$1 wait=ready
	shift
	FS_RUN_DIR=$(fresh_dir "bpf-fs-$tag")
	FS_OUT=$FS_DIR/$tag.out
	FS_ERR=$FS_DIR/$tag.err
	[ "$1" = capture ] && wait=attached
	under_capture "$FS_RUN_DIR" "$PROGS/fsops" "$wait" "$FS_OUT" "$FS_ERR" "$SYSRAY" "$@"
	[ $? -eq 2 ] && return 2
	FS_PID=$CAP_PID
	[ "$CAP_PROG_STATUS" -eq 0 ]
}

# The capture lines of the program's main thread from its first file operation on, as
# "DIR NAME ARGS", without the loader's and libc's syscalls. The first creat's path may be
# unreadable at its enter (a page not faulted in yet): it is read again at the exit.
fs_events() {
	awk -v tid="$FS_PID" '$4 == tid { $1 = $2 = $3 = $4 = ""; sub(/^ +/, ""); print }' \
		"$FS_OUT" | sed -n '/^> creat /,$p' |
		sed '1s/^> creat name=<NA> /> creat name=a.txt /' |
		grep -Ev '^[<>] (getuid|getgid|gettid|getpid|wait4|clone|exit_group|procexit)( |$)'
}

t_fs_events() {
	diff <(fs_events | sed -E 's/ (ino|dev)=[0-9]+/ \1=N/g; s/ vm_(size|rss)=[0-9]+/ vm_\1=N/g;
		s/(addr|res)=[0-9]{6,}/\1=ADDR/g; s/ (ino)=N/ ino=N/') - <<EOF
> creat name=a.txt mode=420
< creat fd=3 name=a.txt mode=420 dev=N ino=N creat_flags=0
> writev fd=3 size=12
< writev res=12 data=hello world. fd=3 size=12
> close fd=3
< close res=0 fd=3
> openat dirfd=-100(AT_FDCWD) name=a.txt flags=0x1 mode=0
< openat fd=3 dirfd=-100(AT_FDCWD) name=a.txt flags=0x1 mode=0 dev=N ino=N
> readv fd=3
< readv res=12 size=12 data=hello world. fd=3
> dup fd=3
< dup res=10
> preadv fd=10 pos=6
< preadv res=6 size=6 data=world. fd=10 pos=6
> close fd=10
< close res=0 fd=10
> mmap addr=0 length=4096 prot=0x1 flags=0x2 fd=3 offset=0
< mmap res=ADDR vm_size=N vm_rss=N vm_swap=0 addr=0 length=4096 prot=0x1 flags=0x2 fd=3 offset=0
> munmap addr=ADDR length=4096
< munmap res=0 vm_size=N vm_rss=N vm_swap=0 addr=ADDR length=4096
> close fd=3
< close res=0 fd=3
> openat2 dirfd=-100(AT_FDCWD) name=b.txt flags=0x6 mode=384 resolve=0x1
< openat2 fd=3 dirfd=-100(AT_FDCWD) name=b.txt flags=0x6 mode=384 resolve=0x1 dev=N ino=N
> pwritev fd=3 size=3 pos=2
< pwritev res=3 data=xyz fd=3 size=3 pos=2
> close fd=3
< close res=0 fd=3
> pipe
< pipe res=0 fd1=3 fd2=4 ino=N
> write fd=4 size=4
< write res=4 data=ping fd=4 size=4
> read fd=3 size=4
< read res=4 data=ping fd=3 size=4
> close fd=3
< close res=0 fd=3
> close fd=4
< close res=0 fd=4
> mkdir mode=493
< mkdir res=0 path=d mode=493
> chdir
< chdir res=0 path=d
> creat name=f mode=384
< creat fd=3 name=f mode=384 dev=N ino=N creat_flags=0
> close fd=3
< close res=0 fd=3
> mkdirat
< mkdirat res=0 dirfd=-100(AT_FDCWD) path=e mode=448
> rmdir
< rmdir res=0 path=e
> unlink
< unlink res=0 path=f
> chdir
< chdir res=0 path=..
> openat dirfd=-100(AT_FDCWD) name=d flags=0x401 mode=0
< openat fd=3 dirfd=-100(AT_FDCWD) name=d flags=0x401 mode=0 dev=N ino=N
> fchdir fd=3
< fchdir res=0 fd=3
> close fd=3
< close res=0 fd=3
> chdir
< chdir res=0 path=..
> rename
< rename res=0 oldpath=a.txt newpath=c.txt
> renameat
< renameat res=0 olddirfd=-100(AT_FDCWD) oldpath=c.txt newdirfd=-100(AT_FDCWD) newpath=a.txt
> renameat2
< renameat2 res=-17(EEXIST) olddirfd=-100(AT_FDCWD) oldpath=a.txt newdirfd=-100(AT_FDCWD) newpath=b.txt flags=0x1
> unlink
< unlink res=0 path=b.txt
> unlinkat
< unlinkat res=0 dirfd=-100(AT_FDCWD) name=d flags=0x200
> setuid uid=$(id -u)
< setuid res=0 uid=$(id -u)
> setgid gid=$(id -g)
< setgid res=0 gid=$(id -g)
> setresuid ruid=4294967295 euid=4294967295 suid=4294967295
< setresuid res=0 ruid=4294967295 euid=4294967295 suid=4294967295
> setresgid rgid=4294967295 egid=4294967295 sgid=4294967295
< setresgid res=0 rgid=4294967295 egid=4294967295 sgid=4294967295
> kill pid=$(fs_child 1) sig=15
< kill res=0 pid=$(fs_child 1) sig=15
> tkill tid=$FS_PID sig=0
< tkill res=0 tid=$FS_PID sig=0
> tgkill pid=$FS_PID tid=$FS_PID sig=0
< tgkill res=0 pid=$FS_PID tid=$FS_PID sig=0
EOF
}

# The Nth child fsops forked (the parent's clone exit res).
fs_child() {
	awk -v tid="$FS_PID" '$4 == tid && $5 == "<" && $6 == "clone" { print $7 }' "$FS_OUT" |
		sed -n "$1s/res=//p"
}

# execve and clone exits carry the working directory read in the kernel; a successful execveat
# exits as execve (x86_64), its enter is its own.
t_fs_cwd() {
	local c2
	c2=$(fs_child 2)
	grep -q " $FS_PID < execve res=0 exe=$PROGS/fsops .* cwd=$FS_RUN_DIR fdlimit=[0-9]" \
		"$FS_OUT" &&
	grep -q " $FS_PID < clone res=$c2 .* cwd=$FS_RUN_DIR fdlimit=" "$FS_OUT" &&
	grep -q " $c2 > execveat dirfd=-100(AT_FDCWD) pathname=.* flags=0x0$" "$FS_OUT" &&
	grep -Eq " $c2 < execve res=0 exe=true .* cwd=$FS_RUN_DIR .* comm=true( cgroups=[^ ]+)? env=" \
		"$FS_OUT"
}

# Live state: fd names follow creat in a new cwd, dup2 and fchdir; proc.cwd follows chdir.
# As sysdig's, a pipe's fd.num is its write end (its name, the read end's, is empty), a dup's
# the new fd (its name the old one's).
t_fs_state() {
	local d=$FS_RUN_DIR
	# the first chdir is the shell's cd before it execs fsops (same pid, known from /proc)
	diff <(grep -E '^(creat|dup|preadv|chdir|fchdir|pipe) < .* '"$d/" "$FS_OUT") - <<EOF
chdir < <NA> $d/ fd=<NA> res=SUCCESS
creat < $d/a.txt $d/ fd=3 res=SUCCESS
dup < $d/a.txt $d/ fd=10 res=SUCCESS
preadv < $d/a.txt $d/ fd=10 res=SUCCESS
pipe <  $d/ fd=4 res=SUCCESS
chdir < <NA> $d/d/ fd=<NA> res=SUCCESS
creat < $d/d/f $d/d/ fd=3 res=SUCCESS
chdir < <NA> $d/ fd=<NA> res=SUCCESS
fchdir < $d/d $d/d/ fd=3 res=SUCCESS
chdir < <NA> $d/ fd=<NA> res=SUCCESS
EOF
}

# The -w file: sysdig 0.29 reads every event, and its fd names and working directories are
# ours line for line.
t_fs_scap() {
	local f=$FS_DIR/fsops.scap tpl="*%evt.type %evt.dir %fd.name %proc.cwd"
	command -v sysdig >/dev/null || { echo "sysdig not installed"; return 1; }
	sysdig -r "$f" -p "$tpl" >"$FS_DIR/scap.sysdig" 2>&1 &&
	"$SYSRAY" -r "$f" -p "$tpl" >"$FS_DIR/scap.ours" 2>&1 &&
	diff "$FS_DIR/scap.sysdig" "$FS_DIR/scap.ours" &&
	for ev in creat openat2 writev readv preadv pwritev dup pipe mkdir mkdirat rmdir chdir \
		  fchdir unlink unlinkat rename renameat renameat2 setuid setgid setresuid setresgid \
		  kill tkill tgkill mmap munmap; do
		grep -q "^$ev [<>]" "$FS_DIR/scap.sysdig" || { echo "sysdig lacks $ev"; return 1; }
	done &&
	sysdig -r "$f" -p "%evt.type %evt.args" "evt.type in (creat,readv,writev,rename,kill)" |
		grep -q '^rename res=0 oldpath=a.txt(.*/a.txt) newpath=c.txt(.*/c.txt) \?$'
}

# brk is a dedicated event from both sources: the eBPF -w file and a trace -w file of the same
# program hold ld.so's brk(NULL), the break it returned and the mm's sizes after it (the eBPF
# source's rss leaves out what the CPUs still batch: 0 this early), and sysdig
# 0.29 prints both files' brk events as sysray -r does.
t_fs_brk() {
	local d f tpl="%evt.type %evt.dir %evt.args"
	local shape='^brk > addr=0 $|^brk < res=[0-9A-F]+ vm_size=[1-9][0-9]* vm_rss=[0-9]+ vm_swap=[0-9]+ $'
	command -v sysdig >/dev/null || { echo "sysdig not installed"; return 1; }
	d=$(fresh_dir bpf-fs-brk)
	(cd "$d" && "$SYSRAY" trace -w "$FS_DIR/brk.scap" "$PROGS/fsops") >/dev/null 2>&1 || return 1
	for f in "$FS_DIR/fsops.scap" "$FS_DIR/brk.scap"; do
		sysdig -r "$f" -p "$tpl" evt.type=brk >"$f.brk.sysdig" &&
		"$SYSRAY" -r "$f" -p "$tpl" evt.type=brk >"$f.brk.ours" &&
		diff "$f.brk.sysdig" "$f.brk.ours" &&
		[ "$(head -2 "$f.brk.ours" | grep -Ec "$shape")" = 2 ] || { echo "$f: brk"; return 1; }
	done
}

if selected bpf-fs; then
	fs_run capture capture --pid @PID@ -M 60
	case $? in
	0)
		expect bpf-fs-events "dedicated fs/fd/signal/cred/mmap events, exact" t_fs_events
		expect bpf-fs-cwd "cwd of execve/clone exits; execveat" t_fs_cwd
		fs_run state -M 60 -p "*%evt.type %evt.dir %fd.name %proc.cwd fd=%fd.num res=%evt.res" \
			"proc.pid=@PID@ and evt.type in (creat,dup,preadv,chdir,fchdir,pipe)"
		expect bpf-fs-state "live state follows chdir, fchdir, dup2, pipe2" t_fs_state
		fs_run scap -M 60 -w "$FS_DIR/fsops.scap" "proc.pid=@PID@"
		expect bpf-fs-scap "-w file: sysdig 0.29 reads the new events, state alike" t_fs_scap
		expect bpf-fs-brk "brk from eBPF and from trace -w: one event, read alike by sysdig" t_fs_brk
		;;
	2)
		skip bpf-fs "eBPF capture not available here: $(head -c 300 "$FS_ERR")"
		;;
	*)
		fail bpf-fs "capture failed: $(head -c 300 "$FS_ERR")"
		;;
	esac
fi
