/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Falco 0.32's token bucket for outputs.rate / outputs.max_burst: the bucket holds at most
 * max_burst tokens and starts full; it gains `rate` tokens a second; an alert takes one token,
 * or is throttled when less than one is left. Time is the alerts' own (event time): a replayed
 * capture is limited by its timeline, not by how fast it is read.
 */
#ifndef SYSRAY_DETECT_TOKEN_BUCKET_H
#define SYSRAY_DETECT_TOKEN_BUCKET_H

#include <stdbool.h>
#include <stdint.h>

struct token_bucket {
	double rate;		/* tokens a second */
	double max_tokens;
	double tokens;
	uint64_t last;		/* ns of the last refill; 0 before the first claim */
};

void token_bucket_init(struct token_bucket *b, double rate, double max_tokens);
/* Takes a token at time NOW (ns): true when there was one. Time going back refills nothing. */
bool token_bucket_claim(struct token_bucket *b, uint64_t now);

#endif
