/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The rules engine: a pipeline consumer that offers each event to the rules whose event types
 * it has, in rule order, and raises an alert for the first rule that matches (every rule with
 * rule_matching=all). As in Falco >= 0.42, rules see exit events (and events without an
 * enter/exit pair, such as procexit), never enter events, and an exit event shows its enter
 * event's parameters (evt.arg.request of ptrace, evt.arg.domain of socket).
 *
 *	eng = detect_engine_new(&rs, &opts, emit, opaque);
 *	detect_engine_add(eng, &pipeline);
 *	... the source runs; each alert goes to emit() ...
 *	detect_engine_summary(eng, stderr);
 *	detect_engine_free(eng);
 */
#ifndef SYSRAY_DETECT_ENGINE_H
#define SYSRAY_DETECT_ENGINE_H

#include <stdio.h>

#include "detect/alert.h"
#include "detect/options.h"
#include "detect/rules.h"
#include "pipeline/pipeline.h"

struct detect_engine;

typedef void detect_emit_fn(const struct alert *a, void *opaque);

/* RS (compiled) and OPTS must outlive the engine. */
struct detect_engine *detect_engine_new(const struct ruleset *rs, const struct detect_options *opts,
					detect_emit_fn *emit, void *opaque);
void detect_engine_free(struct detect_engine *e);

/* Appends the engine to P's consumers. */
void detect_engine_add(struct detect_engine *e, struct pipeline *p);

/* The run's counters (struct detect_stats), for the metrics endpoint. */
struct detect_stats *detect_engine_stats(struct detect_engine *e);

/* Falco's closing summary: events detected, counts by priority and by rule. */
void detect_engine_summary(const struct detect_engine *e, FILE *f);

/* The OR of the active rules' conditions, as one tree (the live source's push-down): NULL
 * when no rule is active. The caller frees it. */
struct ast_node *detect_engine_pushdown_ast(const struct detect_engine *e);

#endif
