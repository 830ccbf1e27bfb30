/* SPDX-License-Identifier: Apache-2.0 */
/* The names an event can go by (evt.type): sysdig 0.29's event names and syscall names. */
#ifndef SYSRAY_CAPTURE_EVENT_NAMES_H
#define SYSRAY_CAPTURE_EVENT_NAMES_H

#include <stdbool.h>

/* Is NAME the name of an event sysdig 0.29 can report: a code it knows ("open", "procexit",
 * "switch", "container"...) or a syscall, which travels as a generic event under its own name
 * ("brk", "mmap2", "socketcall": libs' syscall names cover every architecture)? */
bool scap_event_name_known(const char *name);

/* The known name closest to NAME, or NULL when none is near. */
const char *scap_event_name_suggest(const char *name);

#endif
