/* SPDX-License-Identifier: Apache-2.0 */
/* The vocabulary of profiles: actions, comparison operators, syscall names, the machine. */
#include "seccomp/profile.h"

#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "schema/syscalls.h"
#include "util/edit_distance.h"
#include "util/util.h"

static const struct {
	const char *name;
	const char *kernel_name;
} actions[SCP_ACT_COUNT] = {
	[SCP_ACT_KILL] = { "SCMP_ACT_KILL", "kill_thread" },
	[SCP_ACT_KILL_THREAD] = { "SCMP_ACT_KILL_THREAD", "kill_thread" },
	[SCP_ACT_KILL_PROCESS] = { "SCMP_ACT_KILL_PROCESS", "kill_process" },
	[SCP_ACT_TRAP] = { "SCMP_ACT_TRAP", "trap" },
	[SCP_ACT_ERRNO] = { "SCMP_ACT_ERRNO", "errno" },
	[SCP_ACT_TRACE] = { "SCMP_ACT_TRACE", "trace" },
	[SCP_ACT_LOG] = { "SCMP_ACT_LOG", "log" },
	[SCP_ACT_ALLOW] = { "SCMP_ACT_ALLOW", "allow" },
	[SCP_ACT_NOTIFY] = { "SCMP_ACT_NOTIFY", "user_notif" },
};

int scp_action_by_name(const char *name)
{
	for (int i = 0; i < SCP_ACT_COUNT; i++)
		if (!strcmp(actions[i].name, name))
			return i;
	return -1;
}

const char *scp_action_name(enum scp_action a)
{
	return a < SCP_ACT_COUNT ? actions[a].name : "?";
}

const char *scp_action_kernel_name(enum scp_action a)
{
	return a < SCP_ACT_COUNT ? actions[a].kernel_name : "?";
}

uint32_t scp_action_value(enum scp_action a, int ret)
{
	/* runc: errnoRet absent means EPERM for ERRNO, and EPERM as the data of TRACE. */
	uint16_t data = ret < 0 ? 1 : (uint16_t)ret;
	switch (a) {
	case SCP_ACT_KILL:
	case SCP_ACT_KILL_THREAD:
		return SCMP_ACT_KILL_THREAD;
	case SCP_ACT_KILL_PROCESS:
		return SCMP_ACT_KILL_PROCESS;
	case SCP_ACT_TRAP:
		return SCMP_ACT_TRAP;
	case SCP_ACT_ERRNO:
		return SCMP_ACT_ERRNO(data);
	case SCP_ACT_TRACE:
		return SCMP_ACT_TRACE(data);
	case SCP_ACT_LOG:
		return SCMP_ACT_LOG;
	case SCP_ACT_NOTIFY:
		return SCMP_ACT_NOTIFY;
	case SCP_ACT_ALLOW:
	default:
		return SCMP_ACT_ALLOW;
	}
}

bool scp_action_denies(enum scp_action a)
{
	return a != SCP_ACT_ALLOW && a != SCP_ACT_LOG && a != SCP_ACT_TRACE && a != SCP_ACT_NOTIFY;
}

static const struct {
	const char *name;
	int op;
} ops[] = {
	{ "SCMP_CMP_NE", SCMP_CMP_NE },	{ "SCMP_CMP_LT", SCMP_CMP_LT },
	{ "SCMP_CMP_LE", SCMP_CMP_LE },	{ "SCMP_CMP_EQ", SCMP_CMP_EQ },
	{ "SCMP_CMP_GE", SCMP_CMP_GE },	{ "SCMP_CMP_GT", SCMP_CMP_GT },
	{ "SCMP_CMP_MASKED_EQ", SCMP_CMP_MASKED_EQ },
};

int scp_op_by_name(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(ops); i++)
		if (!strcmp(ops[i].name, name))
			return ops[i].op;
	return 0;
}

const char *scp_op_name(int op)
{
	for (size_t i = 0; i < ARRAY_SIZE(ops); i++)
		if (ops[i].op == op)
			return ops[i].name;
	return "?";
}

int scp_syscall_nr(const char *name)
{
	long nr = syscall_nr_by_name(name);
	if (nr >= 0)
		return (int)nr;
	/* libseccomp numbers syscalls absent from the native table with pseudo numbers. */
	int pnr = seccomp_syscall_resolve_name(name);
	return pnr == __NR_SCMP_ERROR ? -1 : (pnr < -1 ? pnr : -1);
}

const char *scp_suggest_syscall(const char *name)
{
	const char *best = NULL;
	size_t best_d = EDIT_DISTANCE_FAR;

	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
		const struct syscall_info *si = syscall_by_nr(nr);
		size_t d;

		if (!si)
			continue;
		d = edit_distance(name, si->name);
		if (d < best_d) {
			best_d = d;
			best = si->name;
		}
	}
	return edit_distance_near(name, best_d) ? best : NULL;
}

/* moby's oci/caps/defaults.go: what a container gets without --cap-add. */
static const char *const docker_default_caps[] = {
	"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD",
	"CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
	"CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
};

/* Every capability of linux/capability.h, in number order. */
static const char *const all_caps[] = {
	"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
	"CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
	"CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
	"CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
	"CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
	"CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
	"CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
	"CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
	"CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
};

bool scp_cap_known(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(all_caps); i++)
		if (!strcmp(all_caps[i], name))
			return true;
	return false;
}

static void set_caps(struct scp_env *env, const char *const *caps, size_t n)
{
	for (int i = 0; i < env->ncaps; i++)
		free(env->caps[i]);
	free(env->caps);
	env->caps = xcalloc(n + 1, sizeof(char *));
	env->ncaps = (int)n;
	for (size_t i = 0; i < n; i++)
		env->caps[i] = xstrdup(caps[i]);
}

void scp_env_default(struct scp_env *env)
{
	*env = (struct scp_env){ .goarch = "amd64" };
	set_caps(env, docker_default_caps, ARRAY_SIZE(docker_default_caps));
	struct utsname u;
	if (uname(&u) == 0)
		sscanf(u.release, "%d.%d", &env->kernel[0], &env->kernel[1]);
}

int scp_env_set_caps(struct scp_env *env, const char *list, struct diags *d)
{
	if (!strcmp(list, "default")) {
		set_caps(env, docker_default_caps, ARRAY_SIZE(docker_default_caps));
		return 0;
	}
	if (!strcmp(list, "all")) {
		set_caps(env, all_caps, ARRAY_SIZE(all_caps));
		return 0;
	}
	set_caps(env, NULL, 0);
	if (!strcmp(list, "none") || !*list)
		return 0;
	char *copy = xstrdup(list), *save = NULL;
	int rc = 0;
	for (char *c = strtok_r(copy, ",", &save); c; c = strtok_r(NULL, ",", &save)) {
		char name[64];
		snprintf(name, sizeof(name), "%s%s", strncasecmp(c, "CAP_", 4) ? "CAP_" : "", c);
		for (char *q = name; *q; q++)
			*q = (char)(*q >= 'a' && *q <= 'z' ? *q - 32 : *q);
		if (!scp_cap_known(name)) {
			diag_add(d, DIAG_ERROR, "--caps", "unknown capability '%s'", c);
			rc = -1;
			continue;
		}
		env->caps = xrealloc(env->caps, (size_t)(env->ncaps + 2) * sizeof(char *));
		env->caps[env->ncaps++] = xstrdup(name);
	}
	free(copy);
	return rc;
}

void scp_env_free(struct scp_env *env)
{
	set_caps(env, NULL, 0);
	free(env->caps);
	env->caps = NULL;
}

static bool in_list(char **v, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(v[i], s))
			return true;
	return false;
}

static bool kernel_at_least(const struct scp_env *env, const int v[2])
{
	return env->kernel[0] > v[0] || (env->kernel[0] == v[0] && env->kernel[1] >= v[1]);
}

/* moby's profiles/seccomp setupSeccomp(): excludes first, then includes; caps all-of. */
bool scp_rule_applies(const struct scp_rule *r, const struct scp_env *env)
{
	const struct scp_filter *x = &r->excludes, *i = &r->includes;
	if (x->narches && in_list(x->arches, x->narches, env->goarch))
		return false;
	for (int c = 0; c < x->ncaps; c++)
		if (in_list(env->caps, env->ncaps, x->caps[c]))
			return false;
	if (x->has_min_kernel && kernel_at_least(env, x->min_kernel))
		return false;
	if (i->narches && !in_list(i->arches, i->narches, env->goarch))
		return false;
	for (int c = 0; c < i->ncaps; c++)
		if (!in_list(env->caps, env->ncaps, i->caps[c]))
			return false;
	if (i->has_min_kernel && !kernel_at_least(env, i->min_kernel))
		return false;
	return true;
}
