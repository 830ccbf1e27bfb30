/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The field registry: fields found by name in their class, the argument forms (.NAME, [N],
 * [KEY]) and their errors, the suggestion for a typo, and values extracted from real events
 * (captures in tests/data/scap read with the reader and fed to the state layer, as
 * `sysray -r` does). The expected values are what `sysray -r FILE -p ...` prints for the
 * same event, and the same field gives the same value through a filter and a template.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "capture/scap_reader.h"
#include "fields/field_text.h"
#include "fields/sysdig.h"
#include "filter/filter.h"
#include "format/template.h"
#include "state/state.h"
#include "util/util.h"

/* tests/data/scap, found from this source file's path (the build runs from the repository
 * root) or from $SYSRAY_SCAP_DATA. */
static const char *path_of(const char *file)
{
	static char p[4200];
	const char *env = getenv("SYSRAY_SCAP_DATA");
	const char *slash = strrchr(__FILE__, '/');

	if (env)
		snprintf(p, sizeof(p), "%s/%s", env, file);
	else
		snprintf(p, sizeof(p), "%.*s/../data/scap/%s", slash ? (int)(slash - __FILE__) : 1,
			 slash ? __FILE__ : ".", file);
	return p;
}

static const struct field_registry *reg;

static int setup(void **state)
{
	(void)state;
	reg = sysdig_field_registry();
	return 0;
}

/* ---- lookup ---- */

/* Each field lives in the class its name says: everything about fd.* is in one table. */
static void test_fields_in_their_class(void **state)
{
	static const struct {
		const char *prefix, *class;
	} homes[] = {
		{ "evt.", "evt" },	  { "syscall.", "evt" },    { "proc.", "process" },
		{ "thread.", "process" }, { "user.", "user" },	    { "group.", "group" },
		{ "container.", "container" }, { "fd.", "fd" },	    { "syslog.", "syslog" },
		{ "fdlist.", "fdlist" },  { "k8s.", "k8s" },	    { "mesos.", "mesos" },
		{ "marathon.", "mesos" }, { "span.", "span" },	    { "evtin.", "evtin" },
	};
	size_t nfields = 0, nextract = 0;

	(void)state;
	for (size_t c = 0; c < reg->nclasses; c++) {
		const struct field_class *fc = reg->classes[c];

		for (size_t i = 0; i < fc->nfields; i++) {
			const struct field_desc *f = &fc->fields[i];
			const char *home = NULL;

			for (size_t h = 0; h < ARRAY_SIZE(homes); h++)
				if (!strncmp(f->name, homes[h].prefix, strlen(homes[h].prefix)))
					home = homes[h].class;
			if (!home || strcmp(home, fc->name))
				fail_msg("%s is in class %s", f->name, fc->name);
			/* the first row of that name is the one found */
			assert_ptr_equal(field_registry_find(reg, f->name), f);
			/* table-only fields are not in sysdig's -l, Falco's are not sysdig 0.29's */
			nfields += !f->table_only && !f->falco;
			nextract += f->extract != NULL && !f->table_only && !f->falco;
		}
	}
	/* sysdig 0.29's fields of these classes, and the ones sysray extracts */
	assert_int_equal(nfields, 257);
	assert_int_equal(nextract, 225);
}

static void test_find(void **state)
{
	(void)state;
	const struct field_desc *f = field_registry_find(reg, "fd.name");

	assert_non_null(f);
	assert_string_equal(f->name, "fd.name");
	assert_int_equal(f->type, FT_CHARBUF);
	assert_non_null(f->extract);
	assert_int_equal(field_registry_find(reg, "proc.pid")->role, FR_PROC_PID);
	assert_int_equal(field_registry_find(reg, "proc.name")->role, FR_PROC_NAME);
	assert_int_equal(field_registry_find(reg, "evt.type")->role, FR_EVT_TYPE);
	assert_int_equal(field_registry_find(reg, "container.id")->role, FR_CONTAINER_ID);
	assert_int_equal(field_registry_find(reg, "fd.sport")->type, FT_PORT);
	assert_true(field_registry_find(reg, "fd.net")->filter_only);
	assert_false(field_registry_find(reg, "fd.sip")->filter_only);
	assert_null(field_registry_find(reg, "fd.nam"));
	assert_null(field_registry_find(reg, "evt.arg.fd"));	/* a name with its argument */
	assert_string_equal(field_type_name(FT_IPNET), "IPNET");
}

/* ---- argument forms ---- */

static struct field_ref resolve_ok(const char *text)
{
	struct field_ref ref;
	struct field_error err;

	if (!field_resolve(reg, text, &ref, &err))
		fail_msg("'%s': %s", text, err.msg);
	return ref;
}

static void resolve_fails(const char *text, size_t pos, const char *msg)
{
	struct field_ref ref;
	struct field_error err;

	if (field_resolve(reg, text, &ref, &err))
		fail_msg("'%s' resolved", text);
	assert_string_equal(err.msg, msg);
	assert_int_equal(err.pos, pos);
}

static void test_argument_forms(void **state)
{
	(void)state;
	struct field_ref r = resolve_ok("proc.name");

	assert_string_equal(r.field->name, "proc.name");
	assert_false(r.arg.present);
	field_ref_free(&r);

	r = resolve_ok("evt.arg.fd");	/* .NAME */
	assert_string_equal(r.field->name, "evt.arg");
	assert_true(r.arg.present);
	assert_false(r.arg.is_index);
	assert_string_equal(r.arg.name, "fd");
	field_ref_free(&r);

	r = resolve_ok("evt.type.is.open");	/* the longest prefix that takes .NAME */
	assert_string_equal(r.field->name, "evt.type.is");
	assert_string_equal(r.arg.name, "open");
	field_ref_free(&r);

	r = resolve_ok("thread.cgroup.cpuacct");
	assert_string_equal(r.field->name, "thread.cgroup");
	assert_string_equal(r.arg.name, "cpuacct");
	field_ref_free(&r);

	r = resolve_ok("evt.arg[0]");	/* [N] */
	assert_string_equal(r.field->name, "evt.arg");
	assert_true(r.arg.present);
	assert_true(r.arg.is_index);
	assert_int_equal(r.arg.index, 0);
	assert_null(r.arg.name);
	field_ref_free(&r);

	r = resolve_ok("proc.aname[2]");	/* optional [N] */
	assert_true(r.arg.is_index);
	assert_int_equal(r.arg.index, 2);
	field_ref_free(&r);
	r = resolve_ok("proc.aname");
	assert_false(r.arg.present);
	field_ref_free(&r);

	r = resolve_ok("container.mount[/usr/local]");	/* [KEY] */
	assert_string_equal(r.field->name, "container.mount");
	assert_false(r.arg.is_index);
	assert_string_equal(r.arg.name, "/usr/local");
	field_ref_free(&r);
	r = resolve_ok("container.mount[3]");	/* [N] where both are allowed */
	assert_true(r.arg.is_index);
	assert_int_equal(r.arg.index, 3);
	field_ref_free(&r);

	resolve_fails("evt.arg", 7,
		      "field 'evt.arg' needs an argument: write evt.arg.NAME or evt.arg[N]");
	resolve_fails("evt.arg.", 8, "missing argument name after 'evt.arg.'");
	resolve_fails("proc.name[1]", 9, "field 'proc.name' takes no [argument]");
	resolve_fails("proc.aname[bash]", 11,
		      "'bash' is not a valid argument: write proc.aname[N]");
	resolve_fails("container.mount[]", 16,
		      "'' is not a valid argument: write container.mount[N or NAME]");
	resolve_fails("evt.around", 10,
		      "field 'evt.around' needs an argument: write evt.around[N]");

	/* the classes without data here take sysdig's argument forms */
	r = resolve_ok("k8s.pod.label.app.kubernetes.io/name");
	assert_string_equal(r.field->name, "k8s.pod.label");
	assert_string_equal(r.arg.name, "app.kubernetes.io/name");
	field_ref_free(&r);
	r = resolve_ok("k8s.pod.labels");	/* the exact name first */
	assert_false(r.arg.present);
	field_ref_free(&r);
	r = resolve_ok("span.tag[-1]");
	assert_int_equal(r.arg.index, -1);
	field_ref_free(&r);
	r = resolve_ok("span.arg.user");
	assert_string_equal(r.arg.name, "user");
	field_ref_free(&r);
	r = resolve_ok("evtin.span.p.arg[2]");
	assert_int_equal(r.arg.index, 2);
	field_ref_free(&r);
	resolve_fails("k8s.pod.label", 13,
		      "field 'k8s.pod.label' needs an argument: write k8s.pod.label.NAME");
	resolve_fails("span.tag[x]", 9, "'x' is not a valid argument: write span.tag[N]");
	resolve_fails("mesos.task.name[1]", 15, "field 'mesos.task.name' takes no [argument]");
}

static void test_typo_suggestion(void **state)
{
	(void)state;
	assert_string_equal(field_registry_suggest(reg, "proc.nmae"), "proc.name");
	assert_string_equal(field_registry_suggest(reg, "fd.filenme"), "fd.filename");
	assert_string_equal(field_registry_suggest(reg, "evt.catgory"), "evt.category");
	assert_string_equal(field_registry_suggest(reg, "user.nme"), "user.name");
	assert_null(field_registry_suggest(reg, "bogus.field.name"));
	resolve_fails("proc.nmae", 0, "unknown field 'proc.nmae' (did you mean 'proc.name'?)");
	resolve_fails("proc.nmae[1]", 0,
		      "unknown field 'proc.nmae' (did you mean 'proc.name'?)");
	resolve_fails("nothing.like.it", 0, "unknown field 'nothing.like.it'");
}

/* filter TEXT fails at column POS (0-based) with MSG. */
static void filter_fails(const char *text, size_t pos, const char *msg)
{
	struct filter_error ferr;
	struct filter *f = filter_compile(text, reg, &ferr);

	if (f)
		fail_msg("'%s' compiled", text);
	assert_string_equal(ferr.msg, msg);
	assert_int_equal(ferr.pos, pos);
}

/* evt.type compares with names sysdig 0.29 knows: its events' and every syscall's. */
static void test_event_type_names(void **state)
{
	static const char *const known[] = {
		"open", "pread", "pread64", "accept4", "procexit", "switch", "container",
		"signaldeliver", "syscall", "brk", "mmap2", "socketcall", "openat2", "page_fault",
	};
	struct filter_error ferr;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(known); i++) {
		char text[64];
		struct filter *f;

		snprintf(text, sizeof(text), "evt.type=%s", known[i]);
		f = filter_compile(text, reg, &ferr);
		if (!f)
			fail_msg("'%s': %s", text, ferr.msg);
		filter_free(f);
	}
	filter_fails("evt.type=opne", 9, "unknown event type opne (did you mean open?)");
	filter_fails("evt.type in (open, clsoe)", 19,
		     "unknown event type clsoe (did you mean close?)");
	filter_fails("not evt.type!=useradded", 14, "unknown event type useradded");
	filter_fails("evt.type=NA", 9, "unknown event type NA");
	filter_fails("evt.type=", 9, "an event type name is missing");
	/* Parts and patterns are not names. */
	struct filter *f = filter_compile("evt.type contains ope or evt.type glob 'op*'", reg, &ferr);

	if (!f)
		fail_msg("contains/glob: %s", ferr.msg);
	filter_free(f);
}

/* ---- values from real events ---- */

struct run {
	struct scap_reader *r;
	struct state st;
	struct field_ctx ctx;
	struct scap_event ev;
	struct out text;
};

/* Reads FILE up to the event `sysray -r` numbers NUM, the state updated with it. */
static void run_to(struct run *x, const char *file, uint64_t num)
{
	bool loaded = false;
	int n;

	memset(x, 0, sizeof(*x));
	state_init(&x->st);
	x->ctx.st = &x->st;
	x->r = scap_reader_open_path(path_of(file));
	while ((n = scap_reader_next(x->r, &x->ev)) > 0) {
		if (n == SCAP_SECTION || !loaded) {
			state_load_meta(&x->st, scap_reader_meta(x->r));
			loaded = true;
			if (n == SCAP_SECTION)
				continue;
		}
		if (x->ev.type >= SCAP_EVENT_MAX_029)
			continue;
		if (!x->ctx.evnum++)
			x->ctx.first_ts = x->ev.ts;
		state_event(&x->st, &x->ev);
		if (x->ctx.evnum == num)
			return;
		state_event_done(&x->st);
	}
	fail_msg("%s has no event %" PRIu64 ": %s", file, num, scap_reader_error(x->r));
}

static void run_end(struct run *x)
{
	scap_reader_close(x->r);
	state_free(&x->st);
	field_ctx_free(&x->ctx);
	out_free(&x->text);
}

/* NAME's first value for the event as text, "<NA>" when the event lacks it. */
static const char *value(struct run *x, const char *name)
{
	struct field_ref ref = resolve_ok(name);
	struct field_value v[FIELD_MAX_VALUES];
	size_t n = field_extract(&ref, &x->ev, &x->ctx, v);

	x->text.len = 0;
	if (n)
		field_value_text(&v[0], x->ctx.bf, &x->text);
	else
		out_puts(&x->text, "<NA>");
	out_putc(&x->text, 0);
	field_ref_free(&ref);
	return x->text.buf;
}

static void test_values_of_an_open(void **state)
{
	(void)state;
	struct run x;

	/* < open fd=3(<f>/etc/ld.so.cache) name=/etc/ld.so.cache flags=4097(O_RDONLY|O_CLOEXEC) */
	run_to(&x, "falco_cat_write.scap", 141);
	assert_string_equal(value(&x, "evt.num"), "141");
	assert_string_equal(value(&x, "evt.type"), "open");
	assert_string_equal(value(&x, "evt.dir"), "<");
	assert_string_equal(value(&x, "evt.rawtime"), "1470327477881785348");
	assert_string_equal(value(&x, "evt.category"), "file");
	assert_string_equal(value(&x, "evt.res"), "SUCCESS");
	assert_string_equal(value(&x, "evt.rawres"), "3");
	assert_string_equal(value(&x, "evt.failed"), "false");
	assert_string_equal(value(&x, "evt.arg.name"), "/etc/ld.so.cache");
	assert_string_equal(value(&x, "evt.arg.fd"), "<f>/etc/ld.so.cache");
	assert_string_equal(value(&x, "evt.arg[0]"), "<f>/etc/ld.so.cache");
	assert_string_equal(value(&x, "evt.arg[2]"), "O_RDONLY|O_CLOEXEC");
	assert_string_equal(value(&x, "evt.arg[9]"), "<NA>");
	assert_string_equal(value(&x, "evt.arg.nosuch"), "<NA>");
	assert_string_equal(value(&x, "fd.num"), "3");
	assert_string_equal(value(&x, "fd.name"), "/etc/ld.so.cache");
	assert_string_equal(value(&x, "fd.type"), "file");
	assert_string_equal(value(&x, "fd.typechar"), "f");
	assert_string_equal(value(&x, "fd.directory"), "/etc");
	assert_string_equal(value(&x, "fd.filename"), "ld.so.cache");
	assert_string_equal(value(&x, "fd.sip"), "<NA>");
	assert_string_equal(value(&x, "proc.name"), "cat");
	assert_string_equal(value(&x, "proc.pid"), "20072");
	assert_string_equal(value(&x, "thread.tid"), "20072");
	assert_string_equal(value(&x, "proc.pname"), "bash");
	assert_string_equal(value(&x, "proc.aname[1]"), "bash");
	assert_string_equal(value(&x, "proc.apid[1]"), "11310");
	assert_string_equal(value(&x, "user.uid"), "4294967295");
	assert_string_equal(value(&x, "container.id"), "host");
	assert_string_equal(value(&x, "container.name"), "host");
	assert_string_equal(value(&x, "evt.buflen"), "<NA>");
	run_end(&x);

	/* < access res=-2(ENOENT) name=/etc/ld.so.nohwcap: no fd */
	run_to(&x, "falco_cat_write.scap", 135);
	assert_string_equal(value(&x, "evt.type"), "access");
	assert_string_equal(value(&x, "evt.res"), "ENOENT");
	assert_string_equal(value(&x, "evt.rawres"), "-2");
	assert_string_equal(value(&x, "evt.failed"), "true");
	assert_string_equal(value(&x, "evt.arg.res"), "ENOENT");
	assert_string_equal(value(&x, "fd.name"), "<NA>");
	assert_string_equal(value(&x, "fd.num"), "<NA>");
	run_end(&x);
}

static void test_values_of_a_socket(void **state)
{
	(void)state;
	struct run x;

	/* < connect res=-115(EINPROGRESS) tuple=127.0.0.1:47192->127.0.0.1:80 */
	run_to(&x, "falco_connect_localhost.scap", 187);
	assert_string_equal(value(&x, "evt.type"), "connect");
	assert_string_equal(value(&x, "evt.res"), "EINPROGRESS");
	assert_string_equal(value(&x, "fd.name"), "127.0.0.1:47192->127.0.0.1:80");
	assert_string_equal(value(&x, "fd.cip"), "127.0.0.1");
	assert_string_equal(value(&x, "fd.sip"), "127.0.0.1");
	assert_string_equal(value(&x, "fd.cport"), "47192");
	assert_string_equal(value(&x, "fd.sport"), "80");
	assert_string_equal(value(&x, "fd.l4proto"), "tcp");
	assert_string_equal(value(&x, "fd.typechar"), "4");
	assert_string_equal(value(&x, "fd.is_server"), "true");
	assert_string_equal(value(&x, "evt.arg.tuple"), "127.0.0.1:47192->127.0.0.1:80");

	/* fd.port and fd.ip: both ends */
	struct field_ref ref = resolve_ok("fd.port");
	struct field_value v[FIELD_MAX_VALUES];

	assert_int_equal(field_extract(&ref, &x.ev, &x.ctx, v), 2);
	assert_int_equal(v[0].type, FT_PORT);
	assert_int_equal(v[0].u, 47192);
	assert_int_equal(v[1].u, 80);
	field_ref_free(&ref);
	run_end(&x);

	/* < sendto res=78 data=GET / HTTP/1.1..Host: www.google.com.. over IPv6 */
	run_to(&x, "libs_e2e_curl_google.scap", 1312);
	assert_string_equal(value(&x, "evt.type"), "sendto");
	assert_string_equal(value(&x, "evt.buflen"), "78");
	assert_string_equal(value(&x, "evt.is_io_write"), "true");
	assert_string_equal(value(&x, "evt.category"), "net");
	assert_string_equal(value(&x, "fd.sip"), "2607:f8b0:4004:802::2004");
	assert_string_equal(value(&x, "fd.sport"), "80");
	assert_string_equal(value(&x, "fd.typechar"), "6");
	assert_string_equal(value(&x, "proc.name"), "curl");
	ref = resolve_ok("evt.buffer");
	assert_int_equal(field_extract(&ref, &x.ev, &x.ctx, v), 1);
	assert_int_equal(v[0].type, FT_BYTEBUF);
	assert_int_equal(v[0].s.len, 78);
	assert_memory_equal(v[0].s.ptr, "GET / HTTP/1.1\r\nHost: www.google.com\r\n", 38);
	field_ref_free(&ref);
	run_end(&x);
}

/*
 * Fields that remember what one reference read (sysdig keeps them per filtercheck): thread.cpu
 * on the procinfo events of libs_e2e_curl_google, whose values are what
 * `sysdig -D -r libs_e2e_curl_google.scap -p '%evt.num %thread.cpu %thread.cpu.user
 * %thread.cpu.system' evt.type=procinfo` prints (0.0 for the others), and evt.deltatime, the
 * time since the previous event the same reference read.
 */
static void test_values_per_reference(void **state)
{
	static const struct {
		uint64_t num;
		double cpu, user, sys;
	} moved[] = { { 1466, 1, 0, 0 }, { 1501, 1, 0, 1 } };
	static const char *const names[] = { "thread.cpu", "thread.cpu.user", "thread.cpu.system" };
	struct field_ref refs[3];
	struct field_value v[FIELD_MAX_VALUES];
	size_t nprocinfo = 0, nmoved = 0;
	struct run x;

	(void)state;
	for (size_t i = 0; i < 3; i++)
		refs[i] = resolve_ok(names[i]);
	run_to(&x, "libs_e2e_curl_google.scap", 1);
	for (;;) {
		double got[3];

		for (size_t i = 0; i < 3; i++) {
			size_t n = field_extract(&refs[i], &x.ev, &x.ctx, v);

			/* only on procinfo events, and only of threads the state knows: a
			 * procinfo event makes no thread (csysdig's views count threads) */
			assert_true(n == 0 || x.ev.type == PPME_PROCINFO_E);
			got[i] = n ? v[0].d : 0;
		}
		nprocinfo += x.ev.type == PPME_PROCINFO_E;
		if (got[0] || got[1] || got[2]) {
			assert_true(nmoved < ARRAY_SIZE(moved));
			assert_int_equal(x.ctx.evnum, moved[nmoved].num);
			assert_true(got[0] == moved[nmoved].cpu && got[1] == moved[nmoved].user &&
				    got[2] == moved[nmoved].sys);
			nmoved++;
		}
		state_event_done(&x.st);
		if (scap_reader_next(x.r, &x.ev) <= 0)
			break;
		x.ctx.evnum++;
		state_event(&x.st, &x.ev);
	}
	assert_int_equal(nmoved, ARRAY_SIZE(moved));
	assert_true(nprocinfo > 100);
	for (size_t i = 0; i < 3; i++)
		field_ref_free(&refs[i]);
	run_end(&x);

	/* one reference reads events 141 and 143, another 141, 142 and 143 */
	struct field_ref a = resolve_ok("evt.deltatime"), b = resolve_ok("evt.deltatime");
	uint64_t ts141, ts142;

	run_to(&x, "falco_cat_write.scap", 141);
	ts141 = x.ev.ts;
	field_extract(&a, &x.ev, &x.ctx, v);
	assert_int_equal(field_extract(&b, &x.ev, &x.ctx, v), 1);
	assert_int_equal(v[0].u, 0);
	state_event_done(&x.st);
	for (uint64_t num = 142; num <= 143; num++) {
		assert_true(scap_reader_next(x.r, &x.ev) > 0);
		x.ctx.evnum++;
		state_event(&x.st, &x.ev);
		if (num == 142)
			ts142 = x.ev.ts;
		field_extract(&b, &x.ev, &x.ctx, v);
		state_event_done(&x.st);
	}
	assert_int_equal(v[0].u, x.ev.ts - ts142);
	field_extract(&a, &x.ev, &x.ctx, v);
	assert_int_equal(v[0].u, x.ev.ts - ts141);
	field_ref_free(&a);
	field_ref_free(&b);
	run_end(&x);
}

/* A filter, a template and a direct read of one field agree on its value. */
static void test_same_value_everywhere(void **state)
{
	static const char *const names[] = {
		"evt.num", "evt.type", "evt.dir", "evt.arg.name", "evt.arg[2]", "evt.res",
		"evt.rawres", "fd.name", "fd.num", "fd.directory", "proc.name", "proc.pid",
		"proc.cmdline", "thread.tid", "user.uid", "container.id",
	};
	struct run x;
	struct out line = { 0 };
	const struct template_env env = { 0 };

	(void)state;
	run_to(&x, "falco_cat_write.scap", 141);
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		char tpl_text[64], flt_text[200], err[256];
		const char *direct = value(&x, names[i]);

		snprintf(tpl_text, sizeof(tpl_text), "%%%s", names[i]);
		struct template *t = template_compile(tpl_text, reg, err, sizeof(err));

		assert_non_null(t);
		assert_true(template_render(t, &x.ev, &x.ctx, &env, false, &line));
		out_putc(&line, 0);
		assert_string_equal(line.buf, direct);
		template_free(t);

		struct filter_error ferr;

		snprintf(flt_text, sizeof(flt_text), "%s = '%s'", names[i], direct);
		struct filter *f = filter_compile(flt_text, reg, &ferr);

		if (!f)
			fail_msg("'%s': %s", flt_text, ferr.msg);
		assert_true(filter_match(f, &x.ev, &x.ctx));
		filter_free(f);
	}
	out_free(&line);
	run_end(&x);
}

/*
 * Falco's fields: from what the capture recorded, missing where it did not. Probe t01's
 * process list has libs HEAD's tail (capability sets all clear, an inode of 0: unknown, the
 * layer and memfd flags clear); falco_cat_write's (PL_V6) has none of it. fd.nameraw is the
 * path of an open seen in the capture.
 */
static void test_falco_fields(void **state)
{
	(void)state;
	struct run x;

	/* < openat fd=3(<f>/etc/hostname) dirfd=AT_FDCWD name=/etc/hostname */
	run_to(&x, "probes/t01_legacy_pairs.scap", 2);
	assert_string_equal(value(&x, "fd.nameraw"), "/etc/hostname");
	assert_string_equal(value(&x, "thread.cap_effective"), "");
	assert_string_equal(value(&x, "thread.cap_permitted"), "");
	assert_string_equal(value(&x, "proc.exe_ino"), "<NA>");
	assert_string_equal(value(&x, "proc.exe_ino.ctime"), "<NA>");
	assert_string_equal(value(&x, "proc.is_exe_upper_layer"), "false");
	assert_string_equal(value(&x, "proc.is_exe_from_memfd"), "false");
	assert_string_equal(value(&x, "proc.pexe"), "<NA>");	/* no parent in the capture */
	assert_string_equal(value(&x, "container.start_ts"), "<NA>");	/* a host process */
	run_end(&x);

	/* < write to /dev/pts/0: an fd from the process list, never opened in the capture */
	run_to(&x, "probes/t01_legacy_pairs.scap", 6);
	assert_string_equal(value(&x, "fd.name"), "/dev/pts/0");
	assert_string_equal(value(&x, "fd.nameraw"), "<NA>");
	run_end(&x);

	/* cat's open of /etc/ld.so.cache; its parent bash from the process list */
	run_to(&x, "falco_cat_write.scap", 141);
	assert_string_equal(value(&x, "fd.nameraw"), "/etc/ld.so.cache");
	assert_string_equal(value(&x, "proc.pexe"), "/bin/bash");
	assert_string_equal(value(&x, "proc.aexepath[0]"), value(&x, "proc.exepath"));
	assert_string_equal(value(&x, "thread.cap_effective"), "<NA>");
	assert_string_equal(value(&x, "proc.is_exe_from_memfd"), "<NA>");
	assert_string_equal(value(&x, "proc.is_exe_upper_layer"), "<NA>");
	assert_string_equal(value(&x, "proc.exe_ino.ctime_duration_proc_start"), "<NA>");
	run_end(&x);

	/* sysray -l is sysdig 0.29's list; Falco's list has them too */
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	field_registry_print(reg, false, false, f);
	fflush(f);
	assert_null(strstr(buf, "fd.nameraw"));
	assert_null(strstr(buf, "thread.cap_effective"));
	field_registry_print(reg, false, true, f);
	fclose(f);
	assert_non_null(strstr(buf, "fd.nameraw"));
	assert_non_null(strstr(buf, "thread.cap_effective"));
	free(buf);
}

/* Capability names as Falco prints them, from the bits of a thread's set. */
static void test_falco_caps_text(void **state)
{
	(void)state;
	struct run x;

	run_to(&x, "probes/t01_legacy_pairs.scap", 2);
	x.st.cur.thread->cap_effective = (1ULL << 21) | (1ULL << 0) | (1ULL << 12) | (1ULL << 63);
	assert_string_equal(value(&x, "thread.cap_effective"), "CAP_CHOWN CAP_NET_ADMIN "
			    "CAP_SYS_ADMIN");
	struct filter_error ferr;
	struct filter *flt = filter_compile("thread.cap_effective contains CAP_SYS_ADMIN", reg,
					    &ferr);

	assert_non_null(flt);
	assert_true(filter_match(flt, &x.ev, &x.ctx));
	x.st.cur.thread->caps_known = false;
	assert_false(filter_match(flt, &x.ev, &x.ctx));
	filter_free(flt);
	run_end(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_in_their_class),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_argument_forms),
		cmocka_unit_test(test_typo_suggestion),
		cmocka_unit_test(test_event_type_names),
		cmocka_unit_test(test_values_of_an_open),
		cmocka_unit_test(test_values_of_a_socket),
		cmocka_unit_test(test_values_per_reference),
		cmocka_unit_test(test_same_value_everywhere),
		cmocka_unit_test(test_falco_fields),
		cmocka_unit_test(test_falco_caps_text),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
