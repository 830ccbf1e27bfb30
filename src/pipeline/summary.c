/* SPDX-License-Identifier: Apache-2.0 */
#include "pipeline/summary.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "capture/ppm_sc.h"
#include "util/util.h"

static int count_event(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	struct summary *s = opaque;
	uint64_t id;

	if (scap_event_is_generic(ev->type) && ev->nparams && scap_param_u64(&ev->params[0], &id) &&
	    id < SUMMARY_SC_LIMIT)
		s->count[SCAP_EVENT_MAX + id * 2 + ev->type]++;
	else if (ev->type < SCAP_EVENT_MAX)
		s->count[ev->type]++;
	return 0;
}

void summary_add(struct summary *s, struct pipeline *p, const struct filter *flt)
{
	pipeline_add(p, &(struct consumer){ .name = "summary", .filter = flt,
					    .on_event = count_event, .opaque = s });
}

/*
 * Equal counts keep the order of the event table (sysdig's order among them is that of its
 * unstable sort).
 */
void summary_print(const struct summary *s)
{
	struct row {
		unsigned code;
		uint64_t n;
	} *rows = xcalloc(SUMMARY_COUNTS, sizeof(*rows));
	size_t nr = 0;

	for (unsigned c = 0; c < SUMMARY_COUNTS; c++)
		if (s->count[c])
			rows[nr++] = (struct row){ c, s->count[c] };
	for (size_t a = 1; a < nr; a++)
		for (size_t b = a; b > 0 && rows[b - 1].n < rows[b].n; b--) {
			struct row x = rows[b];

			rows[b] = rows[b - 1];
			rows[b - 1] = x;
		}
	printf("----------------------\n%-16s#Calls\n----------------------\n", "Event");
	for (size_t i = 0; i < nr && i < 100; i++) {
		unsigned c = rows[i].code;
		const char *name;
		bool enter;

		if (c >= SCAP_EVENT_MAX) {
			name = scap_ppm_sc_name((c - SCAP_EVENT_MAX) / 2);
			enter = (c - SCAP_EVENT_MAX) % 2 == 0;
		} else {
			name = scap_event_info(c)->name;
			enter = scap_event_is_enter(c);
		}
		printf("%s %-16s%" PRIu64 "\n", enter ? ">" : "<", name ? name : "<unknown>",
		       rows[i].n);
	}
	free(rows);
}
