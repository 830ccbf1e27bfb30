/* SPDX-License-Identifier: Apache-2.0 */
/* tracee's scopes over the state: parsing, matching and what of them the kernel can test. */
#include "pipeline/scope.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

enum scope_kind { SK_COMM, SK_PID, SK_TREE, SK_UID, SK_CONTAINER };

enum scope_op { OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE, OP_IS, OP_IS_NOT };

/* One --trace: a test of KIND by OP against VALUES (texts; numbers in NUMS where the kind
 * compares numbers; the word "new" in NEW instead of a value). */
struct scope_clause {
	enum scope_kind kind;
	enum scope_op op;
	bool new;
	size_t n;
	char **texts;
	int64_t *nums;
};

struct scope {
	struct scope_clause *clauses;
	size_t n;
	/* the containers that had a thread when the run started (the first metadata) */
	bool started;
	char (*old_containers)[16];
	size_t nold;
};

static const struct {
	const char *name;
	enum scope_kind kind;
} scope_names[] = {
	{ "comm", SK_COMM }, { "pid", SK_PID }, { "p", SK_PID }, { "tree", SK_TREE },
	{ "uid", SK_UID }, { "u", SK_UID }, { "container", SK_CONTAINER }, { "c", SK_CONTAINER },
};

/* The operators, longest first so that "<=" is not read as "<". */
static const struct {
	const char *text;
	enum scope_op op;
} scope_ops[] = {
	{ "!=", OP_NE }, { "<=", OP_LE }, { ">=", OP_GE }, { "=", OP_EQ }, { "<", OP_LT },
	{ ">", OP_GT },
};

static bool fail(char *err, size_t errlen, const char *text, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static bool fail(char *err, size_t errlen, const char *text, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(err, errlen, "--trace '%s': ", text);

	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < errlen)
		vsnprintf(err + n, errlen - n, fmt, ap);
	va_end(ap);
	return false;
}

static bool parse_number(const char *v, int64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoll(v, &end, 10);
	return *v && !*end && !errno && *out >= 0 && isdigit((unsigned char)*v);
}

/* Is V a container id: 12 to 64 hex digits? */
static bool container_id_like(const char *v)
{
	size_t n = strspn(v, "0123456789abcdef");

	return !v[n] && n >= 12 && n <= 64;
}

/* The values after the operator: comma-separated, none empty. */
static bool parse_values(struct scope_clause *c, const char *text, const char *vals,
			 char *err, size_t errlen)
{
	char *copy = xstrdup(vals), *save = NULL;
	bool ok = true;

	if (!*vals || vals[strlen(vals) - 1] == ',' || strstr(vals, ",,") || *vals == ',') {
		free(copy);
		return fail(err, errlen, text, "a value is empty");
	}
	for (char *v = strtok_r(copy, ",", &save); v && ok; v = strtok_r(NULL, ",", &save)) {
		int64_t num = 0;

		if (!strcmp(v, "new") && (c->kind == SK_PID || c->kind == SK_CONTAINER)) {
			if (c->op != OP_EQ)
				ok = fail(err, errlen, text, "'new' only takes '=' (tracee has no "
					  "negation of it)");
			c->new = true;
			continue;
		}
		if (c->kind == SK_PID || c->kind == SK_TREE || c->kind == SK_UID) {
			if (!parse_number(v, &num)) {
				ok = fail(err, errlen, text, "'%s' is not a number%s", v,
					  c->kind == SK_PID ? " or 'new'" : "");
				continue;
			}
		} else if (c->kind == SK_CONTAINER && !container_id_like(v)) {
			ok = fail(err, errlen, text, "'%s' is neither 'new' nor a container id "
				  "(12 to 64 hex digits)", v);
			continue;
		} else if (c->kind == SK_COMM && strlen(v) > 15) {
			ok = fail(err, errlen, text, "'%s' is longer than a thread's name (15 bytes)",
				  v);
			continue;
		}
		c->texts = xrealloc(c->texts, (c->n + 1) * sizeof(*c->texts));
		c->nums = xrealloc(c->nums, (c->n + 1) * sizeof(*c->nums));
		c->texts[c->n] = xstrdup(v);
		c->nums[c->n++] = num;
	}
	free(copy);
	return ok;
}

static bool parse_clause(struct scope_clause *c, const char *text, char *err, size_t errlen)
{
	static const char name_chars[] = "abcdefghijklmnopqrstuvwxyz_";
	bool negated = text[0] == '!';	/* "!container" */
	size_t i;

	memset(c, 0, sizeof(*c));
	text += negated;
	size_t name_len = strspn(text, name_chars);
	const char *rest = text + name_len;

	for (i = 0; i < ARRAY_SIZE(scope_names); i++)
		if (strlen(scope_names[i].name) == name_len &&
		    !strncmp(text, scope_names[i].name, name_len))
			break;
	if (!name_len || i == ARRAY_SIZE(scope_names))
		return fail(err, errlen, text - negated, "unknown scope '%.*s' (sysray knows comm, "
			    "pid, tree, uid, container; event selection is the filter's "
			    "evt.type)", (int)name_len, text);
	c->kind = scope_names[i].kind;
	if (negated && (c->kind != SK_CONTAINER || *rest))
		return fail(err, errlen, text - 1, "'!' only goes before a bare 'container'");
	if (!*rest) {
		if (c->kind != SK_CONTAINER)
			return fail(err, errlen, text - negated, "'%s' needs an operator and a "
				    "value (%s=...)", text, scope_names[i].name);
		c->op = negated ? OP_IS_NOT : OP_IS;
		return true;
	}
	for (i = 0; i < ARRAY_SIZE(scope_ops); i++)
		if (!strncmp(rest, scope_ops[i].text, strlen(scope_ops[i].text)))
			break;
	if (i == ARRAY_SIZE(scope_ops))
		return fail(err, errlen, text, "unknown operator at '%s' (=, !=, <, >, <=, >=)",
			    rest);
	c->op = scope_ops[i].op;
	if (c->op != OP_EQ && c->op != OP_NE &&
	    (c->kind == SK_COMM || c->kind == SK_TREE || c->kind == SK_CONTAINER))
		return fail(err, errlen, text, "'%s' only compares with = and !=",
			    scope_names[c->kind == SK_COMM ? 0 : c->kind == SK_TREE ? 3 : 6].name);
	return parse_values(c, text, rest + strlen(scope_ops[i].text), err, errlen);
}

static void clause_free(struct scope_clause *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->texts[i]);
	free(c->texts);
	free(c->nums);
}

void scope_free(struct scope *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		clause_free(&s->clauses[i]);
	free(s->clauses);
	free(s->old_containers);
	free(s);
}

struct scope *scope_parse(const char *const *texts, size_t n, char *err, size_t errlen)
{
	struct scope *s = xcalloc(1, sizeof(*s));

	s->clauses = xcalloc(n ? n : 1, sizeof(*s->clauses));
	for (size_t i = 0; i < n; i++) {
		bool ok = parse_clause(&s->clauses[i], texts[i], err, errlen);

		s->n = i + 1;
		if (!ok) {
			scope_free(s);
			return NULL;
		}
	}
	return s;
}

static bool old_container(const struct scope *s, const char *id)
{
	for (size_t i = 0; i < s->nold; i++)
		if (!strcmp(s->old_containers[i], id))
			return true;
	return false;
}

void scope_start(struct scope *s, const struct state *st)
{
	struct st_thread *t;
	size_t pos = 0;

	if (s->started)
		return;
	s->started = true;
	while ((t = state_thread_next(st, &pos))) {
		if (!strcmp(t->container_id, "host") || !t->container_id[0] ||
		    old_container(s, t->container_id))
			continue;
		s->old_containers = xrealloc(s->old_containers,
					     (s->nold + 1) * sizeof(*s->old_containers));
		memcpy(s->old_containers[s->nold++], t->container_id, 16);
	}
}

/* Is PID the process of T or of one of its ancestors? The walk stops at an unknown parent,
 * at the top, or after as many steps as there are threads (a loop in a broken chain). */
static bool in_tree(const struct state *st, struct st_thread *t, int64_t pid)
{
	struct st_thread *p = state_main_thread(st, t);

	for (size_t i = 0; p && i <= st->nthreads; i++) {
		if (p->pid == pid)
			return true;
		if (p->ptid <= 0 || p->ptid == p->tid)
			return false;
		p = state_thread(st, p->ptid);
		if (p)
			p = state_main_thread(st, p);
	}
	return false;
}

/* Does value I of C hold for T? */
static bool value_equal(const struct scope_clause *c, size_t i, const struct state *st,
			struct st_thread *t)
{
	switch (c->kind) {
	case SK_COMM:
		return !strcmp(t->comm ? t->comm : "", c->texts[i]);
	case SK_PID:
		return t->pid == c->nums[i];
	case SK_TREE:
		return in_tree(st, t, c->nums[i]);
	case SK_UID:
		return t->uid == c->nums[i];
	case SK_CONTAINER:
		/* ids compare by their first 12 digits, the length the state keeps */
		return !strncmp(t->container_id, c->texts[i], 12);
	}
	return false;
}

static int64_t number_of(const struct scope_clause *c, const struct st_thread *t)
{
	return c->kind == SK_PID ? t->pid : (int64_t)t->uid;
}

static bool is_new(const struct scope_clause *c, const struct scope *s, const struct state *st,
		   struct st_thread *t)
{
	if (c->kind == SK_PID)		/* tracee: a process forked after the start, not exec'd */
		return state_main_thread(st, t)->clone_ts != 0;
	return strcmp(t->container_id, "host") && !old_container(s, t->container_id);
}

static bool clause_match(const struct scope *s, const struct scope_clause *c,
			 const struct state *st, struct st_thread *t)
{
	bool in_container = strcmp(t->container_id, "host") != 0;
	int64_t v = number_of(c, t);

	switch (c->op) {
	case OP_IS:
		return in_container;
	case OP_IS_NOT:
		return !in_container;
	case OP_EQ:
		if (c->new && is_new(c, s, st, t))
			return true;
		for (size_t i = 0; i < c->n; i++)
			if (value_equal(c, i, st, t))
				return true;
		return false;
	case OP_NE:
		for (size_t i = 0; i < c->n; i++)
			if (value_equal(c, i, st, t))
				return false;
		return true;
	default:
		for (size_t i = 0; i < c->n; i++) {
			int64_t w = c->nums[i];
			bool ok = c->op == OP_LT ? v < w : c->op == OP_GT ? v > w :
				  c->op == OP_LE ? v <= w : v >= w;

			if (!ok)
				return false;
		}
		return true;
	}
}

bool scope_match(const struct scope *s, const struct state *st)
{
	struct st_thread *t = st->cur.thread;

	if (!s || !s->n)
		return true;
	if (!t || !t->live)
		return false;
	for (size_t i = 0; i < s->n; i++)
		if (!clause_match(s, &s->clauses[i], st, t))
			return false;
	return true;
}

/* Keeps in PD's comm list only the names C allows (all of C's when PD had none). */
static void narrow_comms(const struct scope_clause *c, struct filter_pushdown *pd)
{
	if (c->n > FILTER_PUSHDOWN_MAX)
		return;
	if (pd->any_comm) {
		for (size_t i = 0; i < c->n; i++)
			pd->comms[i] = xstrdup(c->texts[i]);
		pd->ncomms = c->n;
		pd->any_comm = false;
		return;
	}
	size_t kept = 0;

	for (size_t i = 0; i < pd->ncomms; i++) {
		bool allowed = false;

		/* the kernel compares the first 15 bytes of a filter's proc.name */
		for (size_t j = 0; j < c->n && !allowed; j++)
			allowed = !strncmp(pd->comms[i], c->texts[j], 15);
		if (allowed)
			pd->comms[kept++] = pd->comms[i];
		else
			free(pd->comms[i]);
	}
	pd->ncomms = kept;
}

static void narrow_pids(const struct scope_clause *c, struct filter_pushdown *pd)
{
	if (c->new || c->n > FILTER_PUSHDOWN_MAX)
		return;
	if (pd->any_pid) {
		memcpy(pd->pids, c->nums, c->n * sizeof(*c->nums));
		pd->npids = c->n;
		pd->any_pid = false;
		return;
	}
	size_t kept = 0;

	for (size_t i = 0; i < pd->npids; i++)
		for (size_t j = 0; j < c->n; j++)
			if (pd->pids[i] == c->nums[j]) {
				pd->pids[kept++] = pd->pids[i];
				break;
			}
	pd->npids = kept;
}

void scope_pushdown(const struct scope *s, struct filter_pushdown *pd)
{
	for (size_t i = 0; s && i < s->n; i++) {
		const struct scope_clause *c = &s->clauses[i];

		if (c->op != OP_EQ)
			continue;
		if (c->kind == SK_COMM)
			narrow_comms(c, pd);
		else if (c->kind == SK_PID)
			narrow_pids(c, pd);
	}
}
