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

expect cap-private-trace "trace -w: the capture file is 0600, an overwritten one too" t_private_trace
if selected cap-private-live; then
	t_private_live
	case $? in
	0) pass cap-private-live ;;
	2) skip cap-private-live "eBPF capture unavailable on this kernel" ;;
	*) fail cap-private-live "live -w and -z: the capture files are 0600" ;;
	esac
fi
