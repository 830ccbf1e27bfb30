/*
 * Live capture for sysdig's command line. Each ring record of the eBPF source is a 24-byte
 * prefix and a scap v2 event; it becomes the same in-memory event the .scap reader yields
 * (the parameters of its code's table row, as `capture -w` writes them), then goes through
 * the state, the filter and the template exactly as on the -r path.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capture/container_event.h"
#include "capture/proc_snapshot.h"
#include "capture/scap_writer.h"
#include "cli/cgroup_pushdown.h"
#include "cli/sysdig_live.h"
#include "schema/syscalls.h"
#include "source/bpf/bpf_record.h"
#include "source/bpf/bpf_source.h"
#include "state/state.h"
#include "util/util.h"

/* Records handed over per poll: bounds the time before limits and signals are checked. */
#define POLL_BATCH 8192

/* PPM dump flag: the event only carries state (as sysdig's "fat file" mode writes it). */
#define DUMP_STATE_ONLY 1u

/*
 * Syscalls whose events keep the state current and which the eBPF source emits as dedicated
 * events: they go into the kernel's syscall set whatever the filter, or a process started
 * after the /proc snapshot would keep its parent's name and miss its fds.
 */
static const char *const state_syscalls[] = {
	"clone", "clone3", "fork", "vfork", "execve", "execveat", "open", "openat", "creat",
	"close", "socket", "connect", "accept", "accept4",
	"openat2", "dup", "dup2", "dup3", "pipe", "pipe2", "chdir", "fchdir",
	"setuid", "setgid", "setresuid", "setresgid", "bind", "socketpair",
};

struct live_run {
	struct sysdig_live *o;
	struct scap_writer *w;
	uint64_t records, matched, malformed;
	uint64_t nfiles;		/* files opened so far (-C/-G rotation) */
	struct timespec file_start;	/* when the current file was opened (-G) */
	bool have_first;
	bool disk_error;
	bool files_done;		/* -G with -W: the last file is complete */
	/* containers whose description the current file carries (a container event) */
	char (*announced)[16];
	size_t nannounced;
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static uint64_t elapsed_ns(const struct timespec *a)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (uint64_t)(now.tv_sec - a->tv_sec) * 1000000000ull + (uint64_t)now.tv_nsec -
	       (uint64_t)a->tv_nsec;
}

/*
 * The name of output file number INDEX, as sysdig names them: -w's name through strftime(3)
 * with -G, then the file's number with -C (modulo -W: a ring of files).
 */
static void output_name(const struct sysdig_live *o, uint64_t index, char *buf, size_t n)
{
	char base[PATH_MAX];
	const char *name = o->wpath;

	if (o->rotate_seconds) {
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		if (strftime(base, sizeof(base), o->wpath, &tm) > 0)
			name = base;
	}
	if (o->rotate_bytes)
		snprintf(buf, n, "%s%" PRIu64, name, o->max_files ? index % o->max_files : index);
	else
		snprintf(buf, n, "%s", name);
}

/* Opens the next output file and writes its section header and metadata. */
static int open_output(struct live_run *L, const struct scap_meta *meta)
{
	char path[PATH_MAX + 32], werr[400];

	output_name(L->o, L->nfiles, path, sizeof(path));
	L->w = scap_writer_open(path, L->o->gzip, werr, sizeof(werr));
	if (!L->w) {
		msg("%s", werr);
		return -1;
	}
	L->nfiles++;
	L->nannounced = 0;
	clock_gettime(CLOCK_MONOTONIC, &L->file_start);
	if (scap_writer_section(L->w, meta)) {
		msg("%s", scap_writer_error(L->w));
		return -1;
	}
	return 0;
}

static bool rotation_due(const struct live_run *L)
{
	const struct sysdig_live *o = L->o;

	if (o->rotate_bytes && scap_writer_bytes(L->w) >= o->rotate_bytes)
		return true;
	return o->rotate_seconds && elapsed_ns(&L->file_start) >= o->rotate_seconds * 1000000000ull;
}

/*
 * Closes the current file and starts the next one, each a whole capture: the next file
 * begins with the processes and fds of /proc as they are now.
 */
static void rotate_output(struct live_run *L)
{
	char werr[400];

	if (scap_writer_close(L->w, werr, sizeof(werr))) {
		msg("%s", werr);
		L->w = NULL;
		L->disk_error = true;
		return;
	}
	L->w = NULL;
	if (L->o->rotate_seconds && L->o->max_files && L->nfiles >= L->o->max_files) {
		L->files_done = true;
		return;
	}
	struct scap_meta meta;

	scap_meta_init(&meta);
	proc_snapshot(&meta);
	if (open_output(L, &meta))
		L->disk_error = true;
	scap_meta_free(&meta);
}

/* Writes EV to the current output file, rotating first when -C or -G says so. */
/*
 * Before the first event of a container's thread in a file: a container event with what the
 * runtime says, so that readers of the file know the container's name and image.
 */
static void announce_container(struct live_run *L, const struct scap_event *ev)
{
	const struct st_thread *t = state_thread(L->o->ctx->st, ev->tid);

	if (!t || !strcmp(t->container_id, "host"))
		return;
	for (size_t i = 0; i < L->nannounced; i++)
		if (!strcmp(L->announced[i], t->container_id))
			return;
	L->announced = xrealloc(L->announced, (L->nannounced + 1) * sizeof(*L->announced));
	snprintf(L->announced[L->nannounced++], 16, "%s", t->container_id);
	const struct container_meta *m = field_ctx_container(L->o->ctx, t->container_id);

	if (!m)
		return;
	char *text = container_event_json(t->container_id, m);
	struct scap_param p = { .val = (const uint8_t *)text, .len = (uint32_t)strlen(text) + 1 };
	/* no thread's; state only, as sysdig writes it: readers learn from it, show nothing */
	struct scap_event cev = { .ts = ev->ts, .tid = -1, .type = PPME_CONTAINER_JSON_2_E,
				  .nparams = 1, .cpu = ev->cpu, .params = &p,
				  .dump_flags = DUMP_STATE_ONLY };

	cev.len = (uint32_t)scap_event_record_len(cev.type, 1, &p);
	if (scap_writer_event(L->w, &cev))
		L->disk_error = true;
	free(text);
}

static void write_event(struct live_run *L, const struct scap_event *ev)
{
	if (rotation_due(L))
		rotate_output(L);
	if (L->w)
		announce_container(L, ev);
	if (L->w && scap_writer_event(L->w, ev))
		L->disk_error = true;
}

static bool state_event_type(unsigned type)
{
	const struct scap_event_info *info = scap_event_info(type);

	if (!info)
		return false;
	if (!strcmp(info->name, "procexit"))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(state_syscalls); i++)
		if (!strcmp(info->name, state_syscalls[i]))
			return true;
	return false;
}

static int on_record(void *vrun, const void *data, size_t size)
{
	struct live_run *L = vrun;
	struct sysdig_live *o = L->o;
	struct sr_record r;
	struct scap_param params[SR_MAX_PARAMS + 16];
	const struct scap_event_info *info;

	if (sr_record_parse(data, size, &r) || !(info = scap_event_info(r.type)) ||
	    info->nparams < 0 || info->nparams > (int)ARRAY_SIZE(params)) {
		L->malformed++;
		return 0;
	}
	L->records++;
	/* sysdig 0.29 skips the codes it does not know (as the -r path) */
	if (r.type >= SCAP_EVENT_MAX_029)
		return 0;

	/* The table row's parameters: what we lack is "not available", extra trailing ones
	 * (the generic events' raw arguments) are not scap's. */
	uint32_t n = (uint32_t)info->nparams;
	for (uint32_t i = 0; i < n; i++) {
		params[i].val = i < r.nparams ? r.params[i].val : NULL;
		params[i].len = i < r.nparams ? r.params[i].len : 0;
	}
	struct scap_event ev = {
		.ts = r.ts, .tid = (int64_t)r.tid, .type = r.type, .nparams = n,
		.cpu = r.prefix->cpu, .params = params,
	};
	ev.len = (uint32_t)scap_event_record_len(ev.type, n, params);

	struct field_ctx *ctx = o->ctx;
	struct state *st = ctx->st;

	ctx->evnum++;
	if (!L->have_first) {
		ctx->first_ts = o->env->first_ts = ev.ts;
		L->have_first = true;
	}
	state_event(st, &ev);
	bool match = filter_match(o->flt, &ev, ctx);
	if (match) {
		L->matched++;
		sysdig_count(o->counts, &ev);
		if (L->w) {
			write_event(L, &ev);
		} else if (!o->quiet) {
			static struct out line;

			line.len = 0;
			o->env->latency = st->cur.latency;
			if (template_render(o->tpl, &ev, ctx, o->env, o->json, &line)) {
				out_putc(&line, '\n');
				fwrite(line.buf, 1, line.len, stdout);
				if (o->unbuffered)
					fflush(stdout);
			}
		}
		o->env->prev_ts = ev.ts;
	} else if (L->w && state_event_type(ev.type)) {
		/* Readers update their state from it and do not show it. */
		ev.dump_flags = DUMP_STATE_ONLY;
		write_event(L, &ev);
	}
	state_event_done(st);
	return L->disk_error || L->files_done || (o->max_events && L->matched >= o->max_events);
}

/* Adds the syscalls that keep the state to MASK (SR_SC_WORDS words). */
static void add_state_syscalls(uint64_t *mask)
{
	for (size_t i = 0; i < ARRAY_SIZE(state_syscalls); i++) {
		long nr = syscall_nr_by_name(state_syscalls[i]);

		if (nr >= 0 && nr < SR_MAX_SYSCALLS)
			mask[nr / 64] |= 1ull << (nr % 64);
	}
}

/*
 * The kernel's syscall set: the syscalls the filter can match plus those that keep the
 * state; NULL (everything) when the filter does not restrict evt.type.
 */
static bool kernel_syscall_mask(const struct filter_pushdown *pd, uint64_t *mask)
{
	bool all = true;

	for (long nr = 0; nr < SYSCALL_NR_LIMIT && nr < SR_MAX_SYSCALLS; nr++) {
		if (filter_evset_has_syscall(&pd->events, nr))
			mask[nr / 64] |= 1ull << (nr % 64);
		else if (syscall_by_nr(nr))
			all = false;
	}
	if (all)
		return false;
	add_state_syscalls(mask);
	return true;
}


int sysdig_live_run(struct sysdig_live *o)
{
	struct live_run L = { .o = o };
	struct filter_pushdown pd;
	uint64_t mask[SR_SC_WORDS] = { 0 };
	pid_t pids[FILTER_PUSHDOWN_MAX];
	struct bpf_source_config cfg = { .procexit = true, .snaplen = o->snaplen };
	int status = 1;
	char err[600];

	filter_pushdown(o->flt, &pd);
	if (kernel_syscall_mask(&pd, mask))
		cfg.syscall_mask = mask;
	if (!pd.any_pid && pd.npids) {
		for (size_t i = 0; i < pd.npids; i++)
			pids[i] = (pid_t)pd.pids[i];
		cfg.pids = pids;
		cfg.npids = pd.npids;
	}
	/* proc.name = X: other processes' events are dropped in the kernel, except those
	 * that keep the state (a shell opens and forks, then its child execs into X). */
	uint64_t state_mask[SR_SC_WORDS] = { 0 };

	if (!pd.any_comm && pd.ncomms) {
		cfg.comms = (const char *const *)pd.comms;
		cfg.ncomms = pd.ncomms;
		add_state_syscalls(state_mask);
		cfg.state_mask = state_mask;
	}
	/* container.id tests: whole cgroups are dropped in the kernel, except the syscalls that
	 * keep the state (a process may enter a container's cgroup, then exec). */
	struct cgroup_pushdown cg;

	if (cgroup_pushdown_init(&cg, o->flt)) {
		cfg.cgroup_filter = true;
		add_state_syscalls(state_mask);
		cfg.state_mask = state_mask;
	}

	/* Caught before the (slow) load: a SIGINT during it ends the capture once it started,
	 * instead of being lost (a background job starts with SIGINT ignored). */
	struct sigaction sa = { .sa_handler = on_signal };
	struct sigaction old_int, old_term;

	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	struct bpf_source *src = bpf_source_open(&cfg, err, sizeof(err));

	filter_pushdown_free(&pd);
	if (!src) {
		msg("eBPF capture unavailable: %s", err);
		msg("for one command or process, 'sysray trace -f' (ptrace) works without eBPF");
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		return 1;
	}
	/* The /proc tables are read after the programs are attached: a process started in
	 * between is in the tables or in the events, never in neither. */
	struct scap_meta meta;
	bool meta_live = true;

	scap_meta_init(&meta);
	proc_snapshot(&meta);
	state_load_meta(o->ctx->st, &meta);
	if (o->wpath && open_output(&L, &meta))
		goto out;
	scap_meta_free(&meta);
	meta_live = false;
	if (cfg.cgroup_filter)
		cgroup_pushdown_scan(&cg, src);

	static char obuf[1 << 20];

	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));

	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct timespec cg_scanned = t0;

	status = 0;
	while (!interrupted && !L.disk_error && !L.files_done &&
	       !(o->max_events && L.matched >= o->max_events)) {
		long n = bpf_source_poll(src, 100, POLL_BATCH, on_record, &L);

		if (n < 0) {
			msg("reading the ring buffer: %s", strerror((int)-n));
			status = 1;
			break;
		}
		if (o->seconds && elapsed_ns(&t0) >= o->seconds * 1000000000ull)
			break;
		/* New cgroups (a container started) get their verdict within a second. */
		if (cfg.cgroup_filter && elapsed_ns(&cg_scanned) >= 1000000000ull) {
			cgroup_pushdown_scan(&cg, src);
			clock_gettime(CLOCK_MONOTONIC, &cg_scanned);
		}
		/* -G rotates on time even when no event arrives. */
		if (L.w && o->rotate_seconds && rotation_due(&L))
			rotate_output(&L);
	}
	/* No new records after the detach: the drain ends. */
	bpf_source_detach(src);
	while (!L.disk_error && !L.files_done && !(o->max_events && L.matched >= o->max_events) &&
	       bpf_source_poll(src, 0, POLL_BATCH, on_record, &L) > 0)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);

	uint64_t drops = bpf_source_drops(src);

	if (L.w) {
		char werr[400];
		unsigned long long written = scap_writer_events(L.w);

		if (L.disk_error)
			msg("%s: capture stopped; the file keeps the %llu events written before",
			    scap_writer_error(L.w), written);
		if (scap_writer_close(L.w, werr, sizeof(werr))) {
			if (!L.disk_error)
				msg("%s", werr);
			status = 1;
		}
		L.w = NULL;
		if (L.disk_error)
			status = 1;
	}
	if (o->json && !o->quiet && !o->wpath)
		printf("{\"events\":%" PRIu64 ",\"matched\":%" PRIu64 ",\"drops\":%" PRIu64 "}\n",
		       L.records, L.matched, drops);
	fflush(stdout);
	fprintf(stderr, "%" PRIu64 " events, %" PRIu64 " matched, %" PRIu64 " dropped\n",
		L.records, L.matched, drops);
	if (o->verbose)
		fprintf(stderr, "Driver Events:%" PRIu64 "\nDriver Drops:%" PRIu64
			"\nSuppressed by Comm:0\n", L.records, drops);
	if (o->verbose && cfg.ncomms)
		fprintf(stderr, "name filter in the kernel: %" PRIu64 " events dropped\n",
			bpf_source_filtered(src, SR_FILTERED_COMM));
	if (o->verbose && cfg.cgroup_filter)
		fprintf(stderr, "container filter in the kernel: %" PRIu64 " events dropped, "
			"%zu of %zu cgroups%s\n", bpf_source_filtered(src, SR_FILTERED_CGROUP),
			cg.dropped, cg.nids, cg.exact ? "" :
			" (cgroup v1 in use: cgroups that name no container are sent)");
	o->nevents = L.matched;
	if (L.malformed)
		msg("%" PRIu64 " malformed records skipped", L.malformed);
out:
	cgroup_pushdown_free(&cg);
	free(L.announced);
	if (meta_live)
		scap_meta_free(&meta);
	if (L.w)
		scap_writer_close(L.w, NULL, 0);
	bpf_source_close(src);
	return status;
}
