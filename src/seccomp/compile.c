/* SPDX-License-Identifier: Apache-2.0 */
/* A profile into a libseccomp filter, the way runc builds one from an OCI profile. */
#include "seccomp/seccomp.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util.h"

static enum scp_action for_mode(enum scp_action a, enum scp_mode mode)
{
	if (a == SCP_ACT_ALLOW || mode == SCP_MODE_ENFORCE)
		return a;
	if (mode == SCP_MODE_LOG)
		return SCP_ACT_LOG;
	return a == SCP_ACT_LOG ? a : SCP_ACT_TRACE;
}

static uint32_t mode_value(enum scp_action a, int ret, enum scp_mode mode)
{
	enum scp_action m = for_mode(a, mode);
	/* In report mode the tracer reads the action from the profile, not the filter data. */
	return scp_action_value(m, m == a ? ret : 0);
}

static int add_rule(scmp_filter_ctx ctx, uint32_t act, int nr, const struct scp_rule *r)
{
	struct scmp_arg_cmp cmp[6];
	if (!r->nconds)
		return seccomp_rule_add(ctx, act, nr, 0);
	if (scp_rule_conds_or(r)) {
		for (int i = 0; i < r->nconds; i++) {
			const struct scp_cond *c = &r->conds[i];
			cmp[0] = (struct scmp_arg_cmp){ c->index, c->op, c->value, c->value_two };
			int rc = seccomp_rule_add_array(ctx, act, nr, 1, cmp);
			if (rc < 0)
				return rc;
		}
		return 0;
	}
	for (int i = 0; i < r->nconds && i < 6; i++) {
		const struct scp_cond *c = &r->conds[i];
		cmp[i] = (struct scmp_arg_cmp){ c->index, c->op, c->value, c->value_two };
	}
	return seccomp_rule_add_array(ctx, act, nr, (unsigned)(r->nconds < 6 ? r->nconds : 6), cmp);
}

static scmp_filter_ctx new_filter(const struct scp_profile *p, uint32_t dflt)
{
	scmp_filter_ctx ctx = seccomp_init(dflt);
	if (!ctx)
		return NULL;
	/* With CAP_SYS_ADMIN the kernel takes a filter without no_new_privs: setuid works. */
	if (geteuid() == 0)
		seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
	if (p->log_flag)
		seccomp_attr_set(ctx, SCMP_FLTATR_CTL_LOG, 1);
	if (p->spec_allow_flag)
		seccomp_attr_set(ctx, SCMP_FLTATR_CTL_SSB, 1);
	return ctx;
}

/* NATIVE: CTX filters x86_64 only, where the table's numbers need no translation. */
static void add_rules(scmp_filter_ctx ctx, const struct scp_profile *p,
		      const struct scp_env *env, enum scp_mode mode, uint32_t dflt, bool native,
		      struct diags *d)
{
	for (int i = 0; i < p->nrules; i++) {
		const struct scp_rule *r = &p->rules[i];
		if (!scp_rule_applies(r, env))
			continue;
		uint32_t act = mode_value(r->action, r->errno_ret, mode);
		if (act == dflt)
			continue;
		for (int j = 0; j < r->nnames; j++) {
			int nr = scp_syscall_nr(r->names[j].name);
			if (nr == -1 || (native && nr < 0))
				continue;	/* unknown, or another architecture's only */
			int rc = add_rule(ctx, act, nr, r);
			/* libseccomp cannot translate a syscall newer than itself: -EFAULT. */
			if (rc == -EFAULT && !native)
				continue;
			if (rc < 0)
				diag_add(d, DIAG_ERROR, r->names[j].path,
					 "libseccomp refused the rule for '%s': %s",
					 r->names[j].name, strerror(-rc));
		}
	}
}

/*
 * Two filters merged into one: x86_64 alone, by the syscall table's numbers (libseccomp
 * may not know the newest syscalls, and would refuse to translate them), and the other
 * architectures by libseccomp's translation of the names.
 */
scmp_filter_ctx scp_compile(const struct scp_profile *p, const struct scp_env *env,
			    enum scp_mode mode, struct diags *d)
{
	int errors_before = d->errors;
	uint32_t dflt = mode_value(p->default_action, p->default_errno_ret, mode);
	scmp_filter_ctx ctx = new_filter(p, dflt);
	if (!ctx) {
		diag_add(d, DIAG_ERROR, "defaultAction", "libseccomp cannot start a filter with %s",
			 scp_action_name(p->default_action));
		return NULL;
	}
	add_rules(ctx, p, env, mode, dflt, true, d);
	uint32_t native = seccomp_arch_native();
	bool others = false;
	for (int i = 0; i < p->narches; i++)
		others |= p->arches[i] != native;
	if (others) {
		scmp_filter_ctx rest = new_filter(p, dflt);
		for (int i = 0; rest && i < p->narches; i++) {
			if (p->arches[i] == native)
				continue;
			int rc = seccomp_arch_add(rest, p->arches[i]);
			if (rc < 0 && rc != -EEXIST) {
				char where[64];
				snprintf(where, sizeof(where), "architectures[%d]", i);
				diag_add(d, DIAG_ERROR, where, "libseccomp cannot add %s: %s",
					 p->arch_names[i], strerror(-rc));
			}
		}
		if (rest && seccomp_arch_remove(rest, native) == 0) {
			add_rules(rest, p, env, mode, dflt, false, d);
			int rc = seccomp_merge(ctx, rest);
			if (rc < 0) {
				diag_add(d, DIAG_ERROR, "architectures",
					 "libseccomp cannot merge the architectures' filters: %s",
					 strerror(-rc));
				seccomp_release(rest);
			}
		} else if (rest) {
			seccomp_release(rest);
		}
	}
	if (d->errors > errors_before) {
		seccomp_release(ctx);
		return NULL;
	}
	return ctx;
}

int scp_bpf_length(scmp_filter_ctx ctx)
{
	int fd = memfd_create("bpf", MFD_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	int n = -1;
	if (seccomp_export_bpf(ctx, fd) == 0 && fstat(fd, &st) == 0)
		n = (int)(st.st_size / 8);	/* struct sock_filter is 8 bytes */
	close(fd);
	return n;
}
