/* SPDX-License-Identifier: Apache-2.0 */
#include "trace/ebpf_lines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema/syscall_nr.h"
#include "trace/fd_table.h"
#include "trace/pidns.h"
#include "util/int_map.h"
#include "util/util.h"

/* include/uapi/linux/sched.h */
#define CLONE_THREAD_FLAG 0x00010000u

/* The largest errno a syscall returns negated (include/linux/err.h MAX_ERRNO). */
#define MAX_ERRNO 4095

/* A traced thread: its syscall in progress, whose entry memory its exit may read again. */
struct thread {
	struct tl_head *entry;		/* a copy of the entry event, or NULL */
	size_t entry_cap;		/* bytes allocated at entry */
	/*
	 * The entry missed memory that was not paged in yet: it waits for its exit, whose
	 * copies the kernel made after reading that memory itself, and is printed with them.
	 */
	bool held;
	int exit_code;			/* exit()'s argument, when has_code */
	bool has_code;
	uint32_t tgid;
	/*
	 * A leader that left while other threads of its process run: as under ptrace, its end
	 * is told once they are all gone (with the group's exit code if exit_group ended
	 * them), or it is superseded by a thread's execve.
	 */
	bool gone;
	struct tracer_event gone_ev;
};

struct ebpf_lines {
	tracer_sink_fn *sink;
	void *sink_ctx;
	int quiet;
	struct int_map threads;		/* tid -> struct thread */
	struct int_map group_codes;	/* tgid -> exit_group()'s argument + 1 (as a pointer) */
	struct fd_tables *fds;		/* what each thread's fds are, served to the decoders */
};

/* A reader over an event's chunks, and then over its entry's. */
struct chunk_reader {
	struct mem_reader base;
	const struct tl_head *ev;
	const struct tl_head *entry;	/* NULL, or the entry of the exit EV */
};

/* The chunk of EV holding ADDR with the most bytes at or after it (a plan's rule may copy a
 * struct larger than an argument's window at the same address): its data and that count. */
static const char *chunk_at(const struct tl_head *ev, uint64_t addr, size_t *avail,
			    uint32_t *flags)
{
	const char *p = (const char *)(ev + 1), *end = (const char *)ev + ev->size;
	const char *best = NULL;

	while (p + sizeof(struct tl_chunk) <= end) {
		const struct tl_chunk *c = (const void *)p;

		if (c->len > (size_t)(end - p) - sizeof(*c))
			break;
		const char *data = p + sizeof(*c);

		if (!(c->flags & TL_FILE) && addr >= c->addr && addr - c->addr < c->len &&
		    (!best || c->len - (size_t)(addr - c->addr) > *avail)) {
			*avail = c->len - (size_t)(addr - c->addr);
			*flags = c->flags;
			best = data + (addr - c->addr);
		}
		p = data + ((c->len + 7) & ~7u);
	}
	return best;
}

static const char *find_bytes(const struct chunk_reader *r, uint64_t addr, size_t *avail,
			      uint32_t *flags)
{
	const char *d = r->ev ? chunk_at(r->ev, addr, avail, flags) : NULL;

	if (!d && r->entry)
		d = chunk_at(r->entry, addr, avail, flags);
	return d;
}

/* N bytes at ADDR, from chunks that follow each other (a struct larger than a chunk is
 * copied as several). */
static int chunk_read(const struct mem_reader *m, uint64_t addr, void *buf, size_t n)
{
	const struct chunk_reader *r = (const void *)m;
	char *to = buf;

	while (n) {
		size_t avail;
		uint32_t flags;
		const char *d = addr ? find_bytes(r, addr, &avail, &flags) : NULL;

		if (!d)
			return -1;
		if (avail > n)
			avail = n;
		memcpy(to, d, avail);
		to += avail;
		addr += avail;
		n -= avail;
	}
	return 0;
}

/* A string the kernel cut holds its first bytes only: a read past them fails, never
 * guesses. */
static long chunk_read_str(const struct mem_reader *m, uint64_t addr, char *buf, size_t n)
{
	const struct chunk_reader *r = (const void *)m;
	size_t avail;
	uint32_t flags;
	const char *d = addr ? find_bytes(r, addr, &avail, &flags) : NULL;

	if (!d)
		return -1;
	size_t look = avail < n ? avail : n;
	const char *nul = memchr(d, 0, look);

	if (nul) {
		memcpy(buf, d, (size_t)(nul - d) + 1);
		return nul - d;
	}
	if (avail < n)
		return -1;
	memcpy(buf, d, n);
	return (long)n;
}

/* The fd tables take what the kernel said of the fds exit event EV made (its TL_FILE
 * chunks). */
static void kernel_files(struct ebpf_lines *l, const struct tl_head *ev)
{
	const char *p = (const char *)(ev + 1), *end = (const char *)ev + ev->size;

	while (p + sizeof(struct tl_chunk) <= end) {
		const struct tl_chunk *c = (const void *)p;

		if (c->len > (size_t)(end - p) - sizeof(*c))
			break;
		const char *data = p + sizeof(*c);

		if ((c->flags & TL_FILE) && c->len >= sizeof(struct tl_file)) {
			struct tl_file tf;

			memcpy(&tf, data, sizeof(tf));
			tf.name[sizeof(tf.name) - 1] = 0;
			struct fd_kernel_file f = {
				.fd = tf.fd, .mode = tf.mode, .rdev = tf.rdev, .ino = tf.ino,
				.magic = tf.magic,
				.family = tf.family, .type = tf.type, .protocol = tf.protocol,
				.portid = tf.portid,
				.name = tf.name,
			};
			fd_tables_kernel_file(l->fds, (pid_t)ev->tid, &f);
		}
		p = data + ((c->len + 7) & ~7u);
	}
}

struct ebpf_lines *ebpf_lines_new(tracer_sink_fn *sink, void *sink_ctx, int quiet,
				  bool fd_paths)
{
	struct ebpf_lines *l = xcalloc(1, sizeof(*l));

	l->sink = sink;
	l->sink_ctx = sink_ctx;
	l->quiet = quiet;
	l->fds = fd_tables_new(fd_paths);
	fd_tables_serve(l->fds);
	return l;
}

void ebpf_lines_seed(struct ebpf_lines *l, int tid, int tgid)
{
	fd_tables_seed(l->fds, tid, tgid);
}

static struct thread *thread_of(struct ebpf_lines *l, const struct tl_head *ev)
{
	struct thread *t = int_map_get(&l->threads, ev->tid);

	if (!t) {
		t = xcalloc(1, sizeof(*t));
		int_map_put(&l->threads, ev->tid, t);
	}
	t->tgid = ev->tgid;
	return t;
}

/* A thread of process TGID other than TID: one in execve (EXECVE), or any still running. */
struct sibling_scan {
	uint32_t tgid, tid;
	bool execve;
	uint32_t found;
};

static void sibling_cb(void *ctx, uint32_t key, void *val)
{
	struct sibling_scan *s = ctx;
	const struct thread *t = val;

	if (s->found || key == s->tid || t->tgid != s->tgid || t->gone)
		return;
	if (!s->execve || (t->entry && (t->entry->nr == NR_execve || t->entry->nr == NR_execveat)))
		s->found = key;
}

static uint32_t sibling(const struct ebpf_lines *l, uint32_t tgid, uint32_t tid, bool execve)
{
	struct sibling_scan s = { .tgid = tgid, .tid = tid, .execve = execve };

	int_map_each(&l->threads, sibling_cb, &s);
	return s.found;
}

/* The exit code of a thread of process TGID that exited (not killed): the group's when
 * exit_group ended it (a leader: when exit_group ended its process), else exit's. */
static int exit_status(const struct ebpf_lines *l, const struct thread *t, uint32_t tgid,
		       bool leader)
{
	uintptr_t group = (uintptr_t)int_map_get(&l->group_codes, tgid);

	if (group && (leader || !t || !t->has_code))
		return (int)(group - 1);
	return t && t->has_code ? t->exit_code : 0;
}

static void thread_free(struct thread *t)
{
	if (t) {
		free(t->entry);
		free(t);
	}
}

static struct timespec ts_of(uint64_t ns)
{
	return (struct timespec){ .tv_sec = (time_t)(ns / 1000000000u),
				  .tv_nsec = (long)(ns % 1000000000u) };
}

/* A syscall's entry or exit EV to the sink as KIND; its memory read from EV, then from OTHER
 * (the exit of a held entry, or the entry of an exit) if given. */
static void deliver_syscall(struct ebpf_lines *l, enum tracer_ev_kind kind,
			    const struct tl_head *ev, const struct tl_head *other)
{
	struct chunk_reader r = { { chunk_read, chunk_read_str, (pid_t)ev->tid }, ev, other };
	struct tracer_event te = {
		.kind = kind,
		.pid = (pid_t)ev->tid,
		.nr = ev->nr,
		.when = ts_of(ev->ts_ns),
		.stime_ns = ev->stime_ns,
		.sp = ev->sp,
		.ip = ev->ip,
		.mem = &r.base,
	};

	memcpy(te.args, ev->args, sizeof(te.args));
	if (kind == TEV_SYSCALL_EXIT) {
		te.rval = ev->ret;
		te.is_error = ev->ret < 0 && ev->ret >= -MAX_ERRNO;
	}
	l->sink(l->sink_ctx, &te);
}

/* A held entry that will have no exit (the thread is gone or let go): as it is. */
static void release_held(struct ebpf_lines *l, struct thread *t)
{
	if (t && t->held) {
		t->held = false;
		deliver_syscall(l, TEV_SYSCALL_ENTRY, t->entry, NULL);
	}
}

static void on_enter(struct ebpf_lines *l, const struct tl_head *ev, size_t size)
{
	struct thread *t = thread_of(l, ev);

	/* exit and exit_group never return: their argument is the thread's exit status. */
	if (ev->nr == NR_exit) {
		t->exit_code = (int)(ev->args[0] & 0xff);
		t->has_code = true;
	} else if (ev->nr == NR_exit_group) {
		int_map_put(&l->group_codes, ev->tgid, (void *)(uintptr_t)((ev->args[0] & 0xff) + 1));
	}
	free(t->entry);
	t->entry = xmalloc(size);
	t->entry_cap = size;
	memcpy(t->entry, ev, size);
	t->held = ev->missed != 0;
	if (!t->held)
		deliver_syscall(l, TEV_SYSCALL_ENTRY, ev, NULL);
}

/* The u64 at ADDR in EV's chunks, or 0. */
static uint64_t event_word(const struct tl_head *ev, uint64_t addr)
{
	size_t avail;
	uint32_t flags;
	uint64_t w = 0;
	const char *d = chunk_at(ev, addr, &avail, &flags);

	if (d && avail >= sizeof(w))
		memcpy(&w, d, sizeof(w));
	return w;
}

/* The string at ADDR in EV's chunks: its bytes and its length; NULL if it is not whole there. */
static const char *event_str(const struct tl_head *ev, uint64_t addr, size_t *len)
{
	size_t avail;
	uint32_t flags;
	const char *d = addr ? chunk_at(ev, addr, &avail, &flags) : NULL;
	const char *nul = d ? memchr(d, 0, avail) : NULL;

	if (!nul)
		return NULL;
	*len = (size_t)(nul - d);
	return d;
}

/* Appends to the event at *EV (of *CAP bytes) a string chunk at ADDR holding STR. */
static void append_str(struct tl_head **ev, size_t *cap, uint64_t addr, const char *str,
		       size_t len)
{
	size_t need = (*ev)->size + sizeof(struct tl_chunk) + ((len + 1 + 7) & ~(size_t)7);

	if (need > *cap) {
		*cap = need * 2;
		*ev = xrealloc(*ev, *cap);
	}
	struct tl_chunk *c = (void *)((char *)*ev + (*ev)->size);

	c->addr = addr;
	c->len = (uint32_t)len + 1;
	c->flags = TL_STR;
	memcpy(c + 1, str, len + 1);
	(*ev)->size = (uint32_t)need;
}

/*
 * A successful execve whose entry missed memory (a forked child's strings, in file pages its
 * page tables do not map yet): EXIT holds the new program's initial stack, argc and the
 * pointers at its stack pointer, and the strings they point to, argv's, envp's, then the file
 * name (ebpf_plan.def's execve rules). ENTRY's argv pointers and file name are served from
 * them, each by its place: argv's I-th string is the new program's I-th, and the file name
 * follows the last string of envp (or of argv). A string not copied stays unreadable.
 */
static void execve_strings(struct tl_head **entry, size_t *cap, const struct tl_head *exit)
{
	uint64_t sp = exit->sp, argc = event_word(exit, sp), last = 0;
	const char *str;
	size_t len;

	if ((*entry)->nr != NR_execve || exit->ret != 0 || !argc || argc > TL_VEC_PTRS - 2)
		return;
	for (uint64_t i = 0; i < argc; i++) {
		uint64_t old = event_word(*entry, (*entry)->args[1] + 8 * i);

		last = event_word(exit, sp + 8 + 8 * i);
		str = event_str(exit, last, &len);
		if (old && str)
			append_str(entry, cap, old, str, len);
	}
	for (uint64_t at = sp + 16 + 8 * argc; at < sp + 8 * TL_VEC_PTRS; at += 8) {
		uint64_t env = event_word(exit, at);

		if (!env)
			break;
		last = env;
	}
	str = event_str(exit, last, &len);
	if (str && (str = event_str(exit, last + len + 1, &len)))
		append_str(entry, cap, (*entry)->args[0], str, len);
}

/* The restart codes (ERESTARTSYS..ERESTART_RESTARTBLOCK) a syscall cut by a signal returns. */
static bool restart_code(int64_t ret)
{
	return ret >= -516 && ret <= -512;
}

/*
 * Thread OLD of process TGID exec'd and took the id TGID (de_thread): as ptrace's event, the
 * leader it replaced is forgotten (its end was held: on_gone) and OLD goes on as TGID.
 */
static struct thread *superseded(struct ebpf_lines *l, uint32_t old, const struct tl_head *ev)
{
	struct tracer_event te = {
		.kind = TEV_EXEC_SUPERSEDED,
		.pid = (pid_t)ev->tid,
		.old_pid = (pid_t)old,
		.when = ts_of(ev->ts_ns),
	};
	struct thread *t = int_map_take(&l->threads, old);

	thread_free(int_map_take(&l->threads, ev->tid));
	int_map_put(&l->threads, ev->tid, t);
	fd_tables_renamed(l->fds, (pid_t)old, (pid_t)ev->tid);
	l->sink(l->sink_ctx, &te);
	return t;
}

static void on_exit_ev(struct ebpf_lines *l, const struct tl_head *ev)
{
	struct thread *t = thread_of(l, ev);
	uint32_t old;

	/* A thread killed by a sibling's execve: under ptrace its syscall has no exit. */
	if (restart_code(ev->ret) && sibling(l, ev->tgid, ev->tid, true)) {
		release_held(l, t);
		free(t->entry);
		t->entry = NULL;
		return;
	}
	if ((ev->nr == NR_execve || ev->nr == NR_execveat) && !ev->ret && !t->entry &&
	    ev->tid == ev->tgid && (old = sibling(l, ev->tgid, ev->tid, true)))
		t = superseded(l, old, ev);
	if (t->held) {
		execve_strings(&t->entry, &t->entry_cap, ev);
		t->held = false;
		deliver_syscall(l, TEV_SYSCALL_ENTRY, t->entry, ev);
	}
	struct chunk_reader r = { { chunk_read, chunk_read_str, (pid_t)ev->tid }, ev, t->entry };

	/* The fds it made are known as its line prints them; those it closed, once printed. */
	fd_tables_made(l->fds, (pid_t)ev->tid, ev->nr, (const uint64_t *)ev->args, ev->ret,
		       &r.base);
	kernel_files(l, ev);
	deliver_syscall(l, TEV_SYSCALL_EXIT, ev, t->entry);
	fd_tables_ended(l->fds, (pid_t)ev->tid, ev->nr, (const uint64_t *)ev->args, ev->ret);
	free(t->entry);
	t->entry = NULL;
}

static void on_signal(struct ebpf_lines *l, const struct tl_head *ev)
{
	struct tracer_event te = {
		.kind = TEV_SIGNAL,
		.pid = (pid_t)ev->tid,
		.sig = (int)ev->args[0],
		.when = ts_of(ev->ts_ns),
		.ip = ev->ip,
	};
	size_t avail;
	uint32_t flags;
	/* The kernel siginfo is the user one's first 48 bytes, copied at address 0. */
	const char *si = chunk_at(ev, 0, &avail, &flags);

	memset(&te.si, 0, sizeof(te.si));
	if (si && avail >= 48)
		memcpy(&te.si, si, 48);
	l->sink(l->sink_ctx, &te);
}

/* A leader held by on_gone whose process has no other thread left: its end, told now. */
static void release_leader(struct ebpf_lines *l, uint32_t tgid)
{
	struct thread *t = int_map_get(&l->threads, tgid);

	if (!t || !t->gone || sibling(l, tgid, tgid, false))
		return;
	int_map_take(&l->threads, tgid);
	if (t->gone_ev.kind == TEV_EXITED)
		t->gone_ev.status = exit_status(l, t, tgid, true);
	l->sink(l->sink_ctx, &t->gone_ev);
	thread_free(t);
}

static void on_gone(struct ebpf_lines *l, const struct tl_head *ev)
{
	struct thread *t = int_map_get(&l->threads, ev->tid);
	struct tracer_event te = { .pid = (pid_t)ev->tid, .when = ts_of(ev->ts_ns) };
	bool leader = ev->tid == ev->tgid;

	release_held(l, t);
	fd_tables_gone(l->fds, (pid_t)ev->tid);
	memcpy(te.comm, &ev->args[1], sizeof(te.comm));
	te.comm[sizeof(te.comm) - 1] = 0;
	if (ev->args[0]) {
		te.kind = TEV_KILLED;
		te.sig = (int)ev->args[0];
	} else {
		te.kind = TEV_EXITED;
		te.status = exit_status(l, t, ev->tgid, leader);
	}
	if (leader && t && sibling(l, ev->tgid, ev->tid, false)) {
		/* As ptrace's exit event: the syscall it left in (exit) ends "= ?" now, before
		 * the lines of the threads that outlive it. */
		struct tracer_event exiting = { .kind = TEV_EXITING, .pid = te.pid, .when = te.when };

		if (t->entry)
			l->sink(l->sink_ctx, &exiting);
		free(t->entry);
		t->entry = NULL;
		t->gone = true;
		t->gone_ev = te;
		return;
	}
	int_map_take(&l->threads, ev->tid);
	thread_free(t);
	l->sink(l->sink_ctx, &te);
	if (!leader)
		release_leader(l, ev->tgid);
}

/* The clone flags of the clone, clone3, fork or vfork that thread T is in. */
static uint64_t clone_flags(const struct thread *t)
{
	const struct tl_head *e = t ? t->entry : NULL;
	struct chunk_reader r = { { chunk_read, chunk_read_str, 0 }, e, NULL };
	uint64_t flags;

	if (!e)
		return 0;
	switch (e->nr) {
	case NR_clone:
		return e->args[0];
	case NR_clone3:
		/* struct clone_args starts with its u64 flags */
		return chunk_read(&r.base, e->args[0], &flags, sizeof(flags)) ? 0 : flags;
	}
	return 0;
}

/* -f: a thread joined the set, made by the thread args[0]. */
static void on_fork(struct ebpf_lines *l, const struct tl_head *ev)
{
	struct tracer_event te = {
		.kind = TEV_NEW_CHILD,
		.pid = (pid_t)ev->tid,
		.when = ts_of(ev->ts_ns),
	};
	uint32_t parent = (uint32_t)ev->args[0];
	uint64_t flags = clone_flags(int_map_get(&l->threads, parent));
	struct thread *t = xcalloc(1, sizeof(*t));

	/* Known from now, before its first syscall: its leader's end waits for it. The event
	 * is the parent's: its tgid is the child's only for a thread (CLONE_THREAD). */
	t->tgid = flags & CLONE_THREAD_FLAG ? ev->tgid : ev->tid;
	thread_free(int_map_take(&l->threads, ev->tid));
	int_map_put(&l->threads, ev->tid, t);
	fd_tables_fork(l->fds, (pid_t)parent, (pid_t)ev->tid, flags);

	if (!l->quiet)
		fprintf(stderr, "%s: Process %u attached\n", progname, ev->tid);
	l->sink(l->sink_ctx, &te);
}

static void learn_pidns(const struct tl_head *ev)
{
	struct pidns_ids ids = {
		.ns = ev->ns_inum,
		.level = (int)ev->ns_level,
		.ids = { [PID_TID] = (pid_t)ev->ns_tid, [PID_TGID] = (pid_t)ev->ns_tgid,
			 [PID_PGID] = (pid_t)ev->ns_pgid, [PID_SID] = (pid_t)ev->ns_sid },
		/* A fork's event has its maker's process: a new process leads its own. */
		.ours = { [PID_TID] = (pid_t)ev->tid,
			  [PID_TGID] = ev->ns_tgid == ev->ns_tid ? (pid_t)ev->tid : (pid_t)ev->tgid,
			  [PID_PGID] = (pid_t)ev->pgid, [PID_SID] = (pid_t)ev->sid },
	};

	pidns_learn(&ids);
}

void ebpf_lines_event(void *ctx, const struct tl_head *ev, size_t size)
{
	struct ebpf_lines *l = ctx;

	/* --pidns-translation: the thread's ids in its namespace, while the event is at hand. */
	if (ev->ns_inum)
		learn_pidns(ev);
	switch (ev->kind) {
	case TL_ENTER:
		on_enter(l, ev, size);
		break;
	case TL_EXIT:
		on_exit_ev(l, ev);
		break;
	case TL_SIGNAL:
		on_signal(l, ev);
		break;
	case TL_GONE:
		on_gone(l, ev);
		break;
	case TL_FORK:
		on_fork(l, ev);
		break;
	}
}

static void detach_thread(void *ctx, uint32_t tid, void *val)
{
	struct ebpf_lines *l = ctx;
	struct thread *t = val;
	struct tracer_event te = { .kind = TEV_DETACHED, .pid = (int)tid };

	release_held(l, t);
	te.in_syscall = t->entry != NULL;
	/* Detached, a leader waiting for its threads is told no end. */
	t->gone = false;
	l->sink(l->sink_ctx, &te);
}

void ebpf_lines_detach_all(struct ebpf_lines *l)
{
	int_map_each(&l->threads, detach_thread, l);
}

static void free_thread(void *ctx, uint32_t key, void *val)
{
	struct ebpf_lines *l = ctx;
	struct thread *t = val;

	release_held(l, t);
	/* A leader still waiting for threads that left the set untold (detached) */
	if (t->gone) {
		if (t->gone_ev.kind == TEV_EXITED)
			t->gone_ev.status = exit_status(l, t, key, true);
		l->sink(l->sink_ctx, &t->gone_ev);
	}
	thread_free(t);
}

void ebpf_lines_free(struct ebpf_lines *l)
{
	if (!l)
		return;
	int_map_each(&l->threads, free_thread, l);
	int_map_free(&l->threads);
	int_map_free(&l->group_codes);
	fd_tables_free(l->fds);
	free(l);
}
