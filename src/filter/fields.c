#include "filter/fields.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void field_registry_add(struct field_registry *reg, const struct field_desc *table, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t j;
		for (j = 0; j < reg->n; j++)
			if (strcmp(reg->fields[j]->name, table[i].name) == 0)
				break;
		if (j == reg->n) {
			if (reg->n == reg->cap) {
				reg->cap = reg->cap ? reg->cap * 2 : 64;
				reg->fields = xrealloc(reg->fields, reg->cap * sizeof(*reg->fields));
			}
			reg->n++;
		}
		reg->fields[j] = &table[i];
	}
}

void field_registry_free(struct field_registry *reg)
{
	free(reg->fields);
	reg->fields = NULL;
	reg->n = reg->cap = 0;
}

const struct field_desc *field_registry_find(const struct field_registry *reg, const char *name)
{
	for (size_t i = 0; i < reg->n; i++)
		if (strcmp(reg->fields[i]->name, name) == 0)
			return reg->fields[i];
	return NULL;
}

/* Levenshtein distance, bounded: names are short. */
static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t row[64];

	if (la >= ARRAY_SIZE(row) || lb >= ARRAY_SIZE(row))
		return (size_t)-1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (up + 1 < best)
				best = up + 1;
			diag = up;
			row[j] = best;
		}
	}
	return row[lb];
}

const char *field_registry_suggest(const struct field_registry *reg, const char *name)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	size_t limit = strlen(name) / 3 + 1;

	for (size_t i = 0; i < reg->n; i++) {
		size_t d = edit_distance(name, reg->fields[i]->name);
		if (d < best_d) {
			best_d = d;
			best = reg->fields[i]->name;
		}
	}
	if (limit > 3)
		limit = 3;
	return best_d <= limit ? best : NULL;
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
