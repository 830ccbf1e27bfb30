/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The ptrace encoders (src/trace/encode/) against the event table: for every syscall with a
 * dedicated event, at its entry and at its exit, with arguments that fail and arguments that
 * point at real values (a path, a sockaddr, a msghdr, a connected socket of this process),
 * the encoder writes at most the table's parameters, and the event it makes has the table's
 * parameter count with values of the table's types. Syscalls of no table are generic events.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "capture/event_table.h"
#include "capture/scap_event.h"
#include "trace/encode/encode.h"

/* The tracee's memory: the values the arguments point at. */
static struct {
	char path[64];
	uint8_t data[64];
	struct sockaddr_in sin;
	socklen_t sinlen;
	struct iovec iov[2];
	struct msghdr mh;
	int optval;
	socklen_t optlen;
	int fds[2];
	uint64_t clone_args[11];
} mem;

static int in_mem(uint64_t addr, size_t n)
{
	uintptr_t lo = (uintptr_t)&mem, hi = lo + sizeof(mem);

	return addr >= lo && addr <= hi && n <= hi - addr;
}

static int mem_read(const struct mem_reader *m, uint64_t addr, void *buf, size_t n)
{
	if (!in_mem(addr, n))
		return -1;
	memcpy(buf, (const void *)(uintptr_t)addr, n);
	return 0;
}

static long mem_read_str(const struct mem_reader *m, uint64_t addr, char *buf, size_t n)
{
	uintptr_t hi = (uintptr_t)&mem + sizeof(mem);
	size_t len;

	if (!n || !in_mem(addr, 1))
		return -1;
	len = strnlen((const char *)(uintptr_t)addr, hi - addr < n ? hi - addr : n);
	memcpy(buf, (const void *)(uintptr_t)addr, len < n ? len + 1 : n);
	return (long)len;
}

static const struct mem_reader reader = { .read = mem_read, .read_str = mem_read_str };
static int udp_fd = -1;

static int setup(void **state)
{
	struct sockaddr_in self = {
		.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	socklen_t len = sizeof(self);

	strcpy(mem.path, "/etc/hostname");
	memcpy(mem.data, "0123456789abcdef", 16);
	udp_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	assert_true(udp_fd >= 0);
	assert_int_equal(bind(udp_fd, (struct sockaddr *)&self, sizeof(self)), 0);
	assert_int_equal(getsockname(udp_fd, (struct sockaddr *)&self, &len), 0);
	assert_int_equal(connect(udp_fd, (struct sockaddr *)&self, sizeof(self)), 0);
	mem.sin = self;
	mem.sinlen = sizeof(self);
	mem.iov[0] = (struct iovec){ mem.data, 8 };
	mem.iov[1] = (struct iovec){ mem.data + 8, 8 };
	mem.mh = (struct msghdr){ .msg_name = &mem.sin, .msg_namelen = sizeof(mem.sin),
				  .msg_iov = mem.iov, .msg_iovlen = 2 };
	mem.optval = 4096;
	mem.optlen = sizeof(mem.optval);
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, mem.fds), 0);
	return 0;
}

static int teardown(void **state)
{
	close(udp_fd);
	close(mem.fds[0]);
	close(mem.fds[1]);
	return 0;
}

/* The address an argument called NAME points at. */
static uint64_t pointer_arg(const char *name)
{
	static const struct { const char *name; const void *at; } ptrs[] = {
		{ "uargs", mem.clone_args }, { "msg", &mem.mh }, { "optval", &mem.optval },
		{ "optlen", &mem.optlen }, { "usockvec", mem.fds }, { "upeer_sockaddr", &mem.sin },
		{ "usockaddr", &mem.sin }, { "uservaddr", &mem.sin }, { "umyaddr", &mem.sin },
		{ "addr", &mem.sin }, { "upeer_addrlen", &mem.sinlen },
		{ "usockaddr_len", &mem.sinlen }, { "filename", mem.path },
	};

	for (size_t i = 0; i < sizeof(ptrs) / sizeof(ptrs[0]); i++)
		if (!strcmp(name, ptrs[i].name))
			return (uintptr_t)ptrs[i].at;
	return (uintptr_t)mem.data;
}

/* The value of an integer argument called NAME. */
static uint64_t int_arg(const char *name)
{
	static const struct { const char *name; uint64_t v; } ints[] = {
		{ "addrlen", sizeof(struct sockaddr_in) },
		{ "addr_len", sizeof(struct sockaddr_in) },
		{ "optlen", sizeof(int) }, { "count", 16 }, { "len", 16 }, { "size", 16 },
		{ "level", SOL_SOCKET }, { "optname", SO_RCVBUF }, { "family", AF_UNIX },
		{ "type", SOCK_STREAM }, { "backlog", 5 }, { "how", SHUT_RDWR },
		{ "mode", 0644 }, { "dfd", (uint64_t)AT_FDCWD },
	};

	for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++)
		if (!strcmp(name, ints[i].name))
			return ints[i].v;
	return 0;
}

/* Arguments of syscall NR that point at real values, by the kinds and names of the syscall
 * table. */
static void real_args(long nr, uint64_t a[6])
{
	const struct syscall_info *si = syscall_by_nr(nr);
	const char *names;

	memset(a, 0, 6 * sizeof(a[0]));
	assert_non_null(si);
	names = si->arg_names;
	for (unsigned i = 0; i < si->nargs && i < 6; i++) {
		char name[32];
		size_t n = strcspn(names, ",");

		snprintf(name, sizeof(name), "%.*s", (int)n, names);
		names += n + (names[n] == ',');
		switch (si->arg_kinds[i]) {
		case 'd':
			a[i] = !strcmp(name, "dfd") ? (uint64_t)AT_FDCWD : (uint64_t)udp_fd;
			break;
		case 'p':
			a[i] = (uintptr_t)mem.path;
			break;
		case 'a':
		case 's':
			a[i] = pointer_arg(name);
			break;
		default:
			a[i] = int_arg(name);
		}
	}
}

/* Is the value P one of TYPE? */
static void check_type(const struct scap_param *p, enum scap_param_type type,
		       const char *where)
{
	unsigned width = scap_param_type_width(type);
	const uint8_t *v = p->val;
	bool ok = true;

	if (width) {
		ok = p->len == width;
	} else if (!p->len) {
		ok = true;
	} else {
		switch (type) {
		case SCAP_PT_CHARBUF:
		case SCAP_PT_FSPATH:
		case SCAP_PT_FSRELPATH:
			ok = v[p->len - 1] == 0;
			break;
		case SCAP_PT_SOCKTUPLE:
			ok = (v[0] == AF_INET && p->len == 13) ||
			     (v[0] == AF_INET6 && p->len == 37) ||
			     (v[0] == AF_UNIX && p->len >= 18 && v[p->len - 1] == 0);
			break;
		case SCAP_PT_SOCKADDR:
			ok = (v[0] == AF_INET && p->len == 7) ||
			     (v[0] == AF_INET6 && p->len == 19) ||
			     (v[0] == AF_UNIX && p->len >= 2 && v[p->len - 1] == 0);
			break;
		case SCAP_PT_DYN:
			ok = p->len >= 1;
			break;
		default:
			break;
		}
	}
	if (!ok)
		fail_msg("%s: a value of %u bytes is no %s", where, p->len,
			 scap_param_type_name(type));
}

/* The event E makes at its entry or EXIT: what its encoder writes and the event recorded. */
static void check_event(const struct syscall_encoders *t, struct enc *e, bool exit,
			unsigned want_type)
{
	unsigned type = syscall_event(t, e->nr, exit);
	const struct scap_event_info *info = scap_event_info(type);
	struct scap_buf buf = { 0 };
	struct event_builder b;
	struct scap_param params[ENC_MAX_PARAMS];
	struct scap_event ev;
	char where[96], err[200];
	size_t len;

	snprintf(where, sizeof(where), "%s %s (code %u)", syscall_by_nr(e->nr)->name,
		 exit ? "exit" : "entry", type);
	assert_int_equal(type, want_type);
	assert_non_null(info);
	assert_true(info->nparams >= 0 && info->nparams <= ENC_MAX_PARAMS);
	/* with room for more than the table's count, the encoder writes at most that count */
	evb_begin(&b, &buf, 0, e->ev->pid, type, 64);
	e->b = &b;
	syscall_encode(t, e, exit);
	if (b.np > (unsigned)info->nparams)
		fail_msg("%s: %u parameters written, the table has %d", where, b.np, info->nparams);
	buf.len = 0;
	len = syscall_record(t, &buf, 1, e, exit);
	assert_true(len > 0);
	if (scap_event_parse(buf.p, len, &ev, params, ENC_MAX_PARAMS, err, sizeof(err)))
		fail_msg("%s: %s", where, err);
	assert_int_equal(ev.type, type);
	assert_int_equal(ev.nparams, info->nparams);
	assert_int_equal(ev.tid, e->ev->pid);
	for (unsigned i = 0; i < ev.nparams; i++) {
		char at[160];

		snprintf(at, sizeof(at), "%s parameter %u (%s)", where, i, info->params[i].name);
		check_type(&params[i], info->params[i].type, at);
	}
	scap_buf_free(&buf);
}

static void check_area(const struct syscall_encoder *area)
{
	struct syscall_encoders *t = malloc(sizeof(*t));
	struct tracer_event ev = { .kind = TEV_SYSCALL_EXIT, .pid = getpid(), .mem = &reader };
	const int64_t results[] = { -9 /* EBADF */, 0, 16 };

	assert_non_null(t);
	syscall_encoders_init(t);
	assert_true(area[0].nr >= 0);
	for (const struct syscall_encoder *c = area; c->nr >= 0; c++) {
		const struct scap_event_info *enter = scap_event_info(c->event);

		/* a dedicated pair: an enter code of a named event, its exit next */
		assert_int_equal(c->event % 2, 0);
		assert_non_null(enter);
		assert_string_not_equal(enter->name, "NA");
		assert_string_equal(enter->name, scap_event_info(c->event + 1)->name);
		for (int real = 0; real < 2; real++) {
			uint64_t a[6] = { 0 };
			struct enc e = { .ev = &ev, .nr = c->nr, .a = a, .snaplen = 80 };

			if (real)
				real_args(c->nr, a);
			check_event(t, &e, false, c->event);
			for (size_t r = 0; r < sizeof(results) / sizeof(results[0]); r++) {
				e.ret = results[r] == 16 && real ? udp_fd : results[r];
				check_event(t, &e, true, c->event + 1);
			}
		}
	}
	free(t);
}

static void test_fs_encoders(void **state)
{
	check_area(fs_encoders);
}

static void test_net_encoders(void **state)
{
	check_area(net_encoders);
}

static void test_process_encoders(void **state)
{
	check_area(process_encoders);
}

/* Each syscall has at most one encoder. */
static void test_one_encoder_per_syscall(void **state)
{
	const struct syscall_encoder *areas[] = { fs_encoders, net_encoders, process_encoders };
	unsigned seen[SYSCALL_NR_LIMIT] = { 0 };

	for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++)
		for (const struct syscall_encoder *c = areas[i]; c->nr >= 0; c++) {
			assert_true(c->nr < SYSCALL_NR_LIMIT);
			assert_non_null(syscall_by_nr(c->nr));
			assert_int_equal(seen[c->nr]++, 0);
		}
}

/* A syscall without a dedicated event: the generic one, its PPM_SC code and number. */
static void test_generic_event(void **state)
{
	struct syscall_encoders *t = malloc(sizeof(*t));
	struct tracer_event ev = { .pid = getpid(), .mem = &reader };
	long nr = syscall_nr_by_name("getpid");
	uint64_t a[6] = { 0 }, v;
	struct enc e = { .ev = &ev, .nr = nr, .a = a };

	assert_non_null(t);
	syscall_encoders_init(t);
	for (int exit = 0; exit < 2; exit++) {
		struct scap_buf buf = { 0 };
		struct scap_param params[4];
		struct scap_event out;
		char err[200];
		size_t len = syscall_record(t, &buf, 1, &e, exit);

		assert_int_equal(syscall_event(t, nr, exit), PPME_GENERIC_E + exit);
		assert_int_equal(scap_event_parse(buf.p, len, &out, params, 4, err, sizeof(err)),
				 0);
		assert_int_equal(out.nparams, 2);
		assert_true(scap_param_u64(&params[0], &v) && params[0].len == 2 && v != 0);
		assert_true(scap_param_u64(&params[1], &v) && params[1].len == 2);
		assert_int_equal(v, nr);
		scap_buf_free(&buf);
	}
	free(t);
}

/* procexit: the table's count and types; an exit with status 3, a kill by SIGKILL. */
static void test_procexit(void **state)
{
	const struct tracer_event evs[] = {
		{ .kind = TEV_EXITED, .pid = getpid(), .status = 3 },
		{ .kind = TEV_KILLED, .pid = getpid(), .sig = 9 },
	};
	const struct scap_event_info *info = scap_event_info(PPME_PROCEXIT_1_E);

	for (size_t k = 0; k < 2; k++) {
		struct scap_buf buf = { 0 };
		struct scap_param params[ENC_MAX_PARAMS];
		struct scap_event out;
		char err[200];
		size_t len = procexit_record(&buf, 1, &evs[k]);
		uint64_t status;

		assert_int_equal(scap_event_parse(buf.p, len, &out, params, ENC_MAX_PARAMS, err,
						  sizeof(err)), 0);
		assert_int_equal(out.type, PPME_PROCEXIT_1_E);
		assert_int_equal(out.nparams, info->nparams);
		for (unsigned i = 0; i < out.nparams; i++)
			check_type(&params[i], info->params[i].type, "procexit");
		assert_true(scap_param_u64(&params[0], &status));
		assert_int_equal(status, k ? 9 : 3 << 8);
		scap_buf_free(&buf);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fs_encoders),
		cmocka_unit_test(test_net_encoders),
		cmocka_unit_test(test_process_encoders),
		cmocka_unit_test(test_one_encoder_per_syscall),
		cmocka_unit_test(test_generic_event),
		cmocka_unit_test(test_procexit),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
