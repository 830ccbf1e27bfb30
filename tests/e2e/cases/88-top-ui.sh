# SPDX-License-Identifier: Apache-2.0
# (top-ui) `sysray top -r FILE` in a real terminal (tmux, 80x24 and 200x50): it starts on the
# Processes view, F2 switches to Files, '>' sorts by the file name, Enter drills down into
# the processes of a file, Backspace comes back, q quits; a second run ends on SIGTERM. After
# each, the shell in the pane finds its terminal sane (canonical mode and echo restored).

UI_DIR=$WORK/top-ui
UI_CAP=$E2E_DIR/../data/scap/falco_cat_write.scap
mkdir -p "$UI_DIR"

# ui_screen SESSION: the pane's text.
ui_screen() {
	tmux capture-pane -p -t "$1"
}

# ui_shows SESSION TEXT: whether the pane shows TEXT.
ui_shows() {
	ui_screen "$1" | grep -qF -- "$2"
}

# ui_start SESSION WxH: sysray top in a new detached session; the pane's shell then writes
# its terminal settings to UI_DIR/SESSION.stty and the exit status to UI_DIR/SESSION.rc.
ui_start() {
	local s=$1 w=${2%x*} h=${2#*x}
	rm -f "$UI_DIR/$s.stty" "$UI_DIR/$s.rc"
	tmux new-session -d -s "$s" -x "$w" -y "$h" \
		"$SYSRAY top -r $UI_CAP; echo \$? >$UI_DIR/$s.rc.tmp; stty -a >$UI_DIR/$s.stty;
		 mv $UI_DIR/$s.rc.tmp $UI_DIR/$s.rc; sleep 60"
}

ui_ended() {
	[ -e "$UI_DIR/$1.rc" ]
}

# ui_sane SESSION: top exited 0 (or by the signal SIG, when given) and the terminal is sane.
ui_sane() {
	local rc
	wait_until "top in $1 to exit" ui_ended "$1" || return 1
	read -r rc <"$UI_DIR/$1.rc"
	[ "$rc" = "${2:-0}" ] || { echo "top exited $rc"; return 1; }
	grep -qw icanon "$UI_DIR/$1.stty" && grep -qw echo "$UI_DIR/$1.stty" ||
		{ echo "terminal left raw: $(head -c 300 "$UI_DIR/$1.stty")"; return 1; }
}

# t_ui_keys SIZE: the key walk at terminal size SIZE (WxH).
t_ui_keys() {
	local s=srtop-keys-$$-$1 ok=1
	ui_start "$s" "$1"
	{
		wait_until "the Processes view" ui_shows "$s" "Viewing: Processes" &&
		ui_shows "$s" " 20072 " &&
		tmux send-keys -t "$s" F2 &&
		wait_until "the view menu" ui_shows "$s" "Select View" &&
		tmux send-keys -t "$s" Home Down Down Down Down Down Down Enter &&
		wait_until "the Files view" ui_shows "$s" "Viewing: Files" &&
		ui_shows "$s" "/etc/ld.so.cache" &&
		tmux send-keys -t "$s" '>' &&
		wait_until "the sort menu" ui_shows "$s" "Sort by" &&
		tmux send-keys -t "$s" End Enter &&
		wait_until "the sort by name" ui_shows "$s" "FILENAME*" &&
		tmux send-keys -t "$s" Down Down Enter &&
		wait_until "the drill down" ui_shows "$s" 'For: fd.name="/lib/x86_64-linux-gnu/libc.so.6"' &&
		ui_shows "$s" " 20072 " &&
		tmux send-keys -t "$s" BSpace &&
		wait_until "the way back" ui_shows "$s" "For: whole file" &&
		tmux send-keys -t "$s" q &&
		ui_sane "$s"
	} || ok=0
	[ $ok = 1 ] || ui_screen "$s" | head -12
	tmux kill-session -t "$s" 2>/dev/null
	[ $ok = 1 ]
}

# t_ui_sigterm: SIGTERM ends top and restores the terminal.
t_ui_sigterm() {
	local s=srtop-term-$$ ok=1 pid
	ui_start "$s" 80x24
	{
		wait_until "the Processes view" ui_shows "$s" "Viewing: Processes" &&
		pid=$(pgrep -f "^$SYSRAY top -r $UI_CAP" | head -1) && [ -n "$pid" ] &&
		kill -TERM "$pid" &&
		ui_sane "$s"
	} || ok=0
	tmux kill-session -t "$s" 2>/dev/null
	[ $ok = 1 ]
}

if ! command -v tmux >/dev/null; then
	skip top-ui "tmux is not installed (apt-get install -y tmux)"
else
	expect top-ui-keys-80x24 "views, sort, drill down and back, quit at 80x24" t_ui_keys 80x24
	expect top-ui-keys-200x50 "the same at 200x50" t_ui_keys 200x50
	expect top-ui-sigterm "SIGTERM restores the terminal" t_ui_sigterm
fi
