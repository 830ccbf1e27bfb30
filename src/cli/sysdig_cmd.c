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

#include "capture/scap_reader.h"
#include "cli/commands.h"
#include "cli/sysdig_live.h"
#include "fields/sysdig_extract.h"
#include "filter/filter.h"
#include "format/render.h"
#include "format/template.h"
#include "source/bpf/bpf_event.h"
#include "state/state.h"
#include "util/util.h"

/* Event codes sysdig 0.29 reads but never shows: procinfo and container events. */
static bool hidden_type(unsigned type)
{
	return type == 234 || type == 235 || type == 228 || type == 229 || type == 272 ||
	       type == 273 || type == 324 || type == 325;
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
		"  -t h|a|r|d|D time of %%evt.outputtime: human, absolute, relative, delta, date\n"
		"  -A           print buffers as ASCII (with newlines)\n"
		"  -X           print buffers in hex and ASCII\n"
		"  -S           print a per-event-type summary at the end\n"
		"  -q           print no events (with -S: the summary only)\n"
		"  -l, -L       list the fields / the events\n"
		"  -v           verbose: also list each field's type with -l\n"
		"  -h           this text\n");
}

static void list_fields(const struct field_registry *reg, bool verbose)
{
	const char *cls = "";
	for (size_t i = 0; i < reg->n; i++) {
		const struct field_desc *fd = reg->fields[i];
		size_t clen = strcspn(fd->name, ".");
		if (strncmp(cls, fd->name, clen) || cls[clen]) {
			static char cur[32];
			snprintf(cur, sizeof(cur), "%.*s", (int)clen, fd->name);
			cls = cur;
			printf("\n----------------------\nField Class: %s\n\n", cur);
		}
		if (verbose)
			printf("%-24s %-8s %s\n", fd->name, field_type_name(fd->type), fd->desc);
		else
			printf("%-24s %s\n", fd->name, fd->desc);
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
	uint64_t count[SCAP_EVENT_MAX];
};

static void print_summary(const struct summary *s)
{
	/* sysdig -S: calls per event name, most frequent first */
	struct row {
		const char *name;
		uint64_t n;
	} rows[SCAP_EVENT_MAX];
	size_t nr = 0;
	for (unsigned c = 0; c < SCAP_EVENT_MAX; c++) {
		if (!s->count[c])
			continue;
		const struct scap_event_info *info = scap_event_info(c);
		const char *name = info ? info->name : "<unknown>";
		size_t j;
		for (j = 0; j < nr; j++)
			if (!strcmp(rows[j].name, name))
				break;
		if (j == nr)
			rows[nr++] = (struct row){ name, 0 };
		rows[j].n += s->count[c];
	}
	for (size_t a = 1; a < nr; a++)
		for (size_t b = a; b > 0 && rows[b - 1].n < rows[b].n; b--) {
			struct row x = rows[b];
			rows[b] = rows[b - 1];
			rows[b - 1] = x;
		}
	printf("----------------------\n%-24s#Calls\n----------------------\n", "Event");
	for (size_t i = 0; i < nr; i++)
		printf("%-24s%" PRIu64 "\n", rows[i].name, rows[i].n);
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

/* Files at least this large get a progress line when stderr is a terminal. */
#define PROGRESS_MIN_BYTES (64ull << 20)

int cmd_sysdig(int argc, char **argv)
{
	const char *file = NULL, *format = NULL, *wpath = NULL;
	bool gzip = false;
	unsigned long long seconds = 0, snaplen = 0;
	unsigned long long rotate_bytes = 0, rotate_seconds = 0, max_files = 0;
	bool json = false, summary = false, quiet = false, verbose = false;
	bool list = false, list_ev = false;
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
		{ NULL, 0, NULL, 0 },
	};
	optind = 1;
	while ((opt = getopt_long(argc, argv, "+r:p:jn:M:s:w:zC:G:W:t:SAXlLqvh", longopts,
				  NULL)) != -1) {
		switch (opt) {
		case 'r': file = optarg; break;
		case 'p': format = optarg; break;
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
			case 'd': tmode = TIME_DELTA; break;
			case 'D': tmode = TIME_DATE; break;
			default:
				msg("-t: '%s' is none of h, a, r, d, D", optarg);
				return 1;
			}
			break;
		case 'S': summary = true; break;
		case 'A': bf = BUF_ASCII; break;
		case 'X': bf = BUF_HEX; break;
		case 'l': list = true; break;
		case 'L': list_ev = true; break;
		case 'q': quiet = true; break;
		case 'v': verbose = true; break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 1;
		}
	}

	struct field_registry reg = { 0 };
	sysdig_fields_register(&reg);
	if (list || list_ev) {
		if (list)
			list_fields(&reg, verbose);
		if (list_ev)
			list_events();
		field_registry_free(&reg);
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
	flt = filter_compile(ftext.buf, &reg, &ferr);
	if (!flt) {
		char *m = filter_error_format(&ferr, ftext.buf);
		fprintf(stderr, "sysray: %s\n", m);
		free(m);
		goto out;
	}
	char terr[256];
	tpl = template_compile(format ? format : TEMPLATE_DEFAULT, &reg, terr, sizeof(terr));
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
		struct template_env lenv = { .time_mode = tmode };
		struct sysdig_live live = {
			.flt = flt, .tpl = tpl, .ctx = &ctx, .env = &lenv, .json = json,
			.quiet = quiet, .max_events = max_events, .seconds = seconds,
			.snaplen = (uint32_t)snaplen, .wpath = wpath, .gzip = gzip,
			.rotate_bytes = rotate_bytes, .rotate_seconds = rotate_seconds,
			.max_files = max_files,
			.counts = sum->count,
		};
		ctx.st = &st;
		ctx.bf = bf;
		ctx.json = json;
		rc = sysdig_live_run(&live);
		if (!rc && summary)
			print_summary(sum);
		goto out;
	}

	struct progress prog = { 0 };
	struct stat sb;
	if (isatty(2) && strcmp(file, "-") && !stat(file, &sb) &&
	    (uint64_t)sb.st_size >= PROGRESS_MIN_BYTES) {
		prog.on = true;
		prog.size = (uint64_t)sb.st_size;
		clock_gettime(CLOCK_MONOTONIC, &prog.start);
		prog.last = prog.start;
	}

	r = scap_reader_open_path(file);
	ctx.st = &st;
	ctx.bf = bf;
	ctx.json = json;
	struct template_env env = { .time_mode = tmode };
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
			ctx.first_ts = env.first_ts = env.prev_ts = ev.ts;
			have_first = true;
		}
		state_event(&st, &ev);
		if (!hidden_type(ev.type) && !(ev.dump_flags & DUMP_STATE_ONLY) &&
		    filter_match(flt, &ev, &ctx)) {
			sum->count[ev.type]++;
			if (!quiet && template_render(tpl, &ev, &ctx, &env, json, &line)) {
				out_putc(&line, '\n');
				fwrite(line.buf, 1, line.len, stdout);
			}
			env.prev_ts = ev.ts;
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
	field_registry_free(&reg);
	out_free(&ftext);
	out_free(&line);
	free(sum);
	return rc;
}
