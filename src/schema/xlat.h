/* SPDX-License-Identifier: Apache-2.0 */
/* Value <-> name tables for flags and constants (O_*, PROT_*, AF_*, ...). */
#ifndef SYSRAY_SCHEMA_XLAT_H
#define SYSRAY_SCHEMA_XLAT_H

#include <stddef.h>
#include <stdint.h>

struct xlat_pair {
	uint64_t val;
	const char *str;
};

struct xlat {
	const struct xlat_pair *pairs;
	size_t n;
};

#define XLAT_PAIR(sym) { (uint64_t)(sym), #sym }
#define XLAT_DEFINE(name_, ...) \
	static const struct xlat_pair name_##_pairs[] = { __VA_ARGS__ }; \
	const struct xlat name_ = { name_##_pairs, sizeof(name_##_pairs) / sizeof(name_##_pairs[0]) }

/* The name of VAL in X, or NULL. Linear: tables are short. */
const char *xlat_lookup(const struct xlat *x, uint64_t val);

#endif
