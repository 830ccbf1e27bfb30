/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A view's actions (view_info's `actions`): F8 lists them; an action's hotkey runs its
 * command for the selected row, each %FIELD in it replaced by the row's value of FIELD, after
 * a y/n question when it asks for confirmation. The command runs on the plain terminal
 * (sh -c); with wait_finish, Enter goes back to the UI.
 */
#ifndef SYSRAY_TUI_ACTIONS_H
#define SYSRAY_TUI_ACTIONS_H

#include <stdbool.h>

#include "chisel/view_info.h"

/* The row's value of FIELD (a field name), or NULL when the row has none. */
typedef const char *(*tui_row_value)(void *opaque, const char *field);

/* The action of V with HOTKEY, or NULL. */
const struct view_action *tui_action_find(const struct view_info *v, int hotkey);

/* F8: a menu of V's actions; the one chosen, or NULL. */
const struct view_action *tui_action_pick(const struct view_info *v);

/* Runs A for the row VALUE reads; false with MSG filled when it did not run. */
bool tui_action_run(const struct view_action *a, tui_row_value value, void *opaque,
		    char *msg, size_t msglen);

#endif
