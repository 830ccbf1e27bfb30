# SPDX-License-Identifier: Apache-2.0
# (a) Our test programs, one per area: sysray's trace must match strace's line for line.
for prog in files fds net procs memtime; do
	compare_trace "prog-$prog" "$PROGS/$prog"
done
