/* SPDX-License-Identifier: Apache-2.0 */
/* The UI's screen (top_ui_int.h): a title line, a status line, the headers, the rows with
 * their sparklines, the key bar or a message. */
#include <inttypes.h>
#include <ncurses.h>
#include <stdatomic.h>
#include <string.h>

#include "tui/top_ui_int.h"
#include "views/view_output.h"
#include "util/util.h"

static void draw_bar(int y, const char *const *keys, size_t n)
{
	move(y, 0);
	clrtoeol();
	for (size_t i = 0; i < n; i += 2) {
		attron(A_BOLD);
		printw("%s", keys[i]);
		attroff(A_BOLD);
		attron(A_REVERSE);
		printw("%-7s", keys[i + 1]);
		attroff(A_REVERSE);
	}
}

void ui_draw(struct top_ui *u)
{
	int h, w;
	size_t ncols;
	const struct vt_col *cols = view_table_cols(u->t, &ncols);
	const struct view_info *v = ui_shown(u);

	getmaxyx(stdscr, h, w);
	erase();
	mvprintw(0, 0, "Viewing: %s  For: %s%s%s", v->name,
		 u->stack[u->depth].extra ? u->stack[u->depth].extra : "whole file",
		 u->paused ? "  PAUSED" : "", *u->rowfilter ? "  Filter: " : "");
	if (*u->rowfilter)
		printw("%s", u->rowfilter);
	mvprintw(1, 0, "Source: %s  Rows: %zu", u->src->what, u->nrows);
	if (u->src->drops)
		printw("  Samples: %" PRIu64 "  Drops: %" PRIu64, u->nsamples,
		       (uint64_t)atomic_load(u->src->drops));

	/* the headers: each column its width, the last one the rest of the line */
	struct out line = { 0 };

	for (size_t j = 0; j < ncols; j++) {
		unsigned width = cols[j].vc->colsize && cols[j].vc->colsize < 1000 ?
					 cols[j].vc->colsize : 0;
		const char *mark = j + 1 == u->sortingcol ? "*" : "";

		if (width)
			out_printf(&line, "%*s%s ", (int)width - (int)strlen(mark), cols[j].vc->name,
				   mark);
		else
			out_printf(&line, "%s%s ", cols[j].vc->name, mark);
		if (j < MAX_COLS)
			u->col_end[j] = (int)line.len;
	}
	out_putc(&line, 0);
	/* the sparklines take the right of a wide enough terminal */
	int sw = w >= SPARK_MIN_WIDTH ? SPARK_N + 1 : 0, tw = w - sw;

	attron(A_REVERSE);
	mvprintw(2, 0, "%-*.*s", tw, tw, line.buf);
	if (sw)
		printw(" %-*s", SPARK_N, "HISTORY");
	attroff(A_REVERSE);

	size_t body = h > 4 ? (size_t)h - 4 : 1;

	if (u->sel < u->top)
		u->top = u->sel;
	if (u->sel >= u->top + body)
		u->top = u->sel - body + 1;
	for (size_t i = 0; i < body && u->top + i < u->nrows; i++) {
		const struct vt_row *r = &u->s.rows[u->rows[u->top + i]];

		line.len = 0;
		for (size_t j = 0; j < ncols; j++) {
			unsigned width = cols[j].vc->colsize && cols[j].vc->colsize < 1000 ?
						 cols[j].vc->colsize : 0;

			struct out cell = { 0 };

			view_cell_nice(&cell, &cols[j], &r->cells[j],
				       cols[j].time_avg ? u->time_delta : 0, width);
			out_putc(&cell, 0);
			/* text is left-aligned in its column, cut at its width */
			if (width)
				out_printf(&line, "%-*.*s ", (int)width, (int)width, cell.buf);
			else
				out_printf(&line, "%s ", cell.buf);
			out_free(&cell);
		}
		out_putc(&line, 0);
		if (u->top + i == u->sel)
			attron(A_REVERSE);
		mvprintw(3 + (int)i, 0, "%-*.*s", tw, tw, line.buf);
		if (sw) {
			line.len = 0;
			out_putc(&line, ' ');
			spark_render(u->spark, r->key, &line);
			out_putc(&line, 0);
			addstr(line.buf);
		}
		if (u->top + i == u->sel)
			attroff(A_REVERSE);
	}
	out_free(&line);
	static const char *const keys[] = { "F1", "Help", "F2", "Views", "F4", "Filter",
					    "F9", "Sort", "/", "Search", "p", "Pause",
					    "F10", "Quit" };
	if (*u->status)
		mvprintw(h - 1, 0, "%.*s", w, u->status);
	else
		draw_bar(h - 1, keys, ARRAY_SIZE(keys));
	refresh();
}
