/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Line mode of `sysray trace`'s kernel program: for the threads of the traced set, an event at
 * each syscall entry and exit of the syscalls traced, with the user memory that the syscall's
 * plan names (strings, structs, buffers, argv, iovecs, and by its rules memory one pointer
 * deep in a struct or on the user stack) copied into the event, so that the decoders print from
 * the event what they would read from the process under ptrace. Signals delivered and threads
 * gone are events too, in the same ring, so that they stay in order with the syscalls.
 * Included by trace_count.bpf.c, after its maps.
 *
 * Kernel facts this relies on (x86_64):
 * - The raw sys_enter and sys_exit tracepoints get the task's struct pt_regs, whose layout is
 *   the user ABI's (arch/x86/include/asm/ptrace.h); at sys_exit the argument registers
 *   (di, si, dx, r10, r8, r9) still hold the arguments: the syscalls change only ax.
 * - bpf_probe_read_user() does not fault pages in: memory the process has not touched yet
 *   reads as unreadable, as an unmapped address does under ptrace. A forked child's page
 *   tables start without the entries of its parent's file mappings that hold no anonymous
 *   page (mm/memory.c vma_needs_copy()): its strings in .rodata read as unreadable until it
 *   touches them.
 * - At the sys_exit of a successful execve the registers are the new program's: sp points at
 *   its initial stack (argc, argv, envp), which the kernel wrote, so its pages are present.
 * - signal_deliver runs in the task that takes the signal, from get_signal(), before the
 *   signal's action is looked at; its arguments are the signal, the kernel siginfo (whose
 *   first 48 bytes are the user siginfo's) and the k_sigaction, whose first member is the
 *   handler. A group exit delivers SIGKILL this way with no k_sigaction.
 */
#ifndef SYSRAY_TRACE_LINES_BPF_H
#define SYSRAY_TRACE_LINES_BPF_H

/* Set by the loader before load. */
const volatile __u8 lines;

/* --pidns-translation (set by the loader before load; PIDNS_OFF is read only then). */
const volatile __u8 pidns;
const volatile struct tl_pidns_offsets pidns_off;

/* Events the ring had no room for. */
__u64 events_lost;

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);	/* the loader sizes it */
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, TC_MAX_SYSCALLS);
	__type(key, __u32);
	__type(value, struct tl_plan);
} plans SEC(".maps");

/* The plans' rules by syscall and command (the loader sizes it to the rules it has). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1);
	__type(key, struct tl_rule_key);
	__type(value, struct tl_rules);
} rules SEC(".maps");

/* An event is built here, then copied into the ring at its real size. */
struct tl_scratch {
	__u8 buf[2 * TL_EVENT_ROOM];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tl_scratch);
} scratch SEC(".maps");

/* struct pt_regs of x86_64, the user ABI's layout. */
struct tl_regs {
	__u64 r15, r14, r13, r12, bp, bx, r11, r10, r9, r8, ax, cx, dx, si, di, orig_ax;
	__u64 ip, cs, flags, sp, ss;
};

#define TL_PAGE		4096
#define TL_SIGKILL	9
/* The signals whose default action is not to end the process (signal(7)). */
#define TL_NOT_FATAL	((1u << 17) | (1u << 18) | (1u << 19) | (1u << 20) | (1u << 21) | \
			 (1u << 22) | (1u << 23) | (1u << 28))


/* The arguments of the syscall, the user stack pointer and the instruction pointer (after the
 * syscall instruction, where ptrace's syscall stops report it), into H. */
static __always_inline void tl_read_args(void *regs, struct tl_head *h)
{
	struct tl_regs r;

	if (bpf_probe_read_kernel(&r, sizeof(r), regs))
		__builtin_memset(&r, 0, sizeof(r));
	h->args[0] = r.di;
	h->args[1] = r.si;
	h->args[2] = r.dx;
	h->args[3] = r.r10;
	h->args[4] = r.r8;
	h->args[5] = r.r9;
	h->sp = r.sp;
	h->ip = r.ip;
}

/* A size at most TL_CHUNK_MAX or an offset below TL_EVENT_ROOM, masked where the verifier sees
 * it: the compiler drops a mask in C that it knows changes nothing, and the verifier loses the
 * bound of the compare before it. The masks change no value. */
static __always_inline __u32 tl_bound(__u32 size)
{
	asm volatile("%[s] &= 8191" : [s] "+r"(size));	/* 2 * TL_CHUNK_MAX - 1 */
	return size;
}

static __always_inline __u32 tl_bound_off(__u32 off)
{
	asm volatile("%[o] &= 16383" : [o] "+r"(off));	/* TL_EVENT_ROOM - 1 */
	return off;
}

/*
 * The chunk writers are global functions, which the verifier checks once each, on their own,
 * instead of once per call site and path: they take and return offsets into this CPU's
 * scratch event (programs on a tracepoint do not migrate between CPUs while they run).
 */

/* Appends SIZE bytes of user memory at ADDR (a string of at most SIZE bytes when STR, up to
 * TL_STR_MAX) as a chunk at OFF. Returns the offset after it; OFF when the memory could not be
 * read or the event has no room left. */
__noinline __u32 tl_put(__u32 off, __u64 addr, __u32 size, __u32 str)
{
	__u32 zero = 0, flags = 0;
	struct tl_scratch *s = bpf_map_lookup_elem(&scratch, &zero);
	long got;

	if (!s || !addr || !size || off >= TL_EVENT_ROOM)
		return off;
	if (size > (str ? TL_STR_MAX : TL_CHUNK_MAX))
		size = str ? TL_STR_MAX : TL_CHUNK_MAX;
	size = tl_bound(size);
	__u32 at = tl_bound_off(off);
	struct tl_chunk *c = (void *)(s->buf + at);
	__u8 *data = s->buf + at + sizeof(*c);
	/* What is left of the first page, if the range runs off the mapping. */
	__u32 in_page = TL_PAGE - (addr & (TL_PAGE - 1));

	if (str) {
		got = bpf_probe_read_user_str(data, size, (void *)addr);
		flags = TL_STR;
		if (got == size) {
			/* The NUL at SIZE - 1 may be the helper's, not the string's. */
			flags |= TL_STR_CUT;
			got--;
		} else if (got < 0 && in_page < size) {
			/* The helper refuses a string that runs off its mapping with no NUL
			 * (strncpy_from_user_nofault() faults): its bytes up to there, which a
			 * tracer reads too, are the first of a string that goes on. */
			size = tl_bound(in_page);
			if (bpf_probe_read_user(data, size, (void *)addr))
				return off;
			flags |= TL_STR_CUT;
			got = size;
		} else if (got <= 0) {
			return off;
		}
	} else {
		if (bpf_probe_read_user(data, size, (void *)addr)) {
			if (in_page >= size)
				return off;
			size = tl_bound(in_page);
			if (bpf_probe_read_user(data, size, (void *)addr))
				return off;
		}
		got = size;
	}
	c->addr = addr;
	c->len = got;
	c->flags = flags;
	return at + sizeof(*c) + ((got + 7) & ~7);
}

/* The u64 at byte I after offset OFF of this CPU's scratch event, or 0. */
static __always_inline __u64 tl_word(__u32 off, __u32 i)
{
	__u32 zero = 0;
	struct tl_scratch *s = bpf_map_lookup_elem(&scratch, &zero);
	__u64 w = 0;

	if (s)
		bpf_probe_read_kernel(&w, sizeof(w), s->buf + tl_bound_off(off + i));
	return w;
}

/* Chunks of one copy at most: the event's room ends it sooner. */
#define TL_SPAN_CHUNKS	4

/* LEN bytes at ADDR as chunks that follow each other (the reader serves a read across them),
 * until the mapping or the event's room ends. */
__noinline __u32 tl_put_span(__u32 off, __u64 addr, __u64 len)
{
	for (int i = 0; i < TL_SPAN_CHUNKS && len; i++) {
		__u32 n = len < TL_CHUNK_MAX ? len : TL_CHUNK_MAX;
		__u32 after = tl_put(off, addr, n, 0);

		if (after == off)
			break;
		/* A short chunk (tl_chunk.len, after .addr): the mapping ended. */
		if ((__u32)tl_word(off, 8) < n)
			return after;
		off = after;
		addr += n;
		len -= n;
	}
	return off;
}

/* One more pointer of the event being made (its head: the scratch's start) whose memory
 * could not be read. */
static __always_inline void tl_count_missed(void)
{
	__u32 zero = 0;
	struct tl_scratch *s = bpf_map_lookup_elem(&scratch, &zero);

	if (s)
		((struct tl_head *)(void *)s->buf)->missed++;
}

/* A NULL-terminated pointer array at ADDR, then (STRINGS) its first TL_VEC_STRS strings of
 * STR_SIZE bytes at most; a string not paged in yet (a forked child's argv in file pages its
 * page tables do not map) counts as missed, so that the exit's copy serves it. */
__noinline __u32 tl_put_vec(__u32 off, __u64 addr, __u32 str_size, __u32 strings)
{
	__u32 after = tl_put(off, addr, TL_VEC_PTRS * sizeof(__u64), 0);

	if (after == off || !strings)
		return after;
	/* A short copy (the page ended) holds fewer pointers: the chunk's length says. */
	__u32 len = (__u32)tl_word(off, 8);	/* tl_chunk.len, after .addr */
	__u32 data = off + sizeof(struct tl_chunk);

	for (__u32 i = 0; i < TL_VEC_STRS && i * 8 < len; i++) {
		__u64 p = tl_word(data, i * 8);

		if (!p)
			break;
		__u32 next = tl_put(after, p, str_size, 1);

		if (next == after)
			tl_count_missed();
		after = next;
	}
	return after;
}

/* NVEC iovecs at ADDR, then EACH bytes of each one's buffer at most, BUDGET bytes in all. */
__noinline __u32 tl_put_iov(__u32 off, __u64 addr, __u64 nvec, __u32 each, __u32 budget)
{
	if (nvec > 16)
		nvec = 16;
	__u32 after = tl_put(off, addr, nvec * 16, 0);
	__u32 data = off + sizeof(struct tl_chunk);

	if (after == off)
		return after;
	for (__u32 i = 0; i < 16 && i < nvec && budget; i++) {
		__u64 base = tl_word(data, i * 16);
		__u64 len = tl_word(data, i * 16 + 8);

		/* A tracer reads of each buffer what it prints, and no more than the result
		 * says was read in all: the later buffers stop at the budget. */
		if (len > budget)
			len = budget;
		budget -= len;
		after = tl_put(after, base, len < each ? len : each, 0);
	}
	return after;
}

/* N pointers at ADDR (16 at most), then SIZE bytes at each. */
__noinline __u32 tl_put_ptrvec(__u32 off, __u64 addr, __u64 n, __u32 size)
{
	if (n > 16)
		n = 16;
	__u32 after = tl_put(off, addr, n * 8, 0);
	__u32 data = off + sizeof(struct tl_chunk);

	if (after == off)
		return after;
	for (__u32 i = 0; i < 16 && i < n; i++)
		after = tl_put(after, tl_word(data, i * 8), size, 0);
	return after;
}

/* struct msghdr (include/linux/socket.h user_msghdr, x86_64): the name and its length, the
 * iovecs and their count, the control buffer and its length. */
#define TL_MSGHDR_SIZE		56
#define TL_MSG_NAME		0
#define TL_MSG_NAMELEN		8
#define TL_MSG_IOV		16
#define TL_MSG_IOVLEN		24
#define TL_MSG_CONTROL		32
#define TL_MSG_CONTROLLEN	40
#define TL_SOCKADDR_MAX		128	/* sizeof(struct sockaddr_storage) */
#define TL_CONTROL_MAX		512

/* What the msghdr copied at DATA (an offset of this CPU's scratch event) points to, at OFF:
 * its name, control and iovecs, EACH bytes of each buffer, BUDGET bytes in all. */
__noinline __u32 tl_put_msg_data(__u32 off, __u32 data, __u32 each, __u32 budget)
{
	__u32 after = off;
	__u64 name = tl_word(data, TL_MSG_NAME);
	__u32 namelen = (__u32)tl_word(data, TL_MSG_NAMELEN);
	__u64 control = tl_word(data, TL_MSG_CONTROL);
	__u64 controllen = tl_word(data, TL_MSG_CONTROLLEN);

	after = tl_put(after, name, namelen < TL_SOCKADDR_MAX ? namelen : TL_SOCKADDR_MAX, 0);
	after = tl_put(after, control, controllen < TL_CONTROL_MAX ? controllen : TL_CONTROL_MAX,
		       0);
	return tl_put_iov(after, tl_word(data, TL_MSG_IOV), tl_word(data, TL_MSG_IOVLEN),
			  each, budget);
}

/* A msghdr at ADDR, then what it points to; the buffers BUDGET bytes in all. */
__noinline __u32 tl_put_msghdr(__u32 off, __u64 addr, __u32 budget)
{
	__u32 after = tl_put(off, addr, TL_MSGHDR_SIZE, 0);

	if (after == off)
		return after;
	return tl_put_msg_data(after, off + sizeof(struct tl_chunk), budget, budget);
}

/* struct mmsghdr (include/linux/socket.h): a msghdr, then the bytes sent or received. */
#define TL_MMSGHDR_SIZE		64
#define TL_MMSG_MAX		32	/* the elements strace prints at its default -s */

/* N mmsghdrs at ADDR (TL_MMSG_MAX and the one after, which a printer reads to tell "..."),
 * then what the first TL_MMSG_MAX msghdrs point to, EACH bytes of each buffer. */
__noinline __u32 tl_put_mmsg(__u32 off, __u64 addr, __u64 n, __u32 each)
{
	if (n > TL_MMSG_MAX + 1)
		n = TL_MMSG_MAX + 1;
	__u32 after = tl_put(off, addr, n * TL_MMSGHDR_SIZE, 0);
	/* A short copy (the page ended) holds fewer: the chunk's length says. */
	__u32 len = (__u32)tl_word(off, 8);	/* tl_chunk.len, after .addr */
	__u32 data = off + sizeof(struct tl_chunk);

	if (after == off)
		return after;
	for (__u32 i = 0; i < TL_MMSG_MAX && i < n && (i + 1) * TL_MMSGHDR_SIZE <= len; i++)
		after = tl_put_msg_data(after, data + i * TL_MMSGHDR_SIZE, each, ~0u);
	return after;
}

/* Or'ed into the offset tl_put_rule() returns when its rule finds no memory to copy (no
 * struct, another version of it, a NULL pointer, a count of 0): nothing was missed. */
#define TL_SKIPPED	(1u << 31)

/* include/uapi/asm-generic/ioctl.h, which x86 uses: the number's direction and size. */
#define TL_IOC_WRITE	1u
#define TL_IOC_READ	2u
#define TL_IOC_DIR(nr)	(((nr) >> 30) & 3u)
#define TL_IOC_SIZE(nr)	(((nr) >> 16) & 0x3fffu)

/*
 * The memory of argument ARG by its plan PLAN (a struct tl_argmem, passed as the 8 bytes it is:
 * a global function's arguments are scalars; its WHEN is the phase being copied), at OFF;
 * COUNT: the argument that holds its length (or the count of iovecs, or ioctl's number).
 * Returns the offset after it. Global, so that the verifier checks it once rather than once for
 * each of the six arguments of tl_syscall's loop (a third fewer instructions to verify in each
 * syscall program).
 */
_Static_assert(sizeof(struct tl_argmem) == sizeof(__u64), "a plan entry travels as a u64");

__noinline __u32 tl_put_arg(__u32 off, __u64 plan, __u64 count, __u64 arg, long ret)
{
	struct tl_argmem mem, *m = &mem;
	__u32 elem;
	__u64 len;

	__builtin_memcpy(&mem, &plan, sizeof(mem));
	elem = m->elem ? m->elem : 1;
	switch (m->how) {
	case TLM_STR:
		return tl_put(off, arg, m->size, 1);
	case TLM_FIXED:
		return tl_put_span(off, arg, m->size);
	case TLM_ARG:
		len = count * elem;
		return tl_put_span(off, arg, len < m->size ? len : m->size);
	case TLM_RET:
		if (ret <= 0)
			return off;
		len = (__u64)ret * elem;
		return tl_put_span(off, arg, len < m->size ? len : m->size);
	case TLM_VEC:
	case TLM_PTRS:
		return tl_put_vec(off, arg, m->size, m->how == TLM_VEC);
	case TLM_IOV:
		/* The buffers read into: as many bytes in all as the result says */
		if (m->when == TLW_EXIT && ret > 0)
			return tl_put_iov(off, arg, count, m->size, ret);
		return tl_put_iov(off, arg, count, m->size, ~0u);
	case TLM_MSGHDR:
		return tl_put_msghdr(off, arg, ret > 0 && ret < m->size ? ret : m->size);
	case TLM_PTRVEC:
		return tl_put_ptrvec(off, arg, count, m->size);
	case TLM_MMSG:
		return tl_put_mmsg(off, arg, count, m->size);
	case TLM_IOC:
		/* The encoded size of an input at entry (and at exit again when the entry
		 * missed it), of an output at exit, when larger than the window. Numbers lie
		 * (inputs declared _IOR, structs larger than their declared size): the window
		 * is copied at entry and exit whatever they say. */
		len = m->size;
		if (TL_IOC_SIZE(count) > len &&
		    (TL_IOC_DIR(count) & ((m->when & (TLW_ENTRY | TLW_RETRY) ? TL_IOC_WRITE : 0) |
					  (m->when & TLW_EXIT ? TL_IOC_READ : 0))))
			len = TL_IOC_SIZE(count);
		return tl_put_span(off, arg, len);
	}
	return off;
}

/*
 * A rule's memory (struct tl_rule, passed as its two u64 halves LO and HI) in the struct at
 * BASE, at OFF. Returns the offset after it, OFF if it could not be read, or OFF |
 * TL_SKIPPED when there is none (no struct, a NULL pointer, a count of 0).
 */
_Static_assert(sizeof(struct tl_rule) == 2 * sizeof(__u64), "a rule travels as two u64");

__noinline __u32 tl_put_rule(__u32 off, __u64 lo, __u64 hi, __u64 base)
{
	__u64 half[2] = { lo, hi };
	struct tl_rule rule, *r = &rule;
	__u64 addr, count = 0, len;

	__builtin_memcpy(&rule, half, sizeof(rule));
	if (!base)
		return off | TL_SKIPPED;
	if (r->guard) {
		__u8 first;

		if (bpf_probe_read_user(&first, sizeof(first), (void *)base))
			return off;
		if (first != r->guard)
			return off | TL_SKIPPED;
	}
	addr = base + r->at;
	if (r->deref) {
		if (bpf_probe_read_user(&addr, sizeof(addr), (void *)addr))
			return off;
		if (!addr)
			return off | TL_SKIPPED;
	}
	len = r->size;
	if (r->len_size) {
		void *at = (void *)(base + r->len_at);
		long e = -1;

		switch (r->len_size) {
		case 1: e = bpf_probe_read_user(&count, 1, at); break;
		case 2: e = bpf_probe_read_user(&count, 2, at); break;
		case 4: e = bpf_probe_read_user(&count, 4, at); break;
		case 8: e = bpf_probe_read_user(&count, 8, at); break;
		}
		if (e)
			return off;
		count *= r->elem ? r->elem : 1;
		if (!count)
			return off | TL_SKIPPED;
		if (count < len)
			len = count;
	}
	return r->how == TLM_STR ? tl_put(off, addr, len, 1) : tl_put_span(off, addr, len);
}

/* include/linux/pid_types.h: enum pid_type */
#define TL_PIDTYPE_PGID	2
#define TL_PIDTYPE_SID	3

/* The id of TASK's process group or session (TYPE) in TASK's namespace, at LEVEL (AT: that
 * level's struct upid in a struct pid), and in the initial one (*OURS); 0 when the leader's
 * pid is of an outer namespace, which has no id at LEVEL. */
static __always_inline __u32 tl_ns_group_id(char *task, __u32 type, __u32 level, __u64 at,
					    __u32 *ours)
{
	char *signal = NULL, *pid = NULL;
	__u32 its_level = 0;
	int nr = 0;

	*ours = 0;
	if (bpf_probe_read_kernel(&signal, sizeof(signal), task + pidns_off.task_signal) ||
	    !signal ||
	    bpf_probe_read_kernel(&pid, sizeof(pid),
				  signal + pidns_off.signal_pids + type * sizeof(void *)) || !pid ||
	    bpf_probe_read_kernel(&its_level, sizeof(its_level), pid + pidns_off.pid_level) ||
	    its_level < level)
		return 0;
	bpf_probe_read_kernel(&nr, sizeof(nr), pid + at);
	bpf_probe_read_kernel(ours, sizeof(*ours), pid + pidns_off.pid_numbers);
	return nr;
}

/*
 * --pidns-translation: the ids of TASK in its own pid namespace, the last level of its
 * struct pid's numbers (include/linux/pid.h), and that namespace's inode number (as
 * /proc/PID/ns/pid shows it). The thread group's leader is in the same namespace. Sent with
 * the syscalls' events and forks'. A subprogram of its own: its frame is not added to the
 * callers' stacks, whose sum the verifier bounds at 512 bytes.
 */
static __noinline void tl_ns_ids(struct tl_head *h, char *task)
{
	char *pid = NULL, *ns = NULL, *leader = NULL, *leader_pid = NULL;
	__u32 level = 0, inum = 0;
	int tid = 0, tgid = 0;

	if (bpf_probe_read_kernel(&pid, sizeof(pid), task + pidns_off.task_thread_pid) || !pid ||
	    bpf_probe_read_kernel(&level, sizeof(level), pid + pidns_off.pid_level))
		return;
	/* struct upid: int nr, then the namespace pointer, at UPID_NS. */
	__u64 at = pidns_off.pid_numbers + (__u64)level * (pidns_off.upid_ns + sizeof(void *));

	if (bpf_probe_read_kernel(&tid, sizeof(tid), pid + at) ||
	    bpf_probe_read_kernel(&ns, sizeof(ns), pid + at + pidns_off.upid_ns) || !ns ||
	    bpf_probe_read_kernel(&inum, sizeof(inum), ns + pidns_off.ns_inum))
		return;
	if (!bpf_probe_read_kernel(&leader, sizeof(leader), task + pidns_off.task_group_leader) &&
	    leader &&
	    !bpf_probe_read_kernel(&leader_pid, sizeof(leader_pid),
				   leader + pidns_off.task_thread_pid) && leader_pid)
		bpf_probe_read_kernel(&tgid, sizeof(tgid), leader_pid + at);
	h->ns_inum = inum;
	h->ns_level = level;
	h->ns_tid = tid;
	h->ns_tgid = tgid;
	h->ns_pgid = tl_ns_group_id(task, TL_PIDTYPE_PGID, level, at, &h->pgid);
	h->ns_sid = tl_ns_group_id(task, TL_PIDTYPE_SID, level, at, &h->sid);
}

/* This CPU's scratch event, its head filled for KIND and TID; NULL if the map failed. */
static __always_inline struct tl_head *tl_begin(__u32 kind, __u32 tid)
{
	__u32 zero = 0;
	struct tl_scratch *s = bpf_map_lookup_elem(&scratch, &zero);

	if (!s)
		return NULL;
	struct tl_head *h = (void *)s->buf;

	__builtin_memset(h, 0, sizeof(*h));
	h->kind = kind;
	h->tid = tid;
	h->tgid = bpf_get_current_pid_tgid() >> 32;
	h->ts_ns = bpf_ktime_get_ns();
	return h;
}

/* The event of SIZE bytes (its chunks end there) into the ring. */
static __always_inline void tl_send(struct tl_head *h, __u32 size)
{
	/* Chunks start below TL_EVENT_ROOM and hold TL_CHUNK_MAX bytes at most: no change. */
	asm volatile("%[s] &= 32767" : [s] "+r"(size));	/* 2 * TL_EVENT_ROOM - 1 */
	h->size = size;
	if (bpf_ringbuf_output(&events, h, size, 0))
		__sync_fetch_and_add(&events_lost, 1);
}

/* A syscall's entry (PHASE TLW_ENTRY) or exit (TLW_EXIT, with TLW_RETRY when the entry missed
 * memory) with its plan's memory, and the thread's CPU time in syscalls STIME_NS. Returns the
 * pointers whose memory could not be copied. */
/* A rule (LO and HI, as tl_put_rule() takes it) for each struct of the pointer array copied
 * at VEC (a chunk's offset) whose first N pointers a TLM_PTRVEC plan copied. */
__noinline __u32 tl_put_elems(__u32 off, __u32 vec, __u64 n, __u64 lo, __u64 hi)
{
	__u32 len = (__u32)tl_word(vec, 8);	/* tl_chunk.len, after .addr */

	for (__u32 i = 0; i < 16 && i < n && i * 8 < len; i++) {
		__u32 after = tl_put_rule(off, lo, hi, tl_word(vec + sizeof(struct tl_chunk), i * 8));

		if (!(after & TL_SKIPPED))
			off = after;
	}
	return off;
}

#include "source/bpf/trace_files.bpf.h"

static __always_inline __u32 tl_syscall(void *regs, long nr, long ret, __u32 phase,
					__u64 stime_ns)
{
	__u32 key = nr;
	struct tl_plan *plan = bpf_map_lookup_elem(&plans, &key);
	struct tl_head *h = tl_begin(phase == TLW_ENTRY ? TL_ENTER : TL_EXIT, current_tid());
	__u32 off = sizeof(*h), vec = 0;
	__u64 vec_n = 0;

	if (!h)
		return 0;
	h->nr = nr;
	h->ret = ret;
	h->stime_ns = stime_ns;
	tl_read_args(regs, h);
	if (pidns)
		tl_ns_ids(h, (char *)bpf_get_current_task());
	if (!plan) {
		tl_send(h, off);
		return 0;
	}
	for (int i = 0; i < 6; i++) {
		if (plan->arg[i].how && (plan->arg[i].when & phase)) {
			__u32 len_arg = plan->arg[i].len_arg;
			struct tl_argmem a = plan->arg[i];
			__u64 count = 0, m;

			if (len_arg < 6)
				bpf_probe_read_kernel(&count, sizeof(count), &h->args[len_arg]);
			a.when = phase;
			__builtin_memcpy(&m, &a, sizeof(m));
			__u32 after = tl_put_arg(off, m, count, h->args[i], ret);

			if (a.how == TLM_PTRVEC && after != off) {
				vec = off;
				vec_n = count;
			}
			h->missed += after == off && h->args[i];
			off = after;
		}
	}
	if (plan->has_rules) {
		struct tl_rule_key k = { .nr = nr };
		__u32 cmd_arg = plan->cmd_arg;

		if (cmd_arg < 6)
			bpf_probe_read_kernel(&k.cmd, sizeof(k.cmd), &h->args[cmd_arg]);
		if (plan->cmd_bytes == 4)
			k.cmd = (__u32)k.cmd;
		struct tl_rules *rs = bpf_map_lookup_elem(&rules, &k);

		for (int j = 0; rs && j < TL_RULES; j++) {
			struct tl_rule *r = &rs->rule[j];
			__u64 half[2], base = 0;

			if (!r->how)
				break;
			if (!(r->when & phase))
				continue;
			__builtin_memcpy(half, r, sizeof(half));
			if (r->base == TL_BASE_ELEM) {
				if (vec_n)
					off = tl_put_elems(off, vec, vec_n, half[0], half[1]);
				continue;
			}
			if (r->base == TL_BASE_SP)
				base = h->sp;
			else if (r->base < 6)
				bpf_probe_read_kernel(&base, sizeof(base), &h->args[r->base]);
			__u32 after = tl_put_rule(off, half[0], half[1], base);

			if (after & TL_SKIPPED)
				continue;
			h->missed += after == off;
			off = after;
		}
	}
	if (phase & TLW_EXIT)
		off = tl_put_files(off, nr, ret, h->args[0], h->args[3]);
	tl_send(h, off);
	return h->missed;
}

/* Thread TID left the set, killed by signal SIG (0: it exited). Its name travels along: user
 * space prints it with -Y, and /proc has lost it by then. sched_process_exit runs in the
 * thread that leaves. */
static __always_inline void tl_gone(__u32 tid, __u64 sig)
{
	struct tl_head *h = tl_begin(TL_GONE, tid);

	if (!h)
		return;
	h->args[0] = sig;
	bpf_get_current_comm(&h->args[1], 2 * sizeof(h->args[1]));
	tl_send(h, sizeof(*h));
}

/* -f: thread TID (task CHILD) joined the set, made by thread PTID; the child's ids in its pid
 * namespace come with it, before the result of the clone that made it. */
static __always_inline void tl_fork(__u32 tid, __u32 ptid, void *child)
{
	struct tl_head *h = tl_begin(TL_FORK, tid);

	if (!h)
		return;
	h->args[0] = ptid;
	if (pidns)
		tl_ns_ids(h, child);
	tl_send(h, sizeof(*h));
}

/*
 * Signals a tracer sees that the kernel's own path hides without one (kernel/signal.c):
 * - a signal whose action is to be ignored (SIGCHLD's default) is dropped when it is sent,
 *   and never delivered; a traced process takes it all the same;
 * - a signal whose default action ends the process is turned, when it is sent, into a group
 *   exit with the signal as its code, so its threads take SIGKILL with no siginfo instead;
 *   a traced process takes the signal itself.
 * signal_generate (in the sender, with the target task) notes both for the target, by the
 * offset of task_struct.pid that the loader read from the kernel's BTF.
 */

#define TL_PEND_IGNORED	1
#define TL_PEND_FATAL	2
/* include/trace/events/signal.h: enum trace_signal_result */
#define TL_SIGNAL_DELIVERED	0
#define TL_SIGNAL_IGNORED	1
/* include/linux/sched/signal.h: the siginfo pointers that mean "none" */
#define TL_SEND_SIG_NOINFO	0
#define TL_SEND_SIG_PRIV	1
/* include/uapi/asm-generic/siginfo.h */
#define TL_SI_USER	0
#define TL_SI_KERNEL	0x80

struct tl_sigpend {
	__u32 kind;
	__u32 sig;
	__u8 info[48];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, TC_MAX_TASKS);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, __u32);
	__type(value, struct tl_sigpend);
} sigpend SEC(".maps");

static __always_inline bool tl_fatal_by_default(int sig)
{
	return sig > 0 && sig < 32 && !(TL_NOT_FATAL & (1u << sig));
}

SEC("raw_tracepoint/signal_generate")
int BPF_PROG(signal_generate, int sig, void *info, void *task, int group, int result)
{
	struct tl_sigpend p = { .sig = sig };
	__u32 pid = 0;

	if (!lines || bpf_probe_read_kernel(&pid, sizeof(pid), (char *)task + task_pid_off))
		return 0;
	struct tc_task *t = bpf_map_lookup_elem(&tasks, &pid);

	if (!t || (t->flags & TC_AWAIT_EXEC))
		return 0;
	if (result == TL_SIGNAL_IGNORED)
		p.kind = TL_PEND_IGNORED;
	else if (result == TL_SIGNAL_DELIVERED && tl_fatal_by_default(sig))
		p.kind = TL_PEND_FATAL;
	else
		return 0;
	if ((unsigned long)info > TL_SEND_SIG_PRIV) {
		bpf_probe_read_kernel(p.info, sizeof(p.info), info);
	} else {
		/* What the kernel fills in for these (prepare_kill_siginfo, SEND_SIG_PRIV). */
		__u32 *w = (__u32 *)p.info;

		w[0] = sig;
		w[2] = (unsigned long)info == TL_SEND_SIG_PRIV ? TL_SI_KERNEL : TL_SI_USER;
		if ((unsigned long)info == TL_SEND_SIG_NOINFO) {
			w[4] = bpf_get_current_pid_tgid() >> 32;
			w[5] = (__u32)bpf_get_current_uid_gid();
		}
	}
	bpf_map_update_elem(&sigpend, &pid, &p, BPF_ANY);
	return 0;
}

/* Where thread T resumes in user space: its user pt_regs' ip, as a signal-delivery stop reports
 * it; 0 before its first syscall event noted where those are. */
static __always_inline __u64 tl_user_ip(const struct tc_task *t)
{
	__u64 ip = 0;

	if (t && t->user_regs)
		bpf_probe_read_kernel(&ip, sizeof(ip),
				      (void *)(t->user_regs + __builtin_offsetof(struct tl_regs, ip)));
	return ip;
}

/* The signal SIG as a TL_SIGNAL event of thread TID, which resumes at IP. */
static __always_inline void tl_signal_event(__u32 tid, __u32 sig, const void *info, __u64 ip)
{
	struct tl_head *h = tl_begin(TL_SIGNAL, tid);
	__u32 size = sizeof(*h);

	if (!h)
		return;
	struct tl_chunk *c = (void *)(h + 1);

	h->args[0] = sig;
	h->ip = ip;
	if (info && !bpf_probe_read_kernel(c + 1, 48, info)) {
		c->addr = 0;
		c->len = 48;
		c->flags = 0;
		size += sizeof(*c) + 48;
	}
	tl_send(h, size);
}

/* A dropped signal the thread would have taken: shown where a tracer shows it, on the way back
 * to user space (after its syscall's exit, or before its next entry). */
static __always_inline void tl_ignored_signal(__u32 tid, const struct tc_task *t)
{
	struct tl_sigpend *p = bpf_map_lookup_elem(&sigpend, &tid);

	if (p && p->kind == TL_PEND_IGNORED) {
		tl_signal_event(tid, p->sig, p->info, tl_user_ip(t));
		bpf_map_delete_elem(&sigpend, &tid);
	}
}

/* A signal taken by a thread of the set: its siginfo, and whether its action ends the
 * process (the status of the thread's end). */
SEC("raw_tracepoint/signal_deliver")
int BPF_PROG(signal_deliver, int sig, void *info, void *ka)
{
	__u32 tid = current_tid();
	struct tc_task *t = bpf_map_lookup_elem(&tasks, &tid);
	__u64 handler = 0;

	if (!t || !lines || (t->flags & TC_AWAIT_EXEC))
		return 0;
	if (sig == TL_SIGKILL && !info) {
		/* The group exit (get_signal() takes SIGKILL with no siginfo): the signal it was
		 * sent as, if one was; else a sibling's exit_group ends this thread, with that
		 * call's status. */
		__u32 tgid = bpf_get_current_pid_tgid() >> 32;
		struct tl_sigpend *p = bpf_map_lookup_elem(&sigpend, &tid);
		/* The thread it was sent to takes it; its siblings only die of it. */
		bool taker = p && p->kind == TL_PEND_FATAL;

		if (!taker)
			p = bpf_map_lookup_elem(&sigpend, &tgid);
		if (!p || p->kind != TL_PEND_FATAL)
			return 0;
		t->fatal_sig = p->sig;
		if (p->sig != TL_SIGKILL && (taker || tid == tgid))
			tl_signal_event(tid, p->sig, p->info, tl_user_ip(t));
		return 0;
	}
	bpf_map_delete_elem(&sigpend, &tid);
	if (ka && bpf_probe_read_kernel(&handler, sizeof(handler), ka))
		handler = 0;
	if (handler == 0 && tl_fatal_by_default(sig))
		t->fatal_sig = sig;
	/* A tracer never sees SIGKILL delivered: strace prints only the death. */
	if (sig != TL_SIGKILL)
		tl_signal_event(tid, sig, info, tl_user_ip(t));
	return 0;
}

#endif
