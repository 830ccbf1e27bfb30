# SPDX-License-Identifier: Apache-2.0
# (bpf-net) eBPF socket events: tests/progs/net.c (loopback TCP, UDP, unix stream and datagram
# sockets) under a capture filtered to its pid. The kernel's tuples (connect, accept,
# send/receive), the accept queue, bind addresses, listen backlogs, sizes and data must be
# exact; the live state names the sockets from them; a -w file reads alike in sysdig 0.29.

NET_DIR=$WORK/bpf-net
mkdir -p "$NET_DIR"

# net_run TAG COMMAND...: runs net.c in a fresh directory (its unix socket path is relative)
# under COMMAND (sysray capture --pid, let go at its attach line, or live sysray, once it polls its ring),
# stopped by SIGINT after the program ended. @PID@ in COMMAND's arguments becomes net.c's pid
# (other programs called net may run on the machine). Sets NET_OUT, NET_ERR.
# Returns 2 when eBPF capture is not available here.
net_run() {
	local tag=$1
	shift
	local dir wait=ready
	dir=$(fresh_dir "bpf-net-$tag")
	NET_OUT=$NET_DIR/$tag.out
	NET_ERR=$NET_DIR/$tag.err
	[ "${2:-}" = capture ] && wait=attached
	under_capture "$dir" "$PROGS/net" "$wait" "$NET_OUT" "$NET_ERR" "$@"
}

# The event part (from the direction on) of NET_OUT's lines for event NAME in direction DIR.
net_lines() {
	awk -v dir="$1" -v name="$2" '$5 == dir && $6 == name' "$NET_OUT" | cut -d' ' -f5-
}

# The TCP server's port (connect's destination) and the client's port (from its tuple).
net_ports() {
	SRV=$(net_lines '>' connect | sed -n '1s/.* addr=127\.0\.0\.1:\([0-9]*\)$/\1/p')
	CLI=$(net_lines '<' connect | sed -n '1s/.* tuple=127\.0\.0\.1:\([0-9]*\)->.*/\1/p')
	[ -n "$SRV" ] && [ -n "$CLI" ]
}

t_net_bind_listen() {
	net_lines '<' bind | grep -qx '< bind res=0 addr=127.0.0.1:0 fd=3' &&
	net_lines '>' listen | grep -qx '> listen fd=3 backlog=8' &&
	net_lines '<' listen | grep -qx '< listen res=0 fd=3 backlog=8' &&
	net_lines '<' bind | grep -qx '< bind res=0 addr=net.sock fd=3' &&
	net_lines '<' listen | grep -qx '< listen res=0 fd=3 backlog=1'
}

# connect's exit tuple: the socket's local end (an ephemeral port) to the server.
t_net_connect() {
	net_ports &&
	net_lines '<' connect | grep -qx "< connect res=0 tuple=127.0.0.1:$CLI->127.0.0.1:$SRV fd=4 addr=127.0.0.1:$SRV" &&
	net_lines '<' connect |
		grep -qx "< connect res=-111(ECONNREFUSED) tuple=0.0.0.0:0->127.0.0.1:$SRV fd=3 addr=127.0.0.1:$SRV"
}

# accept4's tuple names the peer first; the queue is the listening socket's.
t_net_accept() {
	net_ports &&
	net_lines '>' accept | grep -qx '> accept flags=524288' &&
	net_lines '<' accept | grep -qx "< accept fd=5 tuple=127.0.0.1:$CLI->127.0.0.1:$SRV queuepct=0 queuelen=0 queuemax=8"
}

t_net_tcp_io() {
	net_ports &&
	net_lines '>' sendto | grep -qx '> sendto fd=4 size=18 tuple=<NA>' &&
	net_lines '<' sendto | grep -qxF "< sendto res=18 data=GET / HTTP/1.0.... fd=4 size=18 tuple=127.0.0.1:$CLI->127.0.0.1:$SRV" &&
	net_lines '<' recvfrom | grep -qxF "< recvfrom res=18 data=GET / HTTP/1.0.... tuple=127.0.0.1:$CLI->127.0.0.1:$SRV fd=5 size=64" &&
	net_lines '<' sendto | grep -qxF "< sendto res=17 data=HTTP/1.0 200 OK.. fd=5 size=17 tuple=127.0.0.1:$SRV->127.0.0.1:$CLI" &&
	net_lines '<' recvfrom | grep -qxF "< recvfrom res=17 data=HTTP/1.0 200 OK.. tuple=127.0.0.1:$SRV->127.0.0.1:$CLI fd=4 size=64" &&
	net_lines '>' shutdown | grep -qx '> shutdown fd=4 how=1' &&
	net_lines '<' recvfrom | grep -qxF "< recvfrom res=0 data=<NA> tuple=127.0.0.1:$CLI->127.0.0.1:$SRV fd=5 size=64"
}

# UDP: the destination comes from the caller's address until the socket has a peer; the
# sender's port appears once the kernel bound it; sendmsg/recvmsg gather their iovecs; recvmsg
# names the sender when msg_name asks for it (0.0.0.0:0 without).
t_net_udp() {
	local u c
	u=$(net_lines '>' sendto | sed -n 's/^> sendto fd=4 size=8 tuple=0\.0\.0\.0:0->127\.0\.0\.1:\([0-9]*\)$/\1/p')
	c=$(net_lines '<' sendto | sed -n 's/^< sendto res=8 data=datagram fd=4 size=8 tuple=0\.0\.0\.0:\([0-9]*\)->.*/\1/p')
	[ -n "$u" ] && [ -n "$c" ] &&
	net_lines '<' sendto | grep -qx "< sendto res=8 data=datagram fd=4 size=8 tuple=0.0.0.0:$c->127.0.0.1:$u" &&
	net_lines '<' recvfrom | grep -qx "< recvfrom res=8 data=datagram tuple=127.0.0.1:$c->127.0.0.1:$u fd=3 size=64" &&
	net_lines '>' sendmsg | grep -qx "> sendmsg fd=4 size=9 tuple=0.0.0.0:$c->127.0.0.1:$u" &&
	net_lines '<' sendmsg | grep -qx "< sendmsg res=9 data=two parts fd=4 size=9 tuple=0.0.0.0:$c->127.0.0.1:$u" &&
	net_lines '>' recvmsg | grep -qx '> recvmsg fd=3' &&
	net_lines '<' recvmsg | grep -qx "< recvmsg res=9 size=9 data=two parts tuple=0.0.0.0:0->127.0.0.1:$u msgcontrol=<NA> fd=3" &&
	net_lines '<' recvmsg | grep -qx "< recvmsg res=5 size=5 data=named tuple=127.0.0.1:$c->127.0.0.1:$u msgcontrol=<NA> fd=3" &&
	net_lines '<' recvfrom | grep -qx '< recvfrom res=-11(EAGAIN) data=<NA> tuple=<NA> fd=4 size=64'
}

# Unix sockets: the two kernel socket ids and the listener's path, the same pair on both ends;
# socketpair's two fds and its ends' ids.
t_net_unix() {
	local tuple src peer
	tuple=$(net_lines '<' connect | sed -n 's/^< connect res=0 tuple=\([0-9a-f]*->[0-9a-f]* net\.sock\) fd=4 addr=net\.sock$/\1/p')
	[ -n "$tuple" ] &&
	net_lines '<' accept | grep -qx "< accept fd=5 tuple=$tuple queuepct=0 queuelen=0 queuemax=1" &&
	net_lines '<' socketpair | grep -Eqx '< socketpair res=0 fd1=3 fd2=4 source=[1-9][0-9]* peer=[1-9][0-9]* domain=1 type=2 proto=0' &&
	src=$(net_lines '<' socketpair | sed -n 's/.* source=\([0-9]*\) .*/\1/p') &&
	peer=$(net_lines '<' socketpair | sed -n 's/.* peer=\([0-9]*\) .*/\1/p') &&
	net_lines '<' sendto | grep -qx "< sendto res=4 data=pair fd=3 size=4 tuple=$(printf %x "$peer")->$(printf %x "$src") "
}

t_net_socket() {
	net_lines '<' socket | grep -qx '< socket fd=3 domain=2 type=524289 proto=0 flags=0x1000' &&
	net_lines '<' socket | grep -qx '< socket fd=4 domain=2 type=2050 proto=0 flags=0x40' &&
	net_lines '<' socket | grep -qx '< socket fd=-22(EINVAL) domain=2 type=12345 proto=0 flags=0x0'
}

# Socket options: level and optname in libs' numbering (SOL_SOCKET 1, SOL_TCP 2, other 0; SO_*
# names 0 off SOL_SOCKET), val by the option's shape: ints, SO_RCVTIMEO's timeval in ns,
# SO_ERROR's pending error negated, raw bytes otherwise (TCP_NODELAY, SO_LINGER, unknown).
# getsockopt shows what the kernel wrote (SO_RCVBUF doubled). The enter events and
# getsockname/getpeername carry no parameters, as in sysdig's table.
NET_SOCKOPT_LINES='< setsockopt res=0 fd=3 level=1 optname=2 val=1 optlen=4
< setsockopt res=0 fd=4 level=2 optname=0 val=.... optlen=4
< getsockopt res=0 fd=4 level=1 optname=3 val=1 optlen=4
< getsockopt res=0 fd=4 level=1 optname=4 val=0 optlen=4
< setsockopt res=0 fd=3 level=1 optname=20 val=1500000000 optlen=16
< setsockopt res=0 fd=3 level=1 optname=8 val=4096 optlen=4
< getsockopt res=0 fd=3 level=1 optname=8 val=8192 optlen=4
< setsockopt res=0 fd=3 level=1 optname=13 val=....A... optlen=8
< setsockopt res=-92(ENOPROTOOPT) fd=3 level=1 optname=0 val=.... optlen=4
< getsockopt res=0 fd=3 level=1 optname=4 val=-111(ECONNREFUSED) optlen=4'
t_net_sockopt() {
	diff <(echo "$NET_SOCKOPT_LINES") \
		<(awk '$5 == "<" && ($6 == "setsockopt" || $6 == "getsockopt")' "$NET_OUT" |
			cut -d' ' -f5-) &&
	[ "$(net_lines '>' setsockopt | sort -u)" = '> setsockopt' ] &&
	[ "$(net_lines '>' getsockopt | sort -u)" = '> getsockopt' ] &&
	[ "$(net_lines '>' getsockname | wc -l)" = 3 ] &&
	[ "$(net_lines '<' getsockname | sort -u)" = '< getsockname' ] &&
	[ "$(net_lines '<' getsockname | wc -l)" = 3 ] &&
	[ "$(net_lines '>' getpeername)" = '> getpeername' ] &&
	[ "$(net_lines '<' getpeername)" = '< getpeername' ]
}

# Live: the state names the TCP sockets from the kernel's tuples; fd fields as sysdig's (the
# template has IP fields: unix socket lines lack them and are not printed).
NET_TPL="%evt.type %evt.dir %fd.num %fd.name %fd.l4proto %fd.sip %fd.sport %fd.cip %fd.cport %fd.connected"
t_net_live_fields() {
	local cli srv
	cli=$(awk '$1 == "connect" && $2 == "<" { split($4, a, "[:-]"); print a[2]; exit }' "$NET_OUT")
	srv=$(awk '$1 == "connect" && $2 == "<" { n = split($4, a, ":"); print a[n]; exit }' "$NET_OUT")
	local tcp="127.0.0.1:$cli->127.0.0.1:$srv tcp 127.0.0.1 $srv 127.0.0.1 $cli true"
	[ -n "$cli" ] && [ -n "$srv" ] &&
	grep -qx "connect < 4 $tcp" "$NET_OUT" &&
	grep -qx "accept < 5 $tcp" "$NET_OUT" &&
	grep -qx "recvfrom < 5 $tcp" "$NET_OUT" &&
	grep -qx "sendto < 4 $tcp" "$NET_OUT"
}

# fd.snet / fd.cnet / fd.net filter on the socket's addresses.
t_net_live_net() {
	[ "$(grep -c . "$NET_OUT")" = 1 ] && grep -q '^accept < 127\.0\.0\.1:' "$NET_OUT"
}

# -w: sysdig 0.29 and sysray -r print the same socket lines (TCP and unix) from the file.
t_net_write() {
	local f=$NET_DIR/net.scap tpl="%evt.type %evt.dir %fd.name %evt.args"
	local flt="(fd.sockfamily=unix or fd.l4proto=tcp) and evt.type!=socketpair"
	command -v sysdig >/dev/null || { echo "sysdig not installed"; return 1; }
	sysdig -r "$f" -p "$tpl" "$flt" >"$NET_DIR/w.sysdig" 2>&1 &&
	"$SYSRAY" -r "$f" -p "$tpl" "$flt" >"$NET_DIR/w.sysray" 2>&1 &&
	diff "$NET_DIR/w.sysdig" "$NET_DIR/w.sysray" &&
	grep -Eq '^accept < 127\.0\.0\.1:[0-9]+->127\.0\.0\.1:[0-9]+ fd=5\(<4t>127\.0\.0\.1:' \
		"$NET_DIR/w.sysray" &&
	grep -Eq '^connect < [0-9a-f]+->[0-9a-f]+ net\.sock res=0 tuple=' "$NET_DIR/w.sysray" &&
	grep -q '^recvfrom < .* res=18 data=GET / HTTP/1.0.... tuple=' "$NET_DIR/w.sysray"
}

# -w: the socket option events read alike by sysdig 0.29 and sysray -r, with sysdig's names
# for level and optname, the fd's socket and the seconds of a timeout ('*': the lines of
# events without parameters too, their evt.arg.val <NA>).
t_net_write_sockopt() {
	local f=$NET_DIR/net.scap tpl="*%evt.type %evt.dir %evt.args| %evt.arg.val %evt.info"
	local flt="evt.type in (setsockopt, getsockopt, getsockname, getpeername)"
	sysdig -r "$f" -p "$tpl" "$flt" >"$NET_DIR/so.sysdig" 2>&1 &&
	"$SYSRAY" -r "$f" -p "$tpl" "$flt" >"$NET_DIR/so.sysray" 2>&1 &&
	diff "$NET_DIR/so.sysdig" "$NET_DIR/so.sysray" &&
	[ "$(grep -c '^getsockname < | <NA> $' "$NET_DIR/so.sysray")" = 3 ] &&
	[ "$(grep -c '^getpeername [<>] | <NA> $' "$NET_DIR/so.sysray")" = 2 ] &&
	grep -qxF 'setsockopt < res=0 fd=3(<4>) level=1(SOL_SOCKET) optname=20(SO_RCVTIMEO) val=1500000000(1.5s) optlen=16 | 1.5s res=0 fd=3(<4>) level=1(SOL_SOCKET) optname=20(SO_RCVTIMEO) val=1500000000(1.5s) optlen=16 ' "$NET_DIR/so.sysray" &&
	grep -qF 'setsockopt < res=0 fd=4(<4>) level=2(SOL_TCP) optname=0(UNKNOWN) val=.... optlen=4 |' "$NET_DIR/so.sysray" &&
	grep -qF 'getsockopt < res=0 fd=3(<4>) level=1(SOL_SOCKET) optname=8(SO_RCVBUF) val=8192 optlen=4 | 8192 ' "$NET_DIR/so.sysray" &&
	grep -qF 'setsockopt < res=-92(ENOPROTOOPT) fd=3(<4>) level=1(SOL_SOCKET) optname=0(UNKNOWN) val=.... optlen=4 |' "$NET_DIR/so.sysray" &&
	grep -Eq '^getsockopt < res=0 fd=3\(<4t>127\.0\.0\.1:0->127\.0\.0\.1:[0-9]+\) level=1\(SOL_SOCKET\) optname=4\(SO_ERROR\) val=-111\(ECONNREFUSED\) optlen=4 \| ECONNREFUSED ' \
		"$NET_DIR/so.sysray"
}

if selected bpf-net; then
	net_run capture "$SYSRAY" capture --pid @PID@ -M 60
	case $? in
	0)
		expect bpf-net-bind-listen "bind addresses, listen backlogs" t_net_bind_listen
		expect bpf-net-connect "connect exit tuple from the kernel socket" t_net_connect
		expect bpf-net-accept "accept4 tuple, flags and queue" t_net_accept
		expect bpf-net-tcp-io "TCP sendto/recvfrom sizes, data, tuples; shutdown" \
			t_net_tcp_io
		expect bpf-net-udp "UDP sendto/recvfrom/sendmsg/recvmsg" t_net_udp
		expect bpf-net-unix "unix tuples, socketpair ids" t_net_unix
		expect bpf-net-socket "socket exit with flags and failures" t_net_socket
		expect bpf-net-sockopt "setsockopt/getsockopt values by option shape; getsockname" \
			t_net_sockopt
		net_run live "$SYSRAY" -M 60 -p "$NET_TPL" \
			"proc.pid=@PID@ and evt.type in (connect,accept,sendto,recvfrom)"
		expect bpf-net-live-fields "live fd.name, sip/sport/cip/cport, l4proto, connected" \
			t_net_live_fields
		net_run snet "$SYSRAY" -M 60 -p "%evt.type %evt.dir %fd.name" \
			"proc.pid=@PID@ and evt.type=accept and fd.snet=127.0.0.0/8 and fd.cnet=127.0.0.1/32 and fd.net=127.0.0.0/8"
		expect bpf-net-live-net "fd.net/cnet/snet filters" t_net_live_net
		net_run write "$SYSRAY" -M 60 -w "$NET_DIR/net.scap" "proc.pid=@PID@"
		expect bpf-net-write "-w file: sysdig -r and sysray -r agree on the sockets" \
			t_net_write
		expect bpf-net-write-sockopt "-w file: socket options read alike by sysdig and sysray" \
			t_net_write_sockopt
		;;
	2)
		skip bpf-net "eBPF capture not available here: $(head -c 300 "$NET_ERR")"
		;;
	*)
		fail bpf-net "capture failed: $(head -c 300 "$NET_ERR")"
		;;
	esac
fi
