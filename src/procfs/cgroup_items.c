/* SPDX-License-Identifier: Apache-2.0 */
/* Cgroup items from /proc and the cgroup mounts; see cgroup_items.h. */
#include "procfs/cgroup_items.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>

#include "procfs/proc_file.h"
#include "util/util.h"

#define CGROUP2_SUPER_MAGIC 0x63677270

static bool is_cgroup2(const char *path)
{
	struct statfs sf;

	return statfs(path, &sf) == 0 && sf.f_type == CGROUP2_SUPER_MAGIC;
}

const char *cgroup_v2_mount(void)
{
	if (is_cgroup2("/sys/fs/cgroup"))
		return "/sys/fs/cgroup";
	if (is_cgroup2("/sys/fs/cgroup/unified"))
		return "/sys/fs/cgroup/unified";
	return NULL;
}

/* The controllers of the v2 hierarchy, space-separated in cgroup.controllers of its root;
 * read once (the /proc snapshot asks for every process), "" when there is none. */
static const char *v2_controllers(void)
{
	static char *ctl;

	if (!ctl) {
		const char *mnt = cgroup_v2_mount();
		char path[64];

		snprintf(path, sizeof(path), "%s/cgroup.controllers", mnt ? mnt : "");
		ctl = mnt ? proc_read_path(path, NULL) : NULL;
		if (!ctl)
			ctl = xstrdup("");
	}
	return ctl;
}

/* Calls FN(NAME, LEN, ARG) for each controller of the v2 hierarchy. */
static void each_v2_controller(void (*fn)(const char *, size_t, void *), void *arg)
{
	for (const char *c = v2_controllers(), *e; *c; c = e) {
		e = c + strcspn(c, " \n");
		if (e > c)
			fn(c, (size_t)(e - c), arg);
		e += strspn(e, " \n");
	}
}

static size_t add_item(uint8_t *ids, char names[][16], size_t n, uint8_t id, const char *name,
		       size_t len)
{
	if (n == CGROUP_ITEMS_MAX || len == 0 || len > 14)
		return n;
	ids[n] = id;
	memset(names[n], 0, 16);
	memcpy(names[n], name, len);
	names[n][len] = '=';
	return n + 1;
}

struct layout {
	uint8_t *ids;
	char (*names)[16];
	size_t n;
};

static void add_v2_item(const char *name, size_t len, void *arg)
{
	struct layout *l = arg;

	l->n = add_item(l->ids, l->names, l->n, CGROUP_ITEM_DFL, name, len);
}

size_t cgroup_item_layout(uint8_t ids[CGROUP_ITEMS_MAX], char names[CGROUP_ITEMS_MAX][16])
{
	/* /proc/cgroups: "subsys_name hierarchy num_cgroups enabled", one row per subsystem
	 * in subsystem id order; hierarchy 0 is v2 (or unmounted). */
	char *text = proc_read_path("/proc/cgroups", NULL);
	size_t n = 0;
	int id = 0;

	for (char *line = text ? strtok(text, "\n") : NULL; line; line = strtok(NULL, "\n")) {
		char name[32];
		int hier, count, enabled;

		if (line[0] == '#')
			continue;
		if (sscanf(line, "%31s %d %d %d", name, &hier, &count, &enabled) == 4 &&
		    hier != 0 && enabled)
			n = add_item(ids, names, n, (uint8_t)id, name, strlen(name));
		id++;
	}
	free(text);
	struct layout l = { ids, names, n };

	each_v2_controller(add_v2_item, &l);
	return l.n;
}

static void append(char **buf, size_t *len, const char *name, size_t nlen, const char *path,
		   size_t plen)
{
	*buf = xrealloc(*buf, *len + nlen + plen + 2);
	memcpy(*buf + *len, name, nlen);
	(*buf)[*len + nlen] = '=';
	memcpy(*buf + *len + nlen + 1, path, plen);
	(*buf)[*len + nlen + 1 + plen] = 0;
	*len += nlen + plen + 2;
}

/* The items being built: one per v2 controller, naming PATH. */
struct items {
	char *buf;
	size_t *len;
	const char *path;
	size_t plen;
};

static void add_v2_path(const char *name, size_t nlen, void *arg)
{
	struct items *it = arg;

	append(&it->buf, it->len, name, nlen, it->path, it->plen);
}

char *cgroup_items_of(pid_t pid, size_t *len)
{
	char *text = proc_read(pid, "cgroup", NULL);
	char *buf = NULL;

	*len = 0;
	if (!text)
		return NULL;
	/* "ID:CONTROLLERS:PATH" per hierarchy, "0::PATH" for v2 */
	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		char *c1 = strchr(line, ':');
		char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;

		if (!c2)
			continue;
		const char *path = c2 + 1;
		size_t plen = strlen(path);

		if (c2 == c1 + 1) {
			struct items it = { buf, len, path, plen };

			each_v2_controller(add_v2_path, &it);
			buf = it.buf;
			continue;
		}
		for (char *c = c1 + 1, *e; c < c2; c = e + 1) {
			e = memchr(c, ',', (size_t)(c2 - c));
			if (!e)
				e = c2;
			if (e > c && strncmp(c, "name=", 5) != 0)
				append(&buf, len, c, (size_t)(e - c), path, plen);
		}
	}
	free(text);
	if (!buf)
		buf = xstrdup("");
	return buf;
}
