/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The alert outputs with synthetic alerts: the token bucket and the rate limit, collapsing
 * of identical alerts (counts never lost), the file and program channels (per alert and kept
 * alive, SIGUSR1, a failing program), the JSON line and its repeat summary, the options'
 * messages, an HTTP POST that finds no server, the Prometheus text and its endpoint, and the
 * capture ring's file read back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <json-c/json.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capture/scap_reader.h"
#include "detect/capture_ring.h"
#include "detect/collapse.h"
#include "detect/metrics.h"
#include "detect/outputs.h"
#include "detect/token_bucket.h"
#include "fields/sysdig.h"
#include "pipeline/pipeline.h"
#include "schema/event_codes.h"
#include "state/state.h"

#define SEC 1000000000ull

/* A synthetic alert of RULE with MESSAGE at TS, its text line and JSON object built as the
 * engine builds them (keys in alphabetical order). */
struct test_alert {
	struct alert a;
	char text[512], json[1024];
};

static void make_alert(struct test_alert *t, const char *rule, const char *message, uint64_t ts)
{
	snprintf(t->text, sizeof(t->text), "10:00:%02llu.000000000: Warning %s",
		 (unsigned long long)(ts / SEC % 60), message);
	snprintf(t->json, sizeof(t->json),
		 "{\"hostname\":\"box\",\"output\":\"%s\",\"output_fields\":{\"evt.time\":%llu,"
		 "\"proc.name\":\"cat\"},\"priority\":\"Warning\",\"rule\":\"%s\","
		 "\"source\":\"syscall\",\"tags\":[\"filesystem\"],"
		 "\"time\":\"2026-12-05T10:00:00.000000000Z\"}",
		 t->text, (unsigned long long)ts, rule);
	t->a = (struct alert){ .ts = ts, .priority = PRIO_WARNING, .rule = rule,
			       .source = "syscall", .message = message, .text = t->text,
			       .json = t->json, .pid = 7, .container_id = "host" };
}

static void deliver(struct alert_outputs *o, const char *rule, const char *message, uint64_t ts)
{
	struct test_alert t;

	make_alert(&t, rule, message, ts);
	alert_outputs_deliver(o, &t.a);
}

static void set(struct alert_outputs *o, const char *key, const char *value)
{
	char err[256] = "";

	if (alert_outputs_option(o, key, value, err, sizeof(err)) != OUTPUT_OPTION_SET)
		fail_msg("-o %s=%s: %s", key, value, err);
}

static char tmpdir[64];

static int setup_dir(void **state)
{
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/sysray-outputs-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown_dir(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd);
}

static char *path_in_tmp(const char *name)
{
	static char path[2][128];
	static int which;

	which ^= 1;
	snprintf(path[which], sizeof(path[which]), "%s/%s", tmpdir, name);
	return path[which];
}

/* The file's lines, newline-separated, as one string (caller frees); "" when missing. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 1 << 16);
	size_t n = 0;

	if (f) {
		n = fread(buf, 1, (1 << 16) - 1, f);
		fclose(f);
	}
	buf[n] = 0;
	return buf;
}

static int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* An outputs set writing to FILE only (stdout off), started. */
static struct alert_outputs *file_outputs(const char *file)
{
	struct alert_outputs *o = alert_outputs_new();
	char err[256];

	set(o, "stdout_output.enabled", "false");
	set(o, "file_output.enabled", "true");
	set(o, "file_output.filename", file);
	assert_true(alert_outputs_start(o, false, err, sizeof(err)));
	return o;
}

static void test_token_bucket(void **state)
{
	struct token_bucket b;
	int granted = 0;

	token_bucket_init(&b, 1, 3);
	for (int i = 0; i < 5; i++)
		granted += token_bucket_claim(&b, 100 * SEC);
	assert_int_equal(granted, 3);
	/* 2.5 s later: two whole tokens */
	granted = 0;
	for (int i = 0; i < 5; i++)
		granted += token_bucket_claim(&b, 102 * SEC + SEC / 2);
	assert_int_equal(granted, 2);
	/* time going back refills nothing; a long pause refills to the burst only */
	assert_false(token_bucket_claim(&b, 90 * SEC));
	granted = 0;
	for (int i = 0; i < 10; i++)
		granted += token_bucket_claim(&b, 1000 * SEC);
	assert_int_equal(granted, 3);
}

static void test_rate_limit(void **state)
{
	const char *file = path_in_tmp("rate.txt");
	struct alert_outputs *o = alert_outputs_new();
	char err[256], msg[32];

	set(o, "stdout_output.enabled", "false");
	set(o, "file_output.enabled", "true");
	set(o, "file_output.filename", file);
	set(o, "outputs.rate", "0.5");
	set(o, "outputs.max_burst", "2");
	assert_true(alert_outputs_start(o, false, err, sizeof(err)));
	/* 6 alerts within a second: 2 pass; 4 s later 2 more tokens */
	for (int i = 0; i < 6; i++) {
		snprintf(msg, sizeof(msg), "m%d", i);
		deliver(o, "R", msg, 50 * SEC + (uint64_t)i * 1000);
	}
	for (int i = 6; i < 9; i++) {
		snprintf(msg, sizeof(msg), "m%d", i);
		deliver(o, "R", msg, 54 * SEC + (uint64_t)i * 1000);
	}
	const struct alert_output_stats *st = alert_outputs_stats(o);

	assert_int_equal(st->delivered, 4);
	assert_int_equal(st->throttled, 5);
	assert_int_equal(alert_outputs_close(o), 0);
	char *text = slurp(file);

	assert_int_equal(count_lines(text), 4);
	assert_non_null(strstr(text, "Warning m0\n"));
	assert_non_null(strstr(text, "Warning m1\n"));
	assert_non_null(strstr(text, "Warning m6\n"));
	assert_non_null(strstr(text, "Warning m7\n"));
	assert_null(strstr(text, "m2"));
	free(text);
}

static void test_collapse(void **state)
{
	const char *file = path_in_tmp("collapse.txt");
	struct alert_outputs *o = alert_outputs_new();
	char err[256];

	set(o, "stdout_output.enabled", "false");
	set(o, "file_output.enabled", "true");
	set(o, "file_output.filename", file);
	set(o, "outputs.collapse", "10");
	assert_true(alert_outputs_start(o, false, err, sizeof(err)));
	deliver(o, "A", "same", 100 * SEC);
	deliver(o, "A", "same", 101 * SEC);
	deliver(o, "A", "same", 102 * SEC);
	deliver(o, "B", "same", 103 * SEC);	/* another rule: not identical */
	deliver(o, "A", "other", 104 * SEC);	/* another message: not identical */
	/* past A/same's window: its count comes first, then a new window opens */
	deliver(o, "A", "same", 111 * SEC);
	deliver(o, "A", "same", 112 * SEC);
	deliver(o, "B", "same", 113 * SEC);	/* B's window closed with no repeat */
	const struct alert_output_stats *st = alert_outputs_stats(o);

	assert_int_equal(st->collapsed, 3);
	assert_int_equal(alert_outputs_close(o), 0);
	char *text = slurp(file);

	assert_string_equal(text,
			    "10:00:40.000000000: Warning same\n"
			    "10:00:43.000000000: Warning same\n"
			    "10:00:44.000000000: Warning other\n"
			    "10:00:42.000000000: Warning same (repeated 2 more times within 10s)\n"
			    "10:00:51.000000000: Warning same\n"
			    "10:00:53.000000000: Warning same\n"
			    "10:00:52.000000000: Warning same (repeated 1 more time within 10s)\n");
	free(text);
}

/* The tick prints a count whose window ended, without waiting for another alert. */
static void test_collapse_tick(void **state)
{
	const char *file = path_in_tmp("tick.txt");
	struct alert_outputs *o = alert_outputs_new();
	char err[256], *text;

	set(o, "stdout_output.enabled", "false");
	set(o, "file_output.enabled", "true");
	set(o, "file_output.filename", file);
	set(o, "outputs.collapse", "1.5");
	assert_true(alert_outputs_start(o, false, err, sizeof(err)));
	deliver(o, "A", "x", 10 * SEC);
	deliver(o, "A", "x", 11 * SEC);
	alert_outputs_tick(o, 11 * SEC);
	text = slurp(file);
	assert_int_equal(count_lines(text), 1);
	free(text);
	alert_outputs_tick(o, 12 * SEC);
	text = slurp(file);
	assert_int_equal(count_lines(text), 2);
	assert_non_null(strstr(text, "x (repeated 1 more time within 1.5s)\n"));
	free(text);
	alert_outputs_close(o);
}

static void test_json_lines(void **state)
{
	const char *file = path_in_tmp("json.txt");
	struct alert_outputs *o = alert_outputs_new();
	char err[256];

	set(o, "stdout_output.enabled", "false");
	set(o, "file_output.enabled", "true");
	set(o, "file_output.filename", file);
	set(o, "outputs.collapse", "60");
	assert_true(alert_outputs_start(o, true, err, sizeof(err)));
	deliver(o, "Read sensitive", "file=/etc/shadow", 100 * SEC);
	deliver(o, "Read sensitive", "file=/etc/shadow", 101 * SEC);
	deliver(o, "Read sensitive", "file=/etc/shadow", 102 * SEC);
	alert_outputs_close(o);

	char *text = slurp(file), *second = strchr(text, '\n') + 1;

	assert_int_equal(count_lines(text), 2);
	/* the first line is the engine's object as it is */
	assert_int_equal(strncmp(text, "{\"hostname\":\"box\",\"output\":", 27), 0);
	second[strcspn(second, "\n")] = 0;
	struct json_object *j = json_tokener_parse(second), *v;

	assert_non_null(j);
	assert_true(json_object_object_get_ex(j, "repeated", &v));
	assert_int_equal(json_object_get_int64(v), 2);
	assert_true(json_object_object_get_ex(j, "output", &v));
	assert_non_null(strstr(json_object_get_string(v),
			       "file=/etc/shadow (repeated 2 more times within 60s)"));
	assert_true(json_object_object_get_ex(j, "output_fields", &v));
	assert_true(json_object_object_get_ex(v, "evt.time", &v));
	/* the last repeat's fields */
	assert_int_equal(json_object_get_int64(v), (int64_t)(102 * SEC));
	/* keys stay in alphabetical order, as Falco writes them */
	const char *prev = "";

	json_object_object_foreach(j, key, val) {
		(void)val;
		assert_true(strcmp(prev, key) < 0);
		prev = key;
	}
	json_object_put(j);
	free(text);
}

static void test_file_output(void **state)
{
	const char *file = path_in_tmp("events.txt"), *rotated = path_in_tmp("events.txt.1");
	struct alert_outputs *o = file_outputs(file);
	struct stat sb;
	char *text;

	deliver(o, "R", "one", SEC);
	/* reopened per alert: a file moved away is created anew */
	assert_int_equal(rename(file, rotated), 0);
	deliver(o, "R", "two", 2 * SEC);
	alert_outputs_close(o);
	text = slurp(file);
	assert_string_equal(text, "10:00:02.000000000: Warning two\n");
	free(text);
	assert_int_equal(stat(file, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);

	/* kept alive: writes follow the moved file until SIGUSR1 reopens */
	unlink(file);
	unlink(rotated);
	struct alert_outputs *k = alert_outputs_new();
	char err[256];

	set(k, "stdout_output.enabled", "false");
	set(k, "file_output.enabled", "true");
	set(k, "file_output.keep_alive", "true");
	set(k, "file_output.filename", file);
	assert_true(alert_outputs_start(k, false, err, sizeof(err)));
	deliver(k, "R", "one", SEC);
	assert_int_equal(rename(file, rotated), 0);
	deliver(k, "R", "two", 2 * SEC);
	raise(SIGUSR1);
	deliver(k, "R", "three", 3 * SEC);
	alert_outputs_close(k);
	text = slurp(rotated);
	assert_string_equal(text, "10:00:01.000000000: Warning one\n"
				  "10:00:02.000000000: Warning two\n");
	free(text);
	text = slurp(file);
	assert_string_equal(text, "10:00:03.000000000: Warning three\n");
	free(text);
}

static void test_file_output_bad_path(void **state)
{
	struct alert_outputs *o = alert_outputs_new();
	char err[256];

	set(o, "file_output.enabled", "true");
	set(o, "file_output.filename", "/nonexistent-dir/alerts.txt");
	assert_false(alert_outputs_start(o, false, err, sizeof(err)));
	assert_string_equal(err, "/nonexistent-dir/alerts.txt: No such file or directory");
	alert_outputs_close(o);
}

static void test_program_output(void **state)
{
	const char *file = path_in_tmp("program.txt");
	char cmd[256], err[256], *text;

	for (int keep = 0; keep < 2; keep++) {
		struct alert_outputs *o = alert_outputs_new();

		unlink(file);
		/* each run of the program appends what it read and one marker line */
		snprintf(cmd, sizeof(cmd), "cat >> %s; echo run >> %s", file, file);
		set(o, "stdout_output.enabled", "false");
		set(o, "program_output.enabled", "true");
		set(o, "program_output.keep_alive", keep ? "true" : "false");
		set(o, "program_output.program", cmd);
		assert_true(alert_outputs_start(o, false, err, sizeof(err)));
		deliver(o, "R", "one", SEC);
		deliver(o, "R", "two", 2 * SEC);
		deliver(o, "R", "three", 3 * SEC);
		assert_int_equal(alert_outputs_close(o), 0);
		text = slurp(file);
		if (keep)
			assert_string_equal(text, "10:00:01.000000000: Warning one\n"
						  "10:00:02.000000000: Warning two\n"
						  "10:00:03.000000000: Warning three\n"
						  "run\n");
		else
			assert_string_equal(text, "10:00:01.000000000: Warning one\nrun\n"
						  "10:00:02.000000000: Warning two\nrun\n"
						  "10:00:03.000000000: Warning three\nrun\n");
		free(text);
	}
}

/* A program that fails is counted per alert and never stops the outputs. */
static void test_program_fails(void **state)
{
	struct alert_outputs *o = alert_outputs_new();
	char err[256];

	set(o, "stdout_output.enabled", "false");
	set(o, "program_output.enabled", "true");
	set(o, "program_output.program", "exit 3");
	assert_true(alert_outputs_start(o, false, err, sizeof(err)));
	deliver(o, "R", "one", SEC);
	deliver(o, "R", "two", 2 * SEC);
	assert_int_equal(alert_outputs_stats(o)->errors, 2);
	assert_int_equal(alert_outputs_stats(o)->delivered, 2);
	assert_int_equal(alert_outputs_close(o), 2);
}

/* A free loopback port: bound, read, released. */
static int free_port(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(0x7f000001) };
	socklen_t len = sizeof(sin);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	assert_int_equal(bind(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	assert_int_equal(getsockname(fd, (struct sockaddr *)&sin, &len), 0);
	close(fd);
	return ntohs(sin.sin_port);
}

static void test_http_refused(void **state)
{
	struct alert_outputs *o = alert_outputs_new();
	char err[256], url[64];

	snprintf(url, sizeof(url), "http://127.0.0.1:%d/", free_port());
	set(o, "stdout_output.enabled", "false");
	set(o, "http_output.enabled", "true");
	set(o, "http_output.url", url);
	assert_true(alert_outputs_start(o, false, err, sizeof(err)));
	deliver(o, "R", "one", SEC);
	deliver(o, "R", "two", 2 * SEC);
	assert_int_equal(alert_outputs_stats(o)->errors, 2);
	assert_int_equal(alert_outputs_close(o), 2);
}

static void test_options(void **state)
{
	struct alert_outputs *o = alert_outputs_new();
	char err[256] = "";

	assert_int_equal(alert_outputs_option(o, "engine.kind", "replay", err, sizeof(err)),
			 OUTPUT_OPTION_NOT_MINE);
	/* the engine's key */
	assert_int_equal(alert_outputs_option(o, "json_output", "true", err, sizeof(err)),
			 OUTPUT_OPTION_NOT_MINE);
	assert_int_equal(alert_outputs_option(o, "file_output.enabled", "maybe", err,
					      sizeof(err)), OUTPUT_OPTION_BAD);
	assert_string_equal(err, "option 'file_output.enabled': 'maybe' is not true or false");
	assert_int_equal(alert_outputs_option(o, "file_output.colour", "red", err, sizeof(err)),
			 OUTPUT_OPTION_BAD);
	assert_string_equal(err, "unknown option 'file_output.colour'");
	assert_int_equal(alert_outputs_option(o, "syslog_output.keep_alive", "true", err,
					      sizeof(err)), OUTPUT_OPTION_BAD);
	assert_int_equal(alert_outputs_option(o, "outputs.rate", "-1", err, sizeof(err)),
			 OUTPUT_OPTION_BAD);
	assert_string_equal(err, "option 'outputs.rate': '-1' is not a number >= 0");
	assert_int_equal(alert_outputs_option(o, "outputs.max_burst", "2.5", err, sizeof(err)),
			 OUTPUT_OPTION_BAD);
	assert_int_equal(alert_outputs_option(o, "http_output.enabled", "TRUE", err,
					      sizeof(err)), OUTPUT_OPTION_SET);
	/* enabled HTTP without a URL stops the start */
	assert_false(alert_outputs_start(o, false, err, sizeof(err)));
	assert_string_equal(err, "http_output.url \"\": an http:// or https:// URL is needed");
	alert_outputs_close(o);
}

static const char *const rule_names[] = { "Read \"secret\"\\file", "Line\nbreak" };
static const enum rule_priority rule_prios[] = { PRIO_WARNING, PRIO_CRITICAL };

static void fill_stats(struct detect_stats *ds, _Atomic uint64_t *by_rule)
{
	memset(ds, 0, sizeof(*ds));
	ds->events = 1234;
	ds->drops = 5;
	ds->eval_ns = 1500000000;
	ds->alerts_by_priority[PRIO_WARNING] = 3;
	ds->alerts_by_priority[PRIO_CRITICAL] = 1;
	ds->nrules = 2;
	ds->rule_names = rule_names;
	ds->rule_priorities = rule_prios;
	by_rule[0] = 3;
	by_rule[1] = 1;
	ds->alerts_by_rule = by_rule;
}

static void test_metrics_text(void **state)
{
	struct detect_stats ds;
	_Atomic uint64_t by_rule[2];
	struct alert_output_stats os = { .throttled = 7, .errors = 2 };

	fill_stats(&ds, by_rule);
	char *t = metrics_render(&ds, &os);

	assert_non_null(strstr(t, "# HELP sysray_events_total Events offered to the rules.\n"
				  "# TYPE sysray_events_total counter\n"
				  "sysray_events_total 1234\n"));
	assert_non_null(strstr(t, "\nsysray_drops_total 5\n"));
	assert_non_null(strstr(t, "# TYPE sysray_alerts_total counter\n"
				  "sysray_alerts_total{rule=\"Read \\\"secret\\\"\\\\file\","
				  "priority=\"Warning\"} 3\n"
				  "sysray_alerts_total{rule=\"Line\\nbreak\","
				  "priority=\"Critical\"} 1\n"));
	assert_non_null(strstr(t, "sysray_alerts_by_priority_total{priority=\"Emergency\"} 0\n"));
	assert_non_null(strstr(t, "sysray_alerts_by_priority_total{priority=\"Warning\"} 3\n"));
	assert_non_null(strstr(t, "\nsysray_rule_eval_seconds_total 1.500000000\n"));
	assert_non_null(strstr(t, "\nsysray_alerts_throttled_total 7\n"));
	assert_non_null(strstr(t, "\nsysray_output_errors_total 2\n"));
	/* every sample's metric has its TYPE line before it */
	for (char *line = t; *line; line = strchr(line, '\n') + 1) {
		char name[64], type[128];

		if (*line == '#')
			continue;
		sscanf(line, "%63[a-z_]", name);
		snprintf(type, sizeof(type), "# TYPE %s counter\n", name);
		char *at = strstr(t, type);

		assert_non_null(at);
		assert_true(at < line);
	}
	free(t);
}

/* Sends REQUEST to 127.0.0.1:PORT and returns the whole response (caller frees). */
static char *http_get(int port, const char *request)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port),
				   .sin_addr.s_addr = htonl(0x7f000001) };
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	char *buf = calloc(1, 65536);
	size_t len = 0;
	ssize_t n;

	assert_int_equal(connect(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	assert_int_equal(write(fd, request, strlen(request)), (ssize_t)strlen(request));
	while ((n = read(fd, buf + len, 65535 - len)) > 0)
		len += (size_t)n;
	close(fd);
	return buf;
}

static void test_metrics_server(void **state)
{
	struct detect_stats ds;
	_Atomic uint64_t by_rule[2];
	struct alert_output_stats os = { 0 };
	char addr[32], err[256], *r;
	int port = free_port();

	fill_stats(&ds, by_rule);
	snprintf(addr, sizeof(addr), "127.0.0.1:%d", port);
	struct metrics_server *m = metrics_start(addr, &ds, &os, err, sizeof(err));

	assert_non_null(m);
	r = http_get(port, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
	assert_int_equal(strncmp(r, "HTTP/1.1 200 OK\r\n", 17), 0);
	assert_non_null(strstr(r, "\r\nContent-Type: text/plain; version=0.0.4; "
				  "charset=utf-8\r\n"));
	assert_non_null(strstr(r, "\r\n\r\n# HELP sysray_events_total"));
	free(r);
	/* the counters are read at each request */
	ds.events = 99;
	r = http_get(port, "GET /metrics?x=1 HTTP/1.0\r\n\r\n");
	assert_non_null(strstr(r, "\nsysray_events_total 99\n"));
	free(r);
	r = http_get(port, "GET / HTTP/1.1\r\n\r\n");
	assert_int_equal(strncmp(r, "HTTP/1.1 404 ", 13), 0);
	free(r);
	r = http_get(port, "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
	assert_int_equal(strncmp(r, "HTTP/1.1 405 ", 13), 0);
	free(r);
	/* the port is taken while it serves, and free once stopped */
	assert_null(metrics_start(addr, &ds, &os, err, sizeof(err)));
	assert_non_null(strstr(err, "Address already in use"));
	metrics_stop(m);
	m = metrics_start(addr, &ds, &os, err, sizeof(err));
	assert_non_null(m);
	metrics_stop(m);
	assert_null(metrics_start("localhost", &ds, &os, err, sizeof(err)));
	assert_non_null(strstr(err, "--metrics-addr localhost: expected ADDR:PORT"));
}

/* A close() enter event of thread 42 at TS. */
static bool feed(struct pipeline *p, uint64_t ts, int64_t fd)
{
	struct scap_param prm = { .val = (const uint8_t *)&fd, .len = 8 };
	struct scap_event ev = { .ts = ts, .tid = 42, .type = PPME_SYSCALL_CLOSE_E,
				 .nparams = 1, .params = &prm };

	ev.len = (uint32_t)scap_event_record_len(ev.type, 1, &prm);
	return pipeline_event(p, &ev);
}

static void test_capture_ring(void **state)
{
	struct capture_ring_config cfg = CAPTURE_RING_DEFAULTS;
	const char *dir = path_in_tmp("captures");
	char err[256];
	struct state st;
	struct field_ctx ctx = { 0 };
	struct pipeline p;
	struct test_alert t;

	assert_int_equal(capture_ring_option(&cfg, "capture.seconds", "2", err, sizeof(err)),
			 OUTPUT_OPTION_SET);
	assert_int_equal(capture_ring_option(&cfg, "capture.seconds", "x", err, sizeof(err)),
			 OUTPUT_OPTION_BAD);
	assert_string_equal(err, "option 'capture.seconds': 'x' is not a number >= 0");
	assert_int_equal(capture_ring_option(&cfg, "capture.max_bytes", "0", err, sizeof(err)),
			 OUTPUT_OPTION_BAD);
	/* the directory must be one */
	const char *file = path_in_tmp("plain-file");
	char want[256];

	fclose(fopen(file, "w"));
	assert_null(capture_ring_new(file, &cfg, err, sizeof(err)));
	snprintf(want, sizeof(want), "--capture-dir %s: not a directory", file);
	assert_string_equal(err, want);
	state_init(&st);
	struct st_thread *th = state_thread_add(&st, 42);

	th->pid = 42;
	th->live = true;
	free(th->comm);
	th->comm = strdup("victim");
	pipeline_init(&p, &st, &ctx);
	struct capture_ring *r = capture_ring_new(dir, &cfg, err, sizeof(err));

	assert_non_null(r);
	capture_ring_add(r, &p);
	/* one event every 0.5 s from t=100 s; the alert at 105 s keeps 103..107 */
	for (int i = 0; i <= 10; i++)
		feed(&p, 100 * SEC + (uint64_t)i * SEC / 2, i);
	make_alert(&t, "Read sensitive file!", "m", 105 * SEC);
	capture_ring_alert(r, &t.a);
	for (int i = 11; i <= 20; i++)
		feed(&p, 100 * SEC + (uint64_t)i * SEC / 2, i);
	assert_int_equal(pipeline_end(&p), 0);
	assert_int_equal(capture_ring_files(r), 1);
	capture_ring_free(r);
	pipeline_free(&p);
	state_free(&st);
	field_ctx_free(&ctx);

	char path[256];
	struct stat sb;

	snprintf(path, sizeof(path), "%s/19700101T000145.000000000Z-read-sensitive-file.scap",
		 dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	struct scap_reader *rd = scap_reader_open_path(path);
	struct scap_event ev;
	int rc, n = 0;
	int64_t first = -1, last = -1;

	while ((rc = scap_reader_next(rd, &ev)) != SCAP_EOF) {
		assert_int_not_equal(rc, SCAP_ERROR);
		if (rc != SCAP_EVENT)
			continue;
		int64_t fd;

		assert_true(scap_param_s64(&ev.params[0], &fd));
		if (first < 0)
			first = fd;
		last = fd;
		n++;
	}
	/* 103.0 .. 107.0 s: events 6 .. 14 */
	assert_int_equal(first, 6);
	assert_int_equal(last, 14);
	assert_int_equal(n, 9);
	const struct scap_meta *meta = scap_reader_meta(rd);
	const struct scap_thread *victim = scap_meta_thread(meta, 42);

	assert_non_null(victim);
	assert_string_equal(victim->comm, "victim");
	scap_reader_close(rd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_token_bucket),
		cmocka_unit_test(test_rate_limit),
		cmocka_unit_test(test_collapse),
		cmocka_unit_test(test_collapse_tick),
		cmocka_unit_test(test_json_lines),
		cmocka_unit_test(test_file_output),
		cmocka_unit_test(test_file_output_bad_path),
		cmocka_unit_test(test_program_output),
		cmocka_unit_test(test_program_fails),
		cmocka_unit_test(test_http_refused),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_metrics_text),
		cmocka_unit_test(test_metrics_server),
		cmocka_unit_test(test_capture_ring),
	};

	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
