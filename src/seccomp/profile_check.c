/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What a profile means: the checks `seccomp check` reports, and the action it takes for
 * one syscall (what `run --mode report` says the filter would have done).
 */
#include "seccomp/profile.h"

#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema/syscalls.h"
#include "util/util.h"

/* Kernel precedence of seccomp return values: the most restrictive filter result wins. */
static int precedence(enum scp_action a)
{
	switch (a) {
	case SCP_ACT_KILL_PROCESS: return 7;
	case SCP_ACT_KILL:
	case SCP_ACT_KILL_THREAD: return 6;
	case SCP_ACT_TRAP: return 5;
	case SCP_ACT_ERRNO: return 4;
	case SCP_ACT_NOTIFY: return 3;
	case SCP_ACT_TRACE: return 2;
	case SCP_ACT_LOG: return 1;
	default: return 0;
	}
}

static bool cond_holds(const struct scp_cond *c, uint64_t arg)
{
	switch (c->op) {
	case SCMP_CMP_NE: return arg != c->value;
	case SCMP_CMP_LT: return arg < c->value;
	case SCMP_CMP_LE: return arg <= c->value;
	case SCMP_CMP_EQ: return arg == c->value;
	case SCMP_CMP_GE: return arg >= c->value;
	case SCMP_CMP_GT: return arg > c->value;
	case SCMP_CMP_MASKED_EQ: return (arg & c->value) == c->value_two;
	}
	return false;
}

/*
 * runc: conditions on distinct arguments are ANDed in one rule; if any argument has
 * several, each condition becomes a rule of its own (ORed), since ANDing two conditions
 * on one argument would rarely be satisfiable.
 */
bool scp_rule_conds_or(const struct scp_rule *r)
{
	unsigned seen = 0;
	for (int i = 0; i < r->nconds; i++) {
		if (seen & (1u << r->conds[i].index))
			return true;
		seen |= 1u << r->conds[i].index;
	}
	return false;
}

static bool conds_match(const struct scp_rule *r, const uint64_t args[6])
{
	if (!r->nconds)
		return true;
	bool any = scp_rule_conds_or(r);
	for (int i = 0; i < r->nconds; i++) {
		bool h = cond_holds(&r->conds[i], args[r->conds[i].index % 6]);
		if (any && h)
			return true;
		if (!any && !h)
			return false;
	}
	return !any;
}

static bool rule_names(const struct scp_rule *r, long nr)
{
	for (int i = 0; i < r->nnames; i++)
		if (scp_syscall_nr(r->names[i].name) == nr)
			return true;
	return false;
}

enum scp_action scp_eval(const struct scp_profile *p, const struct scp_env *env, long nr,
			 const uint64_t args[6], int *ret)
{
	enum scp_action best = p->default_action;
	*ret = p->default_errno_ret;
	bool matched = false;
	for (int i = 0; i < p->nrules; i++) {
		const struct scp_rule *r = &p->rules[i];
		if (!scp_rule_applies(r, env) || !rule_names(r, nr) || !conds_match(r, args))
			continue;
		if (!matched || precedence(r->action) > precedence(best)) {
			best = r->action;
			*ret = r->errno_ret;
		}
		matched = true;
	}
	return best;
}

/* ---- checks ---- */

struct seen {
	const char *name;
	const char *path;
	enum scp_action action;
	int ret;
};

static char *actions_avail(void)
{
	FILE *f = fopen("/proc/sys/kernel/seccomp/actions_avail", "r");
	if (!f)
		return NULL;
	char buf[256];
	char *s = fgets(buf, sizeof(buf), f) ? xstrdup(buf) : NULL;
	fclose(f);
	return s;
}

static bool word_in(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; (p = strstr(p, word)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\n' || !p[n]))
			return true;
	return false;
}

static void check_action_avail(const char *avail, enum scp_action a, const char *where,
			       struct diags *d)
{
	if (avail && !word_in(avail, scp_action_kernel_name(a)))
		diag_add(d, DIAG_WARNING, where, "%s: this kernel does not offer the '%s' action "
			 "(/proc/sys/kernel/seccomp/actions_avail: %.*s)", scp_action_name(a),
			 scp_action_kernel_name(a), (int)strcspn(avail, "\n"), avail);
}

static bool same_action(enum scp_action a, int ra, enum scp_action b, int rb)
{
	if (a == SCP_ACT_KILL_THREAD)
		a = SCP_ACT_KILL;
	if (b == SCP_ACT_KILL_THREAD)
		b = SCP_ACT_KILL;
	if (a != b)
		return false;
	if (a != SCP_ACT_ERRNO && a != SCP_ACT_TRACE)
		return true;
	return (ra < 0 ? 1 : ra) == (rb < 0 ? 1 : rb);
}

static void check_name(const struct scp_profile *p, const struct scp_rule *r,
		       const struct scp_name *n, struct diags *d)
{
	int nr = scp_syscall_nr(n->name);
	if (nr == -1) {
		/*
		 * A near miss of a known name is a typo. A name nothing resembles is more
		 * likely a syscall newer than our table: runc ignores those, and so do we.
		 */
		const char *s = scp_suggest_syscall(n->name);
		if (s)
			diag_add(d, DIAG_ERROR, n->path, "unknown syscall '%s'; did you mean '%s'?",
				 n->name, s);
		else
			diag_add(d, DIAG_WARNING, n->path, "unknown syscall '%s' (on every "
				 "architecture sysray and libseccomp know): ignored", n->name);
		return;
	}
	if (nr < -1) {
		diag_add(d, DIAG_NOTE, n->path, "'%s' is not an x86_64 syscall; it applies only "
			 "to the profile's other architectures", n->name);
		return;
	}
	const struct syscall_info *si = syscall_by_nr(nr);
	for (int i = 0; si && i < r->nconds; i++)
		if (r->conds[i].index >= si->nargs)
			diag_add(d, DIAG_WARNING, r->path, "args[%d]: %s takes %u argument%s; "
				 "argument %u is whatever the register holds", i, si->name,
				 si->nargs, si->nargs == 1 ? "" : "s", r->conds[i].index);
}

int scp_check(const struct scp_profile *p, const struct scp_env *env, struct diags *d)
{
	int errors_before = d->errors;
	char *avail = actions_avail();
	check_action_avail(avail, p->default_action, "defaultAction", d);
	struct seen *seen = NULL;
	int nseen = 0;

	for (int i = 0; i < p->nrules; i++) {
		const struct scp_rule *r = &p->rules[i];
		char ap[256];
		snprintf(ap, sizeof(ap), "%s.action", r->path);
		check_action_avail(avail, r->action, ap, d);
		bool applies = scp_rule_applies(r, env);
		if (applies && !r->nconds &&
		    same_action(r->action, r->errno_ret, p->default_action, p->default_errno_ret))
			diag_add(d, DIAG_NOTE, r->path, "%s is also the default action: the rule "
				 "changes nothing", scp_action_name(r->action));
		for (int j = 0; j < r->nnames; j++) {
			const struct scp_name *n = &r->names[j];
			check_name(p, r, n, d);
			/* Duplicates and contradictions: unconditional rules that apply here. */
			if (!applies || r->nconds)
				continue;
			struct seen *s = NULL;
			for (int k = 0; k < nseen && !s; k++)
				if (!strcmp(seen[k].name, n->name))
					s = &seen[k];
			if (!s) {
				seen = xrealloc(seen, (size_t)(nseen + 1) * sizeof(*seen));
				seen[nseen++] = (struct seen){ n->name, n->path, r->action,
							       r->errno_ret };
				continue;
			}
			if (same_action(s->action, s->ret, r->action, r->errno_ret))
				diag_add(d, DIAG_WARNING, n->path, "duplicate: '%s' is already %s "
					 "at %s", n->name, s->action == SCP_ACT_ALLOW ? "allowed" :
					 "given the same action", s->path);
			else if ((s->action == SCP_ACT_ALLOW) != (r->action == SCP_ACT_ALLOW))
				diag_add(d, DIAG_ERROR, n->path, "contradiction: '%s' is %s here "
					 "but %s at %s", n->name,
					 r->action == SCP_ACT_ALLOW ? "allowed" : "denied",
					 s->action == SCP_ACT_ALLOW ? "allowed" : "denied", s->path);
			else
				diag_add(d, DIAG_WARNING, n->path, "'%s' gets %s here but %s at %s;"
					 " the kernel applies the stricter", n->name,
					 scp_action_name(r->action), scp_action_name(s->action),
					 s->path);
		}
	}
	free(seen);
	free(avail);

	uint64_t none[6] = { 0 };
	int ret;
	if (scp_action_denies(scp_eval(p, env, 59, none, &ret)))
		diag_add(d, DIAG_WARNING, "", "execve is not allowed: no command can be started "
			 "under this profile (only a process already running could load it)");
	return d->errors - errors_before;
}
