#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
#
# misc-check.sh CMD: compares CMD's run of sysray's httplog, httptop, memcachelog, spy_logs,
# spy_syslog, udp_extract and around chisels with sysdig 0.29's own chisels, on a capture of
# a workload that gives them something to print (the shared captures in tests/data/scap
# hold no memcached, log-file or syslog traffic, and only one HTTP request).
#
# CMD runs a chisel on a capture file: "build/sysray" or "sysdig" (then sysdig runs our chisel
# files, found first through SYSDIG_CHISEL_DIR). The oracle is `sysdig` with its own chisel
# directory. The capture is made by sysray ($SYSRAY, default build/sysray), as root:
#   $SYSRAY -s 4096 -w $WORK/misc.scap   (from when it is ready until the workload ended)
# while python3 runs, on 127.0.0.1: an HTTP server answering GET /, /big, /missing (404) and
# POST /post, requested with and without a Host header; a memcached-like server on port 11211
# sent set, get and a "set ... noreply" with a size; a UDP ping-pong on another port; three
# lines written to $WORK/app.log (one with "WARNING", one with "error"); three syslog(3)
# messages (err, warning, info) to /dev/log (a socket of the test's own when the system has
# none, removed afterwards).
#
# Each check prints PASS or FAIL and, on failure, the differing lines. Tables whose row order
# is not defined in sysdig (httptop ties) are compared as sorted lines. Exit 0 when all pass,
# 1 when one fails, 2 when it cannot run. KEEP=1 keeps the work directory.

set -u

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
CMD=${1:?usage: misc-check.sh CMD   (CMD: build/sysray, sysdig, ...)}
SYSRAY=${SYSRAY:-$repo/build/sysray}
. "$here/live-capture.sh"

[ "$(id -u)" = 0 ] || { echo "misc-check: needs root (live capture)"; exit 2; }
command -v python3 >/dev/null || { echo "misc-check: needs python3"; exit 2; }
command -v sysdig >/dev/null || { echo "misc-check: needs sysdig (the oracle)"; exit 2; }
[ -x "$SYSRAY" ] || { echo "misc-check: no sysray at $SYSRAY"; exit 2; }

WORK=$(mktemp -d /tmp/misc-check.XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
export TZ=UTC

failures=0
passes=0

workload() {
	python3 - "$WORK" <<'EOF'
import http.server, os, socket, sys, syslog, threading, time, urllib.request
work = sys.argv[1]

class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        code, body = (404, b"nope\n") if self.path == "/missing" else \
            (200, b"x" * (3000 if self.path == "/big" else 100))
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(201)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")
    def log_message(self, *args):
        pass

httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=httpd.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d" % httpd.server_address[1]

mc = socket.socket()
mc.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
mc.bind(("127.0.0.1", 11211))
mc.listen(1)
def memcached():
    c, _ = mc.accept()
    while True:
        d = c.recv(4096)
        if not d:
            break
        if d.startswith(b"get"):
            c.sendall(b"VALUE foo 0 3\r\nbar\r\nEND\r\n")
        elif b"noreply" not in d:
            c.sendall(b"STORED\r\n")
threading.Thread(target=memcached, daemon=True).start()

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(("127.0.0.1", 0))
def pong():
    for _ in range(3):
        d, a = udp.recvfrom(2048)
        udp.sendto(b"pong:" + d, a)
threading.Thread(target=pong, daemon=True).start()

own_devlog = not os.path.exists("/dev/log")
if own_devlog:
    dl = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    dl.bind("/dev/log")
    def drain():
        while True:
            dl.recv(4096)
    threading.Thread(target=drain, daemon=True).start()

try:
    for path in ("/", "/big", "/"):
        req = urllib.request.Request(base + path, headers={"Host": "example.test"})
        urllib.request.urlopen(req).read()
    try:
        urllib.request.urlopen(base + "/missing")
    except Exception:
        pass
    urllib.request.urlopen(urllib.request.Request(base + "/post", data=b"a=1", method="POST")).read()

    c = socket.create_connection(("127.0.0.1", 11211))
    for cmd in (b"set foo 0 0 3\r\nbar\r\n", b"get foo\r\n"):
        c.sendall(cmd)
        c.recv(4096)
    c.sendall(b"set big 0 0 1500 noreply\r\n")
    time.sleep(0.05)
    c.sendall(b"y" * 1500 + b"\r\n")
    c.sendall(b"get big\r\n")
    c.recv(4096)
    c.close()

    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.connect(udp.getsockname())
    for i in range(3):
        u.send(b"ping %d" % i)
        u.recv(2048)

    with open(work + "/app.log", "a") as f:
        f.write("starting up\nWARNING disk low\n")
        f.flush()
        f.write("an error happened\n")
        f.flush()

    syslog.openlog("misccheck")
    syslog.syslog(syslog.LOG_ERR, "misc-check error")
    syslog.syslog(syslog.LOG_WARNING, "misc-check warning")
    syslog.syslog(syslog.LOG_INFO, "misc-check info")
    time.sleep(0.3)
finally:
    if own_devlog:
        os.unlink("/dev/log")
EOF
}

workload_logged() {
	workload || echo "misc-check: the workload failed (checks go on)"
}
live_capture "$WORK/capture.log" workload_logged -s 4096 -w "$WORK/misc.scap" ||
	{ echo "misc-check: capture failed: $(tail -3 "$WORK/capture.log")"; exit 2; }

ours() {
	# shellcheck disable=SC2086 # CMD may be several words
	SYSDIG_CHISEL_DIR="$repo/chisels/" $CMD "$@"
}

theirs() {
	SYSDIG_CHISEL_DIR= sysdig "$@"
}

# The progress line that sysdig's second run (run_app) prints.
no_progress() {
	grep -v -E '^[0-9. ]*100\.00$'
}

# check NAME MODE ARGS...: sysdig's and CMD's stdout for `-r misc.scap ARGS`.
check() {
	local name=$1 mode=$2
	shift 2
	(cd "$WORK/a" && ours -r "$WORK/misc.scap" "$@") 2>/dev/null | no_progress >"$WORK/ours.txt"
	(cd "$WORK/b" && theirs -r "$WORK/misc.scap" "$@") 2>/dev/null | no_progress >"$WORK/theirs.txt"
	if [ "$mode" = set ]; then
		sort -o "$WORK/ours.txt" "$WORK/ours.txt"
		sort -o "$WORK/theirs.txt" "$WORK/theirs.txt"
	fi
	sed -i "s#$WORK/a/#OUT/#g" "$WORK/ours.txt"
	sed -i "s#$WORK/b/#OUT/#g" "$WORK/theirs.txt"
	if [ ! -s "$WORK/theirs.txt" ]; then
		echo "FAIL $name: sysdig printed nothing (the workload did not reach the capture?)"
		failures=$((failures + 1))
	elif diff -u "$WORK/theirs.txt" "$WORK/ours.txt" >"$WORK/diff.txt"; then
		echo "PASS $name ($(wc -l <"$WORK/ours.txt") lines)"
		passes=$((passes + 1))
	else
		echo "FAIL $name: sysdig (-) and $CMD (+) differ:"
		head -20 "$WORK/diff.txt"
		failures=$((failures + 1))
	fi
}

# same_events NAME FILE: the events of two exported captures, as sysdig prints them.
same_events() {
	if cmp -s <(sysdig -r "$WORK/a/$2" 2>&1) <(sysdig -r "$WORK/b/$2" 2>&1) &&
		[ -s "$WORK/b/$2" ]; then
		echo "PASS $1 (exported events)"
		passes=$((passes + 1))
	else
		echo "FAIL $1: the exported captures differ (or are missing): $WORK/a/$2 $WORK/b/$2"
		failures=$((failures + 1))
	fi
}

mkdir -p "$WORK/a" "$WORK/b"
check httplog lines -c httplog
check "httplog -pc" lines -pc -c httplog
check httptop set -c httptop
check "httptop ncalls" set -c httptop ncalls
check "httptop bytes" set -c httptop bytes
check "httptop time" set -c httptop time
check "httptop -pc" set -pc -c httptop
check memcachelog lines -c memcachelog
check "memcachelog get" lines -c memcachelog get
check "memcachelog 'set 1000'" lines -c memcachelog "set 1000"
check spy_logs lines -c spy_logs
check "spy_logs -pc" lines -pc -c spy_logs
check spy_syslog lines -c spy_syslog
check "spy_syslog -pc" lines -pc -c spy_syslog
check "spy_logs export" lines -c spy_logs "$WORK/X/logs.scap 50"
check "around" lines -c around "$WORK/X/around.scap 20" "evt.type=connect and evt.dir=< and fd.sport=11211"
# The exports: the arguments above name $WORK/X; run again with each side's own directory.
rm -f "$WORK"/{a,b}/*.scap
(cd "$WORK/a" && ours -r "$WORK/misc.scap" -c spy_logs "$WORK/a/logs.scap 50" >/dev/null 2>&1)
(cd "$WORK/b" && theirs -r "$WORK/misc.scap" -c spy_logs "$WORK/b/logs.scap 50" >/dev/null 2>&1)
same_events "spy_logs export" logs.scap
(cd "$WORK/a" && ours -r "$WORK/misc.scap" -c around "$WORK/a/around.scap 20" \
	"evt.type=connect and evt.dir=< and fd.sport=11211" >/dev/null 2>&1)
(cd "$WORK/b" && theirs -r "$WORK/misc.scap" -c around "$WORK/b/around.scap 20" \
	"evt.type=connect and evt.dir=< and fd.sport=11211" >/dev/null 2>&1)
same_events "around export" around.scap
# udp_extract writes ./udp_dump_files; sysdig's also leaves an empty file named "nul".
rm -rf "$WORK"/{a,b}/udp_dump_files
(cd "$WORK/a" && ours -r "$WORK/misc.scap" -c udp_extract >/dev/null 2>&1)
(cd "$WORK/b" && theirs -r "$WORK/misc.scap" -c udp_extract >/dev/null 2>&1)
if [ -n "$(ls -A "$WORK/b/udp_dump_files" 2>/dev/null)" ] &&
	diff -r "$WORK/a/udp_dump_files" "$WORK/b/udp_dump_files" >"$WORK/diff.txt"; then
	echo "PASS udp_extract ($(ls "$WORK/b/udp_dump_files" | wc -l) files)"
	passes=$((passes + 1))
else
	echo "FAIL udp_extract: the dump directories differ (or sysdig's is empty):"
	head -10 "$WORK/diff.txt"
	failures=$((failures + 1))
fi

echo "misc-check: $passes passed, $failures failed, with '$CMD'"
[ "$failures" -eq 0 ]
