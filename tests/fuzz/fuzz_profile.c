/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target of the seccomp profile parser: any text must parse or give errors with
 * their JSON path, and a parsed profile must be written back and freed, without a crash, a
 * leak or undefined behaviour. Run by tests/fuzz/run.sh; seeds in tests/fuzz/corpus/profile. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "seccomp/diag.h"
#include "seccomp/profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scp_profile p = { 0 };
	struct diags d = { .file = "fuzz.json" };
	FILE *sink = fopen("/dev/null", "w");

	if (scp_parse("fuzz.json", (const char *)data, size, &p, &d) == 0)
		free(scp_to_json(&p));
	else if (!d.errors)
		__builtin_trap();
	if (sink) {
		diags_print(&d, sink, 0);
		fclose(sink);
	}
	diags_free(&d);
	scp_profile_free(&p);
	return 0;
}
