# SPDX-License-Identifier: Apache-2.0
# sysray netstat against net-tools' netstat and sysray ss against iproute2's ss, on the same
# machine in the same run, over the sockets of tests/progs/sockholder.c, whose queues are
# known: a TCP listener with backlog 7 and 3 connections waiting to be accepted, an
# established pair with 5 unread bytes, a listener on ::1 with backlog 9, a UDP socket with
# an unread datagram, a unix listener with backlog 4 and 2 connections waiting, a unix pair
# with 6 unread bytes. netstat's rows must be the same text; ss's the same fields.

ns_dir=$(fresh_dir netstat-ss)

# ns_start: starts the holder, waits for its "ready" line, sets NS_PID, NS_LISTEN, NS_LISTEN6.
ns_start() {
	"$PROGS/sockholder" "$ns_dir" >"$ns_dir/ready" 2>"$ns_dir/err" &
	NS_HOLDER=$!
	wait_until "sockholder's ready line" grep -q '^ready' "$ns_dir/ready" || return 1
	local line
	line=$(cat "$ns_dir/ready")
	NS_PID=$(sed -n 's/.* pid=\([0-9]*\).*/\1/p' <<<"$line")
	NS_LISTEN=$(sed -n 's/.* listen=\([0-9]*\).*/\1/p' <<<"$line")
	NS_LISTEN6=$(sed -n 's/.* listen6=\([0-9]*\).*/\1/p' <<<"$line")
	[ "$NS_PID" = "$NS_HOLDER" ]
}

# netstat's rows of the holder's sockets (its pid, or the path of its unix listener, whose
# queued connections no process holds yet), sorted; then the two header lines of each part.
ns_netstat_rows() {
	grep -e " $NS_PID/sockholder " -e " $ns_dir/ss.sock\$" | sort
}
ns_headers() {
	grep -e '^Active ' -e '^Proto '
}

# ns_netstat_same OPTIONS: sysray netstat OPTIONS prints the holder's rows and the headers
# as netstat OPTIONS does, character for character.
ns_netstat_same() {
	local out=$ns_dir/netstat$1
	netstat "$1" >"$out.want" 2>/dev/null
	"$SYSRAY" netstat "$1" >"$out.got" || return 1
	[ "$(ns_netstat_rows <"$out.want" | wc -l)" -ge "$2" ] &&
		diff <(ns_netstat_rows <"$out.want") <(ns_netstat_rows <"$out.got") &&
		diff <(ns_headers <"$out.want") <(ns_headers <"$out.got")
}

# ss's rows of the holder's sockets, blanks squeezed (ss sizes its columns to the screen).
ns_ss_rows() {
	grep "pid=$NS_PID," | awk '{ $1 = $1; print }' | sort
}

# ns_ss_same OPTIONS MIN: sysray ss OPTIONS has the holder's rows of ss OPTIONS (at least
# MIN), field for field, and the same first column (Netid or State).
ns_ss_same() {
	local out=$ns_dir/ss$1
	ss "$1" >"$out.want" 2>/dev/null
	"$SYSRAY" ss "$1" >"$out.got" || return 1
	[ "$(ns_ss_rows <"$out.want" | wc -l)" -ge "$2" ] &&
		diff <(ns_ss_rows <"$out.want") <(ns_ss_rows <"$out.got") &&
		[ "$(head -1 "$out.want" | awk '{ print $1 }')" = "$(head -1 "$out.got" | awk '{ print $1 }')" ]
}

# The figures themselves, not only the agreement: netstat shows a listener's accept queue
# and Send-Q 0, ss its accept queue and its backlog.
ns_figures() {
	local n s
	n=$("$SYSRAY" netstat -tlnp) && s=$("$SYSRAY" ss -tlnp) || return 1
	grep -Eq "^tcp +3 +0 127\.0\.0\.1:$NS_LISTEN +0\.0\.0\.0:\* +LISTEN +$NS_PID/sockholder" <<<"$n" &&
		grep -Eq "^LISTEN +3 +7 +127\.0\.0\.1:$NS_LISTEN +0\.0\.0\.0:\* +users:\(\(\"sockholder\",pid=$NS_PID," <<<"$s" || return 1
	if [ "$NS_LISTEN6" != 0 ]; then
		grep -Eq "^LISTEN +0 +9 +\[::1\]:$NS_LISTEN6 " <<<"$s" || return 1
	fi
	"$SYSRAY" netstat -tnp | grep -Eq "^tcp +5 +0 127\.0\.0\.1:[0-9]+ +127\.0\.0\.1:[0-9]+ +ESTABLISHED +$NS_PID/" &&
		"$SYSRAY" ss -xlp | grep -Eq "^u_str +LISTEN +2 +4 +$ns_dir/ss\.sock [0-9]+ +\* 0 " &&
		"$SYSRAY" ss -xp | grep -Eq "^u_str +ESTAB +6 +0 .*pid=$NS_PID,"
}

if ! command -v netstat >/dev/null || ! command -v ss >/dev/null; then
	skip netstat-ss "net-tools' netstat or iproute2's ss is not installed (scripts/install-deps.sh)"
elif ! ns_start; then
	fail netstat-ss-setup "sockholder did not start: $(head -c 300 "$ns_dir/err")"
else
	for opts in -tuxanpe -tuxanp -tuap -tlnp -tnp -uanp -ulnp -xanp -xlp -tanpW; do
		case $opts in
		-tuxanp*) min=14 ;;
		-tuap) min=9 ;;
		-tnp) min=5 ;;
		-uanp) min=2 ;;
		-xanp) min=5 ;;
		*) min=1 ;;
		esac
		expect "netstat-same$opts" "sysray netstat $opts differs from netstat $opts" \
			ns_netstat_same "$opts" "$min"
	done
	for opts in -tuxanp -tuap -tlnp -tnp -uanp -xap -xlp -xp; do
		case $opts in
		-tuxanp) min=14 ;;
		-tuap) min=9 ;;
		-xap) min=5 ;;
		*) min=1 ;;
		esac
		expect "ss-same$opts" "sysray ss $opts differs from ss $opts" ns_ss_same "$opts" "$min"
	done
	expect netstat-ss-figures "netstat: accept queue, Send-Q 0; ss: accept queue, backlog" \
		ns_figures
	expect netstat-ss-json "netstat -j and ss -j: a JSON object per socket, with the backlog" \
		"$PY" -c "
import json, subprocess
for cmd in (['$SYSRAY', 'netstat', '-tlj'], ['$SYSRAY', 'ss', '-tlj']):
    rows = [json.loads(l) for l in subprocess.run(cmd, capture_output=True, check=True,
                                                  text=True).stdout.splitlines()]
    mine = [r for r in rows if r['local_port'] == $NS_LISTEN and r['netid'] == 'tcp']
    assert len(mine) == 1, (cmd, mine)
    r = mine[0]
    assert (r['state'], r['recv_q'], r['send_q'], r['backlog']) == ('LISTEN', 3, 0, 7), r
    assert r['users'][0]['pid'] == $NS_PID, r
"
	kill "$NS_HOLDER" 2>/dev/null
	wait "$NS_HOLDER" 2>/dev/null
fi
