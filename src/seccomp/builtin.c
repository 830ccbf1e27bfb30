/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Profiles built into sysray, by name. "docker-default" is what Docker's default seccomp
 * profile allows (moby's profiles/seccomp): everything else fails with EPERM. Its facts:
 * which syscalls a container may make on every architecture, which only on some, which
 * only with a capability, the arguments that decide clone, socket and personality, and
 * clone3's ENOSYS (so that glibc falls back to clone, whose flags a filter can read).
 */
#include "seccomp/profile.h"

#include <sched.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util/util.h"

/* The flags of clone that make a namespace: without CAP_SYS_ADMIN a container may not. */
#define NAMESPACE_FLAGS                                                                     \
	(CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER |      \
	 CLONE_NEWPID | CLONE_NEWNET)

/* personality(0xffffffff) only reads the current persona. */
#define PERSONA_QUERY 0xffffffffu

/*
 * One rule: NAMES (blank-separated) get ACTION when the machine matches. Several
 * conditions on one argument are alternatives (scp_rule_conds_or), on distinct arguments
 * all must hold.
 */
struct builtin_rule {
	const char *why;
	const char *names;
	enum scp_action action;
	int errno_ret;			/* 0: EPERM, as for a rule without errnoRet */
	const char *only_arches;	/* Go names; NULL: every architecture */
	const char *not_arches;
	const char *only_with_cap;	/* the capability the rule needs; NULL: none */
	const char *not_with_cap;	/* the rule is dropped when the container has it */
	int min_kernel[2];
	struct scp_cond conds[6];
	int nconds;
};

static const struct builtin_rule docker_rules[] = {
	{ .why = "files, directories, links and their metadata",
	  .names = "access chdir chmod chown chown32 creat faccessat faccessat2 fchdir fchmod "
		   "fchmodat fchown fchown32 fchownat futimesat getcwd getdents getdents64 "
		   "lchown lchown32 link linkat lstat lstat64 mkdir mkdirat mknod mknodat "
		   "name_to_handle_at newfstatat open openat openat2 readlink readlinkat "
		   "rename renameat renameat2 rmdir stat stat64 statfs statfs64 statx symlink "
		   "symlinkat truncate truncate64 umask unlink unlinkat utime utimensat "
		   "utimensat_time64 utimes fstat fstat64 fstatat64 fstatfs fstatfs64",
	  .action = SCP_ACT_ALLOW },
	{ .why = "extended attributes",
	  .names = "fgetxattr flistxattr fremovexattr fsetxattr getxattr lgetxattr listxattr "
		   "llistxattr lremovexattr lsetxattr removexattr setxattr",
	  .action = SCP_ACT_ALLOW },
	{ .why = "reading, writing and managing file descriptors",
	  .names = "close close_range copy_file_range dup dup2 dup3 fadvise64 fadvise64_64 "
		   "fallocate fcntl fcntl64 fdatasync flock fsync ftruncate ftruncate64 ioctl "
		   "_llseek lseek pread64 preadv preadv2 pwrite64 pwritev pwritev2 read "
		   "readahead readv sendfile sendfile64 splice sync sync_file_range syncfs tee "
		   "vmsplice write writev",
	  .action = SCP_ACT_ALLOW },
	{ .why = "waiting on descriptors, event and notification descriptors",
	  .names = "epoll_create epoll_create1 epoll_ctl epoll_ctl_old epoll_pwait "
		   "epoll_pwait2 epoll_wait epoll_wait_old eventfd eventfd2 fanotify_mark "
		   "inotify_add_watch inotify_init inotify_init1 inotify_rm_watch _newselect "
		   "pipe pipe2 poll ppoll ppoll_time64 pselect6 pselect6_time64 select "
		   "signalfd signalfd4 timerfd_create timerfd_gettime timerfd_gettime64 "
		   "timerfd_settime timerfd_settime64",
	  .action = SCP_ACT_ALLOW },
	{ .why = "asynchronous I/O",
	  .names = "io_cancel io_destroy io_getevents io_pgetevents io_pgetevents_time64 "
		   "io_setup io_submit io_uring_enter io_uring_register io_uring_setup",
	  .action = SCP_ACT_ALLOW },
	{ .why = "sockets (socket itself has a rule of its own)",
	  .names = "accept accept4 bind connect getpeername getsockname getsockopt listen recv "
		   "recvfrom recvmmsg recvmmsg_time64 recvmsg send sendmmsg sendmsg sendto "
		   "setsockopt shutdown socketcall socketpair",
	  .action = SCP_ACT_ALLOW },
	{ .why = "memory",
	  .names = "brk madvise membarrier memfd_create memfd_secret mincore mlock mlock2 "
		   "mlockall mmap mmap2 mprotect mremap msync munlock munlockall munmap "
		   "pkey_alloc pkey_free pkey_mprotect remap_file_pages",
	  .action = SCP_ACT_ALLOW },
	{ .why = "processes and threads: creating, running, waiting, ending",
	  .names = "execve execveat exit exit_group fork get_robust_list get_thread_area "
		   "getcpu getpgid getpgrp getpid getppid getpriority getrlimit getrusage "
		   "getsid gettid ioprio_get ioprio_set pidfd_open pidfd_send_signal prctl "
		   "prlimit64 process_mrelease restart_syscall rseq sched_get_priority_max "
		   "sched_get_priority_min sched_getaffinity sched_getattr sched_getparam "
		   "sched_getscheduler sched_rr_get_interval sched_rr_get_interval_time64 "
		   "sched_setaffinity sched_setattr sched_setparam sched_setscheduler "
		   "sched_yield seccomp set_robust_list set_thread_area set_tid_address "
		   "setpgid setpriority setrlimit setsid times ugetrlimit vfork wait4 waitid "
		   "waitpid landlock_add_rule landlock_create_ruleset landlock_restrict_self",
	  .action = SCP_ACT_ALLOW },
	{ .why = "identities and capabilities (what the kernel lets the process change)",
	  .names = "capget capset getegid getegid32 geteuid geteuid32 getgid getgid32 "
		   "getgroups getgroups32 getresgid getresgid32 getresuid getresuid32 getuid "
		   "getuid32 setfsgid setfsgid32 setfsuid setfsuid32 setgid setgid32 setgroups "
		   "setgroups32 setregid setregid32 setresgid setresgid32 setresuid "
		   "setresuid32 setreuid setreuid32 setuid setuid32",
	  .action = SCP_ACT_ALLOW },
	{ .why = "signals",
	  .names = "kill pause rt_sigaction rt_sigpending rt_sigprocmask rt_sigqueueinfo "
		   "rt_sigreturn rt_sigsuspend rt_sigtimedwait rt_sigtimedwait_time64 "
		   "rt_tgsigqueueinfo sigaltstack sigprocmask sigreturn tgkill tkill",
	  .action = SCP_ACT_ALLOW },
	{ .why = "time and timers (reading clocks; adjtimex and clock_adjtime only read "
		 "without CAP_SYS_TIME)",
	  .names = "adjtimex alarm clock_adjtime clock_adjtime64 clock_getres "
		   "clock_getres_time64 clock_gettime clock_gettime64 clock_nanosleep "
		   "clock_nanosleep_time64 getitimer gettimeofday nanosleep setitimer time "
		   "timer_create timer_delete timer_getoverrun timer_gettime timer_gettime64 "
		   "timer_settime timer_settime64",
	  .action = SCP_ACT_ALLOW },
	{ .why = "System V and POSIX IPC",
	  .names = "ipc mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedreceive_time64 "
		   "mq_timedsend mq_timedsend_time64 mq_unlink msgctl msgget msgrcv msgsnd "
		   "semctl semget semop semtimedop semtimedop_time64 shmat shmctl shmdt shmget",
	  .action = SCP_ACT_ALLOW },
	{ .why = "futexes and the system's description",
	  .names = "futex futex_time64 futex_waitv getrandom sysinfo uname",
	  .action = SCP_ACT_ALLOW },
	{ .why = "reading another process's memory: from 4.8 on, ptrace cannot bypass seccomp",
	  .names = "process_vm_readv process_vm_writev ptrace",
	  .action = SCP_ACT_ALLOW, .min_kernel = { 4, 8 } },
	{ .why = "any socket but AF_VSOCK, which reaches the hypervisor's services",
	  .names = "socket", .action = SCP_ACT_ALLOW,
	  .conds = { { 0, SCMP_CMP_NE, AF_VSOCK, 0 } }, .nconds = 1 },
	{ .why = "the personas a program may ask for: Linux, 32-bit Linux, a 2.6 uname, both; "
		 "and the query",
	  .names = "personality", .action = SCP_ACT_ALLOW,
	  .conds = { { 0, SCMP_CMP_EQ, PER_LINUX, 0 },
		     { 0, SCMP_CMP_EQ, PER_LINUX32, 0 },
		     { 0, SCMP_CMP_EQ, UNAME26, 0 },
		     { 0, SCMP_CMP_EQ, UNAME26 | PER_LINUX32, 0 },
		     { 0, SCMP_CMP_EQ, PERSONA_QUERY, 0 } },
	  .nconds = 5 },
	{ .why = "ppc64le's own", .names = "sync_file_range2 swapcontext",
	  .action = SCP_ACT_ALLOW, .only_arches = "ppc64le" },
	{ .why = "ARM's own",
	  .names = "arm_fadvise64_64 arm_sync_file_range sync_file_range2 breakpoint "
		   "cacheflush set_tls",
	  .action = SCP_ACT_ALLOW, .only_arches = "arm arm64" },
	{ .why = "x86-64's own", .names = "arch_prctl", .action = SCP_ACT_ALLOW,
	  .only_arches = "amd64 x32" },
	{ .why = "x86's local descriptor table", .names = "modify_ldt", .action = SCP_ACT_ALLOW,
	  .only_arches = "amd64 x32 x86" },
	{ .why = "s390's own", .names = "s390_pci_mmio_read s390_pci_mmio_write s390_runtime_instr",
	  .action = SCP_ACT_ALLOW, .only_arches = "s390 s390x" },
	{ .why = "RISC-V's own", .names = "riscv_flush_icache", .action = SCP_ACT_ALLOW,
	  .only_arches = "riscv64" },
	{ .why = "opening a file by handle reads past directory permissions",
	  .names = "open_by_handle_at", .action = SCP_ACT_ALLOW,
	  .only_with_cap = "CAP_DAC_READ_SEARCH" },
	{ .why = "namespaces, mounts, BPF, tracing and the host's names: administrators only",
	  .names = "bpf clone clone3 fanotify_init fsconfig fsmount fsopen fspick "
		   "lookup_dcookie mount mount_setattr move_mount open_tree perf_event_open "
		   "quotactl quotactl_fd setdomainname sethostname setns syslog umount umount2 "
		   "unshare",
	  .action = SCP_ACT_ALLOW, .only_with_cap = "CAP_SYS_ADMIN" },
	{ .why = "clone without a namespace flag (s390 passes the flags second)",
	  .names = "clone", .action = SCP_ACT_ALLOW, .not_arches = "s390 s390x",
	  .not_with_cap = "CAP_SYS_ADMIN",
	  .conds = { { 0, SCMP_CMP_MASKED_EQ, NAMESPACE_FLAGS, 0 } }, .nconds = 1 },
	{ .why = "clone without a namespace flag, on s390", .names = "clone",
	  .action = SCP_ACT_ALLOW, .only_arches = "s390 s390x", .not_with_cap = "CAP_SYS_ADMIN",
	  .conds = { { 1, SCMP_CMP_MASKED_EQ, NAMESPACE_FLAGS, 0 } }, .nconds = 1 },
	{ .why = "clone3 passes its flags in memory a filter cannot read: ENOSYS makes glibc "
		 "use clone",
	  .names = "clone3", .action = SCP_ACT_ERRNO, .errno_ret = 38,
	  .not_with_cap = "CAP_SYS_ADMIN" },
	{ .why = "rebooting", .names = "reboot", .action = SCP_ACT_ALLOW,
	  .only_with_cap = "CAP_SYS_BOOT" },
	{ .why = "changing the root", .names = "chroot", .action = SCP_ACT_ALLOW,
	  .only_with_cap = "CAP_SYS_CHROOT" },
	{ .why = "kernel modules", .names = "delete_module init_module finit_module",
	  .action = SCP_ACT_ALLOW, .only_with_cap = "CAP_SYS_MODULE" },
	{ .why = "process accounting", .names = "acct", .action = SCP_ACT_ALLOW,
	  .only_with_cap = "CAP_SYS_PACCT" },
	{ .why = "inspecting other processes",
	  .names = "kcmp pidfd_getfd process_madvise process_vm_readv process_vm_writev ptrace",
	  .action = SCP_ACT_ALLOW, .only_with_cap = "CAP_SYS_PTRACE" },
	{ .why = "I/O ports", .names = "iopl ioperm", .action = SCP_ACT_ALLOW,
	  .only_with_cap = "CAP_SYS_RAWIO" },
	{ .why = "setting the clock", .names = "settimeofday stime clock_settime clock_settime64",
	  .action = SCP_ACT_ALLOW, .only_with_cap = "CAP_SYS_TIME" },
	{ .why = "hanging up the terminal", .names = "vhangup", .action = SCP_ACT_ALLOW,
	  .only_with_cap = "CAP_SYS_TTY_CONFIG" },
	{ .why = "NUMA memory policy",
	  .names = "get_mempolicy mbind set_mempolicy set_mempolicy_home_node",
	  .action = SCP_ACT_ALLOW, .only_with_cap = "CAP_SYS_NICE" },
	{ .why = "the kernel log", .names = "syslog", .action = SCP_ACT_ALLOW,
	  .only_with_cap = "CAP_SYSLOG" },
	{ .why = "BPF", .names = "bpf", .action = SCP_ACT_ALLOW, .only_with_cap = "CAP_BPF" },
	{ .why = "performance monitoring", .names = "perf_event_open", .action = SCP_ACT_ALLOW,
	  .only_with_cap = "CAP_PERFMON" },
};

/* Each native architecture (libseccomp's name) with those its programs may also use. */
static const struct {
	const char *native;
	const char *also;
} docker_arches[] = {
	{ "x86_64", "x86 x32" },	   { "aarch64", "arm" },
	{ "mips64", "mips mips64n32" },	   { "mips64n32", "mips mips64" },
	{ "mipsel64", "mipsel mipsel64n32" }, { "mipsel64n32", "mipsel mipsel64" },
	{ "s390x", "s390" },		   { "riscv64", "" },
};

/* "a b c" -> a new array of its words; *N gets their number. */
static char **words(const char *list, int *n)
{
	*n = 0;
	if (!list)
		return NULL;
	char *copy = xstrdup(list), *save = NULL;
	char **v = NULL;
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		v = xrealloc(v, (size_t)(*n + 1) * sizeof(*v));
		v[(*n)++] = xstrdup(w);
	}
	free(copy);
	return v;
}

static void add_arch(struct scp_profile *p, const char *name)
{
	uint32_t tok = seccomp_arch_resolve_name(name);
	if (!tok)
		return;	/* an architecture this libseccomp does not know */
	char upper[48] = "SCMP_ARCH_";
	size_t k = strlen(upper);
	for (const char *c = name; *c && k < sizeof(upper) - 1; c++)
		upper[k++] = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
	upper[k] = '\0';
	p->arches = xrealloc(p->arches, (size_t)(p->narches + 1) * sizeof(*p->arches));
	p->arch_names = xrealloc(p->arch_names, (size_t)(p->narches + 2) * sizeof(char *));
	p->arches[p->narches] = tok;
	p->arch_names[p->narches++] = xstrdup(upper);
	p->arch_names[p->narches] = NULL;
}

/* The native architecture and its companions, as Docker chooses them from its map. */
static void docker_arch_map(struct scp_profile *p)
{
	uint32_t native = seccomp_arch_native();
	for (size_t i = 0; i < ARRAY_SIZE(docker_arches); i++) {
		if (seccomp_arch_resolve_name(docker_arches[i].native) != native)
			continue;
		p->from_arch_map = true;
		add_arch(p, docker_arches[i].native);
		int n;
		char **also = words(docker_arches[i].also, &n);
		for (int k = 0; k < n; k++) {
			add_arch(p, also[k]);
			free(also[k]);
		}
		free(also);
	}
}

static void docker_default(struct scp_profile *p)
{
	memset(p, 0, sizeof(*p));
	p->file = xstrdup("docker-default");
	p->default_action = SCP_ACT_ERRNO;
	p->default_errno_ret = 1;
	docker_arch_map(p);
	for (size_t i = 0; i < ARRAY_SIZE(docker_rules); i++) {
		const struct builtin_rule *b = &docker_rules[i];
		struct scp_rule *r = scp_add_rule(p, b->action);
		if (b->errno_ret)
			r->errno_ret = b->errno_ret;
		r->comment = xstrdup(b->why);
		int n;
		char **names = words(b->names, &n);
		for (int k = 0; k < n; k++) {
			scp_rule_add_name(r, names[k]);
			free(names[k]);
		}
		free(names);
		r->includes.arches = words(b->only_arches, &r->includes.narches);
		r->excludes.arches = words(b->not_arches, &r->excludes.narches);
		r->includes.caps = words(b->only_with_cap, &r->includes.ncaps);
		r->excludes.caps = words(b->not_with_cap, &r->excludes.ncaps);
		if (b->min_kernel[0]) {
			r->includes.has_min_kernel = true;
			r->includes.min_kernel[0] = b->min_kernel[0];
			r->includes.min_kernel[1] = b->min_kernel[1];
		}
		if (b->nconds) {
			r->conds = xcalloc((size_t)b->nconds, sizeof(*r->conds));
			memcpy(r->conds, b->conds, (size_t)b->nconds * sizeof(*r->conds));
			r->nconds = b->nconds;
		}
	}
}

static const struct {
	const char *name;
	void (*build)(struct scp_profile *p);
} builtins[] = {
	{ "docker-default", docker_default },
};

static bool builtin(const char *name, struct scp_profile *p)
{
	for (size_t i = 0; i < ARRAY_SIZE(builtins); i++)
		if (!strcmp(builtins[i].name, name)) {
			builtins[i].build(p);
			return true;
		}
	return false;
}

int scp_load(const char *name, struct scp_profile *p, struct diags *d)
{
	if (strchr(name, '/'))
		return scp_load_file(name, p, d);
	if (builtin(name, p))
		return 0;
	if (access(name, F_OK) != 0) {
		memset(p, 0, sizeof(*p));
		diag_add(d, DIAG_ERROR, "", "no such file, nor a built-in profile (built in: "
			 "docker-default)");
		return -1;
	}
	return scp_load_file(name, p, d);
}
