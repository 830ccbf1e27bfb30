/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The UI's small widgets on stdscr: a menu of items in a box at the left of the screen, and a
 * line of text read at the bottom. Neither waits for keys: the UI hands each key it reads to
 * the widget open, so that a live capture goes on taking its samples meanwhile, and draws
 * the widget again over the view after each redraw.
 */
#ifndef SYSRAY_TUI_MENU_H
#define SYSRAY_TUI_MENU_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

/* Set by the UI's signal handler: the UI gives up at its next key poll. */
extern volatile sig_atomic_t tui_stop_requested;

/* What a key did to a widget. */
enum { TUI_OPEN = -2, TUI_CANCEL = -1 };

struct tui_menu;

/* A menu TITLE of N ITEMS (copied), START selected. */
struct tui_menu *tui_menu_open(const char *title, const char *const *items, size_t n,
			       size_t start);
/* Key C: TUI_OPEN (still open), TUI_CANCEL (Esc, q, F10, Backspace) or the index chosen
 * (Enter); the menu stays allocated until tui_menu_close(). */
int tui_menu_key(struct tui_menu *m, int c);
void tui_menu_draw(struct tui_menu *m);
void tui_menu_close(struct tui_menu *m);

struct tui_prompt;

/* A line of at most MAX bytes read after LABEL at the bottom of the screen. */
struct tui_prompt *tui_prompt_open(const char *label, size_t max);
/* Key C: TUI_OPEN, TUI_CANCEL (Esc) or 0 (Enter: the text is complete). Printable keys add
 * to the text, Backspace takes the last byte off. */
int tui_prompt_key(struct tui_prompt *p, int c);
const char *tui_prompt_text(const struct tui_prompt *p);
void tui_prompt_draw(const struct tui_prompt *p);
void tui_prompt_close(struct tui_prompt *p);

#endif
