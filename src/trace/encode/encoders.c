/* SPDX-License-Identifier: Apache-2.0 */
/* The dispatch: each area's table by syscall number; syscalls of no table as generic events. */
#include <string.h>

#include "capture/event_table.h"
#include "capture/ppm_sc.h"
#include "trace/encode/encode.h"

static const struct syscall_encoder *const areas[] = {
	fs_encoders, net_encoders, process_encoders,
};

void syscall_encoders_init(struct syscall_encoders *t)
{
	memset(t, 0, sizeof(*t));
	for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++)
		for (const struct syscall_encoder *c = areas[i]; c->nr >= 0; c++)
			if (c->nr < SYSCALL_NR_LIMIT)
				t->by_nr[c->nr] = c;
	param_recipes_build(t->recipes);
	/* Syscall number -> PPM_SC code, by name: both tables name syscalls the same way. */
	for (unsigned code = 1; scap_ppm_sc_name(code); code++) {
		long nr = syscall_nr_by_name(scap_ppm_sc_name(code));

		if (nr >= 0 && nr < SYSCALL_NR_LIMIT && !t->ppm_sc[nr])
			t->ppm_sc[nr] = code;
	}
}

static const struct syscall_encoder *encoder_of(const struct syscall_encoders *t, long nr)
{
	return nr >= 0 && nr < SYSCALL_NR_LIMIT ? t->by_nr[nr] : NULL;
}

/* The recipes of syscall NR when they describe its events, else NULL. */
static const struct sr_syscall_recipes *recipes_of(const struct syscall_encoders *t, long nr)
{
	return nr >= 0 && nr < SR_MAX_SYSCALLS && t->recipes[nr].event ? &t->recipes[nr] : NULL;
}

unsigned syscall_event(const struct syscall_encoders *t, long nr, bool exit)
{
	const struct syscall_encoder *c = encoder_of(t, nr);
	const struct sr_syscall_recipes *r = recipes_of(t, nr);

	return (c ? c->event : r ? r->event : PPME_GENERIC_E) + exit;
}

/* A generic event: the PPM_SC code (0: unknown to libs), then the syscall number. */
static void generic(const struct syscall_encoders *t, struct enc *e)
{
	evb_u16(e->b, e->nr >= 0 && e->nr < SYSCALL_NR_LIMIT ? t->ppm_sc[e->nr] : 0);
	evb_u16(e->b, e->nr);
}

void syscall_encode(const struct syscall_encoders *t, struct enc *e, bool exit)
{
	const struct syscall_encoder *c = encoder_of(t, e->nr);
	const struct sr_syscall_recipes *r = recipes_of(t, e->nr);
	enc_fn *fn = c ? (exit ? c->exit : c->enter) : NULL;

	if (!c && r)
		recipe_encode(r, e, exit);
	else if (!c)
		generic(t, e);
	else if (fn)
		fn(e);
}

/* Starts the event of TYPE at the end of BUF: false for a type of too many parameters. */
static bool begin(struct event_builder *b, struct scap_buf *buf, uint64_t ts, pid_t tid,
		  unsigned type)
{
	const struct scap_event_info *info = scap_event_info(type);

	if (!info || info->nparams < 0 || info->nparams > ENC_MAX_PARAMS)
		return false;
	evb_begin(b, buf, ts, tid, type, info->nparams);
	return true;
}

static size_t end(struct event_builder *b)
{
	while (b->np < b->nparams)
		evb_unavailable(b);
	return evb_end(b);
}

size_t syscall_record(const struct syscall_encoders *t, struct scap_buf *buf, uint64_t ts,
		      struct enc *e, bool exit)
{
	struct event_builder b;

	if (!begin(&b, buf, ts, e->ev->pid, syscall_event(t, e->nr, exit)))
		return 0;
	e->b = &b;
	syscall_encode(t, e, exit);
	e->b = NULL;
	return end(&b);
}

size_t procexit_record(struct scap_buf *buf, uint64_t ts, const struct tracer_event *ev)
{
	struct event_builder b;

	if (!begin(&b, buf, ts, ev->pid, PPME_PROCEXIT_1_E))
		return 0;
	encode_procexit(&b, ev);
	return end(&b);
}
