/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The views on a terminal (top_ui.h). Each view shown is one table loaded from the source;
 * a drill-down pushes the view, its extra filter and the selected row onto a stack, and the
 * child view is loaded with `PARENT_EXTRA and KEYFIELD="VALUE"` as csysdig builds it. The
 * rows shown are the UI's copy of the table's last sample, so that a live table goes on
 * folding the next interval's events meanwhile; a new sample keeps the selection on the row
 * of the same key.
 */
#include "tui/top_ui.h"

#include <locale.h>
#include <ncurses.h>
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "output/out.h"
#include "tui/actions.h"
#include "tui/help.h"
#include "tui/menu.h"
#include "tui/sparkline.h"
#include "tui/text_window.h"
#include "views/view_output.h"
#include "util/util.h"

#define MAX_DEPTH 16
#define MAX_COLS 64
/* The narrowest terminal that shows the sparklines. */
#define SPARK_MIN_WIDTH 100

/* One level of the drill-down: a view, its extra filter, where the cursor was. */
struct level {
	const struct view_info *v;
	char *extra;
	size_t sel;
};

struct top_ui {
	const struct view_catalog *cat;
	const struct top_ui_source *src;
	struct level stack[MAX_DEPTH];
	size_t depth;			/* stack[depth] is shown */
	struct view_table *t;
	uint64_t time_delta;
	struct vt_sample s;		/* the rows shown: a copy of the table's sample */
	uint64_t nsamples;		/* live samples shown */
	struct text_window *win;	/* the echo, dig or help window over the view; NULL: none */
	int col_end[MAX_COLS];		/* the screen column after each header, for the mouse */
	struct out cell;		/* row_value()'s text */
	struct spark_hist *spark;	/* the sorting column's last values per row */
	size_t *rows;			/* indexes of the rows shown (the F4 filter) */
	size_t nrows;
	size_t sel, top;
	uint32_t sortingcol;
	bool paused;
	char rowfilter[128];
	char status[600];
};

static void on_signal(int sig)
{
	(void)sig;
	tui_stop_requested = 1;
}

static size_t ncells(const struct top_ui *u)
{
	size_t n;

	view_table_cols(u->t, &n);
	return n;
}

static const struct view_info *shown(const struct top_ui *u)
{
	return u->stack[u->depth].v;
}

/* The text of row R's cells, for the search and the row filter. */
static bool row_has(const struct top_ui *u, const struct vt_row *r, const char *text)
{
	size_t ncols;
	const struct vt_col *cols = view_table_cols(u->t, &ncols);
	bool found = false;

	for (size_t j = 0; j < ncols && !found; j++) {
		struct out o = { 0 };

		view_cell_nice(&o, &cols[j], &r->cells[j], 0, 0);
		out_putc(&o, 0);
		found = strstr(o.buf, text) != NULL;
		out_free(&o);
	}
	return found;
}

static void refilter(struct top_ui *u)
{
	free(u->rows);
	u->rows = xcalloc(u->s.n + 1, sizeof(*u->rows));
	u->nrows = 0;
	for (size_t r = 0; r < u->s.n; r++)
		if (!*u->rowfilter || row_has(u, &u->s.rows[r], u->rowfilter))
			u->rows[u->nrows++] = r;
	if (u->sel >= u->nrows)
		u->sel = u->nrows ? u->nrows - 1 : 0;
}

static void resort(struct top_ui *u)
{
	size_t n;
	const struct vt_col *cols = view_table_cols(u->t, &n);

	vt_sample_sort(&u->s, cols, n, u->sortingcol);
	refilter(u);
}

/* The sorting column's value of each row shown, for the sparklines. */
static void spark_sample(struct top_ui *u)
{
	size_t n;
	const struct vt_col *cols = view_table_cols(u->t, &n);

	if (u->sortingcol < 1 || u->sortingcol > n)
		return;
	for (size_t r = 0; r < u->s.n; r++)
		spark_add(u->spark, u->s.rows[r].key,
			  vt_cell_number(&cols[u->sortingcol - 1],
					 &u->s.rows[r].cells[u->sortingcol - 1]));
	spark_end_sample(u->spark);
}

/* Sorts by column COL (from 1): the sparklines start again. */
static void set_sort(struct top_ui *u, uint32_t col)
{
	u->sortingcol = col;
	resort(u);
	spark_reset(u->spark);
	spark_sample(u);
}

/* S replaces the rows shown; the selection stays on the row of the same key. */
static void take_sample(struct top_ui *u, const struct vt_sample *s)
{
	char *key = u->nrows ? xstrdup(u->s.rows[u->rows[u->sel]].key) : NULL;

	vt_sample_free(&u->s, ncells(u));
	vt_sample_copy(&u->s, s, ncells(u));
	resort(u);
	spark_sample(u);
	for (size_t i = 0; key && i < u->nrows; i++)
		if (!strcmp(u->s.rows[u->rows[i]].key, key)) {
			u->sel = i;
			break;
		}
	free(key);
}

/* Loads the view on top of the stack. */
static bool load(struct top_ui *u)
{
	char err[512];
	struct level *l = &u->stack[u->depth];
	struct view_table *t = u->src->load(u->src->opaque, l->v, l->extra, &u->time_delta, err,
					    sizeof(err));

	if (!t) {
		snprintf(u->status, sizeof(u->status), "%s", err);
		return false;
	}
	if (u->t)
		vt_sample_free(&u->s, ncells(u));
	view_table_free(u->t);
	u->t = t;
	u->sortingcol = l->v->sortingcol;
	u->sel = l->sel;
	u->top = 0;
	*u->rowfilter = 0;
	vt_sample_copy(&u->s, view_table_sample(t, u->sortingcol), ncells(u));
	refilter(u);
	spark_reset(u->spark);
	spark_sample(u);
	return true;
}

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

static void draw(struct top_ui *u)
{
	int h, w;
	size_t ncols;
	const struct vt_col *cols = view_table_cols(u->t, &ncols);
	const struct view_info *v = shown(u);

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

/* The views the F2 menu offers: all but csysdig's hidden ones (tag nocsysdig). */
static bool listed(const struct view_info *v)
{
	for (size_t i = 0; i < v->tags.n; i++)
		if (!strcmp(v->tags.v[i], "nocsysdig"))
			return false;
	return true;
}

static void pick_view(struct top_ui *u)
{
	const char **names = xcalloc(u->cat->n + 1, sizeof(*names));
	const struct view_info **views = xcalloc(u->cat->n + 1, sizeof(*views));
	size_t n = 0, cur = 0;

	for (size_t i = 0; i < u->cat->n; i++)
		if (listed(&u->cat->v[i])) {
			if (&u->cat->v[i] == shown(u))
				cur = n;
			views[n] = &u->cat->v[i];
			names[n++] = u->cat->v[i].name;
		}
	int c = tui_menu("Select View", names, n, cur);

	if (c >= 0) {
		struct level *l = &u->stack[u->depth];

		l->v = views[c];
		l->sel = 0;
		load(u);
	}
	free(names);
	free(views);
}

static void pick_sort(struct top_ui *u)
{
	size_t ncols;
	const struct vt_col *cols = view_table_cols(u->t, &ncols);
	const char **names = xcalloc(ncols + 1, sizeof(*names));

	for (size_t j = 0; j < ncols; j++)
		names[j] = cols[j].vc->name;
	int c = tui_menu("Sort by", names, ncols, u->sortingcol ? u->sortingcol - 1 : 0);

	if (c >= 0) {
		set_sort(u, (uint32_t)c + 1);
	}
	free(names);
}

static void drill_down(struct top_ui *u)
{
	const struct view_info *v = shown(u);
	struct view_drill d = view_drill_target(u->cat, v);

	if (!d.target || !u->nrows || u->depth + 1 >= MAX_DEPTH) {
		snprintf(u->status, sizeof(u->status), "no drill down from %s", v->name);
		return;
	}
	const struct vt_row *r = &u->s.rows[u->rows[u->sel]];
	struct out f = { 0 };
	const char *parent = u->stack[u->depth].extra;

	if (parent)
		out_printf(&f, "(%s) and ", parent);
	out_printf(&f, "%s=\"%s\"", d.key_field, r->key);
	out_putc(&f, 0);
	u->stack[u->depth].sel = u->sel;
	u->depth++;
	u->stack[u->depth] = (struct level){ .v = d.target, .extra = f.buf };
	if (!load(u)) {
		free(u->stack[u->depth].extra);
		u->depth--;
	}
}

static void drill_up(struct top_ui *u)
{
	if (!u->depth)
		return;
	free(u->stack[u->depth].extra);
	u->depth--;
	load(u);
}

/*
 * csysdig's echo (ECHO) and dig windows for the selected row: `sysray [-r FILE] [-c
 * echo_fds disable_color] FILTER`, FILTER the view's filter, the drill-down's and the row's
 * key, as Enter would pass them on.
 */
static void open_window(struct top_ui *u, bool echo)
{
	const struct view_info *v = shown(u);
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

static void search(struct top_ui *u)
{
	char text[128] = "";

	if (!tui_prompt("Search", text, sizeof(text)) || !*text)
		return;
	for (size_t i = 0; i < u->nrows; i++)
		if (row_has(u, &u->s.rows[u->rows[i]], text)) {
			u->sel = i;
			return;
		}
	snprintf(u->status, sizeof(u->status), "'%s' not found", text);
}

static void show_help(struct top_ui *u)
{
	struct out o = { 0 };

	tui_help_text(&o, shown(u));
	out_putc(&o, 0);
	u->win = text_window_show("Help", o.buf);
	text_window_update(u->win, ERR);
	out_free(&o);
}

/* 'o': the rows shown, as -j prints a sample, into a file the user names. */
static void save_json(struct top_ui *u)
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
	view_output_json(f, u->cat, shown(u), u->t, &u->s, u->time_delta);
	fputs("]}\n", f);
	if (fclose(f))
		snprintf(u->status, sizeof(u->status), "%s: %s", path, strerror(errno));
	else
		snprintf(u->status, sizeof(u->status), "saved %zu rows to %s", u->s.n, path);
}

/* A click: on a header, sort by its column; on a row, select it (twice: drill down). */
static void click(struct top_ui *u)
{
	MEVENT m;
	size_t ncols;

	if (getmouse(&m) != OK)
		return;
	view_table_cols(u->t, &ncols);
	if (m.y == 2) {
		for (size_t j = 0; j < ncols && j < MAX_COLS; j++)
			if (m.x < u->col_end[j]) {
				set_sort(u, (uint32_t)j + 1);
				return;
			}
	} else if (m.y >= 3 && u->top + (size_t)(m.y - 3) < u->nrows) {
		u->sel = u->top + (size_t)(m.y - 3);
		if (m.bstate & BUTTON1_DOUBLE_CLICKED)
			drill_down(u);
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

static void run_action(struct top_ui *u, const struct view_action *a)
{
	if (!a)
		return;
	if (!u->nrows) {
		snprintf(u->status, sizeof(u->status), "no row selected");
		return;
	}
	tui_action_run(a, row_value, u, u->status, sizeof(u->status));
}

static const char shifted_digits[] = "!@#$%^&*(";

/* One key; false to quit. */
static bool key(struct top_ui *u, int c)
{
	int h = getmaxy(stdscr);
	size_t body = h > 4 ? (size_t)h - 4 : 1;

	if (c != ERR)
		*u->status = 0;
	switch (c) {
	case 'q': case KEY_F(10): return false;
	case KEY_UP: if (u->sel) u->sel--; break;
	case KEY_DOWN: if (u->sel + 1 < u->nrows) u->sel++; break;
	case KEY_PPAGE: u->sel = u->sel > body ? u->sel - body : 0; break;
	case KEY_NPAGE:
		u->sel = u->sel + body < u->nrows ? u->sel + body : (u->nrows ? u->nrows - 1 : 0);
		break;
	case KEY_HOME: u->sel = 0; break;
	case KEY_END: u->sel = u->nrows ? u->nrows - 1 : 0; break;
	case KEY_F(2): pick_view(u); break;
	case KEY_F(9): case '>': pick_sort(u); break;
	case KEY_F(4):
		if (tui_prompt("Filter", u->rowfilter, sizeof(u->rowfilter)))
			refilter(u);
		else
			*u->rowfilter = 0;
		break;
	case '/': case 6: /* CTRL+F */ search(u); break;
	case '\n': case KEY_ENTER: drill_down(u); break;
	case KEY_BACKSPACE: case 127: case 8: drill_up(u); break;
	case 'p': u->paused = !u->paused; break;
	case KEY_F(7): case KEY_F(1): case 'h': case '?': show_help(u); break;
	case 'o': save_json(u); break;
	case KEY_MOUSE: click(u); break;
	case KEY_RESIZE: break;	/* drawn again at the new size */
	case '!': case '@': case '#': case '$': case '%': case '^': case '&': case '*': case '(':
		/* shift+1..9 on a US keyboard: sort by that column */
		set_sort(u, (uint32_t)(strchr(shifted_digits, c) - shifted_digits) + 1);
		break;
	case KEY_F(5): case 'e': open_window(u, true); break;
	case KEY_F(6): case 'd': open_window(u, false); break;
	case KEY_F(8): run_action(u, tui_action_pick(shown(u))); break;
	default:
		/* an action's hotkey */
		if (c > 0 && c < 256)
			run_action(u, tui_action_find(shown(u), c));
		break;
	}
	return true;
}

struct top_ui *top_ui_open(const struct view_catalog *cat, const struct view_info *start,
			   const struct top_ui_source *src)
{
	struct top_ui *u = xcalloc(1, sizeof(*u));
	struct sigaction sa = { .sa_handler = on_signal };

	u->cat = cat;
	u->src = src;
	u->spark = spark_new();
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	u->stack[0] = (struct level){ .v = start };
	if (!load(u)) {
		msg("%s", u->status);
		spark_free(u->spark);
		free(u);
		return NULL;
	}
	/* the terminal's character set, for the line drawing characters */
	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED, NULL);
	draw(u);
	return u;
}

bool top_ui_poll(struct top_ui *u, int timeout_ms)
{
	timeout(timeout_ms);
	for (int c; !tui_stop_requested && (c = getch()) != ERR; timeout(0)) {
		if (u->win) {
			if (!text_window_update(u->win, c)) {
				text_window_close(u->win);
				u->win = NULL;
				draw(u);
			}
			continue;
		}
		if (!key(u, c))
			return false;
		if (!u->win)
			draw(u);
	}
	/* the window's command goes on printing */
	if (u->win)
		text_window_update(u->win, ERR);
	return !tui_stop_requested;
}

void top_ui_sample(struct top_ui *u, const struct vt_sample *s, uint64_t time_delta)
{
	if (u->paused)
		return;
	u->time_delta = time_delta;
	u->nsamples++;
	take_sample(u, s);
	if (!u->win)
		draw(u);
}

void top_ui_close(struct top_ui *u)
{
	if (u->win)
		text_window_close(u->win);
	endwin();
	for (size_t i = 0; i <= u->depth; i++)
		free(u->stack[i].extra);
	free(u->rows);
	vt_sample_free(&u->s, ncells(u));
	view_table_free(u->t);
	out_free(&u->cell);
	spark_free(u->spark);
	free(u);
}

int top_ui_run(const struct view_catalog *cat, const struct view_info *start,
	       const struct top_ui_source *src)
{
	struct top_ui *u = top_ui_open(cat, start, src);

	if (!u)
		return 1;
	/* a key or a signal is seen within 200 ms */
	while (top_ui_poll(u, 200))
		;
	top_ui_close(u);
	return 0;
}
