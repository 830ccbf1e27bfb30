/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Applying profiles: compiling with libseccomp, loading in a child before it executes a
 * command, recording a command's syscalls into a profile, and reporting what a profile
 * would deny while a command runs.
 */
#ifndef SYSRAY_SECCOMP_SECCOMP_H
#define SYSRAY_SECCOMP_SECCOMP_H

#include <seccomp.h>
#include <stdbool.h>
#include <stdio.h>

#include "seccomp/profile.h"

enum scp_mode {
	SCP_MODE_ENFORCE,	/* as written */
	SCP_MODE_LOG,		/* every non-allow action becomes SCMP_ACT_LOG */
	SCP_MODE_REPORT,	/* every non-allow action becomes SCMP_ACT_TRACE: a tracer decides */
};

/*
 * The filter of P for ENV in MODE, or NULL with errors in D. Rules whose action equals
 * the default are left out (libseccomp refuses them, runc skips them).
 */
scmp_filter_ctx scp_compile(const struct scp_profile *p, const struct scp_env *env,
			    enum scp_mode mode, struct diags *d);

/* The number of BPF instructions of CTX, or -1. */
int scp_bpf_length(scmp_filter_ctx ctx);

/*
 * In a child about to become the command: loads CTX and executes PATH. Between the
 * seccomp(2) call in seccomp_load() and the command's first instruction this makes one
 * syscall, execve; this is why `record` adds execve to every profile. On failure it
 * writes {stage, errno} to ERR_FD (if >= 0) and exits 127.
 */
void scp_exec_under(scmp_filter_ctx ctx, const char *path, char **argv, int err_fd)
	__attribute__((noreturn));

/* The stages scp_exec_under reports. */
enum { SCP_STAGE_LOAD = 1, SCP_STAGE_EXEC = 2 };


struct scp_run {
	const struct scp_profile *profile;
	const struct scp_env *env;
	enum scp_mode mode;
	bool deny_after_report;
	char **argv;
	/* report mode: the command line that loads the filter then executes ARGV */
	char **helper_argv;
	FILE *report;		/* where report lines go (stderr) */
};

/* Runs the command under the profile; returns its exit status (128+N if killed by N). */
int scp_run(const struct scp_run *r);

/* Report mode only: traces HELPER_ARGV, prints each would-be-denied call and a summary. */
int scp_report(const struct scp_run *r);

/* Writes the profile recorded from ARGV (and its children) as JSON to OUT. */
struct scp_record {
	char **argv;
	enum scp_action default_action;
	bool default_given;
	const char *merge_file;		/* NULL or a profile whose rules are kept */
	const char *out_file;		/* NULL: stdout */
	/* NULL, or a profile to judge each call by: those it would deny go to stderr */
	const struct scp_profile *compare;
	const struct scp_env *env;	/* the machine COMPARE's includes/excludes see */
};
int scp_record(const struct scp_record *r);

/* `seccomp status`: kernel support, actions, and each PID's mode (all if NPIDS == 0). */
int scp_status(const int *pids, int npids, FILE *out);

#endif
