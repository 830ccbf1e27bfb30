/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The events the eBPF source emits (source/bpf/bpf_record.c) against the event table
 * (schema/event_table.in): every code it emits is a live code sysdig 0.29 knows, and writes
 * a prefix of the table's parameter list, whose names and types the readers then take from
 * the table; generic events write ID and nativeID, then their own raw values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "capture/event_table.h"
#include "format/flags.h"
#include "schema/ppm_flags.h"
#include "source/bpf/bpf_record.h"

static void test_emitted_codes_fit_the_table(void **state)
{
	unsigned emitted = 0;

	(void)state;
	for (unsigned code = 0; code < SCAP_EVENT_MAX; code++) {
		const struct scap_event_info *info = scap_event_info(code);
		int n = sr_event_nparams(code);

		if (n < 0)
			continue;
		emitted++;
		assert_non_null(info);
		if (info->flags & SCAP_EF_UNUSED)
			fail_msg("code %u (%s) is unused in the event table", code, info->symbol);
		if (info->nparams_029 < 0)
			fail_msg("code %u (%s) is unknown to sysdig 0.29", code, info->symbol);
		if (n > SR_MAX_PARAMS)
			fail_msg("code %u writes %d parameters, records hold %d", code, n,
				 SR_MAX_PARAMS);
		if (scap_event_is_generic(code)) {
			assert_int_equal(info->nparams, SR_GENERIC_SCAP_NPARAMS);
			assert_int_equal(n, code == PPME_GENERIC_E ? SR_GENERIC_E_NPARAMS :
								      SR_GENERIC_X_NPARAMS);
		} else if (n > info->nparams) {
			fail_msg("code %u (%s): %d parameters written, the table lists %d", code,
				 info->symbol, n, info->nparams);
		}
	}
	assert_true(emitted > 0);
}

/* Enter and exit come in pairs, except where the table's half is unused (procexit's exit). */
static void test_emitted_codes_pair(void **state)
{
	(void)state;
	for (unsigned code = 0; code < SCAP_EVENT_MAX; code++) {
		const struct scap_event_info *twin = scap_event_info(code ^ 1);

		if (sr_event_nparams(code) < 0 || (twin->flags & SCAP_EF_UNUSED))
			continue;
		if (sr_event_nparams(code ^ 1) < 0)
			fail_msg("code %u (%s) is emitted, its twin %s is not", code,
				 scap_event_info(code)->symbol, twin->symbol);
	}
	assert_int_equal(sr_event_nparams(PPME_PROCEXIT_1_X), -1);
}

static void test_unknown_codes(void **state)
{
	(void)state;
	assert_int_equal(sr_event_nparams(SCAP_EVENT_MAX), -1);
	assert_int_equal(sr_event_nparams(UINT16_MAX), -1);
	assert_int_equal(sr_event_nparams(PPME_CONTAINER_JSON_2_E), -1);
}

/* ptrace's request as the eBPF programs send it: libs' PPM_PTRACE_* value, which the
 * ptrace_requests table names as the kernel's request. */
static void test_ptrace_requests(void **state)
{
	static const struct { long linux_req; const char *name; } cases[] = {
		{ 0, "PTRACE_TRACEME" }, { 4, "PTRACE_POKETEXT" }, { 16, "PTRACE_ATTACH" },
		{ 17, "PTRACE_DETACH" }, { 13, "PTRACE_SETREGS" }, { 0x4206, "PTRACE_SEIZE" },
		{ 24, "PTRACE_SYSCALL" }, { 33, "PTRACE_SINGLEBLOCK" }, { 0x7777, "PTRACE_UNKNOWN" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned short v = ppm_ptrace_request(cases[i].linux_req);
		const struct flag_name *f = flag_table("ptrace_requests");

		while (f && f->name && f->value != v)
			f++;
		assert_non_null(f);
		assert_non_null(f->name);
		assert_string_equal(f->name, cases[i].name);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_emitted_codes_fit_the_table),
		cmocka_unit_test(test_emitted_codes_pair),
		cmocka_unit_test(test_unknown_codes),
		cmocka_unit_test(test_ptrace_requests),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
