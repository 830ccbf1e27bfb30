/* SPDX-License-Identifier: Apache-2.0 */
/* The views' actions (actions.h). */
#include "tui/actions.h"

#include <ctype.h>
#include <ncurses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "output/out.h"
#include "tui/menu.h"
#include "util/util.h"

const struct view_action *tui_action_find(const struct view_info *v, int hotkey)
{
	for (size_t i = 0; i < v->nactions; i++)
		if (v->actions[i].hotkey == hotkey)
			return &v->actions[i];
	return NULL;
}

struct tui_menu *tui_action_menu(const struct view_info *v)
{
	if (!v->nactions)
		return NULL;
	char **items = xcalloc(v->nactions + 1, sizeof(*items));

	for (size_t i = 0; i < v->nactions; i++) {
		struct out o = { 0 };

		out_printf(&o, "%c: %s", v->actions[i].hotkey,
			   v->actions[i].description ? v->actions[i].description :
						       v->actions[i].command);
		out_putc(&o, 0);
		items[i] = o.buf;
	}
	struct tui_menu *m = tui_menu_open("Actions", (const char *const *)items, v->nactions, 0);

	for (size_t i = 0; i < v->nactions; i++)
		free(items[i]);
	free(items);
	return m;
}

static bool field_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '_';
}

char *tui_action_command(const struct view_action *a, tui_row_value value, void *opaque,
			 char *msg, size_t msglen)
{
	struct out cmd = { 0 };

	for (const char *p = a->command; *p; p++) {
		if (*p != '%' || !field_char(p[1])) {
			out_putc(&cmd, *p);
			continue;
		}
		const char *end = p + 1;

		while (field_char(*end))
			end++;
		char field[128];

		snprintf(field, sizeof(field), "%.*s", (int)(end - p - 1), p + 1);
		const char *v = value(opaque, field);

		if (!v) {
			snprintf(msg, msglen, "action %c: the row has no %s", a->hotkey, field);
			out_free(&cmd);
			return NULL;
		}
		out_puts(&cmd, v);
		p = end - 1;
	}
	out_putc(&cmd, 0);
	return cmd.buf;
}

void tui_action_exec(const struct view_action *a, const char *cmd, char *msg, size_t msglen)
{
	def_prog_mode();
	endwin();
	printf("%s\n", cmd);
	fflush(stdout);
	int rc = system(cmd);

	if (a->wait_finish) {
		printf("\n[exit status %d; press Enter to go back]", WEXITSTATUS(rc));
		fflush(stdout);
		for (int c = getchar(); c != EOF && c != '\n'; c = getchar())
			;
	}
	reset_prog_mode();
	refresh();
	snprintf(msg, msglen, "ran '%s': exit status %d", cmd, WEXITSTATUS(rc));
}
