/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The chisels of one `sysray -c NAME [ARGS] ...` command line, driven through sysdig 0.29's
 * phases (see chisel/chisel.h): loaded and given their arguments while the options are
 * parsed, initialised once the filter is known, started once the source is open, then fed
 * by the pipeline.
 */
#ifndef SYSRAY_CLI_SYSDIG_CHISELS_H
#define SYSRAY_CLI_SYSDIG_CHISELS_H

#include <stdbool.h>

#include "chisel/chisel.h"

struct sysdig_chisels {
	struct chisel_dirs dirs;
	struct chisel_host host;
	struct chisel **v;
	size_t n;
};

void sysdig_chisels_init(struct sysdig_chisels *sc);
void sysdig_chisels_free(struct sysdig_chisels *sc);

/*
 * `-c NAME`: loads NAME and takes its argument string from ARGV[*OPTIND] when sysdig would:
 * always when the chisel has a required argument; when all are optional, a word that does
 * not start with '-' and is either the argument of a chisel whose one argument is a filter
 * or not a filter itself (then it is the command line's filter). False after saying why.
 */
bool sysdig_chisels_add(struct sysdig_chisels *sc, const char *name, int argc, char **argv,
			int *optind);

/* on_init of every chisel, with FILTER the command line's filter (sysdig.set_filter may
 * replace it: read sc->host.filter_text afterwards). */
bool sysdig_chisels_setup(struct sysdig_chisels *sc, const char *filter);

/* Once the source is open: on_capture_start of every chisel, then each becomes a consumer
 * of P behind FLT. */
bool sysdig_chisels_start(struct sysdig_chisels *sc, struct pipeline *p,
			  struct pipeline_source *src, bool live, const struct filter *flt);

#endif
