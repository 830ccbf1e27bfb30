/* SPDX-License-Identifier: Apache-2.0 */
/* The thread fields only csysdig's views read (proc_usage.c; sysdig's table-only fields): a
 * main thread's memory in bytes and a thread's name and tid chained. Each field says which by
 * its id. */
#ifndef SYSRAY_FIELDS_PROC_USAGE_H
#define SYSRAY_FIELDS_PROC_USAGE_H

#include <stddef.h>

#include "fields/field.h"

enum { PU_THREAD_VMSIZE_B, PU_THREAD_VMRSS_B, PU_NAMETID };

size_t proc_usage_extract(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out);

#endif
