/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The table-driven dedicated events (source/param_recipes.c): every parameter of every event
 * the table sends has a recipe (a row naming a parameter the event table does not have would
 * leave it empty), exits start with the result, and the PPM renumberings the recipes use
 * (schema/ppm_flags.h) give libs' values for the kernel's constants.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <poll.h>

#include "capture/event_table.h"
#include "schema/ppm_flags.h"
#include "schema/syscalls.h"
#include "source/param_recipes.h"

static struct sr_syscall_recipes table[SR_MAX_SYSCALLS];

static void test_every_parameter_has_a_recipe(void **state)
{
	unsigned events = 0;

	(void)state;
	param_recipes_build(table);
	for (unsigned nr = 0; nr < SR_MAX_SYSCALLS; nr++) {
		const struct sr_syscall_recipes *s = &table[nr];

		if (!s->event)
			continue;
		events++;
		assert_true(s->event < SCAP_EVENT_MAX_029);
		assert_true(scap_event_is_enter(s->event));
		for (unsigned exit = 0; exit < 2; exit++) {
			const struct scap_event_info *info = scap_event_info(s->event + exit);

			assert_non_null(info);
			assert_int_equal(s->nparams[exit], info->nparams);
			for (unsigned i = 0; i < s->nparams[exit]; i++)
				if (s->p[exit][i].kind == SR_V_NONE)
					fail_msg("%s: %s parameter %s has no recipe",
						 syscall_by_nr(nr)->name, exit ? "exit" : "enter",
						 info->params[i].name);
		}
		assert_true(s->nparams[1] == 0 || s->p[1][0].kind != SR_V_NONE);
	}
	assert_true(events >= 40);
	/* a few by hand: poll's fds, the enter's events and the exit's revents */
	const struct sr_syscall_recipes *poll_r = &table[syscall_nr_by_name("poll")];

	assert_int_equal(poll_r->event, PPME_SYSCALL_POLL_E);
	assert_int_equal(poll_r->p[0][0].kind, SR_V_FDS_IN);
	assert_int_equal(poll_r->p[1][0].kind, SR_V_RET);
	assert_int_equal(poll_r->p[1][1].kind, SR_V_FDS_OUT);
	assert_int_equal(table[syscall_nr_by_name("geteuid")].p[1][0].kind, SR_V_RET_U32);
	/* syscalls with encoders of their own are not in the table */
	assert_int_equal(table[syscall_nr_by_name("openat")].event, 0);
	assert_int_equal(table[syscall_nr_by_name("getpid")].event, 0);
}

static void test_renumberings(void **state)
{
	(void)state;
	assert_int_equal(ppm_futex_op(FUTEX_WAKE | FUTEX_PRIVATE_FLAG), 129);
	assert_int_equal(ppm_futex_op(FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME), 9 | 256);
	assert_int_equal(ppm_futex_op(13), 0);
	assert_int_equal(ppm_fcntl_cmd(F_DUPFD), 1);
	assert_int_equal(ppm_fcntl_cmd(F_GETFL), 4);
	assert_int_equal(ppm_fcntl_cmd(F_SETLKW), 9);
	assert_int_equal(ppm_fcntl_cmd(F_DUPFD_CLOEXEC), 21);
	assert_int_equal(ppm_fcntl_cmd(F_OFD_SETLKW), 27);
	assert_int_equal(ppm_fcntl_cmd(12345), 0);
	assert_int_equal(ppm_poll_events(POLLIN | POLLPRI | POLLOUT), 7);
	assert_int_equal(ppm_poll_events(POLLRDHUP), 0x8);
	assert_int_equal(ppm_poll_events(POLLERR), 0x10);
	assert_int_equal(ppm_poll_events(POLLHUP), 0x20);
	assert_int_equal(ppm_poll_events(POLLNVAL), 0x40);
	assert_int_equal(ppm_poll_events(POLLOUT | POLLWRNORM), 0x204);
	assert_int_equal(ppm_poll_events(POLLWRBAND), 0x400);
	assert_int_equal(ppm_mount_flags(0xc0ed0000u | 1), 1);
	assert_int_equal(ppm_mount_flags(1 << 20), 1 << 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_parameter_has_a_recipe),
		cmocka_unit_test(test_renumberings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
