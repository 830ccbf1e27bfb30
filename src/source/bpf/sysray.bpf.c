/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * sysray's system-wide syscall source: BTF tracepoints (or raw tracepoints) on sys_enter and
 * sys_exit and on sched_process_fork/exit write scap-layout events into one BPF ring buffer.
 * Dedicated events copy paths and I/O buffers (up to snaplen); every other syscall becomes a
 * generic event with its number and raw arguments. Filters (syscall bitmap, pid set, our own
 * process) run before anything is copied.
 *
 * Kernel facts this relies on (x86_64):
 * - At sys_exit the pt_regs still hold the user's argument registers (di, si, dx, r10, r8,
 *   r9) and orig_ax the syscall number: the syscall ABI preserves them, so exit events read
 *   their arguments again instead of keeping per-thread state from the entry.
 * - A forked child returns through the same exit path with a copy of its parent's registers,
 *   so clone/fork/vfork exits are seen in the parent (res = child) and the child (res = 0).
 * - bpf_probe_read_user_str() fails on a page that has not been faulted in yet (a program's
 *   first openat): the exit event reads the path again, after the kernel faulted it in.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "source/bpf/bpf_event.h"
#include "source/bpf/linux_defs.bpf.h"
#include "schema/event_codes.h"
#include "schema/ppm_flags.h"
#include "schema/syscall_nr.h"

char LICENSE[] SEC("license") = "Dual MIT/GPL";

/* Set by the loader before load; the verifier sees them as constants. */
const volatile __u32 self_tgid;
const volatile __u32 snaplen = 80;
const volatile __u64 epoch_offset_ns;		/* CLOCK_REALTIME - CLOCK_MONOTONIC */
const volatile __u8 filter_syscalls;
const volatile __u8 filter_pids;
const volatile __u8 filter_comms;
const volatile __u8 filter_cgroups;
/* With filter_comms: syscalls sent whatever the comm, because they keep the state (a process
 * opens and forks under one name, then execs into the one the filter wants). */
const volatile __u64 state_mask[SR_SC_WORDS];
const volatile __u8 want_procexit = 1;
const volatile __u64 syscall_mask[SR_SC_WORDS];
const volatile __u64 wakeup_bytes = 256 * 1024;	/* wake the consumer once this much is queued */
const volatile __u8 task_btf;			/* the current task is readable through BTF */
/* libs' PPM_SC code of each syscall number: the ID parameter of generic events. */
const volatile __u16 ppm_sc[SR_MAX_SYSCALLS];
/*
 * Set by the loader once every program is attached. The programs attach one by one, and a
 * tp_btf attach takes milliseconds: without the gate, a syscall that enters after sys_enter
 * is attached and leaves before sys_exit is, has an enter event and no exit.
 */
volatile __u8 all_attached;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);
} events SEC(".maps");

/* Process names (comm, NUL-padded to 16 bytes) to capture when filter_comms is set. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, char[16]);
	__type(value, __u8);
} comms SEC(".maps");

/*
 * A container filter's verdict per cgroup, keyed by the v2 cgroup id: 0 when no event of a
 * task in that cgroup can match. User space computes it from the cgroup's path; a cgroup it
 * has not seen yet has no entry, and its events go to user space, whose filter decides.
 */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, __u8);
} cgroup_verdicts SEC(".maps");

/* Events the name and container filters kept out of the ring, per CPU: SR_FILTERED_COMM,
 * SR_FILTERED_CGROUP. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SR_FILTERED_KINDS);
	__type(key, __u32);
	__type(value, __u64);
} filtered SEC(".maps");

static __always_inline void count_filtered(__u32 kind)
{
	__u64 *n = bpf_map_lookup_elem(&filtered, &kind);

	if (n)
		*n += 1;
}

/* Records lost because the ring was full, per CPU. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} drops SEC(".maps");

/* Thread groups to capture when filter_pids is set; children join at fork. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 8192);
	__type(key, __u32);
	__type(value, __u8);
} pids SEC(".maps");

/* One event under construction per CPU. Offsets are masked to the lower half and every copy is
 * at most half the buffer, which is how the verifier sees each write stay inside. Tracing
 * programs do not nest on one CPU, so a slot is never shared by two events. */
#define SCRATCH_SIZE	65536
#define HALF_MASK	(SCRATCH_SIZE / 2 - 1)
struct scratch {
	__u8 buf[SCRATCH_SIZE];
};
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);		/* resized to the number of CPUs by the loader */
	__type(key, __u32);
	__type(value, struct scratch);
} scratch SEC(".maps");

/* The thread an event is about: ids, and the task itself when tp_btf programs read it through
 * BTF (NULL otherwise). One helper call gives all three. */
struct who {
	__u32 tgid;
	__u64 tid;
	struct task_struct *task;
};

struct builder {
	__u8 *buf;
	__u32 off;	/* next free byte of the value area, from the start of the record */
};

static __always_inline void count_drop(void)
{
	__u32 zero = 0;
	__u64 *n = bpf_map_lookup_elem(&drops, &zero);

	if (n)
		*n += 1;
}

/* With wakeup_bytes 0 the consumer polls on a timer and the programs never wake it: the
 * query reads the producer and consumer positions, a cache line the consumer writes. */
static __always_inline __u64 wakeup_flag(void)
{
	if (!wakeup_bytes)
		return BPF_RB_NO_WAKEUP;
	return bpf_ringbuf_query(&events, BPF_RB_AVAIL_DATA) >= wakeup_bytes ?
		BPF_RB_FORCE_WAKEUP : BPF_RB_NO_WAKEUP;
}

static __always_inline bool in_mask(const volatile __u64 *mask, long nr)
{
	return nr >= 0 && nr < SR_MAX_SYSCALLS &&
	       (mask[(nr >> 6) & (SR_SC_WORDS - 1)] & (1ULL << (nr & 63)));
}

/* Is the process's name one of the comms map's keys? The name is the thread group leader's
 * comm: sysdig's proc.name is the process's, and threads may rename themselves
 * (PR_SET_NAME). The bytes after the first NUL are cleared, so that a key never depends on
 * the kernel's padding. */
static __always_inline bool comm_wanted(void)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	struct task_struct *leader = BPF_CORE_READ(task, group_leader);
	char comm[16] = {};
	bool end = false;

	if (bpf_probe_read_kernel_str(comm, sizeof(comm), &leader->comm) <= 0)
		return false;
	for (int i = 0; i < 16; i++) {
		if (end)
			comm[i] = 0;
		else if (!comm[i])
			end = true;
	}
	return bpf_map_lookup_elem(&comms, comm) != NULL;
}

static __always_inline bool cgroup_wanted(void)
{
	__u64 id = bpf_get_current_cgroup_id();
	__u8 *v = bpf_map_lookup_elem(&cgroup_verdicts, &id);

	return !v || *v;
}

static __always_inline bool wanted(__u32 tgid, long nr)
{
	if (!all_attached || tgid == self_tgid)
		return false;
	if (filter_syscalls && !in_mask(syscall_mask, nr))
		return false;
	if (filter_pids && !bpf_map_lookup_elem(&pids, &tgid))
		return false;
	if (filter_comms && !in_mask(state_mask, nr) && !comm_wanted()) {
		count_filtered(SR_FILTERED_COMM);
		return false;
	}
	if (filter_cgroups && !in_mask(state_mask, nr) && !cgroup_wanted()) {
		count_filtered(SR_FILTERED_CGROUP);
		return false;
	}
	return true;
}

/*
 * The prefix and the header are packed structs, which clang writes a byte at a time for the
 * BPF target (about 60 instructions). Each field but the header's nparams sits at an offset
 * of its own size from the record's start, records start 8-byte aligned (ring records and
 * the scratch slot), and x86 takes the one unaligned store: they are written whole.
 */
_Static_assert(__builtin_offsetof(struct sr_rec_prefix, tgid) == 4, "prefix layout");
_Static_assert(__builtin_offsetof(struct sr_rec_prefix, comm) == 8, "prefix layout");
_Static_assert(SR_EVENT_OFF % 8 == 0 && __builtin_offsetof(struct sr_scap_hdr, tid) == 8 &&
	       __builtin_offsetof(struct sr_scap_hdr, len) == 16 &&
	       __builtin_offsetof(struct sr_scap_hdr, type) == 20 &&
	       __builtin_offsetof(struct sr_scap_hdr, nparams) == 22, "header layout");

static __always_inline void fill_prefix(__u8 *rec, const struct who *who)
{
	*(__u32 *)rec = bpf_get_smp_processor_id();	/* cpu, then reserved = 0 */
	*(__u32 *)(rec + 4) = who->tgid;
	/* tp_btf programs read task->comm with two plain loads; the helper copies it byte by
	 * byte and costs about a quarter of a generic event. */
	if (task_btf) {
		struct task_struct *t = who->task;

		*(__u64 *)(rec + 8) = *(__u64 *)t->comm;
		*(__u64 *)(rec + 16) = *(__u64 *)(t->comm + 8);
	} else {
		bpf_get_current_comm(rec + 8, 16);
	}
}

static __always_inline void fill_header(__u8 *rec, __u64 tid, __u32 len, __u16 type,
					__u32 nparams)
{
	__u8 *h = rec + SR_EVENT_OFF;

	*(__u64 *)h = bpf_ktime_get_ns() + epoch_offset_ns;
	*(__u64 *)(h + 8) = tid;
	*(__u32 *)(h + 16) = len;
	*(__u16 *)(h + 20) = type;
	*(__u32 *)(h + 22) = nparams;
}

/* Starts an event of NPARAMS parameters in this CPU's scratch slot; NULL if none. */
static __always_inline __u8 *begin(struct builder *b, __u32 nparams)
{
	__u32 cpu = bpf_get_smp_processor_id();
	struct scratch *s = bpf_map_lookup_elem(&scratch, &cpu);

	if (!s)
		return NULL;
	b->buf = s->buf;
	b->off = SR_LENS_OFF + 2 * nparams;
	return b->buf;
}

static __always_inline void set_len(struct builder *b, __u32 idx, __u16 len)
{
	*(__u16 *)(b->buf + SR_LENS_OFF + 2 * idx) = len;
}

static __always_inline void put_u64(struct builder *b, __u32 idx, __u64 v)
{
	*(__u64 *)(b->buf + (b->off & HALF_MASK)) = v;
	set_len(b, idx, 8);
	b->off += 8;
}

static __always_inline void put_u32(struct builder *b, __u32 idx, __u32 v)
{
	*(__u32 *)(b->buf + (b->off & HALF_MASK)) = v;
	set_len(b, idx, 4);
	b->off += 4;
}

static __always_inline void put_u8(struct builder *b, __u32 idx, __u8 v)
{
	*(b->buf + (b->off & HALF_MASK)) = v;
	set_len(b, idx, 1);
	b->off += 1;
}

static __always_inline void put_empty(struct builder *b, __u32 idx)
{
	set_len(b, idx, 0);
}

/* A NUL-terminated user string (path), empty when unreadable. Returns the bytes copied. */
static __always_inline long put_user_str(struct builder *b, __u32 idx, const void *uptr)
{
	long n = bpf_probe_read_user_str(b->buf + (b->off & HALF_MASK), SR_MAX_PATH, uptr);

	if (n <= 0 || !uptr)
		n = 0;
	set_len(b, idx, n);
	b->off += n & (SR_MAX_PATH - 1 + SR_MAX_PATH);
	return n;
}

/* Up to LEN bytes of user memory, at most MAX; empty when unreadable. No call for no bytes:
 * bpf_probe_read_user() costs about as much for 0 bytes as for 80. */
static __always_inline void put_user_buf(struct builder *b, __u32 idx, const void *uptr,
					 __u64 len, __u32 max)
{
	if (len > max)
		len = max;
	if (len > SR_MAX_SNAPLEN)
		len = SR_MAX_SNAPLEN;
	if (!len || !uptr || bpf_probe_read_user(b->buf + (b->off & HALF_MASK), len, uptr) < 0)
		len = 0;
	set_len(b, idx, len);
	b->off += len;
}

/* Sends the event and counts a drop when the ring is full. */
static __always_inline void submit(struct builder *b, const struct who *who, __u16 type,
				   __u32 nparams)
{
	__u32 size = b->off;

	if (size > SCRATCH_SIZE / 2) {
		count_drop();
		return;
	}
	fill_prefix(b->buf, who);
	fill_header(b->buf, who->tid, size - SR_EVENT_OFF, type, nparams);
	if (bpf_ringbuf_output(&events, b->buf, size & HALF_MASK, wakeup_flag()))
		count_drop();
}

/*
 * Starts an event of NPARAMS parameters reserved straight in the ring, SIZE bytes (a constant
 * to the verifier, which checks every write against it): a small event skips the scratch slot
 * and bpf_ringbuf_output()'s copy out of it, about a tenth of its cost. NULL (a drop counted)
 * when the ring is full.
 */
static __always_inline __u8 *begin_in_ring(struct builder *b, __u32 size, __u32 nparams)
{
	b->buf = bpf_ringbuf_reserve(&events, size, 0);
	if (!b->buf) {
		count_drop();
		return NULL;
	}
	b->off = SR_LENS_OFF + 2 * nparams;
	return b->buf;
}

/* Sends an event begun with begin_in_ring(), whose length is b->off (at most its SIZE). */
static __always_inline void submit_in_ring(struct builder *b, const struct who *who, __u16 type,
					   __u32 nparams)
{
	fill_prefix(b->buf, who);
	fill_header(b->buf, who->tid, b->off - SR_EVENT_OFF, type, nparams);
	bpf_ringbuf_submit(b->buf, wakeup_flag());
}

/* The struct file behind FD in the current task's table, NULL if none. */
static __always_inline struct file *fd_file(long fd)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	struct file **fds;
	struct file *f = NULL;

	if (!fdt || fd < 0 || fd >= BPF_CORE_READ(fdt, max_fds))
		return NULL;
	fds = BPF_CORE_READ(fdt, fd);
	if (fds)
		bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]);
	return f;
}

/* The sum of the iov_len of the first CNT iovecs (at most SR_MAX_IOVCNT). */
static __always_inline __u64 iov_total(const struct iovec *uiov, __u64 cnt)
{
	__u64 total = 0;

	for (int i = 0; i < SR_MAX_IOVCNT; i++) {
		struct iovec v;

		if (i >= cnt || bpf_probe_read_user(&v, sizeof(v), &uiov[i]))
			break;
		total += (__u64)v.iov_len;
	}
	return total;
}

/* The first LEN bytes (at most snaplen) that the iovecs hold, back to back, as PT_BYTEBUF. */
static __always_inline void put_iov_data(struct builder *b, __u32 idx, const struct iovec *uiov,
					 __u64 cnt, __u64 len)
{
	__u32 start = b->off;
	__u32 copied = 0;

	if (len > snaplen)
		len = snaplen;
	if (len > SR_MAX_SNAPLEN)
		len = SR_MAX_SNAPLEN;
	for (int i = 0; i < SR_MAX_IOVCNT; i++) {
		struct iovec v;
		__u64 n;

		if (i >= cnt || copied >= len || bpf_probe_read_user(&v, sizeof(v), &uiov[i]))
			break;
		n = len - copied;
		if (n > v.iov_len)
			n = v.iov_len;
		if (n > SR_MAX_SNAPLEN)
			n = SR_MAX_SNAPLEN;
		if (bpf_probe_read_user(b->buf + ((start + copied) & HALF_MASK), n, v.iov_base))
			break;
		copied += n;
	}
	set_len(b, idx, copied);
	b->off += copied & (2 * SR_MAX_SNAPLEN - 1);
}

/* A sockaddr as PT_SOCKADDR: family byte, then address and port (host order) or path. */
static __always_inline void put_sockaddr(struct builder *b, __u32 idx, const void *uaddr,
					 __u32 alen)
{
	__u16 family = 0;
	__u8 *dst = b->buf + (b->off & HALF_MASK);

	if (!uaddr || alen < 2 || bpf_probe_read_user(&family, 2, uaddr) < 0) {
		put_empty(b, idx);
		return;
	}
	if (family == AF_INET && alen >= 8) {
		struct { __u16 f; __u16 port; __u32 addr; } in = {};

		bpf_probe_read_user(&in, sizeof(in), uaddr);
		dst[0] = PPM_AF_INET;
		__builtin_memcpy(dst + 1, &in.addr, 4);
		*(__u16 *)(dst + 5) = __builtin_bswap16(in.port);
		set_len(b, idx, 7);
		b->off += 7;
	} else if (family == AF_INET6 && alen >= 24) {
		struct { __u16 f; __u16 port; __u32 flow; __u8 addr[16]; } in6 = {};

		bpf_probe_read_user(&in6, sizeof(in6), uaddr);
		dst[0] = PPM_AF_INET6;
		__builtin_memcpy(dst + 1, in6.addr, 16);
		*(__u16 *)(dst + 17) = __builtin_bswap16(in6.port);
		set_len(b, idx, 19);
		b->off += 19;
	} else if (family == AF_UNIX) {		/* abstract names lose their NUL */
		const char *path = (const char *)uaddr + 2;
		char first = 0;
		long n;

		bpf_probe_read_user(&first, 1, path);
		if (!first)
			path++;
		dst[0] = PPM_AF_UNIX;
		n = bpf_probe_read_user_str(dst + 1, UNIX_PATH_MAX, path);
		if (n <= 0) {
			dst[1] = 0;
			n = 1;
		}
		set_len(b, idx, 1 + n);
		b->off += 1 + (n & 127);
	} else {
		put_empty(b, idx);
	}
}

/* argv[0] as exe and argv[1..] as NUL-separated args, from the current mm's argument area. */
static __always_inline void put_exe_args(struct builder *b, __u32 idx)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	__u64 start = 0, end = 0;
	long n0 = 0;

	if (mm) {
		start = BPF_CORE_READ(mm, arg_start);
		end = BPF_CORE_READ(mm, arg_end);
	}
	if (!mm || end <= start) {
		put_empty(b, idx);
		put_empty(b, idx + 1);
		return;
	}
	n0 = bpf_probe_read_user_str(b->buf + (b->off & HALF_MASK), SR_MAX_PATH, (void *)start);
	if (n0 <= 0)
		n0 = 0;
	set_len(b, idx, n0);
	b->off += n0 & (2 * SR_MAX_PATH - 1);
	__u64 rest = end - start > (__u64)n0 ? end - start - n0 : 0;

	if (rest > SR_MAX_ARGS)
		rest = SR_MAX_ARGS;
	if (bpf_probe_read_user(b->buf + (b->off & HALF_MASK), rest, (void *)(start + n0)) < 0)
		rest = 0;
	set_len(b, idx + 1, rest);
	b->off += rest;
}

/* tid, pid, ptid as the process tree sees them from the current task. */
static __always_inline void put_ids(struct builder *b, __u32 idx)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	__u64 id = bpf_get_current_pid_tgid();

	put_u64(b, idx, (__u32)id);
	put_u64(b, idx + 1, id >> 32);
	put_u64(b, idx + 2, BPF_CORE_READ(task, real_parent, tgid));
}

static __always_inline void put_comm(struct builder *b, __u32 idx)
{
	char *dst = (char *)b->buf + (b->off & HALF_MASK);

	bpf_get_current_comm(dst, 16);
	dst[15] = 0;
	long n = bpf_probe_read_kernel_str(dst, 16, dst);	/* its length, with the NUL */

	if (n <= 0)
		n = 1;
	set_len(b, idx, n);
	b->off += n & 31;
}

static __always_inline __u16 ppm_sc_of(long nr)
{
	return nr >= 0 && nr < SR_MAX_SYSCALLS ? ppm_sc[nr & (SR_MAX_SYSCALLS - 1)] : 0;
}

/* The fixed-size generic enter event, reserved straight in the ring. */
static __always_inline void generic_enter(const struct who *who, long nr, const __u64 *a)
{
	const __u32 np = SR_GENERIC_E_NPARAMS;
	const __u32 size = SR_LENS_OFF + 2 * np + 4 + 6 * 8;
	__u64 flag = wakeup_flag();
	__u8 *rec = bpf_ringbuf_reserve(&events, size, 0);

	if (!rec) {
		count_drop();
		return;
	}
	fill_prefix(rec, who);
	fill_header(rec, who->tid, size - SR_EVENT_OFF, PPME_GENERIC_E, np);
	__u16 *lens = (void *)(rec + SR_LENS_OFF);
	__u8 *v = rec + SR_LENS_OFF + 2 * np;

	lens[0] = 2;
	lens[1] = 2;
	*(__u16 *)v = ppm_sc_of(nr);
	*(__u16 *)(v + 2) = nr;
	for (int i = 0; i < 6; i++) {
		lens[2 + i] = 8;
		*(__u64 *)(v + 4 + 8 * i) = a[i];
	}
	bpf_ringbuf_submit(rec, flag);
}

static __always_inline void generic_exit(const struct who *who, long nr, long ret)
{
	const __u32 np = SR_GENERIC_X_NPARAMS;
	const __u32 size = SR_LENS_OFF + 2 * np + 4 + 8;
	__u64 flag = wakeup_flag();
	__u8 *rec = bpf_ringbuf_reserve(&events, size, 0);

	if (!rec) {
		count_drop();
		return;
	}
	fill_prefix(rec, who);
	fill_header(rec, who->tid, size - SR_EVENT_OFF, PPME_GENERIC_X, np);
	__u16 *lens = (void *)(rec + SR_LENS_OFF);
	__u8 *v = rec + SR_LENS_OFF + 2 * np;

	lens[0] = 2;
	lens[1] = 2;
	lens[2] = 8;
	*(__u16 *)v = ppm_sc_of(nr);
	*(__u16 *)(v + 2) = nr;
	*(__s64 *)(v + 4) = ret;
	bpf_ringbuf_submit(rec, flag);
}

/* Families of dedicated events, each with an enter and an exit function that return true when
 * they handled the syscall (false: a generic event is sent). */
#include "source/bpf/cgroups.bpf.h"
#include "source/bpf/exec_task.bpf.h"
#include "source/bpf/events_fs.bpf.h"
#include "source/bpf/events_net.bpf.h"
#include "source/bpf/events_recipes.bpf.h"

/* Arguments from the saved user registers, by direct BTF access or by probe reads. */
#define READ_ARGS(regs, a, direct) do {						\
	if (direct) {								\
		a[0] = regs->di; a[1] = regs->si; a[2] = regs->dx;		\
		a[3] = regs->r10; a[4] = regs->r8; a[5] = regs->r9;		\
	} else {								\
		a[0] = BPF_CORE_READ(regs, di); a[1] = BPF_CORE_READ(regs, si);	\
		a[2] = BPF_CORE_READ(regs, dx); a[3] = BPF_CORE_READ(regs, r10);\
		a[4] = BPF_CORE_READ(regs, r8); a[5] = BPF_CORE_READ(regs, r9);	\
	}									\
} while (0)

/* read, write (fd, size) and pread, pwrite (fd, size, pos): fixed sizes, in the ring. */
static __always_inline void rw_enter(const struct who *who, __u16 type, const __u64 *a,
				     const bool pos)
{
	const __u32 np = pos ? 3 : 2;
	struct builder b;

	if (!begin_in_ring(&b, SR_LENS_OFF + 2 * np + 8 + 4 + (pos ? 8 : 0), np))
		return;
	put_u64(&b, 0, (__s64)(int)a[0]);
	put_u32(&b, 1, a[2]);
	if (pos)
		put_u64(&b, 2, a[3]);
	submit_in_ring(&b, who, type, np);
}

static __always_inline int on_enter(const struct who *who, long nr, const __u64 *a)
{
	struct builder b;

	if (!wanted(who->tgid, nr))
		return 0;
	switch (nr) {
	case NR_read:
		rw_enter(who, PPME_SYSCALL_READ_E, a, false);
		return 0;
	case NR_write:
		rw_enter(who, PPME_SYSCALL_WRITE_E, a, false);
		return 0;
	case NR_pread64:
		rw_enter(who, PPME_SYSCALL_PREAD_E, a, true);
		return 0;
	case NR_pwrite64:
		rw_enter(who, PPME_SYSCALL_PWRITE_E, a, true);
		return 0;
	case NR_open:
		if (!begin(&b, 3))
			return 0;
		put_user_str(&b, 0, (void *)a[0]);
		put_u32(&b, 1, ppm_open_flags(a[1]));
		put_u32(&b, 2, a[2]);
		submit(&b, who, PPME_SYSCALL_OPEN_E, 3);
		return 0;
	case NR_openat:
		if (!begin(&b, 4))
			return 0;
		put_u64(&b, 0, (__s64)(int)a[0]);
		put_user_str(&b, 1, (void *)a[1]);
		put_u32(&b, 2, ppm_open_flags(a[2]));
		put_u32(&b, 3, a[3]);
		submit(&b, who, PPME_SYSCALL_OPENAT_2_E, 4);
		return 0;
	case NR_close:
		if (!begin_in_ring(&b, SR_LENS_OFF + 2 + 8, 1))
			return 0;
		put_u64(&b, 0, (__s64)(int)a[0]);
		submit_in_ring(&b, who, PPME_SYSCALL_CLOSE_E, 1);
		return 0;
	case NR_execve:
		if (!begin(&b, 1))
			return 0;
		put_user_str(&b, 0, (void *)a[0]);
		submit(&b, who, PPME_SYSCALL_EXECVE_19_E, 1);
		return 0;
	case NR_clone:
	case NR_fork:
	case NR_vfork:
	case NR_clone3: {
		__u16 type = nr == NR_clone ? PPME_SYSCALL_CLONE_20_E :
			     nr == NR_fork ? PPME_SYSCALL_FORK_20_E :
			     nr == NR_vfork ? PPME_SYSCALL_VFORK_20_E : PPME_SYSCALL_CLONE3_E;

		if (!begin(&b, 0))
			return 0;
		submit(&b, who, type, 0);
		return 0;
	}
	default:
		if (!fs_enter(who, nr, a) && !net_enter(who, nr, a) &&
		    !recipe_event(who, nr, a, 0, 0))
			generic_enter(who, nr, a);
		return 0;
	}
}

/*
 * read, write (res, data, fd, size) and pread, pwrite (+ pos) exits. With a small snaplen the
 * record is reserved in the ring at the size a full snaplen of data makes and the data is read
 * straight into it; a shorter copy leaves the record's tail unused, outside the event's own
 * length, which is all readers take. A large snaplen goes through the scratch slot instead,
 * so that short reads do not take that much of the ring.
 */
#define RW_IN_RING_SNAPLEN	128

static __always_inline void rw_exit(const struct who *who, __u16 type, long ret,
				    const __u64 *a, const bool pos)
{
	const __u32 np = pos ? 5 : 4;
	const __u32 data = SR_LENS_OFF + 2 * np + 8;	/* after res */
	__u64 len = ret > 0 ? ret : 0;
	struct builder b;

	if (snaplen > RW_IN_RING_SNAPLEN) {
		if (!begin(&b, np))
			return;
		put_u64(&b, 0, ret);
		put_user_buf(&b, 1, (void *)a[1], len, snaplen);
		put_u64(&b, 2, (__s64)(int)a[0]);
		put_u32(&b, 3, a[2]);
		if (pos)
			put_u64(&b, 4, a[3]);
		submit(&b, who, type, np);
		return;
	}
	if (!begin_in_ring(&b, data + snaplen + 8 + 4 + (pos ? 8 : 0), np))
		return;
	put_u64(&b, 0, ret);
	if (len > snaplen)
		len = snaplen;
	if (len > RW_IN_RING_SNAPLEN)
		len = RW_IN_RING_SNAPLEN;
	if (len && (!a[1] || bpf_probe_read_user(b.buf + data, len, (void *)a[1]) < 0))
		len = 0;
	set_len(&b, 1, len);
	__u8 *tail = b.buf + data + len;

	*(__s64 *)tail = (__s64)(int)a[0];
	*(__u32 *)(tail + 8) = a[2];
	set_len(&b, 2, 8);
	set_len(&b, 3, 4);
	b.off = data + len + 8 + 4;
	if (pos) {
		*(__u64 *)(tail + 12) = a[3];
		set_len(&b, 4, 8);
		b.off += 8;
	}
	submit_in_ring(&b, who, type, np);
}

static __always_inline int on_exit(const struct who *who, long nr, long ret, const __u64 *a)
{
	struct builder b;
	__u32 dev;
	__u64 ino;

	/* orig_ax is -1 at sys_exit when there is no syscall to report: rt_sigreturn restores
	 * it from the signal frame, a tracer cancelling a syscall sets it. The drivers write no
	 * exit then; a generic exit with nativeID 0xffff names no syscall. */
	if (nr < 0 || !wanted(who->tgid, nr))
		return 0;
	switch (nr) {
	case NR_read:
		rw_exit(who, PPME_SYSCALL_READ_X, ret, a, false);
		return 0;
	case NR_write:
		rw_exit(who, PPME_SYSCALL_WRITE_X, ret, a, false);
		return 0;
	case NR_pread64:
		rw_exit(who, PPME_SYSCALL_PREAD_X, ret, a, true);
		return 0;
	case NR_pwrite64:
		rw_exit(who, PPME_SYSCALL_PWRITE_X, ret, a, true);
		return 0;
	/* The exits name the opened file's device and inode, as libs' drivers do. */
	case NR_open:
		fd_dev_ino(ret, &dev, &ino);
		if (!begin(&b, 6))
			return 0;
		put_u64(&b, 0, ret);
		put_user_str(&b, 1, (void *)a[0]);
		put_u32(&b, 2, ppm_open_flags(a[1]));
		put_u32(&b, 3, a[2]);
		put_u32(&b, 4, dev);
		put_u64(&b, 5, ino);
		submit(&b, who, PPME_SYSCALL_OPEN_X, 6);
		return 0;
	case NR_openat:
		fd_dev_ino(ret, &dev, &ino);
		if (!begin(&b, 7))
			return 0;
		put_u64(&b, 0, ret);
		put_u64(&b, 1, (__s64)(int)a[0]);
		put_user_str(&b, 2, (void *)a[1]);
		put_u32(&b, 3, ppm_open_flags(a[2]));
		put_u32(&b, 4, a[3]);
		put_u32(&b, 5, dev);
		put_u64(&b, 6, ino);
		submit(&b, who, PPME_SYSCALL_OPENAT_2_X, 7);
		return 0;
	case NR_close:
		if (!begin_in_ring(&b, SR_LENS_OFF + 2 * 2 + 8 + 8, 2))
			return 0;
		put_u64(&b, 0, ret);
		put_u64(&b, 1, (__s64)(int)a[0]);
		submit_in_ring(&b, who, PPME_SYSCALL_CLOSE_X, 2);
		return 0;
	case NR_execve:
		execve_exit_event(who, ret, PPME_SYSCALL_EXECVE_19_X);
		return 0;
	case NR_clone:
	case NR_fork:
	case NR_vfork:
	case NR_clone3: {
		__u16 type = nr == NR_clone ? PPME_SYSCALL_CLONE_20_X :
			     nr == NR_fork ? PPME_SYSCALL_FORK_20_X :
			     nr == NR_vfork ? PPME_SYSCALL_VFORK_20_X : PPME_SYSCALL_CLONE3_X;
		__u64 flags = 0;
		__u64 ug = bpf_get_current_uid_gid();

		if (nr == NR_clone)
			flags = a[0];
		else if (nr == NR_vfork)
			flags = CLONE_VFORK | CLONE_VM;
		else if (nr == NR_clone3)
			bpf_probe_read_user(&flags, sizeof(flags), (void *)a[0]);
		if (!begin(&b, SR_CLONE_X_NPARAMS))
			return 0;
		put_process_exit(&b, ret);
		put_u32(&b, 15, ppm_clone_flags(flags));
		put_u32(&b, 16, (__u32)ug);
		put_u32(&b, 17, ug >> 32);
		put_clone_ns(&b, 18);
		submit(&b, who, type, SR_CLONE_X_NPARAMS);
		return 0;
	}
	default:
		if (!fs_exit(who, nr, ret, a) && !net_exit(who, nr, ret, a) &&
		    !recipe_event(who, nr, a, ret, 1))
			generic_exit(who, nr, ret);
		return 0;
	}
}

/* tp_btf: the ids are two loads from the task, which the comm is read from too; this saves
 * bpf_get_current_pid_tgid(), a helper call of about 8 ns. */
static __always_inline void who_btf(struct who *who)
{
	struct task_struct *t = bpf_get_current_task_btf();

	who->tgid = t->tgid;
	who->tid = (__u32)t->pid;
	who->task = t;
}

static __always_inline void who_raw(struct who *who)
{
	__u64 id = bpf_get_current_pid_tgid();

	who->tgid = id >> 32;
	who->tid = (__u32)id;
	who->task = NULL;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(btf_sys_enter, struct pt_regs *regs, long nr)
{
	struct who who;
	__u64 a[6];

	READ_ARGS(regs, a, 1);
	who_btf(&who);
	return on_enter(&who, nr, a);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(btf_sys_exit, struct pt_regs *regs, long ret)
{
	struct who who;
	__u64 a[6];
	long nr = regs->orig_ax;

	READ_ARGS(regs, a, 1);
	who_btf(&who);
	return on_exit(&who, nr, ret, a);
}

SEC("raw_tracepoint/sys_enter")
int BPF_PROG(raw_sys_enter, struct pt_regs *regs, long nr)
{
	struct who who;
	__u64 a[6];

	READ_ARGS(regs, a, 0);
	who_raw(&who);
	return on_enter(&who, nr, a);
}

SEC("raw_tracepoint/sys_exit")
int BPF_PROG(raw_sys_exit, struct pt_regs *regs, long ret)
{
	struct who who;
	__u64 a[6];
	long nr = BPF_CORE_READ(regs, orig_ax);

	READ_ARGS(regs, a, 0);
	who_raw(&who);
	return on_exit(&who, nr, ret, a);
}

/* A new thread group whose parent is being captured is captured too. */
static __always_inline int on_fork(struct task_struct *parent, struct task_struct *child)
{
	__u32 ptgid = BPF_CORE_READ(parent, tgid);
	__u32 ctgid = BPF_CORE_READ(child, tgid);
	__u8 one = 1;

	if (filter_pids && ctgid != ptgid && bpf_map_lookup_elem(&pids, &ptgid))
		bpf_map_update_elem(&pids, &ctgid, &one, BPF_ANY);
	return 0;
}

/* procexit: the exit status in wait(2) form, its exit code, signal and core-dump flag. At this
 * tracepoint do_exit() has already stored the status in task->exit_code. */
static __always_inline int on_process_exit(struct task_struct *task)
{
	__u32 tgid = BPF_CORE_READ(task, tgid);
	__u32 pid = BPF_CORE_READ(task, pid);
	__u32 code = BPF_CORE_READ(task, exit_code);
	bool captured = all_attached && want_procexit && tgid != self_tgid &&
			(!filter_pids || bpf_map_lookup_elem(&pids, &tgid));
	/* the tracepoint runs in the exiting task: it is the current one */
	struct who who = { .tgid = tgid, .tid = pid,
			   .task = task_btf ? bpf_get_current_task_btf() : NULL };
	struct builder b;

	if (captured && begin(&b, 4)) {
		put_u64(&b, 0, code);
		put_u64(&b, 1, EXIT_STATUS(code));
		put_u8(&b, 2, EXIT_SIGNAL(code));
		put_u8(&b, 3, (code & EXIT_COREDUMP) != 0);
		submit(&b, &who, PPME_PROCEXIT_1_E, 4);
	}
	if (filter_pids && pid == tgid)
		bpf_map_delete_elem(&pids, &tgid);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(btf_exit, struct task_struct *task)
{
	return on_process_exit(task);
}

SEC("raw_tracepoint/sched_process_exit")
int BPF_PROG(raw_exit, struct task_struct *task)
{
	return on_process_exit(task);
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(btf_fork, struct task_struct *parent, struct task_struct *child)
{
	return on_fork(parent, child);
}

SEC("raw_tracepoint/sched_process_fork")
int BPF_PROG(raw_fork, struct task_struct *parent, struct task_struct *child)
{
	return on_fork(parent, child);
}
