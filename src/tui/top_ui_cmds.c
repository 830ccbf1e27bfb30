/* SPDX-License-Identifier: Apache-2.0 */
/* What the UI's keys open (top_ui_int.h): the view and sort menus, the echo, dig and help
 * windows, the search, the actions, the mouse, saving the view as JSON. */
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

/* The views the F2 menu offers: all but csysdig's hidden ones (tag nocsysdig). */
static bool listed(const struct view_info *v)
{
	for (size_t i = 0; i < v->tags.n; i++)
		if (!strcmp(v->tags.v[i], "nocsysdig"))
			return false;
	return true;
}

void ui_pick_view(struct top_ui *u)
{
	const char **names = xcalloc(u->cat->n + 1, sizeof(*names));
	const struct view_info **views = xcalloc(u->cat->n + 1, sizeof(*views));
	size_t n = 0, cur = 0;

	for (size_t i = 0; i < u->cat->n; i++)
		if (listed(&u->cat->v[i])) {
			if (&u->cat->v[i] == ui_shown(u))
				cur = n;
			views[n] = &u->cat->v[i];
			names[n++] = u->cat->v[i].name;
		}
	int c = tui_menu("Select View", names, n, cur);

	if (c >= 0) {
		struct level *l = &u->stack[u->depth];

		l->v = views[c];
		l->sel = 0;
		ui_load(u);
	}
	free(names);
	free(views);
}

void ui_pick_sort(struct top_ui *u)
{
	size_t ncols;
	const struct vt_col *cols = view_table_cols(u->t, &ncols);
	const char **names = xcalloc(ncols + 1, sizeof(*names));

	for (size_t j = 0; j < ncols; j++)
		names[j] = cols[j].vc->name;
	int c = tui_menu("Sort by", names, ncols, u->sortingcol ? u->sortingcol - 1 : 0);

	if (c >= 0) {
		ui_set_sort(u, (uint32_t)c + 1);
	}
	free(names);
}

/*
 * csysdig's echo (ECHO) and dig windows for the selected row: `sysray [-r FILE] [-c
 * echo_fds disable_color] FILTER`, FILTER the view's filter, the drill-down's and the row's
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

	char *argv[8];
	size_t n = 0;

	argv[n++] = "/proc/self/exe";
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
	u->win = text_window_open(title.buf, argv, u->status, sizeof(u->status));
	if (u->win)
		text_window_update(u->win, ERR);
	out_free(&f);
	out_free(&title);
}

void ui_search(struct top_ui *u)
{
	char text[128] = "";

	if (!tui_prompt("Search", text, sizeof(text)) || !*text)
		return;
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

/* 'o': the rows shown, as -j prints a sample, into a file the user names. */
void ui_save_json(struct top_ui *u)
{
	char path[256] = "";

	if (!tui_prompt("Save as JSON to", path, sizeof(path)) || !*path)
		return;
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
	tui_action_run(a, row_value, u, u->status, sizeof(u->status));
}
