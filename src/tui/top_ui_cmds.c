/* SPDX-License-Identifier: Apache-2.0 */
/* What the UI's keys open (top_ui_int.h): the echo, dig and help windows, the search, the
 * actions, the mouse, saving the view as JSON. */
#include <errno.h>
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/actions.h"
#include "tui/help.h"
#include "tui/menu.h"
#include "tui/top_ui_int.h"
#include "views/view_output.h"
#include "util/util.h"

/*
 * csysdig's echo (ECHO) and dig windows for the selected row: `sysray --unbuffered [-r FILE]
 * [-c echo_fds disable_color] FILTER`, FILTER the view's filter, the drill-down's and the row's
 * key, as Enter would pass them on.
 */
void ui_open_window(struct top_ui *u, bool echo)
{
	const struct view_info *v = ui_shown(u);
	struct view_drill d = view_drill_target(u->cat, v);
	const char *extra = u->stack[u->depth].extra;

	if (!u->nrows || !d.key_field) {
		snprintf(u->status, sizeof(u->status), "no row selected");
		return;
	}
	struct out f = { 0 }, title = { 0 };

	/* %depth: the view's filter as its table compiled it at depth 0 */
	char *vf = view_depth_subst(v->filter, 0, true);

	if (*vf)
		out_printf(&f, "(%s) and ", vf);
	if (extra)
		out_printf(&f, "(%s) and ", extra);
	out_printf(&f, "%s=\"%s\"", d.key_field, u->s.rows[u->rows[u->sel]].key);
	out_putc(&f, 0);
	free(vf);
	out_printf(&title, "%s: %s", echo ? "I/O buffers" : "Events", f.buf);
	out_putc(&title, 0);

	char *argv[10];
	size_t n = 0;

	argv[n++] = "/proc/self/exe";
	/* each line as it comes: the window follows a live capture */
	argv[n++] = "--unbuffered";
	if (u->src->file) {
		argv[n++] = "-r";
		argv[n++] = (char *)u->src->file;
	}
	if (echo) {
		argv[n++] = "-c";
		argv[n++] = "echo_fds";
		argv[n++] = "disable_color";
	}
	argv[n++] = f.buf;
	argv[n] = NULL;
	/* F2's renderings of the buffers: a flag after --unbuffered */
	u->win = text_window_open(title.buf, argv, 2, u->status, sizeof(u->status));
	if (u->win)
		text_window_update(u->win, ERR);
	out_free(&f);
	out_free(&title);
}

void ui_search(struct top_ui *u, const char *text)
{
	for (size_t i = 0; i < u->nrows; i++)
		if (ui_row_has(u, &u->s.rows[u->rows[i]], text)) {
			u->sel = i;
			return;
		}
	snprintf(u->status, sizeof(u->status), "'%s' not found", text);
}

void ui_show_help(struct top_ui *u)
{
	struct out o = { 0 };

	tui_help_text(&o, ui_shown(u));
	out_putc(&o, 0);
	u->win = text_window_show("Help", o.buf);
	text_window_update(u->win, ERR);
	out_free(&o);
}

/* 'o': the rows shown, as -j prints a sample, into the file the user named. */
void ui_save_json(struct top_ui *u, const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		snprintf(u->status, sizeof(u->status), "%s: %s", path, strerror(errno));
		return;
	}
	fputs("{\"slices\": [\n", f);
	view_output_json(f, u->cat, ui_shown(u), u->t, &u->s, u->time_delta);
	fputs("]}\n", f);
	if (fclose(f))
		snprintf(u->status, sizeof(u->status), "%s: %s", path, strerror(errno));
	else
		snprintf(u->status, sizeof(u->status), "saved %zu rows to %s", u->s.n, path);
}

/* A click: on a header, sort by its column; on a row, select it (twice: drill down). */
void ui_click(struct top_ui *u)
{
	MEVENT m;
	size_t ncols;

	if (getmouse(&m) != OK)
		return;
	view_table_cols(u->t, &ncols);
	if (m.y == 2) {
		for (size_t j = 0; j < ncols && j < MAX_COLS; j++)
			if (m.x < u->col_end[j]) {
				ui_set_sort(u, (uint32_t)j + 1);
				return;
			}
	} else if (m.y >= 3 && u->top + (size_t)(m.y - 3) < u->nrows) {
		u->sel = u->top + (size_t)(m.y - 3);
		if (m.bstate & BUTTON1_DOUBLE_CLICKED)
			ui_drill_down(u);
	}
}

/* The selected row's value of FIELD, for an action's command. */
static const char *row_value(void *opaque, const char *field)
{
	struct top_ui *u = opaque;
	size_t ncols;
	const struct vt_col *cols = view_table_cols(u->t, &ncols);
	const struct vt_col *key = view_table_key(u->t);
	const struct vt_row *r = &u->s.rows[u->rows[u->sel]];

	if (key && !strcmp(key->vc->field, field))
		return r->key;
	for (size_t j = 0; j < ncols; j++)
		if (!strcmp(cols[j].vc->field, field)) {
			u->cell.len = 0;
			view_cell_nice(&u->cell, &cols[j], &r->cells[j], 0, 0);
			out_putc(&u->cell, 0);
			return u->cell.buf;
		}
	return NULL;
}

void ui_run_action(struct top_ui *u, const struct view_action *a)
{
	if (!a)
		return;
	if (!u->nrows) {
		snprintf(u->status, sizeof(u->status), "no row selected");
		return;
	}
	char *cmd = tui_action_command(a, row_value, u, u->status, sizeof(u->status));

	if (!cmd)
		return;
	if (!a->ask_confirmation) {
		tui_action_exec(a, cmd, u->status, sizeof(u->status));
		free(cmd);
		return;
	}
	u->action = a;
	u->action_cmd = cmd;
	ui_open_modal(u, UI_CONFIRM);
}

void ui_run_confirmed(struct top_ui *u)
{
	tui_action_exec(u->action, u->action_cmd, u->status, sizeof(u->status));
}
