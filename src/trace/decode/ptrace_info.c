/* SPDX-License-Identifier: Apache-2.0 */
/*
 * PTRACE_GET_SYSCALL_INFO's struct ptrace_syscall_info (linux/ptrace.h): the stop's kind,
 * architecture and pointers, then the syscall entered, its result, or the seccomp stop.
 */
#include <string.h>

#include "schema/names.h"
#include "trace/decode.h"

STATIC_XLAT(ptrace_syscall_info_ops,
	{ 0, "PTRACE_SYSCALL_INFO_NONE" }, { 1, "PTRACE_SYSCALL_INFO_ENTRY" },
	{ 2, "PTRACE_SYSCALL_INFO_EXIT" }, { 3, "PTRACE_SYSCALL_INFO_SECCOMP" });

/* struct ptrace_syscall_info: a common header, then what the stop is about. */
struct k_syscall_info {
	uint8_t op, pad[3];
	uint32_t arch;
	uint64_t instruction_pointer, stack_pointer;
	union {
		struct { uint64_t nr, args[6]; } entry;
		struct { int64_t rval; uint8_t is_error; } exit;
		struct { uint64_t nr, args[6]; uint32_t ret_data; } seccomp;
	};
};
#define PSI_ARCH_END 8
#define PSI_IP_END 16
#define PSI_SP_END 24
#define PSI_NR_END 32
#define PSI_EXIT_END 33
#define PSI_SECCOMP_END 84

static void print_psi_args(struct pr *p, const uint64_t *args, uint64_t fetched)
{
	uint64_t n = fetched >= PSI_NR_END ? (fetched - PSI_NR_END) / 8 : 0;
	if (!n)
		return;
	pr_field(p, "args");
	pr_array_begin(p);
	for (uint64_t i = 0; i < n && i < 6; i++)
		pr_hex(p, args[i]);
	pr_array_end(p);
}

void print_ptrace_syscall_info(struct sc *sc, uint64_t addr, uint64_t user_len)
{
	struct k_syscall_info info;
	struct pr *p = sc->p;
	uint64_t len = user_len < (uint64_t)sc->rval ? user_len : (uint64_t)sc->rval;
	if (len > PSI_SECCOMP_END)
		len = PSI_SECCOMP_END;
	memset(&info, 0, sizeof(info));
	if (!len || !peek_mem(sc, addr, &info, (size_t)len)) {
		pr_ptr(p, addr);
		return;
	}
	pr_struct_begin(p);
	pr_field(p, "op");
	pr_xval(p, &ptrace_syscall_info_ops, info.op, "PTRACE_SYSCALL_INFO_???");
	if (len >= PSI_ARCH_END) {
		pr_field(p, "arch");
		pr_xval(p, &xlat_audit_arch, info.arch, "AUDIT_ARCH_???");
	}
	if (len >= PSI_IP_END) {
		pr_field(p, "instruction_pointer");
		pr_ptr(p, info.instruction_pointer);
	}
	if (len >= PSI_SP_END) {
		pr_field(p, "stack_pointer");
		pr_ptr(p, info.stack_pointer);
	}
	if (len >= PSI_NR_END) {
		switch (info.op) {
		case 1:
		case 3:
			pr_field(p, info.op == 1 ? "entry" : "seccomp");
			pr_struct_begin(p);
			pr_field(p, "nr");
			print_syscall_nr(p, info.arch, info.entry.nr);
			print_psi_args(p, info.entry.args, len);
			if (info.op == 3 && len >= PSI_SECCOMP_END) {
				pr_field(p, "ret_data");
				pr_uint(p, info.seccomp.ret_data);
			}
			pr_struct_end(p);
			break;
		case 2:
			pr_field(p, "exit");
			pr_struct_begin(p);
			pr_field(p, "rval");
			const char *err = NULL;
			if (len >= PSI_EXIT_END && info.exit.is_error && info.exit.rval < 0)
				err = errno_name((int)-info.exit.rval);
			if (!err || p->xlat_style != PR_XLAT_ABBREV)
				pr_int(p, info.exit.rval);
			if (err && p->xlat_style == PR_XLAT_VERBOSE)
				pr_comment(p, "-%s", err);
			else if (err && p->xlat_style == PR_XLAT_ABBREV)
				pr_textf(p, "-%s", err);
			if (len >= PSI_EXIT_END) {
				pr_field(p, "is_error");
				pr_uint(p, info.exit.is_error);
			}
			pr_struct_end(p);
			break;
		}
	}
	pr_struct_end(p);
}
