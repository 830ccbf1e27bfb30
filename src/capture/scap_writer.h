/* SPDX-License-Identifier: Apache-2.0 */
/* Writer of .scap capture files that sysdig 0.29, current falcosecurity/libs readers and our
 * own reader accept (reference §18): little-endian, SHB 1.2 without options, then MI, IL_V2,
 * UL_V2, PL_V9, one FDL_V2 per thread, then events in EV_V2 blocks (EVF_V2 when dump flags
 * are set, the LARGE variants past 64 KiB). Raw or gzip. */
#ifndef SYSRAY_CAPTURE_SCAP_WRITER_H
#define SYSRAY_CAPTURE_SCAP_WRITER_H

#include <stdbool.h>
#include <stddef.h>

#include "capture/scap_event.h"
#include "capture/scap_meta.h"

struct scap_writer;

/* Creates PATH ("-" = stdout). NULL on failure, with the reason in ERR. */
struct scap_writer *scap_writer_open(const char *path, bool gzip, char *err, size_t errlen);

/* Starts a section: SHB, then the metadata of M (M may be NULL: no metadata). Metadata can
 * only precede a section's events; to change it later, start a new section. */
int scap_writer_section(struct scap_writer *w, const struct scap_meta *m);
/* Appends EV (header fields, cpu, dump_flags and params; record/len are recomputed). */
int scap_writer_event(struct scap_writer *w, const struct scap_event *ev);
/* Flushes and closes; returns 0, or -1 if any write failed (see the error). The writer is
 * freed either way; ERR receives the first error. */
int scap_writer_close(struct scap_writer *w, char *err, size_t errlen);

/* The first write error ("FILE: No space left on device"), or NULL. */
const char *scap_writer_error(const struct scap_writer *w);
unsigned long long scap_writer_events(const struct scap_writer *w);
/* Bytes of the capture written so far, uncompressed (for -C size rotation). */
unsigned long long scap_writer_bytes(const struct scap_writer *w);

#endif
