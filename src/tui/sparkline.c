/* SPDX-License-Identifier: Apache-2.0 */
/* The rows' sparklines (sparkline.h): open addressing by key over a table of histories. */
#include "tui/sparkline.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

struct hist {
	char *key;		/* NULL: an empty slot */
	double v[SPARK_N];	/* v[(start + i) % SPARK_N], oldest first */
	unsigned n, start;
	uint64_t seen;		/* the last sample that had the row */
};

struct spark_hist {
	struct hist *slots;
	size_t nslots, used;
	uint64_t sample;	/* the sample being added, from 1 */
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

struct spark_hist *spark_new(void)
{
	struct spark_hist *h = xcalloc(1, sizeof(*h));

	h->nslots = 256;
	h->slots = xcalloc(h->nslots, sizeof(*h->slots));
	h->sample = 1;
	return h;
}

void spark_reset(struct spark_hist *h)
{
	for (size_t i = 0; i < h->nslots; i++)
		free(h->slots[i].key);
	memset(h->slots, 0, h->nslots * sizeof(*h->slots));
	h->used = 0;
}

void spark_free(struct spark_hist *h)
{
	spark_reset(h);
	free(h->slots);
	free(h);
}

static struct hist *find(const struct spark_hist *h, const char *key)
{
	for (size_t i = hash(key) & (h->nslots - 1);; i = (i + 1) & (h->nslots - 1))
		if (!h->slots[i].key || !strcmp(h->slots[i].key, key))
			return &h->slots[i];
}

/* Rebuilds the table NSLOTS big with the rows seen in the current sample. */
static void rebuild(struct spark_hist *h, size_t nslots)
{
	struct hist *old = h->slots;
	size_t n = h->nslots;

	h->slots = xcalloc(nslots, sizeof(*h->slots));
	h->nslots = nslots;
	h->used = 0;
	for (size_t i = 0; i < n; i++) {
		if (!old[i].key)
			continue;
		if (old[i].seen != h->sample) {
			free(old[i].key);
			continue;
		}
		*find(h, old[i].key) = old[i];
		h->used++;
	}
	free(old);
}

void spark_add(struct spark_hist *h, const char *key, double v)
{
	if (2 * (h->used + 1) > h->nslots)
		rebuild(h, 2 * h->nslots);
	struct hist *e = find(h, key);

	if (!e->key) {
		e->key = xstrdup(key);
		h->used++;
	}
	if (e->n < SPARK_N) {
		e->v[(e->start + e->n++) % SPARK_N] = v;
	} else {
		e->v[e->start] = v;
		e->start = (e->start + 1) % SPARK_N;
	}
	e->seen = h->sample;
}

void spark_end_sample(struct spark_hist *h)
{
	rebuild(h, h->nslots);
	h->sample++;
}

void spark_render(const struct spark_hist *h, const char *key, struct out *o)
{
	static const char *const blocks[] = { "\u2581", "\u2582", "\u2583", "\u2584",
					      "\u2585", "\u2586", "\u2587", "\u2588" };
	const struct hist *e = find(h, key);
	unsigned n = e->key ? e->n : 0;
	double max = 0;

	for (unsigned i = 0; i < n; i++)
		if (e->v[(e->start + i) % SPARK_N] > max)
			max = e->v[(e->start + i) % SPARK_N];
	for (unsigned i = n; i < SPARK_N; i++)
		out_putc(o, ' ');
	for (unsigned i = 0; i < n; i++) {
		double v = e->v[(e->start + i) % SPARK_N];
		int level = max > 0 && v > 0 ? (int)(v / max * 7.0 + 0.5) : 0;

		out_puts(o, blocks[level < 0 ? 0 : level > 7 ? 7 : level]);
	}
}
