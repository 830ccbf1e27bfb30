/* SPDX-License-Identifier: Apache-2.0 */
#include "detect/options.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/util.h"

void detect_options_init(struct detect_options *o)
{
	*o = (struct detect_options){
		.json_include_output_property = true,
		.json_include_output_fields_property = true,
		.json_include_tags_property = true,
		.priority = PRIO_DEBUG,
	};
}

enum opt_kind { OPT_BOOL, OPT_PRIORITY, OPT_RULE_MATCHING };

static const struct {
	const char *key;
	enum opt_kind kind;
	size_t offset;
} keys[] = {
	{ "json_output", OPT_BOOL, offsetof(struct detect_options, json_output) },
	{ "json_include_output_property", OPT_BOOL,
	  offsetof(struct detect_options, json_include_output_property) },
	{ "json_include_output_fields_property", OPT_BOOL,
	  offsetof(struct detect_options, json_include_output_fields_property) },
	{ "json_include_tags_property", OPT_BOOL,
	  offsetof(struct detect_options, json_include_tags_property) },
	{ "json_include_message_property", OPT_BOOL,
	  offsetof(struct detect_options, json_include_message_property) },
	{ "time_format_iso_8601", OPT_BOOL, offsetof(struct detect_options, time_format_iso_8601) },
	{ "rule_matching", OPT_RULE_MATCHING, offsetof(struct detect_options, rule_matching_all) },
	{ "priority", OPT_PRIORITY, offsetof(struct detect_options, priority) },
};

bool detect_option(struct detect_options *o, const char *key, const char *value, char *err,
		   size_t errlen)
{
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		if (strcmp(keys[i].key, key))
			continue;
		void *at = (char *)o + keys[i].offset;
		switch (keys[i].kind) {
		case OPT_BOOL:
			if (!strcasecmp(value, "true") || !strcasecmp(value, "false")) {
				*(bool *)at = !strcasecmp(value, "true");
				return true;
			}
			snprintf(err, errlen, "option '%s': '%s' is not true or false", key, value);
			return false;
		case OPT_PRIORITY:
			if (rule_priority_parse(value, at))
				return true;
			snprintf(err, errlen, "option '%s': '%s' is not a priority (emergency, "
				 "alert, critical, error, warning, notice, informational, debug)",
				 key, value);
			return false;
		case OPT_RULE_MATCHING:
			if (!strcmp(value, "first") || !strcmp(value, "all")) {
				*(bool *)at = !strcmp(value, "all");
				return true;
			}
			snprintf(err, errlen, "option '%s': '%s' is not first or all", key, value);
			return false;
		}
	}
	snprintf(err, errlen, "unknown option '%s'", key);
	return false;
}
