/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Decoders of the syscalls that printed raw arguments, against strace 6.1's text: the
 * tail of an extensible struct (openat2, clone3), classic BPF programs of seccomp filters,
 * quotactl's command word, kexec_load's flags, the aio control blocks and
 * PTRACE_GET_SYSCALL_INFO's struct.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/filter.h>
#include <linux/quota.h>
#include <linux/seccomp.h>

#include "trace/decode.h"
#include "trace/decode/decoders.h"
#include "trace/opts.h"

/* A "tracee" that is this process: addresses are our own pointers, below 0x1000 unreadable. */
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

static void test_openat2_tail(void **state)
{
	struct fixture *f = *state;
	uint64_t how[5] = { O_RDONLY, 0, 0, 0, 0x8081828384858687ull };
	f->sc.arg[0] = (uint64_t)-1;
	f->sc.arg[1] = (uintptr_t)"x";
	f->sc.arg[2] = (uintptr_t)how;
	f->sc.arg[3] = sizeof(how);
	decode_openat2(&f->sc);
	EXPECT(f, "-1, \"x\", {flags=O_RDONLY, resolve=0, /* bytes 24..39 */ "
		  "\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x87\\x86\\x85\\x84\\x83\\x82\\x81\\x80\"}"
		  ", 40");
	how[4] = 0;
	f->sc.arg[0] = (uint64_t)-1;
	f->sc.arg[1] = (uintptr_t)"x";
	f->sc.arg[2] = (uintptr_t)how;
	f->sc.arg[3] = sizeof(how);
	decode_openat2(&f->sc);
	EXPECT(f, "-1, \"x\", {flags=O_RDONLY, resolve=0}, 40");
}

static void test_tail_unreadable(void **state)
{
	struct fixture *f = *state;
	pr_struct_begin(&f->p);
	pr_field(&f->p, "a");
	pr_int(&f->p, 1);
	/* The tail's bytes from 0x800 on cannot be read (below 0x1000). */
	print_nonzero_tail(&f->sc, 0x800, 8, 16);
	pr_struct_end(&f->p);
	EXPECT(f, "{a=1, ???}");
	assert_false(has_nonzero_tail(&f->sc, 0x2000, 16, 16));
}

static void test_clone3_tail(void **state)
{
	struct fixture *f = *state;
	uint64_t args[12];
	memset(args, 0, sizeof(args));
	args[4] = 0xdeadc0de;
	args[11] = 0xfacefeed;
	f->sc.arg[0] = (uintptr_t)args;
	f->sc.arg[1] = sizeof(args);
	/* A tail to show at exit as well: the decoder is called again. */
	assert_int_equal(decode_clone3(&f->sc), DEC_AT_EXIT);
	EXPECT(f, "{flags=0, exit_signal=3735929054, stack=NULL, stack_size=0, "
		  "/* bytes 88..95 */ \"\\xed\\xfe\\xce\\xfa\\x00\\x00\\x00\\x00\"}");
}

static void test_seccomp_filter(void **state)
{
	struct fixture *f = *state;
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, 4),
		BPF_JUMP(BPF_JMP | BPF_K | BPF_JEQ, 39, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 1),
		BPF_STMT(BPF_MISC | BPF_TAX, 0),
		BPF_STMT(BPF_RET | BPF_K, 0x12345),
	};
	struct sock_fprog prog = { 5, insns };
	print_sock_fprog_at(&f->sc, (uintptr_t)&prog);
	/* Without -v the program is an address. */
	assert_int_equal(strncmp(text(f), "{len=5, filter=0x", 17), 0);
	restart(f);
	f->sc.verbose = true;
	print_sock_fprog_at(&f->sc, (uintptr_t)&prog);
	EXPECT(f, "{len=5, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0x4), "
		  "BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x27, 0, 0x1), "
		  "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x1), "
		  "BPF_STMT(BPF_MISC|BPF_TAX, 0), "
		  "BPF_STMT(BPF_RET|BPF_K, 0x10000 /* SECCOMP_RET_??? */|0x2345)]}");
}

/* QCMD() of <sys/quota.h> shifts an int past its sign bit for Q_SYNC (undefined behaviour):
 * the same int, as the register holds it, made from unsigned arithmetic. */
static uint64_t qcmd(uint32_t cmd, uint32_t type)
{
	return (uint64_t)(int64_t)(int32_t)((cmd << 8) | (type & 0xff));
}

static void test_quotactl(void **state)
{
	struct fixture *f = *state;
	f->sc.arg[0] = qcmd(Q_SYNC, GRPQUOTA);
	f->sc.arg[1] = 0;
	assert_int_equal(decode_quotactl(&f->sc), RV_DECODED | RV_DEC);
	EXPECT(f, "QCMD(Q_SYNC, GRPQUOTA), NULL");
	f->p.xlat_style = PR_XLAT_VERBOSE;
	f->sc.arg[0] = qcmd(0x7777, 9);
	f->sc.arg[1] = 0;
	f->sc.arg[2] = (uint64_t)-1;
	f->sc.arg[3] = 0;
	decode_quotactl(&f->sc);
	EXPECT(f, "7829257 /* QCMD(0x7777 /* Q_??? */, 0x9 /* ???QUOTA */) */, NULL, -1, NULL");
	f->p.xlat_style = PR_XLAT_ABBREV;
}

static void test_kexec_flags(void **state)
{
	struct fixture *f = *state;
	f->sc.arg[0] = 0x1000;
	f->sc.arg[3] = 0xbadc0dedda7a1054ull;
	decode_kexec_load(&f->sc);
	EXPECT(f, "0x1000, 0, NULL, 0xda7a0000 /* KEXEC_ARCH_??? */|0xbadc0ded00001054 /* KEXEC_??? */");
	f->sc.arg[3] = 0x2a0003;
	decode_kexec_load(&f->sc);
	EXPECT(f, "NULL, 0, NULL, KEXEC_ARCH_SH|KEXEC_ON_CRASH|KEXEC_PRESERVE_CONTEXT");
}

static void test_io_submit(void **state)
{
	struct fixture *f = *state;
	static const char data[] = "\0\1\2\3cat";
	struct iocb cb = {
		.aio_data = 0, .aio_key = 0xdefaced0, .aio_lio_opcode = IOCB_CMD_PWRITE,
		.aio_reqprio = (int16_t)0xbeef, .aio_fildes = 0xdefaced1,
		.aio_buf = (uintptr_t)data, .aio_nbytes = sizeof(data),
		.aio_offset = 8, .aio_flags = IOCB_FLAG_RESFD, .aio_resfd = 3,
	};
	uint64_t cbs[2] = { (uintptr_t)&cb, 0 };
	f->sc.arg[0] = 0xface;
	f->sc.arg[1] = 2;
	f->sc.arg[2] = (uintptr_t)cbs;
	decode_io_submit(&f->sc);
	EXPECT(f, "0xface, 2, [{aio_data=0, aio_key=3740978896, aio_lio_opcode=IOCB_CMD_PWRITE, "
		  "aio_reqprio=-16657, aio_fildes=-553988399, aio_buf=\"\\0\\1\\2\\3cat\\0\", "
		  "aio_nbytes=8, aio_offset=8, aio_flags=IOCB_FLAG_RESFD, aio_resfd=3}, NULL]");
}

static void test_syscall_info(void **state)
{
	struct fixture *f = *state;
	struct {
		uint8_t op, pad[3];
		uint32_t arch;
		uint64_t ip, sp;
		int64_t rval;
		uint8_t is_error;
	} info = { 2, { 0 }, 0xc000003e, 0x1000, 0x2000, -9, 1 };
	f->sc.arg[0] = 0x420e;
	f->sc.arg[1] = 42;
	f->sc.arg[2] = sizeof(info);
	f->sc.arg[3] = (uintptr_t)&info;
	assert_int_equal(decode_ptrace(&f->sc), DEC_AT_EXIT);
	f->sc.exiting = true;
	f->sc.rval = 33;	/* the kernel's size of an exit stop's info */
	decode_ptrace(&f->sc);
	EXPECT(f, "PTRACE_GET_SYSCALL_INFO, 42, 40, {op=PTRACE_SYSCALL_INFO_EXIT, "
		  "arch=AUDIT_ARCH_X86_64, instruction_pointer=0x1000, stack_pointer=0x2000, "
		  "exit={rval=-EBADF, is_error=1}}");
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_openat2_tail), T(test_tail_unreadable), T(test_clone3_tail),
		T(test_seccomp_filter), T(test_quotactl), T(test_kexec_flags),
		T(test_io_submit), T(test_syscall_info),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
