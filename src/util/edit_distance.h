/* SPDX-License-Identifier: Apache-2.0 */
/* How far apart two short names are, for "did you mean" suggestions. */
#ifndef SYSRAY_UTIL_EDIT_DISTANCE_H
#define SYSRAY_UTIL_EDIT_DISTANCE_H

#include <stdbool.h>
#include <stddef.h>

/* The Levenshtein distance of A and B; EDIT_DISTANCE_FAR when either is 64 bytes or longer
 * (names are short: the cost stays one 64-entry row). */
#define EDIT_DISTANCE_FAR ((size_t)-1)
size_t edit_distance(const char *a, const char *b);

/* Is a candidate at distance D from NAME near enough to suggest? Within a third of NAME's
 * length (and 3 edits at most): further than that a suggestion is noise. */
bool edit_distance_near(const char *name, size_t d);

#endif
