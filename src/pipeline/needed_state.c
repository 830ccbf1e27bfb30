/* SPDX-License-Identifier: Apache-2.0 */
#include "pipeline/needed_state.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "capture/scap_reader.h"
#include "capture/scap_writer.h"
#include "util/util.h"

/* How far up the parent chain ancestors are kept (sysdig's proc.aname walks as far). */
#define ANCESTORS_MAX 64

/* Roles of a thread group in the output file. */
enum need {
	NEED_NONE,
	NEED_ANCESTOR,	/* an ancestor of a matched group: no environment */
	NEED_MATCHED,
};

/* Thread group id -> enum need; open addressing, at most half full, key 0 = empty slot. */
struct need_set {
	int64_t *keys;
	uint8_t *vals;
	size_t cap, n;
};

struct needed_state {
	struct need_set groups;
	/* The thread group of each spooled event, in order, as 32-bit ids (pid_max <= 2^22):
	 * the spool's events carry a thread id only, and the group a thread belongs to is
	 * known for sure only while its events are captured. */
	FILE *index;
	uint64_t nevents;
};

static size_t slot_of(const struct need_set *s, int64_t key)
{
	size_t i = (size_t)(((uint64_t)key * 0x9E3779B97F4A7C15ull) >> 20) & (s->cap - 1);

	while (s->keys[i] && s->keys[i] != key)
		i = (i + 1) & (s->cap - 1);
	return i;
}

static enum need need_of(const struct need_set *s, int64_t tgid)
{
	if (!s->cap || tgid <= 0)
		return NEED_NONE;
	size_t i = slot_of(s, tgid);

	return s->keys[i] ? (enum need)s->vals[i] : NEED_NONE;
}

static void need_raise(struct need_set *s, int64_t tgid, enum need need)
{
	if (tgid <= 0)
		return;
	if ((s->n + 1) * 2 > s->cap) {
		struct need_set bigger = { .cap = s->cap ? s->cap * 2 : 256 };

		bigger.keys = xcalloc(bigger.cap, sizeof(*bigger.keys));
		bigger.vals = xcalloc(bigger.cap, sizeof(*bigger.vals));
		for (size_t i = 0; i < s->cap; i++)
			if (s->keys[i])
				need_raise(&bigger, s->keys[i], (enum need)s->vals[i]);
		free(s->keys);
		free(s->vals);
		*s = bigger;
	}
	size_t i = slot_of(s, tgid);

	if (!s->keys[i]) {
		s->keys[i] = tgid;
		s->n++;
	}
	if (s->vals[i] < need)
		s->vals[i] = (uint8_t)need;
}

static void need_clear(struct need_set *s)
{
	free(s->keys);
	free(s->vals);
	memset(s, 0, sizeof(*s));
}

struct needed_state *needed_state_new(char *err, size_t errlen)
{
	struct needed_state *ns = xcalloc(1, sizeof(*ns));

	/* tmpfile(3): created 0600 and already unlinked, gone with the process */
	ns->index = tmpfile();
	if (!ns->index) {
		snprintf(err, errlen, "cannot create a temporary file: %s", strerror(errno));
		free(ns);
		return NULL;
	}
	return ns;
}

void needed_state_free(struct needed_state *ns)
{
	if (!ns)
		return;
	need_clear(&ns->groups);
	fclose(ns->index);
	free(ns);
}

void needed_state_note(struct needed_state *ns, const struct state *st,
		       const struct scap_event *ev, bool matched)
{
	const struct st_thread *t = ev->tid > 0 ? state_thread(st, ev->tid) : NULL;
	/* a thread the state already dropped (its procexit) was its group's main thread or
	 * one the reader forgets anyway */
	int64_t tgid = t ? t->pid : ev->tid;
	uint32_t rec = tgid > 0 && tgid < UINT32_MAX ? (uint32_t)tgid : 0;

	fwrite(&rec, sizeof(rec), 1, ns->index);
	ns->nevents++;
	if (!matched || !t)
		return;
	/* a group matched before has had its ancestors raised: walk again only when its
	 * parent is not among them (it was reparented since) */
	const struct st_thread *parent = t->ptid > 0 ? state_thread(st, t->ptid) : NULL;

	if (need_of(&ns->groups, t->pid) == NEED_MATCHED &&
	    (!parent || need_of(&ns->groups, parent->pid) != NEED_NONE))
		return;
	need_raise(&ns->groups, t->pid, NEED_MATCHED);
	for (int depth = 0; parent && parent != t && depth < ANCESTORS_MAX; depth++) {
		need_raise(&ns->groups, parent->pid, NEED_ANCESTOR);
		t = parent;
		parent = t->ptid > 0 ? state_thread(st, t->ptid) : NULL;
	}
}

/* The metadata of the needed groups only: a shallow copy of M's tables (the strings stay
 * M's), ancestors without their environment. Free with free(out->threads). */
static void needed_meta(const struct needed_state *ns, const struct scap_meta *m,
			struct scap_meta *out)
{
	*out = *m;
	out->threads = xcalloc(m->nthreads ? m->nthreads : 1, sizeof(*out->threads));
	out->nthreads = 0;
	out->tid_index = NULL;
	out->tid_index_cap = 0;
	for (size_t i = 0; i < m->nthreads; i++) {
		enum need need = need_of(&ns->groups, m->threads[i].pid);

		if (need == NEED_NONE)
			continue;
		struct scap_thread *t = &out->threads[out->nthreads++];

		*t = m->threads[i];
		if (need == NEED_ANCESTOR) {
			t->env = NULL;
			t->env_len = 0;
		}
	}
}

/* EV of an ancestor group, without the environment its execve carries. */
static const struct scap_event *without_env(const struct scap_event *ev, struct scap_event *copy,
					    struct scap_param *params, size_t max)
{
	if (ev->nparams > max)
		return ev;
	*copy = *ev;
	copy->params = params;
	for (uint32_t i = 0; i < ev->nparams; i++) {
		const struct scap_param_info *pi = scap_event_param_info(ev, i);

		params[i] = ev->params[i];
		if (pi && !strcmp(pi->name, "env"))
			params[i].len = 0;
	}
	return copy;
}

/* Whether pass 2 keeps EV, whose thread group is TGID; KEEP_ENV: with its environment. */
static bool keeps(const struct needed_state *ns, const struct scap_event *ev, int64_t tgid,
		  bool *keep_env)
{
	enum need need = need_of(&ns->groups, tgid);

	*keep_env = need != NEED_ANCESTOR;
	/* matched events, and the container descriptions (no thread) written before them */
	if (!(ev->dump_flags & 1u) || ev->tid < 0)
		return true;
	return need != NEED_NONE;
}

static int write_needed_section(const struct needed_state *ns, const struct scap_reader *r,
				struct scap_writer *w)
{
	struct scap_meta meta;
	int rc;

	needed_meta(ns, scap_reader_meta(r), &meta);
	rc = scap_writer_section(w, &meta);
	free(meta.threads);
	return rc;
}

int needed_state_finish(struct needed_state *ns, const char *spool, const char *out, bool gzip,
			char *err, size_t errlen)
{
	struct scap_reader *r = scap_reader_open_path(spool);
	struct scap_writer *w = scap_writer_open(out, gzip, err, errlen);
	struct scap_event ev, copy;
	struct scap_param params[64];
	bool have_section = false;
	uint64_t n = 0;
	int rc = w ? 0 : -1, next = 0;

	fflush(ns->index);
	rewind(ns->index);
	/* the spool is one section, its metadata read when it opened; a spool without events
	 * is a reader's error ("no events"), so it is not read past its metadata */
	while (!rc && ns->nevents && (next = scap_reader_next(r, &ev)) > 0) {
		if (!have_section) {
			rc = write_needed_section(ns, r, w);
			have_section = true;
		}
		if (!rc && next == SCAP_EVENT) {
			uint32_t tgid = 0;
			bool keep_env;

			if (n++ < ns->nevents && fread(&tgid, sizeof(tgid), 1, ns->index) != 1)
				tgid = 0;
			if (keeps(ns, &ev, tgid, &keep_env))
				rc = scap_writer_event(w, keep_env ? &ev :
						       without_env(&ev, &copy, params, 64));
		}
		if (rc)
			snprintf(err, errlen, "%s", scap_writer_error(w));
	}
	if (!rc && next < 0) {
		snprintf(err, errlen, "%s", scap_reader_error(r));
		rc = -1;
	}
	if (!rc && !have_section && write_needed_section(ns, r, w)) {
		snprintf(err, errlen, "%s", scap_writer_error(w));
		rc = -1;
	}
	if (w && scap_writer_close(w, rc ? NULL : err, rc ? 0 : errlen))
		rc = -1;
	scap_reader_close(r);
	need_clear(&ns->groups);
	rewind(ns->index);
	ns->nevents = 0;
	return rc;
}
