/* SPDX-License-Identifier: Apache-2.0 */
#include "util/int_map.h"

#include <stdlib.h>

#include "util/util.h"

static size_t slot_of(const struct int_map *m, uint32_t key)
{
	/* Fibonacci hashing: consecutive tids spread over the table. */
	return (size_t)((key * 2654435769u) & (m->nslots - 1));
}

static size_t find(const struct int_map *m, uint32_t key)
{
	size_t i = slot_of(m, key);

	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->nslots - 1);
	return i;
}

void *int_map_get(const struct int_map *m, uint32_t key)
{
	if (!m->nslots)
		return NULL;
	size_t i = find(m, key);

	return m->keys[i] ? m->vals[i] : NULL;
}

static void grow(struct int_map *m)
{
	struct int_map bigger = { .nslots = m->nslots ? m->nslots * 2 : 64 };

	bigger.keys = xcalloc(bigger.nslots, sizeof(*bigger.keys));
	bigger.vals = xcalloc(bigger.nslots, sizeof(*bigger.vals));
	for (size_t i = 0; i < m->nslots; i++)
		if (m->keys[i])
			int_map_put(&bigger, m->keys[i], m->vals[i]);
	int_map_free(m);
	*m = bigger;
}

void int_map_put(struct int_map *m, uint32_t key, void *val)
{
	if ((m->n + 1) * 2 > m->nslots)
		grow(m);
	size_t i = find(m, key);

	if (!m->keys[i]) {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
}

void *int_map_take(struct int_map *m, uint32_t key)
{
	if (!m->nslots)
		return NULL;
	size_t i = find(m, key);

	if (!m->keys[i])
		return NULL;
	void *val = m->vals[i];

	m->keys[i] = 0;
	m->n--;
	/* Linear probing: the entries after the hole move back where their probe finds them. */
	for (size_t j = (i + 1) & (m->nslots - 1); m->keys[j]; j = (j + 1) & (m->nslots - 1)) {
		uint32_t k = m->keys[j];
		void *v = m->vals[j];

		m->keys[j] = 0;
		m->n--;
		int_map_put(m, k, v);
	}
	return val;
}

void int_map_each(const struct int_map *m, void (*fn)(void *ctx, uint32_t key, void *val),
		  void *ctx)
{
	for (size_t i = 0; i < m->nslots; i++)
		if (m->keys[i])
			fn(ctx, m->keys[i], m->vals[i]);
}

void int_map_free(struct int_map *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->nslots = m->n = 0;
}
