/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysray top's terminal UI (ncurses): csysdig's layout (a title line, a status line, the
 * column headers, the rows, the function key bar) and keys: arrows, PgUp/PgDn, Home/End
 * move; F2 picks a view; F4 filters the rows by text; F9 or '>' picks the sorting column;
 * Enter drills down into the selected row; Backspace goes back up; '/' searches; 'p'
 * pauses; F5 or 'e' shows the I/O of the selected row (the echo_fds chisel), F6 or 'd' its
 * events (sysdig's lines), each in a window (tui/text_window.h); F7 the help, F8 the view's
 * actions, shift+1..9 and header clicks sort, 'o' saves the rows as JSON; 'q' or F10 quits.
 * The terminal is restored on exit, on SIGTERM, SIGINT and SIGHUP.
 *
 * On a file, top_ui_run() does it all. Live, the capture drives the UI:
 *	u = top_ui_open(cat, view, &src);	(src.load: an empty table, filled by the caller)
 *	between batches of events:	if (!top_ui_poll(u, 0)) stop;
 *	at the end of each interval:	top_ui_sample(u, view_table_sample(t, 0), delay);
 *	top_ui_close(u);
 */
#ifndef SYSRAY_TUI_TOP_UI_H
#define SYSRAY_TUI_TOP_UI_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "chisel/view_info.h"
#include "views/view_table.h"

/* Where the UI gets a view's data from. */
struct top_ui_source {
	/* A table of view V, filtered by EXTRA too (NULL: nothing more); the UI owns it. On a
	 * file its sample is ready (*TIME_DELTA its duration); live it is empty and its samples
	 * come through top_ui_sample(). NULL with ERR filled. */
	struct view_table *(*load)(void *opaque, const struct view_info *v, const char *extra,
				   uint64_t *time_delta, char *err, size_t errlen);
	void *opaque;
	const char *what;		/* the status line's source: a file's name, "live" */
	const char *file;		/* the capture file; NULL: live */
	const _Atomic uint64_t *drops;	/* live: the events the kernel dropped; NULL: a file */
};

struct top_ui;

/* The UI on the terminal, showing view START of CAT; NULL after a message. */
struct top_ui *top_ui_open(const struct view_catalog *cat, const struct view_info *start,
			   const struct top_ui_source *src);
/* Handles the keys that came, waiting up to TIMEOUT_MS for the first (-1: for ever); false
 * once the user quit or a signal asked to stop. */
bool top_ui_poll(struct top_ui *u, int timeout_ms);
/* Live: S, the sample of the interval that ended (TIME_DELTA ns long), of the table the last
 * load returned; shown unless paused. S is copied. */
void top_ui_sample(struct top_ui *u, const struct vt_sample *s, uint64_t time_delta);
/* The terminal restored, the UI freed. */
void top_ui_close(struct top_ui *u);

/* On a file: runs the UI from view START of CAT until the user quits; the exit status. */
int top_ui_run(const struct view_catalog *cat, const struct view_info *start,
	       const struct top_ui_source *src);

#endif
