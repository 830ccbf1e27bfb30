/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The filter scanner. sysdig's grammar is context dependent (a bare value may hold '=' or ',',
 * a field name may not), so the parser asks for the token it expects next instead of
 * tokenising the text up front. Positions are byte offsets into the filter text.
 */
#ifndef SYSRAY_FILTER_LEXER_H
#define SYSRAY_FILTER_LEXER_H

#include <stdbool.h>
#include <stddef.h>

#include "filter/ast.h"

struct lexer {
	const char *text;
	size_t len;
	size_t pos;
	char *scratch;		/* len + 1 bytes, allocated once: where a value is decoded */
	bool whole_words;	/* Falco's conditions: a keyword is not the start of a name */
};

void lex_init(struct lexer *lx, const char *text);
void lex_free(struct lexer *lx);

/* Skips blanks; true when the text ends there. */
bool lex_at_end(struct lexer *lx);

/* Consumes C after blanks when it is next; otherwise consumes nothing. */
bool lex_char(struct lexer *lx, char c);

/*
 * Consumes the keyword WORD (and, or, not) after blanks. As in sysdig 0.29 the keyword need
 * not be followed by a blank ("andevt.num=1" reads as "and evt.num=1"), except that `not`
 * must not be the start of a longer word made of letters only; with whole_words, no keyword
 * may be followed by a character of a name.
 */
bool lex_keyword(struct lexer *lx, const char *word);

/*
 * A field name: [A-Za-z_][A-Za-z0-9_.]* with an optional [ARG] right after it. Returns the
 * length consumed (0 when no field starts here) and sets *start.
 */
size_t lex_field(struct lexer *lx, size_t *start);

/* A comparison operator after blanks; false when none (nothing consumed). */
bool lex_operator(struct lexer *lx, enum cmp_op *op, size_t *start);

/*
 * A value after blanks: a quoted string ('..' or "..", with \\ \" \' \n \t \r \b \f escapes)
 * or a bare word that ends at a blank, ')' (and ',' when IN_LIST). Fills V (text is
 * malloc'd). Returns NULL on success or an error message with *err_pos.
 */
const char *lex_value(struct lexer *lx, bool in_list, struct ast_value *v, size_t *err_pos);

#endif
