/* SPDX-License-Identifier: Apache-2.0 */
#include "capture/event_names.h"

#include <string.h>

#include "capture/event_table.h"
#include "capture/ppm_sc.h"
#include "schema/syscalls.h"
#include "util/edit_distance.h"

/* Calls FN on every known name until it returns true; returns whether one did. Codes past
 * SCAP_EVENT_MAX_029 are unknown to sysdig 0.29 ("unknown event type useradded"); "NA" names
 * the unused codes. */
static bool each_name(bool (*fn)(const char *name, void *arg), void *arg)
{
	for (unsigned code = 0; code < SCAP_EVENT_MAX_029; code++) {
		const char *name = scap_event_table[code].name;

		if (strcmp(name, "NA") && fn(name, arg))
			return true;
	}
	for (unsigned code = 1; scap_ppm_sc_name(code); code++)
		if (fn(scap_ppm_sc_name(code), arg))
			return true;
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
		const struct syscall_info *si = syscall_by_nr(nr);

		if (si && fn(si->name, arg))
			return true;
	}
	return false;
}

static bool same_name(const char *name, void *arg)
{
	return strcmp(name, arg) == 0;
}

bool scap_event_name_known(const char *name)
{
	return *name && each_name(same_name, (void *)name);
}

struct nearest {
	const char *name, *best;
	size_t best_d;
};

static bool closer(const char *name, void *arg)
{
	struct nearest *n = arg;
	size_t d = edit_distance(n->name, name);

	if (d < n->best_d) {
		n->best_d = d;
		n->best = name;
	}
	return false;
}

const char *scap_event_name_suggest(const char *name)
{
	struct nearest n = { .name = name, .best_d = EDIT_DISTANCE_FAR };

	each_name(closer, &n);
	return *name && edit_distance_near(name, n.best_d) ? n.best : NULL;
}
