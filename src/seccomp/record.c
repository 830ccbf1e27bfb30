/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `seccomp record`: trace a command and its children, collect the syscalls they made,
 * and write a profile that allows exactly those, plus execve, which the runner calls
 * between loading the filter and the command's first instruction (see scp_exec_under).
 * With a profile to compare, each call is also judged by that profile with its arguments
 * (clone's flags, socket's family decide), and the calls it would deny are reported.
 */
#include "seccomp/seccomp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema/syscalls.h"
#include "source/ptrace/tracer.h"
#include "util/util.h"

/* What a process calls after seccomp_load() returns and before its own code runs. */
static const char *const runner_syscalls[] = { "execve" };

struct recording {
	uint64_t used[(SYSCALL_NR_LIMIT + 63) / 64];
	unsigned unknown;	/* calls with numbers outside the table (x32, i386) */
	pid_t *pids;		/* every process seen */
	int processes;
	const struct scp_profile *compare;
	const struct scp_env *env;
	unsigned calls[SYSCALL_NR_LIMIT];	/* with COMPARE: calls of each syscall */
	unsigned beyond[SYSCALL_NR_LIMIT];	/* ... and those COMPARE would deny */
};

static void saw_pid(struct recording *rec, pid_t pid)
{
	for (int i = 0; i < rec->processes; i++)
		if (rec->pids[i] == pid)
			return;
	rec->pids = xrealloc(rec->pids, (size_t)(rec->processes + 1) * sizeof(pid_t));
	rec->pids[rec->processes++] = pid;
}

static void sink(void *ctx, const struct tracer_event *ev)
{
	struct recording *rec = ctx;
	if (ev->kind != TEV_SYSCALL_ENTRY)
		return;
	saw_pid(rec, ev->pid);
	if (!syscall_by_nr(ev->nr)) {
		rec->unknown++;
		return;
	}
	rec->used[ev->nr / 64] |= 1ull << (ev->nr % 64);
	if (rec->compare) {
		int ret;
		rec->calls[ev->nr]++;
		if (scp_action_denies(scp_eval(rec->compare, rec->env, ev->nr, ev->args, &ret)))
			rec->beyond[ev->nr]++;
	}
}

/* "beyond docker-default: keyctl, clone (1 of 3 calls)": what the compared profile denies. */
static void report_beyond(const struct recording *rec, const char *name)
{
	int kinds = 0;
	for (int nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		kinds += rec->beyond[nr] > 0;
	if (!kinds) {
		msg("seccomp record: nothing beyond %s: it allows every call the command made",
		    name);
		return;
	}
	fprintf(stderr, "%s: seccomp record: beyond %s: %d syscall%s it would deny:", progname,
		name, kinds, kinds == 1 ? "" : "s");
	const char *sep = " ";
	for (int nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
		if (!rec->beyond[nr])
			continue;
		fprintf(stderr, "%s%s", sep, syscall_by_nr(nr)->name);
		/* Denied for some arguments only: how many of the calls. */
		if (rec->beyond[nr] < rec->calls[nr])
			fprintf(stderr, " (%u of %u calls)", rec->beyond[nr], rec->calls[nr]);
		sep = ", ";
	}
	fputc('\n', stderr);
}

/* The first unconditional allow rule that applies everywhere, or a new one. */
static struct scp_rule *allow_rule(struct scp_profile *p)
{
	for (int i = 0; i < p->nrules; i++) {
		struct scp_rule *r = &p->rules[i];
		if (r->action == SCP_ACT_ALLOW && !r->nconds && !r->includes.narches &&
		    !r->includes.ncaps && !r->includes.has_min_kernel && !r->excludes.narches &&
		    !r->excludes.ncaps && !r->excludes.has_min_kernel)
			return r;
	}
	return scp_add_rule(p, SCP_ACT_ALLOW);
}

static bool allowed_by(const struct scp_rule *r, const char *name)
{
	for (int i = 0; i < r->nnames; i++)
		if (!strcmp(r->names[i].name, name))
			return true;
	return false;
}

static void allow(struct scp_rule *r, const char *name, int *added)
{
	if (!allowed_by(r, name)) {
		scp_rule_add_name(r, name);
		(*added)++;
	}
}

int scp_record(const struct scp_record *rq)
{
	struct scp_profile p;
	struct diags d = { .file = rq->merge_file };
	if (rq->merge_file) {
		if (scp_load(rq->merge_file, &p, &d) < 0) {
			diags_print(&d, stderr, DIAG_ERROR);
			diags_free(&d);
			scp_profile_free(&p);
			return 1;
		}
		if (rq->default_given) {
			p.default_action = rq->default_action;
			p.default_errno_ret = rq->default_action == SCP_ACT_ERRNO ? 1 : -1;
		}
	} else {
		scp_profile_init(&p, rq->default_action);
	}
	diags_free(&d);

	struct recording rec = { .compare = rq->compare, .env = rq->env };
	struct tracer_config cfg = { .argv = rq->argv, .follow_forks = true, .quiet = 1 };
	int fatal = 0;
	int rc = tracer_run(&cfg, sink, &rec, &fatal);
	if (rc < 0) {
		free(rec.pids);
		scp_profile_free(&p);
		return 1;
	}

	struct scp_rule *r = allow_rule(&p);
	int used = 0, added = 0;
	for (int nr = 0; nr < SYSCALL_NR_LIMIT; nr++)
		if (rec.used[nr / 64] >> (nr % 64) & 1) {
			allow(r, syscall_by_nr(nr)->name, &added);
			used++;
		}
	for (size_t i = 0; i < ARRAY_SIZE(runner_syscalls); i++)
		allow(r, runner_syscalls[i], &added);

	char *json = scp_to_json(&p);
	FILE *out = stdout;
	if (rq->out_file && !(out = fopen(rq->out_file, "w"))) {
		msg_errno("seccomp record: cannot write %s", rq->out_file);
		free(json);
		scp_profile_free(&p);
		return 1;
	}
	fputs(json, out);
	if (out != stdout && fclose(out) != 0) {
		msg_errno("seccomp record: writing %s", rq->out_file);
		free(json);
		scp_profile_free(&p);
		return 1;
	}
	free(json);
	fprintf(stderr, "%s: seccomp record: %d syscall%s used by %d process%s%s%s", progname,
		used, used == 1 ? "" : "s", rec.processes, rec.processes == 1 ? "" : "es",
		rq->out_file ? "; profile written to " : "", rq->out_file ? rq->out_file : "");
	if (rq->merge_file)
		fprintf(stderr, " (%d name%s added to those of %s)", added, added == 1 ? "" : "s",
			rq->merge_file);
	fputc('\n', stderr);
	if (rec.unknown)
		msg("seccomp record: %u call%s with numbers outside the x86_64 table (32-bit or "
		    "x32 code) are not in the profile%s", rec.unknown, rec.unknown == 1 ? "" : "s",
		    rq->compare ? " nor compared" : "");
	if (rq->compare)
		report_beyond(&rec, rq->compare->file);
	if (rc != 0)
		msg("seccomp record: the command exited with status %d; the profile covers what it "
		    "did until then", rc);
	free(rec.pids);
	scp_profile_free(&p);
	/* The profile is the product: a failing workload is reported, not an error. */
	return 0;
}
