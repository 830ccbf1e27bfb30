/* SPDX-License-Identifier: Apache-2.0 */
/*
 * ioctl: the user-space notification requests of linux/seccomp.h (type '!') on a listener
 * fd. SECCOMP_IOCTL_NOTIF_RECV fills a struct seccomp_notif the caller zeroes first (the
 * kernel refuses one that is not zero): a non-zero one prints at entry and " => " what the
 * kernel wrote; NOTIF_SEND, NOTIF_ADDFD and NOTIF_ID_VALID only pass their struct or id in.
 */
#include <string.h>
#include <sys/ioctl.h>
#include <linux/seccomp.h>

#include "trace/decode/ioctl_table.h"
#include "trace/decode/xlat_file.h"

/* NOTIF_ID_VALID was first defined _IOR by mistake; the kernel still accepts that number. */
#define SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR SECCOMP_IOR(2, __u64)

STATIC_XLAT(seccomp_resp_flags, XLAT_PAIR(SECCOMP_USER_NOTIF_FLAG_CONTINUE));
STATIC_XLAT(seccomp_addfd_flags,
	XLAT_PAIR(SECCOMP_ADDFD_FLAG_SETFD), XLAT_PAIR(SECCOMP_ADDFD_FLAG_SEND));

IOC_STRUCT_OF(notif_resp_desc, struct seccomp_notif_resp,
	IOC_F(struct seccomp_notif_resp, id, IOC_X),
	IOC_F(struct seccomp_notif_resp, val, IOC_D),
	IOC_F(struct seccomp_notif_resp, error, IOC_ERRNO),
	IOC_FX(struct seccomp_notif_resp, flags, IOC_FLAGS, seccomp_resp_flags,
	       "SECCOMP_USER_NOTIF_FLAG_???"));

IOC_STRUCT_OF(notif_addfd_desc, struct seccomp_notif_addfd,
	IOC_F(struct seccomp_notif_addfd, id, IOC_X),
	IOC_FX(struct seccomp_notif_addfd, flags, IOC_FLAGS, seccomp_addfd_flags,
	       "SECCOMP_ADDFD_FLAG_???"),
	IOC_F(struct seccomp_notif_addfd, srcfd, IOC_FDNUM),
	IOC_F(struct seccomp_notif_addfd, newfd, IOC_D),
	IOC_FX(struct seccomp_notif_addfd, newfd_flags, IOC_FLAGS, xlat_open_mode_flags,
	       "O_???"));

static void print_notif(struct sc *sc, const struct seccomp_notif *n)
{
	struct pr *p = sc->p;

	pr_struct_begin(p);
	pr_field(p, "id");
	pr_hex(p, n->id);
	pr_field(p, "pid");
	print_pid(sc, (int)n->pid, PID_TGID);
	pr_field(p, "flags");
	pr_hex(p, n->flags);
	pr_field(p, "data");
	pr_struct_begin(p);
	pr_field(p, "nr");
	print_syscall_nr(p, n->data.arch, (uint32_t)n->data.nr);
	pr_field(p, "arch");
	pr_xval(p, &xlat_audit_arch, n->data.arch, "AUDIT_ARCH_???");
	pr_field(p, "instruction_pointer");
	pr_ptr(p, n->data.instruction_pointer);
	pr_field(p, "args");
	pr_array_begin(p);
	for (size_t i = 0; i < sizeof(n->data.args) / sizeof(n->data.args[0]); i++)
		pr_hex(p, n->data.args[i]);
	pr_array_end(p);
	pr_struct_end(p);
	pr_struct_end(p);
}

/* sc->priv[0] keeps from entry to exit that the struct was printed at entry. */
#define NOTIF_PRINTED priv[0]

static int notif_recv_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	static const struct seccomp_notif zero;
	struct seccomp_notif n;

	if (!sc->exiting) {
		if (!fetch_or_print_addr(sc, arg, &n, sizeof(n)))
			return IOC_ARG_DONE;
		sc->NOTIF_PRINTED = memcmp(&n, &zero, sizeof(n)) != 0;
		if (sc->NOTIF_PRINTED)
			print_notif(sc, &n);
		return IOC_LATER;
	}
	if (sc->NOTIF_PRINTED)
		pr_join(sc->p, " => ");
	if (fetch_or_print_addr(sc, arg, &n, sizeof(n)))
		print_notif(sc, &n);
	return IOC_ARG_DONE;
}

IOC_FAMILY(seccomp_family,
	IOC_C_FN(SECCOMP_IOCTL_NOTIF_RECV, notif_recv_ioctl),
	IOC_C_STRUCT(SECCOMP_IOCTL_NOTIF_SEND, IOA_IN, notif_resp_desc),
	IOC_C_AT(SECCOMP_IOCTL_NOTIF_ID_VALID, IOA_IN, IOC_X, sizeof(uint64_t)),
	IOC_C_AT(SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR, IOA_IN, IOC_X, sizeof(uint64_t)),
	IOC_C_STRUCT(SECCOMP_IOCTL_NOTIF_ADDFD, IOA_IN, notif_addfd_desc));

int seccomp_ioctl(struct sc *sc, uint32_t code, uint64_t arg)
{
	return ioc_family_decode(sc, &seccomp_family, code, arg);
}
