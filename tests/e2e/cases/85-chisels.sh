# SPDX-License-Identifier: Apache-2.0
# (chisels) `sysray -r FILE -c CHISEL ARGS` against `sysdig -r FILE -c CHISEL ARGS` (Debian's
# sysdig 0.29, its kept output: sysdig_r in lib.sh) for every case listed in
# tests/chisels/*-cases.txt ("CAPTURE<TAB>CHISEL<TAB>ARGS<TAB>MODE"; ARGS are sh words after
# `-c CHISEL`: the chisel's argument, options such as -pc or -j, a filter; '-' for none; MODE
# as tests/e2e/chisel_compare.py reads it), twice: with sysray's own chisel of that name (ch-own-*) and with sysdig's
# chisel file run by sysray's runtime (ch-sysdig-*, SYSDIG_CHISEL_DIR=/usr/share/sysdig/
# chisels). Every line must be the same; the share per case goes to the summary.

CH_DATA=$E2E_DIR/../data/scap
CH_CASES=$E2E_DIR/../chisels
CH_DIR=$WORK/chisels
CH_SYSDIG_DIR=/usr/share/sysdig/chisels
mkdir -p "$CH_DIR"

# ch_run: every case, sysdig's kept output and both sysray runs, then one python for the
# shares (CH_DIR/shares: "NAME PERCENT SAME TOTAL"). Under `make asan` (SYSRAY_SANITIZED) the
# first case of each chisel only: that run looks for memory errors in the runtime and each
# chisel's path through it; the plain build compares every case.
ch_run() {
	local file capture chisel args mode name base cargs
	local -A ch_seen=()
	: >"$CH_DIR/pairs"
	for file in "$CH_CASES"/*-cases.txt; do
		while IFS=$'\t' read -r capture chisel args mode; do
			case $capture in "" | "#"*) continue ;; esac
			[ "$capture" != live ] || continue
			if [ -n "${SYSRAY_SANITIZED:-}" ]; then
				[ -z "${ch_seen[$chisel]:-}" ] || continue
				ch_seen[$chisel]=1
			fi
			cargs=(-c "$chisel")
			if [ "$args" != - ]; then
				eval "local words=($args)"
				cargs+=("${words[@]}")
			fi
			name=${capture%.scap}
			name=$chisel-${name//\//_}
			[ "$args" = - ] || name+=-${args//[^A-Za-z0-9_.=-]/_}
			selected "ch-own-$name" || selected "ch-sysdig-$name" || continue
			base=$CH_DIR/$name
			sysdig_r "$CH_DATA/$capture" "$base.sysdig" "$base.sysdig.err" "${cargs[@]}"
			echo $? >"$base.sysdig.rc"
			# the two sysray runs are independent: one on each core
			{
				"$SYSRAY" -r "$CH_DATA/$capture" "${cargs[@]}" >"$base.own" \
					2>"$base.own.err"
				echo $? >"$base.own.rc"
			} &
			SYSDIG_CHISEL_DIR=$CH_SYSDIG_DIR "$SYSRAY" -r "$CH_DATA/$capture" "${cargs[@]}" \
				>"$base.theirs" 2>"$base.theirs.err"
			echo $? >"$base.theirs.rc"
			wait $!
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

# Test chisels of ours for the listing layout: a category of their own, a name of 16
# characters and more (own line), a short description over 63 characters (cut and
# continued), arguments of every kind and none.
ch_layout_dir() {
	local d=$CH_DIR/layout
	mkdir -p "$d"
	cat >"$d/zz_plain.lua" <<'LUA'
description = "A chisel without arguments, for the listing layout."
short_description = "no arguments"
category = "Zz layout"
args = {}
LUA
	cat >"$d/zz_a_very_long_chisel_name.lua" <<'LUA'
description = string.rep("A long description that the info page cuts every seventy-nine characters. ", 4)
short_description = "a short description longer than sixty-three characters, so that -cl continues it on the next line"
category = "Zz layout"
args = {
	{ name = "first", description = "a required argument whose description is long enough to be cut by the wrapping", argtype = "int", optional = false },
	{ name = "second", description = "an optional one", argtype = "string", optional = true },
}
function on_set_arg(name, value) return true end
LUA
	cat >"$d/zz_hidden.lua" <<'LUA'
description = "hidden"
short_description = "hidden"
category = "Zz layout"
hidden = true
args = {}
LUA
	echo "$d"
}

# -cl and -i lay chisels out as sysdig 0.29 does: the same lines for the test chisels, and
# every line of sysdig's own listing of its chisels, in order (sysray adds its own).
t_ch_listing() {
	local d out=$CH_DIR/listing
	d=$(ch_layout_dir)
	SYSDIG_CHISEL_DIR=$d sysdig -cl >"$out.sysdig" 2>&1
	SYSDIG_CHISEL_DIR=$d "$SYSRAY" -cl >"$out.sysray" 2>&1 || return 1
	diff <(sed -n '/^Category: Zz layout/,/^$/p' "$out.sysdig") \
		<(sed -n '/^Category: Zz layout/,/^$/p' "$out.sysray") || return 1
	grep -q '^zz_hidden' "$out.sysray" && { echo "a hidden chisel is listed"; return 1; }
	local c
	for c in zz_plain zz_a_very_long_chisel_name; do
		diff <(SYSDIG_CHISEL_DIR=$d sysdig -i "$c" 2>&1) \
			<(SYSDIG_CHISEL_DIR=$d "$SYSRAY" -i "$c" 2>&1) || return 1
	done
	SYSDIG_CHISEL_DIR=$CH_SYSDIG_DIR sysdig -cl >"$out.all.sysdig" 2>&1
	SYSDIG_CHISEL_DIR=$CH_SYSDIG_DIR "$SYSRAY" -cl >"$out.all.sysray" 2>&1
	"$PY" - "$out.all.sysdig" "$out.all.sysray" <<'PYEOF' || return 1
import sys
want = open(sys.argv[1]).read().splitlines()
have = iter(open(sys.argv[2]).read().splitlines())
missing = [w for w in want if not any(h == w for h in have)]
if missing:
    print("sysdig's -cl lines missing or out of order:", missing[:3])
    sys.exit(1)
PYEOF
	for c in fileslower spy_file; do
		diff <(SYSDIG_CHISEL_DIR=$CH_SYSDIG_DIR sysdig -i "$c" 2>&1) \
			<(SYSDIG_CHISEL_DIR=$CH_SYSDIG_DIR "$SYSRAY" -i "$c" 2>&1) || return 1
	done
}

# ch_expect_error NAME WANT ARGS...: sysray ARGS exits 1 with one line on stderr matching WANT.
ch_expect_error() {
	local name=$1 want=$2 err=$CH_DIR/err-$1
	shift 2
	"$SYSRAY" "$@" >"$err.out" 2>"$err"
	local rc=$?
	[ $rc -eq 1 ] || { echo "$name: exit $rc, want 1"; return 1; }
	[ "$(wc -l <"$err")" -eq 1 ] && grep -q -- "$want" "$err" ||
		{ echo "$name: stderr $(head -c 300 "$err"), want $want"; return 1; }
}

# Bad input: one message naming the chisel (a Lua error: file, line, message), exit 1; a
# capture being written is closed and readable.
t_ch_errors() {
	local f=$CH_DATA/falco_cat_write.scap d=$CH_DIR/bad
	mkdir -p "$d"
	printf '%s\n' 'description = "d"; short_description = "s"; args = {}' \
		'function on_init() return true end' \
		'function on_event()' '	local t = nil' '	return t.x' 'end' >"$d/boom.lua"
	printf '%s\n' 'description = "d"; short_description = "s"; args = {}' \
		'function on_init() chisel.request_field("proc.nmae") return true end' >"$d/field.lua"
	printf '%s\n' 'description = "d"; short_description = "s"; args = {}' \
		'function on_init() return true' >"$d/syntax.lua"
	ch_expect_error unknown "chisel topfiles_byte not found (did you mean topfiles_bytes?)" \
		-r "$f" -c topfiles_byte &&
	ch_expect_error missing "missing arguments for chisel fileslower" -r "$f" -c fileslower &&
	ch_expect_error toomany "too many parameters for chisel fileslower, 1 required, 1 optional, 3 given" \
		-r "$f" -c fileslower "1 2 3" &&
	ch_expect_error quote "corrupted parameters for chisel spy_file" -r "$f" -c spy_file "'RW" &&
	ch_expect_error lua "boom.lua chisel error: on_event: $d/boom.lua:5: attempt to index" \
		-r "$f" -c "$d/boom.lua" &&
	ch_expect_error field "field.lua:2: chisel requesting nonexistent field proc.nmae (did you mean proc.name?)" \
		-r "$f" -c "$d/field.lua" &&
	ch_expect_error syntax "syntax.lua chisel error: $d/syntax.lua:3: 'end' expected" \
		-r "$f" -c "$d/syntax.lua" &&
	ch_expect_error info "chisel nosuchchisel not found" -i nosuchchisel &&
	ch_expect_error written "boom.lua chisel error" -r "$f" -w "$d/kept.scap" -c "$d/boom.lua" &&
	sysdig -r "$d/kept.scap" >/dev/null 2>"$d/kept.err" ||
		{ echo "the -w file is not readable: $(head -c 200 "$d/kept.err")"; return 1; }
}

# docs/chisels.md's example, as the page prints it, sums what each process wrote.
t_ch_docs_example() {
	local f=$CH_DATA/libs_e2e_curl_google.scap ex=$CH_DIR/writers.lua want
	sed -n '/<!-- example: writers.lua -->/,/<!-- end example -->/p' \
		"$E2E_DIR/../../docs/chisels.md" | sed '1,2d;$d' | sed '$d' >"$ex"
	want=$("$SYSRAY" -r "$f" -p '%proc.name %evt.rawarg.res' 'evt.is_io_write=true and evt.dir=<' |
		awk '$2 > 0 { s[$1] += $2 } END { for (n in s) printf "%-20s %d\n", n, s[n] }' | sort)
	[ -n "$want" ] || { echo "no write in the capture"; return 1; }
	diff <("$SYSRAY" -r "$f" -c "$ex" | sort) <(echo "$want")
}

# The search order: $SYSRAY_CHISEL_DIR, then $SYSDIG_CHISEL_DIR, then ./chisels, then
# ~/.chisels; each directory has a zz_where.lua that prints its own label.
t_ch_search_order() {
	local d=$CH_DIR/order where f=$CH_DATA/falco_syscall.scap got
	rm -rf "$d"
	for where in sysray sysdig cwd/chisels home/.chisels; do
		mkdir -p "$d/$where"
		printf '%s\n' 'description = "d"; short_description = "s"; args = {}' \
			"function on_capture_end() print(\"$where\") end" >"$d/$where/zz_where.lua"
	done
	ch_where() {
		(cd "$d/cwd" && HOME=$d/home "$@" "$SYSRAY" -r "$f" -c zz_where 2>&1)
	}
	got=$(ch_where env SYSRAY_CHISEL_DIR="$d/sysray" SYSDIG_CHISEL_DIR="$d/sysdig")
	[ "$got" = sysray ] || { echo "both set: $got"; return 1; }
	got=$(ch_where env SYSDIG_CHISEL_DIR="/nonexistent;$d/sysdig")
	[ "$got" = sysdig ] || { echo "SYSDIG_CHISEL_DIR: $got"; return 1; }
	got=$(ch_where env)
	[ "$got" = cwd/chisels ] || { echo "./chisels: $got"; return 1; }
	rm "$d/cwd/chisels/zz_where.lua"
	got=$(ch_where env)
	[ "$got" = home/.chisels ] || { echo "~/.chisels: $got"; return 1; }
}

expect ch-search-order "chisel directories searched in sysdig's order, sysray's first" \
	t_ch_search_order
if command -v sysdig >/dev/null; then
	expect ch-listing "-cl and -i laid out as sysdig's" t_ch_listing
	expect ch-errors "chisel errors: one message, exit 1, -w file kept" t_ch_errors
fi
expect ch-docs-example "the example of docs/chisels.md runs" t_ch_docs_example
