/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The file-name decoders against strace 6.1's text: open flags with their access mode,
 * modes, device numbers, date comments, struct stat (abbreviated and -v), getdents64,
 * and the address printed for unreadable memory or failed syscalls.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/sysmacros.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/decode/xlat_file.h"
#include "trace/opts.h"

/* A "tracee" that is this process: addresses are our own pointers, 0x10 is unreadable. */
static int fake_read(const struct mem_reader *m, uint64_t addr, void *buf, size_t n)
{
	if (addr < 0x1000)
		return -1;
	memcpy(buf, (const void *)(uintptr_t)addr, n);
	return 0;
}

static long fake_read_str(const struct mem_reader *m, uint64_t addr, char *buf, size_t n)
{
	if (addr < 0x1000)
		return -1;
	const char *s = (const char *)(uintptr_t)addr;
	size_t len = strnlen(s, n);
	memcpy(buf, s, len < n ? len + 1 : n);
	return (long)len;
}

static const struct mem_reader fake_mem = { fake_read, fake_read_str, 0 };

struct fixture {
	struct out o;
	struct pr p;
	struct trace_opts opt;
	struct sc sc;
};

static void restart(struct fixture *f)
{
	f->o.len = 0;
	pr_reset(&f->p, &f->o);
	memset(&f->sc, 0, sizeof(f->sc));
	f->sc.p = &f->p;
	f->sc.opt = &f->opt;
	f->sc.mem = &fake_mem;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	f->opt.string_limit = 32;
	f->p.xlat_style = PR_XLAT_ABBREV;
	f->p.str_style = PR_STR_ESCAPE;
	restart(f);
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

static const char *text(struct fixture *f)
{
	out_putc(&f->o, '\0');
	f->o.len--;
	return f->o.buf;
}

#define EXPECT(f, want) do { \
	assert_string_equal(text(f), want); \
	restart(f); \
} while (0)

static void test_open_flags(void **state)
{
	char buf[256];
	assert_string_equal(sprint_open_flags(buf, sizeof(buf), 02000000), "O_RDONLY|O_CLOEXEC");
	assert_string_equal(sprint_open_flags(buf, sizeof(buf), 01101),
			    "O_WRONLY|O_CREAT|O_TRUNC");
	assert_string_equal(sprint_open_flags(buf, sizeof(buf), 04010002), "O_RDWR|O_SYNC");
	assert_string_equal(sprint_open_flags(buf, sizeof(buf), 020200002), "O_RDWR|O_TMPFILE");
	assert_string_equal(sprint_open_flags(buf, sizeof(buf), 0x40000003),
			    "O_ACCMODE|0x40000000");
	assert_string_equal(sprint_open_flags(buf, sizeof(buf), 0), "O_RDONLY");
}

static void test_open_decoder(void **state)
{
	struct fixture *f = *state;
	f->sc.arg[0] = (uint64_t)(int64_t)AT_FDCWD;
	f->sc.arg[1] = (uintptr_t)"/etc/passwd";
	f->sc.arg[2] = 0101;
	f->sc.arg[3] = 0644;
	assert_int_equal(decode_openat(&f->sc), RV_DECODED | RV_FD);
	EXPECT(f, "AT_FDCWD, \"/etc/passwd\", O_WRONLY|O_CREAT, 0644");

	f->sc.arg[0] = (uint64_t)(int64_t)AT_FDCWD;
	f->sc.arg[1] = 0x10;
	f->sc.arg[2] = 0;
	decode_openat(&f->sc);
	EXPECT(f, "AT_FDCWD, 0x10, O_RDONLY");

	f->p.xlat_style = PR_XLAT_VERBOSE;
	f->sc.arg[0] = (uint64_t)(int64_t)AT_FDCWD;
	f->sc.arg[1] = (uintptr_t)"x";
	f->sc.arg[2] = 02000000;
	decode_openat(&f->sc);
	EXPECT(f, "-100 /* AT_FDCWD */, \"x\", 0x80000 /* O_RDONLY|O_CLOEXEC */");
	f->p.xlat_style = PR_XLAT_ABBREV;
}

static void test_modes(void **state)
{
	struct fixture *f = *state;
	pr_mode_symbolic(&f->p, 0100644);
	pr_mode_symbolic(&f->p, 0041777);
	pr_mode_symbolic(&f->p, 04755);
	pr_mode_numeric(&f->p, 0);
	pr_mode_numeric(&f->p, 022);
	pr_dev(&f->p, makedev(1, 3));
	EXPECT(f, "S_IFREG|0644, S_IFDIR|S_ISVTX|0777, S_ISUID|0755, 000, 022, makedev(0x1, 0x3)");

	f->p.xlat_style = PR_XLAT_VERBOSE;
	pr_mode_symbolic(&f->p, 0100644);
	EXPECT(f, "0100644 /* S_IFREG|0644 */");
	f->p.xlat_style = PR_XLAT_ABBREV;
}

static void test_time_comment(void **state)
{
	char buf[96];
	setenv("TZ", "UTC", 1);
	assert_string_equal(sprint_time_comment(buf, sizeof(buf), 1000000000, 5, 999999999, 9),
			    "2001-09-09T01:46:40.000000005+0000");
	assert_string_equal(sprint_time_comment(buf, sizeof(buf), 1700000000, 0, 999999999, 9),
			    "2023-11-14T22:13:20+0000");
	assert_null(sprint_time_comment(buf, sizeof(buf), 0, 0, 999999999, 9));
}

static void fill_stat(unsigned char *st, uint32_t mode, uint64_t size_or_rdev)
{
	/* x86_64 struct stat: st_mode at 24, st_rdev at 40, st_size at 48. */
	memset(st, 0, 144);
	memcpy(st + 24, &mode, 4);
	memcpy(st + ((mode & 0170000) == 0020000 ? 40 : 48), &size_or_rdev, 8);
}

static void test_stat(void **state)
{
	struct fixture *f = *state;
	unsigned char st[144];

	fill_stat(st, 0100644, 1221);
	print_stat_at(&f->sc, (uintptr_t)st);
	EXPECT(f, "{st_mode=S_IFREG|0644, st_size=1221, ...}");

	fill_stat(st, 0020666, makedev(1, 3));
	print_stat_at(&f->sc, (uintptr_t)st);
	EXPECT(f, "{st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}");

	/* At exit of a failed call the buffer is an address. */
	f->sc.exiting = true;
	f->sc.err = 2;
	print_stat_at(&f->sc, (uintptr_t)st);
	char addr[32];
	snprintf(addr, sizeof(addr), "%#lx", (unsigned long)(uintptr_t)st);
	EXPECT(f, addr);

	f->sc.verbose = true;
	fill_stat(st, 0100600, 5);
	print_stat_at(&f->sc, (uintptr_t)st);
	EXPECT(f, "{st_dev=makedev(0, 0), st_ino=0, st_mode=S_IFREG|0600, st_nlink=0, st_uid=0, "
		  "st_gid=0, st_blksize=0, st_blocks=0, st_size=5, st_atime=0, st_atime_nsec=0, "
		  "st_mtime=0, st_mtime_nsec=0, st_ctime=0, st_ctime_nsec=0}");
}

/* Two linux_dirent64 records: "." and "ab". */
static size_t fill_dents(unsigned char *b)
{
	memset(b, 0, 48);
	uint64_t ino = 7, off = 1;
	uint16_t reclen = 24;
	memcpy(b, &ino, 8);
	memcpy(b + 8, &off, 8);
	memcpy(b + 16, &reclen, 2);
	b[18] = 4;
	b[19] = '.';
	off = 2;
	memcpy(b + 24, &ino, 8);
	memcpy(b + 32, &off, 8);
	memcpy(b + 40, &reclen, 2);
	b[42] = 8;
	memcpy(b + 43, "ab", 3);
	return 48;
}

static void test_getdents64(void **state)
{
	struct fixture *f = *state;
	unsigned char b[48];
	size_t n = fill_dents(b);

	f->sc.arg[0] = 3;
	f->sc.arg[1] = 0x10;
	f->sc.arg[2] = 32768;
	assert_int_equal(decode_getdents64(&f->sc), DEC_AT_EXIT);
	f->sc.exiting = true;
	f->sc.arg[1] = (uintptr_t)b;
	f->sc.rval = (int64_t)n;
	decode_getdents64(&f->sc);
	char want[128];
	snprintf(want, sizeof(want), "3, %#lx /* 2 entries */, 32768", (unsigned long)(uintptr_t)b);
	EXPECT(f, want);

	f->sc.arg[0] = 3;
	f->sc.arg[1] = (uintptr_t)b;
	f->sc.arg[2] = 32768;
	f->sc.verbose = true;
	decode_getdents64(&f->sc);
	f->sc.exiting = true;
	f->sc.rval = (int64_t)n;
	decode_getdents64(&f->sc);
	EXPECT(f, "3, [{d_ino=7, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, "
		  "{d_ino=7, d_off=2, d_reclen=24, d_type=DT_REG, d_name=\"ab\"}], 32768");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_open_flags),
		T(test_open_decoder),
		T(test_modes),
		T(test_time_comment),
		T(test_stat),
		T(test_getdents64),
	};
	return cmocka_run_group_tests_name("decode_file", tests, NULL, NULL);
}
