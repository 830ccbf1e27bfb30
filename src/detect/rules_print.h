/* SPDX-License-Identifier: Apache-2.0 */
/* What `sysray detect -L` and `-l RULE` print of a loaded ruleset, as Falco prints it. */
#ifndef SYSRAY_DETECT_RULES_PRINT_H
#define SYSRAY_DETECT_RULES_PRINT_H

#include <stdbool.h>
#include <stdio.h>

#include "detect/rules.h"
#include "filter/ast.h"
#include "output/out.h"

/* -L: the rules and their descriptions in two columns; with JSON, an object with the rules
 * (each with its expanded condition), macros and lists. */
void rules_print_list(const struct ruleset *rs, bool json, FILE *f);

/* -l RULE: the rule's name and description; false (after Falco's message on stderr) when no
 * rule has that name. */
bool rules_print_one(struct ruleset *rs, const char *name, FILE *f);

/* A tree as condition text sysdig's filter language reads back (macros expanded). */
void ast_print(const struct ast_node *n, struct out *o);

#endif
