/* SPDX-License-Identifier: Apache-2.0 */
/* The container a process runs in, from the text of its /proc/PID/cgroup. */
#ifndef SYSRAY_PROCFS_CONTAINER_H
#define SYSRAY_PROCFS_CONTAINER_H

#include "schema/container_id.h"

/*
 * Finds the container in the text of /proc/PID/cgroup (one "ID:CONTROLLERS:PATH" line per
 * hierarchy; one "0::PATH" line on cgroup v2): the first line whose path names one, by the
 * rule of schema/container_id.h. Returns 1 when found.
 */
int container_from_cgroup(const char *cgroup_text, struct container_ref *out);

#endif
