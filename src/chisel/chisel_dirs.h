/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Where chisels are found, in sysdig 0.29's order with sysray's own directory before
 * sysdig's: each directory of $SYSRAY_CHISEL_DIR and $SYSDIG_CHISEL_DIR (';'-separated, the
 * last listed first, as sysdig pushes each to the front), "" (a path as given: `-c ./x.lua`),
 * ./chisels/, ~/.chisels/ (when it exists), sysray's own chisels, then its own views (next to
 * the binary in a build tree, share/sysray/chisels and share/sysray/views when installed),
 * /usr/share/sysdig/chisels/. csysdig's views are found in the same directories. Every entry
 * but "" ends with '/'. The first file found wins, for running as for listing.
 */
#ifndef SYSRAY_CHISEL_CHISEL_DIRS_H
#define SYSRAY_CHISEL_CHISEL_DIRS_H

#include <stddef.h>

struct chisel_dirs {
	char **dirs;
	size_t n;
};

void chisel_dirs_init(struct chisel_dirs *d);
void chisel_dirs_free(struct chisel_dirs *d);

/* The file chisel NAME loads from: DIR NAME ".lua", else DIR NAME, in search order; a
 * malloc'd path, or NULL. */
char *chisel_dirs_find(const struct chisel_dirs *d, const char *name);

/* Calls FN(NAME, PATH, OPAQUE) for each NAME.lua file of the directories ("" aside), in
 * search order, the first file of a name only: what -cl lists and csysdig's views are read
 * from. */
void chisel_dirs_each_lua(const struct chisel_dirs *d,
			  void (*fn)(const char *name, const char *path, void *opaque), void *opaque);

/* Lua's package.path with "DIR?.lua" for every directory, after BASE. Malloc'd. */
char *chisel_dirs_package_path(const struct chisel_dirs *d, const char *base);

#endif
