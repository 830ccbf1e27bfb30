/* SPDX-License-Identifier: Apache-2.0 */
/* Ground-floor helpers: allocation that never returns NULL, messages in the tool's voice. */
#ifndef SYSRAY_UTIL_UTIL_H
#define SYSRAY_UTIL_UTIL_H

#include <stddef.h>
#include <stdbool.h>
#include <time.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* The program name used as the prefix of every message ("sysray"). */
extern const char *progname;

/* "sysray: MESSAGE\n" on stderr. */
/* SEC as local time, "HH:MM:SS" or with DATE "YYYY-MM-DD HH:MM:SS", in a static buffer that
 * the next call may overwrite. Consecutive events mostly fall in one second: the last
 * conversion of each form is kept, so localtime_r() and strftime() run once a second. */
const char *local_clock(time_t sec, bool date);

void msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* msg(), then ": strerror(errno)". */
void msg_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* msg(), then exit(1). */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
