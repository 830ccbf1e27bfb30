/* SPDX-License-Identifier: Apache-2.0 */
/*
 * state_save_meta(): a capture section's metadata loaded into the state and written back
 * gives the same threads, fds (a server's end of a connection local end first again), users,
 * groups and interfaces.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "capture/scap_meta.h"
#include "state/state.h"

static const uint8_t lo[4] = { 127, 0, 0, 1 }, peer[4] = { 10, 1, 2, 3 };

static void set(char **dst, const char *s)
{
	free(*dst);
	*dst = strdup(s);
}

static struct scap_fd *ipv4(struct scap_thread *t, int64_t fd, uint8_t type, uint16_t sport,
			    const uint8_t *dip, uint16_t dport)
{
	struct scap_fd *f = scap_thread_add_fd(t, fd);

	f->type = type;
	f->l4proto = 2;
	memcpy(f->sip, lo, 4);
	if (dip)
		memcpy(f->dip, dip, 4);
	f->sport = sport;
	f->dport = dport;
	f->name = strdup("");
	return f;
}

/* A web server (pid 100, a second thread 101) listening on 8080 with one client connected,
 * itself connected to a database; users, groups, an interface. */
static void make_meta(struct scap_meta *m)
{
	struct scap_thread *t = scap_meta_thread_add(m, 100);

	t->block_type = 0x222;
	t->pid = 100;
	t->ptid = 1;
	t->uid = 33;
	t->gid = 33;
	set(&t->comm, "nginx");
	set(&t->exe, "nginx");
	set(&t->exepath, "/usr/sbin/nginx");
	set(&t->cwd, "/var/www/");
	t->args = malloc(12);
	memcpy(t->args, "-g\0daemon;\0", 11);
	t->args_len = 11;
	struct scap_fd *f = scap_thread_add_fd(t, 3);

	f->type = SCAP_FD_FILE;
	f->name = strdup("/var/log/nginx/access.log");
	ipv4(t, 4, SCAP_FD_IPV4_SERVSOCK, 8080, NULL, 0);
	/* the kernel's view: local end first; local port 8080 is the server's */
	ipv4(t, 5, SCAP_FD_IPV4_SOCK, 8080, peer, 51000);
	ipv4(t, 6, SCAP_FD_IPV4_SOCK, 40000, peer, 5432);
	t = scap_meta_thread_add(m, 101);
	t->block_type = 0x222;
	t->pid = 100;
	t->ptid = 1;
	set(&t->comm, "nginx");
	scap_meta_add_user(m, &(struct scap_user){ .uid = 33, .name = strdup("www-data"),
						   .homedir = strdup("/var/www"),
						   .shell = strdup("/usr/sbin/nologin") });
	scap_meta_add_group(m, &(struct scap_group){ .gid = 33, .name = strdup("www-data") });
	struct scap_iface ifc = { .type = SCAP_IFACE_IPV4, .name = strdup("lo") };

	memcpy(ifc.addr, lo, 4);
	memset(ifc.netmask, 0xff, 1);
	scap_meta_add_iface(m, &ifc);
}

static const struct scap_fd *fd_of(const struct scap_thread *t, int64_t fd)
{
	for (size_t i = 0; i < t->nfds; i++)
		if (t->fds[i].fd == fd)
			return &t->fds[i];
	return NULL;
}

static void test_round_trip(void **state)
{
	struct scap_meta in, out;
	struct state st;

	scap_meta_init(&in);
	scap_meta_init(&out);
	make_meta(&in);
	state_init(&st);
	state_load_meta(&st, &in);
	/* the state names the accepted connection client -> server */
	struct st_fd *sf = state_fd(&st, state_thread(&st, 100), 5);

	assert_non_null(sf);
	assert_int_equal(sf->sport, 51000);
	assert_int_equal(sf->dport, 8080);
	state_save_meta(&st, &out);

	assert_int_equal(out.nthreads, 2);
	const struct scap_thread *t = scap_meta_thread(&out, 100);
	const struct scap_thread *t2 = scap_meta_thread(&out, 101);

	assert_non_null(t);
	assert_non_null(t2);
	assert_int_equal(t->pid, 100);
	assert_int_equal(t->ptid, 1);
	assert_int_equal(t->uid, 33);
	assert_string_equal(t->comm, "nginx");
	assert_string_equal(t->exepath, "/usr/sbin/nginx");
	assert_string_equal(t->cwd, "/var/www/");
	assert_int_equal(t->args_len, 11);
	assert_memory_equal(t->args, "-g\0daemon;\0", 11);
	assert_int_not_equal(t->block_type, 0);
	/* a process's fds are its main thread's */
	assert_int_equal(t->nfds, 4);
	assert_int_equal(t2->nfds, 0);
	assert_int_equal(t2->pid, 100);
	const struct scap_fd *f = fd_of(t, 3);

	assert_non_null(f);
	assert_int_equal(f->type, SCAP_FD_FILE);
	assert_string_equal(f->name, "/var/log/nginx/access.log");
	f = fd_of(t, 4);
	assert_int_equal(f->type, SCAP_FD_IPV4_SERVSOCK);
	assert_int_equal(f->sport, 8080);
	/* local end first again, as the kernel's tables and readers have it */
	for (int64_t fd = 5; fd <= 6; fd++) {
		const struct scap_fd *a = fd_of(&in.threads[0], fd), *b = fd_of(t, fd);

		assert_non_null(b);
		assert_int_equal(b->type, SCAP_FD_IPV4_SOCK);
		assert_memory_equal(b->sip, a->sip, 4);
		assert_memory_equal(b->dip, a->dip, 4);
		assert_int_equal(b->sport, a->sport);
		assert_int_equal(b->dport, a->dport);
	}
	assert_int_equal(out.nusers, 1);
	assert_string_equal(out.users[0].name, "www-data");
	assert_string_equal(out.users[0].shell, "/usr/sbin/nologin");
	assert_int_equal(out.ngroups, 1);
	assert_string_equal(out.groups[0].name, "www-data");
	assert_int_equal(out.nifaces, 1);
	assert_memory_equal(out.ifaces[0].addr, lo, 4);

	/* and loaded again, the state is the same */
	struct state st2;

	state_init(&st2);
	state_load_meta(&st2, &out);
	sf = state_fd(&st2, state_thread(&st2, 100), 5);
	assert_int_equal(sf->sport, 51000);
	assert_int_equal(sf->dport, 8080);
	state_free(&st2);
	state_free(&st);
	scap_meta_free(&in);
	scap_meta_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
