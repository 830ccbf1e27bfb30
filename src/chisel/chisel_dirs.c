/* SPDX-License-Identifier: Apache-2.0 */
#include "chisel/chisel_dirs.h"

#include <dirent.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "output/out.h"
#include "util/own_dir.h"
#include "util/util.h"

#define SYSDIG_CHISELS "/usr/share/sysdig/chisels/"

static bool is_dir(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static void push(struct chisel_dirs *d, const char *dir, bool slash)
{
	size_t len = strlen(dir);
	char *s = xmalloc(len + 2);

	memcpy(s, dir, len + 1);
	if (slash && len && dir[len - 1] != '/')
		strcpy(s + len, "/");
	d->dirs = xrealloc(d->dirs, (d->n + 1) * sizeof(*d->dirs));
	d->dirs[d->n++] = s;
}

/* The ';'-separated directories of environment variable VAR, the last one first. */
static void push_env(struct chisel_dirs *d, const char *var)
{
	const char *v = getenv(var);

	if (!v || !*v)
		return;
	char *copy = xstrdup(v);
	char *items[64];
	size_t n = 0;

	for (char *save, *t = strtok_r(copy, ";", &save); t && n < 64;
	     t = strtok_r(NULL, ";", &save))
		items[n++] = t;
	while (n--)
		push(d, items[n], true);
	free(copy);
}

/* Pushes the directory PATH (resolved) when it exists; false when it does not. */
static bool push_if_dir(struct chisel_dirs *d, const char *path)
{
	char real[PATH_MAX];

	if (!is_dir(path) || !realpath(path, real))
		return false;
	push(d, real, true);
	return true;
}

/* sysray's own chisels, then its own views (util/own_dir.h): csysdig reads its views from
 * the chisel directories too. */
static void push_own(struct chisel_dirs *d)
{
	static const char *const names[] = { "chisels", "views" };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		char *dir = own_data_dir(names[i]);

		if (dir)
			push_if_dir(d, dir);
		free(dir);
	}
}

void chisel_dirs_init(struct chisel_dirs *d)
{
	*d = (struct chisel_dirs){ 0 };
	push_env(d, "SYSRAY_CHISEL_DIR");
	push_env(d, "SYSDIG_CHISEL_DIR");
	push(d, "", false);
	push(d, "./chisels/", false);
	const char *home = getenv("HOME");
	if (home && *home) {
		struct out p = { 0 };

		out_printf(&p, "%s/.chisels", home);
		push_if_dir(d, p.buf);
		out_free(&p);
	}
	push_own(d);
	push(d, SYSDIG_CHISELS, false);
}

void chisel_dirs_free(struct chisel_dirs *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->dirs[i]);
	free(d->dirs);
	*d = (struct chisel_dirs){ 0 };
}

static bool is_file(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

char *chisel_dirs_find(const struct chisel_dirs *d, const char *name)
{
	for (size_t i = 0; i < d->n; i++) {
		static const char *const ext[] = { ".lua", "" };
		for (size_t e = 0; e < ARRAY_SIZE(ext); e++) {
			struct out p = { 0 };

			out_printf(&p, "%s%s%s", d->dirs[i], name, ext[e]);
			if (is_file(p.buf))
				return p.buf;
			out_free(&p);
		}
	}
	return NULL;
}

char *chisel_dirs_package_path(const struct chisel_dirs *d, const char *base)
{
	struct out p = { 0 };

	out_puts(&p, base ? base : "");
	for (size_t i = 0; i < d->n; i++)
		if (*d->dirs[i])
			out_printf(&p, ";%s?.lua", d->dirs[i]);
	out_putc(&p, 0);
	return p.buf;
}

void chisel_dirs_each_lua(const struct chisel_dirs *d,
			  void (*fn)(const char *name, const char *path, void *opaque), void *opaque)
{
	char **seen = NULL;
	size_t nseen = 0;

	for (size_t i = 0; i < d->n; i++) {
		if (!*d->dirs[i])
			continue;	/* "": paths as given, nothing to walk */
		DIR *dir = opendir(d->dirs[i]);
		struct dirent *de;

		if (!dir)
			continue;
		while ((de = readdir(dir))) {
			size_t len = strlen(de->d_name), k;

			if (len <= 4 || strcmp(de->d_name + len - 4, ".lua"))
				continue;
			for (k = 0; k < nseen && strcmp(seen[k], de->d_name); k++)
				;
			if (k < nseen)
				continue;
			seen = xrealloc(seen, (nseen + 1) * sizeof(*seen));
			seen[nseen++] = xstrdup(de->d_name);

			struct out path = { 0 };
			char *name = xstrdup(de->d_name);

			name[len - 4] = 0;
			out_printf(&path, "%s%s", d->dirs[i], de->d_name);
			fn(name, path.buf, opaque);
			out_free(&path);
			free(name);
		}
		closedir(dir);
	}
	for (size_t k = 0; k < nseen; k++)
		free(seen[k]);
	free(seen);
}
