/* SPDX-License-Identifier: Apache-2.0 */
/*
 * An alert: one rule matched one event. The rules engine (detect/engine) builds it, the
 * outputs (detect/outputs) deliver it to stdout, a file, a program, syslog and HTTP, and the
 * metrics endpoint counts it. This header is the contract between them.
 */
#ifndef SYSRAY_DETECT_ALERT_H
#define SYSRAY_DETECT_ALERT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Falco's priorities, most severe first; the values are syslog(3)'s levels (LOG_EMERG 0 ..
 * LOG_DEBUG 7). */
enum rule_priority {
	PRIO_EMERGENCY,
	PRIO_ALERT,
	PRIO_CRITICAL,
	PRIO_ERROR,
	PRIO_WARNING,
	PRIO_NOTICE,
	PRIO_INFORMATIONAL,
	PRIO_DEBUG,
	PRIO_COUNT,
};

/* "Emergency" .. "Debug", as Falco prints them in alerts ("Informational" in full). */
const char *rule_priority_name(enum rule_priority p);

/* Reads a rules file's or `-o priority=`'s word, case-insensitive; "info" is Informational.
 * false for any other word. */
bool rule_priority_parse(const char *text, enum rule_priority *out);

struct alert {
	uint64_t ts;			/* the event's time, ns since the epoch */
	enum rule_priority priority;
	const char *rule;
	const char *source;		/* "syscall"; "internal" for sysray's own notices */
	const char *message;		/* the rule's output with its fields substituted */
	const char *text;		/* Falco's text line: "HH:MM:SS.nnnnnnnnn: Warning MESSAGE" */
	const char *json;		/* Falco's JSON object on one line, no newline */
	const char *const *tags;	/* sorted */
	size_t ntags;
	int64_t pid;			/* proc.pid of the event's thread; -1 when none */
	const char *container_id;	/* "host" outside containers */
};

/*
 * What a run of the engine has counted, read by the metrics endpoint from its own thread
 * while the engine runs: hence atomics. The per-rule arrays are the engine's, sized once the
 * rules are loaded and never resized while the endpoint serves.
 */
struct detect_stats {
	_Atomic uint64_t events;			/* events offered to the rules */
	_Atomic uint64_t drops;				/* events the source lost */
	_Atomic uint64_t eval_ns;			/* time spent evaluating conditions */
	_Atomic uint64_t alerts_by_priority[PRIO_COUNT];
	size_t nrules;
	const char *const *rule_names;			/* nrules names, in rule order */
	const enum rule_priority *rule_priorities;	/* nrules */
	_Atomic uint64_t *alerts_by_rule;		/* nrules counters */
};

#endif
