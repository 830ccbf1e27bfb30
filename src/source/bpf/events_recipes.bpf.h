/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The table-driven dedicated events: syscalls whose events have no encoder of their own are
 * described by recipes (source/param_recipes.c, loaded into the recipes array), and one
 * encoder writes any of them. Included by sysray.bpf.c after its event builder and the other
 * families (put_fd, put_u16).
 *
 * Each parameter is written by put_recipe_param(), a global function: the verifier checks it
 * once, on its own, and takes what it returns (the new end of the values) as any number. In
 * line, or as a bpf_loop() callback, every kind of every parameter would be a path of its own
 * with its own precise offset, and their product exceeds the verifier's budget.
 */
#ifndef SYSRAY_EVENTS_RECIPES_BPF_H
#define SYSRAY_EVENTS_RECIPES_BPF_H

const volatile struct sr_syscall_recipes recipes[SR_MAX_SYSCALLS];

struct recipe_args {
	__u64 a[8];		/* the six arguments, then zeros: indexed by arg & 7 */
	__s64 ret;
	__u32 nr;
	__u32 exit;
	__u32 off;		/* where the parameter's value goes in this CPU's scratch slot */
};

/* -1 for a limit not read, as libs gives it. */
static __always_inline void put_rlimit(struct builder *b, __u32 idx, long ret, __u64 uptr,
				       bool max)
{
	__u64 rl[2];

	if (ret < 0 || !uptr || bpf_probe_read_user(rl, sizeof(rl), (void *)uptr))
		rl[0] = rl[1] = (__u64)-1;
	put_u64(b, idx, rl[max]);
}

/*
 * PT_FDLIST: a u16 count, then per fd its number (s64) and its events as PPM_POLL* (u16); at
 * an EXIT the fds the kernel returned events for, with their revents. At most SR_MAX_POLLFDS.
 */
static __always_inline void put_pollfds(struct builder *b, __u32 idx, __u64 uptr, __u64 nfds,
					bool exit)
{
	__u32 start = b->off, pos = (start + 2) & HALF_MASK;
	__u16 count = 0;

	/* Every entry is written; one the exit does not keep is overwritten by the next. The
	 * position stays masked, so that the verifier finds each iteration's state within the
	 * last one's whichever fds were kept. */
	for (int i = 0; i < SR_MAX_POLLFDS; i++) {
		struct { int fd; short events, revents; } p;
		__u16 ev;
		__u32 keep;

		if (i >= nfds || bpf_probe_read_user(&p, sizeof(p), (void *)(uptr + 8 * i)))
			break;
		ev = exit ? p.revents : p.events;
		keep = !exit | (ev != 0);
		*(__s64 *)(b->buf + pos) = p.fd;
		*(__u16 *)(b->buf + ((pos + 8) & HALF_MASK)) = ppm_poll_events(ev);
		pos = (pos + 10 * keep) & HALF_MASK;
		count += keep;
	}
	*(__u16 *)(b->buf + (start & HALF_MASK)) = count;
	set_len(b, idx, 2 + 10 * count);
	b->off = start + 2 + 10 * count;
}

/* Writes parameter I of the event C describes at C->off; returns the end of its value, or 0
 * when this CPU's scratch slot is missing. */
__attribute__((noinline)) int put_recipe_param(struct recipe_args *c, __u32 i)
{
	__u32 cpu = bpf_get_smp_processor_id();
	struct scratch *s = bpf_map_lookup_elem(&scratch, &cpu);
	const volatile struct sr_recipe *r;
	struct builder bb, *b = &bb;

	if (!c || !s)
		return 0;
	bb.buf = s->buf;
	bb.off = c->off;
	i &= SR_RECIPE_PARAMS - 1;
	r = &recipes[c->nr & (SR_MAX_SYSCALLS - 1)].p[c->exit & 1][i];
	__u8 arg = r->arg;
	__u64 v = c->a[arg & 7], w = 0;

	switch (r->kind) {
	case SR_V_RET:
		put_u64(b, i, c->ret);
		break;
	case SR_V_RET_U32:
		put_u32(b, i, c->ret);
		break;
	case SR_V_U64:
		put_u64(b, i, v);
		break;
	case SR_V_S64:
		put_fd(b, i, v);
		break;
	case SR_V_U32:
		put_u32(b, i, v);
		break;
	case SR_V_U8:
		put_u8(b, i, v);
		break;
	case SR_V_ZERO32:
		put_u32(b, i, 0);
		break;
	case SR_V_ZERO8:
		put_u8(b, i, 0);
		break;
	case SR_V_MODE:
		put_u32(b, i, v & 07777);
		break;
	case SR_V_FUTEX_OP:
		put_u16(b, i, ppm_futex_op(v));
		break;
	case SR_V_FCNTL_CMD:
		put_u8(b, i, ppm_fcntl_cmd(v));
		break;
	case SR_V_PROT:
		put_u32(b, i, ppm_prot_flags(v));
		break;
	case SR_V_CLONE_FLAGS:
		put_u32(b, i, ppm_clone_flags(v));
		break;
	case SR_V_OPEN_FLAGS:
		put_u32(b, i, ppm_open_flags(v));
		break;
	case SR_V_MOUNT_FLAGS:
		put_u32(b, i, ppm_mount_flags(v));
		break;
	case SR_V_PATH_OK:
		if (c->ret < 0) {
			put_empty(b, i);
			break;
		}
		/* fall through */
	case SR_V_PATH:
		put_user_str(b, i, (void *)v);
		break;
	case SR_V_USER_U32:
		if (!v || bpf_probe_read_user(&w, 4, (void *)v))
			w = 0;
		put_u32(b, i, w);
		break;
	case SR_V_USER_U64:
		if (!v || bpf_probe_read_user(&w, 8, (void *)v))
			w = 0;
		put_u64(b, i, w);
		break;
	case SR_V_RLIM_CUR:
	case SR_V_RLIM_MAX:
		put_rlimit(b, i, c->ret, v, r->kind == SR_V_RLIM_MAX);
		break;
	case SR_V_RELTIME: {
		__s64 ts[2] = {};

		if (v && bpf_probe_read_user(ts, sizeof(ts), (void *)v))
			ts[0] = ts[1] = 0;
		put_u64(b, i, ts[0] * 1000000000ULL + ts[1]);
		break;
	}
	case SR_V_SIGSET:
		if (!v || bpf_probe_read_user(&w, 4, (void *)v))
			w = 0;
		put_u32(b, i, w);
		break;
	case SR_V_FDS_IN:
	case SR_V_FDS_OUT:
		put_pollfds(b, i, v, c->a[(arg + 1) & 7], r->kind == SR_V_FDS_OUT);
		break;
	default:
		put_empty(b, i);
	}
	return b->off & 0x7fffffff;
}

/* The enter (EXIT 0) or exit event of syscall NR when the recipes describe it: true when sent
 * (or dropped), false for a syscall they do not describe. */
static __always_inline bool recipe_event(const struct who *who, long nr, const __u64 *a,
					 long ret, __u32 exit)
{
	struct recipe_args c = { .ret = ret, .exit = exit };
	const volatile struct sr_syscall_recipes *s;
	struct builder b;
	__u32 np;

	if (nr < 0 || nr >= SR_MAX_SYSCALLS)
		return false;
	c.nr = nr;
	s = &recipes[c.nr & (SR_MAX_SYSCALLS - 1)];
	if (!s->event)
		return false;
	np = s->nparams[exit & 1];
	if (np > SR_RECIPE_PARAMS)
		np = SR_RECIPE_PARAMS;
	for (int i = 0; i < 6; i++)
		c.a[i] = a[i];
	if (!begin(&b, np))
		return true;
	for (__u32 i = 0; i < SR_RECIPE_PARAMS && i < np; i++) {
		c.off = b.off;
		b.off = put_recipe_param(&c, i);
		if (!b.off)
			return true;
	}
	submit(&b, who, s->event + exit, np);
	return true;
}

#endif
