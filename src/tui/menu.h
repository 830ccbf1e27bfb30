/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The UI's small widgets on stdscr: a menu of items in a box at the left of the screen, and a
 * line of text read at the bottom. Both wait for the user's keys.
 */
#ifndef SYSRAY_TUI_MENU_H
#define SYSRAY_TUI_MENU_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

/* Set by the UI's signal handler: a menu or a prompt waiting for a key gives up. */
extern volatile sig_atomic_t tui_stop_requested;

/* A menu TITLE of N ITEMS, START selected; the index chosen, or -1 (Esc, q, Backspace). */
int tui_menu(const char *title, const char *const *items, size_t n, size_t start);

/* Reads a line of text after LABEL at the bottom into BUF (N bytes); false when given up. */
bool tui_prompt(const char *label, char *buf, size_t n);

#endif
