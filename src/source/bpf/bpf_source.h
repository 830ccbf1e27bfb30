/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The eBPF source: system-wide syscall events from the kernel through one BPF ring buffer.
 * Lifecycle: bpf_source_open() (probe features, configure, load, attach), then
 * bpf_source_poll() in a loop, bpf_source_detach() and one last bpf_source_poll() to drain,
 * bpf_source_close(). Records are laid out as in bpf_event.h; the source never prints.
 */
#ifndef SYSRAY_SOURCE_BPF_BPF_SOURCE_H
#define SYSRAY_SOURCE_BPF_BPF_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "source/bpf/bpf_event.h"

struct bpf_source_config {
	const pid_t *pids;		/* thread groups to capture (and their children); */
	size_t npids;			/* none: the whole system */
	const uint64_t *syscall_mask;	/* SR_SC_WORDS words of syscall numbers, or NULL: all */
	const char *const *comms;	/* process names to capture (first 15 bytes count); */
	size_t ncomms;			/* none: any name */
	const uint64_t *state_mask;	/* with comms or cgroup_filter: syscalls sent whatever
					 * the name or cgroup */
	bool cgroup_filter;		/* drop the cgroups given a false verdict */
	bool procexit;			/* emit procexit events (default with no syscall mask) */
	uint32_t snaplen;		/* bytes of I/O buffers kept, 0: 80 */
	uint32_t ring_mb;		/* ring buffer size in MiB (power of two), 0: 16 */
	/* Called once the programs are loaded, right before they are attached (again if the
	 * raw tracepoint fallback attaches a second time): where a caller reads /proc so that
	 * the window between its reading and the first event is as short as the attach. */
	void (*before_attach)(void *arg);
	void *before_attach_arg;
};

struct bpf_source;

/* Called for every record; return non-zero to stop consuming. */
typedef int (*bpf_record_fn)(void *ctx, const void *rec, size_t size);

/* Loads and attaches the programs. On failure returns NULL with a message in ERR naming the
 * missing kernel feature or the step that failed. */
struct bpf_source *bpf_source_open(const struct bpf_source_config *cfg, char *err,
				   size_t errlen);

/* Waits up to TIMEOUT_MS for records, then hands at most MAX of them to FN. Returns the number
 * handed over, or a negative errno. A ring that is never empty cannot keep it looping. */
long bpf_source_poll(struct bpf_source *s, int timeout_ms, size_t max, bpf_record_fn fn,
		     void *ctx);

/* Detaches the programs: no new records; those already queued can still be polled. */
void bpf_source_detach(struct bpf_source *s);

/* With cgroup_filter: whether events of tasks in the v2 cgroup CGROUP_ID (its directory's
 * inode number) are sent. A cgroup without a verdict is sent. Returns 0 or a negative errno. */
int bpf_source_set_cgroup_verdict(struct bpf_source *s, uint64_t cgroup_id, bool pass);

/* Records lost because the ring was full, summed over CPUs. */
uint64_t bpf_source_drops(struct bpf_source *s);

/* Events the in-kernel filter of KIND (SR_FILTERED_COMM, SR_FILTERED_CGROUP) kept out of
 * the ring, summed over CPUs. */
uint64_t bpf_source_filtered(struct bpf_source *s, unsigned kind);

/* "tp_btf" or "raw_tracepoint": how the programs are attached. */
const char *bpf_source_attach_kind(const struct bpf_source *s);

void bpf_source_close(struct bpf_source *s);

#endif
