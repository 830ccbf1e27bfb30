/* SPDX-License-Identifier: Apache-2.0 */
/* Raw or gzip byte stream for the capture reader. zlib's inflate does the decompression; we
 * drive it ourselves (not gzread) so that the same code reads files and memory buffers, and
 * so that a truncated or corrupt gzip member is reported rather than silently shortened. */
#include "capture/scap_stream.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "util/util.h"

#define RAW_BUF_SIZE (64 * 1024)

struct scap_stream {
	int fd;			/* -1: memory source */
	bool own_fd;
	const uint8_t *mem;	/* memory source, or the raw buffer */
	size_t mem_len;
	size_t mem_pos;
	uint8_t *raw;		/* read buffer of an fd source */
	bool raw_eof;

	bool gzip;
	bool z_init;
	bool z_member_done;	/* the last member ended at Z_STREAM_END */
	z_stream z;

	uint64_t offset;
	char err[160];
};

/* The next raw bytes, in place: sets *p and returns how many (0 at the end). */
static size_t raw_fill(struct scap_stream *s, const uint8_t **p)
{
	if (s->fd < 0) {
		*p = s->mem + s->mem_pos;
		return s->mem_len - s->mem_pos;
	}
	if (s->mem_pos < s->mem_len) {
		*p = s->mem + s->mem_pos;
		return s->mem_len - s->mem_pos;
	}
	if (s->raw_eof)
		return 0;
	for (;;) {
		ssize_t n = read(s->fd, s->raw, RAW_BUF_SIZE);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(s->err, sizeof(s->err), "read error: %s", strerror(errno));
			s->raw_eof = true;
			return 0;
		}
		if (n == 0) {
			s->raw_eof = true;
			return 0;
		}
		s->mem = s->raw;
		s->mem_len = (size_t)n;
		s->mem_pos = 0;
		*p = s->mem;
		return s->mem_len;
	}
}

static void raw_consume(struct scap_stream *s, size_t n)
{
	s->mem_pos += n;
}

static void sniff(struct scap_stream *s)
{
	const uint8_t *p;
	size_t n = raw_fill(s, &p);

	/* A stream of one byte cannot be gzip; raw reading then reports the truncation. */
	if (n >= 2 && p[0] == 0x1f && p[1] == 0x8b) {
		s->gzip = true;
		memset(&s->z, 0, sizeof(s->z));
		/* 15 + 16: a gzip wrapper, the largest window. */
		if (inflateInit2(&s->z, 15 + 16) != Z_OK)
			die("zlib: inflateInit2 failed");
		s->z_init = true;
	}
}

struct scap_stream *scap_stream_open_fd(int fd, bool own_fd)
{
	struct scap_stream *s = xcalloc(1, sizeof(*s));

	s->fd = fd;
	s->own_fd = own_fd;
	s->raw = xmalloc(RAW_BUF_SIZE);
	sniff(s);
	return s;
}

struct scap_stream *scap_stream_open_mem(const void *p, size_t n)
{
	struct scap_stream *s = xcalloc(1, sizeof(*s));

	s->fd = -1;
	s->mem = p;
	s->mem_len = n;
	sniff(s);
	return s;
}

void scap_stream_close(struct scap_stream *s)
{
	if (!s)
		return;
	if (s->z_init)
		inflateEnd(&s->z);
	if (s->own_fd && s->fd >= 0)
		close(s->fd);
	free(s->raw);
	free(s);
}

static size_t read_gzip(struct scap_stream *s, uint8_t *buf, size_t n)
{
	size_t done = 0;

	while (done < n && !s->err[0]) {
		const uint8_t *in;
		size_t avail = raw_fill(s, &in);

		if (s->z_member_done) {
			/* After a member: another gzip member may follow (concatenated .gz
			 * files); anything else is trailing data that gzip readers ignore. */
			if (avail == 0)
				break;
			if (avail < 2 && in[0] == 0x1f) {
				snprintf(s->err, sizeof(s->err), "gzip data truncated");
				break;
			}
			if (in[0] != 0x1f || in[1] != 0x8b)
				break;
			inflateReset(&s->z);
			s->z_member_done = false;
		}
		if (avail == 0) {
			if (!s->err[0])
				snprintf(s->err, sizeof(s->err),
					 "gzip data truncated (compressed stream ends early)");
			break;
		}
		s->z.next_in = (Bytef *)in;
		s->z.avail_in = avail > UINT32_MAX ? UINT32_MAX : (uInt)avail;
		s->z.next_out = buf + done;
		s->z.avail_out = n - done > UINT32_MAX ? UINT32_MAX : (uInt)(n - done);
		uInt before_in = s->z.avail_in, before_out = s->z.avail_out;
		int rc = inflate(&s->z, Z_NO_FLUSH);

		raw_consume(s, before_in - s->z.avail_in);
		done += before_out - s->z.avail_out;
		if (rc == Z_STREAM_END) {
			s->z_member_done = true;
		} else if (rc == Z_BUF_ERROR) {
			/* No progress possible: needs more input, which the next turn reads. */
			if (before_in == s->z.avail_in && before_out == s->z.avail_out &&
			    s->z.avail_in != 0) {
				snprintf(s->err, sizeof(s->err), "gzip data corrupt");
				break;
			}
		} else if (rc != Z_OK) {
			snprintf(s->err, sizeof(s->err), "gzip data corrupt: %s",
				 s->z.msg ? s->z.msg : "inflate failed");
			break;
		}
	}
	return done;
}

size_t scap_stream_read(struct scap_stream *s, void *buf, size_t n)
{
	size_t done = 0;

	if (s->gzip) {
		done = read_gzip(s, buf, n);
	} else {
		while (done < n) {
			const uint8_t *in;
			size_t avail = raw_fill(s, &in);

			if (avail == 0)
				break;
			if (avail > n - done)
				avail = n - done;
			memcpy((uint8_t *)buf + done, in, avail);
			raw_consume(s, avail);
			done += avail;
		}
	}
	s->offset += done;
	return done;
}

const void *scap_stream_peek(struct scap_stream *s, size_t n)
{
	const uint8_t *in;

	if (s->gzip)
		return NULL;
	if (s->mem_len - s->mem_pos >= n)
		in = s->mem + s->mem_pos;	/* the bytes at hand, without a call */
	else if (raw_fill(s, &in) < n)
		return NULL;
	raw_consume(s, n);
	s->offset += n;
	return in;
}

uint64_t scap_stream_offset(const struct scap_stream *s)
{
	return s->offset;
}

bool scap_stream_is_gzip(const struct scap_stream *s)
{
	return s->gzip;
}

const char *scap_stream_error(const struct scap_stream *s)
{
	return s->err[0] ? s->err : NULL;
}
