# SPDX-License-Identifier: Apache-2.0
# (b) Everyday commands, traced by strace and by sysray and compared line by line.

# A fixture tree with fixed contents and times, shared by the commands.
DATA=$WORK/data
mkdir -p "$DATA/sub"
printf 'alpha\nbeta\ngamma\n' >"$DATA/a.txt"
seq 1 2000 >"$DATA/numbers.txt"
printf 'nested file\n' >"$DATA/sub/c.txt"
find "$DATA" -exec touch -h -d @1000000000 {} +

setup_cmd_cp() { :; }
setup_cmd_tar() { :; }
setup_cmd_git() {
	git init -q repo && echo content >repo/file && git -C repo add file
}
export GIT_AUTHOR_DATE=@1000000000 GIT_COMMITTER_DATE=@1000000000
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export GIT_CONFIG_NOSYSTEM=1 HOME=$WORK/home
mkdir -p "$HOME"

# python3 writes its bytecode caches on the first run: warm them up.
"$PY" -c 'import json' >/dev/null 2>&1

compare_trace cmd-ls ls -l "$DATA"
compare_trace cmd-ls-root ls /
compare_trace cmd-cat cat "$DATA/a.txt" "$DATA/numbers.txt"
compare_trace cmd-cp cp "$DATA/numbers.txt" copy.txt
compare_trace cmd-tar tar -cf out.tar -C "$DATA" .
compare_trace cmd-sh-pipe sh -c "cat '$DATA/numbers.txt' | grep 1 | wc -l"
compare_trace cmd-python3 "$PY" -c 'import json; print(json.dumps({"a": [1, 2]}))'
compare_trace cmd-git git -C repo commit -q -m message
compare_trace cmd-ps ps -o pid=,comm= -p 1
compare_trace cmd-find find "$DATA" -name '*.txt'
compare_trace cmd-id id
compare_trace cmd-date date -u -d @0

# curl against a local web server on a free loopback port.
if selected cmd-curl; then
	if ! command -v curl >/dev/null; then
		fail cmd-curl "curl is not installed"
	else
		port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
		"$PY" -m http.server "$port" --bind 127.0.0.1 --directory "$DATA" \
			>"$WORK/http.log" 2>&1 &
		http_pid=$!
		for _ in $(seq 50); do
			curl -s -o /dev/null "http://127.0.0.1:$port/" && break
			sleep 0.1
		done
		compare_trace cmd-curl curl -s -o body.txt "http://127.0.0.1:$port/a.txt"
		kill "$http_pid" 2>/dev/null
		wait "$http_pid" 2>/dev/null
	fi
fi
