/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The printer consumer: each event its filter accepts, as sysdig's default line, a -p
 * template or a -j JSON object, one per line on stdout.
 */
#ifndef SYSRAY_PIPELINE_PRINTER_H
#define SYSRAY_PIPELINE_PRINTER_H

#include <stdbool.h>

#include "format/template.h"
#include "output/out.h"
#include "pipeline/pipeline.h"

struct printer {
	const struct template *tpl;
	struct template_env env;	/* time mode and buffer format set by the caller */
	bool json;
	bool unbuffered;		/* flush every line */
	struct out line;
};

/* Makes stdout fully buffered in large blocks (unless P->unbuffered) and appends P to PL
 * behind FLT. */
void printer_add(struct printer *p, struct pipeline *pl, const struct filter *flt);

#endif
