/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/enter_cache.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* Parameters of the largest enter event kept (execve's enter has one). */
#define ENTER_MAX_PARAMS 32

struct enter_slot {
	int64_t tid;		/* 0: empty (no thread has tid 0 in events) */
	bool valid;		/* holds an event not yet paired */
	uint8_t *rec;		/* the parameters' bytes */
	size_t rec_cap;
	struct scap_event ev;
	struct scap_param params[ENTER_MAX_PARAMS];
};

static size_t hash(int64_t tid, size_t cap)
{
	return (size_t)((uint64_t)tid * 0x9e3779b97f4a7c15ull >> 20) & (cap - 1);
}

static struct enter_slot *find(struct enter_cache *c, int64_t tid, bool add)
{
	if (add && (c->n + 1) * 2 > c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 256;
		struct enter_slot *old = c->slots, *ns = xcalloc(ncap, sizeof(*ns));

		for (size_t i = 0; i < c->cap; i++) {
			if (!old[i].tid)
				continue;
			size_t h = hash(old[i].tid, ncap);
			while (ns[h].tid)
				h = (h + 1) & (ncap - 1);
			ns[h] = old[i];
			ns[h].ev.params = ns[h].params;
		}
		free(old);
		c->slots = ns;
		c->cap = ncap;
	}
	if (!c->cap)
		return NULL;
	size_t h = hash(tid, c->cap);
	while (c->slots[h].tid && c->slots[h].tid != tid)
		h = (h + 1) & (c->cap - 1);
	if (c->slots[h].tid == tid)
		return &c->slots[h];
	if (!add)
		return NULL;
	c->slots[h].tid = tid;
	c->n++;
	return &c->slots[h];
}

/* Sources need not give a record (the live one builds events from its ring's layout): the
 * copy is of the header and each parameter's bytes. */
void enter_cache_put(struct enter_cache *c, const struct scap_event *ev)
{
	struct enter_slot *s = find(c, ev->tid ? ev->tid : -1, true);
	uint32_t n = ev->nparams < ENTER_MAX_PARAMS ? ev->nparams : ENTER_MAX_PARAMS;
	size_t size = 0;

	for (uint32_t i = 0; i < n; i++)
		size += ev->params[i].len;
	if (size > s->rec_cap) {
		s->rec = xrealloc(s->rec, size);
		s->rec_cap = size;
	}
	s->ev = *ev;
	s->ev.record = NULL;
	s->ev.nparams = n;
	s->ev.params = s->params;
	size = 0;
	for (uint32_t i = 0; i < n; i++) {
		s->params[i].len = ev->params[i].len;
		s->params[i].val = ev->params[i].val && ev->params[i].len ? s->rec + size : NULL;
		if (s->params[i].val)
			memcpy(s->rec + size, ev->params[i].val, ev->params[i].len);
		size += ev->params[i].len;
	}
	s->valid = true;
}

const struct scap_event *enter_cache_pair(struct enter_cache *c, const struct scap_event *exit)
{
	struct enter_slot *s = find(c, exit->tid ? exit->tid : -1, false);

	if (!s || !s->valid || s->ev.type + 1 != exit->type)
		return NULL;
	if (scap_event_is_generic(exit->type)) {
		uint64_t a, b;

		if (!s->ev.nparams || !exit->nparams || !scap_param_u64(&s->ev.params[0], &a) ||
		    !scap_param_u64(&exit->params[0], &b) || a != b)
			return NULL;
	}
	return &s->ev;
}

void enter_cache_drop(struct enter_cache *c, int64_t tid)
{
	struct enter_slot *s = find(c, tid, false);

	if (s)
		s->valid = false;
}

void enter_cache_free(struct enter_cache *c)
{
	for (size_t i = 0; i < c->cap; i++)
		free(c->slots[i].rec);
	free(c->slots);
	*c = (struct enter_cache){ 0 };
}
