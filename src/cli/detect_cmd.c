/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sysray detect: Falco's command line over the rules engine. Rules from -r (files or
 * directories, in order; sysray's bundled ruleset without -r), events from a capture (-e) or
 * live through eBPF with the rules' event types pushed into the kernel, alerts to the outputs
 * (detect/outputs.h), captures around alerts (--capture-dir), Prometheus metrics
 * (--metrics-addr).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli_number.h"
#include "cli/commands.h"
#include "detect/capture_ring.h"
#include "detect/engine.h"
#include "detect/metrics.h"
#include "detect/outputs.h"
#include "detect/rules.h"
#include "detect/rules_print.h"
#include "fields/sysdig.h"
#include "filter/ast.h"
#include "pipeline/file_source.h"
#include "pipeline/live_source.h"
#include "pipeline/scope.h"
#include "procfs/container_api.h"
#include "util/own_dir.h"
#include "util/util.h"

/* The bundled ruleset, in sysray's rules directory (util/own_dir.h). */
#define BUNDLED_RULES "sysray_rules.yaml"

struct detect_cmd {
	const char **rules;
	size_t nrules;
	const char **validate;
	size_t nvalidate;
	const char *capture;
	const char *describe_rule;
	bool list_rules, list_fields, verbose;
	const char *list_class;
	unsigned long long seconds;
	char *bundled;		/* the bundled ruleset's path, when used */
	struct detect_options opts;
	struct alert_outputs *outputs;
	struct capture_ring_config ring;
	const char *capture_dir, *metrics_addr;
	const char **scopes;		/* --trace, in order */
	size_t nscopes;
	struct scope *scope;
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: sysray detect [-r RULES]... [-e CAPTURE] [-o KEY=VALUE]... [-j] [-A] [-M SECS]\n"
		"       sysray detect -V RULES... | -L | -l RULE | --list [CLASS]\n"
		"\n"
		"Falco's rules over the system's syscalls (live through eBPF) or a .scap capture.\n"
		"  -r RULES       a rules file, or a directory of *.yml/*.yaml (repeatable); default:\n"
		"                 sysray's bundled ruleset (" BUNDLED_RULES ")\n"
		"  -e CAPTURE     read events from a capture file and exit at its end\n"
		"  -o KEY=VALUE   json_output, json_include_output_property,\n"
		"                 json_include_output_fields_property, json_include_tags_property,\n"
		"                 json_include_message_property, rule_matching=first|all,\n"
		"                 priority=LEVEL, time_format_iso_8601; outputs:\n"
		"                 stdout_output.enabled,\n"
		"                 file_output.enabled|filename|keep_alive,\n"
		"                 program_output.enabled|program|keep_alive,\n"
		"                 syslog_output.enabled,\n"
		"                 http_output.enabled|url|user_agent|insecure|ca_cert|\n"
		"                 ca_bundle|ca_path|mtls|client_cert|client_key|echo|\n"
		"                 keep_alive, output_timeout=MS, outputs.rate=R,\n"
		"                 outputs.max_burst=N, outputs.collapse=SECS,\n"
		"                 capture.seconds=N, capture.max_bytes=N\n"
		"  -j             JSON alerts (-o json_output=true)\n"
		"  -A             offer every event to the rules, the high-volume ones too\n"
		"  -M SECS        stop after SECS seconds\n"
		"  -V RULES       validate the rules file(s) and exit (repeatable)\n"
		"  -L             list the loaded rules; -l RULE describes one\n"
		"  --list [CLASS] list the fields (of one class)\n"
		"  -v             the loader's warnings and a summary at the end\n"
		"  --capture-dir DIR     a .scap of the seconds around each alert, in DIR\n"
		"  --metrics-addr A:PORT Prometheus metrics on http://A:PORT/metrics\n"
		"  --trace SCOPE  tracee's scopes (comm=ls, pid=new, container=new, uid=N,\n"
		"                 pid=N, ...): only those processes' events reach the rules;\n"
		"                 several --trace are ANDed\n");
}

/* Reads -o KEY=VALUE. */
static bool set_option(struct detect_cmd *c, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char err[256];

	if (!eq) {
		msg("-o: '%s' is not KEY=VALUE", arg);
		return false;
	}
	char *key = strndup(arg, (size_t)(eq - arg));
	/* the outputs' keys, the capture's, then the engine's */
	enum output_option r = alert_outputs_option(c->outputs, key, eq + 1, err, sizeof(err));

	if (r == OUTPUT_OPTION_NOT_MINE)
		r = capture_ring_option(&c->ring, key, eq + 1, err, sizeof(err));
	bool ok = r == OUTPUT_OPTION_SET ||
		  (r == OUTPUT_OPTION_NOT_MINE && detect_option(&c->opts, key, eq + 1, err,
								sizeof(err)));
	free(key);
	if (!ok)
		msg("-o: %s", err);
	return ok;
}

static const char **push(const char **v, size_t *n, const char *s)
{
	v = xrealloc(v, (*n + 1) * sizeof(*v));
	v[(*n)++] = s;
	return v;
}

enum { OPT_CAPTURE_DIR = 256, OPT_METRICS_ADDR, OPT_TRACE };

/* 0: run; 1: error; 2: done (help). */
static int parse(int argc, char **argv, struct detect_cmd *c)
{
	static const struct option longopts[] = {
		{ "list", optional_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ "capture-dir", required_argument, NULL, OPT_CAPTURE_DIR },
		{ "metrics-addr", required_argument, NULL, OPT_METRICS_ADDR },
		{ "trace", required_argument, NULL, OPT_TRACE },
		{ 0 },
	};
	int opt;
	unsigned long long v;

	optind = 1;
	while ((opt = getopt_long(argc, argv, "+r:e:o:jAM:V:Ll:vh", longopts, NULL)) != -1) {
		switch (opt) {
		case 'r': c->rules = push(c->rules, &c->nrules, optarg); break;
		case 'e': c->capture = optarg; break;
		case 'o':
			if (!set_option(c, optarg))
				return 1;
			break;
		case 'j': c->opts.json_output = true; break;
		case 'A': c->opts.all_events = true; break;
		case 'M':
			if (!cli_number(opt, optarg, 1, 1ull << 32, &v))
				return 1;
			c->seconds = v;
			break;
		case 'V': c->validate = push(c->validate, &c->nvalidate, optarg); break;
		case 'L': c->list_rules = true; break;
		case 'l': c->describe_rule = optarg; break;
		case 'F':
			c->list_fields = true;
			c->list_class = optarg ? optarg : (optind < argc && argv[optind][0] != '-' ?
							   argv[optind++] : NULL);
			break;
		case 'v': c->verbose = true; break;
		case OPT_CAPTURE_DIR: c->capture_dir = optarg; break;
		case OPT_METRICS_ADDR: c->metrics_addr = optarg; break;
		case OPT_TRACE: c->scopes = push(c->scopes, &c->nscopes, optarg); break;
		case 'h': usage(stdout); return 2;
		default: usage(stderr); return 1;
		}
	}
	if (optind < argc) {
		msg("detect: unexpected argument '%s'", argv[optind]);
		return 1;
	}
	return 0;
}

/* --list [CLASS]: the fields, as `sysray -l` lists them, of every class or of CLASS. */
static int list_fields(const char *cls)
{
	const struct field_registry *reg = sysdig_field_registry();
	const struct field_class *sel[16];
	struct field_registry one = { .classes = sel };

	if (!cls) {
		field_registry_print_falco(reg, false, stdout);
		return 0;
	}
	for (size_t i = 0; i < reg->nclasses && one.nclasses < ARRAY_SIZE(sel); i++)
		if (!strcmp(reg->classes[i]->name, cls))
			sel[one.nclasses++] = reg->classes[i];
	if (!one.nclasses) {
		msg("--list: no field class '%s'", cls);
		return 1;
	}
	field_registry_print_falco(&one, false, stdout);
	return 0;
}

/* -V: the files loaded in order into one ruleset (a file may use an earlier one's macros and
 * lists) as a run loads -r, then compiled; Falco's report for each file read. */
static int validate(struct detect_cmd *c)
{
	struct ruleset rs;
	bool ok = true;

	ruleset_init(&rs, RULES_ENGINE_VERSION);
	for (size_t i = 0; i < c->nvalidate && ok; i++)
		ok = ruleset_load_path(&rs, c->validate[i]);
	if (ok)
		ok = ruleset_compile(&rs, sysdig_field_registry(), c->opts.priority);
	for (size_t f = 0; f < rs.nfiles; f++)
		rdiag_print(&rs.diag, rs.files[f], true, stdout);
	ruleset_free(&rs);
	return ok ? 0 : 1;
}

/* Loads the rules of -r, or the bundled ruleset. false after printing the errors. */
static bool load_rules(struct detect_cmd *c, struct ruleset *rs)
{
	ruleset_init(rs, RULES_ENGINE_VERSION);
	if (!c->nrules) {
		char *dir = own_data_dir("rules");

		if (!dir) {
			msg("detect: no rules: sysray's bundled ruleset (rules/" BUNDLED_RULES ") is "
			    "not installed; give a rules file with -r");
			return false;
		}
		c->bundled = xmalloc(strlen(dir) + sizeof("/" BUNDLED_RULES));
		sprintf(c->bundled, "%s/" BUNDLED_RULES, dir);
		free(dir);
		c->rules = push(c->rules, &c->nrules, c->bundled);
	}
	bool ok = true;
	for (size_t i = 0; i < c->nrules && ok; i++)
		ok = ruleset_load_path(rs, c->rules[i]);
	if (ok)
		ok = ruleset_compile(rs, sysdig_field_registry(), c->opts.priority);
	/* the report of each file: with -v all of them, else those that failed */
	for (size_t i = 0; i < rs->nfiles; i++)
		if (c->verbose || rdiag_errors_in(&rs->diag, rs->files[i]))
			rdiag_print(&rs->diag, rs->files[i], c->verbose, stderr);
	return ok;
}

static void deliver(const struct alert *a, void *opaque)
{
	alert_outputs_deliver(opaque, a);
}

static int run(struct detect_cmd *c, struct ruleset *rs)
{
	struct state st;
	struct field_ctx ctx = { .bf = BUF_NORMAL, .syscall_names = true };
	struct pipeline p;
	struct filter *pushdown = NULL;
	struct capture_ring *ring = NULL;
	struct metrics_server *metrics = NULL;
	char err[600];

	if (!alert_outputs_start(c->outputs, c->opts.json_output, err, sizeof(err)) ||
	    (c->capture_dir &&
	     !(ring = capture_ring_new(c->capture_dir, &c->ring, err, sizeof(err))))) {
		msg("%s", err);
		return 1;
	}
	state_init(&st);
	pipeline_init(&p, &st, &ctx);
	p.scope = c->scope;
	struct detect_engine *eng = detect_engine_new(rs, &c->opts, deliver, c->outputs);
	struct pipeline_source *src;
	if (c->capture) {
		src = file_source_open(&(struct file_source_config){ .path = c->capture,
								      .verbose = c->verbose });
	} else {
		struct ast_node *any = detect_engine_pushdown_ast(eng);
		struct filter_error err;

		pushdown = filter_compile_ast(any, sysdig_field_registry(), &err);
		ast_free(any);
		ctx.container_resolve = container_api_inspect;
		src = live_source_open(&(struct live_source_config){
			.pushdown = pushdown, .scope = c->scope, .seconds = c->seconds,
			.verbose = c->verbose,
			.drops = &detect_engine_stats(eng)->drops });
	}
	/* the ring copies each event before the rules see it: an alert's file has its event */
	if (ring) {
		capture_ring_add(ring, &p);
		alert_outputs_set_capture(c->outputs, ring);
	}
	detect_engine_add(eng, &p);
	alert_outputs_add(c->outputs, &p);
	int rc = 1;

	if (c->metrics_addr && !(metrics = metrics_start(c->metrics_addr, detect_engine_stats(eng),
							 alert_outputs_stats(c->outputs), err,
							 sizeof(err))))
		msg("%s", err);
	else
		rc = src->run(src, &p);
	if (pipeline_end(&p))
		rc = 1;
	metrics_stop(metrics);
	/* the repeat counts still pending are alerts: before the summary */
	alert_outputs_close(c->outputs);
	c->outputs = NULL;
	if (src->report)
		src->report(src, &p, rc);
	fflush(stdout);
	/* a capture that cannot be read ends the command with its message alone */
	if (c->verbose || (c->capture && !rc))
		detect_engine_summary(eng, stderr);
	src->close(src);
	capture_ring_free(ring);
	detect_engine_free(eng);
	filter_free(pushdown);
	pipeline_free(&p);
	state_free(&st);
	field_ctx_free(&ctx);
	return rc;
}

int cmd_detect(int argc, char **argv)
{
	struct detect_cmd c = { 0 };
	struct ruleset rs = { 0 };
	int rc;

	detect_options_init(&c.opts);
	c.outputs = alert_outputs_new();
	c.ring = (struct capture_ring_config)CAPTURE_RING_DEFAULTS;
	rc = parse(argc, argv, &c);
	if (rc) {
		rc = rc == 2 ? 0 : 1;
		goto out;
	}
	if (c.list_fields) {
		rc = list_fields(c.list_class);
		goto out;
	}
	char serr[512];

	if (c.nscopes && !(c.scope = scope_parse(c.scopes, c.nscopes, serr, sizeof(serr)))) {
		msg("%s", serr);
		rc = 1;
		goto out;
	}
	if (c.nvalidate) {
		rc = validate(&c);
		goto out;
	}
	if (!load_rules(&c, &rs)) {
		rc = 1;
		goto out;
	}
	if (c.list_rules || c.describe_rule) {
		rc = c.list_rules ? (rules_print_list(&rs, c.opts.json_output, stdout), 0)
				  : !rules_print_one(&rs, c.describe_rule, stdout);
		goto out;
	}
	rc = run(&c, &rs);
out:
	ruleset_free(&rs);
	free(c.rules);
	free(c.validate);
	scope_free(c.scope);
	free(c.scopes);
	free(c.bundled);
	if (c.outputs)
		alert_outputs_close(c.outputs);
	return rc;
}
