/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The data of one csysdig view: rows keyed by the view's key column, each column folding the
 * values of the events that reach the row with its aggregation (NONE keeps the first value,
 * SUM and TIME_AVG add, AVG adds and counts, MIN, MAX), then, for a view with a groupby key, a
 * second fold of those rows by that key with each column's groupby aggregation. A list view
 * keeps one row per event instead, numbered from 1. Values carry csysdig's count (events
 * folded; 0 for a default value) because its AVG and its sum of averages divide by it.
 *
 *	t = view_table_new(view, depth, &err);	(the view's filter and fields compiled)
 *	per event the command line's filter kept, after the state:
 *		view_table_event(t, ev, ctx);
 *	at the end of a sample:
 *		view_table_proctable(t, ctx, ts);	(one pseudo event per known thread)
 *		s = view_table_sample(t);		(folded, sorted by the sorting column)
 *		... print s ...
 *		view_table_clear(t);
 */
#ifndef SYSRAY_VIEWS_VIEW_TABLE_H
#define SYSRAY_VIEWS_VIEW_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture/scap_event.h"
#include "chisel/view_info.h"
#include "fields/field.h"
#include "fields/sysdig.h"

/* sysdig's print formats, as a view's legend names them. */
enum vt_format { VF_NA, VF_DEC, VF_ID, VF_DIR };

/* One value of a row. */
struct vt_cell {
	union {
		int64_t i;	/* INT16, INT32, INT64 */
		uint64_t u;	/* UINT32, UINT64, BOOL, PORT, RELTIME, ABSTIME */
		double d;	/* DOUBLE */
	};
	char *s;		/* CHARBUF and addresses, as text; owned */
	uint32_t cnt;
};

/* A column of the table as its output shows it. */
struct vt_col {
	const struct view_column *vc;
	struct field_ref ref;
	enum field_type type;
	enum vt_format format;
	enum view_aggr aggr;		/* per event */
	enum view_aggr merge_aggr;	/* per row of the groupby (post-merge columns) */
	bool time_avg;			/* divided by the sample's duration when shown */
};

struct vt_row {
	char *key;			/* the key column's text: JSON's "k" */
	struct vt_cell *cells;		/* the visible columns */
};

struct vt_sample {
	struct vt_row *rows;
	size_t n;
};

struct view_table;

/* The table of view V at drill-down depth DEPTH, with EXTRA (NULL: none) and-ed to the view's
 * filter; NULL with ERR filled (a field or the filter does not compile). */
struct view_table *view_table_new(const struct view_info *v, uint32_t depth, const char *extra,
				  char *err, size_t errlen);
void view_table_free(struct view_table *t);

void view_table_event(struct view_table *t, const struct scap_event *ev, struct field_ctx *ctx);
/* csysdig's pass over the thread table at the end of a sample: one pseudo event (sysdig's
 * "sysdigevent" exit) per thread, timed a nanosecond before the second of TS. */
void view_table_proctable(struct view_table *t, struct field_ctx *ctx, uint64_t ts);

/* The rows of the sample, folded and sorted by the sorting column (csysdig's numbering: 1 is
 * the first visible column); valid until the next call or view_table_clear(). */
const struct vt_sample *view_table_sample(struct view_table *t, uint32_t sortingcol);
void view_table_clear(struct view_table *t);

/* Sorts S's rows by column SORTINGCOL of COLS (as view_table_sample() does; 0: as they are). */
void vt_sample_sort(struct vt_sample *s, const struct vt_col *cols, size_t ncols,
		    uint32_t sortingcol);
/* V, a value of column C, as a number (as the sort compares it); 0 for text. */
double vt_cell_number(const struct vt_col *c, const struct vt_cell *v);
/* A copy of SRC (rows of NCELLS cells) that outlives its table; freed by vt_sample_free(). */
void vt_sample_copy(struct vt_sample *dst, const struct vt_sample *src, size_t ncells);
void vt_sample_free(struct vt_sample *s, size_t ncells);

/* The visible columns, in output order. */
const struct vt_col *view_table_cols(const struct view_table *t, size_t *n);
/* The key's field (the groupby key's with a groupby). */
const struct vt_col *view_table_key(const struct view_table *t);
bool view_table_is_list(const struct view_table *t);

/* The print format sysdig gives FIELD (a field name with its argument). */
enum vt_format vt_field_format(const char *field);
const char *vt_format_name(enum vt_format f);

#endif
