/* SPDX-License-Identifier: Apache-2.0 */
/* The UI's menu and prompt (menu.h). */
#include "tui/menu.h"

#include <ncurses.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

volatile sig_atomic_t tui_stop_requested;

struct tui_menu {
	char *title;
	char **items;
	size_t n, sel, top;
	WINDOW *win;
};

struct tui_menu *tui_menu_open(const char *title, const char *const *items, size_t n,
			       size_t start)
{
	struct tui_menu *m = xcalloc(1, sizeof(*m));
	int h, w;

	m->title = xstrdup(title);
	m->items = xcalloc(n + 1, sizeof(*m->items));
	for (size_t i = 0; i < n; i++)
		m->items[i] = xstrdup(items[i]);
	m->n = n;
	m->sel = start < n ? start : 0;
	getmaxyx(stdscr, h, w);
	m->win = newwin(h > 4 ? h - 2 : 2, 32 < w ? 32 : w, 1, 0);
	return m;
}

static size_t menu_body(const struct tui_menu *m)
{
	int mh = getmaxy(m->win);

	return mh > 2 ? (size_t)mh - 2 : 1;
}

int tui_menu_key(struct tui_menu *m, int c)
{
	size_t body = menu_body(m);

	switch (c) {
	case KEY_UP: if (m->sel) m->sel--; break;
	case KEY_DOWN: if (m->sel + 1 < m->n) m->sel++; break;
	case KEY_PPAGE: m->sel = m->sel > body ? m->sel - body : 0; break;
	case KEY_NPAGE: m->sel = m->sel + body < m->n ? m->sel + body : m->n ? m->n - 1 : 0; break;
	case KEY_HOME: m->sel = 0; break;
	case KEY_END: m->sel = m->n ? m->n - 1 : 0; break;
	case '\n': case KEY_ENTER:
		return m->n ? (int)m->sel : TUI_CANCEL;
	case 27: case 'q': case KEY_F(10): case KEY_BACKSPACE: case 127: case 8:
		return TUI_CANCEL;
	default:
		break;
	}
	return TUI_OPEN;
}

void tui_menu_draw(struct tui_menu *m)
{
	size_t body = menu_body(m);
	int mw = getmaxx(m->win);

	if (m->sel < m->top)
		m->top = m->sel;
	if (m->sel >= m->top + body)
		m->top = m->sel - body + 1;
	werase(m->win);
	box(m->win, 0, 0);
	mvwprintw(m->win, 0, 2, "%s", m->title);
	for (size_t i = 0; i < body && m->top + i < m->n; i++) {
		if (m->top + i == m->sel)
			wattron(m->win, A_REVERSE);
		mvwprintw(m->win, 1 + (int)i, 1, "%-*.*s", mw - 2, mw - 2, m->items[m->top + i]);
		if (m->top + i == m->sel)
			wattroff(m->win, A_REVERSE);
	}
	/* over the view stdscr has just drawn */
	touchwin(m->win);
	wrefresh(m->win);
}

void tui_menu_close(struct tui_menu *m)
{
	if (!m)
		return;
	delwin(m->win);
	for (size_t i = 0; i < m->n; i++)
		free(m->items[i]);
	free(m->items);
	free(m->title);
	free(m);
}

struct tui_prompt {
	char *label;
	char *text;
	size_t len, max;
};

struct tui_prompt *tui_prompt_open(const char *label, size_t max)
{
	struct tui_prompt *p = xcalloc(1, sizeof(*p));

	p->label = xstrdup(label);
	p->text = xcalloc(max + 1, 1);
	p->max = max;
	return p;
}

int tui_prompt_key(struct tui_prompt *p, int c)
{
	switch (c) {
	case '\n': case '\r': case KEY_ENTER:
		return 0;
	case 27:
		return TUI_CANCEL;
	case KEY_BACKSPACE: case 127: case 8:
		if (p->len)
			p->text[--p->len] = 0;
		return TUI_OPEN;
	default:
		/* a byte of the text: ASCII or a byte of a UTF-8 sequence */
		if (c >= ' ' && c < 256 && c != 127 && p->len < p->max)
			p->text[p->len++] = (char)c;
		return TUI_OPEN;
	}
}

const char *tui_prompt_text(const struct tui_prompt *p)
{
	return p->text;
}

void tui_prompt_draw(const struct tui_prompt *p)
{
	int h = getmaxy(stdscr);

	move(h - 1, 0);
	clrtoeol();
	printw("%s: %s", p->label, p->text);
	curs_set(1);
	refresh();
}

void tui_prompt_close(struct tui_prompt *p)
{
	if (!p)
		return;
	curs_set(0);
	free(p->label);
	free(p->text);
	free(p);
}
