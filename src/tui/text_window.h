/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A window over the whole screen showing what a command prints, line by line, as it prints
 * it: csysdig's echo (F5) and dig (F6) windows run `sysray -c echo_fds FILTER` and `sysray
 * FILTER` this way. Arrows, PgUp/PgDn, Home/End scroll (at the end, new lines scroll in);
 * '/' or CTRL+F searches the lines for a text and F3 finds its next line; F2 runs the
 * command again with the next of csysdig's renderings of I/O buffers: dotted ASCII (sysdig's
 * default), printable ASCII (-A), hex and ASCII (-X). Backspace, q or Esc close it, which ends
 * the command (SIGINT, as a user's Ctrl-C). A fixed text (F7's help) shows the same way.
 */
#ifndef SYSRAY_TUI_TEXT_WINDOW_H
#define SYSRAY_TUI_TEXT_WINDOW_H

#include <stdbool.h>
#include <stddef.h>

struct text_window;

/* Runs ARGV (its stdout and stderr read by the window, stdin /dev/null) under TITLE; F2's
 * rendering flag goes before ARGV[RENDER] (0: ARGV has no renderings). NULL with ERR filled
 * when it cannot start. */
struct text_window *text_window_open(const char *title, char *const argv[], size_t render,
				     char *err, size_t errlen);
/* TEXT (lines ended by newlines) under TITLE: a help screen. */
struct text_window *text_window_show(const char *title, const char *text);
/* Reads what the command printed meanwhile, handles key C (ERR: none) and redraws; false
 * once the user closed the window. */
bool text_window_update(struct text_window *w, int c);
/* Ends the command, frees the window. */
void text_window_close(struct text_window *w);

#endif
