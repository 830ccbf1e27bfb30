# SPDX-License-Identifier: Apache-2.0
# (syslog) sysdig 0.29's syslog.* fields on a live capture of tests/progs/syslogpoll (messages
# to a socket bound to ./dev/log by each kind of write and by logger, and buffers that are not
# syslog messages): `sysray -r` prints what `sysdig -r` prints for every I/O write, sysray's
# and sysdig's spy_syslog chisels print sysdig's lines, and `sysray top -v spy_syslog` shows
# csysdig's rows (own and csysdig's view file); fdlist.* of its polls as sysdig's. sysdig
# runs here, on the capture just made.

SL_DIR=$WORK/syslog
mkdir -p "$SL_DIR"
SL_CAP=$SL_DIR/syslog.scap
# Every write, both directions: a sysdig filter that drops a writev's enter event leaves its
# exit unparsed (fields/syslog.c), and this compares the fields, not that artefact.
SL_FMT="*%evt.num %proc.name %evt.type %evt.dir %fd.name %syslog.facility.str \
%syslog.facility %syslog.severity.str %syslog.severity [%syslog.message]"

# sl_capture: syslogpoll (and the logger it starts) under `sysray -w`, once.
sl_capture() {
	[ -s "$SL_CAP" ] && return 0
	local dir
	dir=$(fresh_dir syslog)
	under_capture "$dir" "$PROGS/syslogpoll" ready "$SL_DIR/cap.out" "$SL_DIR/cap.err" \
		"$SYSRAY" -s 256 -w "$SL_CAP" "proc.name in (syslogpoll, logger)" || {
		echo "capture: $(tail -c 300 "$SL_DIR/cap.err")"
		rm -f "$SL_CAP"
		return 1
	}
	[ "$CAP_PROG_STATUS" = 0 ] ||
		{ echo "syslogpoll exited $CAP_PROG_STATUS: $(head -c 300 "$SL_DIR/cap.out.prog")"
		  return 1; }
}

t_sl_fields() {
	sl_capture || return 1
	sysdig -r "$SL_CAP" -p "$SL_FMT" evt.is_io_write=true >"$SL_DIR/f.sysdig" \
		2>"$SL_DIR/f.sysdig.err"
	"$SYSRAY" -r "$SL_CAP" -p "$SL_FMT" evt.is_io_write=true >"$SL_DIR/f.sysray" \
		2>"$SL_DIR/f.sysray.err"
	# a message of each kind reached the capture: sendto on an unnamed socket, logger's, a
	# priority without a facility name, and a file whose name holds /dev/log
	grep -q "sendto < .* user 1 warn 4 \[sendto: user warn\]" "$SL_DIR/f.sysdig" &&
		grep -q "^[0-9]* logger .* local3 19 crit 2 \[.*syslogpoll: from logger\]" \
			"$SL_DIR/f.sysdig" &&
		grep -q "<NA> 25 emerg 0 \[facility 25 has no name\]" "$SL_DIR/f.sysdig" &&
		grep -q "writev < .* user 1 err 3 \[writev: user err, second part\]" \
			"$SL_DIR/f.sysdig" &&
		grep -q "dev/logfile user 1 info 6 \[in a file" "$SL_DIR/f.sysdig" ||
		{ echo "sysdig does not show the messages: $SL_DIR/f.sysdig"; return 1; }
	cmp -s "$SL_DIR/f.sysdig" "$SL_DIR/f.sysray" ||
		{ echo "diff $SL_DIR/f.sysdig $SL_DIR/f.sysray"; return 1; }
}

# fdlist.* of syslogpoll's polls as sysdig lists them: the poll over ten fds must show them
# (a capture whose polls carry no fds parameter gives <NA> on both sides, which proves nothing).
# The enter lists every fd; the exit, as libs' drivers write it, only those the kernel
# returned events for (999 has POLLNVAL, -1 none: sysdig's libs_e2e_curl_google.scap has
# `poll > fds=4:6204` then `poll < res=0 fds=`).
t_sl_fdlist() {
	local fmt="*%evt.num %evt.type %evt.dir [%fdlist.nums] [%fdlist.names] [%fdlist.cips] \
[%fdlist.sips] [%fdlist.cports] [%fdlist.sports]"
	sl_capture || return 1
	sysdig -r "$SL_CAP" -p "$fmt" "evt.type in (poll, ppoll)" >"$SL_DIR/p.sysdig" \
		2>"$SL_DIR/p.sysdig.err"
	"$SYSRAY" -r "$SL_CAP" -p "$fmt" "evt.type in (poll, ppoll)" >"$SL_DIR/p.sysray" \
		2>"$SL_DIR/p.sysray.err"
	grep -q "poll > \[[0-9]*,[0-9]*,[0-9]*,[0-9]*,[0-9]*,[0-9]*,[0-9]*,[0-9]*,999,-1\]" \
		"$SL_DIR/p.sysdig" &&
		grep -q "poll < \[[0-9,]*,999\]" "$SL_DIR/p.sysdig" ||
		{ echo "no poll with its fds: $SL_DIR/p.sysdig"; return 1; }
	cmp -s "$SL_DIR/p.sysdig" "$SL_DIR/p.sysray" ||
		{ echo "diff $SL_DIR/p.sysdig $SL_DIR/p.sysray"; return 1; }
}

# sl_chisel KIND: -c spy_syslog, sysray with its own chisel (own) or sysdig's file (sysdig),
# against sysdig with its own. sysdig's chisel prints "nil.nil NAME[TID] nil" for a write to
# /dev/log that is no syslog message; ours leaves it out (and does not stop on a terminal,
# where sysdig's compares the missing severity with a number): those lines are not compared.
sl_chisel() {
	local dir=$E2E_DIR/../../chisels/ want=$SL_DIR/c.sysdig
	[ "$1" = own ] || dir=/usr/share/sysdig/chisels/
	sl_capture || return 1
	SYSDIG_CHISEL_DIR= sysdig -r "$SL_CAP" -c spy_syslog >"$want" 2>"$want.err"
	SYSDIG_CHISEL_DIR=$dir "$SYSRAY" -r "$SL_CAP" -c spy_syslog >"$SL_DIR/c.$1" \
		2>"$SL_DIR/c.$1.err"
	if [ "$1" = own ]; then
		grep -a -v '^nil\.nil .* nil$' "$SL_DIR/c.sysdig" >"$SL_DIR/c.sysdig-parsed"
		want=$SL_DIR/c.sysdig-parsed
	fi
	[ "$(grep -a -c . "$want")" -ge 10 ] ||
		{ echo "sysdig's chisel printed too little: $want"; return 1; }
	cmp -s "$want" "$SL_DIR/c.$1" || { echo "diff $want $SL_DIR/c.$1"; return 1; }
}

# sl_view KIND: csysdig's spy_syslog rows and info, as 87-top compares them (every row).
sl_view() {
	local dir=/usr/share/sysdig/chisels name pct same n info
	sl_capture || return 1
	TZ=UTC SYSDIG_CHISEL_DIR=$dir timeout 60 csysdig -r "$SL_CAP" -v spy_syslog -j \
		>"$SL_DIR/v.csysdig" 2>"$SL_DIR/v.csysdig.err"
	if [ "$1" = own ]; then
		TZ=UTC timeout 60 "$SYSRAY" top -r "$SL_CAP" -v spy_syslog -j >"$SL_DIR/v.own" \
			2>"$SL_DIR/v.own.err"
	else
		TZ=UTC SYSDIG_CHISEL_DIR=$dir timeout 60 "$SYSRAY" top -r "$SL_CAP" -v spy_syslog \
			-j >"$SL_DIR/v.sysdig" 2>"$SL_DIR/v.sysdig.err"
	fi
	read -r name pct same n info < <(echo "$1 $SL_DIR/v.$1 $SL_DIR/v.csysdig" |
		"$PY" "$E2E_DIR/top_compare.py")
	[ "$n" -ge 10 ] && [ "$same" = "$n" ] && [ "$info" = info ] ||
		{ echo "$same/$n rows ($info): diff $SL_DIR/v.csysdig $SL_DIR/v.$1"; return 1; }
}

if [ ! -e /sys/kernel/btf/vmlinux ]; then
	skip syslog "no BTF: eBPF capture not available here"
elif ! command -v sysdig >/dev/null || ! command -v csysdig >/dev/null; then
	skip syslog "sysdig is not installed (apt-get install -y sysdig)"
elif ! command -v logger >/dev/null; then
	skip syslog "logger is not installed (util-linux's bsdutils)"
else
	expect sl-fields "syslog.*: sysdig's values for every write of a live capture" t_sl_fields
	expect sl-fdlist "fdlist.*: sysdig's lists for live polls over sockets, a pipe, bad fds" \
		t_sl_fdlist
	expect sl-chisel-own "-c spy_syslog (our chisel): sysdig's lines" sl_chisel own
	expect sl-chisel-sysdig "-c spy_syslog (sysdig's chisel file): sysdig's lines" \
		sl_chisel sysdig
	expect sl-view-own "top -v spy_syslog (our view): csysdig's rows" sl_view own
	expect sl-view-sysdig "top -v spy_syslog (csysdig's view file): csysdig's rows" \
		sl_view sysdig
fi
