/* SPDX-License-Identifier: Apache-2.0 */
/* A map from non-zero 32-bit keys (tids, pids) to pointers: open addressing, grows by 2. */
#ifndef SYSRAY_UTIL_INT_MAP_H
#define SYSRAY_UTIL_INT_MAP_H

#include <stddef.h>
#include <stdint.h>

struct int_map {
	uint32_t *keys;		/* 0: empty slot */
	void **vals;
	size_t nslots;		/* a power of 2, or 0 */
	size_t n;
};

/* The value of KEY, or NULL. */
void *int_map_get(const struct int_map *m, uint32_t key);
/* Sets KEY's value (KEY != 0, VAL != NULL). */
void int_map_put(struct int_map *m, uint32_t key, void *val);
/* Removes KEY and returns its value, or NULL. */
void *int_map_take(struct int_map *m, uint32_t key);
/* Calls FN on every value (the map must not change meanwhile). */
void int_map_each(const struct int_map *m, void (*fn)(void *ctx, uint32_t key, void *val),
		  void *ctx);
/* Frees the map's own memory, not the values. */
void int_map_free(struct int_map *m);

#endif
