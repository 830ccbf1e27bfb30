/* SPDX-License-Identifier: Apache-2.0 */
/* sysdig's evt.category: the category of an event type, refined by the fd for I/O events. */
#ifndef SYSRAY_FIELDS_EVENT_CATEGORY_H
#define SYSRAY_FIELDS_EVENT_CATEGORY_H

#include <stdbool.h>

#include "capture/scap_event.h"
#include "state/state.h"

/* True for the event types libs classes as internal (procinfo, container, drop...). */
bool event_category_is_internal(const struct scap_event *ev);

/* True for the event types libs classes as I/O (read, write or other I/O on an fd). */
bool event_category_is_io(const struct scap_event *ev);

/* True for the event types (generic ones by their syscall) libs classes as memory. */
bool event_category_is_memory(const struct scap_event *ev);

/*
 * The category name of EV as sysdig 0.29 prints it: "file", "net", "IPC", "memory",
 * "process", "sleep", "system", "signal", "user", "time", "wait", "scheduler", "other" or
 * "unknown". I/O events take the category of FD ("file", "net", "ipc"; "unknown" when FD is
 * NULL or of another type); generic events take their syscall's category.
 */
const char *event_category(const struct scap_event *ev, const struct st_fd *fd);

#endif
