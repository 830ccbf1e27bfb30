/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/token_bucket.h"

void token_bucket_init(struct token_bucket *b, double rate, double max_tokens)
{
	*b = (struct token_bucket){ .rate = rate, .max_tokens = max_tokens, .tokens = max_tokens };
}

bool token_bucket_claim(struct token_bucket *b, uint64_t now)
{
	if (b->last && now > b->last) {
		b->tokens += b->rate * (double)(now - b->last) / 1e9;
		if (b->tokens > b->max_tokens)
			b->tokens = b->max_tokens;
	}
	if (!b->last || now > b->last)
		b->last = now;
	if (b->tokens < 1)
		return false;
	b->tokens -= 1;
	return true;
}
