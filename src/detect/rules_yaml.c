/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/rules_yaml.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/util.h"

struct rules_loc yaml_loc(const struct yitem *it, const yaml_node_t *n)
{
	if (!n)
		n = it->node;
	/* libyaml's marks count from 0 */
	return (struct rules_loc){ it->file, (unsigned)n->start_mark.line + 1,
				  (unsigned)n->start_mark.column + 1 };
}

void yitem_diag(struct yitem *it, enum rdiag_code code, const yaml_node_t *n, const char *fmt,
		...)
{
	va_list ap;
	char *m;

	va_start(ap, fmt);
	if (vasprintf(&m, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	rdiag_add(&it->rs->diag, code, it->what, yaml_loc(it, n), "%s", m);
	free(m);
	if (rdiag_is_error(code))
		it->failed = true;
}

yaml_node_t *yitem_get(struct yitem *it, const char *key)
{
	for (yaml_node_pair_t *p = it->node->data.mapping.pairs.start;
	     p < it->node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(it->doc, p->key);

		if (k && k->type == YAML_SCALAR_NODE && !strcmp((char *)k->data.scalar.value, key))
			return yaml_document_get_node(it->doc, p->value);
	}
	return NULL;
}

const char *yaml_scalar(struct yitem *it, yaml_node_t *n)
{
	if (n->type != YAML_SCALAR_NODE) {
		yitem_diag(it, LOAD_ERR_YAML_VALIDATE, n, "Value is not a scalar value");
		return NULL;
	}
	return (const char *)n->data.scalar.value;
}

const char *yitem_scalar(struct yitem *it, const char *key, bool required)
{
	yaml_node_t *n = yitem_get(it, key);

	if (!n) {
		if (required)
			yitem_diag(it, LOAD_ERR_YAML_VALIDATE, NULL,
				   "Item has no mapping for key '%s'", key);
		return NULL;
	}
	const char *s = yaml_scalar(it, n);
	if (s && required && !*s) {
		yitem_diag(it, LOAD_ERR_YAML_VALIDATE, n, "Mapping for key '%s' is empty", key);
		return NULL;
	}
	return s;
}

bool yitem_bool(struct yitem *it, const char *key, bool *out)
{
	yaml_node_t *n = yitem_get(it, key);
	const char *s;

	if (!n)
		return true;
	if (!(s = yaml_scalar(it, n)))
		return false;
	static const char *const yes[] = { "true", "yes", "on" }, *const no[] = { "false", "no", "off" };
	for (size_t i = 0; i < ARRAY_SIZE(yes); i++) {
		if (!strcasecmp(s, yes[i])) {
			*out = true;
			return true;
		}
		if (!strcasecmp(s, no[i])) {
			*out = false;
			return true;
		}
	}
	yitem_diag(it, LOAD_ERR_YAML_VALIDATE, n, "Can't decode YAML scalar value '%s' for key "
		   "'%s' as a boolean", s, key);
	return false;
}

bool yaml_strings(struct yitem *it, yaml_node_t *n, char ***out, size_t *nout)
{
	if (n->type != YAML_SEQUENCE_NODE) {
		yitem_diag(it, LOAD_ERR_YAML_VALIDATE, n, "Value is not a sequence");
		return false;
	}
	size_t cap = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	char **v = xcalloc(cap ? cap : 1, sizeof(*v));
	size_t k = 0;

	for (yaml_node_item_t *i = n->data.sequence.items.start; i < n->data.sequence.items.top;
	     i++) {
		const char *s = yaml_scalar(it, yaml_document_get_node(it->doc, *i));

		if (!s) {
			strv_free(v, k);
			return false;
		}
		v[k++] = xstrdup(s);
	}
	*out = v;
	*nout = k;
	return true;
}

void yitem_unknown_keys(struct yitem *it, const char *const *keys)
{
	for (yaml_node_pair_t *p = it->node->data.mapping.pairs.start;
	     p < it->node->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(it->doc, p->key);
		const char *name = k && k->type == YAML_SCALAR_NODE ? (char *)k->data.scalar.value
								    : "";
		size_t i = 0;

		while (keys[i] && strcmp(keys[i], name))
			i++;
		if (!keys[i])
			yitem_diag(it, LOAD_UNKNOWN_KEY, k, "Unknown key '%s'. The key will be ignored.",
				   name);
	}
}

void strv_free(char **v, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

void asprintf_or_die(char **out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(out, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
}
