# SPDX-License-Identifier: Apache-2.0
# (top) `sysray top -r FILE -v VIEW -j` against `csysdig -r FILE -v VIEW -j` (Debian's
# csysdig 0.29, run here, TZ=UTC) for every view of csysdig's own view files
# (SYSDIG_CHISEL_DIR=/usr/share/sysdig/chisels) on every capture of tests/data/scap: the rows
# of the sample compared as sets keyed by "k", and the info section (legend, sorting column,
# drill-down filters) alike. The share of identical rows per view goes to the summary; each
# view passes at its threshold (thresholds.txt, 97 by default) over all captures.

TOP_DATA=$E2E_DIR/../data/scap
TOP_DIR=$WORK/top
TOP_SYSDIG_DIR=/usr/share/sysdig/chisels
mkdir -p "$TOP_DIR"

# The views of csysdig 0.29 that sysray covers: the ids of the issue's list that csysdig
# ships (spy_users, spy_syslog and port_bindings are lists; spectro_* spectrograms).
TOP_VIEWS="procs procs_cpu procs_errors procs_fd_usage threads connections sports files
directories io_by_type errors syscalls syscall_procs page_faults slow_io backlog containers
containers_errors file_opens incoming_connections spy_users spy_syslog port_bindings
spectro_all spectro_file"

# top_run: csysdig and sysray on every view and capture; TOP_DIR/shares has a line per pair.
top_run() {
	local v f base
	: >"$TOP_DIR/pairs"
	for v in $TOP_VIEWS; do
		selected "top-$v" || continue
		for f in "$TOP_DATA"/*.scap; do
			base=$TOP_DIR/$v.$(basename "$f" .scap)
			TZ=UTC timeout 60 csysdig -r "$f" -v "$v" -j >"$base.csysdig" 2>"$base.csysdig.err"
			TZ=UTC SYSDIG_CHISEL_DIR=$TOP_SYSDIG_DIR timeout 60 "$SYSRAY" top -r "$f" \
				-v "$v" -j >"$base.sysray" 2>"$base.sysray.err"
			echo $? >"$base.sysray.rc"
			echo "$v.$(basename "$f" .scap) $base.sysray $base.csysdig" >>"$TOP_DIR/pairs"
		done
	done
	"$PY" "$E2E_DIR/top_compare.py" <"$TOP_DIR/pairs" >"$TOP_DIR/shares"
}

# t_top_view VIEW: VIEW's rows over all captures as csysdig's, and its info section.
t_top_view() {
	local v=$1 name pct same n info tsame=0 tn=0 bad="" want nocs=0
	while read -r name pct same n info; do
		[ "${name%%.*}" = "$v" ] || continue
		if [ "$info" = nocsysdig ]; then
			nocs=$((nocs + 1))
			continue
		fi
		tsame=$((tsame + same))
		tn=$((tn + n))
		[ "$info" = info ] || bad+=" ${name#*.}:$info"
		[ "$same" = "$n" ] || bad+=" ${name#*.}:$same/$n"
	done <"$TOP_DIR/shares"
	pct=$(awk -v s=$tsame -v n=$tn 'BEGIN { printf "%.1f", n ? 100 * s / n : 100 }')
	printf 'top %-24s %6s%% %5s/%-5s rows (%s captures csysdig cannot read)\n' "$v" "$pct" \
		"$tsame" "$tn" "$nocs" >>"$SUMMARY"
	want=$(threshold_of "top-$v")
	awk -v p="$pct" -v w="$want" 'BEGIN { exit !(p >= w) }' || {
		echo "$pct% of rows as csysdig's (want $want):$bad"
		return 1
	}
}

if ! command -v csysdig >/dev/null; then
	skip top "csysdig is not installed (apt-get install -y sysdig)"
else
	top_run
	for v in $TOP_VIEWS; do
		expect "top-$v" "view $v as csysdig's" t_top_view "$v"
	done
fi
