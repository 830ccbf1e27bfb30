/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The syscall table and the decoder registry: names for every number x86_64 defines,
 * strace 6.1's class membership, lookups by name and class, decoders naming known syscalls.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "schema/syscalls.h"
#include "trace/decode/decoders.h"

#define UNISTD_64 "/usr/include/x86_64-linux-gnu/asm/unistd_64.h"

/* The highest number strace 6.1 knows on x86_64; classes above it are ours to choose. */
#define STRACE61_LAST_NR 450

/* Every `#define __NR_name nr` of the installed kernel headers has that name in our table. */
static void test_names_match_kernel_headers(void **state)
{
	FILE *f = fopen(UNISTD_64, "r");
	if (!f) {
		print_message("%s not installed\n", UNISTD_64);
		skip();
	}
	char line[256], name[128];
	long nr;
	int checked = 0;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "#define __NR_%127s %ld", name, &nr) != 2)
			continue;
		assert_in_range(nr, 0, SYSCALL_NR_LIMIT - 1);
		const struct syscall_info *si = syscall_by_nr(nr);
		if (!si)
			fail_msg("syscall %ld (%s) has no row", nr, name);
		if (strcmp(si->name, name) != 0)
			fail_msg("syscall %ld is %s in the headers, %s in the table", nr, name,
				 si->name);
		assert_int_equal(si->nr, nr);
		assert_int_equal(syscall_nr_by_name(name), nr);
		checked++;
	}
	fclose(f);
	assert_true(checked > 300);
}

/* x86_64 numbers 0..334 and 424..467 are all defined; 335..423 are the gap. */
static void test_dense_ranges(void **state)
{
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
		const struct syscall_info *si = syscall_by_nr(nr);
		bool defined = nr <= 334 || nr >= 424;
		if (defined != (si != NULL))
			fail_msg("syscall %ld: defined=%d row=%d", nr, defined, si != NULL);
		if (si) {
			assert_non_null(si->name);
			assert_true(si->name[0] != '\0');
			assert_int_equal(si->nr, nr);
			assert_in_range(si->nargs, 0, 6);
			assert_int_equal(strlen(si->arg_kinds), si->nargs);
		}
	}
	assert_null(syscall_by_nr(-1));
	assert_null(syscall_by_nr(SYSCALL_NR_LIMIT));
	assert_null(syscall_by_nr(400));
}

static void test_names_unique(void **state)
{
	for (long a = 0; a < SYSCALL_NR_LIMIT; a++) {
		const struct syscall_info *sa = syscall_by_nr(a);
		if (!sa)
			continue;
		for (long b = a + 1; b < SYSCALL_NR_LIMIT; b++) {
			const struct syscall_info *sb = syscall_by_nr(b);
			if (sb && strcmp(sa->name, sb->name) == 0)
				fail_msg("%s is both %ld and %ld", sa->name, a, b);
		}
		assert_int_equal(syscall_nr_by_name(sa->name), a);
	}
}

static void test_nr_by_name(void **state)
{
	assert_int_equal(syscall_nr_by_name("read"), 0);
	assert_int_equal(syscall_nr_by_name("openat"), 257);
	assert_int_equal(syscall_nr_by_name("exit_group"), 231);
	assert_int_equal(syscall_nr_by_name("clone3"), 435);
	assert_int_equal(syscall_nr_by_name("rseq"), 334);
	assert_int_equal(syscall_nr_by_name("nosuch"), -1);
	assert_int_equal(syscall_nr_by_name(""), -1);
	assert_int_equal(syscall_nr_by_name("OPEN"), -1);
	assert_int_equal(syscall_nr_by_name("ope"), -1);
}

/* Argument counts strace prints for common syscalls. */
static void test_nargs(void **state)
{
	static const struct { const char *name; int nargs; } cases[] = {
		{ "read", 3 }, { "openat", 4 }, { "mmap", 6 }, { "close", 1 },
		{ "getpid", 0 }, { "execve", 3 }, { "clone", 5 }, { "wait4", 4 },
		{ "rt_sigaction", 4 }, { "newfstatat", 4 }, { "exit_group", 1 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long nr = syscall_nr_by_name(cases[i].name);
		assert_true(nr >= 0);
		assert_int_equal(syscall_by_nr(nr)->nargs, cases[i].nargs);
	}
}

/* Class membership of strace 6.1 (src/linux/x86_64/syscallent.h), complete per class. */
static const struct {
	uint32_t cls;
	const char *label;
	const char *members;
} strace_classes[] = {
	{ SC_DESC, "SC_DESC",
	  "read write open close fstat poll lseek mmap ioctl pread64 pwrite64 readv writev "
	  "pipe select dup dup2 sendfile fcntl flock fsync fdatasync ftruncate getdents "
	  "fchdir creat fchmod fchown fstatfs readahead fsetxattr fgetxattr flistxattr "
	  "fremovexattr epoll_create getdents64 fadvise64 epoll_wait epoll_ctl mq_open "
	  "mq_timedsend mq_timedreceive mq_notify mq_getsetattr inotify_init "
	  "inotify_add_watch inotify_rm_watch openat mkdirat mknodat fchownat futimesat "
	  "newfstatat unlinkat renameat linkat symlinkat readlinkat fchmodat faccessat "
	  "pselect6 ppoll splice tee sync_file_range vmsplice utimensat epoll_pwait "
	  "signalfd timerfd_create eventfd fallocate timerfd_settime timerfd_gettime "
	  "signalfd4 eventfd2 epoll_create1 dup3 pipe2 inotify_init1 preadv pwritev "
	  "perf_event_open fanotify_init fanotify_mark name_to_handle_at open_by_handle_at "
	  "syncfs setns finit_module renameat2 memfd_create kexec_file_load bpf execveat "
	  "userfaultfd copy_file_range preadv2 pwritev2 statx pidfd_send_signal "
	  "io_uring_setup io_uring_enter io_uring_register open_tree move_mount fsopen "
	  "fsconfig fsmount fspick pidfd_open openat2 pidfd_getfd faccessat2 "
	  "process_madvise epoll_pwait2 mount_setattr quotactl_fd landlock_create_ruleset "
	  "landlock_add_rule landlock_restrict_self memfd_secret process_mrelease" },
	{ SC_FILE, "SC_FILE",
	  "open stat lstat access execve truncate getcwd chdir rename mkdir rmdir creat "
	  "link unlink symlink readlink chmod chown lchown utime mknod uselib statfs "
	  "pivot_root chroot acct mount umount2 swapon swapoff quotactl setxattr lsetxattr "
	  "getxattr lgetxattr listxattr llistxattr removexattr lremovexattr utimes "
	  "inotify_add_watch openat mkdirat mknodat fchownat futimesat newfstatat unlinkat "
	  "renameat linkat symlinkat readlinkat fchmodat faccessat utimensat fanotify_mark "
	  "name_to_handle_at renameat2 execveat statx open_tree move_mount fsconfig fspick "
	  "openat2 faccessat2 mount_setattr" },
	{ SC_IPC, "SC_IPC",
	  "shmget shmat shmctl semget semop semctl shmdt msgget msgsnd msgrcv msgctl "
	  "semtimedop" },
	{ SC_NETWORK, "SC_NETWORK",
	  "sendfile socket connect accept sendto recvfrom sendmsg recvmsg shutdown bind "
	  "listen getsockname getpeername socketpair setsockopt getsockopt getpmsg putpmsg "
	  "accept4 recvmmsg sendmmsg" },
	{ SC_PROCESS, "SC_PROCESS",
	  "clone fork vfork execve exit wait4 kill rt_sigqueueinfo tkill exit_group tgkill "
	  "waitid rt_tgsigqueueinfo execveat pidfd_send_signal clone3" },
	{ SC_SIGNAL, "SC_SIGNAL",
	  "rt_sigaction rt_sigprocmask rt_sigreturn pause kill rt_sigpending "
	  "rt_sigtimedwait rt_sigqueueinfo rt_sigsuspend sigaltstack tkill tgkill signalfd "
	  "signalfd4 rt_tgsigqueueinfo pidfd_send_signal io_uring_enter" },
	{ SC_MEMORY, "SC_MEMORY",
	  "mmap mprotect munmap brk mremap msync mincore madvise shmat shmdt mlock munlock "
	  "mlockall munlockall io_setup io_destroy remap_file_pages mbind set_mempolicy "
	  "get_mempolicy migrate_pages move_pages mlock2 pkey_mprotect io_uring_register "
	  "set_mempolicy_home_node" },
	{ SC_STAT, "SC_STAT",
	  "stat" },
	{ SC_LSTAT, "SC_LSTAT",
	  "lstat" },
	{ SC_FSTAT, "SC_FSTAT",
	  "fstat newfstatat statx" },
	{ SC_STAT_LIKE, "SC_STAT_LIKE",
	  "stat fstat lstat newfstatat statx" },
	{ SC_STATFS, "SC_STATFS",
	  "statfs" },
	{ SC_FSTATFS, "SC_FSTATFS",
	  "fstatfs" },
	{ SC_STATFS_LIKE, "SC_STATFS_LIKE",
	  "ustat statfs fstatfs" },
	{ SC_PURE, "SC_PURE",
	  "getpid getuid getgid geteuid getegid getppid getpgrp gettid" },
	{ SC_CREDS, "SC_CREDS",
	  "getuid getgid setuid setgid geteuid getegid setreuid setregid getgroups "
	  "setgroups setresuid getresuid setresgid getresgid setfsuid setfsgid capget "
	  "capset prctl" },
	{ SC_CLOCK, "SC_CLOCK",
	  "gettimeofday adjtimex settimeofday time clock_settime clock_gettime clock_getres "
	  "clock_adjtime" },
};

static bool word_in(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; (p = strstr(p, word)) != NULL; p += n) {
		bool start = p == list || p[-1] == ' ';
		bool end = p[n] == ' ' || p[n] == '\0';
		if (start && end)
			return true;
	}
	return false;
}

static void test_classes_match_strace(void **state)
{
	int bad = 0;
	for (size_t c = 0; c < sizeof(strace_classes) / sizeof(strace_classes[0]); c++) {
		for (long nr = 0; nr <= STRACE61_LAST_NR; nr++) {
			const struct syscall_info *si = syscall_by_nr(nr);
			if (!si)
				continue;
			bool want = word_in(strace_classes[c].members, si->name);
			bool have = (si->classes & strace_classes[c].cls) != 0;
			if (want != have) {
				print_error("%s: %s %s\n", si->name, strace_classes[c].label,
					    want ? "missing" : "extra");
				bad++;
			}
		}
	}
	assert_int_equal(bad, 0);
}

static void test_class_examples(void **state)
{
	const struct syscall_info *open = syscall_by_nr(syscall_nr_by_name("open"));
	assert_true(open->classes & SC_FILE);
	assert_true(open->classes & SC_DESC);
	const struct syscall_info *stat = syscall_by_nr(syscall_nr_by_name("stat"));
	assert_true(stat->classes & SC_STAT);
	assert_true(stat->classes & SC_STAT_LIKE);
	assert_false(stat->classes & SC_DESC);
	const struct syscall_info *read = syscall_by_nr(0);
	assert_int_equal(read->classes & (SC_FILE | SC_NETWORK | SC_PROCESS), 0);
	assert_true(syscall_by_nr(syscall_nr_by_name("socket"))->classes & SC_NETWORK);
	assert_true(syscall_by_nr(syscall_nr_by_name("kill"))->classes & SC_SIGNAL);
	assert_true(syscall_by_nr(syscall_nr_by_name("clone"))->classes & SC_PROCESS);
	assert_true(syscall_by_nr(syscall_nr_by_name("brk"))->classes & SC_MEMORY);
	assert_true(syscall_by_nr(syscall_nr_by_name("getpid"))->classes & SC_PURE);
}

/* Every stat/statfs variant is also in its %%stat / %%statfs umbrella class. */
static void test_class_umbrellas(void **state)
{
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
		const struct syscall_info *si = syscall_by_nr(nr);
		if (!si)
			continue;
		if (si->classes & (SC_STAT | SC_LSTAT | SC_FSTAT))
			assert_true(si->classes & SC_STAT_LIKE);
		if (si->classes & (SC_STATFS | SC_FSTATFS))
			assert_true(si->classes & SC_STATFS_LIKE);
	}
}

static void test_class_by_name(void **state)
{
	assert_int_equal(syscall_class_by_name("%file"), SC_FILE);
	assert_int_equal(syscall_class_by_name("file"), SC_FILE);
	assert_int_equal(syscall_class_by_name("%desc"), SC_DESC);
	assert_int_equal(syscall_class_by_name("%net"), SC_NETWORK);
	assert_int_equal(syscall_class_by_name("%network"), SC_NETWORK);
	assert_int_equal(syscall_class_by_name("%process"), SC_PROCESS);
	assert_int_equal(syscall_class_by_name("%signal"), SC_SIGNAL);
	assert_int_equal(syscall_class_by_name("%ipc"), SC_IPC);
	assert_int_equal(syscall_class_by_name("%memory"), SC_MEMORY);
	assert_int_equal(syscall_class_by_name("%creds"), SC_CREDS);
	assert_int_equal(syscall_class_by_name("%clock"), SC_CLOCK);
	assert_int_equal(syscall_class_by_name("%stat"), SC_STAT);
	assert_int_equal(syscall_class_by_name("%lstat"), SC_LSTAT);
	assert_int_equal(syscall_class_by_name("%fstat"), SC_FSTAT);
	assert_int_equal(syscall_class_by_name("%%stat"), SC_STAT_LIKE);
	assert_int_equal(syscall_class_by_name("%statfs"), SC_STATFS);
	assert_int_equal(syscall_class_by_name("%fstatfs"), SC_FSTATFS);
	assert_int_equal(syscall_class_by_name("%%statfs"), SC_STATFS_LIKE);
	assert_int_equal(syscall_class_by_name("%pure"), SC_PURE);
	assert_int_equal(syscall_class_by_name("%nosuch"), 0);
	assert_int_equal(syscall_class_by_name(""), 0);
}

/* Every DECODER(name, fn) row names a syscall the table knows, once. */
static void test_decoders_name_known_syscalls(void **state)
{
	size_t n = decoder_count();
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = decoder_name(i);
		assert_non_null(name);
		if (syscall_nr_by_name(name) < 0) {
			print_error("DECODER(%s, ...) names no syscall\n", name);
			bad++;
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(decoder_name(j), name) == 0) {
				print_error("DECODER(%s, ...) appears twice\n", name);
				bad++;
			}
	}
	assert_null(decoder_name(n));
	assert_int_equal(bad, 0);
}

/* A syscall with no decoder falls back to the generic one; a decoded one does not. */
static void test_decoder_lookup(void **state)
{
	assert_ptr_equal(decoder_for(-1), decode_generic);
	assert_ptr_equal(decoder_for(SYSCALL_NR_LIMIT), decode_generic);
	assert_ptr_equal(decoder_for(400), decode_generic);
	for (size_t i = 0; i < decoder_count(); i++) {
		long nr = syscall_nr_by_name(decoder_name(i));
		if (nr >= 0)
			assert_ptr_not_equal(decoder_for(nr), decode_generic);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_match_kernel_headers),
		cmocka_unit_test(test_dense_ranges),
		cmocka_unit_test(test_names_unique),
		cmocka_unit_test(test_nr_by_name),
		cmocka_unit_test(test_nargs),
		cmocka_unit_test(test_classes_match_strace),
		cmocka_unit_test(test_class_examples),
		cmocka_unit_test(test_class_umbrellas),
		cmocka_unit_test(test_class_by_name),
		cmocka_unit_test(test_decoders_name_known_syscalls),
		cmocka_unit_test(test_decoder_lookup),
	};
	return cmocka_run_group_tests_name("syscalls", tests, NULL, NULL);
}
