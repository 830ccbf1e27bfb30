# SPDX-License-Identifier: Apache-2.0
# (chisels) `sysray -r FILE -c CHISEL ARGS` against `sysdig -r FILE -c CHISEL ARGS` (Debian's
# sysdig 0.29, its kept output: sysdig_r in lib.sh) for every case listed in
# tests/chisels/*-cases.txt ("CAPTURE<TAB>CHISEL<TAB>ARGS<TAB>MODE", ARGS '-' for none, MODE
# lines or set), twice: with sysray's own chisel of that name (ch-own-*) and with sysdig's
# chisel file run by sysray's runtime (ch-sysdig-*, SYSDIG_CHISEL_DIR=/usr/share/sysdig/
# chisels). Every line must be the same; the share per case goes to the summary.

CH_DATA=$E2E_DIR/../data/scap
CH_CASES=$E2E_DIR/../chisels
CH_DIR=$WORK/chisels
CH_SYSDIG_DIR=/usr/share/sysdig/chisels
mkdir -p "$CH_DIR"

# ch_run: every case, sysdig's kept output and both sysray runs, then one python for the
# shares (CH_DIR/shares: "NAME PERCENT SAME TOTAL").
ch_run() {
	local file capture chisel args mode name base cargs
	: >"$CH_DIR/pairs"
	for file in "$CH_CASES"/*-cases.txt; do
		while IFS=$'\t' read -r capture chisel args mode; do
			case $capture in "" | "#"*) continue ;; esac
			[ "$capture" != live ] || continue
			cargs=(-c "$chisel")
			[ "$args" = - ] || cargs+=("$args")
			name=$chisel-${capture%.scap}
			[ "$args" = - ] || name+=-${args//[^A-Za-z0-9_.]/_}
			selected "ch-own-$name" || selected "ch-sysdig-$name" || continue
			base=$CH_DIR/$name
			sysdig_r "$CH_DATA/$capture" "$base.sysdig" "$base.sysdig.err" "${cargs[@]}"
			echo $? >"$base.sysdig.rc"
			"$SYSRAY" -r "$CH_DATA/$capture" "${cargs[@]}" >"$base.own" 2>"$base.own.err"
			echo $? >"$base.own.rc"
			SYSDIG_CHISEL_DIR=$CH_SYSDIG_DIR "$SYSRAY" -r "$CH_DATA/$capture" "${cargs[@]}" \
				>"$base.theirs" 2>"$base.theirs.err"
			echo $? >"$base.theirs.rc"
			echo "own-$name $mode $base.own $base.sysdig" >>"$CH_DIR/pairs"
			echo "sysdig-$name $mode $base.theirs $base.sysdig" >>"$CH_DIR/pairs"
		done <"$file"
	done
	"$PY" "$E2E_DIR/chisel_compare.py" <"$CH_DIR/pairs" >"$CH_DIR/shares"
}

# t_ch_compare KIND NAME: sysray's run KIND (own, theirs) of case NAME against sysdig's.
t_ch_compare() {
	local kind=$1 name=$2 base=$CH_DIR/$2 rc want pct same n label
	label=$([ "$kind" = own ] && echo own || echo sysdig)-$name
	# the own run must not fall back on sysdig's file of that name
	[ "$kind" != own ] || [ -e "$E2E_DIR/../../chisels/${name%%-*}.lua" ] || {
		echo "sysray has no chisel ${name%%-*} of its own"
		return 1
	}
	read -r rc <"$base.$kind.rc"
	read -r want <"$base.sysdig.rc"
	[ "$rc" = "$want" ] || {
		echo "exit $rc, sysdig's $want: $(head -c 300 "$base.$kind.err")"
		return 1
	}
	read -r _ pct same n < <(grep "^$label " "$CH_DIR/shares")
	printf 'chisel %-58s %6s%% %5s/%-5s\n' "$label" "$pct" "$same" "$n" >>"$SUMMARY"
	[ "$same" = "$n" ] || {
		echo "$pct% identical lines; diff $base.$kind $base.sysdig"
		return 1
	}
}

if ! command -v sysdig >/dev/null; then
	skip ch "sysdig is not installed (apt-get install -y sysdig)"
else
	ch_run
	while read -r label _; do
		kind=${label%%-*}
		name=${label#*-}
		[ "$kind" = own ] || kind=theirs
		expect "ch-$label" "chisel output as sysdig's" t_ch_compare "$kind" "$name"
	done <"$CH_DIR/shares"
fi
