# SPDX-License-Identifier: Apache-2.0
# (capture) .scap files: `sysray scap-dump` against Debian's sysdig 0.29 on every capture and
# probe of tests/data/scap, and files written by sysray's writer read back by sysdig.

CAP_DATA=$E2E_DIR/../data/scap
CAP_DIR=$WORK/capture
mkdir -p "$CAP_DIR"
CAP_FIELDS="%evt.num %evt.type %evt.dir %thread.tid"
CAP_FULL="%evt.num %evt.type %evt.dir %thread.tid %proc.name %fd.name %evt.args"

# cap_compare DUMP SYSDIG_OUT SYSDIG_FAILED: sysdig numbers the events whose code it knows
# (< 336) and hides procinfo (234), container events (228, 272, 324) and state-only events;
# every line it prints must be our event of that number, every event it hides must be one of
# those. When sysdig stopped early, only its lines are checked.
cap_compare() {
	"$PY" - "$@" <<'PYEOF'
import sys
dump, sd, failed = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
ours = []
for line in open(dump):
    if line.startswith("-- summary"):
        break
    if line.startswith("--"):
        continue
    f = line.split()
    code = int(f[-1].split("=")[1]) if f[-1].startswith("code=") else -1
    flags = [x for x in f if x.startswith("flags=")]
    state_only = bool(flags) and int(flags[0][6:], 16) & 1
    if 0 <= code < 336:
        ours.append((f[5], f[4], f[3], code, state_only))
shown = {}
for line in open(sd):
    f = line.split()
    if len(f) >= 4 and f[0].isdigit():
        shown[int(f[0])] = (f[1], f[2], f[3])
bad = []
for num, (typ, d, tid) in shown.items():
    if num > len(ours):
        bad.append("sysdig event %d beyond ours" % num)
    elif ours[num - 1][:3] != (typ, d, tid):
        bad.append("event %d: sysdig %s, sysray %s" % (num, (typ, d, tid), ours[num - 1][:3]))
if not failed:
    for num, (typ, d, tid, code, state_only) in enumerate(ours, 1):
        # sysdig 0.29 never shows its internal events (drop, scapevent, container,
        # procinfo, k8s, mesos, infra) nor the container events before the first other
        if num not in shown and code not in (148, 149, 196, 197, 228, 229, 234, 235, 260,
                                             270, 286, 287, 272, 324) and not state_only:
            bad.append("event %d (%s %s) not shown by sysdig" % (num, typ, d))
for b in bad[:5]:
    print(b)
print("%d events known to sysdig, %d lines compared, %d differences" %
      (len(ours), len(shown), len(bad)))
sys.exit(1 if bad else 0)
PYEOF
}

# Which files sysdig 0.29 cannot read to the end (reference §17.2): SHB options, fd type 20,
# an unknown block among events, a non-LARGE block over 64 KiB, no events at all.
cap_sysdig_stops() {
	case "$1" in
	*curl_google_comments* | *t08_* | *t09_* | *t15_* | *t17_* | *t26_*) return 0 ;;
	esac
	return 1
}

t_cap_vs_sysdig() {
	local f=$1 name=$2
	local dump=$CAP_DIR/$name.dump sd=$CAP_DIR/$name.sysdig failed=0
	sysdig_r "$f" "$sd" "$sd.err" -p "$CAP_FIELDS"
	"$SYSRAY" scap-dump "$f" >"$dump" 2>"$dump.err"
	local rc=$?
	cap_sysdig_stops "$f" && failed=1
	case "$f" in
	*t26_*)	# no events: both must say so
		[ $rc -ne 0 ] && grep -q "no events in file" "$dump.err" &&
			grep -q "no events in file" "$sd.err"
		return ;;
	esac
	if [ $rc -ne 0 ]; then
		echo "scap-dump failed: $(head -c 300 "$dump.err")"
		return 1
	fi
	cap_compare "$dump" "$sd" "$failed" >"$CAP_DIR/$name.cmp" || {
		cat "$CAP_DIR/$name.cmp"
		return 1
	}
}

# sysray copies FILE through its writer (raw, then gzip); sysdig must print the same lines
# for the copy as for the original (or, where sysdig cannot read the original, as many
# events as scap-dump reads).
t_cap_written_by_sysray() {
	local f=$1 name=$2 z orig=$CAP_DIR/$name.orig
	# sysdig's lines for the original, once for both copies
	cap_sysdig_stops "$f" || sysdig_r "$f" "$orig" "$orig.err" -p "$CAP_FULL"
	for z in "" -z; do
		local copy=$CAP_DIR/$name.copy$z.scap
		"$SYSRAY" scap-dump -q -w "$copy" $z "$f" >/dev/null 2>&1 || return 1
		"$SYSRAY" scap-dump -q "$copy" >"$copy.dump" 2>&1 || {
			echo "sysray cannot read its copy: $(tail -1 "$copy.dump")"
			return 1
		}
		timeout 120 sysdig -r "$copy" -p "$CAP_FULL" >"$copy.sysdig" 2>"$copy.sysdig.err" || {
			echo "sysdig cannot read the copy: $(head -c 300 "$copy.sysdig.err")"
			return 1
		}
		[ -s "$copy.sysdig.err" ] && { cat "$copy.sysdig.err"; return 1; }
		if ! cap_sysdig_stops "$f"; then
			cmp -s "$orig" "$copy.sysdig" || {
				echo "sysdig prints different lines for the copy ($copy.sysdig)"
				return 1
			}
		fi
	done
}

t_cap_truncated() {
	local f=$CAP_DATA/probes/t05_uncompressed.scap cut=$CAP_DIR/cut.scap out
	head -c 1000 "$f" >"$cut"
	out=$("$SYSRAY" scap-dump "$cut" 2>&1)
	[ $? -eq 1 ] && grep -q "byte offset [0-9]" <<<"$out" && grep -q "^[0-9]* .* code=" <<<"$out"
}

if ! command -v sysdig >/dev/null; then
	skip capture "sysdig is not installed (apt-get install -y sysdig)"
elif ! "$SYSRAY" scap-dump -h >/dev/null 2>&1; then
	skip capture "this sysray has no scap-dump command (cmd_scap_dump in src/cli/main.c)"
elif [ ! -d "$CAP_DATA" ]; then
	skip capture "no $CAP_DATA"
else
	# every probe, and every real capture (half of them under `make asan`: sanitizer_sample)
	for f in $(sanitizer_sample "$CAP_DATA"/*.scap) "$CAP_DATA"/probes/*.scap; do
		name=$(basename "$f" .scap)
		expect "cap-dump-$name" "scap-dump agrees with sysdig 0.29" t_cap_vs_sysdig "$f" "$name"
		if [ "$name" = t26_no_events ]; then
			skip "cap-write-$name" "no events to copy"
			continue
		fi
		expect "cap-write-$name" "sysdig reads sysray's copy" \
			t_cap_written_by_sysray "$f" "$name"
	done
	expect cap-truncated "a truncated capture: events, then one error with an offset" \
		t_cap_truncated
fi
