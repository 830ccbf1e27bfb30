/* SPDX-License-Identifier: Apache-2.0 */
/* Capability sets (CapEff, CapBnd, ... of /proc/PID/status) decoded into names. */
#ifndef SYSRAY_PROCFS_CAPS_H
#define SYSRAY_PROCFS_CAPS_H

#include <stdint.h>

/* "cap_chown" for 0 ... "cap_checkpoint_restore" for 40; NULL past the known ones. */
const char *cap_name(unsigned int cap);
/* The number of capabilities this table names (CAP_LAST_CAP + 1). */
unsigned int cap_count(void);

/* Visits each capability in SET: its name, or NULL for a bit past the table (then N). */
void caps_each(uint64_t set, void (*fn)(void *ctx, unsigned int n, const char *name), void *ctx);

#endif
