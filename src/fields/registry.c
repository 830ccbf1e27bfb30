/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Finding fields by name: exact lookup, the closest name for a typo, the argument forms
 * (.NAME, [N], [KEY]).
 */
#include "fields/field.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/edit_distance.h"
#include "util/util.h"

const struct field_desc *field_registry_find(const struct field_registry *reg, const char *name)
{
	for (size_t c = 0; c < reg->nclasses; c++) {
		const struct field_class *fc = reg->classes[c];

		for (size_t i = 0; i < fc->nfields; i++)
			if (strcmp(fc->fields[i].name, name) == 0)
				return &fc->fields[i];
	}
	return NULL;
}

const char *field_registry_suggest(const struct field_registry *reg, const char *name)
{
	const char *best = NULL;
	size_t best_d = EDIT_DISTANCE_FAR;

	for (size_t c = 0; c < reg->nclasses; c++) {
		const struct field_class *fc = reg->classes[c];

		for (size_t i = 0; i < fc->nfields; i++) {
			size_t d = edit_distance(name, fc->fields[i].name);
			if (d < best_d) {
				best_d = d;
				best = fc->fields[i].name;
			}
		}
	}
	return edit_distance_near(name, best_d) ? best : NULL;
}

static bool fail(struct field_error *err, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail(struct field_error *err, size_t pos, const char *fmt, ...)
{
	va_list ap;

	err->pos = pos;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return false;
}

static bool unknown_field(const struct field_registry *reg, const char *name,
			  struct field_error *err)
{
	const char *near = field_registry_suggest(reg, name);

	if (near)
		return fail(err, 0, "unknown field '%s' (did you mean '%s'?)", name, near);
	return fail(err, 0, "unknown field '%s'", name);
}

static bool is_index(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* "evt.arg.NAME or evt.arg[N]": how F's argument is written. */
static const char *arg_syntax(const struct field_desc *f, char *buf, size_t size)
{
	bool index = f->arg_flags & FA_INDEX, key = f->arg_flags & FA_KEY;
	const char *dot = (f->arg_flags & FA_DOT) ? ".NAME" : "";
	const char *br = index ? (key ? "[N or NAME]" : "[N]") : key ? "[NAME]" : "";

	if (*dot && *br)
		snprintf(buf, size, "%s%s or %s%s", f->name, dot, f->name, br);
	else
		snprintf(buf, size, "%s%s%s", f->name, dot, br);
	return buf;
}

/* "proc.aname[2]", "container.mount[/usr]": TEXT's '[' at BR, its ']' last. */
static bool resolve_bracket(const struct field_registry *reg, const char *text, const char *br,
			    struct field_ref *ref, struct field_error *err)
{
	char *base = strndup(text, (size_t)(br - text));
	const struct field_desc *f = field_registry_find(reg, base);
	char syntax[128];

	if (!f) {
		unknown_field(reg, base, err);
		free(base);
		return false;
	}
	free(base);
	if (!(f->arg_flags & (FA_INDEX | FA_KEY)))
		return fail(err, (size_t)(br - text), "field '%s' takes no [argument]", f->name);
	char *arg = strndup(br + 1, strlen(br + 1) - 1);
	if (is_index(arg) && (f->arg_flags & FA_INDEX)) {
		ref->arg.is_index = true;
		ref->arg.index = strtoll(arg, NULL, 10);
		free(arg);
	} else if ((f->arg_flags & FA_KEY) && *arg) {
		ref->arg.name = arg;
	} else {
		fail(err, (size_t)(br - text) + 1, "'%s' is not a valid argument: write %s", arg,
		     arg_syntax(f, syntax, sizeof(syntax)));
		free(arg);
		return false;
	}
	ref->arg.present = true;
	ref->field = f;
	return true;
}

static bool resolve(const struct field_registry *reg, const char *text, struct field_ref *ref,
		    struct field_error *err);

bool field_resolve(const struct field_registry *reg, const char *text, struct field_ref *ref,
		   struct field_error *err)
{
	if (!resolve(reg, text, ref, err))
		return false;
	if (ref->field->memo)
		ref->memo = xcalloc(1, sizeof(*ref->memo));
	return true;
}

static bool resolve(const struct field_registry *reg, const char *text, struct field_ref *ref,
		    struct field_error *err)
{
	char syntax[128];

	memset(ref, 0, sizeof(*ref));
	const char *br = strchr(text, '[');
	if (br)
		return resolve_bracket(reg, text, br, ref, err);
	const struct field_desc *f = field_registry_find(reg, text);
	if (f) {
		if (f->arg_flags & FA_REQUIRED)
			return fail(err, strlen(text), "field '%s' needs an argument: write %s",
				    f->name, arg_syntax(f, syntax, sizeof(syntax)));
		ref->field = f;
		return true;
	}
	/* The longest registered prefix that takes .NAME: evt.type.is.open. */
	for (size_t k = strlen(text); k-- > 1;) {
		if (text[k] != '.')
			continue;
		char *base = strndup(text, k);
		f = field_registry_find(reg, base);
		free(base);
		if (!f || !(f->arg_flags & FA_DOT))
			continue;
		if (!text[k + 1])
			return fail(err, k + 1, "missing argument name after '%.*s.'", (int)k,
				    text);
		ref->field = f;
		ref->arg.present = true;
		ref->arg.name = xstrdup(text + k + 1);
		return true;
	}
	return unknown_field(reg, text, err);
}

void field_ref_free(struct field_ref *ref)
{
	free((char *)ref->arg.name);
	if (ref->memo)
		free(ref->memo->slots);
	free(ref->memo);
	memset(ref, 0, sizeof(*ref));
}

static size_t memo_slot(const struct field_memo *m, uint8_t kind, int64_t key)
{
	uint64_t h = ((uint64_t)key * 31 + kind) * 0x9E3779B97F4A7C15ull;
	size_t i = (size_t)(h >> 32) & (m->cap - 1);

	while (m->slots[i].used && (m->slots[i].kind != kind || m->slots[i].key != key))
		i = (i + 1) & (m->cap - 1);
	return i;
}

uint64_t *field_memo_value(struct field_memo *m, uint8_t kind, int64_t key)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct field_memo old = *m;

		m->cap = m->cap ? m->cap * 2 : 64;
		m->slots = xcalloc(m->cap, sizeof(*m->slots));
		for (size_t i = 0; i < old.cap; i++)
			if (old.slots[i].used)
				m->slots[memo_slot(m, old.slots[i].kind, old.slots[i].key)] =
					old.slots[i];
		free(old.slots);
	}
	struct field_memo_slot *s = &m->slots[memo_slot(m, kind, key)];

	if (!s->used) {
		*s = (struct field_memo_slot){ .used = true, .kind = kind, .key = key };
		m->n++;
	}
	return &s->val;
}

const char *field_type_name(enum field_type t)
{
	static const char *const names[] = {
		[FT_INT16] = "INT16",	  [FT_INT32] = "INT32",	    [FT_INT64] = "INT64",
		[FT_UINT32] = "UINT32",	  [FT_UINT64] = "UINT64",   [FT_BOOL] = "BOOL",
		[FT_CHARBUF] = "CHARBUF", [FT_BYTEBUF] = "BYTEBUF", [FT_ABSTIME] = "ABSTIME",
		[FT_RELTIME] = "RELTIME", [FT_IPADDR] = "IPADDR",   [FT_IPNET] = "IPNET",
		[FT_PORT] = "PORT",	  [FT_DOUBLE] = "DOUBLE",   [FT_DYNAMIC] = "DYNAMIC",
	};
	return (unsigned)t < ARRAY_SIZE(names) && names[t] ? names[t] : "?";
}
