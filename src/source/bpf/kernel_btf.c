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

static long walk_member_offset(const struct btf_view *v, const char *struct_name,
			       const char *member)
{
	for (const char *p = v->types; p < v->types_end;) {
		const struct btf_type *t = (const void *)p;

		if ((size_t)(v->types_end - p) < sizeof(*t))
			return -2;
		unsigned kind = BTF_INFO_KIND(t->info), vlen = BTF_INFO_VLEN(t->info);
		long tail = type_tail(kind, vlen);

		if (tail < 0 || (size_t)(v->types_end - p) - sizeof(*t) < (size_t)tail)
			return -2;
		if (kind == BTF_KIND_STRUCT && name_is(v, t->name_off, struct_name)) {
			const struct btf_member *m = (const void *)(t + 1);

			for (unsigned i = 0; i < vlen; i++)
				if (name_is(v, m[i].name_off, member))
					return (BTF_INFO_KFLAG(t->info) ?
						BTF_MEMBER_BIT_OFFSET(m[i].offset) : m[i].offset) / 8;
			return -1;
		}
		p += sizeof(*t) + (size_t)tail;
	}
	return -1;
}

long btf_data_member_offset(const void *data, size_t size, const char *struct_name,
			    const char *member)
{
	struct btf_view v;

	return view_init(&v, data, size) ? walk_member_offset(&v, struct_name, member) : -2;
}

/* libbpf's whole parse, where the file cannot be mapped. */
static long libbpf_member_offset(const char *struct_name, const char *member, char *err,
				 size_t errlen)
{
	struct btf *btf = btf__load_vmlinux_btf();
	long off = -1;

	if (!btf) {
		seterr(err, errlen, "cannot read the kernel's BTF: %s", strerror(errno));
		return -1;
	}
	int id = btf__find_by_name_kind(btf, struct_name, BTF_KIND_STRUCT);
	const struct btf_type *t = id > 0 ? btf__type_by_id(btf, id) : NULL;
	const struct btf_member *m = t ? btf_members(t) : NULL;

	for (int i = 0; t && i < btf_vlen(t); i++)
		if (!strcmp(btf__name_by_offset(btf, m[i].name_off), member))
			off = (long)btf_member_bit_offset(t, i) / 8;
	btf__free(btf);
	if (off < 0)
		seterr(err, errlen, "the kernel's BTF has no %s.%s", struct_name, member);
	return off;
}

long kernel_btf_member_offset(const char *struct_name, const char *member, char *err,
			      size_t errlen)
{
	int fd = open(VMLINUX_BTF, O_RDONLY | O_CLOEXEC);
	struct stat st;
	void *data = MAP_FAILED;
	long off = -2;

	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_size > 0)
		data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (fd >= 0)
		close(fd);
	if (data != MAP_FAILED) {
		off = btf_data_member_offset(data, (size_t)st.st_size, struct_name, member);
		munmap(data, (size_t)st.st_size);
	}
	if (off == -2)
		return libbpf_member_offset(struct_name, member, err, errlen);
	if (off < 0)
		seterr(err, errlen, "the kernel's BTF has no %s.%s", struct_name, member);
	return off;
}
