/* SPDX-License-Identifier: Apache-2.0 */
/*
 * `sysray [-r FILE] [FILTER]`: sysdig's command line over a capture file, or live through
 * eBPF. It parses the options, then wires one pipeline (src/pipeline/): the file or live
 * source, the state, and the consumers the options ask for behind the filter, so that events
 * print as sysdig 0.29 prints them.
 */
#include <ctype.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture/proc_snapshot.h"
#include "cli/cli_number.h"
#include "cli/commands.h"
#include "cli/sysdig_chisels.h"
#include "fields/sysdig.h"
#include "filter/filter.h"
#include "format/render.h"
#include "format/template.h"
#include "pipeline/file_source.h"
#include "pipeline/live_source.h"
#include "pipeline/pipeline.h"
#include "pipeline/printer.h"
#include "pipeline/scope.h"
#include "pipeline/summary.h"
#include "pipeline/writer.h"
#include "source/bpf/bpf_event.h"
#include "state/state.h"
#include "util/util.h"
#include "util/version.h"


static void usage(FILE *f)
{
	fprintf(f,
		"Usage: sysray [options] [FILTER]\n"
		"  sysdig's command line: read events, filter them with sysdig's filter\n"
		"  language, print them with sysdig's formats.\n"
		"Options:\n"
		"  -r FILE      read events from a .scap capture file (raw or gzip); without\n"
		"               -r: capture the whole system live through eBPF\n"
		"  -p FORMAT    print with this template (%%field, %%evt.arg.NAME, %%evt.arg[N];\n"
		"               a leading * prints lines with missing fields as <NA>)\n"
		"  -pc, -pcontainer   the default line with container columns\n"
		"  -pk, -pkubernetes  the default line with pod and container columns\n"
		"  -pm, -pmesos       the default line with task and container columns\n"
		"  -j           one JSON object per event\n"
		"  -n N         stop after N events (live: N events that matched the filter)\n"
		"  -M SECONDS   live: stop after SECONDS\n"
		"  -s SNAPLEN   live: bytes of I/O buffers captured (default 80)\n"
		"  -w FILE      write the matching events to FILE (.scap), print nothing\n"
		"  -z           with -w: gzip the file\n"
		"  -C MB        with -w: start a new file once one reaches MB million bytes;\n"
		"               files are named FILE0, FILE1, ...\n"
		"  -G SECONDS   with -w: start a new file every SECONDS (FILE may hold strftime(3)\n"
		"               conversions such as %%H%%M%%S)\n"
		"  -W COUNT     with -C: reuse COUNT files in a ring; with -G: stop after COUNT files\n"
		"  -t h|a|r|d|D time of %%evt.outputtime: human, absolute, relative to the first\n"
		"               event, latency (d: enter to exit), delta from the previous line (D)\n"
		"  -A           print buffers as ASCII (with newlines)\n"
		"  -X           print buffers in hex and ASCII\n"
		"  -x           print buffers in hex\n"
		"  -b           print buffers in base64\n"
		"  -S           print a per-event-type summary at the end\n"
		"  -q           print no events (with -S: the summary only)\n"
		"  -P           print progress on stderr while reading a file\n"
		"  -N           print port numbers, not service names (the default)\n"
		"  -d, -F       accepted for sysdig's sake: the filter always runs after the state\n"
		"               is updated, and -w always keeps the events that carry state\n"
		"  --unbuffered flush every line\n"
		"  --trace SCOPE  tracee's scopes, ANDed with each other and the filter:\n"
		"               comm=ls,cat  pid=123  'pid>1000'  pid=new  tree=PID  uid=1000\n"
		"               container  !container  container=new  container=ID  (=, !=, and\n"
		"               <, >, <=, >= on numbers; new: started after the capture began)\n"
		"  -c NAME [ARGS]  run chisel NAME (several -c: each in turn); ARGS is one\n"
		"               word, quote it: -c spy_file 'RW /etc/passwd'\n"
		"  -cl, --list-chisels   list the chisels; -i NAME: describe one\n"
		"  -l, -L       list the fields / the events\n"
		"  -v           verbose: whole buffers and arguments; with -l, each field's type;\n"
		"               at the end, the driver's event and drop counts on stderr\n"
		"  --version    the version\n"
		"  -h           this text\n");
}

/* Option codes of long options without a letter. */
enum { OPT_UNBUFFERED = 256, OPT_VERSION, OPT_LIST_CHISELS, OPT_TRACE, OPT_REJECT };

/* sysdig's -pc, -pk and -pm: its default line with the container's name, the pod's or the
 * Mesos task's (fields/k8s.c and mesos.c say why the last two have no value here). */
static const char *container_format(const char *arg)
{
	if (!strcmp(arg, "c") || !strcmp(arg, "container"))
		return "*%evt.num %evt.outputtime %evt.cpu %container.name (%container.id) "
		       "%proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info";
	if (!strcmp(arg, "k") || !strcmp(arg, "kubernetes"))
		return "*%evt.num %evt.outputtime %evt.cpu %k8s.pod.name (%container.id) "
		       "%proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info";
	if (!strcmp(arg, "m") || !strcmp(arg, "mesos"))
		return "*%evt.num %evt.outputtime %evt.cpu %mesos.task.name (%container.id) "
		       "%proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info";
	return arg;
}

/* One sentence per sysdig option sysray does not take, and the reason. */
static void reject_option(int opt, const char *longname)
{
	static const struct {
		int opt;
		const char *why;
	} reasons[] = {
		{ 'R', "port numbers are not resolved to service names; ports print as numbers" },
		{ 'E', "the user and group tables are always read (user.name, group.name need them)" },
		{ 'D', "sysray never captures itself and has no internal events to show" },
		{ 'T', "sysray does not capture sysdig tracers written to /dev/null" },
		{ 'B', "sysray captures with its own eBPF programs; it loads no sysdig probe" },
		{ 'k', "sysray has no Kubernetes metadata" },
		{ 'K', "sysray has no Kubernetes metadata" },
		{ 'm', "sysray has no Mesos metadata" },
		{ 'H', "sysray loads no sysdig plugins" },
		{ 'I', "sysray loads no sysdig plugins" },
		{ 'U', "suppressing processes by name is not supported yet; filter with proc.name!=" },
		{ 'e', "files of N events each are not supported; -C (size) and -G (time) rotate" },
	};

	if (longname) {
		msg("--%s: sysdig option not supported by sysray", longname);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(reasons); i++)
		if (reasons[i].opt == opt) {
			msg("-%c: %s", opt, reasons[i].why);
			return;
		}
}

/*
 * Whether CODE is superseded in sysdig 0.29's table: a later code of its name and direction
 * exists there. (The table's OLD_VERSION flags are a later libs' view, which also marks the
 * enter events whose parameters moved to the exit; 0.29 lists those.)
 */
static bool superseded_029(unsigned code, const struct scap_event_info *info)
{
	for (unsigned later = code + 1; later < SCAP_EVENT_MAX_029; later++) {
		const struct scap_event_info *l = scap_event_info(later);

		if (l && scap_event_is_enter(later) == scap_event_is_enter(code) &&
		    !strcmp(l->name, info->name))
			return true;
	}
	return false;
}

static void list_events(void)
{
	for (unsigned code = 0; code < SCAP_EVENT_MAX_029; code++) {
		const struct scap_event_info *info = scap_event_info(code);
		if (!info || !strcmp(info->name, "NA") || (info->flags & SCAP_EF_UNUSED) ||
		    superseded_029(code, info))
			continue;
		printf("%c %s(", scap_event_is_enter(code) ? '>' : '<', info->name);
		int n = info->nparams_029 >= 0 ? info->nparams_029 : info->nparams;
		for (int i = 0; i < n; i++)
			printf("%s%s %s", i ? ", " : "", scap_param_type_name(info->params[i].type),
			       info->params[i].name);
		printf(")\n");
	}
}


/* The command line, parsed. */
struct sysdig_opts {
	const char *file;		/* -r; NULL: live capture */
	const char *format;		/* -p, -pc...; NULL: sysdig's default line */
	const char *wpath;		/* -w */
	bool gzip;			/* -z */
	unsigned long long seconds;	/* -M */
	unsigned long long snaplen;	/* -s; 0: the source's default */
	unsigned long long rotate_bytes, rotate_seconds, max_files;	/* -C, -G, -W */
	uint64_t max_events;		/* -n */
	bool json, summary, quiet, verbose, progress, unbuffered;
	bool list, list_events;		/* -l, -L */
	bool list_chisels;		/* -cl */
	const char *chisel_info;	/* -i */
	bool print_container;		/* -pc, -pk, -pm: chisels add container columns */
	bool bf_locked;			/* -A, -X, -x, -b: chisels keep this rendering */
	struct sysdig_chisels *chisels;	/* -c */
	enum buf_format bf;
	enum time_mode tmode;
	struct out filter;		/* the remaining words, joined as sysdig joins them */
	const char **scopes;		/* --trace, in order */
	size_t nscopes;
};

/* What parse_options() tells its caller to do. */
enum parse_result { PARSE_RUN, PARSE_EXIT_OK, PARSE_EXIT_FAIL };

static const struct option longopts[] = {
	{ "read", required_argument, NULL, 'r' },
	{ "print", required_argument, NULL, 'p' },
	{ "json", no_argument, NULL, 'j' },
	{ "numevents", required_argument, NULL, 'n' },
	{ "snaplen", required_argument, NULL, 's' },
	{ "write", required_argument, NULL, 'w' },
	{ "compress", no_argument, NULL, 'z' },
	{ "summary", no_argument, NULL, 'S' },
	{ "print-ascii", no_argument, NULL, 'A' },
	{ "print-hex-ascii", no_argument, NULL, 'X' },
	{ "list", no_argument, NULL, 'l' },
	{ "list-events", no_argument, NULL, 'L' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, 'h' },
	{ "file-size", required_argument, NULL, 'C' },
	{ "seconds", required_argument, NULL, 'G' },
	{ "limit", required_argument, NULL, 'W' },
	{ "timetype", required_argument, NULL, 't' },
	{ "progress", no_argument, NULL, 'P' },
	{ "displayflt", no_argument, NULL, 'd' },
	{ "fatfile", no_argument, NULL, 'F' },
	{ "suppress-comm", required_argument, NULL, 'U' },
	{ "unbuffered", no_argument, NULL, OPT_UNBUFFERED },
	{ "trace", required_argument, NULL, OPT_TRACE },
	{ "version", no_argument, NULL, OPT_VERSION },
	/* sysdig's options that sysray rejects (reject_option() says why) */
	{ "print-base64", no_argument, NULL, 'b' },
	{ "print-hex", no_argument, NULL, 'x' },
	{ "exclude-users", no_argument, NULL, 'E' },
	{ "debug", no_argument, NULL, 'D' },
	{ "force-tracers-capture", no_argument, NULL, 'T' },
	{ "bpf", optional_argument, NULL, 'B' },
	{ "chisel", required_argument, NULL, 'c' },
	{ "list-chisels", no_argument, NULL, OPT_LIST_CHISELS },
	{ "chisel-info", required_argument, NULL, 'i' },
	{ "k8s-api", required_argument, NULL, 'k' },
	{ "k8s-api-cert", required_argument, NULL, 'K' },
	{ "mesos-api", required_argument, NULL, 'm' },
	{ "plugin", required_argument, NULL, 'H' },
	{ "input", required_argument, NULL, 'I' },
	{ "cri", required_argument, NULL, OPT_REJECT },
	{ "cri-timeout", required_argument, NULL, OPT_REJECT },
	{ "node-name", required_argument, NULL, OPT_REJECT },
	{ "page-faults", no_argument, NULL, OPT_REJECT },
	{ "plugin-config-file", required_argument, NULL, OPT_REJECT },
	{ "filter-proclist", no_argument, NULL, OPT_REJECT },
	{ "large-environment", no_argument, NULL, OPT_REJECT },
	{ "list-markdown", no_argument, NULL, OPT_REJECT },
	{ "libs-version", no_argument, NULL, OPT_REJECT },
	{ NULL, 0, NULL, 0 },
};

static bool parse_time_mode(const char *arg, enum time_mode *m)
{
	switch (arg[0]) {
	case 'h': *m = TIME_HUMAN; return true;
	case 'a': *m = TIME_ABS; return true;
	case 'r': *m = TIME_REL; return true;
	case 'd': *m = TIME_LATENCY; return true;
	case 'D': *m = TIME_DELTA; return true;
	}
	msg("-t: '%s' is none of h, a, r, d, D", arg);
	return false;
}

/* One option OPT with argument ARG into O. */
static enum parse_result parse_option(struct sysdig_opts *o, int opt, const char *arg,
				      int longidx, int argc, char **argv)
{
	unsigned long long v;

	switch (opt) {
	case 'P': o->progress = true; break;
	case 'd':
	case 'F':
	case 'N':
		break;
	case OPT_UNBUFFERED: o->unbuffered = true; break;
	case OPT_TRACE:
		o->scopes = xrealloc(o->scopes, (o->nscopes + 1) * sizeof(*o->scopes));
		o->scopes[o->nscopes++] = arg;
		break;
	case OPT_VERSION:
		printf("sysray version %s (sysdig 0.29 command line)\n", SYSRAY_VERSION);
		return PARSE_EXIT_OK;
	case 'c':
		/* -cl is sysdig's short spelling of --list-chisels */
		if (!strcmp(arg, "l"))
			o->list_chisels = true;
		else if (!sysdig_chisels_add(o->chisels, arg, argc, argv, &optind))
			return PARSE_EXIT_FAIL;
		break;
	case OPT_LIST_CHISELS: o->list_chisels = true; break;
	case 'i': o->chisel_info = arg; break;
	case 'R': case 'E': case 'D': case 'T': case 'B': case 'U':
	case 'k': case 'K': case 'm': case 'H': case 'I': case 'e':
	case OPT_REJECT:
		reject_option(opt, opt == OPT_REJECT ? longopts[longidx].name : NULL);
		return PARSE_EXIT_FAIL;
	case 'r': o->file = arg; break;
	case 'p':
		o->format = container_format(arg);
		o->print_container = o->format != arg;
		break;
	case 'j': o->json = true; break;
	case 'n': {
		char *end;

		o->max_events = strtoull(arg, &end, 10);
		if (*end || !*arg) {
			msg("-n: '%s' is not a number of events", arg);
			return PARSE_EXIT_FAIL;
		}
		break;
	}
	case 'M':
		if (!cli_number(opt, arg, 0, 1ull << 30, &o->seconds))
			return PARSE_EXIT_FAIL;
		break;
	case 's':
		if (!cli_number(opt, arg, 0, SR_MAX_SNAPLEN, &v))
			return PARSE_EXIT_FAIL;
		o->snaplen = v ? v : 1;
		break;
	case 'C':
		if (!cli_number(opt, arg, 1, 1ull << 30, &v))
			return PARSE_EXIT_FAIL;
		o->rotate_bytes = v * 1000000ull;	/* sysdig counts -C in 10^6 bytes */
		break;
	case 'G':
		if (!cli_number(opt, arg, 1, 1ull << 30, &o->rotate_seconds))
			return PARSE_EXIT_FAIL;
		break;
	case 'W':
		if (!cli_number(opt, arg, 1, 1ull << 30, &o->max_files))
			return PARSE_EXIT_FAIL;
		break;
	case 'w': o->wpath = arg; break;
	case 'z': o->gzip = true; break;
	case 't':
		if (!parse_time_mode(arg, &o->tmode))
			return PARSE_EXIT_FAIL;
		break;
	case 'S': o->summary = true; break;
	case 'A': o->bf = BUF_ASCII; o->bf_locked = true; break;
	case 'X': o->bf = BUF_HEX; o->bf_locked = true; break;
	case 'x': o->bf = BUF_HEX_ONLY; o->bf_locked = true; break;
	case 'b': o->bf = BUF_BASE64; o->bf_locked = true; break;
	case 'l': o->list = true; break;
	case 'L': o->list_events = true; break;
	case 'q': o->quiet = true; break;
	case 'v': o->verbose = true; break;
	case 'h': usage(stdout); return PARSE_EXIT_OK;
	default: usage(stderr); return PARSE_EXIT_FAIL;
	}
	return PARSE_RUN;
}

/*
 * Whether argv[I], met among filter words, starts options again. A filter's own words may
 * begin with '-': a negative number (`evt.rawres < -1`), or any value right after an
 * operator or inside a list (`proc.name = -bash`, `proc.name in (-bash, -zsh)`).
 */
static bool is_option_word(char **argv, int i)
{
	static const char *const operators[] = {
		"=", "==", "!=", "<", "<=", ">", ">=", "contains", "icontains", "startswith",
		"endswith", "glob", "in", "pmatch", "intersects", "(", ",",
	};
	const char *w = argv[i], *prev = argv[i - 1];
	size_t plen = strlen(prev);

	if (w[0] != '-' || !w[1] || isdigit((unsigned char)w[1]) || w[1] == '.')
		return false;
	if (plen && strchr("=<>(,", prev[plen - 1]))
		return false;
	for (size_t k = 0; k < ARRAY_SIZE(operators); k++)
		if (!strcmp(prev, operators[k]))
			return false;
	return true;
}

static enum parse_result parse_options(int argc, char **argv, struct sysdig_opts *o)
{
	static const char shortopts[] =
		"+r:p:jn:M:s:w:zC:G:W:t:SAXlLqvhPdFU:NbxREDTB::c:i:k:K:m:H:I:e:";
	int opt, longidx = -1;

	bool words = false;

	/*
	 * sysdig's GNU getopt takes options anywhere: `sysray -r f evt.type=accept -p %proc.name`.
	 * "+" stops getopt at the first filter word; the words up to the next option are the
	 * filter's, then getopt goes on from there. "--" ends the options.
	 */
	optind = 1;
	for (;;) {
		while ((opt = getopt_long(argc, argv, shortopts, longopts, &longidx)) != -1) {
			enum parse_result r = parse_option(o, opt, optarg, longidx, argc, argv);

			if (r != PARSE_RUN)
				return r;
		}
		bool rest = optind > 1 && !strcmp(argv[optind - 1], "--");
		int i = optind;

		for (; i < argc && (rest || !is_option_word(argv, i)); i++) {
			if (words)
				out_putc(&o->filter, ' ');
			out_puts(&o->filter, argv[i]);
			words = true;
		}
		if (i >= argc)
			break;
		optind = i;
	}
	out_putc(&o->filter, 0);
	return PARSE_RUN;
}

/* The options that only make sense together; false after saying why. */
static bool validate_options(const struct sysdig_opts *o)
{
	/* -r with -w copies the events the filter keeps into a new file (a chisel's run_app
	 * does so); rotation takes a new /proc snapshot per file, which only a live capture
	 * has */
	if (o->file && (o->seconds || o->snaplen || o->rotate_bytes || o->rotate_seconds)) {
		msg("-C, -G, -M and -s are for a live capture, not with -r");
		return false;
	}
	if (o->gzip && !o->wpath) {
		msg("-z needs -w FILE");
		return false;
	}
	if ((o->rotate_bytes || o->rotate_seconds || o->max_files) && !o->wpath) {
		msg("-C, -G and -W need -w FILE");
		return false;
	}
	if (o->max_files && !o->rotate_bytes && !o->rotate_seconds) {
		msg("-W needs -C or -G");
		return false;
	}
	return true;
}

/* sysdig -v's last line: CPU seconds used and the events that passed the filter. */
static void print_elapsed(clock_t cpu0, uint64_t nevents)
{
	double el = (double)(clock() - cpu0) / CLOCKS_PER_SEC;

	fprintf(stderr, "Elapsed time: %.3f, Captured Events: %" PRIu64 ", %.2f eps\n", el,
		nevents, el > 0 ? (double)nevents / el : 0.0);
}

/* The consumers and the source of the command line's pipeline. */
struct sysdig_run {
	struct state st;
	struct field_ctx ctx;
	struct pipeline p;
	struct printer printer;
	struct writer writer;
	struct summary *summary;
	struct pipeline_source *src;
};

static int accept_quietly(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	return 0;
}

/* A filter with something in it: a capture it writes keeps only what its events need. */
static bool filter_is_selective(const struct sysdig_opts *o)
{
	return o->filter.buf && o->filter.buf[strspn(o->filter.buf, " \t\n")];
}

/* Appends the consumers O asks for to R's pipeline, all behind the one filter FLT. */
static void wire_consumers(struct sysdig_run *r, const struct sysdig_opts *o,
			   const struct filter *flt, const struct template *tpl)
{
	if (o->summary) {
		r->summary = xcalloc(1, sizeof(*r->summary));
		summary_add(r->summary, &r->p, flt);
	}
	if (o->wpath) {
		r->writer = (struct writer){ .path = o->wpath, .gzip = o->gzip,
					     .rotate_bytes = o->rotate_bytes,
					     .rotate_seconds = o->rotate_seconds,
					     .max_files = o->max_files, .snapshot = proc_snapshot,
					     .only_needed_state = filter_is_selective(o) };
		writer_add(&r->writer, &r->p, flt);
	} else if (o->chisels->n) {
		/* with chisels, only their formatters print events (sysdig 0.29) */
	} else if (!o->quiet) {
		r->printer = (struct printer){ .tpl = tpl, .json = o->json,
					       .unbuffered = o->unbuffered,
					       .env = { .time_mode = o->tmode, .bf = o->bf } };
		printer_add(&r->printer, &r->p, flt);
	} else if (!o->summary) {
		/* -q prints nothing, yet the events the filter keeps are counted (-v's
		 * "Captured Events") and -n stops after them. */
		pipeline_add(&r->p, &(struct consumer){ .name = "quiet", .filter = flt,
							.on_event = accept_quietly });
	}
}

/* The source: the file of -r, or the live capture with the filter pushed into the kernel. */
static struct pipeline_source *open_source(struct sysdig_run *r, const struct sysdig_opts *o,
					   const struct filter *flt, const struct scope *scope)
{
	if (o->file) {
		r->p.max_events = o->max_events;
		return file_source_open(&(struct file_source_config){
			.path = o->file, .progress = o->progress, .verbose = o->verbose });
	}
	r->p.max_matched = o->max_events;
	/* live: container names and images from the runtime, as sysdig asks docker */
	r->ctx.container_resolve = container_api_inspect;
	/* -s wins over a chisel's sysdig.set_snaplen */
	uint32_t snaplen = o->snaplen ? (uint32_t)o->snaplen : o->chisels->host.snaplen;
	return live_source_open(&(struct live_source_config){
		.pushdown = flt, .scope = scope, .seconds = o->seconds, .snaplen = snaplen,
		.json_totals = o->json && !o->quiet && !o->wpath, .verbose = o->verbose });
}

/* Runs the pipeline O describes, within SCOPE (NULL: all); returns the exit status. */
static int run_sysdig(struct sysdig_opts *o, const struct filter *flt,
		      const struct template *tpl, struct scope *scope)
{
	struct sysdig_run r = { .ctx = { .bf = o->bf, .json = o->json, .verbose = o->verbose } };

	state_init(&r.st);
	pipeline_init(&r.p, &r.st, &r.ctx);
	r.p.scope = scope;
	r.src = open_source(&r, o, flt, scope);
	wire_consumers(&r, o, flt, tpl);
	o->chisels->host.bf = &r.ctx.bf;

	int rc = 1;
	if (o->chisels->n && !sysdig_chisels_start(o->chisels, &r.p, r.src, !o->file, flt))
		goto out;
	clock_t cpu0 = clock();
	rc = r.src->run(r.src, &r.p);

	if (pipeline_end(&r.p))
		rc = 1;
	r.src->report(r.src, &r.p, rc);
	/* a file's reading error ends the command there; a live capture says what it saw */
	if (o->verbose && (!o->file || !rc))
		print_elapsed(cpu0, r.p.matched);
	/* sysdig prints -S's table whatever happened: a truncated file's table holds the
	 * events read before the bad block (and an unreadable file's is empty) */
	if (o->summary)
		summary_print(r.summary);
out:
	fflush(stdout);
	r.src->close(r.src);
	pipeline_free(&r.p);
	state_free(&r.st);
	field_ctx_free(&r.ctx);
	free(r.summary);
	return rc;
}

/* The chisels' host: what they may ask of the command line O. */
static void share_options(struct sysdig_opts *o)
{
	struct chisel_host *h = &o->chisels->host;

	h->source_name = o->file;
	h->print_container = o->print_container;
	h->json = o->json;
	h->verbose = o->verbose;
	h->bf = &o->bf;
	h->bf_locked = o->bf_locked;
}

/*
 * sysdig.run_app(CMDLINE): after the run, sysray runs once more with CMDLINE's words
 * (split on spaces; double quotes group words and are removed) as its options.
 */
static int run_app(const char *cmdline)
{
	char *copy = xstrdup(cmdline), *w = copy, **argv = xcalloc(1, sizeof(*argv));
	int argc = 0;

	argv[argc++] = "sysray";
	while (*w) {
		while (*w == ' ')
			w++;
		if (!*w)
			break;
		char *start = w, *dst = w;
		bool quoted = false;

		while (*w && (quoted || *w != ' ')) {
			if (*w == '"')
				quoted = !quoted;
			else
				*dst++ = *w;
			w++;
		}
		bool more = *w != 0;
		*dst = 0;
		if (more)
			w++;
		argv = xrealloc(argv, (argc + 2) * sizeof(*argv));
		argv[argc++] = start;
	}
	argv[argc] = NULL;
	int rc = cmd_sysdig(argc, argv);
	free(argv);
	free(copy);
	return rc;
}

int cmd_sysdig(int argc, char **argv)
{
	struct sysdig_chisels chisels;
	struct sysdig_opts o = { .bf = BUF_NORMAL, .tmode = TIME_HUMAN, .chisels = &chisels };
	const struct field_registry *reg;
	struct filter *flt = NULL;
	struct template *tpl = NULL;
	struct scope *scope = NULL;
	int rc = 1;

	sysdig_chisels_init(&chisels);
	enum parse_result pr = parse_options(argc, argv, &o);
	if (pr != PARSE_RUN) {
		rc = pr == PARSE_EXIT_OK ? 0 : 1;
		goto out;
	}
	share_options(&o);
	reg = sysdig_field_registry();
	if (o.list_chisels || o.chisel_info) {
		if (o.list_chisels)
			chisel_list(&chisels.dirs);
		rc = o.chisel_info && !chisel_info(&chisels.dirs, o.chisel_info);
		goto out;
	}
	if (o.list || o.list_events) {
		if (o.list)
			field_registry_print(reg, o.verbose, false, stdout);
		if (o.list_events)
			list_events();
		rc = 0;
		goto out;
	}
	struct filter_error ferr;

	flt = filter_compile(o.filter.buf, reg, &ferr);
	if (!flt) {
		char *m = filter_error_format(&ferr, o.filter.buf);

		fprintf(stderr, "sysray: %s\n", m);
		free(m);
		goto out;
	}
	/* the chisels' on_init runs with the filter installed, and may replace it */
	if (chisels.n) {
		if (!sysdig_chisels_setup(&chisels, o.filter.buf))
			goto out;
		if (strcmp(chisels.host.filter_text.buf, o.filter.buf)) {
			filter_free(flt);
			flt = filter_compile(chisels.host.filter_text.buf, reg, &ferr);
			if (!flt) {
				char *m = filter_error_format(&ferr, chisels.host.filter_text.buf);

				fprintf(stderr, "sysray: filter set by a chisel: %s\n", m);
				free(m);
				goto out;
			}
		}
	}
	char terr[256];

	tpl = template_compile(o.format ? o.format : TEMPLATE_DEFAULT, reg, terr, sizeof(terr));
	if (!tpl) {
		fprintf(stderr, "sysray: %s\n", terr);
		goto out;
	}
	char serr[512];

	scope = scope_parse(o.scopes, o.nscopes, serr, sizeof(serr));
	if (!scope) {
		fprintf(stderr, "sysray: %s\n", serr);
		goto out;
	}
	if (validate_options(&o))
		rc = run_sysdig(&o, flt, tpl, scope);
	char *app = chisels.host.run_app;
	chisels.host.run_app = NULL;
	if (app && !rc)
		rc = run_app(app);
	free(app);
out:
	fflush(stdout);
	template_free(tpl);
	filter_free(flt);
	scope_free(scope);
	free(o.scopes);
	out_free(&o.filter);
	sysdig_chisels_free(&chisels);
	return rc;
}
