/* SPDX-License-Identifier: Apache-2.0 */
/* Inside the loader: what rules_load.c (files, lists, macros) and rules_rule.c (rules)
 * share. */
#ifndef SYSRAY_DETECT_RULES_LOAD_H
#define SYSRAY_DETECT_RULES_LOAD_H

#include "detect/rules.h"
#include "detect/rules_yaml.h"

/* A rule item: a definition, a redefinition, an append or override, or an enabled toggle. */
void rule_item(struct yitem *it);
void rule_free(struct rule *r);
void exception_clear(struct rule_exception *e);
void exceptions_free(struct rule_exception *e, size_t n);

struct rule_list *ruleset_find_list(struct ruleset *rs, const char *name);
struct rule_macro *ruleset_find_macro(struct ruleset *rs, const char *name);

#endif
