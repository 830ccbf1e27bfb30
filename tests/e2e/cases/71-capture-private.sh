# SPDX-License-Identifier: Apache-2.0
# (private) Capture files hold I/O buffers, command lines and environments: sysray creates them
# with mode 0600 whatever the umask, and narrows a file it overwrites (trace -w, live -w, -z).

PRIV_DIR=$WORK/private
mkdir -p "$PRIV_DIR"

# priv_world_file FILE: FILE exists, empty, mode 0644.
priv_world_file() {
	rm -f "$1"
	: >"$1"
	chmod 0644 "$1"
}

t_private_trace() {
	local f=$PRIV_DIR/trace.scap
	priv_world_file "$f"
	(umask 000 && "$SYSRAY" trace -w "$f" true) >/dev/null 2>&1 || return 1
	[ "$(stat -c %a "$f")" = 600 ] || { echo "trace -w left $(stat -c %a "$f")"; return 1; }
}

t_private_live() {
	local d=$PRIV_DIR/live f
	rm -rf "$d"
	mkdir -p "$d"
	priv_world_file "$d/plain.scap"
	(umask 000 &&
		"$SYSRAY" -M 1 -w "$d/plain.scap" proc.name=sysray-no-such &&
		"$SYSRAY" -M 1 -z -w "$d/gz.scap.gz" proc.name=sysray-no-such) >/dev/null 2>"$d/err"
	local rc=$?
	grep -q 'eBPF capture unavailable' "$d/err" && return 2
	[ $rc -eq 0 ] || { cat "$d/err"; return 1; }
	for f in "$d/plain.scap" "$d/gz.scap.gz"; do
		[ "$(stat -c %a "$f")" = 600 ] || { echo "$f: $(stat -c %a "$f")"; return 1; }
	done
}

# A filtered capture holds what its matched events need and nothing of other processes: a
# process the filter never matched leaves no argument or environment in the file; the
# matched one keeps its own; its parent (an ancestor) keeps its name and command line, not
# its environment.
t_private_filtered() {
	local d=$PRIV_DIR/filtered f rc
	f=$d/f.scap
	rm -rf "$d"
	mkdir -p "$d"
	cp /bin/cat "$d/catsecret"
	capture_start "$d/out" "$d/err" "$SYSRAY" -w "$f" proc.name=catsecret
	rc=$?
	[ $rc = 0 ] || return $rc
	env "SYSRAY_OTHER_TOKEN=hunter2-$$" /bin/true "--password=sekrit-$$"
	(export "SYSRAY_ANCESTOR_TOKEN=anc-$$"
		exec sh -c 'unset SYSRAY_ANCESTOR_TOKEN
			SYSRAY_OWN=mine-'$$' "$0" /etc/hostname >/dev/null; true' "$d/catsecret")
	capture_stop || { cat "$d/err"; return 1; }
	[ "$(stat -c %a "$f")" = 600 ] && [ ! -e "$f.partial" ] || { echo "mode or spool"; return 1; }
	! grep -aqE "hunter2-$$|sekrit-$$|anc-$$" "$f" ||
		{ echo "another process's secret is in $f"; return 1; }
	grep -aq "mine-$$" "$f" || { echo "the matched process lost its environment"; return 1; }
	sysdig -r "$f" -p "%proc.name %proc.pname %proc.pcmdline" evt.type=openat >"$d/sysdig" &&
		grep -q "^catsecret sh sh -c " "$d/sysdig" ||
		{ echo "sysdig -r: $(head -3 "$d/sysdig")"; return 1; }
}

expect cap-private-trace "trace -w: the capture file is 0600, an overwritten one too" t_private_trace
if selected cap-private-live; then
	t_private_live
	case $? in
	0) pass cap-private-live ;;
	2) skip cap-private-live "eBPF capture unavailable on this kernel" ;;
	*) fail cap-private-live "live -w and -z: the capture files are 0600" ;;
	esac
fi
if selected cap-private-filtered; then
	t_private_filtered
	case $? in
	0) pass cap-private-filtered ;;
	2) skip cap-private-filtered "eBPF capture unavailable on this kernel" ;;
	*) fail cap-private-filtered "a filtered capture: no trace of processes it did not match" ;;
	esac
fi
