/* SPDX-License-Identifier: Apache-2.0 */
/* `seccomp run` in enforce and log mode: fork, load the filter in the child, execute. */
#include "seccomp/seccomp.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "schema/names.h"
#include "util/path_search.h"
#include "util/util.h"

#define NR_EXECVE 59

/* Why the child could not become the command, in the user's terms. */
static void explain_start_failure(const struct scp_run *r, int stage, int err, int sig)
{
	const char *file = r->profile->file ? r->profile->file : "the profile";
	uint64_t none[6] = { 0 };
	int ret;
	enum scp_action exec_act = scp_eval(r->profile, r->env, NR_EXECVE, none, &ret);
	if (stage == SCP_STAGE_LOAD) {
		msg("seccomp: the kernel refused the filter: %s", strerror(err));
		return;
	}
	if (scp_action_denies(exec_act)) {
		if (sig)
			msg("seccomp: %s denies execve (%s): '%s' cannot be started under it "
			    "(killed by %s at execve)", file, scp_action_name(exec_act), r->argv[0],
			    signal_name(sig) ? signal_name(sig) : "a signal");
		else
			msg("seccomp: %s denies execve (%s): '%s' cannot be started under it "
			    "(execve failed with %s)", file, scp_action_name(exec_act), r->argv[0],
			    errno_name(err) ? errno_name(err) : strerror(err));
		return;
	}
	msg("seccomp: cannot execute '%s': %s", r->argv[0], strerror(err));
}

static int run_direct(const struct scp_run *r, const char *path)
{
	struct diags d = { .file = r->profile->file };
	scmp_filter_ctx ctx = scp_compile(r->profile, r->env, r->mode, &d);
	diags_print(&d, stderr, DIAG_ERROR);
	diags_free(&d);
	if (!ctx)
		return 1;
	int pfd[2];
	if (pipe2(pfd, O_CLOEXEC) < 0) {
		msg_errno("pipe");
		seccomp_release(ctx);
		return 1;
	}
	/* Like system(3): the terminal's signals are for the command while it runs. */
	struct sigaction ign = { .sa_handler = SIG_IGN }, old_int, old_quit;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid < 0) {
		msg_errno("fork");
		seccomp_release(ctx);
		return 1;
	}
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		close(pfd[0]);
		scp_exec_under(ctx, path, r->argv, pfd[1]);
	}
	close(pfd[1]);
	seccomp_release(ctx);
	int report[2] = { 0, 0 };
	ssize_t n;
	do
		n = read(pfd[0], report, sizeof(report));
	while (n < 0 && errno == EINTR);
	close(pfd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (n == (ssize_t)sizeof(report)) {
		explain_start_failure(r, report[0], report[1], 0);
		return 126;
	}
	if (WIFSIGNALED(status)) {
		/* Killed before execve completed (EOF without a report): the filter did it. */
		if (n == 0 && WTERMSIG(status) == SIGSYS) {
			uint64_t none[6] = { 0 };
			int ret;
			if (scp_action_denies(scp_eval(r->profile, r->env, NR_EXECVE, none, &ret)))
				explain_start_failure(r, SCP_STAGE_EXEC, 0, SIGSYS);
		}
		return 128 + WTERMSIG(status);
	}
	return WEXITSTATUS(status);
}

int scp_run(const struct scp_run *r)
{
	char *path = path_search(r->argv[0]);
	if (!path) {
		msg("seccomp: cannot find '%s': %s", r->argv[0], strerror(errno));
		return 127;
	}
	int rc;
	if (r->mode == SCP_MODE_REPORT)
		rc = scp_report(r);
	else
		rc = run_direct(r, path);
	free(path);
	return rc;
}
