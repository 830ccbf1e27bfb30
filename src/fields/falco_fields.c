/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The fields Falco's default rules read that sysdig 0.29 lacks, over the state layer: the
 * parent's and ancestors' executables, a thread's capability sets, what the executable file
 * is (memfd, overlayfs upper layer, inode and times), a container's start and an fd's path as
 * the open call got it. Their rows are in the class tables (proc.c, container.c, fd.c), with
 * .falco set; each says which value by its id.
 *
 * A value the state was not told (a capture from a producer that did not record it, a
 * process met only in events) is missing, never guessed.
 */
#include "fields/falco_fields.h"

#include <ctype.h>

#include "fields/extract.h"
#include "procfs/caps.h"
#include "procfs/exe_file.h"
#include "schema/ppm_flags.h"

/* "CAP_CHOWN CAP_KILL ...": the names of the capabilities in SET, lowest bit first, upper
 * case as Falco prints them; bits without a name are left out. */
static size_t put_caps(struct field_ctx *c, uint64_t set, struct field_value *out)
{
	struct out *o = field_scratch(c);

	for (unsigned bit = 0; bit < 64; bit++) {
		const char *name = (set >> bit) & 1 ? cap_name(bit) : NULL;

		if (!name)
			continue;
		if (o->len)
			out_putc(o, ' ');
		for (; *name; name++)
			out_putc(o, (char)toupper((unsigned char)*name));
	}
	return put_out(out, o);
}

static size_t put_exepath(const struct st_thread *p, struct field_value *out)
{
	return put_cstr(out, p->exepath ? p->exepath : "");
}

/* A PPM_EXE_* flag of T's executable as a boolean, missing when nothing said. */
static size_t put_exe_flag(const struct st_thread *t, uint32_t flag, struct field_value *out)
{
	if (!(t->exe_flags_known & flag))
		return 0;
	return put_b(out, t->exe_flags & flag);
}

static size_t proc_field(const struct field_ref *ref, struct field_ctx *c,
			 struct st_thread *t, struct field_value *out)
{
	const struct st_thread *m = state_main_thread(c->st, t);
	const struct st_thread *p;

	switch (ref->field->id) {
	case FF_PEXE:
		return (p = field_parent(c)) ? put_cstr(out, p->exe) : 0;
	case FF_PEXEPATH:
		return (p = field_parent(c)) ? put_exepath(p, out) : 0;
	case FF_AEXEPATH:
		return field_ancestors(ref, c, put_exepath, out);
	case FF_IS_EXE_FROM_MEMFD:
		/* the new image's path tells, whatever else the producer recorded */
		if (t->exepath && exe_path_is_memfd(t->exepath))
			return put_b(out, true);
		return put_exe_flag(t, PPM_EXE_FROM_MEMFD, out);
	case FF_IS_EXE_UPPER_LAYER:
		return put_exe_flag(t, PPM_EXE_UPPER_LAYER, out);
	case FF_EXE_INO:
		return t->exe_known ? put_i(out, FT_INT64, (int64_t)t->exe_ino) : 0;
	case FF_EXE_INO_CTIME:
		return t->exe_known ? put_u(out, FT_ABSTIME, t->exe_ino_ctime) : 0;
	case FF_EXE_INO_MTIME:
		return t->exe_known ? put_u(out, FT_ABSTIME, t->exe_ino_mtime) : 0;
	case FF_EXE_INO_CTIME_DURATION_PROC_START:
		/* from the file's last status change to the clone that started the process */
		if (!t->exe_known || !m->clone_ts || m->clone_ts < t->exe_ino_ctime)
			return 0;
		return put_u(out, FT_ABSTIME, m->clone_ts - t->exe_ino_ctime);
	case FF_CAP_INHERITABLE:
		return t->caps_known ? put_caps(c, t->cap_inheritable, out) : 0;
	case FF_CAP_PERMITTED:
		return t->caps_known ? put_caps(c, t->cap_permitted, out) : 0;
	case FF_CAP_EFFECTIVE:
		return t->caps_known ? put_caps(c, t->cap_effective, out) : 0;
	case FF_CONTAINER_START_TS:
		/* a container's processes share its pid namespace, whose init it started */
		if (!strcmp(t->container_id, "host") || !t->pidns_init_start_ts)
			return 0;
		return put_u(out, FT_ABSTIME, t->pidns_init_start_ts);
	}
	return 0;
}

/* TEXT with each run of slashes folded into one (Falco's only change to the raw path). */
static size_t put_raw_path(struct field_ctx *c, const char *text, struct field_value *out)
{
	struct out *o = field_scratch(c);

	for (const char *s = text; *s; s++)
		if (*s != '/' || s == text || s[-1] != '/')
			out_putc(o, *s);
	return put_out(out, o);
}

size_t falco_field_extract(const struct field_ref *ref, const void *event, void *ctx,
			   struct field_value *out)
{
	struct field_ctx *c = ctx;
	struct st_thread *t = field_thread(ctx);

	if (ref->field->id == FF_FD_NAMERAW) {
		const struct st_current *cur = &c->st->cur;

		if (cur->failed_path_raw)
			return put_raw_path(c, cur->failed_path_raw, out);
		if (cur->fd && cur->fd->name_raw)
			return put_raw_path(c, cur->fd->name_raw, out);
		return 0;
	}
	if (!t || !t->live)
		return 0;
	return proc_field(ref, c, t, out);
}
