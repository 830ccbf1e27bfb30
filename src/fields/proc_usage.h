/* SPDX-License-Identifier: Apache-2.0 */
/* What a process uses, as proc.* and thread.* fields (proc_usage.c): its command line with
 * its executable, threads, fds, memory, page faults and CPU. Each field says which by its id. */
#ifndef SYSRAY_FIELDS_PROC_USAGE_H
#define SYSRAY_FIELDS_PROC_USAGE_H

#include <stddef.h>

#include "fields/field.h"

enum {
	PU_EXELINE, PU_NTHREADS, PU_NCHILDS, PU_FDOPENCOUNT, PU_FDLIMIT, PU_FDUSAGE,
	PU_VMSIZE, PU_VMRSS, PU_VMSWAP, PU_PFMAJOR, PU_PFMINOR, PU_THREAD_VMSIZE,
	PU_THREAD_VMRSS, PU_THREAD_VMSIZE_B, PU_THREAD_VMRSS_B, PU_NAMETID, PU_CPU, PU_CPU_USER,
	PU_CPU_SYSTEM,
};

size_t proc_usage_extract(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out);

#endif
