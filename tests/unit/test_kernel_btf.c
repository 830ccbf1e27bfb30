/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A member's offset from BTF by the in-place walk (source/bpf/kernel_btf.c): on BTF built by
 * libbpf with every kind of record before the structure (so each record's size is skipped
 * right), with bitfields (offsets packed with their sizes), and on the running kernel's BTF
 * against libbpf's own parse.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <bpf/btf.h>

#include "source/bpf/kernel_btf.h"

/* Every kind the kernel emits, then struct probe { int a; :3 b; :5 c; long d; }, bitfields
 * making it a kind_flag struct. */
static struct btf *sample_btf(void)
{
	struct btf *b = btf__new_empty();
	int i32 = btf__add_int(b, "int", 4, BTF_INT_SIGNED);
	int i64 = btf__add_int(b, "long", 8, BTF_INT_SIGNED);
	int ptr = btf__add_ptr(b, i32);

	btf__add_array(b, i32, i32, 7);
	btf__add_struct(b, "other", 16);
	btf__add_field(b, "x", i64, 0, 0);
	btf__add_field(b, "pid", i64, 64, 0);
	btf__add_union(b, "u", 8);
	btf__add_field(b, "p", ptr, 0, 0);
	btf__add_enum(b, "e", 4);
	btf__add_enum_value(b, "E1", 1);
	btf__add_enum_value(b, "E2", 2);
	btf__add_enum64(b, "e64", 8, false);
	btf__add_enum64_value(b, "BIG", 1ull << 40);
	btf__add_fwd(b, "fwd", BTF_FWD_STRUCT);
	int td = btf__add_typedef(b, "td", i32);
	btf__add_volatile(b, td);
	btf__add_const(b, td);
	btf__add_restrict(b, ptr);
	btf__add_type_tag(b, "tag", ptr);
	int proto = btf__add_func_proto(b, i32);

	btf__add_func_param(b, "a", i32);
	btf__add_func_param(b, "b", ptr);
	int fn = btf__add_func(b, "f", BTF_FUNC_GLOBAL, proto);

	btf__add_decl_tag(b, "dtag", fn, -1);
	int var = btf__add_var(b, "v", BTF_VAR_GLOBAL_ALLOCATED, i32);

	btf__add_datasec(b, ".data", 4);
	btf__add_datasec_var_info(b, var, 0, 4);
	btf__add_float(b, "double", 8);
	btf__add_struct(b, "probe", 16);
	btf__add_field(b, "a", i32, 0, 0);
	btf__add_field(b, "b", i32, 32, 3);
	btf__add_field(b, "c", i32, 35, 5);
	btf__add_field(b, "d", i64, 64, 0);
	return b;
}

static void test_walk_skips_every_kind(void **state)
{
	struct btf *b = sample_btf();
	uint32_t size;
	const void *raw = btf__raw_data(b, &size);

	assert_non_null(raw);
	assert_int_equal(btf_data_member_offset(raw, size, "other", "pid"), 8);
	assert_int_equal(btf_data_member_offset(raw, size, "probe", "a"), 0);
	assert_int_equal(btf_data_member_offset(raw, size, "probe", "b"), 4);	/* bit 32 */
	assert_int_equal(btf_data_member_offset(raw, size, "probe", "d"), 8);
	/* A union of the name, a missing member, a missing structure. */
	assert_int_equal(btf_data_member_offset(raw, size, "u", "p"), -1);
	assert_int_equal(btf_data_member_offset(raw, size, "probe", "pid"), -1);
	assert_int_equal(btf_data_member_offset(raw, size, "nothere", "a"), -1);
	btf__free(b);
}

/* struct outer { long x; union { int in; long also; }; struct { int deep; } s; }: a member of
 * an anonymous union is found at the union's offset, a named struct's members are not
 * outer's; a batch marks bitfields. */
static void test_walk_enters_anonymous_members(void **state)
{
	struct btf *b = sample_btf();
	int i32 = 1, i64 = 2;
	int un = btf__add_union(b, NULL, 8);

	btf__add_field(b, "in", i32, 0, 0);
	btf__add_field(b, "also", i64, 0, 0);
	int named = btf__add_struct(b, "inner", 4);

	btf__add_field(b, "deep", i32, 0, 0);
	btf__add_struct(b, "outer", 24);
	btf__add_field(b, "x", i64, 0, 0);
	btf__add_field(b, NULL, un, 64, 0);
	btf__add_field(b, "s", named, 128, 0);

	uint32_t size;
	const void *raw = btf__raw_data(b, &size);
	struct btf_member_query q[] = {
		{ "outer", "in", -1, false }, { "outer", "deep", -1, false },
		{ "probe", "c", -1, false }, { "probe", "d", -1, false },
	};

	assert_int_equal(btf_data_member_offset(raw, size, "outer", "also"), 8);
	assert_int_equal(btf_data_member_offsets(raw, size, q, 4), 0);
	assert_int_equal(q[0].off, 8);
	assert_int_equal(q[1].off, -1);
	assert_true(q[2].bitfield);
	assert_int_equal(q[2].off, 4);	/* bit 35 */
	assert_false(q[3].bitfield);
	assert_int_equal(q[3].off, 8);
	btf__free(b);
}

static void test_walk_refuses_what_is_not_btf(void **state)
{
	struct btf *b = sample_btf();
	uint32_t size;
	const char *raw = btf__raw_data(b, &size);
	char junk[64] = "not btf";

	assert_int_equal(btf_data_member_offset(junk, sizeof(junk), "probe", "a"), -2);
	/* Cut inside the types: the header promises more than there is. */
	assert_int_equal(btf_data_member_offset(raw, size / 2, "probe", "a"), -2);
	btf__free(b);
}

/* The kernel's own BTF: the walk and libbpf's parse agree. */
static void test_kernel_btf_matches_libbpf(void **state)
{
	static const char *const q[][2] = {
		{ "task_struct", "pid" }, { "task_struct", "tgid" }, { "task_struct", "comm" },
		{ "sk_buff", "len" },
	};
	char err[256];

	if (access("/sys/kernel/btf/vmlinux", R_OK)) {
		print_message("/sys/kernel/btf/vmlinux is not readable\n");
		skip();
	}
	struct btf *b = btf__load_vmlinux_btf();

	assert_non_null(b);
	for (size_t i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		int id = btf__find_by_name_kind(b, q[i][0], BTF_KIND_STRUCT);
		const struct btf_type *t = btf__type_by_id(b, id);
		const struct btf_member *m = btf_members(t);
		long want = -1;

		for (int j = 0; j < btf_vlen(t); j++)
			if (!strcmp(btf__name_by_offset(b, m[j].name_off), q[i][1]))
				want = btf_member_bit_offset(t, j) / 8;
		assert_true(want >= 0);
		assert_int_equal(kernel_btf_member_offset(q[i][0], q[i][1], err, sizeof(err)),
				 want);
	}
	btf__free(b);
	assert_int_equal(kernel_btf_member_offset("task_struct", "no_such", err, sizeof(err)), -1);
	assert_string_equal(err, "the kernel's BTF has no task_struct.no_such");

	/* in one walk, the same; members of anonymous unions (file.f_path and dentry.d_name in
	 * Linux 6.18) */
	struct btf_member_query batch[] = {
		{ "file", "f_path", -1, false }, { "task_struct", "pid", -1, false },
		{ "dentry", "d_name", -1, false }, { "task_struct", "files", -1, false },
	};

	assert_int_equal(kernel_btf_member_offsets(batch, 4, err, sizeof(err)), 0);
	assert_int_equal(batch[1].off, kernel_btf_member_offset("task_struct", "pid", err,
								 sizeof(err)));
	assert_true(batch[0].off > 0 && batch[2].off > 0 && batch[3].off > 0);
	batch[3].member = "no_such";
	assert_int_equal(kernel_btf_member_offsets(batch, 4, err, sizeof(err)), -1);
	assert_string_equal(err, "the kernel's BTF has no task_struct.no_such");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_skips_every_kind),
		cmocka_unit_test(test_walk_refuses_what_is_not_btf),
		cmocka_unit_test(test_walk_enters_anonymous_members),
		cmocka_unit_test(test_kernel_btf_matches_libbpf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
