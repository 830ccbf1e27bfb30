# SPDX-License-Identifier: Apache-2.0
# (chisels live) Chisels on a live capture show exactly what tests/progs/chiselwork did: the
# bytes it wrote and read per file (topfiles_bytes), its bytes on the network
# (topprocs_net), its one slow read (fileslower 200), each of its writes (echo_fds) and the
# command it started (spy_users). The table chisels run with -j: live, they print one table
# per second and the rest at the end, and the test sums them.

CHL_DIR=$WORK/chisels-live
mkdir -p "$CHL_DIR"

# chl_run TAG CHISEL ARGS...: chiselwork in a fresh directory under `sysray -M 60 -c CHISEL
# ARGS proc.name=chiselwork`. Sets CHL_OUT and CHL_RUN_DIR; returns 2 without eBPF.
chl_run() {
	local tag=$1
	shift
	CHL_RUN_DIR=$(fresh_dir "chl-$tag")
	CHL_OUT=$CHL_DIR/$tag.out
	under_capture "$CHL_RUN_DIR" "$PROGS/chiselwork" ready "$CHL_OUT" "$CHL_OUT.err" \
		"$SYSRAY" -M 60 "$@" proc.name=chiselwork || return
	[ "$CAP_PROG_STATUS" = 0 ] || { echo "chiselwork exited $CAP_PROG_STATUS"; return 1; }
}

# chl_sums: the -j tables of CHL_OUT summed per key (the keys joined by '|'), "KEY VALUE".
chl_sums() {
	"$PY" - "$CHL_OUT" <<'PYEOF'
import json, sys
text = open(sys.argv[1]).read()
dec, pos, sums = json.JSONDecoder(), 0, {}
while True:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos >= len(text):
        break
    obj, pos = dec.raw_decode(text, pos)
    for row in obj["data"]:
        key = "|".join(str(k) for k in row[:-1])
        sums[key] = sums.get(key, 0) + row[-1]
for key in sorted(sums):
    print(key, sums[key])
PYEOF
}

t_chl_topfiles() {
	chl_run topfiles -j -c topfiles_bytes || return 1
	local d=$CHL_RUN_DIR
	chl_sums >"$CHL_OUT.sums" || return 1
	# small.dat: 3 writes of 1000; big.dat: 3 writes of 4000 and 2 reads of 4096; slow.fifo:
	# the 2 bytes written and read
	grep -qx "$d/small.dat 3000" "$CHL_OUT.sums" &&
	grep -qx "$d/big.dat 20192" "$CHL_OUT.sums" &&
	grep -qx "$d/slow.fifo 4" "$CHL_OUT.sums" || { echo "sums: $(cat "$CHL_OUT.sums")"; return 1; }
}

t_chl_topprocs_net() {
	chl_run topprocs_net -j -c topprocs_net || return 1
	chl_sums >"$CHL_OUT.sums" || return 1
	# 5000 bytes sent and received, 700 sent back and received
	grep -q "^chiselwork|$CAP_PID\(|.*\)\{0,1\} 11400$" "$CHL_OUT.sums" ||
		{ echo "sums: $(cat "$CHL_OUT.sums")"; return 1; }
}

# The writer thread sleeps 300 ms from its start, which may come a little before the read
# blocks: the read lasts a little under 300 ms, always well over 200.
t_chl_fileslower() {
	chl_run fileslower -c fileslower "200 disable_color" || return 1
	local rows
	rows=$(grep -c ' chiselwork ' "$CHL_OUT")
	[ "$rows" = 1 ] &&
	awk -v f="$CHL_RUN_DIR/slow.fifo" '$3 == "chiselwork" && $4 == "read" && $5 >= 200 &&
		$5 < 10000 && $6 == f { ok = 1 } END { exit !ok }' "$CHL_OUT" ||
		{ echo "want one read of slow.fifo of 200 ms or more: $(cat "$CHL_OUT")"; return 1; }
}

t_chl_echo_fds() {
	chl_run echo_fds -c echo_fds disable_color || return 1
	local d=$CHL_RUN_DIR n
	n=$(grep -c "^------ Write 1000B to .* $d/small.dat (chiselwork)" "$CHL_OUT")
	[ "$n" = 3 ] || { echo "$n writes of 1000B to small.dat, want 3"; return 1; }
	n=$(grep -c "^------ Read 4.00KB from .* $d/big.dat (chiselwork)" "$CHL_OUT")
	[ "$n" = 2 ] || { echo "$n reads of 4.00KB from big.dat, want 2"; return 1; }
	grep -q "^------ Write 4.88KB to .*(chiselwork)" "$CHL_OUT" ||
		{ echo "no 5000-byte send"; return 1; }
}

t_chl_spy_users() {
	CHL_RUN_DIR=$(fresh_dir chl-spy_users)
	CHL_OUT=$CHL_DIR/spy_users.out
	# the command chiselwork starts is `true`, outside proc.name=chiselwork: no filter here
	under_capture "$CHL_RUN_DIR" "$PROGS/chiselwork" ready "$CHL_OUT" "$CHL_OUT.err" \
		"$SYSRAY" -M 60 -c spy_users "5 disable_color" || return 1
	grep -q "[0-9][0-9]:[0-9][0-9]:[0-9][0-9] [^)]*) true chiselwork-child$" "$CHL_OUT" ||
		{ echo "no line for true chiselwork-child: $(grep -c . "$CHL_OUT") lines"; return 1; }
}

if selected chisels-live; then
	if ! "$SYSRAY" -n 1 -q >/dev/null 2>"$CHL_DIR/probe"; then
		: >"$CHL_DIR/probe-failed"
		skip chisels-live "eBPF capture unavailable: $(head -c 200 "$CHL_DIR/probe")"
	else
		expect chisels-live-topfiles "-c topfiles_bytes: the bytes per file" t_chl_topfiles
		expect chisels-live-topprocs-net "-c topprocs_net: the bytes on the network" \
			t_chl_topprocs_net
		expect chisels-live-fileslower "-c fileslower 200: the one slow read" t_chl_fileslower
		expect chisels-live-echo-fds "-c echo_fds: each write and read" t_chl_echo_fds
		expect chisels-live-spy-users "-c spy_users: the command started" t_chl_spy_users
	fi
fi

# -c flows: one file per connection and direction, byte for byte what a loopback exchange
# sent, and the bytes a small snaplen cut counted (tests/chisels/flows-check.sh).
t_chl_flows() {
	SYSRAY=$SYSRAY "$E2E_DIR/../chisels/flows-check.sh" "$SYSRAY" >"$CHL_DIR/flows.log" 2>&1 ||
		{ tail -5 "$CHL_DIR/flows.log"; return 1; }
}

if selected chisels-live-flows && [ ! -e "$CHL_DIR/probe-failed" ]; then
	expect chisels-live-flows "-c flows: tcpflow's files from a live loopback exchange" \
		t_chl_flows
fi
