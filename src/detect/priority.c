/* SPDX-License-Identifier: Apache-2.0 */
#include <strings.h>

#include "detect/alert.h"

static const char *const priority_names[PRIO_COUNT] = {
	[PRIO_EMERGENCY] = "Emergency",	[PRIO_ALERT] = "Alert",
	[PRIO_CRITICAL] = "Critical",	[PRIO_ERROR] = "Error",
	[PRIO_WARNING] = "Warning",	[PRIO_NOTICE] = "Notice",
	[PRIO_INFORMATIONAL] = "Informational", [PRIO_DEBUG] = "Debug",
};

const char *rule_priority_name(enum rule_priority p)
{
	return p < PRIO_COUNT ? priority_names[p] : "Unknown";
}

bool rule_priority_parse(const char *text, enum rule_priority *out)
{
	for (int p = 0; p < PRIO_COUNT; p++) {
		if (!strcasecmp(text, priority_names[p])) {
			*out = (enum rule_priority)p;
			return true;
		}
	}
	if (!strcasecmp(text, "info")) {
		*out = PRIO_INFORMATIONAL;
		return true;
	}
	return false;
}
