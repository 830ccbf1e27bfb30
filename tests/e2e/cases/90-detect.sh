# SPDX-License-Identifier: Apache-2.0
# (detect) `sysray detect`: the rules of tests/detect/basic.yaml over what tests/progs/detectwork
# does (a watched file read, an IPv6 socket known from socket()'s enter event, memfd_create
# which sysdig 0.29 does not name, /bin/true spawned), on a capture of its run (`detect -e`) and live: exactly the expected alerts, in
# Falco's text and JSON; rule_matching, priority, ISO time; each bad rules file of
# tests/detect with Falco's message, its location and exit 1; -V, -L, -l, --list; and, when
# /work/falco-rules is there (not on CI), Falco's own default ruleset.

DET_DIR=$WORK/detect
DET_RULES=$E2E_DIR/../detect
DET_BASIC=$DET_RULES/basic.yaml
DET_FALCO=/work/falco-rules/falco_rules.yaml
mkdir -p "$DET_DIR"

# The sentence of each text alert in FILE (what comes before " | "), one per line, in order.
det_sentences() {
	sed -n 's/^[0-9:.]*: [A-Z][a-z]* \([^|]*\) |.*/\1/p' "$1"
}

# The four alerts detectwork raises, in FILE (text alerts), for its run in DIR. Its parent is
# the runner's subshell that under_capture started it from.
det_expected() {
	local out=$1 dir=$2
	diff <(det_sentences "$out") <(printf '%s\n' "Watched file opened for reading" \
		"IPv6 socket" "Memory file" "Spawned") || return 1
	grep -q "^[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9]\{9\}: Warning Watched file opened for reading | file=$dir/secret.txt name=secret.txt flags=O_RDONLY process=detectwork parent=[^ ]* cmd=detectwork container_id=host container_name=host proc_ancestry=[^ ]*\[[0-9]*\]," "$out" &&
		grep -q ": Informational IPv6 socket | domain=AF_INET6 fd=[0-9]* process=detectwork container_id=host" "$out" &&
		grep -q ": Notice Memory file | syscall=memfd_create process=detectwork container_id=host" "$out" &&
		grep -q ": Notice Spawned | process=true parent=detectwork exe=true missing=<NA> container_id=host container_name=host proc_ancestry=detectwork\[[0-9]*\],[^ ]*\[[0-9]*\]," "$out"
}

t_det_capture() {
	det_expected "$DET_DIR/capture.out" "$DET_RUN" &&
		grep -qx "Events detected: 4" "$DET_DIR/capture.err" &&
		grep -qx "   Watched file read: 1" "$DET_DIR/capture.err"
}

t_det_live() {
	det_expected "$DET_DIR/live.out" "$DET_LIVE_RUN"
}

# -j: one object per alert, keys in Falco's order, typed output_fields, sorted tags.
t_det_json() {
	"$SYSRAY" detect -r "$DET_BASIC" -e "$DET_DIR/run.scap" -j >"$DET_DIR/json.out" \
		2>/dev/null || return 1
	"$PY" - "$DET_DIR/json.out" <<'PYEOF' || return 1
import json, re, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 4, lines
objs = [json.loads(l) for l in lines]
for o in objs:
    assert list(o) == ["hostname", "output", "output_fields", "priority", "rule", "source",
                       "tags", "time"], list(o)
    assert o["source"] == "syscall"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z", o["time"]), o["time"]
    f = o["output_fields"]
    assert list(f) == sorted(f), list(f)
    assert isinstance(f["evt.time"], int) and f["container.id"] == "host"
    assert o["output"].startswith(o["time"][11:29] + ": " + o["priority"] + " "), o
    assert o["tags"] == sorted(o["tags"])
w, s, m, t = objs
assert m["rule"] == "Memory file created" and m["output_fields"]["evt.type"] == "memfd_create"
assert w["rule"] == "Watched file read" and w["priority"] == "Warning"
assert w["tags"] == ["filesystem", "test"] and w["output_fields"]["evt.arg.flags"] == "O_RDONLY"
assert s["rule"] == "IPv6 datagram socket" and isinstance(s["output_fields"]["fd.num"], int)
assert t["rule"] == "Program spawned true" and t["tags"] == []
assert t["output_fields"]["container.image.repository"] is None
PYEOF
	local one
	one=$("$SYSRAY" detect -r "$DET_BASIC" -e "$DET_DIR/run.scap" -j \
		-o json_include_message_property=true -o json_include_output_property=false \
		-o json_include_tags_property=false -o json_include_output_fields_property=false \
		2>/dev/null | head -1)
	"$PY" -c 'import json, sys
o = json.loads(sys.argv[1])
assert list(o) == ["hostname", "message", "priority", "rule", "source", "time"], o
assert o["message"].startswith("Watched file opened for reading | file=")' "$one"
}

# rule_matching=all fires the second rule on the same event; priority=notice drops INFO.
t_det_matching() {
	"$SYSRAY" detect -r "$DET_BASIC" -e "$DET_DIR/run.scap" -o rule_matching=all \
		-o priority=notice >"$DET_DIR/all.out" 2>/dev/null || return 1
	diff <(det_sentences "$DET_DIR/all.out") <(printf '%s\n' \
		"Watched file opened for reading" "Watched file read again" "Memory file" "Spawned")
}

t_det_iso() {
	"$SYSRAY" detect -r "$DET_BASIC" -e "$DET_DIR/run.scap" -o time_format_iso_8601=true \
		2>/dev/null | head -1 |
		grep -q "^[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:]\{8\}\.[0-9]\{9\}+0000: Warning Watched"
}

t_det_options() {
	local out
	out=$("$SYSRAY" detect -r "$DET_BASIC" -e "$DET_DIR/run.scap" -o colour=red 2>&1)
	[ $? = 1 ] && [ "$out" = "sysray: -o: unknown option 'colour'" ] || return 1
	out=$("$SYSRAY" detect -r "$DET_BASIC" -e "$DET_DIR/run.scap" -o rule_matching=some 2>&1)
	[ $? = 1 ] && [ "$out" = "sysray: -o: option 'rule_matching': 'some' is not first or all" ]
}

# read() is one of the events rules see only with -A (tests/detect/io.yaml).
t_det_all_events() {
	local out
	out=$("$SYSRAY" detect -r "$DET_RULES/io.yaml" -e "$DET_DIR/run.scap" 2>/dev/null)
	[ $? = 0 ] && [ -z "$out" ] || return 1
	out=$("$SYSRAY" detect -A -r "$DET_RULES/io.yaml" -e "$DET_DIR/run.scap" 2>/dev/null)
	[ $? = 0 ] && [ "$(wc -l <<<"$out")" = 1 ] && grep -q ": Debug Secret read | bytes=7 " <<<"$out"
}

# det_bad FILE CODE MESSAGE LINE:COLUMN: -V and a run both fail with the one message.
det_bad() {
	local f=$DET_RULES/$1 code=$2 want=$3 loc=$4 out rc
	out=$("$SYSRAY" detect -V "$f")
	rc=$?
	[ $rc = 1 ] || { echo "-V $1: exit $rc"; return 1; }
	grep -qx "$f: Invalid" <<<"$out" && grep -qx "1 Errors:" <<<"$out" &&
		grep -qF "$code" <<<"$out" && grep -qF "$want" <<<"$out" &&
		grep -qF "($f:$loc)" <<<"$out" || { echo "-V $1: $out"; return 1; }
	out=$("$SYSRAY" detect -r "$f" -e "$DET_DIR/run.scap" 2>&1)
	rc=$?
	[ $rc = 1 ] && grep -qF "$want" <<<"$out" && ! grep -q "Events detected" <<<"$out" ||
		{ echo "run $1: exit $rc: $out"; return 1; }
}

t_det_bad_yaml() {
	det_bad bad-yaml.yaml "LOAD_ERR_YAML_PARSE (Invalid yaml)" \
		"did not find expected ',' or ']' while parsing a flow sequence" 8:11
}
t_det_bad_field() {
	det_bad bad-field.yaml LOAD_ERR_COMPILE_CONDITION \
		"filter_check called with nonexistent field proc.nmae" 5:14
}
t_det_bad_macro() {
	det_bad bad-macro.yaml LOAD_ERR_VALIDATE \
		"Undefined macro 'not_defined_anywhere' used in filter." 7:14
}
t_det_bad_loop() {
	det_bad bad-loop.yaml LOAD_ERR_VALIDATE "Undefined macro 'pong' used in filter." 5:14
}
t_det_bad_priority() {
	det_bad bad-priority.yaml LOAD_ERR_VALIDATE "Invalid priority" 7:13
}
t_det_bad_override() {
	det_bad bad-override.yaml LOAD_ERR_VALIDATE \
		"Rule uses 'append' or 'override.<key>: append' but no rule by that name already exists" 3:3
}

t_det_validate() {
	local out
	out=$("$SYSRAY" detect -V "$DET_BASIC" -V "$DET_RULES/bad-priority.yaml")
	[ $? = 1 ] && [ "$(head -1 <<<"$out")" = "$DET_BASIC: Ok" ] &&
		grep -qx "$DET_RULES/bad-priority.yaml: Invalid" <<<"$out" &&
		[ "$("$SYSRAY" detect -V "$DET_BASIC")" = "$DET_BASIC: Ok" ]
}

t_det_list() {
	"$SYSRAY" detect -r "$DET_BASIC" -L >"$DET_DIR/L.out" || return 1
	diff <(cut -c1-51 "$DET_DIR/L.out" | sed 's/ *$//') <(printf '%s\n' \
		"Rule" "----" \
		"Watched file read" "Watched file read again" "IPv6 datagram socket" "" \
		"Memory file created" "Program spawned true") || return 1
	grep -qxF "$(printf '%-50s %s' "Watched file read" \
		"A test program opened a watched file for reading.")" "$DET_DIR/L.out" || return 1
	[ "$("$SYSRAY" detect -r "$DET_BASIC" -l "IPv6 datagram socket" | head -2)" = \
		"$(printf 'Rule: IPv6 datagram socket\nDescription:')" ] || return 1
	local out
	out=$("$SYSRAY" detect -r "$DET_BASIC" -l "No such rule" 2>&1)
	[ $? = 1 ] && [ "$out" = 'sysray: Rule "No such rule" is not loaded' ] || return 1
	# with JSON: rules with their conditions expanded, macros and lists
	"$SYSRAY" detect -r "$DET_BASIC" -L -j | "$PY" -c '
import json, sys
d = json.load(sys.stdin)
r = {x["name"]: x for x in d["rules"]}
assert len(d["lists"]) == 3 and len(d["macros"]) == 3, d
e = r["Watched file read"]["expanded_condition"]
assert "fd.filename in (secret.txt, shadow, passwd)" in e and "proc.name in (detectwork)" in e, e
assert "not (proc.pname = bash and proc.cmdline startswith \"true --from-shell\")" in \
    r["Program spawned true"]["expanded_condition"]
assert r["Never fires"]["enabled"] is False'
}

t_det_fields() {
	"$SYSRAY" detect --list process | grep -q "^proc.name " &&
		! "$SYSRAY" detect --list process | grep -q "^fd.name " &&
		"$SYSRAY" detect --list | grep -q "^fd.name " &&
		[ "$("$SYSRAY" detect --list nope 2>&1)" = "sysray: --list: no field class 'nope'" ]
}

t_det_falco_validate() {
	local out
	out=$("$SYSRAY" detect -V "$DET_FALCO")
	[ "$out" = "$DET_FALCO: Ok" ] || { grep "LOAD_ERR" <<<"$out" | sort | uniq -c; return 1; }
}

t_det_falco_list() {
	[ "$("$SYSRAY" detect -r "$DET_FALCO" -L -j | "$PY" -c \
		'import json, sys; print(len(json.load(sys.stdin)["rules"]))')" = 25 ]
}

# tracee's scopes on detect: comm= keeps detectwork's own alerts and not its child's (true);
# pid=new keeps only true's: as in tracee, a process is new when its fork was seen, and
# detectwork's shell was forked before the capture (it waited on under_capture's fifo, then
# exec'd); a name that ran nothing keeps none; a mistyped scope: one message, exit 1.
t_det_scope() {
	local f=$DET_DIR/run.scap out=$DET_DIR/scope
	"$SYSRAY" detect -r "$DET_BASIC" -e "$f" --trace comm=detectwork >"$out.comm" 2>/dev/null &&
		diff <(det_sentences "$out.comm") <(printf '%s\n' "Watched file opened for reading" \
			"IPv6 socket" "Memory file") || { echo "comm=: $(cat "$out.comm")"; return 1; }
	"$SYSRAY" detect -r "$DET_BASIC" -e "$f" --trace pid=new >"$out.new" 2>/dev/null &&
		[ "$(det_sentences "$out.new")" = Spawned ] ||
		{ echo "pid=new: $(cat "$out.new")"; return 1; }
	"$SYSRAY" detect -r "$DET_BASIC" -e "$f" --trace comm=sysray-none >"$out.none" \
		2>/dev/null && [ ! -s "$out.none" ] || { echo "comm=sysray-none: $(cat "$out.none")"; return 1; }
	"$SYSRAY" detect -r "$DET_BASIC" -e "$f" --trace pdi=new >/dev/null 2>"$out.err"
	[ $? = 1 ] && [ "$(wc -l <"$out.err")" = 1 ] && grep -q "pdi" "$out.err" ||
		{ echo "bad scope: $(cat "$out.err")"; return 1; }
}

if selected detect; then
	DET_RUN=$(fresh_dir detect-capture)
	under_capture "$DET_RUN" "$PROGS/detectwork" ready "$DET_DIR/w.out" "$DET_DIR/w.err" \
		"$SYSRAY" -M 60 -w "$DET_DIR/run.scap"
	case $? in
	0)
		"$SYSRAY" detect -r "$DET_BASIC" -e "$DET_DIR/run.scap" \
			>"$DET_DIR/capture.out" 2>"$DET_DIR/capture.err"
		expect detect-capture "detect -e: the four alerts of detectwork's capture" \
			t_det_capture
		expect detect-json "-j: Falco's JSON alert, keys, types, include_* options" \
			t_det_json
		expect detect-matching "rule_matching=all and priority=notice" t_det_matching
		expect detect-scope "--trace comm=, pid=new: tracee's scopes on detect" t_det_scope
		expect detect-iso "time_format_iso_8601: the line starts with ISO 8601 time" \
			t_det_iso
		expect detect-options "-o: unknown key and bad value, one message, exit 1" \
			t_det_options
		expect detect-all-events "-A: read() reaches the rules only with -A" \
			t_det_all_events
		expect detect-bad-yaml "YAML syntax error: message, line, exit 1" t_det_bad_yaml
		expect detect-bad-field "unknown field: message, line, exit 1" t_det_bad_field
		expect detect-bad-macro "undefined macro: message, line, exit 1" t_det_bad_macro
		expect detect-bad-loop "macros using each other: message, line, exit 1" \
			t_det_bad_loop
		expect detect-bad-priority "bad priority: message, line, exit 1" \
			t_det_bad_priority
		expect detect-bad-override "override of a missing rule: message, exit 1" \
			t_det_bad_override
		;;
	2)
		skip detect-capture "eBPF capture not available here: $(head -c 300 "$DET_DIR/w.err")"
		;;
	*)
		fail detect-capture "capture of detectwork failed: $(head -c 300 "$DET_DIR/w.err")"
		;;
	esac
	DET_LIVE_RUN=$(fresh_dir detect-live)
	under_capture "$DET_LIVE_RUN" "$PROGS/detectwork" ready "$DET_DIR/live.out" \
		"$DET_DIR/live.err" "$SYSRAY" detect -M 60 -r "$DET_BASIC"
	case $? in
	0) expect detect-live "live: the four alerts of detectwork" t_det_live ;;
	2) skip detect-live "eBPF capture not available here: $(head -c 300 "$DET_DIR/live.err")" ;;
	*) fail detect-live "live detect failed: $(head -c 300 "$DET_DIR/live.err")" ;;
	esac
	expect detect-validate "-V: Ok for a good file, Invalid and exit 1 for a bad one" \
		t_det_validate
	expect detect-list "-L, -l RULE, -L -j with expanded conditions" t_det_list
	expect detect-fields "--list [CLASS]: the field list" t_det_fields
	if [ -r "$DET_FALCO" ]; then
		expect detect-falco-validate "Falco's default ruleset loads with no error" \
			t_det_falco_validate
		expect detect-falco-list "-L lists Falco's 25 rules" t_det_falco_list
	else
		skip detect-falco-validate "$DET_FALCO is not here (Falco's rules are not in the repo)"
		skip detect-falco-list "$DET_FALCO is not here (Falco's rules are not in the repo)"
	fi
fi
