/* SPDX-License-Identifier: Apache-2.0 */
#include "schema/xlat.h"

const char *xlat_lookup(const struct xlat *x, uint64_t val)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->pairs[i].val == val)
			return x->pairs[i].str;
	return NULL;
}
