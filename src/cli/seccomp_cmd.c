/* SPDX-License-Identifier: Apache-2.0 */
/* sysray seccomp status|record|check|run: the command line of the seccomp module. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "schema/names.h"
#include "seccomp/seccomp.h"
#include "util/path_search.h"
#include "util/util.h"

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: sysray seccomp status [PID...]\n"
		"       sysray seccomp record [-o FILE] [--default-action ERRNO|KILL|LOG|TRACE]\n"
		"                             [--merge PROFILE] [--compare PROFILE [--caps LIST]]\n"
		"                             -- COMMAND [ARGS]\n"
		"       sysray seccomp check [--bpf] [--caps LIST] [-v]\n"
		"                            (PROFILE | --profile PROFILE)\n"
		"       sysray seccomp run (--profile PROFILE | --allow LIST | --deny LIST)\n"
		"                          [--mode enforce|log|report] [--deny-after-report]\n"
		"                          [--caps LIST] -- COMMAND [ARGS]\n"
		"\n"
		"PROFILE is a Docker/OCI seccomp JSON file, or docker-default: what Docker's\n"
		"default profile allows, built in (./docker-default names a file).\n"
		"LIST is comma-separated syscall names.\n"
		"--caps: the capabilities includes/excludes rules see (default: Docker's default\n"
		"set; 'all', 'none' or CAP_X,CAP_Y).\n"
		"record --compare: also judge each call the command makes by PROFILE, with its\n"
		"arguments, and name on stderr the syscalls PROFILE would deny.\n"
		"run modes: enforce applies the profile; log lets denied calls through and has the\n"
		"kernel log them; report lets them through (or denies them with\n"
		"--deny-after-report) and prints each one with its arguments and pid.\n");
}

/* ---- status ---- */

static int cmd_status(int argc, char **argv)
{
	int *pids = xcalloc((size_t)argc + 1, sizeof(int));
	int n = 0;
	for (int i = 1; i < argc; i++) {
		char *end;
		long v = strtol(argv[i], &end, 10);
		if (*end || v <= 0 || v > INT_MAX) {
			msg("seccomp status: '%s' is not a process id", argv[i]);
			free(pids);
			return 1;
		}
		pids[n++] = (int)v;
	}
	int rc = scp_status(pids, n, stdout);
	free(pids);
	return rc;
}

/* ---- profiles from the command line ---- */

struct profile_opts {
	const char *file;
	const char *allow;
	const char *deny;
	const char *caps;
};

static int load_profile(const struct profile_opts *po, struct scp_profile *p,
			struct scp_env *env, bool quiet);

/* ---- record ---- */

static int cmd_record(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "default-action", required_argument, NULL, 'd' },
		{ "merge", required_argument, NULL, 'm' },
		{ "compare", required_argument, NULL, 'C' },
		{ "caps", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	struct scp_record rq = { .default_action = SCP_ACT_ERRNO };
	struct profile_opts compare = { 0 };
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			rq.out_file = optarg;
			break;
		case 'd':
			if (!strcasecmp(optarg, "ERRNO"))
				rq.default_action = SCP_ACT_ERRNO;
			else if (!strcasecmp(optarg, "KILL"))
				rq.default_action = SCP_ACT_KILL_PROCESS;
			else if (!strcasecmp(optarg, "LOG"))
				rq.default_action = SCP_ACT_LOG;
			else if (!strcasecmp(optarg, "TRACE"))
				rq.default_action = SCP_ACT_TRACE;
			else {
				msg("seccomp record: --default-action '%s': use ERRNO, KILL, LOG or "
				    "TRACE", optarg);
				return 1;
			}
			rq.default_given = true;
			break;
		case 'm':
			rq.merge_file = optarg;
			break;
		case 'C':
			compare.file = optarg;
			break;
		case 'c':
			compare.caps = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 1;
		}
	}
	if (optind >= argc) {
		msg("seccomp record: no command to record (sysray seccomp record -- COMMAND)");
		return 1;
	}
	if (compare.caps && !compare.file) {
		msg("seccomp record: --caps goes with --compare PROFILE");
		return 1;
	}
	rq.argv = argv + optind;
	if (!compare.file)
		return scp_record(&rq);
	struct scp_profile p;
	struct scp_env env;
	int rc = 1;
	if (load_profile(&compare, &p, &env, true) == 0) {
		rq.compare = &p;
		rq.env = &env;
		rc = scp_record(&rq);
	}
	scp_profile_free(&p);
	scp_env_free(&env);
	return rc;
}

/* A profile of LIST: allow those, deny the rest (ALLOW false: deny those, allow the rest). */
static void profile_from_list(struct scp_profile *p, const char *opt, const char *list,
			      bool allow)
{
	scp_profile_init(p, allow ? SCP_ACT_ERRNO : SCP_ACT_ALLOW);
	p->file = xstrdup(opt);
	/* Only the native architecture: 32-bit code meets the default bad-arch action. */
	for (int i = 1; i < p->narches; i++) {
		free(p->arch_names[i]);
		p->arch_names[i] = NULL;
	}
	p->narches = 1;
	struct scp_rule *r = scp_add_rule(p, allow ? SCP_ACT_ALLOW : SCP_ACT_ERRNO);
	free(r->path);
	r->path = xstrdup("");
	char *copy = xstrdup(list), *save = NULL;
	for (char *s = strtok_r(copy, ", ", &save); s; s = strtok_r(NULL, ", ", &save)) {
		scp_rule_add_name(r, s);
		free(r->names[r->nnames - 1].path);
		r->names[r->nnames - 1].path = xstrdup(s);
	}
	free(copy);
}

/* Loads the profile the options name and checks it; errors printed, -1 returned. */
static int load_profile(const struct profile_opts *po, struct scp_profile *p,
			struct scp_env *env, bool quiet)
{
	struct diags d = { .file = po->file ? po->file : po->allow ? "--allow" : "--deny" };
	scp_env_default(env);
	int rc = 0;
	if (po->caps && scp_env_set_caps(env, po->caps, &d) < 0)
		rc = -1;
	if (po->file)
		rc |= scp_load(po->file, p, &d);
	else
		profile_from_list(p, d.file, po->allow ? po->allow : po->deny, po->allow != NULL);
	if (rc == 0)
		scp_check(p, env, &d);
	diags_print(&d, stderr, quiet ? DIAG_ERROR : DIAG_WARNING);
	if (d.errors)
		rc = -1;
	diags_free(&d);
	return rc;
}

/* ---- check ---- */

struct group {
	enum scp_action action;
	int ret;
	char **names;
	int n;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void print_cond(FILE *f, const struct scp_cond *c)
{
	static const char *const sym[] = { [SCMP_CMP_NE] = "!=", [SCMP_CMP_LT] = "<",
					   [SCMP_CMP_LE] = "<=", [SCMP_CMP_EQ] = "==",
					   [SCMP_CMP_GE] = ">=", [SCMP_CMP_GT] = ">" };
	if (c->op == SCMP_CMP_MASKED_EQ)
		fprintf(f, "(arg%u & %#llx) == %#llx", c->index, (unsigned long long)c->value,
			(unsigned long long)c->value_two);
	else
		fprintf(f, "arg%u %s %#llx", c->index, sym[c->op], (unsigned long long)c->value);
}

static void print_action(FILE *f, enum scp_action a, int ret)
{
	fputs(scp_action_name(a), f);
	if (a == SCP_ACT_ERRNO) {
		int e = ret < 0 ? 1 : ret;
		fprintf(f, " (%s)", errno_name(e) ? errno_name(e) : "?");
	}
}

static void summarise(const struct scp_profile *p, const struct scp_env *env, FILE *f)
{
	fprintf(f, "default action: ");
	print_action(f, p->default_action, p->default_errno_ret);
	fprintf(f, ", for every syscall no rule names\narchitectures:");
	for (int i = 0; i < p->narches; i++)
		fprintf(f, " %s", p->arch_names[i]);
	fprintf(f, "%s\n", p->narches ? (p->from_arch_map ? " (from archMap)" : "") :
		" (native only)");
	struct group *g = NULL;
	int ng = 0, skipped = 0, conditional = 0;
	for (int i = 0; i < p->nrules; i++) {
		const struct scp_rule *r = &p->rules[i];
		if (!scp_rule_applies(r, env)) {
			skipped++;
			continue;
		}
		if (r->nconds) {
			conditional++;
			continue;
		}
		struct group *gr = NULL;
		int ret = r->action == SCP_ACT_ERRNO ? (r->errno_ret < 0 ? 1 : r->errno_ret) : 0;
		for (int k = 0; k < ng && !gr; k++)
			if (g[k].action == r->action && g[k].ret == ret)
				gr = &g[k];
		if (!gr) {
			g = xrealloc(g, (size_t)(ng + 1) * sizeof(*g));
			gr = &g[ng++];
			*gr = (struct group){ r->action, ret, NULL, 0 };
		}
		gr->names = xrealloc(gr->names, (size_t)(gr->n + r->nnames + 1) * sizeof(char *));
		for (int j = 0; j < r->nnames; j++)
			gr->names[gr->n++] = r->names[j].name;
	}
	for (int k = 0; k < ng; k++) {
		qsort(g[k].names, (size_t)g[k].n, sizeof(char *), by_name);
		fprintf(f, "%s ", g[k].action == SCP_ACT_ALLOW ? "allowed" :
			scp_action_denies(g[k].action) ? "denied" : "passed");
		print_action(f, g[k].action, g[k].ret);
		fprintf(f, " (%d):", g[k].n);
		for (int j = 0; j < g[k].n; j++)
			if (!j || strcmp(g[k].names[j], g[k].names[j - 1]))
				fprintf(f, " %s", g[k].names[j]);
		fputc('\n', f);
		free(g[k].names);
	}
	free(g);
	if (conditional) {
		fprintf(f, "conditional (%d rule%s):\n", conditional, conditional == 1 ? "" : "s");
		for (int i = 0; i < p->nrules; i++) {
			const struct scp_rule *r = &p->rules[i];
			if (!r->nconds || !scp_rule_applies(r, env))
				continue;
			fprintf(f, "  %s: ", r->path);
			print_action(f, r->action, r->errno_ret);
			for (int j = 0; j < r->nnames; j++)
				fprintf(f, "%s%s", j ? "," : " ", r->names[j].name);
			fprintf(f, " when ");
			bool any = scp_rule_conds_or(r);
			for (int c = 0; c < r->nconds; c++) {
				if (c)
					fputs(any ? " or " : " and ", f);
				print_cond(f, &r->conds[c]);
			}
			fputc('\n', f);
		}
	}
	if (skipped)
		fprintf(f, "not applied here (%d rule%s): their includes/excludes do not match "
			"arch %s, kernel %d.%d and %d capabilit%s\n", skipped,
			skipped == 1 ? "" : "s", env->goarch, env->kernel[0], env->kernel[1],
			env->ncaps, env->ncaps == 1 ? "y" : "ies");
}

static int cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "bpf", no_argument, NULL, 'b' },
		{ "caps", required_argument, NULL, 'c' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "profile", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	bool bpf = false, verbose = false;
	struct profile_opts po = { 0 };
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "vh", longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			bpf = true;
			break;
		case 'c':
			po.caps = optarg;
			break;
		case 'v':
			verbose = true;
			break;
		case 'p':
			po.file = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 1;
		}
	}
	if (!po.file && optind == argc - 1)
		po.file = argv[optind++];
	if (!po.file || optind != argc) {
		msg("seccomp check: name one profile (a file, or docker-default)");
		return 1;
	}
	struct diags d = { .file = po.file };
	struct scp_profile p;
	struct scp_env env;
	scp_env_default(&env);
	int rc = 0;
	if (po.caps && scp_env_set_caps(&env, po.caps, &d) < 0)
		rc = 1;
	if (scp_load(po.file, &p, &d) == 0)
		scp_check(&p, &env, &d);
	scmp_filter_ctx ctx = NULL;
	if (!d.errors)
		ctx = scp_compile(&p, &env, SCP_MODE_ENFORCE, &d);
	diags_print(&d, stdout, verbose ? DIAG_NOTE : DIAG_WARNING);
	if (d.errors) {
		printf("%s: %d error%s, %d warning%s: the profile cannot be used\n", po.file,
		       d.errors, d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
		rc = 1;
	} else {
		printf("%s: valid (%d warning%s)\n", po.file, d.warnings,
		       d.warnings == 1 ? "" : "s");
		summarise(&p, &env, stdout);
		if (ctx)
			printf("compiled filter: %d BPF instructions\n", scp_bpf_length(ctx));
		if (bpf && ctx) {
			fflush(stdout);
			if (seccomp_export_pfc(ctx, STDOUT_FILENO) < 0)
				rc = 1;
		}
	}
	if (ctx)
		seccomp_release(ctx);
	diags_free(&d);
	scp_profile_free(&p);
	scp_env_free(&env);
	return rc;
}

/* ---- run ---- */

static char *self_exe(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	if (n <= 0)
		return xstrdup("/proc/self/exe");
	buf[n] = 0;
	return xstrdup(buf);
}

/* The command line of the helper that loads the report-mode filter, then runs ARGV. */
static char **helper_argv(const struct profile_opts *po, char **argv)
{
	int n = 0;
	while (argv[n])
		n++;
	char **v = xcalloc((size_t)n + 12, sizeof(char *));
	int k = 0;
	v[k++] = self_exe();
	v[k++] = "seccomp";
	v[k++] = "run";
	v[k++] = po->file ? "--profile" : po->allow ? "--allow" : "--deny";
	v[k++] = (char *)(po->file ? po->file : po->allow ? po->allow : po->deny);
	if (po->caps) {
		v[k++] = "--caps";
		v[k++] = (char *)po->caps;
	}
	v[k++] = "--exec-helper";
	v[k++] = "--";
	for (int i = 0; i < n; i++)
		v[k++] = argv[i];
	v[k] = NULL;
	return v;
}

/* Report mode, inside the traced helper: load the TRACE filter, become the command. */
static int exec_helper(const struct scp_profile *p, const struct scp_env *env, char **argv)
{
	struct diags d = { .file = p->file };
	scmp_filter_ctx ctx = scp_compile(p, env, SCP_MODE_REPORT, &d);
	diags_print(&d, stderr, DIAG_ERROR);
	diags_free(&d);
	if (!ctx)
		return 1;
	char *path = path_search(argv[0]);
	if (!path) {
		msg("seccomp: cannot find '%s': %s", argv[0], strerror(errno));
		return 127;
	}
	scp_exec_under(ctx, path, argv, -1);
}

static int cmd_run(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "profile", required_argument, NULL, 'p' },
		{ "allow", required_argument, NULL, 'a' },
		{ "deny", required_argument, NULL, 'd' },
		{ "mode", required_argument, NULL, 'm' },
		{ "deny-after-report", no_argument, NULL, 'D' },
		{ "caps", required_argument, NULL, 'c' },
		{ "exec-helper", no_argument, NULL, 'X' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 },
	};
	struct profile_opts po = { 0 };
	enum scp_mode mode = SCP_MODE_ENFORCE;
	bool deny_after = false, helper = false;
	int sources = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'p':
			po.file = optarg;
			sources++;
			break;
		case 'a':
			po.allow = optarg;
			sources++;
			break;
		case 'd':
			po.deny = optarg;
			sources++;
			break;
		case 'm':
			if (!strcmp(optarg, "enforce"))
				mode = SCP_MODE_ENFORCE;
			else if (!strcmp(optarg, "log"))
				mode = SCP_MODE_LOG;
			else if (!strcmp(optarg, "report"))
				mode = SCP_MODE_REPORT;
			else {
				msg("seccomp run: --mode '%s': use enforce, log or report", optarg);
				return 1;
			}
			break;
		case 'D':
			deny_after = true;
			break;
		case 'c':
			po.caps = optarg;
			break;
		case 'X':
			helper = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 1;
		}
	}
	if (sources != 1) {
		msg("seccomp run: give exactly one of --profile FILE, --allow LIST, --deny LIST");
		return 1;
	}
	if (optind >= argc) {
		msg("seccomp run: no command (sysray seccomp run --profile FILE -- COMMAND)");
		return 1;
	}
	if (deny_after && mode != SCP_MODE_REPORT) {
		msg("seccomp run: --deny-after-report goes with --mode report");
		return 1;
	}
	struct scp_profile p;
	struct scp_env env;
	if (load_profile(&po, &p, &env, true) < 0) {
		scp_profile_free(&p);
		scp_env_free(&env);
		return 1;
	}
	int rc;
	if (helper) {
		rc = exec_helper(&p, &env, argv + optind);
	} else {
		struct scp_run r = { .profile = &p, .env = &env, .mode = mode,
				     .deny_after_report = deny_after, .argv = argv + optind,
				     .report = stderr };
		if (mode == SCP_MODE_REPORT)
			r.helper_argv = helper_argv(&po, argv + optind);
		if (mode == SCP_MODE_LOG)
			msg("seccomp: log mode: calls the profile denies run and the kernel logs "
			    "them (audit log or dmesg: type=1326 / \"audit: seccomp\")");
		rc = scp_run(&r);
		if (r.helper_argv) {
			free(r.helper_argv[0]);
			free(r.helper_argv);
		}
	}
	scp_profile_free(&p);
	scp_env_free(&env);
	return rc;
}

int cmd_seccomp(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 1;
	}
	const char *sub = argv[1];
	if (!strcmp(sub, "status"))
		return cmd_status(argc - 1, argv + 1);
	if (!strcmp(sub, "record"))
		return cmd_record(argc - 1, argv + 1);
	if (!strcmp(sub, "check"))
		return cmd_check(argc - 1, argv + 1);
	if (!strcmp(sub, "run"))
		return cmd_run(argc - 1, argv + 1);
	if (!strcmp(sub, "help") || !strcmp(sub, "-h") || !strcmp(sub, "--help")) {
		usage(stdout);
		return 0;
	}
	msg("seccomp: unknown subcommand '%s' (status, record, check, run)", sub);
	usage(stderr);
	return 1;
}
