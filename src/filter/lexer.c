/* SPDX-License-Identifier: Apache-2.0 */
#include "filter/lexer.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void lex_init(struct lexer *lx, const char *text)
{
	lx->text = text;
	lx->len = strlen(text);
	lx->pos = 0;
	lx->scratch = NULL;
}

void lex_free(struct lexer *lx)
{
	free(lx->scratch);
	lx->scratch = NULL;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\b' || c == '\f' ||
	       c == '\v';
}

static void skip_blanks(struct lexer *lx)
{
	while (lx->pos < lx->len && is_blank(lx->text[lx->pos]))
		lx->pos++;
}

bool lex_at_end(struct lexer *lx)
{
	skip_blanks(lx);
	return lx->pos >= lx->len;
}

bool lex_char(struct lexer *lx, char c)
{
	skip_blanks(lx);
	if (lx->pos < lx->len && lx->text[lx->pos] == c) {
		lx->pos++;
		return true;
	}
	return false;
}

bool lex_keyword(struct lexer *lx, const char *word)
{
	size_t n = strlen(word);

	skip_blanks(lx);
	if (lx->len - lx->pos < n || strncmp(lx->text + lx->pos, word, n) != 0)
		return false;
	/* Falco's words end where a name cannot go on: "not_sshd" is a macro's name. */
	if (lx->whole_words) {
		char c = lx->pos + n < lx->len ? lx->text[lx->pos + n] : ' ';

		if (isalnum((unsigned char)c) || c == '_' || c == '.')
			return false;
	}
	/* "nothing" is not "not hing"; "notproc.name=x" is "not proc.name=x", as in sysdig. */
	if (strcmp(word, "not") == 0) {
		size_t e = lx->pos + n;
		while (e < lx->len && isalpha((unsigned char)lx->text[e]))
			e++;
		if (e > lx->pos + n && (e >= lx->len || lx->text[e] != '.'))
			return false;
	}
	lx->pos += n;
	return true;
}

static bool is_field_start(char c)
{
	return isalpha((unsigned char)c) || c == '_';
}

static bool is_field_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.';
}

size_t lex_field(struct lexer *lx, size_t *start)
{
	skip_blanks(lx);
	size_t p = lx->pos;

	*start = p;
	if (p >= lx->len || !is_field_start(lx->text[p]))
		return 0;
	while (p < lx->len && is_field_char(lx->text[p]))
		p++;
	if (p < lx->len && lx->text[p] == '[') {
		const char *close = memchr(lx->text + p, ']', lx->len - p);
		if (close)
			p = (size_t)(close - lx->text) + 1;
	}
	lx->pos = p;
	return p - *start;
}

static const struct {
	const char *text;
	enum cmp_op op;
	bool word;		/* must end at a non-letter */
} operators[] = {
	/* Longest first where one is a prefix of another. */
	{ "==", CMP_EQ, false },	{ "=", CMP_EQ, false },
	{ "!=", CMP_NE, false },	{ "<=", CMP_LE, false },
	{ "<", CMP_LT, false },		{ ">=", CMP_GE, false },
	{ ">", CMP_GT, false },		{ "contains", CMP_CONTAINS, true },
	{ "icontains", CMP_ICONTAINS, true },
	{ "startswith", CMP_STARTSWITH, true },
	{ "endswith", CMP_ENDSWITH, true },
	{ "glob", CMP_GLOB, true },	{ "intersects", CMP_INTERSECTS, true },
	{ "in", CMP_IN, true },		{ "pmatch", CMP_PMATCH, true },
	{ "exists", CMP_EXISTS, true },
};

const char *cmp_op_name(enum cmp_op op)
{
	for (size_t i = 0; i < ARRAY_SIZE(operators); i++)
		if (operators[i].op == op)
			return operators[i].text;
	return "?";
}

bool lex_operator(struct lexer *lx, enum cmp_op *op, size_t *start)
{
	skip_blanks(lx);
	*start = lx->pos;
	for (size_t i = 0; i < ARRAY_SIZE(operators); i++) {
		size_t n = strlen(operators[i].text);
		if (lx->len - lx->pos < n || strncmp(lx->text + lx->pos, operators[i].text, n))
			continue;
		if (operators[i].word && lx->pos + n < lx->len &&
		    isalnum((unsigned char)lx->text[lx->pos + n]))
			continue;
		lx->pos += n;
		*op = operators[i].op;
		return true;
	}
	return false;
}

static int unescape(char c)
{
	switch (c) {
	case '\\': return '\\';
	case '"': return '"';
	case '\'': return '\'';
	case '/': return '/';
	case 'n': return '\n';
	case 't': return '\t';
	case 'r': return '\r';
	case 'b': return '\b';
	case 'f': return '\f';
	default: return -1;
	}
}

const char *lex_value(struct lexer *lx, bool in_list, struct ast_value *v, size_t *err_pos)
{
	skip_blanks(lx);
	size_t p = lx->pos;
	/* A value decodes into the scratch buffer (no value is longer than the text), then is
	 * copied at its own size: a list of many values holds memory linear in the filter's
	 * length, and no buffer is allocated per value for the rest of the text. */
	char *buf = lx->scratch ? lx->scratch : (lx->scratch = xmalloc(lx->len + 1));
	size_t n = 0;

	v->pos = p;
	v->quoted = false;
	if (p < lx->len && (lx->text[p] == '"' || lx->text[p] == '\'')) {
		char q = lx->text[p++];
		for (;;) {
			if (p >= lx->len) {
				*err_pos = v->pos;
				return "unterminated quoted string";
			}
			char c = lx->text[p];
			if (c == q) {
				p++;
				break;
			}
			if (c == '\\') {
				int e = p + 1 < lx->len ? unescape(lx->text[p + 1]) : -1;
				if (e < 0) {
					*err_pos = p;
					return "unknown escape sequence in quoted string";
				}
				buf[n++] = (char)e;
				p += 2;
				continue;
			}
			buf[n++] = c;
			p++;
		}
		v->quoted = true;
	} else {
		while (p < lx->len) {
			char c = lx->text[p];
			if (is_blank(c) || c == ')' || (in_list && c == ','))
				break;
			if (c == '(') {
				*err_pos = p;
				return "unexpected '(' in a value (quote the value if it holds one)";
			}
			buf[n++] = c;
			p++;
		}
	}
	buf[n] = '\0';
	v->text = memcpy(xmalloc(n + 1), buf, n + 1);
	v->len = n;
	lx->pos = p;
	return NULL;
}
