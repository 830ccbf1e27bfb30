/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The -S consumer: the events its filter accepts counted by direction and name, generic
 * syscalls by their own name, printed as sysdig's summary table.
 */
#ifndef SYSRAY_PIPELINE_SUMMARY_H
#define SYSRAY_PIPELINE_SUMMARY_H

#include <stdint.h>

#include "capture/event_table.h"
#include "pipeline/pipeline.h"

/*
 * One counter per event code, then one per direction of each generic syscall (PPM_SC code
 * * 2, + 1 for the exit).
 */
#define SUMMARY_SC_LIMIT 512
#define SUMMARY_COUNTS (SCAP_EVENT_MAX + 2 * SUMMARY_SC_LIMIT)

struct summary {
	uint64_t count[SUMMARY_COUNTS];
};

/* Appends S (zeroed by the caller) to P behind FLT. */
void summary_add(struct summary *s, struct pipeline *p, const struct filter *flt);

/* sysdig -S: the 100 most frequent events on stdout. */
void summary_print(const struct summary *s);

#endif
