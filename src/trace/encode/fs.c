/* SPDX-License-Identifier: Apache-2.0 */
/* File calls: read, write, pread64, pwrite64, open, openat, close, pipe, pipe2. */
#include <asm/unistd.h>
#include <stdio.h>
#include <sys/stat.h>

#include "schema/ppm_flags.h"
#include "trace/encode/encode.h"

static bool positional(const struct enc *e)
{
	return e->nr == __NR_pread64 || e->nr == __NR_pwrite64;
}

/* fd, size, and pos for pread64/pwrite64 */
static void rw_enter(struct enc *e)
{
	enc_fd(e->b, e->a[0]);
	evb_u32(e->b, e->a[2]);
	if (positional(e))
		evb_u64(e->b, e->a[3]);
}

/* res, data (what was read or written, cut at the snaplen), then the enter's parameters */
static void rw_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	enc_user_buf(e, e->a[1], e->ret);
	rw_enter(e);
}

static void open_enter(struct enc *e)
{
	enc_user_str(e, e->a[0]);
	evb_u32(e->b, ppm_open_flags(e->a[1]));
	evb_u32(e->b, e->a[2]);
}

/* The device (the kernel's new_encode_dev() form, stat's st_dev) and inode of the file the
 * tracee opened as FD, through its /proc fd link; 0 and 0 for a failed open, as libs gives. */
static void opened_dev_ino(struct enc *e, int64_t fd)
{
	char path[64];
	struct stat st = { 0 };

	snprintf(path, sizeof(path), "/proc/%d/fd/%lld", (int)e->ev->pid, (long long)fd);
	if (fd < 0 || stat(path, &st))
		st.st_dev = st.st_ino = 0;
	evb_u32(e->b, st.st_dev);
	evb_u64(e->b, st.st_ino);
}

static void open_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	open_enter(e);
	opened_dev_ino(e, e->ret);
}

static void openat_enter(struct enc *e)
{
	enc_fd(e->b, e->a[0]);
	enc_user_str(e, e->a[1]);
	evb_u32(e->b, ppm_open_flags(e->a[2]));
	evb_u32(e->b, e->a[3]);
}

static void openat_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	openat_enter(e);
	opened_dev_ino(e, e->ret);
}

/* pipe, pipe2 exit: res, the two fds the kernel wrote to the tracee's array, the pipe's inode
 * (pipe_exit() in events_fs.bpf.h). */
static void pipe_exit(struct enc *e)
{
	const struct mem_reader *mem = e->ev->mem;
	int32_t fds[2] = { -1, -1 };
	char path[64];
	struct stat st = { 0 };

	if (!mem || mem->read(mem, e->a[0], fds, sizeof(fds)))
		fds[0] = fds[1] = -1;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", (int)e->ev->pid, fds[0]);
	if (e->ret != 0 || stat(path, &st))
		st.st_ino = 0;
	evb_u64(e->b, e->ret);
	evb_u64(e->b, (int64_t)fds[0]);
	evb_u64(e->b, (int64_t)fds[1]);
	evb_u64(e->b, st.st_ino);
}

static void close_enter(struct enc *e)
{
	enc_fd(e->b, e->a[0]);
}

static void close_exit(struct enc *e)
{
	evb_u64(e->b, e->ret);
	close_enter(e);
}

const struct syscall_encoder fs_encoders[] = {
	{ __NR_read, PPME_SYSCALL_READ_E, rw_enter, rw_exit },
	{ __NR_write, PPME_SYSCALL_WRITE_E, rw_enter, rw_exit },
	{ __NR_pread64, PPME_SYSCALL_PREAD_E, rw_enter, rw_exit },
	{ __NR_pwrite64, PPME_SYSCALL_PWRITE_E, rw_enter, rw_exit },
	{ __NR_open, PPME_SYSCALL_OPEN_E, open_enter, open_exit },
	{ __NR_openat, PPME_SYSCALL_OPENAT_2_E, openat_enter, openat_exit },
	{ __NR_close, PPME_SYSCALL_CLOSE_E, close_enter, close_exit },
	{ __NR_pipe, PPME_SYSCALL_PIPE_E, NULL, pipe_exit },
	{ __NR_pipe2, PPME_SYSCALL_PIPE_E, NULL, pipe_exit },
	{ .nr = -1 },
};
