/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The top UI's sparklines: a row's values scaled to its largest into the 8 block characters,
 * blanks before the first sample, the oldest value dropped past SPARK_N, a row missing from a
 * sample forgotten, a reset forgetting everything, and many rows (the table grows).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "output/out.h"
#include "tui/sparkline.h"

/* KEY's sparkline as text. */
static char *render(const struct spark_hist *h, const char *key)
{
	static struct out o;

	o.len = 0;
	spark_render(h, key, &o);
	out_putc(&o, 0);
	return o.buf;
}

static void test_scaled_blocks(void **state)
{
	struct spark_hist *h = spark_new();
	const double v[] = { 0, 1, 4, 8 };

	for (size_t i = 0; i < 4; i++) {
		spark_add(h, "a", v[i]);
		spark_end_sample(h);
	}
	/* 12 blanks, then 0 -> lowest, 1/8 -> level 1, 4/8 -> level 4 (of 0..7), 8/8 -> full */
	assert_string_equal(render(h, "a"), "            \u2581\u2582\u2585\u2588");
	assert_string_equal(render(h, "never"), "                ");
	spark_free(h);
}

static void test_window_and_forgetting(void **state)
{
	struct spark_hist *h = spark_new();

	for (int i = 0; i < SPARK_N + 4; i++) {
		spark_add(h, "a", i < 4 ? 100 : 1);	/* the 100s fall out of the window */
		spark_add(h, "b", 1);
		spark_end_sample(h);
	}
	char want[SPARK_N * 3 + 1] = "";

	for (int i = 0; i < SPARK_N; i++)
		strcat(want, "\u2588");
	assert_string_equal(render(h, "a"), want);
	/* b missing from a sample: its history goes */
	spark_add(h, "a", 1);
	spark_end_sample(h);
	assert_string_equal(render(h, "b"), "                ");
	spark_reset(h);
	assert_string_equal(render(h, "a"), "                ");
	spark_free(h);
}

static void test_many_rows(void **state)
{
	struct spark_hist *h = spark_new();
	char key[32];

	for (int s = 0; s < 2; s++) {
		for (int i = 0; i < 5000; i++) {
			snprintf(key, sizeof(key), "row%d", i);
			spark_add(h, key, i % 2 ? 2 : 0);
		}
		spark_end_sample(h);
	}
	assert_string_equal(render(h, "row4999"), "              \u2588\u2588");
	assert_string_equal(render(h, "row0"), "              \u2581\u2581");
	spark_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scaled_blocks),
		cmocka_unit_test(test_window_and_forgetting),
		cmocka_unit_test(test_many_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
