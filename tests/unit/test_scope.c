/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tracee's scopes (pipeline/scope.c): the --trace texts it accepts and the one message for
 * each it refuses, which threads of a state each scope keeps (new = created by a clone the
 * state saw; a new container = one without a thread when the run started), and what the
 * kernel pushdown gains from comm= and pid=.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pipeline/scope.h"
#include "state/state.h"
#include "util/util.h"

static struct scope *parse(const char *const *texts, size_t n)
{
	char err[512];
	struct scope *s = scope_parse(texts, n, err, sizeof(err));

	if (!s)
		fail_msg("%s", err);
	return s;
}

static struct scope *parse1(const char *text)
{
	return parse(&text, 1);
}

static void refused(const char *text, const char *msg)
{
	char err[512];
	struct scope *s = scope_parse(&text, 1, err, sizeof(err));

	if (s)
		fail_msg("'%s' was accepted", text);
	assert_string_equal(err, msg);
}

static void test_parse_errors(void **state)
{
	(void)state;
	refused("foo=1", "--trace 'foo=1': unknown scope 'foo' (sysray knows comm, pid, tree, "
		"uid, container; event selection is the filter's evt.type)");
	refused("pid=abc", "--trace 'pid=abc': 'abc' is not a number or 'new'");
	refused("uid=-1", "--trace 'uid=-1': '-1' is not a number");
	refused("pid=1,,2", "--trace 'pid=1,,2': a value is empty");
	refused("comm=", "--trace 'comm=': a value is empty");
	refused("comm<ls", "--trace 'comm<ls': 'comm' only compares with = and !=");
	refused("pid!=new", "--trace 'pid!=new': 'new' only takes '=' (tracee has no negation "
		"of it)");
	refused("!pid=1", "--trace '!pid=1': '!' only goes before a bare 'container'");
	refused("uid", "--trace 'uid': 'uid' needs an operator and a value (uid=...)");
	refused("pid~3", "--trace 'pid~3': unknown operator at '~3' (=, !=, <, >, <=, >=)");
	refused("container=web", "--trace 'container=web': 'web' is neither 'new' nor a "
		"container id (12 to 64 hex digits)");
	refused("comm=averyveryverylongname", "--trace 'comm=averyveryverylongname': "
		"'averyveryverylongname' is longer than a thread's name (15 bytes)");
}

/* A state with: 100 (bash, uid 1000, from the process list), its child 101 (cat, uid 0,
 * forked during the run), 102 a thread of 101, 200 (nginx in container aaaaaaaaaaaa from
 * the start), 300 (sh in container bbbbbbbbbbbb, forked during the run). */
static void add(struct state *st, int64_t tid, int64_t pid, int64_t ptid, const char *comm,
		uint32_t uid, const char *container, uint64_t clone_ts)
{
	struct st_thread *t = state_thread_add(st, tid);

	t->pid = pid;
	t->ptid = ptid;
	free(t->comm);
	t->comm = xstrdup(comm);
	t->uid = uid;
	snprintf(t->container_id, sizeof(t->container_id), "%s", container);
	t->clone_ts = clone_ts;
	t->live = true;
}

static void build(struct state *st, struct scope *s)
{
	state_init(st);
	add(st, 100, 100, 1, "bash", 1000, "host", 0);
	add(st, 200, 200, 1, "nginx", 33, "aaaaaaaaaaaa", 0);
	scope_start(s, st);	/* what ran when the run started */
	add(st, 101, 101, 100, "cat", 0, "host", 5);
	add(st, 102, 101, 101, "cat", 0, "host", 6);
	add(st, 300, 300, 200, "sh", 0, "bbbbbbbbbbbb", 7);
}

/* The tids, of 100 101 102 200 300, whose events S keeps, as "100 101". */
static const char *kept(const char *const *texts, size_t n)
{
	static char out[64];
	static const int64_t tids[] = { 100, 101, 102, 200, 300 };
	struct scope *s = parse(texts, n);
	struct state st;

	build(&st, s);
	out[0] = 0;
	for (size_t i = 0; i < ARRAY_SIZE(tids); i++) {
		st.cur.thread = state_thread(&st, tids[i]);
		if (scope_match(s, &st))
			snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%" PRId64,
				 out[0] ? " " : "", tids[i]);
	}
	st.cur.thread = NULL;
	assert_false(scope_match(s, &st) && n);	/* no thread: out of any scope */
	state_free(&st);
	scope_free(s);
	return out;
}

#define KEPT(expect, ...)                                                                     \
	do {                                                                                   \
		const char *const texts_[] = { __VA_ARGS__ };                                   \
		assert_string_equal(kept(texts_, ARRAY_SIZE(texts_)), expect);                  \
	} while (0)

static void test_match(void **state)
{
	(void)state;
	assert_string_equal(kept(NULL, 0), "100 101 102 200 300");
	KEPT("101 102", "comm=cat");
	KEPT("100 101 102", "comm=cat,bash");
	KEPT("200 300", "comm!=cat,bash");
	KEPT("101 102", "pid=101");
	KEPT("200 300", "pid>101");
	KEPT("100 101 102 200", "p<=200");
	KEPT("101 102 300", "pid=new");
	KEPT("100 101 102 300", "pid=new,100");
	KEPT("100 101 102", "tree=100");
	KEPT("200 300", "tree!=100");
	KEPT("100", "uid=1000");
	KEPT("100 200", "uid>0");
	KEPT("101 102 300", "u=0");
	KEPT("200 300", "container");
	KEPT("100 101 102", "!container");
	KEPT("300", "container=new");
	KEPT("200", "container=aaaaaaaaaaaa");
	KEPT("200", "c=aaaaaaaaaaaa0123456789abcdef");
	/* several --trace are ANDed; values of != and < are ANDed too */
	KEPT("101 102", "pid=new", "!container");
	KEPT("300", "pid=new", "uid=0", "container");
	KEPT("200", "pid!=100,300", "container");
	KEPT("300", "pid>100,200");
}

static void test_pushdown(void **state)
{
	(void)state;
	const char *const texts[] = { "comm=cat,sh", "pid=101,300", "uid>0" };
	struct scope *s = parse(texts, 3);
	struct filter_pushdown pd = { .any_pid = true, .any_comm = true };

	scope_pushdown(s, &pd);
	assert_false(pd.any_comm);
	assert_int_equal(pd.ncomms, 2);
	assert_string_equal(pd.comms[0], "cat");
	assert_false(pd.any_pid);
	assert_int_equal(pd.npids, 2);
	assert_int_equal(pd.pids[1], 300);
	filter_pushdown_free(&pd);
	scope_free(s);

	/* a filter's own lists are narrowed to what the scope also allows */
	s = parse1("pid=5,6");
	pd = (struct filter_pushdown){ .any_pid = false, .npids = 2, .pids = { 6, 7 },
				       .any_comm = false, .ncomms = 1 };
	pd.comms[0] = xstrdup("cat");
	scope_pushdown(s, &pd);
	assert_int_equal(pd.npids, 1);
	assert_int_equal(pd.pids[0], 6);
	assert_int_equal(pd.ncomms, 1);
	filter_pushdown_free(&pd);
	scope_free(s);

	/* new, !=, < and > are not pushed */
	s = parse1("pid=new");
	pd = (struct filter_pushdown){ .any_pid = true, .any_comm = true };
	scope_pushdown(s, &pd);
	assert_true(pd.any_pid);
	scope_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_pushdown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
