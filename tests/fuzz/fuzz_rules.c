/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target of a Falco rules file (`sysray detect -r`): any text must load, expand
 * and compile, or be refused with its diagnostics printed, without a crash, a leak or a
 * runaway expansion. Run by tests/fuzz/run.sh; seeds: the rules files of tests/detect. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detect/rules.h"
#include "fields/sysdig.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct ruleset rs;
	FILE *sink = fopen("/dev/null", "w");

	if (!text || !sink)
		abort();
	memcpy(text, data, size);
	text[size] = 0;
	ruleset_init(&rs, RULES_ENGINE_VERSION);
	if (ruleset_load_text(&rs, "fuzz.yaml", text))
		ruleset_compile(&rs, sysdig_field_registry(), PRIO_DEBUG);
	rdiag_print(&rs.diag, "fuzz.yaml", true, sink);
	ruleset_free(&rs);
	fclose(sink);
	free(text);
	return 0;
}
