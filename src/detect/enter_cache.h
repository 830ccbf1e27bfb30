/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The last enter event of each thread, kept so that rules evaluated on the exit event can read
 * the enter event's parameters (Falco's model: libs >= 0.22 carries them on the exit). A
 * thread has one syscall in progress at a time, so one event per thread suffices.
 */
#ifndef SYSRAY_DETECT_ENTER_CACHE_H
#define SYSRAY_DETECT_ENTER_CACHE_H

#include "capture/scap_event.h"

struct enter_slot;

struct enter_cache {
	struct enter_slot *slots;	/* open addressing on tid */
	size_t n, cap;
};

/* Keeps a copy of EV (an enter event) as its thread's. */
void enter_cache_put(struct enter_cache *c, const struct scap_event *ev);

/* The enter event paired with EXIT (same thread, the enter code of EXIT's code, and for
 * generic events the same syscall), or NULL. */
const struct scap_event *enter_cache_pair(struct enter_cache *c, const struct scap_event *exit);

/* Forgets thread TID (its procexit). */
void enter_cache_drop(struct enter_cache *c, int64_t tid);

void enter_cache_free(struct enter_cache *c);

#endif
