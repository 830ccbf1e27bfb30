/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A chisel's argument string as sysdig 0.29 splits it: words separated by single spaces
 * (so two spaces make an empty word), a word in '...' or `...` may hold spaces (the quotes
 * are removed), an unterminated quote is an error.
 */
#include <stdlib.h>
#include <string.h>

#include "chisel/chisel_int.h"
#include "util/util.h"

bool chisel_args_split(const char *text, char ***tokens, size_t *n)
{
	*tokens = NULL;
	*n = 0;
	if (!text || !*text)
		return true;
	struct out word = { 0 };
	char **tok = NULL;
	size_t count = 0;
	const char *s = text;

	for (;;) {
		word.len = 0;
		if (*s == '\'' || *s == '`') {
			char q = *s++;
			const char *end = strchr(s, q);

			if (!end) {
				chisel_args_free(tok, count);
				out_free(&word);
				return false;
			}
			out_write(&word, s, (size_t)(end - s));
			s = end + 1;
		}
		while (*s && *s != ' ')
			out_putc(&word, *s++);
		out_putc(&word, 0);
		tok = xrealloc(tok, (count + 1) * sizeof(*tok));
		tok[count++] = xstrdup(word.buf);
		if (!*s)
			break;
		s++;	/* the one separating space */
	}
	out_free(&word);
	*tokens = tok;
	*n = count;
	return true;
}

void chisel_args_free(char **tokens, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(tokens[i]);
	free(tokens);
}
