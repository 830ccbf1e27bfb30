/* SPDX-License-Identifier: Apache-2.0 */
#include "schema/syscalls.h"

#include <stddef.h>
#include <string.h>

#define SC(nr_, name_, nargs_, classes_, kinds_, names_) \
	[nr_] = { #name_, kinds_, names_, classes_, nr_, nargs_ },
static const struct syscall_info table[SYSCALL_NR_LIMIT] = {
#include "schema/syscalls_x86_64.def"
};
#undef SC

const struct syscall_info *syscall_by_nr(long nr)
{
	if (nr < 0 || nr >= SYSCALL_NR_LIMIT || !table[nr].name)
		return NULL;
	return &table[nr];
}

long syscall_nr_by_name(const char *name)
{
	for (long nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (table[nr].name && strcmp(table[nr].name, name) == 0)
			return nr;
	return -1;
}

static const struct {
	const char *name;
	uint32_t classes;
} class_names[] = {
	{ "file", SC_FILE },		{ "desc", SC_DESC },
	{ "ipc", SC_IPC },		{ "network", SC_NETWORK },
	{ "net", SC_NETWORK },		{ "process", SC_PROCESS },
	{ "signal", SC_SIGNAL },	{ "memory", SC_MEMORY },
	{ "creds", SC_CREDS },		{ "clock", SC_CLOCK },
	{ "stat", SC_STAT },		{ "lstat", SC_LSTAT },
	{ "fstat", SC_FSTAT },		{ "%stat", SC_STAT_LIKE },
	{ "statfs", SC_STATFS },	{ "fstatfs", SC_FSTATFS },
	{ "%statfs", SC_STATFS_LIKE },	{ "pure", SC_PURE },
};

uint32_t syscall_class_by_name(const char *name)
{
	if (*name == '%')
		name++;
	for (size_t i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++)
		if (strcmp(class_names[i].name, name) == 0)
			return class_names[i].classes;
	return 0;
}
