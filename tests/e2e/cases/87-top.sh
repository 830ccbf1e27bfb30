# SPDX-License-Identifier: Apache-2.0
# (top) `sysray top -r FILE -v VIEW -j` against `csysdig -r FILE -v VIEW -j` (Debian's
# csysdig 0.29, run here, TZ=UTC) for every view of the issue's list on the captures below,
# twice: with sysray's own view files (views/v_*.lua, top-own-VIEW) and with
# csysdig's (SYSDIG_CHISEL_DIR=/usr/share/sysdig/chisels, top-sysdig-VIEW). The rows of the
# sample are compared as sets keyed by "k" (tests/e2e/top_compare.py says what it leaves
# out), and the info section (legend, sorting column, drill-down filters) must be alike. The
# share of identical rows per view goes to the summary; each passes at its threshold
# (thresholds.txt, 97 by default) over all captures csysdig reads.

TOP_DATA=$E2E_DIR/../data/scap
TOP_DIR=$WORK/top
TOP_SYSDIG_DIR=/usr/share/sysdig/chisels
# test views of ours (tests/e2e/top-views) for what csysdig's views leave out: MIN, AVG under
# a groupby, the first value kept, text under MAX; run as csysdig's files are (kind sysdig)
TOP_TEST_DIR=$E2E_DIR/top-views
TOP_TEST_VIEWS="zz_aggr zz_first_last"
mkdir -p "$TOP_DIR"
# Under `make asan` (SYSRAY_SANITIZED) csysdig's view files run only in the test views: our
# own view files take every path of the views' runtime, and the plain build compares both.
TOP_KINDS="own sysdig"
[ -z "${SYSRAY_SANITIZED:-}" ] || TOP_KINDS=own

# The captures: by default five that between them give every view rows (processes and
# threads known only from events, files, errors, IPv4 and IPv6 connections, accepts and
# binds); E2E_TOP_ALL=1: every capture of tests/data/scap. csysdig takes half a second a run.
if [ -n "${E2E_TOP_ALL:-}" ]; then
	TOP_CAPTURES=$(ls "$TOP_DATA"/*.scap)
else
	TOP_CAPTURES=$(printf "$TOP_DATA/%s.scap " falco_cat_write falco_connect_localhost \
		falco_syscall libs_e2e_curl_google libs_e2e_single_ipv6_conn)
fi

TOP_VIEWS="procs procs_cpu procs_errors procs_fd_usage threads connections sports files
directories io_by_type errors syscalls syscall_procs page_faults slow_io backlog containers
containers_errors file_opens incoming_connections spy_users spy_syslog port_bindings
spectro_all spectro_file"

# top_one VIEW CAPTURE: csysdig's output and sysray's two (own views, csysdig's views).
top_one() {
	local v=$1 f=$2 base dir=$TOP_SYSDIG_DIR
	base=$TOP_DIR/$v.$(basename "$f" .scap)
	case $v in zz_*) dir=$TOP_TEST_DIR ;; esac
	TZ=UTC SYSDIG_CHISEL_DIR=$dir timeout 60 csysdig -r "$f" -v "$v" -j >"$base.csysdig" \
		2>"$base.csysdig.err"
	TZ=UTC timeout 60 "$SYSRAY" top -r "$f" -v "$v" -j >"$base.own" 2>"$base.own.err"
	case " $TOP_KINDS " in *" sysdig "*) ;; *) [ "$dir" = "$TOP_TEST_DIR" ] || return 0 ;; esac
	TZ=UTC SYSDIG_CHISEL_DIR=$dir timeout 60 "$SYSRAY" top -r "$f" -v "$v" -j \
		>"$base.sysdig" 2>"$base.sysdig.err"
}

# top_run: every view and capture, two at a time; TOP_DIR/shares has a line per pair.
top_run() {
	local v f
	: >"$TOP_DIR/jobs"
	: >"$TOP_DIR/pairs"
	for v in $TOP_VIEWS $TOP_TEST_VIEWS; do
		selected "top-own-$v" || selected "top-sysdig-$v" || continue
		for f in $TOP_CAPTURES; do
			echo "$v $f" >>"$TOP_DIR/jobs"
			for k in own sysdig; do
				if [ "${v#zz_}" = "$v" ]; then
					case " $TOP_KINDS " in *" $k "*) ;; *) continue ;; esac
				else
					[ "$k" = sysdig ] || continue
				fi
				echo "$k-$v.$(basename "$f" .scap) $TOP_DIR/$v.$(basename "$f" .scap).$k" \
					"$TOP_DIR/$v.$(basename "$f" .scap).csysdig" >>"$TOP_DIR/pairs"
			done
		done
	done
	export -f top_one
	export TOP_DIR TOP_SYSDIG_DIR TOP_TEST_DIR TOP_KINDS SYSRAY
	nice xargs -P 2 -L 1 bash -c 'top_one "$0" "$1"' <"$TOP_DIR/jobs"
	"$PY" "$E2E_DIR/top_compare.py" <"$TOP_DIR/pairs" >"$TOP_DIR/shares"
}

# t_top_view KIND VIEW: VIEW's rows (KIND: own or sysdig view files) over all captures as
# csysdig's, and its info section.
t_top_view() {
	local kind=$1 v=$2 name pct same n info tsame=0 tn=0 bad="" rows="" want nocs=0
	[ "$kind" != own ] || [ -e "$E2E_DIR/../../views/v_$v.lua" ] ||
		{ echo "sysray has no view $v of its own"; return 1; }
	while read -r name pct same n info; do
		[ "${name%%.*}" = "$kind-$v" ] || continue
		if [ "$info" = nocsysdig ]; then
			nocs=$((nocs + 1))
			continue
		fi
		tsame=$((tsame + same))
		tn=$((tn + n))
		[ "$info" = info ] || bad+=" ${name#*.}:$info"
		[ "$same" = "$n" ] || rows+=" ${name#*.}:$same/$n"
	done <"$TOP_DIR/shares"
	pct=$(awk -v s=$tsame -v n=$tn 'BEGIN { printf "%.1f", n ? 100 * s / n : 100 }')
	printf 'top %-6s %-22s %6s%% %5s/%-5s rows (%s captures csysdig cannot read)\n' "$kind" \
		"$v" "$pct" "$tsame" "$tn" "$nocs" >>"$SUMMARY"
	want=$(threshold_of "top-$kind-$v")
	awk -v p="$pct" -v w="$want" 'BEGIN { exit !(p >= w) }' && [ -z "$bad" ] || {
		echo "$pct% of rows as csysdig's (want $want), info differs:${bad:- none}," \
			"rows differ:${rows:- none}"
		return 1
	}
}

if ! command -v csysdig >/dev/null; then
	skip top "csysdig is not installed (apt-get install -y sysdig)"
else
	top_run
	for v in $TOP_VIEWS; do
		for kind in $TOP_KINDS; do
			expect "top-$kind-$v" "view $v ($kind view file) as csysdig's" \
				t_top_view "$kind" "$v"
		done
	done
	for v in $TOP_TEST_VIEWS; do
		expect "top-sysdig-$v" "test view $v as csysdig's" t_top_view sysdig "$v"
	done
fi
