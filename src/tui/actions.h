/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A view's actions (view_info's `actions`): F8 lists them; an action's hotkey runs its
 * command for the selected row, each %FIELD in it replaced by the row's value of FIELD, after
 * a y/n question (asked by the caller) when it asks for confirmation. The command runs on the plain terminal
 * (sh -c); with wait_finish, Enter goes back to the UI.
 */
#ifndef SYSRAY_TUI_ACTIONS_H
#define SYSRAY_TUI_ACTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "chisel/view_info.h"
#include "tui/menu.h"

/* The row's value of FIELD (a field name), or NULL when the row has none. */
typedef const char *(*tui_row_value)(void *opaque, const char *field);

/* The action of V with HOTKEY, or NULL. */
const struct view_action *tui_action_find(const struct view_info *v, int hotkey);

/* F8: a menu of V's actions, in their order ("k: kill the process"); NULL when V has none. */
struct tui_menu *tui_action_menu(const struct view_info *v);

/* A's command for the row VALUE reads, each %FIELD replaced by the row's value (malloc'd);
 * NULL with MSG filled when the row has no such field. */
char *tui_action_command(const struct view_action *a, tui_row_value value, void *opaque,
			 char *msg, size_t msglen);

/* Runs CMD, A's command, on the plain terminal; MSG tells its exit status. */
void tui_action_exec(const struct view_action *a, const char *cmd, char *msg, size_t msglen);

#endif
