# SPDX-License-Identifier: Apache-2.0
# (f) seccomp: status, record, check and run on real programs under real filters.

SC_DIR=$WORK/seccomp
SEEDS=$E2E_DIR/../data/seccomp
mkdir -p "$SC_DIR"
SCTEST=$PROGS/sctest
# A tracee cannot PTRACE_TRACEME: report mode's runs leave that step out.
STEPS_UNTRACED=(file socket fork-exec thread mkdir keyctl add_key mount unshare clone-ns)

# sc_log NAME: a log file for test NAME.
sc_log() { echo "$SC_DIR/$1.log"; }

# without PROFILE NAME... OUT: PROFILE with NAMEs taken out of every rule.
without() {
	local in=$1 out=${!#}
	local names=("${@:2:$#-2}")
	"$PY" - "$in" "$out" "${names[@]}" <<'EOF'
import json, sys
p = json.load(open(sys.argv[1]))
drop = set(sys.argv[3:])
for r in p["syscalls"]:
    r["names"] = [n for n in r["names"] if n not in drop]
json.dump(p, open(sys.argv[2], "w"), indent=1)
EOF
}

# The syscall names of report mode's summary line, space-separated.
reported() {
	sed -n 's/^report: the profile would deny [0-9]* calls\{0,1\} of [0-9]* syscalls\{0,1\}: //p' "$1" |
		sed 's/ ([0-9]*)//g'
}

# ---- status ----

t_status_self() {
	local out
	out=$("$SYSRAY" seccomp status $$) || return 1
	grep -q '^kernel: seccomp supported, filter mode supported' <<<"$out" &&
		grep -q "^actions_avail (/proc/sys/kernel/seccomp/actions_avail): $(cat /proc/sys/kernel/seccomp/actions_avail)\$" <<<"$out" &&
		grep -Eq "^ *$$  $(awk '/^Seccomp:/ { print $2 }' /proc/$$/status) " <<<"$out"
}
expect sc-status-self "status shows the shell's mode and the kernel's actions" t_status_self

# A process under a filter: mode 2 and the filter count /proc gives.
t_status_filtered() {
	"$SYSRAY" seccomp run --deny mkdir -- sleep 5 &
	local runner=$! pid="" i
	for i in $(seq 50); do
		pid=$(pgrep -P "$runner" -x sleep) && break
		sleep 0.1
	done
	local out want
	out=$("$SYSRAY" seccomp status "$pid")
	want=$(awk '/^Seccomp_filters:/ { print $2 }' "/proc/$pid/status")
	kill "$pid" 2>/dev/null
	wait "$runner" 2>/dev/null
	[ -n "$pid" ] && grep -Eq "^ *$pid  2 filter +$want  sleep\$" <<<"$out"
}
expect sc-status-filtered "a filtered process shows mode 2 and its filter count" t_status_filtered

# A PID that does not exist: its row says so and the command fails, as the other views do.
t_status_missing() {
	local out pid=$(($(cat /proc/sys/kernel/pid_max) + 1))
	out=$("$SYSRAY" seccomp status "$pid" $$) && return 1
	grep -Eq "^ *$pid  \(no such process\)\$" <<<"$out" && grep -Eq "^ *$$  " <<<"$out"
}
expect sc-status-missing "a PID that does not exist: its row says so, exit 1" t_status_missing

# ---- record and run: ls ----

t_ls_record_run() {
	local log tree=$SC_DIR/tree
	log=$(sc_log ls)
	mkdir -p "$tree/sub" && echo a >"$tree/a" && ln -sf a "$tree/link"
	"$SYSRAY" seccomp record -o "$SC_DIR/ls.json" -- ls -l "$tree" >/dev/null 2>"$log" ||
		return 1
	ls -l "$tree" >"$SC_DIR/ls.plain" 2>&1
	"$SYSRAY" seccomp run --profile "$SC_DIR/ls.json" -- ls -l "$tree" >"$SC_DIR/ls.run" 2>>"$log" &&
		cmp -s "$SC_DIR/ls.plain" "$SC_DIR/ls.run"
}
expect sc-ls-record-run "ls runs under its recorded profile, same output" t_ls_record_run

t_ls_minus_one() {
	local log
	log=$(sc_log ls-minus)
	without "$SC_DIR/ls.json" getdents64 "$SC_DIR/ls-minus.json"
	"$SYSRAY" seccomp run --profile "$SC_DIR/ls-minus.json" -- ls / >"$log" 2>&1
	local rc=$?
	grep -q "ls: reading directory '/': Operation not permitted" "$log" && [ $rc -ne 0 ] ||
		return 1
	"$SYSRAY" seccomp run --profile "$SC_DIR/ls-minus.json" --mode report -- ls / \
		>"$log.out" 2>"$log.report" || return 1
	[ "$(reported "$log.report")" = getdents64 ] && cmp -s "$log.out" <(ls /)
}
expect sc-ls-minus-getdents64 "without getdents64 ls fails with EPERM; report names it" t_ls_minus_one

# ---- record and run: the test program (files, sockets, fork/exec, threads) ----

t_sctest_record_run() {
	"$SYSRAY" seccomp record -o "$SC_DIR/sctest.json" -- "$SCTEST" >/dev/null \
		2>"$(sc_log sctest)" || return 1
	"$SCTEST" >"$SC_DIR/sctest.plain"
	"$SYSRAY" seccomp run --profile "$SC_DIR/sctest.json" -- "$SCTEST" >"$SC_DIR/sctest.run" &&
		cmp -s "$SC_DIR/sctest.plain" "$SC_DIR/sctest.run"
}
expect sc-sctest-record-run "sctest runs under its recorded profile, same results" t_sctest_record_run

# Profile minus mkdir: the mkdir step fails with EPERM, every other step as before.
t_sctest_minus_mkdir() {
	without "$SC_DIR/sctest.json" mkdir "$SC_DIR/sctest-minus.json"
	sed 's/^mkdir .*/mkdir EPERM/' "$SC_DIR/sctest.plain" >"$SC_DIR/sctest.want"
	"$SYSRAY" seccomp run --profile "$SC_DIR/sctest-minus.json" -- "$SCTEST" \
		>"$SC_DIR/sctest.minus" || return 1
	cmp -s "$SC_DIR/sctest.want" "$SC_DIR/sctest.minus" || return 1
	local log
	log=$(sc_log sctest-report)
	"$SYSRAY" seccomp run --profile "$SC_DIR/sctest-minus.json" --mode report -- "$SCTEST" \
		"${STEPS_UNTRACED[@]}" >"$log.out" 2>"$log" || return 1
	# Report mode lets the call through: the output is the plain one.
	cmp -s <(grep -v '^ptrace ' "$SC_DIR/sctest.plain") "$log.out" && [ "$(reported "$log")" = mkdir ] &&
		grep -Eq '^report: \[pid [0-9]+\] mkdir\("/tmp/sctest-dir\.[0-9]+", 0700\) = 0  <would be denied: SCMP_ACT_ERRNO EPERM>$' "$log"
}
expect sc-sctest-minus-mkdir "without mkdir only mkdir fails (EPERM); report names it" t_sctest_minus_mkdir

# --deny-after-report: reported, then refused as enforce would.
t_sctest_deny_after_report() {
	local log
	log=$(sc_log sctest-deny-after)
	"$SYSRAY" seccomp run --profile "$SC_DIR/sctest-minus.json" --mode report \
		--deny-after-report -- "$SCTEST" "${STEPS_UNTRACED[@]}" >"$log.out" 2>"$log" ||
		return 1
	cmp -s <(grep -v '^ptrace ' "$SC_DIR/sctest.want") "$log.out" &&
		grep -q '= -1 EPERM (Operation not permitted)  <denied: SCMP_ACT_ERRNO EPERM>$' "$log"
}
expect sc-sctest-deny-after-report "report + deny: mkdir reported and refused" t_sctest_deny_after_report

# ---- record and run: a shell pipeline ----

t_pipeline() {
	local cmd="cat '$SC_DIR/nums' | grep 1 | wc -l"
	seq 1 500 >"$SC_DIR/nums"
	"$SYSRAY" seccomp record -o "$SC_DIR/pipe.json" -- sh -c "$cmd" >/dev/null \
		2>"$(sc_log pipe)" || return 1
	local want got
	want=$(sh -c "$cmd")
	got=$("$SYSRAY" seccomp run --profile "$SC_DIR/pipe.json" -- sh -c "$cmd") || return 1
	[ "$want" = "$got" ] || return 1
	without "$SC_DIR/pipe.json" pipe2 "$SC_DIR/pipe-minus.json"
	local log
	log=$(sc_log pipe-minus)
	# dash reports a failed pipe(2) without its errno.
	"$SYSRAY" seccomp run --profile "$SC_DIR/pipe-minus.json" -- sh -c "$cmd" >"$log" 2>&1 &&
		return 1
	grep -q 'Pipe call failed' "$log" || return 1
	"$SYSRAY" seccomp run --profile "$SC_DIR/pipe-minus.json" --mode report -- sh -c "$cmd" \
		>"$log.out" 2>"$log.report" || return 1
	[ "$(reported "$log.report")" = pipe2 ] && [ "$(cat "$log.out")" = "$want" ]
}
expect sc-pipeline "a shell pipeline under its profile; without pipe2 it fails" t_pipeline

# ---- deny lists ----

t_deny_mkdir() {
	"$SYSRAY" seccomp run --deny mkdir -- "$SCTEST" >"$SC_DIR/deny.out" || return 1
	cmp -s "$SC_DIR/sctest.want" "$SC_DIR/deny.out"
}
expect sc-deny-mkdir "--deny mkdir: mkdir fails with EPERM and nothing else" t_deny_mkdir

t_deny_unknown() {
	local out
	out=$("$SYSRAY" seccomp run --deny mkdri -- true 2>&1)
	[ $? -ne 0 ] && grep -q "unknown syscall 'mkdri'; did you mean 'mkdir'?" <<<"$out"
}
expect sc-deny-unknown "--deny with a typo: refused with a suggestion" t_deny_unknown

# ---- the seeds' profiles ----

t_seed_whitelist() {
	local out rc
	out=$("$SYSRAY" seccomp run --profile "$SEEDS/seed-whitelist.json" -- "$SCTEST" 2>&1)
	rc=$?
	[ $rc -eq 126 ] &&
		grep -q "seed-whitelist.json denies execve (SCMP_ACT_ERRNO): '.*sctest' cannot be started under it (execve failed with EPERM)" <<<"$out" &&
		! grep -q '^file ' <<<"$out"
}
# Under the whitelist only read, write and exit pass: a sanitizer runtime's own syscalls
# (munmap after libseccomp frees, exit_group when it dies) are denied in the child, so a
# sanitized build cannot run this case; `make asan` sets SYSRAY_SANITIZED.
if [ -n "${SYSRAY_SANITIZED:-}" ]; then
	skip sc-seed-whitelist "a sanitizer runtime cannot live under a read/write/exit-only filter"
else
	expect sc-seed-whitelist "whitelist: the command cannot start, and sysray says why" t_seed_whitelist
fi

t_seed_blacklist() {
	local out rc log
	out=$("$SYSRAY" seccomp run --profile "$SEEDS/seed-blacklist.json" -- "$SCTEST" 2>&1)
	rc=$?
	[ $rc -eq 126 ] && grep -q "seed-blacklist.json denies execve" <<<"$out" || return 1
	# Report mode shows what it would break: the two execve (start, fork-exec) only.
	log=$(sc_log blacklist)
	"$SYSRAY" seccomp run --profile "$SEEDS/seed-blacklist.json" --mode report -- \
		"$SCTEST" "${STEPS_UNTRACED[@]}" >"$log.out" 2>"$log" || return 1
	[ "$(reported "$log")" = execve ] && grep -q 'execve (2)' "$log" &&
		grep -q "denies execve: under --mode enforce the command could not be started" "$log"
}
expect sc-seed-blacklist "blacklist: execve denied; report shows what it breaks" t_seed_blacklist

# Connect is the blacklist's other entry: a process may not connect even if it could start.
t_seed_blacklist_connect() {
	local log
	log=$(sc_log blacklist-connect)
	"$SYSRAY" seccomp run --profile "$SEEDS/seed-blacklist.json" --mode report -- \
		"$PY" -c 'import socket; s = socket.socket()
try: s.connect(("127.0.0.1", 9))
except OSError: pass' >/dev/null 2>"$log"
	grep -Eq '^report: \[pid [0-9]+\] connect\([0-9]+, \{sa_family=AF_INET, sin_port=htons\(9\), sin_addr=inet_addr\("127.0.0.1"\)\}, 16\) = -1 E[A-Z]+ .*  <would be denied: SCMP_ACT_ERRNO EPERM>$' "$log"
}
expect sc-seed-blacklist-connect "blacklist: report decodes the denied connect" t_seed_blacklist_connect

# ---- Docker-style features: archMap, includes/excludes by caps/arch/kernel, args ----

t_docker_style() {
	"$PY" - "$SC_DIR/sctest.json" "$SC_DIR/docker-style.json" <<'EOF'
import json, sys
p = json.load(open(sys.argv[1]))
admin = ["mount", "unshare", "keyctl", "add_key", "clone", "clone3", "ptrace"]
names = [n for n in p["syscalls"][0]["names"] if n not in admin]
prof = {
  "defaultAction": "SCMP_ACT_ERRNO", "defaultErrnoRet": 1,
  "archMap": [{"architecture": "SCMP_ARCH_X86_64",
               "subArchitectures": ["SCMP_ARCH_X86", "SCMP_ARCH_X32"]},
              {"architecture": "SCMP_ARCH_AARCH64", "subArchitectures": ["SCMP_ARCH_ARM"]}],
  "syscalls": [
    {"names": names, "action": "SCMP_ACT_ALLOW"},
    {"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4.8"}},
    {"names": ["arch_prctl"], "action": "SCMP_ACT_ALLOW", "includes": {"arches": ["amd64", "x32"]}},
    {"names": ["mount", "unshare", "clone", "clone3"], "action": "SCMP_ACT_ALLOW",
     "includes": {"caps": ["CAP_SYS_ADMIN"]}},
    {"names": ["clone"], "action": "SCMP_ACT_ALLOW",
     "args": [{"index": 0, "value": 2114060288, "op": "SCMP_CMP_MASKED_EQ"}],
     "excludes": {"caps": ["CAP_SYS_ADMIN"], "arches": ["s390", "s390x"]}},
    {"names": ["clone3"], "action": "SCMP_ACT_ERRNO", "errnoRet": 38,
     "excludes": {"caps": ["CAP_SYS_ADMIN"]}},
  ],
}
json.dump(prof, open(sys.argv[2], "w"), indent=1)
EOF
	"$SYSRAY" seccomp check "$SC_DIR/docker-style.json" >"$SC_DIR/docker-style.check" || return 1
	"$SYSRAY" seccomp run --profile "$SC_DIR/docker-style.json" -- "$SCTEST" \
		>"$SC_DIR/docker-style.out" || return 1
	printf '%s\n' "file ok" "socket ok" "fork-exec ok" "thread ok" "mkdir ok" "keyctl EPERM" \
		"add_key EPERM" "mount EPERM" "unshare EPERM" "clone-ns EPERM" "ptrace ok" \
		>"$SC_DIR/docker-style.want"
	cmp -s "$SC_DIR/docker-style.want" "$SC_DIR/docker-style.out" || return 1
	# With CAP_SYS_ADMIN the includes apply: mount and unshare as without a filter.
	"$SYSRAY" seccomp run --caps all --profile "$SC_DIR/docker-style.json" -- "$SCTEST" \
		mount unshare clone-ns >"$SC_DIR/docker-style.admin" || return 1
	[ "$(cat "$SC_DIR/docker-style.admin")" = "$(printf 'mount ENOENT\nunshare ok\nclone-ns ok')" ]
}
expect sc-docker-style "archMap, caps/arches/minKernel filters, args and errnoRet" t_docker_style

# ---- check ----

# check_error NAME JSON EXPECTED-LINE: `check` on JSON fails and prints EXPECTED-LINE.
check_error() {
	local name=$1 json=$2 want=$3 f="$SC_DIR/$1.json"
	selected "$name" || return 0
	printf '%s\n' "$json" >"$f"
	local out rc
	out=$("$SYSRAY" seccomp check "$f" 2>&1)
	rc=$?
	if [ $rc -ne 0 ] && grep -qF -- "$f: $want" <<<"$out"; then
		pass "$name"
	else
		fail "$name" "want '$f: $want', got (exit $rc): $out"
	fi
}

check_error sc-check-syntax '{
  "defaultAction": "SCMP_ACT_ERRNO",
  "syscalls": [ { "names": ["read"] "action": "SCMP_ACT_ALLOW" } ]
}' "line 3, column 37: error: JSON syntax error: object value separator ',' expected"
check_error sc-check-truncated '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [' \
	'line 2, column 1: error: unexpected end of the file'
check_error sc-check-typo '{ "defaultAction": "SCMP_ACT_ERRNO",
  "syscalls": [ { "names": ["read", "mkdri"], "action": "SCMP_ACT_ALLOW" } ] }' \
	"syscalls[0].names[1]: error: unknown syscall 'mkdri'; did you mean 'mkdir'?"
check_error sc-check-action '{ "defaultAction": "SCMP_ACT_ERRNO",
  "syscalls": [ { "names": ["read"], "action": "SCMP_ACT_ALOW" } ] }' \
	"syscalls[0].action: error: unknown action 'SCMP_ACT_ALOW'"
check_error sc-check-default '{ "defaultAction": "ALLOW" }' \
	"defaultAction: error: unknown action 'ALLOW'"
check_error sc-check-arch '{ "defaultAction": "SCMP_ACT_ALLOW", "architectures": ["SCMP_ARCH_X86_46"] }' \
	"architectures[0]: error: unknown architecture 'SCMP_ARCH_X86_46'"
check_error sc-check-contradiction '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
  { "names": ["read", "write"], "action": "SCMP_ACT_ALLOW" },
  { "names": ["openat", "write"], "action": "SCMP_ACT_KILL" } ] }' \
	"syscalls[1].names[1]: error: contradiction: 'write' is denied here but allowed at syscalls[0].names[1]"
check_error sc-check-args-index '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
  { "names": ["personality"], "action": "SCMP_ACT_ALLOW",
    "args": [ { "index": 6, "value": 0, "op": "SCMP_CMP_EQ" } ] } ] }' \
	"syscalls[0].args[0].index: error: 6 is out of range (at most 5)"
check_error sc-check-args-op '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
  { "names": ["personality"], "action": "SCMP_ACT_ALLOW",
    "args": [ { "index": 0, "value": 0, "op": "SCMP_CMP_EQUAL" } ] } ] }' \
	"syscalls[0].args[0].op: error: unknown operator 'SCMP_CMP_EQUAL'"
check_error sc-check-args-value '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
  { "names": ["personality"], "action": "SCMP_ACT_ALLOW",
    "args": [ { "index": 0, "value": -1, "op": "SCMP_CMP_EQ" } ] } ] }' \
	"syscalls[0].args[0].value: error: must not be negative (-1)"
check_error sc-check-names-type '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
  { "names": "read", "action": "SCMP_ACT_ALLOW" } ] }' \
	"syscalls[0].names: error: must be an array of syscall names, not a string"

t_check_duplicate_warning() {
	local f="$SC_DIR/dup.json" out
	printf '%s\n' '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [
  { "names": ["read", "write", "read"], "action": "SCMP_ACT_ALLOW" } ] }' >"$f"
	out=$("$SYSRAY" seccomp check "$f") &&
		grep -qF "$f: syscalls[0].names[2]: warning: duplicate: 'read' is already allowed at syscalls[0].names[0]" <<<"$out" &&
		grep -q '^allowed SCMP_ACT_ALLOW (3): read write$' <<<"$out"
}
expect sc-check-duplicate "duplicates are warnings; the profile stays valid" t_check_duplicate_warning

t_check_bpf() {
	local out
	out=$("$SYSRAY" seccomp check --bpf "$SEEDS/seed-whitelist.json") || return 1
	grep -q 'execve is not allowed: no command can be started' <<<"$out" &&
		grep -q '^allowed SCMP_ACT_ALLOW (3): exit read write$' <<<"$out" &&
		grep -q '^# filter for arch x86_64' <<<"$out" &&
		grep -q 'if (\$syscall == 60)' <<<"$out" &&
		grep -q 'action ERRNO(1);' <<<"$out"
}
expect sc-check-bpf "check --bpf prints libseccomp's pseudo filter code" t_check_bpf

# A recorded profile merged with another: the union of both.
t_record_merge() {
	"$SYSRAY" seccomp record --merge "$SC_DIR/ls.json" -o "$SC_DIR/merged.json" -- \
		"$SCTEST" mkdir >/dev/null 2>&1 || return 1
	"$PY" - "$SC_DIR/ls.json" "$SC_DIR/merged.json" <<'EOF'
import json, sys
a = set(json.load(open(sys.argv[1]))["syscalls"][0]["names"])
m = json.load(open(sys.argv[2]))["syscalls"][0]["names"]
assert m == sorted(m) and a <= set(m) and {"mkdir", "rmdir"} <= set(m), m
EOF
}
expect sc-record-merge "record --merge keeps the old names and adds the new" t_record_merge

# A base profile without architectures, and a rule with an empty list of names: the merged
# profile is written (the writer copied the absent lists from NULL, which UBSan flags under
# make asan) and has the new names.
t_record_merge_sparse() {
	local base=$SC_DIR/sparse.json out=$SC_DIR/sparse-merged.json
	printf '%s\n' '{ "defaultAction": "SCMP_ACT_ERRNO", "syscalls": [' \
		'{ "names": [], "action": "SCMP_ACT_ALLOW" } ] }' >"$base"
	"$SYSRAY" seccomp record --merge "$base" -o "$out" -- "$SCTEST" mkdir >/dev/null 2>&1 &&
		grep -q '"mkdir"' "$out"
}
expect sc-record-merge-sparse "record --merge of a profile without architectures" \
	t_record_merge_sparse

# ---- the built-in docker-default profile ----

# What a container under Docker's default profile (and its default capabilities) may do: the
# keyring, mount, a new namespace by unshare or by clone's flags are refused with EPERM; files,
# sockets, fork, exec, threads (clone3's ENOSYS sends glibc to clone) and ptrace are not.
t_docker_default_enforce() {
	"$SYSRAY" seccomp run --profile docker-default -- "$SCTEST" >"$SC_DIR/dd.out" || return 1
	printf '%s\n' "file ok" "socket ok" "fork-exec ok" "thread ok" "mkdir ok" "keyctl EPERM" \
		"add_key EPERM" "mount EPERM" "unshare EPERM" "clone-ns EPERM" "ptrace ok" \
		>"$SC_DIR/dd.want"
	cmp -s "$SC_DIR/dd.want" "$SC_DIR/dd.out"
}
expect sc-docker-default-enforce "docker-default without a file: forbidden calls get EPERM" \
	t_docker_default_enforce

# Report mode lets every call through and names those Docker's default would refuse.
t_docker_default_report() {
	local log
	log=$(sc_log docker-default-report)
	"$SYSRAY" seccomp run --profile docker-default --mode report -- "$SCTEST" \
		"${STEPS_UNTRACED[@]}" >"$log.out" 2>"$log" || return 1
	cmp -s <(grep -v '^ptrace ' "$SC_DIR/sctest.plain") "$log.out" &&
		[ "$(reported "$log")" = "clone mount add_key keyctl unshare clone3" ] &&
		grep -Eq '^report: \[pid [0-9]+\] keyctl\(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0\) = [0-9]+  <would be denied: SCMP_ACT_ERRNO EPERM>$' "$log"
}
expect sc-docker-default-report "docker-default in report mode names the refused calls" \
	t_docker_default_report

# check validates the built-in profile and shows its argument conditions.
t_docker_default_check() {
	local out
	out=$("$SYSRAY" seccomp check --profile docker-default) || return 1
	grep -qx 'docker-default: valid (0 warnings)' <<<"$out" &&
		grep -q '^denied SCMP_ACT_ERRNO (ENOSYS) (1): clone3$' <<<"$out" &&
		grep -q 'SCMP_ACT_ALLOW clone when (arg0 & 0x7e020000) == 0$' <<<"$out" &&
		grep -q 'SCMP_ACT_ALLOW socket when arg0 != 0x28$' <<<"$out" &&
		grep -q '^allowed SCMP_ACT_ALLOW ([0-9]*):.* chroot .* read ' <<<"$out" &&
		! grep -q '^allowed .* keyctl ' <<<"$out" || return 1
	[ "$("$SYSRAY" seccomp check docker-default | head -1)" = 'docker-default: valid (0 warnings)' ] ||
		return 1
	# A path is always a file.
	out=$(cd "$SC_DIR" && "$SYSRAY" seccomp check ./docker-default 2>&1) && return 1
	grep -qx './docker-default: error: cannot open: No such file or directory' <<<"$out"
}
expect sc-docker-default-check "check --profile docker-default: valid, with its conditions" \
	t_docker_default_check

# record --compare: the recorded calls Docker's default would refuse, judged with their
# arguments (a plain fork's clone passes, clone(CLONE_NEWUTS) does not).
t_record_compare() {
	local log
	log=$(sc_log record-compare)
	"$SYSRAY" seccomp record --compare docker-default -o "$SC_DIR/rc-keyctl.json" -- \
		"$SCTEST" file keyctl >/dev/null 2>"$log" || return 1
	grep -qx 'sysray: seccomp record: beyond docker-default: 1 syscall it would deny: keyctl' \
		"$log" || return 1
	grep -q '"keyctl"' "$SC_DIR/rc-keyctl.json" || return 1
	"$SYSRAY" seccomp record --compare docker-default -o "$SC_DIR/rc-clone.json" -- \
		"$SCTEST" fork-exec clone-ns >/dev/null 2>"$log" || return 1
	grep -Eqx 'sysray: seccomp record: beyond docker-default: 1 syscall it would deny: clone \(1 of [0-9]+ calls\)' \
		"$log" || return 1
	"$SYSRAY" seccomp record --compare docker-default -o "$SC_DIR/rc-file.json" -- \
		"$SCTEST" file socket >/dev/null 2>"$log" || return 1
	grep -qx 'sysray: seccomp record: nothing beyond docker-default: it allows every call the command made' \
		"$log"
}
expect sc-record-compare "record --compare docker-default names what goes beyond it" \
	t_record_compare
