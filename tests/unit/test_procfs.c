/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The /proc readers: parsers fed the kernel's exact text formats, and readers run on this
 * process after it opened known files (a pipe, a socket, a mapping).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "procfs/caps.h"
#include "procfs/container.h"
#include "procfs/net_sockets.h"
#include "procfs/proc_fds.h"
#include "procfs/proc_file.h"
#include "procfs/proc_maps.h"
#include "procfs/proc_task.h"
#include "procfs/tty_name.h"
#include "procfs/views.h"

static void test_stat_parse(void **state)
{
	/* A comm may hold spaces and ')': the fields start after the last ')'. */
	const char *line = "1234 (a) b (c)) S 1 1234 1234 34816 1234 4194560 100 0 0 0 "
			   "250 50 0 0 20 0 3 0 5000 10485760 300 18446744073709551615";
	struct proc_task t;
	memset(&t, 0, sizeof(t));
	assert_int_equal(proc_stat_parse(line, &t), 0);
	assert_int_equal(t.pid, 1234);
	assert_string_equal(t.comm, "a) b (c)");
	assert_int_equal(t.state, 'S');
	assert_int_equal(t.ppid, 1);
	assert_int_equal(t.tty_nr, 34816);
	assert_int_equal(t.utime, 250);
	assert_int_equal(t.stime, 50);
	assert_int_equal(t.priority, 20);
	assert_int_equal(t.num_threads, 3);
	assert_int_equal(t.starttime, 5000);
	assert_int_equal(t.vsize, 10485760);
	assert_int_equal(t.rss, 300);
	assert_int_equal(proc_stat_parse("1234 noparen S 1", &t), -EINVAL);
}

static void test_task_self(void **state)
{
	struct proc_task t;
	assert_int_equal(proc_task_read(getpid(), 0, 1, &t), 0);
	assert_int_equal(t.pid, getpid());
	assert_int_equal(t.ppid, getppid());
	assert_int_equal(t.uid[0], getuid());
	assert_true(t.have_ids);
	char *args = proc_task_args(&t);
	assert_non_null(strstr(args, "test_procfs"));
	free(args);
	proc_task_free(&t);
	/* A pid that does not exist: gone, not a crash. */
	assert_true(proc_gone(-proc_task_read(0x3ffffff, 0, 1, &t)));
	proc_task_free(&t);
}

static void test_field(void **state)
{
	const char *status = "Name:\tcat\nState:\tS (sleeping)\nSeccomp:\t2\nSeccomp_filters:\t1\n";
	char b[32];
	assert_string_equal(proc_field(status, "State", b, sizeof(b)), "S (sleeping)");
	assert_string_equal(proc_field(status, "Seccomp", b, sizeof(b)), "2");
	assert_string_equal(proc_field(status, "Seccomp_filters", b, sizeof(b)), "1");
	assert_null(proc_field(status, "Sec", b, sizeof(b)));
}

static void test_inet_lines(void **state)
{
	struct net_sock s;
	char b[80];
	assert_true(net_parse_inet_line(
		"   1: 0100007F:8F91 0200007F:1F90 01 00000005:00000007 00:00000000 00000000  "
		"1000        0 163490 1 0000000000000000 100 0 0 10 0", AF_INET, SP_TCP, &s));
	assert_int_equal(s.lport, 0x8f91);
	assert_int_equal(s.rport, 8080);
	assert_int_equal(s.state, 1);
	assert_int_equal(s.txq, 5);
	assert_int_equal(s.rxq, 7);
	assert_int_equal(s.uid, 1000);
	assert_int_equal(s.inode, 163490);
	assert_string_equal(net_format_addr(&s, 0, ADDR_LSOF, b, sizeof(b)), "127.0.0.1:36753");
	assert_string_equal(net_format_addr(&s, 1, ADDR_SS, b, sizeof(b)), "127.0.0.2:8080");
	assert_true(net_has_peer(&s));
	assert_string_equal(tcp_state_lsof(s.state), "ESTABLISHED");
	assert_string_equal(tcp_state_ss(s.state), "ESTAB");

	/* ::1 port 22, listening, no peer. */
	assert_true(net_parse_inet_line(
		"   0: 00000000000000000000000001000000:0016 00000000000000000000000000000000:0000 "
		"0A 00000000:00000000 00:00000000 00000000     0        0 1594 1 0 100 0 0 10 0",
		AF_INET6, SP_TCP, &s));
	assert_string_equal(net_format_addr(&s, 0, ADDR_LSOF, b, sizeof(b)), "[::1]:22");
	assert_string_equal(net_format_addr(&s, 1, ADDR_SS, b, sizeof(b)), "[::]:*");
	assert_string_equal(net_format_addr(&s, 1, ADDR_LSOF, b, sizeof(b)), "*:*");
	assert_false(net_has_peer(&s));
	assert_string_equal(tcp_state_lsof(s.state), "LISTEN");
	assert_false(net_parse_inet_line("  sl  local_address rem_address", AF_INET, SP_TCP, &s));
}

static void test_unix_line(void **state)
{
	struct net_sock s;
	assert_true(net_parse_unix_line("00000000cb1ace61: 00000002 00000000 00010000 0001 01 "
					"163495 /tmp/hd/held.sock", &s));
	assert_int_equal(s.kaddr, 0xcb1ace61ULL);
	assert_int_equal(s.refcnt, 2);
	assert_int_equal(s.flags, 1 << 16);
	assert_int_equal(s.type, SOCK_STREAM);
	assert_int_equal(s.inode, 163495);
	assert_string_equal(s.path, "/tmp/hd/held.sock");
	free(s.path);
	assert_true(net_parse_unix_line("0000000085908032: 00000003 00000000 00000000 0002 03 "
					"163497", &s));
	assert_null(s.path);
	assert_int_equal(s.type, SOCK_DGRAM);
	assert_int_equal(s.state, 3);
}

static void test_maps_line(void **state)
{
	struct map_file m;
	assert_true(proc_maps_parse_line("7f0c1c000000-7f0c1c002000 r--s 00000000 fe:00 10963148"
					 "                   /tmp/hd/mapped.bin\n", &m));
	assert_int_equal(m.major, 0xfe);
	assert_int_equal(m.minor, 0);
	assert_int_equal(m.inode, 10963148);
	assert_string_equal(m.path, "/tmp/hd/mapped.bin");
	assert_false(m.deleted);
	free(m.path);
	assert_true(proc_maps_parse_line("7f0c1c000000-7f0c1c002000 r--p 00000000 fe:00 99 "
					 "   /usr/lib/old.so (deleted)", &m));
	assert_true(m.deleted);
	assert_string_equal(m.path, "/usr/lib/old.so");
	free(m.path);
	assert_false(proc_maps_parse_line("7ffd0000-7ffd1000 rw-p 00000000 00:00 0   [stack]", &m));
}

static void test_container(void **state)
{
	const char *id = "4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";
	struct container_ref c;
	char text[512];
	static const struct {
		const char *fmt;
		const char *runtime;
	} cases[] = {
		{"12:pids:/docker/%s\n0::/\n", "docker"},
		{"0::/system.slice/docker-%s.scope\n", "docker"},
		{"0::/kubepods.slice/kubepods-pod1.slice/cri-containerd-%s.scope\n", "containerd"},
		{"0::/kubepods.slice/kubepods-burstable.slice/crio-%s.scope\n", "cri-o"},
		{"0::/machine.slice/libpod-%s.scope/container\n", "podman"},
		{"0::/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-%s.scope\n",
		 "podman"},
		{"11:memory:/kubepods/besteffort/pod0b6c/%s\n", "kubepods"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), cases[i].fmt, id);
		assert_true(container_from_cgroup(text, &c));
		assert_string_equal(c.id, id);
		assert_string_equal(c.runtime, cases[i].runtime);
	}
	assert_false(container_from_cgroup("0::/user.slice/user-0.slice/session-1.scope\n", &c));
	assert_false(container_from_cgroup(
		"4:memory:/process_api/98fb2e0cb1d7f9ceb173f6fc74ef741a\n", &c));
}

static void test_tty_caps(void **state)
{
	char b[16];
	assert_string_equal(tty_name(0, b, sizeof(b)), "?");
	assert_string_equal(tty_name(34816, b, sizeof(b)), "pts/0");	/* 136:0 */
	assert_string_equal(tty_name((136 << 8) | 5, b, sizeof(b)), "pts/5");
	assert_string_equal(tty_name((4 << 8) | 1, b, sizeof(b)), "tty1");
	assert_string_equal(tty_name((4 << 8) | 64, b, sizeof(b)), "ttyS0");
	assert_string_equal(cap_name(0), "cap_chown");
	assert_string_equal(cap_name(21), "cap_sys_admin");
	assert_string_equal(cap_name(40), "cap_checkpoint_restore");
	assert_null(cap_name(41));
	assert_int_equal(cap_count(), 41);
}

static void test_pid_set(void **state)
{
	struct pid_set s = { 0 };
	assert_int_equal(pid_set_parse(&s, "1,22 333"), 0);
	assert_int_equal(s.n, 3);
	assert_true(pid_set_has(&s, 22));
	assert_false(pid_set_has(&s, 2));
	assert_int_equal(pid_set_parse(&s, "12x"), -1);
	assert_int_equal(pid_set_parse(&s, "-5"), -1);
	free(s.v);
}

static const struct fd_entry *find_fd(const struct fd_list *l, int fd)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].kind == FD_NUM && l->v[i].fd == fd)
			return &l->v[i];
	return NULL;
}

static void test_fds_self(void **state)
{
	int p[2];
	assert_int_equal(pipe(p), 0);
	/* A UDP socket is in /proc/net/udp once it is bound. */
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in sin = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	assert_true(s >= 0);
	assert_int_equal(bind(s, (struct sockaddr *)&sin, sizeof(sin)), 0);
	char path[] = "/tmp/test_procfs_XXXXXX";
	int f = mkstemp(path);
	assert_true(f >= 0);
	assert_int_equal(ftruncate(f, 4096), 0);
	void *m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, f, 0);
	assert_true(m != MAP_FAILED);
	unlink(path);

	struct fd_list l;
	assert_int_equal(proc_fds_read(getpid(), 1, &l), 0);
	assert_int_equal(l.v[0].kind, FD_CWD);
	assert_int_equal(l.v[1].kind, FD_RTD);
	assert_string_equal(l.v[1].target, "/");
	assert_int_equal(l.v[2].kind, FD_TXT);
	const struct fd_entry *e = find_fd(&l, p[0]);
	assert_non_null(e);
	assert_memory_equal(e->target, "pipe:[", 6);
	assert_int_equal(e->flags & O_ACCMODE, O_RDONLY);
	e = find_fd(&l, p[1]);
	assert_int_equal(e->flags & O_ACCMODE, O_WRONLY);
	e = find_fd(&l, s);
	assert_true(fd_socket_inode(e->target) > 0);
	e = find_fd(&l, f);
	assert_true(e->deleted);
	assert_int_equal(e->flags & O_ACCMODE, O_RDWR);
	/* The deleted mapping appears as DEL with the path /proc/PID/maps gives. */
	int found = 0;
	for (size_t i = 0; i < l.n; i++)
		found |= l.v[i].kind == FD_DEL && !strcmp(l.v[i].target, path);
	assert_true(found);

	/* The socket is in our namespace's UDP table. */
	struct net_table t;
	assert_int_equal(net_table_load(0, &t), 0);
	const struct net_sock *ns = net_table_find(&t, fd_socket_inode(find_fd(&l, s)->target));
	assert_non_null(ns);
	assert_int_equal(ns->proto, SP_UDP);
	net_table_free(&t);
	fd_list_free(&l);
	munmap(m, 4096);
	close(f);
	close(s);
	close(p[0]);
	close(p[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stat_parse), cmocka_unit_test(test_task_self),
		cmocka_unit_test(test_field),	   cmocka_unit_test(test_inet_lines),
		cmocka_unit_test(test_unix_line),  cmocka_unit_test(test_maps_line),
		cmocka_unit_test(test_container),  cmocka_unit_test(test_tty_caps),
		cmocka_unit_test(test_pid_set),	   cmocka_unit_test(test_fds_self),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
