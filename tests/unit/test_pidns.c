/* SPDX-License-Identifier: Apache-2.0 */
/*
 * --pidns-translation from what the eBPF events say (trace/pidns.c, pidns_learn): a thread's
 * ids in its namespace translate without /proc, which no longer has a process gone by the time
 * its lines are printed; forgotten with the thread. The ids below are no process's: /proc
 * cannot answer for them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "trace/pidns.h"

/* A namespace no process is in (inode numbers of namespaces are far above 1). */
#define NS 1
#define TID 4000001
#define TGID 4000000
#define PGID 4000002

static const struct pidns_ids thread = {
	.ns = NS,
	.level = 1,
	.ids = { [PID_TID] = 5, [PID_TGID] = 4, [PID_PGID] = 2, [PID_SID] = 0 },
	.ours = { [PID_TID] = TID, [PID_TGID] = TGID, [PID_PGID] = PGID, [PID_SID] = 0 },
};

static void test_learnt_ids_translate(void **state)
{
	(void)state;
	pidns_learn(&thread);
	assert_int_equal(pidns_translate(TID, 5, PID_TID), TID);
	assert_int_equal(pidns_translate(TID, 4, PID_TGID), TGID);
	assert_int_equal(pidns_translate(TID, 2, PID_PGID), PGID);
	/* an id the events did not name, and a session whose leader is outside */
	assert_int_equal(pidns_translate(TID, 7, PID_TID), 0);
	assert_int_equal(pidns_translate(TID, 1, PID_SID), 0);
	/* the group's id is not the thread's */
	assert_int_equal(pidns_translate(TID, 5, PID_PGID), 0);
}

static void test_forgotten_with_the_thread(void **state)
{
	(void)state;
	pidns_learn(&thread);
	pidns_forget(TID);
	assert_int_equal(pidns_translate(TID, 5, PID_TID), 0);
}

/* A thread of the initial namespace: its ids are the tracer's. */
static void test_initial_namespace(void **state)
{
	const struct pidns_ids top = {
		.ns = NS + 1,
		.level = 0,
		.ids = { [PID_TID] = TID + 10, [PID_TGID] = TID + 10 },
		.ours = { [PID_TID] = TID + 10, [PID_TGID] = TID + 10 },
	};

	(void)state;
	pidns_learn(&top);
	assert_int_equal(pidns_translate(TID + 10, 1234, PID_TGID), 1234);
	pidns_forget(TID + 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_learnt_ids_translate),
		cmocka_unit_test(test_forgotten_with_the_thread),
		cmocka_unit_test(test_initial_namespace),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
