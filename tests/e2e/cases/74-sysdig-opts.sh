# SPDX-License-Identifier: Apache-2.0
# (sysdig options) sysdig 0.29's options and fields on `sysray -r FILE` against Debian's sysdig
# on the shared captures: -pc/-pk/-pm, -t d/-t D, -S, -v, -l/-lv, the fields of issue #3 in
# one template (identical lines), and the options sysray rejects (a message naming the
# option, exit 1). Then the live path runs the same code: files.c under `sysray -pc -v -S`.

SO_DATA=$E2E_DIR/../data/scap
SO_DIR=$WORK/sysdig-opts
mkdir -p "$SO_DIR"

# Every field of the issue outside the socket-tuple ones, '*': lines with missing fields too.
# Not group.gid: for a thread created by clone sysdig 0.29 prints 8 bytes over its 4-byte gid
# (8589934591 for an unknown gid), a value no other tool would show.
SO_FIELDS="*%evt.num %proc.loginshellid %proc.vpid %thread.vtid %proc.tty %user.homedir \
%user.shell %group.name %evt.latency %evt.is_io %evt.is_io_read %evt.is_io_write \
%evt.category %fd.typechar %fd.directory %fd.filename %evt.buflen %proc.cwd %proc.exe \
%proc.cmdline %proc.ppid %proc.sid %user.uid %user.loginuid %container.id \
%container.name %container.type %thread.ismain %evt.type %evt.dir"

# fdlist.*, on the polls of libs_e2e_curl_google.scap (IPv6 sockets, fds it does not know).
SO_FDLIST="*%evt.num %evt.dir [%fdlist.nums] [%fdlist.names] [%fdlist.cips] [%fdlist.sips] \
[%fdlist.cports] [%fdlist.sports]"
# The classes whose data needs an API server or tracers, in each argument form (span.arg.NAME
# last: sysdig takes the rest of the template as the name).
SO_ABSENT="*%evt.num %k8s.pod.name %k8s.pod.label.app %k8s.deployment.labels %mesos.task.name \
%marathon.app.label.x %span.id %span.tag[1] %span.tag[-1] %span.arg[0] %evtin.span.id \
%evtin.span.tag[2] %evtin.span.p.args %span.arg.x"

# The captures sysdig 0.29 reads (75-sysdig-r.sh says why the other one is left out); half of
# them under `make asan`.
so_captures() {
	local f all=()
	for f in "$SO_DATA"/*.scap; do
		[ "$(basename "$f")" = libs_e2e_curl_google_comments.scap ] || all+=("$f")
	done
	sanitizer_sample "${all[@]}"
}

# so_same NAME ARGS...: `sysdig -r F ARGS` and `sysray -r F ARGS` print the same on every
# capture (stdout; SO_SORT=1 compares the lines as sets).
so_same() {
	local name=$1 f b
	shift
	for f in $(so_captures); do
		b=$SO_DIR/$name-$(basename "$f" .scap)
		sysdig_r "$f" "$b.sysdig" "$b.sysdig.err" "$@"
		"$SYSRAY" -r "$f" "$@" >"$b.sysray" 2>"$b.err" || {
			echo "sysray -r $f $*: $(head -c 300 "$b.err")"
			return 1
		}
		if [ "${SO_SORT:-0}" = 1 ]; then
			sort -o "$b.sysdig" "$b.sysdig"
			sort -o "$b.sysray" "$b.sysray"
		fi
		[ -s "$b.sysdig" ] || [ ! -s "$b.sysray" ] || { echo "sysdig printed nothing: $b"; return 1; }
		cmp -s "$b.sysdig" "$b.sysray" || { echo "diff $b.sysdig $b.sysray"; return 1; }
	done
}

# -S: the same counts per event and direction. Equal counts come in sysdig's order of an
# unstable sort, so the lines compare as sets.
t_so_summary() {
	SO_SORT=1 so_same summary -S -q && SO_SORT=1 so_same summary-open -S -q evt.type=open
}

# -S on a file cut short: sysdig prints the table of the events before the bad block, then
# the error, exit 1 (sysdig run here: the cut file is made by the test).
t_so_summary_truncated() {
	local f=$SO_DATA/libs_e2e_curl_google.scap cut=$SO_DIR/cut.scap rc
	head -c $(($(stat -c %s "$f") * 2 / 3)) "$f" >"$cut"
	"$SYSRAY" -r "$cut" -S -q >"$SO_DIR/cut.sysray" 2>"$SO_DIR/cut.err"
	rc=$?
	timeout 60 sysdig -r "$cut" -S -q >"$SO_DIR/cut.sysdig" 2>/dev/null
	[ $rc = 1 ] && grep -q "truncated" "$SO_DIR/cut.err" &&
		[ "$(wc -l <"$SO_DIR/cut.sysray")" -gt 10 ] &&
		cmp -s <(sort "$SO_DIR/cut.sysdig") <(sort "$SO_DIR/cut.sysray") ||
		{ echo "rc=$rc; diff $SO_DIR/cut.sysdig $SO_DIR/cut.sysray"; return 1; }
}

# -v: the driver's counts (0 for a file) and the events that passed the filter, on stderr.
t_so_verbose() {
	local f=$SO_DATA/falco_cat_write.scap a b
	# -q: stdout is empty, stderr is all there is
	sysdig_r "$f" "$SO_DIR/v.sysdig" "$SO_DIR/v.sysdig.err" -v -q evt.type=open
	a=$(cat "$SO_DIR/v.sysdig" "$SO_DIR/v.sysdig.err" |
		sed 's/Elapsed time: [0-9.]*,//; s/, [0-9.]* eps//')
	b=$("$SYSRAY" -r "$f" -v -q evt.type=open 2>&1 | sed 's/Elapsed time: [0-9.]*,//; s/, [0-9.]* eps//')
	[ "$a" = "$b" ] && grep -q "Captured Events: 8" <<<"$b" || { echo "sysdig: $a / sysray: $b"; return 1; }
	# and whole arguments: sysdig's text cuts long ones at 80 characters, -v does not
	so_same verbose -v evt.type=execve
}

# sysdig -l and -lv: every class (evt twice, process, user, group, container, fd, syslog,
# fdlist, k8s, mesos, span, evtin), byte for byte, and sysdig's 257 fields.
t_so_list() {
	sysdig -l >"$SO_DIR/l.sysdig"
	"$SYSRAY" -l >"$SO_DIR/l.sysray"
	sysdig -lv >"$SO_DIR/lv.sysdig"
	"$SYSRAY" -lv >"$SO_DIR/lv.sysray"
	grep -q "^Field Class: *evt (Syscall events only)" "$SO_DIR/l.sysray" &&
		grep -q "^Field Class: *evtin" "$SO_DIR/l.sysray" &&
		[ "$(grep -c '^[a-z]' "$SO_DIR/l.sysray")" = 257 ] &&
		cmp -s "$SO_DIR/l.sysdig" "$SO_DIR/l.sysray" &&
		cmp -s "$SO_DIR/lv.sysdig" "$SO_DIR/lv.sysray" ||
		{ echo "diff $SO_DIR/l.sysdig $SO_DIR/l.sysray (or lv)"; return 1; }
}

# The names of the fields, class by class: the same set (a field whose data sysray cannot
# have, k8s.* for one, prints <NA>, as sysdig does without it).
t_so_list_names() {
	local cls
	for cls in evt process user group container fd syslog fdlist k8s mesos span evtin; do
		diff <(awk -v c="$cls" '/^Field Class:/ { on = ($3 == c) } on && /^[a-z]/ { print $1 }' \
			"$SO_DIR/l.sysdig" | sort) \
			<(awk -v c="$cls" '/^Field Class:/ { on = ($3 == c) } on && /^[a-z]/ { print $1 }' \
			"$SO_DIR/l.sysray" | sort) || { echo "class $cls differs"; return 1; }
	done
}

# Options sysdig has and sysray does not take: one line naming the option, exit 1.
t_so_rejected() {
	local o out
	for o in -R -E -D -T -U:bash -k:http://x --cri=/x --page-faults; do
		out=$("$SYSRAY" ${o/:/ } -r "$SO_DATA/falco_cat_write.scap" 2>&1 >/dev/null)
		[ $? -eq 1 ] && [ "$(wc -l <<<"$out")" = 1 ] && grep -q -- "${o%%[:=]*}" <<<"$out" ||
			{ echo "$o: $out"; return 1; }
	done
	# and the ones it accepts as sysdig does (they change nothing here)
	out=$("$SYSRAY" -d -F -N -r "$SO_DATA/falco_cat_write.scap" | md5sum)
	sysdig_r "$SO_DATA/falco_cat_write.scap" "$SO_DIR/dF.sysdig" "$SO_DIR/dF.sysdig.err" -d -F
	[ "$out" = "$(md5sum <"$SO_DIR/dF.sysdig")" ]
}

# Options after the filter, as sysdig's GNU getopt takes them; a filter's words that begin
# with '-' (a negative number, a value after an operator or in a list) stay the filter's.
t_so_anywhere() {
	local f=$SO_DATA/falco_cat_write.scap a b
	a=$("$SYSRAY" -r "$f" -n 2000 -p "%evt.num %proc.name" evt.type=open 2>&1)
	b=$("$SYSRAY" -r "$f" evt.type=open -p "%evt.num %proc.name" -n 2000 2>&1)
	[ -n "$a" ] && [ "$a" = "$b" ] || { echo "before: $a / after: $b"; return 1; }
	a=$("$SYSRAY" -r "$f" -p "%evt.num" "evt.rawres < -1 or proc.name in (-bash, cat)" 2>&1)
	b=$("$SYSRAY" -r "$f" evt.rawres "<" -1 or proc.name in "(" -bash , cat ")" -p "%evt.num" \
		2>&1)
	[ -n "$a" ] && [ "$a" = "$b" ] || { echo "quoted: $a / words: $b"; return 1; }
	# "--" ends the options: what follows is filter text, here a bad one
	b=$("$SYSRAY" -r "$f" evt.type=open -- -p 2>&1)
	[ $? -eq 1 ] && grep -q "filter error" <<<"$b" || { echo "after --: $b"; return 1; }
}

# live: files.c under -pc -t d -v -S; the container columns, latencies, driver counts and the
# summary come from the same code as -r.
t_so_live() {
	local dir out=$SO_DIR/live.out err=$SO_DIR/live.err rc
	dir=$(fresh_dir so-live)
	under_capture "$dir" "$PROGS/files" ready "$out" "$err" \
		"$SYSRAY" -M 60 -pc -v -S "proc.name=files and evt.type in (openat,read,write,close)"
	rc=$?
	[ $rc -eq 0 ] || { echo "capture ended: $(head -c 300 "$err")"; return 1; }
	grep -qE '^[0-9]+ [0-9:.]+ [0-9]+ host \(host\) files \(([0-9]+):\1\) < openat ' "$out" &&
		grep -q '^Driver Events:[1-9]' "$err" && grep -q '^Driver Drops:[0-9]' "$err" &&
		grep -qE '^Elapsed time: [0-9.]+, Captured Events: [1-9]' "$err" &&
		grep -qE '^< openat +[1-9]' "$out" && grep -q '^Event           #Calls$' "$out" ||
		{ echo "see $out $err"; return 1; }
}

# live fields: a read of data.txt by files.c is file I/O on a file, its buflen its result.
t_so_live_fields() {
	local dir out=$SO_DIR/live-fields.out err=$SO_DIR/live-fields.err
	dir=$(fresh_dir so-live-fields)
	under_capture "$dir" "$PROGS/files" ready "$out" "$err" \
		"$SYSRAY" -M 60 -p "%evt.category %fd.typechar %fd.filename %evt.buflen %evt.rawres \
%evt.is_io_read %proc.vpid %thread.vtid %proc.loginshellid" \
		"proc.name=files and evt.type=read and evt.dir=< and fd.filename=data.txt"
	awk 'NF != 9 || $1 != "file" || $2 != "f" || $3 != "data.txt" || $4 != $5 ||
		$6 != "true" || $7 !~ /^[0-9]+$/ || $8 !~ /^[0-9]+$/ || $9 !~ /^[0-9]+$/ { bad = 1 }
		END { exit bad || NR == 0 }' "$out" || { echo "see $out"; return 1; }
}

if ! command -v sysdig >/dev/null; then
	skip so "sysdig is not installed (apt-get install -y sysdig)"
elif [ ! -d "$SO_DATA" ]; then
	skip so "no $SO_DATA"
else
	expect so-fields "the issue's fields: sysdig 0.29's values" so_same fields -p "$SO_FIELDS"
	expect so-pc "-pc: sysdig's container line" so_same pc -pc
	expect so-pcontainer "-pcontainer" so_same pcontainer -pcontainer
	expect so-pk "-pk: sysdig's kubernetes line" so_same pk -pk
	expect so-pm "-pm: sysdig's mesos line" so_same pm -pm
	expect so-td "-t d: the latency" so_same td -t d
	expect so-fdlist "fdlist.*: the fds of poll and ppoll, as sysdig lists them" \
		so_same fdlist -p "$SO_FDLIST" "evt.type in (poll, ppoll)"
	expect so-absent "k8s, mesos, span, evtin: <NA> in a template, false in a filter" \
		so_same absent -p "$SO_ABSENT" "evt.num < 40 and not k8s.pod.name exists and \
not k8s.ns.label.team=x and not span.id=1 and not evtin.span.m.tag[0]=x"
	expect so-ascii "-A: buffers as text (line ends as sysdig prints them)" so_same ascii -A
	expect so-hex "-X: buffers in hex and ASCII" so_same hex -X
	expect so-hex-only "-x: buffers in hex" so_same hex-only -x
	expect so-base64 "-b: buffers in base64" so_same base64 -b
	expect so-base64-json "-b -j: base64 in JSON" so_same base64-json -b -j
	# evt.buffer follows the buffer format; a read of 0 bytes has an empty buffer
	expect so-buffer-hex "-x -p %evt.buffer" so_same buffer-hex -x -p "*%evt.num [%evt.buffer]"
	expect so-buffer-ascii "-A -p %evt.buffer" so_same buffer-ascii -A -p "[%evt.buffer]"
	expect so-buffer-b64 "-b -j -p %evt.buffer" so_same buffer-b64 -b -j -p "%evt.buffer"
	expect so-tD "-t D: the delta from the previous line" so_same tD -t D evt.type=brk
	expect so-summary "-S: sysdig's table" t_so_summary
	if command -v sysdig >/dev/null; then
		expect so-summary-truncated "-S on a truncated file: the table, then the error" \
			t_so_summary_truncated
	else
		skip so-summary-truncated "sysdig is not installed"
	fi
	expect so-verbose "-v: driver counts, captured events, whole arguments" t_so_verbose
	expect so-list "-l/-lv: sysdig's text for the classes sysray has" t_so_list
	expect so-list-names "-l: the same field names per class" t_so_list_names
	expect so-rejected "sysdig options sysray does not take: a message, exit 1" t_so_rejected
	expect so-anywhere "options after the filter, as sysdig's getopt takes them" t_so_anywhere
	if selected so-live; then
		if [ -e /sys/kernel/btf/vmlinux ]; then
			expect so-live "live -pc -v -S: container columns, driver counts, summary" \
				t_so_live
			expect so-live-fields "live: category, typechar, filename, buflen, ids" \
				t_so_live_fields
		else
			skip so-live "no BTF: eBPF capture not available here"
		fi
	fi
fi
