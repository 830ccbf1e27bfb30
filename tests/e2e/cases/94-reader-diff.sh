# SPDX-License-Identifier: Apache-2.0
# (reader) `sysray -r` against the installed sysdig 0.29, run live, where the two once
# differed (issue 9): the probes t29-t33 (tests/data/scap/probes, written by
# make_reader_probes.py: internal events, accept/connect on unknown fds, a datagram tuple on
# a server socket, unsigned parameters printed signed, the thread table at clone exits and
# switches) and the captures of tests/data/scap/more. Each output (sysdig's default line,
# the issue's -p template, -j) must be sysdig's, line for line.

RD_DATA=$E2E_DIR/../data/scap
RD_DIR=$WORK/reader-diff
# the issue's template, for every event ('*': also those where a field has no value)
RD_TEMPLATE="*%evt.num %evt.type %evt.dir %proc.name %thread.tid %fd.name"
mkdir -p "$RD_DIR"

# rd_same FILE NAME ARGS...: `sysray -r FILE ARGS...` prints what `sysdig -r FILE ARGS...`
# prints (one sysdig run).
rd_same() {
	local f=$1 name=$2
	shift 2
	local a=$RD_DIR/$name.sysdig b=$RD_DIR/$name.sysray
	timeout 120 sysdig -r "$f" "$@" >"$a" 2>"$a.err" ||
		{ echo "sysdig failed: $(head -c 200 "$a.err")"; return 1; }
	"$SYSRAY" -r "$f" "$@" >"$b" 2>"$b.err" ||
		{ echo "sysray failed: $(head -c 200 "$b.err")"; return 1; }
	[ -s "$a" ] || { echo "sysdig printed nothing: the probe tests nothing"; return 1; }
	cmp -s "$a" "$b" && return 0
	echo "$(diff "$a" "$b" | grep -c '^>') lines differ: diff $a $b"
	diff "$a" "$b" | head -6
	return 1
}

if ! command -v sysdig >/dev/null; then
	skip rd "sysdig is not installed (apt-get install -y sysdig): nothing to compare with"
else
	for f in "$RD_DATA"/probes/t29_*.scap "$RD_DATA"/probes/t3[0-3]_*.scap \
		"$RD_DATA"/more/*.scap; do
		base=$(basename "$f" .scap)
		expect "rd-$base-default" "sysdig's default line" rd_same "$f" "$base-default"
		expect "rd-$base-template" "the -p template" \
			rd_same "$f" "$base-template" -p "$RD_TEMPLATE"
		expect "rd-$base-json" "-j" rd_same "$f" "$base-json" -j
	done
fi
