/*
 * `sysray [-r FILE] [FILTER]`: sysdig's command line over a capture file, or live through
 * eBPF (sysdig_live.c). Events go through the state layer, the filter and a template, and
 * print as sysdig 0.29 prints them.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "capture/container_event.h"
#include "capture/ppm_sc.h"
#include "capture/scap_reader.h"
#include "cli/commands.h"
#include "cli/sysdig_live.h"
#include "fields/sysdig.h"
#include "filter/filter.h"
#include "format/render.h"
#include "format/template.h"
#include "source/bpf/bpf_event.h"
#include "state/state.h"
#include "util/util.h"
#include "util/version.h"

/* Event codes sysdig 0.29 reads but never shows: procinfo and container events. */
static bool hidden_type(unsigned type)
{
	return type == PPME_PROCINFO_E || type == PPME_PROCINFO_X || type == PPME_CONTAINER_E ||
	       type == PPME_CONTAINER_X || type == PPME_CONTAINER_JSON_E ||
	       type == PPME_CONTAINER_JSON_X || type == PPME_CONTAINER_JSON_2_E ||
	       type == PPME_CONTAINER_JSON_2_X;
}

/* A container event of a file: the container's name and image for the fields. */
static void learn_container(struct field_ctx *ctx, const struct scap_event *ev)
{
	struct container_meta m;
	char id[16];

	if (ev->nparams >= 1 &&
	    container_event_parse((const char *)ev->params[0].val, ev->params[0].len, id, &m))
		field_ctx_container_add(ctx, id, &m);
}

/* PPM dump flag: the event only carries state (written at capture start). */
#define DUMP_STATE_ONLY 1u

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
		"  -w FILE      live: write the matching events to FILE (.scap), print nothing\n"
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
		"  -l, -L       list the fields / the events\n"
		"  -v           verbose: whole buffers and arguments; with -l, each field's type;\n"
		"               at the end, the driver's event and drop counts on stderr\n"
		"  --version    the version\n"
		"  -h           this text\n");
}

/* Option codes of long options without a letter. */
enum { OPT_UNBUFFERED = 256, OPT_VERSION, OPT_REJECT };

/* sysdig's -pc, -pk and -pm: its default line with container columns. sysray has no
 * Kubernetes or Mesos metadata: the pod and task names print as sysdig prints them without
 * it, <NA>. */
static const char *container_format(const char *arg)
{
	if (!strcmp(arg, "c") || !strcmp(arg, "container"))
		return "*%evt.num %evt.outputtime %evt.cpu %container.name (%container.id) "
		       "%proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info";
	if (!strcmp(arg, "k") || !strcmp(arg, "kubernetes") || !strcmp(arg, "m") ||
	    !strcmp(arg, "mesos"))
		return "*%evt.num %evt.outputtime %evt.cpu <NA> (%container.id) "
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
		{ 'c', "chisels are not part of sysray's sysdig command line yet" },
		{ 'i', "chisels are not part of sysray's sysdig command line yet" },
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

static void list_events(void)
{
	for (unsigned code = 0; code < SCAP_EVENT_MAX_029; code++) {
		const struct scap_event_info *info = scap_event_info(code);
		if (!info || !strcmp(info->name, "NA") || (info->flags & SCAP_EF_OLD_VERSION))
			continue;
		printf("%c %s(", scap_event_is_enter(code) ? '>' : '<', info->name);
		int n = info->nparams_029 >= 0 ? info->nparams_029 : info->nparams;
		for (int i = 0; i < n; i++)
			printf("%s%s %s", i ? ", " : "", scap_param_type_name(info->params[i].type),
			       info->params[i].name);
		printf(")\n");
	}
}

struct summary {
	uint64_t count[SYSDIG_COUNTS];
};

/*
 * sysdig -S: the 100 most frequent events by direction and name, generic syscalls by their
 * own name. Equal counts keep the order of the event table (sysdig's order among them is
 * that of its unstable sort).
 */
static void print_summary(const struct summary *s)
{
	struct row {
		unsigned code;
		uint64_t n;
	} *rows = xcalloc(SYSDIG_COUNTS, sizeof(*rows));
	size_t nr = 0;

	for (unsigned c = 0; c < SYSDIG_COUNTS; c++)
		if (s->count[c])
			rows[nr++] = (struct row){ c, s->count[c] };
	for (size_t a = 1; a < nr; a++)
		for (size_t b = a; b > 0 && rows[b - 1].n < rows[b].n; b--) {
			struct row x = rows[b];

			rows[b] = rows[b - 1];
			rows[b - 1] = x;
		}
	printf("----------------------\n%-16s#Calls\n----------------------\n", "Event");
	for (size_t i = 0; i < nr && i < 100; i++) {
		unsigned c = rows[i].code;
		const char *name;
		bool enter;

		if (c >= SCAP_EVENT_MAX) {
			name = scap_ppm_sc_name((c - SCAP_EVENT_MAX) / 2);
			enter = (c - SCAP_EVENT_MAX) % 2 == 0;
		} else {
			name = scap_event_info(c)->name;
			enter = scap_event_is_enter(c);
		}
		printf("%s %-16s%" PRIu64 "\n", enter ? ">" : "<", name ? name : "<unknown>",
		       rows[i].n);
	}
	free(rows);
}

struct progress {
	bool on;
	uint64_t size;
	struct timespec start, last;
};

static double since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress_tick(struct progress *p, uint64_t events, uint64_t offset, bool gz)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (since(&p->last, &now) < 0.5)
		return;
	p->last = now;
	double el = since(&p->start, &now);
	if (gz)
		fprintf(stderr, "\r%" PRIu64 " events, %.0f events/s   ", events,
			el > 0 ? (double)events / el : 0.0);
	else
		fprintf(stderr, "\r%3.0f%% %" PRIu64 " events, %.0f events/s   ",
			p->size ? 100.0 * (double)offset / (double)p->size : 0.0, events,
			el > 0 ? (double)events / el : 0.0);
}

/* sysdig -v's last line: CPU seconds used and the events that passed the filter. */
static void print_elapsed(clock_t cpu0, uint64_t nevents)
{
	double el = (double)(clock() - cpu0) / CLOCKS_PER_SEC;

	fprintf(stderr, "Elapsed time: %.3f, Captured Events: %" PRIu64 ", %.2f eps\n", el,
		nevents, el > 0 ? (double)nevents / el : 0.0);
}

/* Files at least this large get a progress line when stderr is a terminal. */
#define PROGRESS_MIN_BYTES (64ull << 20)

int cmd_sysdig(int argc, char **argv)
{
	const char *file = NULL, *format = NULL, *wpath = NULL;
	bool gzip = false;
	unsigned long long seconds = 0, snaplen = 0;
	unsigned long long rotate_bytes = 0, rotate_seconds = 0, max_files = 0;
	bool json = false, summary = false, quiet = false, verbose = false;
	bool list = false, list_ev = false, progress = false, unbuffered = false;
	uint64_t max_events = 0;
	enum buf_format bf = BUF_NORMAL;
	enum time_mode tmode = TIME_HUMAN;
	int opt;

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
		{ "version", no_argument, NULL, OPT_VERSION },
		/* sysdig's options that sysray rejects (reject_option() says why) */
		{ "print-base64", no_argument, NULL, 'b' },
		{ "print-hex", no_argument, NULL, 'x' },
		{ "exclude-users", no_argument, NULL, 'E' },
		{ "debug", no_argument, NULL, 'D' },
		{ "force-tracers-capture", no_argument, NULL, 'T' },
		{ "bpf", optional_argument, NULL, 'B' },
		{ "chisel", required_argument, NULL, 'c' },
		{ "list-chisels", no_argument, NULL, OPT_REJECT },
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
	optind = 1;
	int longidx = -1;

	static const char shortopts[] =
		"+r:p:jn:M:s:w:zC:G:W:t:SAXlLqvhPdFU:NbxREDTB::c:i:k:K:m:H:I:e:";

	while ((opt = getopt_long(argc, argv, shortopts, longopts, &longidx)) != -1) {
		switch (opt) {
		case 'P': progress = true; break;
		case 'd':
		case 'F':
		case 'N':
			break;
		case OPT_UNBUFFERED: unbuffered = true; break;
		case OPT_VERSION:
			printf("sysray version %s (sysdig 0.29 command line)\n", SYSRAY_VERSION);
			return 0;
		case 'R': case 'E': case 'D': case 'T': case 'B': case 'c': case 'U':
		case 'i': case 'k': case 'K': case 'm': case 'H': case 'I': case 'e':
		case OPT_REJECT:
			reject_option(opt, opt == OPT_REJECT ? longopts[longidx].name : NULL);
			return 1;
		case 'r': file = optarg; break;
		case 'p': format = container_format(optarg); break;
		case 'j': json = true; break;
		case 'n': {
			char *end;
			max_events = strtoull(optarg, &end, 10);
			if (*end || !*optarg) {
				msg("-n: '%s' is not a number of events", optarg);
				return 1;
			}
			break;
		}
		case 'M':
		case 's': {
			char *end;
			unsigned long long v = strtoull(optarg, &end, 10);
			unsigned long long max = opt == 'M' ? 1ull << 30 : SR_MAX_SNAPLEN;
			if (*end || !*optarg || optarg[0] == '-' || v > max) {
				msg("-%c: '%s' is not a number from 0 to %llu", opt, optarg, max);
				return 1;
			}
			if (opt == 'M')
				seconds = v;
			else
				snaplen = v ? v : 1;
			break;
		}
		case 'C':
		case 'G':
		case 'W': {
			char *end;
			unsigned long long v = strtoull(optarg, &end, 10);
			if (*end || !*optarg || optarg[0] == '-' || !v || v > 1ull << 30) {
				msg("-%c: '%s' is not a number from 1 to %llu", opt, optarg, 1ull << 30);
				return 1;
			}
			if (opt == 'C')
				rotate_bytes = v * 1000000ull;	/* sysdig counts -C in 10^6 bytes */
			else if (opt == 'G')
				rotate_seconds = v;
			else
				max_files = v;
			break;
		}
		case 'w': wpath = optarg; break;
		case 'z': gzip = true; break;
		case 't':
			switch (optarg[0]) {
			case 'h': tmode = TIME_HUMAN; break;
			case 'a': tmode = TIME_ABS; break;
			case 'r': tmode = TIME_REL; break;
			case 'd': tmode = TIME_LATENCY; break;
			case 'D': tmode = TIME_DELTA; break;
			default:
				msg("-t: '%s' is none of h, a, r, d, D", optarg);
				return 1;
			}
			break;
		case 'S': summary = true; break;
		case 'A': bf = BUF_ASCII; break;
		case 'X': bf = BUF_HEX; break;
		case 'x': bf = BUF_HEX_ONLY; break;
		case 'b': bf = BUF_BASE64; break;
		case 'l': list = true; break;
		case 'L': list_ev = true; break;
		case 'q': quiet = true; break;
		case 'v': verbose = true; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 1;
		}
	}

	const struct field_registry *reg = sysdig_field_registry();
	if (list || list_ev) {
		if (list)
			field_registry_print(reg, verbose, stdout);
		if (list_ev)
			list_events();
		return 0;
	}

	/* the filter: the remaining words, joined as sysdig joins them */
	struct out ftext = { 0 };
	for (int i = optind; i < argc; i++) {
		if (i > optind)
			out_putc(&ftext, ' ');
		out_puts(&ftext, argv[i]);
	}
	out_putc(&ftext, 0);

	int rc = 1;
	struct filter *flt = NULL;
	struct template *tpl = NULL;
	struct scap_reader *r = NULL;
	struct state st;
	struct field_ctx ctx = { 0 };
	struct out line = { 0 };
	struct summary *sum = xcalloc(1, sizeof(*sum));
	state_init(&st);

	struct filter_error ferr;
	flt = filter_compile(ftext.buf, reg, &ferr);
	if (!flt) {
		char *m = filter_error_format(&ferr, ftext.buf);
		fprintf(stderr, "sysray: %s\n", m);
		free(m);
		goto out;
	}
	char terr[256];
	tpl = template_compile(format ? format : TEMPLATE_DEFAULT, reg, terr, sizeof(terr));
	if (!tpl) {
		fprintf(stderr, "sysray: %s\n", terr);
		goto out;
	}
	if (file && (wpath || gzip || seconds || snaplen || rotate_bytes || rotate_seconds)) {
		msg("-w, -z, -C, -G, -M and -s are for a live capture, not with -r");
		goto out;
	}
	if (gzip && !wpath) {
		msg("-z needs -w FILE");
		goto out;
	}
	if ((rotate_bytes || rotate_seconds || max_files) && !wpath) {
		msg("-C, -G and -W need -w FILE");
		goto out;
	}
	if (max_files && !rotate_bytes && !rotate_seconds) {
		msg("-W needs -C or -G");
		goto out;
	}
	if (!file) {
		struct template_env lenv = { .time_mode = tmode, .bf = bf };
		struct sysdig_live live = {
			.flt = flt, .tpl = tpl, .ctx = &ctx, .env = &lenv, .json = json,
			.quiet = quiet, .max_events = max_events, .seconds = seconds,
			.snaplen = (uint32_t)snaplen, .wpath = wpath, .gzip = gzip,
			.rotate_bytes = rotate_bytes, .rotate_seconds = rotate_seconds,
			.max_files = max_files,
			.counts = sum->count,
			.unbuffered = unbuffered, .verbose = verbose,
		};
		ctx.st = &st;
		ctx.bf = bf;
		ctx.json = json;
		ctx.verbose = verbose;
		/* live: container names and images from the runtime, as sysdig asks docker */
		ctx.container_resolve = container_api_inspect;
		clock_t cpu0 = clock();

		rc = sysdig_live_run(&live);
		if (verbose)
			print_elapsed(cpu0, live.nevents);
		if (!rc && summary)
			print_summary(sum);
		goto out;
	}

	struct progress prog = { 0 };
	struct stat sb;
	if (strcmp(file, "-") && !stat(file, &sb) &&
	    (progress || (isatty(2) && (uint64_t)sb.st_size >= PROGRESS_MIN_BYTES))) {
		prog.on = true;
		prog.size = (uint64_t)sb.st_size;
		clock_gettime(CLOCK_MONOTONIC, &prog.start);
		prog.last = prog.start;
	}

	r = scap_reader_open_path(file);
	ctx.st = &st;
	ctx.bf = bf;
	ctx.json = json;
	ctx.verbose = verbose;
	clock_t cpu0 = clock();
	uint64_t nevents = 0;
	struct template_env env = { .time_mode = tmode, .bf = bf };
	bool loaded = false, have_first = false;
	struct scap_event ev;
	int n;
	while ((n = scap_reader_next(r, &ev)) > 0) {
		if (n == SCAP_SECTION || !loaded) {
			state_load_meta(&st, scap_reader_meta(r));
			loaded = true;
			if (n == SCAP_SECTION)
				continue;
		}
		/* sysdig 0.29 skips the codes it does not know */
		if (ev.type >= SCAP_EVENT_MAX_029)
			continue;
		if (max_events && ctx.evnum >= max_events)
			break;
		ctx.evnum++;
		if (!have_first) {
			ctx.first_ts = env.first_ts = ev.ts;
			have_first = true;
		}
		state_event(&st, &ev);
		if (scap_is_container_event(ev.type))
			learn_container(&ctx, &ev);
		if (!(ev.dump_flags & DUMP_STATE_ONLY) && filter_match(flt, &ev, &ctx)) {
			/* sysdig counts the procinfo events it reads but does not show; container
			 * events never leave its reader */
			if (!hidden_type(ev.type) || ev.type == PPME_PROCINFO_E ||
			    ev.type == PPME_PROCINFO_X) {
				nevents++;
				sysdig_count(sum->count, &ev);
			}
			if (!hidden_type(ev.type)) {
				env.latency = st.cur.latency;
				if (!quiet && template_render(tpl, &ev, &ctx, &env, json, &line)) {
					out_putc(&line, '\n');
					fwrite(line.buf, 1, line.len, stdout);
					if (unbuffered)
						fflush(stdout);
				}
				env.prev_ts = ev.ts;
			}
		}
		state_event_done(&st);
		if (prog.on && (ctx.evnum & 0xfff) == 0)
			progress_tick(&prog, ctx.evnum, ev.offset, scap_reader_is_gzip(r));
	}
	if (prog.on)
		fputs("\r\033[K", stderr);
	if (n < 0) {
		fflush(stdout);
		msg("%s", scap_reader_error(r));
		goto out;
	}
	if (verbose) {
		/* a file has no driver: its counts are 0, as sysdig prints them */
		fprintf(stderr, "Driver Events:0\nDriver Drops:0\nSuppressed by Comm:0\n");
		print_elapsed(cpu0, nevents);
	}
	if (summary)
		print_summary(sum);
	rc = 0;
out:
	fflush(stdout);
	if (r)
		scap_reader_close(r);
	state_free(&st);
	field_ctx_free(&ctx);
	template_free(tpl);
	filter_free(flt);
	out_free(&ftext);
	out_free(&line);
	free(sum);
	return rc;
}
