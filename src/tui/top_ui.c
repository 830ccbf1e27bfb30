/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The views on a terminal (top_ui.h). Each view shown is one table loaded from the source;
 * a drill-down pushes the view, its extra filter and the selected row onto a stack, and the
 * child view is loaded with `PARENT_EXTRA and KEYFIELD="VALUE"` as csysdig builds it. The
 * rows shown are the UI's copy of the table's last sample, so that a live table goes on
 * folding the next interval's events meanwhile; a new sample keeps the selection on the row
 * of the same key.
 */
#include "tui/top_ui_int.h"

#include <locale.h>
#include <ncurses.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "output/out.h"
#include "tui/actions.h"
#include "tui/menu.h"
#include "tui/sparkline.h"
#include "tui/text_window.h"
#include "views/view_output.h"
#include "util/util.h"

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

const struct view_info *ui_shown(const struct top_ui *u)
{
	return u->stack[u->depth].v;
}

/* The text of row R's cells, for the search and the row filter. */
bool ui_row_has(const struct top_ui *u, const struct vt_row *r, const char *text)
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

void ui_refilter(struct top_ui *u)
{
	free(u->rows);
	u->rows = xcalloc(u->s.n + 1, sizeof(*u->rows));
	u->nrows = 0;
	for (size_t r = 0; r < u->s.n; r++)
		if (!*u->rowfilter || ui_row_has(u, &u->s.rows[r], u->rowfilter))
			u->rows[u->nrows++] = r;
	if (u->sel >= u->nrows)
		u->sel = u->nrows ? u->nrows - 1 : 0;
}

void ui_resort(struct top_ui *u)
{
	size_t n;
	const struct vt_col *cols = view_table_cols(u->t, &n);

	vt_sample_sort(&u->s, cols, n, u->sortingcol);
	ui_refilter(u);
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
void ui_set_sort(struct top_ui *u, uint32_t col)
{
	u->sortingcol = col;
	ui_resort(u);
	spark_reset(u->spark);
	spark_sample(u);
}

/* S replaces the rows shown; the selection stays on the row of the same key. */
static void take_sample(struct top_ui *u, const struct vt_sample *s)
{
	char *key = u->nrows ? xstrdup(u->s.rows[u->rows[u->sel]].key) : NULL;

	vt_sample_free(&u->s, ncells(u));
	vt_sample_copy(&u->s, s, ncells(u));
	ui_resort(u);
	spark_sample(u);
	for (size_t i = 0; key && i < u->nrows; i++)
		if (!strcmp(u->s.rows[u->rows[i]].key, key)) {
			u->sel = i;
			break;
		}
	free(key);
}

/* Loads the view on top of the stack. */
bool ui_load(struct top_ui *u)
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
	ui_refilter(u);
	spark_reset(u->spark);
	spark_sample(u);
	return true;
}

void ui_drill_down(struct top_ui *u)
{
	const struct view_info *v = ui_shown(u);
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
	if (!ui_load(u)) {
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
	ui_load(u);
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
	case KEY_F(2): ui_open_modal(u, UI_PICK_VIEW); break;
	case KEY_F(9): case '>': ui_open_modal(u, UI_PICK_SORT); break;
	case KEY_F(4): ui_open_modal(u, UI_FILTER); break;
	case '/': case 6: /* CTRL+F */ ui_open_modal(u, UI_SEARCH); break;
	case '\n': case KEY_ENTER: ui_drill_down(u); break;
	case KEY_BACKSPACE: case 127: case 8: drill_up(u); break;
	case 'p': u->paused = !u->paused; break;
	case KEY_F(7): case KEY_F(1): case 'h': case '?': ui_show_help(u); break;
	case 'o': ui_open_modal(u, UI_SAVE); break;
	case KEY_MOUSE: ui_click(u); break;
	case KEY_RESIZE: break;	/* drawn again at the new size */
	case '!': case '@': case '#': case '$': case '%': case '^': case '&': case '*': case '(':
		/* shift+1..9 on a US keyboard: sort by that column */
		ui_set_sort(u, (uint32_t)(strchr(shifted_digits, c) - shifted_digits) + 1);
		break;
	case KEY_F(5): case 'e': ui_open_window(u, true); break;
	case KEY_F(6): case 'd': ui_open_window(u, false); break;
	case KEY_F(8): ui_open_modal(u, UI_PICK_ACTION); break;
	default:
		/* an action's hotkey */
		if (c > 0 && c < 256)
			ui_run_action(u, tui_action_find(ui_shown(u), c));
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
	if (!ui_load(u)) {
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
	/* A lone Escape (it closes menus and prompts) is told from the start of a function
	 * key's sequence by waiting for the next byte: ncurses waits ESCDELAY, a second by
	 * default, even when getch() is not to block, and the capture waits with it (a second
	 * of events under load overflows the ring). A terminal sends a sequence's bytes at
	 * once; 25 ms is what htop and vim allow them. */
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED, NULL);
	ui_draw(u);
	return u;
}

/* The view, and the menu or prompt open over it. */
static void redraw(struct top_ui *u)
{
	ui_draw(u);
	ui_modal_draw(u);
}

bool top_ui_poll(struct top_ui *u, int timeout_ms)
{
	timeout(timeout_ms);
	for (int c; !tui_stop_requested && (c = getch()) != ERR; timeout(0)) {
		if (u->win) {
			if (!text_window_update(u->win, c)) {
				text_window_close(u->win);
				u->win = NULL;
				redraw(u);
			}
			continue;
		}
		if (u->modal) {
			ui_modal_key(u, c);
		} else if (!key(u, c)) {
			return false;
		}
		if (!u->win)
			redraw(u);
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
		redraw(u);
}

void top_ui_close(struct top_ui *u)
{
	if (u->win)
		text_window_close(u->win);
	ui_modal_close(u);
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
