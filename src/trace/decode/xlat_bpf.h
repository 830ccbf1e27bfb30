/* SPDX-License-Identifier: Apache-2.0 */
/* Constant tables of the bpf(2) decoder (xlat_bpf.c). */
#ifndef SYSRAY_TRACE_DECODE_XLAT_BPF_H
#define SYSRAY_TRACE_DECODE_XLAT_BPF_H

#include "schema/xlat.h"

extern const struct xlat xlat_bpf_commands;
extern const struct xlat xlat_bpf_map_types;
extern const struct xlat xlat_bpf_map_flags;
extern const struct xlat xlat_bpf_lookup_flags;
extern const struct xlat xlat_bpf_update_flags;
extern const struct xlat xlat_bpf_file_mode_flags;
extern const struct xlat xlat_bpf_attach_types;
extern const struct xlat xlat_bpf_attach_flags;
extern const struct xlat xlat_bpf_prog_types;
extern const struct xlat xlat_bpf_prog_flags;

#endif
