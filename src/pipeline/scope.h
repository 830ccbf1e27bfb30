/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tracee's scopes (`--trace comm=ls`, `--trace pid=new`, `--trace 'uid>0'`): which processes'
 * events a run keeps, on top of any filter. A scope is NAME, NAME OP VALUES or !NAME:
 *
 *	comm=ls,cat  comm!=ping        the thread's name (proc.name, at most 15 bytes)
 *	pid=510,1709  pid!=1  'pid>0'   the process id (proc.pid); <, >, <=, >= compare
 *	pid=new                         processes created after the run started (the
 *	                                state saw their fork or clone), and so their descendants
 *	tree=476165  tree!=5023         the process and its descendants
 *	uid=0  'uid>0'  uid!=1000       the user id (user.uid)
 *	container  !container           in a container / on the host
 *	container=new                   in a container whose first process appeared after the
 *	                                run started
 *	container=ID                    in that container (its 12-digit id, or longer)
 *
 * VALUES are comma-separated: ORed for =, ANDed for != (and for <, >, <=, >=). The scopes of
 * several --trace are ANDed. Aliases p= (pid), u= (uid), c (container) are tracee's too.
 *
 *	struct scope *s = scope_parse(texts, n, err, sizeof(err));	(NULL: err says why)
 *	scope_start(s, &st);		once the state holds what ran before the run (pipeline_meta)
 *	scope_match(s, &st);		per event, after state_event(): st.cur's thread
 *	scope_free(s);
 */
#ifndef SYSRAY_PIPELINE_SCOPE_H
#define SYSRAY_PIPELINE_SCOPE_H

#include <stdbool.h>
#include <stddef.h>

#include "filter/filter.h"
#include "state/state.h"

struct scope;

/*
 * Parses the N scope texts at TEXTS (one per --trace). NULL with one line in ERR naming the
 * scope in error and what is wrong ("--trace 'pid=abc': 'abc' is not a number"). N may be 0:
 * then every event is in scope.
 */
struct scope *scope_parse(const char *const *texts, size_t n, char *err, size_t errlen);
void scope_free(struct scope *s);

/* Notes what exists when the run starts (the containers of the threads in ST), against which
 * container=new is judged; called with each metadata the state loads, only the first one
 * counts (a capture's later sections describe the same run). */
void scope_start(struct scope *s, const struct state *st);

/* Is the event of ST->cur (its thread) in scope? An event without a known thread is in
 * scope only when no scope tests the process. */
bool scope_match(const struct scope *s, const struct state *st);

/*
 * Narrows PD (a filter's pushdown) by what the kernel can test of S: a comm= list and a pid=
 * list of numbers; the run's events outside them never match.
 */
void scope_pushdown(const struct scope *s, struct filter_pushdown *pd);

#endif
