/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The UI's state, shared by its files: top_ui.c (the model: samples, sorting, drill-down;
 * the keys and the public calls), top_ui_draw.c (the screen), top_ui_cmds.c (what the keys
 * open: windows, actions, the mouse, saving), top_ui_modal.c (the menus and prompts, which
 * take the keys while open and never hold the capture up).
 */
#ifndef SYSRAY_TUI_TOP_UI_INT_H
#define SYSRAY_TUI_TOP_UI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "output/out.h"
#include "tui/menu.h"
#include "tui/sparkline.h"
#include "tui/text_window.h"
#include "tui/top_ui.h"

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

/* The menu or prompt open over the view, which the keys go to. */
enum ui_modal {
	UI_MODAL_NONE,
	UI_PICK_VIEW,		/* F2 */
	UI_PICK_SORT,		/* F9, > */
	UI_PICK_ACTION,		/* F8 */
	UI_FILTER,		/* F4: the rows shown follow the text as it is typed */
	UI_SEARCH,		/* /, CTRL+F */
	UI_SAVE,		/* o: the JSON file's path */
	UI_CONFIRM,		/* an action's y/n question */
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
	enum ui_modal modal;
	struct tui_menu *menu;		/* the modal's menu, or */
	struct tui_prompt *prompt;	/* its prompt */
	const struct view_info **menu_views;	/* UI_PICK_VIEW: the views of the menu's lines */
	const struct view_action *action;	/* UI_CONFIRM: the action and its command */
	char *action_cmd;
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

/* top_ui.c */
const struct view_info *ui_shown(const struct top_ui *u);
/* Whether a cell of row R shows TEXT. */
bool ui_row_has(const struct top_ui *u, const struct vt_row *r, const char *text);
/* The rows shown again after the F4 filter changed. */
void ui_refilter(struct top_ui *u);
void ui_resort(struct top_ui *u);
/* Sorts by column COL (from 1): the sparklines start again. */
void ui_set_sort(struct top_ui *u, uint32_t col);
/* Loads the view on top of the stack; false with the status set. */
bool ui_load(struct top_ui *u);
void ui_drill_down(struct top_ui *u);

/* top_ui_draw.c: the whole screen. */
void ui_draw(struct top_ui *u);

/* top_ui_cmds.c */
void ui_open_window(struct top_ui *u, bool echo);	/* F5/e, F6/d */
void ui_search(struct top_ui *u, const char *text);	/* selects the first row with TEXT */
void ui_show_help(struct top_ui *u);		/* F7, F1, h, ? */
void ui_save_json(struct top_ui *u, const char *path);	/* the rows shown as -j prints them */
void ui_click(struct top_ui *u);		/* KEY_MOUSE */
/* An action's hotkey: its command for the selected row, run now or after UI_CONFIRM. */
void ui_run_action(struct top_ui *u, const struct view_action *a);
/* The command of UI_CONFIRM's action, run. */
void ui_run_confirmed(struct top_ui *u);

/* top_ui_modal.c: the menus and prompts the keys open. */
void ui_open_modal(struct top_ui *u, enum ui_modal m);
/* Key C to the modal open; it closes once answered (and its answer is acted on). */
void ui_modal_key(struct top_ui *u, int c);
/* The modal drawn again over the view. */
void ui_modal_draw(struct top_ui *u);
void ui_modal_close(struct top_ui *u);

#endif
