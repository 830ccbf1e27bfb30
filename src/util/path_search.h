/* SPDX-License-Identifier: Apache-2.0 */
/* Finding a command the way execvp(3) would, so that callers can show the real file name. */
#ifndef SYSRAY_UTIL_PATH_SEARCH_H
#define SYSRAY_UTIL_PATH_SEARCH_H

/*
 * ARGV0 itself when it contains a '/' and exists; otherwise the first executable regular
 * file ARGV0 on $PATH (default "/usr/local/bin:/bin:/usr/bin"). A malloc'ed string, or NULL
 * with errno set (ENOENT, or what stopped the search, e.g. EACCES).
 */
char *path_search(const char *argv0);

#endif
