/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A Falco ruleset in memory: the lists, macros and rules of one or more rules files, in the
 * order of their first definition, as the loader (detect/rules_load.c) reads them from YAML,
 * then expanded and compiled (detect/rules_compile.c): lists substituted into the condition
 * texts, macros expanded on the syntax tree, each rule's condition compiled against the field
 * registry and its output into a template.
 *
 *	struct ruleset rs;
 *	ruleset_init(&rs, RULES_ENGINE_VERSION);
 *	ruleset_load_file(&rs, "rules.yaml");		(each -r, in order; false: rs.diag)
 *	ruleset_compile(&rs, sysdig_field_registry(), PRIO_DEBUG);
 *	rdiag_print(&rs.diag, stderr, ...);
 *	ruleset_free(&rs);
 */
#ifndef SYSRAY_DETECT_RULES_H
#define SYSRAY_DETECT_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "detect/alert.h"
#include "detect/rules_diag.h"
#include "fields/field.h"
#include "filter/filter.h"

/* The engine version sysray reports to required_engine_version: Falco 0.42's (the default
 * ruleset asks for 0.57.0). */
#define RULES_ENGINE_VERSION "0.57.0"

struct rule_list {
	char *name;
	char **items;		/* after substitution of earlier lists named as items */
	size_t nitems;
	struct rules_loc loc;
	bool used;
};

struct rule_macro {
	char *name;
	char *condition;
	struct rules_loc loc;	/* the item */
	struct rules_loc cond_loc;
	bool used;
	struct ast_node *ast;	/* expanded: no macro references left (after compile) */
	bool parsed;
};

/* One value of an exception tuple: a scalar, or a list for in/pmatch/intersects. */
struct exc_value {
	char *text;		/* scalar; NULL for a list */
	char **list;
	size_t nlist;
};

struct rule_exception {
	char *name;
	bool single;		/* `fields: proc.name` (one field, flat values) */
	char **fields, **comps;
	size_t nfields;
	struct exc_value *values;	/* nvalues tuples of width values each */
	size_t nvalues, width;	/* width: 1 when single, else the fields' count */
	struct rules_loc loc;
};

struct rule {
	char *name;
	char *condition, *output, *desc, *source;
	enum rule_priority priority;
	char **tags;		/* sorted, unique */
	size_t ntags;
	bool enabled, warn_evttypes, skip_if_unknown_filter;
	struct rule_exception *exceptions;
	size_t nexceptions;
	struct rules_loc loc;
	struct rules_loc cond_loc;
	/* compiled (ruleset_compile) */
	bool active;		/* enabled, syscall source, priority kept, compiled */
	char *expanded;		/* the condition with lists and exceptions, macros as text */
	struct ast_node *ast;
	struct filter *filter;
	struct template *output_tpl;
	struct filter_evset events;
};

struct ruleset {
	const char *engine_version;
	struct rule_list *lists;
	size_t nlists;
	struct rule_macro *macros;
	size_t nmacros;
	struct rule *rules;
	size_t nrules;
	struct rdiag diag;
	char **files;		/* every file loaded, for messages (locations point into it) */
	size_t nfiles;
};

void ruleset_init(struct ruleset *rs, const char *engine_version);
void ruleset_free(struct ruleset *rs);

/* Loads PATH (a file, or a directory's *.yml and *.yaml in name order) into RS. false on an
 * error, which is in RS->diag; loading stops at the first error of a file. */
bool ruleset_load_path(struct ruleset *rs, const char *path);

/* Loads rules TEXT as if read from file NAME (tests, stdin). */
bool ruleset_load_text(struct ruleset *rs, const char *name, const char *text);

/*
 * Expands and compiles every rule against REG; rules below MIN_PRIORITY, disabled ones and
 * those of other sources stay inactive (disabled rules are still compiled: a bad field is an
 * error). Adds the warnings (unused macros and lists, rules without event type). false on
 * an error, in RS->diag.
 */
bool ruleset_compile(struct ruleset *rs, const struct field_registry *reg,
		     enum rule_priority min_priority);

/* The extra fields Falco >= 0.41 appends to every output, and sysray's ancestry. */
#define RULES_OUTPUT_SUFFIX \
	" container_id=%container.id container_name=%container.name proc_ancestry=%proc.ancestry"

struct rule *ruleset_find_rule(struct ruleset *rs, const char *name);

#endif
