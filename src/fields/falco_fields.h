/* SPDX-License-Identifier: Apache-2.0 */
/* The fields of Falco's rules that sysdig 0.29 lacks (falco_fields.c); each row's .id says
 * which one. */
#ifndef SYSRAY_FIELDS_FALCO_FIELDS_H
#define SYSRAY_FIELDS_FALCO_FIELDS_H

#include <stddef.h>

#include "fields/field.h"

enum falco_field_id {
	FF_PEXE,
	FF_PEXEPATH,
	FF_AEXEPATH,
	FF_IS_EXE_FROM_MEMFD,
	FF_IS_EXE_UPPER_LAYER,
	FF_EXE_INO,
	FF_EXE_INO_CTIME,
	FF_EXE_INO_MTIME,
	FF_EXE_INO_CTIME_DURATION_PROC_START,
	FF_CAP_INHERITABLE,
	FF_CAP_PERMITTED,
	FF_CAP_EFFECTIVE,
	FF_CONTAINER_START_TS,
	FF_FD_NAMERAW,
};

size_t falco_field_extract(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out);

#endif
