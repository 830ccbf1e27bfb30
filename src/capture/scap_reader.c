/* SPDX-License-Identifier: Apache-2.0 */
/* The .scap block reader (reference §4): section header, metadata phase, event phase,
 * concatenated sections. One block is held in memory at a time; its buffer grows only as
 * bytes arrive, so a hostile block length costs what the file really holds. */
#include "capture/scap_reader.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/scap_format.h"
#include "capture/scap_meta_parse.h"
#include "capture/scap_stream.h"
#include "util/util.h"

enum phase { PH_META, PH_EVENTS, PH_DONE, PH_ERROR };

#define MAX_WARNINGS 16

struct warning {
	const char *key;
	uint64_t count;
	char first[200];
};

struct scap_reader {
	char *name;
	struct scap_stream *s;
	struct scap_meta meta;
	unsigned major, minor;
	enum phase phase;
	bool any_event;
	bool section_pending;

	/* The current block: 8-byte header, body, trailer. */
	uint8_t *buf;
	size_t cap;
	/* The current block after its 8-byte header: in buf, or in the stream's own buffer
	 * when the whole block was there (no copy); valid until the next read. */
	const uint8_t *body;
	unsigned last_slot;	/* stats.per_block slot of the last block counted */
	uint32_t bt;
	uint32_t blen;
	uint64_t boff;
	bool have_block;	/* read but not yet handled */

	struct scap_param *params;
	size_t params_cap;
	uint8_t *v1buf;
	size_t v1cap;

	struct scap_reader_stats stats;
	char err[600];
	uint64_t err_off;
	struct warning warnings[MAX_WARNINGS];
	unsigned nwarnings;
	char *warn_text;
};

const char *scap_block_name(uint32_t bt)
{
	switch (bt) {
	case SCAP_BT_SHB: return "SHB";
	case SCAP_BT_MI: case SCAP_BT_MI_OLD: return "MI";
	case SCAP_BT_PL_V1: case SCAP_BT_PL_V1_OLD: return "PL_V1";
	case SCAP_BT_PL_V2: case SCAP_BT_PL_V2_OLD: return "PL_V2";
	case SCAP_BT_PL_V3: case SCAP_BT_PL_V3_OLD: return "PL_V3";
	case SCAP_BT_PL_V4: return "PL_V4";
	case SCAP_BT_PL_V5: return "PL_V5";
	case SCAP_BT_PL_V6: return "PL_V6";
	case SCAP_BT_PL_V7: return "PL_V7";
	case SCAP_BT_PL_V8: return "PL_V8";
	case SCAP_BT_PL_V9: return "PL_V9";
	case SCAP_BT_FDL: case SCAP_BT_FDL_OLD: return "FDL";
	case SCAP_BT_FDL_V2: return "FDL_V2";
	case SCAP_BT_IL: case SCAP_BT_IL_OLD: return "IL";
	case SCAP_BT_IL_V2: return "IL_V2";
	case SCAP_BT_UL: case SCAP_BT_UL_OLD: return "UL";
	case SCAP_BT_UL_V2: return "UL_V2";
	case SCAP_BT_EV: case SCAP_BT_EV_OLD: return "EV";
	case SCAP_BT_EVF: return "EVF";
	case SCAP_BT_EV_V2: return "EV_V2";
	case SCAP_BT_EVF_V2: return "EVF_V2";
	case SCAP_BT_EV_V2_LARGE: return "EV_V2_LARGE";
	case SCAP_BT_EVF_V2_LARGE: return "EVF_V2_LARGE";
	default: return NULL;
	}
}

static void set_error(struct scap_reader *r, uint64_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_error(struct scap_reader *r, uint64_t off, const char *fmt, ...)
{
	char m[400];
	va_list ap;

	if (r->phase == PH_ERROR)
		return;
	va_start(ap, fmt);
	vsnprintf(m, sizeof(m), fmt, ap);
	va_end(ap);
	snprintf(r->err, sizeof(r->err), "%s: %s at byte offset %" PRIu64 "%s", r->name, m, off,
		 r->s && scap_stream_is_gzip(r->s) ? " (of the decompressed data)" : "");
	r->err_off = off;
	r->phase = PH_ERROR;
}

static void warn(struct scap_reader *r, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void warn(struct scap_reader *r, const char *key, const char *fmt, ...)
{
	unsigned i;
	va_list ap;

	for (i = 0; i < r->nwarnings; i++)
		if (!strcmp(r->warnings[i].key, key))
			break;
	if (i == MAX_WARNINGS)
		return;
	if (i == r->nwarnings) {
		r->nwarnings++;
		r->warnings[i].key = key;
		va_start(ap, fmt);
		vsnprintf(r->warnings[i].first, sizeof(r->warnings[i].first), fmt, ap);
		va_end(ap);
	}
	r->warnings[i].count++;
}

static void count_block(struct scap_reader *r, uint32_t bt)
{
	struct scap_reader_stats *st = &r->stats;
	unsigned last = ARRAY_SIZE(st->per_block) - 1;
	unsigned i;

	st->blocks++;
	/* events come in runs of blocks of one type */
	if (r->last_slot < st->nblock_types && st->per_block[r->last_slot].type == bt) {
		st->per_block[r->last_slot].count++;
		return;
	}
	/* Unknown ids are counted under 0 so a hostile file cannot fill the table. */
	if (!scap_block_name(bt))
		bt = 0;
	for (i = 0; i < st->nblock_types; i++)
		if (st->per_block[i].type == bt)
			break;
	if (i == st->nblock_types) {
		if (i == last + 1)
			i = last;
		else
			st->per_block[st->nblock_types++].type = bt;
	}
	st->per_block[i].count++;
	r->last_slot = i;
}

static void grow(uint8_t **buf, size_t *cap, size_t need)
{
	if (*cap >= need)
		return;
	size_t n = *cap ? *cap : 4096;

	while (n < need)
		n *= 2;
	*buf = xrealloc(*buf, n);
	*cap = n;
}

static const char *stream_reason(struct scap_reader *r)
{
	const char *e = scap_stream_error(r->s);

	return e ? e : "the file ends";
}

/* Copies the body of the current block (header read) into r->buf, in bounded steps: memory
 * follows the bytes actually present. */
static int read_body(struct scap_reader *r)
{
	size_t have = 8;

	while (have < r->blen) {
		size_t step = r->blen - have;

		if (step > (1u << 20))
			step = 1u << 20;
		grow(&r->buf, &r->cap, have + step);
		size_t got = scap_stream_read(r->s, r->buf + have, step);

		have += got;
		if (got < step) {
			set_error(r, r->boff,
				  "truncated %s block: %u bytes declared, %zu present (%s)",
				  scap_block_name(r->bt) ? scap_block_name(r->bt) : "unknown",
				  r->blen, have, stream_reason(r));
			return -1;
		}
	}
	r->body = r->buf + 8;
	return 0;
}

/* Reads the next block (its body at r->body). Returns 1, 0 at a clean end (between blocks),
 * -1 on error. */
static int read_block(struct scap_reader *r)
{
	r->boff = scap_stream_offset(r->s);
	grow(&r->buf, &r->cap, 8);
	const uint8_t *head = scap_stream_peek(r->s, 8);
	size_t n = 8;

	if (head)
		memcpy(r->buf, head, 8);
	else
		n = scap_stream_read(r->s, r->buf, 8);

	if (n == 0 && !scap_stream_error(r->s))
		return 0;
	if (n < 8) {
		set_error(r, r->boff, "truncated block header (%zu of 8 bytes; %s)", n,
			  stream_reason(r));
		return -1;
	}
	r->bt = get_le32(r->buf);
	r->blen = get_le32(r->buf + 4);
	if (r->blen < 12 || r->blen % 4) {
		set_error(r, r->boff + 4, "corrupt block length %u (block type 0x%x)", r->blen,
			  r->bt);
		return -1;
	}
	if (r->blen > SCAP_BLOCK_MAX) {
		set_error(r, r->boff + 4, "block length %u over the limit of %u bytes", r->blen,
			  SCAP_BLOCK_MAX);
		return -1;
	}
	/* Most blocks are whole in the stream's buffer: they are read in place. */
	r->body = scap_stream_peek(r->s, r->blen - 8);
	if (!r->body && read_body(r) < 0)
		return -1;
	uint32_t trailer = get_le32(r->body + r->blen - 12);

	if (trailer != r->blen) {
		set_error(r, r->boff + r->blen - 4,
			  "block trailer length %u differs from its header length %u (block type "
			  "0x%x at offset %" PRIu64 ")",
			  trailer, r->blen, r->bt, r->boff);
		return -1;
	}
	count_block(r, r->bt);
	return 1;
}

static int parse_shb(struct scap_reader *r)
{
	const uint8_t *b = r->body;
	size_t len = r->blen - 12;

	if (len < SCAP_SHB_BODY) {
		set_error(r, r->boff, "section header block too short (%zu bytes)", len);
		return -1;
	}
	uint32_t magic = get_le32(b);

	if (magic == 0x4D3C2B1Au) {
		set_error(r, r->boff + 8, "big-endian capture (byte order magic 0x%08x) is not "
			  "supported", magic);
		return -1;
	}
	if (magic != SCAP_SHB_MAGIC) {
		set_error(r, r->boff + 8, "invalid byte order magic 0x%08x in the section header",
			  magic);
		return -1;
	}
	r->major = get_le16(b + 4);
	r->minor = get_le16(b + 6);
	if (r->major != 1) {
		set_error(r, r->boff + 12, "unsupported capture format version %u.%u", r->major,
			  r->minor);
		return -1;
	}
	if (len > SCAP_SHB_BODY)
		warn(r, "shb-options",
		     "section header at offset %" PRIu64 " has %zu bytes of options (skipped; "
		     "sysdig 0.29 cannot read such files)", r->boff, len - SCAP_SHB_BODY);
	r->stats.sections++;
	scap_meta_free(&r->meta);
	scap_meta_init(&r->meta);
	return 0;
}

static int parse_meta_block(struct scap_reader *r)
{
	const uint8_t *b = r->body;
	size_t len = r->blen - 12;
	struct scap_meta_err e = { .at = 0 };
	int rc;

	switch (r->bt) {
	case SCAP_BT_MI:
	case SCAP_BT_MI_OLD:
		rc = scap_parse_mi(&r->meta, b, len, &e);
		break;
	case SCAP_BT_IL:
	case SCAP_BT_IL_OLD:
	case SCAP_BT_IL_V2:
		rc = scap_parse_il(&r->meta, r->bt == SCAP_BT_IL_OLD ? SCAP_BT_IL : r->bt, b, len,
				   &e);
		break;
	case SCAP_BT_UL:
	case SCAP_BT_UL_OLD:
	case SCAP_BT_UL_V2:
		rc = scap_parse_ul(&r->meta, r->bt == SCAP_BT_UL_OLD ? SCAP_BT_UL : r->bt, b, len,
				   &e);
		break;
	case SCAP_BT_FDL:
	case SCAP_BT_FDL_OLD:
	case SCAP_BT_FDL_V2:
		rc = scap_parse_fdl(&r->meta, r->bt == SCAP_BT_FDL_OLD ? SCAP_BT_FDL : r->bt, b,
				    len, &e);
		break;
	case SCAP_BT_PL_V1: case SCAP_BT_PL_V1_OLD: case SCAP_BT_PL_V2: case SCAP_BT_PL_V2_OLD:
	case SCAP_BT_PL_V3: case SCAP_BT_PL_V3_OLD: case SCAP_BT_PL_V4: case SCAP_BT_PL_V5:
	case SCAP_BT_PL_V6: case SCAP_BT_PL_V7: case SCAP_BT_PL_V8: case SCAP_BT_PL_V9:
		rc = scap_parse_pl(&r->meta, r->bt, b, len, &e);
		break;
	default:
		r->stats.skipped_blocks++;
		warn(r, "unknown-meta", "unknown block type 0x%x at offset %" PRIu64 " skipped",
		     r->bt, r->boff);
		return 0;
	}
	if (rc < 0)
		set_error(r, r->boff + 8 + e.at, "%s block: %s", scap_block_name(r->bt), e.msg);
	return rc;
}

/* The metadata phase of a section whose SHB is parsed: reads blocks up to the first event
 * block, which is left pending. */
static int load_metadata(struct scap_reader *r)
{
	for (;;) {
		int rc = read_block(r);

		if (rc < 0)
			return -1;
		if (rc == 0) {
			if (!r->any_event) {
				set_error(r, scap_stream_offset(r->s), "no events in file");
				return -1;
			}
			r->phase = PH_DONE;
			return 0;
		}
		if (scap_block_is_event(r->bt)) {
			r->have_block = true;
			r->phase = PH_EVENTS;
			return 0;
		}
		if (r->bt == SCAP_BT_SHB) {
			if (parse_shb(r) < 0)
				return -1;
			continue;
		}
		if (parse_meta_block(r) < 0)
			return -1;
	}
}

static struct scap_reader *reader_new(const char *name)
{
	struct scap_reader *r = xcalloc(1, sizeof(*r));

	r->name = xstrdup(name);
	scap_meta_init(&r->meta);
	return r;
}

static void start(struct scap_reader *r)
{
	int rc = read_block(r);

	if (rc == 0) {
		set_error(r, 0, "empty file, not a capture");
		return;
	}
	if (rc < 0)
		return;
	if (r->bt != SCAP_BT_SHB) {
		set_error(r, 0, "not a capture file: first block type 0x%08x is not a section "
			  "header", r->bt);
		return;
	}
	if (parse_shb(r) < 0)
		return;
	load_metadata(r);
}

struct scap_reader *scap_reader_open_path(const char *path)
{
	struct scap_reader *r = reader_new(path);
	int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;

	if (fd < 0) {
		snprintf(r->err, sizeof(r->err), "%s: cannot open: %s", path, strerror(errno));
		r->phase = PH_ERROR;
		return r;
	}
	r->s = scap_stream_open_fd(fd, fd != 0);
	start(r);
	return r;
}

struct scap_reader *scap_reader_open_mem(const void *p, size_t n, const char *name)
{
	struct scap_reader *r = reader_new(name);

	r->s = scap_stream_open_mem(p, n);
	start(r);
	return r;
}

void scap_reader_close(struct scap_reader *r)
{
	if (!r)
		return;
	scap_stream_close(r->s);
	scap_meta_free(&r->meta);
	free(r->buf);
	free(r->params);
	free(r->v1buf);
	free(r->warn_text);
	free(r->name);
	free(r);
}

/* Converts the v1 record at REC (22-byte header, no nparams) into a v2 record in r->v1buf.
 * The parameter count is the one n with 22 + 2n + (sum of the first n lengths) == len; that
 * sum grows strictly with n, so at most one n fits. Returns the v2 record or NULL. */
static const uint8_t *v1_to_v2(struct scap_reader *r, const uint8_t *rec, size_t avail,
			       size_t *v2len)
{
	uint64_t off = r->boff + 8 + (scap_block_has_flags(r->bt) ? 6 : 2);

	if (avail < SCAP_EVENT_HDR_V1) {
		set_error(r, off, "v1 event record of %zu bytes is shorter than its header", avail);
		return NULL;
	}
	uint32_t len = get_le32(rec + 16);
	uint16_t type = get_le16(rec + 20);

	if (len < SCAP_EVENT_HDR_V1 || len > avail) {
		set_error(r, off + 16, "v1 event length %u does not fit its block (%zu bytes)", len,
			  avail);
		return NULL;
	}
	for (int pass = 0; pass < 2; pass++) {
		/* Old notification and infrastructure events declared 3 bytes too many. */
		uint32_t l = pass ? len - 3 : len;
		uint64_t sum = 0;

		if (pass && ((type != PPME_NOTIFICATION_E && type != PPME_INFRASTRUCTURE_EVENT_E) ||
			     len < SCAP_EVENT_HDR_V1 + 3))
			break;
		for (uint32_t n = 0; SCAP_EVENT_HDR_V1 + 2ull * n + sum <= l; n++) {
			if (SCAP_EVENT_HDR_V1 + 2ull * n + sum == l) {
				*v2len = l + 4;
				grow(&r->v1buf, &r->v1cap, *v2len);
				memcpy(r->v1buf, rec, SCAP_EVENT_HDR_V1);
				uint32_t nl = l + 4;

				memcpy(r->v1buf + 16, &nl, 4);
				memcpy(r->v1buf + SCAP_EVENT_HDR_V1, &n, 4);
				memcpy(r->v1buf + SCAP_EVENT_HDR_V2, rec + SCAP_EVENT_HDR_V1,
				       l - SCAP_EVENT_HDR_V1);
				return r->v1buf;
			}
			if (SCAP_EVENT_HDR_V1 + 2ull * (n + 1) > l)
				break;
			sum += get_le16(rec + SCAP_EVENT_HDR_V1 + 2 * n);
		}
	}
	set_error(r, off, "v1 event of type %u: no parameter count matches its length %u", type,
		  len);
	return NULL;
}

static int decode_event(struct scap_reader *r, struct scap_event *ev)
{
	const uint8_t *body = r->body;
	size_t len = r->blen - 12;
	size_t hdr = scap_block_has_flags(r->bt) ? 6 : 2;
	char why[300];

	if (len < hdr) {
		set_error(r, r->boff, "%s block too short for its header", scap_block_name(r->bt));
		return -1;
	}
	if (!scap_block_is_large(r->bt) && r->blen - 8 > SCAP_NONLARGE_MAX)
		warn(r, "big-nonlarge",
		     "%s block of %u bytes at offset %" PRIu64 " (sysdig refuses non-LARGE event "
		     "blocks over 64 KiB)", scap_block_name(r->bt), r->blen, r->boff);
	const uint8_t *rec = body + hdr;
	size_t avail = len - hdr;

	if (scap_block_is_v1_event(r->bt)) {
		rec = v1_to_v2(r, rec, avail, &avail);
		if (!rec)
			return -1;
	}
	/* storage for the parameters, grown only when a record claims more than it holds */
	if (avail >= SCAP_EVENT_HDR_V2 && get_le32(rec + 22) > r->params_cap) {
		uint32_t np = get_le32(rec + 22);
		uint32_t l = get_le32(rec + 16);
		size_t room = (l > avail ? avail : l);
		size_t bound = room >= SCAP_EVENT_HDR_V2 ?
			(room - SCAP_EVENT_HDR_V2) / scap_event_len_width(get_le16(rec + 20)) : 0;
		size_t need = np < bound ? np : bound;

		if (need > r->params_cap) {
			r->params_cap = need;
			r->params = xrealloc(r->params, need * sizeof(*r->params));
		}
	}
	if (scap_event_parse(rec, avail, ev, r->params, r->params_cap, why, sizeof(why)) < 0) {
		set_error(r, r->boff + 8 + hdr, "%s", why);
		return -1;
	}
	ev->cpu = get_le16(body);
	ev->dump_flags = hdr == 6 ? get_le32(body + 2) : 0;
	ev->block_type = r->bt;
	ev->offset = r->boff;
	r->any_event = true;
	r->stats.events++;
	if (ev->dump_flags & SCAP_DF_STATE_ONLY)
		r->stats.state_only++;
	return 0;
}

int scap_reader_next(struct scap_reader *r, struct scap_event *ev)
{
	if (r->section_pending) {
		r->section_pending = false;
		return SCAP_SECTION;
	}
	for (;;) {
		if (r->phase == PH_ERROR)
			return SCAP_ERROR;
		if (r->phase == PH_DONE)
			return SCAP_EOF;
		if (!r->have_block) {
			int rc = read_block(r);

			if (rc < 0)
				return SCAP_ERROR;
			if (rc == 0) {
				r->phase = PH_DONE;
				return SCAP_EOF;
			}
		}
		r->have_block = false;
		if (scap_block_is_event(r->bt))
			return decode_event(r, ev) < 0 ? SCAP_ERROR : SCAP_EVENT;
		if (r->bt == SCAP_BT_SHB) {
			if (parse_shb(r) < 0 || load_metadata(r) < 0)
				return SCAP_ERROR;
			return SCAP_SECTION;
		}
		/* Metadata after the first event of a section, or an unknown block: libscap
		 * stops here; we skip it (its framing is sound) and say so. */
		r->stats.skipped_blocks++;
		warn(r, "skipped-in-events",
		     "block type 0x%x (%s) at offset %" PRIu64 " among events skipped (sysdig "
		     "stops reading there)", r->bt,
		     scap_block_name(r->bt) ? scap_block_name(r->bt) : "unknown", r->boff);
	}
}

const struct scap_meta *scap_reader_meta(const struct scap_reader *r)
{
	return &r->meta;
}

const struct scap_reader_stats *scap_reader_stats(const struct scap_reader *r)
{
	return &r->stats;
}

void scap_reader_version(const struct scap_reader *r, unsigned *major, unsigned *minor)
{
	*major = r->major;
	*minor = r->minor;
}

bool scap_reader_is_gzip(const struct scap_reader *r)
{
	return r->s && scap_stream_is_gzip(r->s);
}

const char *scap_reader_error(const struct scap_reader *r)
{
	return r->err;
}

uint64_t scap_reader_error_offset(const struct scap_reader *r)
{
	return r->err_off;
}

const char *scap_reader_warnings(const struct scap_reader *r)
{
	struct scap_reader *w = (struct scap_reader *)r;
	size_t cap = 1;

	for (unsigned i = 0; i < r->nwarnings; i++)
		cap += strlen(r->warnings[i].first) + 40;
	free(w->warn_text);
	w->warn_text = xmalloc(cap);
	w->warn_text[0] = '\0';
	size_t len = 0;

	for (unsigned i = 0; i < r->nwarnings; i++) {
		const struct warning *x = &r->warnings[i];

		len += (size_t)snprintf(w->warn_text + len, cap - len, "%s%s\n", x->first,
					x->count > 1 ? " (and more like it)" : "");
	}
	return w->warn_text;
}
