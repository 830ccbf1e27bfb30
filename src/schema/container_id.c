/* SPDX-License-Identifier: Apache-2.0 */
/* The one container-id rule; see container_id.h. */
#include "schema/container_id.h"

#include <string.h>

#include "util/util.h"

/* A component that starts with one of these names the container of that runtime. */
static const struct {
	const char *prefix;
	const char *runtime;
} prefixes[] = {
	{ "docker-", "docker" },
	{ "cri-containerd-", "containerd" },
	{ "crio-", "cri-o" },
	{ "libpod-", "podman" },
};

/* A bare "<id>" component belongs to the runtime its nearest parent of these names. */
static const struct {
	const char *name;
	const char *runtime;
} parents[] = {
	{ "docker", "docker" },
	{ "actions_job", "docker" },	/* GitHub Actions' job containers, under dockerd */
	{ "containerd", "containerd" },
	{ "default", "containerd" },	/* ctr's default namespace */
	{ "crio", "cri-o" },
	{ "libpod_parent", "podman" },
	{ "machine.slice", "podman" },
};

static bool is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* Is the component S (LEN bytes) exactly "<64 hex>" or "<64 hex>.scope"? */
static bool is_id(const char *s, size_t len)
{
	static const char scope[] = ".scope";

	if (len != CONTAINER_ID_LEN &&
	    (len != CONTAINER_ID_LEN + sizeof(scope) - 1 ||
	     memcmp(s + CONTAINER_ID_LEN, scope, sizeof(scope) - 1)))
		return false;
	for (size_t i = 0; i < CONTAINER_ID_LEN; i++)
		if (!is_hex(s[i]))
			return false;
	return true;
}

static bool is_name(const char *s, size_t len, const char *name)
{
	return strlen(name) == len && !memcmp(s, name, len);
}

/* The runtime of a bare id whose path before it is PATH (LEN bytes): the nearest parent. */
static const char *parent_runtime(const char *path, size_t len)
{
	const char *end = path + len;

	while (end > path) {
		const char *comp = end;

		while (comp > path && comp[-1] != '/')
			comp--;
		size_t n = (size_t)(end - comp);

		for (size_t i = 0; i < ARRAY_SIZE(parents); i++)
			if (is_name(comp, n, parents[i].name))
				return parents[i].runtime;
		/* kubepods, kubepods.slice, kubepods-burstable.slice, ... */
		if (n >= 8 && !memcmp(comp, "kubepods", 8))
			return "kubepods";
		end = comp > path ? comp - 1 : path;
	}
	return "";
}

/* Does the component S (LEN bytes) name a container? Sets C if it does. */
static bool component_id(const char *path, const char *s, size_t len, struct container_ref *c)
{
	const char *runtime = NULL, *id = s;

	for (size_t i = 0; i < ARRAY_SIZE(prefixes) && !runtime; i++) {
		size_t pl = strlen(prefixes[i].prefix);

		if (len > pl && !memcmp(s, prefixes[i].prefix, pl) && is_id(s + pl, len - pl)) {
			runtime = prefixes[i].runtime;
			id = s + pl;
		}
	}
	if (!runtime && is_id(s, len))
		runtime = parent_runtime(path, (size_t)(s - path));
	if (!runtime)
		return false;
	memcpy(c->id, id, CONTAINER_ID_LEN);
	c->id[CONTAINER_ID_LEN] = '\0';
	c->runtime = runtime;
	return true;
}

bool container_of_path(const char *path, size_t len, struct container_ref *c)
{
	const char *end = path + len;
	bool found = false;

	c->runtime = "";
	c->id[0] = '\0';
	/* The last component that names a container is the innermost container. */
	for (const char *comp = path; comp < end;) {
		const char *slash = memchr(comp, '/', (size_t)(end - comp));
		const char *stop = slash ? slash : end;

		if (component_id(path, comp, (size_t)(stop - comp), c))
			found = true;
		comp = stop + 1;
	}
	return found;
}

bool container_of_cgroups(const char *items, size_t len, struct container_ref *c)
{
	c->runtime = "";
	c->id[0] = '\0';
	for (size_t off = 0; items && off < len;) {
		const char *item = items + off;
		size_t n = strnlen(item, len - off);
		const char *path = memchr(item, '=', n);

		if (path && container_of_path(path + 1, n - (size_t)(path + 1 - item), c))
			return true;
		off += n + 1;
	}
	return false;
}

void container_short_id(const struct container_ref *c, char out[16])
{
	if (!c->id[0]) {
		strcpy(out, "host");
		return;
	}
	memcpy(out, c->id, CONTAINER_SHORT_LEN);
	out[CONTAINER_SHORT_LEN] = '\0';
}
