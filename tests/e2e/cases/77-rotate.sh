# SPDX-License-Identifier: Apache-2.0
# (rotate) -w with -C / -G / -W, as sysdig: each file is a whole capture (its own metadata),
# named FILE0, FILE1, ... with -C (a ring of -W files), through strftime(3) with -G (stopping
# after -W files). Busy children make the events; sysdig 0.29 and sysray -r must read every file.

ROT_DIR=$WORK/rotate
mkdir -p "$ROT_DIR"

# rot_busy SECONDS: a shell that opens and reads a file in a loop (cat: one process each).
rot_busy() {
	sh -c 'end=$(($(date +%s) + $1)); while [ "$(date +%s)" -lt $end ]; do
		cat /etc/hostname >/dev/null; done' sh "$1" &
	ROT_BUSY=$!
}

# rot_dd SECONDS: dd copying byte by byte, four events a byte, again and again for SECONDS:
# megabytes of events whenever the capture attaches (slow under a sanitizer), whatever the
# machine's load (the size test must fill its files and turn the ring).
rot_dd() {
	local end=$(($(date +%s) + $1))
	while [ "$(date +%s)" -lt "$end" ]; do
		dd if=/dev/zero of=/dev/null bs=1 count=100000 2>/dev/null
	done
}

# rot_readable FILE [MIN]: sysdig and sysray -r read FILE and print the same number of events,
# at least MIN (default 1).
rot_readable() {
	local a b
	a=$(sysdig -r "$1" 2>/dev/null | wc -l)
	b=$("$SYSRAY" -r "$1" 2>/dev/null | wc -l)
	[ "$a" -ge "${2:-1}" ] && [ "$a" = "$b" ]
}

t_rotate_size() {
	local d=$ROT_DIR/size f
	mkdir -p "$d"
	rot_dd 6 &
	local busy=$!
	# Two 1 MB files in a ring: FILE0 and FILE1 only, whatever the capture size.
	"$SYSRAY" -M 5 -w "$d/cap.scap" -C 1 -W 2 "proc.name=dd" >/dev/null 2>"$d/err"
	local rc=$?
	wait "$busy"
	grep -q 'eBPF capture unavailable' "$d/err" && return 2
	[ $rc -eq 0 ] || { echo "exit status $rc: $(head -c 300 "$d/err")"; return 1; }
	local files
	files=$(cd "$d" && ls cap.scap* | tr '\n' ' ')
	[ "$files" = "cap.scap0 cap.scap1 " ] || { echo "files: $files"; return 1; }
	# The file opened last may hold no printed event: the event that filled the one before
	# can be another process's, written only for the readers' state, and -M may end the
	# capture right after. Each file is read alike; the two together hold dd's events.
	for f in "$d"/cap.scap0 "$d"/cap.scap1; do
		rot_readable "$f" 0 || { echo "$f: not read alike by sysdig and sysray"; return 1; }
	done
	# The ring turned: the capture matched more events than the two files hold now. (Under
	# heavy load on the machine the files may hold only other processes' state events.)
	local matched kept all
	matched=$(sed -n 's/.* events, \([0-9]*\) matched.*/\1/p' "$d/err")
	kept=$({ "$SYSRAY" -r "$d/cap.scap0"; "$SYSRAY" -r "$d/cap.scap1"; } 2>/dev/null | wc -l)
	all=$({ "$SYSRAY" scap-dump "$d/cap.scap0"; "$SYSRAY" scap-dump "$d/cap.scap1"; } \
		2>/dev/null | grep -c ' nparams=')
	[ -n "$matched" ] && [ "$all" -gt 0 ] && [ "$matched" -gt "$kept" ] ||
		{ echo "matched ${matched:-?} events, the files keep $kept ($all with state events):" \
			"$(cat "$d/err")"; return 1; }
}

t_rotate_time() {
	local d=$ROT_DIR/time f n=0
	mkdir -p "$d"
	rot_busy 5
	# New file every second, stop after 2: exits 0 by itself.
	"$SYSRAY" -M 20 -w "$d/cap-%H%M%S.scap" -G 1 -W 2 "proc.name=cat" >/dev/null 2>"$d/err"
	local rc=$?
	wait "$ROT_BUSY"
	grep -q 'eBPF capture unavailable' "$d/err" && return 2
	[ $rc -eq 0 ] || return 1
	for f in "$d"/cap-*.scap; do
		rot_readable "$f" || return 1
		n=$((n + 1))
	done
	[ $n -eq 2 ]
}

t_rotate_usage() {
	local out
	out=$("$SYSRAY" -W 2 "proc.name=x" 2>&1)
	[ $? -ne 0 ] && grep -q -- '-C, -G and -W need -w FILE' <<<"$out"
}

for t in size time; do
	selected "rotate-$t" || continue
	t_rotate_$t
	case $? in
	0) pass "rotate-$t" ;;
	2) skip "rotate-$t" "eBPF capture unavailable on this kernel" ;;
	*) fail "rotate-$t" "-w rotation by ${t} as sysdig" ;;
	esac
done
expect rotate-usage "-C/-G/-W without -w: one message, non-zero exit" t_rotate_usage
