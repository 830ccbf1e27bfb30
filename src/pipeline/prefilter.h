/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The event types a filter can match, from its push-down summary (the one that lets the
 * kernel drop events): an event of any other type is rejected without running the filter.
 * Most events of a capture fail a filter on evt.type; this is where they stop. Verdicts are
 * worked out once per event code, and for generic events once per syscall.
 */
#ifndef SYSRAY_PIPELINE_PREFILTER_H
#define SYSRAY_PIPELINE_PREFILTER_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/scap_event.h"
#include "filter/filter.h"

/* Generic events' syscall ids (PPM_SC) with a kept verdict; others are worked out each time. */
#define PREFILTER_SC_LIMIT 1024

struct prefilter {
	struct filter_evset events;
	uint8_t by_type[SCAP_EVENT_MAX];	/* 0: not worked out yet, 1: may match, 2: cannot */
	uint8_t by_sc[PREFILTER_SC_LIMIT];
};

struct prefilter *prefilter_new(const struct filter *f);
void prefilter_free(struct prefilter *pf);

/* False when F cannot match EV whatever the rest of EV holds. */
bool prefilter_may_match(struct prefilter *pf, const struct scap_event *ev);

#endif
