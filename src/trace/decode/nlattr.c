/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The one walker of netlink attributes and the printer of header structs described as
 * data (nlattr.h). An attribute list prints as strace prints it:
 * [{nla_len=8, nla_type=IFLA_MTU}, 1500] for one with a payload, {nla_len=4, nla_type=...}
 * for one without, in brackets when more than one follows.
 */
#include <arpa/inet.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <endian.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "trace/decode/nlattr.h"
#include "trace/decode/net_impl.h"
#include "trace/decode/xlat_file.h"
#include "trace/decode/xlat_net.h"

static uint64_t load_uint(const void *p, unsigned int size)
{
	switch (size) {
	case 1:
		return *(const uint8_t *)p;
	case 2: {
		uint16_t v;
		memcpy(&v, p, sizeof(v));
		return v;
	}
	case 4: {
		uint32_t v;
		memcpy(&v, p, sizeof(v));
		return v;
	}
	default: {
		uint64_t v;
		memcpy(&v, p, sizeof(v));
		return v;
	}
	}
}

static int64_t sign_extend(uint64_t v, unsigned int size)
{
	if (size >= 8)
		return (int64_t)v;
	unsigned int shift = 64 - 8 * size;
	return (int64_t)(v << shift) >> shift;
}

static void print_field_value(struct sc *sc, const struct nl_field *f, uint64_t v)
{
	switch (f->kind) {
	case NLF_U:
		pr_uint(sc->p, v);
		break;
	case NLF_D:
		pr_int(sc->p, sign_extend(v, f->size));
		break;
	case NLF_X:
		pr_hex(sc->p, v);
		break;
	case NLF_XVAL:
		pr_xval(sc->p, f->x, v, f->dflt);
		break;
	case NLF_XVAL_DEC:
		pr_xval_dec(sc->p, f->x, v, f->dflt);
		break;
	case NLF_FLAGS:
		pr_flags(sc->p, f->x, v, f->dflt);
		break;
	case NLF_IFINDEX:
		net_print_ifindex(sc->p, (unsigned int)v);
		break;
	case NLF_FAMILY:
		pr_xval(sc->p, &xlat_net_addrfams, v, "AF_???");
		break;
	case NLF_BE16:
		pr_textf(sc->p, "htons(%u)", ntohs((uint16_t)v));
		break;
	case NLF_HTONL_X:
		pr_textf(sc->p, "htonl(%#x)", ntohl((uint32_t)v));
		break;
	case NLF_BE16_XVAL:
		pr_text(sc->p, "htons(");
		pr_join(sc->p, "");
		pr_xval(sc->p, f->x, ntohs((uint16_t)v), f->dflt);
		pr_raw(sc->p, ")");
		break;
	case NLF_0X:
		pr_textf(sc->p, "%#0*llx", 2 * f->size, (unsigned long long)v);
		break;
	case NLF_DEV:
		pr_dev(sc->p, v);
		break;
	}
}

static void print_sockid(struct sc *sc, const void *p, uint8_t family)
{
	struct inet_diag_sockid id;
	memcpy(&id, p, sizeof(id));
	pr_struct_begin(sc->p);
	net_print_port(sc->p, "idiag_sport", id.idiag_sport);
	net_print_port(sc->p, "idiag_dport", id.idiag_dport);
	net_print_inet_addr(sc->p, family, id.idiag_src, sizeof(id.idiag_src), "idiag_src");
	net_print_inet_addr(sc->p, family, id.idiag_dst, sizeof(id.idiag_dst), "idiag_dst");
	pr_field(sc->p, "idiag_if");
	net_print_ifindex(sc->p, id.idiag_if);
	pr_field(sc->p, "idiag_cookie");
	pr_array_begin(sc->p);
	pr_uint(sc->p, id.idiag_cookie[0]);
	pr_uint(sc->p, id.idiag_cookie[1]);
	pr_array_end(sc->p);
	pr_struct_end(sc->p);
}

void nl_print_fields(struct sc *sc, const struct nl_struct *s, unsigned int first,
		     const void *buf)
{
	for (unsigned int i = first; i < s->nfields; i++) {
		const struct nl_field *f = &s->fields[i];
		if (f->kind == NLF_X_NONZERO) {
			uint64_t v = load_uint((const char *)buf + f->off, f->size);
			if (v) {
				pr_field(sc->p, f->name);
				pr_hex(sc->p, v);
			}
			continue;
		}
		pr_field(sc->p, f->name);
		if (f->kind == NLF_COOKIE) {
			pr_array_begin(sc->p);
			pr_uint(sc->p, load_uint((const char *)buf + f->off, 4));
			pr_uint(sc->p, load_uint((const char *)buf + f->off + 4, 4));
			pr_array_end(sc->p);
			continue;
		}
		if (f->kind == NLF_SOCKID || f->kind == NLF_SOCKID_INET) {
			uint8_t family = f->kind == NLF_SOCKID ? *(const uint8_t *)buf : AF_INET;
			print_sockid(sc, (const char *)buf + f->off, family);
			continue;
		}
		if (f->kind == NLF_INDEXED_U64) {
			pr_array_begin(sc->p);
			for (unsigned int j = 0; j < f->size / 8u; j++) {
				pr_text(sc->p, "[");
				pr_join(sc->p, "");
				pr_xval_dec(sc->p, f->x, j, f->dflt);
				pr_raw(sc->p, "]=");
				pr_join(sc->p, "");
				pr_uint(sc->p, load_uint((const char *)buf + f->off + 8 * j, 8));
			}
			pr_array_end(sc->p);
			continue;
		}
		if (f->kind == NLF_MAC) {
			nl_print_hwaddr(sc, (const unsigned char *)buf + f->off, f->size);
			continue;
		}
		if (f->kind == NLF_CSTRING) {
			const char *str = (const char *)buf + f->off;
			size_t n = strnlen(str, f->size);
			if (n == f->size)
				pr_quoted(sc->p, str, n - 1, PR_QUOTE_ELLIPSIS);
			else
				pr_quoted(sc->p, str, n, 0);
			continue;
		}
		print_field_value(sc, f, load_uint((const char *)buf + f->off, f->size));
	}
}

/* The size of S to print for a payload of LEN bytes: all of it, an older size, or 0. */
static unsigned int struct_size_for(const struct nl_struct *s, unsigned int len)
{
	if (len >= s->size)
		return s->size;
	for (const uint16_t *o = s->older_sizes; o && *o; o++)
		if (len == *o)
			return len;
	return 0;
}

void nl_print_struct_at(struct sc *sc, const struct nl_struct *s, uint64_t addr,
			unsigned int len)
{
	unsigned char buf[256] = { 0 };
	unsigned int size = struct_size_for(s, len);
	if (!size || s->size > sizeof(buf)) {
		print_buf_hex(sc, addr, len);
		return;
	}
	if (!fetch_or_print_addr(sc, addr, buf, size))
		return;
	unsigned int n = 0;
	while (n < s->nfields && s->fields[n].off + s->fields[n].size <= size)
		n++;
	pr_struct_begin(sc->p);
	nl_print_fields(sc, &(struct nl_struct){ s->fields, n, size, false, NULL }, 0, buf);
	pr_struct_end(sc->p);
}

void nl_decode_hdr_attrs(struct sc *sc, const struct nl_struct *s, uint64_t addr,
			 unsigned int len, const struct nla_table *attrs, const void *ctx)
{
	unsigned char buf[256] = { 0 };
	bool whole = false;
	const struct nl_field *first = &s->fields[0];
	if (!fetch_or_print_addr(sc, addr, buf, first->size))
		return;
	pr_struct_begin(sc->p);
	nl_print_fields(sc, &(struct nl_struct){ s->fields, 1, s->size, false, NULL }, 0, buf);
	if (s->nfields > 1) {
		if (len >= s->size) {
			unsigned int off = first->size;
			if (fetch_or_print_addr(sc, addr + off, buf + off, s->size - off)) {
				nl_print_fields(sc, s, 1, buf);
				whole = true;
			}
		} else {
			pr_more(sc->p);
		}
	} else {
		whole = true;
	}
	pr_struct_end(sc->p);
	unsigned int offset = NLMSG_ALIGN(s->size);
	if (whole && attrs && len > offset)
		nl_decode_attrs(sc, addr + offset, len - offset, attrs, ctx ? ctx : buf);
}

bool nl_fetch_header(struct sc *sc, uint64_t addr, uint64_t len, void *buf, size_t size,
		     bool in_array)
{
	if (len < size) {
		print_buf_hex(sc, addr, len);
		return false;
	}
	if (!sc->no_deref && umove(sc, addr, buf, size) == 0)
		return true;
	if (in_array) {
		pr_more(sc->p);
		pr_comment(sc->p, "%#llx", (unsigned long long)addr);
	} else {
		print_addr(sc, addr);
	}
	return false;
}

bool nla_print_str(struct sc *sc, uint64_t addr, unsigned int len, const void *ctx)
{
	size_t limit = (size_t)str_limit(sc);
	size_t n = len < limit ? len : limit;
	char buf[1024];
	if (n > sizeof(buf))
		n = sizeof(buf);
	if (umove(sc, addr, buf, n) < 0) {
		print_addr(sc, addr);
		return true;
	}
	/*
	 * A string attribute is expected to end in its NUL, which is not shown; without it
	 * in the bytes shown, "..." follows. NULs inside are shown.
	 */
	if (n && !buf[n - 1])
		pr_quoted(sc->p, buf, n - 1, 0);
	else
		pr_quoted(sc->p, buf, n, PR_QUOTE_ELLIPSIS);
	return true;
}

static const unsigned int int_kind_size[] = {
	[NLA_KIND_U8] = 1, [NLA_KIND_U16] = 2, [NLA_KIND_U32] = 4, [NLA_KIND_U64] = 8,
	[NLA_KIND_S8] = 1, [NLA_KIND_S16] = 2, [NLA_KIND_S32] = 4, [NLA_KIND_S64] = 8,
	[NLA_KIND_X16] = 2, [NLA_KIND_X32] = 4, [NLA_KIND_0X64] = 8, [NLA_KIND_BE16] = 2,
	[NLA_KIND_BE64] = 8, [NLA_KIND_IFINDEX] = 4,
	[NLA_KIND_FD] = 4, [NLA_KIND_XVAL8] = 1,
	[NLA_KIND_XVAL16] = 2, [NLA_KIND_XVAL32] = 4, [NLA_KIND_XVAL_ANY] = 1,
	[NLA_KIND_FLAGS8] = 1,
	[NLA_KIND_FLAGS16] = 2, [NLA_KIND_FLAGS32] = 4,
};

static void print_int_value(struct sc *sc, uint8_t kind, const struct xlat *x, const char *dflt,
			    uint64_t v)
{
	unsigned int size = int_kind_size[kind];
	switch (kind) {
	case NLA_KIND_S8:
	case NLA_KIND_S16:
	case NLA_KIND_S32:
	case NLA_KIND_S64:
		pr_int(sc->p, sign_extend(v, size));
		break;
	case NLA_KIND_X16:
	case NLA_KIND_X32:
		pr_hex(sc->p, v);
		break;
	case NLA_KIND_0X64:
		pr_textf(sc->p, "%#0*llx", 2 * size, (unsigned long long)v);
		break;
	case NLA_KIND_BE16:
		pr_textf(sc->p, "htons(%u)", ntohs((uint16_t)v));
		break;
	case NLA_KIND_BE64:
		pr_textf(sc->p, "htobe64(%llu)", (unsigned long long)be64toh(v));
		break;
	case NLA_KIND_IFINDEX:
		net_print_ifindex(sc->p, (unsigned int)v);
		break;
	case NLA_KIND_FD:
		print_fd(sc, (int)v);
		break;
	case NLA_KIND_XVAL8:
	case NLA_KIND_XVAL16:
	case NLA_KIND_XVAL32:
	case NLA_KIND_XVAL_ANY:
		pr_xval(sc->p, x, v, dflt);
		break;
	case NLA_KIND_FLAGS8:
	case NLA_KIND_FLAGS16:
	case NLA_KIND_FLAGS32:
		pr_flags(sc->p, x, v, dflt);
		break;
	default:
		pr_uint(sc->p, v);
		break;
	}
}

/* An integer payload: at least its size (the rest is not shown), else false (hex). */
static bool print_int_payload(struct sc *sc, const struct nla_spec *sp, uint64_t addr,
			      unsigned int len)
{
	unsigned int size = int_kind_size[sp->kind];
	unsigned char buf[8] = { 0 };
	bool named = sp->kind >= NLA_KIND_XVAL8 && sp->kind <= NLA_KIND_FLAGS32;
	/* Constants and flags come in at most 8 bytes; any length for XVAL_ANY. */
	if (len < size || (named && len > sizeof(buf)))
		return false;
	if (sp->kind == NLA_KIND_XVAL_ANY)
		size = len;
	if (fetch_or_print_addr(sc, addr, buf, size))
		print_int_value(sc, sp->kind, sp->x, sp->dflt, load_uint(buf, 8));
	return true;
}

struct array_elems {
	const struct nla_spec *sp;
	uint64_t index;
};

static bool print_array_elem(struct sc *sc, const void *elem, void *data)
{
	struct array_elems *a = data;
	const struct nla_spec *sp = a->sp;
	uint64_t v = load_uint(elem, int_kind_size[sp->elem]);
	if (sp->x) {
		pr_text(sc->p, "[");
		pr_join(sc->p, "");
		pr_xval_dec(sc->p, sp->x, a->index++, sp->dflt);
		pr_raw(sc->p, "]=");
		pr_join(sc->p, "");
		print_int_value(sc, sp->elem, NULL, NULL, v);
	} else {
		print_int_value(sc, sp->elem, sp->x, sp->dflt, v);
	}
	return true;
}

/* As many whole elements as the payload holds (a partial last one is not shown). */
static bool print_array_payload(struct sc *sc, const struct nla_spec *sp, uint64_t addr,
				unsigned int len)
{
	unsigned int size = int_kind_size[sp->elem];
	if (len < size)
		return false;
	struct array_elems a = { sp, 0 };
	print_array(sc, addr, len / size, size, 0, print_array_elem, &a);
	return true;
}

void nl_print_hwaddr(struct sc *sc, const unsigned char *buf, unsigned int len)
{
	char text[NL_HWADDR_MAX * 3] = "";
	for (unsigned int i = 0; i < len && i < NL_HWADDR_MAX; i++)
		snprintf(text + (i ? 3 * i - 1 : 0), 4, "%s%02x", i ? ":" : "", buf[i]);
	switch (sc->p->xlat_style) {
	case PR_XLAT_ABBREV:
		pr_text(sc->p, text);
		break;
	case PR_XLAT_RAW:
		pr_quoted(sc->p, (const char *)buf, len, PR_QUOTE_HEX);
		break;
	case PR_XLAT_VERBOSE:
		pr_quoted(sc->p, (const char *)buf, len, PR_QUOTE_HEX);
		pr_comment(sc->p, "%s", text);
		break;
	}
}

static bool print_hwaddr_payload(struct sc *sc, uint64_t addr, unsigned int len)
{
	unsigned char buf[NL_HWADDR_MAX];
	if (len > sizeof(buf))
		return false;
	if (fetch_or_print_addr(sc, addr, buf, len))
		nl_print_hwaddr(sc, buf, len);
	return true;
}

/* Clock ticks of 1 to 8 bytes; longer payloads print in hex. */
static bool print_clock_t_payload(struct sc *sc, uint64_t addr, unsigned int len)
{
	uint64_t v = 0;
	if (len > sizeof(v))
		return false;
	if (fetch_or_print_addr(sc, addr, &v, len))
		print_clock_t(sc->p, v);
	return true;
}

bool nla_print_inet_addr(struct sc *sc, int family, uint64_t addr, unsigned int len)
{
	unsigned char buf[16];
	size_t size = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
	if (!size || len < size)
		return false;
	if (fetch_or_print_addr(sc, addr, buf, size))
		net_print_inet_addr(sc->p, family, buf, size, NULL);
	return true;
}

static bool print_payload(struct sc *sc, const struct nla_spec *sp, uint64_t addr,
			  unsigned int len, const void *ctx)
{
	switch (sp->kind) {
	case NLA_KIND_HEX:
		return false;
	case NLA_KIND_STR:
		return nla_print_str(sc, addr, len, ctx);
	case NLA_KIND_STRUCT: {
		unsigned int size = struct_size_for(sp->s, len);
		if (!size && sp->s->short_as_str) {
			print_buf(sc, addr, len);
			return true;
		}
		if (!size)
			return false;
		nl_print_struct_at(sc, sp->s, addr, size);
		return true;
	}
	case NLA_KIND_STRUCT_TAIL:
		if (len < sp->s->size)
			return false;
		nl_print_struct_at(sc, sp->s, addr, sp->s->size);
		if (len > sp->s->size)
			print_buf_hex(sc, addr + sp->s->size, len - sp->s->size);
		return true;
	case NLA_KIND_NESTED:
		nl_decode_attrs(sc, addr, len, sp->nested, ctx);
		return true;
	case NLA_KIND_FN:
		return sp->fn(sc, addr, len, ctx);
	case NLA_KIND_ARRAY:
		return print_array_payload(sc, sp, addr, len);
	case NLA_KIND_HWADDR:
		return print_hwaddr_payload(sc, addr, len);
	case NLA_KIND_CLOCK_T:
		return print_clock_t_payload(sc, addr, len);
	case NLA_KIND_IN_ADDR:
		return nla_print_inet_addr(sc, AF_INET, addr, len);
	case NLA_KIND_IN6_ADDR:
		return nla_print_inet_addr(sc, AF_INET6, addr, len);
	default:
		return print_int_payload(sc, sp, addr, len);
	}
}

static void print_nlattr_hdr(struct sc *sc, const struct nlattr *nla, const struct nla_table *t)
{
	pr_struct_begin(sc->p);
	pr_field(sc->p, "nla_len");
	pr_uint(sc->p, nla->nla_len);
	pr_field(sc->p, "nla_type");
	if (nla->nla_type & NLA_F_NESTED) {
		pr_text(sc->p, "NLA_F_NESTED|");
		pr_join(sc->p, "");
	}
	if (nla->nla_type & NLA_F_NET_BYTEORDER) {
		pr_text(sc->p, "NLA_F_NET_BYTEORDER|");
		pr_join(sc->p, "");
	}
	if (t->names)
		pr_xval(sc->p, t->names, nla->nla_type & NLA_TYPE_MASK, t->dflt);
	else
		pr_hex(sc->p, nla->nla_type & NLA_TYPE_MASK);
	pr_struct_end(sc->p);
}

void nl_decode_attrs(struct sc *sc, uint64_t addr, unsigned int len,
		     const struct nla_table *t, const void *ctx)
{
	struct nlattr nla;
	bool in_array = false;
	for (int elt = 0; nl_fetch_header(sc, addr, len, &nla, sizeof(nla), in_array); elt++) {
		if (array_more_at(sc, (uint64_t)elt))
			break;
		unsigned int aligned = NLA_ALIGN(nla.nla_len);
		uint64_t next_addr = 0;
		unsigned int next_len = 0;
		if (nla.nla_len >= NLA_HDRLEN) {
			next_len = len >= aligned ? len - aligned : 0;
			if (next_len && addr + aligned > addr)
				next_addr = addr + aligned;
		}
		if (!in_array && next_addr) {
			pr_array_begin(sc->p);
			in_array = true;
		}
		unsigned int nla_len = nla.nla_len < len ? nla.nla_len : len;
		if (nla_len > NLA_HDRLEN)
			pr_array_begin(sc->p);
		print_nlattr_hdr(sc, &nla, t);
		if (nla_len > NLA_HDRLEN) {
			unsigned int type = nla.nla_type & NLA_TYPE_MASK;
			uint64_t data = addr + NLA_HDRLEN;
			unsigned int dlen = nla_len - NLA_HDRLEN;
			const struct nla_spec *sp = type < t->nspecs ? &t->specs[type] : NULL;
			if (!sp || !print_payload(sc, sp, data, dlen, ctx))
				print_buf_hex(sc, data, dlen);
			pr_array_end(sc->p);
		}
		if (!next_addr)
			break;
		addr = next_addr;
		len = next_len;
	}
	if (in_array)
		pr_array_end(sc->p);
}
