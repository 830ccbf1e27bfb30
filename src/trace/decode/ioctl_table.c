/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The generic side of the ioctl families as data (ioctl_table.h): a request's row says
 * what its argument is and when it prints; struct descriptors print through one printer.
 */
#include <string.h>

#include "trace/decode/ioctl_table.h"

/* The most bytes a row or a descriptor reads behind a pointer; larger ones print the address. */
#define IOC_STRUCT_MAX 4096

static uint64_t load_uint(const void *buf, unsigned size)
{
	uint8_t b1;
	uint16_t b2;
	uint32_t b4;
	uint64_t b8 = 0;

	switch (size) {
	case 1:
		memcpy(&b1, buf, 1);
		return b1;
	case 2:
		memcpy(&b2, buf, 2);
		return b2;
	case 4:
		memcpy(&b4, buf, 4);
		return b4;
	}
	memcpy(&b8, buf, size < 8 ? size : 8);
	return b8;
}

static int64_t sign_extend(uint64_t v, unsigned size)
{
	if (size >= 8)
		return (int64_t)v;
	unsigned shift = 64 - 8 * size;
	return (int64_t)(v << shift) >> shift;
}

/* N bytes at ADDR into BUF (IOC_STRUCT_MAX bytes), or the address printed instead. */
static bool fetch_upto(struct sc *sc, uint64_t addr, void *buf, size_t n)
{
	if (n > IOC_STRUCT_MAX) {
		print_addr(sc, addr);
		return false;
	}
	return fetch_or_print_addr(sc, addr, buf, n);
}

void ioc_print_cstr(struct pr *p, const char *s, size_t n)
{
	size_t len = n ? strnlen(s, n - 1) : 0;
	pr_quoted(p, s, len, n && len == n - 1 && s[n - 1] ? PR_QUOTE_ELLIPSIS : 0);
}

void ioc_print_value(struct sc *sc, const void *buf, unsigned size, unsigned fmt,
		     const struct xlat *x, const char *dflt)
{
	struct pr *p = sc->p;
	uint64_t v = load_uint(buf, size);

	switch (fmt) {
	case IOC_U:
		pr_uint(p, v);
		break;
	case IOC_D:
		pr_int(p, sign_extend(v, size));
		break;
	case IOC_X:
		pr_hex(p, v);
		break;
	case IOC_XVAL:
		pr_xval(p, x, v, dflt);
		break;
	case IOC_FLAGS:
		pr_flags(p, x, v, dflt);
		break;
	case IOC_PTR:
		pr_ptr(p, v);
		break;
	case IOC_FDNUM:
		print_fd(sc, (int)v);
		break;
	case IOC_ERRNO:
		print_neg_errno(sc, sign_extend(v, size));
		break;
	}
}

/* COUNT elements of SIZE at BUF in brackets, the -s limit of them unless -v. */
static void print_local_array(struct sc *sc, const uint8_t *buf, unsigned count, unsigned size,
			      unsigned fmt, const struct xlat *x, const char *dflt)
{
	unsigned limit = (unsigned)str_limit(sc);
	pr_array_begin(sc->p);
	for (unsigned i = 0; i < count; i++) {
		if (!sc->verbose && i >= limit) {
			pr_more(sc->p);
			break;
		}
		ioc_print_value(sc, buf + (size_t)i * size, size, fmt, x, dflt);
	}
	pr_array_end(sc->p);
}

/* LEN bytes held in BUF, quoted and bounded by -s. */
static void print_local_bytes(struct sc *sc, const void *buf, size_t len)
{
	size_t limit = (size_t)str_limit(sc);
	if (len > limit)
		pr_quoted(sc->p, buf, limit, PR_QUOTE_ELLIPSIS);
	else
		pr_quoted(sc->p, buf, len, 0);
}

static void print_field(struct sc *sc, const struct ioc_field *f, const uint8_t *base)
{
	const uint8_t *at = base + f->off;

	switch (f->fmt) {
	case IOC_STR:
		ioc_print_cstr(sc->p, (const char *)at, f->count);
		return;
	case IOC_BYTES:
		print_local_bytes(sc, at, f->count);
		return;
	case IOC_STRUCT:
		if (f->count) {
			pr_array_begin(sc->p);
			for (unsigned i = 0; i < f->count; i++)
				ioc_print_struct(sc, f->sub, at + (size_t)i * f->size);
			pr_array_end(sc->p);
		} else {
			ioc_print_struct(sc, f->sub, at);
		}
		return;
	}
	if (f->count) {
		unsigned count = f->count;
		if (f->upto) {
			uint32_t n;
			memcpy(&n, base + f->upto - 1, sizeof(n));
			count = n < count ? n : count;
		}
		print_local_array(sc, at, count, f->size, f->fmt, f->x, f->dflt);
	} else {
		ioc_print_value(sc, at, f->size, f->fmt, f->x, f->dflt);
	}
}

bool ioc_print_fields(struct sc *sc, const struct ioc_struct *st, const void *buf)
{
	for (unsigned i = 0; i < st->n; i++) {
		const struct ioc_field *f = &st->fields[i];
		if (!f->name) {
			if (sc->verbose)
				continue;
			pr_more(sc->p);
			return false;
		}
		pr_field(sc->p, f->name);
		print_field(sc, f, buf);
	}
	return true;
}

void ioc_print_struct(struct sc *sc, const struct ioc_struct *st, const void *buf)
{
	pr_struct_begin(sc->p);
	ioc_print_fields(sc, st, buf);
	pr_struct_end(sc->p);
}

bool ioc_print_struct_at(struct sc *sc, const struct ioc_struct *st, uint64_t addr)
{
	_Alignas(8) uint8_t buf[IOC_STRUCT_MAX];
	if (!fetch_upto(sc, addr, buf, st->size))
		return false;
	ioc_print_struct(sc, st, buf);
	return true;
}

static const struct ioc_cmd *ioc_cmd_for(const struct ioc_family *fam, uint32_t code)
{
	for (size_t i = 0; i < fam->n; i++)
		if (fam->cmds[i].code == code)
			return &fam->cmds[i];
	return NULL;
}

/* One element of an IOC_ARRAY request's array. */
static bool print_cmd_elem(struct sc *sc, const void *elem, void *data)
{
	const struct ioc_cmd *c = data;
	ioc_print_value(sc, elem, c->size, c->fmt, c->x, c->dflt);
	return true;
}

/* What the pointer of C points to; false when NULL or the address printed instead. */
static bool print_pointed(struct sc *sc, const struct ioc_cmd *c, const struct ioc_struct *st,
			  uint64_t arg)
{
	_Alignas(8) uint8_t buf[IOC_STRUCT_MAX];
	size_t n;

	switch (c->arg) {
	case IOC_AT:
		if (!fetch_or_print_addr(sc, arg, buf, c->size))
			return false;
		pr_array_begin(sc->p);
		ioc_print_value(sc, buf, c->size, c->fmt, c->x, c->dflt);
		pr_array_end(sc->p);
		return true;
	case IOC_ARRAY:
		print_array(sc, arg, c->count, c->size, 0, print_cmd_elem, (void *)c);
		return arg != 0;
	case IOC_TUPLE:
		n = (size_t)c->size * c->count;
		if (!fetch_upto(sc, arg, buf, n))
			return false;
		print_local_array(sc, buf, c->count, c->size, c->fmt, c->x, c->dflt);
		return true;
	case IOC_PCSTR:
		if (!fetch_upto(sc, arg, buf, c->count))
			return false;
		ioc_print_cstr(sc->p, (const char *)buf, c->count);
		return true;
	case IOC_PBYTES:
		n = c->count < IOC_STRUCT_MAX ? c->count : IOC_STRUCT_MAX;
		if (!fetch_upto(sc, arg, buf, n))
			return false;
		print_local_bytes(sc, buf, n);
		return true;
	}
	return ioc_print_struct_at(sc, st, arg);
}

/* sc->priv[3] keeps from entry to exit that an IOA_INOUT struct was printed. */
#define INOUT_PRINTED priv[3]

int ioc_family_decode(struct sc *sc, const struct ioc_family *fam, uint32_t code, uint64_t arg)
{
	const struct ioc_cmd *c = ioc_cmd_for(fam, code);
	if (!c)
		return IOC_ARG_HEX;

	switch (c->arg) {
	case IOC_NONE:
		return IOC_ARG_DONE;
	case IOC_HEX:
		return IOC_ARG_HEX;
	case IOC_VAL:
		ioc_print_value(sc, &arg, c->size, c->fmt, c->x, c->dflt);
		return IOC_ARG_DONE;
	case IOC_FD:
		print_fd(sc, (int)arg);
		return IOC_ARG_DONE;
	case IOC_CUSTOM:
		return c->fn(sc, code, arg);
	}

	switch (c->dir) {
	case IOA_OUT:
		if (!sc->exiting)
			return IOC_LATER;
		print_pointed(sc, c, c->st, arg);
		return IOC_ARG_DONE;
	case IOA_INOUT:
		if (!sc->exiting) {
			sc->INOUT_PRINTED = print_pointed(sc, c, c->st, arg);
			return sc->INOUT_PRINTED ? IOC_LATER : IOC_ARG_DONE;
		}
		if (!sc_failed(sc)) {
			pr_join(sc->p, " => ");
			print_pointed(sc, c, c->st_out ? c->st_out : c->st, arg);
		}
		return IOC_ARG_DONE;
	}
	print_pointed(sc, c, c->st, arg);
	return IOC_ARG_DONE;
}
