/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Syscall tampering, strace 6.1's -e inject= and -e fault=: parsing the qualifiers, the
 * per-process when= counters, and what to ask of the tracer at each traced syscall's
 * entry and exit. The printer calls it; the tracer only carries the requests out.
 */
#ifndef SYSRAY_TRACE_TAMPER_H
#define SYSRAY_TRACE_TAMPER_H

#include <stdbool.h>
#include <stdint.h>

#include "output/out.h"
#include "source/ptrace/tracer.h"
#include "trace/opts.h"

struct sc;
struct tamper_spec;		/* every -e inject= / -e fault= given, per syscall */
struct tamper_proc;		/* one process's when= counters */
struct tamper_rule;		/* one qualifier's actions */

/*
 * Parses the part of an inject (FAULT false) or fault qualifier after the syscall set:
 * ARG is the whole value ("chdir:error=ENOENT:when=3"); *SET_SPEC is set to its first
 * ':'-separated field, the syscall set, in a string the caller frees. Returns NULL after
 * strace's message ("invalid inject argument '...'") on a bad token.
 */
/*
 * A duration as strace writes one (-e inject=...:delay_enter=, -O): NUMBER[s|ms|us|ns],
 * microseconds without a unit, a fraction or an exponent allowed. False if malformed.
 */
bool parse_duration(const char *s, struct timespec *ts);

struct tamper_rule *tamper_parse(const char *arg, bool fault, char **set_spec);

/*
 * Gives RULE the syscalls in SET (later qualifiers win for a syscall they share). Fails
 * with strace's message when the rule has no action (inject= needs one; fault= defaults
 * to error=ENOSYS). Takes RULE either way.
 */
int tamper_add(struct tamper_spec **spec, struct tamper_rule *rule, const struct sc_set *set,
	       const char *arg, bool fault);

void tamper_rule_free(struct tamper_rule *rule);
void tamper_spec_free(struct tamper_spec *spec);

/* What happened to the syscall in progress, kept by the caller from entry to exit. */
enum {
	TAMPER_RETVAL = 1 << 0,		/* the result is replaced (error= or retval=) */
	TAMPER_NO_FAIL = 1 << 1,	/* ... and a substitute syscall= runs, which must succeed */
	TAMPER_POKED = 1 << 2,		/* memory was written */
	TAMPER_DELAYED = 1 << 3,
	TAMPER_POKE_EXIT = 1 << 4,	/* still to do at exit */
	TAMPER_DELAY_EXIT = 1 << 5,
};

/*
 * At the entry of a traced syscall SC: counts it against its rule's when= and, when it is
 * due, fills ACT and writes poke_enter= data (before the arguments are printed). *PROC is
 * created on first use. Returns the TAMPER_* state to hand to tamper_exit.
 */
unsigned tamper_enter(const struct tamper_spec *spec, struct tamper_proc **proc,
		      const struct sc *sc, struct tracer_action *act);

/*
 * At its exit (SC->rval and SC->err as the kernel left them): writes poke_exit= data, and
 * for error=/retval= sets the injected result in SC and ACT. Updates *STATE.
 */
void tamper_exit(const struct tamper_spec *spec, unsigned *state, struct sc *sc,
		 struct tracer_action *act);

/* Appends strace's note after the result: " (INJECTED)", " (INJECTED: args)", " (DELAYED)". */
void tamper_note(unsigned state, struct out *line);

void tamper_proc_free(struct tamper_proc *proc);

#endif
