/* SPDX-License-Identifier: Apache-2.0 */
#include "pipeline/printer.h"

#include <stdio.h>

#include "capture/event_table.h"
#include "output/out.h"

static int print_event(void *opaque, struct pipeline *pl, const struct scap_event *ev)
{
	struct printer *p = opaque;

	if (scap_event_is_internal_029(ev->type))
		return 0;
	p->env.first_ts = pl->ctx->first_ts;
	p->env.latency = pl->st->cur.latency;
	if (template_render(p->tpl, ev, pl->ctx, &p->env, p->json, &p->line)) {
		out_putc(&p->line, '\n');
		fwrite(p->line.buf, 1, p->line.len, stdout);
		if (p->unbuffered)
			fflush(stdout);
	}
	p->env.prev_ts = ev->ts;
	return 0;
}

static int printer_end(void *opaque, struct pipeline *pl)
{
	struct printer *p = opaque;

	fflush(stdout);
	out_free(&p->line);
	return 0;
}

void printer_add(struct printer *p, struct pipeline *pl, const struct filter *flt)
{
	static char obuf[1 << 20];

	if (!p->unbuffered)
		setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	pipeline_add(pl, &(struct consumer){ .name = "printer", .filter = flt,
					     .on_event = print_event, .on_end = printer_end,
					     .opaque = p });
}
