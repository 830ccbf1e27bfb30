/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The enter cache of sysray detect: an exit event finds its own thread's enter event (same
 * syscall; for generic events the same syscall id), with the parameters copied; threads
 * that exited are forgotten, and the table stays right through growth and removals.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "detect/enter_cache.h"
#include "schema/event_codes.h"

/* An event of TYPE for TID with one 8-byte parameter VALUE (a generic event: its id). */
static struct scap_event event(uint16_t type, int64_t tid, uint64_t *value, struct scap_param *p)
{
	p->val = (const uint8_t *)value;
	p->len = sizeof(*value);
	return (struct scap_event){ .type = type, .tid = tid, .nparams = 1, .params = p };
}

static uint64_t param(const struct scap_event *ev)
{
	uint64_t v;

	assert_non_null(ev);
	assert_true(scap_param_u64(&ev->params[0], &v));
	return v;
}

static void test_pairs_by_thread_and_type(void **state)
{
	struct enter_cache c = { 0 };
	struct scap_param p;
	uint64_t v = 10;

	struct scap_event e = event(PPME_SOCKET_SOCKET_E, 7, &v, &p);
	enter_cache_put(&c, &e);
	v = 99;	/* the cache holds its own copy */
	struct scap_event x = event(PPME_SOCKET_SOCKET_X, 7, &v, &p);
	assert_int_equal(param(enter_cache_pair(&c, &x)), 10);
	x.tid = 8;
	assert_null(enter_cache_pair(&c, &x));
	x = event(PPME_SOCKET_BIND_X, 7, &v, &p);
	assert_null(enter_cache_pair(&c, &x));
	enter_cache_drop(&c, 7);
	x = event(PPME_SOCKET_SOCKET_X, 7, &v, &p);
	assert_null(enter_cache_pair(&c, &x));
	enter_cache_free(&c);
}

static void test_generic_events_pair_by_syscall(void **state)
{
	struct enter_cache c = { 0 };
	struct scap_param p;
	uint64_t id = 42;

	struct scap_event e = event(PPME_GENERIC_E, 3, &id, &p);
	enter_cache_put(&c, &e);
	id = 43;
	struct scap_event x = event(PPME_GENERIC_X, 3, &id, &p);
	assert_null(enter_cache_pair(&c, &x));
	id = 42;
	assert_int_equal(param(enter_cache_pair(&c, &x)), 42);
	enter_cache_free(&c);
}

/* Many threads, every other one exited: the others keep their events through the table's
 * growth and the moves of its removals. */
static void test_growth_and_removal(void **state)
{
	struct enter_cache c = { 0 };
	struct scap_param p;
	enum { N = 5000 };

	for (int64_t tid = 1; tid <= N; tid++) {
		uint64_t v = (uint64_t)tid * 3;
		struct scap_event e = event(PPME_SOCKET_SOCKET_E, tid, &v, &p);
		enter_cache_put(&c, &e);
	}
	for (int64_t tid = 2; tid <= N; tid += 2)
		enter_cache_drop(&c, tid);
	assert_int_equal(c.n, N / 2);
	for (int64_t tid = 1; tid <= N; tid++) {
		uint64_t v = 0;
		struct scap_event x = event(PPME_SOCKET_SOCKET_X, tid, &v, &p);
		const struct scap_event *e = enter_cache_pair(&c, &x);

		if (tid % 2)
			assert_int_equal(param(e), (uint64_t)tid * 3);
		else
			assert_null(e);
	}
	enter_cache_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs_by_thread_and_type),
		cmocka_unit_test(test_generic_events_pair_by_syscall),
		cmocka_unit_test(test_growth_and_removal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
