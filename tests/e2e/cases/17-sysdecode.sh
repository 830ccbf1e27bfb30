# SPDX-License-Identifier: Apache-2.0
# Decoders of syscalls that printed raw arguments (native AIO, modules, reboot, kexec, host
# names, protection keys, userfaultfd, fanotify_init ...) and the tails of extensible
# structs (clone3, openat2): sysray's trace must match strace's line for line.
compare_trace "prog-sysadmin" "$PROGS/sysadmin"
