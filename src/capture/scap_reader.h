/* SPDX-License-Identifier: Apache-2.0 */
/* Reader of sysdig .scap capture files (raw or gzip; every block and event version of the
 * reference; concatenated sections). It streams: one block in memory at a time.
 *
 *	struct scap_reader *r = scap_reader_open_path("x.scap");
 *	struct scap_event ev;
 *	int rc;
 *	while ((rc = scap_reader_next(r, &ev)) > 0)
 *		if (rc == SCAP_EVENT) ... ev ...; else (SCAP_SECTION) ... new metadata ...
 *	if (rc < 0) report scap_reader_error(r);
 *	scap_reader_close(r);
 *
 * Bad input never crashes or loops: everything sound before the problem is delivered, then
 * SCAP_ERROR with one message that names the byte offset (in the decompressed stream for
 * gzip files). */
#ifndef SYSRAY_CAPTURE_SCAP_READER_H
#define SYSRAY_CAPTURE_SCAP_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "capture/scap_event.h"
#include "capture/scap_meta.h"

enum scap_next {
	SCAP_ERROR = -1,
	SCAP_EOF = 0,
	SCAP_EVENT = 1,
	/* A new section (SHB) began and its metadata replaced scap_reader_meta(). */
	SCAP_SECTION = 2,
};

/* Counts of what the reader has seen so far. */
struct scap_reader_stats {
	uint64_t blocks;
	uint64_t events;
	uint64_t sections;
	uint64_t skipped_blocks;	/* unknown blocks skipped (or misplaced metadata) */
	uint64_t state_only;		/* events with the STATE_ONLY dump flag */
	/* Blocks per type: the ids are few; unknown ids share the last slot. */
	struct {
		uint32_t type;
		uint64_t count;
	} per_block[40];
	unsigned nblock_types;
};

struct scap_reader;

/* Opens PATH ("-" = stdin) and reads the first section's metadata. Never NULL: an open or
 * metadata error is returned by the first scap_reader_next(). */
struct scap_reader *scap_reader_open_path(const char *path);
/* Reads the N bytes at P (kept by the caller until close); NAME labels messages. */
struct scap_reader *scap_reader_open_mem(const void *p, size_t n, const char *name);
void scap_reader_close(struct scap_reader *r);

/* The next event or section start. EV (and its params) stay valid until the next call. */
int scap_reader_next(struct scap_reader *r, struct scap_event *ev);

/* Metadata of the current section. */
const struct scap_meta *scap_reader_meta(const struct scap_reader *r);
const struct scap_reader_stats *scap_reader_stats(const struct scap_reader *r);
/* Version of the current section's header. */
void scap_reader_version(const struct scap_reader *r, unsigned *major, unsigned *minor);
bool scap_reader_is_gzip(const struct scap_reader *r);

/* After SCAP_ERROR: "FILE: MESSAGE at byte offset N". */
const char *scap_reader_error(const struct scap_reader *r);
/* The offset of the problem (decompressed), valid after SCAP_ERROR. */
uint64_t scap_reader_error_offset(const struct scap_reader *r);
/* Non-fatal findings (blocks skipped, sysdig-incompatible corners), one per line; "" if
 * none. */
const char *scap_reader_warnings(const struct scap_reader *r);

#endif
