/*
 * `sysray [options] [FILTER]` without -r: system-wide capture through the eBPF source, with
 * the same state, filter, fields and formats as the -r path. The filter's event types and
 * pids are pushed into the kernel (plus the events that keep the state current).
 */
#ifndef SYSRAY_CLI_SYSDIG_LIVE_H
#define SYSRAY_CLI_SYSDIG_LIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "capture/event_table.h"
#include "fields/sysdig.h"
#include "filter/filter.h"
#include "format/template.h"

struct sysdig_live {
	struct filter *flt;
	struct template *tpl;
	struct field_ctx *ctx;		/* ctx->st: the state, initialised and empty */
	struct template_env *env;
	bool json, quiet;
	uint64_t max_events;		/* -n: events that matched the filter; 0: no limit */
	uint64_t seconds;		/* -M; 0: no limit */
	uint32_t snaplen;		/* -s; 0: the source's default (80) */
	const char *wpath;		/* -w: write matched events to this .scap */
	bool gzip;			/* -z */
	uint64_t rotate_bytes;		/* -C MB: start a new file past this size; 0: never */
	uint64_t rotate_seconds;	/* -G: start a new file this often; 0: never */
	uint64_t max_files;		/* -W: with -C, files reused in a ring; with -G, stop after */
	uint64_t *counts;		/* SYSDIG_COUNTS counters of matched events (-S) */
	bool unbuffered;		/* --unbuffered: flush every line */
	bool verbose;			/* -v: the driver's counts at the end */
	uint64_t nevents;		/* out: events that passed -U and the filter */
};

/*
 * sysdig's -S counters: one per event code, then one per direction of each generic syscall
 * (PPM_SC code * 2, + 1 for the exit).
 */
#define SYSDIG_SC_LIMIT 512
#define SYSDIG_COUNTS (SCAP_EVENT_MAX + 2 * SYSDIG_SC_LIMIT)

static inline void sysdig_count(uint64_t *counts, const struct scap_event *ev)
{
	uint64_t id;

	if (scap_event_is_generic(ev->type) && ev->nparams && scap_param_u64(&ev->params[0], &id) &&
	    id < SYSDIG_SC_LIMIT)
		counts[SCAP_EVENT_MAX + id * 2 + ev->type]++;
	else if (ev->type < SCAP_EVENT_MAX)
		counts[ev->type]++;
}

/* Runs the capture until -n, -M, SIGINT or SIGTERM. Returns the exit status. */
int sysdig_live_run(struct sysdig_live *o);

#endif
