/* SPDX-License-Identifier: Apache-2.0 */
/*
 * syslog.* and fdlist.* on events built here and fed to the state layer, as sysdig 0.29's
 * syslog decoder and fdlist class read them: the priority's edge cases (no digits, a
 * non-digit, 15 digits at most, the wrap to -1), names past the tables, a NUL in the
 * message, the fd name test, a failed write, a sendto without its enter event; and each
 * fdlist field over sockets (with and without a tuple, listening on IPv4 and IPv6), a file,
 * an fd the table does not know. tests/e2e/cases/84-syslog.sh and 74-sysdig-opts.sh compare
 * the same fields with sysdig itself.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "capture/event_builder.h"
#include "fields/field_text.h"
#include "fields/sysdig.h"
#include "schema/event_codes.h"
#include "state/state.h"

#define TID 100

struct run {
	struct state st;
	struct field_ctx ctx;
	struct scap_buf buf;
	struct scap_param params[16];
	struct scap_event ev;
	struct out text;
};

static void run_init(struct run *x)
{
	memset(x, 0, sizeof(*x));
	state_init(&x->st);
	x->ctx.st = &x->st;
	struct st_thread *t = state_thread_add(&x->st, TID);

	t->pid = TID;
	t->live = true;
}

static void run_end(struct run *x)
{
	state_free(&x->st);
	field_ctx_free(&x->ctx);
	scap_buf_free(&x->buf);
	out_free(&x->text);
}

static struct st_fd *add_fd(struct run *x, int64_t fd, uint8_t type, const char *name)
{
	struct st_fd *f = state_fd_add(&x->st, state_thread(&x->st, TID), fd);

	f->type = type;
	free(f->name);
	f->name = strdup(name);
	return f;
}

/* Feeds the record begun in B to the state. */
static void feed(struct run *x, struct event_builder *b)
{
	char err[200];
	size_t len = evb_end(b);

	state_event_done(&x->st);
	if (scap_event_parse(x->buf.p + b->start, len, &x->ev, x->params, 16, err, sizeof(err)))
		fail_msg("event: %s", err);
	state_event(&x->st, &x->ev);
}

/* An enter event (fd) of TYPE, then its exit (res, data), as the eBPF source writes them. */
static void write_call(struct run *x, unsigned exit_type, int64_t fd, int64_t res,
		       const void *data, size_t n, bool with_enter)
{
	struct event_builder b;

	if (with_enter) {
		evb_begin(&b, &x->buf, 1, TID, exit_type - 1, 2);
		evb_param(&b, &fd, 8);
		evb_u32(&b, (uint32_t)n);
		feed(x, &b);
	}
	evb_begin(&b, &x->buf, 2, TID, exit_type, 2);
	evb_param(&b, &res, 8);
	evb_param(&b, data, n);
	feed(x, &b);
}

/* FIELD's text on the current event, "<NA>" when it has none. */
static const char *text_of(struct run *x, const char *field)
{
	struct field_ref ref;
	struct field_error err;
	struct field_value v[FIELD_MAX_VALUES];

	if (!field_resolve(sysdig_field_registry(), field, &ref, &err))
		fail_msg("%s: %s", field, err.msg);
	x->text.len = 0;
	if (field_extract(&ref, &x->ev, &x->ctx, v))
		field_value_text(&v[0], BUF_NORMAL, &x->text);
	else
		out_puts(&x->text, "<NA>");
	out_putc(&x->text, 0);
	field_ref_free(&ref);
	return x->text.buf;
}

static void expect_syslog(struct run *x, const char *buf, const char *fac, const char *facstr,
			  const char *sev, const char *msg)
{
	write_call(x, PPME_SYSCALL_WRITE_X, 3, (int64_t)strlen(buf), buf, strlen(buf), true);
	assert_string_equal(text_of(x, "syslog.facility"), fac);
	assert_string_equal(text_of(x, "syslog.facility.str"), facstr);
	assert_string_equal(text_of(x, "syslog.severity.str"), sev);
	assert_string_equal(text_of(x, "syslog.message"), msg);
}

static void test_syslog_priority(void **state)
{
	struct run x;

	(void)state;
	run_init(&x);
	add_fd(&x, 3, SCAP_FD_UNIX_SOCK, "ffff1->ffff2 /run/dev/log");
	expect_syslog(&x, "<13>hello\n", "1", "user", "notice", "hello\n");
	expect_syslog(&x, "<0>", "0", "kern", "emerg", "");
	expect_syslog(&x, "<191>x", "23", "local7", "debug", "x");
	expect_syslog(&x, "<192>x", "24", "<NA>", "emerg", "x");
	/* the first byte is not looked at; the priority ends at '>' or a NUL */
	expect_syslog(&x, "x13>y", "1", "user", "notice", "y");
	/* 15 digits at most (999999999999999, wrapping as a 32-bit signed number) */
	expect_syslog(&x, "<9999999999999999>z", "4103655423", "<NA>", "debug", ">z");
	/* no syslog fields: no digits, a non-digit, no '>' before the end, a wrap to -1 */
	expect_syslog(&x, "<>x", "<NA>", "<NA>", "<NA>", "<NA>");
	expect_syslog(&x, "<1x>x", "<NA>", "<NA>", "<NA>", "<NA>");
	expect_syslog(&x, "<13", "<NA>", "<NA>", "<NA>", "<NA>");
	expect_syslog(&x, "<4294967295>x", "<NA>", "<NA>", "<NA>", "<NA>");
	run_end(&x);
}

static void test_syslog_which_writes(void **state)
{
	struct run x;
	static const char nul[] = "<14>a\0b";
	struct field_ref ref;
	struct field_error err;
	struct field_value v[FIELD_MAX_VALUES];

	(void)state;
	run_init(&x);
	add_fd(&x, 3, SCAP_FD_UNIX_SOCK, "ffff1->ffff2 /run/dev/log");
	add_fd(&x, 4, SCAP_FD_FILE_V2, "/var/log/messages");
	add_fd(&x, 5, SCAP_FD_FILE_V2, "/tmp/dev/logfile");
	/* a NUL inside: a chisel gets all of it, a template stops at the NUL */
	write_call(&x, PPME_SYSCALL_WRITE_X, 3, 7, nul, 7, true);
	assert_true(field_resolve(sysdig_field_registry(), "syslog.message", &ref, &err));
	assert_int_equal(field_extract(&ref, &x.ev, &x.ctx, v), 1);
	assert_int_equal(v[0].s.len, 3);
	field_ref_free(&ref);
	assert_string_equal(text_of(&x, "syslog.message"), "a");
	/* the fd's name decides, not what it is */
	write_call(&x, PPME_SYSCALL_WRITE_X, 4, 4, "<13>", 4, true);
	assert_string_equal(text_of(&x, "syslog.severity"), "<NA>");
	write_call(&x, PPME_SYSCALL_PWRITE_X, 5, 5, "<13>f", 5, true);
	assert_string_equal(text_of(&x, "syslog.message"), "f");
	/* a failed write, a read, and a sendto whose enter event was not seen have none */
	write_call(&x, PPME_SYSCALL_WRITE_X, 3, -11, "<13>f", 5, true);
	assert_string_equal(text_of(&x, "syslog.message"), "<NA>");
	write_call(&x, PPME_SYSCALL_READ_X, 3, 5, "<13>f", 5, true);
	assert_string_equal(text_of(&x, "syslog.message"), "<NA>");
	write_call(&x, PPME_SOCKET_SENDMSG_X, 3, 5, "<13>m", 5, true);
	assert_string_equal(text_of(&x, "syslog.message"), "m");
	write_call(&x, PPME_SOCKET_SENDTO_X, 3, 5, "<13>t", 5, false);
	assert_string_equal(text_of(&x, "syslog.message"), "<NA>");
	run_end(&x);
}

/* A poll exit over FDS (numbers), its fds parameter as the driver writes it. */
static void poll_exit(struct run *x, const int64_t *fds, uint16_t n)
{
	struct event_builder b;
	uint8_t list[2 + 16 * 10];
	int64_t res = n;

	memcpy(list, &n, 2);
	for (uint16_t i = 0; i < n; i++) {
		memcpy(list + 2 + i * 10, &fds[i], 8);
		memset(list + 2 + i * 10 + 8, 0, 2);
	}
	evb_begin(&b, &x->buf, 3, TID, PPME_SYSCALL_POLL_X, 2);
	evb_param(&b, &res, 8);
	evb_param(&b, list, 2 + (size_t)n * 10);
	feed(x, &b);
}

static void test_fdlist(void **state)
{
	struct run x;
	static const int64_t fds[] = { 3, 4, 5, 6, 7, 8, 9, -1 };

	(void)state;
	run_init(&x);
	struct st_fd *f = add_fd(&x, 3, SCAP_FD_IPV4_SOCK, "127.0.0.1:40000->127.0.0.1:80");

	memcpy(f->sip, (uint8_t[]){ 127, 0, 0, 1 }, 4);
	memcpy(f->dip, (uint8_t[]){ 127, 0, 0, 1 }, 4);
	f->sport = 40000;
	f->dport = 80;
	/* a socket without a tuple yet: 0.0.0.0 and port 0 */
	add_fd(&x, 4, SCAP_FD_IPV4_SOCK, "");
	f = add_fd(&x, 5, SCAP_FD_IPV4_SERVSOCK, "10.0.0.1:80");
	memcpy(f->sip, (uint8_t[]){ 10, 0, 0, 1 }, 4);
	f->sport = 80;
	/* an IPv6 listening address prints as the IPv4 address of its first bytes */
	f = add_fd(&x, 6, SCAP_FD_IPV6_SERVSOCK, ":::443");
	memcpy(f->sip, (uint8_t[]){ 0x20, 0x01, 0x0d, 0xb8, [15] = 1 }, 16);
	f->v6 = true;
	f = add_fd(&x, 7, SCAP_FD_IPV6_SOCK, "x");
	memcpy(f->sip, (uint8_t[]){ [15] = 1 }, 16);
	memcpy(f->dip, (uint8_t[]){ 0xfe, 0x80, [15] = 2 }, 16);
	f->v6 = true;
	f->sport = 1;
	f->dport = 2;
	add_fd(&x, 8, SCAP_FD_FILE_V2, "/etc/passwd");
	add_fd(&x, 9, SCAP_FD_FILE_V2, "");
	poll_exit(&x, fds, 8);
	assert_string_equal(text_of(&x, "fdlist.nums"), "3,4,5,6,7,8,9,-1");
	assert_string_equal(text_of(&x, "fdlist.names"),
			    "127.0.0.1:40000->127.0.0.1:80,<NA>,10.0.0.1:80,:::443,x,/etc/passwd,"
			    "<NA>,<NA>");
	assert_string_equal(text_of(&x, "fdlist.cips"), "127.0.0.1,0.0.0.0,::1");
	assert_string_equal(text_of(&x, "fdlist.sips"),
			    "127.0.0.1,0.0.0.0,10.0.0.1,32.1.13.184,fe80::2");
	assert_string_equal(text_of(&x, "fdlist.cports"), "40000,0,1");
	assert_string_equal(text_of(&x, "fdlist.sports"), "80,0,2");
	/* no fds, or no socket among them: no value */
	poll_exit(&x, fds, 0);
	assert_string_equal(text_of(&x, "fdlist.nums"), "<NA>");
	poll_exit(&x, fds + 5, 2);
	assert_string_equal(text_of(&x, "fdlist.cips"), "<NA>");
	assert_string_equal(text_of(&x, "fdlist.names"), "/etc/passwd,<NA>");
	run_end(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_syslog_priority),
		cmocka_unit_test(test_syslog_which_writes),
		cmocka_unit_test(test_fdlist),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
