/* SPDX-License-Identifier: Apache-2.0 */
#include "pipeline/pipeline.h"

#include <stdlib.h>
#include <string.h>

#include "capture/container_event.h"
#include "pipeline/prefilter.h"
#include "pipeline/scope.h"
#include "util/util.h"

/* PPM dump flag: the event only carries state (written at capture start). */
#define DUMP_STATE_ONLY 1u

/* Container events: sysdig 0.29's reader keeps those before a capture's first other event to
 * itself (it reads them before the thread table); a later one is shown, unless it was
 * written state-only. */
static bool container_type(unsigned type)
{
	switch (type) {
	case PPME_CONTAINER_E:
	case PPME_CONTAINER_X:
	case PPME_CONTAINER_JSON_E:
	case PPME_CONTAINER_JSON_X:
	case PPME_CONTAINER_JSON_2_E:
	case PPME_CONTAINER_JSON_2_X:
		return true;
	}
	return false;
}

void pipeline_init(struct pipeline *p, struct state *st, struct field_ctx *ctx)
{
	memset(p, 0, sizeof(*p));
	p->st = st;
	p->ctx = ctx;
	ctx->st = st;
}

/* The prefilter of consumer I's filter; consumers that share a filter share it. */
static struct prefilter *shared_prefilter(const struct pipeline *p, size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (p->consumers[j].filter == p->consumers[i].filter)
			return p->prefilters[j];
	return NULL;
}

void pipeline_add(struct pipeline *p, const struct consumer *c)
{
	size_t i = p->nconsumers++;

	p->consumers = xrealloc(p->consumers, p->nconsumers * sizeof(*p->consumers));
	p->prefilters = xrealloc(p->prefilters, p->nconsumers * sizeof(*p->prefilters));
	p->consumers[i] = *c;
	p->prefilters[i] = NULL;
	if (c->filter && !(p->prefilters[i] = shared_prefilter(p, i)))
		p->prefilters[i] = prefilter_new(c->filter);
}

void pipeline_free(struct pipeline *p)
{
	for (size_t i = 0; i < p->nconsumers; i++)
		if (p->prefilters[i] && shared_prefilter(p, i) != p->prefilters[i])
			prefilter_free(p->prefilters[i]);
	free(p->consumers);
	free(p->prefilters);
	p->consumers = NULL;
	p->prefilters = NULL;
	p->nconsumers = 0;
}

bool pipeline_meta(struct pipeline *p, const struct scap_meta *m)
{
	state_load_meta(p->st, m);
	if (p->scope)
		scope_start(p->scope, p->st);
	for (size_t i = 0; i < p->nconsumers; i++) {
		struct consumer *c = &p->consumers[i];

		if (c->on_meta && c->on_meta(c->opaque, p, m))
			p->stopped = true;
	}
	return p->stopped;
}

/* A container event of a capture: the container's name and image for the fields. */
static void learn_container(struct field_ctx *ctx, const struct scap_event *ev)
{
	struct container_meta m;
	char id[16];

	if (ev->nparams >= 1 &&
	    container_event_parse((const char *)ev->params[0].val, ev->params[0].len, id, &m))
		field_ctx_container_add(ctx, id, &m);
}

static void deliver(struct pipeline *p, const struct scap_event *ev)
{
	const struct filter *last = NULL;
	bool last_match = false, any = false;
	/* an event out of the run's scope (--trace) is rejected by every consumer's filter */
	bool in_scope = !p->scope || scope_match(p->scope, p->st);

	for (size_t i = 0; i < p->nconsumers; i++) {
		struct consumer *c = &p->consumers[i];
		bool match = true;
		int rc;

		if (!c->on_event)
			continue;
		if (!in_scope) {
			match = false;
		} else if (c->filter && c->filter == last) {
			match = last_match;
		} else if (c->filter) {
			match = prefilter_may_match(p->prefilters[i], ev) &&
				filter_match(c->filter, ev, p->ctx);
			last = c->filter;
			last_match = match;
		}
		any |= match;
		if (match)
			rc = c->on_event(c->opaque, p, ev);
		else
			rc = c->on_rejected ? c->on_rejected(c->opaque, p, ev) : 0;
		if (rc)
			p->stopped = true;
	}
	if (any && ++p->matched == p->max_matched)
		p->stopped = true;
}

bool pipeline_event(struct pipeline *p, const struct scap_event *ev)
{
	struct field_ctx *ctx = p->ctx;

	/* sysdig 0.29 skips the codes it does not know */
	if (ev->type >= SCAP_EVENT_MAX_029)
		return p->stopped;
	if (p->max_events && ctx->evnum >= p->max_events) {
		p->stopped = true;
		return true;
	}
	ctx->evnum++;
	/* sysdig's evt.reltime counts from the first event with a time that is not a container's
	 * description (a capture may start with those) */
	if (!ctx->first_ts && ev->type != PPME_CONTAINER_JSON_E &&
	    ev->type != PPME_CONTAINER_JSON_2_E)
		ctx->first_ts = ev->ts;
	state_event(p->st, ev);
	if (scap_is_container_event(ev->type))
		learn_container(ctx, ev);
	if (!container_type(ev->type))
		p->past_containers = true;
	if ((p->past_containers || !container_type(ev->type)) &&
	    !(ev->dump_flags & DUMP_STATE_ONLY))
		deliver(p, ev);
	state_event_done(p->st);
	return p->stopped;
}

bool pipeline_tick(struct pipeline *p)
{
	for (size_t i = 0; i < p->nconsumers; i++) {
		struct consumer *c = &p->consumers[i];

		if (c->on_tick && c->on_tick(c->opaque, p))
			p->stopped = true;
	}
	return p->stopped;
}

int pipeline_end(struct pipeline *p)
{
	int status = 0;

	for (size_t i = 0; i < p->nconsumers; i++) {
		struct consumer *c = &p->consumers[i];

		if (c->on_end && c->on_end(c->opaque, p))
			status = 1;
	}
	return status;
}
