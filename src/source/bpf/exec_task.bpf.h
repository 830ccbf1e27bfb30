/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The execve exit's parameters past cgroups (scap's EXECVE_19_X 15..29), read from the current
 * task once it runs the new image: environment, controlling tty, process groups, login uid,
 * PPM_EXE_* flags, capabilities, executable inode, effective uid and gid; and the clone exit's
 * pid namespace view (CLONE_20_X 18..20). Included by sysray.bpf.c after the record builder.
 */

/* struct inode's timestamps before Linux 6.11 (i_ctime_sec and friends since). */
struct inode___v6_6 {
	struct timespec64 __i_ctime;
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));

struct inode___old {
	struct timespec64 i_ctime;
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));

/* The environment, KEY=VALUE strings each NUL-terminated as the kernel keeps them between
 * mm->env_start and env_end, at most SR_MAX_ARGS bytes. */
static __always_inline void put_env(struct builder *b, __u32 idx)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	__u64 start = 0, end = 0, n;

	if (mm) {
		start = BPF_CORE_READ(mm, env_start);
		end = BPF_CORE_READ(mm, env_end);
	}
	n = end > start ? end - start : 0;
	if (n > SR_MAX_ARGS)
		n = SR_MAX_ARGS;
	if (!n || bpf_probe_read_user(b->buf + (b->off & HALF_MASK), n, (void *)start) < 0)
		n = 0;
	set_len(b, idx, n);
	b->off += n;
}

/* The controlling terminal as a device number in the kernel's new_encode_dev() form (what
 * /proc/PID/stat's tty_nr shows): the tty driver's major, its first minor plus the tty's
 * index. 0 without a terminal. */
static __always_inline __u32 task_tty(struct task_struct *task)
{
	struct tty_struct *tty = BPF_CORE_READ(task, signal, tty);
	struct tty_driver *driver;
	__u32 major, minor;

	if (!tty)
		return 0;
	driver = BPF_CORE_READ(tty, driver);
	if (!driver)
		return 0;
	major = BPF_CORE_READ(driver, major);
	minor = BPF_CORE_READ(driver, minor_start) + BPF_CORE_READ(tty, index);
	return new_encode_dev(major, minor);
}

/* The number of PID as the pid namespace at LEVEL names it (0 when it cannot see it). */
static __always_inline __u32 pid_nr_at(struct pid *pid, __u32 level)
{
	__u32 pid_level;

	if (!pid)
		return 0;
	pid_level = BPF_CORE_READ(pid, level);
	if (level > pid_level || level > 31)
		return 0;
	return BPF_CORE_READ(pid, numbers[level].nr);
}

/* loginuid only exists with CONFIG_AUDIT; (u32)-1 is "never set", as the kernel says too. */
static __always_inline __u32 task_loginuid(struct task_struct *task)
{
	if (bpf_core_field_exists(task->loginuid))
		return BPF_CORE_READ(task, loginuid.val);
	return (__u32)-1;
}

/* A kernel_cap_t: one u64 since Linux 6.3, two u32 words (low first) before: the same 8
 * bytes in memory. */
static __always_inline __u64 cap_bits(const kernel_cap_t *cap)
{
	__u64 v = 0;

	bpf_probe_read_kernel(&v, sizeof(v), cap);
	return v & SCAP_CAPS_MASK;
}

/* exe_ino, exe_ino_ctime, exe_ino_mtime (ns since the epoch) of the file the task runs. */
static __always_inline void put_exe_inode(struct builder *b, __u32 idx, struct task_struct *task)
{
	struct inode *inode = BPF_CORE_READ(task, mm, exe_file, f_inode);
	__u64 ctime = 0, mtime = 0;

	if (!inode) {
		put_u64(b, idx, 0);
		put_u64(b, idx + 1, 0);
		put_u64(b, idx + 2, 0);
		return;
	}
	if (bpf_core_field_exists(inode->i_ctime_sec)) {
		/* multigrain timestamps (Linux 6.13) keep a flag in bit 31 of i_ctime_nsec */
		ctime = BPF_CORE_READ(inode, i_ctime_sec) * 1000000000ULL +
			(BPF_CORE_READ(inode, i_ctime_nsec) & ~(1U << 31));
		mtime = BPF_CORE_READ(inode, i_mtime_sec) * 1000000000ULL +
			BPF_CORE_READ(inode, i_mtime_nsec);
	} else if (bpf_core_field_exists(struct inode___v6_6, __i_ctime)) {
		struct inode___v6_6 *in = (void *)inode;

		ctime = BPF_CORE_READ(in, __i_ctime.tv_sec) * 1000000000ULL +
			BPF_CORE_READ(in, __i_ctime.tv_nsec);
		mtime = BPF_CORE_READ(in, i_mtime.tv_sec) * 1000000000ULL +
			BPF_CORE_READ(in, i_mtime.tv_nsec);
	} else {
		struct inode___old *in = (void *)inode;

		ctime = BPF_CORE_READ(in, i_ctime.tv_sec) * 1000000000ULL +
			BPF_CORE_READ(in, i_ctime.tv_nsec);
		mtime = BPF_CORE_READ(in, i_mtime.tv_sec) * 1000000000ULL +
			BPF_CORE_READ(in, i_mtime.tv_nsec);
	}
	put_u64(b, idx, BPF_CORE_READ(inode, i_ino));
	put_u64(b, idx + 1, ctime);
	put_u64(b, idx + 2, mtime);
}

/*
 * Parameters 18..20 of a clone exit, of the task that returns from it: its thread and process
 * ids as its own pid namespace numbers them (vtid, vpid), and when that namespace's init (its
 * child reaper) started, in ns since the epoch (the task's start_time is CLOCK_MONOTONIC).
 */
static __always_inline void put_clone_ns(struct builder *b, __u32 idx)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	struct pid *pid = BPF_CORE_READ(task, thread_pid);
	__u32 level = BPF_CORE_READ(pid, level);
	struct pid_namespace *ns = NULL;
	struct task_struct *reaper;
	__u64 start = 0;

	if (level <= 31)
		ns = BPF_CORE_READ(pid, numbers[level].ns);
	reaper = ns ? BPF_CORE_READ(ns, child_reaper) : NULL;
	if (reaper)
		start = BPF_CORE_READ(reaper, start_time) + epoch_offset_ns;
	put_u64(b, idx, pid_nr_at(pid, level));
	put_u64(b, idx + 1, pid_nr_at(BPF_CORE_READ(task, group_leader, thread_pid), level));
	put_u64(b, idx + 2, start);
}

/* statfs(2)'s f_type of an overlayfs mount (OVERLAYFS_SUPER_MAGIC) */
#define SR_OVERLAYFS_MAGIC	0x794c7630

/*
 * PPM_EXE_FROM_MEMFD, PPM_EXE_UPPER_LAYER, PPM_EXE_LOWER_LAYER of the file the task runs. A
 * memfd_create() file's dentry is named "memfd:NAME". On overlayfs the file's inode is the
 * vfs_inode member of a struct ovl_inode, followed by its __upperdentry: set when the file
 * is in the upper layer (created or copied up in the container), NULL when only a lower
 * layer (the image) has it. (struct ovl_inode is in the overlay module's BTF, not vmlinux's:
 * the offset is struct inode's size.)
 */
static __always_inline __u32 exe_flags(struct task_struct *task)
{
	struct file *exe = BPF_CORE_READ(task, mm, exe_file);
	struct inode *inode;
	const unsigned char *name;
	char prefix[6] = { 0 };
	void *upper = NULL;
	__u32 flags = 0;

	if (!exe)
		return 0;
	name = BPF_CORE_READ(exe, f_path.dentry, d_name.name);
	if (name && !bpf_probe_read_kernel(prefix, sizeof(prefix), name) && prefix[0] == 'm' &&
	    prefix[1] == 'e' && prefix[2] == 'm' && prefix[3] == 'f' && prefix[4] == 'd' &&
	    prefix[5] == ':')
		flags |= PPM_EXE_FROM_MEMFD;
	inode = BPF_CORE_READ(exe, f_inode);
	if (inode && BPF_CORE_READ(inode, i_sb, s_magic) == SR_OVERLAYFS_MAGIC) {
		bpf_probe_read_kernel(&upper, sizeof(upper),
				      (char *)inode + bpf_core_type_size(struct inode));
		flags |= upper ? PPM_EXE_UPPER_LAYER : PPM_EXE_LOWER_LAYER;
	}
	return flags;
}

/*
 * Parameters 15..29 of an execve exit: env, tty, vpgid, loginuid, flags, cap_inheritable,
 * cap_permitted, cap_effective, exe_ino, exe_ino_ctime, exe_ino_mtime, uid (effective),
 * trusted_exepath (left empty: bpf_d_path is not allowed here), pgid, gid (effective).
 * vpgid is the group as the task's own pid namespace names it, pgid as the initial one does.
 */
static __always_inline void put_exec_task(struct builder *b, __u32 idx)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	struct pid *pgrp = BPF_CORE_READ(task, signal, pids[PIDTYPE_PGID]);
	__u32 ns_level = BPF_CORE_READ(task, thread_pid, level);
	const struct cred *cred = BPF_CORE_READ(task, cred);

	put_env(b, idx);
	put_u32(b, idx + 1, task_tty(task));
	put_u64(b, idx + 2, pid_nr_at(pgrp, ns_level));
	put_u32(b, idx + 3, task_loginuid(task));
	put_u32(b, idx + 4, exe_flags(task));	/* PPM_EXE_WRITABLE is not computed */
	put_u64(b, idx + 5, cap_bits(&cred->cap_inheritable));
	put_u64(b, idx + 6, cap_bits(&cred->cap_permitted));
	put_u64(b, idx + 7, cap_bits(&cred->cap_effective));
	put_exe_inode(b, idx + 8, task);
	put_u32(b, idx + 11, BPF_CORE_READ(cred, euid.val));
	put_empty(b, idx + 12);
	put_u64(b, idx + 13, pid_nr_at(pgrp, 0));
	put_u32(b, idx + 14, BPF_CORE_READ(cred, egid.val));
}
