# SPDX-License-Identifier: Apache-2.0
# Argument memory the syscall table's kinds alone do not describe (tests/progs/argmem.c):
# pointers by command (prctl, keyctl, semctl, kcmp, arch_prctl), buffers and arrays as long
# as another argument says (message queues, futex_waitv, process_vm_readv/writev), memfd's
# name and pointers once held as integers. The ptrace backend reads them from the process;
# the eBPF backend must have copied them: both match strace line for line.
compare_trace "prog-argmem" "$PROGS/argmem"
