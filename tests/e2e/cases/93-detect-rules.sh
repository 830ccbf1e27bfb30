# SPDX-License-Identifier: Apache-2.0
# (detect rules) sysray's bundled ruleset (rules/sysray_rules.yaml) against the harmless
# triggers of tests/progs/triggers: one driver runs every trigger in turn, and a quiet control
# run (a build, a shell session with a terminal, ls and cat of ordinary files, curl to a
# loopback HTTP server), while `sysray detect -j` watches the whole system live and
# `sysray -w` records the driver's processes. For each trigger, the rules that fire on its
# processes (and nothing else) are exactly the expected ones, live and on its part of the
# capture (`sysray detect -e`); the control run raises nothing. With Falco's own
# falco_rules.yaml (/work/falco-rules, never in the repository: skipped, counted, without it)
# each trigger's part of the capture fires the matching stable Falco rules. Rules are matched
# as Falco does by default (rule_matching=first): a server's late read of /etc/shadow raises
# the rule for servers, not also the one for untrusted programs.

DR_DIR=$WORK/detect-rules
DR_FALCO=${FALCO_RULES_DIR:-/work/falco-rules}/falco_rules.yaml
mkdir -p "$DR_DIR"

# NAME|TRIGGER ARGUMENTS|sysray's rules that fire|Falco's stable rules that fire (rules
# separated by ';', none: empty). The driver runs them in this order.
DR_TABLE='web-shell|web-shell|Shell started below a network server|Run shell untrusted
server-shadow|server-shadow|Credential file read by a long-running server|Read sensitive file trusted after startup
shadow-read|shadow-read|Credential file read by an untrusted program|Read sensitive file untrusted
log-truncate|log-truncate|Log file truncated;Log file deleted|Clear Log Activities
ptrace-attach|ptrace-attach|Process attached with ptrace|PTRACE attached to process
ptrace-traceme|ptrace-traceme|Debugger evasion with PTRACE_TRACEME|PTRACE anti-debug attempt
memfd-exec|memfd-exec|Program run from memory|Fileless execution via memfd_create
symlink-shadow|symlink-shadow|Symlink to a credential file|Create Symlink Over Sensitive Files
hardlink-shadow|hardlink-shadow|Hard link to a credential file|Create Hardlink Over Sensitive Files
traversal-read|traversal-read|Monitored file read through directory traversal|Directory traversal monitored file read
find-keys|find-keys|Search for private keys|Search Private Keys or Passwords
grep-aws|grep-aws|Search for cloud credentials|Find AWS Credentials
netcat-exec|netcat-exec|Netcat or socat runs a program for the network|
netcat-exec-ct|--container netcat-exec|Netcat or socat runs a program for the network|Netcat Remote Code Execution in Container
packet-socket|packet-socket|Packet socket opened|
packet-socket-ct|--container packet-socket|Packet socket opened|Packet socket created in container
kmod-load|kmod-load|Kernel module loaded by an unexpected program|
kmod-load-ct|--container kmod-load|Kernel module loaded from a container|Linux Kernel Module Injection Detected
release-agent|release-agent||
release-agent-ct|--container release-agent|Cgroup release_agent written in a container|Detect release_agent File Container Escapes
terminal-shell|terminal-shell||
terminal-shell-ct|--container terminal-shell|Terminal shell in a container|Terminal shell in container
stdio-socket|stdio-socket|Standard input or output moved to a network connection|
stdio-socket-ct|--container stdio-socket|Standard input or output moved to a network connection|Redirect STDOUT/STDIN to Network Connection in Container
ssh-port|ssh-port|SSH client connected to a web or well-known port|Disallowed SSH Connection Non Standard Port
c2-connect|c2-connect||
shm-exec|shm-exec|Program run from /dev/shm|Execution from /dev/shm
overlay-exec|overlay-exec||
overlay-exec-ct|--container overlay-exec|Container ran a program it was not shipped with|Drop and execute new binary in container
shred|shred|Data destruction tool run|Remove Bulk Data from Disk
system-user|system-user|System account ran an interactive command|System user interactive
control|||'

# dr_control: what a quiet machine does; run in the control's own directory.
dr_control() {
	local srv port
	printf 'int main(void) { return 0; }\n' >hello.c
	cc -o hello hello.c && ./hello || return 1
	ls -la /etc /usr/bin >/dev/null
	cat /etc/hostname /etc/os-release /etc/passwd >/dev/null
	script -qec 'bash --norc -i -c "cd /tmp && ls >/dev/null && echo session | tr a-z A-Z"' \
		/dev/null >/dev/null || return 1
	"$PY" -u -m http.server --bind 127.0.0.1 0 >srv.log 2>&1 &
	srv=$!
	wait_until "the control's HTTP server" grep -q ' port [0-9]' srv.log || return 1
	port=$(sed -n 's/.* port \([0-9]*\) .*/\1/p' srv.log)
	curl -fsS -o /dev/null "http://127.0.0.1:$port/hello.c" || return 1
	kill "$srv"
	wait "$srv" 2>/dev/null
	return 0
}

# dr_driver: each trigger in turn, then the control run; writes "NAME PID STATUS" per line
# of DR_TABLE to DR_DIR/map (PID: the root of what it ran).
dr_driver() {
	local name args pid
	: >"$DR_DIR/map"
	while IFS='|' read -r name args _; do
		if [ "$name" = control ]; then
			(cd "$(fresh_dir detect-rules-control)" && dr_control) \
				>"$DR_DIR/control.log" 2>&1 &
		else
			# shellcheck disable=SC2086 # the trigger's arguments are words
			"$PROGS/triggers" $args >>"$DR_DIR/triggers.log" 2>&1 &
		fi
		pid=$!
		wait "$pid"
		echo "$name $pid $?" >>"$DR_DIR/map"
	done <<<"$DR_TABLE"
}

# dr_run: the driver held on a fifo until the live detect and the capture both poll their
# rings, then let go; both end with SIGINT once it ended.
dr_run() {
	local go=$DR_DIR/go driver det cap rc=0
	rm -f "$go" "$DR_DIR/run.scap" "$DR_DIR/ran"
	mkfifo "$go"
	(read -r _ <"$go" && dr_driver) &
	driver=$!
	"$SYSRAY" detect -j >"$DR_DIR/live.json" 2>"$DR_DIR/live.err" &
	det=$!
	"$SYSRAY" -w "$DR_DIR/run.scap" "proc.pid=$driver or proc.apid=$driver" \
		2>"$DR_DIR/capture.err" &
	cap=$!
	capture_ready "$det" "$DR_DIR/live.err" ready && capture_ready "$cap" /dev/null ready ||
		rc=1
	echo go >"$go"
	rm -f "$go"
	wait "$driver" || rc=1
	kill -INT "$det" "$cap" 2>/dev/null
	wait "$det" || rc=1
	wait "$cap" || rc=1
	[ $rc = 0 ] || { echo "live detect: $(head -c 300 "$DR_DIR/live.err")"; return 1; }
	# each trigger's part of the capture, and the pids of its processes
	local name pid status
	while read -r name pid status; do
		[ "$status" = 0 ] ||
			{ echo "$name exited $status: $(tail -3 "$DR_DIR/triggers.log")"; return 1; }
		"$SYSRAY" -r "$DR_DIR/run.scap" -w "$DR_DIR/$name.scap" \
			"proc.pid=$pid or proc.apid=$pid" || return 1
		"$SYSRAY" -r "$DR_DIR/$name.scap" -p '%proc.pid' | sort -u >"$DR_DIR/$name.pids"
		"$SYSRAY" detect -j -e "$DR_DIR/$name.scap" >"$DR_DIR/$name.json" \
			2>"$DR_DIR/$name.err" || return 1
	done <"$DR_DIR/map"
	: >"$DR_DIR/ran"
}

# dr_rules JSON [PIDS]: the names of the rules raised in the alerts of JSON (NDJSON), sorted
# and unique, ';'-separated; with PIDS (a file of pids), only alerts on those processes.
dr_rules() {
	"$PY" - "$@" <<'PYEOF'
import json, sys
pids = None
if len(sys.argv) > 2:
    pids = {int(l) for l in open(sys.argv[2]) if l.strip()}
rules = set()
for line in open(sys.argv[1]):
    a = json.loads(line)
    if pids is None or a["output_fields"].get("proc.pid") in pids:
        rules.add(a["rule"])
print(";".join(sorted(rules)))
PYEOF
}

# dr_want NAME COLUMN: the expected rules of NAME (column 3: sysray's, 4: Falco's), sorted.
dr_want() {
	awk -F'|' -v n="$1" -v c="$2" '$1 == n { print $c }' <<<"$DR_TABLE" | tr ';' '\n' |
		sed '/^$/d' | sort | paste -sd';'
}

# t_dr NAME: sysray's rules raised on NAME's processes, live and on its capture.
t_dr() {
	local want live cap
	[ -s "$DR_DIR/$1.pids" ] || { echo "no processes of $1 in the capture"; return 1; }
	want=$(dr_want "$1" 3)
	live=$(dr_rules "$DR_DIR/live.json" "$DR_DIR/$1.pids") || return 1
	cap=$(dr_rules "$DR_DIR/$1.json") || return 1
	[ "$live" = "$want" ] && [ "$cap" = "$want" ] ||
		{ echo "want [$want], live [$live], capture [$cap]"; return 1; }
}

# t_dr_falco NAME: Falco's default ruleset over NAME's part of the capture.
t_dr_falco() {
	local want got
	"$SYSRAY" detect -j -r "$DR_FALCO" -e "$DR_DIR/$1.scap" >"$DR_DIR/$1.falco.json" \
		2>"$DR_DIR/$1.falco.err" || { head -c 400 "$DR_DIR/$1.falco.err"; return 1; }
	want=$(dr_want "$1" 4)
	got=$(dr_rules "$DR_DIR/$1.falco.json") || return 1
	[ "$got" = "$want" ] || { echo "want [$want], got [$got]"; return 1; }
}

# The C2 rule fires once its address list is filled: a local file loaded after the bundled
# ruleset appends the address c2-connect calls.
t_dr_c2_list() {
	local bundled=$E2E_DIR/../../rules/sysray_rules.yaml got
	"$SYSRAY" detect -j -r "$bundled" -r "$E2E_DIR/../detect/c2-local.yaml" \
		-e "$DR_DIR/c2-connect.scap" >"$DR_DIR/c2-local.json" 2>"$DR_DIR/c2-local.err" ||
		{ head -c 400 "$DR_DIR/c2-local.err"; return 1; }
	got=$(dr_rules "$DR_DIR/c2-local.json") || return 1
	[ "$got" = "Connection to a command-and-control server" ] || { echo "got [$got]"; return 1; }
}

t_dr_validate() {
	"$SYSRAY" detect -V "$E2E_DIR/../../rules/sysray_rules.yaml" >"$DR_DIR/validate.out" &&
		[ "$(cat "$DR_DIR/validate.out")" = "$E2E_DIR/../../rules/sysray_rules.yaml: Ok" ] ||
		{ cat "$DR_DIR/validate.out"; return 1; }
}

if selected detect-rules; then
	expect detect-rules-validate "the bundled ruleset loads without error or warning" \
		t_dr_validate
	if ! "$SYSRAY" -n 1 -q >/dev/null 2>"$DR_DIR/probe"; then
		skip detect-rules "eBPF capture unavailable: $(head -c 200 "$DR_DIR/probe")"
	else
		expect detect-rules-run "the triggers and the control run under live detect and -w" \
			dr_run
		while IFS='|' read -r dr_name _; do
			if [ ! -e "$DR_DIR/ran" ]; then
				skip "detect-rules-$dr_name" "the run failed"
				continue
			fi
			expect "detect-rules-$dr_name" "sysray's rules on $dr_name" t_dr "$dr_name"
			if [ ! -r "$DR_FALCO" ]; then
				skip "detect-rules-falco-$dr_name" "no $DR_FALCO"
			else
				expect "detect-rules-falco-$dr_name" "Falco's rules on $dr_name" \
					t_dr_falco "$dr_name"
			fi
		done <<<"$DR_TABLE"
		[ -e "$DR_DIR/ran" ] && expect detect-rules-c2-list "a filled C2 list raises the C2 rule" \
			t_dr_c2_list
	fi
fi
