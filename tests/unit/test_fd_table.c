/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The eBPF backend's fd tables (trace/fd_table.c) fed through the line mode's adapter with
 * events as the kernel program sends them: an fd's kind follows socket, dup2, fcntl and close
 * whatever /proc says later; a netlink socket's protocol is told once it has an address; a
 * fork copies the table and a clone with CLONE_FILES shares it; execve ends the close-on-exec
 * fds; with -y, paths follow the working directory and unlink, and pidfds their process. The
 * thread is this test's own process (seeded from its /proc/self/fd), its fds numbered
 * far above any it has.
 */
#include <fcntl.h>
#include <linux/magic.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "schema/syscall_nr.h"
#include "trace/decode.h"
#include "trace/decode/fd_socket.h"
#include "trace/ebpf_lines.h"
#include "trace/fd_table.h"
#include "tl_events.h"

#define FD_A 900
#define FD_B 901
#define FD_C 902

static void ignore(void *ctx, const struct tracer_event *ev)
{
	(void)ctx;
	(void)ev;
}

/* B as the entry event of thread TID's syscall NR with ARGS (or none), no memory yet. */
static void entry_head(struct ev_buf *b, uint32_t tid, long nr, const uint64_t *args)
{
	ev_new(b, TL_ENTER, tid, nr);
	for (int i = 0; args && i < 6; i++)
		b->head.args[i] = args[i];
}

/* Thread TID's syscall NR with ARGS enters and returns RET; CHUNK (LEN bytes at ADDR) is the
 * memory its entry copied. */
static void syscall_ret(struct ebpf_lines *l, uint32_t tid, long nr, const uint64_t *args,
			int64_t ret, uint64_t addr, const void *chunk, uint32_t len)
{
	struct ev_buf b;

	entry_head(&b, tid, nr, args);
	if (chunk)
		ev_chunk(&b, addr, chunk, len, 0);
	ebpf_lines_event(l, &b.head, b.head.size);
	b.head.kind = TL_EXIT;
	b.head.size = sizeof(b.head);
	b.head.ret = ret;
	ebpf_lines_event(l, &b.head, b.head.size);
}

static void call(struct ebpf_lines *l, uint32_t tid, long nr, uint64_t a0, uint64_t a1,
		 uint64_t a2, int64_t ret)
{
	uint64_t args[6] = { a0, a1, a2 };

	syscall_ret(l, tid, nr, args, ret, 0, NULL, 0);
}

static enum fd_known known(pid_t tid, int fd)
{
	const struct fd_entry *e;

	return fd_tables_find(tid, fd, &e);
}

static struct ebpf_lines *seeded(void)
{
	struct ebpf_lines *l = ebpf_lines_new(ignore, NULL, 1, false);

	ebpf_lines_seed(l, getpid(), getpid());
	return l;
}

static void test_kind_follows_the_events(void **state)
{
	(void)state;
	pid_t me = getpid();
	struct ebpf_lines *l = seeded();
	char proto[32];

	assert_int_equal(known(me, FD_A), FD_NOT_OPEN);
	assert_int_equal(known(me, 1), FD_OPEN);	/* seeded: stdout */
	call(l, me, NR_socket, AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG, FD_A);
	assert_true(fd_socket_proto(me, FD_A, proto, sizeof(proto)));
	assert_string_equal(proto, "NETLINK");
	/* unbound: sock_diag does not list it, strace does not know its protocol */
	assert_int_equal(fd_socket_netlink_protocol(me, FD_A), -1);
	call(l, me, NR_sendto, FD_A, 0, 20, 20);
	assert_int_equal(fd_socket_netlink_protocol(me, FD_A), NETLINK_SOCK_DIAG);

	/* copies are the same socket, bound too; the original's close leaves them */
	call(l, me, NR_dup2, FD_A, FD_B, 0, FD_B);
	call(l, me, NR_fcntl, FD_A, F_DUPFD_CLOEXEC, FD_C, FD_C);
	call(l, me, NR_close, FD_A, 0, 0, 0);
	assert_int_equal(known(me, FD_A), FD_NOT_OPEN);
	assert_int_equal(fd_socket_netlink_protocol(me, FD_B), NETLINK_SOCK_DIAG);
	assert_int_equal(fd_socket_netlink_protocol(me, FD_C), NETLINK_SOCK_DIAG);

	/* the number reused: a Unix socket, then a file */
	call(l, me, NR_socket, AF_UNIX, SOCK_STREAM, 0, FD_A);
	assert_true(fd_socket_proto(me, FD_A, proto, sizeof(proto)));
	assert_string_equal(proto, "UNIX-STREAM");
	assert_int_equal(fd_socket_netlink_protocol(me, FD_A), -1);
	call(l, me, NR_close, FD_A, 0, 0, 0);
	call(l, me, NR_openat, AT_FDCWD, 0x1000, O_RDONLY, FD_A);
	assert_int_equal(known(me, FD_A), FD_OPEN);
	assert_false(fd_socket_proto(me, FD_A, proto, sizeof(proto)));

	/* close_range ends them all; a failed close (EBADF) changes nothing */
	call(l, me, NR_close_range, FD_A, FD_C, 0, 0);
	assert_int_equal(known(me, FD_B), FD_NOT_OPEN);
	assert_int_equal(known(me, FD_C), FD_NOT_OPEN);
	ebpf_lines_free(l);
	/* no tables served: /proc answers */
	assert_int_equal(known(me, FD_A), FD_ASK_PROC);
}

static void fork_ev(struct ebpf_lines *l, uint32_t parent, uint32_t child)
{
	struct ev_buf b;

	ev_new(&b, TL_FORK, child, 0)->args[0] = parent;
	ebpf_lines_event(l, &b.head, b.head.size);
}

/* Parent P enters NR with ARGS (and clone3's struct at 0x3000), child C joins. */
static void forked(struct ebpf_lines *l, uint32_t p, uint32_t c, long nr, uint64_t a0,
		   const uint64_t *clone3_flags)
{
	struct ev_buf b;

	ev_new(&b, TL_ENTER, p, nr)->args[0] = a0;
	if (clone3_flags)
		ev_chunk(&b, a0, clone3_flags, sizeof(*clone3_flags), 0);
	ebpf_lines_event(l, &b.head, b.head.size);
	fork_ev(l, p, c);
	b.head.kind = TL_EXIT;
	b.head.size = sizeof(b.head);
	b.head.ret = c;
	ebpf_lines_event(l, &b.head, b.head.size);
}

static void test_fork_copies_clone_files_shares(void **state)
{
	(void)state;
	pid_t me = getpid(), copy = 0x7ffffff0, thread = 0x7ffffff1;
	struct ebpf_lines *l = seeded();
	uint64_t thread_flags = CLONE_VM | CLONE_FILES | CLONE_THREAD | CLONE_SIGHAND;

	call(l, me, NR_socket, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE, FD_A);
	forked(l, me, copy, NR_clone, SIGCHLD, NULL);
	forked(l, me, thread, NR_clone3, 0x3000, &thread_flags);
	call(l, copy, NR_close, FD_A, 0, 0, 0);
	assert_int_equal(known(copy, FD_A), FD_NOT_OPEN);
	assert_int_equal(known(me, FD_A), FD_OPEN);
	call(l, thread, NR_close, FD_A, 0, 0, 0);
	assert_int_equal(known(me, FD_A), FD_NOT_OPEN);
	ebpf_lines_free(l);
}

static void test_execve_ends_cloexec_fds(void **state)
{
	(void)state;
	pid_t me = getpid();
	struct ebpf_lines *l = seeded();

	call(l, me, NR_socket, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0, FD_A);
	call(l, me, NR_socket, AF_INET, SOCK_DGRAM, 0, FD_B);
	call(l, me, NR_fcntl, FD_B, F_SETFD, FD_CLOEXEC, 0);
	call(l, me, NR_socket, AF_INET6, SOCK_DGRAM, 0, FD_C);
	call(l, me, NR_execve, 0, 0, 0, 0);
	assert_int_equal(known(me, FD_A), FD_NOT_OPEN);
	assert_int_equal(known(me, FD_B), FD_NOT_OPEN);
	assert_int_equal(known(me, FD_C), FD_OPEN);
	ebpf_lines_free(l);
}

/* The path of NAME's syscall NR (its entry copied NAME at 0x1000) with ARG0 before it. */
static void with_name(struct ebpf_lines *l, pid_t tid, long nr, int64_t arg0, const char *name,
		      int64_t ret)
{
	uint64_t args[6] = { (uint64_t)arg0, 0x1000 };

	if (nr == NR_chdir || nr == NR_unlink)
		args[0] = 0x1000;
	syscall_ret(l, tid, nr, args, ret, 0x1000, name, (uint32_t)strlen(name) + 1);
}

static void test_paths_follow_cwd_and_unlink(void **state)
{
	(void)state;
	pid_t me = getpid();
	struct ebpf_lines *l = ebpf_lines_new(ignore, NULL, 1, true);
	char dir[] = "/tmp/fd_table_XXXXXX", file[64], path[4096];

	assert_non_null(mkdtemp(dir));
	snprintf(file, sizeof(file), "%s/f", dir);
	close(open(file, O_CREAT | O_WRONLY, 0600));
	ebpf_lines_seed(l, me, me);

	with_name(l, me, NR_chdir, 0, dir, 0);
	assert_string_equal(fd_tables_cwd(me), dir);
	with_name(l, me, NR_openat, AT_FDCWD, "f", FD_A);
	assert_true(fd_path(me, FD_A, path, sizeof(path)));
	assert_string_equal(path, file);
	/* the file unlinked: named as /proc names it */
	unlink(file);
	with_name(l, me, NR_unlink, 0, "f", 0);
	assert_true(fd_path(me, FD_A, path, sizeof(path)));
	assert_int_equal(strncmp(path, file, strlen(file)), 0);
	assert_string_equal(path + strlen(file), " (deleted)");
	const struct fd_entry *e = NULL;
	assert_int_equal(fd_tables_find(me, FD_A, &e), FD_OPEN);
	assert_true(e->unlinked);

	/* a pidfd and its copy: the process pidfd_open named */
	call(l, me, NR_pidfd_open, 4321, 0, 0, FD_B);
	call(l, me, NR_dup, FD_B, 0, 0, FD_C);
	assert_int_equal(fd_pidfd_pid(me, FD_C), 4321);
	assert_true(fd_path(me, FD_C, path, sizeof(path)));
	assert_string_equal(path, "anon_inode:[pidfd]");
	ebpf_lines_free(l);
	rmdir(dir);
}

/* A directory removed since the open: "." and ".." made canonical from the names alone. A
 * file named like the kernel's mark of an unlinked file is not one. */
static void test_paths_of_removed_dirs_and_odd_names(void **state)
{
	(void)state;
	pid_t me = getpid();
	struct ebpf_lines *l = ebpf_lines_new(ignore, NULL, 1, true);
	char dir[] = "/tmp/fd_table_XXXXXX", sub[64], odd[64], path[4096];
	const struct fd_entry *e = NULL;

	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof(sub), "%s/sub", dir);
	snprintf(odd, sizeof(odd), "%s/kept (deleted)", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	close(open(odd, O_CREAT | O_WRONLY, 0600));
	ebpf_lines_seed(l, me, me);

	with_name(l, me, NR_chdir, 0, sub, 0);
	rmdir(sub);
	with_name(l, me, NR_openat, AT_FDCWD, ".", FD_A);
	assert_true(fd_path(me, FD_A, path, sizeof(path)));
	assert_string_equal(path, sub);
	with_name(l, me, NR_openat, AT_FDCWD, "./../x/..//.", FD_B);
	assert_true(fd_path(me, FD_B, path, sizeof(path)));
	assert_string_equal(path, dir);

	with_name(l, me, NR_openat, AT_FDCWD, odd, FD_C);
	unlink(odd);
	assert_int_equal(fd_tables_find(me, FD_C, &e), FD_OPEN);
	assert_false(e->unlinked);
	assert_true(fd_path(me, FD_C, path, sizeof(path)));
	assert_string_equal(path, odd);
	ebpf_lines_free(l);
	rmdir(dir);
}

/* What the kernel program says of fd FD (the TL_FILE chunk it appends to an exit event). */
static struct tl_file kfile(int fd, unsigned mode, uint64_t ino, uint64_t magic, const char *name)
{
	struct tl_file f;

	memset(&f, 0, sizeof(f));
	f.fd = fd;
	f.mode = (uint16_t)mode;
	f.ino = ino;
	f.magic = magic;
	snprintf(f.name, sizeof(f.name), "%s", name);
	return f;
}

/* Thread TID's syscall NR with ARGS returns RET; its exit event holds the kernel's FILES
 * (N of them) and its entry the LEN bytes of MEM at 0x1000. */
static void made_with_files(struct ebpf_lines *l, uint32_t tid, long nr, const uint64_t *args,
			    int64_t ret, const void *mem, uint32_t len, const struct tl_file *files,
			    int n)
{
	struct ev_buf b;

	entry_head(&b, tid, nr, args);
	if (mem)
		ev_chunk(&b, 0x1000, mem, len, 0);
	ebpf_lines_event(l, &b.head, b.head.size);
	b.head.kind = TL_EXIT;
	b.head.size = sizeof(b.head);
	b.head.ret = ret;
	for (int i = 0; i < n; i++)
		ev_chunk(&b, 0, &files[i], sizeof(files[i]), TL_FILE);
	ebpf_lines_event(l, &b.head, b.head.size);
}

static void assert_path(pid_t tid, int fd, const char *want)
{
	char path[4096];

	assert_true(fd_path(tid, fd, path, sizeof(path)));
	assert_string_equal(path, want);
}

/* -y after the fd is gone from /proc (these numbers never were open here): the kernel's word
 * names sockets, pipes, anonymous inodes and memfds; a file of another filesystem is left to
 * /proc, and an fd the tables do not hold open gets no entry from it. */
static void test_kernel_names_the_new_fds(void **state)
{
	(void)state;
	pid_t me = getpid();
	struct ebpf_lines *l = ebpf_lines_new(ignore, NULL, 1, true);
	char proto[32];
	int pair[2] = { FD_A, FD_B };
	uint64_t sock[6] = { AF_UNIX, SOCK_STREAM, 0 }, pipe2_args[6] = { 0x1000, O_CLOEXEC };
	uint64_t accept_args[6] = { FD_C }, plain[6] = { 0 };

	ebpf_lines_seed(l, me, me);
	struct tl_file f = kfile(FD_A, S_IFSOCK | 0777, 4242, SOCKFS_MAGIC, "UNIX-STREAM");

	made_with_files(l, me, NR_socket, sock, FD_A, NULL, 0, &f, 1);
	assert_path(me, FD_A, "socket:[4242]");
	call(l, me, NR_close, FD_A, 0, 0, 0);
	assert_int_equal(known(me, FD_A), FD_NOT_OPEN);

	struct tl_file p[2] = { kfile(FD_A, S_IFIFO | 0600, 77, PIPEFS_MAGIC, ""),
				kfile(FD_B, S_IFIFO | 0600, 77, PIPEFS_MAGIC, "") };

	made_with_files(l, me, NR_pipe2, pipe2_args, 0, pair, sizeof(pair), p, 2);
	assert_path(me, FD_A, "pipe:[77]");
	assert_path(me, FD_B, "pipe:[77]");

	/* accept on a listener the tables never saw: the family is the kernel's */
	f = kfile(FD_C + 1, S_IFSOCK | 0777, 99, SOCKFS_MAGIC, "TCP");
	f.family = AF_INET;
	f.type = SOCK_STREAM;
	f.protocol = IPPROTO_TCP;
	made_with_files(l, me, NR_accept, accept_args, FD_C + 1, NULL, 0, &f, 1);
	assert_path(me, FD_C + 1, "socket:[99]");
	assert_true(fd_socket_proto(me, FD_C + 1, proto, sizeof(proto)));
	assert_string_equal(proto, "TCP");

	f = kfile(FD_C + 2, 0600, 5, ANON_INODE_FS_MAGIC, "[eventfd]");
	made_with_files(l, me, NR_eventfd2, plain, FD_C + 2, NULL, 0, &f, 1);
	assert_path(me, FD_C + 2, "anon_inode:[eventfd]");
	f = kfile(FD_C + 3, 0600, 6, ANON_INODE_FS_MAGIC, "inotify");
	made_with_files(l, me, NR_inotify_init1, plain, FD_C + 3, NULL, 0, &f, 1);
	assert_path(me, FD_C + 3, "anon_inode:inotify");
	f = kfile(FD_C + 4, S_IFREG | 0777, 7, TMPFS_MAGIC, "memfd:name");
	made_with_files(l, me, NR_memfd_create, plain, FD_C + 4, NULL, 0, &f, 1);
	assert_path(me, FD_C + 4, "/memfd:name (deleted)");

	/* a netlink socket bound since: -yy names its protocol and the port id the kernel said,
	 * after sock_diag forgot it (no socket has this inode) */
	uint64_t nl[6] = { AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG }, bind_args[6] = { FD_C + 8 };
	char details[128];

	f = kfile(FD_C + 8, S_IFSOCK | 0777, 0xfffffff0, SOCKFS_MAGIC, "NETLINK");
	f.family = AF_NETLINK;
	f.type = SOCK_RAW;
	f.protocol = NETLINK_SOCK_DIAG;
	made_with_files(l, me, NR_socket, nl, FD_C + 8, NULL, 0, &f, 1);
	assert_true(fd_socket_details(me, FD_C + 8, "socket:[4294967280]", details,
				      sizeof(details)));
	assert_string_equal(details, "NETLINK:[4294967280]");
	f.portid = 4321;
	made_with_files(l, me, NR_bind, bind_args, 0, NULL, 0, &f, 1);
	assert_true(fd_socket_details(me, FD_C + 8, "socket:[4294967280]", details,
				      sizeof(details)));
	assert_string_equal(details, "NETLINK:[SOCK_DIAG:4321]");

	/* a device: its type and numbers (the kernel's dev_t is major << 20 | minor) */
	const struct fd_entry *dev;

	f = kfile(FD_C + 7, S_IFCHR | 0666, 10, 0x01021994, "null");
	f.rdev = 1u << 20 | 3;
	made_with_files(l, me, NR_openat, plain, FD_C + 7, NULL, 0, &f, 1);
	assert_int_equal(fd_tables_find(me, FD_C + 7, &dev), FD_OPEN);
	assert_int_equal(dev->dev_type, S_IFCHR);
	assert_int_equal(dev->dev_major, 1);
	assert_int_equal(dev->dev_minor, 3);

	/* ext4: the path is /proc's to say (here: nothing) */
	f = kfile(FD_C + 5, S_IFREG | 0644, 8, 0xEF53, "passwd");
	made_with_files(l, me, NR_openat, plain, FD_C + 5, NULL, 0, &f, 1);
	assert_int_equal(known(me, FD_C + 5), FD_OPEN);
	assert_false(fd_path(me, FD_C + 5, proto, sizeof(proto)));
	/* not made by the call (bpf's result 0 for a command that makes no fd) and not open */
	f = kfile(FD_C + 6, S_IFSOCK | 0777, 9, SOCKFS_MAGIC, "");
	made_with_files(l, me, NR_close, plain, 0, NULL, 0, &f, 1);
	assert_int_equal(known(me, FD_C + 6), FD_NOT_OPEN);
	ebpf_lines_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_follows_the_events),
		cmocka_unit_test(test_fork_copies_clone_files_shares),
		cmocka_unit_test(test_execve_ends_cloexec_fds),
		cmocka_unit_test(test_paths_follow_cwd_and_unlink),
		cmocka_unit_test(test_paths_of_removed_dirs_and_odd_names),
		cmocka_unit_test(test_kernel_names_the_new_fds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
