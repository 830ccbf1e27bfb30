/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The built-in docker-default profile: it passes the checker and compiles, survives the JSON
 * writer and parser unchanged in meaning, and decides as Docker's default profile does for
 * the calls whose answer depends on the arguments or on the container's capabilities.
 */
#include <linux/sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <cmocka.h>

#include "schema/syscalls.h"
#include "seccomp/seccomp.h"

static long nr(const char *name)
{
	long n = syscall_nr_by_name(name);
	assert_true(n >= 0);
	return n;
}

static enum scp_action eval(const struct scp_profile *p, const struct scp_env *env,
			    const char *name, uint64_t arg0, int *ret)
{
	uint64_t args[6] = { arg0 };
	return scp_eval(p, env, nr(name), args, ret);
}

static void test_loads_checks_compiles(void **state)
{
	struct scp_profile p;
	struct diags d = { .file = "docker-default" };
	struct scp_env env;
	scp_env_default(&env);
	assert_int_equal(scp_load("docker-default", &p, &d), 0);
	assert_string_equal(p.file, "docker-default");
	assert_int_equal(p.default_action, SCP_ACT_ERRNO);
	assert_true(p.from_arch_map);
	assert_int_equal(p.arches[0], SCMP_ARCH_X86_64);
	scp_check(&p, &env, &d);
	if (d.errors || d.warnings)
		diags_print(&d, stderr, DIAG_WARNING);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
	scmp_filter_ctx ctx = scp_compile(&p, &env, SCP_MODE_ENFORCE, &d);
	assert_non_null(ctx);
	seccomp_release(ctx);
	diags_free(&d);
	scp_profile_free(&p);
	scp_env_free(&env);
}

static void test_decisions(void **state)
{
	struct scp_profile p;
	struct diags d = { 0 };
	struct scp_env env;
	int ret;
	scp_env_default(&env);
	assert_int_equal(scp_load("docker-default", &p, &d), 0);

	assert_int_equal(eval(&p, &env, "read", 0, &ret), SCP_ACT_ALLOW);
	assert_int_equal(eval(&p, &env, "execve", 0, &ret), SCP_ACT_ALLOW);
	assert_int_equal(eval(&p, &env, "arch_prctl", 0, &ret), SCP_ACT_ALLOW);
	assert_int_equal(eval(&p, &env, "chroot", 0, &ret), SCP_ACT_ALLOW); /* CAP_SYS_CHROOT */
	/* No capability of Docker's default set opens these. */
	assert_int_equal(eval(&p, &env, "keyctl", 0, &ret), SCP_ACT_ERRNO);
	assert_int_equal(ret, 1);
	assert_int_equal(eval(&p, &env, "add_key", 0, &ret), SCP_ACT_ERRNO);
	assert_int_equal(eval(&p, &env, "kexec_load", 0, &ret), SCP_ACT_ERRNO);
	assert_int_equal(eval(&p, &env, "mount", 0, &ret), SCP_ACT_ERRNO);
	assert_int_equal(eval(&p, &env, "unshare", CLONE_NEWUSER, &ret), SCP_ACT_ERRNO);
	/* Arguments decide. */
	assert_int_equal(eval(&p, &env, "clone", CLONE_VM | CLONE_THREAD, &ret), SCP_ACT_ALLOW);
	assert_int_equal(eval(&p, &env, "clone", CLONE_NEWUSER, &ret), SCP_ACT_ERRNO);
	assert_int_equal(eval(&p, &env, "clone", CLONE_NEWNET | CLONE_VM, &ret), SCP_ACT_ERRNO);
	assert_int_equal(eval(&p, &env, "socket", AF_INET, &ret), SCP_ACT_ALLOW);
	assert_int_equal(eval(&p, &env, "socket", AF_VSOCK, &ret), SCP_ACT_ERRNO);
	assert_int_equal(eval(&p, &env, "personality", 0, &ret), SCP_ACT_ALLOW);
	assert_int_equal(eval(&p, &env, "personality", 0xffffffff, &ret), SCP_ACT_ALLOW);
	assert_int_equal(eval(&p, &env, "personality", 0x0040000, &ret), SCP_ACT_ERRNO);
	/* clone3 says ENOSYS, so that glibc falls back to clone. */
	assert_int_equal(eval(&p, &env, "clone3", 0, &ret), SCP_ACT_ERRNO);
	assert_int_equal(ret, 38);

	/* With every capability: the administrators' calls, clone with any flags. */
	assert_int_equal(scp_env_set_caps(&env, "all", &d), 0);
	assert_int_equal(eval(&p, &env, "mount", 0, &ret), SCP_ACT_ALLOW);
	assert_int_equal(eval(&p, &env, "clone", CLONE_NEWUSER, &ret), SCP_ACT_ALLOW);
	assert_int_equal(eval(&p, &env, "clone3", 0, &ret), SCP_ACT_ALLOW);
	assert_int_equal(eval(&p, &env, "kexec_load", 0, &ret), SCP_ACT_ERRNO);
	assert_int_equal(eval(&p, &env, "keyctl", 0, &ret), SCP_ACT_ERRNO);
	diags_free(&d);
	scp_profile_free(&p);
	scp_env_free(&env);
}

/* Written as JSON and read back, the profile decides every syscall the same way. */
static void test_json_round_trip(void **state)
{
	struct scp_profile p, q;
	struct diags d = { .file = "round-trip" };
	struct scp_env env;
	scp_env_default(&env);
	assert_int_equal(scp_load("docker-default", &p, &d), 0);
	char *json = scp_to_json(&p);
	if (scp_parse("round-trip", json, strlen(json), &q, &d) != 0)
		diags_print(&d, stderr, DIAG_ERROR);
	assert_int_equal(d.errors, 0);
	assert_int_equal(q.nrules, p.nrules);
	static const uint64_t firsts[] = { 0, AF_VSOCK, CLONE_NEWUSER, 8, 0xffffffff };
	for (long n = 0; n < SYSCALL_NR_LIMIT; n++) {
		if (!syscall_by_nr(n))
			continue;
		for (size_t i = 0; i < sizeof(firsts) / sizeof(firsts[0]); i++) {
			uint64_t args[6] = { firsts[i] };
			int r1, r2;
			enum scp_action a1 = scp_eval(&p, &env, n, args, &r1);
			enum scp_action a2 = scp_eval(&q, &env, n, args, &r2);
			if (a1 != a2 || r1 != r2)
				fail_msg("%s(%#llx): %d/%d built in, %d/%d read back",
					 syscall_by_nr(n)->name, (unsigned long long)firsts[i], a1,
					 r1, a2, r2);
		}
	}
	free(json);
	diags_free(&d);
	scp_profile_free(&p);
	scp_profile_free(&q);
	scp_env_free(&env);
}

/* A name with a '/' is always a file; a missing name says there is no such profile. */
static void test_names(void **state)
{
	struct scp_profile p;
	struct diags d = { .file = "x" };
	assert_int_equal(scp_load("./docker-default", &p, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(d.v[0].text, "cannot open"));
	scp_profile_free(&p);
	diags_free(&d);
	d = (struct diags){ .file = "x" };
	assert_int_equal(scp_load("docker-defualt", &p, &d), -1);
	assert_non_null(strstr(d.v[0].text, "nor a built-in profile (built in: docker-default)"));
	scp_profile_free(&p);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_loads_checks_compiles),
		cmocka_unit_test(test_decisions),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
