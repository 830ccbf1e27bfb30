# SPDX-License-Identifier: Apache-2.0
# (d) Syscall tampering, -e inject= / -e fault=: the trace is strace 6.1's line for line,
# the program sees the injected results, and a skipped syscall really did not run.

INJ=$WORK/inject
mkdir -p "$INJ"

# A program that reports what its syscalls returned and which signals it got.
cat >"$INJ/victim.c" <<'EOF'
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static volatile sig_atomic_t usr1;

static void on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

static void report(const char *what, int i, long r)
{
	printf("%s %d: %ld %s\n", what, i, r, r < 0 ? strerror(errno) : "ok");
}

int main(void)
{
	signal(SIGUSR1, on_usr1);
	for (int i = 0; i < 4; i++)
		report("chdir", i, chdir("."));
	for (int i = 0; i < 3; i++) {
		char name[16];
		snprintf(name, sizeof(name), "dir%d", i);
		report("mkdir", i, mkdir(name, 0755));
	}
	printf("usr1 %d\n", (int)usr1);
	return 0;
}
EOF

inject_ready=false
if selected inject; then
	if cc -O1 -o "$INJ/victim" "$INJ/victim.c" 2>"$INJ/cc.err"; then
		inject_ready=true
	else
		fail inject "cannot build the victim: $(head -c 300 "$INJ/cc.err")"
	fi
fi

# inject_both NAME OPTIONS...: runs the program under strace and sysray with OPTIONS in
# fresh directories; keeps the trace (.s/.y), its stdout and the directory listing.
inject_both() {
	local name=$1 who dir
	shift
	for who in s y; do
		dir=$(fresh_dir "inject-$name")
		if [ $who = s ]; then
			(cd "$dir" && timeout 60 strace -a12 -e trace=chdir,mkdir "$@" \
				-o "$INJ/$name.s" "$INJ/victim") >"$INJ/$name.s.out" 2>"$INJ/$name.s.err"
		else
			(cd "$dir" && timeout 60 "$SYSRAY" trace -a12 -e trace=chdir,mkdir "$@" \
				-o "$INJ/$name.y" "$INJ/victim") >"$INJ/$name.y.out" 2>"$INJ/$name.y.err"
		fi
		(cd "$dir" && ls) >"$INJ/$name.$who.ls"
	done
}

# The traces, the program's own output and the directories left behind are all the same.
inject_same() {
	local n=$1
	[ -s "$INJ/$n.s" ] && diff "$INJ/$n.s" "$INJ/$n.y" >"$INJ/$n.diff" &&
		diff "$INJ/$n.s.out" "$INJ/$n.y.out" >>"$INJ/$n.diff" &&
		diff "$INJ/$n.s.ls" "$INJ/$n.y.ls" >>"$INJ/$n.diff"
}

if $inject_ready; then
	inject_both error -e inject=mkdir:error=EROFS:when=2+
	expect inject-error "error= from the 2nd mkdir on: same trace, dir1 and dir2 not made" \
		eval 'inject_same error && grep -qx "dir0" "$INJ/error.y.ls" &&
		      ! grep -q "dir1\|dir2" "$INJ/error.y.ls" &&
		      grep -q "^mkdir(\"dir1\", 0755) *= -1 EROFS (Read-only file system) (INJECTED)$" \
			"$INJ/error.y" &&
		      grep -qx "mkdir 1: -1 Read-only file system" "$INJ/error.y.out"'

	inject_both retval -e inject=mkdir:retval=42:when=1..2
	expect inject-retval "retval= on mkdir 1..2: they return 42 and make nothing" \
		eval 'inject_same retval && grep -qx "dir2" "$INJ/retval.y.ls" &&
		      ! grep -q "dir0\|dir1" "$INJ/retval.y.ls" &&
		      grep -qx "mkdir 0: 42 ok" "$INJ/retval.y.out"'

	inject_both signal -e inject=chdir:signal=USR1:when=2+2
	expect inject-signal "signal= on chdir 2 and 4: two SIGUSR1, chdir still runs" \
		eval 'inject_same signal && grep -qx "usr1 2" "$INJ/signal.y.out" &&
		      [ "$(grep -c "^--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_KERNEL} ---$" \
			"$INJ/signal.y")" = 2 ]'

	inject_both error-signal -e inject=chdir:error=ENOENT:signal=USR1:when=3
	expect inject-error-signal "error= with signal= on the 3rd chdir" \
		eval 'inject_same error-signal && grep -qx "usr1 1" "$INJ/error-signal.y.out"'

	inject_both fault -e fault=mkdir:when=3
	expect inject-fault "fault= defaults to ENOSYS; dir2 not made" \
		eval 'inject_same fault && ! grep -q dir2 "$INJ/fault.y.ls" &&
		      grep -q "= -1 ENOSYS (Function not implemented) (INJECTED)$" "$INJ/fault.y"'

	inject_both syscall -e inject=mkdir:retval=0:syscall=getpid
	expect inject-syscall "syscall=getpid runs instead of mkdir: no directory at all" \
		eval 'inject_same syscall && [ ! -s "$INJ/syscall.y.ls" ]'

	inject_both delay -e inject=chdir:delay_exit=20ms:when=1
	expect inject-delay "delay_exit= prints (DELAYED)" \
		eval 'inject_same delay && [ "$(grep -c "(DELAYED)$" "$INJ/delay.y")" = 1 ]'

	inject_both long --inject=chdir:error=EPERM:when=4 --fault=mkdir:error=EACCES:when=1
	expect inject-long-options "--inject= and --fault=" \
		eval 'inject_same long'

	expect inject-syntax "bad specs are refused with strace's message" \
		eval '! "$SYSRAY" trace -e inject=chdir:when=0 true 2>"$INJ/syntax.err" &&
		      grep -qx "sysray: invalid inject argument '"'"'chdir:when=0'"'"'" "$INJ/syntax.err" &&
		      ! "$SYSRAY" trace -e fault=chdir:retval=1 true 2>"$INJ/syntax.err" &&
		      grep -qx "sysray: invalid fault argument '"'"'chdir:retval=1'"'"'" "$INJ/syntax.err" &&
		      ! "$SYSRAY" trace -e inject=chdir true 2>/dev/null'
elif selected inject; then
	fail inject "could not build the test program: $(head -c 300 "$INJ/cc.err")"
fi
