/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysdig's filter language: `evt.type=open and fd.name contains /etc`. A filter is parsed
 * once, its fields resolved against a field registry and its values converted to the
 * fields' types; matching an event then only extracts and compares.
 */
#ifndef SYSRAY_FILTER_FILTER_H
#define SYSRAY_FILTER_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fields/field.h"
#include "schema/syscalls.h"

struct filter_error {
	size_t pos;		/* byte offset in the filter text the message points at */
	char msg[256];
};

struct filter;

/*
 * Compiles TEXT against REG. Returns the filter, or NULL with ERR filled. An empty filter
 * compiles to a filter that matches everything.
 */
struct filter *filter_compile(const char *text, const struct field_registry *reg,
			      struct filter_error *err);
/* The same from a syntax tree (filter/ast.h; NULL: matches everything), which stays the
 * caller's. A macro reference left in the tree is an error. Positions in ERR are the tree's. */
struct ast_node;
struct filter *filter_compile_ast(const struct ast_node *ast, const struct field_registry *reg,
				  struct filter_error *err);
void filter_free(struct filter *f);

/* Whether EVENT satisfies the filter; EVENT and CTX go to the field extractors untouched. */
bool filter_match(const struct filter *f, const void *event, void *ctx);

/*
 * The one error message for a mistyped filter, three lines, malloc'd:
 *   filter error at column 17: unknown field 'proc.nmae' (did you mean 'proc.name'?)
 *     evt.type=open and proc.nmae=cat
 *                       ^
 * Columns count from 1. The caller prefixes its program name.
 */
char *filter_error_format(const struct filter_error *err, const char *text);

/* ---- pushdown: what an in-kernel pre-filter may drop without changing the result ---- */

/* Events that are not syscalls but have a name evt.type can test. */
enum filter_nonsys_event {
	NSE_PROCEXIT,
	NSE_SWITCH,
	NSE_SIGNALDELIVER,
	NSE_PAGE_FAULT,
	NSE_CONTAINER,
	NSE_NOTIFICATION,
	NSE_INFRA,
	NSE_DROP,
	NSE_PROCINFO,
	NSE_CPU_HOTPLUG,
	NSE_OTHER,		/* everything else sysdig names (useradded, pluginevent, ...) */
	NSE_COUNT,
};

#define FILTER_SYSCALL_WORDS ((SYSCALL_NR_LIMIT + 63) / 64)

struct filter_evset {
	uint64_t syscalls[FILTER_SYSCALL_WORDS];	/* bit NR: syscall NR on x86_64 */
	uint32_t nonsys;				/* bit per enum filter_nonsys_event */
};

/* At most this many pids or names are pushed down; more means "any". */
#define FILTER_PUSHDOWN_MAX 16

struct filter_pushdown {
	/*
	 * Every event the filter can match has its syscall (for both its enter and exit
	 * event) or its non-syscall kind in EVENTS. A filter that does not restrict evt.type
	 * has them all. Per sysdig 0.29's names, one evt.type can cover several syscalls:
	 * evt.type=accept covers accept and accept4, evt.type=dup covers dup, dup2, dup3.
	 */
	struct filter_evset events;
	/* When !any_pid, only events of these thread groups (proc.pid) can match. */
	bool any_pid;
	size_t npids;
	int64_t pids[FILTER_PUSHDOWN_MAX];
	/*
	 * When !any_comm, only events whose proc.name is one of these can match. proc.name is
	 * the untruncated name; the kernel's comm holds its first 15 bytes, and an execve's
	 * events carry the new name only once the exec has happened.
	 */
	bool any_comm;
	size_t ncomms;
	char *comms[FILTER_PUSHDOWN_MAX];
};

/* Does F test container.id (outside an argument)? Then filter_may_match_container() can
 * drop whole cgroups. */
bool filter_uses_container(const struct filter *f);

/* Can F be true for an event of a thread whose container.id is ID? false only when no
 * value of any other field could make it true. */
bool filter_may_match_container(const struct filter *f, const char *id);

/* Computes the summary for F (NULL F: everything). Free with filter_pushdown_free(). */
void filter_pushdown(const struct filter *f, struct filter_pushdown *pd);
void filter_pushdown_free(struct filter_pushdown *pd);

static inline bool filter_evset_has_syscall(const struct filter_evset *s, long nr)
{
	return nr >= 0 && nr < SYSCALL_NR_LIMIT && (s->syscalls[nr / 64] >> (nr % 64)) & 1;
}

/* Whether an event whose evt.type shows NAME may be in S: a name that no syscall or
 * non-syscall kind has is. Lets a reader skip a filter for the events it cannot match. */
bool filter_evset_may_have_name(const struct filter_evset *s, const char *name);

/* The event names evt.type can show for syscall NR: its own and sysdig 0.29's (pread for
 * pread64, accept for accept4). Fills NAMES, returns how many (0 for an unknown NR). */
size_t filter_evt_names_for_syscall(long nr, const char *names[2]);

#endif
