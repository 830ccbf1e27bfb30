/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysray top's terminal UI (ncurses): csysdig's layout (a title line, the column headers,
 * the rows, the function key bar) and keys: arrows, PgUp/PgDn, Home/End move; F2 picks a
 * view; F4 filters the rows by text; F9 or '>' picks the sorting column (again: the other
 * way round); Enter drills down into the selected row; Backspace goes back up; '/' searches;
 * 'p' pauses; 'q' or F10 quits. The terminal is restored on exit, on SIGTERM and SIGINT.
 */
#ifndef SYSRAY_TUI_TOP_UI_H
#define SYSRAY_TUI_TOP_UI_H

#include <stddef.h>
#include <stdint.h>

#include "chisel/view_info.h"
#include "views/view_table.h"

/* Where the UI gets a view's data from. */
struct top_ui_source {
	/* A table of view V, filtered by EXTRA too (NULL: nothing more), its sample ready:
	 * *TIME_DELTA its duration; NULL with ERR filled. */
	struct view_table *(*load)(void *opaque, const struct view_info *v, const char *extra,
				   uint64_t *time_delta, char *err, size_t errlen);
	void *opaque;
	const char *what;	/* the title's source: the file's name */
};

/* Runs the UI from view START of CAT until the user quits; the exit status. */
int top_ui_run(const struct view_catalog *cat, const struct view_info *start,
	       const struct top_ui_source *src);

#endif
