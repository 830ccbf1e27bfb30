/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Line mode, -y: what each new fd is, read from the task's file table at the exit of the
 * syscall that made it, so that user space knows a socket's, a pipe's or an anonymous inode's
 * name after the process closed the fd or exited (then /proc has nothing). Included by
 * trace_lines.bpf.h before tl_syscall, which calls tl_put_files at each exit.
 *
 * Kernel facts this relies on:
 * - current->files is the task's files_struct; its fdt the fdtable in use, whose fd array
 *   holds max_fds slots. fd_install() put the new file in its slot before the syscall
 *   returned: at sys_exit the slot holds it, unless a thread sharing the table closed it since
 *   (then the slot is NULL or another file, which is what the fd is now).
 * - file->f_inode is the file's inode; inode->i_sb->s_magic names its filesystem: sockfs,
 *   pipefs and anon_inodefs are what /proc/PID/fd's link calls "socket:[INO]", "pipe:[INO]"
 *   and "anon_inode:NAME" (their d_dname), NAME being the dentry's name.
 * - A socket's file->private_data is its struct socket (sock_from_file()), whose sk holds the
 *   family (sock_common.skc_family), type and protocol (u16 members since Linux 5.6; the
 *   loader finds no offset for a bitfield, and then reads none of this).
 * - d_name.name points at the dentry's NUL-terminated name.
 */
#ifndef SYSRAY_TRACE_FILES_BPF_H
#define SYSRAY_TRACE_FILES_BPF_H

/* Set by the loader before load: file_facts when every offset was found. */
const volatile __u8 file_facts;
const volatile struct tl_file_offs file_offs;
/* The syscalls whose result is a new fd (pipe's and socketpair's pairs are known here). */
const volatile __u64 fd_made_mask[TC_SC_WORDS];

#define TF_S_IFMT	00170000
#define TF_S_IFSOCK	0140000
#define TF_AF_NETLINK	16

/* The pointer at BASE + OFF in kernel memory, or 0. */
static __always_inline __u64 tf_ptr(__u64 base, __u32 off)
{
	__u64 p = 0;

	if (base && bpf_probe_read_kernel(&p, sizeof(p), (void *)(base + off)))
		p = 0;
	return p;
}

/* Appends at OFF a TL_FILE chunk: what fd FD of the current task is. Returns the offset
 * after it; OFF when the fd holds no file or its inode could not be read. */
__noinline __u32 tl_put_file(__u32 off, __s32 fd)
{
	__u32 zero = 0, max = 0;
	struct tl_scratch *s = bpf_map_lookup_elem(&scratch, &zero);

	if (!s || fd < 0 || off >= TL_EVENT_ROOM)
		return off;
	__u32 at = tl_bound_off(off);
	struct tl_chunk *c = (void *)(s->buf + at);
	struct tl_file *f = (void *)(s->buf + at + sizeof(*c));
	__u64 files = tf_ptr((__u64)bpf_get_current_task(), file_offs.task_files);
	__u64 fdt = tf_ptr(files, file_offs.files_fdt);

	if (!fdt || bpf_probe_read_kernel(&max, sizeof(max), (void *)(fdt + file_offs.fdt_max_fds)) ||
	    (__u32)fd >= max)
		return off;
	__u64 file = tf_ptr(tf_ptr(fdt, file_offs.fdt_fd), (__u32)fd * 8);
	__u64 inode = tf_ptr(file, file_offs.file_inode);
	__u64 sb = tf_ptr(inode, file_offs.inode_sb);

	__builtin_memset(f, 0, __builtin_offsetof(struct tl_file, name));
	f->fd = fd;
	if (!sb ||
	    bpf_probe_read_kernel(&f->ino, sizeof(f->ino), (void *)(inode + file_offs.inode_ino)) ||
	    bpf_probe_read_kernel(&f->mode, sizeof(f->mode),
				  (void *)(inode + file_offs.inode_mode)) ||
	    bpf_probe_read_kernel(&f->rdev, sizeof(f->rdev),
				  (void *)(inode + file_offs.inode_rdev)) ||
	    bpf_probe_read_kernel(&f->magic, sizeof(f->magic), (void *)(sb + file_offs.sb_magic)))
		return off;
	__u64 name = tf_ptr(tf_ptr(file, file_offs.file_dentry), file_offs.dentry_name);

	if (!name || bpf_probe_read_kernel_str(f->name, sizeof(f->name), (void *)name) < 0)
		f->name[0] = 0;
	if ((f->mode & TF_S_IFMT) == TF_S_IFSOCK) {
		__u64 sk = tf_ptr(tf_ptr(file, file_offs.file_private), file_offs.socket_sk);

		if (sk &&
		    (bpf_probe_read_kernel(&f->family, 2, (void *)(sk + file_offs.sk_family)) ||
		     bpf_probe_read_kernel(&f->type, 2, (void *)(sk + file_offs.sk_type)) ||
		     bpf_probe_read_kernel(&f->protocol, 2, (void *)(sk + file_offs.sk_protocol))))
			f->family = 0;
		if (f->family == TF_AF_NETLINK &&
		    bpf_probe_read_kernel(&f->portid, 4, (void *)(sk + file_offs.nl_portid)))
			f->portid = 0;
	}
	c->addr = 0;
	c->len = sizeof(*f);
	c->flags = TL_FILE;
	return at + sizeof(*c) + ((sizeof(*f) + 7) & ~7);
}

/* The fds that syscall NR made, returning RET (A0 and A3: its first and fourth arguments,
 * where pipe and socketpair wrote their pair), or the socket A0 it gave an address, as
 * TL_FILE chunks at OFF. */
static __always_inline __u32 tl_put_files(__u32 off, long nr, long ret, __u64 a0, __u64 a3)
{
	__u64 pair_at = nr == NR_socketpair ? a3 : nr == NR_pipe || nr == NR_pipe2 ? a0 : 0;
	__s32 pair[2];

	if (!file_facts || ret < 0 || ret > 0x7fffffff || nr < 0 || nr >= TC_MAX_SYSCALLS)
		return off;
	if (pair_at) {
		if (bpf_probe_read_user(pair, sizeof(pair), (void *)pair_at))
			return off;
		off = tl_put_file(off, pair[0]);
		return tl_put_file(off, pair[1]);
	}
	if (fd_made_mask[(nr >> 6) & (TC_SC_WORDS - 1)] & (1ULL << (nr & 63)))
		return tl_put_file(off, (__s32)ret);
	/* the socket an address was given to (netlink_bind, netlink_connect, netlink_sendmsg's
	 * autobind) */
	if (nr == NR_bind || nr == NR_connect || nr == NR_sendto || nr == NR_sendmsg ||
	    nr == NR_sendmmsg)
		return tl_put_file(off, (__s32)a0);
	return off;
}

#endif
