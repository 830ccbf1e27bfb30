/* SPDX-License-Identifier: Apache-2.0 */
/* Matching: extract each predicate's field from the event and compare. */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "filter/filter_int.h"
#include "util/util.h"

static int sign(long long d)
{
	return (d > 0) - (d < 0);
}

static bool is_signed(enum field_type t)
{
	return t == FT_INT16 || t == FT_INT32 || t == FT_INT64;
}

/* -1, 0, 1 comparing two numbers of any numeric types. */
static int num_cmp(const struct field_value *a, const struct field_value *b)
{
	if (a->type == FT_DOUBLE || b->type == FT_DOUBLE) {
		double x = a->type == FT_DOUBLE ? a->d : is_signed(a->type) ? (double)a->i
									   : (double)a->u;
		double y = b->type == FT_DOUBLE ? b->d : is_signed(b->type) ? (double)b->i
									   : (double)b->u;
		return (x > y) - (x < y);
	}
	if (is_signed(a->type) && is_signed(b->type))
		return (a->i > b->i) - (a->i < b->i);
	if (!is_signed(a->type) && !is_signed(b->type))
		return (a->u > b->u) - (a->u < b->u);
	if (is_signed(a->type))
		return a->i < 0 ? -1 : sign(((uint64_t)a->i > b->u) - ((uint64_t)a->i < b->u));
	return b->i < 0 ? 1 : sign((a->u > (uint64_t)b->i) - (a->u < (uint64_t)b->i));
}

static bool is_number(enum field_type t)
{
	return t != FT_BOOL && t != FT_CHARBUF && t != FT_BYTEBUF && t != FT_IPADDR &&
	       t != FT_IPNET && t != FT_DYNAMIC;
}

static int str_cmp(const struct field_value *a, const struct field_value *b)
{
	size_t n = a->s.len < b->s.len ? a->s.len : b->s.len;
	int r = memcmp(a->s.ptr, b->s.ptr, n);

	if (r)
		return sign(r);
	return (a->s.len > b->s.len) - (a->s.len < b->s.len);
}

static bool ip_eq(const struct field_ipaddr *a, const struct field_ipaddr *b)
{
	size_t n = a->family == AF_INET ? 4 : 16;

	return a->family == b->family && memcmp(a->addr, b->addr, n) == 0;
}

static bool ip_in_net(const struct field_ipaddr *ip, const struct field_ipnet *net)
{
	if (ip->family != net->addr.family)
		return false;
	unsigned full = net->prefix / 8, rest = net->prefix % 8;
	if (memcmp(ip->addr, net->addr.addr, full))
		return false;
	if (!rest)
		return true;
	uint8_t mask = (uint8_t)(0xff << (8 - rest));
	return (ip->addr[full] & mask) == (net->addr.addr[full] & mask);
}

static bool mem_icontains(const char *h, size_t hl, const char *n, size_t nl)
{
	if (nl == 0)
		return true;
	for (size_t i = 0; i + nl <= hl; i++)
		if (strncasecmp(h + i, n, nl) == 0)
			return true;
	return false;
}

/* A C string copy of V for fnmatch(); SMALL when it fits. */
static char *cstr(const struct field_value *v, char *small, size_t size)
{
	char *s = v->s.len < size ? small : xmalloc(v->s.len + 1);

	memcpy(s, v->s.ptr, v->s.len);
	s[v->s.len] = '\0';
	return s;
}

/* pmatch: V is PREFIX itself or a path below it. */
static bool path_under(const struct field_value *v, const char *prefix)
{
	size_t pl = strlen(prefix);

	while (pl > 1 && prefix[pl - 1] == '/')
		pl--;
	if (v->s.len < pl || memcmp(v->s.ptr, prefix, pl) != 0)
		return false;
	return v->s.len == pl || v->s.ptr[pl] == '/' || (pl == 1 && prefix[0] == '/');
}

/* Whether V (extracted) relates to W (compiled) by OP; OP is not a list operator here. */
static bool compare_one(enum cmp_op op, const struct field_value *v, const struct field_value *w,
			const char *wtext)
{
	int c;

	if (w->type == FT_IPNET) {
		if (v->type == FT_IPADDR)
			c = ip_in_net(&v->ip, &w->net) ? 0 : 1;
		else if (v->type == FT_IPNET)
			c = (v->net.prefix == w->net.prefix && ip_eq(&v->net.addr, &w->net.addr))
			    ? 0 : 1;
		else
			return false;
	} else if (w->type == FT_IPADDR) {
		if (v->type != FT_IPADDR)
			return false;
		c = ip_eq(&v->ip, &w->ip) ? 0 : 1;
	} else if (w->type == FT_BOOL) {
		if (v->type != FT_BOOL)
			return false;
		c = v->b != w->b;
	} else if (w->type == FT_DYNAMIC && is_number(v->type)) {
		/* Typed by the event: numbers compare as numbers, text as text (below). */
		struct field_value n;
		char buf[128];
		if (value_parse(is_signed(v->type) ? FT_INT64 : v->type == FT_DOUBLE ?
				FT_DOUBLE : FT_UINT64, wtext, &n, buf, sizeof(buf)))
			return false;
		c = num_cmp(v, &n);
	} else if (is_number(w->type)) {
		if (!is_number(v->type))
			return false;
		c = num_cmp(v, w);
	} else {
		if (v->type != FT_CHARBUF && v->type != FT_BYTEBUF)
			return false;
		switch (op) {
		case CMP_CONTAINS:
			return w->s.len == 0 || memmem(v->s.ptr, v->s.len, w->s.ptr, w->s.len);
		case CMP_ICONTAINS:
			return mem_icontains(v->s.ptr, v->s.len, w->s.ptr, w->s.len);
		case CMP_STARTSWITH:
			return v->s.len >= w->s.len && !memcmp(v->s.ptr, w->s.ptr, w->s.len);
		case CMP_ENDSWITH:
			return v->s.len >= w->s.len &&
			       !memcmp(v->s.ptr + v->s.len - w->s.len, w->s.ptr, w->s.len);
		case CMP_GLOB: {
			char small[256];
			char *s = cstr(v, small, sizeof(small));
			bool m = fnmatch(wtext, s, 0) == 0;
			if (s != small)
				free(s);
			return m;
		}
		default:
			c = str_cmp(v, w);
		}
	}
	switch (op) {
	case CMP_EQ: case CMP_IN: case CMP_INTERSECTS: return c == 0;
	case CMP_NE: return c != 0;
	case CMP_LT: return c < 0;
	case CMP_LE: return c <= 0;
	case CMP_GT: return c > 0;
	case CMP_GE: return c >= 0;
	default: return false;
	}
}

bool pred_test(const struct pred *p, const struct field_value *vals, size_t n)
{
	if (p->op == CMP_EXISTS)
		return n > 0;
	if (n == 0)
		return false;	/* as sysdig: a field the event lacks matches nothing, even != */
	if (p->op == CMP_NE) {
		/* A many-valued field (fd.ip: client and server) differs when no value equals. */
		for (size_t i = 0; i < n; i++)
			if (compare_one(CMP_EQ, &vals[i], &p->values[0], p->texts[0]))
				return false;
		return true;
	}
	for (size_t i = 0; i < n; i++) {
		if (p->op == CMP_PMATCH) {
			if (vals[i].type != FT_CHARBUF)
				continue;
			for (size_t j = 0; j < p->nvalues; j++)
				if (path_under(&vals[i], p->texts[j]))
					return true;
			continue;
		}
		for (size_t j = 0; j < p->nvalues; j++)
			if (compare_one(p->op, &vals[i], &p->values[j], p->texts[j]))
				return true;
	}
	return false;
}

static bool eval(const struct fnode *n, const void *event, void *ctx)
{
	switch (n->kind) {
	case AST_AND:
		for (size_t i = 0; i < n->n; i++)
			if (!eval(n->kids[i], event, ctx))
				return false;
		return true;
	case AST_OR:
		for (size_t i = 0; i < n->n; i++)
			if (eval(n->kids[i], event, ctx))
				return true;
		return false;
	case AST_NOT:
		return !eval(n->kids[0], event, ctx);
	case AST_MACRO:	/* never in a compiled filter: compile_node() refuses it */
	case AST_CHECK:
		break;
	}
	const struct pred *p = &n->pred;
	if (p->ref.field->compare)
		return p->op == CMP_EQ && p->ref.field->compare(&p->ref, event, ctx, &p->values[0]);
	struct field_value vals[FIELD_MAX_VALUES];
	size_t nv = field_extract(&p->ref, event, ctx, vals);
	return pred_test(p, vals, nv);
}

bool filter_match(const struct filter *f, const void *event, void *ctx)
{
	return !f || !f->root || eval(f->root, event, ctx);
}
