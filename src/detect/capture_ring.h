/* SPDX-License-Identifier: Apache-2.0 */
/*
 * --capture-dir DIR: a pipeline consumer that keeps copies of the recent events (a ring
 * bounded by capture.seconds of event time and by capture.max_bytes) and, on an alert, writes
 * DIR/<time>-<rule>.scap (mode 0600): the state's threads, fds and users as metadata, the
 * events of the capture.seconds before the alert, then the events up to capture.seconds after
 * it. An alert while a file is being written extends that file to its own seconds after;
 * a file stops at capture.max_bytes. A file still open at the end of the run is finalised.
 * The files are sysdig .scap captures (capture/scap_writer.h).
 *
 *	struct capture_ring_config cfg = CAPTURE_RING_DEFAULTS;
 *	capture_ring_option(&cfg, "capture.seconds", "10", err, sizeof(err));	(per -o)
 *	ring = capture_ring_new(dir, &cfg, err, sizeof(err));
 *	capture_ring_add(ring, &pipeline);	(before the rules' consumer)
 *	alert_outputs_set_capture(outputs, ring);
 *	...	pipeline_end() finalises the file being written
 *	capture_ring_free(ring);
 */
#ifndef SYSRAY_DETECT_CAPTURE_RING_H
#define SYSRAY_DETECT_CAPTURE_RING_H

#include <stddef.h>
#include <stdint.h>

#include "detect/alert.h"
#include "detect/outputs.h"
#include "pipeline/pipeline.h"

struct capture_ring_config {
	double seconds;		/* before and after an alert */
	uint64_t max_bytes;	/* the ring's copies, and each file */
};

#define CAPTURE_RING_DEFAULTS { .seconds = 5, .max_bytes = 64ull << 20 }

struct capture_ring;

/* capture.seconds and capture.max_bytes; NOT_MINE for any other key. */
enum output_option capture_ring_option(struct capture_ring_config *cfg, const char *key,
				       const char *value, char *err, size_t errlen);

/* Creates DIR (mode 0700) when missing and checks that it is a writable directory. NULL with
 * the reason in ERR. */
struct capture_ring *capture_ring_new(const char *dir, const struct capture_ring_config *cfg,
				      char *err, size_t errlen);
void capture_ring_add(struct capture_ring *r, struct pipeline *p);
/* An alert: starts a file, or extends the one being written. */
void capture_ring_alert(struct capture_ring *r, const struct alert *a);
/* Files written so far. */
uint64_t capture_ring_files(const struct capture_ring *r);
void capture_ring_free(struct capture_ring *r);

#endif
