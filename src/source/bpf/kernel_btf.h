/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Facts read from the running kernel's BTF (/sys/kernel/btf/vmlinux) for programs that do not
 * use CO-RE: a structure member's offset, found without parsing the whole 5 MB.
 */
#ifndef SYSRAY_SOURCE_BPF_KERNEL_BTF_H
#define SYSRAY_SOURCE_BPF_KERNEL_BTF_H

#include <stdbool.h>
#include <stddef.h>

/* A member asked for, in the structure or in an anonymous struct or union member of it: OFF
 * is its byte offset once found, -1 when the structure has no such member; BITFIELD: it is
 * one (OFF is then the byte its first bit is in). */
struct btf_member_query {
	const char *struct_name;
	const char *member;
	long off;
	bool bitfield;
};

/* The byte offset of MEMBER in struct STRUCT_NAME, or -1 with ERR set. */
long kernel_btf_member_offset(const char *struct_name, const char *member, char *err,
			      size_t errlen);

/* Fills the N queries of Q (64 at most) in one walk of the BTF: 0, or -1 with ERR naming the
 * first member not found. */
int kernel_btf_member_offsets(struct btf_member_query *q, size_t n, char *err, size_t errlen);

/* The same in the raw BTF (header, types, strings) of SIZE bytes at DATA: the offset, -1 when
 * the structure or the member is not there, -2 when the data is not BTF this walk can read. */
long btf_data_member_offset(const void *data, size_t size, const char *struct_name,
			    const char *member);
/* Q's offsets (N <= 64) in the raw BTF: 0, or -2 when the data is not BTF this walk reads. */
int btf_data_member_offsets(const void *data, size_t size, struct btf_member_query *q, size_t n);

#endif
