/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One event pipeline for every source: a source (a .scap file, the live eBPF capture, and in
 * time the ptrace tracer) hands each event to pipeline_event(), which brings the state up to
 * date and then offers the event to an ordered list of consumers (the printer, the -w
 * writer, the -S counter, ...), each behind its own compiled filter.
 *
 *	pipeline_init(&p, &st, &ctx);
 *	pipeline_add(&p, &(struct consumer){ .name = "printer", .filter = flt,
 *					     .on_event = print_one, .opaque = &printer });
 *	status = src->run(src, &p);		(pipeline_meta() and pipeline_event() calls)
 *	status |= pipeline_end(&p);		(each consumer's on_end, in order)
 *	pipeline_free(&p);
 *
 * Invariants: the state sees every event a source delivers (sysdig 0.29's known codes), in
 * order, before any consumer; a consumer sees an event only after the state, and only the
 * events that leave sysdig's reader (container events stay in it: they describe containers
 * to the fields, they are not shown or counted). Consumers that share one struct filter
 * share its verdict: the filter runs once per event.
 */
#ifndef SYSRAY_PIPELINE_PIPELINE_H
#define SYSRAY_PIPELINE_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture/scap_event.h"
#include "capture/scap_meta.h"
#include "fields/sysdig.h"
#include "filter/filter.h"
#include "state/state.h"

struct pipeline;
struct prefilter;
struct scope;

/*
 * A consumer of events. Callbacks return 0 to go on, non-zero to stop the pipeline once the
 * current event has been offered to every consumer. Every callback is optional; a consumer
 * without on_event is offered no event (it only keeps time with on_tick, say).
 */
struct consumer {
	const char *name;
	const struct filter *filter;	/* NULL: every event */
	/* An event its filter accepted. */
	int (*on_event)(void *opaque, struct pipeline *p, const struct scap_event *ev);
	/* An event its filter rejected (the -w writer keeps those that carry state). */
	int (*on_rejected)(void *opaque, struct pipeline *p, const struct scap_event *ev);
	/* New metadata (a capture's section, a /proc snapshot), after the state loaded it. */
	int (*on_meta)(void *opaque, struct pipeline *p, const struct scap_meta *m);
	/* Between batches of a live source, events or not (time-based file rotation). */
	int (*on_tick)(void *opaque, struct pipeline *p);
	/* The source is done; returns the consumer's exit status (0: all went well). */
	int (*on_end)(void *opaque, struct pipeline *p);
	void *opaque;
};

struct pipeline {
	struct state *st;
	struct field_ctx *ctx;		/* ctx->st == st; evnum and first_ts are kept here */
	struct consumer *consumers;
	struct prefilter **prefilters;	/* per consumer: its filter's event types, or NULL */
	size_t nconsumers;
	uint64_t max_events;		/* stop before the event past this many (-r -n); 0: none */
	uint64_t max_matched;		/* stop after this many matched events (live -n); 0: none */
	uint64_t matched;		/* events some consumer's filter accepted */
	bool stopped;			/* a consumer or a limit asked to stop */
	/* an event other than a container's was read: later container events are shown */
	bool past_containers;
	/* tracee's scopes (--trace): an event out of scope is rejected by every consumer,
	 * before its filter; NULL: every event is in scope. Not owned. */
	struct scope *scope;
};

void pipeline_init(struct pipeline *p, struct state *st, struct field_ctx *ctx);
/* Appends a copy of C: consumers see each event in the order they were added. */
void pipeline_add(struct pipeline *p, const struct consumer *c);
void pipeline_free(struct pipeline *p);

/* For sources. Both return true once the pipeline wants no more events. */
bool pipeline_meta(struct pipeline *p, const struct scap_meta *m);
bool pipeline_event(struct pipeline *p, const struct scap_event *ev);
bool pipeline_tick(struct pipeline *p);

static inline bool pipeline_stopped(const struct pipeline *p)
{
	return p->stopped;
}

/* Calls every consumer's on_end; returns 0, or 1 when one of them failed. */
int pipeline_end(struct pipeline *p);

#endif
