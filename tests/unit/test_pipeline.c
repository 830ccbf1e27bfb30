/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The event pipeline: consumers see the events their filter accepts in the order they were
 * added, a filter shared by consumers gives one verdict, rejected events reach on_rejected,
 * the limits stop the pipeline, container events stay in the reader, and the event-type
 * prefilter never rejects an event its filter would accept.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fields/sysdig.h"
#include "filter/filter.h"
#include "pipeline/pipeline.h"
#include "pipeline/prefilter.h"
#include "schema/event_codes.h"
#include "state/state.h"

struct fixture {
	const struct field_registry *reg;
	struct state st;
	struct field_ctx ctx;
	struct pipeline p;
};

static struct fixture *fixture_new(void)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->reg = sysdig_field_registry();
	state_init(&f->st);
	pipeline_init(&f->p, &f->st, &f->ctx);
	return f;
}

static void fixture_free(struct fixture *f)
{
	pipeline_free(&f->p);
	state_free(&f->st);
	field_ctx_free(&f->ctx);
	free(f);
}

static struct filter *compile(struct fixture *f, const char *text)
{
	struct filter_error err;
	struct filter *flt = filter_compile(text, f->reg, &err);

	assert_non_null(flt);
	return flt;
}

/* A consumer that logs "NAME:TYPE" for each event it accepts, "NAME!TYPE" for rejected. */
struct recorder {
	const char *name;
	char *log;
	size_t *len;
	int stop_after;		/* return non-zero at this many accepted events; 0: never */
	int seen;
};

static void log_event(struct recorder *r, char sep, const struct scap_event *ev)
{
	*r->len += (size_t)sprintf(r->log + *r->len, "%s%c%u ", r->name, sep, ev->type);
}

static int rec_event(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	struct recorder *r = opaque;

	log_event(r, ':', ev);
	return r->stop_after && ++r->seen >= r->stop_after;
}

static int rec_rejected(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	log_event(opaque, '!', ev);
	return 0;
}

static struct scap_event event(uint16_t type)
{
	return (struct scap_event){ .ts = 1000 + type, .tid = 42, .type = type };
}

static void test_order_and_shared_filter(void **state)
{
	struct fixture *f = fixture_new();
	struct filter *close_only = compile(f, "evt.type=close");
	char log[512] = "";
	size_t len = 0;
	struct recorder a = { .name = "a", .log = log, .len = &len };
	struct recorder b = { .name = "b", .log = log, .len = &len };
	struct recorder c = { .name = "c", .log = log, .len = &len };

	pipeline_add(&f->p, &(struct consumer){ .name = "a", .filter = close_only,
						.on_event = rec_event, .opaque = &a });
	pipeline_add(&f->p, &(struct consumer){ .name = "b", .filter = close_only,
						.on_event = rec_event,
						.on_rejected = rec_rejected, .opaque = &b });
	pipeline_add(&f->p, &(struct consumer){ .name = "c", .on_event = rec_event,
						.opaque = &c });
	/* the state sees them too: evt.num counts every event */
	uint16_t types[] = { PPME_SYSCALL_OPEN_E, PPME_SYSCALL_CLOSE_E, PPME_SYSCALL_CLOSE_X };

	for (size_t i = 0; i < 3; i++) {
		struct scap_event ev = event(types[i]);

		assert_false(pipeline_event(&f->p, &ev));
	}
	assert_string_equal(log, "b!2 c:2 a:4 b:4 c:4 a:5 b:5 c:5 ");
	assert_int_equal(f->ctx.evnum, 3);
	assert_int_equal(f->ctx.first_ts, 1000 + PPME_SYSCALL_OPEN_E);
	assert_int_equal(f->p.matched, 3);
	assert_int_equal(pipeline_end(&f->p), 0);
	filter_free(close_only);
	fixture_free(f);
}

static void test_limits_and_stop(void **state)
{
	struct fixture *f = fixture_new();
	char log[512] = "";
	size_t len = 0;
	struct recorder a = { .name = "a", .log = log, .len = &len };
	struct scap_event ev = event(PPME_SYSCALL_CLOSE_E);

	/* live -n: stop once this many events matched */
	f->p.max_matched = 2;
	pipeline_add(&f->p, &(struct consumer){ .name = "a", .on_event = rec_event,
						.opaque = &a });
	assert_false(pipeline_event(&f->p, &ev));
	assert_true(pipeline_event(&f->p, &ev));
	fixture_free(f);

	/* -r -n: at most this many events enter */
	f = fixture_new();
	f->p.max_events = 1;
	pipeline_add(&f->p, &(struct consumer){ .name = "a", .on_event = rec_event,
						.opaque = &a });
	assert_false(pipeline_event(&f->p, &ev));
	assert_true(pipeline_event(&f->p, &ev));
	assert_int_equal(f->ctx.evnum, 1);
	fixture_free(f);

	/* a consumer's non-zero return stops after every consumer had the event */
	f = fixture_new();
	len = 0;
	log[0] = 0;
	struct recorder s = { .name = "s", .log = log, .len = &len, .stop_after = 1 };
	struct recorder t = { .name = "t", .log = log, .len = &len };

	pipeline_add(&f->p, &(struct consumer){ .name = "s", .on_event = rec_event,
						.opaque = &s });
	pipeline_add(&f->p, &(struct consumer){ .name = "t", .on_event = rec_event,
						.opaque = &t });
	assert_true(pipeline_event(&f->p, &ev));
	assert_string_equal(log, "s:4 t:4 ");
	fixture_free(f);
}

/* Container events describe containers to the fields; consumers never see them. Unknown
 * codes (past sysdig 0.29's table) are skipped before the state. */
static void test_reader_only_events(void **state)
{
	struct fixture *f = fixture_new();
	char log[512] = "";
	size_t len = 0;
	struct recorder a = { .name = "a", .log = log, .len = &len };
	uint16_t types[] = { PPME_CONTAINER_JSON_2_E, PPME_PROCINFO_E, SCAP_EVENT_MAX_029 };

	pipeline_add(&f->p, &(struct consumer){ .name = "a", .on_event = rec_event,
						.opaque = &a });
	for (size_t i = 0; i < 3; i++) {
		struct scap_event ev = event(types[i]);

		pipeline_event(&f->p, &ev);
	}
	assert_string_equal(log, "a:234 ");
	assert_int_equal(f->ctx.evnum, 2);
	fixture_free(f);
}

/* The prefilter only rejects what the filter rejects, for every known code. */
static void test_prefilter_sound(void **state)
{
	static const char *const filters[] = {
		"evt.type=open", "evt.type!=open", "not evt.type in (close, read)",
		"evt.type=close or proc.name=x", "evt.type in (open, openat) and evt.dir=<",
		"evt.type=procexit", "evt.type=accept", "evt.type contains op", "",
	};
	struct fixture *f = fixture_new();

	for (size_t k = 0; k < sizeof(filters) / sizeof(filters[0]); k++) {
		struct filter *flt = compile(f, filters[k]);
		struct prefilter *pf = prefilter_new(flt);
		size_t rejected = 0;

		for (uint16_t type = 2; type < SCAP_EVENT_MAX_029; type++) {
			struct scap_event ev = event(type);

			state_event(&f->st, &ev);
			if (!prefilter_may_match(pf, &ev)) {
				rejected++;
				assert_false(filter_match(flt, &ev, &f->ctx));
			}
			state_event_done(&f->st);
		}
		/* a filter on evt.type lets few codes through */
		if (k == 0)
			assert_true(rejected > 300);
		prefilter_free(pf);
		filter_free(flt);
	}
	fixture_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_and_shared_filter),
		cmocka_unit_test(test_limits_and_stop),
		cmocka_unit_test(test_reader_only_events),
		cmocka_unit_test(test_prefilter_sound),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
