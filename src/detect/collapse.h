/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Collapsing of repeated alerts (`-o outputs.collapse=SECONDS`): the first alert of a rule
 * with a given message is delivered and opens a window of SECONDS (event time); the identical
 * alerts (same rule, same message) inside the window are only counted; when the window ends,
 * one summary alert carries the count: the last repeat, its text line followed by
 * " (repeated N more times within Ws)" ("time" for one) and its JSON object with
 * "repeated": N. The next identical alert after the window opens a new one. Every repeat
 * ends up in a summary: at the latest, collapse_expire(c, UINT64_MAX, ...) at the end emits
 * them all. Off by default, as in Falco, which delivers every alert: counting downstream
 * (Falcosidekick, a SIEM) sees one record per alert unless the user asks otherwise.
 */
#ifndef SYSRAY_DETECT_COLLAPSE_H
#define SYSRAY_DETECT_COLLAPSE_H

#include <stdbool.h>
#include <stdint.h>

#include "detect/alert.h"

struct collapse;

struct collapse *collapse_new(uint64_t window_ns);
void collapse_free(struct collapse *c);

/* true: deliver A (the first of its kind in a window); false: A was counted. Call
 * collapse_expire(c, a->ts, ...) first, so that windows ended by A's time are summarised
 * before A. */
bool collapse_offer(struct collapse *c, const struct alert *a);

/* Emits the summary of each window that ended at or before NOW (ns), oldest first, for
 * windows with repeats; forgets those windows. The alert passed to EMIT lives until EMIT
 * returns. */
void collapse_expire(struct collapse *c, uint64_t now,
		     void (*emit)(void *opaque, const struct alert *summary), void *opaque);

#endif
