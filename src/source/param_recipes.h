/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The syscalls whose dedicated events one table-driven encoder makes, on the eBPF side
 * (sysray.bpf.c's recipe_event()) and in trace -w (trace/encode/recipes.c): which event each
 * syscall is sent as and where each parameter's value comes from, as libs' drivers fill them
 * (reference/scap-event-table.md for the lists). The recipe layout is source/bpf/bpf_event.h's.
 */
#ifndef SYSRAY_SOURCE_PARAM_RECIPES_H
#define SYSRAY_SOURCE_PARAM_RECIPES_H

#include <linux/types.h>

#include "source/bpf/bpf_event.h"

/*
 * Fills T (SR_MAX_SYSCALLS entries, indexed by the x86_64 syscall number) from the table:
 * each syscall's events with the event table's parameter lists. Entries of other syscalls are
 * zero. Built once; the table's rows are checked by tests/unit/test_param_recipes.c.
 */
void param_recipes_build(struct sr_syscall_recipes *t);

#endif
