# SPDX-License-Identifier: Apache-2.0
# (detect outputs) sysray detect's alert outputs, as fleets consume them: several channels at
# once (a file, a program's stdin, an HTTP POST received by a server that validates each body
# as Falcosidekick does), the rate limit, collapsing, a capture of the seconds around an alert
# that sysdig 0.29 reads, and the Prometheus endpoint scraped by a real Prometheus whose API
# then returns the alert counts. Offline over a checked-in capture (python opens /tmp/file-1 ..
# /tmp/file-13), and live through eBPF.

DO_DIR=$WORK/detect-outputs
DO_RULES=$E2E_DIR/../detect/outputs-rules.yaml
DO_CAP=$E2E_DIR/../data/scap/falco_open_multiple_files.scap
mkdir -p "$DO_DIR"

# do_sidekick_start DIR [CERT KEY]: the validating HTTP server (HTTPS with CERT) on a free
# loopback port, ready once it wrote its port. Sets DO_SK (its pid) and DO_SK_URL.
do_sidekick_start() {
	local dir=$1 scheme=http
	shift
	[ $# -eq 0 ] || scheme=https
	rm -f "$dir/sk.port"
	"$PY" "$E2E_DIR/../detect/sidekick_server.py" "$dir/sk.port" "$dir/sk.log" "$@" &
	DO_SK=$!
	wait_until "the HTTP server's port" test -s "$dir/sk.port" || return 1
	DO_SK_URL=$scheme://127.0.0.1:$(cat "$dir/sk.port")/
}

do_sidekick_stop() {
	kill "$DO_SK" 2>/dev/null
	wait "$DO_SK" 2>/dev/null
}

# do_free_port: a free loopback TCP port.
do_free_port() {
	"$PY" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# do_count FILE PATTERN: lines of FILE matching PATTERN (0 when FILE is missing).
do_count() {
	grep -c -- "$2" "$1" 2>/dev/null || true
}

# Offline: a file (JSON), a program and the HTTP server at once, each with all 13 alerts.
t_do_channels() {
	local d=$DO_DIR/channels
	mkdir -p "$d"
	do_sidekick_start "$d" || return 1
	"$SYSRAY" detect -r "$DO_RULES" -e "$DO_CAP" -o json_output=true \
		-o file_output.enabled=true -o "file_output.filename=$d/alerts.json" \
		-o program_output.enabled=true -o "program_output.program=cat >>$d/program.txt" \
		-o http_output.enabled=true -o "http_output.url=$DO_SK_URL" \
		>"$d/out" 2>"$d/err"
	local rc=$?
	do_sidekick_stop
	[ $rc -eq 0 ] || { echo "exit status $rc: $(head -c 300 "$d/err")"; return 1; }
	# stdout stays on by default: the same 13 JSON lines there
	local n
	for f in out alerts.json program.txt; do
		n=$(do_count "$d/$f" '"rule":"Numbered tmp file opened"')
		[ "$n" = 13 ] || { echo "$f: $n alerts, not 13"; return 1; }
	done
	[ "$(stat -c %a "$d/alerts.json")" = 600 ] || { echo "alerts.json is not 0600"; return 1; }
	# the server took each POST as Falcosidekick would, as JSON
	n=$(do_count "$d/sk.log" '"ok": true, "content_type": "application/json"')
	[ "$n" = 13 ] || { echo "HTTP: $n valid posts, not 13: $(head -c 300 "$d/sk.log")"
		return 1; }
	[ "$(do_count "$d/sk.log" '"ok": false')" = 0 ] || { echo "HTTP: refused posts"; return 1; }
	"$PY" - "$d/sk.log" <<-'PY'
	import json, sys
	posts = [json.loads(line)["alert"] for line in open(sys.argv[1])]
	files = sorted(p["output_fields"]["fd.name"] for p in posts)
	want = sorted("/tmp/file-%d" % i for i in range(1, 14))
	sys.exit(0 if files == want else "fd.name of the posts: %s" % files)
	PY
}

# Offline, text lines: a bucket of 5 with 1 token a second lets the first 5 of 13 alerts
# (all within a millisecond) through and counts the 8 others.
t_do_rate() {
	local d=$DO_DIR/rate
	mkdir -p "$d"
	"$SYSRAY" detect -r "$DO_RULES" -e "$DO_CAP" -o outputs.rate=1 -o outputs.max_burst=5 \
		>"$d/out" 2>"$d/err" || return 1
	[ "$(do_count "$d/out" ': Warning Numbered tmp file opened')" = 5 ] &&
		grep -q 'outputs.rate: 8 alerts throttled' "$d/err" &&
		grep -q 'file=/tmp/file-5 ' "$d/out" && ! grep -q 'file=/tmp/file-6 ' "$d/out"
}

# Offline: 13 identical messages within 60 s print once, then once with the 12 repeats.
t_do_collapse() {
	local d=$DO_DIR/collapse
	mkdir -p "$d"
	"$SYSRAY" detect -r "$E2E_DIR/../detect/collapse-rules.yaml" -e "$DO_CAP" \
		-o outputs.collapse=60 >"$d/out" 2>"$d/err" || return 1
	local first last
	first=$(sed -n 1p "$d/out")
	last=$(sed -n 2p "$d/out")
	[ "$(wc -l <"$d/out")" = 2 ] &&
		[[ $first == *": Notice A numbered tmp file was opened by python "* ]] &&
		[ "${last#*: Notice}" = "${first#*: Notice} (repeated 12 more times within 60s)" ]
}

# Offline: a server that is not there is reported once, counted, and detection goes on.
t_do_http_down() {
	local d=$DO_DIR/http-down port
	mkdir -p "$d"
	port=$(do_free_port)
	"$SYSRAY" detect -r "$DO_RULES" -e "$DO_CAP" -o http_output.enabled=true \
		-o "http_output.url=http://127.0.0.1:$port/" >"$d/out" 2>"$d/err" || return 1
	[ "$(do_count "$d/out" ': Warning Numbered tmp file opened')" = 13 ] &&
		[ "$(do_count "$d/err" "http_output: POST http://127.0.0.1:$port/: ")" = 1 ] &&
		grep -q 'http_output: 13 of 13 alerts failed' "$d/err"
}

# Offline, HTTPS to a server with a self-signed certificate: verified with
# http_output.ca_cert, refused (one report, counted) without it, taken with insecure.
t_do_https() {
	local d=$DO_DIR/https
	mkdir -p "$d"
	openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
		-addext subjectAltName=IP:127.0.0.1 -keyout "$d/key.pem" -out "$d/cert.pem" \
		>"$d/openssl.log" 2>&1 ||
		{ echo "openssl: $(head -c 300 "$d/openssl.log")"; return 1; }
	do_sidekick_start "$d" "$d/cert.pem" "$d/key.pem" || return 1
	local base=("$SYSRAY" detect -r "$DO_RULES" -e "$DO_CAP" -o stdout_output.enabled=false
		    -o http_output.enabled=true -o "http_output.url=$DO_SK_URL")
	"${base[@]}" -o "http_output.ca_cert=$d/cert.pem" >"$d/out1" 2>"$d/err1"
	local rc1=$?
	"${base[@]}" >"$d/out2" 2>"$d/err2"
	local rc2=$?
	"${base[@]}" -o http_output.insecure=true >"$d/out3" 2>"$d/err3"
	local rc3=$?
	do_sidekick_stop
	[ "$rc1$rc2$rc3" = 000 ] || { echo "exit statuses $rc1 $rc2 $rc3"; return 1; }
	! grep -h http_output "$d/err1" "$d/err3" || return 1
	[ "$(do_count "$d/sk.log" '"ok": true')" = 26 ] ||
		{ echo "$(wc -l <"$d/sk.log") posts"; return 1; }
	[ "$(do_count "$d/err2" 'http_output: POST https://127.0.0.1:.*certificate')" = 1 ] &&
		grep -q 'http_output: 13 of 13 alerts failed' "$d/err2"
}

# Offline, syslog(3) in a mount namespace whose /dev/log is the test's socket: one message per
# alert at its priority's level (facility user: Warning is <12>). 2 when no namespace can be
# made here.
t_do_syslog() {
	local d=$DO_DIR/syslog
	mkdir -p "$d/olddev"
	unshare -m sh -c 'mount --rbind /dev "$1/olddev" && mount -t tmpfs none /dev &&
		touch /dev/null && mount --bind "$1/olddev/null" /dev/null || exit 99
		shift
		exec "$@"' sh "$d" \
		"$PY" "$E2E_DIR/../detect/syslog_capture.py" /dev/log "$d/syslog.txt" \
		"$SYSRAY" detect -r "$DO_RULES" -e "$DO_CAP" -o syslog_output.enabled=true \
		-o stdout_output.enabled=false >"$d/out" 2>"$d/err"
	local rc=$?
	[ $rc -ne 99 ] || return 2
	[ $rc -eq 0 ] || { echo "exit status $rc: $(head -c 300 "$d/err")"; return 1; }
	local re='^<12>.* sysray\[[0-9]+\]: [0-9:.]+: Warning Numbered tmp file opened'
	re+=' [|] file=/tmp/file-'
	[ "$(grep -cE "$re" "$d/syslog.txt")" = 13 ] && [ "$(wc -l <"$d/syslog.txt")" = 13 ] &&
		[ ! -s "$d/out" ]
}

t_do_bad_option() {
	local out
	local want="sysray: -o: option 'file_output.enabled': 'maybe' is not true or false"
	out=$("$SYSRAY" detect -r "$DO_RULES" -e "$DO_CAP" -o file_output.enabled=maybe 2>&1)
	[ $? -ne 0 ] && [ "$out" = "$want" ]
}

# Offline: the capture around the first alert holds the capture's events within 5 s of it,
# with the processes' metadata: sysdig 0.29 names python and the files it opened.
t_do_capture_offline() {
	local d=$DO_DIR/capture-offline f
	rm -rf "$d"
	mkdir -p "$d"
	"$SYSRAY" detect -r "$DO_RULES" -e "$DO_CAP" --capture-dir "$d/caps" >"$d/out" \
		2>"$d/err" || return 1
	f=$(ls "$d"/caps/*-numbered-tmp-file-opened.scap 2>/dev/null)
	[ "$(echo "$f" | wc -w)" = 1 ] || { echo "capture files: $(ls "$d/caps")"; return 1; }
	[ "$(stat -c %a "$f")" = 600 ] || { echo "$f is not 0600"; return 1; }
	sysdig -r "$f" -p '%proc.name %fd.name' 'evt.type=open and evt.dir=<' >"$d/sysdig" \
		2>"$d/sysdig.err" ||
		{ echo "sysdig -r $f: $(head -c 300 "$d/sysdig.err")"; return 1; }
	[ "$(grep -c '^python /tmp/file-' "$d/sysdig")" = 13 ]
}

# do_prom_count URL RULE: the value of sysray_alerts_total{rule=RULE} in Prometheus' API.
do_prom_count() {
	curl -sf --get "$1/api/v1/query" --data-urlencode 'query=sysray_alerts_total' |
		"$PY" -c 'import json, sys
d = json.load(sys.stdin)
for r in d["data"]["result"]:
    if r["metric"].get("rule") == sys.argv[1]:
        print(r["value"][1])' "$2"
}

# Live: alerts on a trigger file POSTed to the server, counted on --metrics-addr, scraped by
# Prometheus; a capture of the second around the first alert; SIGINT ends it all cleanly.
t_do_live() {
	local d=$DO_DIR/live
	rm -rf "$d"
	mkdir -p "$d/prom"
	do_sidekick_start "$d" || return 1
	# made before the capture starts: only the reads below open it
	: >"$d/sysray-detect-trigger"
	cp /bin/cat "$d/sysray-trigger"
	capture_start "$d/out" "$d/err" "$SYSRAY" detect \
		-r "$E2E_DIR/../detect/trigger-rules.yaml" \
		--metrics-addr 127.0.0.1:0 --capture-dir "$d/caps" -o capture.seconds=1 \
		-o http_output.enabled=true -o "http_output.url=$DO_SK_URL"
	local rc=$?
	[ $rc -eq 0 ] || { do_sidekick_stop; return $rc; }
	local maddr
	maddr=$(sed -n 's|.*metrics: serving http://\(.*\)/metrics$|\1|p' "$d/err")
	for i in 1 2 3; do
		"$d/sysray-trigger" "$d/sysray-detect-trigger"
	done
	wait_until "3 alerts posted" eval '[ "$(do_count "$d/sk.log" "\"ok\": true")" -ge 3 ]'
	local ok=$?
	local pport
	pport=$(do_free_port)
	cat >"$d/prom.yml" <<-EOF
	global:
	  scrape_interval: 1s
	  evaluation_interval: 1s
	scrape_configs:
	  - job_name: sysray
	    scrape_interval: 1s
	    scrape_timeout: 1s
	    static_configs:
	      - targets: ['$maddr']
	EOF
	prometheus --config.file="$d/prom.yml" --storage.tsdb.path="$d/prom" \
		--web.listen-address="127.0.0.1:$pport" >"$d/prom.log" 2>&1 &
	local prom=$!
	[ $ok = 0 ] && wait_until "Prometheus ready" curl -sf "http://127.0.0.1:$pport/-/ready" \
		>/dev/null || ok=1
	[ $ok = 0 ] && wait_until "Prometheus to have scraped 3 alerts" eval \
		'[ "$(do_prom_count http://127.0.0.1:$pport "Detect trigger opened")" = 3 ]' || ok=1
	[ $ok = 0 ] && wait_until "the capture file finished" \
		grep -q '^sysray: capture: .*-detect-trigger-opened.scap: ' "$d/err" || ok=1
	kill "$prom"
	wait "$prom"
	capture_stop
	rc=$?
	do_sidekick_stop
	[ $ok = 0 ] || return 1
	[ $rc -eq 0 ] || { echo "exit status $rc: $(head -c 300 "$d/err")"; return 1; }
	# the port is released: nothing answers there any more
	! curl -s "http://$maddr/metrics" >/dev/null || { echo "$maddr still answers"; return 1; }
	local f
	f=$(ls "$d"/caps/*-detect-trigger-opened.scap)
	sysdig -r "$f" -p '%proc.name %fd.name' 'fd.name endswith /sysray-detect-trigger' \
		>"$d/sysdig" 2>&1 || return 1
	grep -q "^sysray-trigger $d/sysray-detect-trigger$" "$d/sysdig" ||
		{ echo "sysdig -r $f: $(head -c 300 "$d/sysdig")"; return 1; }
}

expect detect-outputs-channels "file, program and HTTP outputs at once, 13 alerts each" \
	t_do_channels
expect detect-outputs-rate "outputs.rate/max_burst: 5 of 13 alerts, 8 counted" t_do_rate
expect detect-outputs-collapse "13 identical alerts: one line and one repeat count" t_do_collapse
expect detect-outputs-http-down "a missing HTTP server: one report, counted, run goes on" \
	t_do_http_down
if command -v openssl >/dev/null; then
	expect detect-outputs-https "HTTPS: ca_cert verifies, no CA refuses, insecure takes" \
		t_do_https
else
	skip detect-outputs-https "no openssl here to make a certificate"
fi
if selected detect-outputs-syslog; then
	t_do_syslog
	case $? in
	0) pass detect-outputs-syslog ;;
	2) skip detect-outputs-syslog "no mount namespace here for a /dev/log of the test's own" ;;
	*) fail detect-outputs-syslog "syslog_output: 13 messages at Warning's level" ;;
	esac
fi
expect detect-outputs-bad-option "a bad -o value: one message, non-zero exit" t_do_bad_option
expect detect-capture-offline "--capture-dir around an alert, read by sysdig" t_do_capture_offline
if selected detect-outputs-live; then
	t_do_live
	case $? in
	0) pass detect-outputs-live ;;
	2) skip detect-outputs-live "eBPF capture unavailable on this kernel" ;;
	*) fail detect-outputs-live "live alerts: HTTP, Prometheus scrape, capture file" ;;
	esac
fi
