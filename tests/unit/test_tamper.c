/* SPDX-License-Identifier: Apache-2.0 */
/*
 * -e inject= / -e fault= as strace 6.1 means them: which specs are refused, the when=
 * counters per process, what is asked of the tracer at entry and exit, the result that is
 * printed, and the note after it.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "output/out.h"
#include "schema/syscalls.h"
#include "trace/decode.h"
#include "trace/opts.h"
#include "trace/tamper.h"

static struct trace_opts opts;

/* Parses one -e qualifier into a fresh OPTS, with stderr silenced; returns its result. */
static int qualify(const char *expr)
{
	trace_opts_free(&opts);
	memset(&opts, 0, sizeof(opts));
	fflush(stderr);
	int saved = dup(2), null = open("/dev/null", O_WRONLY);
	dup2(null, 2);
	int rc = trace_qualify(&opts, expr);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(null);
	return rc;
}

static long nr_of(const char *name)
{
	long nr = syscall_nr_by_name(name);
	assert_true(nr >= 0);
	return nr;
}

static void test_accepted(void **state)
{
	static const char *const good[] = {
		"inject=chdir:error=ENOENT", "inject=chdir:error=enoent", "inject=chdir:error=2",
		"inject=chdir:retval=0", "inject=chdir:retval=0x10", "inject=chdir:retval=-1",
		"inject=chdir:signal=USR1", "inject=chdir:signal=sigusr1", "inject=chdir:signal=10",
		"inject=chdir:error=1:when=3", "inject=chdir:error=1:when=3+", "inject=chdir:error=1:when=3+2",
		"inject=chdir:error=1:when=2..5", "inject=chdir:error=1:when=2..5+2",
		"inject=chdir:error=1:when=65535", "inject=chdir:error=1:when=1..65534+",
		"inject=chdir:delay_enter=10", "inject=chdir:delay_exit=1.5ms",
		"inject=chdir:delay_enter=+8e8ns", "inject=chdir:delay_exit=.16E7",
		"inject=chdir:error=1:syscall=gettid", "inject=chdir:poke_enter=@arg1=00ff",
		"inject=chdir:poke_exit=@arg1=00,@arg2=ff", "inject=%file:error=EACCES",
		"fault=chdir", "fault=chdir:when=2", "fault=chdir:error=EPERM:syscall=getpid",
		"inject=all:signal=1",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		if (qualify(good[i]) != 0)
			fail_msg("refused: %s", good[i]);
		assert_non_null(opts.tamper);
	}
}

static void test_refused(void **state)
{
	static const char *const bad[] = {
		"inject=42", "inject=chdir", "inject=chdir:42", "inject=chdir:invalid",
		"inject=chdir:error=", "inject=chdir:error=0", "inject=chdir:error=4096",
		"inject=chdir:error=-1", "inject=chdir:error=3+", "inject=chdir:error=NOSUCH",
		"inject=chdir:when=", "inject=chdir:when=0", "inject=chdir:when=-1",
		"inject=chdir:when=4-", "inject=chdir:when=5+-", "inject=chdir:when=6++",
		"inject=chdir:when=7+0", "inject=chdir:when=65536", "inject=chdir:when=1+65536",
		"inject=chdir:when=10.", "inject=chdir:when=24..23", "inject=chdir:when=27..65535",
		"inject=chdir:when=25..26+0", "inject=chdir:when=..20",
		"inject=chdir:retval=a", "inject=chdir:retval=0b", "inject=chdir:when=3",
		"inject=chdir:retval=0x10000000000000000", "inject=chdir:signal=0",
		"inject=chdir:signal=129", "inject=chdir:signal=1:signal=2",
		"inject=chdir:retval=0:retval=1", "inject=chdir:retval=0:error=1",
		"inject=chdir:error=1:retval=0", "inject=chdir:delay_enter=-1",
		"inject=chdir:delay_enter=1:delay_enter=2", "inject=chdir:delay_exit=1xs",
		"inject=chdir:syscall=chdir", "inject=chdir:syscall=42",
		"inject=chdir:syscall=gettid", "inject=chdir:error=1:syscall=gettid:syscall=gettid",
		"inject=chdir:poke_enter=", "inject=chdir:poke_enter=@arg8=00",
		"inject=chdir:poke_enter=@arg0=00", "inject=chdir:poke_enter=@arg1",
		"inject=chdir:poke_enter=@arg1=", "inject=chdir:poke_enter=@arg1=000",
		"inject=chdir:poke_enter=@arg1=nothex", "inject=chdir:poke_enter=@arg1=00,@arg1=00",
		"inject=chdir:poke_enter=@arg1=00:poke_enter=@arg1=00",
		"inject=nosuchsyscall:error=1", "inject=:error=1", "inject=",
		"fault=chdir:retval=0", "fault=chdir:signal=1", "fault=chdir:42",
		"fault=chdir:error=1:error=2", "fault=chdir:delay_enter=1",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (qualify(bad[i]) == 0)
			fail_msg("accepted: %s", bad[i]);
}

/* A traced syscall as the printer hands it over. */
static struct sc make_sc(const char *name, pid_t pid)
{
	struct sc sc;
	memset(&sc, 0, sizeof(sc));
	sc.nr = nr_of(name);
	sc.info = syscall_by_nr(sc.nr);
	sc.pid = pid;
	return sc;
}

/* Runs N calls of NAME in one process; bit i of the result: call i+1 was tampered with. */
static unsigned pattern(const char *expr, const char *name, int n)
{
	assert_int_equal(qualify(expr), 0);
	struct tamper_proc *proc = NULL;
	unsigned bits = 0;
	for (int i = 0; i < n; i++) {
		struct sc sc = make_sc(name, 1);
		struct tracer_action act = { 0 };
		if (tamper_enter(opts.tamper, &proc, &sc, &act))
			bits |= 1u << i;
	}
	tamper_proc_free(proc);
	return bits;
}

static void test_when(void **state)
{
	(void)state;
	assert_int_equal(pattern("inject=chdir:error=1", "chdir", 8), 0xff);
	assert_int_equal(pattern("inject=chdir:error=1:when=3", "chdir", 8), 0x04);
	assert_int_equal(pattern("inject=chdir:error=1:when=3+", "chdir", 8), 0xfc);
	assert_int_equal(pattern("inject=chdir:error=1:when=2+3", "chdir", 10), 0x092);
	assert_int_equal(pattern("inject=chdir:error=1:when=2..4", "chdir", 8), 0x0e);
	assert_int_equal(pattern("inject=chdir:error=1:when=1..7+3", "chdir", 10), 0x049);
	/* Other syscalls neither count nor are tampered with. */
	assert_int_equal(pattern("inject=chdir:error=1", "getpid", 4), 0);
	/* A later qualifier wins for the syscalls it names. */
	assert_int_equal(qualify("inject=chdir:error=1:when=5"), 0);
	assert_int_equal(trace_qualify(&opts, "inject=chdir,getpid:error=2:when=2"), 0);
	struct tamper_proc *proc = NULL;
	unsigned bits = 0;
	for (int i = 0; i < 6; i++) {
		struct sc sc = make_sc("chdir", 1);
		struct tracer_action act = { 0 };
		if (tamper_enter(opts.tamper, &proc, &sc, &act))
			bits |= 1u << i;
	}
	tamper_proc_free(proc);
	assert_int_equal(bits, 0x02);
}

static void test_counters_per_process(void **state)
{
	(void)state;
	assert_int_equal(qualify("inject=chdir:error=1:when=2"), 0);
	struct tamper_proc *a = NULL, *b = NULL;
	struct sc sc = make_sc("chdir", 1);
	struct tracer_action act = { 0 };
	assert_int_equal(tamper_enter(opts.tamper, &a, &sc, &act), 0);
	/* B's first call is its own first call, whatever A did. */
	assert_int_equal(tamper_enter(opts.tamper, &b, &sc, &act), 0);
	assert_int_not_equal(tamper_enter(opts.tamper, &a, &sc, &act), 0);
	assert_int_not_equal(tamper_enter(opts.tamper, &b, &sc, &act), 0);
	tamper_proc_free(a);
	tamper_proc_free(b);
}

static void test_error_and_retval(void **state)
{
	(void)state;
	struct tamper_proc *proc = NULL;

	/* error=: skipped at entry (nr -1), -errno written at exit, printed as a failure. */
	assert_int_equal(qualify("inject=chdir:error=ENOENT:signal=USR1"), 0);
	struct sc sc = make_sc("chdir", 1);
	struct tracer_action act = { 0 };
	unsigned st = tamper_enter(opts.tamper, &proc, &sc, &act);
	assert_true(st & TAMPER_RETVAL);
	assert_true(act.set_nr);
	assert_int_equal(act.nr, -1);
	assert_int_equal(act.signal, 10);
	struct tracer_action exit_act = { 0 };
	sc.rval = -ENOSYS;
	sc.err = ENOSYS;
	tamper_exit(opts.tamper, &st, &sc, &exit_act);
	assert_true(exit_act.set_rval);
	assert_int_equal(exit_act.rval, -ENOENT);
	assert_int_equal(sc.err, ENOENT);
	tamper_proc_free(proc);
	proc = NULL;

	/* retval= with a substitute syscall: it runs, its result is replaced. */
	assert_int_equal(qualify("inject=chdir:retval=42:syscall=getpid"), 0);
	memset(&act, 0, sizeof(act));
	st = tamper_enter(opts.tamper, &proc, &sc, &act);
	assert_int_equal(act.nr, nr_of("getpid"));
	assert_true(st & TAMPER_NO_FAIL);
	memset(&exit_act, 0, sizeof(exit_act));
	sc.rval = 1234;
	sc.err = 0;
	tamper_exit(opts.tamper, &st, &sc, &exit_act);
	assert_int_equal(exit_act.rval, 42);
	assert_int_equal(sc.rval, 42);
	assert_int_equal(sc.err, 0);
	tamper_proc_free(proc);
	proc = NULL;

	/* fault= defaults to ENOSYS. */
	assert_int_equal(qualify("fault=chdir"), 0);
	memset(&act, 0, sizeof(act));
	st = tamper_enter(opts.tamper, &proc, &sc, &act);
	memset(&exit_act, 0, sizeof(exit_act));
	sc.rval = -ENOSYS;
	sc.err = ENOSYS;
	tamper_exit(opts.tamper, &st, &sc, &exit_act);
	assert_int_equal(exit_act.rval, -ENOSYS);
	tamper_proc_free(proc);
}

static unsigned char poked[64];
static uint64_t poked_at;

static size_t fake_write(pid_t pid, uint64_t addr, const void *buf, size_t n)
{
	(void)pid;
	poked_at = addr;
	memcpy(poked, buf, n);
	return n;
}

static void test_poke_and_notes(void **state)
{
	(void)state;
	struct tamper_proc *proc = NULL;
	assert_int_equal(qualify("inject=chdir:poke_enter=@arg1=2f00:delay_exit=5ms"), 0);
	struct sc sc = make_sc("chdir", 1);
	sc.arg[0] = 0x1000;
	struct tracer_action act = { .write_mem = fake_write };
	unsigned st = tamper_enter(opts.tamper, &proc, &sc, &act);
	assert_true(st & TAMPER_POKED);
	assert_int_equal(poked_at, 0x1000);
	assert_memory_equal(poked, "/", 2);
	assert_false(act.set_nr);
	struct tracer_action exit_act = { .write_mem = fake_write };
	tamper_exit(opts.tamper, &st, &sc, &exit_act);
	assert_int_equal(exit_act.delay.tv_nsec, 5000000);
	assert_false(exit_act.set_rval);

	struct out o = { 0 };
	tamper_note(st, &o);
	out_putc(&o, 0);
	assert_string_equal(o.buf, " (INJECTED: args) (DELAYED)");
	o.len = 0;
	tamper_note(TAMPER_RETVAL, &o);
	tamper_note(TAMPER_RETVAL | TAMPER_POKED, &o);
	out_putc(&o, 0);
	assert_string_equal(o.buf, " (INJECTED) (INJECTED: args, retval)");
	out_free(&o);
	tamper_proc_free(proc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_when),
		cmocka_unit_test(test_counters_per_process),
		cmocka_unit_test(test_error_and_retval),
		cmocka_unit_test(test_poke_and_notes),
	};
	int rc = cmocka_run_group_tests_name("tamper", tests, NULL, NULL);
	trace_opts_free(&opts);
	return rc;
}
