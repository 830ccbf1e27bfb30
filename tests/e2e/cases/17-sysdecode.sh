# SPDX-License-Identifier: Apache-2.0
# Decoders of syscalls that printed raw arguments (native AIO, io_uring_register, quotas,
# modules, reboot, kexec, host names, timex, protection keys, userfaultfd, fanotify_init,
# move_pages, futex_waitv, modify_ldt ...), classic BPF programs of seccomp filters and the
# tails of extensible structs (clone3, openat2): sysray's trace must match strace's line
# for line, in the default style and with -v, -X verbose and -X raw.
compare_trace "prog-sysadmin" "$PROGS/sysadmin"

# compare_trace_opts NAME OPTIONS COMMAND...: compare_trace with OPTIONS given to both tracers.
compare_trace_opts() {
	local name=$1 opts=$2
	shift 2
	TRACE_OPTS=$opts compare_trace "$name" "$@"
}
compare_trace_opts "prog-sysadmin-v" "-v" "$PROGS/sysadmin"
compare_trace_opts "prog-sysadmin-Xv" "-X verbose" "$PROGS/sysadmin"
compare_trace_opts "prog-sysadmin-Xraw" "-X raw" "$PROGS/sysadmin"
