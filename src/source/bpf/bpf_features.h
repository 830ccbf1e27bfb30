/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What every eBPF program of sysray needs from the kernel and from the process, checked before
 * anything is loaded, so that a failure names the missing feature instead of a load error.
 */
#ifndef SYSRAY_SOURCE_BPF_BPF_FEATURES_H
#define SYSRAY_SOURCE_BPF_BPF_FEATURES_H

#include <stddef.h>

/* Kernel BTF, the privileges to load tracing programs, the BPF ring buffer map type. Returns
 * 0, or -1 with ERR naming what is missing. Also silences libbpf (SYSRAY_BPF_DEBUG=1 shows
 * its messages). */
int bpf_features_check(char *err, size_t errlen);

/* After a load or attach error E of EPERM or EACCES: " (needs CAP_BPF and CAP_PERFMON: run as
 * root)" without the privileges, else a pointer to the verifier's log; "" for other errors. */
const char *bpf_privilege_hint(int e);

#endif
