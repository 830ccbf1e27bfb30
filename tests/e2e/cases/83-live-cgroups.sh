# SPDX-License-Identifier: Apache-2.0
# (live cgroups) Containers made by hand: cgroups named as docker names them
# (docker-<64 hex>.scope), in the v2 hierarchy and, on a hybrid machine, in the v1 pids
# hierarchy too, as a runtime does. A live capture gives a process its container from the
# /proc snapshot (started before) or from the cgroups of its execve (entered the cgroup, then
# exec'd, after the capture started); a container.id filter drops other containers' events in
# the kernel; sysdig 0.29 reads the same container ids and cgroups from the file we write.

CG_DIR=$WORK/live-cgroups
mkdir -p "$CG_DIR"
CG_X=$(printf 'a%.0s' {1..64})
CG_Z=$(printf 'b%.0s' {1..64})
CG_V2=
[ "$(stat -fc %T /sys/fs/cgroup 2>/dev/null)" = cgroup2fs ] && CG_V2=/sys/fs/cgroup
[ -z "$CG_V2" ] && [ "$(stat -fc %T /sys/fs/cgroup/unified 2>/dev/null)" = cgroup2fs ] &&
	CG_V2=/sys/fs/cgroup/unified
CG_PARENTS=
[ -n "$CG_V2" ] && CG_PARENTS="$CG_V2/sysray-e2e"
[ "$CG_V2" = /sys/fs/cgroup/unified ] && [ -d /sys/fs/cgroup/pids ] &&
	CG_PARENTS="$CG_PARENTS /sys/fs/cgroup/pids/sysray-e2e"

# cg_setup: the two containers' cgroups, X and Z, in every hierarchy of CG_PARENTS.
cg_setup() {
	local p
	for p in $CG_PARENTS; do
		mkdir -p "$p/docker-$CG_X.scope" "$p/docker-$CG_Z.scope" || return 1
	done
}

# cg_cleanup: the cgroups go once their processes have ended.
cg_cleanup() {
	local p
	for p in $CG_PARENTS; do
		rmdir "$p/docker-$CG_X.scope" "$p/docker-$CG_Z.scope" "$p" 2>/dev/null
	done
}

# cg_run ID COMMAND...: runs COMMAND inside container ID (X or Z): the shell enters the
# cgroups, then execs.
cg_run() {
	local id=$1
	shift
	sh -c 'id=$1; shift; for p in $CG_PARENTS; do echo $$ >"$p/docker-$id.scope/cgroup.procs"; done
exec "$@"' sh "$id" "$@"
}
export CG_PARENTS

# A shell started before the capture (the /proc snapshot) and a cat exec'd inside the cgroup
# during it (its execve's cgroups, built in the kernel) both get container X, and both its
# cgroup path for pids (or the v2 controllers) and container.id read the same in sysdig.
t_cg_items() {
	local out=$CG_DIR/items.out err=$CG_DIR/items.err f=$CG_DIR/items.scap rc=1 sleeper
	local fifo=$CG_DIR/items.fifo
	rm -f "$fifo"
	mkfifo "$fifo"
	# the shell says it runs (in container X: cg_run entered it first), then reads the fifo,
	# then a file, once per line written to the fifo
	rm -f "$fifo.ready"
	cg_run "$CG_X" sh -c 'echo >"$1.ready"
while :; do read -r x <"$1"; read -r x </etc/hostname; done' sh "$fifo" &
	sleeper=$!
	wait_until "the shell to run in container X" test -e "$fifo.ready" || return 1
	if capture_start /dev/null "$err" "$SYSRAY" -M 60 -w "$f" \
		"proc.name in (sh, cat) and container.id=${CG_X:0:12}"; then
		# the second write returns once the shell opened the fifo again: the first
		# round's calls were made during the capture
		echo >"$fifo"
		echo >"$fifo"
		cg_run "$CG_X" cat /etc/hostname >/dev/null
		capture_stop
		rc=$?
	fi
	kill_tree "$sleeper" TERM
	wait "$sleeper" 2>/dev/null
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	local fmt='*%evt.num %proc.name %evt.type %container.id %thread.cgroups %evt.args'
	"$SYSRAY" -r "$f" -p "$fmt" >"$out" || return 1
	grep -q "^[0-9]* cat execve ${CG_X:0:12} .*/sysray-e2e/docker-$CG_X.scope" "$out" ||
		{ echo "cat's execve not in container X: $(grep -m1 ' cat ' "$out")"; return 1; }
	grep -q "^[0-9]* sh [a-z_]* ${CG_X:0:12} .*/sysray-e2e/docker-$CG_X.scope" "$out" ||
		{ echo "the prior shell not in container X: $(grep -m1 ' sh ' "$out")"; return 1; }
	! command -v sysdig >/dev/null ||
		diff <(sysdig -r "$f" -p "$fmt") "$out" >"$CG_DIR/items.diff" ||
		{ echo "sysdig reads the file otherwise: $(head -c 400 "$CG_DIR/items.diff")"; return 1; }
}

# FILTER keeps container X: dd's syscalls in container Z never reach the ring, files.c's
# calls in X all arrive. -v says how many events and cgroups the kernel dropped.
cg_pushdown() {
	local tag=$1 filter=$2 d=$CG_DIR/$1 out=$CG_DIR/$1.out err=$CG_DIR/$1.err rc
	mkdir -p "$d"
	# dd runs in Z from before the capture to its end, and one round of 200000 events (50000
	# reads and writes, entry and exit) runs whole while it is attached
	cg_run "$CG_Z" sh -c 'while :; do dd if=/dev/zero of=/dev/null bs=1 count=50000; done' \
		2>/dev/null &
	local dd_pid=$!
	rc=1
	if capture_start "$out" "$err" "$SYSRAY" -v -M 60 -p "%evt.type %fd.name %container.id" \
		"$filter"; then
		cg_run "$CG_Z" dd if=/dev/zero of=/dev/null bs=1 count=50000 2>/dev/null
		(cd "$d" && cg_run "$CG_X" "$PROGS/files") >/dev/null 2>&1
		capture_stop
		rc=$?
	fi
	kill_tree "$dd_pid" TERM
	wait "$dd_pid"
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	local dropped
	dropped=$(sed -En 's/^container filter in the kernel: ([0-9]+) events dropped, [1-9][0-9]* of [0-9]+ cgroups.*/\1/p' "$err")
	[ -n "$dropped" ] && [ "$dropped" -ge 200000 ] ||
		{ echo "the kernel dropped too little: $(grep 'container filter' "$err")"; return 1; }
	[ "$(grep -c "^openat $d/data.txt ${CG_X:0:12}$" "$out")" -ge 2 ] &&
	grep -q "^read $d/data.txt ${CG_X:0:12}$" "$out" || 
		{ echo "files.c's calls in X missing: $(head -c 300 "$out")"; return 1; }
	! grep -v " ${CG_X:0:12}$" "$out" | grep -q . ||
		{ echo "an event outside X: $(grep -v " ${CG_X:0:12}$" "$out" | head -1)"; return 1; }
}

t_cg_pushdown_eq() {
	cg_pushdown eq "container.id=${CG_X:0:12}"
}

t_cg_pushdown_not() {
	cg_pushdown not "container.id!=host and not container.id in (${CG_Z:0:12})"
}

# cg_api_start SOCKET: the fake Docker Engine API on SOCKET, knowing container X as web1;
# returns once it listens. Sets CG_API.
cg_api_start() {
	rm -f "$1"
	"$PY" "$E2E_DIR/fake_docker.py" "$1" "$CG_X" web1 nginx:1.25 &
	CG_API=$!
	wait_until "the fake Docker API on $1" eval "cg_listening '$1' || ended $CG_API" &&
		! ended "$CG_API"
}

# cg_listening PATH: a unix socket listens on PATH (flag __SO_ACCEPTCON in /proc/net/unix).
cg_listening() {
	awk -v p="$1" '$NF == p && $4 == "00010000" { found = 1 } END { exit !found }' \
		/proc/net/unix
}

# cg_cats: a cat in container X, then one in Z.
cg_cats() {
	cg_run "$CG_X" cat /etc/hostname >/dev/null 2>&1
	cg_run "$CG_Z" cat /etc/hostname >/dev/null 2>&1
}

# container.name and container.image come from the runtime's API: a Docker Engine API on a
# unix socket (tests/e2e/fake_docker.py, named by DOCKER_HOST) knows container X as web1;
# the fields carry what the API said; container Z, which the API does not know, has no name
# and is a docker container by its cgroup path alone, as sysdig says.
t_cg_names() {
	local out=$CG_DIR/names.out err=$CG_DIR/names.err sock=$CG_DIR/docker.sock rc api
	cg_api_start "$sock" || return 1
	api=$CG_API
	rc=1
	if DOCKER_HOST=unix://$sock capture_start "$out" "$err" "$SYSRAY" -M 60 -p \
		"*%evt.type %container.id %container.name %container.image %container.image.id \
%container.type %container.privileged" "proc.name=cat and evt.type=openat and evt.dir=<"
	then
		cg_cats
		capture_stop
		rc=$?
	fi
	kill "$api"
	wait "$api" 2>/dev/null
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	grep -q "^openat ${CG_X:0:12} web1 nginx:1.25 cccccccccccc docker false$" "$out" &&
	grep -q "^openat ${CG_Z:0:12} <NA> <NA> <NA> docker false$" "$out" ||
		{ echo "see $out"; return 1; }
}

# The -w file carries the names (a state-only container event before the container's first
# event): sysdig 0.29 and sysray -r read web1 and its image from it, alike, long after the
# runtime is gone.
t_cg_names_file() {
	local f=$CG_DIR/names.scap err=$CG_DIR/names-file.err sock=$CG_DIR/docker.sock rc api
	local fmt="*%evt.num %proc.name %container.id %container.name %container.image \
%container.image.id %container.type %container.privileged"
	cg_api_start "$sock" || return 1
	api=$CG_API
	rc=1
	if DOCKER_HOST=unix://$sock capture_start /dev/null "$err" "$SYSRAY" -M 60 -w "$f" \
		"proc.name=cat and container.id!=host"; then
		cg_cats
		capture_stop
		rc=$?
	fi
	kill "$api"
	wait "$api" 2>/dev/null
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	"$SYSRAY" -r "$f" -p "$fmt" >"$f.sysray" &&
	grep -q " cat ${CG_X:0:12} web1 nginx:1.25 cccccccccccc docker false$" "$f.sysray" &&
	grep -q " cat ${CG_Z:0:12} <NA> <NA> <NA> docker false$" "$f.sysray" ||
		{ echo "see $f.sysray"; return 1; }
	! command -v sysdig >/dev/null || {
		diff <(sysdig -r "$f" -p "$fmt") "$f.sysray" >"$f.diff" &&
		diff <(sysdig -r "$f" -pc) <("$SYSRAY" -r "$f" -pc) >>"$f.diff"
	} || { echo "sysdig reads the file otherwise: $(head -c 300 "$f.diff")"; return 1; }
}

# -c lscontainers: the chisel ends the capture at the first event of container X (filter
# container.id=X) and lists what it knows of it from the runtime's API.
t_cg_lscontainers() {
	local out=$CG_DIR/lsc.out err=$CG_DIR/lsc.err sock=$CG_DIR/docker.sock rc api
	cg_api_start "$sock" || return 1
	api=$CG_API
	rc=1
	if DOCKER_HOST=unix://$sock capture_start "$out" "$err" "$SYSRAY" -M 60 \
		-c lscontainers "container.id=${CG_X:0:12}"; then
		cg_run "$CG_X" cat /etc/hostname >/dev/null 2>&1
		wait "$CAP_BG"
		rc=$?
	fi
	kill "$api"
	wait "$api" 2>/dev/null
	[ $rc -eq 0 ] || { echo "exit $rc: $(head -c 300 "$err")"; return 1; }
	diff "$out" - <<EOF
container.type container.image container.name      container.id 
-------------- --------------- ------------------- ------------ 
docker         nginx:1.25      web1                ${CG_X:0:12} 
EOF
}

if selected live-cgroups; then
	if [ -z "$CG_V2" ]; then
		skip live-cgroups "no cgroup v2 hierarchy mounted (/sys/fs/cgroup or its unified/)"
	elif ! cg_setup; then
		skip live-cgroups "cannot make cgroups under $CG_V2"
	else
		expect live-cgroups-items "container from the snapshot and from execve, as sysdig" \
			t_cg_items
		expect live-cgroups-eq "container.id=X dropped in the kernel for container Z" \
			t_cg_pushdown_eq
		expect live-cgroups-not "container.id!=host and not in (Z): Z dropped in the kernel" \
			t_cg_pushdown_not
		expect live-cgroups-names "container.name/image from a Docker Engine API socket" \
			t_cg_names
		expect live-cgroups-names-file "-w keeps container names: sysdig reads them too" \
			t_cg_names_file
		expect live-cgroups-lscontainers "-c lscontainers lists container X as the API knows it" \
			t_cg_lscontainers
		cg_cleanup
	fi
fi
