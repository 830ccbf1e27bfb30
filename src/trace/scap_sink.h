/* SPDX-License-Identifier: Apache-2.0 */
/* `sysray trace -w FILE`: the ptrace source's events written as a .scap capture (sysdig's
 * format) instead of strace lines, so a traced session can be replayed and filtered later
 * with `sysray -r` or sysdig. The events are built by the encoders of trace/encode/. */
#ifndef SYSRAY_TRACE_SCAP_SINK_H
#define SYSRAY_TRACE_SCAP_SINK_H

#include <stdbool.h>

#include "source/ptrace/tracer.h"

#define SCAP_SINK_MAX_SNAPLEN 65000

struct scap_sink_opts {
	const char *path;	/* FILE */
	bool gzip;		/* gzip the capture */
	unsigned snaplen;	/* bytes of I/O buffers kept, at most SCAP_SINK_MAX_SNAPLEN */
};

struct scap_sink;

/* Creates the file; NULL after a message. Metadata is read from /proc at the first event. */
struct scap_sink *scap_sink_open(const struct scap_sink_opts *o);
/* The tracer's sink. */
void scap_sink_event(void *sink, const struct tracer_event *ev);
/* Closes the file: 0, or -1 after a message (a write failed: what was written stays). */
int scap_sink_close(struct scap_sink *s);

#endif
