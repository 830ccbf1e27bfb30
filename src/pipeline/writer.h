/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The -w consumer: the events its filter accepts, written to a .scap file (raw or gzip),
 * plus, marked state-only, the rejected events that keep a reader's state current; with
 * sysdig's rotation: a new file past -C bytes or every -G seconds, -W files at most.
 * Each file is a whole capture: it starts with the metadata the pipeline was given (the
 * first file) or a fresh snapshot (the next ones), and describes the containers its events
 * run in with a container event before the first such event. With only_needed_state (a
 * filtered capture) a file holds only what its matched events need (needed_state.h).
 */
#ifndef SYSRAY_PIPELINE_WRITER_H
#define SYSRAY_PIPELINE_WRITER_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "capture/scap_meta.h"
#include "capture/scap_writer.h"
#include "pipeline/pipeline.h"

struct needed_state;

struct writer {
	/* set by the caller */
	const char *path;		/* may hold strftime(3) conversions with rotate_seconds */
	bool gzip;
	uint64_t rotate_bytes;		/* -C: start a new file past this size; 0: never */
	uint64_t rotate_seconds;	/* -G: start a new file this often; 0: never */
	uint64_t max_files;		/* -W: with -C, a ring of files; with -G, stop after */
	/* a filtered capture: only the state its matched events need (needed_state.h) */
	bool only_needed_state;
	/* the metadata of the next file (a /proc snapshot) */
	size_t (*snapshot)(struct scap_meta *m);
	/* kept by the writer */
	struct scap_writer *w;
	uint64_t nfiles;		/* files opened so far */
	struct timespec file_start;	/* when the current file was opened (-G) */
	bool disk_error;
	bool files_done;		/* -G with -W: the last file is complete */
	char (*announced)[16];		/* containers the current file has described */
	char out_path[PATH_MAX + 32];	/* the current file */
	char spool_path[PATH_MAX + 48];	/* its spool, with only_needed_state */
	struct needed_state *needed;
	size_t nannounced;
};

/* Appends W to P behind FLT. The first file opens with the pipeline's first metadata. */
void writer_add(struct writer *w, struct pipeline *p, const struct filter *flt);

#endif
