/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/alert_format.h"

#include <inttypes.h>
#include <json-c/json.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "format/template.h"
#include "util/util.h"

void alert_buf_init(struct alert_buf *b)
{
	*b = (struct alert_buf){ 0 };
	if (gethostname(b->hostname, sizeof(b->hostname) - 1))
		strcpy(b->hostname, "localhost");
}

void alert_buf_free(struct alert_buf *b)
{
	out_free(&b->message);
	out_free(&b->text);
	out_free(&b->json);
}

/* "2024-05-01T10:15:02.123456789" (UTC) then SUFFIX. */
static void put_utc(struct out *o, uint64_t ts, const char *suffix)
{
	time_t sec = (time_t)(ts / 1000000000u);
	struct tm tm;
	char buf[40];

	gmtime_r(&sec, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
	out_printf(o, "%s.%09" PRIu64 "%s", buf, ts % 1000000000u, suffix);
}

/* json-c keeps members in insertion order: OBJ's members re-added in name order. */
static json_object *sorted(json_object *obj)
{
	json_object *s = json_object_new_object();
	size_t n = (size_t)json_object_object_length(obj), k = 0;
	const char **keys = xcalloc(n ? n : 1, sizeof(*keys));

	json_object_object_foreach(obj, key, val) {
		(void)val;
		keys[k++] = key;
	}
	for (size_t a = 1; a < k; a++)
		for (size_t b = a; b > 0 && strcmp(keys[b - 1], keys[b]) > 0; b--) {
			const char *x = keys[b];
			keys[b] = keys[b - 1];
			keys[b - 1] = x;
		}
	for (size_t a = 0; a < k; a++)
		json_object_object_add(s, keys[a], json_object_get(json_object_object_get(obj,
											  keys[a])));
	free(keys);
	json_object_put(obj);
	return s;
}

static void build_json(struct alert_buf *b, const struct rule *r, const struct scap_event *ev,
		       struct field_ctx *ctx, const struct detect_options *o,
		       const struct alert *a)
{
	json_object *j = json_object_new_object();
	struct out t = { 0 };

	/* keys in Falco's (alphabetical) order */
	json_object_object_add(j, "hostname", json_object_new_string(b->hostname));
	if (o->json_include_message_property)
		json_object_object_add(j, "message", json_object_new_string(a->message));
	if (o->json_include_output_property)
		json_object_object_add(j, "output", json_object_new_string(a->text));
	if (o->json_include_output_fields_property) {
		json_object *f = json_object_new_object();

		template_fields_json(r->output_tpl, ev, ctx, ctx->bf, f);
		json_object_object_add(f, "evt.time", json_object_new_uint64(ev->ts));
		json_object_object_add(j, "output_fields", sorted(f));
	}
	json_object_object_add(j, "priority",
			       json_object_new_string(rule_priority_name(r->priority)));
	json_object_object_add(j, "rule", json_object_new_string(r->name));
	json_object_object_add(j, "source", json_object_new_string("syscall"));
	if (o->json_include_tags_property) {
		json_object *tags = json_object_new_array();

		for (size_t i = 0; i < r->ntags; i++)
			json_object_array_add(tags, json_object_new_string(r->tags[i]));
		json_object_object_add(j, "tags", tags);
	}
	put_utc(&t, ev->ts, "Z");
	out_putc(&t, 0);
	json_object_object_add(j, "time", json_object_new_string(t.buf));
	out_free(&t);
	b->json.len = 0;
	out_puts(&b->json, json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN |
							      JSON_C_TO_STRING_NOSLASHESCAPE));
	out_putc(&b->json, 0);
	json_object_put(j);
}

void alert_format(struct alert_buf *b, const struct rule *r, const struct scap_event *ev,
		  struct field_ctx *ctx, const struct detect_options *o, struct alert *a)
{
	struct template_env env = { .time_mode = TIME_HUMAN, .bf = ctx->bf };
	const struct st_thread *t = ctx->st->cur.thread;

	template_render(r->output_tpl, ev, ctx, &env, false, &b->message);
	out_putc(&b->message, 0);
	b->text.len = 0;
	if (o->time_format_iso_8601) {
		put_utc(&b->text, ev->ts, "+0000");
	} else {
		out_puts(&b->text, local_clock((time_t)(ev->ts / 1000000000u), false));
		out_putc(&b->text, '.');
		out_put_udec(&b->text, ev->ts % 1000000000u, 9);
	}
	out_printf(&b->text, ": %s %s", rule_priority_name(r->priority), b->message.buf);
	out_putc(&b->text, 0);
	*a = (struct alert){
		.ts = ev->ts,
		.priority = r->priority,
		.rule = r->name,
		.source = "syscall",
		.message = b->message.buf,
		.text = b->text.buf,
		.tags = (const char *const *)r->tags,
		.ntags = r->ntags,
		.pid = t ? t->pid : -1,
		.container_id = t && t->container_id[0] ? t->container_id : "host",
	};
	build_json(b, r, ev, ctx, o, a);
	a->json = b->json.buf;
}
