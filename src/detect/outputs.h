/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Where alerts go: a set of channels, several at once, each getting the same line (Falco's
 * text line, or its JSON object with json_output), configured by Falco's falco.yaml keys
 * through `-o KEY=VALUE`:
 *
 *	stdout_output.enabled		true
 *	file_output.enabled/filename/keep_alive
 *	program_output.enabled/program/keep_alive
 *	syslog_output.enabled		false (Falco: true; see outputs.c)
 *	http_output.enabled/url/user_agent/insecure/ca_cert/ca_bundle/ca_path/mtls/
 *		client_cert/client_key/echo/keep_alive	(always POSTs the JSON object)
 *	output_timeout			2000 (ms; an HTTP POST's limit)
 *	outputs.rate, outputs.max_burst	Falco 0.32's token bucket; default: no limit
 *	outputs.collapse		seconds (sysray's own key); default 0: off
 *
 *	o = alert_outputs_new();
 *	alert_outputs_option(o, "file_output.enabled", "true", err, sizeof(err));  (per -o)
 *	alert_outputs_start(o, json_output, err, sizeof(err));	(checks, opens what stays open)
 *	alert_outputs_add(o, &pipeline);		(live: repeat counts on time)
 *	alert_outputs_deliver(o, &alert);		(per alert)
 *	alert_outputs_close(o);				(collapsed counts, totals; frees)
 *
 * A channel that fails is reported once with the reason, counted, and tried again with the
 * next alert: a broken output never stops detection. SIGUSR1 reopens the file and program
 * outputs kept alive (log rotation), as in Falco.
 */
#ifndef SYSRAY_DETECT_OUTPUTS_H
#define SYSRAY_DETECT_OUTPUTS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "detect/alert.h"
#include "pipeline/pipeline.h"

struct alert_outputs;
struct capture_ring;

/* What alert_outputs_option() made of a key. */
enum output_option {
	OUTPUT_OPTION_SET,		/* the key is the outputs' and its value was taken */
	OUTPUT_OPTION_BAD,		/* the key is the outputs', its value is wrong: see err */
	OUTPUT_OPTION_NOT_MINE,		/* not an outputs key: another part may know it */
};

/* What the outputs counted; read by the metrics endpoint from its own thread. */
struct alert_output_stats {
	_Atomic uint64_t delivered;	/* alerts handed to the channels */
	_Atomic uint64_t throttled;	/* alerts the rate limit dropped */
	_Atomic uint64_t collapsed;	/* alerts folded into a repeat count */
	_Atomic uint64_t errors;	/* failed writes, spawns and POSTs, all channels */
};

/* The value of a numeric key (a rate, a burst, seconds, bytes): a number >= 0, a whole one
 * with INTEGER; BAD with "option 'KEY': 'VALUE' is not a number >= 0" in ERR. */
enum output_option output_parse_number(const char *key, const char *value, bool integer,
				       double *out, char *err, size_t errlen);

struct alert_outputs *alert_outputs_new(void);

/* One `-o KEY=VALUE`: the keys above but json_output, which is the engine's (it builds the
 * lines) and is given to alert_outputs_start(). */
enum output_option alert_outputs_option(struct alert_outputs *o, const char *key,
					const char *value, char *err, size_t errlen);

/* After the options: the channels write JSON objects (JSON) or text lines; checks that each
 * enabled channel has what it needs (a file name, a program, a URL) and opens the files kept
 * alive. false with the reason in ERR. */
bool alert_outputs_start(struct alert_outputs *o, bool json, char *err, size_t errlen);

/* A live run: a consumer whose ticks print the repeat counts whose window ended. */
void alert_outputs_add(struct alert_outputs *o, struct pipeline *p);

/* Alerts also start a capture around them (--capture-dir), throttled or not. */
void alert_outputs_set_capture(struct alert_outputs *o, struct capture_ring *ring);

void alert_outputs_deliver(struct alert_outputs *o, const struct alert *a);

/* Prints the repeat counts of collapsed alerts whose window ended before NOW (ns since the
 * epoch): a live run calls it between batches, so that a count does not wait for the next
 * alert. */
void alert_outputs_tick(struct alert_outputs *o, uint64_t now);

const struct alert_output_stats *alert_outputs_stats(const struct alert_outputs *o);

/* Prints the pending repeat counts, closes every channel, reports the throttled alerts and
 * each channel's errors on stderr, and frees O. Returns the number of output errors. */
uint64_t alert_outputs_close(struct alert_outputs *o);

#endif
