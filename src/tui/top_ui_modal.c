/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The menus and prompts the UI's keys open (top_ui_int.h): F2's views, F9's columns, F8's
 * actions, F4's row filter, the search, the JSON file's path and an action's y/n question.
 * While one is open, the keys go to it and the view behind it goes on taking samples; its
 * answer is acted on when it closes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/actions.h"
#include "tui/top_ui_int.h"
#include "util/util.h"

/* The views the F2 menu offers: all but csysdig's hidden ones (tag nocsysdig). */
static bool listed(const struct view_info *v)
{
	for (size_t i = 0; i < v->tags.n; i++)
		if (!strcmp(v->tags.v[i], "nocsysdig"))
			return false;
	return true;
}

static struct tui_menu *views_menu(struct top_ui *u)
{
	const char **names = xcalloc(u->cat->n + 1, sizeof(*names));
	size_t n = 0, cur = 0;

	u->menu_views = xcalloc(u->cat->n + 1, sizeof(*u->menu_views));
	for (size_t i = 0; i < u->cat->n; i++)
		if (listed(&u->cat->v[i])) {
			if (&u->cat->v[i] == ui_shown(u))
				cur = n;
			u->menu_views[n] = &u->cat->v[i];
			names[n++] = u->cat->v[i].name;
		}
	struct tui_menu *m = tui_menu_open("Select View", names, n, cur);

	free(names);
	return m;
}

static struct tui_menu *sort_menu(struct top_ui *u)
{
	size_t ncols;
	const struct vt_col *cols = view_table_cols(u->t, &ncols);
	const char **names = xcalloc(ncols + 1, sizeof(*names));

	for (size_t j = 0; j < ncols; j++)
		names[j] = cols[j].vc->name;
	struct tui_menu *m = tui_menu_open("Sort by", names, ncols,
					   u->sortingcol ? u->sortingcol - 1 : 0);

	free(names);
	return m;
}

void ui_open_modal(struct top_ui *u, enum ui_modal m)
{
	struct out q = { 0 };

	/* keys reach the view's handler, which opens a modal, only when none is open */
	switch (m) {
	case UI_MODAL_NONE: return;
	case UI_PICK_VIEW: u->menu = views_menu(u); break;
	case UI_PICK_SORT: u->menu = sort_menu(u); break;
	case UI_PICK_ACTION:
		if (!(u->menu = tui_action_menu(ui_shown(u))))
			return;
		break;
	case UI_FILTER: u->prompt = tui_prompt_open("Filter", sizeof(u->rowfilter) - 1); break;
	case UI_SEARCH: u->prompt = tui_prompt_open("Search", 127); break;
	case UI_SAVE: u->prompt = tui_prompt_open("Save as JSON to", 255); break;
	case UI_CONFIRM:
		out_printf(&q, "Run '%s'? (y/n)", u->action_cmd);
		out_putc(&q, 0);
		u->prompt = tui_prompt_open(q.buf, 7);
		out_free(&q);
		break;
	}
	u->modal = m;
	ui_modal_draw(u);
}

void ui_modal_close(struct top_ui *u)
{
	tui_menu_close(u->menu);
	tui_prompt_close(u->prompt);
	free(u->menu_views);
	free(u->action_cmd);
	u->menu = NULL;
	u->prompt = NULL;
	u->menu_views = NULL;
	u->action_cmd = NULL;
	u->modal = UI_MODAL_NONE;
}

/* The menu's answer R (an index, or TUI_CANCEL). */
static void menu_answer(struct top_ui *u, enum ui_modal m, int r)
{
	const struct view_info *v = ui_shown(u);
	const struct view_info *picked = r >= 0 && u->menu_views ? u->menu_views[r] : NULL;

	ui_modal_close(u);
	if (r < 0)
		return;
	switch (m) {
	case UI_PICK_VIEW:
		u->stack[u->depth].v = picked;
		u->stack[u->depth].sel = 0;
		ui_load(u);
		break;
	case UI_PICK_SORT:
		ui_set_sort(u, (uint32_t)r + 1);
		break;
	case UI_PICK_ACTION:
		ui_run_action(u, &v->actions[r]);
		break;
	default:
		break;
	}
}

/* The prompt's answer: R is 0 (Enter) or TUI_CANCEL. */
static void prompt_answer(struct top_ui *u, enum ui_modal m, int r)
{
	char text[256];

	snprintf(text, sizeof(text), "%s", tui_prompt_text(u->prompt));
	if (m == UI_CONFIRM) {
		if (!r && *text == 'y') {
			tui_prompt_close(u->prompt);
			u->prompt = NULL;
			ui_run_confirmed(u);
		}
		ui_modal_close(u);
		return;
	}
	ui_modal_close(u);
	if (m == UI_FILTER && r) {
		*u->rowfilter = 0;
		ui_refilter(u);
	} else if (m == UI_SEARCH && !r && *text) {
		ui_search(u, text);
	} else if (m == UI_SAVE && !r && *text) {
		ui_save_json(u, text);
	}
}

void ui_modal_key(struct top_ui *u, int c)
{
	enum ui_modal m = u->modal;

	if (u->menu) {
		int r = tui_menu_key(u->menu, c);

		if (r != TUI_OPEN)
			menu_answer(u, m, r);
		return;
	}
	if (!u->prompt)
		return;
	int r = tui_prompt_key(u->prompt, c);

	/* csysdig's F4 filters the rows as the text is typed */
	if (m == UI_FILTER) {
		snprintf(u->rowfilter, sizeof(u->rowfilter), "%s", tui_prompt_text(u->prompt));
		ui_refilter(u);
	}
	if (r != TUI_OPEN)
		prompt_answer(u, m, r);
}

void ui_modal_draw(struct top_ui *u)
{
	if (u->menu)
		tui_menu_draw(u->menu);
	else if (u->prompt)
		tui_prompt_draw(u->prompt);
}
