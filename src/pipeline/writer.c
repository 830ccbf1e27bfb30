/* SPDX-License-Identifier: Apache-2.0 */
#include "pipeline/writer.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture/container_event.h"
#include "pipeline/needed_state.h"
#include "util/util.h"

/* PPM dump flag: the event only carries state (as sysdig's "fat file" mode writes it). */
#define DUMP_STATE_ONLY 1u

/*
 * Syscalls whose events keep a reader's state current: written state-only when the filter
 * rejects them (the live source also always asks the kernel for them).
 */
static const char *const state_syscalls[] = {
	"clone", "clone3", "fork", "vfork", "execve", "execveat", "open", "openat", "creat",
	"close", "socket", "connect", "accept", "accept4",
	"openat2", "dup", "dup2", "dup3", "pipe", "pipe2", "chdir", "fchdir",
	"setuid", "setgid", "setresuid", "setresgid", "bind", "socketpair",
};

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
static void output_name(const struct writer *o, uint64_t index, char *buf, size_t n)
{
	char base[PATH_MAX];
	const char *name = o->path;

	if (o->rotate_seconds) {
		time_t now = time(NULL);
		struct tm tm;

		localtime_r(&now, &tm);
		if (strftime(base, sizeof(base), o->path, &tm) > 0)
			name = base;
	}
	if (o->rotate_bytes)
		snprintf(buf, n, "%s%" PRIu64, name, o->max_files ? index % o->max_files : index);
	else
		snprintf(buf, n, "%s", name);
}

/*
 * Opens the next output file and writes its section header and metadata. A filtered capture
 * (only_needed_state) is first written whole to a spool beside it, FILE.partial, and the file
 * itself made from the spool when it ends (close_output()).
 */
static int open_output(struct writer *o, const struct scap_meta *meta)
{
	char werr[400];

	output_name(o, o->nfiles, o->out_path, sizeof(o->out_path));
	const char *path = o->out_path;

	if (o->only_needed_state) {
		if (!o->needed && !(o->needed = needed_state_new(werr, sizeof(werr)))) {
			msg("%s: %s", o->out_path, werr);
			return -1;
		}
		snprintf(o->spool_path, sizeof(o->spool_path), "%s.partial", o->out_path);
		path = o->spool_path;
	}
	o->w = scap_writer_open(path, o->gzip && !o->only_needed_state, werr, sizeof(werr));
	if (!o->w) {
		msg("%s", werr);
		return -1;
	}
	o->nfiles++;
	o->nannounced = 0;
	clock_gettime(CLOCK_MONOTONIC, &o->file_start);
	if (scap_writer_section(o->w, meta)) {
		msg("%s", scap_writer_error(o->w));
		scap_writer_close(o->w, NULL, 0);
		o->w = NULL;
		return -1;
	}
	return 0;
}

static bool rotation_due(const struct writer *o)
{
	if (o->rotate_bytes && scap_writer_bytes(o->w) >= o->rotate_bytes)
		return true;
	return o->rotate_seconds && elapsed_ns(&o->file_start) >= o->rotate_seconds * 1000000000ull;
}

/*
 * Closes the current file; a filtered capture's file is then made from its spool, which goes.
 * Returns 0, or -1 after saying why.
 */
static int close_output(struct writer *o)
{
	char werr[400];
	int rc = 0;

	if (scap_writer_close(o->w, werr, sizeof(werr))) {
		msg("%s", werr);
		rc = -1;
	}
	o->w = NULL;
	if (o->only_needed_state) {
		if (needed_state_finish(o->needed, o->spool_path, o->out_path, o->gzip, werr,
					sizeof(werr))) {
			msg("%s", werr);
			rc = -1;
		}
		unlink(o->spool_path);
	}
	return rc;
}

/*
 * Closes the current file and starts the next one, each a whole capture: the next file
 * begins with the snapshot's processes and fds as they are now.
 */
static void rotate_output(struct writer *o)
{
	if (close_output(o)) {
		o->disk_error = true;
		return;
	}
	if (o->rotate_seconds && o->max_files && o->nfiles >= o->max_files) {
		o->files_done = true;
		return;
	}
	struct scap_meta meta;

	scap_meta_init(&meta);
	o->snapshot(&meta);
	if (open_output(o, &meta))
		o->disk_error = true;
	scap_meta_free(&meta);
}

/* EV into the current file (or its spool, noted for the second pass). */
static void put_event(struct writer *o, struct pipeline *p, const struct scap_event *ev,
		      bool matched)
{
	if (scap_writer_event(o->w, ev))
		o->disk_error = true;
	else if (o->needed)
		needed_state_note(o->needed, p->st, ev, matched);
}

/*
 * Before the first event of a container's thread in a file: a container event with what the
 * runtime says, so that readers of the file know the container's name and image.
 */
static void announce_container(struct writer *o, struct pipeline *p, const struct scap_event *ev)
{
	const struct st_thread *t = state_thread(p->st, ev->tid);

	if (!t || !strcmp(t->container_id, "host"))
		return;
	for (size_t i = 0; i < o->nannounced; i++)
		if (!strcmp(o->announced[i], t->container_id))
			return;
	o->announced = xrealloc(o->announced, (o->nannounced + 1) * sizeof(*o->announced));
	snprintf(o->announced[o->nannounced++], 16, "%s", t->container_id);
	const struct container_meta *m = field_ctx_container(p->ctx, t->container_id);

	if (!m)
		return;
	char *text = container_event_json(t->container_id, m);
	struct scap_param prm = { .val = (const uint8_t *)text, .len = (uint32_t)strlen(text) + 1 };
	/* no thread's; state only, as sysdig writes it: readers learn from it, show nothing */
	struct scap_event cev = { .ts = ev->ts, .tid = -1, .type = PPME_CONTAINER_JSON_2_E,
				  .nparams = 1, .cpu = ev->cpu, .params = &prm,
				  .dump_flags = DUMP_STATE_ONLY };

	cev.len = (uint32_t)scap_event_record_len(cev.type, 1, &prm);
	put_event(o, p, &cev, false);
	free(text);
}

/* Writes EV to the current output file, rotating first when -C or -G says so. MATCHED: the
 * filter accepted it (not a state-only copy). */
static int write_event(struct writer *o, struct pipeline *p, const struct scap_event *ev,
		       bool matched)
{
	if (o->w && rotation_due(o))
		rotate_output(o);
	if (o->w)
		announce_container(o, p, ev);
	if (o->w)
		put_event(o, p, ev, matched);
	return o->disk_error || o->files_done;
}

static int on_event(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	return write_event(opaque, p, ev, true);
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

/* Readers update their state from a rejected state event and do not show it. */
static int on_rejected(void *opaque, struct pipeline *p, const struct scap_event *ev)
{
	struct scap_event e = *ev;

	if (!state_event_type(ev->type))
		return 0;
	e.dump_flags = DUMP_STATE_ONLY;
	return write_event(opaque, p, &e, false);
}

static int on_meta(void *opaque, struct pipeline *p, const struct scap_meta *m)
{
	struct writer *o = opaque;

	if (o->w || o->nfiles)
		return 0;
	if (open_output(o, m))
		o->disk_error = true;
	return o->disk_error;
}

/* -G rotates on time even when no event arrives. */
static int on_tick(void *opaque, struct pipeline *p)
{
	struct writer *o = opaque;

	if (o->w && o->rotate_seconds && rotation_due(o))
		rotate_output(o);
	return o->disk_error || o->files_done;
}

static int on_end(void *opaque, struct pipeline *p)
{
	struct writer *o = opaque;
	int status = o->disk_error;

	if (o->w) {
		if (o->disk_error)
			msg("%s: capture stopped; the file keeps the %llu events written before",
			    scap_writer_error(o->w), scap_writer_events(o->w));
		if (close_output(o))
			status = 1;
	}
	free(o->announced);
	o->announced = NULL;
	needed_state_free(o->needed);
	o->needed = NULL;
	return status;
}

void writer_add(struct writer *w, struct pipeline *p, const struct filter *flt)
{
	pipeline_add(p, &(struct consumer){ .name = "writer", .filter = flt,
					    .on_event = on_event, .on_rejected = on_rejected,
					    .on_meta = on_meta, .on_tick = on_tick,
					    .on_end = on_end, .opaque = w });
}
