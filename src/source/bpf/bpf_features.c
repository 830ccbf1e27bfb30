/* SPDX-License-Identifier: Apache-2.0 */
/* The kernel features and privileges sysray's eBPF programs need. */
#include "source/bpf/bpf_features.h"

#include <errno.h>
#include <linux/capability.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <bpf/libbpf.h>

static int libbpf_quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (!getenv("SYSRAY_BPF_DEBUG"))
		return 0;
	return vfprintf(stderr, fmt, ap);
}

const char *bpf_privilege_hint(int e)
{
	return e == EPERM || e == EACCES ? " (needs CAP_BPF and CAP_PERFMON: run as root)" : "";
}

/* Loading tracing programs takes CAP_BPF with CAP_PERFMON (Linux 5.8+) or CAP_SYS_ADMIN.
 * Without them libbpf's feature probes fail as if the kernel lacked the features, so the
 * privileges are checked first. True when capget() cannot tell: the load will say. */
static bool may_load_tracing_programs(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] = { 0 };
	uint64_t eff;

	if (syscall(SYS_capget, &hdr, data))
		return true;
	eff = data[0].effective | (uint64_t)data[1].effective << 32;
	return (eff & (1ull << CAP_SYS_ADMIN)) ||
	       ((eff & (1ull << CAP_BPF)) && (eff & (1ull << CAP_PERFMON)));
}

/*
 * Is this process in the initial user namespace? The kernel refuses BPF programs and maps to
 * a process whose capabilities are those of a child user namespace (unshare -U, rootless
 * containers): capget() shows them all, yet every load fails with EPERM, and libbpf's probes
 * read that as missing features. The initial namespace maps all 2^32 ids onto themselves:
 * /proc/self/uid_map is the one line "0 0 4294967295". True when the file cannot tell.
 */
static bool in_initial_user_namespace(void)
{
	FILE *f = fopen("/proc/self/uid_map", "r");
	unsigned long inside, outside, count;
	int fields, more;

	if (!f)
		return true;
	fields = fscanf(f, "%lu %lu %lu", &inside, &outside, &count);
	more = fscanf(f, "%lu", &inside);
	fclose(f);
	return fields != 3 || (more != 1 && inside == 0 && outside == 0 && count == 4294967295ul);
}

int bpf_features_check(char *err, size_t errlen)
{
	libbpf_set_print(libbpf_quiet);
	if (access("/sys/kernel/btf/vmlinux", R_OK)) {
		snprintf(err, errlen, "kernel BTF is missing (/sys/kernel/btf/vmlinux: %s): "
			 "the eBPF programs need CONFIG_DEBUG_INFO_BTF", strerror(errno));
		return -1;
	}
	if (!may_load_tracing_programs()) {
		snprintf(err, errlen, "eBPF needs root, or CAP_BPF and CAP_PERFMON (this process "
			 "has neither these nor CAP_SYS_ADMIN)");
		return -1;
	}
	if (!in_initial_user_namespace()) {
		snprintf(err, errlen, "eBPF needs CAP_BPF and CAP_PERFMON in the initial user "
			 "namespace, and this process runs in a user namespace of its own "
			 "(/proc/self/uid_map)");
		return -1;
	}
	int have_rb = libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, NULL);

	if (have_rb == 0) {
		snprintf(err, errlen, "the kernel has no BPF ring buffer map type (Linux 5.8+)");
		return -1;
	}
	if (have_rb < 0) {
		snprintf(err, errlen, "cannot probe BPF features: %s%s", strerror(-have_rb),
			 bpf_privilege_hint(-have_rb));
		return -1;
	}
	return 0;
}
