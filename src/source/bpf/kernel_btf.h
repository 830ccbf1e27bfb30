/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Facts read from the running kernel's BTF (/sys/kernel/btf/vmlinux) for programs that do not
 * use CO-RE: a structure member's offset, found without parsing the whole 5 MB.
 */
#ifndef SYSRAY_SOURCE_BPF_KERNEL_BTF_H
#define SYSRAY_SOURCE_BPF_KERNEL_BTF_H

#include <stddef.h>

/* The byte offset of MEMBER in struct STRUCT_NAME, or -1 with ERR set. */
long kernel_btf_member_offset(const char *struct_name, const char *member, char *err,
			      size_t errlen);

/* The same in the raw BTF (header, types, strings) of SIZE bytes at DATA: the offset, -1 when
 * the structure or the member is not there, -2 when the data is not BTF this walk can read. */
long btf_data_member_offset(const void *data, size_t size, const char *struct_name,
			    const char *member);

#endif
