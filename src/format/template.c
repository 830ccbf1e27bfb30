/* SPDX-License-Identifier: Apache-2.0 */
#include "format/template.h"

#include <ctype.h>
#include <inttypes.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture/scap_event.h"
#include "fields/field_text.h"
#include "util/util.h"

struct token {
	char *text;			/* literal text before the field, or NULL */
	struct field_ref ref;		/* ref.field NULL for evt.outputtime or trailing text */
	bool outputtime;
	char *key;			/* the name as written: the JSON key */
};

struct template {
	bool always;	/* leading '*' */
	struct token *toks;
	size_t n;
};

static char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

static bool field_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '_';
}

struct template *template_compile(const char *text, const struct field_registry *reg,
				  char *err, size_t errlen)
{
	struct template *t = xcalloc(1, sizeof(*t));
	const char *p = text;
	if (*p == '*') {
		t->always = true;
		p++;
	}
	struct out lit = { 0 };
	while (*p) {
		if (*p != '%') {
			out_putc(&lit, *p++);
			continue;
		}
		const char *start = ++p;
		while (field_char(*p))
			p++;
		size_t len = (size_t)(p - start);
		/* a trailing '.' belongs to the text */
		while (len && start[len - 1] == '.') {
			len--;
			p--;
		}
		/* %proc.aname[2]: the brackets belong to the name of a field that takes them */
		const char *close = *p == '[' ? strchr(p, ']') : NULL;
		char *name = xstrndup(start, len);
		const struct field_desc *fd = field_registry_find(reg, name);

		if (close && fd && (fd->arg_flags & (FA_INDEX | FA_KEY))) {
			free(name);
			name = xstrndup(start, (size_t)(close + 1 - start));
			p = close + 1;
		}
		struct token tok = { .key = xstrdup(name) };
		struct field_error ferr;

		if (!strcmp(name, "evt.outputtime")) {
			tok.outputtime = true;
		} else if (!field_resolve(reg, name, &tok.ref, &ferr)) {
			snprintf(err, errlen, "invalid formatting token %s", start);
			free(name);
			free(tok.key);
			out_free(&lit);
			template_free(t);
			return NULL;
		}
		free(name);
		out_putc(&lit, 0);
		tok.text = xstrdup(lit.buf);
		lit.len = 0;
		t->toks = xrealloc(t->toks, (t->n + 1) * sizeof(*t->toks));
		t->toks[t->n++] = tok;
	}
	if (lit.len) {
		out_putc(&lit, 0);
		t->toks = xrealloc(t->toks, (t->n + 1) * sizeof(*t->toks));
		memset(&t->toks[t->n], 0, sizeof(t->toks[t->n]));
		t->toks[t->n++].text = xstrdup(lit.buf);
	}
	out_free(&lit);
	return t;
}

void template_free(struct template *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free(t->toks[i].text);
		field_ref_free(&t->toks[i].ref);
		free(t->toks[i].key);
	}
	free(t->toks);
	free(t);
}

static json_object *value_json(const struct field_value *v, enum buf_format bf, struct out *tmp)
{
	switch (v->type) {
	case FT_INT16:
	case FT_INT32:
	case FT_INT64:
		return json_object_new_int64(v->i);
	case FT_UINT32:
	case FT_UINT64:
	case FT_ABSTIME:
	case FT_RELTIME:
	case FT_PORT:
		return json_object_new_uint64(v->u);
	case FT_BOOL:
		return json_object_new_boolean(v->b);
	default:
		tmp->len = 0;
		field_value_text(v, bf, tmp);
		return json_object_new_string_len(tmp->buf ? tmp->buf : "", (int)tmp->len);
	}
}

static void output_time(const struct scap_event *ev, const struct template_env *env,
			struct out *o)
{
	uint64_t ts = ev->ts;
	switch (env->time_mode) {
	case TIME_ABS:
		out_printf(o, "%" PRIu64 ".%09" PRIu64, ts / (uint64_t)1000000000, ts % (uint64_t)1000000000);
		return;
	case TIME_REL:
	case TIME_DELTA:
	case TIME_LATENCY: {
		uint64_t d;

		if (env->time_mode == TIME_LATENCY)
			d = env->latency;
		else if (env->time_mode == TIME_REL)
			d = ts >= env->first_ts ? ts - env->first_ts : 0;
		else
			d = env->prev_ts && ts >= env->prev_ts ? ts - env->prev_ts : 0;
		out_printf(o, "%" PRIu64 ".%09" PRIu64, d / (uint64_t)1000000000, d % (uint64_t)1000000000);
		return;
	}
	default:
		out_puts(o, local_clock((time_t)(ts / (uint64_t)1000000000), false));
		out_putc(o, '.');
		out_put_udec(o, ts % (uint64_t)1000000000, 9);
	}
}

struct json_object *json_sorted_members(struct json_object *obj)
{
	json_object *sorted = json_object_new_object();
	size_t n = (size_t)json_object_object_length(obj), k = 0;
	const char **keys = xcalloc(n ? n : 1, sizeof(*keys));

	json_object_object_foreach(obj, key, val) {
		(void)val;
		keys[k++] = key;
	}
	for (size_t a = 1; a < k; a++)
		for (size_t b = a; b > 0 && strcmp(keys[b - 1], keys[b]) > 0; b--) {
			const char *x = keys[b];
			keys[b] = keys[b - 1];
			keys[b - 1] = x;
		}
	for (size_t a = 0; a < k; a++)
		json_object_object_add(sorted, keys[a],
				       json_object_get(json_object_object_get(obj, keys[a])));
	free(keys);
	json_object_put(obj);
	return sorted;
}

bool template_render(const struct template *t, const void *event, void *ctx,
		     const struct template_env *env, bool json, struct out *o)
{
	struct field_value vals[FIELD_MAX_VALUES];
	const struct scap_event *ev = event;
	json_object *obj = json ? json_object_new_object() : NULL;
	struct out tmp = { 0 };
	bool ok = true;

	o->len = 0;
	for (size_t i = 0; i < t->n; i++) {
		const struct token *tok = &t->toks[i];
		if (tok->text && !json)
			out_puts(o, tok->text);
		if (tok->outputtime) {
			if (json)
				json_object_object_add(obj, "evt.outputtime",
						       json_object_new_uint64(ev->ts));
			else
				output_time(ev, env, o);
			continue;
		}
		if (!tok->ref.field)
			continue;
		size_t n = field_extract(&tok->ref, event, ctx, vals);
		if (!n) {
			if (!t->always) {
				ok = false;
				break;
			}
			/* sysdig 0.29: a field without a value is null in JSON, "<NA>" in text */
			if (json)
				json_object_object_add(obj, tok->key, NULL);
			else
				out_puts(o, "<NA>");
			continue;
		}
		if (json)
			json_object_object_add(obj, tok->key, value_json(&vals[0], env->bf, &tmp));
		else
			field_ref_text(&tok->ref, &vals[0], env->bf, o);
	}
	if (json && ok) {
		/* sysdig's JSON objects list their keys in name order */
		obj = json_sorted_members(obj);
		out_puts(o, json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN |
								     JSON_C_TO_STRING_NOSLASHESCAPE));
	}
	if (obj)
		json_object_put(obj);
	out_free(&tmp);
	return ok;
}

void template_fields_json(const struct template *t, const void *event, void *ctx,
			  enum buf_format bf, struct json_object *obj)
{
	struct field_value vals[FIELD_MAX_VALUES];
	struct out tmp = { 0 };

	for (size_t i = 0; i < t->n; i++) {
		const struct token *tok = &t->toks[i];

		if (!tok->ref.field)
			continue;
		size_t n = field_extract(&tok->ref, event, ctx, vals);
		json_object_object_add(obj, tok->key, n ? value_json(&vals[0], bf, &tmp) : NULL);
	}
	out_free(&tmp);
}
