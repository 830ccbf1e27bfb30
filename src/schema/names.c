/* SPDX-License-Identifier: Apache-2.0 */
#include "schema/names.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <strings.h>

#define ERRNO(val, name) [val] = #name,
static const char *const errno_names[] = {
#include "schema/errnos.def"
};
#undef ERRNO

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const char *errno_name(int err)
{
	if (err <= 0 || (size_t)err >= NELEM(errno_names))
		return NULL;
	return errno_names[err];
}

int errno_by_name(const char *name)
{
	for (size_t i = 1; i < NELEM(errno_names); i++)
		if (errno_names[i] && strcmp(errno_names[i], name) == 0)
			return (int)i;
	return -1;
}

const char *errno_message(int err)
{
	/* Codes >= 512 never reach user space; they show up only to tracers. */
	switch (err) {
	case 512: return "To be restarted if SA_RESTART is set";
	case 513: return "To be restarted";
	case 514: return "To be restarted if no handler";
	case 516: return "Interrupted by signal";
	}
	if (err >= 512)
		return "Unknown error";
	return strerror(err);
}

static const char *const signal_names[] = {
	[SIGHUP] = "SIGHUP",	[SIGINT] = "SIGINT",	[SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL",	[SIGTRAP] = "SIGTRAP",	[SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS",	[SIGFPE] = "SIGFPE",	[SIGKILL] = "SIGKILL",
	[SIGUSR1] = "SIGUSR1",	[SIGSEGV] = "SIGSEGV",	[SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE",	[SIGALRM] = "SIGALRM",	[SIGTERM] = "SIGTERM",
	[SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT",
	[SIGSTOP] = "SIGSTOP",	[SIGTSTP] = "SIGTSTP",	[SIGTTIN] = "SIGTTIN",
	[SIGTTOU] = "SIGTTOU",	[SIGURG] = "SIGURG",	[SIGXCPU] = "SIGXCPU",
	[SIGXFSZ] = "SIGXFSZ",	[SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
	[SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO",	[SIGPWR] = "SIGPWR",
	[SIGSYS] = "SIGSYS",
};

/* Kernel signal numbers 32..64 are the real-time range; strace names them from 32. */
static char rt_names[33][12];

const char *signal_name(int sig)
{
	if (sig > 0 && (size_t)sig < NELEM(signal_names))
		return signal_names[sig];
	if (sig < 32 || sig > 64)
		return NULL;
	char *s = rt_names[sig - 32];
	if (!s[0]) {
		if (sig == 32)
			strcpy(s, "SIGRTMIN");
		else
			snprintf(s, sizeof(rt_names[0]), "SIGRT_%d", sig - 32);
	}
	return s;
}

int signal_by_name(const char *name)
{
	char *end;
	long n = strtol(name, &end, 10);
	if (*name && !*end)
		return (n > 0 && n <= 64) ? (int)n : -1;
	for (int sig = 1; sig <= 64; sig++) {
		const char *s = signal_name(sig);
		if (s && (strcasecmp(s, name) == 0 || strcasecmp(s + 3, name) == 0))
			return sig;
	}
	return -1;
}
