/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The filter language: parsing, precedence, every operator on fake events through a test
 * field registry, error positions and messages, pushdown sets, and (when sysdig is
 * installed) which filters sysdig 0.29 accepts and rejects.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "fields/sysdig.h"
#include "filter/filter.h"
#include "util/util.h"

/* ---- a fake event and the fields that read it ---- */

struct fake_event {
	const char *type;
	uint64_t num;
	int64_t rawres;
	uint64_t latency;
	bool failed;
	const char *proc_name;
	int64_t pid;
	const char *anames[3];		/* proc.aname[0..2] */
	const char *fd_name;		/* NULL: the event has no fd */
	const char *user;
	const char *cip, *sip;		/* dotted or colon text; NULL: not a socket */
	uint16_t sport;
	const char *buffer;
	size_t buflen;
	const char *arg_names[2], *arg_values[2];
};

enum { F_TYPE, F_NUM, F_RAWRES, F_LATENCY, F_FAILED, F_PNAME, F_PID, F_ANAME, F_FDNAME,
       F_USER, F_SIP, F_IP, F_NET, F_SPORT, F_BUFFER, F_ARG };

static void set_ip(struct field_value *v, const char *text)
{
	memset(v, 0, sizeof(*v));
	v->type = FT_IPADDR;
	v->ip.family = strchr(text, ':') ? AF_INET6 : AF_INET;
	assert_int_equal(inet_pton(v->ip.family, text, v->ip.addr), 1);
}

static void set_str(struct field_value *v, const char *s, size_t len)
{
	v->type = FT_CHARBUF;
	v->s.ptr = s;
	v->s.len = len;
}

/* fd.ip and fd.net fill two values */
_Static_assert(FIELD_MAX_VALUES >= 2, "room for a client and a server address");

static size_t extract(const struct field_ref *ref, const void *event, void *ctx,
		      struct field_value *out)
{
	const struct field_desc *f = ref->field;
	const struct field_arg *arg = &ref->arg;
	const struct fake_event *e = event;

	(void)ctx;
	out->type = f->type;
	switch (f->id) {
	case F_TYPE: set_str(out, e->type, strlen(e->type)); return 1;
	case F_NUM: out->u = e->num; return 1;
	case F_RAWRES: out->i = e->rawres; return 1;
	case F_LATENCY: out->u = e->latency; return 1;
	case F_FAILED: out->b = e->failed; return 1;
	case F_PNAME: set_str(out, e->proc_name, strlen(e->proc_name)); return 1;
	case F_PID: out->i = e->pid; return 1;
	case F_ANAME: {
		int64_t i = arg->present ? arg->index : 0;
		if (i < 0 || i > 2 || !e->anames[i])
			return 0;
		set_str(out, e->anames[i], strlen(e->anames[i]));
		return 1;
	}
	case F_FDNAME:
		if (!e->fd_name)
			return 0;
		set_str(out, e->fd_name, strlen(e->fd_name));
		return 1;
	case F_USER: set_str(out, e->user, strlen(e->user)); return 1;
	case F_SIP:
		if (!e->sip)
			return 0;
		set_ip(out, e->sip);
		return 1;
	case F_IP:
	case F_NET:
		/* Both ends: fd.ip matches either, as in sysdig. */
		if (!e->sip)
			return 0;
		set_ip(&out[0], e->cip);
		set_ip(&out[1], e->sip);
		return 2;
	case F_SPORT:
		if (!e->sip)
			return 0;
		out->u = e->sport;
		return 1;
	case F_BUFFER:
		if (!e->buffer)
			return 0;
		set_str(out, e->buffer, e->buflen);
		out->type = FT_BYTEBUF;
		return 1;
	case F_ARG:
		for (int i = 0; i < 2; i++) {
			if (!e->arg_names[i])
				continue;
			if ((arg->is_index && arg->index == i) ||
			    (!arg->is_index && strcmp(arg->name, e->arg_names[i]) == 0)) {
				set_str(out, e->arg_values[i], strlen(e->arg_values[i]));
				return 1;
			}
		}
		return 0;
	}
	return 0;
}

#define TF(n, t, a, r, i) { .name = n, .type = FT_##t, .arg_flags = a, .role = r, \
			    .desc = "test", .extract = extract, .id = i }
static const struct field_desc test_fields[] = {
	TF("evt.type", CHARBUF, 0, FR_EVT_TYPE, F_TYPE),
	TF("evt.num", UINT64, 0, FR_NONE, F_NUM),
	TF("evt.rawres", INT64, 0, FR_NONE, F_RAWRES),
	TF("evt.latency", RELTIME, 0, FR_NONE, F_LATENCY),
	TF("evt.failed", BOOL, 0, FR_NONE, F_FAILED),
	TF("proc.name", CHARBUF, 0, FR_PROC_NAME, F_PNAME),
	TF("proc.pid", INT64, 0, FR_PROC_PID, F_PID),
	TF("proc.aname", CHARBUF, FA_INDEX, FR_NONE, F_ANAME),
	TF("fd.name", CHARBUF, 0, FR_NONE, F_FDNAME),
	TF("user.name", CHARBUF, 0, FR_NONE, F_USER),
	TF("fd.sip", IPADDR, 0, FR_NONE, F_SIP),
	TF("fd.ip", IPADDR, 0, FR_NONE, F_IP),
	TF("fd.net", IPNET, 0, FR_NONE, F_NET),
	TF("fd.sport", PORT, 0, FR_NONE, F_SPORT),
	TF("evt.buffer", BYTEBUF, 0, FR_NONE, F_BUFFER),
	TF("evt.arg", CHARBUF, FA_DOT | FA_INDEX | FA_REQUIRED, FR_NONE, F_ARG),
};

static const struct field_class test_class = {
	.name = "test", .desc = "test", .fields = test_fields, .nfields = ARRAY_SIZE(test_fields),
};
static const struct field_class *const test_classes[] = { &test_class };
static const struct field_registry test_reg = { test_classes, ARRAY_SIZE(test_classes) };
static const struct field_registry *sysdig_reg;

static const struct fake_event cat_open = {
	.type = "openat", .num = 7, .rawres = 3, .latency = 1500, .proc_name = "cat",
	.pid = 1234, .anames = { "cat", "bash", "sshd" }, .fd_name = "/etc/passwd",
	.user = "alice", .arg_names = { "fd", "name" }, .arg_values = { "3", "/etc/passwd" },
};

static const struct fake_event nginx_accept = {
	.type = "accept", .num = 8, .rawres = 5, .proc_name = "nginx", .pid = 80,
	.anames = { "nginx" }, .fd_name = "10.1.2.3:41000->192.168.0.1:80", .user = "www-data",
	.cip = "10.1.2.3", .sip = "192.168.0.1", .sport = 80,
};

static const struct fake_event curl_read = {
	.type = "read", .num = 9, .rawres = -11, .failed = true, .proc_name = "curl",
	.pid = 4321, .anames = { "curl", "bash" }, .fd_name = "/var/cache/apt/pkgcache.bin",
	.user = "root", .cip = "2001:db8::1", .sip = "2001:db8::2", .sport = 443,
	.buffer = "GET / HTTP/1.1\0Host", .buflen = 19,
};

static bool match_on(const struct field_registry *reg, const char *text,
		     const struct fake_event *e)
{
	struct filter_error err;
	struct filter *f = filter_compile(text, reg, &err);

	if (!f)
		fail_msg("'%s' did not compile: column %zu: %s", text, err.pos + 1, err.msg);
	bool r = filter_match(f, e, NULL);
	filter_free(f);
	return r;
}

static bool m(const char *text, const struct fake_event *e)
{
	return match_on(&test_reg, text, e);
}

static int setup(void **state)
{
	(void)state;
	sysdig_reg = sysdig_field_registry();
	return 0;
}

/* ---- parsing ---- */

static const char *const seeds[] = {
	"proc.name=cat",
	"evt.type=accept and proc.name!=nginx",
	"evt.type=open and fd.name contains /etc",
	"user.name=alice",
	"fd.name contains /var/cache",
};

static void test_seeds_compile_against_sysdig_fields(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(seeds); i++) {
		struct filter_error err;
		struct filter *f = filter_compile(seeds[i], sysdig_reg, &err);
		if (!f)
			fail_msg("seed '%s': %s", seeds[i], err.msg);
		filter_free(f);
	}
}

static void test_seeds_match(void **state)
{
	(void)state;
	assert_true(m("proc.name=cat", &cat_open));
	assert_false(m("proc.name=cat", &nginx_accept));
	assert_false(m("evt.type=accept and proc.name!=nginx", &nginx_accept));
	assert_false(m("evt.type=accept and proc.name!=nginx", &cat_open));
	assert_true(m("evt.type=openat and fd.name contains /etc", &cat_open));
	assert_true(m("user.name=alice", &cat_open));
	assert_false(m("user.name=alice", &curl_read));
	assert_true(m("fd.name contains /var/cache", &curl_read));
	assert_false(m("fd.name contains /var/cache", &cat_open));
}

static void test_empty_filter_matches_everything(void **state)
{
	(void)state;
	assert_true(m("", &cat_open));
	assert_true(m("   ", &nginx_accept));
	assert_true(filter_match(NULL, &cat_open, NULL));
}

static void test_precedence_and_parentheses(void **state)
{
	(void)state;
	/* not binds tighter than and / or. */
	assert_true(m("not proc.name=nginx and evt.type=openat", &cat_open));
	assert_false(m("not proc.name=cat and evt.type=openat", &cat_open));
	assert_true(m("not (proc.name=cat and evt.type=read)", &cat_open));
	assert_true(m("not not proc.name=cat", &cat_open));
	assert_true(m("notproc.name=nginx", &cat_open));
	assert_true(m("proc.name=cat and (evt.type=read or evt.type=openat)", &cat_open));
	assert_false(m("(proc.name=cat and evt.type=read) or evt.type=accept", &cat_open));
	assert_true(m("(proc.name=cat and evt.type=read) or evt.type=accept", &nginx_accept));
	assert_true(m("((((proc.name=cat))))", &cat_open));
	assert_true(m("proc.name=x or proc.name=y or proc.name=cat", &cat_open));
	assert_true(m("evt.num=7 and evt.num>=7 and evt.num<=7", &cat_open));
	assert_true(m("evt.num=7 andevt.type=openat", &cat_open));
}

/* Hostile filters: a chain of 32,000 `not` (which recursed once per `not` in the parser,
 * the compiler and every walk of the tree, and overflowed the stack) and a list of 60,000
 * values (each value's buffer was sized to all the text after it and kept: 455 MB). */
static void test_long_chains(void **state)
{
	enum { NOTS = 32000, VALUES = 60000 };
	size_t size = NOTS * 4 + VALUES * 8 + 64, n = 0;
	char *text = xmalloc(size);

	(void)state;
	for (int i = 0; i < NOTS; i++)
		n += (size_t)sprintf(text + n, "not ");
	sprintf(text + n, "proc.name=cat");
	assert_true(m(text, &cat_open));
	sprintf(text + n, "not proc.name=cat");
	assert_false(m(text, &cat_open));

	n = (size_t)sprintf(text, "fd.name in (");
	for (int i = 0; i < VALUES; i++)
		n += (size_t)sprintf(text + n, "%s/%d", i ? "," : "", i);
	sprintf(text + n, ",/etc/passwd)");
	assert_true(m(text, &cat_open));
	assert_false(m(text, &nginx_accept));
	free(text);
}

/* ---- every operator ---- */

static void test_string_operators(void **state)
{
	(void)state;
	assert_true(m("proc.name==cat", &cat_open));
	assert_true(m("proc.name = cat", &cat_open));
	assert_true(m("proc.name!=ca", &cat_open));
	assert_true(m("fd.name contains passwd", &cat_open));
	assert_true(m("fd.name icontains PASSWD", &cat_open));
	assert_false(m("fd.name contains PASSWD", &cat_open));
	assert_true(m("fd.name startswith /etc/", &cat_open));
	assert_false(m("fd.name startswith etc", &cat_open));
	assert_true(m("fd.name endswith wd", &cat_open));
	assert_true(m("fd.name glob /etc/*", &cat_open));
	assert_true(m("fd.name glob '/etc/pass?d'", &cat_open));
	assert_false(m("fd.name glob /var/*", &cat_open));
	assert_true(m("proc.name in (bash, cat, \"ls\")", &cat_open));
	assert_false(m("proc.name in (bash,ls)", &cat_open));
	assert_true(m("proc.name intersects (cat, sh)", &cat_open));
	assert_true(m("fd.name pmatch (/usr, /etc)", &cat_open));
	assert_true(m("fd.name pmatch (/etc/passwd)", &cat_open));
	assert_false(m("fd.name pmatch (/et, /usr)", &cat_open));
	assert_true(m("proc.name < dog and proc.name > bat", &cat_open));
	assert_true(m("proc.name contains \"\"", &cat_open));
	assert_true(m("proc.name='cat'", &cat_open));
	assert_true(m("proc.name!=\"c\\\"at\" and proc.name!=\"ca\\\\t\" and "
		      "proc.name!='a (b), c'", &cat_open));
	assert_true(m("proc.aname[1]=bash and proc.aname[2]=sshd and proc.aname=cat", &cat_open));
	assert_false(m("proc.aname[2]=bash", &curl_read));
	assert_true(m("evt.arg.name=/etc/passwd and evt.arg[0]=3", &cat_open));
	assert_true(m("user.name=www-data", &nginx_accept));
}

static void test_numeric_operators(void **state)
{
	(void)state;
	assert_true(m("proc.pid=1234", &cat_open));
	assert_true(m("proc.pid!=1", &cat_open));
	assert_true(m("proc.pid>1000 and proc.pid<2000", &cat_open));
	assert_true(m("proc.pid>=1234 and proc.pid<=1234", &cat_open));
	assert_true(m("proc.pid in (1, 1234, 5)", &cat_open));
	assert_true(m("evt.rawres<0 and evt.rawres=-11", &curl_read));
	assert_true(m("evt.rawres>-20", &curl_read));
	assert_true(m("evt.num=+9", &curl_read));
	assert_true(m("evt.latency>1000", &cat_open));
	assert_true(m("evt.failed=true", &curl_read));
	assert_true(m("evt.failed=false", &cat_open));
	assert_true(m("evt.failed!=true", &cat_open));
}

static void test_ip_operators(void **state)
{
	(void)state;
	assert_true(m("fd.sip=192.168.0.1", &nginx_accept));
	assert_false(m("fd.sip=192.168.0.2", &nginx_accept));
	assert_true(m("fd.sip!=192.168.0.2", &nginx_accept));
	assert_true(m("fd.ip=10.1.2.3 and fd.ip=192.168.0.1", &nginx_accept));
	assert_false(m("fd.ip!=10.1.2.3", &nginx_accept));
	assert_true(m("fd.ip in (1.1.1.1, 192.168.0.1)", &nginx_accept));
	assert_true(m("fd.net=10.0.0.0/8", &nginx_accept));
	assert_true(m("fd.net=192.168.0.0/24", &nginx_accept));
	assert_false(m("fd.net=172.16.0.0/12", &nginx_accept));
	assert_true(m("fd.net=10.1.2.3/32", &nginx_accept));
	assert_true(m("fd.net=0.0.0.0/0", &nginx_accept));
	assert_false(m("fd.net=0.0.0.0/0", &curl_read));
	assert_true(m("fd.net=2001:db8::/32", &curl_read));
	assert_true(m("fd.sip=2001:db8::2", &curl_read));
	assert_true(m("fd.sport=80", &nginx_accept));
	assert_true(m("fd.sport>=443 and fd.sport in (443, 8443)", &curl_read));
	/* Service names, when /etc/services knows them. */
	if (access("/etc/services", R_OK) == 0)
		assert_true(m("fd.sport=https", &curl_read));
}

static void test_buffer_and_exists(void **state)
{
	(void)state;
	assert_true(m("evt.buffer contains HTTP", &curl_read));
	assert_true(m("evt.buffer contains Host", &curl_read));	/* past a NUL byte */
	assert_true(m("evt.buffer startswith GET", &curl_read));
	assert_false(m("evt.buffer exists", &cat_open));
	assert_true(m("evt.buffer exists", &curl_read));
	assert_true(m("fd.sip exists", &nginx_accept));
	assert_false(m("fd.sip exists", &cat_open));
	/* A field the event lacks matches nothing, not even != (as sysdig). */
	assert_false(m("fd.sip!=1.2.3.4", &cat_open));
	assert_true(m("not fd.sip=1.2.3.4", &cat_open));
	assert_false(m("evt.arg.nosuch=x", &cat_open));
}

/* ---- errors ---- */

struct bad_case {
	const char *filter;
	size_t column;		/* 1-based */
	const char *msg;	/* a substring of the message */
};

static const struct bad_case bad_cases[] = {
	{ "proc.nmae=cat", 1, "unknown field 'proc.nmae' (did you mean 'proc.name'?)" },
	{ "evt.type=open and proc.nmae=cat", 19, "unknown field 'proc.nmae'" },
	{ "proc.pid contains 3", 10, "'contains' does not apply to numeric field proc.pid" },
	{ "proc.pid=abc", 10, "'abc' is not a valid number" },
	{ "proc.name=cat and", 18, "unexpected end of filter" },
	{ "(proc.name=cat", 1, "missing ')'" },
	{ "proc.name=cat)", 14, "unmatched ')'" },
	{ "proc.name", 10, "expected an operator after 'proc.name'" },
	{ "proc.name=cat and evt.type=open or evt.type=close", 33, "mixed with" },
	{ "proc.name in cat", 14, "expected '(' after 'in'" },
	{ "proc.pid in (1 2)", 16, "expected ',' or ')'" },
	{ "proc.name in (cat", 18, "missing ')' to close the 'in' list" },
	{ "fd.sip=10.0.0.0/8", 8, "is not an IPv4 or IPv6 address" },
	{ "fd.net=10.0.0.1", 8, "is not an IP network" },
	{ "evt.failed=yes", 12, "'yes' is not a boolean" },
	{ "proc.name=\"cat", 11, "unterminated quoted string" },
	{ "proc.name=\"c\\qt\"", 13, "unknown escape sequence" },
	{ "evt.arg=3", 8, "needs an argument" },
	{ "proc.name[1]=x", 10, "takes no [argument]" },
	{ "evt.arg[x]=1", 9, "'x' is not a valid argument" },
	{ "proc.name=ca(t", 13, "unexpected '('" },
	{ "proc.name=cat AND evt.num=1", 15, "expected 'and', 'or' or the end" },
	{ "fd.name pmatch (1)", 9, "" },
	{ "proc.pid pmatch (1)", 10, "'pmatch' does not apply to numeric field" },
	{ "evt.buffer glob x", 12, "'glob' does not apply to buffer field" },
	{ "fd.sport>nosuchservice", 10, "not a port number or a known service name" },
	{ "()", 2, "expected a field name" },
	{ "= cat", 1, "expected a field name" },
	{ "evt.arg.=1", 9, "missing argument name" },
	{ "nosuchfield.x=1", 1, "unknown field 'nosuchfield.x'" },
};

static void test_error_positions_and_messages(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(bad_cases); i++) {
		const struct bad_case *b = &bad_cases[i];
		struct filter_error err;
		struct filter *f = filter_compile(b->filter, sysdig_reg, &err);
		if (f && !*b->msg) {
			filter_free(f);	/* a case that must compile */
			continue;
		}
		if (f)
			fail_msg("'%s' compiled but must not", b->filter);
		if (err.pos + 1 != b->column || !strstr(err.msg, b->msg))
			fail_msg("'%s': got column %zu '%s', want column %zu '%s'", b->filter,
				 err.pos + 1, err.msg, b->column, b->msg);
	}
}

static void test_error_format_quotes_filter_with_caret(void **state)
{
	(void)state;
	const char *text = "evt.type=open and proc.nmae=cat";
	struct filter_error err;

	assert_null(filter_compile(text, sysdig_reg, &err));
	char *s = filter_error_format(&err, text);
	assert_string_equal(s, "filter error at column 19: unknown field 'proc.nmae' "
			       "(did you mean 'proc.name'?)\n"
			       "  evt.type=open and proc.nmae=cat\n"
			       "                    ^");
	free(s);
}

/* ---- pushdown ---- */

static void pushdown_of(const char *text, struct filter_pushdown *pd)
{
	struct filter_error err;
	struct filter *f = filter_compile(text, sysdig_reg, &err);

	if (!f)
		fail_msg("'%s': %s", text, err.msg);
	filter_pushdown(f, pd);
	filter_free(f);
}

static size_t count_syscalls(const struct filter_pushdown *pd)
{
	size_t n = 0;

	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		n += filter_evset_has_syscall(&pd->events, nr);
	return n;
}

static bool has(const struct filter_pushdown *pd, const char *name)
{
	return filter_evset_has_syscall(&pd->events, syscall_nr_by_name(name));
}

static void test_pushdown_event_types(void **state)
{
	(void)state;
	struct filter_pushdown pd;

	pushdown_of("evt.type=accept and proc.name!=nginx", &pd);
	assert_int_equal(count_syscalls(&pd), 2);
	assert_true(has(&pd, "accept"));
	assert_true(has(&pd, "accept4"));	/* sysdig 0.29 names accept4 events "accept" */
	assert_int_equal(pd.events.nonsys, 0);
	assert_true(pd.any_pid);
	assert_true(pd.any_comm);
	filter_pushdown_free(&pd);

	pushdown_of("evt.type=open and fd.name contains /etc", &pd);
	assert_int_equal(count_syscalls(&pd), 1);
	assert_true(has(&pd, "open"));
	filter_pushdown_free(&pd);

	pushdown_of("evt.type in (openat, read) or evt.type=pread", &pd);
	assert_int_equal(count_syscalls(&pd), 3);
	assert_true(has(&pd, "openat") && has(&pd, "read") && has(&pd, "pread64"));
	filter_pushdown_free(&pd);

	pushdown_of("evt.type startswith open", &pd);
	assert_true(has(&pd, "open") && has(&pd, "openat") && has(&pd, "openat2") &&
		    has(&pd, "open_by_handle_at"));
	assert_false(has(&pd, "read"));
	filter_pushdown_free(&pd);

	pushdown_of("evt.type=procexit", &pd);
	assert_int_equal(count_syscalls(&pd), 0);
	assert_int_equal(pd.events.nonsys, 1u << NSE_PROCEXIT);
	filter_pushdown_free(&pd);

	/* Negation is exact for evt.type: everything but read. */
	pushdown_of("not evt.type=read", &pd);
	assert_false(has(&pd, "read"));
	assert_true(has(&pd, "write") && has(&pd, "openat"));
	assert_true(pd.events.nonsys & (1u << NSE_SWITCH));
	filter_pushdown_free(&pd);

	pushdown_of("evt.type!=read and not evt.type=write", &pd);
	assert_false(has(&pd, "read") || has(&pd, "write"));
	filter_pushdown_free(&pd);

	/* An or with an unrestricted branch restricts nothing. */
	pushdown_of("evt.type=read or proc.name=cat", &pd);
	assert_int_equal(count_syscalls(&pd), SYSCALL_NR_LIMIT);
	filter_pushdown_free(&pd);

	pushdown_of("proc.name=cat", &pd);
	assert_int_equal(count_syscalls(&pd), SYSCALL_NR_LIMIT);
	assert_false(pd.any_comm);
	assert_int_equal(pd.ncomms, 1);
	assert_string_equal(pd.comms[0], "cat");
	filter_pushdown_free(&pd);

	pushdown_of("", &pd);
	assert_int_equal(count_syscalls(&pd), SYSCALL_NR_LIMIT);
	assert_true(pd.any_pid && pd.any_comm);
	filter_pushdown_free(&pd);
}

static void test_pushdown_pids_and_comms(void **state)
{
	(void)state;
	struct filter_pushdown pd;

	pushdown_of("proc.pid=42 and evt.type=read", &pd);
	assert_false(pd.any_pid);
	assert_int_equal(pd.npids, 1);
	assert_int_equal(pd.pids[0], 42);
	filter_pushdown_free(&pd);

	pushdown_of("proc.pid in (1, 2) or proc.pid=3", &pd);
	assert_false(pd.any_pid);
	assert_int_equal(pd.npids, 3);
	filter_pushdown_free(&pd);

	pushdown_of("proc.pid in (1, 2) and proc.pid in (2, 3)", &pd);
	assert_int_equal(pd.npids, 1);
	assert_int_equal(pd.pids[0], 2);
	filter_pushdown_free(&pd);

	pushdown_of("proc.pid=1 or proc.name=cat", &pd);
	assert_true(pd.any_pid);
	assert_true(pd.any_comm);
	filter_pushdown_free(&pd);

	pushdown_of("not proc.pid=1", &pd);
	assert_true(pd.any_pid);
	filter_pushdown_free(&pd);

	pushdown_of("proc.name in (cat, curl) and proc.pid!=5", &pd);
	assert_false(pd.any_comm);
	assert_int_equal(pd.ncomms, 2);
	assert_true(pd.any_pid);
	filter_pushdown_free(&pd);
}

/* ---- sysdig 0.29 as the reference for what parses ---- */

static const char *const diff_filters[] = {
	"proc.name=cat", "evt.type=accept and proc.name!=nginx",
	"evt.type=open and fd.name contains /etc", "user.name=alice",
	"fd.name contains /var/cache", "", "proc.name=cat and evt.type=open or evt.type=close",
	"proc.name=cat or evt.type=open and evt.type=close", "not proc.name=cat and evt.type=close",
	"proc.nmae=cat", "proc.pid contains 3", "proc.name=", "proc.name=cat and",
	"(proc.name=cat", "proc.name in (cat, bash)", "proc.name in cat", "evt.type exists",
	"proc.name", "fd.net=10.0.0.0/8", "proc.pid=abc", "proc.name=c,at", "proc.name=c=at",
	"proc.name=ca(t", "proc.name='cat'", "proc.name=\"cat\"", "not(proc.name=cat)",
	"not (proc.name=cat)", "notproc.name=bash", "Proc.name=cat",
	"proc.name=cat AND evt.num=131", "(proc.name=cat) and (evt.num=131)", "((evt.num=131))",
	"evt.num in (131,132 ,133)", "evt.num in (131,132,)", "evt.num=+131", "evt.num=131.0",
	"evt.num=1e2", "proc.pid > 0x10", "proc.pid > -5", "proc.pid in (1 2 3)",
	"proc.pid in ()", "proc.name=cat)", "proc.name==cat", "()", "evt.num=131 and ()",
	"proc.name=\"cat\\x\"", "proc.name=\"ca\\\\t\"", "fd.name glob /etc/*.cache",
	"fd.name in (/etc/ld.so.cache, \"/dev/null\")", "evt.num=131and evt.num=131",
	"evt.num=131 andevt.num=131", "evt.arg.fd=3", "evt.arg[0]=3", "evt.arg=3",
	"proc.aname[2]=bash", "proc.aname=bash", "evt.type.is.open=1", "fd.sip=127.0.0.1",
	"fd.sip=127.0.0.1/8", "fd.snet=127.0.0.0/8", "fd.snet=127.0.0.1", "fd.sip=foo",
	"fd.sport=80", "evt.failed=true", "evt.failed=yes", "evt.failed=1",
	"proc.name contains", "proc.name exists and proc.pid exists", "proc.name exists=1",
	"proc.pid < 5", "evt.buffer < 1", "evt.buffer contains abc", "evt.buffer icontains a",
	"evt.latency contains 1", "evt.rawtime glob 1", "proc.pid pmatch (1)",
	"fd.name pmatch (/usr, /etc)", "proc.name startswith c", "proc.name endswith t",
	"proc.name icontains CA", "fd.sip in (1.2.3.4, ::1)", "fd.lport>=1024",
	"thread.tid=1", "thread.vtid=1", "group.name=root", "container.id=host",
	"container.name exists", "evt.arg[x]=1", "evt.rawarg.res<0", "proc.apid[1]=1",
	"thread.cgroup.cpuacct=/", "thread.cgroup=1", "container.mount[0]=x",
	"container.mount=x", "evt.around[5]=1", "evt.around=1", "proc.name[1]=x",
	"fd.typechar=f", "evt.dir=<", "evt.dir='>'", "evt.res=SUCCESS", "evt.rawres<0",
	"proc.name=\"", "proc.name='c\\'at'", "fd.cnet=10.0.0.0/33",
	"evt.cpu=0", "user.uid=0", "group.gid=0",
	"proc.tty=0", "fd.num=-1", "fd.is_server=true", "fd.connected=false",
	"proc.loginshellid=1", "evt.is_io=true", "evt.category=file", "fd.l4proto=tcp",
};

/*
 * Where we choose to differ from sysdig 0.29; the test checks sysdig still does this:
 * - it rejects IPv6 networks (fd.net=::1/128); we accept them;
 * - it does not range-check numbers (evt.cpu is INT16, user.uid UINT32); we do;
 * - it accepts text operators on PORT and BOOL fields and then never matches; we reject;
 * - it parses "intersects" as "in" followed by garbage, so it cannot be used; we implement it.
 */
static const struct {
	const char *filter;
	bool sysdig_accepts;
} divergences[] = {
	{ "fd.net=::1/128", false },		{ "evt.cpu=99999", true },
	{ "user.uid=-1", true },		{ "fd.sport contains 1", true },
	{ "proc.name intersects (cat)", false },
};

static bool sysdig_accepts(const char *scap, const char *filter)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, 1);
		dup2(null, 2);
		execlp("sysdig", "sysdig", "-r", scap, filter, (char *)NULL);
		_exit(127);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static void test_acceptance_matches_sysdig(void **state)
{
	(void)state;
	/* A capture with events: sysdig checks some operators only when it evaluates them. */
	const char *scap = "/work/shared/data/scap/falco_cat_write.scap";

	if (system("command -v sysdig >/dev/null 2>&1") != 0 || access(scap, R_OK) != 0) {
		print_message("sysdig or %s not available: differential test skipped\n", scap);
		skip();
	}
	int mismatches = 0;
	for (size_t i = 0; i < ARRAY_SIZE(diff_filters); i++) {
		struct filter_error err;
		struct filter *f = filter_compile(diff_filters[i], sysdig_reg, &err);
		bool ours = f != NULL;
		filter_free(f);
		bool theirs = sysdig_accepts(scap, diff_filters[i]);
		if (ours != theirs) {
			print_message("differs from sysdig: '%s': sysdig %s, sysray %s%s%s\n",
				      diff_filters[i], theirs ? "accepts" : "rejects",
				      ours ? "accepts" : "rejects: ", ours ? "" : err.msg, "");
			mismatches++;
		}
	}
	for (size_t i = 0; i < ARRAY_SIZE(divergences); i++) {
		struct filter_error err;
		struct filter *f = filter_compile(divergences[i].filter, sysdig_reg, &err);
		bool ours = f != NULL;
		filter_free(f);
		if (sysdig_accepts(scap, divergences[i].filter) != divergences[i].sysdig_accepts ||
		    ours == divergences[i].sysdig_accepts) {
			print_message("recorded divergence changed: '%s'\n", divergences[i].filter);
			mismatches++;
		}
	}
	assert_int_equal(mismatches, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeds_compile_against_sysdig_fields),
		cmocka_unit_test(test_seeds_match),
		cmocka_unit_test(test_long_chains),
		cmocka_unit_test(test_empty_filter_matches_everything),
		cmocka_unit_test(test_precedence_and_parentheses),
		cmocka_unit_test(test_string_operators),
		cmocka_unit_test(test_numeric_operators),
		cmocka_unit_test(test_ip_operators),
		cmocka_unit_test(test_buffer_and_exists),
		cmocka_unit_test(test_error_positions_and_messages),
		cmocka_unit_test(test_error_format_quotes_filter_with_caret),
		cmocka_unit_test(test_pushdown_event_types),
		cmocka_unit_test(test_pushdown_pids_and_comms),
		cmocka_unit_test(test_acceptance_matches_sysdig),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}

