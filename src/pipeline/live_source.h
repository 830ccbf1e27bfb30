/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The live source: the whole system captured through the eBPF programs. The simple tests of
 * a filter (event types, pids, process names, container ids) are pushed into the kernel,
 * plus the events that keep the state current whatever the filter; the state starts from a
 * /proc snapshot taken once the programs are attached. Runs until -M seconds, SIGINT or
 * SIGTERM, or until the pipeline stops it.
 */
#ifndef SYSRAY_PIPELINE_LIVE_SOURCE_H
#define SYSRAY_PIPELINE_LIVE_SOURCE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "filter/filter.h"
#include "pipeline/scope.h"
#include "pipeline/source.h"

struct live_source_config {
	const struct filter *pushdown;	/* events it rejects may be dropped in the kernel */
	const struct scope *scope;	/* so may the events out of scope (NULL: none) */
	uint64_t seconds;		/* -M; 0: no limit */
	uint32_t snaplen;		/* -s; 0: the source's default (80) */
	uint32_t ring_mb;		/* the ring buffer in MiB, a power of two; 0: 16 */
	/* once a second, a procinfo event for every thread: its CPU times from /proc (csysdig's
	 * thread.cpu reads them; sinsp makes them from the driver's process list) */
	bool procinfo;
	bool json_totals;		/* a last JSON line with the event and drop counts */
	bool verbose;			/* the driver's counts and the kernel filters' drops */
	/* the kernel's drop count, brought up to date about once a second for a reader on
	 * another thread (the metrics endpoint); NULL: none */
	_Atomic uint64_t *drops;
};

struct pipeline_source *live_source_open(const struct live_source_config *cfg);

#endif
