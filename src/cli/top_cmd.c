/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `sysray top [-r FILE] [-v VIEW] [-d MS] [-n N] [-s SNAPLEN] [-pc] [FILTER]`: csysdig's
 * views over the one pipeline. The views are read from the chisel directories (the chisel
 * runtime runs their files); the chosen view's table is a consumer behind the command line's
 * filter. Its samples are taken as csysdig takes them: live, every -d milliseconds of event
 * time; on a file, once, at its end, over the whole file, after csysdig's first, empty,
 * sample at the end of the file. -j and --raw print the samples as csysdig does; without
 * them, the views are shown in the terminal UI (src/tui/), live or on the capture file.
 */
#include <errno.h>
#include <getopt.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "chisel/chisel_dirs.h"
#include "chisel/view_info.h"
#include "cli/cli_number.h"
#include "cli/commands.h"
#include "pipeline/file_source.h"
#include "pipeline/live_source.h"
#include "pipeline/pipeline.h"
#include "source/bpf/bpf_event.h"
#include "tui/top_ui.h"
#include "views/view_output.h"
#include "views/view_table.h"
#include "util/util.h"

/* Live: how long past an interval's end the clock may run before the UI takes the sample
 * without waiting for an event of the next interval. */
#define LIVE_FLUSH_GRACE_NS 50000000ull

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: sysray top [options] [FILTER]\n"
		"  csysdig's views: processes, files, connections, syscalls, errors, ...\n"
		"  grouped, aggregated and sorted, live or over a capture file.\n"
		"Options:\n"
		"  -r FILE      read the events of a .scap capture file\n"
		"  -v VIEW      start with view VIEW (also -vVIEW; default: the first root view)\n"
		"  -d MS        live: refresh every MS milliseconds (default 2000, at least 100)\n"
		"  -n N         stop after N events\n"
		"  -s SNAPLEN   live: bytes of I/O buffers captured\n"
		"  --bpf-buffer MIB   live: the eBPF ring buffer in MiB, a power of two (default 16)\n"
		"  -pc, -pcontainer   the views' container columns\n"
		"  -j, --json   no UI: print each sample as csysdig's JSON\n"
		"  --raw        no UI: print each sample as plain text rows\n"
		"  --list-views print the views as a JSON array\n"
		"  -h           this text\n"
		"Views are read from the chisel directories (SYSDIG_CHISEL_DIR, ./chisels,\n"
		"~/.chisels, sysray's own views, /usr/share/sysdig/chisels).\n");
}

struct top_opts {
	const char *file;
	const char *view;
	uint64_t delay_ns;
	uint64_t max_events;
	uint32_t snaplen;
	uint32_t ring_mb;
	bool print_container, json, raw, list_views;
	struct out filter;
};

enum { OPT_RAW = 256, OPT_LIST_VIEWS, OPT_BPF_BUFFER };

static const struct option longopts[] = {
	{ "readfile", required_argument, NULL, 'r' },
	{ "view", required_argument, NULL, 'v' },
	{ "delay", required_argument, NULL, 'd' },
	{ "numevents", required_argument, NULL, 'n' },
	{ "snaplen", required_argument, NULL, 's' },
	{ "json", no_argument, NULL, 'j' },
	{ "raw", no_argument, NULL, OPT_RAW },
	{ "list-views", no_argument, NULL, OPT_LIST_VIEWS },
	{ "bpf-buffer", required_argument, NULL, OPT_BPF_BUFFER },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* 0: run; 1: exit with success; -1: exit with failure. */
static int parse_options(int argc, char **argv, struct top_opts *o)
{
	unsigned long long v;
	int opt;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "+r:v:d:n:s:p:jh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'r': o->file = optarg; break;
		case 'v': o->view = optarg; break;
		case 'd':
			if (!cli_number(opt, optarg, 100, 1ull << 32, &v))
				return -1;
			o->delay_ns = v * 1000000ull;
			break;
		case 'n':
			if (!cli_number(opt, optarg, 1, ~0ull, &v))
				return -1;
			o->max_events = v;
			break;
		case 's':
			if (!cli_number(opt, optarg, 1, SR_MAX_SNAPLEN, &v))
				return -1;
			o->snaplen = (uint32_t)v;
			break;
		case 'p':
			/* csysdig knows -pc and -pcontainer only */
			if (strcmp(optarg, "c") && strcmp(optarg, "container")) {
				msg("-p%s: only -pc (-pcontainer) is known", optarg);
				return -1;
			}
			o->print_container = true;
			break;
		case OPT_BPF_BUFFER: {
			char *end;

			errno = 0;
			v = strtoull(optarg, &end, 10);
			if (errno || end == optarg || *end || !v || v > 1024 || (v & (v - 1))) {
				msg("--bpf-buffer: '%s' is not a power of two from 1 to 1024 (MiB)",
				    optarg);
				return -1;
			}
			o->ring_mb = (uint32_t)v;
			break;
		}
		case 'j': o->json = true; break;
		case OPT_RAW: o->raw = true; break;
		case OPT_LIST_VIEWS: o->list_views = true; break;
		case 'h': usage(stdout); return 1;
		default: usage(stderr); return -1;
		}
	}
	/* csysdig joins the remaining words with a space after each */
	for (int i = optind; i < argc; i++) {
		out_puts(&o->filter, argv[i]);
		out_putc(&o->filter, ' ');
	}
	out_putc(&o->filter, 0);
	return 0;
}

/* One run of a view over a source. */
struct top_run {
	const struct top_opts *o;
	const struct view_catalog *cat;
	const struct view_info *v;
	struct view_table *t;
	struct field_ctx *ctx;
	struct pipeline_source *src;
	bool live;
	uint64_t first_ts, last_ts;	/* of the events the view was offered */
	uint64_t next_flush;		/* 0: before the first sample's start */
	uint64_t nevents, last_progress;
	uint64_t json_samples;		/* printed: live, a comma goes between two */
	bool stopped_by_count;
};

static uint64_t time_delta(const struct top_run *r)
{
	return r->live ? r->o->delay_ns : r->last_ts - r->first_ts;
}

/* csysdig's end of a sample at event time TS: the thread table pass, the sample printed, the
 * table emptied for the next one; the first call only starts the first sample (--raw prints
 * what a list holds already, or nothing, and its dashes). */
static void end_of_sample(struct top_run *r, uint64_t ts, bool print_json)
{
	uint32_t sortingcol = r->v->sortingcol;

	if (r->next_flush) {
		view_table_proctable(r->t, r->ctx, ts);
		const struct vt_sample *s = view_table_sample(r->t, sortingcol);

		if (r->o->json && print_json) {
			if (r->json_samples++)
				fputs(",\n", stdout);
			view_output_json(stdout, r->cat, r->v, r->t, s, time_delta(r));
		}
		else if (r->o->raw)
			view_output_raw(stdout, r->t, s, time_delta(r));
		view_table_clear(r->t);
	} else if (r->o->raw) {
		static const struct vt_sample none;
		const struct vt_sample *s =
			view_table_is_list(r->t) ? view_table_sample(r->t, 0) : &none;

		view_output_raw(stdout, r->t, s, time_delta(r));
	}
	uint64_t interval = r->o->delay_ns;

	r->next_flush = ts - ts % interval + interval;
	fflush(stdout);
}

static int on_event(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	struct top_run *r = opaque;

	if (r->o->max_events && r->nevents == r->o->max_events) {
		r->stopped_by_count = true;
		return 1;
	}
	r->nevents++;
	if (!r->live) {
		if (!r->first_ts)
			r->first_ts = ev->ts;
		r->last_ts = ev->ts;
		if (r->o->json && r->src->progress && r->nevents - r->last_progress > 300000) {
			printf("{\"progress\": %.2f},\n", r->src->progress(r->src));
			r->last_progress = r->nevents;
		}
	} else if (ev->ts > r->next_flush) {
		end_of_sample(r, ev->ts, true);
	}
	view_table_event(r->t, ev, r->ctx);
	return 0;
}

static int on_end(void *opaque, struct pipeline *p)
{
	struct top_run *r = opaque;

	/* a file's end is seen twice: the first flush starts a sample, the second prints it */
	if (!r->live && !r->stopped_by_count) {
		end_of_sample(r, r->last_ts, false);
		end_of_sample(r, r->last_ts, true);
	}
	return 0;
}

static int run_view(const struct top_opts *o, const struct view_catalog *cat,
		    const struct view_info *v, const struct filter *flt)
{
	char err[512];
	struct view_table *t = view_table_new(v, 0, NULL, err, sizeof(err));

	if (!t) {
		msg("error in view %s: %s", v->id, err);
		return 1;
	}
	struct state st;
	struct field_ctx ctx = { .bf = BUF_NORMAL, .json = o->json };
	struct pipeline p;
	struct top_run r = { .o = o, .cat = cat, .v = v, .t = t, .ctx = &ctx, .live = !o->file };

	state_init(&st);
	pipeline_init(&p, &st, &ctx);
	if (o->file) {
		r.src = file_source_open(&(struct file_source_config){ .path = o->file });
	} else {
		ctx.container_resolve = container_api_inspect;
		r.src = live_source_open(&(struct live_source_config){
			.pushdown = flt, .snaplen = o->snaplen, .ring_mb = o->ring_mb,
			.procinfo = true });
	}
	pipeline_add(&p, &(struct consumer){ .name = "top", .filter = flt, .on_event = on_event,
					     .on_end = on_end, .opaque = &r });
	if (o->json)
		printf("{\"slices\": [\n{\"progress\": 0},\n");
	int rc = r.src->run(r.src, &p);

	if (pipeline_end(&p))
		rc = 1;
	if (o->json)
		printf("]}\n");
	fflush(stdout);
	r.src->report(r.src, &p, rc);
	r.src->close(r.src);
	pipeline_free(&p);
	state_free(&st);
	field_ctx_free(&ctx);
	view_table_free(t);
	return rc;
}

/* What the UI loads a view with: the command line's options and filter. */
struct ui_loader {
	const struct top_opts *o;
	const struct filter *flt;
};

/* The UI's source on a file: the whole file through view V's table (its filter and EXTRA),
 * then csysdig's thread-table pass at the last event's time. */
static struct view_table *ui_load(void *opaque, const struct view_info *v, const char *extra,
				  uint64_t *time_delta, char *err, size_t errlen)
{
	struct ui_loader *l = opaque;
	struct view_table *t = view_table_new(v, 0, extra, err, errlen);

	if (!t)
		return NULL;
	struct state st;
	struct field_ctx ctx = { .bf = BUF_NORMAL };
	struct pipeline p;
	struct top_run r = { .o = l->o, .v = v, .t = t, .ctx = &ctx };

	state_init(&st);
	pipeline_init(&p, &st, &ctx);
	r.src = file_source_open(&(struct file_source_config){ .path = l->o->file });
	pipeline_add(&p, &(struct consumer){ .name = "top", .filter = l->flt,
					     .on_event = on_event, .opaque = &r });
	int rc = r.src->run(r.src, &p);

	pipeline_end(&p);
	if (rc) {
		snprintf(err, errlen, "cannot read %s", l->o->file);
		view_table_free(t);
		t = NULL;
	} else {
		view_table_proctable(t, &ctx, r.last_ts);
		*time_delta = r.last_ts - r.first_ts;
	}
	r.src->close(r.src);
	pipeline_free(&p);
	state_free(&st);
	field_ctx_free(&ctx);
	return t;
}

/* The live UI: the capture's events go to the table the UI shows last loaded, whose sample
 * of each -d interval the UI takes. */
struct live_ui {
	const struct top_opts *o;
	const struct view_catalog *cat;
	const struct view_info *start;
	struct top_ui_source src;
	struct top_ui *ui;		/* opened once the capture runs */
	struct view_table *t;		/* the UI's table: the events go there */
	struct field_ctx *ctx;
	uint64_t next_flush;		/* 0: before the first sample's start */
	_Atomic uint64_t drops;
	bool quit;			/* the user quit, or the UI could not start */
};

/* A view's table for the UI: empty, its samples come from the capture. */
static struct view_table *live_load(void *opaque, const struct view_info *v, const char *extra,
				    uint64_t *time_delta, char *err, size_t errlen)
{
	struct live_ui *l = opaque;
	struct view_table *t = view_table_new(v, 0, extra, err, errlen);

	if (t) {
		l->t = t;
		*time_delta = l->o->delay_ns;
	}
	return t;
}

/* The end of an interval at event time TS, as csysdig's: the thread table pass, the sample
 * to the UI, the table emptied for the next one; the first call only starts a sample. */
static void live_flush(struct live_ui *l, uint64_t ts)
{
	uint64_t interval = l->o->delay_ns;

	if (l->next_flush) {
		view_table_proctable(l->t, l->ctx, ts);
		top_ui_sample(l->ui, view_table_sample(l->t, 0), interval);
		view_table_clear(l->t);
	}
	l->next_flush = ts - ts % interval + interval;
}

/* The programs are attached and the /proc tables read: the UI starts. */
static int live_on_meta(void *opaque, struct pipeline *p, const struct scap_meta *m)
{
	struct live_ui *l = opaque;

	if (!l->ui && !(l->ui = top_ui_open(l->cat, l->start, &l->src)))
		l->quit = true;
	return l->quit;
}

static int live_on_event(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	struct live_ui *l = opaque;

	if (ev->ts > l->next_flush)
		live_flush(l, ev->ts);
	view_table_event(l->t, ev, l->ctx);
	return 0;
}

/*
 * Between batches: the keys, and the interval's end by the clock when the events lag behind
 * it (a kernel filter lets few through, or the ring holds a backlog under load): the screen
 * refreshes every -d whatever the events, and an event of an interval that ended late is
 * counted in the next one.
 */
static int live_on_tick(void *opaque, struct pipeline *p)
{
	struct live_ui *l = opaque;
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	uint64_t ns = (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec;

	if (l->next_flush && ns > l->next_flush + LIVE_FLUSH_GRACE_NS)
		live_flush(l, l->next_flush);
	if (!top_ui_poll(l->ui, 0))
		l->quit = true;
	return l->quit;
}

static int run_live_ui(const struct top_opts *o, const struct view_catalog *cat,
		       const struct view_info *v, const struct filter *flt)
{
	struct state st;
	struct field_ctx ctx = { .bf = BUF_NORMAL, .container_resolve = container_api_inspect };
	struct pipeline p;
	struct live_ui l = { .o = o, .cat = cat, .start = v, .ctx = &ctx };

	l.src = (struct top_ui_source){ .load = live_load, .opaque = &l, .what = "live system",
					.drops = &l.drops };
	state_init(&st);
	pipeline_init(&p, &st, &ctx);
	struct pipeline_source *src = live_source_open(&(struct live_source_config){
		.pushdown = flt, .snaplen = o->snaplen, .ring_mb = o->ring_mb, .procinfo = true,
		.drops = &l.drops });

	pipeline_add(&p, &(struct consumer){ .name = "top", .filter = flt,
					     .on_event = live_on_event, .on_meta = live_on_meta,
					     .on_tick = live_on_tick, .opaque = &l });
	int rc = src->run(src, &p);

	if (l.ui)
		top_ui_close(l.ui);
	if (pipeline_end(&p))
		rc = 1;
	if (!l.ui)
		rc = 1;
	src->close(src);
	pipeline_free(&p);
	state_free(&st);
	field_ctx_free(&ctx);
	return rc;
}

/* The view -v names, or the first root view; NULL after saying why. */
static const struct view_info *pick_view(const struct view_catalog *cat, const char *id)
{
	if (id) {
		const struct view_info *v = view_catalog_find(cat, id);

		if (!v)
			msg("view %s not found", id);
		return v;
	}
	for (size_t i = 0; i < cat->n; i++)
		if (cat->v[i].is_root)
			return &cat->v[i];
	msg("no root view found in the chisel directories");
	return NULL;
}

int cmd_top(int argc, char **argv)
{
	struct top_opts o = { .delay_ns = 2000000000ull };
	struct chisel_dirs dirs;
	struct view_catalog cat;
	struct filter *flt = NULL;
	int rc = 1;

	int pr = parse_options(argc, argv, &o);

	if (pr) {
		out_free(&o.filter);
		return pr > 0 ? 0 : 1;
	}
	chisel_dirs_init(&dirs);
	view_catalog_read(&dirs, &cat);
	for (size_t i = 0; i < cat.n; i++)
		view_info_apply_tag(&cat.v[i], o.print_container ? "containers" : "default");
	if (o.list_views) {
		view_output_list(stdout, &cat);
		rc = 0;
		goto out;
	}
	const struct view_info *v = pick_view(&cat, o.view);

	if (!v)
		goto out;
	struct filter_error ferr;

	flt = filter_compile(o.filter.buf, sysdig_field_registry(), &ferr);
	if (!flt) {
		char *m = filter_error_format(&ferr, o.filter.buf);

		fprintf(stderr, "sysray: %s\n", m);
		free(m);
		goto out;
	}
	if (!o.json && !o.raw) {
		if (!o.file) {
			rc = run_live_ui(&o, &cat, v, flt);
			goto out;
		}
		struct ui_loader l = { .o = &o, .flt = flt };

		rc = top_ui_run(&cat, v, &(struct top_ui_source){ .load = ui_load, .opaque = &l,
								  .what = o.file, .file = o.file });
		goto out;
	}
	rc = run_view(&o, &cat, v, flt);
out:
	filter_free(flt);
	view_catalog_free(&cat);
	chisel_dirs_free(&dirs);
	out_free(&o.filter);
	return rc;
}
