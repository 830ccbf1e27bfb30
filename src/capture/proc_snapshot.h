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

/*
 * A live capture reads /proc twice: before its programs are attached (EARLY) and after
 * (M). A thread that existed before the attach but exited before the second reading is
 * known only from EARLY, and its last events (its exit among them) are in the ring: each
 * thread of EARLY missing from M is moved into M. What remains of EARLY is the caller's.
 */
void proc_snapshot_keep_exited(struct scap_meta *m, struct scap_meta *early);

/* A bpf_source_config.before_attach callback: ARG is a struct scap_meta, initialised; it is
 * emptied and filled with a reading of /proc. */
void proc_snapshot_before_attach(void *arg);

#endif
