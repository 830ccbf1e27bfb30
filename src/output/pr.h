/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Print primitives: what a decoder says about a value (a struct begins, a field named X,
 * a set of flags, a string), not how it looks. The text style renders strace's syntax;
 * other styles (JSON, colour) render the same calls their own way.
 *
 * Separators are implicit: every value or field opened at a nesting level after the
 * first is preceded by ", ". A field name consumes that separator for its value.
 */
#ifndef SYSRAY_OUTPUT_PR_H
#define SYSRAY_OUTPUT_PR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "output/out.h"
#include "schema/xlat.h"

enum pr_xlat_style {
	PR_XLAT_ABBREV,		/* O_RDONLY|O_CLOEXEC */
	PR_XLAT_RAW,		/* 0x80000 */
	PR_XLAT_VERBOSE,	/* 0x80000 / * O_RDONLY|O_CLOEXEC * / */
};

enum pr_str_style {
	PR_STR_ESCAPE,		/* C escapes, octal for other non-printables */
	PR_STR_HEX_NONASCII,	/* -x: all \xhh if any byte is non-ASCII */
	PR_STR_HEX_ALL,		/* -xx: always all \xhh */
	PR_STR_HEX_CHARS,	/* --strings-in-hex=non-ascii-chars: C escapes, \xhh for the
				 * other non-printables */
};

#define PR_MAX_DEPTH 31

struct pr {
	struct out *o;
	enum pr_xlat_style xlat_style;
	enum pr_str_style str_style;
	int depth;
	uint32_t has_items;	/* bit d: something was printed at depth d */
	bool after_name;	/* a field name was just printed: no separator */
	/*
	 * Called by pr_pid after the number, to say more of that process (strace's
	 * --decode-pids); NULL adds nothing. KIND tells which id of a process it is.
	 */
	void (*pid_note)(struct pr *p, int64_t pid, int kind);
	void *pid_ctx;
};

/* Starts a new argument list (depth 0, nothing printed yet). */
void pr_reset(struct pr *p, struct out *o);

/* Marks the start of one item at the current level (prints ", " if not first). */
void pr_item(struct pr *p);

void pr_struct_begin(struct pr *p);
void pr_struct_end(struct pr *p);
void pr_array_begin(struct pr *p);
void pr_array_end(struct pr *p);
void pr_field(struct pr *p, const char *name);
/* "..." as an item: the rest was left out (abbreviated struct, long array). */
void pr_more(struct pr *p);

void pr_int(struct pr *p, int64_t v);
void pr_uint(struct pr *p, uint64_t v);
void pr_hex(struct pr *p, uint64_t v);		/* 0x1f, 0 */
void pr_oct(struct pr *p, uint64_t v);		/* 0644, 0 */
void pr_ptr(struct pr *p, uint64_t addr);	/* NULL or 0x7ffd... */
/* A process id of KIND (a thread, process, group or session id), then P->pid_note's words. */
void pr_pid(struct pr *p, int64_t pid, int kind);
void pr_text(struct pr *p, const char *s);	/* a symbolic value, as is */
void pr_textf(struct pr *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends to the current item without a separator ("htons(", "=>", ")"). */
void pr_raw(struct pr *p, const char *s);
void pr_rawf(struct pr *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/*
 * Appends SEP ("|", " ", "htons(", or "") to the current item and makes the next value
 * follow it directly, without ", ": NL0|CR0, [0 3], htons(ETH_P_ALL).
 */
void pr_join(struct pr *p, const char *sep);
/* Nothing counts as printed at the current level: the next item gets no ", ". */
void pr_level_restart(struct pr *p);
/* Something counts as printed at the current level: the next item gets ", ". */
void pr_level_mark(struct pr *p);
/* " / * TEXT * /" after the current item. */
void pr_comment(struct pr *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Flags: names OR'ed, unknown bits last in hex, "0" for none. DFLT names the set in a
 * comment when nothing is known (e.g. "O_???"), may be NULL.
 */
void pr_flags(struct pr *p, const struct xlat *x, uint64_t v, const char *dflt);
/* One constant: its name, or hex with a comment naming the set ("0x10 / * RLIMIT_??? * /"). */
void pr_xval(struct pr *p, const struct xlat *x, uint64_t v, const char *dflt);
/* Same, but an unknown value prints in decimal. */
void pr_xval_dec(struct pr *p, const struct xlat *x, uint64_t v, const char *dflt);

/*
 * The same texts written into BUF of N bytes, for result comments and values built from
 * several parts; the -X style is given. Each returns BUF.
 */
const char *pr_sprint_flags(char *buf, size_t n, enum pr_xlat_style style,
			    const struct xlat *x, uint64_t v, const char *dflt);
const char *pr_sprint_xval(char *buf, size_t n, enum pr_xlat_style style,
			   const struct xlat *x, uint64_t v, const char *dflt);
/*
 * The names of the bits of V known to X joined by '|', unknown bits last in hex, in every
 * style ("A|B|0x10"); nothing for 0. Returns how many names were written.
 */
int pr_sprint_flag_names(char *buf, size_t n, const struct xlat *x, uint64_t v);

/* Flags for the quoting of a string or buffer. */
enum {
	PR_QUOTE_ELLIPSIS = 1u << 0,	/* the data went on: append "..." after the quote */
	PR_QUOTE_NUL_TERM = 1u << 1,	/* stop at the first NUL */
	PR_QUOTE_HEX = 1u << 2,		/* every byte as \xhh, whatever -x says */
	/* <text> after the current value instead of "text", '<' and '>' escaped: 12<comm> */
	PR_QUOTE_ANGLED = 1u << 3,
};

/* A quoted string in strace's escaping; N bytes of BUF. */
void pr_quoted(struct pr *p, const char *buf, size_t n, unsigned flags);

#endif
