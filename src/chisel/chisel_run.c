/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A chisel as a consumer of the pipeline, per event and in sysdig 0.29's order: the
 * interval check (it sees every event that passed the global filter), the chisel's own
 * filter, on_event, and the chisel's formatter for the events on_event accepted. At the
 * end, on_capture_end with the last event's time and the span of the events seen.
 */
#include <stdio.h>
#include <time.h>

#include "chisel/chisel_int.h"
#include "format/render.h"
#include "pipeline/pipeline.h"

#define NS 1000000000ull

/* on_interval(ts_s, ts_ns, delta); false when it failed or asked to stop. */
static bool interval_call(struct chisel *c, uint64_t ts, uint64_t delta)
{
	bool has;

	lua_pushnumber(c->L, (double)(ts / NS));
	lua_pushnumber(c->L, (double)(ts % NS));
	lua_pushnumber(c->L, (double)delta);
	if (!chisel_call(c, "on_interval", 3, &has))
		return false;
	if (!has)
		return true;
	bool go_on = lua_toboolean(c->L, -1);
	lua_pop(c->L, 1);
	if (!go_on)
		fprintf(stderr, "sysray: execution terminated by the %s chisel\n", c->name);
	return go_on;
}

/*
 * Aligned intervals call on_interval once when time crosses into a new period (periods
 * without events are not caught up), with the time since the previous call; precise ones
 * call it for every whole period elapsed since the first event, at the period's start.
 */
static bool check_interval(struct chisel *c, uint64_t ts)
{
	if (c->interval == INTERVAL_NONE || !c->period_ns)
		return true;
	if (!c->interval_started) {
		c->interval_started = true;
		c->last_sample = c->interval == INTERVAL_ALIGNED ? ts / c->period_ns : ts;
		c->last_interval_ts = ts;
		return true;
	}
	if (c->interval == INTERVAL_ALIGNED) {
		uint64_t sample = ts / c->period_ns;

		if (sample == c->last_sample)
			return true;
		c->last_sample = sample;
		uint64_t delta = ts - c->last_interval_ts;
		c->last_interval_ts = ts;
		return !delta || interval_call(c, ts, delta);
	}
	while (ts - c->last_sample >= c->period_ns) {
		if (!interval_call(c, c->last_sample, c->period_ns))
			return false;
		c->last_sample += c->period_ns;
	}
	return true;
}

static void note_event(struct chisel *c, const struct scap_event *ev, struct pipeline *p)
{
	struct chisel_host *h = c->host;

	c->ev = ev;
	c->last_ts = ev->ts;
	c->last_num = p->ctx->evnum;
	c->last_type = render_event_type(ev);
	c->last_cpu = ev->cpu;
	if (!h->have_ts) {
		h->have_ts = true;
		h->first_ts = ev->ts;
	}
	h->last_ts = ev->ts;
}

static void print_formatted(struct chisel *c, const struct scap_event *ev, struct pipeline *p)
{
	c->env.first_ts = p->ctx->first_ts;
	c->env.latency = p->st->cur.latency;
	c->env.bf = *c->host->bf;
	c->line.len = 0;
	if (template_render(c->formatter, ev, p->ctx, &c->env, false, &c->line)) {
		out_putc(&c->line, '\n');
		fwrite(c->line.buf, 1, c->line.len, stdout);
	}
	c->env.prev_ts = ev->ts;
}

static int on_event(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	struct chisel *c = opaque;

	note_event(c, ev, p);
	int stop = 0;
	if (!check_interval(c, ev->ts)) {
		stop = 1;
	} else if (!c->filter || filter_match(c->filter, ev, p->ctx)) {
		bool has;

		if (!chisel_call(c, "on_event", 0, &has)) {
			stop = 1;
		} else if (has) {
			bool accepted = lua_toboolean(c->L, -1);

			lua_pop(c->L, 1);
			if (accepted && c->formatter)
				print_formatted(c, ev, p);
		}
	}
	c->ev = NULL;
	if (c->end_requested)
		stop = 1;
	return stop;
}

/* Live captures: time goes on between events, and so do intervals. */
static int on_tick(void *opaque, struct pipeline *p)
{
	struct chisel *c = opaque;
	struct timespec now;

	if (c->interval == INTERVAL_NONE || !c->interval_started || c->failed)
		return 0;
	clock_gettime(CLOCK_REALTIME, &now);
	return !check_interval(c, (uint64_t)now.tv_sec * NS + (uint64_t)now.tv_nsec);
}

static int on_end(void *opaque, struct pipeline *p)
{
	struct chisel *c = opaque;
	struct chisel_host *h = c->host;
	bool has;

	if (c->failed)
		return 1;
	lua_pushnumber(c->L, (double)(c->last_ts / NS));
	lua_pushnumber(c->L, (double)(c->last_ts % NS));
	lua_pushnumber(c->L, (double)(h->have_ts ? h->last_ts - h->first_ts : 0));
	if (!chisel_call(c, "on_capture_end", 3, &has))
		return 1;
	if (has)
		lua_pop(c->L, 1);
	fflush(stdout);
	return 0;
}

static int on_meta(void *opaque, struct pipeline *p, const struct scap_meta *m)
{
	struct chisel *c = opaque;

	if (m->machine.present)
		c->host->machine = m->machine;
	return 0;
}

void chisel_attach(struct chisel *c, const struct filter *flt)
{
	pipeline_add(c->host->p, &(struct consumer){ .name = c->name, .filter = flt,
						     .on_event = on_event, .on_tick = on_tick,
						     .on_meta = on_meta,
						     .on_end = on_end, .opaque = c });
}
