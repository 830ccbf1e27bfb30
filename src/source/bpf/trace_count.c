/* SPDX-License-Identifier: Apache-2.0 */
/* The loader and reader of `sysray trace -c`'s in-kernel counter (libbpf skeleton). */
#include "source/bpf/trace_count.h"

#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <time.h>

#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "source/bpf/bpf_features.h"
#include "source/bpf/kernel_btf.h"
#include "trace_count.skel.h"

/*
 * A BPF ring wakes its reader when a record is committed with nothing before it left unread
 * (kernel/bpf/ringbuf.c: an irq_work, an interrupt, then the reader's wake-up). A reader that
 * keeps up with a stream of syscalls meets that at nearly every record: 0.8 us more per record
 * in the program here, and two context switches. So after a wait that found records, the
 * reader sleeps this long before it looks again, the records of that time gather, and only the
 * first of them raises a wake-up (for no one). Lines are that much later; an idle ring is waited
 * on as before, and its first record wakes the reader at once.
 */
#define STREAM_GATHER_NS	(2 * 1000 * 1000)

struct trace_count {
	struct trace_count_bpf *skel;
	struct ring_buffer *notes;	/* and, in line mode, the events ring */
	trace_note_fn *fn;		/* during trace_count_wait() */
	trace_event_fn *event_fn;
	void *ctx;
	bool streaming;			/* the last wait found notes or events */
};

static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* include/linux/proc_ns.h: the inode number of the initial pid namespace. */
#define PROC_PID_INIT_INO	0xEFFFFFFCU

/*
 * The programs see the kernel's ids (the initial pid namespace's); the pids this process
 * forks and is given by -p are its own namespace's. In a child namespace they differ, and the
 * set would hold ids no task has: nothing would be counted and the end never seen. 0, or -1
 * with ERR set.
 */
static int check_pid_namespace(char *err, size_t errlen)
{
	struct stat st;

	if (stat("/proc/self/ns/pid", &st)) {
		seterr(err, errlen, "cannot tell the pid namespace (/proc/self/ns/pid: %s)",
		       strerror(errno));
		return -1;
	}
	if (st.st_ino != PROC_PID_INIT_INO) {
		seterr(err, errlen, "sysray runs in a child pid namespace, whose pids the kernel's "
		       "programs do not see");
		return -1;
	}
	return 0;
}

static int on_note(void *ctx, void *data, size_t size)
{
	struct trace_count *tc = ctx;

	if (size >= sizeof(struct tc_note) && tc->fn)
		tc->fn(tc->ctx, data);
	return 0;
}

static int on_event(void *ctx, void *data, size_t size)
{
	struct trace_count *tc = ctx;
	const struct tl_head *h = data;

	if (size >= sizeof(*h) && h->size <= size && tc->event_fn)
		tc->event_fn(tc->ctx, h, h->size);
	return 0;
}

/* Line mode: the events ring's size, the programs only it needs, and after load the plans. */
static int setup_lines(struct trace_count *tc, const struct trace_count_config *cfg, char *err,
		       size_t errlen)
{
	int e;

	tc->skel->rodata->lines = cfg->plans != NULL;
	e = bpf_program__set_autoload(tc->skel->progs.signal_generate, cfg->plans != NULL);
	if (!e)
		e = bpf_program__set_autoload(tc->skel->progs.signal_deliver, cfg->plans != NULL);
	if (!e && cfg->plans)
		e = bpf_map__set_max_entries(tc->skel->maps.events, cfg->event_ring_bytes);
	if (!e && cfg->nrules)
		e = bpf_map__set_max_entries(tc->skel->maps.rules, cfg->nrules);
	if (e)
		seterr(err, errlen, "cannot set up the line mode: %s", strerror(-e));
	return e;
}

/* --pidns-translation: where the kernel keeps a task's ids in its namespace, from its BTF. */
static int setup_pidns(struct trace_count *tc, char *err, size_t errlen)
{
	static const struct {
		const char *type, *member;
		size_t at;
	} wanted[] = {
		{ "task_struct", "thread_pid", offsetof(struct tl_pidns_offsets, task_thread_pid) },
		{ "task_struct", "group_leader",
		  offsetof(struct tl_pidns_offsets, task_group_leader) },
		{ "task_struct", "signal", offsetof(struct tl_pidns_offsets, task_signal) },
		{ "signal_struct", "pids", offsetof(struct tl_pidns_offsets, signal_pids) },
		{ "pid", "level", offsetof(struct tl_pidns_offsets, pid_level) },
		{ "pid", "numbers", offsetof(struct tl_pidns_offsets, pid_numbers) },
		{ "upid", "ns", offsetof(struct tl_pidns_offsets, upid_ns) },
		{ "pid_namespace", "ns", offsetof(struct tl_pidns_offsets, ns_inum) },
		{ "ns_common", "inum", offsetof(struct tl_pidns_offsets, ns_inum) },
	};
	struct btf_member_query q[sizeof(wanted) / sizeof(wanted[0])];
	struct tl_pidns_offsets off = { 0 };
	size_t n = sizeof(wanted) / sizeof(wanted[0]);

	for (size_t i = 0; i < n; i++)
		q[i] = (struct btf_member_query){ wanted[i].type, wanted[i].member, -1, false };
	/* one walk of the kernel's BTF for all of them */
	if (kernel_btf_member_offsets(q, n, err, errlen))
		return -1;
	for (size_t i = 0; i < n; i++)
		/* pid_namespace.ns and ns_common.inum add up to the inode number's offset. */
		*(uint32_t *)((char *)&off + wanted[i].at) += (uint32_t)q[i].off;
	memcpy((void *)&tc->skel->rodata->pidns_off, &off, sizeof(off));
	tc->skel->rodata->pidns = 1;
	return 0;
}

/* In one batch (kernels since 5.7, older than the ring buffer): 512 updates took 15-30 ms of
 * system calls here. */
static int load_plans(struct trace_count *tc, const struct trace_count_config *cfg, char *err,
		      size_t errlen)
{
	uint32_t keys[TC_MAX_SYSCALLS], count = TC_MAX_SYSCALLS, nrules = cfg->nrules;

	for (uint32_t nr = 0; nr < TC_MAX_SYSCALLS; nr++)
		keys[nr] = nr;
	if (bpf_map_update_batch(bpf_map__fd(tc->skel->maps.plans), keys, cfg->plans, &count,
				 NULL) ||
	    (nrules && bpf_map_update_batch(bpf_map__fd(tc->skel->maps.rules), cfg->rule_keys,
					    cfg->rules, &nrules, NULL))) {
		seterr(err, errlen, "cannot load the syscalls' memory plans: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* The members read from the task to its new fds' files (struct tl_file_offs, in its order;
 * a pair sums to one offset). */
static const char *const file_members[][2][2] = {
	{ { "task_struct", "files" } },
	{ { "files_struct", "fdt" } },
	{ { "fdtable", "max_fds" } },
	{ { "fdtable", "fd" } },
	{ { "file", "f_inode" } },
	{ { "file", "f_path" }, { "path", "dentry" } },
	{ { "file", "private_data" } },
	{ { "dentry", "d_name" }, { "qstr", "name" } },
	{ { "inode", "i_ino" } },
	{ { "inode", "i_mode" } },
	{ { "inode", "i_rdev" } },
	{ { "inode", "i_sb" } },
	{ { "super_block", "s_magic" } },
	{ { "socket", "sk" } },
	{ { "sock", "__sk_common" }, { "sock_common", "skc_family" } },
	{ { "sock", "sk_type" } },
	{ { "sock", "sk_protocol" } },
	{ { "netlink_sock", "portid" } },
};

#define FILE_MEMBERS (sizeof(file_members) / sizeof(file_members[0]))

/* OFFS from the kernel's BTF; false when a member is not there (no file is read then: the
 * fds print as /proc says, or bare). */
static bool find_file_offs(struct tl_file_offs *offs)
{
	struct btf_member_query q[2 * FILE_MEMBERS];
	uint32_t *out = (uint32_t *)offs;
	size_t n = 0;
	char err[200];

	_Static_assert(FILE_MEMBERS <= sizeof(*offs) / sizeof(uint32_t), "one offset per member");
	for (size_t i = 0; i < FILE_MEMBERS; i++)
		for (size_t j = 0; j < 2 && file_members[i][j][0]; j++)
			q[n++] = (struct btf_member_query){ file_members[i][j][0],
							    file_members[i][j][1], -1, false };
	if (kernel_btf_member_offsets(q, n, err, sizeof(err)))
		return false;
	n = 0;
	for (size_t i = 0; i < FILE_MEMBERS; i++) {
		out[i] = 0;
		for (size_t j = 0; j < 2 && file_members[i][j][0]; j++, n++) {
			/* a bitfield (sk_type and sk_protocol before Linux 5.6) is no u16 */
			if (q[n].bitfield)
				return false;
			out[i] += (uint32_t)q[n].off;
		}
	}
	return true;
}

struct trace_count *trace_count_open(const struct trace_count_config *cfg, char *err,
				     size_t errlen)
{
	struct trace_count *tc = calloc(1, sizeof(*tc));
	long pid_off = 0;
	int e;

	if (!tc) {
		seterr(err, errlen, "out of memory");
		return NULL;
	}
	if (bpf_features_check(err, errlen) || check_pid_namespace(err, errlen))
		goto fail;
	/* The forked child (-f) and a signal's target (line mode) are task pointers. */
	if ((cfg->follow_forks || cfg->plans) &&
	    (pid_off = kernel_btf_member_offset("task_struct", "pid", err, errlen)) < 0)
		goto fail;
	tc->skel = trace_count_bpf__open();
	if (!tc->skel) {
		seterr(err, errlen, "cannot open the BPF object: %s", strerror(errno));
		goto fail;
	}
	e = bpf_program__set_autoload(tc->skel->progs.fork_tp, cfg->follow_forks);
	if (!e)
		e = bpf_program__set_autoload(tc->skel->progs.task_switch, cfg->cpu_time);
	if (e) {
		seterr(err, errlen, "cannot select the BPF programs: %s", strerror(-e));
		goto fail;
	}
	if (setup_lines(tc, cfg, err, errlen) ||
	    (cfg->plans && cfg->pidns && setup_pidns(tc, err, errlen)))
		goto fail;
	tc->skel->rodata->task_pid_off = (uint32_t)pid_off;
	if (cfg->plans && cfg->fd_made_mask &&
	    find_file_offs((struct tl_file_offs *)&tc->skel->rodata->file_offs)) {
		tc->skel->rodata->file_facts = 1;
		memcpy((void *)tc->skel->rodata->fd_made_mask, cfg->fd_made_mask,
		       sizeof(tc->skel->rodata->fd_made_mask));
	}
	tc->skel->rodata->cpu_time = cfg->cpu_time;
	tc->skel->rodata->overhead_ns = cfg->overhead_ns;
	tc->skel->rodata->filter_syscalls = cfg->syscall_mask != NULL;
	if (cfg->syscall_mask)
		memcpy((void *)tc->skel->rodata->syscall_mask, cfg->syscall_mask,
		       sizeof(tc->skel->rodata->syscall_mask));
	e = trace_count_bpf__load(tc->skel);
	if (e) {
		seterr(err, errlen, "cannot load the counting programs: %s%s", strerror(-e),
		       bpf_privilege_hint(-e));
		goto fail;
	}
	if (cfg->plans && load_plans(tc, cfg, err, errlen))
		goto fail;
	e = trace_count_bpf__attach(tc->skel);
	if (e) {
		seterr(err, errlen, "cannot attach the counting programs: %s%s", strerror(-e),
		       bpf_privilege_hint(-e));
		goto fail;
	}
	tc->notes = ring_buffer__new(bpf_map__fd(tc->skel->maps.notes), on_note, tc, NULL);
	if (!tc->notes) {
		seterr(err, errlen, "cannot map the BPF ring buffer of notes: %s", strerror(errno));
		goto fail;
	}
	if (cfg->plans) {
		e = ring_buffer__add(tc->notes, bpf_map__fd(tc->skel->maps.events), on_event, tc);
		if (e) {
			seterr(err, errlen, "cannot map the BPF ring buffer of events: %s",
			       strerror(-e));
			goto fail;
		}
	}
	return tc;
fail:
	trace_count_close(tc);
	return NULL;
}

int trace_count_add(struct trace_count *tc, pid_t tid, bool await_exec)
{
	struct tc_task t = { .flags = await_exec ? TC_AWAIT_EXEC : TC_MIDWAY };
	uint32_t key = (uint32_t)tid;

	/* Counted before it is in the set: its exit may come before this returns. */
	__atomic_fetch_add(&tc->skel->bss->live, 1, __ATOMIC_SEQ_CST);
	if (bpf_map_update_elem(bpf_map__fd(tc->skel->maps.tasks), &key, &t, BPF_NOEXIST)) {
		int e = errno;

		__atomic_fetch_sub(&tc->skel->bss->live, 1, __ATOMIC_SEQ_CST);
		return e == EEXIST ? 0 : -e;
	}
	return 0;
}

bool trace_count_has(struct trace_count *tc, pid_t tid)
{
	uint32_t key = (uint32_t)tid;
	struct tc_task t;

	return bpf_map_lookup_elem(bpf_map__fd(tc->skel->maps.tasks), &key, &t) == 0;
}

long trace_count_live(const struct trace_count *tc)
{
	return __atomic_load_n(&tc->skel->bss->live, __ATOMIC_SEQ_CST);
}

int trace_count_wait(struct trace_count *tc, int timeout_ms, const sigset_t *sigmask,
		     trace_note_fn *note_fn, trace_event_fn *event_fn, void *ctx)
{
	struct epoll_event ev;
	int n;

	if (tc->streaming && timeout_ms && trace_count_live(tc) > 0) {
		struct timespec gather = { 0, STREAM_GATHER_NS };

		if (ppoll(NULL, 0, &gather, sigmask) < 0 && errno == EINTR)
			return -EINTR;
	}
	tc->fn = note_fn;
	tc->event_fn = event_fn;
	tc->ctx = ctx;
	/* Notes already queued are taken without sleeping. */
	n = ring_buffer__consume(tc->notes);
	if (n == 0) {
		if (epoll_pwait(ring_buffer__epoll_fd(tc->notes), &ev, 1, timeout_ms, sigmask) < 0)
			n = -errno;
		else
			n = ring_buffer__consume(tc->notes);
	}
	tc->fn = NULL;
	tc->event_fn = NULL;
	tc->streaming = n > 0;
	return n;
}

void trace_count_stop(struct trace_count *tc)
{
	trace_count_bpf__detach(tc->skel);
}

/* All rows in one batch lookup: 512 lookups took 10-20 ms of the end of a -c here. */
int trace_count_rows(struct trace_count *tc,
		     void (*fn)(void *ctx, long nr, const struct tc_row *row), void *ctx)
{
	int ncpu = libbpf_num_possible_cpus();
	int fd = bpf_map__fd(tc->skel->maps.rows);
	uint32_t keys[TC_MAX_SYSCALLS], count = TC_MAX_SYSCALLS, next;

	if (ncpu <= 0)
		return ncpu ? ncpu : -EINVAL;
	/* A per-CPU map's value: one row for each possible CPU. */
	struct tc_row *rows = calloc((size_t)TC_MAX_SYSCALLS * ncpu, sizeof(*rows));

	if (!rows)
		return -ENOMEM;
	/* ENOENT: the lookup reached the last key, COUNT rows were read. */
	if (bpf_map_lookup_batch(fd, NULL, &next, keys, rows, &count, NULL) && errno != ENOENT) {
		int e = -errno;

		free(rows);
		return e;
	}
	for (uint32_t k = 0; k < count; k++) {
		const struct tc_row *per_cpu = rows + (size_t)k * ncpu;
		struct tc_row sum = { 0 };

		for (int i = 0; i < ncpu; i++) {
			const struct tc_row *r = &per_cpu[i];

			if (!r->calls)
				continue;
			if (!sum.calls || r->min_ns < sum.min_ns)
				sum.min_ns = r->min_ns;
			if (r->max_ns > sum.max_ns)
				sum.max_ns = r->max_ns;
			sum.calls += r->calls;
			sum.errors += r->errors;
			sum.total_ns += r->total_ns;
		}
		if (sum.calls)
			fn(ctx, keys[k], &sum);
	}
	free(rows);
	return 0;
}

uint64_t trace_count_lost(const struct trace_count *tc)
{
	return __atomic_load_n(&tc->skel->bss->lost, __ATOMIC_SEQ_CST) +
	       __atomic_load_n(&tc->skel->bss->events_lost, __ATOMIC_SEQ_CST);
}

void trace_count_close(struct trace_count *tc)
{
	if (!tc)
		return;
	ring_buffer__free(tc->notes);
	trace_count_bpf__destroy(tc->skel);
	free(tc);
}
