/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/engine.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "detect/alert_format.h"
#include "detect/enter_cache.h"
#include "filter/ast.h"
#include "pipeline/prefilter.h"
#include "util/util.h"

/* The rules (indices into the ruleset, in rule order) one kind of event is offered to. */
struct rule_index {
	bool built;
	uint32_t n;
	uint32_t *rules;
};

struct detect_engine {
	const struct ruleset *rs;
	const struct detect_options *opts;
	detect_emit_fn *emit;
	void *opaque;
	struct prefilter **prefilters;		/* per rule; NULL for an inactive rule */
	struct rule_index by_type[SCAP_EVENT_MAX];
	struct rule_index by_sc[PREFILTER_SC_LIMIT];	/* generic events, by syscall id */
	struct enter_cache enters;
	struct alert_buf buf;
	struct detect_stats stats;
	uint64_t alerts;
};

/*
 * Events no rule sees without -A, whatever its condition (Falco leaves its high-volume
 * events out unless -A): scheduler switches, page faults and the plain data transfers.
 */
static const char *const ignored_names[] = {
	"switch", "page_fault", "read", "write", "readv", "writev", "pread", "pwrite", "preadv",
	"pwritev",
};

static bool ignored(unsigned code)
{
	const char *name = scap_event_table[code].name;

	for (size_t i = 0; i < ARRAY_SIZE(ignored_names); i++)
		if (!strcmp(name, ignored_names[i]))
			return true;
	return false;
}

struct detect_engine *detect_engine_new(const struct ruleset *rs, const struct detect_options *opts,
					detect_emit_fn *emit, void *opaque)
{
	struct detect_engine *e = xcalloc(1, sizeof(*e));

	e->rs = rs;
	e->opts = opts;
	e->emit = emit;
	e->opaque = opaque;
	e->prefilters = xcalloc(rs->nrules ? rs->nrules : 1, sizeof(*e->prefilters));
	for (size_t i = 0; i < rs->nrules; i++)
		if (rs->rules[i].active)
			e->prefilters[i] = prefilter_new(rs->rules[i].filter);
	alert_buf_init(&e->buf);
	e->stats.nrules = rs->nrules;
	const char **names = xcalloc(rs->nrules ? rs->nrules : 1, sizeof(*names));
	enum rule_priority *prios = xcalloc(rs->nrules ? rs->nrules : 1, sizeof(*prios));
	for (size_t i = 0; i < rs->nrules; i++) {
		names[i] = rs->rules[i].name;
		prios[i] = rs->rules[i].priority;
	}
	e->stats.rule_names = names;
	e->stats.rule_priorities = prios;
	e->stats.alerts_by_rule = xcalloc(rs->nrules ? rs->nrules : 1,
					  sizeof(*e->stats.alerts_by_rule));
	return e;
}

void detect_engine_free(struct detect_engine *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->rs->nrules; i++)
		prefilter_free(e->prefilters[i]);
	free(e->prefilters);
	for (size_t i = 0; i < SCAP_EVENT_MAX; i++)
		free(e->by_type[i].rules);
	for (size_t i = 0; i < PREFILTER_SC_LIMIT; i++)
		free(e->by_sc[i].rules);
	enter_cache_free(&e->enters);
	alert_buf_free(&e->buf);
	free((void *)e->stats.rule_names);
	free((void *)e->stats.rule_priorities);
	free(e->stats.alerts_by_rule);
	free(e);
}

struct detect_stats *detect_engine_stats(struct detect_engine *e)
{
	return &e->stats;
}

/* The rules EV's kind of event is offered to, worked out at the first event of the kind. */
static const struct rule_index *rules_for(struct detect_engine *e, const struct scap_event *ev)
{
	struct rule_index *ix = &e->by_type[ev->type];
	uint64_t sc;

	if (scap_event_is_generic(ev->type)) {
		if (!ev->nparams || !scap_param_u64(&ev->params[0], &sc) || sc >= PREFILTER_SC_LIMIT)
			return NULL;
		ix = &e->by_sc[sc];
	}
	if (ix->built)
		return ix;
	ix->built = true;
	if (!e->opts->all_events && ignored(ev->type))
		return ix;
	for (size_t i = 0; i < e->rs->nrules; i++) {
		if (!e->prefilters[i] || !prefilter_may_match(e->prefilters[i], ev))
			continue;
		ix->rules = xrealloc(ix->rules, (ix->n + 1) * sizeof(*ix->rules));
		ix->rules[ix->n++] = (uint32_t)i;
	}
	return ix;
}

/* An enter event whose exit follows (the exit event's code is the next one, same name). */
static bool paired_enter(unsigned code)
{
	return scap_event_is_enter(code) && code + 1 < SCAP_EVENT_MAX &&
	       !strcmp(scap_event_table[code].name, scap_event_table[code + 1].name);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int on_event(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	struct detect_engine *e = opaque;

	if (ev->type >= SCAP_EVENT_MAX)
		return 0;
	if (paired_enter(ev->type)) {
		enter_cache_put(&e->enters, ev);
		return 0;
	}
	const struct rule_index *ix = rules_for(e, ev);
	atomic_fetch_add_explicit(&e->stats.events, 1, memory_order_relaxed);
	if (!ix || !ix->n)
		goto out;
	uint64_t t0 = now_ns();
	p->ctx->enter = scap_event_is_enter(ev->type) ? NULL : enter_cache_pair(&e->enters, ev);
	for (uint32_t k = 0; k < ix->n; k++) {
		const struct rule *r = &e->rs->rules[ix->rules[k]];

		if (!filter_match(r->filter, ev, p->ctx))
			continue;
		struct alert a;
		alert_format(&e->buf, r, ev, p->ctx, e->opts, &a);
		e->alerts++;
		atomic_fetch_add_explicit(&e->stats.alerts_by_priority[r->priority], 1,
					  memory_order_relaxed);
		atomic_fetch_add_explicit(&e->stats.alerts_by_rule[ix->rules[k]], 1,
					  memory_order_relaxed);
		e->emit(&a, e->opaque);
		if (!e->opts->rule_matching_all)
			break;
	}
	p->ctx->enter = NULL;
	atomic_fetch_add_explicit(&e->stats.eval_ns, now_ns() - t0, memory_order_relaxed);
out:
	if (!strcmp(scap_event_table[ev->type].name, "procexit"))
		enter_cache_drop(&e->enters, ev->tid);
	return 0;
}

void detect_engine_add(struct detect_engine *e, struct pipeline *p)
{
	pipeline_add(p, &(struct consumer){ .name = "rules", .on_event = on_event, .opaque = e });
}

static void upper(const char *s, char *buf, size_t n)
{
	size_t i = 0;

	for (; s[i] && i + 1 < n; i++)
		buf[i] = (char)(s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
	buf[i] = '\0';
}

void detect_engine_summary(const struct detect_engine *e, FILE *f)
{
	fprintf(f, "Events detected: %llu\n", (unsigned long long)e->alerts);
	fprintf(f, "Rule counts by severity:\n");
	for (int pr = 0; pr < PRIO_COUNT; pr++) {
		uint64_t n = atomic_load(&e->stats.alerts_by_priority[pr]);
		char name[32];

		if (!n)
			continue;
		upper(rule_priority_name((enum rule_priority)pr), name, sizeof(name));
		fprintf(f, "   %s: %llu\n", name, (unsigned long long)n);
	}
	fprintf(f, "Triggered rules by rule name:\n");
	for (size_t i = 0; i < e->rs->nrules; i++) {
		uint64_t n = atomic_load(&e->stats.alerts_by_rule[i]);

		if (n)
			fprintf(f, "   %s: %llu\n", e->rs->rules[i].name, (unsigned long long)n);
	}
}

struct ast_node *detect_engine_pushdown_ast(const struct detect_engine *e)
{
	struct ast_node *or = xcalloc(1, sizeof(*or));

	or->kind = AST_OR;
	for (size_t i = 0; i < e->rs->nrules; i++) {
		if (!e->rs->rules[i].active)
			continue;
		or->list.kids = xrealloc(or->list.kids, (or->list.n + 1) * sizeof(*or->list.kids));
		or->list.kids[or->list.n++] = ast_clone(e->rs->rules[i].ast);
	}
	if (or->list.n < 2) {
		struct ast_node *one = or->list.n ? or->list.kids[0] : NULL;

		free(or->list.kids);
		free(or);
		return one;
	}
	return or;
}
