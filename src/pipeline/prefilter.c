/* SPDX-License-Identifier: Apache-2.0 */
#include "pipeline/prefilter.h"

#include <stdlib.h>

#include "format/render.h"
#include "util/util.h"

struct prefilter *prefilter_new(const struct filter *f)
{
	struct prefilter *pf = xcalloc(1, sizeof(*pf));
	struct filter_pushdown pd;

	filter_pushdown(f, &pd);
	pf->events = pd.events;
	filter_pushdown_free(&pd);
	return pf;
}

void prefilter_free(struct prefilter *pf)
{
	free(pf);
}

static uint8_t verdict(const struct prefilter *pf, const struct scap_event *ev)
{
	return filter_evset_may_have_name(&pf->events, render_event_type(ev)) ? 1 : 2;
}

bool prefilter_may_match(struct prefilter *pf, const struct scap_event *ev)
{
	uint8_t *v;
	uint64_t id;

	if (ev->type >= SCAP_EVENT_MAX)
		return true;
	if (!scap_event_is_generic(ev->type))
		v = &pf->by_type[ev->type];
	else if (ev->nparams >= 1 && scap_param_u64(&ev->params[0], &id) &&
		 id < PREFILTER_SC_LIMIT)
		v = &pf->by_sc[id];
	else
		return verdict(pf, ev) == 1;
	if (!*v)
		*v = verdict(pf, ev);
	return *v == 1;
}
