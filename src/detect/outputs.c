/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/outputs.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "detect/capture_ring.h"
#include "detect/collapse.h"
#include "detect/options.h"
#include "detect/output_channel.h"
#include "detect/token_bucket.h"
#include "util/util.h"

/*
 * syslog_output is off by default, unlike Falco's: Falco is a daemon whose alerts belong in
 * the system log, sysray detect is mostly run by hand, in tests and in pipelines that read
 * its stdout, where every run would also fill the journal with copies of what it prints.
 * `-o syslog_output.enabled=true` turns it on.
 */
enum { CH_STDOUT, CH_FILE, CH_PROGRAM, CH_SYSLOG, CH_HTTP, CH_COUNT };

struct alert_outputs {
	struct output_channel *ch[CH_COUNT];
	bool json;
	long timeout_ms;
	double rate, max_burst;		/* rate 0: no limit */
	double collapse_seconds;	/* 0: off */
	struct token_bucket bucket;
	struct collapse *collapse;
	struct capture_ring *ring;
	struct alert_output_stats stats;
};

/* SIGUSR1: reopen the outputs kept open (log rotation). */
static volatile sig_atomic_t reopen_requested;

static void on_sigusr1(int sig)
{
	reopen_requested = 1;
}

enum output_option output_parse_bool(const char *key, const char *value, bool *out, char *err,
				     size_t errlen)
{
	return detect_option_bool(key, value, out, err, errlen) ? OUTPUT_OPTION_SET :
								  OUTPUT_OPTION_BAD;
}

enum output_option output_parse_number(const char *key, const char *value, bool integer,
				       double *out, char *err, size_t errlen)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(value, &end);
	if (end == value || *end || errno || !isfinite(v) || v < 0 ||
	    (integer && v != floor(v))) {
		snprintf(err, errlen, "option '%s': '%s' is not a%s number >= 0", key, value,
			 integer ? " whole" : "");
		return OUTPUT_OPTION_BAD;
	}
	*out = v;
	return OUTPUT_OPTION_SET;
}

struct alert_outputs *alert_outputs_new(void)
{
	struct alert_outputs *o = xcalloc(1, sizeof(*o));

	o->ch[CH_STDOUT] = stdout_output_new();
	o->ch[CH_FILE] = file_output_new();
	o->ch[CH_PROGRAM] = program_output_new();
	o->ch[CH_SYSLOG] = syslog_output_new();
	o->ch[CH_HTTP] = http_output_new();
	o->ch[CH_STDOUT]->enabled = true;
	o->timeout_ms = 2000;
	o->max_burst = 1000;	/* Falco's default bucket */
	return o;
}

static enum output_option channel_option(struct output_channel *c, const char *key,
					 const char *sub, const char *value, char *err,
					 size_t errlen)
{
	if (!strcmp(sub, "enabled"))
		return output_parse_bool(key, value, &c->enabled, err, errlen);
	if (!strcmp(sub, "keep_alive") && c->ops->release)
		return output_parse_bool(key, value, &c->keep_alive, err, errlen);
	if (c->ops->option) {
		enum output_option r = c->ops->option(c, sub, value, err, errlen);

		if (r != OUTPUT_OPTION_NOT_MINE)
			return r;
	}
	snprintf(err, errlen, "unknown option '%s'", key);
	return OUTPUT_OPTION_BAD;
}

enum output_option alert_outputs_option(struct alert_outputs *o, const char *key,
					const char *value, char *err, size_t errlen)
{
	double v;

	for (int i = 0; i < CH_COUNT; i++) {
		size_t n = strlen(o->ch[i]->name);

		if (!strncmp(key, o->ch[i]->name, n) && key[n] == '.')
			return channel_option(o->ch[i], key, key + n + 1, value, err, errlen);
	}
	if (!strcmp(key, "output_timeout")) {
		if (output_parse_number(key, value, true, &v, err, errlen) == OUTPUT_OPTION_BAD)
			return OUTPUT_OPTION_BAD;
		o->timeout_ms = (long)v;
		return OUTPUT_OPTION_SET;
	}
	if (!strcmp(key, "outputs.rate"))
		return output_parse_number(key, value, false, &o->rate, err, errlen);
	if (!strcmp(key, "outputs.max_burst")) {
		if (output_parse_number(key, value, true, &v, err, errlen) == OUTPUT_OPTION_BAD)
			return OUTPUT_OPTION_BAD;
		if (v < 1) {
			snprintf(err, errlen,
				 "option '%s': '%s': the bucket holds at least 1 alert", key,
				 value);
			return OUTPUT_OPTION_BAD;
		}
		o->max_burst = v;
		return OUTPUT_OPTION_SET;
	}
	if (!strcmp(key, "outputs.collapse"))
		return output_parse_number(key, value, false, &o->collapse_seconds, err, errlen);
	return OUTPUT_OPTION_NOT_MINE;
}

bool alert_outputs_start(struct alert_outputs *o, bool json, char *err, size_t errlen)
{
	o->json = json;
	http_output_set_timeout(o->ch[CH_HTTP], o->timeout_ms);
	for (int i = 0; i < CH_COUNT; i++) {
		struct output_channel *c = o->ch[i];

		if (c->enabled && c->ops->start && !c->ops->start(c, err, errlen))
			return false;
	}
	if (o->rate > 0)
		token_bucket_init(&o->bucket, o->rate, o->max_burst);
	if (o->collapse_seconds > 0)
		o->collapse = collapse_new((uint64_t)(o->collapse_seconds * 1e9));
	struct sigaction sa = { .sa_handler = on_sigusr1, .sa_flags = SA_RESTART };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	return true;
}

void alert_outputs_set_capture(struct alert_outputs *o, struct capture_ring *ring)
{
	o->ring = ring;
}

const struct alert_output_stats *alert_outputs_stats(const struct alert_outputs *o)
{
	return &o->stats;
}

/* Hands A to every enabled channel. The first error of a channel is reported; all count. */
static void to_channels(struct alert_outputs *o, const struct alert *a)
{
	if (reopen_requested) {
		reopen_requested = 0;
		for (int i = 0; i < CH_COUNT; i++)
			if (o->ch[i]->ops->release)
				o->ch[i]->ops->release(o->ch[i]);
	}
	atomic_fetch_add(&o->stats.delivered, 1);
	for (int i = 0; i < CH_COUNT; i++) {
		struct output_channel *c = o->ch[i];
		char err[512];

		if (!c->enabled)
			continue;
		c->writes++;
		if (!c->ops->write(c, a, o->json, err, sizeof(err)))
			continue;
		if (!c->errors++)
			msg("%s: %s (reported once; later failures are counted)", c->name, err);
		atomic_fetch_add(&o->stats.errors, 1);
	}
}

static void emit_summary(void *opaque, const struct alert *summary)
{
	to_channels(opaque, summary);
}

void alert_outputs_tick(struct alert_outputs *o, uint64_t now)
{
	if (o->collapse)
		collapse_expire(o->collapse, now, emit_summary, o);
}

void alert_outputs_deliver(struct alert_outputs *o, const struct alert *a)
{
	if (o->ring)
		capture_ring_alert(o->ring, a);
	if (o->collapse) {
		collapse_expire(o->collapse, a->ts, emit_summary, o);
		if (!collapse_offer(o->collapse, a)) {
			atomic_fetch_add(&o->stats.collapsed, 1);
			return;
		}
	}
	/* repeat counts are never throttled: the count of what was seen is not lost */
	if (o->rate > 0 && !token_bucket_claim(&o->bucket, a->ts)) {
		atomic_fetch_add(&o->stats.throttled, 1);
		return;
	}
	to_channels(o, a);
}

uint64_t alert_outputs_close(struct alert_outputs *o)
{
	uint64_t errors;

	if (o->collapse) {
		collapse_expire(o->collapse, UINT64_MAX, emit_summary, o);
		collapse_free(o->collapse);
	}
	for (int i = 0; i < CH_COUNT; i++) {
		struct output_channel *c = o->ch[i];

		if (c->errors)
			msg("%s: %" PRIu64 " of %" PRIu64 " alerts failed", c->name, c->errors,
			    c->writes);
		c->ops->free(c);
	}
	if (o->stats.throttled)
		msg("outputs.rate: %" PRIu64 " alerts throttled", (uint64_t)o->stats.throttled);
	errors = o->stats.errors;
	signal(SIGUSR1, SIG_DFL);
	free(o);
	return errors;
}

static int on_tick(void *opaque, struct pipeline *p)
{
	struct timespec now;

	clock_gettime(CLOCK_REALTIME, &now);
	alert_outputs_tick(opaque, (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec);
	return 0;
}

void alert_outputs_add(struct alert_outputs *o, struct pipeline *p)
{
	pipeline_add(p, &(struct consumer){ .name = "alert-outputs", .on_tick = on_tick,
					    .opaque = o });
}
