/* SPDX-License-Identifier: Apache-2.0 */
/*
 * csysdig's views: Lua files in the chisel directories whose top-level chunk sets a global
 * table `view_info` and no string global `description` (that one makes a chisel). Each is run
 * by the chisel runtime (chisel_open_file) and read into a struct view_info, the columns
 * laid out as csysdig lays them out: the first groupby key column, then the first key column
 * moved to the front (so the key is column 0 and a groupby key column 1).
 */
#ifndef SYSRAY_CHISEL_VIEW_INFO_H
#define SYSRAY_CHISEL_VIEW_INFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "chisel/chisel_dirs.h"

enum view_type { VIEW_TABLE, VIEW_LIST, VIEW_SPECTRO };

/* How a column folds the values of the events (or, after a groupby, of the rows) of one row.
 * NONE keeps the first value. */
enum view_aggr { AGGR_NONE, AGGR_SUM, AGGR_AVG, AGGR_TIME_AVG, AGGR_MIN, AGGR_MAX };

enum view_col_flags {
	VCOL_KEY = 1u << 0,
	VCOL_SORTING = 1u << 1,
	VCOL_GROUPBY_KEY = 1u << 2,
	VCOL_FILTER_IN_CHILD_ONLY = 1u << 3,
};

struct view_strings {
	char **v;
	size_t n;
};

struct view_column {
	char *name;		/* header; "NA" for a hidden key */
	char *description;
	char *field;		/* spaces and tabs removed; may hold %depth */
	char *filterfield;	/* NULL: field */
	uint32_t colsize;	/* 0: the rest of the line */
	enum view_aggr aggr, groupby_aggr;
	unsigned flags;		/* enum view_col_flags */
	struct view_strings tags;
};

struct view_action {
	char hotkey;
	char *command;		/* %field is replaced by the selected row's value */
	char *description;
	bool ask_confirmation;
	bool wait_finish;
};

struct view_info {
	char *id, *name, *description;
	char *path;			/* the file it came from */
	struct view_strings tags, tips, applies_to;
	enum view_type type;
	char *filter;			/* "" when none; may hold %depth */
	char *drilldown_target;		/* "" when none */
	char *spectro_type;
	bool use_defaults, is_root, drilldown_increase_depth, propagate_filter;
	struct view_column *cols;
	size_t ncols;
	struct view_action *actions;
	size_t nactions;
	bool does_groupby;
	/* csysdig's sorting column: the is_sorting column's index (less one with a groupby);
	 * without one, 1 (2 with a groupby) */
	uint32_t sortingcol;
};

struct view_catalog {
	struct view_info *v;
	size_t n;
};

/*
 * Every view of DIRS' directories (the first file of a name wins, as for chisels), sorted by
 * name as csysdig sorts them. A view file with an error in its view_info is reported (its
 * path and the reason) and skipped.
 */
void view_catalog_read(const struct chisel_dirs *dirs, struct view_catalog *cat);
void view_catalog_free(struct view_catalog *cat);

/* The view with id ID, or NULL. */
struct view_info *view_catalog_find(const struct view_catalog *cat, const char *id);

/* Keeps the columns without tags and those tagged TAG ("default" or "containers"), then sets
 * the sorting column again. */
void view_info_apply_tag(struct view_info *v, const char *tag);

/* TEXT with %depth, %depth+1 and %depth-1 replaced for drill-down depth DEPTH, malloc'd.
 * FILTER: the rules of a view filter; else those of a column field, where csysdig writes
 * DEPTH-1 for %depth+1 too. */
char *view_depth_subst(const char *text, uint32_t depth, bool filter);

#endif
