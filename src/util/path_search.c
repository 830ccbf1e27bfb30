/* SPDX-License-Identifier: Apache-2.0 */
#include "util/path_search.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/util.h"

char *path_search(const char *argv0)
{
	struct stat st;
	if (strchr(argv0, '/'))
		return stat(argv0, &st) == 0 ? xstrdup(argv0) : NULL;
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/local/bin:/bin:/usr/bin";
	int saved = ENOENT;
	for (const char *p = path;; p++) {
		const char *end = strchrnul(p, ':');
		char *full;
		/* An empty PATH element means the current directory. */
		if (asprintf(&full, "%.*s%s%s", (int)(end - p), p, end > p ? "/" : "", argv0) < 0)
			die("out of memory");
		if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111))
			return full;
		if (errno != ENOENT)
			saved = errno;
		free(full);
		if (!*end)
			break;
		p = end;
	}
	errno = saved;
	return NULL;
}
