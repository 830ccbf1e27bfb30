/* SPDX-License-Identifier: Apache-2.0 */
/* The metadata of a live capture's first section, read from the running system: machine,
 * network interfaces (getifaddrs), users and groups (the passwd and group databases), every
 * thread in /proc with its process's open descriptors (reference §5-§9: what the process
 * and fd lists of a .scap hold). */
#ifndef SYSRAY_CAPTURE_PROC_SNAPSHOT_H
#define SYSRAY_CAPTURE_PROC_SNAPSHOT_H

#include "capture/scap_meta.h"

/* Fills M (initialised by the caller). Processes that exit during the scan are left out.
 * Returns the number of threads read. */
size_t proc_snapshot(struct scap_meta *m);

#endif
