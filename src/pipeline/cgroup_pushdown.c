/* SPDX-License-Identifier: Apache-2.0 */
/* container.id verdicts per v2 cgroup; see cgroup_pushdown.h. */
#include "pipeline/cgroup_pushdown.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "procfs/cgroup_items.h"
#include "schema/container_id.h"
#include "util/util.h"

/* Cgroup trees are shallow; deeper ones are left to user space. */
#define WALK_DEPTH 16

bool cgroup_pushdown_init(struct cgroup_pushdown *p, const struct filter *f)
{
	memset(p, 0, sizeof(*p));
	if (!filter_uses_container(f))
		return false;
	p->mnt = cgroup_v2_mount();
	if (!p->mnt)
		return false;
	p->flt = f;
	p->exact = strcmp(p->mnt, "/sys/fs/cgroup") == 0;
	return true;
}

static int cmp_id(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static bool seen(const struct cgroup_pushdown *p, uint64_t id)
{
	return p->nids && bsearch(&id, p->ids, p->nids, sizeof(*p->ids), cmp_id);
}

/* The verdict of the cgroup at PATH (relative to the mount, starting with '/'). */
static bool may_match(const struct cgroup_pushdown *p, const char *path)
{
	struct container_ref c;
	char id[16];

	container_of_path(path, strlen(path), &c);
	container_short_id(&c, id);
	if (!p->exact && !strcmp(id, "host"))
		return true;
	return filter_may_match_container(p->flt, id);
}

/* Directory FD is the cgroup at PATH (LEN bytes); its inode number is the cgroup id. */
static void walk(struct cgroup_pushdown *p, struct bpf_source *src, int fd, char *path,
		 size_t len, int depth, uint64_t **found, size_t *nfound, size_t *cap)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && !seen(p, st.st_ino)) {
		bool pass = may_match(p, len ? path : "/");

		if (bpf_source_set_cgroup_verdict(src, st.st_ino, pass) == 0) {
			if (*nfound == *cap) {
				*cap = *cap ? 2 * *cap : 64;
				*found = xrealloc(*found, *cap * sizeof(**found));
			}
			(*found)[(*nfound)++] = st.st_ino;
			p->dropped += !pass;
		}
	}
	DIR *d = depth < WALK_DEPTH ? fdopendir(fd) : NULL;

	if (!d) {
		close(fd);
		return;
	}
	for (struct dirent *e; (e = readdir(d));) {
		size_t n = strlen(e->d_name);

		if (e->d_type != DT_DIR || e->d_name[0] == '.' || len + n + 2 > PATH_MAX)
			continue;
		int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

		if (sub < 0)
			continue;
		path[len] = '/';
		memcpy(path + len + 1, e->d_name, n + 1);
		walk(p, src, sub, path, len + n + 1, depth + 1, found, nfound, cap);
		path[len] = 0;
	}
	closedir(d);
}

void cgroup_pushdown_scan(struct cgroup_pushdown *p, struct bpf_source *src)
{
	char path[PATH_MAX] = "";
	uint64_t *found = NULL;
	size_t nfound = 0, cap = 0;
	int fd = open(p->mnt, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return;
	walk(p, src, fd, path, 0, 0, &found, &nfound, &cap);
	if (!nfound)
		return;
	p->ids = xrealloc(p->ids, (p->nids + nfound) * sizeof(*p->ids));
	memcpy(p->ids + p->nids, found, nfound * sizeof(*found));
	p->nids += nfound;
	qsort(p->ids, p->nids, sizeof(*p->ids), cmp_id);
	free(found);
}

void cgroup_pushdown_free(struct cgroup_pushdown *p)
{
	free(p->ids);
	p->ids = NULL;
	p->nids = 0;
}
