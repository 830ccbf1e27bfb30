/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The eBPF line mode's memory plans (trace/ebpf_plan.c): built from the syscall table's
 * argument kinds, then ebpf_plan.def's exceptions and rules; rules are found by syscall and
 * command value, a syscall's command argument says which value, and no set holds more rules
 * than the kernel program walks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <linux/bpf.h>
#include <linux/loop.h>

#include "schema/syscall_nr.h"
#include "trace/ebpf_plan.h"

static struct ebpf_plans plans;
/* -e abbrev=all, strace's default */
static struct sc_set abbrev_all;

static const struct tl_rules *rules_of(long nr, uint64_t cmd)
{
	for (unsigned i = 0; i < plans.nrules; i++)
		if (plans.rule_key[i].nr == nr && plans.rule_key[i].cmd == cmd)
			return &plans.rules[i];
	return NULL;
}

static void test_kinds_and_exceptions(void **state)
{
	(void)state;
	ebpf_plan_build(&plans, 32, &abbrev_all);
	/* delete_module's name is a string of the table: -s and one more, and a byte for the
	 * kernel's cut */
	assert_int_equal(plans.syscall[NR_delete_module].arg[0].how, TLM_STR);
	assert_int_equal(plans.syscall[NR_delete_module].arg[0].size, 34);
	/* init_module's image is an address only */
	assert_int_equal(plans.syscall[NR_init_module].arg[0].how, TLM_NONE);
	assert_int_equal(plans.syscall[NR_init_module].arg[2].how, TLM_STR);
	assert_int_equal(plans.syscall[NR_ioctl].arg[2].how, TLM_IOC);
	assert_int_equal(plans.syscall[NR_ioctl].arg[2].len_arg, 1);
	assert_int_equal(plans.syscall[NR_io_submit].arg[2].how, TLM_PTRVEC);
	/* the environment: counted, or with -v (abbrev=none) copied as argv is */
	assert_int_equal(plans.syscall[NR_execve].arg[2].how, TLM_PTRS);

	struct sc_set none = { 0 };

	ebpf_plan_build(&plans, 32, &none);
	assert_int_equal(plans.syscall[NR_execve].arg[2].how, TLM_VEC);
	assert_int_equal(plans.syscall[NR_execve].arg[1].how, TLM_VEC);
}

static void test_rules_by_command(void **state)
{
	(void)state;
	ebpf_plan_build(&plans, 32, &abbrev_all);
	assert_true(plans.syscall[NR_bpf].has_rules);
	assert_int_equal(plans.syscall[NR_bpf].cmd_arg, 0);
	assert_int_equal(plans.syscall[NR_ioctl].cmd_arg, 1);
	assert_false(plans.syscall[NR_read].has_rules);

	const struct tl_rules *r = rules_of(NR_bpf, BPF_OBJ_GET);

	assert_non_null(r);
	assert_int_equal(r->rule[0].how, TLM_STR);
	assert_int_equal(r->rule[0].base, 1);
	assert_int_equal(r->rule[0].deref, 1);
	assert_int_equal(r->rule[0].at, offsetof(union bpf_attr, pathname));
	assert_int_equal(r->rule[1].how, TLM_NONE);

	/* two rules of one command in one set; bytes 0 is the string limit's */
	r = rules_of(NR_bpf, BPF_PROG_LOAD);
	assert_non_null(r);
	assert_int_equal(r->rule[0].at, offsetof(union bpf_attr, license));
	assert_int_equal(r->rule[1].at, offsetof(union bpf_attr, log_buf));
	assert_int_equal(r->rule[1].size, 34);

	r = rules_of(NR_ioctl, LOOP_CONFIGURE);
	assert_non_null(r);
	assert_int_equal(r->rule[0].size, sizeof(struct loop_config));
	assert_null(rules_of(NR_ioctl, 0));
}

/* rt_sigreturn's mask, at the stack pointer: uc_sigmask's offset in the x86_64 ucontext. */
static void test_sigreturn_mask_on_stack(void **state)
{
	(void)state;
	ebpf_plan_build(&plans, 32, &abbrev_all);
	assert_int_equal(plans.syscall[NR_rt_sigreturn].cmd_arg, TL_CMD_NONE);

	const struct tl_rules *r = rules_of(NR_rt_sigreturn, 0);

	assert_non_null(r);
	assert_int_equal(r->rule[0].base, TL_BASE_SP);
	assert_int_equal(r->rule[0].at, 296);
	assert_int_equal(r->rule[0].size, 8);
	assert_int_equal(r->rule[0].when, TLW_ENTRY);
}

/* Every rule set has a rule, on a syscall that looks its rules up, and its rules' bases are
 * arguments of the syscall or the stack. */
static void test_rule_sets_are_sound(void **state)
{
	(void)state;
	ebpf_plan_build(&plans, 32, &abbrev_all);
	assert_true(plans.nrules > 0);
	for (unsigned i = 0; i < plans.nrules; i++) {
		uint32_t nr = plans.rule_key[i].nr;

		assert_true(nr < TC_MAX_SYSCALLS);
		assert_true(plans.syscall[nr].has_rules);
		assert_int_not_equal(plans.rules[i].rule[0].how, TLM_NONE);
		if (plans.syscall[nr].cmd_arg == TL_CMD_NONE)
			assert_int_equal(plans.rule_key[i].cmd, 0);
		for (int j = 0; j < TL_RULES && plans.rules[i].rule[j].how; j++) {
			const struct tl_rule *r = &plans.rules[i].rule[j];

			assert_true(r->base < 6 || r->base == TL_BASE_SP || r->base == TL_BASE_ELEM);
			/* each struct of a pointer array: a syscall that copies one */
			if (r->base == TL_BASE_ELEM) {
				bool vec = false;

				for (int a = 0; a < 6; a++)
					vec |= plans.syscall[nr].arg[a].how == TLM_PTRVEC;
				assert_true(vec);
			}
			assert_true(r->size > 0 && r->size <= TL_EVENT_ROOM);
			assert_true(r->how == TLM_FIXED || r->size <= TL_CHUNK_MAX);
			assert_true(r->how == TLM_STR || r->how == TLM_FIXED);
			assert_true(r->len_size == 0 || r->len_size == 1 || r->len_size == 2 ||
				    r->len_size == 4 || r->len_size == 8);
		}
	}
}

/* -e write=/-e read=: the dumps' buffers whole up to an event's room, each side on its own. */
static void test_whole_io(void **state)
{
	(void)state;
	ebpf_plan_build(&plans, 32, &abbrev_all);
	ebpf_plan_whole_io(plans.syscall, true, false);
	assert_int_equal(plans.syscall[NR_write].arg[1].how, TLM_ARG);
	assert_int_equal(plans.syscall[NR_write].arg[1].len_arg, 2);
	assert_int_equal(plans.syscall[NR_write].arg[1].size, TL_CHUNK_MAX);
	assert_int_equal(plans.syscall[NR_vmsplice].arg[1].how, TLM_IOV);
	assert_int_equal(plans.syscall[NR_vmsplice].arg[1].size, TL_EVENT_ROOM);
	/* reads keep the -s plan: 32 and one more, and a byte for the kernel's cut */
	assert_int_equal(plans.syscall[NR_read].arg[1].how, TLM_RET);
	assert_int_equal(plans.syscall[NR_read].arg[1].size, 34);

	ebpf_plan_whole_io(plans.syscall, false, true);
	assert_int_equal(plans.syscall[NR_read].arg[1].size, TL_CHUNK_MAX);
	assert_int_equal(plans.syscall[NR_preadv2].arg[1].how, TLM_IOV);
	assert_int_equal(plans.syscall[NR_preadv2].arg[1].when, TLW_EXIT);
	assert_int_equal(plans.syscall[NR_mq_timedreceive].arg[1].how, TLM_RET);
	assert_int_equal(plans.syscall[NR_recvmsg].arg[1].size, TL_EVENT_ROOM);
}

int main(void)
{
	memset(&abbrev_all, 0xff, sizeof(abbrev_all));
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds_and_exceptions),
		cmocka_unit_test(test_rules_by_command),
		cmocka_unit_test(test_sigreturn_mask_on_stack),
		cmocka_unit_test(test_rule_sets_are_sound),
		cmocka_unit_test(test_whole_io),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
