/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/capture_ring.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "capture/scap_writer.h"
#include "util/util.h"

/* An event copied into a chunk: this header, nparams lengths, the parameters' bytes, padded
 * to 8 bytes. A live event has no record to copy, so the copy is of the parsed form. */
struct ring_rec {
	uint64_t ts;
	int64_t tid;
	uint32_t size;		/* the whole copy, padded */
	uint32_t nparams;
	uint32_t dump_flags;
	uint16_t type;
	uint16_t cpu;
};

#define CHUNK_BYTES (1u << 20)
#define MAX_PARAMS 64

/* Copies are appended to the newest chunk; the oldest chunk goes as a whole once all its
 * events are older than the window or the ring is over its bytes. */
struct chunk {
	struct chunk *next;
	size_t used, cap;
	uint64_t last_ts;
	uint8_t data[];
};

struct capture_ring {
	char *dir;
	uint64_t window_ns;		/* capture.seconds */
	uint64_t max_bytes;
	struct state *st;
	struct scap_machine machine;	/* of the pipeline's first metadata */
	struct chunk *head, *tail;
	uint64_t bytes;
	/* the file being written */
	struct scap_writer *w;
	char path[PATH_MAX];
	uint64_t end_ts;		/* events up to this time go in */
	uint64_t files, failures;
};

enum output_option capture_ring_option(struct capture_ring_config *cfg, const char *key,
				       const char *value, char *err, size_t errlen)
{
	bool seconds = !strcmp(key, "capture.seconds");
	double v;

	if (!seconds && strcmp(key, "capture.max_bytes"))
		return OUTPUT_OPTION_NOT_MINE;
	if (output_parse_number(key, value, !seconds, &v, err, errlen) == OUTPUT_OPTION_BAD)
		return OUTPUT_OPTION_BAD;
	if (seconds) {
		cfg->seconds = v;
	} else if (v < 1) {
		snprintf(err, errlen, "option '%s': '%s': a capture holds at least 1 byte", key,
			 value);
		return OUTPUT_OPTION_BAD;
	} else {
		cfg->max_bytes = (uint64_t)v;
	}
	return OUTPUT_OPTION_SET;
}

struct capture_ring *capture_ring_new(const char *dir, const struct capture_ring_config *cfg,
				      char *err, size_t errlen)
{
	struct stat sb;

	if (mkdir(dir, 0700) && errno != EEXIST) {
		snprintf(err, errlen, "--capture-dir %s: %s", dir, strerror(errno));
		return NULL;
	}
	if (stat(dir, &sb) || (S_ISDIR(sb.st_mode) && access(dir, W_OK | X_OK))) {
		snprintf(err, errlen, "--capture-dir %s: %s", dir, strerror(errno));
		return NULL;
	}
	if (!S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, "--capture-dir %s: not a directory", dir);
		return NULL;
	}
	struct capture_ring *r = xcalloc(1, sizeof(*r));

	r->dir = xstrdup(dir);
	r->window_ns = (uint64_t)(cfg->seconds * 1e9);
	r->max_bytes = cfg->max_bytes;
	return r;
}

static void drop_head(struct capture_ring *r)
{
	struct chunk *c = r->head;

	r->head = c->next;
	if (!r->head)
		r->tail = NULL;
	r->bytes -= c->cap;
	free(c);
}

static void ring_append(struct capture_ring *r, const struct scap_event *ev)
{
	uint32_t n = ev->nparams > MAX_PARAMS ? MAX_PARAMS : ev->nparams;
	size_t size = sizeof(struct ring_rec) + 4 * (size_t)n;

	for (uint32_t i = 0; i < n; i++)
		size += ev->params[i].val ? ev->params[i].len : 0;
	size = (size + 7) & ~(size_t)7;
	/* the oldest events leave first: past the window, or past the bytes */
	while (r->head && r->head != r->tail &&
	       (r->head->last_ts + r->window_ns < ev->ts || r->bytes + size > r->max_bytes))
		drop_head(r);
	if (!r->tail || r->tail->cap - r->tail->used < size) {
		size_t cap = size > CHUNK_BYTES ? size : CHUNK_BYTES;
		struct chunk *c = xmalloc(sizeof(*c) + cap);

		c->next = NULL;
		c->used = 0;
		c->cap = cap;
		if (r->tail)
			r->tail->next = c;
		else
			r->head = c;
		r->tail = c;
		r->bytes += cap;
	}
	uint8_t *at = r->tail->data + r->tail->used;
	struct ring_rec h = { .ts = ev->ts, .tid = ev->tid, .size = (uint32_t)size, .nparams = n,
			      .dump_flags = ev->dump_flags, .type = ev->type, .cpu = ev->cpu };
	uint8_t *lens = at + sizeof(h), *val = lens + 4 * (size_t)n;

	memcpy(at, &h, sizeof(h));
	for (uint32_t i = 0; i < n; i++) {
		uint32_t len = ev->params[i].val ? ev->params[i].len : 0;

		memcpy(lens + 4 * i, &len, 4);
		if (len)
			memcpy(val, ev->params[i].val, len);
		val += len;
	}
	r->tail->used += size;
	r->tail->last_ts = ev->ts;
}

/* The copy at AT as an event whose parameters point into the copy. */
static void ring_event(const uint8_t *at, struct scap_event *ev, struct scap_param *params)
{
	struct ring_rec h;
	const uint8_t *val;

	memcpy(&h, at, sizeof(h));
	val = at + sizeof(h) + 4 * (size_t)h.nparams;
	for (uint32_t i = 0; i < h.nparams; i++) {
		memcpy(&params[i].len, at + sizeof(h) + 4 * i, 4);
		params[i].val = val;
		val += params[i].len;
	}
	*ev = (struct scap_event){ .ts = h.ts, .tid = h.tid, .type = h.type,
				   .nparams = h.nparams, .cpu = h.cpu,
				   .dump_flags = h.dump_flags, .params = params };
	ev->len = (uint32_t)scap_event_record_len(ev->type, ev->nparams, params);
}

static void file_failed(struct capture_ring *r, const char *why)
{
	if (!r->failures++)
		msg("--capture-dir: %s (reported once; later failures are counted)", why);
}

static void file_close(struct capture_ring *r)
{
	char err[400];
	unsigned long long n = scap_writer_events(r->w);

	if (scap_writer_close(r->w, err, sizeof(err)))
		file_failed(r, err);
	else
		msg("capture: %s: %llu events", r->path, n);
	r->w = NULL;
}

static int write_event(struct capture_ring *r, const struct scap_event *ev)
{
	if (scap_writer_event(r->w, ev)) {
		file_failed(r, scap_writer_error(r->w));
		file_close(r);
		return -1;
	}
	if (scap_writer_bytes(r->w) >= r->max_bytes)
		file_close(r);
	return 0;
}

/* "Terminal shell in container" -> "terminal-shell-in-container", at most 64 characters. */
static void slug(const char *rule, char *out, size_t n)
{
	size_t len = 0;

	for (const char *s = rule; *s && len + 1 < n && len < 64; s++) {
		if (isalnum((unsigned char)*s))
			out[len++] = (char)tolower((unsigned char)*s);
		else if (len && out[len - 1] != '-')
			out[len++] = '-';
	}
	while (len && out[len - 1] == '-')
		len--;
	out[len] = 0;
	if (!len)
		snprintf(out, n, "alert");
}

/* Creates the file private to its owner: the writer then truncates it, keeping the mode. */
static bool create_file(struct capture_ring *r, const struct alert *a)
{
	time_t sec = (time_t)(a->ts / 1000000000ull);
	char when[32], name[80];
	struct tm tm;

	gmtime_r(&sec, &tm);
	strftime(when, sizeof(when), "%Y%m%dT%H%M%S", &tm);
	slug(a->rule ? a->rule : "", name, sizeof(name));
	for (int i = 0; i < 100; i++) {
		int fd;

		snprintf(r->path, sizeof(r->path), "%s/%s.%09" PRIu64 "Z-%s%s%.0d.scap", r->dir,
			 when, a->ts % UINT64_C(1000000000), name, i ? "-" : "", i);
		fd = open(r->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (fd >= 0) {
			close(fd);
			return true;
		}
		if (errno != EEXIST)
			break;
	}
	char why[PATH_MAX + 64];

	snprintf(why, sizeof(why), "%s: %s", r->path, strerror(errno));
	file_failed(r, why);
	return false;
}

void capture_ring_alert(struct capture_ring *r, const struct alert *a)
{
	char err[400];

	if (r->w) {
		if (a->ts + r->window_ns > r->end_ts)
			r->end_ts = a->ts + r->window_ns;
		return;
	}
	if (!create_file(r, a))
		return;
	if (!(r->w = scap_writer_open(r->path, false, err, sizeof(err)))) {
		file_failed(r, err);
		unlink(r->path);
		return;
	}
	r->files++;
	r->end_ts = a->ts + r->window_ns;
	struct scap_meta meta;

	scap_meta_init(&meta);
	meta.machine = r->machine;
	if (r->st)
		state_save_meta(r->st, &meta);
	int rc = scap_writer_section(r->w, &meta);

	scap_meta_free(&meta);
	if (rc) {
		file_failed(r, scap_writer_error(r->w));
		file_close(r);
		return;
	}
	uint64_t from = a->ts > r->window_ns ? a->ts - r->window_ns : 0;
	struct scap_param params[MAX_PARAMS];
	struct scap_event ev;

	for (struct chunk *c = r->head; c && r->w; c = c->next) {
		if (c->last_ts < from)
			continue;
		for (size_t off = 0; off < c->used && r->w;) {
			ring_event(c->data + off, &ev, params);
			off += ((const struct ring_rec *)(c->data + off))->size;
			if (ev.ts >= from && write_event(r, &ev))
				return;
		}
	}
}

static int on_event(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	struct capture_ring *r = opaque;

	r->st = p->st;
	if (r->w && ev->ts > r->end_ts)
		file_close(r);
	if (r->w)
		write_event(r, ev);
	ring_append(r, ev);
	return 0;
}

static int on_meta(void *opaque, struct pipeline *p, const struct scap_meta *m)
{
	struct capture_ring *r = opaque;

	r->st = p->st;
	if (m->machine.present && !r->machine.present)
		r->machine = m->machine;
	return 0;
}

/* A live run closes the file on time even when no event comes. */
static int on_tick(void *opaque, struct pipeline *p)
{
	struct capture_ring *r = opaque;
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	if (r->w && (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec > r->end_ts)
		file_close(r);
	return 0;
}

static int on_end(void *opaque, struct pipeline *p)
{
	struct capture_ring *r = opaque;

	if (r->w)
		file_close(r);
	if (r->failures > 1)
		msg("--capture-dir: %" PRIu64 " captures failed", r->failures);
	return r->failures ? 1 : 0;
}

void capture_ring_add(struct capture_ring *r, struct pipeline *p)
{
	r->st = p->st;
	pipeline_add(p, &(struct consumer){ .name = "capture-ring", .on_event = on_event,
					    .on_meta = on_meta, .on_tick = on_tick,
					    .on_end = on_end, .opaque = r });
}

uint64_t capture_ring_files(const struct capture_ring *r)
{
	return r->files;
}

void capture_ring_free(struct capture_ring *r)
{
	if (!r)
		return;
	if (r->w)
		file_close(r);
	while (r->head)
		drop_head(r);
	free(r->dir);
	free(r);
}
