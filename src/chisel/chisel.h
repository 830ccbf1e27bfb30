/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Chisels: Lua 5.1 scripts (LuaJIT) written against sysdig 0.29's chisel API, one Lua state
 * per chisel, fed by the pipeline behind the command line's filter. The command line drives
 * a chisel through sysdig's phases, in this order:
 *
 *	host = { .dirs, .filter_text, ... };		(shared by every chisel of the run)
 *	c = chisel_load(&host, "topfiles_bytes");	(the file's top-level chunk runs)
 *	chisel_set_args(c, "ARGS");			(on_set_arg per argument)
 *	chisel_init(c);					(on_init; may chisel.exec another)
 *	... the filter text (sysdig.set_filter may have replaced it) is compiled, the source
 *	    opened with the snaplen the chisels asked for ...
 *	chisel_capture_start(c, pipeline, live);	(on_capture_start)
 *	chisel_attach(c, pipeline, filter);		(a consumer: intervals, the chisel's own
 *							 filter, on_event, its formatter;
 *							 on_capture_end at the pipeline's end)
 *	chisel_free(c);
 *
 * Every failure prints one message naming the chisel (a Lua error: its file, line and
 * message) and returns false / non-zero: the command exits 1.
 */
#ifndef SYSRAY_CHISEL_CHISEL_H
#define SYSRAY_CHISEL_CHISEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture/scap_meta.h"
#include "chisel/chisel_dirs.h"
#include "filter/filter.h"
#include "format/render.h"
#include "output/out.h"

struct pipeline;
struct pipeline_source;

/* What every chisel of one run shares with the command line. */
struct chisel_host {
	const struct chisel_dirs *dirs;
	struct out filter_text;		/* the global filter; sysdig.set_filter replaces it */
	const char *source_name;	/* -r FILE, or NULL live */
	bool print_container;		/* -pc, -pk, -pm */
	bool json;			/* -j */
	bool verbose;			/* -v: sysdig.log messages on stderr */
	enum buf_format *bf;		/* buffer rendering of the run (fields' ctx) */
	bool bf_locked;			/* -A, -X, -x or -b: set_output_format has no effect */
	uint32_t snaplen;		/* sysdig.set_snaplen; 0: not asked */
	char *run_app;			/* sysdig.run_app's command line, run after this one */
	/* set once the source is open */
	struct pipeline *p;
	struct pipeline_source *src;
	bool live;
	bool opened;
	uint64_t first_ts, last_ts;	/* of the events the chisels were offered */
	bool have_ts;
	struct scap_machine machine;	/* the capture's (live: this machine's) */
	int udp_fd;			/* sysdig.udp_*; 0: none yet */
};

struct chisel;

/* The chisel called NAME (searched in HOST's directories), its top-level chunk run; NULL
 * after saying why. */
struct chisel *chisel_load(struct chisel_host *host, const char *name);
void chisel_free(struct chisel *c);
const char *chisel_name(const struct chisel *c);

/* What the chisel's `args` table declares: how many arguments, how many are required, and
 * whether its only argument is a filter (sysdig's rule for what `-c NAME` consumes). */
struct chisel_arg_shape {
	size_t nargs, nrequired;
	bool single_filter;
};
void chisel_arg_shape(const struct chisel *c, struct chisel_arg_shape *shape);

/* Splits TEXT into the chisel's arguments and calls on_set_arg for each. */
bool chisel_set_args(struct chisel *c, const char *text);
/* on_init (and the chisel a chisel.exec names, with its arguments). */
bool chisel_init(struct chisel *c);
/* on_capture_start, once the source is open. */
bool chisel_capture_start(struct chisel *c);
/* Adds C to the host's pipeline as a consumer behind FLT (the global filter). */
void chisel_attach(struct chisel *c, const struct filter *flt);

/* `sysray -cl` and `sysray -i NAME` as sysdig 0.29 prints them; false: NAME not found. */
void chisel_list(const struct chisel_dirs *dirs);
bool chisel_info(const struct chisel_dirs *dirs, const char *name);

#endif
