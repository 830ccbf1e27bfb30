/* SPDX-License-Identifier: Apache-2.0 */
/* A field's value as text, the way sysdig prints it in a -p template and -j output. */
#ifndef SYSRAY_FIELDS_FIELD_TEXT_H
#define SYSRAY_FIELDS_FIELD_TEXT_H

#include "fields/field.h"
#include "format/render.h"
#include "output/out.h"

/*
 * Appends V to O: integers in decimal, booleans as true/false, text up to a NUL, addresses in
 * their usual notation, doubles with one decimal, byte buffers in format BF (-A, -X, -x, -b).
 */
void field_value_text(const struct field_value *v, enum buf_format bf, struct out *o);

/* V, a value of REF, as a -p template shows it: field_value_text() with the field's digits. */
void field_ref_text(const struct field_ref *ref, const struct field_value *v,
		    enum buf_format bf, struct out *o);

#endif
