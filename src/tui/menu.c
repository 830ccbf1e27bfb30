/* SPDX-License-Identifier: Apache-2.0 */
/* The UI's menu and prompt (menu.h). */
#include "tui/menu.h"

#include <ncurses.h>

volatile sig_atomic_t tui_stop_requested;

int tui_menu(const char *title, const char *const *items, size_t n, size_t start)
{
	int h, w;
	size_t sel = start < n ? start : 0, top = 0;

	getmaxyx(stdscr, h, w);
	int mw = 32 < w ? 32 : w, mh = h - 2;
	WINDOW *win = newwin(mh, mw, 1, 0);

	keypad(win, TRUE);
	for (;;) {
		size_t body = mh > 2 ? (size_t)mh - 2 : 1;

		if (sel < top)
			top = sel;
		if (sel >= top + body)
			top = sel - body + 1;
		werase(win);
		box(win, 0, 0);
		mvwprintw(win, 0, 2, "%s", title);
		for (size_t i = 0; i < body && top + i < n; i++) {
			if (top + i == sel)
				wattron(win, A_REVERSE);
			mvwprintw(win, 1 + (int)i, 1, "%-*.*s", mw - 2, mw - 2, items[top + i]);
			if (top + i == sel)
				wattroff(win, A_REVERSE);
		}
		wrefresh(win);
		wtimeout(win, 200);
		int c = wgetch(win);

		if (tui_stop_requested)
			c = 27;
		switch (c) {
		case KEY_UP: if (sel) sel--; break;
		case KEY_DOWN: if (sel + 1 < n) sel++; break;
		case KEY_PPAGE: sel = sel > body ? sel - body : 0; break;
		case KEY_NPAGE: sel = sel + body < n ? sel + body : n - 1; break;
		case KEY_HOME: sel = 0; break;
		case KEY_END: sel = n - 1; break;
		case '\n': case KEY_ENTER:
			delwin(win);
			return (int)sel;
		case 27: case 'q': case KEY_F(10): case KEY_BACKSPACE: case 127: case 8:
			delwin(win);
			return -1;
		default:
			break;
		}
	}
}

bool tui_prompt(const char *label, char *buf, size_t n)
{
	int h = getmaxy(stdscr);

	move(h - 1, 0);
	clrtoeol();
	printw("%s: ", label);
	echo();
	curs_set(1);
	timeout(-1);
	int rc = getnstr(buf, (int)n - 1);

	curs_set(0);
	noecho();
	return rc == OK;
}
