/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/rules_diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static const struct {
	const char *name;
	const char *category;
} codes[DIAG_CODE_COUNT] = {
	[LOAD_ERR_FILE_READ] = { "LOAD_ERR_FILE_READ", "Could not read file" },
	[LOAD_ERR_YAML_PARSE] = { "LOAD_ERR_YAML_PARSE", "Invalid yaml" },
	[LOAD_ERR_YAML_VALIDATE] = { "LOAD_ERR_YAML_VALIDATE",
				     "Error validating internal structure of YAML file" },
	[LOAD_ERR_COMPILE_CONDITION] = { "LOAD_ERR_COMPILE_CONDITION",
					 "Error compiling condition" },
	[LOAD_ERR_COMPILE_OUTPUT] = { "LOAD_ERR_COMPILE_OUTPUT", "Error compiling output" },
	[LOAD_ERR_VALIDATE] = { "LOAD_ERR_VALIDATE",
				"Error validating rule/macro/list/exception objects" },
	[LOAD_ERR_EXTENSION] = { "LOAD_ERR_EXTENSION", "Error in extension item" },
	[LOAD_UNKNOWN_SOURCE] = { "LOAD_UNKNOWN_SOURCE", "Unknown source, skipping" },
	[LOAD_UNSAFE_NA_CHECK] = { "LOAD_UNSAFE_NA_CHECK", "Unsafe <NA> comparison in condition" },
	[LOAD_NO_EVTTYPE] = { "LOAD_NO_EVTTYPE", "Condition has no event-type restriction" },
	[LOAD_UNKNOWN_FILTER] = { "LOAD_UNKNOWN_FILTER",
				  "Unknown field or event-type in condition or output" },
	[LOAD_UNUSED_MACRO] = { "LOAD_UNUSED_MACRO", "Unused macro" },
	[LOAD_UNUSED_LIST] = { "LOAD_UNUSED_LIST", "Unused list" },
	[LOAD_UNKNOWN_ITEM] = { "LOAD_UNKNOWN_ITEM", "Unknown rules file item" },
	[LOAD_DEPRECATED_ITEM] = { "LOAD_DEPRECATED_ITEM", "Used deprecated item" },
	[LOAD_WARNING_EXTENSION] = { "LOAD_WARNING_EXTENSION", "Extension item" },
	[LOAD_APPEND_NO_VALUES] = { "LOAD_APPEND_NO_VALUES",
				    "Overriding/appending with no values" },
	[LOAD_EXCEPTION_NAME_NOT_UNIQUE] = { "LOAD_EXCEPTION_NAME_NOT_UNIQUE",
					     "Multiple exceptions defined with the same name" },
	[LOAD_INVALID_MACRO_NAME] = { "LOAD_INVALID_MACRO_NAME", "Invalid macro name" },
	[LOAD_INVALID_LIST_NAME] = { "LOAD_INVALID_LIST_NAME", "Invalid list name" },
	[LOAD_COMPILE_CONDITION] = { "LOAD_COMPILE_CONDITION", "Warning in rule condition" },
	[LOAD_UNKNOWN_KEY] = { "LOAD_UNKNOWN_KEY", "Unknown key" },
};

const char *rdiag_code_name(enum rdiag_code c)
{
	return c < DIAG_CODE_COUNT ? codes[c].name : "?";
}

void rdiag_add(struct rdiag *d, enum rdiag_code code, const char *item, struct rules_loc loc,
	      const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	d->entries = xrealloc(d->entries, (d->n + 1) * sizeof(*d->entries));
	d->entries[d->n++] = (struct rdiag_entry){ .code = code, .item = item ? xstrdup(item) : NULL,
						  .loc = loc, .msg = msg };
	if (rdiag_is_error(code))
		d->nerrors++;
}

void rdiag_free(struct rdiag *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->entries[i].item);
		free(d->entries[i].msg);
	}
	free(d->entries);
	*d = (struct rdiag){ 0 };
}

/* Line LINE of FILE and a caret under column COL, as Falco shows the item it complains of. */
static void print_snippet(FILE *f, const struct rules_loc *loc)
{
	FILE *in = loc->line ? fopen(loc->file, "r") : NULL;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len = -1;

	for (unsigned i = 0; in && i < loc->line; i++)
		if ((len = getline(&line, &cap, in)) < 0)
			break;
	if (in)
		fclose(in);
	if (len > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		fprintf(f, "------\n%s\n%*s^\n------\n", line, (int)(loc->col ? loc->col - 1 : 0), "");
	}
	free(line);
}

static void print_entry(FILE *f, const struct rdiag_entry *e)
{
	fprintf(f, "In rules content or file '%s': (%s:0:0)\n", e->loc.file, e->loc.file);
	if (e->item || e->loc.line)
		fprintf(f, "    %s%s(%s:%u:%u)\n", e->item ? e->item : "", e->item ? ": " : "",
			e->loc.file, e->loc.line, e->loc.col);
	print_snippet(f, &e->loc);
	fprintf(f, "%s (%s): %s\n", codes[e->code].name, codes[e->code].category, e->msg);
}

static bool in_file(const struct rdiag_entry *e, const char *file)
{
	return !strcmp(e->loc.file, file);
}

size_t rdiag_errors_in(const struct rdiag *d, const char *file)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++)
		n += in_file(&d->entries[i], file) && rdiag_is_error(d->entries[i].code);
	return n;
}

void rdiag_print(const struct rdiag *d, const char *file, bool warnings, FILE *f)
{
	size_t nerr = 0, nwarn = 0;

	for (size_t i = 0; i < d->n; i++) {
		if (!in_file(&d->entries[i], file))
			continue;
		if (rdiag_is_error(d->entries[i].code))
			nerr++;
		else
			nwarn++;
	}
	if (!nerr) {
		fprintf(f, "%s: Ok%s\n", file, nwarn && warnings ? ", with warnings" : "");
		if (!nwarn || !warnings)
			return;
	} else {
		fprintf(f, "%s: Invalid\n", file);
		fprintf(f, "%zu Errors:\n", nerr);
		for (size_t i = 0; i < d->n; i++)
			if (in_file(&d->entries[i], file) && rdiag_is_error(d->entries[i].code))
				print_entry(f, &d->entries[i]);
		if (!nwarn || !warnings)
			return;
	}
	fprintf(f, "%zu Warnings:\n", nwarn);
	for (size_t i = 0; i < d->n; i++)
		if (in_file(&d->entries[i], file) && !rdiag_is_error(d->entries[i].code))
			print_entry(f, &d->entries[i]);
}
