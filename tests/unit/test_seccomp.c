/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Seccomp profiles: parsing Docker/OCI JSON with the JSON path of every problem, the
 * checker's findings, includes/excludes, argument conditions as runc combines them, the
 * JSON writer, and compiling through libseccomp.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "schema/syscalls.h"
#include "seccomp/seccomp.h"

static int parse(const char *json, struct scp_profile *p, struct diags *d)
{
	d->file = "t.json";
	return scp_parse("t.json", json, strlen(json), p, d);
}

/* Is there a diagnostic of LEVEL at WHERE whose text contains TEXT? */
static bool has(const struct diags *d, enum diag_level level, const char *where, const char *text)
{
	for (int i = 0; i < d->n; i++)
		if (d->v[i].level == level && !strcmp(d->v[i].where, where) &&
		    strstr(d->v[i].text, text))
			return true;
	return false;
}

static void dump(const struct diags *d)
{
	diags_print(d, stderr, DIAG_NOTE);
}

static void test_parse_seed_whitelist(void **state)
{
	struct scp_profile p;
	struct diags d = { 0 };
	assert_int_equal(parse("{ \"defaultAction\": \"SCMP_ACT_ERRNO\",\n"
			       "  \"architectures\": [\"SCMP_ARCH_X86_64\"],\n"
			       "  \"syscalls\": [ { \"names\": [\"read\", \"write\", \"exit\"],\n"
			       "                  \"action\": \"SCMP_ACT_ALLOW\" } ] }",
			       &p, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(p.default_action, SCP_ACT_ERRNO);
	assert_int_equal(p.default_errno_ret, -1);
	assert_int_equal(p.narches, 1);
	assert_int_equal(p.arches[0], SCMP_ARCH_X86_64);
	assert_int_equal(p.nrules, 1);
	assert_int_equal(p.rules[0].nnames, 3);
	assert_string_equal(p.rules[0].names[2].name, "exit");
	assert_string_equal(p.rules[0].names[2].path, "syscalls[0].names[2]");
	assert_int_equal(p.rules[0].action, SCP_ACT_ALLOW);

	struct scp_env env;
	scp_env_default(&env);
	uint64_t args[6] = { 0 };
	int ret;
	assert_int_equal(scp_eval(&p, &env, 0, args, &ret), SCP_ACT_ALLOW);	/* read */
	assert_int_equal(scp_eval(&p, &env, 59, args, &ret), SCP_ACT_ERRNO);	/* execve */
	assert_int_equal(scp_action_value(SCP_ACT_ERRNO, ret), SCMP_ACT_ERRNO(1));
	/* The checker says the command cannot even start. */
	scp_check(&p, &env, &d);
	assert_true(has(&d, DIAG_WARNING, "", "execve is not allowed"));
	diags_free(&d);
	scp_env_free(&env);
	scp_profile_free(&p);
}

static void test_syntax_error_position(void **state)
{
	struct scp_profile p;
	struct diags d = { 0 };
	assert_int_equal(parse("{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\",\n  \"syscalls\": [ x ]\n}",
			       &p, &d), -1);
	if (!has(&d, DIAG_ERROR, "line 3, column 17", "JSON syntax error"))
		dump(&d);
	assert_true(has(&d, DIAG_ERROR, "line 3, column 17", "JSON syntax error"));
	diags_free(&d);
	scp_profile_free(&p);

	assert_int_equal(parse("{ \"defaultAction\": \"SCMP_ACT_ALLOW\"", &p, &d), -1);
	assert_true(has(&d, DIAG_ERROR, "line 1, column 36", "unexpected end of the file"));
	diags_free(&d);
	scp_profile_free(&p);

	assert_int_equal(parse("{ \"defaultAction\": \"SCMP_ACT_ALLOW\" } }", &p, &d), -1);
	if (!has(&d, DIAG_ERROR, "line 1, column 39", "JSON syntax error"))
		dump(&d);
	assert_true(has(&d, DIAG_ERROR, "line 1, column 39", "JSON syntax error"));
	diags_free(&d);
	scp_profile_free(&p);

	/* Strict JSON, as Docker's Go decoder reads it: no trailing comma. */
	assert_int_equal(parse("{ \"defaultAction\": \"SCMP_ACT_ALLOW\",\n}", &p, &d), -1);
	if (!has(&d, DIAG_ERROR, "line 2, column 1", "JSON syntax error"))
		dump(&d);
	assert_true(has(&d, DIAG_ERROR, "line 2, column 1", "JSON syntax error"));
	diags_free(&d);
	scp_profile_free(&p);
}

static void test_semantic_errors_name_their_path(void **state)
{
	struct scp_profile p;
	struct diags d = { 0 };
	parse("{ \"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 1,\n"
	      "  \"architectures\": [\"SCMP_ARCH_X86_64\", \"SCMP_ARCH_PDP11\"],\n"
	      "  \"colour\": 1,\n"
	      "  \"syscalls\": [\n"
	      "    { \"names\": [\"read\", \"opnat\"], \"action\": \"SCMP_ACT_ALLOW\" },\n"
	      "    { \"names\": [\"read\"], \"action\": \"SCMP_ACT_KILL\" },\n"
	      "    { \"names\": [\"write\"], \"action\": \"SCMP_ACT_NOPE\" },\n"
	      "    { \"names\": [\"personality\"], \"action\": \"SCMP_ACT_ALLOW\",\n"
	      "      \"args\": [ { \"index\": 9, \"value\": 0, \"op\": \"SCMP_CMP_EQ\" },\n"
	      "                { \"index\": 0, \"value\": 1, \"op\": \"EQ\" },\n"
	      "                { \"index\": 0, \"value\": 1.5, \"op\": \"SCMP_CMP_EQ\" } ] },\n"
	      "    { \"names\": [\"mount\"], \"action\": \"SCMP_ACT_ALLOW\",\n"
	      "      \"includes\": { \"minKernel\": \"four\" } }\n"
	      "  ] }", &p, &d);
	struct scp_env env;
	scp_env_default(&env);
	scp_check(&p, &env, &d);
	assert_true(has(&d, DIAG_ERROR, "architectures[1]", "unknown architecture 'SCMP_ARCH_PDP11'"));
	assert_true(has(&d, DIAG_WARNING, "colour", "unknown key"));
	assert_true(has(&d, DIAG_ERROR, "syscalls[0].names[1]",
			"unknown syscall 'opnat'; did you mean 'openat'?"));
	assert_true(has(&d, DIAG_ERROR, "syscalls[1].names[0]",
			"contradiction: 'read' is denied here but allowed at syscalls[0].names[0]"));
	assert_true(has(&d, DIAG_ERROR, "syscalls[2].action", "unknown action 'SCMP_ACT_NOPE'"));
	assert_true(has(&d, DIAG_ERROR, "syscalls[3].args[0].index", "out of range (at most 5)"));
	assert_true(has(&d, DIAG_ERROR, "syscalls[3].args[1].op", "unknown operator 'EQ'"));
	assert_true(has(&d, DIAG_ERROR, "syscalls[3].args[2].value",
			"must be a non-negative integer, not a number with a fraction"));
	assert_true(has(&d, DIAG_ERROR, "syscalls[4].includes.minKernel",
			"'four' is not a kernel version"));
	diags_free(&d);
	scp_env_free(&env);
	scp_profile_free(&p);
}

static void test_suggestions(void **state)
{
	assert_string_equal(scp_suggest_syscall("mkdri"), "mkdir");
	assert_string_equal(scp_suggest_syscall("exit_grop"), "exit_group");
	assert_string_equal(scp_suggest_syscall("getdnets64"), "getdents64");
	assert_null(scp_suggest_syscall("completely_unrelated_words"));
	/* Names of other architectures resolve to libseccomp's pseudo numbers. */
	assert_int_equal(scp_syscall_nr("mkdir"), 83);
	assert_true(scp_syscall_nr("socketcall") < -1);
	assert_int_equal(scp_syscall_nr("mkdri"), -1);
}

static const char docker_like[] =
	"{ \"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 1,\n"
	"  \"archMap\": [ { \"architecture\": \"SCMP_ARCH_AARCH64\",\n"
	"                 \"subArchitectures\": [\"SCMP_ARCH_ARM\"] },\n"
	"               { \"architecture\": \"SCMP_ARCH_X86_64\",\n"
	"                 \"subArchitectures\": [\"SCMP_ARCH_X86\", \"SCMP_ARCH_X32\"] } ],\n"
	"  \"syscalls\": [\n"
	"    { \"names\": [\"read\", \"write\", \"execve\", \"exit_group\", \"socketcall\"],\n"
	"      \"action\": \"SCMP_ACT_ALLOW\" },\n"
	"    { \"names\": [\"mount\"], \"action\": \"SCMP_ACT_ALLOW\",\n"
	"      \"includes\": { \"caps\": [\"CAP_SYS_ADMIN\"] } },\n"
	"    { \"names\": [\"arch_prctl\"], \"action\": \"SCMP_ACT_ALLOW\",\n"
	"      \"includes\": { \"arches\": [\"amd64\", \"x32\"] } },\n"
	"    { \"names\": [\"s390_runtime_instr\"], \"action\": \"SCMP_ACT_ALLOW\",\n"
	"      \"includes\": { \"arches\": [\"s390x\"] } },\n"
	"    { \"names\": [\"ptrace\"], \"action\": \"SCMP_ACT_ALLOW\",\n"
	"      \"includes\": { \"minKernel\": \"4.8\" } },\n"
	"    { \"names\": [\"clone\"], \"action\": \"SCMP_ACT_ALLOW\",\n"
	"      \"args\": [ { \"index\": 0, \"value\": 2114060288, \"op\": \"SCMP_CMP_MASKED_EQ\" } ],\n"
	"      \"excludes\": { \"caps\": [\"CAP_SYS_ADMIN\"] } },\n"
	"    { \"names\": [\"clone3\"], \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": 38,\n"
	"      \"excludes\": { \"caps\": [\"CAP_SYS_ADMIN\"] } },\n"
	"    { \"names\": [\"personality\"], \"action\": \"SCMP_ACT_ALLOW\",\n"
	"      \"args\": [ { \"index\": 0, \"value\": 0, \"op\": \"SCMP_CMP_EQ\" },\n"
	"                { \"index\": 0, \"value\": 8, \"op\": \"SCMP_CMP_EQ\" } ] },\n"
	"    { \"names\": [\"socket\"], \"action\": \"SCMP_ACT_ALLOW\",\n"
	"      \"args\": [ { \"index\": 0, \"value\": 2, \"op\": \"SCMP_CMP_EQ\" },\n"
	"                { \"index\": 1, \"value\": 1, \"op\": \"SCMP_CMP_EQ\" } ] }\n"
	"  ] }";

static void test_docker_features(void **state)
{
	struct scp_profile p;
	struct diags d = { 0 };
	assert_int_equal(parse(docker_like, &p, &d), 0);
	struct scp_env env;
	scp_env_default(&env);
	env.kernel[0] = 4;
	env.kernel[1] = 4;
	assert_int_equal(scp_check(&p, &env, &d), 0);
	/* archMap: the native entry and its sub-architectures, nothing else. */
	assert_int_equal(p.narches, 3);
	assert_true(p.from_arch_map);
	assert_int_equal(p.arches[0], SCMP_ARCH_X86_64);
	assert_int_equal(p.arches[1], SCMP_ARCH_X86);
	assert_int_equal(p.arches[2], SCMP_ARCH_X32);

	uint64_t a[6] = { 0 };
	int ret;
	assert_int_equal(scp_eval(&p, &env, 165, a, &ret), SCP_ACT_ERRNO);	/* mount */
	assert_int_equal(scp_eval(&p, &env, 158, a, &ret), SCP_ACT_ALLOW);	/* arch_prctl */
	assert_int_equal(scp_eval(&p, &env, 101, a, &ret), SCP_ACT_ERRNO);	/* ptrace, 4.4 */
	env.kernel[0] = 6;
	assert_int_equal(scp_eval(&p, &env, 101, a, &ret), SCP_ACT_ALLOW);	/* ptrace, 6.4 */
	a[0] = 0x11;	/* SIGCHLD: fork */
	assert_int_equal(scp_eval(&p, &env, 56, a, &ret), SCP_ACT_ALLOW);
	a[0] = 0x20000 | 0x11;	/* CLONE_NEWNS */
	assert_int_equal(scp_eval(&p, &env, 56, a, &ret), SCP_ACT_ERRNO);
	assert_int_equal(scp_eval(&p, &env, 435, a, &ret), SCP_ACT_ERRNO);	/* clone3 */
	assert_int_equal(ret, 38);
	/* Two conditions on one argument: runc ORs them. */
	a[0] = 8;
	assert_int_equal(scp_eval(&p, &env, 135, a, &ret), SCP_ACT_ALLOW);
	a[0] = 9;
	assert_int_equal(scp_eval(&p, &env, 135, a, &ret), SCP_ACT_ERRNO);
	/* Conditions on distinct arguments: ANDed. */
	a[0] = 2;
	a[1] = 1;
	assert_int_equal(scp_eval(&p, &env, 41, a, &ret), SCP_ACT_ALLOW);
	a[1] = 2;
	assert_int_equal(scp_eval(&p, &env, 41, a, &ret), SCP_ACT_ERRNO);

	/* With CAP_SYS_ADMIN the includes take effect and the excludes drop out. */
	assert_int_equal(scp_env_set_caps(&env, "sys_admin", &d), 0);
	assert_int_equal(scp_eval(&p, &env, 165, a, &ret), SCP_ACT_ALLOW);
	a[0] = 0x20000;
	assert_int_equal(scp_eval(&p, &env, 56, a, &ret), SCP_ACT_ERRNO);	/* no rule left */
	assert_int_equal(scp_eval(&p, &env, 435, a, &ret), SCP_ACT_ERRNO);
	assert_int_equal(ret, 1);	/* the default's errno now */
	assert_int_equal(scp_env_set_caps(&env, "CAP_NOT_A_CAP", &d), -1);

	/* It compiles, for every architecture of the profile. */
	scp_env_set_caps(&env, "default", &d);
	diags_free(&d);
	scmp_filter_ctx ctx = scp_compile(&p, &env, SCP_MODE_ENFORCE, &d);
	if (!ctx)
		dump(&d);
	assert_non_null(ctx);
	assert_true(seccomp_arch_exist(ctx, SCMP_ARCH_X86) == 0);
	assert_true(seccomp_arch_exist(ctx, SCMP_ARCH_X32) == 0);
	assert_true(seccomp_arch_exist(ctx, SCMP_ARCH_AARCH64) != 0);
	assert_true(scp_bpf_length(ctx) > 20);
	seccomp_release(ctx);
	diags_free(&d);
	scp_env_free(&env);
	scp_profile_free(&p);
}

static void test_duplicates_and_redundant(void **state)
{
	struct scp_profile p;
	struct diags d = { 0 };
	parse("{ \"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [\n"
	      "  { \"names\": [\"read\", \"read\"], \"action\": \"SCMP_ACT_ALLOW\" },\n"
	      "  { \"name\": \"write\", \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": 1 } ] }",
	      &p, &d);
	struct scp_env env;
	scp_env_default(&env);
	assert_int_equal(scp_check(&p, &env, &d), 0);
	assert_true(has(&d, DIAG_WARNING, "syscalls[0].names[1]",
			"duplicate: 'read' is already allowed at syscalls[0].names[0]"));
	assert_true(has(&d, DIAG_NOTE, "syscalls[1]", "also the default action"));
	assert_string_equal(p.rules[1].names[0].path, "syscalls[1].name");
	/* libseccomp refuses a rule equal to the default: compiling leaves it out. */
	struct diags d2 = { 0 };
	scmp_filter_ctx ctx = scp_compile(&p, &env, SCP_MODE_ENFORCE, &d2);
	assert_non_null(ctx);
	assert_int_equal(d2.errors, 0);
	seccomp_release(ctx);
	diags_free(&d);
	scp_env_free(&env);
	scp_profile_free(&p);
}

/* What record writes parses back to the same profile. */
static void test_write_round_trip(void **state)
{
	struct scp_profile p;
	scp_profile_init(&p, SCP_ACT_ERRNO);
	struct scp_rule *r = scp_add_rule(&p, SCP_ACT_ALLOW);
	scp_rule_add_name(r, "write");
	scp_rule_add_name(r, "execve");
	scp_rule_add_name(r, "read");
	r = scp_add_rule(&p, SCP_ACT_ALLOW);
	scp_rule_add_name(r, "personality");
	r->conds = calloc(1, sizeof(*r->conds));
	r->conds[0] = (struct scp_cond){ 0, SCMP_CMP_MASKED_EQ, 0xffffffff00000000ull, 0 };
	r->nconds = 1;
	char *json = scp_to_json(&p);
	assert_non_null(strstr(json, "\"defaultAction\": \"SCMP_ACT_ERRNO\""));
	assert_non_null(strstr(json, "\"defaultErrnoRet\": 1"));
	assert_non_null(strstr(json, "\"SCMP_ARCH_X86_64\""));
	assert_non_null(strstr(json, "\"SCMP_ARCH_X32\""));

	struct scp_profile q;
	struct diags d = { 0 };
	assert_int_equal(parse(json, &q, &d), 0);
	assert_int_equal(q.narches, 3);
	assert_int_equal(q.nrules, 2);
	/* Names come out sorted. */
	assert_string_equal(q.rules[0].names[0].name, "execve");
	assert_string_equal(q.rules[0].names[1].name, "read");
	assert_string_equal(q.rules[0].names[2].name, "write");
	assert_int_equal(q.rules[1].nconds, 1);
	assert_int_equal(q.rules[1].conds[0].op, SCMP_CMP_MASKED_EQ);
	assert_true(q.rules[1].conds[0].value == 0xffffffff00000000ull);
	free(json);
	diags_free(&d);
	scp_profile_free(&q);
	scp_profile_free(&p);
}

/* Report mode turns denials into TRACE, log mode into LOG; allows stay allows. */
static void test_modes(void **state)
{
	struct scp_profile p;
	struct diags d = { 0 };
	parse("{ \"defaultAction\": \"SCMP_ACT_KILL_PROCESS\", \"syscalls\": [\n"
	      "  { \"names\": [\"read\"], \"action\": \"SCMP_ACT_ALLOW\" },\n"
	      "  { \"names\": [\"mkdir\"], \"action\": \"SCMP_ACT_ERRNO\" } ] }", &p, &d);
	struct scp_env env;
	scp_env_default(&env);
	for (int m = SCP_MODE_ENFORCE; m <= SCP_MODE_REPORT; m++) {
		scmp_filter_ctx ctx = scp_compile(&p, &env, (enum scp_mode)m, &d);
		assert_non_null(ctx);
		uint32_t dflt;
		assert_int_equal(seccomp_attr_get(ctx, SCMP_FLTATR_ACT_DEFAULT, &dflt), 0);
		uint32_t want = m == SCP_MODE_ENFORCE ? SCMP_ACT_KILL_PROCESS :
				m == SCP_MODE_LOG ? SCMP_ACT_LOG : SCMP_ACT_TRACE(0);
		assert_int_equal(dflt, want);
		seccomp_release(ctx);
	}
	assert_int_equal(d.errors, 0);
	diags_free(&d);
	scp_env_free(&env);
	scp_profile_free(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_seed_whitelist),
		cmocka_unit_test(test_syntax_error_position),
		cmocka_unit_test(test_semantic_errors_name_their_path),
		cmocka_unit_test(test_suggestions),
		cmocka_unit_test(test_docker_features),
		cmocka_unit_test(test_duplicates_and_redundant),
		cmocka_unit_test(test_write_round_trip),
		cmocka_unit_test(test_modes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
