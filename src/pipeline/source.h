/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A source of events for the pipeline: something that runs until its input ends, the
 * pipeline stops it, or the user interrupts it, calling pipeline_meta() with what it knows of
 * the system before the events and pipeline_event() for each event, in the one event model
 * (struct scap_event). The .scap file reader and the live eBPF capture are sources; the
 * ptrace tracer's event encoder (trace -w) can become one by calling the same two functions.
 */
#ifndef SYSRAY_PIPELINE_SOURCE_H
#define SYSRAY_PIPELINE_SOURCE_H

#include "pipeline/pipeline.h"

struct pipeline_source {
	const char *name;
	/* Feeds P; returns the exit status (0, or 1 with the reason already printed). */
	int (*run)(struct pipeline_source *s, struct pipeline *p);
	/* After pipeline_end(): the source's closing lines (events read, drops), given the
	 * run's STATUS. May be NULL. */
	void (*report)(struct pipeline_source *s, const struct pipeline *p, int status);
	void (*close)(struct pipeline_source *s);
	/* How far a file has been read, 0 to 100. May be NULL (a live capture). */
	double (*progress)(struct pipeline_source *s);
};

#endif
