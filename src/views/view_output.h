/* SPDX-License-Identifier: Apache-2.0 */
/*
 * csysdig's non-interactive output of a view's sample: `-j` (one JSON object per sample
 * inside {"slices": [...]}) and `--raw` (each row's values as its UI renders them, then a
 * line of dashes).
 */
#ifndef SYSRAY_VIEWS_VIEW_OUTPUT_H
#define SYSRAY_VIEWS_VIEW_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include "chisel/view_info.h"
#include "views/view_table.h"

/* What the info section says of drilling down from the view. */
struct view_drill {
	const struct view_info *target;	/* NULL: nowhere to go */
	const char *key_field;		/* the field the selection filter tests */
};

/* Where Enter leads from V among the views of CAT: its drilldown_target, else the first view
 * (by name) that applies to the key's field. */
struct view_drill view_drill_target(const struct view_catalog *cat, const struct view_info *v);

/* One sample as csysdig's -j prints it, TIME_DELTA the sample's duration in ns. */
void view_output_json(FILE *f, const struct view_catalog *cat, const struct view_info *v,
		      const struct view_table *t, const struct vt_sample *s, uint64_t time_delta);

/* One sample as csysdig's --raw prints it. */
void view_output_raw(FILE *f, const struct view_table *t, const struct vt_sample *s,
		     uint64_t time_delta);

/* A value as csysdig's UI renders it in a column WIDTH wide (time_delta as above; 0 for a
 * column that is not a rate). The text goes to O. */
void view_cell_nice(struct out *o, const struct vt_col *c, const struct vt_cell *v,
		    uint64_t time_delta, unsigned width);

/* The catalogue as `csysdig -j --list-views` prints it. */
void view_output_list(FILE *f, const struct view_catalog *cat);

#endif
