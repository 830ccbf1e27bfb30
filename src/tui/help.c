/* SPDX-License-Identifier: Apache-2.0 */
/* The F7 help screen's text (help.h). */
#include "tui/help.h"

static const char keys_help[] =
	"Keys\n"
	"  Arrows, PgUp/PgDn, Home/End   move the selection\n"
	"  Enter                         drill down into the selected row\n"
	"  Backspace                     back up from a drill down\n"
	"  F2                            pick a view\n"
	"  F4                            show the rows holding a text only\n"
	"  F5, e                         echo: the I/O buffers of the selected row\n"
	"  F6, d                         dig: the events of the selected row\n"
	"  F7, F1, h, ?                  this help\n"
	"  F8                            the view's actions on the selected row\n"
	"  F9, >                         pick the sorting column\n"
	"  shift+1..9 (! @ # $ % ^ & * ()  sort by column 1..9\n"
	"  /, CTRL+F                     search the rows for a text\n"
	"  o                             save the view shown as JSON (the -j format)\n"
	"  p                             pause the refresh (live)\n"
	"  q, F10                        quit\n"
	"In the echo and dig windows\n"
	"  F2                            buffers as dotted ASCII, printable ASCII, hex\n"
	"  /, CTRL+F; F3                 search the lines for a text; its next line\n"
	"Mouse\n"
	"  click a row to select it, double click to drill down, click a header to sort\n";

void tui_help_text(struct out *o, const struct view_info *v)
{
	out_printf(o, "%s\n\n", v->name);
	if (v->description && *v->description)
		out_printf(o, "%s\n\n", v->description);
	for (size_t i = 0; i < v->tips.n; i++)
		out_printf(o, "Tip: %s\n", v->tips.v[i]);
	if (v->tips.n)
		out_puts(o, "\n");
	out_puts(o, keys_help);
}
