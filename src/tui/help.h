/* SPDX-License-Identifier: Apache-2.0 */
/* F7: the help of the view shown (its description and tips) and of the keys. */
#ifndef SYSRAY_TUI_HELP_H
#define SYSRAY_TUI_HELP_H

#include "chisel/view_info.h"
#include "output/out.h"

/* V's help and the keys' as lines of text, appended to O (not terminated). */
void tui_help_text(struct out *o, const struct view_info *v);

#endif
