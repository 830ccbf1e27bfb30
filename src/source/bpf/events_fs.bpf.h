/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Dedicated events for files, descriptors, directories, processes, signals, credentials and memory.
 * Included by sysray.bpf.c after its event builder (begin, put_*, submit).
 *
 * Parameter lists are those of the event table (schema/event_table.in), at the codes sysdig
 * 0.29 knows: dup2 and dup3 are sent as dup (enter: the old fd; exit: the new one), pipe2 as
 * pipe.
 * Paths of unlink/rename/mkdir/rmdir/chdir/symlink/link are on the exit side, where the kernel
 * has faulted the user's pages in. ptrace's request and pid are on its exit too, as in libs.
 */
#ifndef SYSRAY_EVENTS_FS_BPF_H
#define SYSRAY_EVENTS_FS_BPF_H

static __always_inline void put_u16(struct builder *b, __u32 idx, __u16 v)
{
	*(__u16 *)(b->buf + (b->off & HALF_MASK)) = v;
	set_len(b, idx, 2);
	b->off += 2;
}

/* A dirfd argument as PT_FD: AT_FDCWD stays -100, other values are the int the kernel sees. */
static __always_inline void put_fd(struct builder *b, __u32 idx, __u64 arg)
{
	put_u64(b, idx, (__s64)(int)arg);
}

/* A PT_DYN parameter: the alternative's u8 TAG, then the value (8 bytes, or 1 for a signal). */
static __always_inline void put_dyn(struct builder *b, __u32 idx, __u8 tag, __u64 v)
{
	__u8 *dst = b->buf + (b->off & HALF_MASK);

	dst[0] = tag;
	if (tag == PPM_PTRACE_IDX_SIGTYPE) {
		dst[1] = v;
		set_len(b, idx, 2);
		b->off += 2;
		return;
	}
	*(__u64 *)(dst + 1) = v;
	set_len(b, idx, 9);
	b->off += 9;
}

/*
 * ptrace's addr and data as libs gives them: addr as a number; data as the signal for the
 * requests that resume a tracee with one, as the word read for PEEK* (the kernel stored it at
 * data), else as a number.
 */
static __always_inline void put_ptrace_addr_data(struct builder *b, __u32 idx, long ret,
						 const __u64 *a)
{
	__u64 word = 0;

	put_dyn(b, idx, PPM_PTRACE_IDX_UINT64, a[2]);
	switch (a[0]) {
	case 1: case 2: case 3:		/* PTRACE_PEEKTEXT, PEEKDATA, PEEKUSR */
		if (ret == 0)
			bpf_probe_read_user(&word, sizeof(word), (void *)a[3]);
		put_dyn(b, idx + 1, PPM_PTRACE_IDX_UINT64, word);
		break;
	case 7: case 9: case 17: case 24:	/* CONT, SINGLESTEP, DETACH, SYSCALL */
	case 31: case 32: case 33:		/* SYSEMU, SYSEMU_SINGLESTEP, SINGLEBLOCK */
		put_dyn(b, idx + 1, PPM_PTRACE_IDX_SIGTYPE, a[3]);
		break;
	default:
		put_dyn(b, idx + 1, PPM_PTRACE_IDX_UINT64, a[3]);
	}
}

/* The device (in the old_encode_dev/new_encode_dev user form) and inode number of FD's file. */
static __always_inline void fd_dev_ino(long fd, __u32 *dev, __u64 *ino)
{
	struct file *f = fd_file(fd);
	__u32 kdev, major, minor;

	*dev = 0;
	*ino = 0;
	if (!f)
		return;
	kdev = BPF_CORE_READ(f, f_inode, i_sb, s_dev);
	major = kdev >> MINORBITS;
	minor = kdev & MINORMASK;
	*dev = new_encode_dev(major, minor);
	*ino = BPF_CORE_READ(f, f_inode, i_ino);
}

/* The mm's sizes in KiB, as /proc/PID/status shows VmSize, VmRSS and VmSwap. Since 6.2 the rss
 * counters are percpu_counters whose .count is the value less what the CPUs still batch. */
struct vm_sizes {
	__u32 size, rss, swap;
};

static __always_inline void current_vm_sizes(struct vm_sizes *v)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	__s64 file = 0, anon = 0, shmem = 0, swap = 0;

	v->size = v->rss = v->swap = 0;
	if (!mm)
		return;
	v->size = BPF_CORE_READ(mm, total_vm) << 2;		/* 4 KiB pages */
	if (bpf_core_field_exists(mm->rss_stat)) {
		file = BPF_CORE_READ(mm, rss_stat[MM_FILEPAGES].count);
		anon = BPF_CORE_READ(mm, rss_stat[MM_ANONPAGES].count);
		shmem = BPF_CORE_READ(mm, rss_stat[MM_SHMEMPAGES].count);
		swap = BPF_CORE_READ(mm, rss_stat[MM_SWAPENTS].count);
	}
	v->rss = (file + anon + shmem) << 2;
	v->swap = swap << 2;
}

static __always_inline void put_vm_sizes(struct builder *b, __u32 idx)
{
	struct vm_sizes v;

	current_vm_sizes(&v);
	put_u32(b, idx, v.size);
	put_u32(b, idx + 1, v.rss);
	put_u32(b, idx + 2, v.swap);
}

/*
 * The current task's working directory, walked up from fs->pwd through d_parent and across
 * mount points (struct mount's mnt_mountpoint) to the task's root, at most CWD_DEPTH names.
 * The names are written right to left in the scratch slot's last 8 KiB, which no parameter
 * reaches (values start below HALF_MASK and copy at most SR_MAX_SNAPLEN), then copied to the
 * value area. Empty when the walk does not reach the root (deeper than CWD_DEPTH). The steps
 * run under bpf_loop(): as an unrolled loop their paths exceed the verifier's budget.
 */
#define CWD_DEPTH	64
#define CWD_AREA	(SCRATCH_SIZE - 8192)
#define CWD_MASK	(SR_MAX_PATH - 1)
#define CWD_END		CWD_MASK	/* index of the NUL in the area */

struct cwd_walk {
	__u8 *area;
	struct dentry *d, *root_d;
	struct vfsmount *vm, *root_vm;
	struct mount *mnt;
	__u32 pos;
	bool done;
};

/* One step up; 1 ends the walk (done says whether the root was reached). */
static long cwd_step(__u32 i, void *ctx)
{
	struct cwd_walk *w = ctx;
	struct dentry *d = w->d;
	struct vfsmount *vm = w->vm;
	struct mount *mnt = w->mnt;

	if (d == w->root_d && vm == w->root_vm) {
		w->done = true;
		return 1;
	}
	if (d == BPF_CORE_READ(vm, mnt_root)) {
		struct mount *parent = BPF_CORE_READ(mnt, mnt_parent);

		if (parent == mnt) {		/* the namespace's root */
			w->done = true;
			return 1;
		}
		w->d = BPF_CORE_READ(mnt, mnt_mountpoint);
		w->mnt = parent;
		w->vm = &parent->mnt;
		return 0;
	}
	struct dentry *up = BPF_CORE_READ(d, d_parent);
	__u32 len = BPF_CORE_READ(d, d_name.len);
	const unsigned char *name = BPF_CORE_READ(d, d_name.name);
	__u32 pos = w->pos;

	if (up == d) {
		w->done = true;
		return 1;
	}
	if (len > NAME_MAX || pos < NAME_MAX + 2)
		return 1;
	pos -= len;
	bpf_probe_read_kernel(w->area + (pos & CWD_MASK), len & NAME_MAX, name);
	pos--;
	w->area[pos & CWD_MASK] = '/';
	w->pos = pos;
	w->d = up;
	return 0;
}

static __always_inline void put_cwd(struct builder *b, __u32 idx)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	struct fs_struct *fs = BPF_CORE_READ(task, fs);
	struct cwd_walk w = { .area = b->buf + CWD_AREA, .pos = CWD_END };
	__u32 pos, n;

	if (!fs) {
		put_empty(b, idx);
		return;
	}
	w.d = BPF_CORE_READ(fs, pwd.dentry);
	w.vm = BPF_CORE_READ(fs, pwd.mnt);
	w.root_d = BPF_CORE_READ(fs, root.dentry);
	w.root_vm = BPF_CORE_READ(fs, root.mnt);
	w.mnt = container_of(w.vm, struct mount, mnt);
	w.area[CWD_END] = 0;
	bpf_loop(CWD_DEPTH, cwd_step, &w, 0);
	if (!w.done) {
		put_empty(b, idx);
		return;
	}
	if (w.pos == CWD_END) {		/* the root itself */
		w.pos--;
		w.area[w.pos & CWD_MASK] = '/';
	}
	pos = w.pos & CWD_MASK;		/* bounds the length below for the verifier */
	n = CWD_END + 1 - pos;
	if (n > SR_MAX_PATH - 1 ||
	    bpf_probe_read_kernel(b->buf + (b->off & HALF_MASK), n, w.area + pos)) {
		put_empty(b, idx);
		return;
	}
	set_len(b, idx, n);
	b->off += n & CWD_MASK;
}

/* execve/clone exit parameters cwd, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap from
 * index IDX on. RLIMIT_NOFILE is 7. */
static __always_inline void put_task_stats(struct builder *b, __u32 idx)
{
	struct task_struct *task = (void *)bpf_get_current_task();

	put_cwd(b, idx);
	put_u64(b, idx + 1, BPF_CORE_READ(task, signal, rlim[7].rlim_cur));
	put_u64(b, idx + 2, BPF_CORE_READ(task, maj_flt));
	put_u64(b, idx + 3, BPF_CORE_READ(task, min_flt));
	put_vm_sizes(b, idx + 4);
}

/* The first 15 parameters of the clone-family and execve-family exits, which share them:
 * res, exe, args, tid, pid, ptid, cwd, fdlimit, pgft_maj, pgft_min, vm_size, vm_rss, vm_swap,
 * comm, cgroups. */
static __always_inline void put_process_exit(struct builder *b, long ret)
{
	put_u64(b, 0, ret);
	put_exe_args(b, 1);
	put_ids(b, 3);
	put_task_stats(b, 6);
	put_comm(b, 13);
	put_cgroups(b, 14);
}

/* The exit of execve or execveat: the SR_EXECVE_X_NPARAMS parameters both events share. */
static __always_inline void execve_exit_event(const struct who *who, long ret, __u16 type)
{
	struct builder b;

	if (!begin(&b, SR_EXECVE_X_NPARAMS))
		return;
	put_process_exit(&b, ret);
	put_exec_task(&b, 15);
	submit(&b, who, type, SR_EXECVE_X_NPARAMS);
}

/* The parameters of kill, tkill (pid or tid, sig) and tgkill (pid, tid, sig) from index FIRST
 * on: the whole enter event, the exit's after res. */
static __always_inline void put_kill_args(struct builder *b, long nr, const __u64 *a,
					  __u32 first)
{
	put_u64(b, first, (__s64)(int)a[0]);
	if (nr == NR_tgkill) {
		put_u64(b, first + 1, (__s64)(int)a[1]);
		put_u8(b, first + 2, a[2]);
	} else {
		put_u8(b, first + 1, a[1]);
	}
}

static __always_inline bool fs_enter(const struct who *who, long nr, const __u64 *a)
{
	struct builder b;
	__u16 type;
	__u32 np;

	switch (nr) {
	case NR_creat:
		if (!begin(&b, 2))
			return true;
		put_user_str(&b, 0, (void *)a[0]);
		put_u32(&b, 1, a[1]);
		submit(&b, who, PPME_SYSCALL_CREAT_E, 2);
		return true;
	case NR_openat2: {
		struct open_how how = {};

		bpf_probe_read_user(&how, sizeof(how), (void *)a[2]);
		if (!begin(&b, 5))
			return true;
		put_fd(&b, 0, a[0]);
		put_user_str(&b, 1, (void *)a[1]);
		put_u32(&b, 2, ppm_open_flags(how.flags));
		put_u32(&b, 3, how.mode);
		put_u32(&b, 4, ppm_resolve_flags(how.resolve));
		submit(&b, who, PPME_SYSCALL_OPENAT2_E, 5);
		return true;
	}
	case NR_readv:
		if (!begin(&b, 1))
			return true;
		put_fd(&b, 0, a[0]);
		submit(&b, who, PPME_SYSCALL_READV_E, 1);
		return true;
	case NR_writev:
		if (!begin(&b, 2))
			return true;
		put_fd(&b, 0, a[0]);
		put_u32(&b, 1, iov_total((void *)a[1], a[2]));
		submit(&b, who, PPME_SYSCALL_WRITEV_E, 2);
		return true;
	case NR_preadv:
		if (!begin(&b, 2))
			return true;
		put_fd(&b, 0, a[0]);
		put_u64(&b, 1, a[3]);
		submit(&b, who, PPME_SYSCALL_PREADV_E, 2);
		return true;
	case NR_pwritev:
		if (!begin(&b, 3))
			return true;
		put_fd(&b, 0, a[0]);
		put_u32(&b, 1, iov_total((void *)a[1], a[2]));
		put_u64(&b, 2, a[3]);
		submit(&b, who, PPME_SYSCALL_PWRITEV_E, 3);
		return true;
	case NR_dup:
	case NR_dup2:
	case NR_dup3:
	case NR_fchdir:
		if (!begin(&b, 1))
			return true;
		put_fd(&b, 0, a[0]);
		submit(&b, who, nr == NR_fchdir ? PPME_SYSCALL_FCHDIR_E : PPME_SYSCALL_DUP_E, 1);
		return true;
	case NR_mkdir:
		if (!begin(&b, 1))
			return true;
		put_u32(&b, 0, a[1]);
		submit(&b, who, PPME_SYSCALL_MKDIR_2_E, 1);
		return true;
	case NR_pipe:
	case NR_pipe2:
	case NR_unlink:
	case NR_unlinkat:
	case NR_rename:
	case NR_renameat:
	case NR_renameat2:
	case NR_mkdirat:
	case NR_rmdir:
	case NR_chdir:
		type = nr == NR_pipe || nr == NR_pipe2 ? PPME_SYSCALL_PIPE_E :
		       nr == NR_unlink ? PPME_SYSCALL_UNLINK_2_E :
		       nr == NR_unlinkat ? PPME_SYSCALL_UNLINKAT_2_E :
		       nr == NR_rename ? PPME_SYSCALL_RENAME_E :
		       nr == NR_renameat ? PPME_SYSCALL_RENAMEAT_E :
		       nr == NR_renameat2 ? PPME_SYSCALL_RENAMEAT2_E :
		       nr == NR_mkdirat ? PPME_SYSCALL_MKDIRAT_E :
		       nr == NR_rmdir ? PPME_SYSCALL_RMDIR_2_E : PPME_SYSCALL_CHDIR_E;
		if (!begin(&b, 0))
			return true;
		submit(&b, who, type, 0);
		return true;
	case NR_symlink:
	case NR_symlinkat:
	case NR_link:
	case NR_linkat:
		if (!begin(&b, 0))
			return true;
		submit(&b, who, nr == NR_symlink ? PPME_SYSCALL_SYMLINK_E :
				nr == NR_symlinkat ? PPME_SYSCALL_SYMLINKAT_E :
				nr == NR_link ? PPME_SYSCALL_LINK_2_E : PPME_SYSCALL_LINKAT_2_E, 0);
		return true;
	case NR_ptrace:
		if (!begin(&b, 2))
			return true;
		put_u16(&b, 0, ppm_ptrace_request(a[0]));
		put_u64(&b, 1, (__s64)(int)a[1]);
		submit(&b, who, PPME_SYSCALL_PTRACE_E, 2);
		return true;
	case NR_kill:
	case NR_tkill:
	case NR_tgkill:
		np = nr == NR_tgkill ? 3 : 2;
		if (!begin(&b, np))
			return true;
		put_kill_args(&b, nr, a, 0);
		submit(&b, who, nr == NR_kill ? PPME_SYSCALL_KILL_E :
				nr == NR_tkill ? PPME_SYSCALL_TKILL_E : PPME_SYSCALL_TGKILL_E, np);
		return true;
	case NR_setuid:
	case NR_setgid:
		if (!begin(&b, 1))
			return true;
		put_u32(&b, 0, a[0]);
		submit(&b, who, nr == NR_setuid ? PPME_SYSCALL_SETUID_E : PPME_SYSCALL_SETGID_E, 1);
		return true;
	case NR_setresuid:
	case NR_setresgid:
		if (!begin(&b, 3))
			return true;
		put_u32(&b, 0, a[0]);
		put_u32(&b, 1, a[1]);
		put_u32(&b, 2, a[2]);
		submit(&b, who, nr == NR_setresuid ? PPME_SYSCALL_SETRESUID_E :
						     PPME_SYSCALL_SETRESGID_E, 3);
		return true;
	case NR_mmap:
		if (!begin(&b, 6))
			return true;
		put_u64(&b, 0, a[0]);
		put_u64(&b, 1, a[1]);
		put_u32(&b, 2, ppm_prot_flags(a[2]));
		put_u32(&b, 3, ppm_mmap_flags(a[3]));
		put_fd(&b, 4, a[4]);
		put_u64(&b, 5, a[5]);
		submit(&b, who, PPME_SYSCALL_MMAP_E, 6);
		return true;
	case NR_brk:
		if (!begin(&b, 1))
			return true;
		put_u64(&b, 0, a[0]);
		submit(&b, who, PPME_SYSCALL_BRK_4_E, 1);
		return true;
	case NR_munmap:
		if (!begin(&b, 2))
			return true;
		put_u64(&b, 0, a[0]);
		put_u64(&b, 1, a[1]);
		submit(&b, who, PPME_SYSCALL_MUNMAP_E, 2);
		return true;
	case NR_execveat: {
		__u32 flags = 0;

		if (a[4] & AT_EMPTY_PATH)
			flags |= 1;
		if (a[4] & AT_SYMLINK_NOFOLLOW)
			flags |= 2;
		if (!begin(&b, 3))
			return true;
		put_fd(&b, 0, a[0]);
		put_user_str(&b, 1, (void *)a[1]);
		put_u32(&b, 2, flags);
		submit(&b, who, PPME_SYSCALL_EXECVEAT_E, 3);
		return true;
	}
	default:
		return false;
	}
}

/* pipe/pipe2 exit: res, the two fds the kernel wrote to the user's array, the pipe's inode. */
static __always_inline void pipe_exit(struct builder *b, long ret, const __u64 *a)
{
	int fds[2] = { -1, -1 };
	__u32 dev;
	__u64 ino = 0;

	if (bpf_probe_read_user(fds, sizeof(fds), (void *)a[0])) {
		fds[0] = -1;
		fds[1] = -1;
	}
	if (ret == 0)
		fd_dev_ino(fds[0], &dev, &ino);
	put_u64(b, 0, ret);
	put_u64(b, 1, (__s64)fds[0]);
	put_u64(b, 2, (__s64)fds[1]);
	put_u64(b, 3, ino);
}

static __always_inline bool fs_exit(const struct who *who, long nr, long ret, const __u64 *a)
{
	struct builder b;
	__u32 dev, np;
	__u64 ino;

	switch (nr) {
	case NR_creat:
		fd_dev_ino(ret, &dev, &ino);
		if (!begin(&b, 6))
			return true;
		put_u64(&b, 0, ret);
		put_user_str(&b, 1, (void *)a[0]);
		put_u32(&b, 2, a[1]);
		put_u32(&b, 3, dev);
		put_u64(&b, 4, ino);
		put_u16(&b, 5, 0);		/* overlayfs layer: not looked at */
		submit(&b, who, PPME_SYSCALL_CREAT_X, 6);
		return true;
	case NR_openat2: {
		struct open_how how = {};

		bpf_probe_read_user(&how, sizeof(how), (void *)a[2]);
		fd_dev_ino(ret, &dev, &ino);
		if (!begin(&b, 8))
			return true;
		put_u64(&b, 0, ret);
		put_fd(&b, 1, a[0]);
		put_user_str(&b, 2, (void *)a[1]);
		put_u32(&b, 3, ppm_open_flags(how.flags));
		put_u32(&b, 4, how.mode);
		put_u32(&b, 5, ppm_resolve_flags(how.resolve));
		put_u32(&b, 6, dev);
		put_u64(&b, 7, ino);
		submit(&b, who, PPME_SYSCALL_OPENAT2_X, 8);
		return true;
	}
	case NR_readv:
	case NR_preadv: {
		bool pos = nr == NR_preadv;

		np = pos ? 5 : 4;
		if (!begin(&b, np))
			return true;
		put_u64(&b, 0, ret);
		if (ret > 0) {
			put_u32(&b, 1, ret);
			put_iov_data(&b, 2, (void *)a[1], a[2], ret);
		} else {
			put_u32(&b, 1, 0);
			put_empty(&b, 2);
		}
		put_fd(&b, 3, a[0]);
		if (pos)
			put_u64(&b, 4, a[3]);
		submit(&b, who, pos ? PPME_SYSCALL_PREADV_X : PPME_SYSCALL_READV_X, np);
		return true;
	}
	case NR_writev:
	case NR_pwritev: {
		bool pos = nr == NR_pwritev;
		__u64 total = iov_total((void *)a[1], a[2]);

		np = pos ? 5 : 4;
		if (!begin(&b, np))
			return true;
		put_u64(&b, 0, ret);
		put_iov_data(&b, 1, (void *)a[1], a[2], ret > 0 ? ret : total);
		put_fd(&b, 2, a[0]);
		put_u32(&b, 3, total);
		if (pos)
			put_u64(&b, 4, a[3]);
		submit(&b, who, pos ? PPME_SYSCALL_PWRITEV_X : PPME_SYSCALL_WRITEV_X, np);
		return true;
	}
	case NR_dup:
	case NR_dup2:
	case NR_dup3:
		if (!begin(&b, 1))
			return true;
		put_u64(&b, 0, ret);
		submit(&b, who, PPME_SYSCALL_DUP_X, 1);
		return true;
	case NR_pipe:
	case NR_pipe2:
		if (!begin(&b, 4))
			return true;
		pipe_exit(&b, ret, a);
		submit(&b, who, PPME_SYSCALL_PIPE_X, 4);
		return true;
	case NR_unlink:
	case NR_rmdir:
	case NR_chdir:
		if (!begin(&b, 2))
			return true;
		put_u64(&b, 0, ret);
		put_user_str(&b, 1, (void *)a[0]);
		submit(&b, who, nr == NR_unlink ? PPME_SYSCALL_UNLINK_2_X :
				nr == NR_rmdir ? PPME_SYSCALL_RMDIR_2_X : PPME_SYSCALL_CHDIR_X, 2);
		return true;
	case NR_fchdir:
		if (!begin(&b, 2))
			return true;
		put_u64(&b, 0, ret);
		put_fd(&b, 1, a[0]);
		submit(&b, who, PPME_SYSCALL_FCHDIR_X, 2);
		return true;
	case NR_unlinkat:
		if (!begin(&b, 4))
			return true;
		put_u64(&b, 0, ret);
		put_fd(&b, 1, a[0]);
		put_user_str(&b, 2, (void *)a[1]);
		put_u32(&b, 3, a[2] & AT_REMOVEDIR);	/* PPM_AT_REMOVEDIR is 0x200 too */
		submit(&b, who, PPME_SYSCALL_UNLINKAT_2_X, 4);
		return true;
	case NR_mkdir:
		if (!begin(&b, 3))
			return true;
		put_u64(&b, 0, ret);
		put_user_str(&b, 1, (void *)a[0]);
		put_u32(&b, 2, a[1]);
		submit(&b, who, PPME_SYSCALL_MKDIR_2_X, 3);
		return true;
	case NR_mkdirat:
		if (!begin(&b, 4))
			return true;
		put_u64(&b, 0, ret);
		put_fd(&b, 1, a[0]);
		put_user_str(&b, 2, (void *)a[1]);
		put_u32(&b, 3, a[2]);
		submit(&b, who, PPME_SYSCALL_MKDIRAT_X, 4);
		return true;
	case NR_symlink:
	case NR_link:
		if (!begin(&b, 3))
			return true;
		put_u64(&b, 0, ret);
		put_user_str(&b, 1, (void *)a[0]);
		put_user_str(&b, 2, (void *)a[1]);
		submit(&b, who, nr == NR_symlink ? PPME_SYSCALL_SYMLINK_X : PPME_SYSCALL_LINK_2_X, 3);
		return true;
	case NR_symlinkat:
		if (!begin(&b, 4))
			return true;
		put_u64(&b, 0, ret);
		put_user_str(&b, 1, (void *)a[0]);
		put_fd(&b, 2, a[1]);
		put_user_str(&b, 3, (void *)a[2]);
		submit(&b, who, PPME_SYSCALL_SYMLINKAT_X, 4);
		return true;
	case NR_linkat:
		if (!begin(&b, 6))
			return true;
		put_u64(&b, 0, ret);
		put_fd(&b, 1, a[0]);
		put_user_str(&b, 2, (void *)a[1]);
		put_fd(&b, 3, a[2]);
		put_user_str(&b, 4, (void *)a[3]);
		/* PPM_AT_SYMLINK_FOLLOW and PPM_AT_EMPTY_PATH are Linux's values */
		put_u32(&b, 5, a[4] & (AT_SYMLINK_FOLLOW | AT_EMPTY_PATH));
		submit(&b, who, PPME_SYSCALL_LINKAT_2_X, 6);
		return true;
	case NR_ptrace:
		if (!begin(&b, 5))
			return true;
		put_u64(&b, 0, ret);
		put_ptrace_addr_data(&b, 1, ret, a);
		put_u16(&b, 3, ppm_ptrace_request(a[0]));
		put_u64(&b, 4, (__s64)(int)a[1]);
		submit(&b, who, PPME_SYSCALL_PTRACE_X, 5);
		return true;
	case NR_rename:
		if (!begin(&b, 3))
			return true;
		put_u64(&b, 0, ret);
		put_user_str(&b, 1, (void *)a[0]);
		put_user_str(&b, 2, (void *)a[1]);
		submit(&b, who, PPME_SYSCALL_RENAME_X, 3);
		return true;
	case NR_renameat:
	case NR_renameat2:
		np = nr == NR_renameat2 ? 6 : 5;
		if (!begin(&b, np))
			return true;
		put_u64(&b, 0, ret);
		put_fd(&b, 1, a[0]);
		put_user_str(&b, 2, (void *)a[1]);
		put_fd(&b, 3, a[2]);
		put_user_str(&b, 4, (void *)a[3]);
		if (nr == NR_renameat2)		/* PPM_RENAME_* are Linux's RENAME_* */
			put_u32(&b, 5, a[4] & 7);
		submit(&b, who, nr == NR_renameat2 ? PPME_SYSCALL_RENAMEAT2_X :
						     PPME_SYSCALL_RENAMEAT_X, np);
		return true;
	case NR_kill:
	case NR_tkill:
	case NR_tgkill:
		np = nr == NR_tgkill ? 4 : 3;
		if (!begin(&b, np))
			return true;
		put_u64(&b, 0, ret);
		put_kill_args(&b, nr, a, 1);
		submit(&b, who, nr == NR_kill ? PPME_SYSCALL_KILL_X :
				nr == NR_tkill ? PPME_SYSCALL_TKILL_X : PPME_SYSCALL_TGKILL_X, np);
		return true;
	case NR_setuid:
	case NR_setgid:
		if (!begin(&b, 2))
			return true;
		put_u64(&b, 0, ret);
		put_u32(&b, 1, a[0]);
		submit(&b, who, nr == NR_setuid ? PPME_SYSCALL_SETUID_X : PPME_SYSCALL_SETGID_X, 2);
		return true;
	case NR_setresuid:
	case NR_setresgid:
		if (!begin(&b, 4))
			return true;
		put_u64(&b, 0, ret);
		put_u32(&b, 1, a[0]);
		put_u32(&b, 2, a[1]);
		put_u32(&b, 3, a[2]);
		submit(&b, who, nr == NR_setresuid ? PPME_SYSCALL_SETRESUID_X :
						     PPME_SYSCALL_SETRESGID_X, 4);
		return true;
	case NR_mmap:
		if (!begin(&b, 10))
			return true;
		put_u64(&b, 0, ret);
		put_vm_sizes(&b, 1);
		put_u64(&b, 4, a[0]);
		put_u64(&b, 5, a[1]);
		put_u32(&b, 6, ppm_prot_flags(a[2]));
		put_u32(&b, 7, ppm_mmap_flags(a[3]));
		put_fd(&b, 8, a[4]);
		put_u64(&b, 9, a[5]);
		submit(&b, who, PPME_SYSCALL_MMAP_X, 10);
		return true;
	/* brk returns the new program break, or the old one when it could not move it. */
	case NR_brk:
		if (!begin(&b, 5))
			return true;
		put_u64(&b, 0, ret);
		put_vm_sizes(&b, 1);
		put_u64(&b, 4, a[0]);
		submit(&b, who, PPME_SYSCALL_BRK_4_X, 5);
		return true;
	case NR_munmap:
		if (!begin(&b, 6))
			return true;
		put_u64(&b, 0, ret);
		put_vm_sizes(&b, 1);
		put_u64(&b, 4, a[0]);
		put_u64(&b, 5, a[1]);
		submit(&b, who, PPME_SYSCALL_MUNMAP_X, 6);
		return true;
	case NR_execveat:
		/* Only failures: on x86_64 a successful execveat returns with orig_ax set to
		 * execve's number, so its exit is an execve exit, as libs' probes send it too. */
		execve_exit_event(who, ret, PPME_SYSCALL_EXECVEAT_X);
		return true;
	default:
		return false;
	}
}

#endif
