/* SPDX-License-Identifier: Apache-2.0 */
/* Running a command under a filter: the child loads it, then executes the command. */
#include "seccomp/seccomp.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "util/util.h"

extern char **environ;

static void __attribute__((noreturn)) report_failure(int fd, int stage, int err)
{
	int msg[2] = { stage, err };
	if (fd >= 0 && write(fd, msg, sizeof(msg)) < 0)
		err = errno;	/* the profile may deny write too: the parent sees EOF */
	/*
	 * Raw exits, not _exit(): a sanitizer's exit hook would make syscalls the filter
	 * denies. A profile may deny exit_group but allow exit; this process has one thread.
	 */
	syscall(SYS_exit_group, 127);
	syscall(SYS_exit, 127);
	__builtin_unreachable();
}

void scp_exec_under(scmp_filter_ctx ctx, const char *path, char **argv, int err_fd)
{
	int rc = seccomp_load(ctx);
	if (rc < 0)
		report_failure(err_fd, SCP_STAGE_LOAD, -rc);
	/*
	 * From here on every syscall meets the filter. seccomp_load() makes none after
	 * seccomp(2) returns, so execve is the only one between the two.
	 */
	execve(path, argv, environ);
	report_failure(err_fd, SCP_STAGE_EXEC, errno);
}
