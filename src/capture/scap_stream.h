/* SPDX-License-Identifier: Apache-2.0 */
/* The byte stream under a capture file: a file descriptor or a memory buffer, inflated on the
 * fly when it is gzip (one or several concatenated members). Offsets are counted in the
 * decompressed stream, which is where block offsets live. */
#ifndef SYSRAY_CAPTURE_SCAP_STREAM_H
#define SYSRAY_CAPTURE_SCAP_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct scap_stream;

/* Reads FD (closed by scap_stream_close when OWN_FD); the gzip magic 1f 8b selects
 * inflation. Never NULL. */
struct scap_stream *scap_stream_open_fd(int fd, bool own_fd);
/* Reads the N bytes at P, which must outlive the stream. Never NULL. */
struct scap_stream *scap_stream_open_mem(const void *p, size_t n);
void scap_stream_close(struct scap_stream *s);

/* Reads up to N bytes; fewer only at the end of the data or on an error (then
 * scap_stream_error() says which). */
size_t scap_stream_read(struct scap_stream *s, void *buf, size_t n);
/* The next N bytes in place, consumed, when they are already in memory whole (raw data);
 * NULL otherwise (nothing consumed: read them with scap_stream_read). Valid until the next
 * read or peek. */
const void *scap_stream_peek(struct scap_stream *s, size_t n);
/* Bytes delivered so far (decompressed). */
uint64_t scap_stream_offset(const struct scap_stream *s);
bool scap_stream_is_gzip(const struct scap_stream *s);
/* Why the last short read stopped early ("gzip data truncated", a read error...), or NULL at
 * a plain end of data. */
const char *scap_stream_error(const struct scap_stream *s);

#endif
