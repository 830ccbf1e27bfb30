/* SPDX-License-Identifier: Apache-2.0 */
/* The extractors of evt.count* and evt.buflen.* (evt_count.c), each field telling which
 * count it is by its id. */
#ifndef SYSRAY_FIELDS_EVT_COUNT_H
#define SYSRAY_FIELDS_EVT_COUNT_H

#include <stddef.h>

#include "fields/field.h"

/* evt.count* ids */
enum {
	EC_COUNT, EC_ERROR, EC_ERROR_FILE, EC_ERROR_NET, EC_ERROR_MEMORY, EC_ERROR_OTHER,
	EC_EXIT, EC_PROCINFO, EC_THREADINFO,
};

/* evt.buflen.* ids: the direction and fd kind bits (none: any) */
enum { EB_IN = 1, EB_OUT = 2, EB_FILE = 4, EB_NET = 8 };

size_t evt_count_extract(const struct field_ref *ref, const void *event, void *ctx,
			 struct field_value *out);
size_t evt_buflen_extract(const struct field_ref *ref, const void *event, void *ctx,
			  struct field_value *out);

#endif
