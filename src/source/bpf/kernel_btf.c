/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A member's offset from the kernel's BTF. libbpf's parse reads the 5 MB file 4 KiB a read
 * (sysfs hands no more per read) into a buffer, copies it into another and indexes its 100,000+
 * types: 100-200 ms, mostly first-touch page faults, for one number. Kernels since 6.16 let the
 * file be mapped read-only; then the types are walked in place, in id order, up to the structure
 * asked for (the core structures come first). Older kernels get libbpf's parse.
 */
#include "source/bpf/kernel_btf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <bpf/btf.h>
#include <linux/btf.h>

#define VMLINUX_BTF "/sys/kernel/btf/vmlinux"

static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* The BTF sections of a mapped file. */
struct btf_view {
	const char *types, *types_end;
	const char *strs;
	size_t strs_len;
};

static bool view_init(struct btf_view *v, const void *data, size_t size)
{
	const struct btf_header *h = data;

	if (size < sizeof(*h) || h->magic != BTF_MAGIC || h->version != BTF_VERSION ||
	    h->hdr_len < sizeof(*h) || h->hdr_len > size ||
	    (size_t)h->type_off + h->type_len > size - h->hdr_len ||
	    (size_t)h->str_off + h->str_len > size - h->hdr_len)
		return false;
	v->types = (const char *)data + h->hdr_len + h->type_off;
	v->types_end = v->types + h->type_len;
	v->strs = (const char *)data + h->hdr_len + h->str_off;
	v->strs_len = h->str_len;
	return true;
}

static bool name_is(const struct btf_view *v, uint32_t off, const char *name)
{
	size_t n = strlen(name);

	return off < v->strs_len && v->strs_len - off > n && !memcmp(v->strs + off, name, n + 1);
}

/* Bytes after the struct btf_type of kind KIND with VLEN entries (include/uapi/linux/btf.h);
 * -1 for a kind this walk does not know. */
static long type_tail(unsigned kind, unsigned vlen)
{
	switch (kind) {
	case BTF_KIND_INT:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
		return 4;
	case BTF_KIND_PTR:
	case BTF_KIND_FWD:
	case BTF_KIND_TYPEDEF:
	case BTF_KIND_VOLATILE:
	case BTF_KIND_CONST:
	case BTF_KIND_RESTRICT:
	case BTF_KIND_FUNC:
	case BTF_KIND_FLOAT:
	case BTF_KIND_TYPE_TAG:
		return 0;
	case BTF_KIND_ARRAY:
		return sizeof(struct btf_array);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return (long)vlen * sizeof(struct btf_member);
	case BTF_KIND_ENUM:
		return (long)vlen * sizeof(struct btf_enum);
	case BTF_KIND_FUNC_PROTO:
		return (long)vlen * sizeof(struct btf_param);
	case BTF_KIND_DATASEC:
		return (long)vlen * sizeof(struct btf_var_secinfo);
	case BTF_KIND_ENUM64:
		return (long)vlen * sizeof(struct btf_enum64);
	}
	return -1;
}

/* Type ID (1 is the first of the types section) by a walk from the start, or NULL. */
static const struct btf_type *type_by_id(const struct btf_view *v, uint32_t id)
{
	uint32_t at = 1;

	for (const char *p = v->types; p < v->types_end; at++) {
		const struct btf_type *t = (const void *)p;

		if ((size_t)(v->types_end - p) < sizeof(*t))
			return NULL;
		long tail = type_tail(BTF_INFO_KIND(t->info), BTF_INFO_VLEN(t->info));

		if (tail < 0 || (size_t)(v->types_end - p) - sizeof(*t) < (size_t)tail)
			return NULL;
		if (at == id)
			return t;
		p += sizeof(*t) + (size_t)tail;
	}
	return NULL;
}

/* A member's bit offset in struct or union type T, or in an anonymous struct or union member
 * of it (DEPTH levels down at most: `union { const struct path f_path; ... }` in struct
 * file); -1 when it has none by that name. *BITFIELD: it is one. */
static long member_bits(const struct btf_view *v, const struct btf_type *t, const char *member,
			int depth, bool *bitfield)
{
	const struct btf_member *m = (const void *)(t + 1);
	bool kflag = BTF_INFO_KFLAG(t->info);
	unsigned vlen = BTF_INFO_VLEN(t->info);

	for (unsigned i = 0; i < vlen; i++) {
		if (!name_is(v, m[i].name_off, member))
			continue;
		*bitfield = kflag && BTF_MEMBER_BITFIELD_SIZE(m[i].offset);
		return kflag ? BTF_MEMBER_BIT_OFFSET(m[i].offset) : m[i].offset;
	}
	for (unsigned i = 0; depth > 0 && i < vlen; i++) {
		const struct btf_type *a = m[i].name_off ? NULL : type_by_id(v, m[i].type);
		unsigned kind = a ? BTF_INFO_KIND(a->info) : 0;
		long in = kind == BTF_KIND_STRUCT || kind == BTF_KIND_UNION ?
				  member_bits(v, a, member, depth - 1, bitfield) : -1;

		if (in >= 0)
			return (kflag ? BTF_MEMBER_BIT_OFFSET(m[i].offset) : m[i].offset) + in;
	}
	return -1;
}

static long member_offset(const struct btf_view *v, const struct btf_type *t, const char *member,
			  bool *bitfield)
{
	long bits = member_bits(v, t, member, 2, bitfield);

	return bits < 0 ? -1 : bits / 8;
}

/* Fills Q[0..N) (N <= 64) in one walk; -2 when the data is not BTF this walk can read. */
static int walk_member_offsets(const struct btf_view *v, struct btf_member_query *q, size_t n)
{
	uint64_t open = n < 64 ? (1ull << n) - 1 : ~0ull;

	for (size_t i = 0; i < n; i++) {
		q[i].off = -1;
		q[i].bitfield = false;
	}
	for (const char *p = v->types; p < v->types_end && open;) {
		const struct btf_type *t = (const void *)p;

		if ((size_t)(v->types_end - p) < sizeof(*t))
			return -2;
		unsigned kind = BTF_INFO_KIND(t->info), vlen = BTF_INFO_VLEN(t->info);
		long tail = type_tail(kind, vlen);

		if (tail < 0 || (size_t)(v->types_end - p) - sizeof(*t) < (size_t)tail)
			return -2;
		for (size_t i = 0; kind == BTF_KIND_STRUCT && i < n; i++) {
			if (!(open & (1ull << i)) || !name_is(v, t->name_off, q[i].struct_name))
				continue;
			q[i].off = member_offset(v, t, q[i].member, &q[i].bitfield);
			open &= ~(1ull << i);
		}
		p += sizeof(*t) + (size_t)tail;
	}
	return 0;
}

int btf_data_member_offsets(const void *data, size_t size, struct btf_member_query *q, size_t n)
{
	struct btf_view v;

	if (n > 64 || !view_init(&v, data, size))
		return -2;
	return walk_member_offsets(&v, q, n);
}

long btf_data_member_offset(const void *data, size_t size, const char *struct_name,
			    const char *member)
{
	struct btf_member_query q = { struct_name, member, -1, false };

	return btf_data_member_offsets(data, size, &q, 1) ? -2 : q.off;
}

/* member_bits() through libbpf's parse. */
static long libbpf_member_bits(const struct btf *btf, const struct btf_type *t,
			       const char *member, int depth, bool *bitfield)
{
	const struct btf_member *m = btf_members(t);

	for (int j = 0; j < btf_vlen(t); j++)
		if (!strcmp(btf__name_by_offset(btf, m[j].name_off), member)) {
			*bitfield = btf_member_bitfield_size(t, j) != 0;
			return (long)btf_member_bit_offset(t, j);
		}
	for (int j = 0; depth > 0 && j < btf_vlen(t); j++) {
		const struct btf_type *a = m[j].name_off ? NULL : btf__type_by_id(btf, m[j].type);
		long in = a && (btf_is_struct(a) || btf_is_union(a)) ?
				  libbpf_member_bits(btf, a, member, depth - 1, bitfield) : -1;

		if (in >= 0)
			return (long)btf_member_bit_offset(t, j) + in;
	}
	return -1;
}

/* libbpf's whole parse, where the file cannot be mapped. */
static int libbpf_member_offsets(struct btf_member_query *q, size_t n, char *err, size_t errlen)
{
	struct btf *btf = btf__load_vmlinux_btf();

	if (!btf) {
		seterr(err, errlen, "cannot read the kernel's BTF: %s", strerror(errno));
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		int id = btf__find_by_name_kind(btf, q[i].struct_name, BTF_KIND_STRUCT);
		const struct btf_type *t = id > 0 ? btf__type_by_id(btf, id) : NULL;
		long bits;

		q[i].bitfield = false;
		bits = t ? libbpf_member_bits(btf, t, q[i].member, 2, &q[i].bitfield) : -1;

		q[i].off = bits < 0 ? -1 : bits / 8;
	}
	btf__free(btf);
	return 0;
}

int kernel_btf_member_offsets(struct btf_member_query *q, size_t n, char *err, size_t errlen)
{
	int fd = open(VMLINUX_BTF, O_RDONLY | O_CLOEXEC);
	struct stat st;
	void *data = MAP_FAILED;
	int r = -2;

	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0)
		data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (fd >= 0)
		close(fd);
	if (data != MAP_FAILED) {
		r = btf_data_member_offsets(data, (size_t)st.st_size, q, n);
		munmap(data, (size_t)st.st_size);
	}
	if (r == -2 && libbpf_member_offsets(q, n, err, errlen))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (q[i].off < 0) {
			seterr(err, errlen, "the kernel's BTF has no %s.%s", q[i].struct_name,
			       q[i].member);
			return -1;
		}
	}
	return 0;
}

long kernel_btf_member_offset(const char *struct_name, const char *member, char *err,
			      size_t errlen)
{
	struct btf_member_query q = { struct_name, member, -1, false };

	return kernel_btf_member_offsets(&q, 1, err, errlen) ? -1 : q.off;
}
