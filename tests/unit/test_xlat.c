/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Value <-> name tables: xlat lookups, errno names and messages, signal names as strace 6.1
 * spells them (SIGRTMIN is 32, then SIGRT_1 ... SIGRT_32).
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "schema/names.h"
#include "schema/xlat.h"

#define SYM_A 1
#define SYM_B 0x40
XLAT_DEFINE(sample, XLAT_PAIR(SYM_A), XLAT_PAIR(SYM_B), { 0, "ZERO" },
	    { 0xffffffffffffffffull, "ALL" });

static void test_xlat_define(void **state)
{
	assert_int_equal(sample.n, 4);
	assert_int_equal(sample.pairs[0].val, 1);
	assert_string_equal(sample.pairs[0].str, "SYM_A");
	assert_int_equal(sample.pairs[1].val, 0x40);
	assert_string_equal(sample.pairs[1].str, "SYM_B");
}

static void test_xlat_lookup(void **state)
{
	assert_string_equal(xlat_lookup(&sample, 1), "SYM_A");
	assert_string_equal(xlat_lookup(&sample, 0x40), "SYM_B");
	assert_string_equal(xlat_lookup(&sample, 0), "ZERO");
	assert_string_equal(xlat_lookup(&sample, ~0ull), "ALL");
	assert_null(xlat_lookup(&sample, 2));
	assert_null(xlat_lookup(&sample, 0x41));
}

static void test_errno_names(void **state)
{
	assert_string_equal(errno_name(ENOENT), "ENOENT");
	assert_string_equal(errno_name(EPERM), "EPERM");
	assert_string_equal(errno_name(EAGAIN), "EAGAIN");
	assert_string_equal(errno_name(EINPROGRESS), "EINPROGRESS");
	assert_string_equal(errno_name(ECONNREFUSED), "ECONNREFUSED");
	assert_string_equal(errno_name(ENOSYS), "ENOSYS");
	assert_string_equal(errno_name(ENOTSUP), "EOPNOTSUPP");
	assert_string_equal(errno_name(EHWPOISON), "EHWPOISON");
	assert_string_equal(errno_name(512), "ERESTARTSYS");
	assert_string_equal(errno_name(513), "ERESTARTNOINTR");
	assert_string_equal(errno_name(514), "ERESTARTNOHAND");
	assert_string_equal(errno_name(516), "ERESTART_RESTARTBLOCK");
	assert_null(errno_name(0));
	assert_null(errno_name(-1));
	assert_null(errno_name(4000));
	assert_int_equal(errno_by_name("ENOENT"), ENOENT);
	assert_int_equal(errno_by_name("EACCES"), EACCES);
	assert_int_equal(errno_by_name("ENOSUCH"), -1);
	/* Every errno glibc knows up to EHWPOISON has a name that maps back to it. */
	for (int e = 1; e <= EHWPOISON; e++) {
		const char *n = errno_name(e);
		if (e == 41 || e == 58)		/* unused numbers on Linux */
			continue;
		if (!n)
			fail_msg("errno %d has no name", e);
		if (e != EWOULDBLOCK && e != EDEADLOCK)
			assert_int_equal(errno_by_name(n), e);
	}
}

static void test_errno_messages(void **state)
{
	assert_string_equal(errno_message(ENOENT), "No such file or directory");
	assert_string_equal(errno_message(EAGAIN), "Resource temporarily unavailable");
	assert_string_equal(errno_message(512), "To be restarted if SA_RESTART is set");
	assert_string_equal(errno_message(513), "To be restarted");
	assert_string_equal(errno_message(514), "To be restarted if no handler");
	assert_string_equal(errno_message(516), "Interrupted by signal");
}

static void test_signal_names(void **state)
{
	assert_string_equal(signal_name(SIGHUP), "SIGHUP");
	assert_string_equal(signal_name(SIGCHLD), "SIGCHLD");
	assert_string_equal(signal_name(SIGSYS), "SIGSYS");
	assert_string_equal(signal_name(32), "SIGRTMIN");
	assert_string_equal(signal_name(34), "SIGRT_2");
	assert_string_equal(signal_name(64), "SIGRT_32");
	assert_null(signal_name(0));
	assert_null(signal_name(65));
	assert_null(signal_name(-1));
	for (int s = 1; s <= 64; s++) {
		const char *n = signal_name(s);
		assert_non_null(n);
		assert_int_equal(signal_by_name(n), s);
	}
}

static void test_signal_by_name(void **state)
{
	assert_int_equal(signal_by_name("SIGTERM"), SIGTERM);
	assert_int_equal(signal_by_name("TERM"), SIGTERM);
	assert_int_equal(signal_by_name("term"), SIGTERM);
	assert_int_equal(signal_by_name("9"), SIGKILL);
	assert_int_equal(signal_by_name("RTMIN"), 32);
	assert_int_equal(signal_by_name("SIGRT_3"), 35);
	assert_int_equal(signal_by_name("0"), -1);
	assert_int_equal(signal_by_name("65"), -1);
	assert_int_equal(signal_by_name("SIGNOSUCH"), -1);
	assert_int_equal(signal_by_name(""), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlat_define),
		cmocka_unit_test(test_xlat_lookup),
		cmocka_unit_test(test_errno_names),
		cmocka_unit_test(test_errno_messages),
		cmocka_unit_test(test_signal_names),
		cmocka_unit_test(test_signal_by_name),
	};
	return cmocka_run_group_tests_name("xlat", tests, NULL, NULL);
}
