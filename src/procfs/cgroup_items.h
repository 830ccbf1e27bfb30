/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A thread's cgroups in sysdig's form, "subsys=path" items each ending in NUL, as the cgroups
 * parameter of clone/execve exits and the process tables of capture files carry them. The
 * /proc snapshot and the eBPF programs build the same items: one per cgroup v1 controller
 * (named hierarchies such as name=systemd have no controller and are left out), and, when the
 * v2 hierarchy has controllers, one per controller naming the v2 cgroup.
 */
#ifndef SYSRAY_PROCFS_CGROUP_ITEMS_H
#define SYSRAY_PROCFS_CGROUP_ITEMS_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define CGROUP_ITEMS_MAX	16
#define CGROUP_ITEM_DFL		0xff	/* the item names the v2 hierarchy's cgroup */

/* Where the v2 hierarchy is mounted: /sys/fs/cgroup (v2 only), /sys/fs/cgroup/unified
 * (hybrid), or NULL. */
const char *cgroup_v2_mount(void);

/* The items' layout for the kernel: the subsystem id (its row in /proc/cgroups) or
 * CGROUP_ITEM_DFL, and "name=". Returns the number of items. */
size_t cgroup_item_layout(uint8_t ids[CGROUP_ITEMS_MAX], char names[CGROUP_ITEMS_MAX][16]);

/* The items of process PID from /proc/PID/cgroup, in a malloc'd buffer (*LEN bytes);
 * NULL when the file cannot be read. */
char *cgroup_items_of(pid_t pid, size_t *len);

#endif
