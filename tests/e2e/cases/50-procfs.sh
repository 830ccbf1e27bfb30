# SPDX-License-Identifier: Apache-2.0
# (e) /proc views: sysray ps, pstree, lsof, netstat, env and proc on a process that holds one
# of each kind of file (tests/progs/holder.c), compared with the real ps, pstree, lsof and ss.

# procfs_start DIR [--seccomp]: starts the holder in DIR, waits for its "ready" line and sets
# HOLDER (its pid), HOLDER_CHILD, HOLDER_GRAND, HOLDER_TCP.
procfs_start() {
	local dir=$1
	shift
	rm -f "$dir/ready"
	HOLDER_MARK="mark=1 two words" "$PROGS/holder" "$dir" "$@" >"$dir/ready" 2>"$dir/err" &
	HOLDER=$!
	for _ in $(seq 100); do
		grep -q '^ready' "$dir/ready" 2>/dev/null && break
		sleep 0.05
	done
	local line
	line=$(cat "$dir/ready")
	HOLDER_CHILD=$(sed -n 's/.* child=\([0-9]*\).*/\1/p' <<<"$line")
	HOLDER_GRAND=$(sed -n 's/.* grandchild=\([0-9]*\).*/\1/p' <<<"$line")
	HOLDER_TCP=$(sed -n 's/.* tcp=\([0-9]*\).*/\1/p' <<<"$line")
	[ -n "$HOLDER_GRAND" ]
}

procfs_stop() {
	kill "$HOLDER" "$HOLDER_CHILD" "$HOLDER_GRAND" 2>/dev/null
	wait "$HOLDER" 2>/dev/null
}

# lsof's FD, TYPE and NAME columns (NAME may hold blanks), one line each.
procfs_lsof_triples() {
	awk 'NR > 1 { n = ""; for (i = 9; i <= NF; i++) n = n " " $i; print $4, $5, n }'
}

# ss -tunap / sysray ss -tunap: "netid state local peer pid,pid,..." for sockets of PID, the
# pids in increasing order (plain awk: Debian's default awk is mawk, without gawk's asort).
procfs_sockets() {
	awk -v pid="$1" 'index($0, "pid=" pid ",") {
		n = split($0, parts, "pid=")
		k = 0
		for (i = 2; i <= n; i++) {
			split(parts[i], p, ",")
			v = p[1] + 0
			for (j = k; j >= 1 && list[j] > v; j--)
				list[j + 1] = list[j]
			list[j + 1] = v
			k++
		}
		pids = ""
		for (i = 1; i <= k; i++)
			pids = pids "," list[i]
		print $1, $2, $5, $6, pids
	}' | sort
}

# procfs_ps_all: `sysray ps -o pid=,comm=` names every process as ps does, among the processes
# that did not change under it: those ps shows alike before and after sysray's read (others
# start, exit and exec meanwhile on a busy machine). A kernel thread (kthreadd, pid 2, and its
# children) is named without the suffix a kworker takes and drops as it runs work
# (kworker/0:1-events_freezable, then kworker/0:1-events).
procfs_ps_all() {
	local d=$WORK/procfs-ps-all
	mkdir -p "$d"
	ps -e -o pid=,ppid=,comm= >"$d/before"
	"$SYSRAY" ps -o pid=,comm= >"$d/sysray" || return 1
	ps -e -o pid=,ppid=,comm= >"$d/after"
	awk '
	# the text after the first n fields
	function rest(s, n,    i) {
		sub(/^ +/, "", s)
		for (i = 0; i < n; i++)
			sub(/^[^ ]+ +/, "", s)
		return s
	}
	function named(pid, ppid, comm) {
		if (pid == 2 || ppid == 2)
			sub(/-.*/, "", comm)
		return comm
	}
	FILENAME == ARGV[1] { before[$1] = named($1, $2, rest($0, 2)); next }
	FILENAME == ARGV[2] {
		if (($1 in before) && before[$1] == named($1, $2, rest($0, 2))) {
			want[$1] = before[$1]
			kernel[$1] = ($1 == 2 || $2 == 2)
		}
		next
	}
	($1 in want) {
		got = rest($0, 1)
		if (kernel[$1])
			sub(/-.*/, "", got)
		seen[$1] = 1
		if (got != want[$1]) {
			print "pid " $1 ": ps names it " want[$1] ", sysray " got
			bad = 1
		}
	}
	END {
		for (pid in want) {
			n++
			if (!(pid in seen)) {
				print "pid " pid " (" want[pid] ") missing"
				bad = 1
			}
		}
		if (n < 2) {
			print "fewer than 2 processes kept still"
			bad = 1
		}
		exit bad
	}' "$d/before" "$d/after" "$d/sysray"
}

# Every line of stdin is a JSON document, and there is at least one.
procfs_json_lines() {
	"$PY" -c 'import json, sys
lines = sys.stdin.readlines()
assert lines
for line in lines:
    json.loads(line)'
}

procfs_dir=$(fresh_dir procfs)
if ! procfs_start "$procfs_dir"; then
	fail procfs-setup "the holder did not start: $(head -c 300 "$procfs_dir/err")"
else
	H=$HOLDER
	pids="$H,$HOLDER_CHILD,$HOLDER_GRAND"
	# procfs_like_ps COLUMNS: sysray ps -o COLUMNS (-f's when empty) prints the rows of ps
	# read just before or just after it: a column such as C (CPU time over the lifetime)
	# may move between two reads.
	# -f's C (integer CPU percent over the whole life) of a process just started falls fast
	# while it sleeps (2 ticks over 0.17 s or 0.22 s of life: 12 or 9): sysray's read comes
	# between ps's two, so its C must lie between theirs (give or take one for rounding),
	# and every other column must be ps's of before or after.
	procfs_ps_c_masked() {
		awk -v f="$1" 'f && NR > 1 && match($0, /^ *[^ ]+ +[^ ]+ +[^ ]+ +[0-9]+ /) {
			head = substr($0, 1, RLENGTH - 1)
			sub(/ +[0-9]+$/, " C", head)
			$0 = head substr($0, RLENGTH)
		} { print }'
	}
	procfs_ps_c_between() {
		awk 'FILENAME == ARGV[1] { lo[FNR] = $4; next }
			FILENAME == ARGV[2] { hi[FNR] = $4; if (hi[FNR] < lo[FNR]) {
				t = lo[FNR]; lo[FNR] = hi[FNR]; hi[FNR] = t } ; next }
			FNR > 1 && ($4 < lo[FNR] - 1 || $4 > hi[FNR] + 1) { bad = 1 }
			END { exit bad }' <(echo "$1") <(echo "$3") <(echo "$2")
	}
	procfs_like_ps() {
		local before after ours ps_cols=(-f) cols=() full=1
		[ -z "$1" ] || { ps_cols=(-o "$1"); cols=(-o "$1"); full=0; }
		before=$(ps "${ps_cols[@]}" -p "$pids")
		ours=$("$SYSRAY" ps "${cols[@]}" -p "$pids")
		after=$(ps "${ps_cols[@]}" -p "$pids")
		{ [ $full = 0 ] || procfs_ps_c_between "$before" "$ours" "$after"; } &&
		{ [ "$(procfs_ps_c_masked $full <<<"$ours")" = \
			"$(procfs_ps_c_masked $full <<<"$before")" ] ||
		  [ "$(procfs_ps_c_masked $full <<<"$ours")" = \
			"$(procfs_ps_c_masked $full <<<"$after")" ]; } ||
			{ diff <(echo "$before") <(echo "$ours"); return 1; }
	}
	expect procfs-ps "ps -f rows for the holder's processes differ from ps" procfs_like_ps ""
	expect procfs-ps-o "ps -o columns differ from ps" \
		procfs_like_ps pid,ppid,uid,user,comm,state,tty,nlwp,pgid,sid,ni,args
	expect procfs-ps-all "ps -ef misses a process or names one differently" procfs_ps_all
	expect procfs-pstree-p "pstree -A -p of the holder differs" \
		diff <(pstree -A -p "$H") <("$SYSRAY" pstree -p "$H")
	expect procfs-pstree "pstree -A of the holder differs" \
		diff <(pstree -A "$H") <("$SYSRAY" pstree "$H")
	procfs_lsof() {
		local want ours=()
		want=$(lsof -n -P "$@" -p "$H" | procfs_lsof_triples)
		# lsof needs -a to AND -i with -p; in sysray they always combine.
		for a in "$@"; do
			[ "$a" = -a ] || ours+=("$a")
		done
		[ "$(wc -l <<<"$want")" -ge 5 ] &&
			diff <(echo "$want") <("$SYSRAY" lsof "${ours[@]}" -p "$H" | procfs_lsof_triples)
	}
	expect procfs-lsof "lsof -p FD/TYPE/NAME differ from lsof -n -P" procfs_lsof
	expect procfs-lsof-i "lsof -i -p differs from lsof -n -P -a -i -p" procfs_lsof -a -i
	expect procfs-lsof-kinds "lsof lacks a deleted file, a mapped file, a pipe or a socket" \
		bash -c "out=\$('$SYSRAY' lsof -p $H) &&
			grep -q ' REG .*/gone.txt (deleted)\$' <<<\"\$out\" &&
			grep -q ' mem .*/mapped.bin\$' <<<\"\$out\" &&
			grep -q 'FIFO .* pipe\$' <<<\"\$out\" &&
			grep -q 'TCP 127.0.0.1:$HOLDER_TCP (LISTEN)\$' <<<\"\$out\" &&
			grep -q -- '->127.0.0.1:$HOLDER_TCP (ESTABLISHED)\$' <<<\"\$out\" &&
			grep -q 'held.sock type=STREAM (LISTEN)\$' <<<\"\$out\""
	expect procfs-lsof-path "lsof PATH does not find the holder's file" \
		bash -c "'$SYSRAY' lsof '$procfs_dir/held.txt' | grep -q '^holder *$H .* 3r *REG'"
	# Five sockets: UDP, TCP listening on IPv4 and IPv6, the connected pair.
	procfs_netstat() {
		local want
		want=$(ss -tunap | procfs_sockets "$H")
		[ "$(wc -l <<<"$want")" -ge 4 ] &&
			diff <(echo "$want") <("$SYSRAY" ss -tunap | procfs_sockets "$H")
	}
	expect procfs-netstat "sysray ss -tunap sockets differ from ss -tunap" procfs_netstat
	expect procfs-env "env differs from /proc/PID/environ" \
		diff <(tr '\0' '\n' <"/proc/$H/environ") <("$SYSRAY" env "$H")
	expect procfs-env-mark "env lacks the variable the holder was given" \
		bash -c "'$SYSRAY' env $H | grep -qx 'HOLDER_MARK=mark=1 two words'"
	expect procfs-proc "proc shows the wrong seccomp mode, threads or fd count" \
		"$PY" -c "
import json, os, subprocess, sys
p = json.loads(subprocess.run(['$SYSRAY', 'proc', '-j', '$H'], capture_output=True,
                              check=True).stdout)
assert p['seccomp']['mode'] == 0, p['seccomp']
assert p['threads'] == 2 and len(p['tids']) == 2, p['tids']
assert p['fds'] == len(os.listdir('/proc/$H/fd')), p['fds']
assert p['exe'].endswith('/holder') and p['cwd'] == '$procfs_dir', (p['exe'], p['cwd'])
assert 'cap_sys_admin' in p['capabilities']['bounding']['names']
assert p['namespaces']['net'] == os.readlink('/proc/$H/ns/net')
"
	procfs_json() {
		"$SYSRAY" ps -j | procfs_json_lines &&
			"$SYSRAY" lsof -j -p "$H" | procfs_json_lines &&
			"$SYSRAY" netstat -j | procfs_json_lines &&
			"$SYSRAY" pstree -j "$H" | procfs_json_lines &&
			"$SYSRAY" env -j "$H" | "$PY" -m json.tool >/dev/null &&
			[ "$("$SYSRAY" ps -j -p "$H" | "$PY" -c 'import json, sys
print(json.loads(sys.stdin.read())["comm"])')" = holder ]
	}
	expect procfs-json "a -j output is not JSON" procfs_json

	# Fractions in the fewest digits that read back the same (json-c's %.17g printed 0.7
	# as 0.69999999999999996): no longer than Python's shortest repr of the same value.
	procfs_json_numbers() {
		"$SYSRAY" ps -e -j | python3 -c 'import json, sys
def shortest(s):
    assert len(s) <= len(repr(float(s))), s
    return float(s)
for line in sys.stdin:
    json.loads(line, parse_float=shortest)'
	}
	expect procfs-json-numbers "ps -j: numbers in their shortest form" procfs_json_numbers

	# Another user may not read the holder's fds or links: notes per entry, no crash.
	if selected procfs-perm; then
		tmpbin=$(mktemp -d /tmp/sysray-procfs.XXXXXX)
		cp "$SYSRAY" "$tmpbin/sysray"
		chmod 755 "$tmpbin" "$tmpbin/sysray"
		out=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$tmpbin/sysray" lsof -p "$H" 2>&1)
		rc=$?
		out2=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$tmpbin/sysray" proc "$H" 2>&1)
		rc2=$?
		if [ $rc -eq 0 ] && grep -q "(readlink: Permission denied)" <<<"$out" &&
		   [ $rc2 -eq 0 ] && grep -q "^exe .*Permission denied" <<<"$out2" &&
		   grep -q "^state .*S (sleeping)" <<<"$out2"; then
			pass procfs-perm
		else
			fail procfs-perm "as nobody: lsof rc=$rc proc rc=$rc2: $(head -c 300 <<<"$out$out2")"
		fi
		rm -rf "$tmpbin"
	fi
	procfs_stop
fi

# A pid that does not exist: one message, exit 1, for each view that takes a pid.
procfs_missing() {
	local pid=4194303 cmd out rc
	for cmd in "ps -p $pid" "pstree $pid" "lsof -p $pid" "env $pid" "proc $pid"; do
		out=$("$SYSRAY" $cmd 2>&1 >/dev/null)
		rc=$?
		if [ $rc -ne 1 ] || [ "$(wc -l <<<"$out")" -ne 1 ]; then
			echo "sysray $cmd: exit $rc, stderr: $out"
			return 1
		fi
	done
}
expect procfs-missing "a missing pid is not one message and exit 1" procfs_missing

# Under a seccomp filter the holder's mode is 2 with one filter, as /proc/PID/status says.
procfs_dir=$(fresh_dir procfs-seccomp)
if selected procfs-seccomp; then
	if ! procfs_start "$procfs_dir" --seccomp; then
		fail procfs-seccomp "the holder did not start: $(head -c 300 "$procfs_dir/err")"
	else
		out=$("$SYSRAY" proc "$HOLDER")
		want=$(awk '$1 == "Seccomp:" { m = $2 } $1 == "Seccomp_filters:" { f = $2 }
			END { print m, f }' "/proc/$HOLDER/status")
		if grep -q "^seccomp  *2 (filter), 1 filters" <<<"$out" && [ "$want" = "2 1" ]; then
			pass procfs-seccomp
		else
			fail procfs-seccomp "status says '$want', sysray: $(grep seccomp <<<"$out")"
		fi
		procfs_stop
	fi
fi
