/* SPDX-License-Identifier: Apache-2.0 */
/*
 * One alert channel (stdout, a file, a program, syslog, HTTP) behind the outputs set of
 * detect/outputs.h. The set handles `CHANNEL.enabled` and `CHANNEL.keep_alive`, counts and
 * reports errors; a channel parses its own keys and writes.
 */
#ifndef SYSRAY_DETECT_OUTPUT_CHANNEL_H
#define SYSRAY_DETECT_OUTPUT_CHANNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "detect/alert.h"
#include "detect/outputs.h"

struct output_channel;

struct output_channel_ops {
	/* KEY is what follows "CHANNEL." (NULL: the channel has no keys of its own). */
	enum output_option (*option)(struct output_channel *c, const char *key, const char *value,
				     char *err, size_t errlen);
	/* Enabled: checks the settings; with keep_alive, may open now. false + ERR. */
	bool (*start)(struct output_channel *c, char *err, size_t errlen);
	/* Writes A's JSON object (JSON) or text line; 0, or -1 with the reason in ERR. */
	int (*write)(struct output_channel *c, const struct alert *a, bool json, char *err,
		     size_t errlen);
	/* Closes what keep_alive keeps open (SIGUSR1); the next write reopens. NULL: the
	 * channel has no keep_alive. */
	void (*release)(struct output_channel *c);
	void (*free)(struct output_channel *c);
};

struct output_channel {
	const char *name;		/* "file_output": the key prefix and the messages' */
	const struct output_channel_ops *ops;
	bool enabled;
	bool keep_alive;
	uint64_t writes, errors;
};

/* Falco's boolean values: true or false, in any case (as the engine's keys). */
enum output_option output_parse_bool(const char *key, const char *value, bool *out, char *err,
				     size_t errlen);

struct output_channel *stdout_output_new(void);
struct output_channel *file_output_new(void);
struct output_channel *program_output_new(void);
struct output_channel *syslog_output_new(void);
struct output_channel *http_output_new(void);
/* The POST's time limit (output_timeout, ms). */
void http_output_set_timeout(struct output_channel *c, long ms);

#endif
