/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The state layer: threads and fds kept current by events as sysdig keeps them. Events are
 * built in memory with the parameters of the scap event table (open exit, close enter and
 * exit, clone, execve and dup exits); the assertions are what sysdig 0.29
 * shows for the same sequence (fd.name after open, a closed fd visible on the close exit
 * only, a child inheriting its parent's fds, proc.name after execve, the resource counters of
 * clone, execve, switch, setrlimit and prlimit).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "capture/scap_meta.h"
#include "schema/event_codes.h"
#include "state/state.h"

#define MAXP 24

struct ev_builder {
	struct scap_event ev;
	struct scap_param params[MAXP];
	uint8_t store[MAXP][64];
};

static void ev_init(struct ev_builder *b, uint16_t type, int64_t tid, uint64_t ts)
{
	memset(b, 0, sizeof(*b));
	b->ev.type = type;
	b->ev.tid = tid;
	b->ev.ts = ts;
	b->ev.params = b->params;
}

/* Sets parameter I (and grows nparams to cover it). */
static void ev_i64(struct ev_builder *b, unsigned i, int64_t v)
{
	memcpy(b->store[i], &v, 8);
	b->params[i].val = b->store[i];
	b->params[i].len = 8;
	if (b->ev.nparams <= i)
		b->ev.nparams = i + 1;
}

static void ev_u32(struct ev_builder *b, unsigned i, uint32_t v)
{
	memcpy(b->store[i], &v, 4);
	b->params[i].val = b->store[i];
	b->params[i].len = 4;
	if (b->ev.nparams <= i)
		b->ev.nparams = i + 1;
}

static void ev_str(struct ev_builder *b, unsigned i, const char *s)
{
	size_t n = strlen(s) + 1;
	memcpy(b->store[i], s, n);
	b->params[i].val = b->store[i];
	b->params[i].len = (uint32_t)n;
	if (b->ev.nparams <= i)
		b->ev.nparams = i + 1;
}

static void ev_bytes(struct ev_builder *b, unsigned i, const void *p, size_t n)
{
	memcpy(b->store[i], p, n);
	b->params[i].val = b->store[i];
	b->params[i].len = (uint32_t)n;
	if (b->ev.nparams <= i)
		b->ev.nparams = i + 1;
}

static void feed(struct state *st, struct ev_builder *b)
{
	state_event(st, &b->ev);
	state_event_done(st);
}

/* A process 100 (bash) in /home/u with fd 0 = /dev/pts/0, as a capture's metadata holds. */
static void load_bash(struct state *st)
{
	struct scap_meta m;
	scap_meta_init(&m);
	struct scap_thread *t = scap_meta_thread_add(&m, 100);
	t->pid = 100;
	t->ptid = 1;
	t->block_type = 0x211;
	free(t->comm);
	t->comm = strdup("bash");
	free(t->cwd);
	t->cwd = strdup("/home/u");
	t->uid = 1000;
	struct scap_fd *f = scap_thread_add_fd(t, 0);
	f->type = SCAP_FD_FILE;
	free(f->name);
	f->name = strdup("/dev/pts/0");
	/* the metadata takes ownership of the strings */
	struct scap_user u = { .uid = 1000, .gid = 1000, .name = strdup("u"),
			       .homedir = strdup("/home/u"), .shell = strdup("/bin/bash") };
	scap_meta_add_user(&m, &u);
	state_load_meta(st, &m);
	scap_meta_free(&m);
}

static void open_exit(struct state *st, int64_t tid, int64_t fd, const char *path)
{
	struct ev_builder b;
	ev_init(&b, PPME_SYSCALL_OPEN_X, tid, 10);
	ev_i64(&b, 0, fd);
	ev_str(&b, 1, path);
	ev_u32(&b, 2, 1);
	feed(st, &b);
}

static void test_meta_load(void **unused)
{
	struct state st;
	state_init(&st);
	load_bash(&st);
	struct st_thread *t = state_thread(&st, 100);
	assert_non_null(t);
	assert_string_equal(t->comm, "bash");
	assert_true(t->live);
	struct st_fd *f = state_fd(&st, t, 0);
	assert_non_null(f);
	assert_string_equal(f->name, "/dev/pts/0");
	assert_string_equal(state_user(&st, 1000)->name, "u");
	assert_null(state_user(&st, 0));
	state_free(&st);
}

static void test_open_relative_and_close(void **unused)
{
	struct state st;
	state_init(&st);
	load_bash(&st);
	open_exit(&st, 100, 3, "../etc/./passwd");
	struct st_thread *t = state_thread(&st, 100);
	struct st_fd *f = state_fd(&st, t, 3);
	assert_non_null(f);
	assert_string_equal(f->name, "/home/etc/passwd");
	assert_int_equal(f->type, SCAP_FD_FILE);

	/* close enter then exit: the fd is the event's fd on both, and gone afterwards */
	struct ev_builder b;
	ev_init(&b, PPME_SYSCALL_CLOSE_E, 100, 20);
	ev_i64(&b, 0, 3);
	state_event(&st, &b.ev);
	assert_non_null(st.cur.fd);
	state_event_done(&st);
	ev_init(&b, PPME_SYSCALL_CLOSE_X, 100, 25);
	ev_i64(&b, 0, 0);
	state_event(&st, &b.ev);
	assert_non_null(st.cur.fd);
	assert_string_equal(st.cur.fd->name, "/home/etc/passwd");
	assert_int_equal(st.cur.latency, 5);
	state_event_done(&st);
	open_exit(&st, 100, 4, "/x");
	assert_null(state_fd(&st, t, 3));
	state_free(&st);
}

static void test_failed_open_adds_nothing(void **unused)
{
	struct state st;
	state_init(&st);
	load_bash(&st);
	open_exit(&st, 100, -2, "/nonexistent");
	struct st_thread *t = state_thread(&st, 100);
	assert_int_equal(t->fdt.n, 1);
	state_free(&st);
}

static void test_clone_execve(void **unused)
{
	struct state st;
	state_init(&st);
	load_bash(&st);
	open_exit(&st, 100, 3, "/tmp/log");

	/* the parent's clone exit returns the child's tid */
	struct ev_builder b;
	ev_init(&b, PPME_SYSCALL_CLONE_20_X, 100, 30);
	ev_i64(&b, 0, 200);
	ev_str(&b, 1, "bash");
	ev_bytes(&b, 2, "", 1);
	ev_i64(&b, 3, 100);
	ev_i64(&b, 4, 100);
	ev_i64(&b, 5, 1);
	ev_str(&b, 6, "/home/u");
	ev_u32(&b, 15, 0);
	feed(&st, &b);
	struct st_thread *c = state_thread(&st, 200);
	assert_non_null(c);
	assert_int_equal(c->pid, 200);
	assert_int_equal(c->ptid, 100);
	assert_string_equal(c->comm, "bash");
	assert_int_equal(c->uid, 1000);
	assert_non_null(state_fd(&st, c, 3));
	assert_string_equal(state_fd(&st, c, 3)->name, "/tmp/log");

	/* execve in the child */
	ev_init(&b, PPME_SYSCALL_EXECVE_19_X, 200, 40);
	ev_i64(&b, 0, 0);
	ev_str(&b, 1, "/bin/cat");
	ev_bytes(&b, 2, "/etc/hosts\0", 11);
	ev_i64(&b, 3, 200);
	ev_i64(&b, 4, 200);
	ev_i64(&b, 5, 100);
	ev_str(&b, 6, "/home/u");
	ev_str(&b, 13, "cat");
	feed(&st, &b);
	c = state_thread(&st, 200);
	assert_string_equal(c->comm, "cat");
	assert_string_equal(c->exe, "/bin/cat");
	assert_int_equal(c->args_len, 11);
	state_free(&st);
}

/* The resource counters sysdig keeps per thread: from the clone and execve exits, a switch,
 * setrlimit and prlimit on RLIMIT_NOFILE (7); a thread counted on its process. */
static void test_resources(void **unused)
{
	struct ev_builder b;
	struct state st;
	uint8_t nofile = 7, stack = 3;

	state_init(&st);
	load_bash(&st);
	struct st_thread *bash = state_thread(&st, 100);

	free(bash->env);
	bash->env = malloc(8);
	memcpy(bash->env, "A=1\0B=2\0", 8);
	bash->env_len = 8;

	/* fork: the child's own counters, its parent's environment, its clone time */
	ev_init(&b, PPME_SYSCALL_CLONE_20_X, 100, 30);
	ev_i64(&b, 0, 200);
	ev_str(&b, 1, "bash");
	ev_bytes(&b, 2, "", 1);
	ev_i64(&b, 3, 100);
	ev_i64(&b, 4, 100);
	ev_i64(&b, 5, 1);
	ev_str(&b, 6, "/home/u");
	ev_i64(&b, 7, 1024);
	ev_i64(&b, 8, 2);
	ev_i64(&b, 9, 30);
	ev_u32(&b, 10, 5000);
	ev_u32(&b, 11, 600);
	ev_u32(&b, 12, 7);
	ev_u32(&b, 15, 0);
	feed(&st, &b);
	struct st_thread *c = state_thread(&st, 200);

	assert_int_equal(c->fdlimit, 1024);
	assert_int_equal(c->pfmajor, 2);
	assert_int_equal(c->pfminor, 30);
	assert_int_equal(c->vmsize_kb, 5000);
	assert_int_equal(c->vmrss_kb, 600);
	assert_int_equal(c->vmswap_kb, 7);
	assert_int_equal(c->clone_ts, 30);
	assert_int_equal(c->env_len, 8);
	assert_memory_equal(c->env, "A=1\0B=2\0", 8);

	/* a thread of the child (PPM_CL_CLONE_THREAD): counted on its process, without the
	 * environment (read on the main thread) */
	ev_init(&b, PPME_SYSCALL_CLONE_20_X, 200, 35);
	ev_i64(&b, 0, 201);
	ev_str(&b, 1, "bash");
	ev_bytes(&b, 2, "", 1);
	ev_i64(&b, 3, 200);
	ev_i64(&b, 4, 200);
	ev_i64(&b, 5, 100);
	ev_str(&b, 6, "/home/u");
	ev_u32(&b, 15, 1u << 13);
	feed(&st, &b);
	assert_int_equal(state_thread(&st, 201)->pid, 200);
	assert_null(state_thread(&st, 201)->env);
	assert_int_equal(state_thread(&st, 200)->nchilds, 1);

	/* execve: the new environment and counters */
	ev_init(&b, PPME_SYSCALL_EXECVE_19_X, 200, 40);
	ev_i64(&b, 0, 0);
	ev_str(&b, 1, "/bin/cat");
	ev_bytes(&b, 2, "", 1);
	ev_i64(&b, 3, 200);
	ev_i64(&b, 4, 200);
	ev_i64(&b, 5, 100);
	ev_str(&b, 6, "/home/u");
	ev_i64(&b, 7, 4096);
	ev_i64(&b, 8, 3);
	ev_i64(&b, 9, 40);
	ev_u32(&b, 10, 6000);
	ev_u32(&b, 11, 700);
	ev_u32(&b, 12, 0);
	ev_str(&b, 13, "cat");
	ev_bytes(&b, 15, "C=3\0", 4);
	feed(&st, &b);
	c = state_thread(&st, 200);
	assert_int_equal(c->fdlimit, 4096);
	assert_int_equal(c->vmsize_kb, 6000);
	assert_int_equal(c->env_len, 4);
	assert_memory_equal(c->env, "C=3\0", 4);

	/* a switch away from the thread: its page faults, its process's sizes */
	ev_init(&b, PPME_SCHEDSWITCH_6_E, 201, 45);
	ev_i64(&b, 0, 0);
	ev_i64(&b, 1, 9);
	ev_i64(&b, 2, 90);
	ev_u32(&b, 3, 8000);
	ev_u32(&b, 4, 800);
	ev_u32(&b, 5, 8);
	feed(&st, &b);
	assert_int_equal(state_thread(&st, 201)->pfmajor, 9);
	assert_int_equal(state_thread(&st, 201)->pfminor, 90);
	assert_int_equal(c->vmsize_kb, 8000);
	assert_int_equal(c->vmswap_kb, 8);

	/* setrlimit(RLIMIT_NOFILE) in the thread sets its process's limit; another resource
	 * does not */
	ev_init(&b, PPME_SYSCALL_SETRLIMIT_E, 201, 50);
	ev_bytes(&b, 0, &nofile, 1);
	feed(&st, &b);
	ev_init(&b, PPME_SYSCALL_SETRLIMIT_X, 201, 51);
	ev_i64(&b, 0, 0);
	ev_i64(&b, 1, 256);
	ev_i64(&b, 2, 4096);
	feed(&st, &b);
	assert_int_equal(c->fdlimit, 256);
	ev_init(&b, PPME_SYSCALL_SETRLIMIT_E, 201, 52);
	ev_bytes(&b, 0, &stack, 1);
	feed(&st, &b);
	ev_init(&b, PPME_SYSCALL_SETRLIMIT_X, 201, 53);
	ev_i64(&b, 0, 0);
	ev_i64(&b, 1, 8192);
	ev_i64(&b, 2, -1);
	feed(&st, &b);
	assert_int_equal(c->fdlimit, 256);

	/* bash's prlimit on the child */
	ev_init(&b, PPME_SYSCALL_PRLIMIT_E, 100, 60);
	ev_i64(&b, 0, 200);
	ev_bytes(&b, 1, &nofile, 1);
	feed(&st, &b);
	ev_init(&b, PPME_SYSCALL_PRLIMIT_X, 100, 61);
	ev_i64(&b, 0, 0);
	ev_i64(&b, 1, 512);
	ev_i64(&b, 2, 4096);
	ev_i64(&b, 3, 256);
	ev_i64(&b, 4, 4096);
	feed(&st, &b);
	assert_int_equal(c->fdlimit, 512);
	assert_int_equal(state_thread(&st, 100)->fdlimit, 0);

	/* the thread exits: no longer counted */
	ev_init(&b, PPME_PROCEXIT_1_E, 201, 70);
	feed(&st, &b);
	assert_int_equal(c->nchilds, 0);
	state_free(&st);
}

static void test_dup_and_unknown_thread(void **unused)
{
	struct state st;
	state_init(&st);
	load_bash(&st);
	struct ev_builder b;
	ev_init(&b, PPME_SYSCALL_DUP_1_X, 100, 50);
	ev_i64(&b, 0, 7);
	ev_i64(&b, 1, 0);
	feed(&st, &b);
	struct st_thread *t = state_thread(&st, 100);
	assert_non_null(state_fd(&st, t, 7));
	assert_string_equal(state_fd(&st, t, 7)->name, "/dev/pts/0");

	/* a thread the metadata did not list: followed, but without process information */
	open_exit(&st, 999, 5, "/var/x");
	struct st_thread *u = state_thread(&st, 999);
	assert_non_null(u);
	assert_false(u->live);
	assert_string_equal(state_fd(&st, u, 5)->name, "/var/x");
	state_free(&st);
}

static void test_container_id(void **unused)
{
	char id[16];
	static const char cg[] =
		"cpuset=/\0cpu=/docker/"
		"3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e\0";
	state_container_id(cg, sizeof(cg) - 1, id);
	assert_string_equal(id, "3ad7b26ded6d");
	static const char host[] = "cpuset=/user.slice\0";
	state_container_id(host, sizeof(host) - 1, id);
	assert_string_equal(id, "host");
	static const char crio[] =
		"cpu=/kubepods.slice/crio-"
		"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.scope\0";
	state_container_id(crio, sizeof(crio) - 1, id);
	assert_string_equal(id, "0123456789ab");
}

/* A UDP socket sending without a bound address: the kernel's tuple says 0.0.0.0, sysdig 0.29
 * takes the capture's interface on the destination's subnet, else the first one that is not
 * loopback, else keeps 0 (socket exit, sendto enter and exit). */
static void udp_send(struct state *st, int64_t fd, const uint8_t dip[4], uint16_t dport)
{
	struct ev_builder b;
	uint8_t tuple[13] = { 2 };

	ev_init(&b, PPME_SOCKET_SOCKET_X, 100, 30);
	ev_i64(&b, 0, fd);
	ev_u32(&b, 1, 2);		/* AF_INET */
	ev_u32(&b, 2, 2);		/* SOCK_DGRAM */
	feed(st, &b);
	memcpy(tuple + 7, dip, 4);
	memcpy(tuple + 11, &dport, 2);
	ev_init(&b, PPME_SOCKET_SENDTO_E, 100, 31);
	ev_i64(&b, 0, fd);
	ev_u32(&b, 1, 4);
	ev_bytes(&b, 2, tuple, sizeof(tuple));
	feed(st, &b);
	ev_init(&b, PPME_SOCKET_SENDTO_X, 100, 32);
	ev_i64(&b, 0, 4);
	ev_bytes(&b, 1, "ping", 4);
	feed(st, &b);
}

static void load_with_interfaces(struct state *st, bool with_eth0)
{
	struct scap_meta m;
	scap_meta_init(&m);
	struct scap_thread *t = scap_meta_thread_add(&m, 100);
	t->pid = 100;
	t->block_type = 0x211;
	struct scap_iface lo = { .type = SCAP_IFACE_IPV4, .addr = { 127, 0, 0, 1 },
				 .netmask = { 255 }, .name = strdup("lo") };
	struct scap_iface eth0 = { .type = SCAP_IFACE_IPV4, .addr = { 192, 0, 2, 2 },
				   .netmask = { 255, 255, 255 }, .name = strdup("eth0") };
	scap_meta_add_iface(&m, &lo);
	if (with_eth0)
		scap_meta_add_iface(&m, &eth0);
	else
		free(eth0.name);
	state_load_meta(st, &m);
	scap_meta_free(&m);
}

static void test_udp_source_from_interfaces(void **unused)
{
	static const uint8_t on_eth0[4] = { 192, 0, 2, 9 }, far[4] = { 8, 8, 8, 8 };
	static const uint8_t lo[4] = { 127, 0, 0, 1 };
	struct state st;
	state_init(&st);
	load_with_interfaces(&st, true);
	struct st_thread *t = state_thread(&st, 100);
	udp_send(&st, 5, on_eth0, 53);
	assert_string_equal(state_fd(&st, t, 5)->name, "192.0.2.2:0->192.0.2.9:53");
	udp_send(&st, 6, far, 53);
	assert_string_equal(state_fd(&st, t, 6)->name, "192.0.2.2:0->8.8.8.8:53");
	udp_send(&st, 7, lo, 53);
	assert_string_equal(state_fd(&st, t, 7)->name, "127.0.0.1:0->127.0.0.1:53");
	/* the destination is the machine's own address: fd.is_server's test */
	assert_true(st_is_local_address(&st, t, false, state_fd(&st, t, 7)->dip));
	assert_false(st_is_local_address(&st, t, false, state_fd(&st, t, 6)->dip));
	state_free(&st);

	state_init(&st);
	load_with_interfaces(&st, false);
	t = state_thread(&st, 100);
	udp_send(&st, 5, far, 53);
	assert_string_equal(state_fd(&st, t, 5)->name, "0.0.0.0:0->8.8.8.8:53");
	state_free(&st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_meta_load),
		cmocka_unit_test(test_open_relative_and_close),
		cmocka_unit_test(test_failed_open_adds_nothing),
		cmocka_unit_test(test_clone_execve),
		cmocka_unit_test(test_resources),
		cmocka_unit_test(test_dup_and_unknown_thread),
		cmocka_unit_test(test_container_id),
		cmocka_unit_test(test_udp_source_from_interfaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
