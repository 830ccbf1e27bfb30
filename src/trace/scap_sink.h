/* `sysray trace -w FILE`: the ptrace source's events written as a .scap capture (sysdig's
 * format) instead of strace lines, so a traced session can be replayed and filtered later
 * with `sysray -r` or sysdig. */
#ifndef SYSRAY_TRACE_SCAP_SINK_H
#define SYSRAY_TRACE_SCAP_SINK_H

#include <stdbool.h>

#include "source/ptrace/tracer.h"

struct scap_sink_opts {
	const char *path;	/* -w FILE, NULL: no capture */
	bool gzip;		/* -z with -w */
	unsigned snaplen;	/* bytes of I/O buffers kept, 80 by default */
};

/*
 * Takes `-w FILE` (also `-wFILE`, `--write=FILE`), `-z` and `--snaplen=N` out of the options
 * of ARGV (before the command) when no -c/-C/--summary option is given: strace's own -w
 * needs -c, and strace's -z (successful only) has no meaning for a capture, which keeps
 * every event. Returns 0, or -1 after a message.
 */
int scap_sink_take_args(int *argc, char **argv, struct scap_sink_opts *o);

struct scap_sink;

/* Creates the file; NULL after a message. Metadata is read from /proc at the first event. */
struct scap_sink *scap_sink_open(const struct scap_sink_opts *o);
/* The tracer's sink. */
void scap_sink_event(void *sink, const struct tracer_event *ev);
/* Closes the file: 0, or -1 after a message (a write failed: what was written stays). */
int scap_sink_close(struct scap_sink *s);

#endif
