/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysdig 0.29's fields over the state layer: `evt.*`, `proc.*` and `thread.*`, `user.*` and
 * `group.*`, `container.*`, `fd.*`, `syslog.*`, `fdlist.*`, and `k8s.*`, `mesos.*` (with
 * `marathon.*`), `span.*`, `evtin.*`, which have no value here; one file per class
 * (fields/evt.c, proc.c, user.c, container.c, fd.c, syslog.c, fdlist.c, k8s.c, mesos.c,
 * span.c, evtin.c), each field's row pointing at its extractor. Every extractor receives
 * the struct scap_event being processed and the run's struct field_ctx, after state_event()
 * has been fed that event. fields/field.h says how a consumer reads a field.
 */
#ifndef SYSRAY_FIELDS_SYSDIG_H
#define SYSRAY_FIELDS_SYSDIG_H

#include <stdint.h>

#include "fields/field.h"
#include "format/render.h"
#include "output/out.h"
#include "procfs/container_api.h"
#include "state/state.h"

#define FIELD_CTX_SCRATCH 8

struct field_container {
	char id[16];
	bool found;
	struct container_meta meta;
};

struct field_ctx {
	struct state *st;
	uint64_t evnum;		/* evt.num of the current event */
	uint64_t first_ts;	/* time of the first event (evt.reltime) */
	enum buf_format bf;
	bool json;		/* -j: evt.args/evt.info keep long buffers whole */
	bool verbose;		/* -v: so does the text output */
	/*
	 * sysray detect only (Falco's model, where enter events are gone): the enter event of
	 * the exit event being read, or NULL. evt.arg.NAME then reads a parameter the exit
	 * event lacks from it (ptrace's request, socket's domain). NULL everywhere else, so
	 * that sysdig's output keeps sysdig 0.29's values.
	 */
	const struct scap_event *enter;
	/* csysdig's screen width, which scales evt.latency.quantized (0 off a terminal) */
	unsigned spectro_width;
	/*
	 * Live captures: asks the container runtime for a container's name and image (NULL:
	 * not asked; a file says nothing about them either). Each id is asked once.
	 */
	bool (*container_resolve)(const char *id, struct container_meta *m);
	struct field_container *containers;
	size_t ncontainers;
	/* text values live here until FIELD_CTX_SCRATCH more extractions have happened */
	struct out scratch[FIELD_CTX_SCRATCH];
	unsigned next_scratch;
};

/* sysdig's field classes in `sysdig -l` order; fields it lists that sysray does not extract
 * yet are there with a NULL extractor. */
const struct field_registry *sysdig_field_registry(void);

/* What the runtime says about container ID (12 hex digits), asked once; NULL when not known
 * or not asked (no container_resolve). */
const struct container_meta *field_ctx_container(struct field_ctx *c, const char *id);

/* Records what a capture file says about container ID (its container events). */
void field_ctx_container_add(struct field_ctx *c, const char *id, const struct container_meta *m);

void field_ctx_free(struct field_ctx *c);

#endif
