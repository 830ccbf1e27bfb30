/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target of the .scap reader: any input must be read to an end or to one error,
 * without a crash, a leak or a hang. Build and run with tests/fuzz/run.sh. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "capture/scap_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scap_reader *r = scap_reader_open_mem(data, size, "fuzz");
	struct scap_event ev;
	uint64_t sum = 0;
	int rc;

	while ((rc = scap_reader_next(r, &ev)) > 0) {
		if (rc != SCAP_EVENT)
			continue;
		/* Touch every parameter byte: they must lie inside the input. */
		for (uint32_t i = 0; i < ev.nparams; i++)
			for (uint32_t j = 0; j < ev.params[i].len; j++)
				sum += ev.params[i].val[j];
		const struct scap_meta *m = scap_reader_meta(r);

		for (size_t i = 0; i < m->nthreads && i < 4; i++)
			sum += strlen(m->threads[i].comm) + m->threads[i].nfds;
	}
	if (rc < 0 && !scap_reader_error(r)[0])
		__builtin_trap();
	scap_reader_warnings(r);
	scap_reader_close(r);
	return (int)(sum & 0);
}
