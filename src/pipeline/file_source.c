/* SPDX-License-Identifier: Apache-2.0 */
#include "pipeline/file_source.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "capture/scap_reader.h"
#include "util/util.h"

/* Files at least this large get a progress line when stderr is a terminal. */
#define PROGRESS_MIN_BYTES (64ull << 20)

struct file_source {
	struct pipeline_source base;	/* first: the source is cast to it */
	struct file_source_config cfg;
	struct scap_reader *r;
	bool progress;
	uint64_t size;
	uint64_t offset;		/* of the last event's block (in the decompressed stream) */
	struct timespec start, last;
};

static double since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress_tick(struct file_source *f, uint64_t events, uint64_t offset)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (since(&f->last, &now) < 0.5)
		return;
	f->last = now;
	double el = since(&f->start, &now);

	if (scap_reader_is_gzip(f->r))
		fprintf(stderr, "\r%" PRIu64 " events, %.0f events/s   ", events,
			el > 0 ? (double)events / el : 0.0);
	else
		fprintf(stderr, "\r%3.0f%% %" PRIu64 " events, %.0f events/s   ",
			f->size ? 100.0 * (double)offset / (double)f->size : 0.0, events,
			el > 0 ? (double)events / el : 0.0);
}

/* sysdig.get_read_progress(): how far into the file, 0 to 100. A gzip file's size says
 * nothing of its decompressed length: it reports 0 until the end. */
static double file_progress(struct pipeline_source *s)
{
	struct file_source *f = (struct file_source *)s;

	if (!f->size || scap_reader_is_gzip(f->r))
		return 0;
	double pct = 100.0 * (double)f->offset / (double)f->size;
	return pct > 100 ? 100 : pct;
}

static int file_run(struct pipeline_source *s, struct pipeline *p)
{
	struct file_source *f = (struct file_source *)s;
	bool loaded = false;
	struct scap_event ev;
	int n;

	while ((n = scap_reader_next(f->r, &ev)) > 0) {
		if (n == SCAP_SECTION || !loaded) {
			pipeline_meta(p, scap_reader_meta(f->r));
			loaded = true;
			if (n == SCAP_SECTION)
				continue;
		}
		f->offset = ev.offset;
		if (pipeline_event(p, &ev))
			break;
		if (f->progress && (p->ctx->evnum & 0xfff) == 0)
			progress_tick(f, p->ctx->evnum, ev.offset);
	}
	if (f->progress)
		fputs("\r\033[K", stderr);
	if (n < 0) {
		fflush(stdout);
		msg("%s", scap_reader_error(f->r));
		return 1;
	}
	return 0;
}

static void file_report(struct pipeline_source *s, const struct pipeline *p, int status)
{
	struct file_source *f = (struct file_source *)s;

	/* a file has no driver: its counts are 0, as sysdig prints them */
	if (f->cfg.verbose && !status)
		fprintf(stderr, "Driver Events:0\nDriver Drops:0\nSuppressed by Comm:0\n");
}

static void file_close(struct pipeline_source *s)
{
	struct file_source *f = (struct file_source *)s;

	scap_reader_close(f->r);
	free(f);
}

struct pipeline_source *file_source_open(const struct file_source_config *cfg)
{
	struct file_source *f = xcalloc(1, sizeof(*f));
	struct stat sb;

	f->base = (struct pipeline_source){ .name = "file", .run = file_run,
					    .report = file_report, .close = file_close,
					    .progress = file_progress };
	f->cfg = *cfg;
	if (strcmp(cfg->path, "-") && !stat(cfg->path, &sb) &&
	    (cfg->progress || (isatty(2) && (uint64_t)sb.st_size >= PROGRESS_MIN_BYTES))) {
		f->progress = true;
		f->size = (uint64_t)sb.st_size;
		clock_gettime(CLOCK_MONOTONIC, &f->start);
		f->last = f->start;
	}
	f->r = scap_reader_open_path(cfg->path);
	return &f->base;
}
