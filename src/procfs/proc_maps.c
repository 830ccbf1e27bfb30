/* SPDX-License-Identifier: Apache-2.0 */
/* /proc/PID/maps: "start-end perms offset major:minor inode   path". */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "procfs/proc_file.h"
#include "procfs/proc_maps.h"
#include "util/util.h"

static const char deleted_suffix[] = " (deleted)";

int proc_maps_parse_line(const char *line, struct map_file *out)
{
	unsigned int major, minor;
	unsigned long long inode;
	int path_at = 0;
	if (sscanf(line, "%*x-%*x %*s %*x %x:%x %llu %n", &major, &minor, &inode, &path_at) < 3)
		return 0;
	/* Anonymous and pseudo mappings ([heap], [vdso]) have inode 0. */
	if (inode == 0 || !path_at || line[path_at] != '/')
		return 0;
	size_t len = strcspn(line + path_at, "\n");
	out->major = major;
	out->minor = minor;
	out->inode = inode;
	out->deleted = 0;
	size_t sl = sizeof(deleted_suffix) - 1;
	if (len > sl && !memcmp(line + path_at + len - sl, deleted_suffix, sl)) {
		out->deleted = 1;
		len -= sl;
	}
	out->path = xmalloc(len + 1);
	memcpy(out->path, line + path_at, len);
	out->path[len] = '\0';
	return 1;
}

int proc_maps_files(pid_t pid, struct map_file **files, size_t *n)
{
	char *text = proc_read(pid, "maps", NULL);
	if (!text)
		return -errno;
	size_t cnt = 0, cap = 16;
	struct map_file *v = xmalloc(cap * sizeof(*v));
	for (char *line = text; *line;) {
		struct map_file m;
		if (proc_maps_parse_line(line, &m)) {
			int dup = 0;
			for (size_t i = 0; i < cnt && !dup; i++)
				dup = v[i].inode == m.inode && v[i].major == m.major &&
				      v[i].minor == m.minor;
			if (dup) {
				free(m.path);
			} else {
				if (cnt == cap) {
					cap *= 2;
					v = xrealloc(v, cap * sizeof(*v));
				}
				v[cnt++] = m;
			}
		}
		char *nl = strchr(line, '\n');
		if (!nl)
			break;
		line = nl + 1;
	}
	free(text);
	*files = v;
	*n = cnt;
	return 0;
}

void map_files_free(struct map_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(files[i].path);
	free(files);
}
