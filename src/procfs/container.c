/* SPDX-License-Identifier: Apache-2.0 */
/* /proc/PID/cgroup lines to the container-id rule; see container.h. */
#include <string.h>

#include "procfs/container.h"

int container_from_cgroup(const char *text, struct container_ref *out)
{
	out->runtime = "";
	out->id[0] = '\0';
	for (const char *line = text; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		/* The path is after the second ':'. */
		const char *c1 = memchr(line, ':', len);
		const char *path = c1 ? memchr(c1 + 1, ':', len - (size_t)(c1 + 1 - line)) : NULL;

		if (path && container_of_path(path + 1, len - (size_t)(path + 1 - line), out))
			return 1;
		line = nl ? nl + 1 : NULL;
	}
	return 0;
}
