/* SPDX-License-Identifier: Apache-2.0 */
/* libs' own syscall numbering (PPM_SC_*), used by the ID parameter of generic events. */
#ifndef SYSRAY_CAPTURE_PPM_SC_H
#define SYSRAY_CAPTURE_PPM_SC_H

/* The syscall name of CODE ("arch_prctl"), or NULL when unknown (code 0 is "unknown"). */
const char *scap_ppm_sc_name(unsigned code);

#endif
