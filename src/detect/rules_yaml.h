/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Inside the loader: one YAML document of a rules file (libyaml's node tree, which keeps each
 * node's line and column) and the checks every item makes of its keys and values, each
 * failure one Falco message naming the item.
 */
#ifndef SYSRAY_DETECT_RULES_YAML_H
#define SYSRAY_DETECT_RULES_YAML_H

#include <stdbool.h>
#include <yaml.h>

#include "detect/rules.h"

struct yitem {
	struct ruleset *rs;
	yaml_document_t *doc;
	const char *file;
	yaml_node_t *node;	/* the item's mapping */
	char *what;		/* "rule 'X'": names the item in messages */
	bool failed;
};

struct rules_loc yaml_loc(const struct yitem *it, const yaml_node_t *n);

/* An error or warning about IT, located at N (NULL: the item). */
void yitem_diag(struct yitem *it, enum rdiag_code code, const yaml_node_t *n, const char *fmt,
		...) __attribute__((format(printf, 4, 5)));

/* The value of KEY in the item, or NULL. */
yaml_node_t *yitem_get(struct yitem *it, const char *key);

/* The scalar text of KEY: NULL when absent (an error "Item has no mapping for key" when
 * REQUIRED), an error when not a scalar or (REQUIRED) empty. *BAD tells errors apart. */
const char *yitem_scalar(struct yitem *it, const char *key, bool required);

/* A scalar's text, or NULL (with an error) when N is not one. */
const char *yaml_scalar(struct yitem *it, yaml_node_t *n);

/* KEY as a boolean into *OUT (untouched when absent); false on a bad value (error given). */
bool yitem_bool(struct yitem *it, const char *key, bool *out);

/* A sequence of scalars into a new array (*N items); false with an error otherwise. */
bool yaml_strings(struct yitem *it, yaml_node_t *n, char ***out, size_t *nout);

/* Warns of each key of the item not in KEYS (NULL-terminated). */
void yitem_unknown_keys(struct yitem *it, const char *const *keys);

void strv_free(char **v, size_t n);

/* asprintf() into *OUT, dying when out of memory. */
void asprintf_or_die(char **out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
