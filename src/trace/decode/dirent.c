/* SPDX-License-Identifier: Apache-2.0 */
/* Decoders of getdents and getdents64: the directory entries the kernel wrote. */
#include <stdlib.h>
#include <string.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/xlat_file.h"

static void print_u_field(struct pr *p, const char *name, uint64_t v)
{
	pr_field(p, name);
	pr_uint(p, v);
}

/*
 * Headers: linux_dirent is {u64 d_ino, u64 d_off, u16 d_reclen, name..., d_type in the
 * record's last byte}; linux_dirent64 is {u64 d_ino, s64 d_off, u16 d_reclen, u8 d_type,
 * name...}. The name starts right after the header.
 */
enum { DIRENT_HDR = 18, DIRENT64_HDR = 19, DIRENT_NAME_MAX = 256 };

struct dent_head {
	uint64_t ino;
	uint64_t off;
	uint16_t reclen;
};

static struct dent_head dent_head_at(const unsigned char *rec)
{
	struct dent_head h;
	memcpy(&h.ino, rec, 8);
	memcpy(&h.off, rec + 8, 8);
	memcpy(&h.reclen, rec + 16, 2);
	return h;
}

/* A name of at most LEN-1 bytes, NUL-terminated; "..." when no NUL comes by then. */
static void print_dent_name(struct pr *p, const unsigned char *name, unsigned len)
{
	if (len > DIRENT_NAME_MAX)
		len = DIRENT_NAME_MAX;
	size_t max = len - 1;
	const unsigned char *nul = memchr(name, 0, max + 1);
	pr_field(p, "d_name");
	if (nul)
		pr_quoted(p, (const char *)name, (size_t)(nul - name), 0);
	else
		pr_quoted(p, (const char *)name, max, PR_QUOTE_ELLIPSIS);
}

/* After the head fields: d_type and d_name, in each format's order. */
static void print_dent_tail(struct pr *p, const unsigned char *rec, unsigned reclen, bool is64)
{
	if (is64) {
		pr_field(p, "d_type");
		pr_xval(p, &xlat_dirent_types, rec[DIRENT_HDR], "DT_???");
		if (reclen > DIRENT64_HDR)
			print_dent_name(p, rec + DIRENT64_HDR, reclen - DIRENT64_HDR);
		return;
	}
	unsigned name_type_len = reclen - DIRENT_HDR;
	if (!name_type_len)
		return;
	if (name_type_len > 1)
		print_dent_name(p, rec + DIRENT_HDR, name_type_len - 1);
	pr_field(p, "d_type");
	pr_xval(p, &xlat_dirent_types, rec[reclen - 1], "DT_???");
}

/*
 * The entries in BUF (LEN bytes the kernel wrote at ADDR). Abbreviated: the address and
 * a count, "N+ entries" when bytes are left that do not make an entry. Verbose: the array.
 */
static void print_dents(struct sc *sc, uint64_t addr, const unsigned char *buf, unsigned len,
			bool is64)
{
	struct pr *p = sc->p;
	const unsigned hdr = is64 ? DIRENT64_HDR : DIRENT_HDR;
	unsigned pos = 0, count = 0;
	bool v = sc->verbose;

	if (!v)
		print_addr(sc, addr);
	else
		pr_array_begin(p);
	while (len >= hdr) {
		const unsigned char *rec = buf + pos;
		struct dent_head h = dent_head_at(rec);
		unsigned reclen = h.reclen, next_len = 0;
		bool more = false;

		count++;
		if (v) {
			pr_struct_begin(p);
			print_u_field(p, "d_ino", h.ino);
			print_u_field(p, "d_off", h.off);
			print_u_field(p, "d_reclen", h.reclen);
		}
		if (reclen > len) {
			/* The record claims more than the kernel returned. */
			pr_comment(p, "%s%u bytes overflow", v ? "" : "d_reclen ", reclen - len);
			reclen = len;
		} else if (reclen < hdr) {
			pr_comment(p, "%s%u bytes underflow", v ? "" : "d_reclen ", hdr - reclen);
			reclen = hdr;
			next_len = len - hdr;
		} else {
			next_len = len - reclen;
			more = next_len != 0;
		}
		if (v) {
			print_dent_tail(p, rec, reclen, is64);
			pr_struct_end(p);
		}
		len = next_len;
		if (!more)
			break;
		pos += reclen;
	}
	if (v) {
		/* Trailing bytes too short for a header are shown raw. */
		if (len && len < hdr && count) {
			pr_item(p);
			pr_quoted(p, (const char *)buf + pos, len, 0);
		}
		pr_array_end(p);
	} else {
		pr_comment(p, "%u%s entries", count, len ? "+" : "");
	}
}

static int getdents_common(struct sc *sc, bool is64)
{
	if (!sc->exiting) {
		print_fd(sc, (int)sc->arg[0]);
		return DEC_AT_EXIT;
	}
	uint64_t count = (uint32_t)sc->arg[2];
	uint64_t got = (uint64_t)sc->rval;
	unsigned char *buf = NULL;

	if (sc_failed(sc) || sc->no_deref || got > count) {
		print_addr(sc, sc->arg[1]);
	} else if (got && ((buf = malloc(got)) == NULL || umove(sc, sc->arg[1], buf, got) < 0)) {
		print_addr(sc, sc->arg[1]);
	} else {
		print_dents(sc, sc->arg[1], buf, (unsigned)got, is64);
	}
	free(buf);
	pr_uint(sc->p, count);
	return RV_DEC;
}

int decode_getdents(struct sc *sc)
{
	return getdents_common(sc, false);
}

int decode_getdents64(struct sc *sc)
{
	return getdents_common(sc, true);
}
