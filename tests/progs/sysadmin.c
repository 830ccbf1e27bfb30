/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Syscalls of the administration and asynchronous I/O areas, each with arguments the
 * kernel refuses (nothing here changes the machine: no module is loaded, the host name,
 * accounting and reboot state stay as they are) and, where harmless, arguments it takes:
 * native AIO on /dev/zero, protection keys, userfaultfd; and the extensible structs of
 * clone3 and openat2 given with a larger size than the kernel knows.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/aio_abi.h>
#include <linux/dqblk_xfs.h>
#include <linux/filter.h>
#include <linux/futex.h>
#include <linux/io_uring.h>
#include <linux/perf_event.h>
#include <asm/ldt.h>
#include <linux/quota.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

/* Two pages, the second unmapped: what is placed at the end of the first runs into it. */
static char *page_before_hole(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		_exit(1);
	munmap(p + 4096, 4096);
	return p;
}

static void aio(void)
{
	static char data[64] = "aio write data\1\2\3";
	aio_context_t ctx = 0;
	struct iocb cb[2], *cbs[2] = { &cb[0], &cb[1] };
	struct io_event ev[2];
	struct timespec ts = { 0, 1000000 };
	struct iovec iov[2] = { { data, 8 }, { data + 8, 16 } };
	int fd = open("/dev/zero", O_RDWR);

	syscall(SYS_io_setup, 0xdeadbeefu, NULL);
	if (syscall(SYS_io_setup, 4, &ctx))
		return;
	memset(cb, 0, sizeof(cb));
	cb[0].aio_data = 0x1111;
	cb[0].aio_lio_opcode = IOCB_CMD_PREAD;
	cb[0].aio_fildes = fd;
	cb[0].aio_buf = (uintptr_t)data;
	cb[0].aio_nbytes = sizeof(data);
	cb[0].aio_offset = 0;
	cb[1].aio_data = 0x2222;
	cb[1].aio_lio_opcode = IOCB_CMD_PWRITE;
	cb[1].aio_reqprio = 0;
	cb[1].aio_fildes = fd;
	cb[1].aio_buf = (uintptr_t)data;
	cb[1].aio_nbytes = 20;
	cb[1].aio_offset = 512;
	syscall(SYS_io_submit, ctx, 2, cbs);
	syscall(SYS_io_getevents, ctx, 2, 2, ev, &ts);
	cb[0].aio_lio_opcode = IOCB_CMD_PREADV;
	cb[0].aio_buf = (uintptr_t)iov;
	cb[0].aio_nbytes = 2;
	cb[1].aio_lio_opcode = IOCB_CMD_PWRITEV;
	cb[1].aio_buf = (uintptr_t)iov;
	cb[1].aio_nbytes = 2;
	cb[1].aio_flags = IOCB_FLAG_IOPRIO;
	cb[1].aio_reqprio = (2 << 13) | 4;
	syscall(SYS_io_submit, ctx, 2, cbs);
	syscall(SYS_io_getevents, ctx, 1, 2, ev, NULL);
	syscall(SYS_io_submit, ctx, -1L, cbs);
	syscall(SYS_io_submit, 0xface, 1, NULL);
	cb[0].aio_lio_opcode = 0xf00d;
	syscall(SYS_io_submit, ctx, 1, cbs);
	syscall(SYS_io_cancel, ctx, &cb[0], ev);
	syscall(SYS_io_cancel, ctx, NULL, NULL);
	syscall(SYS_io_getevents, 0xbad, 0, 0, NULL, NULL);
	syscall(SYS_io_pgetevents, ctx, 0, 1, ev, &ts, NULL);
	syscall(SYS_io_destroy, ctx);
	syscall(SYS_io_destroy, 0xdeadbeef);
	close(fd);
}

static void admin(void)
{
	char *hole = page_before_hole();
	char *name = hole + 4096 - 6;

	memcpy(name, "nomod", 6);
	syscall(SYS_init_module, NULL, 0, NULL);
	syscall(SYS_init_module, hole, 0, name);
	syscall(SYS_finit_module, -1, name, 3);
	syscall(SYS_finit_module, -1, "", 0x10);
	syscall(SYS_delete_module, "sysray_no_such_module", O_NONBLOCK | O_TRUNC);
	syscall(SYS_delete_module, name, 0x40);
	syscall(SYS_reboot, 0, 0, 0, NULL);
	syscall(SYS_reboot, 0xfee1dead, 12345, 0xa1b2c3d4, name);
	syscall(SYS_kexec_load, 0x1000, 0, NULL, 0x3e0001);
	syscall(SYS_kexec_load, 0x1000, 100, NULL, 0xdead0000);
	syscall(SYS_kexec_file_load, -1, -1, 6, name, 6);
	/* Longer than a host name may be: refused before anything is read. */
	syscall(SYS_sethostname, name, 65);
	syscall(SYS_setdomainname, NULL, 1000);
	syscall(SYS_acct, "/nonexistent/sysray-acct");
	syscall(SYS_swapon, "/nonexistent/sysray-swap", 0x8000 | 0x10000 | 42);
	syscall(SYS_swapon, "/nonexistent/sysray-swap", 0);
	syscall(SYS_swapoff, "/nonexistent/sysray-swap");
	syscall(SYS_ioperm, 0x10000, 1, 0);
	syscall(SYS_iopl, 4);
	struct stat st;
	char ubuf[32];
	stat("/", &st);
	syscall(SYS_ustat, (unsigned)st.st_dev, ubuf);
	syscall(SYS_ustat, 0xffff, NULL);
	syscall(SYS_lookup_dcookie, 0x1234, ubuf, sizeof(ubuf));
	uint64_t sysctl_args[10] = { 0, 0, 0, 0, 0, 0 };
	syscall(SYS__sysctl, sysctl_args);
	syscall(SYS__sysctl, hole + 4096 - 8);
}

static void memctl(void)
{
	long key = syscall(SYS_pkey_alloc, 0, 1);
	if (key >= 0)
		syscall(SYS_pkey_free, key);
	syscall(SYS_pkey_alloc, 0, 0xbad0);
	syscall(SYS_pkey_free, -1);
	long ufd = syscall(SYS_userfaultfd, O_CLOEXEC | O_NONBLOCK);
	if (ufd >= 0)
		close(ufd);
	syscall(SYS_userfaultfd, 0xf0000000u);
	syscall(SYS_set_mempolicy_home_node, 0, 4096, 0, 0);
	syscall(SYS_fanotify_init, 0xc, O_RDONLY);
	syscall(SYS_fanotify_init, 0x4 | 0x1 | 0x100000, O_WRONLY | O_CLOEXEC);
	syscall(SYS_inotify_rm_watch, -1, 7);
	struct { uint32_t bytes; int32_t type; unsigned char h[8]; } fh = {
		8, 1, { 1, 2, 3, 0xff, 0, 0, 0x80, 7 } };
	syscall(SYS_open_by_handle_at, -1, &fh, O_RDONLY | O_CLOEXEC);
	syscall(SYS_open_by_handle_at, -1, NULL, O_WRONLY);
}

/* struct clone_args up to cgroup (88 bytes), then a tail the kernel does not know. */
static void extensible(void)
{
	uint64_t args[12];
	memset(args, 0, sizeof(args));
	args[4] = 0xdeadc0de;		/* exit_signal: invalid, refused with EINVAL */
	syscall(SYS_clone3, args, 88);
	args[11] = 0xfacefeed;		/* a non-zero tail byte: E2BIG */
	syscall(SYS_clone3, args, sizeof(args));
	args[11] = 0;
	syscall(SYS_clone3, args, sizeof(args));

	char *hole = page_before_hole();
	uint64_t *how = (uint64_t *)(hole + 4096 - 24);
	how[0] = O_RDONLY;
	how[1] = 0;
	how[2] = 0;
	/* Larger than the page holds: the tail cannot be read. */
	syscall(SYS_openat2, AT_FDCWD, "/nonexistent", how, 32);
	uint64_t big[5] = { O_RDONLY, 0, 0, 0, 0x8081828384858687ull };
	syscall(SYS_openat2, AT_FDCWD, "/nonexistent", big, sizeof(big));
	big[4] = 0;
	syscall(SYS_openat2, AT_FDCWD, "/nonexistent", big, sizeof(big));
}

/*
 * A seccomp filter with flags the kernel refuses, so that it is never installed; strace
 * prints its program with -v only. And io_uring_enter on a bad fd.
 */
static void filters(void)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_K | BPF_JEQ, SYS_getpid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 1),
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_X, 0, 2, 0),
		BPF_STMT(BPF_ALU | BPF_AND | BPF_K, 0xff),
		BPF_STMT(BPF_MISC | BPF_TAX, 0),
		BPF_STMT(BPF_ST, 3),
		BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 14),
		BPF_STMT(BPF_RET | BPF_A, 0),
		BPF_STMT(BPF_RET | BPF_K, 0x12345),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(insns) / sizeof(insns[0]), insns };
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x4000, &prog);
	struct sock_fprog empty = { 0, insns };
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0x4000, &empty);
	uint64_t mask = ~(1ull << (SIGHUP - 1));
	syscall(SYS_io_uring_enter, -1L, 1L, 0L, 3L, &mask, 8L);
	syscall(SYS_io_uring_enter, -1L, 0L, 0L, 0x100L, NULL, 0L);
}

/* Quota commands on a device without quotas, and the clock read without changing it. */
static void quota_clock(void)
{
	char buf[256];
	uint32_t fmt = FS_USER_QUOTA;
	memset(buf, 0, sizeof(buf));
	syscall(SYS_quotactl, QCMD(Q_GETQUOTA, USRQUOTA), "/dev/null", 0, buf);
	syscall(SYS_quotactl, QCMD(Q_GETNEXTQUOTA, GRPQUOTA), "/dev/null", -1, buf);
	syscall(SYS_quotactl, QCMD(Q_SETQUOTA, PRJQUOTA), "/dev/null", 1000, buf);
	syscall(SYS_quotactl, QCMD(Q_GETINFO, USRQUOTA), "/dev/null", 0, buf);
	syscall(SYS_quotactl, QCMD(Q_SETINFO, USRQUOTA), "/dev/null", 0, buf);
	syscall(SYS_quotactl, QCMD(Q_GETFMT, USRQUOTA), "/dev/null", 0, &fmt);
	syscall(SYS_quotactl, QCMD(Q_QUOTAON, USRQUOTA), "/dev/null", QFMT_VFS_V0, "/aquota.user");
	syscall(SYS_quotactl, QCMD(Q_SYNC, GRPQUOTA), NULL, 0, NULL);
	syscall(SYS_quotactl, QCMD(Q_XGETQUOTA, USRQUOTA), "/dev/null", 0, buf);
	syscall(SYS_quotactl, QCMD(Q_XSETQLIM, USRQUOTA), "/dev/null", 0, buf);
	syscall(SYS_quotactl, QCMD(Q_XGETQSTAT, USRQUOTA), "/dev/null", 0, buf);
	syscall(SYS_quotactl, QCMD(Q_XGETQSTATV, USRQUOTA), "/dev/null", 0, buf);
	syscall(SYS_quotactl, QCMD(Q_XQUOTAON, USRQUOTA), "/dev/null", 0, &fmt);
	syscall(SYS_quotactl, QCMD(Q_XQUOTARM, USRQUOTA), "/dev/null", 0, &fmt);
	syscall(SYS_quotactl, QCMD(0x7777, 9), "/dev/null", 0, buf);
	syscall(SYS_quotactl_fd, -1, QCMD(Q_GETQUOTA, USRQUOTA), 0, buf);

	struct timex tx;
	memset(&tx, 0, sizeof(tx));
	syscall(SYS_adjtimex, NULL);
	syscall(SYS_clock_adjtime, CLOCK_MONOTONIC, NULL);
	/* modes 0 reads the clock's state without changing it; the values vary between runs. */
	(void)tx;
}

/* Pages and futexes: move_pages asks where two pages are; a futex whose value differs. */
#define MPOL_MF_MOVE_ 2

static void pages_futexes(void)
{
	char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	p[0] = p[4096] = 1;
	void *pages[3] = { p, p + 4096, NULL };
	int status[3];
	syscall(SYS_move_pages, 0, 2, pages, NULL, status, 0);
	syscall(SYS_move_pages, 0, 3, pages, NULL, status, MPOL_MF_MOVE_);
	syscall(SYS_move_pages, 0, 0, NULL, NULL, NULL, 0x10);

	static uint32_t word = 1;
	struct futex_waitv w[2] = {
		{ .val = 0, .uaddr = (uintptr_t)&word, .flags = FUTEX_32 | FUTEX_PRIVATE_FLAG },
		{ .val = 7, .uaddr = 0, .flags = 0x40, .__reserved = 0 },
	};
	struct timespec ts = { 0, 1 };
	syscall(SYS_futex_waitv, w, 1, 0, &ts, CLOCK_MONOTONIC);
	syscall(SYS_futex_waitv, w, 2, 0, NULL, CLOCK_REALTIME);

	struct user_desc d = { .entry_number = 1, .base_addr = 0x1000, .limit = 0xfff,
			       .seg_32bit = 1, .useable = 1 };
	syscall(SYS_modify_ldt, 0x10, &d, sizeof(d));
	syscall(SYS_modify_ldt, 0x10, NULL, 0);
	/* x86_64 has no thread area calls (ENOSYS); strace still reads their descriptor */
	syscall(SYS_set_thread_area, &d);
	syscall(SYS_set_thread_area, NULL);
	syscall(SYS_get_thread_area, &d);
	syscall(SYS_get_thread_area, NULL);

	/* Requests about a process we do not trace: ESRCH, the data shown as an address. */
	char info[88];
	syscall(SYS_ptrace, 0x420e /* PTRACE_GET_SYSCALL_INFO */, 0x7ffffff0, sizeof(info), info);
	syscall(SYS_ptrace, 0x420c /* PTRACE_SECCOMP_GET_FILTER */, 0x7ffffff0, 0, info);
	uint64_t *md = (uint64_t *)info;
	md[0] = 3;
	syscall(SYS_ptrace, 0x420d /* PTRACE_SECCOMP_GET_METADATA */, 0x7ffffff0, 16L, md);
	syscall(SYS_ptrace, 0x420d /* PTRACE_SECCOMP_GET_METADATA */, 0x7ffffff0, 7L, md);
}

/* io_uring_register's opcodes on a ring of our own, with good and bad arguments. */
static void uring(void)
{
	struct io_uring_params params;
	memset(&params, 0, sizeof(params));
	int ring = syscall(SYS_io_uring_setup, 4, &params);
	if (ring < 0)
		return;
	static char probe_buf[16 + 8 * 4];
	memset(probe_buf, 0, sizeof(probe_buf));
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_PROBE, probe_buf, 4);
	probe_buf[1] = 1;	/* not zeroed: refused, and shown at entry */
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_PROBE, probe_buf, 2);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_PROBE, NULL, 300);

	int fds[3] = { 0, 1, 2 };
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES, fds, 3);
	int upd[2] = { -2, 2 };
	struct io_uring_files_update fu = { .offset = 1, .fds = (uintptr_t)upd };
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES_UPDATE, &fu, 2);
	struct io_uring_rsrc_update2 ru = { .offset = 0, .data = (uintptr_t)upd, .nr = 2 };
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES_UPDATE2, &ru, sizeof(ru));
	syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_FILES, NULL, 0);

	static char b1[64], b2[128];
	struct iovec iov[2] = { { b1, sizeof(b1) }, { b2, sizeof(b2) } };
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_BUFFERS, iov, 2);
	syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_BUFFERS, NULL, 0);
	uint64_t tags[2] = { 0x10, 0 };
	struct io_uring_rsrc_register rr = { .nr = 2, .data = (uintptr_t)iov,
					     .tags = (uintptr_t)tags };
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_BUFFERS2, &rr, sizeof(rr));
	rr.flags = 0x10;
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES2, &rr, 8);

	uint32_t workers[2] = { 0, 0 };
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 2);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_IOWQ_MAX_WORKERS, workers, 3);
	uint64_t cpus = 1;
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_IOWQ_AFF, &cpus, sizeof(cpus));
	syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_IOWQ_AFF, NULL, 0);

	struct io_uring_restriction res[2] = {
		{ .opcode = IORING_RESTRICTION_SQE_OP, .sqe_op = IORING_OP_READV },
		{ .opcode = IORING_RESTRICTION_SQE_FLAGS_ALLOWED, .sqe_flags = IOSQE_ASYNC },
	};
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_RESTRICTIONS, res, 2);
	struct io_uring_rsrc_update rfd = { .offset = -1, .data = ring };
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_RING_FDS, &rfd, 1);
	syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_RING_FDS, &rfd, 1);
	struct io_uring_buf_reg br = { .ring_addr = 0, .ring_entries = 3, .bgid = 1 };
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_PBUF_RING, &br, 1);
	syscall(SYS_io_uring_register, ring, 99, NULL, 0);
	close(ring);
}

/*
 * perf_event_open with attributes of each type; a size larger than the kernel knows with
 * a non-zero tail gets E2BIG and the kernel's size written back.
 */
static void perf(void)
{
	static uint64_t buf[32];
	struct perf_event_attr *a = (struct perf_event_attr *)buf;
	a->type = PERF_TYPE_SOFTWARE;
	a->size = sizeof(*a);
	a->config = PERF_COUNT_SW_DUMMY;
	a->disabled = 1;
	a->exclude_kernel = 1;
	long fd = syscall(SYS_perf_event_open, a, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	if (fd >= 0)
		close(fd);
	a->type = PERF_TYPE_HARDWARE;
	a->config = 0xdead00000001ull;
	a->size = PERF_ATTR_SIZE_VER0;
	a->freq = 1;
	a->sample_freq = 4000;
	a->sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_BRANCH_STACK | (1ull << 40);
	a->precise_ip = 2;
	syscall(SYS_perf_event_open, a, -1, -1, -1, 0x10);
	a->type = PERF_TYPE_HW_CACHE;
	a->config = 0x5010203;
	a->size = 0;
	syscall(SYS_perf_event_open, a, 0, 0, 5, 0);
	a->type = PERF_TYPE_BREAKPOINT;
	a->bp_type = 5;
	a->bp_addr = 0x1000;
	a->bp_len = 8;
	a->size = 200;
	buf[22] = 1;
	a->use_clockid = 1;
	a->clockid = CLOCK_MONOTONIC;
	syscall(SYS_perf_event_open, a, 0, 0, -1, 0);
	a->size = 96;
	a->type = PERF_TYPE_TRACEPOINT;
	a->config = 42;
	a->watermark = 1;
	a->wakeup_watermark = 3;
	syscall(SYS_perf_event_open, a, 0, 0, -1, 0);
	syscall(SYS_perf_event_open, NULL, 0, 0, -1, 0);
}

int main(void)
{
	perf();
	uring();
	pages_futexes();
	quota_clock();
	filters();
	aio();
	admin();
	memctl();
	extensible();
	return 0;
}
