/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The eBPF line mode's adapter (trace/ebpf_lines.c) on events built as the kernel program
 * builds them: the memory reader serves what was copied and nothing else, an entry that
 * missed memory waits for its exit's copies, a syscall's entry and exit carry the thread's CPU
 * time in syscalls as their stime (-C's time), a thread's end carries exit_group's status
 * or the signal that killed it, a read spans chunks that follow each other, a successful
 * execve whose entry missed its strings gets them from the new program's stack; a leader's
 * end waits for its threads', and a thread's execve under the leader's id supersedes the
 * leader as ptrace reports it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "schema/syscall_nr.h"
#include "trace/ebpf_lines.h"
#include "tl_events.h"

/* What the sink saw: the kinds in order, and what the entry's reader gave. */
struct seen {
	int kinds[16];
	uint64_t stime[16];
	int n;
	long str_len;		/* read_str at 0x1000, 16 bytes, at the last entry */
	char str[32];
	int read_rc;		/* read of 8 bytes at 0x2000 at the last entry */
	int status, sig;
};

static void sink(void *ctx, const struct tracer_event *ev)
{
	struct seen *s = ctx;

	s->stime[s->n] = ev->stime_ns;
	s->kinds[s->n++] = ev->kind;
	if (ev->kind == TEV_SYSCALL_ENTRY) {
		char word[8];

		s->str_len = ev->mem->read_str(ev->mem, 0x1000, s->str, 16);
		s->read_rc = ev->mem->read(ev->mem, 0x2000, word, sizeof(word));
	} else if (ev->kind == TEV_EXITED) {
		s->status = ev->status;
	} else if (ev->kind == TEV_KILLED) {
		s->sig = ev->sig;
	}
}

static void test_reader_serves_copies_only(void **state)
{
	(void)state;
	struct seen s = { 0 };
	struct ebpf_lines *l = ebpf_lines_new(sink, &s, 1, false);
	struct ev_buf b;
	struct tl_head *h = ev_new(&b, TL_ENTER, 100, NR_openat);

	ev_chunk(&b, 0x1000, "/etc/hostname", 14, TL_STR);
	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.kinds[0], TEV_SYSCALL_ENTRY);
	assert_int_equal(s.str_len, 13);
	assert_string_equal(s.str, "/etc/hostname");
	/* nothing was copied at 0x2000: unreadable, as an unmapped address */
	assert_int_equal(s.read_rc, -1);

	/* a string the kernel cut short answers reads within it only */
	h = ev_new(&b, TL_ENTER, 101, NR_openat);
	ev_chunk(&b, 0x1000, "abcdefgh", 8, TL_STR | TL_STR_CUT);
	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.str_len, -1);
	ebpf_lines_free(l);
}

static void test_missed_entry_waits_for_exit(void **state)
{
	(void)state;
	struct seen s = { 0 };
	struct ebpf_lines *l = ebpf_lines_new(sink, &s, 1, false);
	struct ev_buf b;
	struct tl_head *h = ev_new(&b, TL_ENTER, 200, NR_openat);

	h->missed = 1;
	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.n, 0);

	h = ev_new(&b, TL_EXIT, 200, NR_openat);
	h->ret = 3;
	ev_chunk(&b, 0x1000, "late", 5, TL_STR);
	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.kinds[0], TEV_SYSCALL_ENTRY);
	assert_int_equal(s.kinds[1], TEV_SYSCALL_EXIT);
	/* the entry was printed with the exit's copy */
	assert_int_equal(s.str_len, 4);
	assert_string_equal(s.str, "late");
	ebpf_lines_free(l);
}

/* The printer counts exit's stime less entry's: the call's CPU time, a held entry's included. */
static void test_cpu_time_as_stime(void **state)
{
	(void)state;
	struct seen s = { 0 };
	struct ebpf_lines *l = ebpf_lines_new(sink, &s, 1, false);
	struct ev_buf b;
	struct tl_head *h = ev_new(&b, TL_ENTER, 400, NR_nanosleep);

	h->stime_ns = 1000;
	ebpf_lines_event(l, h, h->size);
	h = ev_new(&b, TL_EXIT, 400, NR_nanosleep);
	h->stime_ns = 1250;
	ebpf_lines_event(l, h, h->size);

	h = ev_new(&b, TL_ENTER, 400, NR_openat);
	h->stime_ns = 1250;
	h->missed = 1;
	ebpf_lines_event(l, h, h->size);
	h = ev_new(&b, TL_EXIT, 400, NR_openat);
	h->stime_ns = 4000;
	ebpf_lines_event(l, h, h->size);

	assert_int_equal(s.n, 4);
	assert_int_equal(s.stime[0], 1000);
	assert_int_equal(s.stime[1], 1250);
	assert_int_equal(s.stime[2], 1250);
	assert_int_equal(s.stime[3], 4000);
	ebpf_lines_free(l);
}

static void test_exit_status_and_kill(void **state)
{
	(void)state;
	struct seen s = { 0 };
	struct ebpf_lines *l = ebpf_lines_new(sink, &s, 1, false);
	struct ev_buf b;
	struct tl_head *h = ev_new(&b, TL_ENTER, 300, NR_exit_group);

	h->args[0] = 7;
	ebpf_lines_event(l, h, h->size);
	h = ev_new(&b, TL_GONE, 300, 0);
	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.kinds[s.n - 1], TEV_EXITED);
	assert_int_equal(s.status, 7);

	h = ev_new(&b, TL_GONE, 301, 0);
	h->args[0] = 15;	/* SIGTERM */
	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.kinds[s.n - 1], TEV_KILLED);
	assert_int_equal(s.sig, 15);
	ebpf_lines_free(l);
}

/* A struct larger than a chunk is copied as chunks that follow each other: a read across them
 * is served whole; one that runs past the last fails. */
static void test_read_across_chunks(void **state)
{
	(void)state;
	struct seen s = { 0 };
	struct ebpf_lines *l = ebpf_lines_new(sink, &s, 1, false);
	struct ev_buf b;
	struct tl_head *h = ev_new(&b, TL_ENTER, 500, NR_ioctl);

	ev_chunk(&b, 0x2000, "abcd", 4, 0);
	ev_chunk(&b, 0x2004, "efgh", 4, 0);
	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.read_rc, 0);

	h = ev_new(&b, TL_ENTER, 501, NR_ioctl);
	ev_chunk(&b, 0x2000, "abcd", 4, 0);
	ev_chunk(&b, 0x2005, "fgh", 3, 0);
	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.read_rc, -1);
	ebpf_lines_free(l);
}

/* What an execve's entry reader gave: the file name and argv's strings. */
struct exec_seen {
	int entries;
	long name_len;
	char name[32];
	long arg_len[2];
	char arg[2][32];
};

static void exec_sink(void *ctx, const struct tracer_event *ev)
{
	struct exec_seen *s = ctx;

	if (ev->kind != TEV_SYSCALL_ENTRY)
		return;
	s->entries++;
	s->name_len = ev->mem->read_str(ev->mem, ev->args[0], s->name, sizeof(s->name));
	for (int i = 0; i < 2; i++) {
		uint64_t p = 0;

		s->arg_len[i] = ev->mem->read(ev->mem, ev->args[1] + 8 * i, &p, sizeof(p)) ? -2 :
				ev->mem->read_str(ev->mem, p, s->arg[i], sizeof(s->arg[i]));
	}
}

/* An execve whose entry has argv's pointers (at 0x3000) but not the strings (0x1000 and on),
 * as a forked child's: missed. */
static struct tl_head *exec_entry(struct ev_buf *b, uint32_t tid)
{
	struct tl_head *h = ev_new(b, TL_ENTER, tid, NR_execve);
	const uint64_t argv[3] = { 0x1100, 0x1200, 0 };

	h->args[0] = 0x1000;
	h->args[1] = 0x3000;
	ev_chunk(b, 0x3000, argv, sizeof(argv), 0);
	h->missed = 2;
	return h;
}

/* Its exit, RET, with the new program's stack at 0x7000: argc, argv, envp, and the strings
 * above, argv's, envp's and the file name. */
static struct tl_head *exec_exit(struct ev_buf *b, uint32_t tid, long ret)
{
	static const char strs[] = "prog\0arg1\0A=1\0/bin/prog";
	const uint64_t stack[6] = { 2, 0x8000, 0x8005, 0, 0x800a, 0 };
	struct tl_head *h = ev_new(b, TL_EXIT, tid, NR_execve);

	h->ret = ret;
	h->sp = 0x7000;
	ev_chunk(b, 0x7000, stack, sizeof(stack), 0);
	ev_chunk(b, 0x8000, strs, sizeof(strs), 0);
	return h;
}

static void test_execve_strings_from_new_stack(void **state)
{
	(void)state;
	struct exec_seen s = { 0 };
	struct ebpf_lines *l = ebpf_lines_new(exec_sink, &s, 1, false);
	struct ev_buf b;
	struct tl_head *h = exec_entry(&b, 600);

	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.entries, 0);
	h = exec_exit(&b, 600, 0);
	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.entries, 1);
	assert_int_equal(s.name_len, 9);
	assert_string_equal(s.name, "/bin/prog");
	assert_int_equal(s.arg_len[0], 4);
	assert_string_equal(s.arg[0], "prog");
	assert_int_equal(s.arg_len[1], 4);
	assert_string_equal(s.arg[1], "arg1");

	/* a failed execve left the old program: its stack says nothing of the strings */
	memset(&s, 0, sizeof(s));
	h = exec_entry(&b, 601);
	ebpf_lines_event(l, h, h->size);
	h = exec_exit(&b, 601, -2);
	ebpf_lines_event(l, h, h->size);
	assert_int_equal(s.entries, 1);
	assert_int_equal(s.name_len, -1);
	assert_int_equal(s.arg_len[0], -1);
	ebpf_lines_free(l);
}

/* Thread TID of process TGID enters (or leaves, returning RET) syscall NR. */
static void syscall_ev(struct ebpf_lines *l, uint32_t kind, uint32_t tid, uint32_t tgid, long nr,
		       int64_t ret)
{
	struct ev_buf b;
	struct tl_head *h = ev_new(&b, kind, tid, nr);

	h->tgid = tgid;
	h->ret = ret;
	ebpf_lines_event(l, h, h->size);
}

static void gone_ev(struct ebpf_lines *l, uint32_t tid, uint32_t tgid)
{
	struct ev_buf b;
	struct tl_head *h = ev_new(&b, TL_GONE, tid, 0);

	h->tgid = tgid;
	ebpf_lines_event(l, h, h->size);
}

/* The leader calls exit(0) while its thread runs; the thread's exit_group(1) ends both: the
 * leader's end is told after the thread's, with the group's code (wait status of a group exit). */
static void test_leader_waits_for_threads(void **state)
{
	(void)state;
	struct seen s = { 0 };
	struct ebpf_lines *l = ebpf_lines_new(sink, &s, 1, false);
	struct ev_buf b;
	struct tl_head *h = ev_new(&b, TL_ENTER, 500, NR_clone);

	/* the thread is known from its fork on, before it makes a syscall */
	h->args[0] = 0x00010000 | 0x00000800 | 0x00000100;	/* CLONE_THREAD|SIGHAND|VM */
	ebpf_lines_event(l, h, h->size);
	h = ev_new(&b, TL_FORK, 501, 0);
	h->tgid = 500;
	h->args[0] = 500;
	ebpf_lines_event(l, h, h->size);
	syscall_ev(l, TL_EXIT, 500, 500, NR_clone, 501);
	h = ev_new(&b, TL_ENTER, 500, NR_exit);
	ebpf_lines_event(l, h, h->size);
	gone_ev(l, 500, 500);
	/* clone's entry, the child, clone's exit, exit's entry, and exit's end ("= ?", as
	 * ptrace's exit event ends it): nothing of the leader's end */
	assert_int_equal(s.n, 5);
	assert_int_equal(s.kinds[4], TEV_EXITING);

	h = ev_new(&b, TL_ENTER, 501, NR_exit_group);
	h->tgid = 500;
	h->args[0] = 1;
	ebpf_lines_event(l, h, h->size);
	gone_ev(l, 501, 500);
	assert_int_equal(s.n, 8);
	assert_int_equal(s.kinds[6], TEV_EXITED);
	assert_int_equal(s.kinds[7], TEV_EXITED);
	assert_int_equal(s.status, 1);
	ebpf_lines_free(l);
}

struct superseding {
	int kinds[16];
	pid_t pids[16], old_pid;
	int n;
};

static void superseding_sink(void *ctx, const struct tracer_event *ev)
{
	struct superseding *s = ctx;

	s->pids[s->n] = ev->pid;
	s->kinds[s->n++] = ev->kind;
	if (ev->kind == TEV_EXEC_SUPERSEDED)
		s->old_pid = ev->old_pid;
}

/*
 * Thread 601 execs while its leader 600 sleeps: the kernel ends the leader's nanosleep with a
 * restart code (no exit under ptrace: a SIGKILL is pending), the leader leaves, and the execve
 * returns under the id 600.
 */
static void test_thread_execve_supersedes_leader(void **state)
{
	(void)state;
	struct superseding s = { 0 };
	struct ebpf_lines *l = ebpf_lines_new(superseding_sink, &s, 1, false);

	syscall_ev(l, TL_ENTER, 600, 600, NR_nanosleep, 0);
	syscall_ev(l, TL_ENTER, 601, 600, NR_execve, 0);
	syscall_ev(l, TL_EXIT, 600, 600, NR_nanosleep, -516);
	gone_ev(l, 600, 600);
	assert_int_equal(s.n, 2);	/* the two entries only */
	syscall_ev(l, TL_EXIT, 600, 600, NR_execve, 0);
	assert_int_equal(s.n, 4);
	assert_int_equal(s.kinds[2], TEV_EXEC_SUPERSEDED);
	assert_int_equal(s.pids[2], 600);
	assert_int_equal(s.old_pid, 601);
	assert_int_equal(s.kinds[3], TEV_SYSCALL_EXIT);
	assert_int_equal(s.pids[3], 600);
	/* one process of one thread now: its end is told at once */
	gone_ev(l, 600, 600);
	assert_int_equal(s.n, 5);
	assert_int_equal(s.kinds[4], TEV_EXITED);
	ebpf_lines_free(l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reader_serves_copies_only),
		cmocka_unit_test(test_missed_entry_waits_for_exit),
		cmocka_unit_test(test_cpu_time_as_stime),
		cmocka_unit_test(test_exit_status_and_kill),
		cmocka_unit_test(test_read_across_chunks),
		cmocka_unit_test(test_execve_strings_from_new_stack),
		cmocka_unit_test(test_leader_waits_for_threads),
		cmocka_unit_test(test_thread_execve_supersedes_leader),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
