/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Falco's configuration keys that `sysray detect -o KEY=VALUE` sets (falco.yaml's names):
 * one table of keys, each with its kind and where its value goes. The alert outputs add
 * their keys to the same table.
 */
#ifndef SYSRAY_DETECT_OPTIONS_H
#define SYSRAY_DETECT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "detect/alert.h"

struct detect_options {
	bool json_output;
	bool json_include_output_property;		/* default true */
	bool json_include_output_fields_property;	/* default true */
	bool json_include_tags_property;		/* default true */
	bool json_include_message_property;		/* default false */
	bool time_format_iso_8601;
	bool rule_matching_all;			/* rule_matching: all (default first) */
	enum rule_priority priority;		/* rules below it are not loaded */
	bool all_events;			/* -A */
};

void detect_options_init(struct detect_options *o);

/*
 * Sets KEY to VALUE. false with a message in ERR (ERRLEN bytes) for an unknown key or a bad
 * value: "unknown option 'x'", "option 'json_output': 'maybe' is not true or false".
 */
bool detect_option(struct detect_options *o, const char *key, const char *value, char *err,
		   size_t errlen);

#endif
