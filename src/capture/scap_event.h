/* SPDX-License-Identifier: Apache-2.0 */
/* One event in memory, as every source produces it (DESIGN.md "one event model"): the v2
 * header fields, the CPU and dump flags of its block, and the parameters as (pointer, length)
 * views into the record. Types and names of parameters come from the event table. */
#ifndef SYSRAY_CAPTURE_SCAP_EVENT_H
#define SYSRAY_CAPTURE_SCAP_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture/event_table.h"

struct scap_param {
	const uint8_t *val;
	uint32_t len;		/* 0: value not available */
};

struct scap_event {
	uint64_t ts;		/* ns since the epoch */
	int64_t tid;
	uint32_t len;		/* record length, v2 header included */
	uint16_t type;		/* event code */
	uint32_t nparams;	/* parameters present (may differ from the table's count) */
	uint16_t cpu;
	uint32_t dump_flags;	/* EVF blocks; 0 otherwise */
	uint32_t block_type;	/* block it came from (reader) or 0 */
	uint64_t offset;	/* offset of that block in the (decompressed) file */
	const uint8_t *record;	/* the v2 record, len bytes */
	struct scap_param *params;	/* nparams entries */
};

/* Parses the v2 record at REC (AVAIL bytes available) into EV, with PARAMS as storage for
 * up to MAX_PARAMS parameters. Returns 0, or -1 with a reason in ERR (ERRLEN bytes). Every
 * parameter is checked to lie inside the record. */
int scap_event_parse(const uint8_t *rec, size_t avail, struct scap_event *ev,
		     struct scap_param *params, size_t max_params, char *err, size_t errlen);

/* The table entry of the parameter I of EV, or NULL (unknown event type, or beyond the
 * table's parameters: a newer producer). */
const struct scap_param_info *scap_event_param_info(const struct scap_event *ev, unsigned i);
/* The event name ("open"), or NULL for a code beyond the table. */
const char *scap_event_name(const struct scap_event *ev);

/* Integer values of fixed-width parameters, little-endian; the width is the parameter's
 * length (1, 2, 4 or 8). Return false when the length is none of those. */
bool scap_param_u64(const struct scap_param *p, uint64_t *v);
bool scap_param_s64(const struct scap_param *p, int64_t *v);
/* A CHARBUF/FSPATH value as a C string: NULL if it is not NUL-terminated inside its length
 * or the length is 0. */
const char *scap_param_str(const struct scap_param *p);

/* Record bytes needed for NPARAMS parameters of TYPE with these lengths (the record itself is
 * built by capture/event_builder.h). */
size_t scap_event_record_len(unsigned type, uint32_t nparams, const struct scap_param *params);

#endif
