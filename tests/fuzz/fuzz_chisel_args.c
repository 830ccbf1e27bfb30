/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target of a chisel's argument string (`-c NAME ARGS`): any text must split into
 * words or be refused as an unterminated quote, and the words must bind to a chisel's
 * arguments or be refused by count, without a crash or a leak. The chisel is a small one
 * with one required and two optional arguments, written to a temporary directory once. Run
 * by tests/fuzz/run.sh; seeds in tests/fuzz/corpus/chisel_args. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chisel/chisel.h"
#include "chisel/chisel_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char CHISEL[] =
	"description = 'fuzz'; short_description = 'fuzz'; category = 'Fuzz'\n"
	"args = { { name = 'a', argtype = 'int' },\n"
	"	{ name = 'b', argtype = 'string', optional = true },\n"
	"	{ name = 'c', argtype = 'filter', optional = true } }\n"
	"function on_set_arg(name, value) return #value < 100 end\n";

static char *chisel_path(void)
{
	static char path[64];

	if (!path[0]) {
		char dir[] = "/tmp/sysray-fuzz-chisel-XXXXXX";

		if (!mkdtemp(dir))
			abort();
		snprintf(path, sizeof(path), "%s/fuzzargs.lua", dir);
		FILE *f = fopen(path, "w");

		if (!f || fputs(CHISEL, f) < 0 || fclose(f))
			abort();
	}
	return path;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct chisel_dirs dirs;
	static struct chisel_host host;
	static bool ready;
	char *text = malloc(size + 1);
	char **tok;
	size_t n;

	if (!ready) {
		chisel_dirs_init(&dirs);
		host.dirs = &dirs;
		ready = true;
	}
	memcpy(text, data, size);
	text[size] = 0;
	if (chisel_args_split(text, &tok, &n)) {
		for (size_t i = 0; i < n; i++)
			if (strlen(tok[i]) > size)
				abort();
		chisel_args_free(tok, n);
	}
	struct chisel *c = chisel_load(&host, chisel_path());

	if (!c)
		abort();
	chisel_set_args(c, text);
	chisel_free(c);
	free(text);
	return 0;
}
