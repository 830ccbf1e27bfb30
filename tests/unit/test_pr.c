/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The print primitives against strace 6.1's text: string quoting (octal escapes, -x, -xx,
 * ellipsis), flags and constants (-X raw/verbose), separators in nested structs and arrays.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "output/pr.h"

struct fixture {
	struct out o;
	struct pr p;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	pr_reset(&f->p, &f->o);
	f->p.xlat_style = PR_XLAT_ABBREV;
	f->p.str_style = PR_STR_ESCAPE;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	out_free(&f->o);
	free(f);
	return 0;
}

/* The text printed so far, NUL-terminated, and the printer ready for the next case. */
static const char *text(struct fixture *f)
{
	out_putc(&f->o, '\0');
	f->o.len--;
	return f->o.buf;
}

static void restart(struct fixture *f)
{
	f->o.len = 0;
	pr_reset(&f->p, &f->o);
}

#define EXPECT(f, want) do { \
	assert_string_equal(text(f), want); \
	restart(f); \
} while (0)

static void quote(struct fixture *f, const char *buf, size_t n, unsigned flags)
{
	pr_quoted(&f->p, buf, n, flags);
}

#define QUOTE_LIT(f, lit, flags) quote(f, lit, sizeof(lit) - 1, flags)

static void test_quote_plain(void **state)
{
	struct fixture *f = *state;
	QUOTE_LIT(f, "hello world", 0);
	EXPECT(f, "\"hello world\"");
	QUOTE_LIT(f, "", 0);
	EXPECT(f, "\"\"");
	QUOTE_LIT(f, "~ !#$%&'()*+,-./", 0);
	EXPECT(f, "\"~ !#$%&'()*+,-./\"");
}

static void test_quote_c_escapes(void **state)
{
	struct fixture *f = *state;
	QUOTE_LIT(f, "a\"b\\c", 0);
	EXPECT(f, "\"a\\\"b\\\\c\"");
	QUOTE_LIT(f, "\t\n\v\f\r", 0);
	EXPECT(f, "\"\\t\\n\\v\\f\\r\"");
	/* \a, \b and \e are not C escapes in strace: octal. */
	QUOTE_LIT(f, "\a\b\033", 0);
	EXPECT(f, "\"\\7\\10\\33\"");
}

/* Octal in the fewest digits, all three when an octal digit follows. */
static void test_quote_octal(void **state)
{
	struct fixture *f = *state;
	QUOTE_LIT(f, "hello\n\t\1\377 world", 0);
	EXPECT(f, "\"hello\\n\\t\\1\\377 world\"");
	QUOTE_LIT(f, "\0" "1", 0);
	EXPECT(f, "\"\\0001\"");
	QUOTE_LIT(f, "\0" "7", 0);
	EXPECT(f, "\"\\0007\"");
	QUOTE_LIT(f, "\0" "8", 0);
	EXPECT(f, "\"\\08\"");
	QUOTE_LIT(f, "\1" "9a", 0);
	EXPECT(f, "\"\\19a\"");
	QUOTE_LIT(f, "\033" "5", 0);
	EXPECT(f, "\"\\0335\"");
	QUOTE_LIT(f, "\033[", 0);
	EXPECT(f, "\"\\33[\"");
	QUOTE_LIT(f, "\177ELF\2\1\1\0\0", 0);
	EXPECT(f, "\"\\177ELF\\2\\1\\1\\0\\0\"");
	QUOTE_LIT(f, "\200\0", 0);
	EXPECT(f, "\"\\200\\0\"");
	/* A NUL at the end of the buffer is just the shortest form. */
	QUOTE_LIT(f, "\0", 0);
	EXPECT(f, "\"\\0\"");
}

static void test_quote_nul_term_and_ellipsis(void **state)
{
	struct fixture *f = *state;
	QUOTE_LIT(f, "ab\0cd", PR_QUOTE_NUL_TERM);
	EXPECT(f, "\"ab\"");
	QUOTE_LIT(f, "abcde", PR_QUOTE_ELLIPSIS);
	EXPECT(f, "\"abcde\"...");
	QUOTE_LIT(f, "a\0b", 0);
	EXPECT(f, "\"a\\0b\"");
}

/* -x: the whole string in \xhh when any byte is not printable ASCII, else as usual. */
static void test_quote_hex_nonascii(void **state)
{
	struct fixture *f = *state;
	f->p.str_style = PR_STR_HEX_NONASCII;
	QUOTE_LIT(f, "plain\n", 0);
	EXPECT(f, "\"plain\\n\"");
	QUOTE_LIT(f, "a\1b", 0);
	EXPECT(f, "\"\\x61\\x01\\x62\"");
	QUOTE_LIT(f, "\377", 0);
	EXPECT(f, "\"\\xff\"");
	QUOTE_LIT(f, "ab", PR_QUOTE_ELLIPSIS);
	EXPECT(f, "\"ab\"...");
}

static void test_quote_hex_all(void **state)
{
	struct fixture *f = *state;
	f->p.str_style = PR_STR_HEX_ALL;
	QUOTE_LIT(f, "ab\n", 0);
	EXPECT(f, "\"\\x61\\x62\\x0a\"");
	QUOTE_LIT(f, "", 0);
	EXPECT(f, "\"\"");
	QUOTE_LIT(f, "xy\0z", PR_QUOTE_NUL_TERM | PR_QUOTE_ELLIPSIS);
	EXPECT(f, "\"\\x78\\x79\"...");
}

/* A long buffer with every byte value grows the output without loss. */
static void test_quote_long(void **state)
{
	struct fixture *f = *state;
	char buf[4096];
	for (size_t i = 0; i < sizeof(buf); i++)
		buf[i] = (char)('a' + i % 26);
	quote(f, buf, sizeof(buf), 0);
	const char *t = text(f);
	assert_int_equal(strlen(t), sizeof(buf) + 2);
	assert_memory_equal(t + 1, buf, sizeof(buf));
	restart(f);
	unsigned char all[256];
	for (int i = 0; i < 256; i++)
		all[i] = (unsigned char)i;
	f->p.str_style = PR_STR_HEX_ALL;
	quote(f, (const char *)all, sizeof(all), 0);
	assert_int_equal(strlen(text(f)), 256 * 4 + 2);
	restart(f);
}

#define O_WRONLY_ 01
#define O_RDWR_ 02
#define O_CREAT_ 0100
#define O_TRUNC_ 01000
XLAT_DEFINE(open_flags, { 0, "O_RDONLY" }, { O_WRONLY_, "O_WRONLY" }, { O_RDWR_, "O_RDWR" },
	    { O_CREAT_, "O_CREAT" }, { O_TRUNC_, "O_TRUNC" });
XLAT_DEFINE(prot_flags, { 0, "PROT_NONE" }, { 1, "PROT_READ" }, { 2, "PROT_WRITE" },
	    { 4, "PROT_EXEC" });
XLAT_DEFINE(map_flags, { 1, "MAP_SHARED" }, { 2, "MAP_PRIVATE" }, { 0x20, "MAP_ANONYMOUS" });
/* A multi-bit name listed before its single bits takes them first. */
XLAT_DEFINE(multi_flags, { 3, "BOTH" }, { 1, "ONE" }, { 2, "TWO" });
XLAT_DEFINE(rlimits, { 0, "RLIMIT_CPU" }, { 7, "RLIMIT_NOFILE" });

static void test_flags_abbrev(void **state)
{
	struct fixture *f = *state;
	pr_flags(&f->p, &open_flags, 0, "O_???");
	EXPECT(f, "O_RDONLY");
	pr_flags(&f->p, &open_flags, O_WRONLY_ | O_CREAT_ | O_TRUNC_, "O_???");
	EXPECT(f, "O_WRONLY|O_CREAT|O_TRUNC");
	pr_flags(&f->p, &map_flags, 0x22, "MAP_???");
	EXPECT(f, "MAP_PRIVATE|MAP_ANONYMOUS");
	pr_flags(&f->p, &map_flags, 0, "MAP_???");
	EXPECT(f, "0");
	pr_flags(&f->p, &prot_flags, 0, NULL);
	EXPECT(f, "PROT_NONE");
	pr_flags(&f->p, &multi_flags, 3, NULL);
	EXPECT(f, "BOTH");
	pr_flags(&f->p, &multi_flags, 2, NULL);
	EXPECT(f, "TWO");
}

/* Unknown bits come last in hex; only unknown bits: hex and the default comment. */
static void test_flags_unknown(void **state)
{
	struct fixture *f = *state;
	pr_flags(&f->p, &prot_flags, 0x1001, "PROT_???");
	EXPECT(f, "PROT_READ|0x1000");
	pr_flags(&f->p, &prot_flags, 0x1000, "PROT_???");
	EXPECT(f, "0x1000 /* PROT_??? */");
	pr_flags(&f->p, &prot_flags, 0x1000, NULL);
	EXPECT(f, "0x1000");
	pr_flags(&f->p, &map_flags, 0xfe00000022ull, "MAP_???");
	EXPECT(f, "MAP_PRIVATE|MAP_ANONYMOUS|0xfe00000000");
}

static void test_flags_raw(void **state)
{
	struct fixture *f = *state;
	f->p.xlat_style = PR_XLAT_RAW;
	pr_flags(&f->p, &map_flags, 0x22, "MAP_???");
	EXPECT(f, "0x22");
	pr_flags(&f->p, &open_flags, 0, "O_???");
	EXPECT(f, "0");
	pr_flags(&f->p, &prot_flags, 0x1001, "PROT_???");
	EXPECT(f, "0x1001");
}

/* As strace -X verbose prints mmap and mprotect arguments. */
static void test_flags_verbose(void **state)
{
	struct fixture *f = *state;
	f->p.xlat_style = PR_XLAT_VERBOSE;
	pr_flags(&f->p, &map_flags, 0x22, "MAP_???");
	EXPECT(f, "0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */");
	pr_flags(&f->p, &prot_flags, 0, "PROT_???");
	EXPECT(f, "0 /* PROT_NONE */");
	pr_flags(&f->p, &prot_flags, 0x1001, "PROT_???");
	EXPECT(f, "0x1001 /* PROT_READ|0x1000 */");
	pr_flags(&f->p, &prot_flags, 0x1000, "PROT_???");
	EXPECT(f, "0x1000 /* PROT_??? */");
}

static void test_xval(void **state)
{
	struct fixture *f = *state;
	pr_xval(&f->p, &rlimits, 7, "RLIMIT_???");
	EXPECT(f, "RLIMIT_NOFILE");
	pr_xval(&f->p, &rlimits, 0, "RLIMIT_???");
	EXPECT(f, "RLIMIT_CPU");
	pr_xval(&f->p, &rlimits, 0x10, "RLIMIT_???");
	EXPECT(f, "0x10 /* RLIMIT_??? */");
	pr_xval(&f->p, &rlimits, 0x10, NULL);
	EXPECT(f, "0x10");
	pr_xval_dec(&f->p, &rlimits, 16, "RLIMIT_???");
	EXPECT(f, "16 /* RLIMIT_??? */");
	pr_xval_dec(&f->p, &rlimits, (uint64_t)-100, NULL);
	EXPECT(f, "-100");
}

static void test_xval_styles(void **state)
{
	struct fixture *f = *state;
	f->p.xlat_style = PR_XLAT_RAW;
	pr_xval(&f->p, &rlimits, 7, "RLIMIT_???");
	EXPECT(f, "0x7");
	pr_xval_dec(&f->p, &rlimits, 7, "RLIMIT_???");
	EXPECT(f, "7");
	f->p.xlat_style = PR_XLAT_VERBOSE;
	pr_xval(&f->p, &rlimits, 7, "RLIMIT_???");
	EXPECT(f, "0x7 /* RLIMIT_NOFILE */");
	pr_xval(&f->p, &rlimits, 0x10, "RLIMIT_???");
	EXPECT(f, "0x10 /* RLIMIT_??? */");
}

static void test_numbers(void **state)
{
	struct fixture *f = *state;
	pr_int(&f->p, -1);
	pr_uint(&f->p, 18446744073709551615ull);
	pr_hex(&f->p, 0x1f);
	pr_hex(&f->p, 0);
	pr_oct(&f->p, 0644);
	pr_oct(&f->p, 0);
	pr_ptr(&f->p, 0);
	pr_ptr(&f->p, 0x7ffd1234);
	EXPECT(f, "-1, 18446744073709551615, 0x1f, 0, 0644, 0, NULL, 0x7ffd1234");
}

/* A hook that comments on each pid with its kind, as --decode-pids adds its words. */
static void note_kind(struct pr *p, int64_t pid, int kind)
{
	pr_comment(p, "%lld of kind %d", (long long)pid, kind);
}

/* pr_pid: the number, then what the hook adds; without a hook, only the number. */
static void test_pid_note(void **state)
{
	struct fixture *f = *state;
	pr_pid(&f->p, 12, 1);
	f->p.pid_note = note_kind;
	pr_pid(&f->p, -7, 2);
	pr_field(&f->p, "si_pid");
	pr_pid(&f->p, 3, 0);
	f->p.pid_note = NULL;
	EXPECT(f, "12, -7 /* -7 of kind 2 */, si_pid=3 /* 3 of kind 0 */");
}

/* -Y's process names: <name> right after the pid, '<' and '>' escaped, C escapes kept. */
static void test_quote_angled(void **state)
{
	struct fixture *f = *state;
	pr_int(&f->p, 42);
	QUOTE_LIT(f, "foo<bar>", PR_QUOTE_ANGLED);
	pr_int(&f->p, 43);
	QUOTE_LIT(f, "foo\33[2Jbar", PR_QUOTE_ANGLED);
	EXPECT(f, "42<foo\\74bar\\76>, 43<foo\\33[2Jbar>");
}

/* fstat's shape: {st_mode=S_IFREG|0644, st_size=41555, ...} between two arguments. */
static void test_struct_separators(void **state)
{
	struct fixture *f = *state;
	pr_int(&f->p, 3);
	pr_struct_begin(&f->p);
	pr_field(&f->p, "st_mode");
	pr_text(&f->p, "S_IFREG|0644");
	pr_field(&f->p, "st_size");
	pr_int(&f->p, 41555);
	pr_more(&f->p);
	pr_struct_end(&f->p);
	pr_text(&f->p, "AT_EMPTY_PATH");
	EXPECT(f, "3, {st_mode=S_IFREG|0644, st_size=41555, ...}, AT_EMPTY_PATH");
}

/* Arrays, nested structs, empty ones, and raw text inside one item. */
static void test_nested(void **state)
{
	struct fixture *f = *state;
	pr_array_begin(&f->p);
	pr_struct_begin(&f->p);
	pr_field(&f->p, "fd");
	pr_int(&f->p, 3);
	pr_field(&f->p, "events");
	pr_text(&f->p, "POLLIN");
	pr_struct_end(&f->p);
	pr_struct_begin(&f->p);
	pr_field(&f->p, "fd");
	pr_int(&f->p, 4);
	pr_struct_end(&f->p);
	pr_array_end(&f->p);
	pr_int(&f->p, 2);
	pr_array_begin(&f->p);
	pr_array_end(&f->p);
	pr_struct_begin(&f->p);
	pr_struct_end(&f->p);
	EXPECT(f, "[{fd=3, events=POLLIN}, {fd=4}], 2, [], {}");

	pr_struct_begin(&f->p);
	pr_field(&f->p, "sa_family");
	pr_text(&f->p, "AF_INET");
	pr_field(&f->p, "sin_port");
	pr_raw(&f->p, "htons(");
	pr_uint(&f->p, 80);
	pr_raw(&f->p, ")");
	pr_field(&f->p, "sin_addr");
	pr_raw(&f->p, "inet_addr(");
	pr_quoted(&f->p, "127.0.0.1", 9, 0);
	pr_raw(&f->p, ")");
	pr_struct_end(&f->p);
	pr_int(&f->p, 16);
	EXPECT(f, "{sa_family=AF_INET, sin_port=htons(80), "
		  "sin_addr=inet_addr(\"127.0.0.1\")}, 16");

	pr_field(&f->p, "a");
	pr_struct_begin(&f->p);
	pr_field(&f->p, "b");
	pr_array_begin(&f->p);
	pr_int(&f->p, 1);
	pr_array_begin(&f->p);
	pr_int(&f->p, 2);
	pr_int(&f->p, 3);
	pr_array_end(&f->p);
	pr_more(&f->p);
	pr_array_end(&f->p);
	pr_field(&f->p, "c");
	pr_int(&f->p, 4);
	pr_struct_end(&f->p);
	pr_field(&f->p, "d");
	pr_text(&f->p, "x");
	EXPECT(f, "a={b=[1, [2, 3], ...], c=4}, d=x");
}

static void test_comment_and_raw(void **state)
{
	struct fixture *f = *state;
	pr_hex(&f->p, 0x7ffc218791f0);
	pr_comment(&f->p, "%d vars", 41);
	pr_int(&f->p, 5);
	pr_rawf(&f->p, "<%s>", "/etc/hostname");
	pr_textf(&f->p, "%s", "makedev(0x1, 0x3)");
	EXPECT(f, "0x7ffc218791f0 /* 41 vars */, 5</etc/hostname>, makedev(0x1, 0x3)");
}

/* pr_reset starts a new list: no separator before the first item. */
static void test_reset(void **state)
{
	struct fixture *f = *state;
	pr_struct_begin(&f->p);
	pr_int(&f->p, 1);
	restart(f);
	pr_int(&f->p, 2);
	pr_int(&f->p, 3);
	EXPECT(f, "2, 3");
}

/* Nesting deeper than PR_MAX_DEPTH stays balanced and never crashes. */
static void test_deep_nesting(void **state)
{
	struct fixture *f = *state;
	for (int i = 0; i < PR_MAX_DEPTH + 5; i++)
		pr_array_begin(&f->p);
	pr_int(&f->p, 1);
	for (int i = 0; i < PR_MAX_DEPTH + 5; i++)
		pr_array_end(&f->p);
	const char *t = text(f);
	assert_int_equal(strlen(t), 2 * (PR_MAX_DEPTH + 5) + 1);
	restart(f);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_quote_plain),
		T(test_quote_c_escapes),
		T(test_quote_octal),
		T(test_quote_nul_term_and_ellipsis),
		T(test_quote_hex_nonascii),
		T(test_quote_hex_all),
		T(test_quote_long),
		T(test_flags_abbrev),
		T(test_flags_unknown),
		T(test_flags_raw),
		T(test_flags_verbose),
		T(test_xval),
		T(test_xval_styles),
		T(test_numbers),
		T(test_pid_note),
		T(test_quote_angled),
		T(test_struct_separators),
		T(test_nested),
		T(test_comment_and_raw),
		T(test_reset),
		T(test_deep_nesting),
	};
	return cmocka_run_group_tests_name("pr", tests, NULL, NULL);
}
