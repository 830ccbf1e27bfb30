/* SPDX-License-Identifier: Apache-2.0 */
/* `sysray -l`: a registry's classes and fields laid out as `sysdig -l` prints them. */
#include "fields/field.h"

#include <string.h>

/* sysdig's layout: the text starts at column 30 and wraps at column 120, each word followed
 * by a space. */
#define LIST_INDENT 30
#define LIST_WIDTH 120

static void list_wrap(const char *text, FILE *f)
{
	unsigned len = 0;

	while (*text) {
		text += strspn(text, " \t\n");
		size_t w = strcspn(text, " \t\n");

		if (!w)
			break;
		if (len + w + 1 <= LIST_WIDTH - LIST_INDENT) {
			len += (unsigned)w + 1;
		} else {
			fprintf(f, "\n%*s", LIST_INDENT, "");
			len = (unsigned)w + 1;
		}
		fprintf(f, "%.*s ", (int)w, text);
		text += w;
	}
}

static void list_field(const struct field_desc *fd, bool verbose, FILE *f)
{
	char desc[1024];

	if (strlen(fd->name) > LIST_INDENT)
		fprintf(f, "%s\n%*s", fd->name, LIST_INDENT, "");
	else
		fprintf(f, "%-*s", LIST_INDENT, fd->name);
	snprintf(desc, sizeof(desc), "%s%s%s%s", verbose ? "(Type: " : "",
		 verbose ? field_type_name(fd->type) : "", verbose ? ") " : "",
		 fd->filter_only ? "(FILTER ONLY) " : "");
	snprintf(desc + strlen(desc), sizeof(desc) - strlen(desc), "%s", fd->desc);
	list_wrap(desc, f);
	fputc('\n', f);
}

void field_registry_print(const struct field_registry *reg, bool verbose, bool with_falco,
			  FILE *f)
{
	for (size_t c = 0; c < reg->nclasses; c++) {
		const struct field_class *fc = reg->classes[c];

		fprintf(f, "%s-------------------------------\n%-*s%s", c ? "\n" : "", LIST_INDENT,
			"Field Class:", fc->name);
		if (fc->shortdesc)
			fprintf(f, " (%s)", fc->shortdesc);
		fprintf(f, "\n%-*s", LIST_INDENT, "Description:");
		list_wrap(fc->desc, f);
		fprintf(f, "\n\n");
		for (size_t i = 0; i < fc->nfields; i++)
			if (!fc->fields[i].table_only && (with_falco || !fc->fields[i].falco))
				list_field(&fc->fields[i], verbose, f);
	}
	fputc('\n', f);
}
