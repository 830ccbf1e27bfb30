/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What a compiled filter lets an in-kernel pre-filter drop. Each node gets two event sets:
 * MAY (events of these types can make it true) and MAY_NOT (can make it false); `not` swaps
 * them, `and` intersects MAY and unites MAY_NOT, `or` the reverse. Only evt.type narrows a
 * set, and it is a function of the event type alone, so testing the predicate on every
 * event name gives exact sets. Pids and names narrow only through `=` and `in`.
 */
#include <stdlib.h>
#include <string.h>

#include "filter/filter_int.h"
#include "util/util.h"

/* Syscalls that sysdig 0.29 reports under another event name. */
static const struct {
	const char *syscall;
	const char *evt_name;
} evt_aliases[] = {
	{ "accept4", "accept" },	{ "pread64", "pread" },
	{ "pwrite64", "pwrite" },	{ "dup2", "dup" },
	{ "dup3", "dup" },		{ "pipe2", "pipe" },
	{ "eventfd2", "eventfd" },	{ "signalfd4", "signalfd" },
	{ "inotify_init1", "inotify_init" }, { "umount2", "umount" },
	{ "prlimit64", "prlimit" },
};

static const char *const nonsys_names[NSE_COUNT][12] = {
	[NSE_PROCEXIT] = { "procexit" },
	[NSE_SWITCH] = { "switch" },
	[NSE_SIGNALDELIVER] = { "signaldeliver" },
	[NSE_PAGE_FAULT] = { "page_fault" },
	[NSE_CONTAINER] = { "container" },
	[NSE_NOTIFICATION] = { "notification" },
	[NSE_INFRA] = { "infra" },
	[NSE_DROP] = { "drop" },
	[NSE_PROCINFO] = { "procinfo" },
	[NSE_CPU_HOTPLUG] = { "cpu_hotplug" },
	[NSE_OTHER] = { "useradded", "userdeleted", "groupadded", "groupdeleted",
			"pluginevent", "k8s", "mesos", "tracer", "scapevent", "asyncevent",
			"NA" },
};

size_t filter_evt_names_for_syscall(long nr, const char *names[2])
{
	const struct syscall_info *si = syscall_by_nr(nr);
	size_t n = 0;

	if (!si)
		return 0;
	names[n++] = si->name;
	for (size_t i = 0; i < ARRAY_SIZE(evt_aliases); i++)
		if (strcmp(evt_aliases[i].syscall, si->name) == 0)
			names[n++] = evt_aliases[i].evt_name;
	return n;
}

bool filter_evset_may_have_name(const struct filter_evset *s, const char *name)
{
	bool named = false;

	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
		const char *names[2];
		size_t n = filter_evt_names_for_syscall(nr, names);

		for (size_t i = 0; i < n; i++)
			if (!strcmp(names[i], name)) {
				if (filter_evset_has_syscall(s, nr))
					return true;
				named = true;
			}
	}
	for (int k = 0; k < NSE_COUNT; k++)
		for (size_t i = 0; i < ARRAY_SIZE(nonsys_names[k]) && nonsys_names[k][i]; i++)
			if (!strcmp(nonsys_names[k][i], name)) {
				if (s->nonsys & (1u << k))
					return true;
				named = true;
			}
	return !named;
}

static void set_all(struct filter_evset *s)
{
	memset(s->syscalls, 0xff, sizeof(s->syscalls));
	s->nonsys = (1u << NSE_COUNT) - 1;
}

static void set_and(struct filter_evset *a, const struct filter_evset *b)
{
	for (size_t i = 0; i < FILTER_SYSCALL_WORDS; i++)
		a->syscalls[i] &= b->syscalls[i];
	a->nonsys &= b->nonsys;
}

static void set_or(struct filter_evset *a, const struct filter_evset *b)
{
	for (size_t i = 0; i < FILTER_SYSCALL_WORDS; i++)
		a->syscalls[i] |= b->syscalls[i];
	a->nonsys |= b->nonsys;
}

static void set_bit(struct filter_evset *s, long nr)
{
	s->syscalls[nr / 64] |= 1ull << (nr % 64);
}

static bool test_name(const struct pred *p, const char *name)
{
	struct field_value v = { .type = FT_CHARBUF, .s = { name, strlen(name) } };

	return pred_test(p, &v, 1);
}

static void evtype_sets(const struct pred *p, struct filter_evset *may,
			struct filter_evset *may_not)
{
	memset(may, 0, sizeof(*may));
	memset(may_not, 0, sizeof(*may_not));
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
		const char *names[2];
		size_t n = filter_evt_names_for_syscall(nr, names);
		/* Numbers the table does not name are not syscalls on x86_64: no event. */
		for (size_t i = 0; i < n; i++) {
			if (test_name(p, names[i]))
				set_bit(may, nr);
			else
				set_bit(may_not, nr);
		}
	}
	for (int k = 0; k < NSE_COUNT; k++)
		for (size_t i = 0; i < ARRAY_SIZE(nonsys_names[k]) && nonsys_names[k][i]; i++) {
			if (test_name(p, nonsys_names[k][i]))
				may->nonsys |= 1u << k;
			else
				may_not->nonsys |= 1u << k;
		}
}

static void events(const struct fnode *n, struct filter_evset *may, struct filter_evset *may_not)
{
	struct filter_evset m, mn;

	switch (n->kind) {
	case AST_MACRO:	/* never in a compiled filter: compile_node() refuses it */
	case AST_CHECK:
		if (n->pred.ref.field->role == FR_EVT_TYPE && !n->pred.ref.arg.present) {
			evtype_sets(&n->pred, may, may_not);
		} else {
			set_all(may);
			set_all(may_not);
		}
		return;
	case AST_NOT:
		events(n->kids[0], may_not, may);
		return;
	case AST_AND:
	case AST_OR:
		events(n->kids[0], may, may_not);
		for (size_t i = 1; i < n->n; i++) {
			events(n->kids[i], &m, &mn);
			if (n->kind == AST_AND) {
				set_and(may, &m);
				set_or(may_not, &mn);
			} else {
				set_or(may, &m);
				set_and(may_not, &mn);
			}
		}
		return;
	}
}

/* A set of values of one field (pids or names), or "any". */
struct vset {
	bool any;
	size_t n;
	const struct field_value *v[FILTER_PUSHDOWN_MAX];
};

static bool val_eq(const struct field_value *a, const struct field_value *b)
{
	if (a->type == FT_CHARBUF)
		return a->s.len == b->s.len && memcmp(a->s.ptr, b->s.ptr, a->s.len) == 0;
	return a->i == b->i;
}

static bool vset_has(const struct vset *s, const struct field_value *v)
{
	for (size_t i = 0; i < s->n; i++)
		if (val_eq(s->v[i], v))
			return true;
	return false;
}

static void vset_add(struct vset *s, const struct field_value *v)
{
	if (s->any || vset_has(s, v))
		return;
	if (s->n == FILTER_PUSHDOWN_MAX) {
		s->any = true;
		return;
	}
	s->v[s->n++] = v;
}

/* Values of the ROLE field for which N may be true. */
static void values(const struct fnode *n, enum field_role role, struct vset *out)
{
	struct vset k;

	memset(out, 0, sizeof(*out));
	switch (n->kind) {
	case AST_MACRO:	/* never in a compiled filter: compile_node() refuses it */
	case AST_CHECK:
		if (n->pred.ref.field->role != role || n->pred.ref.arg.present ||
		    (n->pred.op != CMP_EQ && n->pred.op != CMP_IN)) {
			out->any = true;
			return;
		}
		for (size_t i = 0; i < n->pred.nvalues; i++)
			vset_add(out, &n->pred.values[i]);
		return;
	case AST_NOT:
		out->any = true;
		return;
	case AST_OR:
		for (size_t i = 0; i < n->n && !out->any; i++) {
			values(n->kids[i], role, &k);
			if (k.any)
				out->any = true;
			for (size_t j = 0; j < k.n; j++)
				vset_add(out, k.v[j]);
		}
		return;
	case AST_AND:
		out->any = true;
		for (size_t i = 0; i < n->n; i++) {
			values(n->kids[i], role, &k);
			if (k.any)
				continue;
			if (out->any) {
				*out = k;
				continue;
			}
			struct vset both = { 0 };
			for (size_t j = 0; j < out->n; j++)
				if (vset_has(&k, out->v[j]))
					vset_add(&both, out->v[j]);
			*out = both;
		}
		return;
	}
}

static bool is_container_check(const struct fnode *n)
{
	return n->kind == AST_CHECK && n->pred.ref.field->role == FR_CONTAINER_ID &&
	       !n->pred.ref.arg.present;
}

static bool uses_container(const struct fnode *n)
{
	if (is_container_check(n))
		return true;
	for (size_t i = 0; n->kind != AST_CHECK && i < n->n; i++)
		if (uses_container(n->kids[i]))
			return true;
	return false;
}

bool filter_uses_container(const struct filter *f)
{
	return f && f->root && uses_container(f->root);
}

/*
 * Whether N can be true (*may) and can be false (*may_not) when container.id is ID and every
 * other field may take any value: a container check is decided, any other check is both.
 */
static void container_outcomes(const struct fnode *n, const char *id, bool *may, bool *may_not)
{
	bool m, mn;

	switch (n->kind) {
	case AST_MACRO:	/* never in a compiled filter: compile_node() refuses it */
	case AST_CHECK:
		if (is_container_check(n)) {
			*may = test_name(&n->pred, id);
			*may_not = !*may;
		} else {
			*may = *may_not = true;
		}
		return;
	case AST_NOT:
		container_outcomes(n->kids[0], id, may_not, may);
		return;
	case AST_AND:
	case AST_OR:
		container_outcomes(n->kids[0], id, may, may_not);
		for (size_t i = 1; i < n->n; i++) {
			container_outcomes(n->kids[i], id, &m, &mn);
			if (n->kind == AST_AND) {
				*may = *may && m;
				*may_not = *may_not || mn;
			} else {
				*may = *may || m;
				*may_not = *may_not && mn;
			}
		}
		return;
	}
}

bool filter_may_match_container(const struct filter *f, const char *id)
{
	bool may = true, may_not = true;

	if (f && f->root)
		container_outcomes(f->root, id, &may, &may_not);
	return may;
}

void filter_pushdown(const struct filter *f, struct filter_pushdown *pd)
{
	struct filter_evset may_not;
	struct vset s;

	memset(pd, 0, sizeof(*pd));
	if (!f || !f->root) {
		set_all(&pd->events);
		pd->any_pid = pd->any_comm = true;
		return;
	}
	events(f->root, &pd->events, &may_not);

	values(f->root, FR_PROC_PID, &s);
	pd->any_pid = s.any;
	for (size_t i = 0; !s.any && i < s.n; i++)
		pd->pids[pd->npids++] = s.v[i]->i;

	values(f->root, FR_PROC_NAME, &s);
	pd->any_comm = s.any;
	for (size_t i = 0; !s.any && i < s.n; i++)
		pd->comms[pd->ncomms++] = strndup(s.v[i]->s.ptr, s.v[i]->s.len);
}

void filter_pushdown_free(struct filter_pushdown *pd)
{
	for (size_t i = 0; i < pd->ncomms; i++)
		free(pd->comms[i]);
	pd->ncomms = 0;
}
