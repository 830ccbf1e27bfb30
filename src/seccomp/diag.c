/* SPDX-License-Identifier: Apache-2.0 */
#include "seccomp/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/util.h"

void diag_add(struct diags *d, enum diag_level level, const char *where, const char *fmt, ...)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xrealloc(d->v, (size_t)d->cap * sizeof(*d->v));
	}
	struct diag *g = &d->v[d->n++];
	g->level = level;
	g->where = xstrdup(where ? where : "");
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&g->text, fmt, ap) < 0)
		g->text = xstrdup("(out of memory)");
	va_end(ap);
	if (level == DIAG_ERROR)
		d->errors++;
	else if (level == DIAG_WARNING)
		d->warnings++;
}

static const char *const level_names[] = { "note", "warning", "error" };

void diags_print(const struct diags *d, FILE *f, int min_level)
{
	for (int i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		if ((int)g->level < min_level)
			continue;
		fprintf(f, "%s: ", d->file ? d->file : "-");
		if (g->where[0])
			fprintf(f, "%s: ", g->where);
		fprintf(f, "%s: %s\n", level_names[g->level], g->text);
	}
}

void diags_free(struct diags *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->v[i].where);
		free(d->v[i].text);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->cap = d->errors = d->warnings = 0;
}
