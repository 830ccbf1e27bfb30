/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The cgroups parameter of clone and execve exits. Included by sysray.bpf.c after the record
 * builder.
 */

/*
 * The cgroups parameter, as /proc/PID/cgroup gives it in sysdig's form: "subsys=path" items,
 * each NUL-terminated. User space lists the items (cg_entries): a cgroup v1 controller names
 * its own hierarchy (css_set->subsys[id]->cgroup); the controllers of the v2 hierarchy all
 * name the task's default cgroup (css_set->dfl_cgrp), as /proc's single "0::/path" line.
 * A path is walked up kernfs_node parents to the hierarchy's root, whose node has no parent.
 */
#define CG_MAX_ENTRIES	16
#define CG_DFL		0xff	/* entry subsys id: the v2 hierarchy's cgroup */
#define CG_DEPTH	32
#define CG_AREA		(SCRATCH_SIZE - 8192)	/* the cwd walk's area: that copy is done */
#define CG_NAME_TMP	(CG_AREA + SR_MAX_PATH)	/* one component, before its placement */
#define CG_MASK		(SR_MAX_PATH - 1)
#define CG_END		CG_MASK
#define CG_PARAM_MAX	3072	/* the items stop before the value passes this many bytes */

const volatile __u8 cg_nentries;
const volatile __u8 cg_subsys[CG_MAX_ENTRIES];
const volatile char cg_names[CG_MAX_ENTRIES][16];	/* "cpu=", NUL-padded */
const volatile __u8 cg_name_lens[CG_MAX_ENTRIES];

/* kernfs_node's parent was renamed __parent in Linux 6.15 (it became RCU-protected). */
struct kernfs_node___old {
	struct kernfs_node *parent;
} __attribute__((preserve_access_index));

static __always_inline struct kernfs_node *kn_parent(struct kernfs_node *kn)
{
	if (bpf_core_field_exists(struct kernfs_node___old, parent))
		return BPF_CORE_READ((struct kernfs_node___old *)kn, parent);
	return BPF_CORE_READ(kn, __parent);
}

/*
 * The walk's state lives in the scratch slot, not on the stack: the verifier does not track
 * map contents, so the steps of different entries and depths look alike to it and it checks
 * the step once, where exact counters on the stack would have it check every combination.
 */
#define CG_STATE_OFF	(SCRATCH_SIZE - 128)

struct cg_state {
	__u64 cset;		/* struct css_set * */
	__u64 kn;		/* node being walked */
	__u64 last;		/* node whose path is in place in the area */
	__u32 off;		/* next byte of the value, from the record's start */
	__u32 start;
	__u32 entry;
	__u32 pos;		/* first byte of the path in the area */
	__u32 walking;
};

struct cg_walk {
	__u8 *buf;
};

static __always_inline struct kernfs_node *entry_node(struct css_set *cset, __u32 entry)
{
	__u8 id = cg_subsys[entry & (CG_MAX_ENTRIES - 1)];
	struct cgroup_subsys_state *css;

	if (id == CG_DFL)
		return BPF_CORE_READ(cset, dfl_cgrp, kn);
	if (id >= CGROUP_SUBSYS_COUNT)
		return NULL;
	css = BPF_CORE_READ(cset, subsys[id]);
	return css ? BPF_CORE_READ(css, cgroup, kn) : NULL;
}

/* Appends "name=" and the path in place, with its NUL. Returns false when full. */
static __always_inline bool cg_emit(__u8 *buf, struct cg_state *w)
{
	__u32 e = w->entry & (CG_MAX_ENTRIES - 1);
	__u32 nlen = cg_name_lens[e] & 15, plen;

	plen = CG_END + 1 - (w->pos & CG_MASK);
	if (w->off - w->start + nlen + plen > CG_PARAM_MAX)
		return false;
	bpf_probe_read_kernel(buf + (w->off & HALF_MASK), nlen & 15, (const void *)cg_names[e]);
	w->off += nlen;
	if (plen > SR_MAX_PATH ||
	    bpf_probe_read_kernel(buf + (w->off & HALF_MASK), plen & CG_MASK,
				  buf + CG_AREA + (w->pos & CG_MASK)))
		return false;
	w->off += plen;
	return true;
}

/* One step: start an entry, place one path component, or emit the finished entry. */
static long cg_step(__u32 i, void *ctx)
{
	__u8 *buf = ((struct cg_walk *)ctx)->buf;
	struct cg_state *w = (void *)(buf + CG_STATE_OFF);
	__u8 *area = buf + CG_AREA;

	if (!w->walking) {
		if (w->entry >= cg_nentries || w->entry >= CG_MAX_ENTRIES)
			return 1;
		struct kernfs_node *start = entry_node((void *)w->cset, w->entry);

		if (!start) {
			w->entry++;
			return 0;
		}
		if ((__u64)start == w->last) {	/* the same cgroup as the entry before */
			if (!cg_emit(buf, w))
				return 1;
			w->entry++;
			return 0;
		}
		w->kn = w->last = (__u64)start;
		w->pos = CG_END;
		area[CG_END] = 0;
		w->walking = 1;
		return 0;
	}
	struct kernfs_node *kn = (void *)w->kn;
	struct kernfs_node *up = kn_parent(kn);

	if (!up) {				/* the hierarchy's root */
		if (w->pos == CG_END) {
			w->pos--;
			area[w->pos & CG_MASK] = '/';
		}
		w->walking = 0;
		if (!cg_emit(buf, w))
			return 1;
		w->entry++;
		return 0;
	}
	const char *name = BPF_CORE_READ(kn, name);
	long n = bpf_probe_read_kernel_str(buf + CG_NAME_TMP, NAME_MAX + 1, name);
	__u32 pos = w->pos;

	if (n <= 1 || pos < NAME_MAX + 2) {
		w->last = 0;			/* no path: the entry is left out */
		w->walking = 0;
		w->entry++;
		return 0;
	}
	n--;
	pos -= n;
	bpf_probe_read_kernel(area + (pos & CG_MASK), n & NAME_MAX, buf + CG_NAME_TMP);
	pos--;
	area[pos & CG_MASK] = '/';
	w->pos = pos;
	w->kn = (__u64)up;
	return 0;
}

static __always_inline void put_cgroups(struct builder *b, __u32 idx)
{
	struct task_struct *task = (void *)bpf_get_current_task();
	struct cg_state *w = (void *)(b->buf + CG_STATE_OFF);
	struct cg_walk ctx = { .buf = b->buf };

	w->cset = (__u64)BPF_CORE_READ(task, cgroups);
	if (!w->cset || !cg_nentries) {
		put_empty(b, idx);
		return;
	}
	w->kn = w->last = 0;
	w->off = w->start = b->off;
	w->entry = w->pos = w->walking = 0;
	bpf_loop(CG_MAX_ENTRIES * (CG_DEPTH + 2), cg_step, &ctx, 0);
	set_len(b, idx, w->off - w->start);
	b->off = w->off;
}
