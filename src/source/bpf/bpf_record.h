/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading the eBPF source's records: the prefix, the scap event header and the parameters,
 * checked against the record size; and how many parameters the source writes for each event
 * type it emits (their names and types are those of capture/event_table.h).
 */
#ifndef SYSRAY_SOURCE_BPF_BPF_RECORD_H
#define SYSRAY_SOURCE_BPF_BPF_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "source/bpf/bpf_event.h"

#define SR_MAX_PARAMS 32

struct sr_param {
	const uint8_t *val;
	uint16_t len;			/* 0: not available */
};

struct sr_record {
	const struct sr_rec_prefix *prefix;
	uint64_t ts;
	uint64_t tid;
	uint16_t type;
	uint32_t nparams;
	const void *event;		/* the scap event record */
	uint32_t event_len;
	struct sr_param params[SR_MAX_PARAMS];
};

/* Splits a ring record; -1 when it is shorter than its header or lengths say. */
int sr_record_parse(const void *data, size_t size, struct sr_record *r);

/* The number of parameters the source writes for scap event TYPE (a prefix of the event table's
 * list, plus the generic events' own), -1 for a type the source never emits. */
int sr_event_nparams(uint16_t type);

/* Parameter I as an integer of its width (sign-extended for INT64/ERRNO/FD/PID). */
int64_t sr_param_int(const struct sr_record *r, uint32_t i);

#endif
