/* Container ids in cgroup paths: each runtime names its cgroup after the 64-hex id. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "procfs/container.h"
#include "util/util.h"

static int hex64_at(const char *p)
{
	for (int i = 0; i < 64; i++)
		if (!isxdigit((unsigned char)p[i]) || isupper((unsigned char)p[i]))
			return 0;
	/* Exactly 64: the id ends the path component (or ".scope" follows). */
	return p[64] == '\0' || p[64] == '/' || p[64] == '.' || p[64] == '\n';
}

/* Runtime prefixes of the id's path component, most specific first. */
static const struct {
	const char *prefix;
	const char *runtime;
} prefixes[] = {
	{ "cri-containerd-", "containerd" },
	{ "docker-", "docker" },
	{ "crio-conmon-", "cri-o" },
	{ "crio-", "cri-o" },
	{ "libpod-conmon-", "podman" },
	{ "libpod-", "podman" },
};

/* Parent directories that say which runtime a bare "<id>" component belongs to. */
static const struct {
	const char *dir;
	const char *runtime;
} parents[] = {
	{ "/docker/", "docker" },
	{ "/containerd/", "containerd" },
	{ "/crio/", "cri-o" },
	{ "/libpod_parent/", "podman" },
	{ "/machine.slice/", "podman" },
	{ "/kubepods", "kubepods" },
	{ "/actions_job/", "docker" },
};

static int scan_line(const char *line, size_t len, struct container_ref *out)
{
	/* The path is after the second ':'. */
	const char *c1 = memchr(line, ':', len);
	const char *path = c1 ? memchr(c1 + 1, ':', len - (size_t)(c1 + 1 - line)) : NULL;
	if (!path)
		return 0;
	path++;
	const char *end = line + len;
	/* The last component holding an id wins: nested cgroups end in the container. */
	int found = 0;
	for (const char *comp = path; comp < end; comp++) {
		if (comp != path && comp[-1] != '/')
			continue;
		const char *runtime = NULL, *id = NULL;
		for (size_t i = 0; i < ARRAY_SIZE(prefixes) && !id; i++) {
			size_t pl = strlen(prefixes[i].prefix);
			if ((size_t)(end - comp) >= pl + 64 &&
			    !strncmp(comp, prefixes[i].prefix, pl) && hex64_at(comp + pl)) {
				id = comp + pl;
				runtime = prefixes[i].runtime;
			}
		}
		if (!id && end - comp >= 64 && hex64_at(comp)) {
			id = comp;
			runtime = "";
			for (size_t i = 0; i < ARRAY_SIZE(parents); i++) {
				const char *hit = strstr(path, parents[i].dir);
				if (hit && hit < comp) {
					runtime = parents[i].runtime;
					break;
				}
			}
		}
		if (id) {
			memcpy(out->id, id, 64);
			out->id[64] = '\0';
			snprintf(out->runtime, sizeof(out->runtime), "%s", runtime);
			found = 1;
		}
	}
	return found;
}

int container_from_cgroup(const char *text, struct container_ref *out)
{
	memset(out, 0, sizeof(*out));
	for (const char *line = text; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		if (scan_line(line, len, out))
			return 1;
		line = nl ? nl + 1 : NULL;
	}
	return 0;
}
