/* SPDX-License-Identifier: Apache-2.0 */
#include "cli/sysdig_chisels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fields/sysdig.h"
#include "util/util.h"

void sysdig_chisels_init(struct sysdig_chisels *sc)
{
	*sc = (struct sysdig_chisels){ 0 };
	chisel_dirs_init(&sc->dirs);
	sc->host.dirs = &sc->dirs;
}

void sysdig_chisels_free(struct sysdig_chisels *sc)
{
	for (size_t i = 0; i < sc->n; i++)
		chisel_free(sc->v[i]);
	free(sc->v);
	out_free(&sc->host.filter_text);
	free(sc->host.run_app);
	if (sc->host.udp_fd > 0)
		close(sc->host.udp_fd);	/* sysdig.udp_setpeername's socket */
	chisel_dirs_free(&sc->dirs);
	*sc = (struct sysdig_chisels){ 0 };
}

/* Whether the words ARGV[0..N) joined by spaces compile as a filter. */
static bool is_filter(int n, char **argv)
{
	struct out text = { 0 };
	struct filter_error err;

	for (int i = 0; i < n; i++) {
		if (i)
			out_putc(&text, ' ');
		out_puts(&text, argv[i]);
	}
	out_putc(&text, 0);
	struct filter *f = filter_compile(text.buf, sysdig_field_registry(), &err);
	filter_free(f);
	out_free(&text);
	return f != NULL;
}

bool sysdig_chisels_add(struct sysdig_chisels *sc, const char *name, int argc, char **argv,
			int *optind)
{
	struct chisel *c = chisel_load(&sc->host, name);
	struct chisel_arg_shape shape;

	if (!c)
		return false;
	sc->v = xrealloc(sc->v, (sc->n + 1) * sizeof(*sc->v));
	sc->v[sc->n++] = c;
	chisel_arg_shape(c, &shape);

	const char *argstr = "";
	const char *next = *optind < argc ? argv[*optind] : NULL;
	if (shape.nrequired) {
		if (!next) {
			fprintf(stderr, "sysray: missing arguments for chisel %s\n", name);
			return false;
		}
		argstr = next;
	} else if (shape.nargs && next && next[0] != '-' &&
		   (shape.single_filter || !is_filter(argc - *optind, argv + *optind))) {
		argstr = next;
	}
	if (argstr != next)
		return chisel_set_args(c, "");
	(*optind)++;
	return chisel_set_args(c, argstr);
}

bool sysdig_chisels_setup(struct sysdig_chisels *sc, const char *filter)
{
	sc->host.filter_text.len = 0;
	out_puts(&sc->host.filter_text, filter);
	out_putc(&sc->host.filter_text, 0);
	for (size_t i = 0; i < sc->n; i++)
		if (!chisel_init(sc->v[i]))
			return false;
	return true;
}

bool sysdig_chisels_start(struct sysdig_chisels *sc, struct pipeline *p,
			  struct pipeline_source *src, bool live, const struct filter *flt)
{
	sc->host.p = p;
	sc->host.src = src;
	sc->host.live = live;
	sc->host.opened = true;
	for (size_t i = 0; i < sc->n; i++)
		if (!chisel_capture_start(sc->v[i]))
			return false;
	for (size_t i = 0; i < sc->n; i++)
		chisel_attach(sc->v[i], flt);
	return true;
}
