/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target of the filter language: any text must compile or give one error with a
 * position inside the text, and a compiled filter must run on an event and be freed, without a
 * crash, a leak, deep recursion or memory out of proportion to the text. Run by
 * tests/fuzz/run.sh; seeds in tests/fuzz/corpus/filter. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "capture/event_builder.h"
#include "capture/scap_event.h"
#include "fields/sysdig.h"
#include "filter/filter.h"
#include "state/state.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct state st;
	static struct field_ctx ctx;
	static bool ready;
	char *text = malloc(size + 1);
	struct filter_error err = { 0 };
	struct filter *f;

	if (!ready) {
		state_init(&st);
		ctx.st = &st;
		ready = true;
	}
	memcpy(text, data, size);
	text[size] = 0;
	f = filter_compile(text, sysdig_field_registry(), &err);
	if (f) {
		/* A real record: an openat exit of a thread the state does not know. */
		static struct scap_buf buf;
		static struct scap_param params[8];
		struct event_builder b;
		struct scap_event ev;
		char perr[64];

		buf.len = 0;
		evb_begin(&b, &buf, 1, 42, PPME_SYSCALL_OPENAT_2_X, 5);
		evb_u64(&b, 3);
		evb_u64(&b, (uint64_t)-100);
		evb_param(&b, "/etc/passwd", 12);
		evb_u32(&b, 1);
		evb_u32(&b, 0);
		if (scap_event_parse(buf.p, evb_end(&b), &ev, params, 8, perr, sizeof(perr)))
			__builtin_trap();
		filter_match(f, &ev, &ctx);
		filter_free(f);
	} else if (err.pos > size || !err.msg[0]) {
		__builtin_trap();
	} else {
		free(filter_error_format(&err, text));
	}
	free(text);
	return 0;
}
