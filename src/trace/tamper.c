/* SPDX-License-Identifier: Apache-2.0 */
/* strace 6.1's syscall tampering: -e inject= and -e fault= (see tamper.h). */
#include "trace/tamper.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "schema/names.h"
#include "schema/syscalls.h"
#include "trace/decode.h"
#include "util/util.h"

/* The largest errno a syscall returns as -errno. */
#define MAX_ERRNO 4095
/* when= counts are 16-bit; this "last" means no last. */
#define WHEN_NO_LAST 0xffff
/* Signal numbers up to the kernel's 64. */
#define MAX_SIGNAL 64

enum {
	RF_SIGNAL = 1 << 0,
	RF_ERROR = 1 << 1,
	RF_RETVAL = 1 << 2,
	RF_DELAY_ENTER = 1 << 3,
	RF_DELAY_EXIT = 1 << 4,
	RF_SYSCALL = 1 << 5,
	RF_POKE_ENTER = 1 << 6,
	RF_POKE_EXIT = 1 << 7,
	RF_ACTIONS = RF_SIGNAL | RF_ERROR | RF_RETVAL | RF_DELAY_ENTER | RF_DELAY_EXIT |
		     RF_POKE_ENTER | RF_POKE_EXIT,
};

struct poke {
	bool at_entry;
	unsigned arg;		/* 1-based: @arg1 is the first argument */
	size_t len;
	unsigned char *data;
};

struct tamper_rule {
	unsigned flags;
	/* when=FIRST..LAST+STEP; the defaults are 1, no last, 1: every call */
	uint16_t first, last, step;
	int64_t value;		/* errno for error=, the value for retval= */
	int signo;
	long scno;		/* syscall= */
	struct timespec delay_enter, delay_exit;
	struct poke *pokes;
	int npokes;
};

struct tamper_spec {
	const struct tamper_rule *by_nr[SYSCALL_NR_LIMIT];
	struct tamper_rule **rules;	/* owned */
	int nrules;
};

/* strace keeps each process's own copy of every rule's counters. */
struct tamper_proc {
	uint16_t first[SYSCALL_NR_LIMIT];
	uint16_t last[SYSCALL_NR_LIMIT];
};

void tamper_rule_free(struct tamper_rule *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->npokes; i++)
		free(r->pokes[i].data);
	free(r->pokes);
	free(r);
}

/* ---- parsing ---- */

/* A decimal number in [0, MAX], ended by NUL or one of ENDINGS; -1 if not. */
static long long parse_uint(const char *s, char **endp, unsigned long long max,
			    const char *endings)
{
	char *end;
	if (!*s)
		return -1;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (end == s || v < 0 || (unsigned long long)v > max || errno == ERANGE)
		return -1;
	if (*end && (!endings || !strchr(endings, *end)))
		return -1;
	if (endp)
		*endp = end;
	return v;
}

/*
 * when=F (only the Fth), F+ (F and every one after), F+S (every Sth from F), F..L (F to
 * L), F..L+S. Counts are 1..65535; 65535 as L would mean "no last", so it is refused.
 */
static bool parse_when(const char *v, struct tamper_rule *r)
{
	char *end;
	long long n = parse_uint(v, &end, 0xffff, "+.");
	if (n < 1)
		return false;
	r->first = (uint16_t)n;
	if (*end == '.') {
		if (end[1] != '.')
			return false;
		n = parse_uint(end + 2, &end, 0xffff, "+");
		if (n < r->first || n == WHEN_NO_LAST)
			return false;
		r->last = (uint16_t)n;
	} else {
		r->last = WHEN_NO_LAST;
	}
	if (*end) {
		if (end[1]) {
			n = parse_uint(end + 1, NULL, 0xffff, NULL);
			if (n < 1)
				return false;
			r->step = (uint16_t)n;
		} else {
			r->step = 1;
		}
	} else {
		r->step = r->last == WHEN_NO_LAST ? 0 : 1;
	}
	return true;
}

static int errno_number_by_name(const char *name)
{
	for (int e = 1; e <= MAX_ERRNO; e++) {
		const char *n = errno_name(e);
		if (n && !strcasecmp(n, name))
			return e;
	}
	return -1;
}

/* A number up to 255, or a name with or without "SIG", in any case. */
static int signal_number(const char *s)
{
	if (*s >= '0' && *s <= '9')
		return (int)parse_uint(s, NULL, 255, NULL);
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (int sig = 1; sig <= 255; sig++) {
		const char *n = signal_name(sig);
		if (n && !strncasecmp(n, "SIG", 3) && !strcasecmp(n + 3, s))
			return sig;
	}
	return -1;
}

/* NUMBER[s|ms|us|ns], microseconds without a unit; a fraction or exponent is allowed. */
bool parse_duration(const char *s, struct timespec *ts)
{
	static const struct { const char *sfx; long long ns; } units[] = {
		{ "", 1000 }, { "s", 1000000000 }, { "ms", 1000000 }, { "us", 1000 }, { "ns", 1 },
	};
	size_t float_len = strspn(s, "eE.-+0123456789");
	size_t int_len = strspn(s, "+0123456789");
	char *end;
	double fv = 0;
	long long iv = 0;
	if (float_len > int_len) {
		errno = 0;
		fv = strtod(s, &end);
		if (end == s || errno || fv < 0)
			return false;
	} else {
		iv = parse_uint(s, &end, LLONG_MAX, "smun");
		if (iv < 0)
			return false;
	}
	long long scale = -1;
	for (size_t i = 0; i < ARRAY_SIZE(units); i++)
		if (!strcmp(end, units[i].sfx))
			scale = units[i].ns;
	if (scale < 0)
		return false;
	long long per_sec = 1000000000 / scale;
	if (float_len > int_len) {
		ts->tv_sec = (time_t)(fv / (double)per_sec);
		ts->tv_nsec = (long)((uint64_t)((fv - (double)ts->tv_sec * (double)per_sec) *
						(double)scale) % 1000000000);
	} else {
		ts->tv_sec = (time_t)(iv / per_sec);
		ts->tv_nsec = (long)(iv % per_sec * scale);
	}
	return true;
}

static bool parse_delay_token(const char *v, struct tamper_rule *r, bool at_entry)
{
	unsigned flag = at_entry ? RF_DELAY_ENTER : RF_DELAY_EXIT;
	if (r->flags & flag)
		return false;
	if (!parse_duration(v, at_entry ? &r->delay_enter : &r->delay_exit))
		return false;
	r->flags |= flag;
	return true;
}

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* @argN=HEX: N in 1..7, an even number of hex digits, at most 1024 bytes. */
static bool parse_one_poke(const char *tok, bool at_entry, struct poke *pk)
{
	if (strncmp(tok, "@arg", 4) != 0)
		return false;
	tok += 4;
	if (tok[0] < '1' || tok[0] > '7' || tok[1] != '=')
		return false;
	pk->arg = (unsigned)(tok[0] - '0');
	pk->at_entry = at_entry;
	const char *hex = tok + 2;
	size_t digits = strlen(hex);
	if (!digits || digits % 2 || digits > 2048)
		return false;
	pk->len = digits / 2;
	pk->data = xmalloc(pk->len);
	for (size_t i = 0; i < pk->len; i++) {
		int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);
		if (hi < 0 || lo < 0) {
			free(pk->data);
			pk->data = NULL;
			return false;
		}
		pk->data[i] = (unsigned char)(hi << 4 | lo);
	}
	return true;
}

static bool parse_poke_token(const char *v, struct tamper_rule *r, bool at_entry)
{
	unsigned flag = at_entry ? RF_POKE_ENTER : RF_POKE_EXIT;
	if ((r->flags & flag) || !*v)
		return false;
	char *copy = xstrdup(v), *save = NULL;
	bool ok = true;
	for (char *tok = strtok_r(copy, ",", &save); tok && ok; tok = strtok_r(NULL, ",", &save)) {
		struct poke pk = { 0 };
		ok = parse_one_poke(tok, at_entry, &pk);
		for (int i = 0; ok && i < r->npokes; i++)
			if (r->pokes[i].at_entry == at_entry && r->pokes[i].arg == pk.arg)
				ok = false;
		if (!ok) {
			free(pk.data);
			break;
		}
		r->pokes = xrealloc(r->pokes, (size_t)(r->npokes + 1) * sizeof(*r->pokes));
		r->pokes[r->npokes++] = pk;
	}
	free(copy);
	if (ok)
		r->flags |= flag;
	return ok;
}

/* retval= takes any 64-bit number (strtoull, so 0x.. and -1 too). */
static bool parse_retval(const char *v, struct tamper_rule *r)
{
	char *end;
	errno = 0;
	unsigned long long u = strtoull(v, &end, 0);
	if (end == v || *end || ((u == 0 || u == ULLONG_MAX) && errno))
		return false;
	int64_t s = (int64_t)u;
	if (s < 0 && s >= -MAX_ERRNO)
		msg("Inadvertent injection of error %" PRId64 " is possible for retval=%llu",
		    -s, u);
	r->value = s;
	r->flags |= RF_RETVAL;
	return true;
}

/* strace's syscall= takes only a name, and only of a syscall with no side effects. */
static bool parse_substitute(const char *v, struct tamper_rule *r)
{
	if (r->flags & RF_SYSCALL)
		return false;
	long nr = syscall_nr_by_name(v);
	if (nr < 0)
		return false;
	const struct syscall_info *si = syscall_by_nr(nr);
	if (!si || !(si->classes & syscall_class_by_name("%pure")))
		return false;
	r->scno = nr;
	r->flags |= RF_SYSCALL;
	return true;
}

#define STRIP(tok, prefix) (!strncmp(tok, prefix, strlen(prefix)) ? tok + strlen(prefix) : NULL)

static bool parse_token(const char *tok, struct tamper_rule *r, bool fault)
{
	const char *v;
	if ((v = STRIP(tok, "when=")))
		return parse_when(v, r);
	if ((v = STRIP(tok, "syscall=")))
		return parse_substitute(v, r);
	if ((v = STRIP(tok, "error="))) {
		if (r->flags & (RF_ERROR | RF_RETVAL))
			return false;
		long long e = parse_uint(v, NULL, MAX_ERRNO, NULL);
		if (e < 0)
			e = errno_number_by_name(v);
		if (e < 1)
			return false;
		r->value = e;
		r->flags |= RF_ERROR;
		return true;
	}
	if (fault)
		return false;
	if ((v = STRIP(tok, "retval=")))
		return !(r->flags & (RF_ERROR | RF_RETVAL)) && parse_retval(v, r);
	if ((v = STRIP(tok, "signal="))) {
		int sig = signal_number(v);
		if ((r->flags & RF_SIGNAL) || sig < 1 || sig > MAX_SIGNAL)
			return false;
		r->signo = sig;
		r->flags |= RF_SIGNAL;
		return true;
	}
	if ((v = STRIP(tok, "poke_enter=")))
		return parse_poke_token(v, r, true);
	if ((v = STRIP(tok, "poke_exit=")))
		return parse_poke_token(v, r, false);
	if ((v = STRIP(tok, "delay_enter=")))
		return parse_delay_token(v, r, true);
	if ((v = STRIP(tok, "delay_exit=")))
		return parse_delay_token(v, r, false);
	return false;
}

static const char *what(bool fault)
{
	return fault ? "fault argument" : "inject argument";
}

struct tamper_rule *tamper_parse(const char *arg, bool fault, char **set_spec)
{
	struct tamper_rule *r = xcalloc(1, sizeof(*r));
	r->first = 1;
	r->last = WHEN_NO_LAST;
	r->step = 1;
	*set_spec = NULL;
	/* An empty set is left to the syscall set parser to refuse. */
	if (!*arg || *arg == ':') {
		*set_spec = xstrdup("");
		return r;
	}
	char *copy = xstrdup(arg), *save = NULL;
	char *name = strtok_r(copy, ":", &save);
	for (char *tok; (tok = strtok_r(NULL, ":", &save));) {
		if (!parse_token(tok, r, fault)) {
			msg("invalid %s '%s'", what(fault), arg);
			free(copy);
			tamper_rule_free(r);
			return NULL;
		}
	}
	*set_spec = xstrdup(name);
	free(copy);
	return r;
}

int tamper_add(struct tamper_spec **spec, struct tamper_rule *rule, const struct sc_set *set,
	       const char *arg, bool fault)
{
	if (!(rule->flags & RF_ACTIONS)) {
		if (!fault) {
			msg("invalid %s '%s'", what(fault), arg);
			tamper_rule_free(rule);
			return -1;
		}
		rule->value = ENOSYS;
		rule->flags |= RF_ERROR;
	}
	if (!*spec)
		*spec = xcalloc(1, sizeof(**spec));
	struct tamper_spec *s = *spec;
	s->rules = xrealloc(s->rules, (size_t)(s->nrules + 1) * sizeof(*s->rules));
	s->rules[s->nrules++] = rule;
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (sc_set_has(set, nr))
			s->by_nr[nr] = rule;
	return 0;
}

void tamper_spec_free(struct tamper_spec *spec)
{
	if (!spec)
		return;
	for (int i = 0; i < spec->nrules; i++)
		tamper_rule_free(spec->rules[i]);
	free(spec->rules);
	free(spec);
}

/* ---- at syscall stops ---- */

static const struct tamper_rule *rule_of(const struct tamper_spec *spec, long nr)
{
	if (!spec || nr < 0 || nr >= SYSCALL_NR_LIMIT)
		return NULL;
	return spec->by_nr[nr];
}

static struct tamper_proc *proc_new(const struct tamper_spec *spec)
{
	struct tamper_proc *p = xcalloc(1, sizeof(*p));
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (spec->by_nr[nr]) {
			p->first[nr] = spec->by_nr[nr]->first;
			p->last[nr] = spec->by_nr[nr]->last;
		}
	return p;
}

/*
 * Counts one call against when=: FIRST counts down to the call that is due, then starts
 * again from STEP (0: never again); LAST counts down to the end of the range.
 */
static bool due(const struct tamper_rule *r, struct tamper_proc *p, long nr)
{
	if (!p->first[nr] || !p->last[nr])
		return false;
	if (p->last[nr] != WHEN_NO_LAST)
		p->last[nr]--;
	if (--p->first[nr])
		return false;
	p->first[nr] = r->step;
	return true;
}

/* Writes every poke of R for this stop; true if any of them was written. */
static bool poke(const struct tamper_rule *r, const struct sc *sc, bool at_entry,
		 struct tracer_action *act)
{
	bool poked = false;
	unsigned nargs = sc->info ? sc->info->nargs : 6;
	for (int i = 0; i < r->npokes; i++) {
		const struct poke *pk = &r->pokes[i];
		if (pk->at_entry != at_entry)
			continue;
		if (pk->arg > nargs) {
			msg("Failed to tamper with process %d: requested to tamper with argument"
			    " #%u, but system call '%s' has only %u arguments", sc->pid, pk->arg,
			    sc->info ? sc->info->name : "?", nargs);
			continue;
		}
		uint64_t addr = sc->arg[pk->arg - 1];
		size_t n = act->write_mem ? act->write_mem(sc->pid, addr, pk->data, pk->len) : 0;
		if (n && n < pk->len)
			msg("pid:%d short write (%zu < %zu) @%#" PRIx64, sc->pid, n, pk->len, addr);
		if (n)
			poked = true;
		else
			msg("Failed to tamper with process %d: couldn't poke", sc->pid);
	}
	return poked;
}

unsigned tamper_enter(const struct tamper_spec *spec, struct tamper_proc **proc,
		      const struct sc *sc, struct tracer_action *act)
{
	const struct tamper_rule *r = rule_of(spec, sc->nr);
	if (!r || !act)
		return 0;
	if (!*proc)
		*proc = proc_new(spec);
	if (!due(r, *proc, sc->nr))
		return 0;
	unsigned state = 0;
	if (r->flags & RF_SIGNAL)
		act->signal = r->signo;
	if (r->flags & (RF_ERROR | RF_RETVAL)) {
		act->set_nr = true;
		act->nr = (r->flags & RF_SYSCALL) ? r->scno : -1;
		state |= TAMPER_RETVAL;
		if (r->flags & RF_SYSCALL)
			state |= TAMPER_NO_FAIL;
	}
	if ((r->flags & RF_POKE_ENTER) && poke(r, sc, true, act))
		state |= TAMPER_POKED;
	if (r->flags & RF_POKE_EXIT)
		state |= TAMPER_POKE_EXIT;
	if (r->flags & RF_DELAY_ENTER) {
		act->delay = r->delay_enter;
		state |= TAMPER_DELAYED;
	}
	if (r->flags & RF_DELAY_EXIT)
		state |= TAMPER_DELAY_EXIT;
	return state;
}

void tamper_exit(const struct tamper_spec *spec, unsigned *state, struct sc *sc,
		 struct tracer_action *act)
{
	const struct tamper_rule *r = rule_of(spec, sc->nr);
	if (!r || !act)
		return;
	if ((*state & TAMPER_POKE_EXIT) && poke(r, sc, false, act))
		*state |= TAMPER_POKED;
	if (*state & TAMPER_DELAY_EXIT) {
		act->delay = r->delay_exit;
		*state |= TAMPER_DELAYED;
	}
	if (!(*state & TAMPER_RETVAL))
		return;
	/* A skipped syscall fails with ENOSYS; a substitute must have succeeded. */
	bool failed = sc->err != 0;
	bool no_fail = *state & TAMPER_NO_FAIL;
	if (failed == no_fail) {
		msg("Failed to tamper with process %d: unexpectedly got %serror"
		    " (return value %#" PRIx64 ", error %d)", sc->pid, no_fail ? "" : "no ",
		    (uint64_t)sc->rval, sc->err);
		return;
	}
	act->set_rval = true;
	if (r->flags & RF_RETVAL) {
		sc->rval = r->value;
		sc->err = 0;
	} else {
		sc->rval = -r->value;
		sc->err = (int)r->value;
	}
	act->rval = sc->rval;
}

void tamper_note(unsigned state, struct out *line)
{
	bool retval = state & TAMPER_RETVAL, poked = state & TAMPER_POKED;
	if (retval && poked)
		out_puts(line, " (INJECTED: args, retval)");
	else if (poked)
		out_puts(line, " (INJECTED: args)");
	else if (retval)
		out_puts(line, " (INJECTED)");
	if (state & TAMPER_DELAYED)
		out_puts(line, " (DELAYED)");
}

void tamper_proc_free(struct tamper_proc *proc)
{
	free(proc);
}
