/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A container.id filter pushed into the kernel: the eBPF programs drop the events of tasks
 * whose v2 cgroup has a "no match" verdict. Verdicts are computed here from each cgroup's
 * path (the container id it names) and refreshed while the capture runs, so that containers
 * started later get one; a cgroup without a verdict is sent, and user space filters it.
 */
#ifndef SYSRAY_PIPELINE_CGROUP_PUSHDOWN_H
#define SYSRAY_PIPELINE_CGROUP_PUSHDOWN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "filter/filter.h"
#include "source/bpf/bpf_source.h"

struct cgroup_pushdown {
	const struct filter *flt;
	const char *mnt;	/* the v2 hierarchy's mount point */
	/*
	 * With v2 only, a thread's cgroups are its v2 cgroup, so its verdict is exact. On a
	 * hybrid machine a container id may also be in a v1 path only: a v2 cgroup whose path
	 * names no container is then always sent.
	 */
	bool exact;
	uint64_t *ids;		/* cgroups given a verdict, sorted */
	size_t nids, cap;
	size_t dropped;		/* cgroups with a "no match" verdict */
};

/* Whether filter F can be pushed down on this machine; fills P when it can. */
bool cgroup_pushdown_init(struct cgroup_pushdown *p, const struct filter *f);

/* Gives every cgroup not seen before its verdict. */
void cgroup_pushdown_scan(struct cgroup_pushdown *p, struct bpf_source *src);

void cgroup_pushdown_free(struct cgroup_pushdown *p);

#endif
