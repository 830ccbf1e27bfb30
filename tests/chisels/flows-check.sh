#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# flows-check.sh CMD: checks the flows chisel (chisels/flows.lua) byte for byte on a live
# loopback TCP exchange. CMD runs the chisel on a capture file: "build/sysray" or "sysdig"
# (several words are allowed: "sysdig -v"); the capture itself is always made by sysray
# ($SYSRAY, default build/sysray of this checkout), as root.
#
# Steps:
#   1. Capture the whole system with sysray's largest snaplen (16 KiB):
#        $SYSRAY -s 16384 -w $WORK/full.scap
#      from the moment it is ready until python3, which it waits for, has run a loopback exchange on 127.0.0.1 (server on a free port SPORT,
#      client on CPORT): the client sends 40,000 bytes (the 256 byte values over and over) in
#      writes of at most 16 KiB, the server answers with 70,000 other bytes in one write,
#      then the client sends "bye\n" and the server "ok\n" and both close. The reads are at
#      most 16 KiB. python3 writes the bytes of each direction to $WORK/expect-c2s and
#      $WORK/expect-s2c.
#   2. Run the chisel with the chisel directory of this checkout first:
#        TZ=UTC SYSDIG_CHISEL_DIR=chisels/ CMD -r $WORK/full.scap -c flows $WORK/out fd.sport=SPORT
#   3. Expected: $WORK/out holds exactly
#        127.000.000.001.<CPORT, 5 digits>-127.000.000.001.<SPORT, 5 digits>  = expect-c2s
#        127.000.000.001.<SPORT>-127.000.000.001.<CPORT>                      = expect-s2c
#      byte for byte (the server's 70,000-byte write is cut at the snaplen, the client's
#      reads of it are not: the chisel keeps the fuller view), stdout lists the two files
#      with their sizes (40004 and 70003), and stderr says nothing.
#   4. The same with a small snaplen (-s 256): the files are shorter than the exchange, and
#      stderr says "flows: N bytes of 110007 were not captured; capture with a larger -s",
#      where N is 110007 minus the sizes of the two files.
#
# Exit 0 when everything matches, 1 (after saying what differs) when not, 2 when it cannot
# run (not root, no python3, no sysray). KEEP=1 keeps the work directory.

set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
CMD=${1:?usage: flows-check.sh CMD   (CMD: build/sysray, sysdig, ...)}
SYSRAY=${SYSRAY:-$repo/build/sysray}
. "$here/live-capture.sh"

[ "$(id -u)" = 0 ] || { echo "flows-check: needs root (live capture)"; exit 2; }
command -v python3 >/dev/null || { echo "flows-check: needs python3"; exit 2; }
[ -x "$SYSRAY" ] || { echo "flows-check: no sysray at $SYSRAY"; exit 2; }

WORK=$(mktemp -d /tmp/flows-check.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

failures=0
fail() {
	echo "FAIL: $*"
	failures=$((failures + 1))
}

# The loopback exchange; prints "CPORT SPORT".
exchange() {
	python3 - "$WORK" <<'EOF'
import socket, sys, threading
work = sys.argv[1]
c2s = bytes(range(256)) * 156 + bytes(range(64))          # 40,000 bytes
s2c = bytes((i * 7 + 3) % 251 for i in range(70000))        # 70,000 bytes
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(1)

def recv_exactly(s, n):
    got = b""
    while len(got) < n:
        d = s.recv(min(16384, n - len(got)))
        if not d:
            raise SystemExit("connection closed early")
        got += d
    return got

def serve():
    c, _ = srv.accept()
    assert recv_exactly(c, len(c2s)) == c2s
    c.sendall(s2c)
    assert recv_exactly(c, 4) == b"bye\n"
    c.sendall(b"ok\n")
    c.close()

t = threading.Thread(target=serve)
t.start()
cl = socket.create_connection(srv.getsockname())
for i in range(0, len(c2s), 16384):
    cl.sendall(c2s[i:i + 16384])
assert recv_exactly(cl, len(s2c)) == s2c
cl.sendall(b"bye\n")
assert recv_exactly(cl, 3) == b"ok\n"
cport = cl.getsockname()[1]
cl.close()
t.join()
open(work + "/expect-c2s", "wb").write(c2s + b"bye\n")
open(work + "/expect-s2c", "wb").write(s2c + b"ok\n")
print(cport, srv.getsockname()[1])
EOF
}

# exchange_ports: the exchange, its "CPORT SPORT" kept in $WORK/ports.
exchange_ports() {
	exchange >"$WORK/ports"
}

# capture SNAPLEN NAME: runs the exchange under a capture; sets CPORT and SPORT.
capture() {
	live_capture "$WORK/$2.capture.log" exchange_ports -s "$1" -w "$WORK/$2.scap" ||
		{ fail "capture or exchange failed: $(tail -3 "$WORK/$2.capture.log")"; return 1; }
	read -r CPORT SPORT <"$WORK/ports"
}

# run_chisel NAME: the chisel over $WORK/NAME.scap into $WORK/NAME.out.
run_chisel() {
	# shellcheck disable=SC2086 # CMD may be several words
	TZ=UTC SYSDIG_CHISEL_DIR="$repo/chisels/" $CMD -r "$WORK/$1.scap" -c flows "$WORK/$1.out" \
		"fd.sport=$SPORT" >"$WORK/$1.stdout" 2>"$WORK/$1.stderr"
}

# Where two files first differ, or why one is missing.
differ() {
	if [ ! -e "$1" ]; then
		echo "$1 is missing"
	else
		cmp "$1" "$2" 2>&1 | head -1
		echo "  sizes: $(stat -c %s "$1") written, $(stat -c %s "$2") expected"
	fi
}

name() { # name IP-PORT pair as tcpflow: name CPORT SPORT
	printf '127.000.000.001.%05d-127.000.000.001.%05d' "$1" "$2"
}

# 1-3: full snaplen, exact bytes.
if capture 16384 full; then
	run_chisel full || fail "the chisel exited with $?: $(head -3 "$WORK/full.stderr")"
	up=$(name "$CPORT" "$SPORT")
	down=$(name "$SPORT" "$CPORT")
	cmp -s "$WORK/full.out/$up" "$WORK/expect-c2s" ||
		fail "client->server $up: $(differ "$WORK/full.out/$up" "$WORK/expect-c2s")"
	cmp -s "$WORK/full.out/$down" "$WORK/expect-s2c" ||
		fail "server->client $down: $(differ "$WORK/full.out/$down" "$WORK/expect-s2c")"
	extra=$(ls "$WORK/full.out" | grep -v -x -e "$up" -e "$down")
	[ -z "$extra" ] || fail "unexpected files in the output directory: $extra"
	for want in "40004 $WORK/full.out/$up" "70003 $WORK/full.out/$down"; do
		grep -q -x -F "$want" "$WORK/full.stdout" ||
			fail "stdout lacks the line '$want'; it is: $(cat "$WORK/full.stdout")"
	done
	[ ! -s "$WORK/full.stderr" ] || fail "stderr is not empty: $(cat "$WORK/full.stderr")"
fi

# 4: small snaplen, the cut is counted.
if capture 256 cut; then
	run_chisel cut || fail "the chisel exited with $? (small snaplen): $(head -3 "$WORK/cut.stderr")"
	up=$(name "$CPORT" "$SPORT")
	down=$(name "$SPORT" "$CPORT")
	written=0
	for f in "$up" "$down"; do
		[ -e "$WORK/cut.out/$f" ] && written=$((written + $(stat -c %s "$WORK/cut.out/$f")))
	done
	missing=$((110007 - written))
	want="flows: $missing bytes of 110007 were not captured; capture with a larger -s"
	grep -q -x -F "$want" "$WORK/cut.stderr" ||
		fail "stderr should say '$want'; it says: $(cat "$WORK/cut.stderr")"
	[ "$written" -lt 110007 ] || fail "a 256-byte snaplen kept every byte ($written)"
fi

if [ "$failures" -ne 0 ]; then
	echo "flows-check: $failures failure(s) with '$CMD' (work directory $WORK)"
	exit 1
fi
echo "flows-check: OK with '$CMD'"
exit 0
