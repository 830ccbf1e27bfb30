/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Which decoder prints which syscall. Each area lists its decoders in its own .def file
 * as DECODER(syscall_name, function); names the table does not know are ignored at run
 * time and caught by the unit tests.
 */
#include <pthread.h>

#include "schema/syscalls.h"
#include "trace/decode.h"
#include "trace/decode/decoders.h"

struct decoder_entry {
	const char *name;
	decoder_fn *fn;
};

#define DECODER(name_, fn_) { #name_, fn_ },
static const struct decoder_entry entries[] = {
#include "trace/decode/list.def"
	{ NULL, NULL },
};
#undef DECODER

static decoder_fn *by_nr[SYSCALL_NR_LIMIT];
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void build(void)
{
	for (size_t i = 0; entries[i].name; i++) {
		long nr = syscall_nr_by_name(entries[i].name);
		if (nr >= 0)
			by_nr[nr] = entries[i].fn;
	}
}

decoder_fn *decoder_for(long nr)
{
	pthread_once(&once, build);
	if (nr >= 0 && nr < SYSCALL_NR_LIMIT && by_nr[nr])
		return by_nr[nr];
	return decode_generic;
}

size_t decoder_count(void)
{
	return sizeof(entries) / sizeof(entries[0]) - 1;
}

const char *decoder_name(size_t i)
{
	return i < decoder_count() ? entries[i].name : NULL;
}
