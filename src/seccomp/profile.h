/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A seccomp profile in Docker/OCI form, as data: the default action, the architectures,
 * and rules (syscall names, an action, argument conditions, and Docker's includes and
 * excludes by architecture, capability and kernel version).
 *
 * Parsing keeps the JSON path of every rule and name so that each problem found later
 * (by the checker, the compiler, the runner) names where it is: `syscalls[3].names[1]`.
 */
#ifndef SYSRAY_SECCOMP_PROFILE_H
#define SYSRAY_SECCOMP_PROFILE_H

#include <stdbool.h>
#include <stdint.h>

#include "seccomp/diag.h"

/* Actions by their Docker names; SCP_ACT_KILL is libseccomp's SCMP_ACT_KILL (the thread). */
enum scp_action {
	SCP_ACT_KILL,
	SCP_ACT_KILL_THREAD,
	SCP_ACT_KILL_PROCESS,
	SCP_ACT_TRAP,
	SCP_ACT_ERRNO,
	SCP_ACT_TRACE,
	SCP_ACT_LOG,
	SCP_ACT_ALLOW,
	SCP_ACT_NOTIFY,
	SCP_ACT_COUNT
};

/* "SCMP_ACT_ERRNO" -> SCP_ACT_ERRNO; -1 if unknown. */
int scp_action_by_name(const char *name);
const char *scp_action_name(enum scp_action a);
/*
 * The libseccomp action value: ERRNO and TRACE carry RET (an errno, or the tracer's data);
 * RET < 0 means EPERM, Docker's default for both.
 */
uint32_t scp_action_value(enum scp_action a, int ret);
/* True for the actions that stop the syscall (everything but ALLOW, LOG, TRACE, NOTIFY). */
bool scp_action_denies(enum scp_action a);
/* The name /proc/sys/kernel/seccomp/actions_avail gives it ("kill_process", "errno"). */
const char *scp_action_kernel_name(enum scp_action a);

struct scp_cond {
	unsigned index;		/* syscall argument 0..5 */
	int op;			/* enum scmp_compare */
	uint64_t value;
	uint64_t value_two;	/* SCMP_CMP_MASKED_EQ: the value compared after masking */
};

/* "SCMP_CMP_EQ" -> SCMP_CMP_EQ; 0 if unknown. */
int scp_op_by_name(const char *name);
const char *scp_op_name(int op);

/* Docker's includes/excludes: the rule applies on these arches, with these caps, from... */
struct scp_filter {
	char **arches;		/* Go names: "amd64", "x32", "arm64" */
	int narches;
	char **caps;		/* "CAP_SYS_ADMIN" */
	int ncaps;
	bool has_min_kernel;
	int min_kernel[2];	/* major, minor */
};

struct scp_name {
	char *name;
	char *path;		/* "syscalls[3].names[1]" */
};

struct scp_rule {
	struct scp_name *names;
	int nnames;
	enum scp_action action;
	int errno_ret;		/* errnoRet, -1 if absent */
	struct scp_cond *conds;
	int nconds;
	struct scp_filter includes, excludes;
	char *comment;
	char *path;		/* "syscalls[3]" */
};

struct scp_profile {
	char *file;		/* as named by the user, for messages */
	enum scp_action default_action;
	int default_errno_ret;	/* defaultErrnoRet, -1 if absent */
	uint32_t *arches;	/* SCMP_ARCH_* tokens; none: the native architecture only */
	char **arch_names;	/* as written: "SCMP_ARCH_X86_64" */
	int narches;
	bool from_arch_map;	/* arches were chosen from archMap for this machine */
	bool log_flag;		/* flags: SECCOMP_FILTER_FLAG_LOG */
	bool spec_allow_flag;	/* flags: SECCOMP_FILTER_FLAG_SPEC_ALLOW */
	struct scp_rule *rules;
	int nrules;
};

/*
 * The machine a profile is applied on, for includes/excludes: Docker compares the
 * rule's arches with Go's GOARCH, its caps with the container's capabilities and its
 * minKernel with the running kernel's version.
 */
struct scp_env {
	const char *goarch;	/* "amd64" */
	char **caps;
	int ncaps;
	int kernel[2];		/* major, minor */
};

/* This machine, with Docker's default capability set for a container. */
void scp_env_default(struct scp_env *env);
/* Replaces the capability set with LIST ("CAP_A,CAP_B", "all", "none", "default"). */
int scp_env_set_caps(struct scp_env *env, const char *list, struct diags *d);
void scp_env_free(struct scp_env *env);
/* Is NAME ("CAP_SYS_ADMIN") a Linux capability? */
bool scp_cap_known(const char *name);
/* Does RULE apply on ENV by its includes and excludes? */
bool scp_rule_applies(const struct scp_rule *r, const struct scp_env *env);

/*
 * Parses JSON TEXT read from FILE into P. Problems go to D with their JSON path (or line
 * and column for syntax errors). Returns 0, or -1 when D holds an error (P is then
 * partial but safe to free).
 */
int scp_parse(const char *file, const char *text, size_t len, struct scp_profile *p,
	      struct diags *d);
/* Reads FILE and parses it; an unreadable file is an error in D. */
int scp_load_file(const char *file, struct scp_profile *p, struct diags *d);
void scp_profile_free(struct scp_profile *p);

/*
 * A profile by name: built in ("docker-default": what Docker's default profile allows),
 * unless NAME has a '/' (./docker-default is a file), else the file NAME.
 */
int scp_load(const char *name, struct scp_profile *p, struct diags *d);

/* An empty profile: DEFAULT, x86_64 + x86 + x32, no rules. */
void scp_profile_init(struct scp_profile *p, enum scp_action dflt);
/* Appends a rule with no names: ACTION, no conditions, no filters. */
struct scp_rule *scp_add_rule(struct scp_profile *p, enum scp_action action);
void scp_rule_add_name(struct scp_rule *r, const char *name);

/* The profile as JSON (pretty-printed, names sorted in each rule); free() it. */
char *scp_to_json(const struct scp_profile *p);

/*
 * The number of the syscall NAME on x86_64 from the syscall table; for a name that exists
 * only on other architectures, libseccomp's pseudo number (negative, below -1); -1 if no
 * architecture knows it.
 */
int scp_syscall_nr(const char *name);

/* The syscall of the x86_64 table closest to NAME by edit distance, or NULL. */
const char *scp_suggest_syscall(const char *name);

/*
 * Semantic checks: unknown names (with a suggestion), names of other architectures,
 * duplicates, contradictions (allowed and denied unconditionally), rules equal to the
 * default, actions the kernel lacks. Adds to D; returns the number of errors added.
 */
int scp_check(const struct scp_profile *p, const struct scp_env *env, struct diags *d);

/* Are RULE's conditions ORed (an argument has several), as runc adds them? Else ANDed. */
bool scp_rule_conds_or(const struct scp_rule *r);

/*
 * The action the profile takes for syscall NR (x86_64) with ARGS on ENV, as the
 * compiled filter would. *RET gets the errno/data (-1: Docker's default).
 */
enum scp_action scp_eval(const struct scp_profile *p, const struct scp_env *env, long nr,
			 const uint64_t args[6], int *ret);

#endif
