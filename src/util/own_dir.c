/* SPDX-License-Identifier: Apache-2.0 */
#include "util/own_dir.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util.h"

char *own_data_dir(const char *name)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0)
		return NULL;
	exe[n] = 0;
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = 0;
	static const char *const rel[] = { "/../share/sysray/", "/../" };
	for (size_t i = 0; i < ARRAY_SIZE(rel); i++) {
		char path[PATH_MAX + 64], real[PATH_MAX];
		struct stat sb;

		snprintf(path, sizeof(path), "%s%s%s", exe, rel[i], name);
		if (!stat(path, &sb) && S_ISDIR(sb.st_mode) && realpath(path, real))
			return xstrdup(real);
	}
	return NULL;
}
